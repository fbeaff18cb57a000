/*!
The admission rules in force, as data: rule sets keyed by the date they took effect, each rule with
its code, citation, severity and parameters (`forms/quy-tac.yaml`, embedded in the binary).

A record is checked against the set in force on the date of the event being checked. Numbers the
sources do not settle are parameters marked UNVERIFIED (`chua_xac_minh`), never literals in the
checks. A workspace may make rules stricter in `to-chuc.yaml` (`quy_tac_rieng`); an override that
would loosen a rule is not applied and is reported (`local-rule-not-stricter`).
*/

use crate::calendar::{HolidayRules, Holidays};
pub use crate::diag::Cite;
use crate::diag::Severity;
use crate::model::Ngay;
pub use crate::model::{GiaTri, MucDo, QuyTacRieng};
use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

static FORMS_DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/forms");

pub use crate::forms::RULES_FILE;

/// Which way a parameter is stricter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Huong {
    /// A larger value (a longer wait, a higher threshold, a longer list) is stricter.
    LonHon,
    /// A smaller value (a shorter validity, a shorter deadline) is stricter.
    NhoHon,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    lich: HolidayRules,
    quy_tac: Vec<RuleDef>,
    bo: Vec<SetDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    ma: String,
    ten: String,
    ten_en: String,
    muc_do: MucDo,
    #[serde(default)]
    chua_xac_minh: bool,
    #[serde(default)]
    tham_so: Vec<ParamDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamDef {
    ten: String,
    gia_tri: GiaTri,
    chat_hon: Option<Huong>,
    #[serde(default)]
    chua_xac_minh: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetDef {
    ma: String,
    hieu_luc_tu: Ngay,
    van_ban: Vec<String>,
    qd: String,
    hd: String,
    nv: String,
    ke_thua: Option<String>,
    #[serde(default)]
    can_cu: BTreeMap<String, String>,
    #[serde(default)]
    chua_xac_minh: Vec<String>,
    #[serde(default)]
    tham_so: BTreeMap<String, GiaTri>,
}

/// One parameter of a rule, as in force.
#[derive(Debug, Clone, Serialize)]
pub struct Param {
    /// Its name: `thang_hieu_luc`.
    pub ten: String,
    /// Its value.
    pub gia_tri: GiaTri,
    /// Which way is stricter; `None`: fixed, a workspace cannot change it.
    pub chat_hon: Option<Huong>,
    /// The sources do not settle it (UNVERIFIED): the domain notes' default.
    pub chua_xac_minh: bool,
    /// Set by the workspace's own rules.
    pub rieng: bool,
}

/// One rule, as in force in a set.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// Its code: `R13`.
    pub ma: String,
    /// What it says, in Vietnamese.
    pub ten: String,
    /// What it says, in English.
    pub ten_en: String,
    /// Error or warning.
    pub muc_do: MucDo,
    /// The citation: "06-HD/TW §5.4".
    pub can_cu: String,
    /// The text of this set was not found (UNVERIFIED): the rule is carried over.
    pub chua_xac_minh: bool,
    /// Its parameters.
    pub tham_so: Vec<Param>,
    /// The workspace's source for its own version of the rule, if it has one.
    pub rieng: Option<String>,
}

impl Rule {
    /// The severity of a breach.
    pub fn severity(&self) -> Severity {
        self.muc_do.severity()
    }

    fn param(&self, name: &str) -> Option<&Param> {
        self.tham_so.iter().find(|p| p.ten == name)
    }
}

/// A set of rules in force from a date.
#[derive(Debug, Clone, Serialize)]
pub struct RuleSet {
    /// Its code: `294-QĐ/TW`.
    pub ma: String,
    /// The first day it applies.
    pub hieu_luc_tu: Ngay,
    /// The texts it is made of.
    pub van_ban: Vec<String>,
    /// The rules.
    pub quy_tac: Vec<Rule>,
}

impl RuleSet {
    /// The rule with this code.
    pub fn rule(&self, code: &str) -> Option<&Rule> {
        self.quy_tac.iter().find(|r| r.ma == code)
    }

