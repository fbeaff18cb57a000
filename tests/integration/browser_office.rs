//! The desk in headless Chromium where the clerk's machine stands in the way or the command
//! line's advice would not do: a register that cannot be written when a number is given, said in
//! the page's language with what to do (and the same by `cap-so`); a form that no longer fits
//! the record, advised with what to choose on the page, never a command to type.

use crate::browser::{Driver, at_page, choose, open_section};
use crate::common::{TestWorkspace, hoso};
use crate::desk::Desk;
use crate::webdriver::Session;
use std::path::{Path, PathBuf};

/// The register's file marked read-only, as a clerk or a shared folder's settings mark a file on
/// Windows: hoso replaces no such file, whoever runs it (root too, as in CI). Made writable again
/// when dropped, so that the temporary folder can go.
struct Unwritable(PathBuf);

impl Unwritable {
    fn make(path: &Path) -> Unwritable {
        set_read_only(path, true);
        Unwritable(path.to_path_buf())
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        set_read_only(&self.0, false);
    }
}

fn set_read_only(path: &Path, read_only: bool) {
    let mut permissions = std::fs::metadata(path).unwrap().permissions();
    permissions.set_readonly(read_only);
    std::fs::set_permissions(path, permissions).unwrap();
}

/// The demo without the register's number of Trần Thị Bình's 6-KNĐ, for the desk to give.
fn demo_without_her_number() -> TestWorkspace {
    let ws = TestWorkspace::demo();
    let org = ws.file("to-chuc.yaml");
    let text = std::fs::read_to_string(&org).unwrap();
    let cut = text.find("  - so: 5\n").unwrap();
    std::fs::write(&org, &text[..cut]).unwrap();
    ws
}

