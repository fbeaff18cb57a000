//! Rows to records: each row of the sheet's table (see `table.rs`) read into the fields of one
//! person, every cell checked, every problem located at its sheet, row and column.

use super::columns::{self, Field};
use super::sheet::{Grid, Value, column_letters};
use crate::diag::{Lang, Severity};
use crate::model::date::{ACCEPTED_EN, ACCEPTED_VI};
use crate::model::keys::FileKind;
use crate::model::{Ngay, ToChuc, id::slug};
use crate::schema::{Leaf, leaf};

/// Where a problem stands in the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The sheet's name.
    pub sheet: String,
    /// 1-based row, as the spreadsheet numbers it.
    pub row: u32,
    /// The column's letters (`C`) and its header, when the problem is in one cell.
    pub column: Option<(String, String)>,
}

/// What is wrong with a header or a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// A header hoso does not know: its column is read past.
    UnknownHeader {
        /// The closest known header.
        suggestion: Option<&'static str>,
    },
    /// A second column for a field already read.
    RepeatedHeader,
    /// No column of names: nothing can be imported.
    NoNameColumn,
    /// A row without a name.
    MissingName,
    /// A cell that is not a date.
    InvalidDate {
        /// The cell as written.
        text: String,
    },
    /// A cell that is not `nam` or `nữ`.
    InvalidSex {
        /// The cell as written.
        text: String,
    },
    /// An id cell that is not an id.
    InvalidId {
        /// The cell as written.
        text: String,
    },
    /// A chi bộ the organisation does not have.
    UnknownBranch {
        /// The cell as written.
        text: String,
        /// The closest branch.
        suggestion: Option<String>,
    },
    /// The same person as an earlier row (same name and date of birth, or the same id).
    RepeatedPerson {
        /// The earlier row.
        row: u32,
    },
    /// A cell holding a character no value may hold (control, bidi, invisible).
    ForbiddenChar {
        /// The character.
        ch: char,
        /// What it is.
        kind: crate::model::chars::Forbidden,
    },
}

/// A located problem of the import.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// What.
    pub issue: Issue,
    /// Where.
    pub at: Cell,
    /// An error keeps the row out; a warning does not.
    pub severity: Severity,
}

