/*!
Importing member and candidate lists from spreadsheets (`hoso import`): sheet → rows → records.

- `sheet.rs` reads an `.xlsx`/`.ods`/`.xls` workbook (calamine) or a `.csv` file (any encoding
  and separator Excel saves) into a grid, every read bounded before it allocates;
- `table.rs` finds the table in the grid: the header row under any title rows, the people's
  rows, and the rows read past (title, column numbers, blank, the closing signatures);
- `columns.rs` knows the columns by their Vietnamese headers, with or without diacritics;
- `rows.rs` reads each row into a person's fields, each cell checked and each problem located at
  its sheet, row and column: a row with a problem is not imported;
- this file plans what to write: one file per person, under an id made from the name (letters
  folded, a second "Nguyễn Văn An" becomes `nguyen-van-an-2`), in `dang-vien/` for members (the
  sheet gives a date of admission) and `ket-nap/` for the others;
- `write.rs` writes the plan under the workspace's writer, by the one sequence the command line
  and the desk both run.

A person already in the workspace (the same id, name and date of birth) is never overwritten;
with `update`, only the fields the sheet gives are changed in their file, through the lossless
editor (`crate::edit`), so comments, order and every other value stay as they were.
*/

pub mod columns;
pub mod rows;
pub mod sheet;
pub mod table;
mod write;

use crate::diag::Severity;
use crate::model::{Folder, Workspace, id::slug, keys::FileKind};
use crate::validate::CheckedWorkspace;
use rows::{Branches, FieldValue, Problem, Row};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use sheet::{Grid, SheetError};
pub use write::{Applied, ApplyError, Import, Prepared, Unprepared};

/// What the import does to one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A new person's file.
    Create {
        /// The file.
        path: PathBuf,
        /// The sheet row it comes from.
        row: u32,
        /// The person's name, as the sheet gives it.
        name: String,
        /// Its text.
        text: String,
    },
    /// An existing person whose fields the sheet changes (with `update`).
    Update {
        /// The file.
        path: PathBuf,
        /// The sheet row.
        row: u32,
        /// The person's name, as their record gives it (their id if it gives none).
        name: String,
        /// The fields changed: key path, old value (as written), new value.
        changes: Vec<(&'static str, Option<String>, String)>,
        /// The file's text as the plan read it: it is updated only if it is still that.
        loaded: String,
    },
    /// An existing person left as they are: without `update`, or nothing differs.
    Keep {
        /// The file.
        path: PathBuf,
        /// The sheet row.
        row: u32,
        /// Whether the sheet gives values that differ (and `update` would change them).
        differs: bool,
    },
}

/// Everything an import would do, and every problem found.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The problems of the sheet, in sheet order.
    pub problems: Vec<Problem>,
    /// The files, in sheet order.
    pub actions: Vec<Action>,
    /// The `to-chuc.yaml` of a new workspace: only when a person is written with it (an import
    /// that writes no one writes nothing).
    pub new_org: Option<(PathBuf, String)>,
    /// The rows read past (title, blank, column numbers, closing), for the summary.
    pub skipped: Vec<table::Skipped>,
    /// The sheet's header row (1-based).
    pub header_row: u32,
}

impl Plan {
    /// Whether applying it writes anything.
    pub fn writes(&self) -> bool {
        self.files_to_write() > 0
    }

    /// How many files applying it writes (the organisation of a new workspace included).
    pub fn files_to_write(&self) -> usize {
        let people = self
            .actions
            .iter()
            .filter(|a| matches!(a, Action::Create { .. } | Action::Update { .. }))
            .count();
        people + usize::from(self.new_org.is_some())
    }

    /// Whether any row was kept out.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// The figures of its summary.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for action in &self.actions {
            match action {
                Action::Create { .. } => counts.created += 1,
                Action::Update { .. } => counts.updated += 1,
                Action::Keep { differs, .. } => {
                    counts.kept += 1;
                    counts.differ += usize::from(*differs);
                }
            }
        }
        let mut kept_out: Vec<u32> = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error && p.at.row > self.header_row)
            .map(|p| p.at.row)
            .collect();
        kept_out.dedup();
        counts.rows_kept_out = kept_out.len();
        counts
    }
}

