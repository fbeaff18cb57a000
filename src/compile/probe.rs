/*!
A bound on the time and memory of typesetting what a workspace wrote itself.

The built-in templates always finish. A workspace's own templates (`templates/` in the workspace)
are Typst code a clerk, or whoever handed them the files, wrote: a loop there
(`for i in range(100000) { for j in range(100000) {} }`) would hang a render or a batch for ever,
and `range(1000000000)` would take the machine's memory. Typst has no way to interrupt a compile,
so such a document is first typeset in a child process (`hoso` itself, started with
[`CHILD_ARG`]) that limits its own memory and CPU time, and that the parent stops after the time
limit. Only a document the child typeset within the bounds is typeset again here; typesetting is
deterministic, so the second run ends as the first did, within the same bounds. The price is one
extra typesetting per document, paid only by workspaces with their own templates.
*/

use super::{CompileError, FontPolicy, Typesetter};
use crate::render::TypstSource;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What the child prints once it has typeset the job.
const DONE: &str = "typeset";

/// The first argument that makes `hoso` the probe's child (not a command: never typed).
pub const CHILD_ARG: &str = "__typeset-probe";

/// The bounds of one document's typesetting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    /// Wall-clock seconds.
    pub seconds: u64,
    /// Memory the child may hold (resident), in MiB.
    pub memory_mb: u64,
}

impl Probe {
    /// The bounds the environment sets (`HOSO_TYPESET_SECONDS`, `HOSO_TYPESET_MEMORY_MB`), else
    /// 60 seconds and 4 GiB: far above what any form needs (a second and 200 MB), far below a hang.
    pub fn from_env() -> Probe {
        let read = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|&v| v > 0)
                .unwrap_or(default)
        };
        Probe {
            seconds: read("HOSO_TYPESET_SECONDS", 60),
            memory_mb: read("HOSO_TYPESET_MEMORY_MB", 4096),
        }
    }

    /// Typesets `source` in a child process within the bounds. `Ok` when it finished (with or
    /// without Typst errors, which the real compile reports); an error naming the bound it broke.
    pub(super) fn check(
        &self,
        source: &TypstSource,
        date: Option<jiff::civil::Date>,
    ) -> Result<(), CompileError> {
        let job = Job {
            name: source.name.clone(),
            template: source.template.clone(),
            text: source.text.clone(),
            library: source.library.clone(),
            date: date.map(|d| d.to_string()),
        };
        let failed = |vi: String, en: String| CompileError {
            diagnostics: vec![crate::diag::Diagnostic::from(
                crate::diag::Setup::TypesetStopped {
                    template: source.template.clone(),
                    vi,
                    en,
                },
            )],
        };
        let cannot_start = |e: std::io::Error| {
            failed(
                format!("không chạy được bước dàn trang riêng: {e}"),
                format!("could not start the separate typesetting: {e}"),
            )
        };
        let mut child = Command::new(std::env::current_exe().map_err(cannot_start)?)
            .arg(CHILD_ARG)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(cannot_start)?;
        if let Some(mut stdin) = child.stdin.take() {
            // A child that died at once leaves a broken pipe: its exit status says why.
            let _ = stdin.write_all(&serde_json::to_vec(&job).unwrap_or_default());
        }
        let deadline = Instant::now() + Duration::from_secs(self.seconds);
        let limit = self.memory_mb.saturating_mul(1024 * 1024);
        let mut over_memory = false;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() >= deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
                Ok(None) if resident_bytes(child.id()).is_some_and(|b| b > limit) => {
                    over_memory = true;
                    let _ = child.kill();
                    break child.wait().ok();
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(_) => break None,
            }
        };
        let mut said = String::new();
        if let Some(mut out) = child.stdout.take() {
            let _ = out.read_to_string(&mut said);
        }
        match status {
            // The child says it typeset the job: a program that is not hoso (a test harness
            // embedding the library) would exit 0 without having done it.
            Some(s) if s.success() && said.trim() == DONE && !over_memory => Ok(()),
            Some(s) if s.success() && !over_memory => Err(failed(
                "chương trình này không dàn trang riêng được mẫu của hồ sơ; hãy dùng lệnh hoso".into(),
                "this program cannot typeset the workspace's own templates apart; use the hoso command".into(),
            )),
            Some(_) => Err(failed(
                format!(
                    "dàn trang vượt giới hạn {} MB bộ nhớ và đã dừng; kiểm tra mẫu riêng của hồ sơ (templates/)",
                    self.memory_mb
                ),
                format!(
                    "typesetting went past the {} MB memory limit and was stopped; check the workspace's own templates",
                    self.memory_mb
                ),
            )),
            None => {
                let _ = child.kill();
                Err(failed(
                    format!(
                        "dàn trang quá {} giây và đã dừng; kiểm tra mẫu riêng của hồ sơ (templates/), có thể có vòng lặp không dứt",
                        self.seconds
                    ),
                    format!(
                        "typesetting took more than {} s and was stopped; check the workspace's own templates for a loop that does not end",
                        self.seconds
                    ),
                ))
            }
        }
    }
}

/// What the child typesets.
#[derive(Debug, Serialize, Deserialize)]
struct Job {
    name: String,
    template: String,
    text: String,
    library: String,
    /// `YYYY-MM-DD`.
    date: Option<String>,
}

/// The child: typesets the job read from stdin and says so. The parent watches its time and its
/// memory and stops it past either bound; an allocation the system refuses aborts it.
pub fn run_child() -> i32 {
    let mut input = Vec::new();
    if std::io::stdin().read_to_end(&mut input).is_err() {
        return 2;
    }
    let Ok(job) = serde_json::from_slice::<Job>(&input) else {
        return 2;
    };
    let date = job.date.as_deref().and_then(|d| d.parse().ok());
    let source = TypstSource {
        name: job.name,
        template: job.template,
        text: job.text,
        library: job.library,
        date: None,
        reads: Vec::new(),
    };
    // The embedded fonts: how long a loop runs does not depend on them, and they load at once.
    let typesetter = Typesetter::new(FontPolicy::Embedded);
    let _ = typesetter.compile_unbounded(&source, date);
    println!("{DONE}");
    0
}

/// The memory a process holds (resident set), where the system tells it (`/proc` on Linux; elsewhere
/// only the time is bounded). Pages of 4 KiB, as on the machines hoso runs on.
fn resident_bytes(pid: u32) -> Option<u64> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}
