//! Writing the clerk's edits into their files, without ever losing or damaging one.
//!
//! An edit names the file's version as the page got it (the digest of its bytes). Through the
//! workspace's writer ([`crate::store`]: under its lock, the file read as it is now), a file
//! changed since (in a text editor, from another tab, by `import --update`) refuses the edit, so
//! nothing anyone wrote is lost. The new text comes from the lossless editor ([`crate::edit`]:
//! only the value changes, comments, order and quoting elsewhere stay byte for byte); a value that
//! does not read (a date `31/02/2026`, words where a number goes) is refused with the reader's own
//! message and nothing is written; otherwise the writer replaces the file atomically, in its own
//! line endings and BOM.

use crate::diag::{Diagnostic, Lang, Severity, SourceFile};
use crate::edit::{self, Edit, NewValue};
use crate::model::keys::FileKind;
use crate::model::{Folder, Nguoi, id};
use crate::store::{FileText, WriteError, Writer};
use std::path::Path;
use std::sync::Arc;

/// The version of a file's bytes: what a page sends back with each edit.
pub use crate::store::version;

/// Why an edit was not written.
#[derive(Debug)]
pub enum Refused {
    /// The file changed on disk since the page was loaded.
    Stale,
    /// The path is not a key of the record.
    NotAKey(String),
    /// The new value does not read: these are the reader's problems with it.
    DoesNotRead(Vec<Diagnostic>),
    /// The editor could not place the value.
    Edit(String),
    /// The workspace's writer refused (a link into the workspace, a file that is not text) or
    /// the file system did.
    Write(WriteError),
}

impl From<WriteError> for Refused {
    fn from(e: WriteError) -> Refused {
        match e {
            WriteError::Stale { .. } => Refused::Stale,
            other => Refused::Write(other),
        }
    }
}

impl Refused {
    /// What the clerk reads, beside the field (the page puts "không ghi" before it). What to do
    /// about a stale file is the page's: it offers to keep what was typed or take the file's.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refused::Stale => lang
                .pick(
                    "tệp đã được sửa ở nơi khác (trình soạn thảo, thẻ khác, lệnh khác) từ khi \
                     trang này mở",
                    "the file was changed elsewhere (an editor, another tab, another command) \
                     since this page was opened",
                )
                .to_string(),
            Refused::NotAKey(path) => {
                format!("{} `{path}`", lang.pick("không có khóa", "no such key"))
            }
            Refused::DoesNotRead(diags) => diags
                .iter()
                .map(|d| d.problem.message(lang))
                .collect::<Vec<_>>()
                .join("; "),
            Refused::Edit(detail) => format!(
                "{}: {detail}",
                lang.pick("không sửa được giá trị", "cannot change the value")
            ),
            Refused::Write(e) => e.message(lang),
        }
    }

    /// The HTTP status that says it.
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            Refused::Stale => StatusCode::CONFLICT,
            Refused::NotAKey(_) => StatusCode::BAD_REQUEST,
            Refused::DoesNotRead(_) | Refused::Edit(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Refused::Write(WriteError::Link { .. } | WriteError::NotAFile { .. }) => {
                StatusCode::CONFLICT
            }
            Refused::Write(WriteError::NotText { .. } | WriteError::TooLarge { .. }) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            Refused::Write(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// The read problems of a person's file with this text, by code and field.
fn read_problems(kind: FileKind, path: &Path, text: &str) -> (bool, Vec<(String, Diagnostic)>) {
    let file = Arc::new(SourceFile {
        path: path.to_path_buf(),
        text: crate::model::chars::yaml_nfc(text).into_owned(),
    });
    let (parsed, diags) = match kind {
        FileKind::ToChuc => {
            let (t, d) = crate::model::parse_file::<crate::model::ToChuc>(file, kind);
            (t.is_some(), d)
        }
        _ => {
            let (n, d) = crate::model::parse_file::<Nguoi>(file, FileKind::Nguoi);
            (n.is_some(), d)
        }
    };
    let spans = crate::model::SpanIndex::lazy(Arc::new(SourceFile {
        path: path.to_path_buf(),
        text: crate::model::chars::yaml_nfc(text).into_owned(),
    }));
    let located = diags
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let at = d
                .location
                .as_ref()
                .and_then(|l| spans.path_at(l.range.start))
                .unwrap_or_default();
            (format!("{}|{at}", d.code()), d)
        })
        .collect();
    (parsed, located)
}

/// Whether the clerk typed what YAML reads as a number or a yes/no when written plain.
fn looks_scalar(v: &str) -> bool {
    v == "true"
        || v == "false"
        || (!v.is_empty() && v.len() < 10 && v.bytes().all(|b| b.is_ascii_digit()))
}

/// An edit written.
#[derive(Debug)]
pub struct Applied {
    /// The file's version now.
    pub version: String,
    /// The file's text before (without BOM, `\n` line breaks): what undoing the edit puts back.
    pub before: String,
}

/// Refuses ([`Refused::NotAKey`]) a `path` that is not a field the page edits in a file of
/// `kind`.
pub fn editable(kind: FileKind, path: &str) -> Result<(), Refused> {
    if super::fields::editable_in(kind, path) {
        Ok(())
    } else {
        Err(Refused::NotAKey(path.to_string()))
    }
}

