//! Listing the records folders: each entry is a person's file to read, or already its own outcome
//! (a folder named `.yaml`, a link out of the records, a misnamed record's file, a place that
//! cannot be listed), in the order read, folder by folder and names sorted, so that the order of
//! diagnostics and of people never depends on the file system.

use super::names::{RecordName, id_of, record_name};
use super::{FileOutcome, start_of};
use crate::diag::{Diagnostic, Problem};
use crate::model::Folder;
use std::path::{Path, PathBuf};

/// A person's file found in the records folders, to be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonFile {
    pub folder: Folder,
    pub path: PathBuf,
    /// The id its name gives (the name without `.yaml`).
    pub id: String,
}

/// One entry of the records folders.
#[derive(Debug)]
pub(crate) enum Entry {
    /// A person's file, to read.
    Person(PersonFile),
    /// Not a record's file: its outcome is already known.
    Other(FileOutcome),
}

/// Lists the records folders of the workspace at `root`, without reading any file.
pub(crate) fn list(root: &Path) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    for folder in [Folder::DangVien, Folder::KetNap] {
        let dir = root.join(folder.dir());
        if !dir.is_dir() {
            continue;
        }
        let walker = walkdir::WalkDir::new(&dir).sort_by_file_name();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                // A folder that cannot be listed, a link that loops: that place's problem.
                Err(e) => {
                    let path = e.path().map_or_else(|| dir.clone(), Path::to_path_buf);
                    entries.push(not_a_record(&path, e.to_string()));
                    continue;
                }
            };
            let path = entry.path();
            match record_name(path) {
                RecordName::Record => {}
                RecordName::Other => continue,
                RecordName::Misnamed { rename_to } => {
                    if entry.file_type().is_file() {
                        let problem = Problem::MisnamedRecordFile { rename_to };
                        entries.push(Entry::Other(FileOutcome {
                            path: path.to_path_buf(),
                            id: id_of(path),
                            diagnostics: vec![Diagnostic::error(problem, Some(start_of(path)))],
                            loaded: false,
                        }));
                    }
                    continue;
                }
            }
            if entry.file_type().is_dir() {
                entries.push(not_a_record(path, "thư mục / a folder".into()));
                continue;
            }
            if entry.path_is_symlink() {
                // A link is followed only where it stays inside the workspace's records: a link
                // to `to-chuc.yaml` is not a person (and the writer never writes through it).
                let in_records = |t: &Path| {
                    [Folder::DangVien, Folder::KetNap]
                        .iter()
                        .any(|f| t.starts_with(real_root.join(f.dir())))
                };
                match std::fs::canonicalize(path) {
                    Ok(target) if in_records(&target) && target.is_file() => {}
                    Ok(target) => {
                        let detail = format!("→ {}", target.display());
                        entries.push(not_a_record(path, detail));
                        continue;
                    }
                    Err(e) => {
                        entries.push(not_a_record(path, e.to_string()));
                        continue;
                    }
                }
            } else if !entry.file_type().is_file() {
                entries.push(not_a_record(
                    path,
                    "không phải tệp thường / not a regular file".into(),
                ));
                continue;
            }
            entries.push(Entry::Person(PersonFile {
                folder,
                path: path.to_path_buf(),
                id: id_of(path),
            }));
        }
    }
    entries
}

/// The person's file at `path` when it is one [`list`] would list as such and as plainly as can
/// be: a regular file (not a link) directly in a records folder of the workspace at `root`, under
/// a record's name. `None` for anything else, which only a listing can tell (a file in a
/// subfolder, a link, a misnamed file, a place gone).
pub(crate) fn plain_person_file(root: &Path, path: &Path) -> Option<PersonFile> {
    let folder = [Folder::DangVien, Folder::KetNap]
        .into_iter()
        .find(|f| path.parent() == Some(root.join(f.dir()).as_path()))?;
    let plain = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file());
    (plain && record_name(path) == RecordName::Record).then(|| PersonFile {
        folder,
        path: path.to_path_buf(),
        id: id_of(path),
    })
}

/// Whether [`list`] takes a file of this name in a records folder into account (a record's file,
/// or one under a name an editor gave it): a change to any other file there (a photo, an editor's
/// swap file, a writer's temporary) changes nothing a load finds.
pub(crate) fn considers(path: &Path) -> bool {
    record_name(path) != RecordName::Other
}

/// A place in a records folder that is not a record's file, located at that path.
fn not_a_record(path: &Path, detail: String) -> Entry {
    Entry::Other(FileOutcome {
        path: path.to_path_buf(),
        id: id_of(path),
        diagnostics: vec![Diagnostic::error(
            Problem::NotARecordFile { detail },
            Some(start_of(path)),
        )],
        loaded: false,
    })
}
