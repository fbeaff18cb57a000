//! A checked workspace kept up to date with its files: what the desk shows.
//!
//! Every page of the desk must show what is on the disk now, whoever changed it (the desk itself,
//! a text editor, an import), and exactly what a full [`check`](super::check) of those files would
//! show. Reading and checking the thousands of people of a đảng ủy on every request is what the
//! clerk would wait for, so a [`Live`] workspace keeps the last result and, on each
//! [`Live::refresh`]:
//!
//! - asks its [`watch`] what may have changed since the last refresh: the operating system tells
//!   each change of the workspace's files (a text editor's save, an import), and this process's
//!   writer ([`crate::store`]) tells its own writes at once, so that an edit the desk confirmed
//!   shows at its very next request. When nothing was told, the last result is the answer, and no
//!   file is looked at. The answer, a [`watch::Look`], is `Everything` the first time, when the
//!   system lost track (an overflow, a records folder made or removed), and at least every ten
//!   seconds as a backstop (notifications are lost silently on some file systems); else `Only`
//!   the places that may have changed, given to the rest of the refresh (`bring_in`; what `Only`
//!   promises is said at [`watch::Look`]: a place gone may have been a folder, a link's target
//!   changes under the target's name). A refresh that does not finish leaves its look to the
//!   next. Where the system cannot watch (a file system without notifications, the limit of
//!   watches reached), every refresh looks at every file;
//! - when the look names only person files, read before or new in a records folder, and no
//!   link is in the records folders (a link's target, or the file a link leading nowhere names,
//!   changes under its own name): looks at those alone, and puts each that changed, came or
//!   went, read without a problem, in place in the last result ([`Live::patch`]): the record
//!   replaced, added or taken out, what is derived from the records (the number index, the
//!   decisions and ceremonies shared, the person's time limits) following it, and checked again
//!   only the people it concerns (below).
//!   Nothing else is listed, read, gathered or indexed: an edit, a new person, a person deleted
//!   or renamed costs what it concerns, not the size of the đảng bộ;
//! - otherwise (a misnamed, unreadable or second file of an id, a file in a subfolder, the
//!   organisation's or the bulletin file, the first look, the backstop), lists the records
//!   folders and looks at each file's metadata (size, modification time, and on Unix its inode
//!   and change time). A file whose metadata is as last seen is not read again, unless it had
//!   been modified so shortly before it was read that a coarse clock could hide a second change
//!   of the same size: then its content's digest decides, as git decides for a "racily clean"
//!   file. Files edited, made or removed are put in place as above when they can be; anything
//!   else reads only the files that changed, puts the workspace together through the same
//!   [`crate::model::gather`] as a full load, and checks it through the same
//!   [`check_reusing`](super::check_reusing) as a full check;
//! - checks again only the people a change can concern: anyone whose file changed; anyone whose
//!   record names a changed person, or names a document that the old or the new record of a
//!   changed file names (see [`links`]: so the people who share their decision); when a person
//!   appears or disappears, whoever has a reference that names nobody (it is answered with the
//!   closest id, which depends on everyone's); and everyone when the organisation file changes.
//!   The organisation's and the bulletin file's checks, cheap, run again on every change.
//!
//! So a rule may read the people its record names by id, and, through an index built over
//! everyone like the number index, those who name one document. A rule that reads others (those
//! who name a person, say) must add that link here. The test
//! `random_edits_agree_with_a_full_check` compares the two after random edits.

use super::{CheckedWorkspace, check_reusing};
use crate::diag::Diagnostic;
use crate::model::{
    self, BAO_CAO_FILE, Entry, FileOutcome, LoadError, Loaded, ORG_FILE, PersonFile, Record,
};
use links::Links;
use rayon::prelude::*;
use sha2::Digest;
use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use watch::{Look, Watch};

/// How long after its last modification a file's metadata is trusted to tell a later change: the
/// coarsest clock of a common file system (FAT's two seconds), with a second to spare.
const COARSE_CLOCK: Duration = Duration::from_secs(3);

