//! `hoso new`: a new person's file, with the line that gives editors its schema.

use super::out::{SETUP_FAILED, say, setup_failed};
use crate::diag::{Format, Lang, Setup};
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

pub fn run(args: &Args, lang: Lang) -> i32 {
    let root = &args.workspace;
    if !root.join("to-chuc.yaml").is_file() {
        return setup_failed(
            Setup::NotAWorkspace { path: root.clone() },
            Format::Human,
            lang,
        );
    }
    if !crate::model::id::is_id(&args.id) {
        let hint = args
            .ho_ten
            .as_deref()
            .or(Some(args.id.as_str()))
            .and_then(crate::model::id::slug)
            .map(|s| format!(" (`{s}`?)"))
            .unwrap_or_default();
        say(
            lang,
            &format!(
                "lỗi: `{}` không phải là mã người: chữ thường không dấu, số, gạch nối{hint}",
                args.id
            ),
            &format!(
                "error: `{}` is not a person id: lower-case letters, digits, hyphens{hint}",
                args.id
            ),
        );
        return SETUP_FAILED;
    }
    for folder in [Folder::DangVien, Folder::KetNap] {
        let existing = root.join(folder.dir()).join(format!("{}.yaml", args.id));
        if existing.exists() {
            let p = existing.display();
            say(
                lang,
                &format!("lỗi: `{p}` đã có; không ghi đè"),
                &format!("error: `{p}` exists; nothing was overwritten"),
            );
            return SETUP_FAILED;
        }
    }
    let folder = if args.dang_vien {
        Folder::DangVien
    } else {
        Folder::KetNap
    };
    let path = root.join(folder.dir()).join(format!("{}.yaml", args.id));
    let text = crate::schema::new_person(args.ho_ten.as_deref());
    let written = crate::schema::write_all(root)
        .and_then(|_| crate::output::write_atomic(&path, text.as_bytes()));
    if let Err(e) = written {
        let detail = e.to_string();
        return setup_failed(Setup::CannotWrite { path, detail }, Format::Human, lang);
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
    0
}
