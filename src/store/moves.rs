//! A record moved by the writer: deleted (recoverably, into [`DELETED_DIR`]), restored from
//! there, renamed (a new id) with every reference to it in the other files.
//!
//! A move is a copy made by [`Writer::create`]'s rule (never over anything, the id free in both
//! record folders), then the original removed, after its bytes are checked once more (a text
//! editor takes no lock): a run killed between the two leaves both, never neither.

use super::{FileText, WriteError, Writer, io_error, read_bounded, version, yaml_stem};
use crate::edit::{self, Edit};
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
            self.forget_id(to);
            return Err(stale());
        }
        // The name goes (a link's target outside the workspace stays as it is).
        if let Err(e) = std::fs::remove_file(&file.path) {
            let _ = std::fs::remove_file(to);
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
    /// not one or is taken, or a reference cannot be edited.
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
        let mut edited = Vec::new();
        for (path, kind) in others {
            // A file that cannot be read is its own problem, reported by every check.
            let Ok(other) = self.read(&path) else {
                continue;
            };
            let Ok(scalars) = edit::scalars_as_written(other.text()) else {
                continue;
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
            let text = edit::apply(other.text(), &edits).map_err(|e| WriteError::Io {
                path: path.clone(),
                source: std::io::Error::other(e.to_string()),
            })?;
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
