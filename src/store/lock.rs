//! The workspace's lock: an advisory lock on `.hoso.lock` beside `to-chuc.yaml`, held for as long
//! as the value lives. Every hoso process that writes into the workspace (the desk, `import`,
//! `new`, `cap-so`) takes it, so their writes never interleave. (Not `to-chuc.yaml` itself: it is
//! replaced by a rename, and a lock on the old file would not stop the next writer.)

use std::path::Path;

/// The lock file's name in the workspace.
pub const LOCK_FILE: &str = ".hoso.lock";

/// The lock, held until dropped.
#[derive(Debug)]
pub(crate) struct WorkspaceLock(std::fs::File);

impl WorkspaceLock {
    /// Waits for the lock of the workspace at `root` (a folder that exists).
    pub(crate) fn take(root: &Path) -> std::io::Result<WorkspaceLock> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join(LOCK_FILE))?;
        file.lock()?;
        Ok(WorkspaceLock(file))
    }
}

impl Drop for WorkspaceLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}
