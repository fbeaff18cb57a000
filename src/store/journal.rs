//! What this process's [`Writer`](super::Writer) wrote into a workspace, for whoever in the same
//! process follows that workspace (the desk's live workspace, through its watch of the files).
//!
//! The operating system tells a file's change on its own thread, a moment later; but a write the
//! desk has confirmed must show at its very next look. So the writer itself says which files it
//! wrote, at once, to every [`Journal`] of that workspace: no caller has to remember to. Nothing is
//! kept while nobody follows the workspace (an import on the command line), and a journal keeps at
//! most [`MOST`] paths between two takes: past that it only says that too many were written.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak};

/// The most paths a journal keeps between two takes (an import of thousands of people while the
/// desk is open says "too many", and the desk looks at everything).
const MOST: usize = 4096;

/// The journals of this process, each of one workspace.
static JOURNALS: Mutex<Vec<Weak<Shared>>> = Mutex::new(Vec::new());

/// The writes into one workspace since they were last taken.
#[derive(Debug)]
pub struct Journal {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    /// The workspace's folder with links resolved, as the writer knows it.
    real_root: PathBuf,
    written: Mutex<Written>,
}

/// What was written since the last take.
#[derive(Debug, Default)]
struct Written {
    /// Relative to the workspace's folder, in the order written.
    paths: Vec<PathBuf>,
    /// More than [`MOST`] paths, or one outside the workspace's folder.
    too_many: bool,
}

impl Journal {
    /// Follows, from now on, what this process writes into the workspace at `root`.
    pub fn follow(root: &Path) -> std::io::Result<Journal> {
        let shared = Arc::new(Shared {
            real_root: std::fs::canonicalize(root)?,
            written: Mutex::new(Written::default()),
        });
        let mut journals = JOURNALS.lock().unwrap_or_else(PoisonError::into_inner);
        journals.retain(|j| j.strong_count() > 0);
        journals.push(Arc::downgrade(&shared));
        Ok(Journal { shared })
    }

    /// The files written since the last take, relative to the workspace's folder, each once;
    /// `None` when more were written than a journal keeps.
    pub fn take(&self) -> Option<Vec<PathBuf>> {
        let mut written = self
            .shared
            .written
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let Written {
            mut paths,
            too_many,
        } = std::mem::take(&mut *written);
        drop(written);
        if too_many {
            return None;
        }
        paths.sort();
        paths.dedup();
        Some(paths)
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        let mut journals = JOURNALS.lock().unwrap_or_else(PoisonError::into_inner);
        journals.retain(|j| j.strong_count() > 0 && !std::ptr::eq(j.as_ptr(), &*self.shared));
    }
}

/// Tells the journals of the workspace whose folder is `root` (links resolved: `real_root`) that
/// `path` (under `root`) was written, created or removed.
pub(super) fn wrote(root: &Path, real_root: &Path, path: &Path) {
    let journals = JOURNALS.lock().unwrap_or_else(PoisonError::into_inner);
    for shared in journals.iter().filter_map(Weak::upgrade) {
        if shared.real_root != real_root {
            continue;
        }
        let mut written = shared
            .written
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match path.strip_prefix(root) {
            Ok(rel) if !written.too_many && written.paths.len() < MOST => {
                written.paths.push(rel.to_path_buf())
            }
            _ => {
                written.too_many = true;
                written.paths = Vec::new();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_followed_workspace_while_followed_and_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let real = |p: &Path| std::fs::canonicalize(p).unwrap();
        // Before anyone follows: nothing kept.
        wrote(&a, &real(&a), &a.join("ket-nap/x.yaml"));
        let journal = Journal::follow(&a).unwrap();
        assert_eq!(journal.take(), Some(vec![]));
        wrote(&a, &real(&a), &a.join("ket-nap/y.yaml"));
        wrote(&a, &real(&a), &a.join("ket-nap/y.yaml"));
        wrote(&b, &real(&b), &b.join("ket-nap/z.yaml"));
        assert_eq!(journal.take(), Some(vec![PathBuf::from("ket-nap/y.yaml")]));
        assert_eq!(journal.take(), Some(vec![]));
        for n in 0..=MOST {
            wrote(&a, &real(&a), &a.join(format!("ket-nap/{n}.yaml")));
        }
        assert_eq!(journal.take(), None);
        assert_eq!(journal.take(), Some(vec![]));
        drop(journal);
        let journals = JOURNALS.lock().unwrap();
        let ours = real(&a);
        assert!(
            journals
                .iter()
                .filter_map(Weak::upgrade)
                .all(|j| j.real_root != ours)
        );
    }
}
