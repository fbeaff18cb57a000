//! `hoso backup`: the workspace in one dated zip file, beside it or in another folder (a USB
//! stick), never over an earlier backup.

use super::out::{Error, say};
use crate::backup::BackupError;
use crate::diag::{Lang, Setup};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    #[arg(default_value = ".")]
    workspace: PathBuf,
    /// The folder to write the zip into (default: the folder that holds the workspace).
    #[arg(long, value_name = "DIR")]
    to: Option<PathBuf>,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let root = &args.workspace;
    let into = match &args.to {
        Some(dir) => dir.clone(),
        None => std::path::absolute(root)
            .ok()
            .and_then(|r| r.parent().map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from(".")),
    };
    let written =
        crate::backup::write(root, &into, super::out::today().0).map_err(|e| match e {
            BackupError::NotAWorkspace(path) => Setup::NotAWorkspace { path },
            e => Setup::CannotWrite {
                path: into.clone(),
                detail: e.to_string(),
            },
        })?;
    let p = written.path.display();
    let n = written.files;
    say(
        lang,
        &format!("đã sao lưu {n} tệp vào `{p}`"),
        &format!("backed up {n} files to `{p}`"),
    );
    Ok(())
}
