//! A number names one document (36-HD/VPTW §1.3.1; verified-2025.md: "the same Số 45-QĐ/ĐU on two
//! dates is an error"). One index holds every number of the workspace: the register's
//! (`so_van_ban` in `to-chuc.yaml`) and those recorded on people (decisions, resolutions of the
//! đảng ủy, appraisals), each by its series ("QĐ/ĐU"), its
//! number and whether it is of the current term. In the register a number is given once in its
//! series and term; anywhere, one number of one issuer has one date.

use crate::diag::{Diagnostic, Problem};
use crate::model::{BaoCaoThamDinh, Ngay, NghiQuyetDangUy, Nguoi, QuyetDinh, Record, Workspace};
use crate::register::{Term, term_of};
use std::collections::HashMap;

/// The numbered documents of the Party committees on a person's record: the path of each, its
/// number, date and issuer (when recorded). Letters from elsewhere (the provincial committee's
/// consents) and the unions' resolutions are numbered in their issuers' own terms, which the
/// workspace does not know: they are not compared.
fn numbered(n: &Nguoi) -> [(&'static str, Parts<'_>); 6] {
    fn appraisal(b: Option<&BaoCaoThamDinh>) -> Parts<'_> {
        b.map_or((None, None, None), |b| {
            (b.so.as_deref(), b.ngay, b.co_quan.as_deref())
        })
    }
    fn resolution(q: Option<&NghiQuyetDangUy>) -> Parts<'_> {
        q.map_or((None, None, None), |q| {
            (q.so.as_deref(), q.ngay, q.co_quan.as_deref())
        })
    }
    fn decision(q: Option<&QuyetDinh>) -> Parts<'_> {
        q.map_or((None, None, None), |q| {
            (q.so.as_deref(), q.ngay, q.co_quan.as_deref())
        })
    }
    [
        ("tham_dinh", appraisal(n.tham_dinh.as_ref())),
        (
            "nghi_quyet_dang_uy",
            resolution(n.nghi_quyet_dang_uy.as_ref()),
        ),
        (
            "quyet_dinh_ket_nap",
            decision(n.quyet_dinh_ket_nap.as_ref()),
        ),
        (
            "tham_dinh_chinh_thuc",
            appraisal(n.tham_dinh_chinh_thuc.as_ref()),
        ),
        (
            "nghi_quyet_dang_uy_chinh_thuc",
            resolution(n.nghi_quyet_dang_uy_chinh_thuc.as_ref()),
        ),
        (
            "cong_nhan_chinh_thuc",
            decision(n.cong_nhan_chinh_thuc.as_ref()),
        ),
    ]
}

/// The numbers written on people's records, each with its series and date: taken, for the
/// register's next number (`hoso cap-so`), as they are for this check.
pub fn recorded(workspace: &Workspace) -> Vec<(u32, String, Option<Ngay>)> {
    workspace
        .people
        .iter()
        .flat_map(|record| numbered(&record.nguoi))
        .filter_map(|(_, (so, date, _))| {
            let (so, series) = so.and_then(parse)?;
            Some((so, series, date))
        })
        .collect()
}

/// For a decision on a person's record: whether it is recorded as one decision naming several
/// people (`nhieu_nguoi`). `None` for the other documents, which are not shared that way.
fn shared(n: &Nguoi, document: &str) -> Option<bool> {
    match document {
        "quyet_dinh_ket_nap" => n.quyet_dinh_ket_nap.as_ref().map(|q| q.nhieu_nguoi),
        "cong_nhan_chinh_thuc" => n.cong_nhan_chinh_thuc.as_ref().map(|q| q.nhieu_nguoi),
        _ => None,
    }
}

/// A numbered document's number, date and issuer, as recorded.
type Parts<'a> = (Option<&'a str>, Option<Ngay>, Option<&'a str>);

/// A number in its series and term.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    /// "QĐ/ĐU", "NQ/CB".
    series: String,
    /// 45.
    so: u32,
    /// Numbers restart at 01 each term.
    term: Term,
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
    /// For a decision, whether it is recorded as naming several people.
    shared: Option<bool>,
    origin: Origin,
}

/// Every number of a workspace, built once per validation and kept up to date as records change
/// (`live.rs`). Each number's entries are in the order a full build meets them: the register's,
/// then the people's in id order, as the problems name the first other entry found.
#[derive(Debug, Default, Clone)]
pub struct NumberIndex {
    by_key: HashMap<Key, Vec<Entry>>,
    /// The numbers the register gives, each once.
    register_keys: Vec<Key>,
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

/// The numbered documents a record names, each in one spelling ("Số 45-QĐ/ĐU" → "45-QĐ/ĐU"):
/// records that name one document are checked against each other (`live.rs` follows that link).
pub(super) fn documents(n: &Nguoi) -> impl Iterator<Item = String> + '_ {
    numbered(n)
        .into_iter()
        .filter_map(|(_, (so, _, _))| so.and_then(parse))
        .map(|(so, series)| format!("{so}-{series}"))
}