/// Presses the button that gives Trần Thị Bình's 6-KNĐ its number, on her page.
fn press_number(b: &Session, desk: &Desk) {
    b.goto(&format!(
        "{}/person/tran-thi-binh?form=6-KND",
        desk.origin()
    ));
    at_page(b, "/person/tran-thi-binh");
    b.click(&b.find(r#"form.number[data-for-form="6-KND"] button"#));
}

/// The title and the messages of the page of a problem, once it shows.
fn problem_page(b: &Session) -> (String, Vec<String>) {
    b.until(
        "return document.readyState === 'complete' && !!document.querySelector('ul.messages')",
        "the page of the problem",
    );
    let messages = b
        .find_all("ul.messages li")
        .iter()
        .map(|li| b.text(li))
        .collect();
    (b.text(&b.find("h1")), messages)
}

#[test]
fn a_register_that_cannot_be_written_is_said_in_the_page_s_language_with_what_to_do() {
    for (lang, title, said) in [
        (
            "vi",
            "Không ghi được sổ văn bản",
            [
                "không ghi được sổ văn bản vào “to-chuc.yaml”, nên chưa cấp số: tệp chỉ cho đọc (Read-only)",
                "bỏ thuộc tính chỉ đọc của tệp (nhấp chuột phải vào tệp → Properties → bỏ dấu ở ô Read-only → OK), rồi cấp số lại",
            ],
        ),
        (
            "en",
            "The register cannot be written",
            [
                "cannot write the register into “to-chuc.yaml”, so no number was given: the file is read-only",
                "clear the file's read-only attribute (right-click the file → Properties → untick Read-only → OK), then give the number again",
            ],
        ),
    ] {
        let desk = Desk::start_in(demo_without_her_number(), lang);
        let register = desk.ws.file("to-chuc.yaml");
        let before = std::fs::read(&register).unwrap();
        let driver = Driver::start();
        let tmp = tempfile::tempdir().unwrap();
        let b = driver.browser(&tmp.path().join("profile"));
        b.goto(&desk.address());

        let unwritable = Unwritable::make(&register);
        press_number(&b, &desk);
        let (shown_title, messages) = problem_page(&b);
        assert_eq!(shown_title, title);
        assert_eq!(messages, said, "{lang}");
        // Named inside the workspace, in the clerk's words: no whole path, no system's words.
        let page = b.text(&b.find("main"));
        assert!(
            !page.contains(&desk.ws.path().display().to_string()),
            "{page}"
        );
        assert!(!page.contains("os error"), "{page}");
        assert_eq!(std::fs::read(&register).unwrap(), before);

        // Done as the page says: the same button gives the number.
        drop(unwritable);
        press_number(&b, &desk);
        b.until(
            "return location.search.includes('form=6-KND') && document.readyState === 'complete'",
            "her page after numbering",
        );
        let text = std::fs::read_to_string(&register).unwrap();
        assert!(text.contains("nguoi: tran-thi-binh"), "{text}");
    }
}

/// `cap-so` says what the desk says, with the command line's own path.
#[test]
fn cap_so_says_what_the_desk_says_of_a_register_that_cannot_be_written() {
    let ws = demo_without_her_number();
    let register = ws.file("to-chuc.yaml");
    let _unwritable = Unwritable::make(&register);
    for (lang, said) in [
        (
            "vi",
            "nên chưa cấp số: tệp chỉ cho đọc (Read-only)\ngợi ý: bỏ thuộc tính chỉ đọc của tệp",
        ),
        (
            "en",
            "so no number was given: the file is read-only\nhint: clear the file's read-only attribute",
        ),
    ] {
        let out = hoso()
            .args(["--lang", lang, "cap-so", "6-KNĐ", "tran-thi-binh", "-w"])
            .arg(ws.path())
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{err}");
        assert!(err.contains(&register.display().to_string()), "{err}");
    }
}

/// A form previewed on a person's page that no longer fits the record once a field is changed:
/// the page says what to choose on it, never a command to type.
#[test]
fn a_form_that_no_longer_fits_the_record_is_advised_in_the_desk_s_words() {
    for (lang, advice) in [
        (
            "vi",
            "tải lại trang (F5) rồi chọn mẫu đúng trường hợp trong danh sách mẫu ở phần “Xem trước”",
        ),
        (
            "en",
            "reload the page (F5) and choose the form of its case from the list of forms under “Preview”",
        ),
    ] {
        let desk = Desk::start_in(TestWorkspace::demo(), lang);
        let driver = Driver::start();
        let tmp = tempfile::tempdir().unwrap();
        let b = driver.browser(&tmp.path().join("profile"));
        b.goto(&desk.address());
        // Đặng Văn Khoa's Youth Union resolution (4-KNĐ), previewed.
        b.goto(&format!(
            "{}/person/dang-van-khoa?form=4-KND",
            desk.origin()
        ));
        at_page(&b, "/person/dang-van-khoa");
        b.until(
            "const i = document.getElementById('preview');
             return i.src.includes('/4-KND') && i.complete && i.naturalWidth > 0;",
            "the preview of 4-KNĐ",
        );
        // The introducing organisation is now the trade union: 4-KNĐ no longer fits.
        open_section(&b, "gioi_thieu_doan_the");
        choose(&b, "gioi_thieu_doan_the.loai", "cong_doan");
        b.until(
            "const n = document.getElementById('preview-note');
             return !!n && !n.hidden && n.textContent.includes('4-KNĐ');",
            "why 4-KNĐ is not previewed",
        );
        let note = b.text(&b.find("#preview-note"));
        assert!(note.contains(advice), "{note}");
        assert!(!note.contains("hoso "), "{note}");
        // Its PDF, pressed to download: the page of why there is none, in the same words.
        b.click(&b.find("#download-form"));
        let (_, messages) = problem_page(&b);
        let page = messages.join("\n");
        assert!(page.contains(advice), "{page}");
        assert!(!page.contains("hoso "), "{page}");
    }
}

/// A tab left open from an earlier start of the desk (its token is another): the page says how
/// to open the desk, in the page's language, not the command that serves it.
#[test]
fn a_page_without_its_token_says_how_to_open_the_desk_not_a_command() {
    for (lang, said) in [
        ("vi", "Hãy mở địa chỉ ở dòng đầu của cửa sổ hoso đang chạy"),
        (
            "en",
            "Open the address on the first line of the running hoso window",
        ),
    ] {
        let desk = Desk::start_in(TestWorkspace::demo(), lang);
        let driver = Driver::start();
        let tmp = tempfile::tempdir().unwrap();
        let b = driver.browser(&tmp.path().join("profile"));
        b.goto(&format!("{}/person/tran-thi-binh", desk.origin()));
        let text = b.text(&b.find("body"));
        assert!(text.contains(said), "{text}");
        assert!(!text.contains("hoso serve"), "{text}");
        // The address it names opens the desk.
        b.goto(&desk.address());
        at_page(&b, "/");
    }
}
