//! The habits of a modern command line: help in the language of the messages, shell completions,
//! colour on a terminal only, the office's own fonts, and failures to write that say what to do.

use crate::common::{TestWorkspace, fixtures, hoso, render_cmd};
use std::path::Path;
use std::process::{Command, Output};

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn help_is_vietnamese_by_default_and_english_on_request() {
    let out = hoso().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let vi = stdout(&out);
    for expected in [
        "Cách dùng:",
        "Lệnh:",
        "Tùy chọn:",
        "Ví dụ:",
        "Kiểm tra thư mục hồ sơ",
    ] {
        assert!(vi.contains(expected), "`{expected}` not in:\n{vi}");
    }
    for english in ["Usage:", "Options:", "Print help", "Commands:"] {
        assert!(!vi.contains(english), "`{english}` in:\n{vi}");
    }

    let en = hoso().args(["--lang", "en", "--help"]).output().unwrap();
    let en = stdout(&en);
    for expected in ["Usage:", "Commands:", "Examples:", "Check a workspace"] {
        assert!(en.contains(expected), "`{expected}` not in:\n{en}");
    }
    // HOSO_LANG works as --lang does.
    let env = hoso()
        .arg("--help")
        .env("HOSO_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(stdout(&env), en);
}

#[test]
fn every_command_has_an_example_and_values_are_listed() {
    let out = hoso().args(["validate", "--help"]).output().unwrap();
    let vi = stdout(&out);
    assert!(vi.contains("Ví dụ:\n  hoso validate demo"), "{vi}");
    assert!(vi.contains("Giá trị:"), "{vi}");
    assert!(vi.contains("- json: cho chương trình"), "{vi}");
    assert!(vi.contains("[mặc định: human]"), "{vi}");
    assert!(vi.contains("Đối số:"), "{vi}");

    let out = hoso()
        .args(["--lang", "en", "batch", "-h"])
        .output()
        .unwrap();
    let en = stdout(&out);
    assert!(en.contains("[values: quan-chung, xin-vao-dang,"), "{en}");
    let long = hoso()
        .args(["--lang", "en", "batch", "--help"])
        .output()
        .unwrap();
    let long = stdout(&long);
    assert!(
        long.contains("- chi-bo-de-nghi: the branch has resolved to recommend admission"),
        "{long}"
    );
    assert!(
        en.contains("Examples:\n  hoso batch demo -o in --jobs 2"),
        "{en}"
    );
    assert!(en.contains("--font-path <DIR>"), "{en}");
    assert!(en.contains("[environment: HOSO_FONT_PATHS]"), "{en}");
}

/// Runs a bash completion of `words` (the last one being typed) with the script `hoso
/// completions bash` prints, in `dir`, and returns the candidates bash would offer.
fn bash_complete(script: &Path, dir: &Path, words: &[&str]) -> Vec<String> {
    let bin = Path::new(env!("CARGO_BIN_EXE_hoso")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', r"'\''")))
        .collect();
    let cword = words.len() - 1;
    let prev = if cword > 0 {
        quoted[cword - 1].clone()
    } else {
        "''".into()
    };
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; _hoso_with_data hoso {} {prev}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        quoted[cword],
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(program)
        .current_dir(dir)
        .env("PATH", path)
        .env("HOSO_FONTS", "embedded")
        .env_remove("HOSO_LANG")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_commands_options_form_codes_and_person_ids() {
    let ws = TestWorkspace::demo();
    let out = hoso().args(["completions", "bash"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let script = stdout(&out);
    assert!(script.contains("complete -F _hoso_with_data"), "{script}");
    let file = ws.file("hoso.bash");
    std::fs::write(&file, &script).unwrap();

    let c = |words: &[&str]| bash_complete(&file, ws.path(), words);
    assert_eq!(c(&["hoso", "vali"]), ["validate"]);
    assert!(c(&["hoso", "render", "6"]).contains(&"6-KNĐ".to_string()));
    assert_eq!(c(&["hoso", "render", "6-KNĐ", "tran"]), ["tran-thi-binh"]);
    // The workspace named by -w, from anywhere.
    let elsewhere = tempfile::tempdir().unwrap();
    let ws_path = ws.path().display().to_string();
    let ids = bash_complete(
        &file,
        elsewhere.path(),
        &["hoso", "dossier", "-w", &ws_path, ""],
    );
    assert!(ids.contains(&"tran-thi-binh".to_string()), "{ids:?}");
    assert_eq!(ids.len(), 10, "{ids:?}");
    // Closed sets of values come from the value enums.
    assert_eq!(c(&["hoso", "validate", "--format", "j"]), ["json"]);
}

#[test]
fn every_shell_gets_a_script() {
    for (shell, mark) in [
        ("zsh", "#compdef hoso"),
        ("fish", "complete -c hoso"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = hoso().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        assert!(stdout(&out).contains(mark), "{shell}");
    }
    // zsh: the function registered at the end is the one that asks hoso for ids first.
    let zsh = stdout(&hoso().args(["completions", "zsh"]).output().unwrap());
    let hook = zsh.find("_hoso_options \"$@\"").expect("the data hook");
    let ending = zsh.rfind("compdef _hoso hoso").unwrap();
    assert!(hook < ending);
}

/// A workspace with one problem, for diagnostics to print.
fn broken_demo() -> TestWorkspace {
    let ws = TestWorkspace::demo();
    ws.edit("ket-nap/tran-thi-binh.yaml", "que_quan:", "que_quanx:");
    ws
}

#[test]
fn validate_prints_diagnostics_on_stderr_and_json_on_stdout() {
    let ws = broken_demo();
    let out = hoso().arg("validate").arg(ws.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("error[unknown-key]"),
        "{}",
        stderr(&out)
    );
    // Piped: no colour.
    assert!(!stderr(&out).contains('\x1b'));
    let out = hoso()
        .args(["validate", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["code"], "unknown-key");
}

/// `hoso validate WS` run on a pseudo-terminal (util-linux `script`), with `extra` in its
/// environment; what the terminal received.
fn on_a_terminal(ws: &TestWorkspace, extra: &[(&str, &str)]) -> String {
    let line = format!(
        "'{}' validate '{}'",
        env!("CARGO_BIN_EXE_hoso"),
        ws.path().display()
    );
    let mut cmd = Command::new("script");
    cmd.args(["-q", "-e", "-c", &line, "/dev/null"])
        .env("HOSO_FONTS", "embedded")
        .env("TERM", "xterm-256color")
        .env_remove("HOSO_LANG")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let out = cmd
        .output()
        .expect("`script` (util-linux) runs the command on a pseudo-terminal");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn diagnostics_are_coloured_on_a_terminal_unless_no_color() {
    let ws = broken_demo();
    let coloured = on_a_terminal(&ws, &[]);
    assert!(coloured.contains("unknown-key"), "{coloured}");
    assert!(
        coloured.contains("\x1b["),
        "no colour on a terminal: {coloured:?}"
    );
    let plain = on_a_terminal(&ws, &[("NO_COLOR", "1")]);
    assert!(plain.contains("unknown-key"), "{plain}");
    assert!(
        !plain.contains('\x1b'),
        "colour despite NO_COLOR: {plain:?}"
    );
}

/// A font folder holding a copy of the embedded Liberation Serif whose PostScript name is
/// changed, so that a PDF shows which of the two set its text.
fn font_folder() -> tempfile::TempDir {
    let font = std::fs::read(fixtures().join("../assets/fonts/LiberationSerif-Regular.ttf"))
        .expect("the embedded font");
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_be_bytes).collect() };
    let mut patched = font.clone();
    for (from, to) in [
        (utf16("LiberationSerif"), utf16("LiberationSerix")),
        (b"LiberationSerif".to_vec(), b"LiberationSerix".to_vec()),
    ] {
        let mut i = 0;
        while let Some(at) = patched[i..].windows(from.len()).position(|w| w == from) {
            patched[i + at..i + at + to.len()].copy_from_slice(&to);
            i += at + to.len();
        }
    }
    assert_ne!(patched, font);
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("office")).unwrap();
    std::fs::write(dir.path().join("office/Own-Regular.ttf"), patched).unwrap();
    dir
}

fn pdf_fonts(pdf: &Path) -> String {
    let out = Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts (poppler-utils)");
    stdout(&out)
}

#[test]
fn the_offices_fonts_come_first_and_keep_the_output_the_same() {
    let ws = TestWorkspace::demo();
    let fonts = font_folder();
    let run = |out: &str, fonts_arg: Option<&Path>, env: Option<&Path>| {
        let mut cmd = render_cmd(&ws, "1-KNĐ", None, &ws.file(out));
        if let Some(f) = fonts_arg {
            cmd.arg("--font-path").arg(f);
        }
        if let Some(f) = env {
            cmd.env("HOSO_FONT_PATHS", f);
        }
        let o = cmd.output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        std::fs::read(ws.file(out)).unwrap()
    };
    let without = run("a.pdf", None, None);
    assert!(!pdf_fonts(&ws.file("a.pdf")).contains("LiberationSerix"));
    let with = run("b.pdf", Some(fonts.path()), None);
    assert!(pdf_fonts(&ws.file("b.pdf")).contains("LiberationSerix"));
    assert_ne!(with, without);
    // The same fonts give the same bytes; the variable works as the option does.
    assert_eq!(run("c.pdf", Some(fonts.path()), None), with);
    assert_eq!(run("d.pdf", None, Some(fonts.path())), with);

    let missing = render_cmd(&ws, "1-KNĐ", None, &ws.file("e.pdf"))
        .args(["--font-path", "/nonexistent/fonts"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("không có thư mục phông chữ `/nonexistent/fonts`"),
        "{}",
        stderr(&missing)
    );
}

/// A folder nobody may write in, root included (sysfs): the message says what to do.
#[cfg(target_os = "linux")]
#[test]
fn an_output_that_cannot_be_written_says_what_to_do() {
    let ws = TestWorkspace::demo();
    for (lang, expected) in [
        ("vi", "gợi ý: không có quyền ghi vào thư mục `/sys`"),
        ("en", "hint: no permission to write in the folder `/sys`"),
    ] {
        let out = hoso()
            .args(["--lang", lang, "due"])
            .arg(ws.path())
            .args(["--on", "01/01/2026", "--ics", "/sys/han.ics"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
}

/// A batch says the same for each person whose files cannot be written, and goes on.
#[cfg(target_os = "linux")]
#[test]
fn a_batch_that_cannot_write_says_what_to_do() {
    let ws = TestWorkspace::demo();
    let out = hoso()
        .args(["--lang", "en", "batch"])
        .arg(ws.path())
        .args(["-o", "/sys/hoso-batch", "--stage", "xin-vao-dang"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(
        text.contains("error: dang-van-khoa: cannot write `/sys/hoso-batch/dang-van-khoa/"),
        "{text}"
    );
    assert!(
        text.contains("no permission to write in the folder `/sys/hoso-batch/dang-van-khoa`"),
        "{text}"
    );
}
