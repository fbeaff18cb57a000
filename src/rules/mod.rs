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
pub use local::{LocalIssue, LocalIssueKind};
pub use params::{Params, Ratio};
pub use sequence::{Sequence, Step};

mod local;
pub mod params;
mod sequence;

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
    trinh_tu: Vec<sequence::StepDef>,
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
    xac_minh: Vec<String>,
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
    /// The official text of the set was read and states this value (`verified-2025.md`).
    pub xac_minh: bool,
    /// Set by the workspace's own rules.
    pub rieng: bool,
}

/// One rule, as in force in a set.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// Its code: `R13`.
    pub ma: String,
    /// What it says, in Vietnamese, with the values of its parameters in this set.
    pub ten: String,
    /// What it says, in English, likewise.
    pub ten_en: String,
    /// Error or warning.
    pub muc_do: MucDo,
    /// The citation: "06-HD/TW §5.4".
    pub can_cu: String,
    /// The text of this set was not found (UNVERIFIED): the rule is carried over.
    pub chua_xac_minh: bool,
    /// The official text of the set was read and says this (`verified-2025.md`).
    pub xac_minh: bool,
    /// Its parameters.
    pub tham_so: Vec<Param>,
    /// The workspace's source for its own version of the rule, if it has one.
    pub rieng: Option<String>,
    /// `ten` and `ten_en` as written, `{ten_tham_so}` standing for a parameter's value.
    #[serde(skip)]
    mau: (String, String),
}

impl Rule {
    /// Whether the rule or one of its numbers is UNVERIFIED in this set: its citation says so.
    pub fn unverified(&self) -> bool {
        self.chua_xac_minh || self.tham_so.iter().any(|p| p.chua_xac_minh)
    }

    /// Writes the values of the parameters into `ten` and `ten_en` (again after a workspace's
    /// own rules changed them).
    fn fill(&mut self) {
        let fill = |text: &str| {
            self.tham_so.iter().fold(text.to_string(), |t, p| {
                t.replace(&format!("{{{}}}", p.ten), &p.gia_tri.to_string())
            })
        };
        let (vi, en) = (fill(&self.mau.0), fill(&self.mau.1));
        self.ten = vi;
        self.ten_en = en;
    }

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
    /// The values of the rules' parameters, typed, for the checks; `quy_tac` shows them.
    #[serde(skip)]
    pub params: Params,
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
            unverified: rule.is_some_and(Rule::unverified),
        }
    }

    /// The severity of a breach of a rule.
    pub fn severity(&self, code: &str) -> Severity {
        self.rule(code).map_or(Severity::Error, Rule::severity)
    }
}

