//! `hoso serve`, the clerk's desk, over plain HTTP: what it serves, what it refuses (no token, a
//! foreign `Host`, a foreign `Origin`, a stale file), and what an edit does to the file on disk.

use crate::common::{TestWorkspace, hoso};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

/// A desk running on a copy of the demo, stopped when dropped.
pub struct Desk {
    child: Child,
    pub port: u16,
    pub token: String,
    pub ws: TestWorkspace,
}

impl Desk {
    pub fn start() -> Desk {
        Desk::start_on(TestWorkspace::demo())
    }

    pub fn start_on(ws: TestWorkspace) -> Desk {
        Desk::start_in(ws, "vi")
    }

    /// A desk speaking `lang` (`vi`, `en`).
    pub fn start_in(ws: TestWorkspace, lang: &str) -> Desk {
        let mut child = hoso()
            .args(["--lang", lang, "serve"])
            .arg(ws.path())
            .arg("--no-open")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("hoso serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        // http://127.0.0.1:PORT/?t=TOKEN
        let rest = line
            .trim()
            .strip_prefix("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("the first line is the address: {line:?}"));
        let (port, token) = rest.split_once("/?t=").expect("the address has a token");
        Desk {
            child,
            port: port.parse().unwrap(),
            token: token.to_string(),
            ws,
        }
    }

    pub fn address(&self) -> String {
        format!("http://127.0.0.1:{}/?t={}", self.port, self.token)
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn cookie(&self) -> String {
        format!("hoso_desk_{}={}", self.port, self.token)
    }

    /// A request as the desk's own page makes it: its host, its cookie, its origin.
    pub fn send(&self, method: &str, path: &str, body: Option<(&str, &str)>) -> Answer {
        let host = format!("127.0.0.1:{}", self.port);
        let cookie = self.cookie();
        let origin = self.origin();
        let mut headers = vec![("Host", host.as_str()), ("Cookie", cookie.as_str())];
        if method != "GET" {
            headers.push(("Origin", origin.as_str()));
        }
        request(self.port, method, path, &headers, body)
    }

    /// The file's version as the person's page gives it.
    pub fn version(&self, id: &str) -> String {
        let page = self.send("GET", &format!("/person/{id}"), None);
        assert_eq!(page.status, 200, "{}", page.body);
        let at = page
            .body
            .find("data-version=\"")
            .expect("the page has the version")
            + 14;
        page.body[at..at + 24].to_string()
    }

    /// Waits (a few seconds at most) until the page at `path` shows `words`: what a clerk who
    /// saved a file in a text editor sees on reloading the page, as soon as the system has told
    /// the desk of the change (a moment after the save).
    pub fn until_shown(&self, path: &str, words: &str) {
        let start = std::time::Instant::now();
        loop {
            let page = self.send("GET", path, None);
            if page.body.contains(words) {
                return;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(5),
                "{path} never shows {words:?}: {}",
                page.body
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    pub fn edit(&self, id: &str, version: &str, path: &str, value: Option<&str>) -> Answer {
        let body =
            serde_json::json!({"version": version, "path": path, "value": value}).to_string();
        self.send(
            "POST",
            &format!("/person/{id}/edit"),
            Some(("application/json", &body)),
        )
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// One request over a new connection, with exactly these headers.
pub fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, &str)>,
) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut text = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    for (k, v) in headers {
        text.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some((kind, content)) = body {
        text.push_str(&format!(
            "Content-Type: {kind}\r\nContent-Length: {}\r\n",
            content.len()
        ));
    }
    text.push_str("\r\n");
    if let Some((_, content)) = body {
        text.push_str(content);
    }
    stream.write_all(text.as_bytes()).unwrap();
    // The head, then as many bytes as it announces (a server may keep the connection open).
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let length = head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case("content-length")
            .then(|| v.trim().parse::<usize>().ok())?
    });
    let mut raw = Vec::new();
    match length {
        Some(n) => {
            raw.resize(n, 0);
            reader.read_exact(&mut raw).unwrap();
        }
        None => {
            reader.read_to_end(&mut raw).unwrap();
        }
    }
    let body = String::from_utf8_lossy(&raw).into_owned();
    let head = head.trim_end().to_string();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Answer { status, head, body }
}

const BINH: &str = "ket-nap/tran-thi-binh.yaml";

#[test]
fn the_printed_address_sets_the_token_and_the_branch_page_names_the_people() {
    let desk = Desk::start();
    let host = format!("127.0.0.1:{}", desk.port);
    let first = request(
        desk.port,
        "GET",
        &format!("/?t={}", desk.token),
        &[("Host", &host)],
        None,
    );
    assert_eq!(first.status, 303, "{first:?}");
    let cookie = format!("set-cookie: {}", desk.cookie());
    assert!(
        first.head.to_lowercase().contains(&cookie.to_lowercase()),
        "{}",
        first.head
    );
    assert!(
        first.head.contains("HttpOnly; SameSite=Strict"),
        "{}",
        first.head
    );

    let page = desk.send("GET", "/", None);
    assert_eq!(page.status, 200);
    for name in [
        "Trần Thị Bình",
        "Đặng Văn Khoa",
        "Lương Thị Hoa",
        "Ngô Thị Mai",
        "Vũ Quốc Huy",
    ] {
        assert!(page.body.contains(name), "{name} not on the branch page");
    }
    assert!(
        page.body.contains("Chi bộ đã đề nghị kết nạp")
            || page.body.contains("chi bộ đã đề nghị kết nạp")
    );
    assert!(
        page.head
            .contains("content-security-policy: default-src 'none'"),
        "{}",
        page.head
    );
}

#[test]
fn no_token_a_wrong_token_and_a_foreign_host_get_403() {
    let desk = Desk::start();
    let host = format!("127.0.0.1:{}", desk.port);
    let none = request(desk.port, "GET", "/", &[("Host", &host)], None);
    assert_eq!(none.status, 403);
    assert!(none.body.contains("mã truy cập"), "{}", none.body);
    let wrong = format!("hoso_desk_{}=0123456789abcdef0123456789abcdef", desk.port);
    let bad = request(
        desk.port,
        "GET",
        "/",
        &[("Host", &host), ("Cookie", &wrong)],
        None,
    );
    assert_eq!(bad.status, 403);
    let bad_query = request(desk.port, "GET", "/?t=00", &[("Host", &host)], None);
    assert_eq!(bad_query.status, 403);
    // DNS rebinding: the right token, but the page of another name.
    let cookie = desk.cookie();
    for evil in [
        "evil.example",
        "evil.example:80",
        "127.0.0.1",
        "127.0.0.1:1",
        "localhost.evil.example",
    ] {
        let r = request(
            desk.port,
            "GET",
            "/",
            &[("Host", evil), ("Cookie", &cookie)],
            None,
        );
        assert_eq!(r.status, 403, "Host: {evil}");
    }
    let local = format!("localhost:{}", desk.port);
    let ok = request(
        desk.port,
        "GET",
        "/",
        &[("Host", &local), ("Cookie", &cookie)],
        None,
    );
    assert_eq!(ok.status, 200);
}

#[test]
fn a_change_from_a_foreign_origin_or_none_changes_nothing() {
    let desk = Desk::start();
    let version = desk.version("tran-thi-binh");
    let before = std::fs::read(desk.ws.file(BINH)).unwrap();
    let body =
        serde_json::json!({"version": version, "path": "hop_chi_bo.ngay", "value": "20/09/2026"})
            .to_string();
    let host = format!("127.0.0.1:{}", desk.port);
    let cookie = desk.cookie();
    for origin in [
        Some("http://evil.example"),
        Some("null"),
        Some("https://127.0.0.1:1"),
        None,
    ] {
        let mut headers = vec![("Host", host.as_str()), ("Cookie", cookie.as_str())];
        if let Some(o) = origin {
            headers.push(("Origin", o));
        }
        let r = request(
            desk.port,
            "POST",
            "/person/tran-thi-binh/edit",
            &headers,
            Some(("application/json", &body)),
        );
        assert_eq!(r.status, 403, "Origin {origin:?}");
        let new = request(
            desk.port,
            "POST",
            "/new",
            &headers,
            Some((
                "application/x-www-form-urlencoded",
                "ho_ten=X&ngay_sinh=01/01/2000",
            )),
        );
        assert_eq!(new.status, 403);
    }
    assert_eq!(std::fs::read(desk.ws.file(BINH)).unwrap(), before);
    assert!(!desk.ws.file("ket-nap/x.yaml").exists());
}

/// The lines of `a` and `b` that differ, by line number.
fn changed_lines(a: &str, b: &str) -> Vec<(usize, String, String)> {
    assert_eq!(a.lines().count(), b.lines().count(), "lines added or lost");
    a.lines()
        .zip(b.lines())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| (i + 1, x.to_string(), y.to_string()))
        .collect()
}

#[test]
fn an_edit_changes_that_value_only_and_its_diagnostics_come_back_with_their_field() {
    let desk = Desk::start();
    let path = desk.ws.file(BINH);
    // A comment of the clerk's beside the value, and one elsewhere: both must stay.
    desk.ws.edit(
        BINH,
        "  ngay: 16/10/2026\n",
        "  ngay: 16/10/2026 # họp thường kỳ\n",
    );
    desk.ws.edit(
        BINH,
        "tong_hop_nhan_xet:\n",
        "# nhận xét của đoàn thể\ntong_hop_nhan_xet:\n",
    );
    let before = std::fs::read_to_string(&path).unwrap();
    let version = desk.version("tran-thi-binh");
    // Before the sponsors' letters (25 and 28/09/2026): the documents are out of order.
    let r = desk.edit(
        "tran-thi-binh",
        &version,
        "hop_chi_bo.ngay",
        Some("20/09/2026"),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let a = r.json();
    assert_eq!(a["ok"], true);
    let after = std::fs::read_to_string(&path).unwrap();
    let changed = changed_lines(&before, &after);
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].2.contains("20/09/2026"), "{changed:?}");
    assert!(after.contains("# họp thường kỳ") && after.contains("# nhận xét của đoàn thể"));
    let diags = a["diagnostics"].as_array().unwrap();
    let order = diags
        .iter()
        .find(|d| d["code"] == "document-order" || d["code"] == "date-order")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(order["path"], "hop_chi_bo.ngay", "{order}");
    assert_eq!(a["checked"], false);

    // Fixed again: the file is as it was, byte for byte.
    let v2 = a["version"].as_str().unwrap().to_string();
    assert_ne!(v2, version);
    let r = desk.edit("tran-thi-binh", &v2, "hop_chi_bo.ngay", Some("16/10/2026"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["checked"], true);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn an_edit_against_a_file_changed_on_disk_is_refused_and_nothing_is_lost() {
    let desk = Desk::start();
    let path = desk.ws.file(BINH);
    let version = desk.version("tran-thi-binh");
    // Meanwhile, in a text editor:
    desk.ws.edit(
        BINH,
        "nghe_nghiep: Viên chức",
        "nghe_nghiep: Viên chức kế toán",
    );
    let edited = std::fs::read(&path).unwrap();
    let r = desk.edit("tran-thi-binh", &version, "noi_o", Some("Tổ 9"));
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(r.json()["ok"], false);
    // It says what happened; what to do is the page's choice, for which the answer carries the
    // file's version and its value at the field now.
    let message = r.json()["message"].as_str().unwrap().to_string();
    assert!(
        message.contains("đã được sửa ở nơi khác") && !message.contains("tải lại"),
        "{message}"
    );
    let on_disk = &r.json()["on_disk"];
    assert_eq!(on_disk[0], desk.version("tran-thi-binh"));
    let now = on_disk[1].as_str().unwrap();
    assert!(
        !now.is_empty() && String::from_utf8_lossy(&edited).contains(&format!("noi_o: {now}")),
        "{now}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), edited);
    // A second tab that saved first makes the first tab's version stale too.
    let fresh = desk.version("tran-thi-binh");
    assert_eq!(
        desk.edit("tran-thi-binh", &fresh, "noi_o", Some("Tổ 9"))
            .status,
        200
    );
    assert_eq!(
        desk.edit("tran-thi-binh", &fresh, "noi_o", Some("Tổ 10"))
            .status,
        409
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("noi_o: Tổ 9\n") && text.contains("Viên chức kế toán"));
}

#[test]
fn a_value_that_does_not_read_or_a_path_that_is_no_key_is_not_written() {
    let desk = Desk::start();
    let path = desk.ws.file(BINH);
    let before = std::fs::read(&path).unwrap();
    let version = desk.version("tran-thi-binh");
    let r = desk.edit(
        "tran-thi-binh",
        &version,
        "hop_chi_bo.ngay",
        Some("31/02/2026"),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.json()["message"].as_str().unwrap().contains("31/02/2026"),
        "{}",
        r.body
    );
    let r = desk.edit(
        "tran-thi-binh",
        &version,
        "hop_chi_bo.tan_thanh",
        Some("mười hai"),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    for bad in ["khoa_la", "hop_chi_bo", "../to-chuc.yaml", "ho_ten[0]"] {
        let r = desk.edit("tran-thi-binh", &version, bad, Some("x"));
        assert_eq!(r.status, 400, "{bad}: {}", r.body);
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // An id that is no one's, or no id at all, reads no file.
    assert_eq!(desk.send("GET", "/person/..%2Fto-chuc", None).status, 404);
    assert_eq!(
        desk.edit("khong-co", &version, "ho_ten", Some("x")).status,
        404
    );
}

#[test]
fn hostile_values_are_escaped_in_the_page() {
    let ws = TestWorkspace::demo();
    ws.edit(
        BINH,
        "noi_sinh: Phường Hồng Gai, tỉnh Quảng Ninh",
        "noi_sinh: \"<script>alert(1)</script>\\\" onmouseover=\\\"x\"",
    );
    let desk = Desk::start_on(ws);
    let page = desk.send("GET", "/person/tran-thi-binh", None);
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("<script>alert"), "unescaped");
    assert!(!page.body.contains("\" onmouseover=\"x"), "unescaped quote");
    assert!(
        page.body
            .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "escaped"
    );
}

#[test]
fn a_new_person_gets_a_file_with_a_valid_id() {
    let desk = Desk::start();
    let body = "ho_ten=Tr%E1%BA%A7n+Th%E1%BB%8B+B%C3%ACnh&ngay_sinh=02%2F09%2F2000";
    let r = desk.send(
        "POST",
        "/new",
        Some(("application/x-www-form-urlencoded", body)),
    );
    assert_eq!(r.status, 303, "{r:?}");
    // The name's id is taken: the next free one.
    assert!(
        r.head.contains("location: /person/tran-thi-binh-2"),
        "{}",
        r.head
    );
    let text = std::fs::read_to_string(desk.ws.file("ket-nap/tran-thi-binh-2.yaml")).unwrap();
    assert!(
        text.contains("ho_ten: Trần Thị Bình") && text.contains("ngay_sinh: 02/09/2000"),
        "{text}"
    );
    let page = desk.send("GET", "/person/tran-thi-binh-2", None);
    assert_eq!(page.status, 200);
    let bad = desk.send(
        "POST",
        "/new",
        Some((
            "application/x-www-form-urlencoded",
            "ho_ten=A&ngay_sinh=hôm+qua",
        )),
    );
    assert_eq!(bad.status, 422);
    assert!(!desk.ws.file("ket-nap/a.yaml").exists());
}

#[test]
fn the_preview_is_an_svg_and_the_downloads_are_pdfs() {
    let desk = Desk::start();
    let svg = desk.send("GET", "/person/tran-thi-binh/preview/6-KND", None);
    assert_eq!(svg.status, 200);
    assert!(
        svg.head.contains("content-type: image/svg+xml"),
        "{}",
        svg.head
    );
    assert!(
        svg.body.starts_with("<svg"),
        "{}",
        &svg.body[..100.min(svg.body.len())]
    );
    for path in [
        "/person/tran-thi-binh/pdf/6-KND",
        "/blank/1-KND",
        "/person/tran-thi-binh/dossier",
    ] {
        let r = desk.send("GET", path, None);
        assert_eq!(r.status, 200, "{path}");
        assert!(r.head.contains("content-type: application/pdf"), "{path}");
        assert!(r.body.starts_with("%PDF"), "{path}");
    }
}

/// A form the record cannot fill yet (9-KNĐ, the decision, for someone without one) answers with
/// what is missing, in the page's language and with its field, as `hoso render` says it: the
/// clerk's request lacks data (422), the desk did not fail.
#[test]
fn a_form_the_record_cannot_fill_answers_with_the_missing_field_in_vietnamese() {
    let desk = Desk::start();
    let r = desk.send("GET", "/person/tran-thi-binh/pdf/9-KND", None);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.head.contains("content-type: text/html"), "{}", r.head);
    // The field by the label the page shows, not by its key: the desk speaks the form's words.
    let missing =
        "mẫu 9-KNĐ cần “Quyết định kết nạp (Mẫu 9-KNĐ): Ngày ký (ngày vào Đảng)” mà hồ sơ chưa có";
    assert!(r.body.contains(missing), "{}", r.body);
    assert!(r.body.contains("gợi ý: bổ sung hồ sơ"), "{}", r.body);
    assert!(!r.body.contains("the record lacks"), "{}", r.body);
    assert!(
        !r.body.contains("quyet_dinh_ket_nap") && !r.body.contains('`'),
        "{}",
        r.body
    );
    let svg = desk.send("GET", "/person/tran-thi-binh/preview/9-KND", None);
    assert_eq!(svg.status, 422, "{}", svg.body);
    assert!(svg.body.contains(missing), "{}", svg.body);
}

#[test]
fn the_ceremony_button_prints_that_days_paperwork_beside_the_data() {
    let desk = Desk::start();
    let r = desk.send(
        "POST",
        "/batch",
        Some(("application/x-www-form-urlencoded", "ceremony=2026-03-28")),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let day = desk.ws.file("ban-in/le-ket-nap-2026-03-28");
    assert!(
        std::fs::read(day.join("CT-LKN.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    for id in ["luong-thi-hoa", "vu-quoc-huy"] {
        assert!(
            desk.ws.file(&format!("ban-in/{id}/ho-so.pdf")).exists(),
            "{id}"
        );
    }
    // The records are untouched and the desk still reads them.
    assert_eq!(desk.send("GET", "/", None).status, 200);
}

#[test]
fn the_pages_speak_english_with_lang_en() {
    let ws = TestWorkspace::demo();
    let mut child = hoso()
        .args(["--lang", "en", "serve"])
        .arg(ws.path())
        .arg("--no-open")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let rest = line.trim().strip_prefix("http://127.0.0.1:").unwrap();
    let (port, token) = rest.split_once("/?t=").unwrap();
    let port: u16 = port.parse().unwrap();
    let host = format!("127.0.0.1:{port}");
    let cookie = format!("hoso_desk_{port}={token}");
    let page = request(
        port,
        "GET",
        "/",
        &[("Host", &host), ("Cookie", &cookie)],
        None,
    );
    // The pages and refusals of the record as a whole speak English too.
    let deleted = request(
        port,
        "GET",
        "/deleted",
        &[("Host", &host), ("Cookie", &cookie)],
        None,
    );
    let origin = format!("http://{host}");
    let undo = request(
        port,
        "POST",
        "/person/tran-thi-binh/undo",
        &[("Host", &host), ("Cookie", &cookie), ("Origin", &origin)],
        Some(("application/x-www-form-urlencoded", "")),
    );
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        deleted.body.contains("No record has been deleted."),
        "{}",
        deleted.body
    );
    assert_eq!(undo.status, 409, "{}", undo.body);
    assert!(
        undo.body.contains("Nothing undone") && undo.body.contains("no edit made on this page"),
        "{}",
        undo.body
    );
    assert!(!undo.body.contains("Hoàn tác") && !deleted.body.contains("Khôi phục"));
    assert!(
        page.body.contains("Still lacking for the next step"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Recommended by the branch"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Còn thiếu"));
}

#[test]
fn list_items_are_added_and_removed_through_the_desk() {
    let desk = Desk::start();
    let path = desk.ws.file(BINH);
    let v = desk.version("tran-thi-binh");
    // A fourth family member: the item after the last.
    let r = desk.edit(
        "tran-thi-binh",
        &v,
        "ly_lich.gia_dinh[3].ho_ten",
        Some("Trần Thị Lan"),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json()["version"].as_str().unwrap().to_string();
    let r = desk.edit(
        "tran-thi-binh",
        &v,
        "ly_lich.gia_dinh[3].nam_sinh",
        Some("2001"),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("Trần Thị Lan") && text.contains("2001"),
        "{text}"
    );
    // Past the end: refused, nothing written.
    let v = r.json()["version"].as_str().unwrap().to_string();
    let r = desk.edit("tran-thi-binh", &v, "ly_lich.gia_dinh[9].ho_ten", Some("X"));
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // The younger brother's item removed, with all its lines.
    let r = desk.edit("tran-thi-binh", &v, "ly_lich.gia_dinh[2]", None);
    assert_eq!(r.status, 200, "{}", r.body);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(!after.contains("Trần Văn An") && !after.contains("Kỹ sư cơ khí"));
    assert!(after.contains("Nguyễn Thị Hương") && after.contains("Trần Thị Lan"));
    let page = desk.send("GET", "/person/tran-thi-binh", None);
    assert!(
        page.body
            .contains(r#"data-path="ly_lich.gia_dinh[2].ho_ten" value="Trần Thị Lan""#)
    );
}

/// The headers that tell a browser to run only the desk's own script, in no frame, and to keep
/// no copy: every answer carries them, a refusal too.
fn assert_hardened(answer: &Answer, what: &str) {
    let head = answer.head.to_lowercase();
    for header in [
        "content-security-policy: default-src 'none'",
        "x-frame-options: deny",
        "x-content-type-options: nosniff",
        "referrer-policy: same-origin",
        "cache-control: no-store",
    ] {
        assert!(
            head.contains(header),
            "{what}: no {header} in\n{}",
            answer.head
        );
    }
}

#[test]
fn refusals_carry_the_security_headers_and_the_address_never_leads_off_the_desk() {
    let desk = Desk::start();
    let host = format!("127.0.0.1:{}", desk.port);
    let cookie = desk.cookie();
    let no_token = request(desk.port, "GET", "/", &[("Host", &host)], None);
    assert_eq!(no_token.status, 403);
    assert_hardened(&no_token, "no token");
    let foreign = request(
        desk.port,
        "GET",
        "/",
        &[("Host", "evil.example"), ("Cookie", &cookie)],
        None,
    );
    assert_eq!(foreign.status, 403);
    assert_hardened(&foreign, "foreign Host");
    let null_origin = request(
        desk.port,
        "POST",
        "/new",
        &[("Host", &host), ("Cookie", &cookie), ("Origin", "null")],
        Some((
            "application/x-www-form-urlencoded",
            "ho_ten=X&ngay_sinh=01/01/2000",
        )),
    );
    assert_eq!(null_origin.status, 403);
    assert_hardened(&null_origin, "Origin: null");
    assert_hardened(&desk.send("GET", "/", None), "the branch page");

    // The printed address with a path that a browser reads as another site's.
    for (path, to) in [
        ("//evil.example/", "/evil.example/"),
        ("/\\evil.example/", "/evil.example/"),
        ("///evil.example", "/evil.example"),
        ("/person/tran-thi-binh", "/person/tran-thi-binh"),
    ] {
        let r = request(
            desk.port,
            "GET",
            &format!("{path}?t={}", desk.token),
            &[("Host", &host)],
            None,
        );
        assert_eq!(r.status, 303, "{path}: {r:?}");
        let location = r
            .head
            .lines()
            .find_map(|l| {
                l.to_lowercase()
                    .strip_prefix("location: ")
                    .map(str::to_string)
            })
            .unwrap_or_else(|| panic!("{path}: no Location in {}", r.head));
        assert_eq!(location, to, "{path}");
        assert_hardened(&r, path);
    }
}

#[test]
fn slow_clients_are_cut_off() {
    use std::time::{Duration, Instant};
    let desk = Desk::start();
    let host = format!("127.0.0.1:{}", desk.port);
    let cookie = desk.cookie();
    let origin = desk.origin();
    // Thirty connections that never finish their headers, and one that never finishes the body
    // it announced.
    let mut idle: Vec<TcpStream> = (0..30)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", desk.port)).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHost: ").unwrap();
            s
        })
        .collect();
    let mut slow_body = TcpStream::connect(("127.0.0.1", desk.port)).unwrap();
    let head = format!(
        "POST /new HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nOrigin: {origin}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nho_ten=Slow"
    );
    slow_body.write_all(head.as_bytes()).unwrap();
    let start = Instant::now();
    // Meanwhile the desk serves others.
    assert_eq!(desk.send("GET", "/", None).status, 200);
    for s in idle.iter_mut().chain(std::iter::once(&mut slow_body)) {
        s.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
    }
    let mut answer = String::new();
    slow_body.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    for s in &mut idle {
        let mut rest = Vec::new();
        // Closed by the desk: the read ends (with what the desk said, if anything).
        let _ = s.read_to_end(&mut rest);
    }
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(30),
        "slow clients held their connections for {took:?}"
    );
    assert!(!desk.ws.file("ket-nap/slow.yaml").exists());
}
