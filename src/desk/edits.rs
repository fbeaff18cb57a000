//! Writing the clerk's edits into their files, without ever losing or damaging one.
//!
//! An edit names the file's version as the page got it (the digest of its bytes). Under the
//! workspace's lock (the one `cap-so` takes), the file is read as it is now; a file changed since
//! (in a text editor, from another tab) refuses the edit, so nothing anyone wrote is lost. The new
//! text comes from the lossless editor ([`crate::edit`]: only the value changes, comments, order
//! and quoting elsewhere stay byte for byte); a value that does not read (a date `31/02/2026`,
//! words where a number goes) is refused with the reader's own message and nothing is written;
//! otherwise the file is replaced atomically.

use crate::diag::{Diagnostic, Lang, Severity, SourceFile};
use crate::edit::{self, Edit, NewValue};
use crate::model::keys::FileKind;
use crate::model::{Folder, Nguoi, id};

/// The organisation file, beside which the workspace's lock lives.
const ORG_FILE_NAME: &str = "to-chuc.yaml";
use sha2::Digest;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The version of a file's bytes: what a page sends back with each edit.
pub fn version(bytes: &[u8]) -> String {
    let digest = sha2::Sha256::digest(bytes);
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

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
    /// The file could not be read or written.
    Io(String),
}

impl Refused {
    /// What the clerk reads.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refused::Stale => lang
                .pick(
                    "tệp đã được sửa ở nơi khác từ khi trang này mở (trình soạn thảo, thẻ khác): \
                     chưa ghi gì; hãy tải lại trang để xem bản mới rồi sửa lại",
                    "the file was changed elsewhere since this page was opened (an editor, another \
                     tab): nothing written; reload the page to see it, then make the change again",
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
            Refused::Io(detail) => format!(
                "{}: {detail}",
                lang.pick("không ghi được tệp", "cannot write the file")
            ),
        }
    }

    /// The HTTP status that says it.
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            Refused::Stale => StatusCode::CONFLICT,
            Refused::NotAKey(_) => StatusCode::BAD_REQUEST,
            Refused::DoesNotRead(_) | Refused::Edit(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Refused::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// The read problems of a person's file with this text, by code and field.
fn read_problems(kind: FileKind, path: &Path, text: &str) -> (bool, Vec<(String, Diagnostic)>) {
    use unicode_normalization::UnicodeNormalization;
    let file = Arc::new(SourceFile {
        path: path.to_path_buf(),
        text: text.nfc().collect(),
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
        text: text.nfc().collect(),
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

/// Writes `value` (`None`: the key is removed) at `path` of the record file `file`, if the file
/// is still at `expected` (its version when the page was loaded). Returns the new version.
pub fn apply(
    root: &Path,
    file: &Path,
    expected: &str,
    path: &str,
    value: Option<&str>,
) -> Result<String, Refused> {
    apply_in(FileKind::Nguoi, root, file, expected, path, value)
}

/// [`apply`] for a file of `kind`: a record, or the branch settings (`to-chuc.yaml`).
pub fn apply_in(
    kind: FileKind,
    root: &Path,
    file: &Path,
    expected: &str,
    path: &str,
    value: Option<&str>,
) -> Result<String, Refused> {
    if !super::fields::editable_in(kind, path) {
        return Err(Refused::NotAKey(path.to_string()));
    }
    let io = |e: std::io::Error| Refused::Io(e.to_string());
    let _lock = crate::register::RegisterLock::take(&root.join(ORG_FILE_NAME)).map_err(io)?;
    // A record that is a link within the workspace is changed where it points.
    let real = std::fs::canonicalize(file).map_err(io)?;
    let bytes = std::fs::read(&real).map_err(io)?;
    if version(&bytes) != expected {
        return Err(Refused::Stale);
    }
    let text = String::from_utf8(bytes).map_err(|e| Refused::Io(e.to_string()))?;
    let (_, before) = read_problems(kind, file, &text);
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
        Some(v) => vec![NewValue::Text(v.to_string())],
    };
    let mut refusal = None;
    let mut written = None;
    for candidate in candidates {
        let edit = Edit {
            path: path.to_string(),
            value: candidate,
        };
        let new_text = match edit::apply(&text, &[edit]) {
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
    // Still the file the page had? (A text editor does not take the lock.)
    let now = std::fs::read(&real).map_err(io)?;
    if version(&now) != expected {
        return Err(Refused::Stale);
    }
    crate::output::write_atomic(&real, new_text.as_bytes()).map_err(io)?;
    Ok(version(new_text.as_bytes()))
}

/// Why a new person's file was not made.
#[derive(Debug)]
pub enum NewPersonError {
    /// No letter in the name.
    NoName,
    /// A date (of birth, of admission) does not read.
    BadDate,
    /// A member without the day they were admitted.
    NoAdmission,
    /// The file could not be written.
    Io(String),
}

impl NewPersonError {
    /// What the clerk reads.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NewPersonError::NoName => lang
                .pick("hãy ghi họ và tên", "give the full name")
                .to_string(),
            NewPersonError::BadDate => match lang {
                Lang::Vi => format!(
                    "ngày sinh không đọc được: ghi {}",
                    crate::model::date::ACCEPTED_VI
                ),
                Lang::En => format!(
                    "the date of birth does not read: write {}",
                    crate::model::date::ACCEPTED_EN
                ),
            },
            NewPersonError::NoAdmission => lang
                .pick(
                    "đảng viên cần có ngày vào Đảng",
                    "a member needs the day they were admitted",
                )
                .to_string(),
            NewPersonError::Io(detail) => format!(
                "{}: {detail}",
                lang.pick("không ghi được tệp", "cannot write the file")
            ),
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
    crate::model::Ngay::parse(born).ok_or(NewPersonError::BadDate)?;
    let admitted = given(new.admitted).filter(|_| new.folder == Folder::DangVien);
    let full = given(new.full).filter(|_| new.folder == Folder::DangVien);
    for day in [admitted, full].into_iter().flatten() {
        crate::model::Ngay::parse(day).ok_or(NewPersonError::BadDate)?;
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
    let text = edit::apply("", &lines).map_err(|e| NewPersonError::Io(e.to_string()))?;
    let io = |e: std::io::Error| NewPersonError::Io(e.to_string());
    let _lock = crate::register::RegisterLock::take(&root.join(ORG_FILE_NAME)).map_err(io)?;
    let dir = root.join(new.folder.dir());
    std::fs::create_dir_all(&dir).map_err(io)?;
    let taken = |id: &str| {
        [Folder::KetNap, Folder::DangVien].iter().any(|f| {
            let d = root.join(f.dir());
            d.join(format!("{id}.yaml")).exists() || d.join(format!("{id}.yml")).exists()
        })
    };
    let id = std::iter::once(base.clone())
        .chain((2..1000).map(|n| format!("{base}-{n}")))
        .find(|id| id::is_id(id) && !taken(id))
        .ok_or_else(|| NewPersonError::Io("no free id".into()))?;
    let path: PathBuf = dir.join(format!("{id}.yaml"));
    // Written whole to a temporary file, then linked in under its name only if none exists.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hoso-").suffix(".tmp");
    // A new record is readable as any program's new file is (0666 less the umask), not private.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(&dir).map_err(io)?;
    std::fs::write(tmp.path(), text.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist_noclobber(&path).map_err(|e| io(e.error))?;
    Ok(id)
}
