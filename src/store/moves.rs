//! A record moved by the writer: deleted (recoverably, into [`DELETED_DIR`]), restored from
//! there, renamed (a new id) with every reference to it in the other files.
//!
//! A move is a copy made by [`Writer::create`]'s rule (never over anything, the id free in both
//! record folders), then the original removed, after its bytes are checked once more (a text
//! editor takes no lock): a run killed between the two leaves both, never neither.

use super::{
    FileText, MAX_FILE_BYTES, WriteError, Writer, io_error, read_bounded, version, yaml_stem,
};
use crate::diag::Lang;
use crate::edit::{self, Edit, EditError};
use crate::model::keys::{self, FileKind};
use crate::model::{Folder, ORG_FILE, id};
use std::path::{Path, PathBuf};

/// The folder beside `to-chuc.yaml` where deleted records wait, which the loader never reads:
/// `da-xoa/<when>/<its place in the workspace>`, e.g.
/// `da-xoa/2026-12-07_143005/ket-nap/nguyen-van-an.yaml`.
pub const DELETED_DIR: &str = "da-xoa";

/// A deleted record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    /// Its name under [`DELETED_DIR`], with `/`: what a page names it by.
    pub key: String,
    /// The file now.
    pub path: PathBuf,
    /// Where it was, relative to the workspace: where it goes back.
    pub place: PathBuf,
    /// Its id.
    pub id: String,
    /// When it was deleted: `2026-12-07_143005` (Vietnam's time).
    pub when: String,
}

/// The deleted records of the workspace at `root`, the latest first.
pub fn deleted(root: &Path) -> Vec<Deleted> {
    let dir = root.join(DELETED_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut whens: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    whens.sort_by(|a, b| b.cmp(a));
    let mut out = Vec::new();
    for when in whens {
        let base = dir.join(&when);
        let walker = walkdir::WalkDir::new(&base).sort_by_file_name();
        for entry in walker.into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let (Some(stem), Ok(place)) =
                (yaml_stem(entry.path()), entry.path().strip_prefix(&base))
            else {
                continue;
            };
            let in_records = place.components().next().is_some_and(|first| {
                [Folder::DangVien, Folder::KetNap]
                    .iter()
                    .any(|f| first.as_os_str() == f.dir())
            });
            if !in_records || !id::is_id(&stem) {
                continue;
            }
            let place = place.to_path_buf();
            let shown: Vec<String> = place
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(Deleted {
                key: format!("{when}/{}", shown.join("/")),
                path: entry.path().to_path_buf(),
                place,
                id: stem,
                when: when.clone(),
            });
        }
    }
    out
}

/// What a rename did.
#[derive(Debug)]
pub struct Renamed {
    /// The record's file now.
    pub path: PathBuf,
    /// The files whose references now name the new id.
    pub updated: Vec<PathBuf>,
    /// The files whose references could not be changed (changed meanwhile in an editor), each
    /// with why: they still name the old id.
    pub not_updated: Vec<(PathBuf, WriteError)>,
}

/// Why a file that names a record, or may, cannot follow the record's new id
/// ([`WriteError::CannotFollow`]).
#[derive(Debug)]
pub enum NotFollowed {
    /// It names the record, and its text cannot be edited: not YAML, or YAML the lossless
    /// editor does not edit.
    Edit(EditError),
    /// It names the record, and is not UTF-8 text (saved in another encoding).
    NotText,
    /// It is too large to be read: whether it names the record is not known.
    TooLarge,
    /// The system refused to read it: whether it names the record is not known.
    Io(std::io::Error),
}

