//! `hoso serve`: the clerk's desk, a web application over the workspace on 127.0.0.1.

use super::out::Error;
use crate::diag::{Format, Lang};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    #[arg(default_value = ".")]
    workspace: PathBuf,
    /// The port on 127.0.0.1 (default: a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Do not open the browser (print the address only).
    #[arg(long)]
    no_open: bool,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let note = lang.pick(
        "Bàn làm việc hồ sơ đang chạy: mở địa chỉ trên trong trình duyệt; Ctrl+C để dừng.",
        "The desk is running: open the address above in a browser; Ctrl+C to stop.",
    );
    serve(&args.workspace, args.port, !args.no_open, note, lang)
}

/// Serves the desk on the workspace at `root`: prints its address (the first line of stdout, for
/// the clerk to open and for scripts to read), then `note` on stderr, opens the browser when
/// `open`, and serves until the process is stopped.
pub(super) fn serve(
    root: &Path,
    port: u16,
    open: bool,
    note: &str,
    lang: Lang,
) -> Result<(), Error> {
    // A folder that is not a workspace is said as `validate` says it, and nothing listens. Broken
    // settings (`to-chuc.yaml`) are said here too, but the desk starts: its pages show the
    // clerk where the file is broken, and it reads the file again as soon as it is mended.
    if let Err(e) = crate::model::load(root) {
        match e {
            crate::model::LoadError::Organisation(diagnostics) => {
                let mut err = anstream::AutoStream::auto(std::io::stderr().lock());
                let _ = crate::diag::emit_coloured(&diagnostics, lang, &mut err);
            }
            other => {
                let diagnostics = other.into_diagnostics();
                return Err(Error::Problems {
                    diagnostics,
                    format: Format::Human,
                });
            }
        }
    }
    let options = crate::desk::Options {
        root: root.to_path_buf(),
        port,
        lang,
    };
    let running = crate::desk::bind(&options).map_err(|e| Error::Setup(e.to_string()))?;
    let address = running.address();
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{address}");
    let _ = out.flush();
    drop(out);
    eprintln!("{note}");
    if open {
        open_browser(&address, lang);
    }
    running.run().map_err(|e| Error::Setup(e.to_string()))
}

/// Asks the system to open `address` in the default browser; says so when it cannot.
fn open_browser(address: &str, lang: Lang) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("rundll32");
        c.arg("url.dll,FileProtocolHandler");
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(address)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if command.spawn().is_err() {
        eprintln!(
            "{}",
            lang.pick(
                "không mở được trình duyệt: hãy tự mở địa chỉ trên",
                "cannot open a browser: open the address above yourself",
            )
        );
    }
}