/// A workspace, checked, that follows its files.
#[derive(Debug)]
pub struct Live {
    root: PathBuf,
    /// The last result; `None` before the first refresh (or after one that did not finish).
    checked: Option<Arc<CheckedWorkspace>>,
    org: Option<Stamp>,
    org_diagnostics: Vec<Diagnostic>,
    /// The bulletin file: whether there was one, its stamp, its problems of reading.
    report: (bool, Option<Stamp>),
    report_diagnostics: Vec<Diagnostic>,
    /// The entries of the records folders that are not a person's file, as last listed.
    others: Vec<FileOutcome>,
    /// Every person file as last read.
    files: HashMap<OsString, Seen>,
    /// Records read but not among the people: the later files of an id, files whose name is not
    /// an id. Kept, since a change elsewhere can bring them back.
    aside: HashMap<OsString, Record>,
    /// The links of each person of the checked workspace, and who holds each.
    links: Links,
    /// What tells the files that changed; `None` where the system cannot (every file is looked at).
    watch: Option<Watch>,
    /// What had changed when a refresh began that did not finish (an error, a panic).
    unfinished: Option<Look>,
    /// Whether a person file is a link (whose target's changes are told under the target's name),
    /// or a place the listing left out is (a link leading nowhere, or not to a record, comes to
    /// life when the file it names is made: a new person's file is then not put in place alone).
    linked: bool,
    /// How the last refresh came to its result.
    pub(super) last: Refreshed,
    /// Whether the last refresh listed the records folders (looked at every file).
    pub(super) listed: bool,
}

/// How a refresh came to its result: what it cost, for the tests and the benchmark to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refreshed {
    /// Nothing had changed: the last result.
    Same,
    /// Records edited, made or removed were put in place in the last result, the people they
    /// concern checked.
    Patched,
    /// The workspace gathered again from the files, the people a change concerns checked.
    Gathered,
}

/// A person file as last read.
#[derive(Debug)]
struct Seen {
    /// Its records folder.
    folder: model::Folder,
    stamp: Option<Stamp>,
    /// What reading it came to, before the workspace was gathered (which may add a duplicate or
    /// invalid id): its record, when `loaded`, is among the people or set aside.
    outcome: FileOutcome,
}

/// What a file looked like when it was read.
#[derive(Debug, Clone)]
struct Stamp {
    meta: Meta,
    /// For a link, the link's own metadata (a link pointed elsewhere is a change).
    link: Option<Meta>,
    /// The digest of the content read, kept while the modification time cannot vouch for it.
    digest: Option<[u8; 32]>,
    /// A moment before the content was read.
    observed: SystemTime,
}

/// The metadata that tells a change.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Meta {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
    #[cfg(unix)]
    changed: (i64, i64),
}

impl Meta {
    fn of(m: &std::fs::Metadata) -> Meta {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Meta {
            len: m.len(),
            modified: m.modified().ok(),
            #[cfg(unix)]
            inode: (m.dev(), m.ino()),
            #[cfg(unix)]
            changed: (m.ctime(), m.ctime_nsec()),
        }
    }
}

/// The metadata of a file and, when the path is a link, of the link.
fn look(path: &Path) -> std::io::Result<(Meta, Option<Meta>)> {
    let own = std::fs::symlink_metadata(path)?;
    if own.file_type().is_symlink() {
        Ok((Meta::of(&std::fs::metadata(path)?), Some(Meta::of(&own))))
    } else {
        Ok((Meta::of(&own), None))
    }
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    sha2::Sha256::digest(bytes).into()
}

impl Stamp {
    /// Whether the modification time alone shows any later change: the file had not been
    /// modified for a while when it was read.
    fn vouches(meta: &Meta, observed: SystemTime) -> bool {
        meta.modified
            .is_some_and(|m| m.checked_add(COARSE_CLOCK).is_some_and(|t| t <= observed))
    }

    /// The stamp of content read at `observed` (a moment before the read), with the metadata
    /// looked at before reading it.
    fn new((meta, link): (Meta, Option<Meta>), bytes: &[u8], observed: SystemTime) -> Stamp {
        let digest = (!Stamp::vouches(&meta, observed)).then(|| digest(bytes));
        Stamp {
            meta,
            link,
            digest,
            observed,
        }
    }

