//! Writing an import: the one sequence `hoso import` and the desk's import page both run.
//!
//! The plan is first made from the workspace as it is read. To write it, the workspace's writer is
//! taken (the folder of a new workspace made first), the workspace read again under it and the
//! plan made again from what is on the disk now, and the writer is held until that plan is
//! written: a desk edit meanwhile waits, then finds its file changed and says so, rather than
//! being undone. A plan that writes nothing takes no lock (and makes no folder).

use super::{Action, Grid, Plan, plan};
use crate::store::{Expected, WriteError, Writer};
use crate::validate::CheckedWorkspace;
use std::borrow::Borrow;
use std::path::{Path, PathBuf};

/// A sheet to import, and how.
pub struct Import<'a> {
    /// The sheet, read.
    pub grid: &'a Grid,
    /// The workspace's folder (a new workspace's, to be made).
    pub root: &'a Path,
    /// The sheet's file name, for the comment heading new files.
    pub source: &'a str,
    /// Whether people already there get the fields the sheet gives.
    pub update: bool,
}

impl Import<'_> {
    /// Plans the import from the workspace `load` reads (`None` for a new one); with `write`, and
    /// when the plan writes anything, takes the writer, calls `load` again under it and plans
    /// again: [`Prepared::write`] then writes that plan.
    pub fn prepare<C: Borrow<CheckedWorkspace>, E>(
        &self,
        write: bool,
        mut load: impl FnMut() -> Result<Option<C>, E>,
    ) -> Result<Prepared<C>, Unprepared<E>> {
        let plan_from = |workspace: &Option<C>| {
            let checked = workspace.as_ref().map(Borrow::borrow);
            plan(self.grid, self.root, checked, self.source, self.update)
        };
        let workspace = load().map_err(Unprepared::Load)?;
        let plan = plan_from(&workspace);
        if !write || !plan.writes() {
            return Ok(Prepared {
                plan,
                workspace,
                writer: None,
            });
        }
        let writer = std::fs::create_dir_all(self.root)
            .map_err(|source| WriteError::Io {
                path: self.root.to_path_buf(),
                source,
            })
            .and_then(|()| Writer::lock(self.root))
            .map_err(Unprepared::Lock)?;
        let workspace = load().map_err(Unprepared::Load)?;
        let plan = plan_from(&workspace);
        Ok(Prepared {
            plan,
            workspace,
            writer: Some(writer),
        })
    }
}

/// Why an import could not be prepared.
#[derive(Debug)]
pub enum Unprepared<E> {
    /// The workspace could not be read: what the caller's `load` said.
    Load(E),
    /// The workspace's writer could not be taken, or the new workspace's folder made.
    Lock(WriteError),
}

/// A plan, the workspace it was made from, and (when it is to be written) the writer held since
/// that workspace was read.
pub struct Prepared<C> {
    /// What the import does.
    pub plan: Plan,
    /// The workspace the plan was made from; `None` for a new one.
    pub workspace: Option<C>,
    writer: Option<Writer>,
}

impl<C> Prepared<C> {
    /// Whether [`Prepared::write`] writes: prepared for writing, and the plan writes something.
    pub fn writes(&self) -> bool {
        self.writer.is_some()
    }

    /// Writes the plan if it was prepared for writing, then lets the writer go; `written_one` is
    /// told of each file once it is written (for a progress bar). Writes nothing, and says so,
    /// when the plan was only to be shown or writes nothing.
    pub fn write(&mut self, written_one: &dyn Fn(&Path)) -> Result<Applied, ApplyError> {
        match self.writer.take() {
            Some(writer) => apply(&self.plan, &writer, written_one),
            None => Ok(Applied::default()),
        }
    }
}

/// Why the import could not write.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The workspace's writer refused a file (it exists, it changed since it was read, it is a
    /// link into the workspace) or the file system did: nothing after it was written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A file to update could not be edited.
    #[error("{path}: {detail}")]
    Edit {
        /// The file.
        path: PathBuf,
        /// Why.
        detail: String,
    },
}

impl ApplyError {
    /// The file it is about.
    pub fn path(&self) -> Option<&Path> {
        match self {
            ApplyError::Write(e) => e.path(),
            ApplyError::Edit { path, .. } => Some(path),
        }
    }
}

/// Writes what the plan says through the workspace's writer (held since the workspace the plan
/// was made from was read): the organisation of a new workspace, new files (never over an
/// existing one, nor beside another file of the same id), the updates (each only if its file is
/// still as the plan read it, in its own line endings).
fn apply(plan: &Plan, writer: &Writer, written_one: &dyn Fn(&Path)) -> Result<Applied, ApplyError> {
    let mut written = 0;
    let mut not_created = Vec::new();
    if let Some((path, text)) = &plan.new_org {
        if let Some(root) = path.parent() {
            crate::schema::write_all(root).map_err(|source| WriteError::Io {
                path: root.join(crate::schema::DIR),
                source,
            })?;
        }
        writer.create(path, text)?;
        written_one(path);
        written += 1;
    }
    for action in &plan.actions {
        match action {
            Action::Create { path, text, .. } => match writer.create(path, text) {
                Ok(_) => {
                    written_one(path);
                    written += 1;
                }
                // A file the loader could not read has that id: that row's problem, reported.
                Err(e @ WriteError::Exists { .. }) => not_created.push(e),
                Err(e) => return Err(e.into()),
            },
            Action::Update {
                path,
                changes,
                loaded,
                ..
            } => {
                let edit_err = |detail: String| ApplyError::Edit {
                    path: path.clone(),
                    detail,
                };
                let file = writer.read(path)?;
                file.expect(Expected::Loaded(loaded))?;
                let edits: Vec<crate::edit::Edit> = changes
                    .iter()
                    .map(|(p, _, new)| crate::edit::Edit {
                        path: p.to_string(),
                        value: crate::edit::NewValue::Text(new.clone()),
                    })
                    .collect();
                let new =
                    crate::edit::apply(file.text(), &edits).map_err(|e| edit_err(e.to_string()))?;
                writer.replace(&file, &new)?;
                written_one(path);
                written += 1;
            }
            Action::Keep { .. } => {}
        }
    }
    Ok(Applied {
        written,
        not_created,
    })
}

/// What [`Prepared::write`] did.
#[derive(Debug, Default)]
pub struct Applied {
    /// The files written.
    pub written: usize,
    /// The new files not made because a file of that id is there (one the loader could not read).
    pub not_created: Vec<WriteError>,
}