/// What an import does, counted: the summary `hoso import` prints and the desk's page shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// The people whose files it creates.
    pub created: usize,
    /// The people whose files it updates.
    pub updated: usize,
    /// The people already there that it leaves as they are.
    pub kept: usize,
    /// Of them, those the sheet gives other values for (an import with update would change them).
    pub differ: usize,
    /// The rows kept out by an error (the header row's problems are not a row's).
    pub rows_kept_out: usize,
}

/// An existing person, as the import compares them.
struct Existing<'a> {
    path: &'a Path,
    /// The file's text as loaded.
    text: &'a str,
    /// The name it gives, or its id.
    name: &'a str,
    nguoi: serde_json::Value,
    /// The admission date the record gives (its decision, or `ngay_vao_dang`).
    admitted: Option<crate::model::Ngay>,
    /// The full-membership date it gives.
    full: Option<crate::model::Ngay>,
}

/// Plans the import of `grid` into the workspace at `root`: `checked` is the workspace as it is,
/// `None` for a new one; `source` is the sheet's file name, for the comment heading new files.
pub fn plan(
    grid: &Grid,
    root: &Path,
    checked: Option<&CheckedWorkspace>,
    source: &str,
    update: bool,
) -> Plan {
    let workspace = checked.map(CheckedWorkspace::workspace);
    let branches = match workspace {
        Some(ws) => Branches::Of(&ws.org.to_chuc),
        None => Branches::FromSheet,
    };
    let rows::Reading {
        mut rows,
        mut problems,
        skipped,
        header_row,
    } = rows::read(grid, &branches);
    let new_org = match workspace {
        Some(_) => None,
        None => Some((
            root.join("to-chuc.yaml"),
            new_org_text(&mut rows, source, schema_present(root, workspace)),
        )),
    };
    let existing: HashMap<&str, Existing> = checked
        .map(|ws| {
            ws.people()
                .map(|p| {
                    let e = Existing {
                        path: p.record().path(),
                        text: &p.record().spans.file().text,
                        name: p.nguoi().ho_ten.as_deref().unwrap_or(p.id()),
                        nguoi: serde_json::to_value(p.nguoi()).unwrap_or_default(),
                        admitted: p.nguoi().ngay_ket_nap(),
                        full: p.full_membership_date(),
                    };
                    (p.id(), e)
                })
                .collect()
        })
        .unwrap_or_default();
    let modeline = schema_present(root, workspace);
    let mut taken: HashMap<String, Taken> = HashMap::new();
    let mut actions = Vec::new();
    for row in rows {
        let (id, found) = match &row.id {
            Some(id) => (id.clone(), existing.get(id.as_str())),
            None => assign_id(&row, &existing, &taken),
        };
        if let Some(earlier) = taken.get(&id) {
            problems.push(Problem {
                issue: rows::Issue::RepeatedPerson { row: earlier.row },
                at: rows::Cell {
                    sheet: grid.name.clone(),
                    row: row.row,
                    column: None,
                },
                severity: Severity::Error,
            });
            continue;
        }
        let (folded, born) = who(&row);
        taken.insert(
            id.clone(),
            Taken {
                row: row.row,
                name: folded,
                born,
            },
        );
        actions.push(match found {
            None => {
                let folder =
                    if row.get("ngay_vao_dang").is_some() || row.get("ngay_chinh_thuc").is_some() {
                        Folder::DangVien
                    } else {
                        Folder::KetNap
                    };
                Action::Create {
                    path: root.join(folder.dir()).join(format!("{id}.yaml")),
                    row: row.row,
                    name: row.get("ho_ten").map(FieldValue::text).unwrap_or_default(),
                    text: person_text(&row, source, &grid.name, modeline),
                }
            }
            Some(e) => {
                let changes = changes(&row, e);
                let path = e.path.to_path_buf();
                if update && !changes.is_empty() {
                    Action::Update {
                        path,
                        row: row.row,
                        name: e.name.to_string(),
                        changes,
                        loaded: e.text.to_string(),
                    }
                } else {
                    Action::Keep {
                        path,
                        row: row.row,
                        differs: !changes.is_empty(),
                    }
                }
            }
        });
    }
    problems.sort_by_key(|p| {
        (
            p.at.row,
            p.at.column.as_ref().map(|c| c.0.len()),
            p.at.column.clone(),
        )
    });
    let creates = actions.iter().any(|a| matches!(a, Action::Create { .. }));
    Plan {
        problems,
        actions,
        new_org: new_org.filter(|_| creates),
        skipped,
        header_row,
    }
}