impl Problem {
    /// The stable code: `import-invalid-date`.
    pub fn code(&self) -> &'static str {
        match self.issue {
            Issue::UnknownHeader { .. } => "import-unknown-header",
            Issue::RepeatedHeader => "import-repeated-header",
            Issue::NoNameColumn => "import-no-name-column",
            Issue::MissingName => "import-missing-name",
            Issue::InvalidDate { .. } => "import-invalid-date",
            Issue::InvalidSex { .. } => "import-invalid-value",
            Issue::InvalidId { .. } => "import-invalid-id",
            Issue::UnknownBranch { .. } => "import-unknown-branch",
            Issue::RepeatedPerson { .. } => "import-repeated-person",
            Issue::ForbiddenChar { .. } => "import-forbidden-character",
        }
    }

    /// The place, as a clerk finds it: "sheet `DS`, row 5, column C (Ngày sinh)".
    pub fn place(&self, lang: Lang) -> String {
        let at = &self.at;
        let mut s = lang
            .pick("trang `{s}`, dòng {r}", "sheet `{s}`, row {r}")
            .replace("{s}", &at.sheet)
            .replace("{r}", &at.row.to_string());
        if let Some((letters, header)) = &at.column {
            s.push_str(
                &lang
                    .pick(", cột {c} ({h})", ", column {c} ({h})")
                    .replace("{c}", letters)
                    .replace("{h}", header),
            );
        }
        s
    }

    /// What is wrong, in the language of the messages.
    pub fn message(&self, lang: Lang) -> String {
        let header = self.at.column.as_ref().map_or("", |(_, h)| h.as_str());
        match &self.issue {
            Issue::UnknownHeader { suggestion } => {
                let mut m = lang
                    .pick(
                        "không biết tiêu đề cột `{h}`: bỏ qua cột này",
                        "unknown column header `{h}`: the column is left out",
                    )
                    .replace("{h}", header);
                if let Some(s) = suggestion {
                    m.push_str(
                        &lang
                            .pick("; có phải là `{s}`?", "; did you mean `{s}`?")
                            .replace("{s}", s),
                    );
                }
                m
            }
            Issue::RepeatedHeader => lang
                .pick(
                    "cột `{h}` lặp lại một cột đã đọc: bỏ qua",
                    "column `{h}` repeats one already read: left out",
                )
                .replace("{h}", header),
            Issue::NoNameColumn => lang
                .pick(
                    "không có cột `Họ và tên`: không nhập được ai",
                    "no `Họ và tên` column: nobody can be imported",
                )
                .to_string(),
            Issue::MissingName => lang
                .pick(
                    "dòng không có họ tên: không nhập",
                    "row without a name: not imported",
                )
                .to_string(),
            Issue::InvalidDate { text } => lang
                .pick(
                    "`{t}` không phải là ngày (viết {f}): dòng này không nhập",
                    "`{t}` is not a date (write {f}): row not imported",
                )
                .replace("{f}", lang.pick(ACCEPTED_VI, ACCEPTED_EN))
                .replace("{t}", text),
            Issue::InvalidSex { text } => lang
                .pick(
                    "`{t}` không phải `nam` hay `nữ`: dòng này không nhập",
                    "`{t}` is neither `nam` nor `nữ`: row not imported",
                )
                .replace("{t}", text),
            Issue::InvalidId { text } => lang
                .pick(
                    "`{t}` không phải là mã người (chữ thường không dấu, số, gạch nối): dòng này không nhập",
                    "`{t}` is not a person id (lower-case letters, digits, hyphens): row not imported",
                )
                .replace("{t}", text),
            Issue::UnknownBranch { text, suggestion } => {
                let mut m = lang
                    .pick(
                        "không có chi bộ `{t}` trong to-chuc.yaml: dòng này không nhập",
                        "no branch `{t}` in to-chuc.yaml: row not imported",
                    )
                    .replace("{t}", text);
                if let Some(s) = suggestion {
                    m.push_str(
                        &lang
                            .pick("; có phải là `{s}`?", "; did you mean `{s}`?")
                            .replace("{s}", s),
                    );
                }
                m
            }
            Issue::RepeatedPerson { row } => lang
                .pick(
                    "cùng người với dòng {r}: dòng này không nhập",
                    "the same person as row {r}: row not imported",
                )
                .replace("{r}", &row.to_string()),
            Issue::ForbiddenChar { ch, kind } => lang
                .pick(
                    "ô có {k} {c}, không được có trong hồ sơ: dòng này không nhập",
                    "the cell holds the {k} {c}, which no record may hold: row not imported",
                )
                .replace("{k}", kind.name(lang))
                .replace("{c}", &crate::model::chars::code_point(*ch)),
        }
    }
}

/// A value read from a cell, in the type of its field.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// Text, trimmed and normalised to NFC.
    Text(String),
    /// A date.
    Date(Ngay),
}

impl FieldValue {
    /// As the YAML file writes it: `16/11/2020` for a date.
    pub fn text(&self) -> String {
        match self {
            FieldValue::Text(t) => t.clone(),
            FieldValue::Date(d) => d.short(),
        }
    }
}

/// One row read: who, and the fields the sheet gives (in the key table's order).
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based sheet row.
    pub row: u32,
    /// The id the sheet gives, if it has an id column.
    pub id: Option<String>,
    /// The fields, by key path; `ho_ten` always among them.
    pub fields: Vec<(&'static str, FieldValue)>,
}

impl Row {
    /// The value of a field, if the row gives it.
    pub fn get(&self, path: &str) -> Option<&FieldValue> {
        self.fields.iter().find(|(p, _)| *p == path).map(|(_, v)| v)
    }
}

/// How a row names a chi bộ, resolved against the organisation.
pub enum Branches<'a> {
    /// An existing organisation: its `cac_chi_bo`, or its own `chi_bo`.
    Of(&'a ToChuc),
    /// A new workspace, whose branches are the sheet's.
    FromSheet,
}