/// Writes `value` (`None`: the key is removed) at `path` of `current`, a file of `kind` (a
/// record, or the branch settings, `to-chuc.yaml`) as `writer` read it, under the workspace's
/// lock and checked to be still at the version the page was loaded from (see
/// [`super::Desk::write_file`]); `path` is [`editable`].
pub fn apply_in(
    kind: FileKind,
    writer: &Writer,
    current: &FileText,
    path: &str,
    value: Option<&str>,
) -> Result<Applied, Refused> {
    let file = current.path();
    let text = current.text();
    let (_, before) = read_problems(kind, file, text);
    // A number or a yes/no is written plain, for the record's type to read (`tan_thanh: 12`);
    // should that not read (a number where the record keeps a text, `so: 12`), as a text.
    let candidates = match value {
        None => vec![NewValue::Remove],
        Some(v) if looks_scalar(v) => {
            vec![
                NewValue::Scalar(v.to_string()),
                NewValue::Text(v.to_string()),
            ]
        }
        // A text box's lines come as the browser sends them; the file's own line ending is the
        // writer's to keep.
        Some(v) => vec![NewValue::Text(v.replace("\r\n", "\n"))],
    };
    let mut refusal = None;
    let mut written = None;
    for candidate in candidates {
        let edit = Edit {
            path: path.to_string(),
            value: candidate,
        };
        let new_text = match edit::apply(text, &[edit]) {
            Ok(t) => t,
            Err(e) => {
                refusal.get_or_insert(Refused::Edit(e.to_string()));
                continue;
            }
        };
        // Refuse what makes the file read worse: a problem of reading it that it did not have.
        let (reads, after) = read_problems(kind, file, &new_text);
        let new: Vec<Diagnostic> = after
            .into_iter()
            .filter(|(key, _)| !before.iter().any(|(k, _)| k == key))
            .map(|(_, d)| d)
            .collect();
        if new.is_empty() && reads {
            written = Some(new_text);
            break;
        }
        refusal.get_or_insert(Refused::DoesNotRead(new));
    }
    let Some(new_text) = written else {
        return Err(refusal.unwrap_or(Refused::DoesNotRead(Vec::new())));
    };
    let version = writer.replace(current, &new_text)?;
    Ok(Applied {
        version,
        before: text.to_string(),
    })
}

/// Why a new person's file was not made.
#[derive(Debug)]
pub enum NewPersonError {
    /// No letter in the name.
    NoName,
    /// A date does not read: of birth, of admission or of full membership (the key).
    BadDate(&'static str),
    /// A member without the day they were admitted.
    NoAdmission,
    /// The file could not be written.
    Write(WriteError),
}

impl NewPersonError {
    /// What the clerk reads.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NewPersonError::NoName => lang
                .pick("hãy ghi họ và tên", "give the full name")
                .to_string(),
            NewPersonError::BadDate(key) => {
                let (vi, en) = match *key {
                    "ngay_vao_dang" => ("ngày vào Đảng", "the day admitted to the Party"),
                    "ngay_chinh_thuc" => ("ngày chính thức", "the day of full membership"),
                    _ => ("ngày sinh", "the date of birth"),
                };
                match lang {
                    Lang::Vi => format!(
                        "{vi} không đọc được: ghi {}",
                        crate::model::date::ACCEPTED_VI
                    ),
                    Lang::En => format!(
                        "{en} does not read: write {}",
                        crate::model::date::ACCEPTED_EN
                    ),
                }
            }
            NewPersonError::NoAdmission => lang
                .pick(
                    "đảng viên cần có ngày vào Đảng",
                    "a member needs the day they were admitted",
                )
                .to_string(),
            NewPersonError::Write(e) => e.message(lang),
        }
    }
}

/// What the new-person form of the branch page gives: a candidate (`ket-nap/`) or a member of
/// the branch (`dang-vien/`, who needs the day they were admitted).
pub struct NewPerson<'a> {
    pub folder: Folder,
    pub name: &'a str,
    pub born: &'a str,
    /// `nam` or `nữ`, if chosen.
    pub sex: Option<&'a str>,
    /// A member's admission and full-membership days.
    pub admitted: Option<&'a str>,
    pub full: Option<&'a str>,
}

/// Makes `<folder>/<id>.yaml` for a new person: the id is the name's slug (`-2`, `-3`… when
/// taken, in either folder), the file is created, never replaced. Returns the id.
pub fn new_person(root: &Path, new: &NewPerson<'_>) -> Result<String, NewPersonError> {
    fn given(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    let name = new.name.trim();
    let born = new.born.trim();
    let base = id::slug(name).ok_or(NewPersonError::NoName)?;
    crate::model::Ngay::parse(born).ok_or(NewPersonError::BadDate("ngay_sinh"))?;
    let admitted = given(new.admitted).filter(|_| new.folder == Folder::DangVien);
    let full = given(new.full).filter(|_| new.folder == Folder::DangVien);
    for (key, day) in [("ngay_vao_dang", admitted), ("ngay_chinh_thuc", full)] {
        if let Some(day) = day {
            crate::model::Ngay::parse(day).ok_or(NewPersonError::BadDate(key))?;
        }
    }
    if new.folder == Folder::DangVien && admitted.is_none() {
        return Err(NewPersonError::NoAdmission);
    }
    let mut lines = vec![Edit::text("ho_ten", name)];
    if let Some(sex) = given(new.sex).filter(|s| ["nam", "nữ"].contains(s)) {
        lines.push(Edit::text("gioi_tinh", sex));
    }
    lines.push(Edit::text("ngay_sinh", born));
    for (key, day) in [("ngay_vao_dang", admitted), ("ngay_chinh_thuc", full)] {
        if let Some(day) = day {
            lines.push(Edit::text(key, day));
        }
    }
    let text = edit::apply("", &lines).map_err(|e| {
        NewPersonError::Write(WriteError::Io {
            path: root.join(new.folder.dir()),
            source: std::io::Error::other(e.to_string()),
        })
    })?;
    let writer = Writer::lock(root).map_err(NewPersonError::Write)?;
    let (id, _) = writer
        .create_person(new.folder, &base, &text)
        .map_err(NewPersonError::Write)?;
    Ok(id)
}
