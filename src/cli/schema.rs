//! `hoso schema`: the JSON Schema of a kind of workspace file, printed, or all three written
//! into a workspace's `schema/` folder, where its files' first lines point editors.

use super::out::{Error, print, say};
use crate::diag::{Lang, Setup};
use crate::model::keys::FileKind;
use std::path::PathBuf;

/// Which file's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// A person's file (`dang-vien/*.yaml`, `ket-nap/*.yaml`).
    Nguoi,
    /// `to-chuc.yaml`.
    ToChuc,
    /// `bao-cao.yaml`.
    BaoCao,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file kind whose schema to print.
    #[arg(value_enum, default_value = "nguoi")]
    kind: KindArg,
    /// Instead of printing, write the three schemas into WORKSPACE/schema/.
    #[arg(short, long, value_name = "WORKSPACE")]
    workspace: Option<PathBuf>,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let kind = match args.kind {
        KindArg::Nguoi => FileKind::Nguoi,
        KindArg::ToChuc => FileKind::ToChuc,
        KindArg::BaoCao => FileKind::BaoCao,
    };
    let Some(root) = &args.workspace else {
        return print(&crate::schema::text(kind));
    };
    if !root.join("to-chuc.yaml").is_file() {
        return Err(Setup::NotAWorkspace { path: root.clone() }.into());
    }
    let files = crate::schema::write_all(root).map_err(|e| Setup::CannotWrite {
        path: root.join(crate::schema::DIR),
        detail: e.to_string(),
    })?;
    for f in files {
        say(
            lang,
            &format!("đã ghi `{}`", f.display()),
            &format!("wrote `{}`", f.display()),
        );
    }
    Ok(())
}