/// A grid read: the rows without errors, every problem found, the rows read past, and the
/// sheet's header row (1-based).
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The people's rows without errors.
    pub rows: Vec<Row>,
    /// Every problem, of the headers and of the rows.
    pub problems: Vec<Problem>,
    /// Title, blank, numbering and closing rows.
    pub skipped: Vec<super::table::Skipped>,
    /// The header row, as the spreadsheet numbers it.
    pub header_row: u32,
}

/// Reads the table of a grid.
pub fn read(grid: &Grid, branches: &Branches) -> Reading {
    let mut problems = Vec::new();
    let table = super::table::find(grid);
    let Some(header_row) = grid.rows.get(table.header) else {
        return Reading::default();
    };
    let header_index = table.header;
    let at = |row_index: usize, col: Option<usize>| Cell {
        sheet: grid.name.clone(),
        row: grid.first_row + row_index as u32 + 1,
        column: col.map(|c| {
            let header = match header_row.get(c) {
                Some(Value::Text(t)) => t.trim().to_string(),
                _ => String::new(),
            };
            (column_letters(grid.first_column + c as u32), header)
        }),
    };
    let mut fields: Vec<(usize, Field)> = Vec::new();
    for (c, cell) in header_row.iter().enumerate() {
        let text = match cell {
            Value::Text(t) => t.trim().to_string(),
            Value::Empty => continue,
            Value::Number(n) => n.to_string(),
            other => format!("{other:?}"),
        };
        match columns::recognise(&text) {
            Some(f) if fields.iter().any(|(_, g)| *g == f && f != Field::Ignored) => {
                problems.push(Problem {
                    issue: Issue::RepeatedHeader,
                    at: at(header_index, Some(c)),
                    severity: Severity::Warning,
                })
            }
            Some(f) => fields.push((c, f)),
            None => problems.push(Problem {
                issue: Issue::UnknownHeader {
                    suggestion: columns::suggest(&text),
                },
                at: at(header_index, Some(c)),
                severity: Severity::Warning,
            }),
        }
    }
    if !fields.iter().any(|(_, f)| *f == Field::Key("ho_ten")) {
        problems.push(Problem {
            issue: Issue::NoNameColumn,
            at: at(header_index, None),
            severity: Severity::Error,
        });
        return Reading {
            problems,
            skipped: table.skipped,
            header_row: grid.first_row + header_index as u32 + 1,
            ..Reading::default()
        };
    }
    let mut rows = Vec::new();
    for &r in &table.data {
        let cells = &grid.rows[r];
        let mut row = Row {
            row: grid.first_row + r as u32 + 1,
            id: None,
            fields: Vec::new(),
        };
        let mut faults = Vec::new();
        for (c, field) in &fields {
            let cell = cells.get(*c).unwrap_or(&Value::Empty);
            let fault = |issue| Problem {
                issue,
                at: at(r, Some(*c)),
                severity: Severity::Error,
            };
            let text = cell_text(cell);
            if let Some((_, ch, kind)) = text
                .as_deref()
                .and_then(|t| crate::model::chars::forbidden_in(t).next())
            {
                faults.push(fault(Issue::ForbiddenChar { ch, kind }));
                continue;
            }
            match field {
                Field::Ignored => {}
                Field::Id => {
                    if let Some(t) = text {
                        if crate::model::id::is_id(&t) {
                            row.id = Some(t);
                        } else {
                            faults.push(fault(Issue::InvalidId { text: t }));
                        }
                    }
                }
                Field::Key(path) if leaf(FileKind::Nguoi, path) == Leaf::Date => match cell {
                    Value::Date(Some(d)) => row.fields.push((path, FieldValue::Date(*d))),
                    Value::Empty => {}
                    other => {
                        let t = text.unwrap_or_else(|| format!("{other:?}"));
                        match Ngay::parse(&t) {
                            Some(d) => row.fields.push((path, FieldValue::Date(d))),
                            None => faults.push(fault(Issue::InvalidDate { text: t })),
                        }
                    }
                },
                Field::Key("gioi_tinh") => {
                    if let Some(t) = text {
                        match slug(&t).as_deref() {
                            Some("nam") => row.fields.push(("gioi_tinh", text_value("nam"))),
                            Some("nu") => row.fields.push(("gioi_tinh", text_value("nữ"))),
                            _ => faults.push(fault(Issue::InvalidSex { text: t })),
                        }
                    }
                }
                Field::Key("chi_bo") => {
                    if let Some(t) = text {
                        match branch(&t, branches) {
                            Ok(Some(id)) => row.fields.push(("chi_bo", text_value(&id))),
                            Ok(None) => {}
                            Err(suggestion) => faults.push(fault(Issue::UnknownBranch {
                                text: t,
                                suggestion,
                            })),
                        }
                    }
                }
                Field::Key(path) => {
                    if let Some(t) = text {
                        row.fields.push((path, FieldValue::Text(t)));
                    }
                }
            }
        }
        if row.get("ho_ten").is_none()
            && !faults
                .iter()
                .any(|f| matches!(f.issue, Issue::ForbiddenChar { .. }))
        {
            faults.push(Problem {
                issue: Issue::MissingName,
                at: at(r, None),
                severity: Severity::Error,
            });
        }
        if faults.is_empty() {
            row.fields.sort_by_key(|(p, _)| key_order(p));
            rows.push(row);
        } else {
            problems.extend(faults);
        }
    }
    Reading {
        rows,
        problems,
        skipped: table.skipped,
        header_row: grid.first_row + header_index as u32 + 1,
    }
}

