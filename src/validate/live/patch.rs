//! Changes put in place: person files edited, made or removed, brought into the last result
//! without listing the records folders or gathering the workspace again (see the notes of
//! [`super`]).

use super::{FileOutcome, FileRead, Live, Refreshed, Seen, Stamp, links, read_file};
use crate::diag::{Diagnostic, Problem};
use crate::model::{self, PersonFile};
use crate::validate::CheckedWorkspace;
use rayon::prelude::*;
use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

impl Live {
    /// Brings the last result up to date when the places told are all person files and no link
    /// is in the records folders (a link's target, or the file a link leading nowhere names,
    /// changes under its own name, and a listing finds the link changed): each read before is
    /// looked at, and those not as they were read, those gone and those new are put in place
    /// ([`Live::patch`]). `None`, with nothing changed but the stamps of files found as they
    /// were, when a place is anything else (the organisation's or the bulletin file, a misnamed
    /// file, a folder, a file in a subfolder), was one at the last listing, or a file cannot be
    /// put in place: every file is then looked at.
    pub(super) fn bring_in_told(&mut self, paths: &[PathBuf]) -> Option<Arc<CheckedWorkspace>> {
        self.checked.as_ref()?;
        if self.linked {
            return None;
        }
        let now = SystemTime::now();
        let mut changed: Vec<PersonFile> = Vec::new();
        let mut gone: Vec<PathBuf> = Vec::new();
        for path in paths {
            let Some(seen) = self.files.get_mut(path.as_os_str()) else {
                // Not read before: a new person's file, or a place only a listing can place, as
                // one it listed as something else (a folder under a record's name, moved away:
                // what it held goes with it, untold).
                if self.others.iter().any(|other| other.path == *path) {
                    return None;
                }
                changed.push(model::plain_person_file(&self.root, path)?);
                continue;
            };
            if Stamp::holds(&mut seen.stamp, path, now) {
                continue;
            }
            match std::fs::symlink_metadata(path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => gone.push(path.clone()),
                _ => changed.push(PersonFile {
                    folder: seen.folder,
                    path: path.clone(),
                    id: seen.outcome.id.clone(),
                }),
            }
        }
        if changed.is_empty() && gone.is_empty() {
            self.last = Refreshed::Same;
            return self.checked.clone();
        }
        let files: Vec<&PersonFile> = changed.iter().collect();
        let checked = self.patch(&files, &gone)?;
        self.last = Refreshed::Patched;
        Some(checked)
    }

