//! The demo workspace that `hoso init` writes: a chi bộ with its members, candidates at the stages
//! before and after the branch meeting, and a probationary member. It lives in `fixtures/demo/`,
//! where the tests use it too, and is embedded in the binary.

use include_dir::{Dir, include_dir};
use std::path::Path;

static DEMO: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/demo");

/// Why the demo could not be written.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder exists and holds files: nothing is overwritten.
    #[error("the folder is not empty")]
    NotEmpty,
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Writes the demo into `dir`, which must be new or empty. Returns the number of files written.
pub fn write(dir: &Path) -> Result<usize, InitError> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(InitError::NotEmpty);
    }
    let mut count = 0;
    write_dir(&DEMO, dir, &mut count)?;
    Ok(count)
}

fn write_dir(d: &Dir<'_>, root: &Path, count: &mut usize) -> Result<(), InitError> {
    for file in d.files() {
        crate::output::write_atomic(&root.join(file.path()), file.contents())?;
        *count += 1;
    }
    for sub in d.dirs() {
        write_dir(sub, root, count)?;
    }
    Ok(())
}
