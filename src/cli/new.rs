//! `hoso new`: a new person's file, with the line that gives editors its schema.

use super::out::{Error, say};
use crate::diag::{Lang, Setup};
use crate::model::Folder;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person's id, the file's name: `nguyen-van-an`.
    id: String,
    /// The full name.
    #[arg(long, value_name = "NAME")]
    ho_ten: Option<String>,
    /// The workspace folder.
    #[arg(short, long, default_value = ".")]
    workspace: PathBuf,
    /// A member (in `dang-vien/`) rather than a person in the admission process (`ket-nap/`).
    #[arg(long)]
    dang_vien: bool,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let root = &args.workspace;
    if !root.join("to-chuc.yaml").is_file() {
        return Err(Setup::NotAWorkspace { path: root.clone() }.into());
    }
    if !crate::model::id::is_id(&args.id) {
        let suggestion = args
            .ho_ten
            .as_deref()
            .or(Some(args.id.as_str()))
            .and_then(crate::model::id::slug)
            .filter(|s| crate::model::id::is_id(s));
        let id = args.id.clone();
        return Err(Setup::NotAnId { id, suggestion }.into());
    }
    let folder = if args.dang_vien {
        Folder::DangVien
    } else {
        Folder::KetNap
    };
    let path = root.join(folder.dir()).join(format!("{}.yaml", args.id));
    let text = crate::schema::new_person(args.ho_ten.as_deref());
    // Through the workspace's writer: created, never over a file, and refused when the id is
    // taken in either folder, as `.yaml` or `.yml`.
    let written = crate::store::Writer::lock(root).and_then(|writer| {
        writer.create(&path, &text)?;
        crate::schema::write_all(root).map_err(|source| crate::store::WriteError::Io {
            path: root.join(crate::schema::DIR),
            source,
        })
    });
    match written {
        Ok(_) => {}
        Err(crate::store::WriteError::Exists { existing, .. }) => {
            return Err(Setup::PersonExists { path: existing }.into());
        }
        Err(e) => {
            let detail = e.message(lang);
            let path = e.path().map_or(path.clone(), std::path::Path::to_path_buf);
            return Err(Setup::CannotWrite { path, detail }.into());
        }
    }
    let p = path.display();
    say(
        lang,
        &format!(
            "đã tạo `{p}`; mở trong trình soạn thảo có YAML language server để được gợi ý khóa"
        ),
        &format!(
            "created `{p}`; open it in an editor with the YAML language server to get keys completed"
        ),
    );
    Ok(())
}