impl NotFollowed {
    /// What the clerk reads, the file shown as `path`, the record's old id `id`.
    pub fn message(&self, path: &str, id: &str, lang: Lang) -> String {
        let why = self.reason(id, lang);
        match lang {
            Lang::Vi => format!(
                "`{path}` {why}: chưa đổi mã, vì đổi thì tệp đó sẽ ghi một mã không còn ai. Hãy sửa tệp đó trước (hoặc đưa nó ra khỏi thư mục hồ sơ), rồi đổi mã"
            ),
            Lang::En => format!(
                "`{path}` {why}: the id is not changed, since that file would then name no one. Fix that file first (or move it out of the workspace), then change the id"
            ),
        }
    }

    /// What is wrong with the file, after its name (`có ghi mã … nhưng có lỗi cú pháp …`): for
    /// a page whose title already says that the id is not changed.
    pub fn reason(&self, id: &str, lang: Lang) -> String {
        match (self, lang) {
            (NotFollowed::Edit(EditError::Syntax { line, column }), Lang::Vi) => {
                format!("có ghi mã `{id}` nhưng có lỗi cú pháp YAML ở dòng {line}, cột {column}")
            }
            (NotFollowed::Edit(EditError::Syntax { line, column }), Lang::En) => {
                format!("names `{id}` but is not valid YAML at line {line}, column {column}")
            }
            (NotFollowed::Edit(EditError::Unsupported { path }), Lang::Vi) => format!(
                "ghi mã `{id}` ở `{path}` theo kiểu YAML mà hoso không sửa (trong ngoặc {{…}} hay […], hoặc qua bí danh)"
            ),
            (NotFollowed::Edit(EditError::Unsupported { path }), Lang::En) => format!(
                "names `{id}` at `{path}` in a form of YAML hoso does not edit (inside {{…}} or […], or through an alias)"
            ),
            (NotFollowed::Edit(e), Lang::Vi) => {
                format!("có ghi mã `{id}` nhưng không sửa được ({e})")
            }
            (NotFollowed::Edit(e), Lang::En) => format!("names `{id}` but cannot be edited ({e})"),
            (NotFollowed::NotText, Lang::Vi) => {
                format!("có ghi mã `{id}` nhưng không phải văn bản UTF-8")
            }
            (NotFollowed::NotText, Lang::En) => format!("names `{id}` but is not UTF-8 text"),
            (NotFollowed::TooLarge, Lang::Vi) => format!(
                "lớn hơn {} MB nên không đọc được để biết có ghi mã `{id}` hay không",
                MAX_FILE_BYTES >> 20
            ),
            (NotFollowed::TooLarge, Lang::En) => format!(
                "is larger than {} MB, so whether it names `{id}` cannot be read",
                MAX_FILE_BYTES >> 20
            ),
            (NotFollowed::Io(e), Lang::Vi) => {
                format!("không đọc được ({e}) để biết có ghi mã `{id}` hay không")
            }
            (NotFollowed::Io(e), Lang::En) => {
                format!("cannot be read ({e}) to tell whether it names `{id}`")
            }
        }
    }
}

/// Whether `bytes` hold `id` whole (not inside a longer id): in UTF-8 or any encoding that keeps
/// ASCII as it is (Windows-1258, TCVN3, VNI), or in UTF-16 with its byte-order mark.
fn mentions(bytes: &[u8], id: &str) -> bool {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units).into_bytes()
    };
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => bytes.to_vec(),
    };
    let in_id = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-');
    let id = id.as_bytes();
    text.windows(id.len()).enumerate().any(|(at, w)| {
        w == id
            && !in_id(at.checked_sub(1).and_then(|i| text.get(i)))
            && !in_id(text.get(at + id.len()))
    })
}

/// Now, in Vietnam (UTC+7), as a folder's name.
fn now_stamp() -> String {
    let offset = jiff::tz::TimeZone::fixed(jiff::tz::offset(7));
    jiff::Timestamp::now()
        .to_zoned(offset)
        .strftime("%Y-%m-%d_%H%M%S")
        .to_string()
}

