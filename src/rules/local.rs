//! A workspace's own rules (`quy_tac_rieng` in `to-chuc.yaml`): applied to the built-in sets only
//! where they are stricter, and what is wrong with them otherwise.

use super::{Huong, Params, RuleBook, RuleSet};
use crate::model::{GiaTri, QuyTacRieng};

impl RuleBook {
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
                    let Some(r) = set.quy_tac.iter().position(|r| r.ma == own.ma) else {
                        continue;
                    };
                    let Some(p) = set.quy_tac[r].tham_so.iter().position(|p| p.ten == *name) else {
                        continue;
                    };
                    let base = set.quy_tac[r].tham_so[p].gia_tri.clone();
                    // A number stays a number (`"48"` written in quotes is 48), so that the
                    // checks read it as the set's own value.
                    let value = match (&base, value.ratio()) {
                        (GiaTri::So(_), Some((n, 1))) => {
                            Some(GiaTri::So(i64::try_from(n).unwrap_or(i64::MAX)))
                        }
                        // A fraction or a list where a whole number is expected.
                        (GiaTri::So(_), _) => None,
                        _ => Some(value.clone()),
                    };
                    let verdict = value
                        .as_ref()
                        .and_then(|v| stricter_or_equal(v, &base, direction));
                    // The set with the value, if the checks can read it (a list of reasons
                    // that exist, a whole number where one is expected).
                    let typed = verdict.zip(value).map(|(stricter, value)| {
                        let mut rules = set.quy_tac.clone();
                        rules[r].tham_so[p].gia_tri = value;
                        (
                            stricter,
                            Params::of(&rules).ok().map(|params| (rules, params)),
                        )
                    });
                    match typed {
                        Some((true, Some((rules, params)))) => {
                            set.quy_tac = rules;
                            set.params = params;
                            let rule = &mut set.quy_tac[r];
                            rule.tham_so[p].rieng = true;
                            rule.rieng = Some(
                                own.can_cu
                                    .clone()
                                    .unwrap_or_else(|| "quy tắc riêng".to_string()),
                            );
                        }
                        Some((false, Some(_))) => issues.push(LocalIssue {
                            index: i,
                            param: Some(name.clone()),
                            kind: LocalIssueKind::NotStricter {
                                set: set.ma.clone(),
                                base: base.to_string(),
                                local: own.tham_so[name].to_string(),
                            },
                        }),
                        None | Some((_, None)) => {
                            issues.push(LocalIssue {
                                index: i,
                                param: Some(name.clone()),
                                kind: LocalIssueKind::WrongKind {
                                    base: base.to_string(),
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
        // The names of the rules say the values in force.
        for rule in sets.iter_mut().flat_map(|s| s.quy_tac.iter_mut()) {
            rule.fill();
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