    /// Whether the file at `path` is still as it was read. A file too recently modified for its
    /// time to tell is read and compared by digest; once it matches at a time its modification
    /// time can vouch for, it is not read again.
    fn holds(stamp: &mut Option<Stamp>, path: &Path, now: SystemTime) -> bool {
        let Some(old) = stamp else {
            return false;
        };
        let Ok((meta, link)) = look(path) else {
            return false;
        };
        if old.meta != meta || old.link != link {
            return false;
        }
        if Stamp::vouches(&old.meta, old.observed) {
            return true;
        }
        let Ok(bytes) = crate::model::read_bounded(path) else {
            return false;
        };
        if old.digest != Some(digest(&bytes)) {
            return false;
        }
        old.observed = now;
        true
    }
}

/// Stamps a shared file (the organisation's, the bulletin's) and then reads it with `read`: the
/// stamp is taken first, so that a change during the read is a change at the next look.
fn stamped<T>(
    path: &Path,
    now: SystemTime,
    read: impl FnOnce() -> Result<T, LoadError>,
) -> Result<(Option<Stamp>, T), LoadError> {
    let stamp = look(path).ok().and_then(|seen| {
        Some(Stamp::new(
            seen,
            &crate::model::read_bounded(path).ok()?,
            now,
        ))
    });
    Ok((stamp, read()?))
}

/// A person file read: what it looked like, what reading it came to, and its record.
type FileRead = (Option<Stamp>, (FileOutcome, Option<Record>));

/// Reads one person file, stamped, through the loader's own step.
fn read_file(file: &PersonFile) -> FileRead {
    let now = SystemTime::now();
    let seen = look(&file.path);
    let bytes = crate::model::read_bounded(&file.path);
    let stamp = match (seen, &bytes) {
        (Ok(seen), Ok(bytes)) => Some(Stamp::new(seen, bytes, now)),
        _ => None,
    };
    (stamp, model::person_outcome(file, bytes))
}

impl Live {
    /// Reads and checks the workspace at `root`, as [`crate::model::load`] and
    /// [`check`](super::check) would.
    pub fn open(root: &Path) -> Result<Live, LoadError> {
        let mut live = Live {
            root: root.to_path_buf(),
            checked: None,
            org: None,
            org_diagnostics: Vec::new(),
            report: (false, None),
            report_diagnostics: Vec::new(),
            others: Vec::new(),
            files: HashMap::new(),
            aside: HashMap::new(),
            links: Links::default(),
            // Before the first look, so that no change after it goes untold.
            watch: Watch::start(root),
            unfinished: None,
            linked: false,
            last: Refreshed::Gathered,
            listed: true,
        };
        live.refresh()?;
        Ok(live)
    }

    /// The workspace as its files are now: the last result when nothing changed, else that
    /// result brought up to date (see the module's notes). An error is what a full load would
    /// answer (the organisation file missing or broken); the last result is kept for the next
    /// refresh.
    pub fn refresh(&mut self) -> Result<Arc<CheckedWorkspace>, LoadError> {
        self.listed = false;
        let told = self.watch.as_mut().map_or(Look::Everything, Watch::look);
        let changed = match self.unfinished.take() {
            Some(before) => before.and(told),
            None => told,
        };
        if let (Look::Only(paths), Some(checked)) = (&changed, &self.checked)
            && paths.is_empty()
        {
            self.last = Refreshed::Same;
            return Ok(checked.clone());
        }
        // Kept until it is brought in: a refresh that fails or panics leaves it for the next.
        self.unfinished = Some(changed.clone());
        let result = self.bring_in(&changed);
        if result.is_ok() {
            self.unfinished = None;
        }
        result
    }

