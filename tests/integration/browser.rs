//! The desk in a real browser: headless Chromium driven through WebDriver (chromedriver, `webdriver.rs`), as a
//! clerk would use it. Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them);
//! without them the test fails, it does not skip.
//!
//! `HOSO_SCREENSHOTS=docs cargo test --test tests browser` also writes the README's screenshots
//! (`docs/desk-branch.png`, `docs/desk-person.png`).

use crate::desk::Desk;
use crate::webdriver::Session;
use serde_json::{Value, json};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        for program in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                Path::new(program).exists(),
                "{program} is missing: the browser tests need `apt-get install chromium chromium-driver` (.ci/run installs them)"
            );
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver does not answer"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }

    /// A headless Chromium with a fresh profile in `profile`.
    fn browser(&self, profile: &Path) -> Session {
        let mut args: Vec<String> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,1000",
            "--lang=vi",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        Session::new(
            self.port,
            json!({"browserName": "chrome", "goog:chromeOptions": {"binary": CHROMIUM, "args": args}}),
        )
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The preview's SVG as the page shows it now.
fn preview_svg(b: &Session) -> String {
    let script = "const done = arguments[arguments.length - 1];
        fetch(document.getElementById('preview').src).then(r => r.text()).then(done);";
    match b.execute_async(script) {
        Value::String(s) => s,
        other => panic!("no preview: {other}"),
    }
}

fn screenshot(b: &Session, name: &str, dir: &Path) {
    let png = b.screenshot();
    assert!(png.starts_with(b"\x89PNG"));
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

/// Where screenshots go: `HOSO_SCREENSHOTS` (relative to the crate), else a temporary folder.
fn screenshot_dir(tmp: &Path) -> PathBuf {
    match std::env::var_os("HOSO_SCREENSHOTS") {
        Some(d) => Path::new(env!("CARGO_MANIFEST_DIR")).join(d),
        None => tmp.to_path_buf(),
    }
}

#[test]
fn a_clerk_edits_the_date_of_the_branch_meeting_and_sees_the_error_then_the_preview() {
    let desk = Desk::start();
    let driver = Driver::start();
    let tmp = tempfile::tempdir().unwrap();
    let shots = screenshot_dir(tmp.path());
    let file = desk.ws.file("ket-nap/tran-thi-binh.yaml");
    let before = std::fs::read_to_string(&file).unwrap();
    // Declared after the driver, so dropped before it: the session ends (and its browser quits)
    // even when an assertion fails.
    let b = driver.browser(&tmp.path().join("profile"));

    // The branch page, from the printed address; the token leaves the address bar.
    b.goto(&desk.address());
    let url = b.url();
    assert!(!url.contains("t="), "{url}");
    let link = b.find(r#"tr[data-person="tran-thi-binh"] a.person"#);
    assert_eq!(b.text(&link), "Trần Thị Bình");
    let main = b.text(&b.find("main"));
    for name in [
        "Đặng Văn Khoa",
        "Lương Thị Hoa",
        "Ngô Thị Mai",
        "Vũ Quốc Huy",
    ] {
        assert!(main.contains(name), "{name} not on the branch page");
    }
    screenshot(&b, "desk-branch.png", &shots);

    // Her page: 6-KNĐ previewed, the chi bộ meeting's section, its date.
    b.click(&link);
    let date = b.find(r#"input[data-path="hop_chi_bo.ngay"]"#);
    b.click(&b.find(r#"#preview-form option[value="6-KND"]"#));
    let loaded = "const i = document.getElementById('preview');
        return i.src.includes('/6-KND') && i.complete && i.naturalWidth > 0;";
    b.until(loaded, "the preview of 6-KNĐ");
    let original = preview_svg(&b);
    assert!(original.starts_with("<svg"));
    b.execute("document.getElementById('section-hop_chi_bo').open = true;");
    assert_eq!(b.property(&date, "value"), "16/10/2026");

    // Before the sponsors' letters of 25 and 28/09/2026: the error shows beside the field.
    b.clear(&date);
    b.send_keys(&date, "20/09/2026");
    let error = b.find(r#".diag[data-for="hop_chi_bo.ngay"] .msg.error"#);
    let message = b.text(&error);
    assert!(message.contains("20/09/2026"), "{message}");
    b.until(
        "return !document.getElementById('preview-note').hidden",
        "the preview waits for the fix",
    );
    b.execute("document.querySelector('[data-path=\"hop_chi_bo.ngay\"]').scrollIntoView({block: 'center'});");
    screenshot(&b, "desk-person.png", &shots);

    // Fixed: the error goes, the preview follows the new date.
    b.clear(&date);
    b.send_keys(&date, "12/10/2026");
    b.until(
        "const i = document.getElementById('preview');
         return document.querySelector('.diag[data-for=\"hop_chi_bo.ngay\"]').children.length === 0
           && i.src.includes('v=' + document.body.dataset.version) && i.complete && i.naturalWidth > 0
           && document.getElementById('preview-note').hidden;",
        "the error to go and the preview to follow",
    );
    let updated = preview_svg(&b);
    assert!(updated.starts_with("<svg"));
    assert_ne!(updated, original, "the preview did not change");
    b.close();

    // On disk: that line alone changed; the clerk's comment is still there.
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(before.lines().count(), after.lines().count());
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed, [("  ngay: 16/10/2026", "  ngay: 12/10/2026")]);
    assert!(after.starts_with("# Quần chúng đã được chi bộ họp xét"));
}