/// The built-in rules: the holiday rules and the sets, oldest first.
#[derive(Debug)]
pub struct RuleBook {
    /// How national holidays are placed.
    pub lich: HolidayRules,
    /// The sets, oldest first, without any workspace's own rules.
    pub sets: Vec<RuleSet>,
    /// The order of the documents of a dossier (R8), the same in every set.
    pub trinh_tu: Sequence,
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
                    // What this set's own text says: verified when it (or the whole rule) is
                    // listed in `xac_minh` and not marked UNVERIFIED.
                    let listed = |list: &[String]| list.contains(&key);
                    let unverified =
                        (p.chua_xac_minh || listed(&def.chua_xac_minh)) && !listed(&def.xac_minh);
                    let verified =
                        listed(&def.xac_minh) || (def.xac_minh.contains(&r.ma) && !unverified);
                    params.push(Param {
                        ten: p.ten.clone(),
                        gia_tri: value,
                        chat_hon: p.chat_hon,
                        chua_xac_minh: unverified,
                        xac_minh: verified,
                        rieng: false,
                    });
                }
                let verified = def.xac_minh.contains(&r.ma);
                let mut rule = Rule {
                    ma: r.ma.clone(),
                    ten: String::new(),
                    ten_en: String::new(),
                    muc_do: r.muc_do,
                    can_cu: lookup_cite(&r.ma)?,
                    chua_xac_minh: (r.chua_xac_minh || def.chua_xac_minh.contains(&r.ma))
                        && !verified,
                    xac_minh: verified,
                    tham_so: params,
                    rieng: None,
                    mau: (r.ten.clone(), r.ten_en.clone()),
                };
                rule.fill();
                rules.push(rule);
            }
            for listed in def.xac_minh.iter().chain(&def.chua_xac_minh) {
                let (code, name) = listed.split_once('.').unwrap_or((listed, ""));
                let known = rules
                    .iter()
                    .any(|r| r.ma == code && (name.is_empty() || r.param(name).is_some()));
                if !known {
                    return Err(format!("set `{}` marks unknown `{listed}`", def.ma));
                }
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
                params: Params::of(&rules).map_err(|e| format!("set `{}`: {e}", def.ma))?,
                quy_tac: rules,
            });
        }
        Ok(RuleBook {
            lich: file.lich,
            sets,
            trinh_tu: Sequence::new(file.trinh_tu)?,
            holidays: std::sync::OnceLock::new(),
        })
    }

    /// The national holidays of these rules (every working-day count needs them), computed once.
    pub fn holidays(&self) -> &Holidays {
        self.holidays
            .get_or_init(|| Holidays::new(self.lich.clone()))
    }
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

    /// Every set gives every parameter the checks read, of its kind; the R41 list is not empty
    /// and every citation is filled in.
    #[test]
    fn every_set_has_its_typed_parameters() {
        let book = RuleBook::builtin();
        assert_eq!(book.sets.len(), 4);
        for set in &book.sets {
            assert_eq!(set.params.r25.ty_le, Ratio { a: 2, b: 3 }, "{}", set.ma);
            assert_eq!(set.params.r28.ty_le, Ratio { a: 2, b: 3 }, "{}", set.ma);
            assert_eq!(set.params.r29.ty_le, Ratio { a: 2, b: 3 }, "{}", set.ma);
            assert_eq!(set.params.r36.thang_du_bi, 12, "{}", set.ma);
            assert_eq!(set.params.r2.tuoi_tu_thang, 216, "{}", set.ma);
            assert!(set.params.r26.tru_khong_trieu_tap.0);
            assert!(!set.params.r41.khong_ket_nap_lai.is_empty());
            for r in &set.quy_tac {
                assert!(!r.can_cu.contains('{'), "{} {}: {}", set.ma, r.ma, r.can_cu);
            }
        }
    }

    /// The built-in rules file with `edit` applied to its text: must it load?
    fn loads_with(from: &str, to: &str) -> Result<RuleBook, String> {
        let text = FORMS_DIR
            .get_file(RULES_FILE)
            .and_then(|f| f.contents_utf8())
            .unwrap();
        assert!(text.contains(from), "{from}");
        RuleBook::parse(&text.replacen(from, to, 1))
    }

    /// A parameter the checks read that the data lacks, misspells or gives the wrong kind of
    /// value is an error when the rules are loaded, naming the rule and the parameter.
    #[test]
    fn a_missing_or_mistyped_parameter_does_not_load() {
        let probation = "      - {ten: thang_du_bi, gia_tri: 12}\n";
        let wait = "      - {ten: thang_cho, gia_tri: 36, chat_hon: lon_hon}\n";
        let err = loads_with(wait, "").unwrap_err();
        assert!(err.contains("R40") && err.contains("thang_cho"), "{err}");
        let err = loads_with(probation, "      - {ten: thang_du_bj, gia_tri: 12}\n").unwrap_err();
        assert!(err.contains("thang_du_bj"), "{err}");
        for wrong in ["\"mười hai\"", "-12", "[muoi_hai]", "2/3"] {
            let to = format!("      - {{ten: thang_du_bi, gia_tri: {wrong}}}\n");
            let err = loads_with(probation, &to).unwrap_err();
            assert!(err.contains("R36.thang_du_bi"), "{wrong}: {err}");
        }
        // A set's own value of the wrong kind.
        let err = loads_with("R31.ngay_ket_nap: 45", "R31.ngay_ket_nap: [bon_lam]").unwrap_err();
        assert!(
            err.contains("294-QĐ/TW") && err.contains("R31.ngay_ket_nap"),
            "{err}"
        );
        // A ratio that is not one, a reason for leaving that does not exist, a 0/1 that is 2.
        let err = loads_with(
            "{ten: ty_le, gia_tri: 2/3,",
            "{ten: ty_le, gia_tri: hai phần ba,",
        )
        .unwrap_err();
        assert!(err.contains("R25.ty_le"), "{err}");
        let err = loads_with("[tu_bo_sinh_hoat,", "[tu_bo_sinh_hoat_dang,").unwrap_err();
        assert!(err.contains("R41.khong_ket_nap_lai"), "{err}");
        let err = loads_with(
            "tru_khong_trieu_tap, gia_tri: 1",
            "tru_khong_trieu_tap, gia_tri: 2",
        )
        .unwrap_err();
        assert!(err.contains("R26.tru_khong_trieu_tap"), "{err}");
        // A parameter no check reads.
        let err = loads_with(
            probation,
            &format!("{probation}      - {{ten: thang_them, gia_tri: 1}}\n"),
        )
        .unwrap_err();
        assert!(err.contains("thang_them"), "{err}");
        // And the file as built in loads.
        assert!(loads_with(probation, probation).is_ok());
    }

    /// A workspace's stricter value the checks cannot read is not applied: a reason for leaving
    /// that does not exist added to R41's list.
    #[test]
    fn a_local_value_the_checks_cannot_read_is_not_applied() {
        let mut list: Vec<String> = RuleBook::builtin().sets[3]
            .params
            .r41
            .khong_ket_nap_lai
            .iter()
            .map(|h| h.id().to_string())
            .collect();
        list.push("bo_di_nuoc_ngoai".into());
        let own = QuyTacRieng {
            ma: "R41".into(),
            tham_so: [("khong_ket_nap_lai".to_string(), GiaTri::DanhSach(list))]
                .into_iter()
                .collect(),
            muc_do: None,
            can_cu: None,
        };
        let (sets, issues) = RuleBook::builtin().with_local(&[own]);
        assert!(
            matches!(issues[0].kind, LocalIssueKind::WrongKind { .. }),
            "{issues:?}"
        );
        assert_eq!(sets[3].params, RuleBook::builtin().sets[3].params);
        assert!(sets[3].rule("R41").unwrap().rieng.is_none());
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
        let forms: Vec<(String, Ngay)> = crate::forms::Catalogue::builtin()
            .regulations
            .iter()
            .map(|r| (r.ma.clone(), r.hieu_luc_tu))
            .collect();
        assert_eq!(rules, forms);
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
        assert_eq!(on("28/09/2025"), "294-QĐ/TW");
        assert_eq!(on("29/09/2025"), "38-HD/BTCTW");
        let set = |d: &str| f.on(Ngay::parse(d).unwrap());
        assert!(
            set("15/08/2025")
                .van_ban
                .contains(&"12-HD/BTCTW".to_string())
        );
        assert!(
            set("01/10/2025")
                .van_ban
                .contains(&"38-HD/BTCTW".to_string())
        );
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

    /// The numbers of R31 as verified-2025.md gives them: 45 and 30 working days, extendable by
    /// 15, under 294-QĐ/TW in both of its sets; 60 before, the earlier extension UNVERIFIED. Each
    /// says whether the official text was read for it, and the rule's name prints its numbers.
    #[test]
    fn the_numbers_of_each_set_say_whether_they_are_verified() {
        let f = InForce::new(&[]);
        for day in ["15/08/2025", "01/10/2025"] {
            let set = f.on(Ngay::parse(day).unwrap());
            assert_eq!(set.params.r31.ngay_ket_nap, 45, "{day}");
            assert_eq!(set.params.r31.ngay_chinh_thuc, 30, "{day}");
            assert_eq!(set.params.r31.gia_han_toi_da, 15, "{day}");
            let r31 = set.rule("R31").unwrap();
            assert!(r31.xac_minh && !r31.unverified(), "{day}");
            assert!(r31.tham_so.iter().all(|p| p.xac_minh), "{day}");
            assert!(r31.ten.contains("45 ngày làm việc"), "{}", r31.ten);
            assert!(r31.ten.contains("tối đa 15 ngày"), "{}", r31.ten);
            assert!(!set.cite("R31").unverified);
            assert!(set.cite("R7").unverified);
            assert_eq!(set.params.r20.tuoi_thanh_nien_den, 30);
        }
        let old = f.on(Ngay::parse("15/03/2023").unwrap());
        assert_eq!(old.params.r31.ngay_ket_nap, 60);
        assert!(old.rule("R31").unwrap().ten.contains("60 ngày làm việc"));
        assert!(old.cite("R31").unverified);
        assert!(!old.rule("R31").unwrap().xac_minh);
        // A workspace's stricter number is printed in the rule's name too.
        let own = QuyTacRieng {
            ma: "R31".into(),
            tham_so: [("ngay_ket_nap".to_string(), GiaTri::So(40))]
                .into_iter()
                .collect(),
            muc_do: None,
            can_cu: None,
        };
        let (sets, _) = RuleBook::builtin().with_local(&[own]);
        assert!(
            sets[3]
                .rule("R31")
                .unwrap()
                .ten
                .contains("40 ngày làm việc")
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
        assert_eq!(sets[2].params.r13.thang_hieu_luc, 48);
        assert_eq!(
            sets[2].cite("R13").local.as_deref(),
            Some("HD 05 của Đảng ủy")
        );
        let (sets, issues) = book.with_local(&[own("R13", "thang_hieu_luc", GiaTri::So(72))]);
        assert_eq!(sets[2].params.r13.thang_hieu_luc, 60);
        assert!(matches!(issues[0].kind, LocalIssueKind::NotStricter { .. }));
        let (_, issues) = book.with_local(&[own("R25", "ty_le", GiaTri::Chu("3/4".into()))]);
        assert!(issues.is_empty());
        let (_, issues) = book.with_local(&[own("R25", "ty_le", GiaTri::Chu("1/2".into()))]);
        assert_eq!(issues.len(), 4, "one for each set");
        let (sets, issues) =
            book.with_local(&[own("R13", "thang_hieu_luc", GiaTri::Chu("48".into()))]);
        assert!(issues.is_empty());
        assert_eq!(sets[0].params.r13.thang_hieu_luc, 48);
        let (sets, issues) = book.with_local(&[own("R13", "thang_hieu_luc", GiaTri::So(-5))]);
        assert!(matches!(issues[0].kind, LocalIssueKind::WrongKind { .. }));
        assert_eq!(sets[0].params.r13.thang_hieu_luc, 60);
        let (sets, issues) =
            book.with_local(&[own("R13", "thang_hieu_luc", GiaTri::Chu("4/3".into()))]);
        assert!(matches!(issues[0].kind, LocalIssueKind::WrongKind { .. }));
        assert_eq!(sets[0].params.r13.thang_hieu_luc, 60);
        let (_, issues) = book.with_local(&[own("R36", "thang_du_bi", GiaTri::So(18))]);
        assert_eq!(issues[0].kind, LocalIssueKind::Fixed);
        let (_, issues) = book.with_local(&[own("R99", "x", GiaTri::So(1))]);
        assert!(matches!(issues[0].kind, LocalIssueKind::UnknownRule { .. }));
    }
}
