use std::path::{Path, PathBuf};
use std::process::Command;

/// The demo workspace, copied into a temporary folder the test may change.
pub struct TestWorkspace {
    pub dir: tempfile::TempDir,
}

impl TestWorkspace {
    /// A fresh copy of `fixtures/demo`.
    pub fn demo() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixtures().join("demo"), dir.path());
        TestWorkspace { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Replaces `from` by `to` in a file of the workspace; the text must be there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.file(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "`{from}` not in {rel}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

/// The demo with one person's whole record moved by `days` (every date of their file, so that
/// their documents keep their order and fall under the regulation set of the new dates).
pub fn demo_with_person_moved(person: &str, days: i64) -> TestWorkspace {
    let ws = TestWorkspace::demo();
    let rel = format!("ket-nap/{person}.yaml");
    let text = std::fs::read_to_string(ws.file(&rel)).unwrap();
    let date = first_date_in();
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some((start, end)) = date(rest) {
        out.push_str(&rest[..start]);
        let d = hoso::model::Ngay::parse(&rest[start..end]).unwrap();
        let moved = d.0.checked_add(jiff::Span::new().days(days)).unwrap();
        out.push_str(&format!(
            "{:02}/{:02}/{}",
            moved.day(),
            moved.month(),
            moved.year()
        ));
        rest = &rest[end..];
    }
    out.push_str(rest);
    std::fs::write(ws.file(&rel), out).unwrap();
    ws
}

/// Finds the first `dd/mm/yyyy` date of a text: its byte range.
fn first_date_in() -> impl Fn(&str) -> Option<(usize, usize)> {
    |s: &str| {
        let b = s.as_bytes();
        (0..b.len().saturating_sub(9)).find_map(|i| {
            let w = &b[i..i + 10];
            let digits = [0, 1, 3, 4, 6, 7, 8, 9];
            let ok = digits.iter().all(|&k| w[k].is_ascii_digit())
                && w[2] == b'/'
                && w[5] == b'/'
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
            ok.then_some((i, i + 10))
        })
    }
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The `hoso` binary, with embedded fonts only so that PDFs are the same on every machine.
pub fn hoso() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hoso"));
    cmd.env("HOSO_FONTS", "embedded").env_remove("HOSO_LANG");
    cmd
}

/// `hoso render FORM PERSON -w WS -o OUT` (`--blank` when `person` is `None`), ready to run or to
/// be given more arguments.
pub fn render_cmd(ws: &TestWorkspace, form: &str, person: Option<&str>, out: &Path) -> Command {
    let mut cmd = hoso();
    cmd.arg("render").arg(form);
    match person {
        Some(p) => cmd.arg(p),
        None => cmd.arg("--blank"),
    };
    cmd.arg("-w").arg(ws.path()).arg("-o").arg(out);
    cmd
}

/// The text of a PDF as poppler extracts it, with every run of white space made one space.
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed by the PDF tests; .ci/run installs it");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs the binary under GNU time: its output and its peak resident memory in kilobytes.
pub fn measured(args: &[&std::ffi::OsStr]) -> (std::process::Output, u64) {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("time.txt");
    let o = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&report)
        .arg(env!("CARGO_BIN_EXE_hoso"))
        .args(args)
        .env("HOSO_FONTS", "embedded")
        .env_remove("HOSO_LANG")
        .output()
        .unwrap();
    let peak = std::fs::read_to_string(&report).unwrap();
    let peak = peak.lines().last().unwrap().trim().parse().unwrap();
    (o, peak)
}