    /// The citation of a rule, for a diagnostic.
    pub fn cite(&self, code: &str) -> Cite {
        let rule = self.rule(code);
        Cite {
            rule: code.to_string(),
            text: rule.map(|r| r.can_cu.clone()).unwrap_or_default(),
            set: self.ma.clone(),
            local: rule.and_then(|r| r.rieng.clone()),
        }
    }

    /// The severity of a breach of a rule.
    pub fn severity(&self, code: &str) -> Severity {
        self.rule(code).map_or(Severity::Error, Rule::severity)
    }

    fn value(&self, code: &str, name: &str) -> Option<&GiaTri> {
        self.rule(code)?.param(name).map(|p| &p.gia_tri)
    }

    /// A number parameter. The built-in file is checked by the tests to hold every parameter the
    /// checks read; 0 stands in for a missing one.
    pub fn int(&self, code: &str, name: &str) -> i64 {
        match self.value(code, name) {
            Some(GiaTri::So(n)) => *n,
            _ => 0,
        }
    }

    /// A ratio parameter (`2/3`); 1/1 stands in for a missing one.
    pub fn ratio(&self, code: &str, name: &str) -> (u64, u64) {
        self.value(code, name)
            .and_then(GiaTri::ratio)
            .unwrap_or((1, 1))
    }

    /// A list parameter.
    pub fn list(&self, code: &str, name: &str) -> &[String] {
        match self.value(code, name) {
            Some(GiaTri::DanhSach(items)) => items,
            _ => &[],
        }
    }
}

/// The built-in rules: the holiday rules and the sets, oldest first.
#[derive(Debug)]
pub struct RuleBook {
    /// How national holidays are placed.
    pub lich: HolidayRules,
    /// The sets, oldest first, without any workspace's own rules.
    pub sets: Vec<RuleSet>,
    /// The holidays `lich` gives, computed when first asked for.
    holidays: std::sync::OnceLock<Holidays>,
}