fn text_value(s: &str) -> FieldValue {
    FieldValue::Text(s.to_string())
}

/// A cell's text, trimmed and in NFC; `None` for an empty cell.
fn cell_text(cell: &Value) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let t = match cell {
        Value::Empty => return None,
        Value::Text(t) => t.trim().nfc().collect::<String>(),
        // A whole number as Excel stores it, `12` and not `12.0`.
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Value::Number(n) => n.to_string(),
        Value::Date(Some(d)) => d.short(),
        Value::Date(None) => return Some("?".into()),
        Value::Bool(b) => b.to_string(),
    };
    (!t.is_empty()).then_some(t)
}

/// The order of the key table, so that a file lists its keys as docs/reference.md does.
pub fn key_order(path: &str) -> usize {
    use crate::model::keys::{FileKind, KEYS};
    KEYS.iter()
        .position(|k| k.file == FileKind::Nguoi && k.path == path)
        .unwrap_or(usize::MAX)
}

/// The id a person's `chi_bo` takes for what a row writes: `Ok(None)` for the workspace's own
/// branch; `Err` (with the closest branch) for one the organisation does not have.
fn branch(text: &str, branches: &Branches) -> Result<Option<String>, Option<String>> {
    let folded = |s: &str| {
        let s = slug(s).unwrap_or_default();
        s.strip_prefix("chi-bo-").map(str::to_string).unwrap_or(s)
    };
    let wanted = folded(text);
    match branches {
        // The plan makes the branches of a new workspace from the names as written.
        Branches::FromSheet => Ok(Some(text.trim().to_string())),
        Branches::Of(org) if org.cac_chi_bo.is_empty() => {
            if org.chi_bo.as_deref().map(folded).as_deref() == Some(&wanted) {
                Ok(None)
            } else {
                Err(org.chi_bo.clone())
            }
        }
        Branches::Of(org) => {
            let found = org
                .cac_chi_bo
                .iter()
                .find(|b| b.ma == text.trim() || folded(&b.ten) == wanted || b.ma == wanted);
            match found {
                Some(b) => Ok(Some(b.ma.clone())),
                None => Err(crate::suggest::closest(
                    &wanted,
                    org.cac_chi_bo.iter().map(|b| b.ma.as_str()),
                )
                .and_then(|ma| org.cac_chi_bo.iter().find(|b| b.ma == ma))
                .map(|b| b.ten.clone())),
            }
        }
    }
}