impl Writer {
    /// Moves `file` (as [`Writer::read`] gave it) to `to`, if its bytes are still those read:
    /// never over anything, never leaving neither.
    fn move_to(&self, file: &FileText, to: &Path) -> Result<(), WriteError> {
        let stale = || WriteError::Stale {
            path: file.path.clone(),
        };
        let bytes = read_bounded(&file.path, &file.real)?;
        if version(&bytes) != file.version {
            return Err(stale());
        }
        self.create_bytes(to, &bytes)?;
        // A text editor takes no lock: checked again right before the original goes.
        let now = read_bounded(&file.path, &file.real);
        if !now.is_ok_and(|now| version(&now) == file.version) {
            let _ = std::fs::remove_file(to);
            self.wrote(to);
            self.forget_id(to);
            return Err(stale());
        }
        // The name goes (a link's target outside the workspace stays as it is).
        let removed = std::fs::remove_file(&file.path);
        self.wrote(&file.path);
        if let Err(e) = removed {
            let _ = std::fs::remove_file(to);
            self.wrote(to);
            self.forget_id(to);
            return Err(io_error(&file.path)(e));
        }
        self.forget_id(&file.path);
        Ok(())
    }

    /// Forgets the id of a record file that is no longer there.
    fn forget_id(&self, path: &Path) {
        if let (Some(id), Some(ids)) = (yaml_stem(path), self.ids.borrow_mut().as_mut())
            && ids.get(&id).is_some_and(|p| p == path)
        {
            ids.remove(&id);
        }
    }

    /// Deletes the record `file` recoverably: it moves to `da-xoa/<now>/<its place>`, which the
    /// loader never reads and [`Writer::restore`] brings back from. Returns where it is.
    pub fn delete_record(&self, file: &FileText) -> Result<PathBuf, WriteError> {
        let place = file
            .path
            .strip_prefix(&self.root)
            .map_err(|_| WriteError::NotAFile {
                path: file.path.clone(),
            })?
            .to_path_buf();
        let stamp = now_stamp();
        // The same record deleted twice in one second: the second beside the first.
        for n in 1..100 {
            let when = if n == 1 {
                stamp.clone()
            } else {
                format!("{stamp}-{n}")
            };
            let to = self.root.join(DELETED_DIR).join(when).join(&place);
            match self.move_to(file, &to) {
                Err(WriteError::Exists { .. }) => continue,
                Err(e) => return Err(e),
                Ok(()) => return Ok(to),
            }
        }
        Err(WriteError::Exists {
            path: file.path.clone(),
            existing: self.root.join(DELETED_DIR),
        })
    }

    /// Brings a deleted record back where it was, unless its id is taken again (a new record of
    /// that id, in either folder: [`WriteError::Exists`] names it). Returns its file.
    pub fn restore(&self, deleted: &Deleted) -> Result<PathBuf, WriteError> {
        let file = self.read(&deleted.path)?;
        let to = self.root.join(&deleted.place);
        self.move_to(&file, &to)?;
        // The emptied folders of the deletion go.
        let top = self.root.join(DELETED_DIR);
        let mut dir = deleted.path.parent();
        while let Some(d) = dir.filter(|d| d.starts_with(&top) && *d != top) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
        Ok(to)
    }