impl RuleBook {
    /// The built-in rules. `forms/quy-tac.yaml` is checked by the test suite, so a failure here is
    /// a bug in the build, not a user error.
    pub fn builtin() -> &'static RuleBook {
        static BOOK: std::sync::OnceLock<RuleBook> = std::sync::OnceLock::new();
        BOOK.get_or_init(|| {
            let text = FORMS_DIR
                .get_file(RULES_FILE)
                .and_then(|f| f.contents_utf8())
                .unwrap_or_default();
            RuleBook::parse(text).unwrap_or_else(|e| panic!("built-in {RULES_FILE}: {e}"))
        })
    }

    /// Reads a rules file.
    pub fn parse(text: &str) -> Result<RuleBook, String> {
        let file: RulesFile = crate::model::from_yaml(text).map_err(|e| e.to_string())?;
        let mut sets: Vec<RuleSet> = Vec::new();
        let mut defs = file.bo.clone();
        defs.sort_by_key(|s| s.hieu_luc_tu);
        for def in &defs {
            // Citations and parameter changes of the parent set, then this set's own.
            let mut chain = vec![def];
            let mut parent = def.ke_thua.as_deref();
            while let Some(p) = parent {
                let found = defs
                    .iter()
                    .find(|d| d.ma == p)
                    .ok_or_else(|| format!("set `{}` inherits unknown `{p}`", def.ma))?;
                if chain.iter().any(|c| c.ma == found.ma) {
                    return Err(format!("set `{}` inherits in a loop", def.ma));
                }
                chain.push(found);
                parent = found.ke_thua.as_deref();
            }
            let lookup_cite = |code: &str| {
                chain
                    .iter()
                    .find_map(|s| s.can_cu.get(code))
                    .map(|c| {
                        c.replace("{qd}", &def.qd)
                            .replace("{hd}", &def.hd)
                            .replace("{nv}", &def.nv)
                    })
                    .ok_or_else(|| format!("set `{}` has no citation for {code}", def.ma))
            };
            let mut rules = Vec::new();
            for r in &file.quy_tac {
                let mut params = Vec::new();
                for p in &r.tham_so {
                    let key = format!("{}.{}", r.ma, p.ten);
                    let value = chain
                        .iter()
                        .find_map(|s| s.tham_so.get(&key))
                        .cloned()
                        .unwrap_or_else(|| p.gia_tri.clone());
                    params.push(Param {
                        ten: p.ten.clone(),
                        gia_tri: value,
                        chat_hon: p.chat_hon,
                        chua_xac_minh: p.chua_xac_minh,
                        rieng: false,
                    });
                }
                rules.push(Rule {
                    ma: r.ma.clone(),
                    ten: r.ten.clone(),
                    ten_en: r.ten_en.clone(),
                    muc_do: r.muc_do,
                    can_cu: lookup_cite(&r.ma)?,
                    chua_xac_minh: r.chua_xac_minh || def.chua_xac_minh.contains(&r.ma),
                    tham_so: params,
                    rieng: None,
                });
            }
            for s in &chain {
                for key in s.tham_so.keys() {
                    let (code, name) = key.split_once('.').unwrap_or((key, ""));
                    if !rules
                        .iter()
                        .any(|r| r.ma == code && r.param(name).is_some())
                    {
                        return Err(format!("set `{}` changes unknown parameter `{key}`", s.ma));
                    }
                }
            }
            sets.push(RuleSet {
                ma: def.ma.clone(),
                hieu_luc_tu: def.hieu_luc_tu,
                van_ban: def.van_ban.clone(),
                quy_tac: rules,
            });
        }
        Ok(RuleBook {
            lich: file.lich,
            sets,
            holidays: std::sync::OnceLock::new(),
        })
    }

    /// The national holidays of these rules (every working-day count needs them), computed once.
    pub fn holidays(&self) -> &Holidays {
        self.holidays
            .get_or_init(|| Holidays::new(self.lich.clone()))
    }

    /// The sets with a workspace's own rules applied where they are stricter, and what is wrong
    /// with the own rules (by index in `quy_tac_rieng`).
    pub fn with_local(&self, local: &[QuyTacRieng]) -> (Vec<RuleSet>, Vec<LocalIssue>) {
        let mut sets = self.sets.clone();
        let mut issues = Vec::new();
        for (i, own) in local.iter().enumerate() {
            let Some(def) = self.sets.last().and_then(|s| s.rule(&own.ma)) else {
                issues.push(LocalIssue {
                    index: i,
                    param: None,
                    kind: LocalIssueKind::UnknownRule {
                        suggestion: crate::suggest::closest(
                            &own.ma,
                            self.sets
                                .last()
                                .into_iter()
                                .flat_map(|s| s.quy_tac.iter().map(|r| r.ma.as_str())),
                        )
                        .map(str::to_string),
                    },
                });
                continue;
            };
            for (name, value) in &own.tham_so {
                let Some(p) = def.param(name) else {
                    issues.push(LocalIssue {
                        index: i,
                        param: Some(name.clone()),
                        kind: LocalIssueKind::UnknownParam {
                            suggestion: crate::suggest::closest(
                                name,
                                def.tham_so.iter().map(|p| p.ten.as_str()),
                            )
                            .map(str::to_string),
                        },
                    });
                    continue;
                };
                let Some(direction) = p.chat_hon else {
                    issues.push(LocalIssue {
                        index: i,
                        param: Some(name.clone()),
                        kind: LocalIssueKind::Fixed,
                    });
                    continue;
                };
                for set in &mut sets {
                    let Some(rule) = set.quy_tac.iter_mut().find(|r| r.ma == own.ma) else {
                        continue;
                    };
                    let Some(param) = rule.tham_so.iter_mut().find(|p| p.ten == *name) else {
                        continue;
                    };
                    // A number stays a number (`"48"` written in quotes is 48), so that the
                    // checks read it as the set's own value.
                    let value = match (&param.gia_tri, value.ratio()) {
                        (GiaTri::So(_), Some((n, 1))) => {
                            Some(GiaTri::So(i64::try_from(n).unwrap_or(i64::MAX)))
                        }
                        // A fraction or a list where a whole number is expected.
                        (GiaTri::So(_), _) => None,
                        _ => Some(value.clone()),
                    };
                    let verdict = value
                        .as_ref()
                        .and_then(|v| stricter_or_equal(v, &param.gia_tri, direction));
                    match verdict.zip(value) {
                        Some((true, value)) => {
                            param.gia_tri = value;
                            param.rieng = true;
                            rule.rieng = Some(
                                own.can_cu
                                    .clone()
                                    .unwrap_or_else(|| "quy tắc riêng".to_string()),
                            );
                        }
                        Some((false, _)) => issues.push(LocalIssue {
                            index: i,
                            param: Some(name.clone()),
                            kind: LocalIssueKind::NotStricter {
                                set: set.ma.clone(),
                                base: param.gia_tri.to_string(),
                                local: own.tham_so[name].to_string(),
                            },
                        }),
                        None => {
                            issues.push(LocalIssue {
                                index: i,
                                param: Some(name.clone()),
                                kind: LocalIssueKind::WrongKind {
                                    base: param.gia_tri.to_string(),
                                },
                            });
                            break;
                        }
                    }
                }
            }
            if let Some(level) = own.muc_do {
                for set in &mut sets {
                    if let Some(rule) = set.quy_tac.iter_mut().find(|r| r.ma == own.ma) {
                        if level >= rule.muc_do {
                            rule.muc_do = level;
                            rule.rieng = Some(
                                own.can_cu
                                    .clone()
                                    .unwrap_or_else(|| "quy tắc riêng".to_string()),
                            );
                        } else {
                            issues.push(LocalIssue {
                                index: i,
                                param: None,
                                kind: LocalIssueKind::NotStricter {
                                    set: set.ma.clone(),
                                    base: "loi".into(),
                                    local: "canh_bao".into(),
                                },
                            });
                            break;
                        }
                    }
                }
            }
        }
        (sets, issues)
    }
}

