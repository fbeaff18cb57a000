//! Which files of a workspace may have changed since the last look, without looking at every one:
//! the operating system tells each change (inotify on Linux, ReadDirectoryChangesW on Windows,
//! FSEvents on macOS, through the `notify` crate), and this process's own writer tells its writes
//! at once ([`Journal`]), since the system's word comes on its own thread a moment later and a
//! write the desk has confirmed must show at its very next look.
//!
//! Watched: the workspace's folder itself (not its subfolders: `to-chuc.yaml`, `bao-cao.yaml`, and
//! the records folders coming and going) and each records folder with everything under it; when
//! the organisation's or the bulletin file is a link out of the workspace (one `to-chuc.yaml`
//! shared by several workspaces), the folder of its target too. What the loader never reads
//! (`da-xoa/`, outputs beside `to-chuc.yaml`, a photo or an editor's swap file in a records
//! folder: whatever [`crate::model::considers`] passes by) is not told. A file with a misnamed
//! record's name (`x.yaml.txt`) is, since a load reports it.
//!
//! A look answers [`Look::Everything`] the first time; when the system said it lost track
//! (an overflow, an error) or a records folder appeared, went or was moved (the watch is then
//! started again before the answer, so that nothing after the full look is missed); when the
//! journal overflowed; and when no full look happened for [`BACKSTOP`].

use crate::model::{self, BAO_CAO_FILE, Folder, ORG_FILE};
use crate::store::Journal;
use notify::event::{AccessKind, AccessMode, ModifyKind, RemoveKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long the system's word is trusted without a full look. Notifications can be lost without
/// a word: a network drive or a virtual machine's shared folder tells nothing of another
/// machine's changes, Windows drops them when its buffer fills, a link's target reached through
/// another link is not watched, and a folder made and filled at once is watched a moment after
/// its first files. Ten seconds bounds how long such a change goes unseen, and costs a full look
/// (a fraction of a second at thousands of people) at most that often, only while the desk is
/// used.
const BACKSTOP: Duration = Duration::from_secs(10);

/// The most paths kept between two looks: past that (an import of thousands of people beside the
/// desk), the next look is a full one.
const MOST: usize = 4096;

/// What may have changed since the last look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Look {
    /// Anything: every file is to be looked at.
    Everything,
    /// Only these (sorted, each once), under the workspace's folder as it was given to
    /// [`Watch::start`]: `to-chuc.yaml`, `bao-cao.yaml`, and places in the records folders,
    /// created, written, removed or renamed (both names). A place that no longer exists may have
    /// been a folder, whose files went with it. A record's file that is a link to another
    /// record's file changes under the target's name, not the link's.
    Only(Vec<PathBuf>),
}

impl Look {
    /// What may have changed over this span and a `later` one.
    pub(crate) fn and(self, later: Look) -> Look {
        match (self, later) {
            (Look::Only(mut a), Look::Only(b)) => {
                a.extend(b);
                a.sort();
                a.dedup();
                Look::Only(a)
            }
            _ => Look::Everything,
        }
    }
}

/// The changes of one workspace, as they are told.
pub(crate) struct Watch {
    root: PathBuf,
    /// `None` when it could not be started again after a failure: every look is then full.
    watcher: Option<RecommendedWatcher>,
    told: Arc<Mutex<Told>>,
    journal: Journal,
    /// The folders watched for the shared files' link targets.
    link_folders: Vec<PathBuf>,
    /// When the last full look was answered; `None` before the first look.
    last_full: Option<Instant>,
    /// When the watcher was last started (again after a failure: at most once per [`BACKSTOP`],
    /// since starting lists the records folders).
    started: Instant,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("root", &self.root)
            .field("watching", &self.watcher.is_some())
            .field("last_full", &self.last_full)
            .finish_non_exhaustive()
    }
}

/// What the system's thread and a look share.
#[derive(Debug, Default)]
struct Told {
    /// The names of the root that the system may tell a change under: as given, made absolute
    /// (as `notify` watches a relative path: Windows tells `Z:\ws\…` of a desk started on `ws`),
    /// and with links resolved (macOS tells `/private/var/…` of `/var/…`).
    roots: Vec<PathBuf>,
    /// The root with links resolved.
    real_root: PathBuf,
    /// The shared files that are links: their targets (links resolved) and their names.
    linked: Vec<(PathBuf, &'static str)>,
    news: News,
    /// Tests: what the system says is not heard.
    #[cfg(test)]
    deaf: bool,
    /// Tests: the number of the last [`Watch::settle`] mark heard.
    #[cfg(test)]
    settled: u64,
}

/// What was told since the last look.
#[derive(Debug, Default)]
struct News {
    everything: bool,
    /// Relative to the root.
    paths: BTreeSet<PathBuf>,
    /// The system failed, or a records folder came, went or moved: watched anew.
    restart: bool,
    /// A shared file changed: where it leads to is looked at again.
    relink: bool,
}

/// A change to what is in a folder, as Windows also tells it of the folder itself.
fn of_content(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any)
            | EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

const RECORDS: [Folder; 2] = [Folder::DangVien, Folder::KetNap];

impl Told {
    fn hear(&mut self, event: notify::Result<notify::Event>) {
        #[cfg(test)]
        if self.deaf {
            return;
        }
        match event {
            Err(_) => {
                self.news.restart = true;
                self.news.everything = true;
            }
            Ok(e) if e.need_rescan() || e.paths.is_empty() => self.news.everything = true,
            Ok(e) => e.paths.iter().for_each(|p| self.note(&e.kind, p)),
        }
    }

