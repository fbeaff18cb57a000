//! The desk in headless Chromium over files a text editor left wrong: a second file of a person's
//! id beside their record, and branch settings (`to-chuc.yaml`) broken and mended while the desk
//! runs. What the clerk reads is asserted; the page of broken settings is saved for the guide.

use crate::browser::{
    Driver, assert_page_words, at_page, open_section, read, reload, screenshot, screenshot_dir,
    type_into,
};
use crate::common::TestWorkspace;
use crate::desk::Desk;
use crate::webdriver::Session;
use std::time::{Duration, Instant};

/// Opens `path` again and again (as a clerk presses F5) until the page's text holds `words`:
/// a file changed outside the desk shows a moment after it is saved.
fn until_page_shows(b: &Session, origin: &str, path: &str, words: &str) -> String {
    let start = Instant::now();
    loop {
        b.goto(&format!("{origin}{path}"));
        let text = b.text(&b.find("main"));
        if text.contains(words) {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{path} never shows {words:?}: {text}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_second_file_of_a_person_s_id_is_named_on_their_page_and_the_record_opens() {
    let ws = TestWorkspace::demo();
    // "Save As" in a text editor: the record saved again as `.yml` beside itself, then changed.
    let record = std::fs::read_to_string(ws.file("ket-nap/ngo-thi-mai.yaml")).unwrap();
    let copy = record.replace("ho_ten: Ngô Thị Mai", "ho_ten: Ngô Thị Mai (bản sao)");
    std::fs::write(ws.file("ket-nap/ngo-thi-mai.yml"), &copy).unwrap();
    // A broken file with no readable twin.
    std::fs::write(ws.file("ket-nap/hong.yaml"), "ho_ten: Hỏng\nngay_sinh: [\n").unwrap();
    let desk = Desk::start_on(ws);
    let driver = Driver::start();
    let tmp = tempfile::tempdir().unwrap();
    let b = driver.browser(&tmp.path().join("profile"));
    b.goto(&desk.address());

    // The copy is listed among the broken files; its link opens the person's record, the one
    // the loader keeps, with the copy named and what to do with it.
    b.click(&b.find(r#"ul.diags a[href="/person/ngo-thi-mai"]"#));
    at_page(&b, "/person/ngo-thi-mai");
    assert_eq!(b.text(&b.find("h1")), "Ngô Thị Mai");
    let said = b.text(&b.find(".other-file"));
    for words in [
        "Tệp “ket-nap/ngo-thi-mai.yml” cũng mang mã ngo-thi-mai nên không được dùng",
        "trang này là hồ sơ trong tệp “ket-nap/ngo-thi-mai.yaml”",
        "hãy xóa nó hoặc chuyển nó ra khỏi thư mục hồ sơ",
        "hãy đổi tên tệp đó theo họ tên người ấy",
    ] {
        assert!(said.contains(words), "{words:?} in {said}");
    }
    assert!(
        !said.contains(&desk.ws.path().display().to_string()),
        "{said}"
    );
    assert_page_words(&[said]);

    // The clerk works on the record: the edit goes into the record's file, never the copy.
    open_section(&b, "ca-nhan");
    type_into(&b, "que_quan", "Phường Quảng Yên, tỉnh Quảng Ninh");
    assert!(
        read(&desk, "ket-nap/ngo-thi-mai.yaml")
            .contains("que_quan: Phường Quảng Yên, tỉnh Quảng Ninh")
    );
    assert_eq!(read(&desk, "ket-nap/ngo-thi-mai.yml"), copy);

    // A file that cannot be read and has no readable twin still opens on its error.
    b.goto(&format!("{}/person/hong", desk.origin()));
    let title = b.text(&b.find("h1"));
    assert!(title.contains("ket-nap/hong.yaml"), "{title}");

    // The copy, broken in the editor: its own problem is said on the person's page.
    std::fs::write(
        desk.ws.file("ket-nap/ngo-thi-mai.yml"),
        "ho_ten: Ngô Thị Mai\nngay_sinh: [\n",
    )
    .unwrap();
    let page = until_page_shows(
        &b,
        &desk.origin(),
        "/person/ngo-thi-mai",
        "lỗi cú pháp YAML",
    );
    assert!(
        page.contains("ket-nap/ngo-thi-mai.yml: dòng 2, cột 12: lỗi cú pháp YAML: thiếu dấu đóng “]” cho dấu “[”"),
        "{page}"
    );
    assert_eq!(b.text(&b.find("h1")), "Ngô Thị Mai");
    assert_page_words(&[b.text(&b.find(".other-file"))]);

    // Deleted, the copy is no longer mentioned.
    std::fs::remove_file(desk.ws.file("ket-nap/ngo-thi-mai.yml")).unwrap();
    let start = Instant::now();
    loop {
        reload(&b);
        if b.find_all(".other-file").is_empty() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the copy is still named"
        );
    }
    assert_eq!(b.text(&b.find("h1")), "Ngô Thị Mai");
    b.close();

    // In English with --lang en.
    let ws = TestWorkspace::demo();
    std::fs::copy(
        ws.file("ket-nap/ngo-thi-mai.yaml"),
        ws.file("ket-nap/ngo-thi-mai.yml"),
    )
    .unwrap();
    let desk = Desk::start_in(ws, "en");
    let b = driver.browser(&tmp.path().join("profile-en"));
    b.goto(&desk.address());
    b.goto(&format!("{}/person/ngo-thi-mai", desk.origin()));
    let said = b.text(&b.find(".other-file"));
    for words in [
        "The file “ket-nap/ngo-thi-mai.yml” bears the id ngo-thi-mai too, so it is not used",
        "this page is the record in the file “ket-nap/ngo-thi-mai.yaml”",
        "delete it or move it out of the workspace",
    ] {
        assert!(said.contains(words), "{words:?} in {said}");
    }
    assert!(!said.contains("Tệp"), "{said}");
    b.close();
}

#[test]
fn broken_settings_are_located_on_every_page_and_the_desk_recovers_once_they_are_mended() {
    let ws = TestWorkspace::demo();
    let good = std::fs::read_to_string(ws.file("to-chuc.yaml")).unwrap();
    // A quotation mark opened in Notepad and never closed.
    let broken = good.replace("chi_bo: Chi bộ Khu phố 5", "chi_bo: \"Chi bộ Khu phố 5");
    assert_ne!(broken, good);
    std::fs::write(ws.file("to-chuc.yaml"), &broken).unwrap();
    // The desk starts all the same: the clerk's browser opens on the page that says why.
    let desk = Desk::start_on(ws);
    let driver = Driver::start();
    let tmp = tempfile::tempdir().unwrap();
    let b = driver.browser(&tmp.path().join("profile"));
    b.goto(&desk.address());
    let line = good.lines().position(|l| l.starts_with("chi_bo:")).unwrap() + 1;
    for path in ["/", "/settings", "/person/ngo-thi-mai"] {
        b.goto(&format!("{}{path}", desk.origin()));
        assert_eq!(
            b.text(&b.find("h1")),
            "Không đọc được tệp cài đặt chi bộ “to-chuc.yaml”",
            "{path}"
        );
        let fault = b.text(&b.find(".fault p.error"));
        assert!(
            fault.starts_with(&format!(
                "“to-chuc.yaml”, dòng {line}, cột 9: lỗi cú pháp YAML: thiếu dấu nháy đóng"
            )),
            "{fault}"
        );
        // The line as the file has it, marked, between its neighbours.
        let marked = b.text(&b.find("pre.excerpt span.at"));
        assert_eq!(
            marked.trim(),
            format!("{line} │ chi_bo: \"Chi bộ Khu phố 5"),
            "{path}"
        );
        let advice = b.text(&b.find("ul.advice"));
        for words in [
            "nhấp chuột phải vào tệp “to-chuc.yaml” → Open with → Notepad",
            &format!("gõ {line} để đến dòng {line}"),
            "không cần mở lại hoso",
            "bản sao lưu gần nhất (tệp zip của thư mục hồ sơ, ví dụ “hoso.zip” hay “hoso-sao-luu-….zip”: xem mục “Sao lưu” của hướng dẫn)",
        ] {
            assert!(advice.contains(words), "{words:?} in {advice}");
        }
        // How to get the backup, not a command to type.
        assert!(!advice.contains("hoso backup"), "{advice}");
        let page = b.text(&b.find("main"));
        assert!(
            !page.contains(&desk.ws.path().display().to_string()),
            "{page}"
        );
        assert_page_words(&[fault, advice]);
    }
    b.goto(&format!("{}/settings", desk.origin()));
    screenshot(&b, "desk-settings-broken.png", &screenshot_dir());

    // Mended in Notepad: the next page is the desk again, with no restart.
    std::fs::write(desk.ws.file("to-chuc.yaml"), &good).unwrap();
    until_page_shows(&b, &desk.origin(), "/settings", "Tên chi bộ, đảng bộ");
    assert_eq!(b.text(&b.find("h1")), "Cài đặt chi bộ");
    b.goto(&format!("{}/person/ngo-thi-mai", desk.origin()));
    assert_eq!(b.text(&b.find("h1")), "Ngô Thị Mai");

    // Broken again while the desk runs, then mended: the same both ways.
    std::fs::write(desk.ws.file("to-chuc.yaml"), &broken).unwrap();
    until_page_shows(&b, &desk.origin(), "/", "thiếu dấu nháy đóng");
    std::fs::write(desk.ws.file("to-chuc.yaml"), &good).unwrap();
    until_page_shows(&b, &desk.origin(), "/", "Chi bộ Khu phố 5");
    b.close();

    // In English with --lang en.
    let ws = TestWorkspace::demo();
    std::fs::write(ws.file("to-chuc.yaml"), &broken).unwrap();
    let desk = Desk::start_in(ws, "en");
    let b = driver.browser(&tmp.path().join("profile-en"));
    b.goto(&desk.address());
    b.goto(&format!("{}/settings", desk.origin()));
    assert_eq!(
        b.text(&b.find("h1")),
        "The branch settings file cannot be read: “to-chuc.yaml”"
    );
    let fault = b.text(&b.find(".fault p.error"));
    assert!(
        fault.starts_with(&format!(
            "“to-chuc.yaml”, line {line}, column 9: YAML syntax error"
        )),
        "{fault}"
    );
    let advice = b.text(&b.find("ul.advice"));
    assert!(advice.contains("Open with → Notepad"), "{advice}");
    assert!(
        advice.contains("from the latest backup (a zip of the workspace folder"),
        "{advice}"
    );
    assert!(!advice.contains("hoso backup"), "{advice}");
    b.close();
}
