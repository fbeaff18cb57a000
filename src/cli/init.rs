//! `hoso init`: the demo workspace, or a synthetic one for benchmarks.

use super::out::{Error, say};
use crate::diag::{Lang, Setup};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write it.
    dir: PathBuf,
    /// Instead of the demo, a synthetic workspace of this many people at every stage (for
    /// benchmarks), at most 100000.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    people: Option<u32>,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let dir = &args.dir;
    let written = match args.people {
        Some(n) => crate::demo::write_synthetic(dir, n as usize),
        // The demo's files point editors at their schemas, written beside them.
        None => crate::demo::write(dir).and_then(|count| {
            crate::schema::write_all(dir)?;
            crate::schema::add_modelines(dir)?;
            Ok(count)
        }),
    };
    let count = written.map_err(|e| match e {
        crate::demo::InitError::NotEmpty => Setup::NotEmpty { path: dir.clone() },
        crate::demo::InitError::Io(e) => Setup::CannotWrite {
            path: dir.clone(),
            detail: e.to_string(),
        },
    })?;
    let d = dir.display();
    say(
        lang,
        &format!("đã tạo hồ sơ mẫu ({count} tệp) trong `{d}`; thử `hoso validate {d}`"),
        &format!("wrote the demo workspace ({count} files) to `{d}`; try `hoso validate {d}`"),
    );
    Ok(())
}