    /// Notes what a change of `kind` at `path` means for a load.
    fn note(&mut self, kind: &EventKind, path: &Path) {
        let rel = self.roots.iter().find_map(|r| path.strip_prefix(r).ok());
        let real = rel.map(|rel| self.real_root.join(rel));
        let targets = self.linked.iter();
        let shared: Vec<&'static str> = targets
            .filter(|(t, _)| t == path || Some(t) == real.as_ref())
            .map(|(_, name)| *name)
            .collect();
        shared.into_iter().for_each(|name| self.shared(name));
        let Some(rel) = rel else {
            return;
        };
        #[cfg(test)]
        if let Some(n) = rel
            .to_str()
            .and_then(|r| r.strip_prefix(SETTLE_MARK))
            .and_then(|r| r.parse::<u64>().ok())
        {
            self.settled = self.settled.max(n);
            return;
        }
        let mut parts = rel.components();
        let Some(first) = parts.next() else {
            // The workspace's folder itself, moved or removed.
            self.news.everything = true;
            return;
        };
        let named = |name: &str| {
            first
                .as_os_str()
                .to_str()
                .is_some_and(|f| f.eq_ignore_ascii_case(name))
        };
        let in_records = RECORDS.iter().any(|f| named(f.dir()));
        if parts.next().is_none() {
            if named(ORG_FILE) {
                self.shared(ORG_FILE);
            } else if named(BAO_CAO_FILE) {
                self.shared(BAO_CAO_FILE);
            } else if in_records && !of_content(kind) {
                // Made, removed, moved, its permissions changed (what is in it is told by its
                // own watch).
                self.news.restart = true;
                self.news.everything = true;
            }
            return;
        }
        // An atomic write's temporary (the writer's own, renamed into place a moment later): a
        // file, gone by the time it is told of, that no load reads.
        if !in_records || crate::output::is_temporary(path) {
            return;
        }
        match std::fs::symlink_metadata(path) {
            // A folder made, moved in or made readable: what is in it was never told.
            Ok(m) if m.is_dir() => {
                if !of_content(kind) {
                    self.news.everything = true;
                }
            }
            Ok(_) if !model::considers(path) => {}
            Ok(_) => self.changed(rel),
            Err(_) if matches!(kind, EventKind::Remove(RemoveKind::Folder)) => {
                self.news.everything = true;
            }
            Err(_) if matches!(kind, EventKind::Remove(RemoveKind::File)) => {
                if model::considers(path) {
                    self.changed(rel);
                }
            }
            // Gone (perhaps a folder: whatever was in it went too).
            Err(_) => self.changed(rel),
        }
    }

    fn shared(&mut self, name: &'static str) {
        self.news.relink = true;
        self.changed(Path::new(name));
    }

    fn changed(&mut self, rel: &Path) {
        if self.news.everything {
            return;
        }
        if self.news.paths.len() >= MOST {
            self.news.everything = true;
            self.news.paths = BTreeSet::new();
            return;
        }
        self.news.paths.insert(rel.to_path_buf());
    }
}

impl Watch {
    /// Starts watching the workspace at `root` (a folder). `None` when the system cannot watch it
    /// (a file system without notifications, the limit of watches reached): then every file is
    /// to be looked at, each time.
    pub(crate) fn start(root: &Path) -> Option<Watch> {
        let journal = Journal::follow(root).ok()?;
        let real_root = std::fs::canonicalize(root).ok()?;
        let mut roots = vec![root.to_path_buf()];
        if root.is_relative() {
            roots.push(std::env::current_dir().ok()?.join(root));
        }
        roots.push(real_root.clone());
        let told = Told {
            roots,
            real_root,
            ..Told::default()
        };
        let mut watch = Watch {
            root: root.to_path_buf(),
            watcher: None,
            told: Arc::new(Mutex::new(told)),
            journal,
            link_folders: Vec::new(),
            last_full: None,
            started: Instant::now(),
        };
        watch.watcher = Some(watch.watching()?);
        watch.relink();
        Some(watch)
    }