    /// Brings the last result up to date with the files, of which those `changed` may have
    /// changed since the last refresh that finished.
    fn bring_in(&mut self, changed: &Look) -> Result<Arc<CheckedWorkspace>, LoadError> {
        if let Look::Only(paths) = changed
            && let Some(checked) = self.bring_in_told(paths)
        {
            return Ok(checked);
        }
        // Every file's metadata is looked at.
        self.listed = true;
        let now = SystemTime::now();
        let root = self.root.clone();
        let org_path = root.join(ORG_FILE);
        let report_path = root.join(BAO_CAO_FILE);
        let first = self.checked.is_none();
        let org_holds = !first && Stamp::holds(&mut self.org, &org_path, now);
        let report_there = report_path.is_file();
        let report_holds = !first
            && match (self.report.0, report_there) {
                (false, false) => true,
                (true, true) => Stamp::holds(&mut self.report.1, &report_path, now),
                _ => false,
            };
        let mut people: Vec<&PersonFile> = Vec::new();
        let mut others: Vec<FileOutcome> = Vec::new();
        let entries = model::list(&root);
        for entry in &entries {
            match entry {
                Entry::Person(file) => people.push(file),
                Entry::Other(outcome) => others.push(outcome.clone()),
            }
        }
        // Which person files are not as they were read. (Paths are keyed by their bytes: hashing
        // a `Path` parses its components, and there are thousands.)
        let mut known = 0;
        let changed: HashSet<&OsStr> = people
            .iter()
            .filter(|file| match self.files.get_mut(file.path.as_os_str()) {
                Some(seen) => {
                    known += 1;
                    !Stamp::holds(&mut seen.stamp, &file.path, now)
                }
                None => true,
            })
            .map(|file| file.path.as_os_str())
            .collect();
        // Files read before and no longer listed (none when every one read before is listed).
        let removed: Vec<OsString> = match known == self.files.len() {
            true => Vec::new(),
            false => {
                let listed: HashSet<&OsStr> = people.iter().map(|f| f.path.as_os_str()).collect();
                let gone = self
                    .files
                    .keys()
                    .filter(|p| !listed.contains(p.as_os_str()));
                gone.cloned().collect()
            }
        };
        // Nothing changed but person files read before (if any): the last result, or those files
        // put in place.
        let in_place =
            org_holds && report_holds && format!("{others:?}") == format!("{:?}", self.others);
        if let Some(checked) = &self.checked
            && in_place
            && changed.is_empty()
            && removed.is_empty()
        {
            self.last = Refreshed::Same;
            return Ok(checked.clone());
        }
        // Person files edited, made or removed (the desk's edits, a text editor's): put in
        // place when they can be.
        if in_place {
            let files: Vec<&PersonFile> = people
                .iter()
                .copied()
                .filter(|file| changed.contains(file.path.as_os_str()))
                .collect();
            let gone: Vec<PathBuf> = removed.iter().map(PathBuf::from).collect();
            if let Some(checked) = self.patch(&files, &gone) {
                self.last = Refreshed::Patched;
                return Ok(checked);
            }
        }

        // What can fail comes first, so that a failure leaves the last result whole.
        let org = match org_holds {
            true => None,
            false => Some(stamped(&org_path, now, || model::read_org(&root))?),
        };
        let report = match report_holds {
            true => None,
            false => Some(stamped(&report_path, now, || model::read_report(&root))?),
        };

        // The last result taken apart (copied when a request still reads it).
        let (old_workspace, old_checks) = match self.checked.take() {
            Some(arc) => {
                let (w, c) = Arc::try_unwrap(arc)
                    .unwrap_or_else(|shared| (*shared).clone())
                    .into_parts();
                (Some(w), c)
            }
            None => (None, Vec::new()),
        };
        let mut old_org = None;
        let mut old_report = None;
        let mut old_ids: Vec<String> = Vec::new();
        let mut reusable: HashMap<String, Vec<Diagnostic>> = HashMap::new();
        let mut slots: HashMap<OsString, Record> = std::mem::take(&mut self.aside);
        if let Some(w) = old_workspace {
            old_org = Some(w.org);
            old_report = w.bao_cao;
            old_ids.reserve(w.people.len());
            reusable.reserve(w.people.len());
            slots.reserve(w.people.len());
            for (record, checks) in w.people.into_iter().zip(old_checks) {
                old_ids.push(record.id.clone());
                reusable.insert(record.id.clone(), checks);
                slots.insert(record.path().as_os_str().to_owned(), record);
            }
        }

        // The files read again, in parallel; the others taken as they were.
        let mut fresh: HashMap<&OsStr, FileRead> = people
            .par_iter()
            .filter(|file| changed.contains(file.path.as_os_str()))
            .map(|file| (file.path.as_os_str(), read_file(file)))
            .collect();
        let mut touched: HashSet<String> = HashSet::new();
        let mut read: Vec<(FileOutcome, Option<Record>)> = Vec::with_capacity(entries.len());
        for entry in &entries {
            let file = match entry {
                Entry::Person(file) => file,
                Entry::Other(outcome) => {
                    read.push((outcome.clone(), None));
                    continue;
                }
            };
            let key = file.path.as_os_str();
            let record = slots.remove(key);
            match self.files.get(key) {
                Some(seen) if !changed.contains(key) && seen.outcome.loaded == record.is_some() => {
                    read.push((seen.outcome.clone(), record));
                }
                _ => {
                    let (stamp, (outcome, record)) =
                        fresh.remove(key).unwrap_or_else(|| read_file(file));
                    touched.insert(file.id.clone());
                    let seen = Seen {
                        folder: file.folder,
                        stamp,
                        outcome: outcome.clone(),
                    };
                    self.files.insert(key.to_owned(), seen);
                    read.push((outcome, record));
                }
            }
        }
        for path in &removed {
            if let Some(seen) = self.files.remove(path) {
                touched.insert(seen.outcome.id);
            }
        }

        // The shared files: read again, or as they were.
        let org_part = match org {
            Some((stamp, (record, diagnostics))) => {
                self.org = stamp;
                self.org_diagnostics = diagnostics.clone();
                (record, diagnostics)
            }
            None => match old_org {
                Some(record) => (record, self.org_diagnostics.clone()),
                None => model::read_org(&root)?,
            },
        };
        let report_part = match report {
            Some((stamp, (record, diagnostics))) => {
                self.report = (report_there, stamp);
                self.report_diagnostics = diagnostics.clone();
                (record, diagnostics)
            }
            None => (old_report, self.report_diagnostics.clone()),
        };
        self.others = others;
        let (loaded, left_out): (Loaded, Vec<Record>) =
            model::gather(&root, org_part, read, report_part);

        // Who is checked again.
        let new_ids = loaded.workspace.people.iter().map(|r| r.id.as_str());
        let everyone = first || !org_holds;
        // A person come or gone changes the closest id offered for a reference that names
        // nobody (whoever names that person is concerned below): whoever has such a reference
        // is checked again.
        let same_people = new_ids.eq(old_ids.iter().map(String::as_str));
        let suggesting: HashSet<String> = match same_people {
            true => HashSet::new(),
            false => reusable
                .iter()
                .filter(|(_, checks)| checks.iter().any(patch::names_nobody))
                .map(|(id, _)| id.clone())
                .collect(),
        };
        // Whoever names a changed person, or names a document a changed record names (before or
        // after the change), is concerned.
        let mut fresh: HashMap<String, Vec<String>> = loaded
            .workspace
            .people
            .iter()
            .filter(|record| touched.contains(&record.id))
            .map(|record| (record.id.clone(), links::of(record)))
            .collect();
        let mut concerned: HashSet<String> = HashSet::new();
        for id in &touched {
            self.links.concerned_by(id, fresh.get(id), &mut concerned);
        }
        let again = self.links.naming(&concerned);
        let checked = check_reusing(loaded, |record| {
            let id = record.id.as_str();
            if everyone || touched.contains(id) || again.contains(id) || suggesting.contains(id) {
                return None;
            }
            reusable.remove(id)
        });

        // The links of the people whose files changed (of everyone, the first time).
        if first {
            self.links = Links::all(&checked.workspace().people);
        } else {
            for id in &touched {
                self.links.set(id, fresh.remove(id));
            }
        }
        self.aside = left_out
            .into_iter()
            .map(|r| (r.path().as_os_str().to_owned(), r))
            .collect();
        let link = |path: &Path| std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
        self.linked = self
            .files
            .values()
            .any(|seen| seen.stamp.as_ref().is_some_and(|s| s.link.is_some()))
            || self.others.iter().any(|other| link(&other.path));
        let checked = Arc::new(checked);
        self.checked = Some(checked.clone());
        self.last = Refreshed::Gathered;
        Ok(checked)
    }
}

mod links;
mod patch;
mod watch;

#[cfg(test)]
mod tests;