/// Whether the workspace's files point editors at its schemas: a new workspace gets them.
fn schema_present(root: &Path, workspace: Option<&Workspace>) -> bool {
    workspace.is_none() || root.join(crate::schema::DIR).is_dir()
}

/// An id given to an earlier row: that row's number and who it is.
struct Taken {
    row: u32,
    name: String,
    born: Option<crate::model::Ngay>,
}

/// The name and date of birth of a row, as compared.
fn who(row: &Row) -> (String, Option<crate::model::Ngay>) {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let name = row.get("ho_ten").map(FieldValue::text).unwrap_or_default();
    let born = match row.get("ngay_sinh") {
        Some(FieldValue::Date(d)) => Some(*d),
        _ => None,
    };
    (fold(&name), born)
}

/// The id of a row without one: its name folded, numbered from 2 when taken by someone else (an
/// existing person of another name or date of birth, or an earlier row of another person). An
/// existing person, or an earlier row, of the same name and date of birth is the same person.
fn assign_id<'a, 'e>(
    row: &Row,
    existing: &'e HashMap<&str, Existing<'a>>,
    taken: &HashMap<String, Taken>,
) -> (String, Option<&'e Existing<'a>>) {
    let (name, born) = who(row);
    let base = slug(&name).unwrap_or_else(|| "nguoi".into());
    let mut n = 1;
    loop {
        let id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        n += 1;
        // A name that folds to a word Windows keeps (`con`, `nul`…) takes the next number.
        if crate::model::id::windows_reserved(&id) {
            continue;
        }
        if let Some(t) = taken.get(&id) {
            if t.name == name && (t.born == born || t.born.is_none() || born.is_none()) {
                // The caller reports the repetition.
                let found = existing.get(id.as_str());
                return (id, found);
            }
            continue;
        }
        match existing.get(id.as_str()) {
            Some(e) if same_person(row, &e.nguoi) => return (id, Some(e)),
            Some(_) => continue,
            None => return (id, None),
        }
    }
}

/// Whether an existing record is the row's person: the same name (ignoring case and spacing) and,
/// when both are known, the same date of birth.
fn same_person(row: &Row, existing: &serde_json::Value) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let name = row.get("ho_ten").map(FieldValue::text).unwrap_or_default();
    let same_name = existing["ho_ten"].as_str().map(fold) == Some(fold(&name));
    let born = match (row.get("ngay_sinh"), existing["ngay_sinh"].as_str()) {
        (Some(FieldValue::Date(d)), Some(iso)) => d.iso() == iso,
        _ => true,
    };
    same_name && born
}

/// The fields of the row whose values differ from the record's: (path, old, new). The dates of
/// admission and full membership are compared with what the record gives, however it gives them
/// (a decision, or the date alone), so a list exported by `hoso list` imports back unchanged.
fn changes(row: &Row, e: &Existing) -> Vec<(&'static str, Option<String>, String)> {
    let mut out = Vec::new();
    for (path, value) in &row.fields {
        let derived = match *path {
            "ngay_vao_dang" => Some(e.admitted),
            "ngay_chinh_thuc" => Some(e.full),
            _ => None,
        };
        if let (Some(known), FieldValue::Date(d)) = (derived, value) {
            if known != Some(*d) {
                out.push((*path, known.map(|k| k.short()), value.text()));
            }
            continue;
        }
        let mut old = &e.nguoi;
        for part in path.split('.') {
            old = &old[part];
        }
        let same = match (value, old) {
            (FieldValue::Date(d), serde_json::Value::String(iso)) => d.iso() == *iso,
            // `gioi_tinh` reads back as "Nam"/"Nữ".
            (FieldValue::Text(t), serde_json::Value::String(s)) => {
                s == t || (*path == "gioi_tinh" && s.to_lowercase() == *t)
            }
            _ => false,
        };
        if !same {
            let old = match old {
                serde_json::Value::String(s) => Some(match value {
                    FieldValue::Date(_) => {
                        crate::model::Ngay::parse(s).map_or(s.clone(), |d| d.short())
                    }
                    FieldValue::Text(_) => s.clone(),
                }),
                serde_json::Value::Null => None,
                other => Some(other.to_string()),
            };
            out.push((*path, old, value.text()));
        }
    }
    out
}