    /// A system watcher over the workspace's folder and its records folders, telling `told`.
    fn watching(&self) -> Option<RecommendedWatcher> {
        let told = self.told.clone();
        let handler = move |event: notify::Result<notify::Event>| {
            // Files read (by the desk itself, most often) are no change.
            if let Ok(e) = &event
                && matches!(e.kind, EventKind::Access(_))
                && !of_content(&e.kind)
                && !e.need_rescan()
            {
                return;
            }
            told.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .hear(event);
        };
        let mut watcher = notify::recommended_watcher(handler).ok()?;
        watcher
            .watch(&self.root, RecursiveMode::NonRecursive)
            .ok()?;
        for folder in RECORDS {
            let dir = self.root.join(folder.dir());
            if dir.is_dir() {
                watcher.watch(&dir, RecursiveMode::Recursive).ok()?;
            }
        }
        Some(watcher)
    }

    /// Looks again at where the shared files lead: the folder of a target out of the watched
    /// places is watched too.
    fn relink(&mut self) {
        let root = self.root.clone();
        let real_root = self
            .told
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .real_root
            .clone();
        let mut linked = Vec::new();
        for name in [ORG_FILE, BAO_CAO_FILE] {
            let path = root.join(name);
            let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink());
            if let Some(target) = is_link.then(|| std::fs::canonicalize(&path).ok()).flatten() {
                linked.push((target, name));
            }
        }
        let watched = |dir: &Path| {
            dir == real_root
                || RECORDS
                    .iter()
                    .any(|f| dir.starts_with(real_root.join(f.dir())))
        };
        let folders: Vec<PathBuf> = linked
            .iter()
            .filter_map(|(t, _)| t.parent())
            .filter(|d| !watched(d))
            .map(Path::to_path_buf)
            .collect();
        if let Some(watcher) = self.watcher.as_mut()
            && folders != self.link_folders
        {
            for dir in &self.link_folders {
                let _ = watcher.unwatch(dir);
            }
            for dir in &folders {
                // Not watched: its changes wait for the backstop.
                let _ = watcher.watch(dir, RecursiveMode::NonRecursive);
            }
            self.link_folders = folders;
        }
        self.told
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .linked = linked;
    }

    /// What may have changed since the last look (see the module's notes).
    pub(crate) fn look(&mut self) -> Look {
        let written = self.journal.take();
        let news = {
            let mut told = self.told.lock().unwrap_or_else(PoisonError::into_inner);
            match written {
                Some(paths) => {
                    for path in paths {
                        told.note(&EventKind::Any, &self.root.join(path));
                    }
                }
                None => told.news.everything = true,
            }
            std::mem::take(&mut told.news)
        };
        let mut everything = news.everything;
        // Started again before the answer: whatever changes after the full look is told.
        if news.restart || self.watcher.is_none() {
            everything = true;
            if news.restart || self.started.elapsed() >= BACKSTOP {
                self.watcher = None;
                self.link_folders = Vec::new();
                self.watcher = self.watching();
                self.started = Instant::now();
                self.relink();
            }
        } else if news.relink {
            self.relink();
        }
        let due = self.last_full.is_none_or(|t| t.elapsed() >= BACKSTOP);
        if everything || due {
            self.last_full = Some(Instant::now());
            return Look::Everything;
        }
        Look::Only(news.paths.into_iter().map(|p| self.root.join(p)).collect())
    }
}

/// The name of the files [`Watch::settle`] makes beside `to-chuc.yaml`, followed by a number.
#[cfg(test)]
const SETTLE_MARK: &str = ".hoso-settle-";

#[cfg(test)]
impl Watch {
    /// Waits until the system has told every change made before: inotify tells a watcher's
    /// changes in the order they happened, so once a file made now is told, they all are.
    pub(crate) fn settle(&mut self) {
        if self.watcher.is_none() {
            return;
        }
        let n = {
            let told = self.told.lock().unwrap();
            told.settled + 1
        };
        let mark = self.root.join(format!("{SETTLE_MARK}{n}"));
        std::fs::write(&mark, b"").unwrap();
        let start = Instant::now();
        while self.told.lock().unwrap().settled < n {
            assert!(start.elapsed() < Duration::from_secs(10), "no notification");
            std::thread::sleep(Duration::from_millis(1));
        }
        std::fs::remove_file(&mark).unwrap();
    }

    /// From now on, what the system says is not heard (the journal still is): what a lost
    /// notification looks like.
    pub(crate) fn deafen(&mut self) {
        self.told.lock().unwrap().deaf = true;
    }

    /// Makes the next look the backstop's full one.
    pub(crate) fn backstop_due(&mut self) {
        self.last_full = Instant::now().checked_sub(BACKSTOP);
    }
}

#[cfg(test)]
mod tests;