/// `Some(true)` when `local` is at least as strict as `base`, `None` when they cannot be compared.
fn stricter_or_equal(local: &GiaTri, base: &GiaTri, direction: Huong) -> Option<bool> {
    match (local, base) {
        (GiaTri::DanhSach(l), GiaTri::DanhSach(b)) => Some(match direction {
            Huong::LonHon => b.iter().all(|x| l.contains(x)),
            Huong::NhoHon => l.iter().all(|x| b.contains(x)),
        }),
        _ => {
            let (la, lb) = local.ratio()?;
            let (ba, bb) = base.ratio()?;
            // la/lb vs ba/bb without division.
            let (l, b) = (la * bb, ba * lb);
            Some(match direction {
                Huong::LonHon => l >= b,
                Huong::NhoHon => l <= b,
            })
        }
    }
}

/// Something wrong with one of a workspace's own rules.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalIssue {
    /// Its index in `quy_tac_rieng`.
    pub index: usize,
    /// The parameter concerned, if any.
    pub param: Option<String>,
    /// What is wrong.
    pub kind: LocalIssueKind,
}

/// What is wrong with a workspace's own rule.
#[derive(Debug, Clone, PartialEq)]
pub enum LocalIssueKind {
    /// No rule has this code.
    UnknownRule { suggestion: Option<String> },
    /// The rule has no such parameter.
    UnknownParam { suggestion: Option<String> },
    /// The parameter cannot be changed locally.
    Fixed,
    /// The local value is looser than the set's.
    NotStricter {
        set: String,
        base: String,
        local: String,
    },
    /// A number where a list is expected, or the reverse.
    WrongKind { base: String },
}

/// The sets that apply to a workspace: the built-in ones with its own rules.
#[derive(Debug, Clone)]
pub struct InForce {
    /// Oldest first.
    pub sets: Vec<RuleSet>,
}