impl NumberIndex {
    /// The index of a workspace.
    pub fn new(workspace: &Workspace) -> NumberIndex {
        let org = &workspace.org.to_chuc;
        let mut index = NumberIndex {
            by_key: HashMap::new(),
            register_keys: Vec::new(),
            term_start: org.nhiem_ky_tu,
        };
        let mut by_key: HashMap<Key, Vec<Entry>> = HashMap::new();
        for (i, e) in org.so_van_ban.iter().enumerate() {
            let key = Key {
                series: crate::register::series(e, org),
                so: e.so,
                term: term_of(org.nhiem_ky_tu, e.ngay),
            };
            by_key.entry(key).or_default().push(Entry {
                date: e.ngay,
                issuer: None,
                shared: None,
                origin: Origin::Register(i),
            });
        }
        index.register_keys = by_key.keys().cloned().collect();
        index.by_key = by_key;
        for record in &workspace.people {
            index.add(record);
        }
        index
    }

    /// The numbers a record names, each with its entry.
    fn entries<'a>(&'a self, record: &'a Record) -> impl Iterator<Item = (Key, Entry)> + 'a {
        numbered(&record.nguoi)
            .into_iter()
            .filter_map(move |(document, (so, date, co_quan))| {
                let (so, series) = so.and_then(parse)?;
                let key = Key {
                    series,
                    so,
                    term: self.term(date),
                };
                let entry = Entry {
                    date,
                    issuer: issuer(co_quan),
                    shared: shared(&record.nguoi, document),
                    origin: Origin::Person {
                        id: record.id.clone(),
                        document: document.to_string(),
                    },
                };
                Some((key, entry))
            })
    }

    /// Adds the numbers of a record not in the index: each after the register's and the
    /// people's before it in id order.
    pub(super) fn add(&mut self, record: &Record) {
        let entries: Vec<(Key, Entry)> = self.entries(record).collect();
        for (key, entry) in entries {
            let list = self.by_key.entry(key).or_default();
            let at = list.partition_point(|e| match &e.origin {
                Origin::Register(_) => true,
                Origin::Person { id, .. } => id.as_str() <= record.id.as_str(),
            });
            list.insert(at, entry);
        }
    }

    /// Takes out the numbers of a record, as [`NumberIndex::add`] put them in.
    pub(super) fn remove(&mut self, record: &Record) {
        let keys: Vec<Key> = self.entries(record).map(|(key, _)| key).collect();
        for key in keys {
            let Some(list) = self.by_key.get_mut(&key) else {
                continue;
            };
            list.retain(|e| !matches!(&e.origin, Origin::Person { id, .. } if *id == record.id));
            if list.is_empty() {
                self.by_key.remove(&key);
            }
        }
    }

    /// The term of a document of this date.
    fn term(&self, date: Option<Ngay>) -> Term {
        term_of(self.term_start, date)
    }

    /// The register's problems: a number given twice in its series and term, at the second.
    pub fn register(&self, workspace: &Workspace) -> Vec<Diagnostic> {
        let org = &workspace.org;
        let mut d = Vec::new();
        for key in &self.register_keys {
            let Some(entries) = self.by_key.get(key) else {
                continue;
            };
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
    pub fn person(&self, record: &Record) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        for (document, (text, date, co_quan)) in numbered(&record.nguoi) {
            let (Some(text), Some(date)) = (text, date) else {
                continue;
            };
            let Some((so, series)) = parse(text) else {
                continue;
            };
            let issuer = issuer(co_quan);
            let key = Key {
                series,
                so,
                term: self.term(Some(date)),
            };
            let Some(entries) = self.by_key.get(&key) else {
                continue;
            };
            // The date first: most entries of a number are the same decision, on the same day,
            // and a decision names many people (comparing their ids was 4% of validate).
            let issuers_agree = |e: &Entry| match (&e.issuer, &issuer) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let other = entries.iter().find(|e| {
                e.date.is_some_and(|x| x != date)
                    && issuers_agree(e)
                    && !matches!(&e.origin, Origin::Person { id, document: doc }
                        if *id == record.id && doc == document)
            });
            if other.is_none()
                && let Some(own) = shared(&record.nguoi, document)
            {
                // The same number on the same date names one decision: every record it names
                // says so, or two documents would print one number.
                let twin = entries.iter().find(|e| {
                    let (Origin::Person { id, document: doc }, Some(theirs)) =
                        (&e.origin, e.shared)
                    else {
                        return false;
                    };
                    e.date == Some(date)
                        && !(own && theirs)
                        && doc == document
                        && issuers_agree(e)
                        && *id != record.id
                });
                if let Some(Entry {
                    origin: Origin::Person { id, .. },
                    ..
                }) = twin
                {
                    let field = format!("{document}.so");
                    d.push(Diagnostic::error(
                        Problem::NumberNotShared {
                            field: field.clone(),
                            number: text.trim().to_string(),
                            other: id.clone(),
                        },
                        Some(record.spans.locate(&field)),
                    ));
                }
            }
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
fn issuer(co_quan: Option<&str>) -> Option<String> {
    co_quan
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
}