    /// Brings the last result up to date with `files`, each the file of a person of it or a new
    /// person's file, and with the files `gone`, when every one was and is read without a
    /// problem and changes nobody else's outcome of reading: each record is put in place, added
    /// or taken out, and only the people they concern are checked again, with the organisation
    /// and the bulletin file (whose checks read people). Nothing is gathered or indexed again:
    /// a change costs what it concerns, not the size of the đảng bộ. `None`, with nothing
    /// changed, for anything else, which the full path places: a file unreadable or read with a
    /// problem, before or now; a link; a new file outside the records folders' top level or
    /// whose name is not an id; an id given by two files (a duplicate, or one coming back).
    pub(super) fn patch(
        &mut self,
        files: &[&PersonFile],
        gone: &[PathBuf],
    ) -> Option<Arc<CheckedWorkspace>> {
        let last = self.checked.as_ref()?;
        let clean = |outcome: &FileOutcome| outcome.loaded && outcome.diagnostics.is_empty();
        // Each file read before was a person's, read without a problem, and not a link.
        let as_read = |path: &Path| -> Option<&Seen> {
            let seen = self.files.get(path.as_os_str())?;
            let plain = seen.stamp.as_ref().is_some_and(|s| s.link.is_none());
            let index = last.index_of(&seen.outcome.id)?;
            let person = last.workspace().people[index].path() == path;
            (clean(&seen.outcome) && plain && person).then_some(seen)
        };
        let mut ids: HashSet<&str> = HashSet::new();
        for path in gone {
            ids.insert(&as_read(path)?.outcome.id);
        }
        let mut coming: HashSet<&str> = HashSet::new();
        for file in files {
            if self.files.contains_key(file.path.as_os_str()) {
                as_read(&file.path)?;
                continue;
            }
            let plain = model::plain_person_file(&self.root, &file.path).is_some();
            if !plain || !model::id::is_id(&file.id) || !coming.insert(&file.id) {
                return None;
            }
        }
        // No other file gives the id of a person come or gone: a second file of an id is left
        // out with a problem, which the full path places.
        if !(ids.is_empty() && coming.is_empty()) {
            ids.extend(&coming);
            let gone: HashSet<&OsStr> = gone.iter().map(|p| p.as_os_str()).collect();
            let shared = |(path, seen): (&OsString, &Seen)| {
                ids.contains(seen.outcome.id.as_str()) && !gone.contains(path.as_os_str())
            };
            if self.files.iter().any(shared) {
                return None;
            }
        }
        let reads: Vec<FileRead> = files.par_iter().map(|file| read_file(file)).collect();
        // A file become a link is the full path's to place (it follows links' targets).
        let plain = |stamp: &Option<Stamp>| stamp.as_ref().is_some_and(|s| s.link.is_none());
        let ok = |(stamp, (outcome, record)): &FileRead| {
            plain(stamp) && clean(outcome) && record.is_some()
        };
        if !reads.iter().all(ok) {
            return None;
        }

        let mut checked = self.checked.take()?;
        // Copied only when a request still reads the last result.
        let ws = Arc::make_mut(&mut checked);
        // Whoever names a changed person, or names a document a changed record names (before
        // or after the change), is concerned.
        let mut touched: HashSet<String> = HashSet::new();
        let mut concerned: HashSet<String> = HashSet::new();
        for path in gone {
            let Some(seen) = self.files.remove(path.as_os_str()) else {
                continue;
            };
            let id = seen.outcome.id;
            self.links.concerned_by(&id, None, &mut concerned);
            self.links.set(&id, None);
            if let Some(index) = ws.index_of(&id) {
                ws.remove(index);
            }
            touched.insert(id);
        }
        let mut came = false;
        for (file, (stamp, (outcome, record))) in files.iter().zip(reads) {
            let Some(record) = record else { continue };
            let new = links::of(&record);
            self.links
                .concerned_by(&record.id, Some(&new), &mut concerned);
            touched.insert(record.id.clone());
            self.links.set(&record.id, Some(new));
            match ws.index_of(&record.id) {
                Some(index) => ws.replace(index, record),
                None => {
                    ws.insert(record);
                    came = true;
                }
            }
            let folder = file.folder;
            let seen = Seen {
                folder,
                stamp,
                outcome,
            };
            self.files.insert(file.path.as_os_str().to_owned(), seen);
        }
        let again = self.links.naming(&concerned);
        let mut who: Vec<usize> = touched
            .iter()
            .map(String::as_str)
            .chain(again)
            .filter_map(|id| ws.index_of(id))
            .collect();
        // A person come or gone changes the closest id offered for a reference that names
        // nobody: whoever has one is checked again.
        if came || !gone.is_empty() {
            let people = ws.people().enumerate();
            let suggested = people.filter(|(_, p)| p.diagnostics().any(names_nobody));
            who.extend(suggested.map(|(index, _)| index));
        }
        who.sort_unstable();
        who.dedup();
        crate::validate::recheck(ws, &who);
        self.checked = Some(checked.clone());
        Some(checked)
    }
}

/// Whether a diagnostic is of a reference that names nobody, answered with the closest id (which
/// depends on everyone's).
pub(super) fn names_nobody(diagnostic: &Diagnostic) -> bool {
    matches!(diagnostic.problem, Problem::UnknownPerson { .. })
}
