//! The desk in a real browser: headless Chromium driven through WebDriver (chromedriver, `webdriver.rs`), as a
//! clerk would use it. Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them);
//! without them the test fails, it does not skip.
//!
//! The tests save fresh screenshots of the desk's pages into `docs/anh/desk-*.png`, for the
//! guides (`HOSO_SCREENSHOTS=DIR` puts them elsewhere, relative to the crate).

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
pub(crate) struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub(crate) fn start() -> Driver {
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
    pub(crate) fn browser(&self, profile: &Path) -> Session {
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
        // Downloads go beside the profile, without asking.
        let downloads = profile.with_file_name("downloads");
        let prefs = json!({
            "download.default_directory": downloads,
            "download.prompt_for_download": false,
        });
        Session::new(
            self.port,
            json!({"browserName": "chrome", "goog:chromeOptions": {"binary": CHROMIUM, "args": args, "prefs": prefs}}),
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

pub(crate) fn screenshot(b: &Session, name: &str, dir: &Path) {
    let png = b.screenshot();
    assert!(png.starts_with(b"\x89PNG"));
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

/// Where screenshots go: `docs/anh/`, or `HOSO_SCREENSHOTS` (both relative to the crate).
pub(crate) fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("HOSO_SCREENSHOTS").unwrap_or_else(|| "docs/anh".into());
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
}

#[test]
fn a_clerk_edits_the_date_of_the_branch_meeting_and_sees_the_error_then_the_preview() {
    let desk = Desk::start();
    let driver = Driver::start();
    let tmp = tempfile::tempdir().unwrap();
    let shots = screenshot_dir();
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
    // (A save of the cleared field may come first, when typing is slow: its "missing" error is
    // beside the same field until the date is saved.)
    b.until(
        "return [...document.querySelectorAll('.diag[data-for=\"hop_chi_bo.ngay\"] .msg.error')]
           .some(e => e.textContent.includes('20/09/2026'))",
        "the order error beside the date",
    );
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

    // A right-to-left override pasted after the birthplace is refused beside the field, by its
    // code point, and the file keeps what it had.
    open_section(&b, "ca-nhan");
    let birthplace = b.find(&at("noi_sinh"));
    b.execute(&format!(
        "document.querySelector({}).scrollIntoView({{block: 'center'}})",
        js(&at("noi_sinh"))
    ));
    let typed_before = b.property(&birthplace, "value");
    b.send_keys(&birthplace, "\u{202E}");
    b.until(
        "return [...document.querySelectorAll('.diag[data-for=\"noi_sinh\"] .msg.refused')]
           .some(e => e.textContent.includes('U+202E'))",
        "the refusal beside the birthplace",
    );
    assert_page_words(&shown_diagnostics(&b));
    let on_disk = std::fs::read_to_string(&file).unwrap();
    assert!(!on_disk.contains('\u{202E}'), "{on_disk}");
    assert!(
        typed_before
            .as_str()
            .is_some_and(|t| on_disk.contains(&format!("noi_sinh: {t}"))),
        "{typed_before} {on_disk}"
    );
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

/// A JavaScript string literal of `s`.
fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The selector of the field at `path`.
fn at(path: &str) -> String {
    format!(r#"[data-path="{path}"]"#)
}

/// Opens the section `id` of a person's page (pressing its title) unless it is open.
pub(crate) fn open_section(b: &Session, id: &str) {
    let open = b.execute(&format!(
        "return document.getElementById({}).open",
        js(&format!("section-{id}"))
    ));
    if open != Value::Bool(true) {
        b.click(&b.find(&format!("#section-{id} > summary")));
    }
}

/// Waits until the field at `path` is saved with `value` (what the desk wrote is what the page
/// shows).
fn saved(b: &Session, path: &str, value: &str) {
    b.until(
        &format!(
            "const e = document.querySelector({});
             return !!e && e.dataset.saved === {} && !e.closest('.field').classList.contains('saving');",
            js(&at(path)),
            js(value)
        ),
        &format!("{path} saved as {value:?}"),
    );
}

/// Types `text` into the text field at `path` in place of what it holds, and waits for the save.
pub(crate) fn type_into(b: &Session, path: &str, text: &str) {
    let e = b.find(&at(path));
    b.execute(&format!(
        "document.querySelector({}).scrollIntoView({{block: 'center'}})",
        js(&at(path))
    ));
    b.clear(&e);
    b.send_keys(&e, text);
    saved(b, path, text);
}

/// Chooses `value` in the select at `path` by pressing its option.
pub(crate) fn choose(b: &Session, path: &str, value: &str) {
    b.click(&b.find(&at(path)));
    b.click(&b.find(&format!(r#"{} option[value="{value}"]"#, at(path))));
    saved(b, path, value);
}

/// Reloads the page and waits for the new one.
pub(crate) fn reload(b: &Session) {
    b.execute("window.beforeReload = true; location.reload();");
    b.until(
        "return !window.beforeReload && document.readyState === 'complete'",
        "the page reloaded",
    );
}

/// Every diagnostic the page shows, as text.
fn shown_diagnostics(b: &Session) -> Vec<String> {
    match b.execute(
        "return [...document.querySelectorAll('.diag .msg, .diags li')].map(e => e.textContent)",
    ) {
        Value::Array(items) => items
            .into_iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect(),
        other => panic!("{other}"),
    }
}

/// A diagnostic in the page's words: no backquote, no key path (`hop_chi_bo.ngay`, `gioi_tinh`).
pub(crate) fn assert_page_words(texts: &[String]) {
    for t in texts {
        assert!(!t.contains('`'), "a backquote in {t:?}");
        let key_word = t
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .find(|w| {
                w.contains('_')
                    && w.chars().all(|c| {
                        c.is_ascii_lowercase() || c == '_' || c == '.' || c.is_ascii_digit()
                    })
            });
        assert!(key_word.is_none(), "a key path {key_word:?} in {t:?}");
    }
}

/// The PDFs under `dir`, at any depth.
fn walk_pdfs(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .count()
}

pub(crate) fn read(desk: &Desk, rel: &str) -> String {
    std::fs::read_to_string(desk.ws.file(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn a_clerk_s_day_from_the_branch_page() {
    let desk = Desk::start();
    let driver = Driver::start();
    let tmp = tempfile::tempdir().unwrap();
    let shots = screenshot_dir();
    let b = driver.browser(&tmp.path().join("profile"));
    b.goto(&desk.address());

    // A new candidate, from the branch page's form: a real form POST from a real page.
    let name = b.find("#new-name");
    b.send_keys(&name, "Phạm Văn Nam");
    b.send_keys(&b.find("#new-born"), "05/03/1998");
    b.click(&b.find("#new-person button[type=submit]"));
    b.until(
        "return location.pathname === '/person/pham-van-nam'",
        "the new person's page",
    );
    let file = "ket-nap/pham-van-nam.yaml";
    let text = read(&desk, file);
    assert!(text.contains("ho_ten: Phạm Văn Nam"), "{text}");
    // What the record lacks is marked on each field, in the page's words.
    b.find(r#".diag[data-for="gioi_tinh"] .msg.error"#);
    let missing = b.execute(
        "return document.querySelector('.diag[data-for=\"gioi_tinh\"] .msg.error').textContent",
    );
    assert!(
        missing.as_str().unwrap_or_default().contains("Giới tính"),
        "{missing}"
    );
    b.find(r#".diag[data-for="dan_toc"] .msg.error"#);
    assert_page_words(&shown_diagnostics(&b));
    screenshot(&b, "desk-new-person.png", &shots);

    // The person: a select, text fields.
    open_section(&b, "ca-nhan");
    choose(&b, "gioi_tinh", "nam");
    type_into(&b, "que_quan", "012");
    type_into(&b, "noi_o", "Tổ 3, Khu phố 5, phường Hồng Gai");
    type_into(&b, "dan_toc", "Kinh");
    type_into(&b, "ton_giao", "Không");
    let text = read(&desk, file);
    for line in ["gioi_tinh: nam", "que_quan: 012", "dan_toc: Kinh"] {
        let quoted = line.replace(": 0", ": '0") + "'";
        assert!(
            text.lines()
                .any(|l| l == line || (line.contains(": 0") && l == quoted)),
            "no {line:?} in\n{text}"
        );
    }
    // `012` survives a reload, and a second save writes what the field shows.
    reload(&b);
    b.until(
        "return document.readyState === 'complete' && document.querySelector('[data-path=\"que_quan\"]').value === '012'",
        "012 after a reload",
    );
    open_section(&b, "ca-nhan");
    let field = b.find(&at("que_quan"));
    b.send_keys(&field, "3");
    saved(&b, "que_quan", "0123");
    reload(&b);
    b.until(
        "return document.readyState === 'complete' && document.querySelector('[data-path=\"que_quan\"]').value === '0123'",
        "0123 after a reload",
    );
    assert!(
        read(&desk, file)
            .lines()
            .any(|l| l == "que_quan: 0123" || l == "que_quan: '0123'")
    );

    // Dates.
    open_section(&b, "giay_chung_nhan");
    type_into(&b, "giay_chung_nhan.ngay", "10/04/2026");
    open_section(&b, "don_xin_vao_dang");
    type_into(&b, "don_xin_vao_dang.ngay", "15/05/2026");
    open_section(&b, "ly_lich");
    type_into(&b, "ly_lich.ngay_khai", "20/05/2026");

    // A list: a family member added, ticked as a Party member; a second added and removed.
    let family = r#"[data-list="ly_lich.gia_dinh"] > button.add"#;
    b.click(&b.find(family));
    type_into(&b, "ly_lich.gia_dinh[0].quan_he", "Bố");
    type_into(&b, "ly_lich.gia_dinh[0].ho_ten", "Phạm Văn Cường");
    b.click(&b.find(&at("ly_lich.gia_dinh[0].dang_vien")));
    saved(&b, "ly_lich.gia_dinh[0].dang_vien", "true");
    b.click(&b.find(family));
    type_into(&b, "ly_lich.gia_dinh[1].quan_he", "Mẹ");
    let text = read(&desk, file);
    assert!(
        text.contains("dang_vien: true") && text.contains("quan_he: Mẹ"),
        "{text}"
    );
    reload(&b);
    open_section(&b, "ly_lich");
    b.click(&b.find(r#"button.remove[data-remove="ly_lich.gia_dinh[1]"]"#));
    b.accept_alert();
    b.until(
        "return document.readyState === 'complete' && !document.querySelector('[data-item=\"ly_lich.gia_dinh[1]\"]')",
        "the second family member removed",
    );
    let text = read(&desk, file);
    assert!(
        !text.contains("Mẹ") && text.contains("Phạm Văn Cường"),
        "{text}"
    );

    // The sponsors, chosen from the members who are full members on the day.
    open_section(&b, "nguoi_gioi_thieu");
    let sponsors = r#"[data-list="nguoi_gioi_thieu"] > button.add"#;
    for (i, (who, wrote)) in [
        ("le-minh-tuan", "20/09/2026"),
        ("hoang-thi-thu", "21/09/2026"),
    ]
    .into_iter()
    .enumerate()
    {
        b.click(&b.find(sponsors));
        type_into(
            &b,
            &format!("nguoi_gioi_thieu[{i}].ngay_phan_cong"),
            "01/06/2026",
        );
        type_into(
            &b,
            &format!("nguoi_gioi_thieu[{i}].cung_cong_tac_tu"),
            "01/03/2020",
        );
        type_into(&b, &format!("nguoi_gioi_thieu[{i}].ngay_viet"), wrote);
        choose(&b, &format!("nguoi_gioi_thieu[{i}].dang_vien"), who);
    }

    // The chi bộ meeting.
    open_section(&b, "hop_chi_bo");
    type_into(&b, "hop_chi_bo.ngay", "16/10/2026");
    type_into(&b, "hop_chi_bo.dang_vien.chinh_thuc", "13");
    type_into(&b, "hop_chi_bo.dang_vien.du_bi", "2");
    type_into(&b, "hop_chi_bo.co_mat.chinh_thuc", "12");
    type_into(&b, "hop_chi_bo.co_mat.du_bi", "2");
    // The chair is offered first among the full members on the meeting's day just typed, not
    // on the day the page was opened.
    b.click(&b.find(&at("hop_chi_bo.chu_tri")));
    let first = b.execute(&format!(
        "return document.querySelector({}).querySelector('optgroup').label",
        js(&at("hop_chi_bo.chu_tri"))
    ));
    assert_eq!(first, "Đảng viên chính thức ngày 16/10/2026");
    choose(&b, "hop_chi_bo.chu_tri", "nguyen-van-thanh");
    choose(&b, "hop_chi_bo.thu_ky", "pham-thi-lan");
    type_into(&b, "hop_chi_bo.tan_thanh", "12");
    type_into(&b, "hop_chi_bo.khong_tan_thanh", "0");
    let text = read(&desk, file);
    for line in [
        "  ngay: 16/10/2026",
        "  chu_tri: nguyen-van-thanh",
        "  tan_thanh: 12",
    ] {
        assert!(text.lines().any(|l| l == line), "no {line:?} in\n{text}");
    }
    assert_page_words(&shown_diagnostics(&b));

    // The record now fills 6-KNĐ: previewed.
    reload(&b);
    b.click(&b.find(r#"#preview-form option[value="6-KND"]"#));
    b.until(
        "const i = document.getElementById('preview');
         return i.src.includes('/6-KND') && i.complete && i.naturalWidth > 0;",
        "the preview of 6-KNĐ",
    );
    let svg = preview_svg(&b);
    assert!(svg.starts_with("<svg"));
    screenshot(&b, "desk-person-filled.png", &shots);

    // Its number from the register: the 6-KNĐ is no longer "Số ........-NQ/CB".
    b.click(&b.find(r#"form.number[data-for-form="6-KND"] button"#));
    b.until(
        "return location.search.includes('form=6-KND') && document.readyState === 'complete'",
        "the person's page after numbering",
    );
    let org = read(&desk, "to-chuc.yaml");
    assert!(org.contains("nguoi: pham-van-nam"), "{org}");
    // The form and the dossier download.
    for link in ["#download-form", "#download-blank", "#download-dossier"] {
        b.click(&b.find(link));
    }
    let downloads = tmp.path().join("downloads");
    let start = std::time::Instant::now();
    while std::fs::read_dir(&downloads)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
                .count()
        })
        .unwrap_or(0)
        < 3
    {
        assert!(start.elapsed().as_secs() < 60, "three PDFs downloaded");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }

    // The stale file: changed in a text editor while the page is open; the clerk keeps theirs.
    let path = desk.ws.file(file);
    let edited = read(&desk, file).replace("dan_toc: Kinh", "dan_toc: Kinh # sửa bằng Notepad");
    std::fs::write(&path, edited).unwrap();
    open_section(&b, "ca-nhan");
    let noi_o = b.find(&at("noi_o"));
    b.clear(&noi_o);
    b.send_keys(&noi_o, "Tổ 4, Khu phố 5, phường Hồng Gai");
    b.find("#banner-choice:not([hidden])");
    assert_eq!(
        b.text(&b.find("#choice-file")),
        "Tổ 3, Khu phố 5, phường Hồng Gai"
    );
    assert_eq!(
        b.text(&b.find("#choice-mine")),
        "Tổ 4, Khu phố 5, phường Hồng Gai"
    );
    assert_eq!(b.text(&b.find("#choice-label")), "Nơi cư trú");
    // The banner says what happened and what each of its two buttons does, and nothing else
    // to do (no "reload the page" beside them).
    let banner = b.text(&b.find("#banner"));
    for words in [
        "Ô vừa sửa chưa được ghi",
        "tệp hồ sơ này vừa được sửa ở nơi khác",
        "Giữ giá trị tôi vừa gõ: ghi giá trị của bạn vào ô này",
        "Lấy bản trong tệp: bỏ giá trị bạn vừa gõ",
    ] {
        assert!(banner.contains(words), "{words:?} in {banner}");
    }
    assert!(!banner.contains("tải lại"), "{banner}");
    assert_eq!(b.text(&b.find("#reload")), "Lấy bản trong tệp");
    let beside = b.text(&b.find(r#"[data-field="noi_o"] .msg.refused"#));
    assert!(
        beside.starts_with("không ghi: tệp đã được sửa ở nơi khác") && !beside.contains("tải lại"),
        "{beside}"
    );
    assert_page_words(&[banner, beside]);
    screenshot(&b, "desk-stale.png", &shots);
    b.execute("window.beforeReload = true;");
    b.click(&b.find("#keep-mine"));
    b.until(
        "return !window.beforeReload && document.readyState === 'complete'
           && document.querySelector('[data-path=\"noi_o\"]').value.startsWith('Tổ 4')",
        "mine kept, the page reloaded",
    );
    let text = read(&desk, file);
    assert!(
        text.contains("Tổ 4, Khu phố 5") && text.contains("# sửa bằng Notepad"),
        "{text}"
    );

    // The ceremony's paperwork and everyone's dossiers, from the branch page.
    b.click(&b.find("a.home"));
    b.click(&b.find("#ceremony option"));
    b.click(&b.find(r#"form[action="/batch"] select + button"#));
    b.find("ul.messages");
    // The folder named inside the workspace, as the clerk finds it.
    assert_eq!(b.text(&b.find("h1")), "Đã in vào thư mục ban-in");
    screenshot(&b, "desk-printed.png", &shots);
    assert!(desk.ws.file("ban-in").is_dir());
    b.click(&b.find("main a[href=\"/\"]"));
    b.click(&b.find("#print-all"));
    b.find("ul.messages");
    let printed = walk_pdfs(&desk.ws.file("ban-in"));
    assert!(printed > 3, "{printed} PDFs in ban-in");

    // The branch settings: the place name and a swapped day off.
    b.click(&b.find("a.home"));
    b.click(&b.find("#settings-link"));
    type_into(&b, "dia_danh", "Hồng Gai");
    open_section(&b, "ngay-nghi");
    b.click(&b.find(r#"[data-list="ngay_nghi_bu"] > button.add"#));
    let day = b.execute("return [...document.querySelectorAll('[data-list=\"ngay_nghi_bu\"] [data-path]')].pop().dataset.path");
    type_into(&b, day.as_str().unwrap(), "02/01/2026");
    let org = read(&desk, "to-chuc.yaml");
    assert!(org.lines().any(|l| l == "dia_danh: Hồng Gai"), "{org}");
    assert!(org.contains("02/01/2026"), "{org}");
    screenshot(&b, "desk-settings.png", &shots);

    // A member whose admission date does not read: the message names that field, at the top.
    b.click(&b.find("a.home"));
    b.click(&b.find(r#"#new-kind option[value="dang-vien"]"#));
    b.send_keys(&b.find("#new-name"), "Trịnh Thị Hà");
    b.send_keys(&b.find("#new-born"), "02/02/1980");
    b.send_keys(&b.find("#new-admitted"), "31/02/2005");
    b.until(
        "const f = new FormData(document.getElementById('new-person'));
         return f.get('ngay_sinh') === '02/02/1980' && f.get('ngay_vao_dang') === '31/02/2005';",
        "the member's dates typed into the form",
    );
    b.click(&b.find("#new-person button[type=submit]"));
    let refusal = b.text(&b.find("#message"));
    assert!(
        refusal.contains("ngày vào Đảng") && !refusal.contains("ngày sinh"),
        "{refusal}"
    );
    assert!(!desk.ws.file("dang-vien/trinh-thi-ha.yaml").exists());

    // A member of the branch.
    b.click(&b.find("a.home"));
    b.click(&b.find(r#"#new-kind option[value="dang-vien"]"#));
    b.send_keys(&b.find("#new-name"), "Trịnh Thị Hà");
    b.click(&b.find(r#"#new-sex option[value="nữ"]"#));
    b.send_keys(&b.find("#new-born"), "02/02/1980");
    b.send_keys(&b.find("#new-admitted"), "03/02/2005");
    b.send_keys(&b.find("#new-full"), "03/02/2006");
    b.click(&b.find("#new-person button[type=submit]"));
    b.until(
        "return location.pathname === '/person/trinh-thi-ha'",
        "the member's page",
    );
    let member = read(&desk, "dang-vien/trinh-thi-ha.yaml");
    assert!(
        member.contains("ngay_vao_dang: 03/02/2005") && member.contains("gioi_tinh: nữ"),
        "{member}"
    );

    // An edit undone: the file is again what it was, byte for byte.
    open_section(&b, "ca-nhan");
    type_into(&b, "que_quan", "Hoành Bồ");
    assert!(read(&desk, "dang-vien/trinh-thi-ha.yaml").contains("que_quan: Hoành Bồ"));
    // (Typing may have been saved in more than one edit: each is taken back in turn.)
    for _ in 0..3 {
        if read(&desk, "dang-vien/trinh-thi-ha.yaml") == member {
            break;
        }
        b.execute("window.beforeUndo = true;");
        b.click(&b.find("#undo:not([hidden]) button"));
        b.until(
            "return !window.beforeUndo && document.readyState === 'complete'",
            "the page after the undo",
        );
    }
    assert_eq!(read(&desk, "dang-vien/trinh-thi-ha.yaml"), member);
    b.until(
        "return document.getElementById('undo').hidden
           && document.querySelector('[data-path=\"que_quan\"]').value === ''",
        "nothing more to undo, the field empty again",
    );

    // Deleted (after a question), listed among the deleted records, restored byte for byte.
    b.click(&b.find("#manage > summary"));
    b.click(&b.find("#delete button"));
    b.accept_alert();
    b.until(
        "return location.pathname === '/deleted' && document.readyState === 'complete'",
        "the page of deleted records",
    );
    assert!(!desk.ws.file("dang-vien/trinh-thi-ha.yaml").exists());
    let kept: Vec<_> = walkdir::WalkDir::new(desk.ws.file("da-xoa"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].ends_with("dang-vien/trinh-thi-ha.yaml"), "{kept:?}");
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), member);
    let row = b.text(&b.find(r#"tr[data-deleted="trinh-thi-ha"]"#));
    assert!(
        row.contains("Trịnh Thị Hà") && row.contains("Đảng viên"),
        "{row}"
    );
    screenshot(&b, "desk-deleted.png", &shots);
    b.click(&b.find(r#"tr[data-deleted="trinh-thi-ha"] button"#));
    b.until(
        "return location.pathname === '/person/trinh-thi-ha' && document.readyState === 'complete'",
        "the restored member's page",
    );
    assert_eq!(read(&desk, "dang-vien/trinh-thi-ha.yaml"), member);
    assert!(!kept[0].exists());

    b.close();
}

/// Waits for a page at `pathname` to be loaded.
pub(crate) fn at_page(b: &Session, pathname: &str) {
    b.until(
        &format!(
            "return location.pathname === {} && document.readyState === 'complete'",
            js(pathname)
        ),
        &format!("the page {pathname}"),
    );
}

#[test]
fn a_clerk_follows_every_link_and_takes_back_mistakes() {
    let desk = Desk::start();
    // A file the loader cannot read, and a deputy secretary who is nobody of the branch.
    std::fs::write(
        desk.ws.file("ket-nap/hong.yaml"),
        "ho_ten: Hỏng\nngay_sinh: [\n",
    )
    .unwrap();
    desk.ws.edit(
        "to-chuc.yaml",
        "pho_bi_thu: pham-thi-lan",
        "pho_bi_thu: khong-co-ai",
    );
    // A record saved a second time as `.yml` beside itself ("Save as" in a text editor).
    std::fs::copy(
        desk.ws.file("ket-nap/ngo-thi-mai.yaml"),
        desk.ws.file("ket-nap/ngo-thi-mai.yml"),
    )
    .unwrap();
    desk.until_shown("/", r#"href="/person/hong""#);
    desk.until_shown("/", "khong-co-ai");
    desk.until_shown("/", "ngo-thi-mai.yml");
    let driver = Driver::start();
    let tmp = tempfile::tempdir().unwrap();
    let b = driver.browser(&tmp.path().join("profile"));
    b.goto(&desk.address());

    // The copy is named as the clerk knows their files, inside the workspace, with the file
    // whose id it repeats.
    let broken = b.text(&b.find(r#"ul.diags:has(a[href="/person/hong"])"#));
    assert!(
        broken.contains(
            "ket-nap/ngo-thi-mai.yml: mã “ngo-thi-mai” đã dùng cho tệp “ket-nap/ngo-thi-mai.yaml”"
        ),
        "{broken}"
    );
    assert!(
        !broken.contains(&desk.ws.path().display().to_string()),
        "{broken}"
    );
    // The file that cannot be read: where in it, as on the problem pages.
    assert!(
        broken.contains("ket-nap/hong.yaml: dòng 2, cột 12: lỗi cú pháp YAML: thiếu dấu đóng “]”"),
        "{broken}"
    );
    assert_page_words(&[broken]);
    // The settings' problem says what to do on the page: choose from the list.
    let settings = b.text(&b.find(r#"section:has(#fix-settings) ul.diags"#));
    assert!(
        settings.contains("chọn lại người trong danh sách của ô này"),
        "{settings}"
    );
    assert_page_words(&[settings]);

    // Everyone's dossiers while nobody's can be printed: the page says so, each person by name
    // and where to look, and no command or code of the command line.
    b.click(&b.find("#print-all"));
    b.find("ul.messages");
    assert_eq!(b.text(&b.find("h1")), "Chưa in được hồ sơ nào");
    let why = b.text(&b.find("ul.messages"));
    for words in [
        "Ngô Thị Mai: hồ sơ còn lỗi nên chưa in: xem các lỗi ở trang của người này",
        "hong: tệp không đọc được nên chưa in: xem mục “Tệp không đọc được” ở trang chi bộ",
    ] {
        assert!(why.contains(words), "{words:?} in {why}");
    }
    assert!(!why.contains("hoso validate"), "{why}");
    assert_page_words(&[why]);
    b.click(&b.find(r#"main a[href="/"]"#));

    // The broken file's link: the page says why it cannot be read.
    b.click(&b.find(r#"ul.diags a[href="/person/hong"]"#));
    let title = b.text(&b.find("h1"));
    assert!(title.contains("ket-nap/hong.yaml"), "{title}");
    b.click(&b.find(r#"main a[href="/"]"#));

    // The settings' problem, fixed on the settings page; the fix undone, then made again.
    let org_before = read(&desk, "to-chuc.yaml");
    b.click(&b.find("#fix-settings"));
    at_page(&b, "/settings");
    open_section(&b, "cap-uy");
    choose(&b, "pho_bi_thu", "pham-thi-lan");
    assert!(read(&desk, "to-chuc.yaml").contains("pho_bi_thu: pham-thi-lan"));
    b.click(&b.find("#undo:not([hidden]) button"));
    b.until(
        "return document.readyState === 'complete' && document.getElementById('undo').hidden",
        "the settings after the undo",
    );
    assert_eq!(read(&desk, "to-chuc.yaml"), org_before);
    open_section(&b, "cap-uy");
    choose(&b, "pho_bi_thu", "pham-thi-lan");

    // A day worked in lieu added to the settings' list, then removed from it.
    open_section(&b, "ngay-nghi");
    b.click(&b.find(r#"[data-list="ngay_lam_bu"] > button.add"#));
    type_into(&b, "ngay_lam_bu[0]", "10/01/2026");
    assert!(read(&desk, "to-chuc.yaml").contains("10/01/2026"));
    reload(&b);
    open_section(&b, "ngay-nghi");
    b.click(&b.find(r#"button.remove[data-remove="ngay_lam_bu[0]"]"#));
    b.accept_alert();
    b.until(
        "return document.readyState === 'complete' && !document.querySelector('[data-item=\"ngay_lam_bu[0]\"]')",
        "the day removed",
    );
    let org = read(&desk, "to-chuc.yaml");
    assert!(
        !org.contains("10/01/2026") && !org.contains("ngay_lam_bu"),
        "{org}"
    );
    assert!(org.contains("pho_bi_thu: pham-thi-lan"), "{org}");

    // The settings changed in a text editor while the page is open: the clerk keeps theirs.
    let org =
        read(&desk, "to-chuc.yaml").replace("dia_danh: Hạ Long", "dia_danh: Hạ Long # Notepad");
    std::fs::write(desk.ws.file("to-chuc.yaml"), &org).unwrap();
    open_section(&b, "to-chuc");
    let place = b.find(&at("dia_danh"));
    b.clear(&place);
    b.send_keys(&place, "Hồng Gai");
    b.find("#banner-choice:not([hidden])");
    b.execute("window.beforeReload = true;");
    b.click(&b.find("#keep-mine"));
    b.until(
        "return !window.beforeReload && document.readyState === 'complete'
           && document.querySelector('[data-path=\"dia_danh\"]').value === 'Hồng Gai'",
        "the settings with the clerk's value",
    );
    let org = read(&desk, "to-chuc.yaml");
    assert!(org.contains("dia_danh: Hồng Gai # Notepad"), "{org}");

    // Changed in a text editor once more: this time the clerk takes the file's version, and
    // nothing of what they typed is written.
    let org = org.replace(
        "dia_danh: Hồng Gai # Notepad",
        "dia_danh: Cẩm Phả # Notepad",
    );
    std::fs::write(desk.ws.file("to-chuc.yaml"), &org).unwrap();
    open_section(&b, "to-chuc");
    let place = b.find(&at("dia_danh"));
    b.clear(&place);
    b.send_keys(&place, "Uông Bí");
    b.find("#banner-choice:not([hidden])");
    b.execute("window.beforeReload = true;");
    b.click(&b.find("#reload"));
    b.until(
        "return !window.beforeReload && document.readyState === 'complete'
           && document.querySelector('[data-path=\"dia_danh\"]').value === 'Cẩm Phả'",
        "the settings as the file holds them",
    );
    assert_eq!(read(&desk, "to-chuc.yaml"), org);

    // A deadline's link, a member's link, a blank form's link.
    b.click(&b.find("a.home"));
    let due = b.find("#due li a");
    let href = b.property(&due, "pathname");
    b.click(&due);
    at_page(&b, href.as_str().unwrap());
    b.find("#record");
    b.click(&b.find("a.home"));
    b.click(&b.find("details:has(.members) > summary"));
    b.click(&b.find(r#".members a[href="/person/le-minh-tuan"]"#));
    at_page(&b, "/person/le-minh-tuan");
    b.click(&b.find("a.home"));
    b.click(&b.find("details:has(.blank) > summary"));
    b.click(&b.find(".blank a"));
    let downloads = tmp.path().join("downloads");
    let start = Instant::now();
    while walk_pdfs(&downloads) < 1 {
        assert!(start.elapsed().as_secs() < 60, "a blank form downloaded");
        std::thread::sleep(Duration::from_millis(200));
    }

    // A sponsor renamed: the records that name him follow; another's id is refused.
    b.goto(&format!(
        "{}person/le-minh-tuan",
        desk.address().split('?').next().unwrap()
    ));
    at_page(&b, "/person/le-minh-tuan");
    b.click(&b.find("#manage > summary"));
    let new_id = b.find("#new-id");
    b.clear(&new_id);
    b.send_keys(&new_id, "hoang-thi-thu");
    b.click(&b.find("#rename button"));
    b.find("#back");
    let refusal = b.text(&b.find("ul.messages"));
    assert!(refusal.contains("hoang-thi-thu"), "{refusal}");
    assert!(
        refusal.contains("“dang-vien/hoang-thi-thu.yaml”"),
        "the record named inside the workspace: {refusal}"
    );
    assert_page_words(&[refusal]);
    assert!(desk.ws.file("dang-vien/le-minh-tuan.yaml").exists());
    b.click(&b.find("#back"));
    at_page(&b, "/person/le-minh-tuan");
    // A name Windows keeps for a device is refused as such, with one that will do.
    b.click(&b.find("#manage > summary"));
    let new_id = b.find("#new-id");
    b.clear(&new_id);
    b.send_keys(&new_id, "CON");
    b.click(&b.find("#rename button"));
    b.find("#back");
    let refusal = b.text(&b.find("ul.messages"));
    assert!(
        refusal.contains("Windows dành tên này cho thiết bị") && refusal.contains("“con-2”"),
        "{refusal}"
    );
    assert_page_words(&[refusal]);
    b.click(&b.find("#back"));
    at_page(&b, "/person/le-minh-tuan");
    let sponsored = [
        read(&desk, "ket-nap/tran-thi-binh.yaml"),
        read(&desk, "ket-nap/vu-quoc-huy.yaml"),
    ];
    let his = read(&desk, "dang-vien/le-minh-tuan.yaml");
    b.click(&b.find("#manage > summary"));
    let new_id = b.find("#new-id");
    b.clear(&new_id);
    b.send_keys(&new_id, "Lê Minh Tuấn 1975");
    b.click(&b.find("#rename button"));
    at_page(&b, "/person/le-minh-tuan-1975");
    assert!(!desk.ws.file("dang-vien/le-minh-tuan.yaml").exists());
    assert_eq!(read(&desk, "dang-vien/le-minh-tuan-1975.yaml"), his);
    for (rel, before) in ["ket-nap/tran-thi-binh.yaml", "ket-nap/vu-quoc-huy.yaml"]
        .iter()
        .zip(&sponsored)
    {
        let after = read(&desk, rel);
        assert_eq!(
            after,
            before.replace(": le-minh-tuan\n", ": le-minh-tuan-1975\n"),
            "{rel}"
        );
        assert_ne!(&after, before, "{rel} named him");
    }

    // An undo refused: the file was changed in a text editor after the desk's edit.
    open_section(&b, "ca-nhan");
    type_into(&b, "que_quan", "Cẩm Phả");
    let path = desk.ws.file("dang-vien/le-minh-tuan-1975.yaml");
    let by_notepad = read(&desk, "dang-vien/le-minh-tuan-1975.yaml") + "# ghi bằng Notepad\n";
    std::fs::write(&path, &by_notepad).unwrap();
    b.click(&b.find("#undo:not([hidden]) button"));
    let refusal = b.text(&b.find("ul.messages"));
    assert!(refusal.contains("sửa ở nơi khác"), "{refusal}");
    // The title says nothing is undone; the message says why, without saying it again.
    assert_eq!(b.text(&b.find("h1")), "Chưa hoàn tác");
    assert!(
        refusal.contains("nên tệp được giữ nguyên") && !refusal.contains("hoàn tác,"),
        "{refusal}"
    );
    assert_page_words(&[refusal]);
    assert_eq!(read(&desk, "dang-vien/le-minh-tuan-1975.yaml"), by_notepad);
    b.click(&b.find("#back"));
    at_page(&b, "/person/le-minh-tuan-1975");

    // A stale edit where the clerk takes the file's version: nothing of theirs is written.
    let by_notepad = by_notepad.replace("que_quan: Cẩm Phả", "que_quan: Uông Bí");
    std::fs::write(&path, &by_notepad).unwrap();
    open_section(&b, "ca-nhan");
    let field = b.find(&at("dan_toc"));
    b.clear(&field);
    b.send_keys(&field, "Tày");
    b.find("#banner-choice:not([hidden])");
    b.execute("window.beforeReload = true;");
    b.click(&b.find("#reload"));
    b.until(
        "return !window.beforeReload && document.readyState === 'complete'
           && document.querySelector('[data-path=\"que_quan\"]').value === 'Uông Bí'",
        "the file's version shown",
    );
    assert_eq!(read(&desk, "dang-vien/le-minh-tuan-1975.yaml"), by_notepad);

    // The file moved out of the workspace (in the file manager) while the page is open: an edit
    // says beside the field that the record is not there any more, and the page of that id says
    // the same; moved back, it is there again.
    let away = tmp.path().join("le-minh-tuan-1975.yaml");
    std::fs::rename(&path, &away).unwrap();
    desk.until_shown("/person/le-minh-tuan-1975", "Không có hồ sơ này");
    let field = b.find(&at("dan_toc"));
    b.clear(&field);
    b.send_keys(&field, "Tày");
    let beside = b.find(r#"[data-field="dan_toc"] .msg.refused"#);
    let beside = b.text(&beside);
    assert!(
        beside
            .starts_with("không ghi: không có hồ sơ mang mã le-minh-tuan-1975 trong thư mục hồ sơ"),
        "{beside}"
    );
    assert_page_words(&[beside]);
    assert_eq!(
        b.execute("return document.getElementById('banner').hidden"),
        Value::Bool(true),
        "no stale banner"
    );
    reload(&b);
    assert_eq!(b.text(&b.find("h1")), "Không có hồ sơ này");
    let why = b.text(&b.find("ul.messages"));
    assert!(why.contains("Hồ sơ đã xóa"), "{why}");
    std::fs::rename(&away, &path).unwrap();
    desk.until_shown("/person/le-minh-tuan-1975", "Lê Minh Tuấn");
    assert_eq!(read(&desk, "dang-vien/le-minh-tuan-1975.yaml"), by_notepad);

    // A religion typed in: the advice is what to tick on the page, not a line to write; ticked,
    // the problem goes.
    b.goto(&format!(
        "{}person/vu-quoc-huy",
        desk.address().split('?').next().unwrap()
    ));
    at_page(&b, "/person/vu-quoc-huy");
    open_section(&b, "ca-nhan");
    type_into(&b, "ton_giao", "Phật giáo");
    b.until(
        "return [...document.querySelectorAll('.diag .msg')]
           .some(e => e.textContent.includes('Phật giáo'))",
        "the religion's problem",
    );
    let shown = shown_diagnostics(&b);
    assert!(
        shown
            .iter()
            .any(|d| d
                .contains("rồi đánh dấu ô “Người theo tôn giáo: chi bộ đã xem xét đủ điều kiện”")),
        "{shown:?}"
    );
    assert_page_words(&shown);
    b.execute(&format!(
        "document.querySelector({}).scrollIntoView({{block: 'center'}})",
        js(&at("ton_giao_du_dieu_kien"))
    ));
    b.click(&b.find(&at("ton_giao_du_dieu_kien")));
    b.until(
        "return ![...document.querySelectorAll('.diag .msg')]
           .some(e => e.textContent.includes('Phật giáo'))",
        "the religion's problem gone",
    );
    assert!(read(&desk, "ket-nap/vu-quoc-huy.yaml").contains("ton_giao_du_dieu_kien: true"));

    // A deleted candidate whose id is taken again by a new record is not restored over it.
    let huy = read(&desk, "ket-nap/vu-quoc-huy.yaml");
    b.goto(&format!(
        "{}person/vu-quoc-huy",
        desk.address().split('?').next().unwrap()
    ));
    b.click(&b.find("#manage > summary"));
    b.click(&b.find("#delete button"));
    b.accept_alert();
    at_page(&b, "/deleted");
    b.click(&b.find("a.home"));
    b.send_keys(&b.find("#new-name"), "Vũ Quốc Huy");
    b.send_keys(&b.find("#new-born"), "01/01/2001");
    b.click(&b.find("#new-person button[type=submit]"));
    at_page(&b, "/person/vu-quoc-huy");
    let new_huy = read(&desk, "ket-nap/vu-quoc-huy.yaml");
    b.click(&b.find("#deleted-link"));
    at_page(&b, "/deleted");
    b.click(&b.find(r#"tr[data-deleted="vu-quoc-huy"] button"#));
    let refusal = b.text(&b.find("ul.messages"));
    assert!(refusal.contains("vu-quoc-huy"), "{refusal}");
    assert_page_words(&[refusal]);
    assert_eq!(read(&desk, "ket-nap/vu-quoc-huy.yaml"), new_huy);
    b.click(&b.find("#back"));
    at_page(&b, "/deleted");
    let kept = b.find(r#"tr[data-deleted="vu-quoc-huy"]"#);
    assert!(b.text(&kept).contains("Vũ Quốc Huy"));
    let deleted: Vec<PathBuf> = walkdir::WalkDir::new(desk.ws.file("da-xoa"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(
        deleted
            .iter()
            .any(|p| std::fs::read_to_string(p).unwrap() == huy),
        "{deleted:?}"
    );
    b.close();
}

/// A đảng ủy's desk (300 candidates) shows each group of the branch page fifty people at a time:
/// the clerk goes to the next pages of the probationary members and back, and each group's count
/// is its whole.
/// A record that names the sponsor `le-minh-tuan` and that a text editor left broken (line 5).
const BROKEN_NAMING_THE_SPONSOR: &str = "ho_ten: Đào Văn Nam\nngay_sinh: 02/03/2000\nnguoi_gioi_thieu:\n  - dang_vien: le-minh-tuan\n    ngay_viet: 01/06/2026: sửa dở\n";

/// Asks the desk, from the person's page, to give `from` the id `to`.
fn rename(b: &Session, from: &str, to: &str) {
    at_page(b, &format!("/person/{from}"));
    b.click(&b.find("#manage > summary"));
    let new_id = b.find("#new-id");
    b.clear(&new_id);
    b.send_keys(&new_id, to);
    b.click(&b.find("#rename button"));
}

#[test]
fn a_rename_that_a_broken_file_naming_the_person_cannot_follow_is_refused_until_it_is_fixed() {
    let ws = crate::common::TestWorkspace::demo();
    std::fs::write(
        ws.file("ket-nap/dao-van-nam.yaml"),
        BROKEN_NAMING_THE_SPONSOR,
    )
    .unwrap();
    let desk = Desk::start_on(ws);
    let driver = Driver::start();
    let tmp = tempfile::tempdir().unwrap();
    let b = driver.browser(&tmp.path().join("profile"));
    b.goto(&desk.address());
    b.goto(&format!("{}/person/le-minh-tuan", desk.origin()));
    let before = [
        "dang-vien/le-minh-tuan.yaml",
        "ket-nap/tran-thi-binh.yaml",
        "ket-nap/dao-van-nam.yaml",
        "to-chuc.yaml",
    ]
    .map(|rel| (rel, read(&desk, rel)));

    // Renamed, he would leave the broken file naming no one: refused, the file named, and why.
    rename(&b, "le-minh-tuan", "le-minh-tuan-1975");
    b.find("#back");
    let refusal = b.text(&b.find("ul.messages"));
    assert!(
        refusal.contains("“ket-nap/dao-van-nam.yaml”")
            && refusal.contains("le-minh-tuan")
            && refusal.contains("lỗi cú pháp YAML ở dòng 5")
            && refusal.contains("Hãy sửa tệp đó trước"),
        "{refusal}"
    );
    // The title says the id is not changed; the message says why, without saying it again.
    assert_eq!(b.text(&b.find("h1")), "Chưa đổi mã hồ sơ");
    assert!(!refusal.to_lowercase().contains("chưa đổi mã"), "{refusal}");
    assert!(
        !refusal.contains(&desk.ws.path().display().to_string()),
        "{refusal}"
    );
    assert_page_words(&[refusal]);
    for (rel, text) in &before {
        assert_eq!(&read(&desk, rel), text, "{rel} unchanged");
    }
    assert!(!desk.ws.file("dang-vien/le-minh-tuan-1975.yaml").exists());

    // The clerk mends the file in a text editor; the rename then carries it along.
    b.click(&b.find("#back"));
    let mended = BROKEN_NAMING_THE_SPONSOR.replace(": sửa dở", "");
    std::fs::write(desk.ws.file("ket-nap/dao-van-nam.yaml"), &mended).unwrap();
    rename(&b, "le-minh-tuan", "le-minh-tuan-1975");
    at_page(&b, "/person/le-minh-tuan-1975");
    assert_eq!(
        read(&desk, "ket-nap/dao-van-nam.yaml"),
        mended.replace("le-minh-tuan", "le-minh-tuan-1975")
    );
    assert!(!desk.ws.file("dang-vien/le-minh-tuan.yaml").exists());
    b.close();

    // A desk started in English refuses in English.
    let ws = crate::common::TestWorkspace::demo();
    std::fs::write(
        ws.file("ket-nap/dao-van-nam.yaml"),
        BROKEN_NAMING_THE_SPONSOR,
    )
    .unwrap();
    let desk = Desk::start_in(ws, "en");
    let b = driver.browser(&tmp.path().join("profile-en"));
    b.goto(&desk.address());
    b.goto(&format!("{}/person/le-minh-tuan", desk.origin()));
    rename(&b, "le-minh-tuan", "le-minh-tuan-1975");
    b.find("#back");
    let refusal = b.text(&b.find("ul.messages"));
    assert!(
        refusal.contains("“ket-nap/dao-van-nam.yaml”")
            && refusal.contains("not valid YAML at line 5")
            && refusal.contains("Fix that file first"),
        "{refusal}"
    );
    assert_eq!(b.text(&b.find("h1")), "The id is not changed");
    assert!(!refusal.contains("not changed"), "{refusal}");
    assert!(!refusal.contains("chưa đổi mã"), "{refusal}");
    assert_page_words(&[refusal]);
    assert!(desk.ws.file("dang-vien/le-minh-tuan.yaml").exists());

    // A field edited after the file changed in a text editor: the banner says, in English, what
    // happened and what each of its two buttons does; the clerk takes the file's.
    b.click(&b.find("#back"));
    at_page(&b, "/person/le-minh-tuan");
    desk.ws.edit(
        "dang-vien/le-minh-tuan.yaml",
        "dan_toc: Kinh",
        "dan_toc: Kinh # Notepad",
    );
    let by_notepad = read(&desk, "dang-vien/le-minh-tuan.yaml");
    open_section(&b, "ca-nhan");
    let field = b.find(&at("que_quan"));
    b.clear(&field);
    b.send_keys(&field, "Cẩm Phả");
    b.find("#banner-choice:not([hidden])");
    let banner = b.text(&b.find("#banner"));
    for words in [
        "The field you changed is not saved",
        "this record's file was changed elsewhere",
        "Keep what I typed: writes your value into this field",
        "Take the file's: drops what you typed",
    ] {
        assert!(banner.contains(words), "{words:?} in {banner}");
    }
    assert!(!banner.contains("reload"), "{banner}");
    assert_page_words(&[banner]);
    b.execute("window.beforeReload = true;");
    b.click(&b.find("#reload"));
    b.until(
        "return !window.beforeReload && document.readyState === 'complete'
           && document.querySelector('[data-path=\"que_quan\"]').value.startsWith('Xã Hoành Bồ')",
        "the file's version shown",
    );
    assert_eq!(read(&desk, "dang-vien/le-minh-tuan.yaml"), by_notepad);

    // The desk stopped (its window closed) while the page is open: an edit says so beside the
    // field, in words.
    drop(desk);
    open_section(&b, "ca-nhan");
    let field = b.find(&at("que_quan"));
    b.clear(&field);
    b.send_keys(&field, "Cẩm Phả");
    let beside = b.text(&b.find(r#"[data-field="que_quan"] .msg.refused"#));
    assert!(
        beside.starts_with("not written: hoso does not answer (was its window closed?)"),
        "{beside}"
    );
    b.close();
}

#[test]
fn a_large_branch_shows_each_group_a_page_at_a_time() {
    let ws = crate::common::TestWorkspace {
        dir: tempfile::tempdir().unwrap(),
    };
    let init = crate::common::hoso()
        .arg("init")
        .arg(ws.path())
        .args(["--people", "300"])
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    // And 55 more members of the branch, 60 in all.
    let member = std::fs::read_to_string(ws.file("dang-vien/do-van-hai.yaml")).unwrap();
    for i in 0..55 {
        std::fs::write(
            ws.file(&format!("dang-vien/do-van-hai-{i:02}.yaml")),
            &member,
        )
        .unwrap();
    }
    let desk = Desk::start_on(ws);
    let driver = Driver::start();
    let tmp = tempfile::tempdir().unwrap();
    let b = driver.browser(&tmp.path().join("profile"));
    b.goto(&desk.address());

    let rows = |b: &Session| -> Vec<String> {
        let ids = b.execute(
            "return [...document.querySelectorAll('#stage-du-bi tr[data-person]')]
               .map(r => r.dataset.person)",
        );
        serde_json::from_value(ids).unwrap()
    };
    let count = b.text(&b.find("#stage-du-bi h2 .count"));
    assert_eq!(count, "120");
    let first = rows(&b);
    assert_eq!(first.len(), 50);
    assert_eq!(b.text(&b.find("#pager-du-bi .at")), "Trang 1/3 · 50/120");
    assert!(b.find_all("#pager-du-bi a.prev").is_empty());

    // Next, and next again: the last page holds the rest; no one is shown twice.
    b.click(&b.find("#pager-du-bi a.next"));
    b.until("return location.search === '?du-bi=2'", "the second page");
    let second = rows(&b);
    assert_eq!(second.len(), 50);
    b.click(&b.find("#pager-du-bi a.next"));
    b.until("return location.search === '?du-bi=3'", "the third page");
    let third = rows(&b);
    assert_eq!(third.len(), 20);
    assert!(b.find_all("#pager-du-bi a.next").is_empty());
    let mut all: Vec<&String> = first.iter().chain(&second).chain(&third).collect();
    let shown = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), shown, "someone shown on two pages");
    // In the order of their ids, page after page.
    assert!(first.windows(2).all(|w| w[0] < w[1]) && first.last() < second.first());
    // The other groups stay at their first page.
    assert_eq!(
        b.text(&b.find("#pager-xin-vao-dang .at")),
        "Trang 1/2 · 50/60"
    );

    // Back: the page before, as it was.
    b.click(&b.find("#pager-du-bi a.prev"));
    b.until(
        "return location.search === '?du-bi=2'",
        "back to the second page",
    );
    assert_eq!(rows(&b), second);
    // The members: the second page holds the last ten.
    b.execute("document.querySelector('#pager-dang-vien').closest('details').open = true;");
    assert_eq!(b.text(&b.find("#pager-dang-vien .at")), "Trang 1/2 · 50/60");
    b.click(&b.find("#pager-dang-vien a.next"));
    b.until(
        "return location.search === '?dang-vien=2'",
        "the members' second page",
    );
    b.execute("document.querySelector('#pager-dang-vien').closest('details').open = true;");
    assert_eq!(b.find_all("ul.members li").len(), 10);
    // The time limits: fifty at a time, the most pressing first.
    let due = b.text(&b.find("#pager-thoi-han .at"));
    assert!(due.starts_with("Trang 1/"), "{due}");
    let total: usize = due.rsplit('/').next().unwrap().parse().unwrap();
    assert!(total > 50, "{due}");
    b.click(&b.find("#pager-thoi-han a.next"));
    b.until(
        "return location.search === '?thoi-han=2'",
        "the time limits' second page",
    );
    assert_eq!(
        b.find_all("#due li").len(),
        (total - 50).min(50),
        "the second page of {total} time limits"
    );
    b.click(&b.find("#pager-thoi-han a.prev"));
    b.until(
        "return location.search === '?thoi-han=1'",
        "the time limits' first page",
    );
    assert_eq!(b.find_all("#due li").len(), 50);
    b.goto(&format!("{}/?du-bi=2", desk.origin()));

    // A person on a later page opens as from the first.
    let link = b.find(&format!(r#"tr[data-person="{}"] a.person"#, second[0]));
    b.click(&link);
    b.until(
        &format!("return location.pathname === '/person/{}'", second[0]),
        "the person's page",
    );

    // A field naming a person offers the members when it is opened, from the one list the page
    // carries (in every such field, a đảng ủy's thousands made pages of megabytes): the full
    // members on the day of the field's document first, then the others.
    let source = b.execute("return document.documentElement.outerHTML");
    let options = source.as_str().unwrap().matches("<option").count();
    assert!(
        options < 60,
        "{options} options: the members are carried once"
    );
    open_section(&b, "le_ket_nap");
    let field = "le_ket_nap.nguoi_giup_do";
    b.click(&b.find(&at(field)));
    let groups = b.execute(&format!(
        "return [...document.querySelector({}).querySelectorAll('optgroup')]
           .map(g => [g.label, [...g.children].map(o => o.value)])",
        js(&at(field))
    ));
    let groups: Vec<(String, Vec<String>)> = serde_json::from_value(groups).unwrap();
    assert_eq!(groups.len(), 2, "{groups:?}");
    let (full, others) = (&groups[0], &groups[1]);
    assert!(
        full.0.starts_with("Đảng viên chính thức ngày "),
        "{}",
        full.0
    );
    assert_eq!(others.0, "Người khác");
    // The members are full on that day; the probationers are not, and the person is not offered.
    let members = std::fs::read_dir(desk.ws.file("dang-vien")).unwrap();
    let members: Vec<String> = members
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(members.len(), 60);
    assert!(members.iter().all(|m| full.1.contains(m)), "{full:?}");
    for probationer in &all {
        assert!(!full.1.contains(probationer), "{probationer} in {full:?}");
        let offered = others.1.contains(probationer);
        assert_eq!(offered, **probationer != second[0], "{probationer}");
    }
    choose(&b, field, "do-van-hai-07");
}

#[test]
fn a_clerk_imports_an_office_sheet_from_the_desk() {
    let desk = Desk::start();
    let driver = Driver::start();
    let tmp = tempfile::tempdir().unwrap();
    // As an office saves it from Excel on a Vietnamese Windows: `;`, a byte-order mark, CRLF,
    // a title row, dates typed as text, a person already there, a row with an impossible date,
    // the signature under the table.
    let sheet = tmp.path().join("DS quần chúng.csv");
    let rows = [
        "DANH SÁCH QUẦN CHÚNG ƯU TÚ;;",
        "Họ và tên;Ngày sinh;Giới tính",
        "Lê Văn Tám;05-03-1998;Nam",
        "Trần Thị Bình;12/08/1994;Nữ",
        "Phạm Văn Hùng;31/02/1999;Nam",
        ";;",
        "NGƯỜI LẬP BIỂU;;",
    ];
    std::fs::write(&sheet, format!("\u{feff}{}\r\n", rows.join("\r\n"))).unwrap();
    let b = driver.browser(&tmp.path().join("profile"));

    // From the branch page, the link to the import page.
    b.goto(&desk.address());
    b.click(&b.find("#import-link"));
    b.until(
        "return !!document.getElementById('import-file')",
        "the import page",
    );
    // A letter chosen by mistake is refused, in the page's words, and nothing is written.
    let letter = tmp.path().join("don.docx");
    std::fs::write(&letter, b"PK\x03\x04 not a sheet").unwrap();
    b.send_keys(&b.find("#import-file"), &letter.display().to_string());
    b.click(&b.find("#import-preview"));
    b.until(
        "const e = document.getElementById('import-refused');
         return !!e && e.textContent.includes('không phải bảng tính')",
        "the refusal of a letter",
    );
    // A workbook damaged on the way (cut short by a mail program): what it means and what to do
    // come first, in the page's language.
    let damaged = tmp.path().join("danh-sach-hong.xlsx");
    std::fs::write(&damaged, b"PK\x03\x04 cut short").unwrap();
    b.send_keys(&b.find("#import-file"), &damaged.display().to_string());
    b.click(&b.find("#import-preview"));
    b.until(
        "const e = document.getElementById('import-refused');
         return !!e && e.textContent.includes('danh-sach-hong.xlsx')",
        "the refusal of a damaged workbook",
    );
    let refusal = b.text(&b.find("#import-refused"));
    assert!(
        refusal.contains("không đọc được tệp này như một bảng tính")
            && refusal.contains("hãy lưu lại thành .xlsx"),
        "{refusal}"
    );
    b.send_keys(&b.find("#import-file"), &sheet.display().to_string());
    b.click(&b.find("#import-preview"));
    b.until(
        "return !!document.getElementById('import-plan')",
        "the preview",
    );
    let result = b.text(&b.find("#import-result"));
    assert!(result.contains("le-van-tam.yaml"), "{result}");
    // The clerk reads who is new by name, the file to be written beside it.
    let created = b.text(&b.find("#import-created"));
    assert_eq!(created, "Lê Văn Tám ket-nap/le-van-tam.yaml (dòng 3)");
    assert!(result.contains("31/02/1999"), "{result}");
    assert!(!result.contains("pham-van-hung"), "{result}");
    // She is the demo's Trần Thị Bình (the same name and date of birth): left as she is.
    assert!(!result.contains("tran-thi-binh"), "{result}");
    assert!(
        result.contains("Sẽ tạo 1,") && result.contains("1 người đã có giữ nguyên"),
        "{result}"
    );
    assert_page_words(&[b.text(&b.find("#import-problems"))]);
    assert!(
        !desk.ws.file("ket-nap/le-van-tam.yaml").exists(),
        "the preview writes nothing"
    );
    screenshot(&b, "desk-import.png", &screenshot_dir());

    // Imported: the new person's file, the rest untouched.
    let binh = std::fs::read_to_string(desk.ws.file("ket-nap/tran-thi-binh.yaml")).unwrap();
    b.click(&b.find("#import-write"));
    b.until(
        "return !!document.getElementById('import-done')",
        "the import",
    );
    let written = std::fs::read_to_string(desk.ws.file("ket-nap/le-van-tam.yaml")).unwrap();
    assert!(written.contains("ho_ten: Lê Văn Tám"), "{written}");
    assert!(written.contains("05/03/1998"), "{written}");
    assert_eq!(
        std::fs::read_to_string(desk.ws.file("ket-nap/tran-thi-binh.yaml")).unwrap(),
        binh
    );
    assert!(!desk.ws.file("ket-nap/pham-van-hung.yaml").exists());

    // Back on the branch page, the new candidate is listed.
    b.click(&b.find("#import-back"));
    b.until(
        "return !!document.querySelector('tr[data-person=\"le-van-tam\"]')",
        "Lê Văn Tám on the branch page",
    );

    // A second sheet gives his home town: with "Cập nhật" ticked, the preview shows the change by
    // its label, and the import writes that field alone.
    let second = tmp.path().join("bo-sung.csv");
    std::fs::write(
        &second,
        "Họ và tên;Ngày sinh;Quê quán\r\nLê Văn Tám;05/03/1998;Xã Yên Đức, tỉnh Quảng Ninh\r\n",
    )
    .unwrap();
    b.click(&b.find("#import-link"));
    b.until(
        "return !!document.getElementById('import-file')",
        "the import page again",
    );
    b.send_keys(&b.find("#import-file"), &second.display().to_string());
    b.click(&b.find("#import-update"));
    b.click(&b.find("#import-preview"));
    b.until(
        "return !!document.getElementById('import-updated')",
        "the update in the preview",
    );
    let change = b.text(&b.find("#import-updated"));
    assert!(
        change.starts_with("Lê Văn Tám ket-nap/le-van-tam.yaml (dòng 2)"),
        "{change}"
    );
    assert!(
        change.contains("Quê quán") && change.contains("Xã Yên Đức, tỉnh Quảng Ninh"),
        "{change}"
    );
    assert_page_words(&[change]);
    b.click(&b.find("#import-write"));
    b.until(
        "return !!document.getElementById('import-done')",
        "the update",
    );
    let updated = std::fs::read_to_string(desk.ws.file("ket-nap/le-van-tam.yaml")).unwrap();
    assert!(
        updated.contains("que_quan: Xã Yên Đức, tỉnh Quảng Ninh"),
        "{updated}"
    );
    let unchanged: Vec<&str> = written.lines().filter(|l| !updated.contains(*l)).collect();
    assert!(unchanged.is_empty(), "lines lost: {unchanged:?}");
    b.close();
}