/// A new person's file: where it came from, then the sheet's fields in the key table's order.
fn person_text(row: &Row, source: &str, sheet: &str, modeline: bool) -> String {
    let mut out = String::new();
    if modeline {
        out.push_str(&crate::schema::modeline(FileKind::Nguoi, 1));
    }
    out.push_str(&format!(
        "# Nhập từ {} (trang {}, dòng {}).\n",
        comment_text(source),
        comment_text(sheet),
        row.row
    ));
    let mut open_parent: Option<&str> = None;
    for (path, value) in &row.fields {
        match path.split_once('.') {
            Some((parent, key)) => {
                if open_parent != Some(parent) {
                    out.push_str(&format!("{parent}:\n"));
                    open_parent = Some(parent);
                }
                out.push_str(&format!("  {key}: {}\n", scalar(&value.text())));
            }
            None => {
                open_parent = None;
                out.push_str(&format!("{path}: {}\n", scalar(&value.text())));
            }
        }
    }
    out
}

/// The `to-chuc.yaml` of a new workspace: the sheet's one branch as `chi_bo`, or its several
/// branches as `cac_chi_bo` (the rows then name theirs by id), and the keys left to fill in.
fn new_org_text(rows: &mut [Row], source: &str, modeline: bool) -> String {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for row in rows.iter() {
        if let Some(FieldValue::Text(t)) = row.get("chi_bo") {
            let ma =
                slug(t.strip_prefix("Chi bộ ").unwrap_or(t)).unwrap_or_else(|| "chi-bo".into());
            names.entry(ma).or_insert_with(|| t.clone());
        }
    }
    let single = names.len() <= 1;
    let mut seen = HashSet::new();
    for row in rows.iter_mut() {
        row.fields.retain_mut(|(path, value)| {
            if *path != "chi_bo" {
                return true;
            }
            if single {
                return false;
            }
            if let FieldValue::Text(t) = value {
                let ma =
                    slug(t.strip_prefix("Chi bộ ").unwrap_or(t)).unwrap_or_else(|| "chi-bo".into());
                seen.insert(ma.clone());
                *value = FieldValue::Text(ma);
            }
            true
        });
    }
    let mut out = String::new();
    if modeline {
        out.push_str(&crate::schema::modeline(FileKind::ToChuc, 0));
    }
    out.push_str(&format!(
        "# Tổ chức đảng, tạo khi nhập {}: ghi thêm đảng bộ, địa danh, bí thư.\n",
        comment_text(source)
    ));
    out.push_str("dang_bo:\ndia_danh:\nbi_thu:\n");
    match (single, names.values().next()) {
        (true, Some(name)) => out.push_str(&format!("chi_bo: {}\n", scalar(name))),
        (true, None) => out.push_str("chi_bo:\n"),
        (false, _) => {
            out.push_str("cac_chi_bo:\n");
            for (ma, ten) in &names {
                out.push_str(&format!("  - ma: {ma}\n    ten: {}\n", scalar(ten)));
            }
        }
    }
    out
}

/// Text for a comment: one line, with no character a record may not hold (a bidi override in a
/// sheet's file name would reorder the line in an editor).
fn comment_text(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || crate::model::chars::forbidden(c).is_some() {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A YAML scalar that reads back as `s`, quoted as the lossless editor quotes.
pub fn scalar(s: &str) -> String {
    crate::edit::scalar_text(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_holds_no_control_or_bidi_character() {
        assert_eq!(comment_text("ds\u{202E}xslx.csv\n\u{7}"), "ds xslx.csv  ");
    }

    #[test]
    fn scalars_read_back_as_written() {
        for s in [
            "Nguyễn Văn An",
            "Tổ 2, Khu phố 5, phường Hồng Gai",
            "12/12",
            "12",
            "yes",
            "a: b",
            "#x",
            "- a",
            " lề",
            "\"q\"",
            "Lê *Văn* #A $x$ [b] <c> @d \\e",
        ] {
            let yaml = format!("v: {}\n", scalar(s));
            let v: BTreeMap<String, String> = crate::model::from_yaml(&yaml).unwrap();
            assert_eq!(v["v"], s, "{yaml}");
        }
        assert_eq!(scalar("Nguyễn Văn An"), "Nguyễn Văn An");
    }
}
