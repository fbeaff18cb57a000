//! A number names one document (36-HD/VPTW §1.3.1; verified-2025.md: "the same Số 45-QĐ/ĐU on two
//! dates is an error"). One index holds every number of the workspace: the register's
//! (`so_van_ban` in `to-chuc.yaml`) and those recorded on people (decisions, resolutions of the
//! đảng ủy, appraisals), each by its series ("QĐ/ĐU"), its
//! number and whether it is of the current term. In the register a number is given once in its
//! series and term; anywhere, one number of one issuer has one date.

use crate::diag::{Diagnostic, Problem};
use crate::model::{Ngay, PathView, Record, Workspace};
use std::collections::HashMap;

/// Where numbers of the Party committees stand on a person's record: the document's path, whose
/// `so`, `ngay` and `co_quan` (its issuer, when recorded) are read. Letters from elsewhere (the
/// provincial committee's consents) and the unions' resolutions are numbered in their issuers'
/// own terms, which the workspace does not know: they are not compared.
const NUMBERED: &[&str] = &[
    "tham_dinh",
    "nghi_quyet_dang_uy",
    "quyet_dinh_ket_nap",
    "tham_dinh_chinh_thuc",
    "nghi_quyet_dang_uy_chinh_thuc",
    "cong_nhan_chinh_thuc",
];

/// A number in its series and term.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    /// "QĐ/ĐU", "NQ/CB".
    series: String,
    /// 45.
    so: u32,
    /// Of the current term (`nhiem_ky_tu`): numbers restart at 01 each term.
    current_term: bool,
}

/// Where a number was found.
#[derive(Debug, Clone)]
enum Origin {
    /// The register's entry at this index.
    Register(usize),
    /// A person's record, at this document's path.
    Person { id: String, document: String },
}

/// One numbered document.
#[derive(Debug, Clone)]
struct Entry {
    date: Option<Ngay>,
    /// The issuer as recorded (lower case), when it is.
    issuer: Option<String>,
    origin: Origin,
}

/// Every number of a workspace, built once per validation.
#[derive(Debug, Default)]
pub struct NumberIndex {
    by_key: HashMap<Key, Vec<Entry>>,
    /// The first day of the current term (`nhiem_ky_tu`).
    term_start: Option<Ngay>,
}

/// "Số 45-QĐ/ĐU" → (45, "QĐ/ĐU"); `None` when the text is not a number of that shape.
fn parse(text: &str) -> Option<(u32, String)> {
    let t = text.trim();
    let t = t
        .strip_prefix("Số")
        .or_else(|| t.strip_prefix("số"))
        .unwrap_or(t)
        .trim_start_matches([':', ' ']);
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let series = t[digits.len()..].trim_start_matches(['-', ' ']).trim();
    if digits.is_empty() || series.is_empty() {
        return None;
    }
    Some((digits.parse().ok()?, series.to_string()))
}

impl NumberIndex {
    /// The index of a workspace.
    pub fn new(workspace: &Workspace) -> NumberIndex {
        let org = &workspace.org.to_chuc;
        let mut index = NumberIndex {
            by_key: HashMap::new(),
            term_start: org.nhiem_ky_tu,
        };
        let mut by_key: HashMap<Key, Vec<Entry>> = HashMap::new();
        for (i, e) in org.so_van_ban.iter().enumerate() {
            let key = Key {
                series: crate::register::series(e, org),
                so: e.so,
                current_term: crate::register::in_current_term(e, org),
            };
            by_key.entry(key).or_default().push(Entry {
                date: e.ngay,
                issuer: None,
                origin: Origin::Register(i),
            });
        }
        for record in &workspace.people {
            let view = PathView::of(&record.nguoi);
            for document in NUMBERED {
                let Some((so, series)) =
                    view.text(&format!("{document}.so")).and_then(|t| parse(&t))
                else {
                    continue;
                };
                let date = view.first_date(&format!("{document}.ngay"));
                let key = Key {
                    series,
                    so,
                    current_term: index.in_term(date),
                };
                by_key.entry(key).or_default().push(Entry {
                    date,
                    issuer: issuer(&view, document),
                    origin: Origin::Person {
                        id: record.id.clone(),
                        document: document.to_string(),
                    },
                });
            }
        }
        index.by_key = by_key;
        index
    }

    /// Whether a document of this date is of the current term (one without a date is taken as
    /// current, as the register takes its entries).
    fn in_term(&self, date: Option<Ngay>) -> bool {
        match (self.term_start, date) {
            (Some(start), Some(d)) => d >= start,
            _ => true,
        }
    }

    /// The register's problems: a number given twice in its series and term, at the second.
    pub fn register(&self, workspace: &Workspace) -> Vec<Diagnostic> {
        let org = &workspace.org;
        let mut d = Vec::new();
        for (key, entries) in &self.by_key {
            let register: Vec<usize> = entries
                .iter()
                .filter_map(|e| match e.origin {
                    Origin::Register(i) => Some(i),
                    Origin::Person { .. } => None,
                })
                .collect();
            for &i in register.iter().skip(1) {
                let problem = Problem::NumberReused {
                    number: format!("{:02}-{}", key.so, key.series),
                    kind: org.to_chuc.so_van_ban[i].loai.clone(),
                };
                d.push(Diagnostic::error(
                    problem,
                    Some(org.spans.locate(&format!("so_van_ban[{i}].so"))),
                ));
            }
        }
        // In the register's order, as a clerk reads it.
        d.sort_by_key(|x| x.location.as_ref().map(|l| l.line));
        d
    }

    /// A person's problems: a number recorded on them that names a document of another date.
    pub fn person(&self, record: &Record, view: &PathView) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        for document in NUMBERED {
            let Some(text) = view.text(&format!("{document}.so")) else {
                continue;
            };
            let Some((so, series)) = parse(&text) else {
                continue;
            };
            let Some(date) = view.first_date(&format!("{document}.ngay")) else {
                continue;
            };
            let issuer = issuer(view, document);
            let key = Key {
                series,
                so,
                current_term: self.in_term(Some(date)),
            };
            let Some(entries) = self.by_key.get(&key) else {
                continue;
            };
            let other = entries.iter().find(|e| {
                let same = matches!(&e.origin, Origin::Person { id, document: doc }
                    if *id == record.id && doc == document);
                let issuers_agree = match (&e.issuer, &issuer) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                !same && issuers_agree && e.date.is_some_and(|x| x != date)
            });
            if let Some(other) = other {
                let field = format!("{document}.so");
                d.push(Diagnostic::error(
                    Problem::NumberOnTwoDates {
                        field: field.clone(),
                        number: text.trim().to_string(),
                        date: date.short(),
                        other_date: other.date.map(|x| x.short()).unwrap_or_default(),
                        other: match &other.origin {
                            Origin::Register(i) => format!("to-chuc.yaml so_van_ban[{i}]"),
                            Origin::Person { id, document } => format!("{id}: {document}"),
                        },
                    },
                    Some(record.spans.locate(&field)),
                ));
            }
        }
        d
    }
}

/// The issuer of a document as recorded, compared without case or surrounding spaces.
fn issuer(view: &PathView, document: &str) -> Option<String> {
    view.text(&format!("{document}.co_quan"))
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
}
