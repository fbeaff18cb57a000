//! `hoso start`, and `hoso.exe` double-clicked (Explorer starts it with no arguments, which is
//! the same): the desk on the clerk's own workspace, `hoso` in their Documents folder, made on
//! the first start, in a window that says where the data is and how to stop.

use super::out::{Error, say};
use crate::diag::{Lang, Setup};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder (default: `hoso` in the Documents folder, made on the first start).
    workspace: Option<PathBuf>,
    /// The port on 127.0.0.1 (default: a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Do not open the browser (print the address only).
    #[arg(long)]
    no_open: bool,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    start(args.workspace.clone(), args.port, !args.no_open, lang)
}

/// What a double-click on `hoso.exe` does: `start` with its defaults. When it fails, the window
/// stays open until Enter is pressed, so that the clerk can read why before it closes.
pub fn double_clicked(lang: Lang) -> i32 {
    match start(None, 0, true, lang) {
        Ok(()) => 0,
        Err(e) => {
            e.report(lang);
            say(
                lang,
                "Nhấn Enter để đóng cửa sổ này.",
                "Press Enter to close this window.",
            );
            let _ = std::io::stdin().read_line(&mut String::new());
            e.code()
        }
    }
}

/// The clerk's workspace: `hoso` in the Documents folder (where Windows keeps it, even when it
/// is moved to OneDrive), or in `~/Documents` where the system names none.
pub fn default_workspace() -> Option<PathBuf> {
    dirs::document_dir()
        .or_else(|| dirs::home_dir().map(|home| home.join("Documents")))
        .map(|documents| documents.join("hoso"))
}

fn start(workspace: Option<PathBuf>, port: u16, open: bool, lang: Lang) -> Result<(), Error> {
    let Some(root) = workspace.or_else(default_workspace) else {
        return Err(Error::Setup(
            lang.pick(
                "không tìm thấy thư mục Documents của người dùng; hãy chỉ ra thư mục hồ sơ: `hoso start D:\\hoso`",
                "the user's Documents folder cannot be found; name the workspace folder: `hoso start D:\\hoso`",
            )
            .into(),
        ));
    };
    if !root.join(crate::model::ORG_FILE).is_file() {
        match crate::demo::write_blank(&root) {
            Ok(_) => say(
                lang,
                &format!(
                    "Đã tạo thư mục hồ sơ mới: {}. Hãy điền thông tin chi bộ trước tiên.",
                    root.display()
                ),
                &format!(
                    "Made a new workspace: {}. Fill in the branch's details first.",
                    root.display()
                ),
            ),
            // A folder of other files is not made a workspace behind the clerk's back.
            Err(crate::demo::InitError::NotEmpty) => {
                return Err(Setup::NotAWorkspace { path: root }.into());
            }
            Err(crate::demo::InitError::Io(e)) => {
                let detail = e.to_string();
                return Err(Setup::CannotWrite { path: root, detail }.into());
            }
        }
    }
    let shown = std::path::absolute(&root).unwrap_or_else(|_| root.clone());
    let note = match lang {
        Lang::Vi => format!(
            "hoso {} đang chạy. Địa chỉ trên đã được mở trong trình duyệt (nếu chưa, hãy chép vào trình duyệt).\n\
             Dữ liệu hồ sơ nằm trong thư mục: {}\n\
             Để dừng: đóng cửa sổ này. Mọi thay đổi đã được lưu ngay khi gõ.",
            env!("CARGO_PKG_VERSION"),
            shown.display()
        ),
        Lang::En => format!(
            "hoso {} is running. The address above was opened in the browser (if not, copy it there).\n\
             The records are in the folder: {}\n\
             To stop: close this window. Every change is saved as it is typed.",
            env!("CARGO_PKG_VERSION"),
            shown.display()
        ),
    };
    super::serve::serve(&root, port, open, &note, lang)
}
