//! What the desk remembers of its own edits, so that the clerk can take the last ones back
//! ("Hoàn tác"): for each file, the text before each edit and the version the edit left.
//!
//! Kept in memory, for as long as the desk runs: an undo is for a slip just made, and a file
//! changed since by anyone else is never undone (the version the edit left must still be the
//! file's), so nothing anyone wrote after it can be lost.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How many edits of one file can be taken back, the latest first.
const DEPTH: usize = 30;

/// One edit that can be taken back.
#[derive(Debug, Clone)]
pub struct Step {
    /// The file's text before the edit (without BOM, `\n` line breaks).
    pub before: String,
    /// The file's version after it: the file must still be at it to be undone.
    pub after: String,
}

/// The edits of each file, the latest last.
#[derive(Debug, Default)]
pub struct History {
    by_file: HashMap<PathBuf, Vec<Step>>,
}

impl History {
    /// Remembers an edit of `file`.
    pub fn record(&mut self, file: &Path, before: String, after: String) {
        let steps = self.by_file.entry(file.to_path_buf()).or_default();
        if steps.len() == DEPTH {
            steps.remove(0);
        }
        steps.push(Step { before, after });
    }

    /// The last edit of `file` that can be taken back while the file is at `version`.
    pub fn last(&self, file: &Path, version: &str) -> Option<&Step> {
        self.by_file
            .get(file)
            .and_then(|steps| steps.last())
            .filter(|s| s.after == version)
    }

    /// The last edit of `file`, whatever the file is now.
    pub fn any_last(&self, file: &Path) -> Option<&Step> {
        self.by_file.get(file).and_then(|steps| steps.last())
    }

    /// Forgets the last edit of `file` (it was taken back).
    pub fn pop(&mut self, file: &Path) {
        if let Some(steps) = self.by_file.get_mut(file) {
            steps.pop();
        }
    }

    /// Forgets every edit of `file`: it changed otherwise (elsewhere, or moved).
    pub fn forget(&mut self, file: &Path) {
        self.by_file.remove(file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_edit_is_offered_only_while_the_file_is_as_it_left_it() {
        let mut h = History::default();
        let f = Path::new("ket-nap/a.yaml");
        h.record(f, "a: 1\n".into(), "v2".into());
        h.record(f, "a: 2\n".into(), "v3".into());
        assert!(h.last(f, "v2").is_none());
        assert_eq!(h.last(f, "v3").unwrap().before, "a: 2\n");
        h.pop(f);
        assert_eq!(h.last(f, "v2").unwrap().before, "a: 1\n");
        for n in 0..100 {
            h.record(f, format!("a: {n}\n"), format!("w{n}"));
        }
        assert_eq!(h.by_file[f].len(), DEPTH);
        h.forget(f);
        assert!(h.any_last(f).is_none());
    }
}