    /// Gives the record `file` the id `new_id` (its file renamed in its folder) and changes every
    /// reference to its old id (a sponsor, a chair, the secretary, the register's entries: the
    /// keys that name a person, [`keys::Key::names_a_person`]) in the other records and in
    /// `to-chuc.yaml`, by the lossless editor. Refused, with nothing written, when the new id is
    /// not one or is taken, or a file that names the old id (or cannot be read to tell) cannot
    /// follow it ([`WriteError::CannotFollow`]): a rename never leaves a file naming no one. A
    /// broken file that does not hold the old id is no reason to refuse.
    pub fn rename_record(&self, file: &FileText, new_id: &str) -> Result<Renamed, WriteError> {
        if !id::is_id(new_id) {
            return Err(WriteError::NotAnId { id: new_id.into() });
        }
        let Some(old_id) = yaml_stem(&file.path).filter(|s| id::is_id(s)) else {
            return Err(WriteError::NotAFile {
                path: file.path.clone(),
            });
        };
        let ext = file
            .path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_else(|| "yaml".into());
        let to = file.path.with_file_name(format!("{new_id}.{ext}"));
        if let Some(existing) = self.person_file(new_id) {
            return Err(WriteError::Exists { path: to, existing });
        }
        // Every reference, edited in memory first: a file that cannot take the edit refuses
        // the rename before anything is written.
        let mut others: Vec<(PathBuf, FileKind)> =
            vec![(self.root.join(ORG_FILE), FileKind::ToChuc)];
        let mut records: Vec<PathBuf> = {
            let mut ids = self.ids.borrow_mut();
            let ids = ids.get_or_insert_with(|| self.list_ids());
            ids.values().cloned().collect()
        };
        records.sort();
        others.extend(
            records
                .into_iter()
                .filter(|p| *p != file.path)
                .map(|p| (p, FileKind::Nguoi)),
        );
        let cannot_follow = |path: &Path, why: NotFollowed| WriteError::CannotFollow {
            path: path.to_path_buf(),
            id: old_id.clone(),
            why: Box::new(why),
        };
        let mut edited = Vec::new();
        for (path, kind) in others {
            let other = match self.read(&path) {
                Ok(other) => other,
                // Gone, a folder, a link to a workspace file (which is read on its own).
                Err(WriteError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::NotFound =>
                {
                    continue;
                }
                Err(WriteError::NotAFile { .. } | WriteError::Link { .. }) => continue,
                // Saved in another encoding: its bytes still tell whether it holds the id.
                Err(WriteError::NotText { .. }) => match read_bounded(&path, &path) {
                    Ok(bytes) if !mentions(&bytes, &old_id) => continue,
                    _ => return Err(cannot_follow(&path, NotFollowed::NotText)),
                },
                Err(WriteError::TooLarge { .. }) => {
                    return Err(cannot_follow(&path, NotFollowed::TooLarge));
                }
                Err(WriteError::Io { source, .. }) => {
                    return Err(cannot_follow(&path, NotFollowed::Io(source)));
                }
                Err(e) => return Err(e),
            };
            let scalars = match edit::scalars_as_written(other.text()) {
                Ok(scalars) => scalars,
                // A broken file that does not hold the id is its own problem, not this one's.
                Err(_) if !mentions(other.text().as_bytes(), &old_id) => continue,
                Err(e) => return Err(cannot_follow(&path, NotFollowed::Edit(e))),
            };
            let edits: Vec<Edit> = scalars
                .iter()
                .filter(|(at, value)| {
                    *value == &old_id && keys::find(kind, at).is_some_and(keys::Key::names_a_person)
                })
                .map(|(at, _)| Edit::text(at.clone(), new_id))
                .collect();
            if edits.is_empty() {
                continue;
            }
            let text = edit::apply(other.text(), &edits)
                .map_err(|e| cannot_follow(&path, NotFollowed::Edit(e)))?;
            edited.push((other, text));
        }
        self.move_to(file, &to)?;
        let mut renamed = Renamed {
            path: to,
            updated: Vec::new(),
            not_updated: Vec::new(),
        };
        for (other, text) in edited {
            match self.replace(&other, &text) {
                Ok(_) => renamed.updated.push(other.path),
                Err(e) => renamed.not_updated.push((other.path, e)),
            }
        }
        Ok(renamed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_mentioned_whole_in_any_encoding_windows_saves() {
        assert!(mentions(b"dang_vien: le-van-a\n", "le-van-a"));
        assert!(!mentions(b"dang_vien: le-van-a-2\n", "le-van-a"));
        assert!(!mentions(b"dang_vien: ple-van-a\n", "le-van-a"));
        assert!(mentions(b"ho_ten: Tr\xe2n\nchu_tri: le-van-a", "le-van-a"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "chu_tri: le-van-a\r\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert!(mentions(&utf16, "le-van-a"));
        assert!(!mentions(&utf16, "le-van-b"));
    }

    #[test]
    fn a_rename_is_refused_while_a_file_that_names_the_record_cannot_follow() {
        let ws = tempfile::tempdir().unwrap();
        let root = ws.path();
        std::fs::write(root.join("to-chuc.yaml"), "chi_bo: A\nbi_thu: le-van-a\n").unwrap();
        std::fs::create_dir_all(root.join("ket-nap")).unwrap();
        std::fs::create_dir_all(root.join("dang-vien")).unwrap();
        let member = root.join("dang-vien/le-van-a.yaml");
        std::fs::write(&member, "ho_ten: Lê Văn A\n").unwrap();
        // Broken files that do not hold the id (one names a longer id) are no reason to refuse.
        std::fs::write(root.join("ket-nap/c.yaml"), "ho_ten: [\n").unwrap();
        std::fs::write(root.join("ket-nap/d.yaml"), "chu_tri: le-van-a-2\nx: [\n").unwrap();
        std::fs::write(root.join("ket-nap/e.yaml"), b"ho_ten: Tr\xe2n\n").unwrap();
        let broken = root.join("ket-nap/b.yaml");
        let refused = |text: &[u8]| {
            std::fs::write(&broken, text).unwrap();
            let before: Vec<Vec<u8>> = [root.join("to-chuc.yaml"), member.clone()]
                .iter()
                .map(|p| std::fs::read(p).unwrap())
                .collect();
            let writer = Writer::lock(root).unwrap();
            let file = writer.read(&member).unwrap();
            let e = writer.rename_record(&file, "le-van-b").unwrap_err();
            let after: Vec<Vec<u8>> = [root.join("to-chuc.yaml"), member.clone()]
                .iter()
                .map(|p| std::fs::read(p).unwrap())
                .collect();
            assert_eq!(before, after, "nothing written");
            assert!(!root.join("dang-vien/le-van-b.yaml").exists());
            assert_eq!(e.path(), Some(broken.as_path()));
            e
        };
        let e = refused(b"ho_ten: B\nnguoi_gioi_thieu:\n  - dang_vien: le-van-a\n    ngay_viet: 01/01/2026: x\n");
        assert!(
            matches!(&e, WriteError::CannotFollow { id, why, .. }
                if id == "le-van-a" && matches!(**why, NotFollowed::Edit(EditError::Syntax { line: 4, .. }))),
            "{e:?}"
        );
        assert!(
            e.message(Lang::Vi).contains("lỗi cú pháp YAML ở dòng 4")
                && e.message(Lang::Vi).contains("chưa đổi mã"),
            "{}",
            e.message(Lang::Vi)
        );
        assert!(
            e.message(Lang::En).contains("not valid YAML at line 4"),
            "{}",
            e.message(Lang::En)
        );
        // Saved by Notepad in Windows-1258: its bytes still hold the id.
        let e = refused(b"ho_ten: Tr\xe2n\nhop_chi_bo:\n  chu_tri: le-van-a\n");
        assert!(
            matches!(&e, WriteError::CannotFollow { why, .. } if matches!(**why, NotFollowed::NotText)),
            "{e:?}"
        );
        // Mended, the rename goes ahead and the file follows.
        std::fs::write(&broken, "hop_chi_bo:\n  chu_tri: le-van-a\n").unwrap();
        let writer = Writer::lock(root).unwrap();
        let file = writer.read(&member).unwrap();
        let renamed = writer.rename_record(&file, "le-van-b").unwrap();
        assert_eq!(renamed.updated.len(), 2, "{renamed:?}");
        assert_eq!(
            std::fs::read_to_string(&broken).unwrap(),
            "hop_chi_bo:\n  chu_tri: le-van-b\n"
        );
    }
}