impl InForce {
    /// The sets for a workspace's own rules.
    pub fn new(local: &[QuyTacRieng]) -> InForce {
        InForce {
            sets: RuleBook::builtin().with_local(local).0,
        }
    }

    /// The set in force on `date` (the oldest one before the first set took effect).
    pub fn on(&self, date: Ngay) -> &RuleSet {
        self.sets
            .iter()
            .rev()
            .find(|s| s.hieu_luc_tu <= date)
            .or(self.sets.first())
            .unwrap_or_else(|| &RuleBook::builtin().sets[0])
    }
}

impl InForce {
    /// The set in force on `date`, or the newest set when the date is not known.
    pub fn on_or_latest(&self, date: Option<Ngay>) -> &RuleSet {
        match date {
            Some(d) => self.on(d),
            None => self
                .sets
                .last()
                .unwrap_or_else(|| &RuleBook::builtin().sets[0]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every parameter a check reads exists in every set, with the right kind of value.
    #[test]
    fn every_parameter_the_checks_read_is_in_every_set() {
        let book = RuleBook::builtin();
        assert_eq!(book.sets.len(), 3);
        let ints = [
            ("R2", "tuoi_tu_thang"),
            ("R2", "tuoi_den_thang"),
            ("R2", "xem_lai_thang"),
            ("R4", "lop_toi_thieu"),
            ("R5", "lop_toi_thieu"),
            ("R13", "thang_hieu_luc"),
            ("R14", "thang_hieu_luc"),
            ("R16", "thang_hieu_luc"),
            ("R20", "so_nguoi"),
            ("R20", "so_nguoi_co_doan_the"),
            ("R21", "thang_cung_cong_tac"),
            ("R26", "tru_khong_trieu_tap"),
            ("R27", "chinh_thuc_toi_thieu"),
            ("R31", "ngay_ket_nap"),
            ("R31", "ngay_chinh_thuc"),
            ("R32", "ngay_lam_viec"),
            ("R33", "ngay_lam_viec"),
            ("R34", "ngay_lam_viec"),
            ("R36", "thang_du_bi"),
            ("R40", "thang_cho"),
            ("R40", "thang_sau_xoa_an_tich"),
        ];
        for set in &book.sets {
            for (code, name) in ints {
                assert!(
                    matches!(set.value(code, name), Some(GiaTri::So(n)) if *n >= 0),
                    "{} {code}.{name}",
                    set.ma
                );
            }
            for code in ["R25", "R28", "R29"] {
                assert_eq!(set.ratio(code, "ty_le"), (2, 3), "{} {code}", set.ma);
            }
            assert!(!set.list("R41", "khong_ket_nap_lai").is_empty());
            for r in &set.quy_tac {
                assert!(!r.can_cu.contains('{'), "{} {}: {}", set.ma, r.ma, r.can_cu);
            }
        }
    }

    /// Every rule set starts on the day of the regulation set of the same code, and a regulation
    /// set that no rule set starts with changes only the forms' guidance (38-HD/BTCTW replacing
    /// 12-HD/BTCTW on 29/09/2025, while the rule book splits there too or not).
    #[test]
    fn rule_sets_agree_with_the_regulation_sets_of_the_forms() {
        let rules: Vec<(String, Ngay)> = RuleBook::builtin()
            .sets
            .iter()
            .map(|s| (s.ma.clone(), s.hieu_luc_tu))
            .collect();
        let regulations = &crate::forms::Catalogue::builtin().regulations;
        let forms: Vec<(String, Ngay)> = regulations
            .iter()
            .map(|r| (r.ma.clone(), r.hieu_luc_tu))
            .collect();
        for rule_set in &rules {
            assert!(forms.contains(rule_set), "{rule_set:?} not in {forms:?}");
        }
        for pair in regulations.windows(2) {
            let (before, set) = (&pair[0], &pair[1]);
            if !rules.contains(&(set.ma.clone(), set.hieu_luc_tu)) {
                assert_eq!(
                    (&set.quy_dinh, &set.huong_dan),
                    (&before.quy_dinh, &before.huong_dan),
                    "{}",
                    set.ma
                );
                assert_ne!(set.nv, before.nv, "{}", set.ma);
            }
        }
    }

    #[test]
    fn the_set_in_force_depends_on_the_date() {
        let f = InForce::new(&[]);
        let on = |d: &str| f.on(Ngay::parse(d).unwrap()).ma.clone();
        assert_eq!(on("01/01/2019"), "24-QĐ/TW");
        assert_eq!(on("15/03/2023"), "24-QĐ/TW");
        assert_eq!(on("20/01/2025"), "232-QĐ/TW");
        assert_eq!(on("30/06/2025"), "232-QĐ/TW");
        assert_eq!(on("01/07/2025"), "294-QĐ/TW");
        assert_eq!(
            f.on(Ngay::parse("01/07/2025").unwrap()).cite("R13").text,
            "06-HD/TW §5.4"
        );
        assert_eq!(
            f.on(Ngay::parse("01/07/2023").unwrap()).cite("R2").text,
            "24-QĐ/TW §1.1.1"
        );
        assert_eq!(
            f.on(Ngay::parse("01/03/2025").unwrap()).cite("R2").text,
            "232-QĐ/TW §1.1.1"
        );
    }

    #[test]
    fn local_rules_apply_only_when_stricter() {
        let own = |ma: &str, name: &str, v: GiaTri| QuyTacRieng {
            ma: ma.into(),
            tham_so: [(name.to_string(), v)].into_iter().collect(),
            muc_do: None,
            can_cu: Some("HD 05 của Đảng ủy".into()),
        };
        let book = RuleBook::builtin();
        let (sets, issues) = book.with_local(&[own("R13", "thang_hieu_luc", GiaTri::So(48))]);
        assert!(issues.is_empty());
        assert_eq!(sets[2].int("R13", "thang_hieu_luc"), 48);
        assert_eq!(
            sets[2].cite("R13").local.as_deref(),
            Some("HD 05 của Đảng ủy")
        );
        let (sets, issues) = book.with_local(&[own("R13", "thang_hieu_luc", GiaTri::So(72))]);
        assert_eq!(sets[2].int("R13", "thang_hieu_luc"), 60);
        assert!(matches!(issues[0].kind, LocalIssueKind::NotStricter { .. }));
        let (_, issues) = book.with_local(&[own("R25", "ty_le", GiaTri::Chu("3/4".into()))]);
        assert!(issues.is_empty());
        let (_, issues) = book.with_local(&[own("R25", "ty_le", GiaTri::Chu("1/2".into()))]);
        assert_eq!(issues.len(), 3);
        let (sets, issues) =
            book.with_local(&[own("R13", "thang_hieu_luc", GiaTri::Chu("48".into()))]);
        assert!(issues.is_empty());
        assert_eq!(sets[0].int("R13", "thang_hieu_luc"), 48);
        let (sets, issues) = book.with_local(&[own("R13", "thang_hieu_luc", GiaTri::So(-5))]);
        assert!(matches!(issues[0].kind, LocalIssueKind::WrongKind { .. }));
        assert_eq!(sets[0].int("R13", "thang_hieu_luc"), 60);
        let (sets, issues) =
            book.with_local(&[own("R13", "thang_hieu_luc", GiaTri::Chu("4/3".into()))]);
        assert!(matches!(issues[0].kind, LocalIssueKind::WrongKind { .. }));
        assert_eq!(sets[0].int("R13", "thang_hieu_luc"), 60);
        let (_, issues) = book.with_local(&[own("R36", "thang_du_bi", GiaTri::So(18))]);
        assert_eq!(issues[0].kind, LocalIssueKind::Fixed);
        let (_, issues) = book.with_local(&[own("R99", "x", GiaTri::So(1))]);
        assert!(matches!(issues[0].kind, LocalIssueKind::UnknownRule { .. }));
    }
}
