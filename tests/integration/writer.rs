//! The workspace's one writer, from the user's side: `import --update` beside a running desk loses
//! no confirmed edit; a Windows file keeps its BOM and CRLF through the desk, import and `cap-so`;
//! a killed write's temporary goes; no write goes through a link; an id is one whatever its
//! file's extension.

use crate::common::{TestWorkspace, hoso};
use crate::desk::Desk;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The value of a top-level key as its line in the file gives it.
fn line_value(text: &str, key: &str) -> Option<String> {
    let prefix = format!("{key}: ");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map(|v| v.trim_end_matches('\r').to_string())
}

/// The candidates of the demo: (id, full name, date of birth).
fn candidates(ws: &Path) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(ws.join("ket-nap")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let name = line_value(&text, "ho_ten").unwrap();
        let born = line_value(&text, "ngay_sinh").unwrap();
        out.push((id, name, born));
    }
    out.sort();
    out
}

/// A list of the candidates, as a clerk exports it, giving each a home town.
fn write_sheet(path: &Path, people: &[(String, String, String)], home: &str) {
    let mut text = String::from("Họ và tên,Ngày sinh,Quê quán\n");
    for (_, name, born) in people {
        text.push_str(&format!("{name},{born},{home}\n"));
    }
    std::fs::write(path, text).unwrap();
}

fn import_update(sheet: &Path, ws: &Path) -> Output {
    hoso()
        .args(["--lang", "en", "import"])
        .arg(sheet)
        .arg("-w")
        .arg(ws)
        .arg("--update")
        .output()
        .unwrap()
}

/// One edit through the desk, as its page makes it, again with the new version while the file
/// changed under it (409); returns once the desk confirmed it (200).
fn confirmed_edit(desk: &Desk, id: &str, path: &str, value: &str) {
    for _ in 0..50 {
        let version = desk.version(id);
        let answer = desk.edit(id, &version, path, Some(value));
        match answer.status {
            200 => return,
            409 => continue,
            other => panic!("{id} {path}: {other} {}", answer.body),
        }
    }
    panic!("{id} {path}: never confirmed");
}

#[test]
fn import_update_beside_desk_edits_loses_no_edit_the_desk_confirmed() {
    let desk = Desk::start();
    let ws = desk.ws.path().to_path_buf();
    let people = candidates(&ws);
    let sheets = tempfile::tempdir().unwrap();
    let rounds = 6;
    let importing = std::sync::atomic::AtomicBool::new(true);
    let confirmed: BTreeMap<(String, &str), String> = std::thread::scope(|s| {
        s.spawn(|| {
            for round in 0..rounds {
                let sheet = sheets.path().join(format!("ds-{round}.csv"));
                write_sheet(&sheet, &people, &format!("Xã Lần {round}"));
                let out = import_update(&sheet, &ws);
                assert!(out.status.success(), "{}", stderr(&out));
                assert!(
                    stderr(&out).contains("0 files created, 5 updated"),
                    "{}",
                    stderr(&out)
                );
            }
            importing.store(false, std::sync::atomic::Ordering::SeqCst);
        });
        // Two tabs of the desk, each changing its own field of every candidate, for as long as
        // the imports run (and at least twice round).
        let tabs: Vec<_> = [("nghe_nghiep", "Nghề"), ("noi_lam_viec", "Nơi")]
            .into_iter()
            .map(|(field, word)| {
                let (desk, people, importing) = (&desk, &people, &importing);
                s.spawn(move || {
                    let mut last = BTreeMap::new();
                    let mut n = 0;
                    while n < 2 * people.len()
                        || importing.load(std::sync::atomic::Ordering::SeqCst)
                    {
                        let (id, _, _) = &people[n % people.len()];
                        let value = format!("{word} {n}");
                        confirmed_edit(desk, id, field, &value);
                        last.insert((id.clone(), field), value);
                        n += 1;
                    }
                    last
                })
            })
            .collect();
        tabs.into_iter().flat_map(|t| t.join().unwrap()).collect()
    });
    assert!(confirmed.len() == 2 * people.len());
    for ((id, field), value) in &confirmed {
        let text = std::fs::read_to_string(ws.join(format!("ket-nap/{id}.yaml"))).unwrap();
        assert_eq!(
            line_value(&text, field).as_deref(),
            Some(value.as_str()),
            "{id}: the desk confirmed `{field}: {value}`"
        );
        // And the last import is there too.
        assert_eq!(
            line_value(&text, "que_quan").as_deref(),
            Some(format!("Xã Lần {}", rounds - 1).as_str()),
            "{id}"
        );
    }
}

/// Every line break of the file is CRLF, and it starts with a BOM.
fn assert_windows_shape(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with('\u{feff}'), "{}: BOM lost", path.display());
    for (n, line) in text.split_inclusive('\n').enumerate() {
        assert!(
            line.ends_with("\r\n"),
            "{} line {}: {line:?} is not CRLF",
            path.display(),
            n + 1
        );
    }
}

fn to_windows(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
}

#[test]
fn a_notepad_file_keeps_its_bom_and_crlf_through_the_desk_import_and_cap_so() {
    let ws = TestWorkspace::demo();
    // The register without the number of Trần Thị Bình's 6-KNĐ, for `cap-so` to give.
    let org = ws.file("to-chuc.yaml");
    let text = std::fs::read_to_string(&org).unwrap();
    let cut = text.find("  - so: 5\n").unwrap();
    std::fs::write(&org, &text[..cut]).unwrap();
    let person = ws.file("ket-nap/tran-thi-binh.yaml");
    to_windows(&person);
    to_windows(&org);
    let desk = Desk::start_on(ws);
    // The desk changes a value, adds a key, adds a key under a new block, and writes lines.
    let version = desk.version("tran-thi-binh");
    let r = desk.edit("tran-thi-binh", &version, "nghe_nghiep", Some("Kế toán"));
    assert_eq!(r.status, 200, "{}", r.body);
    for (path, value) in [
        ("bi_danh", "Bình"),
        ("le_ket_nap.ngay", "20/11/2026"),
        ("tu_kiem_diem.uu_diem", "Dòng một\nDòng hai"),
        // Where a `|` block was: a block again.
        ("don_xin_vao_dang.noi_dung", "Xin vào Đảng.\nLần hai."),
    ] {
        let version = desk.version("tran-thi-binh");
        let r = desk.edit("tran-thi-binh", &version, path, Some(value));
        assert_eq!(r.status, 200, "{path}: {}", r.body);
    }
    assert_windows_shape(&person);
    let text = std::fs::read_to_string(&person).unwrap();
    assert!(
        text.contains("le_ket_nap:\r\n  ngay: 20/11/2026\r\n"),
        "{text}"
    );
    assert!(
        text.contains("tu_kiem_diem:\r\n  uu_diem: |-\r\n    Dòng một\r\n    Dòng hai\r\n"),
        "{text}"
    );
    assert!(
        text.contains("  noi_dung: |-\r\n    Xin vào Đảng.\r\n    Lần hai.\r\n"),
        "{text}"
    );
    // Clearing the one value of a block takes the block away.
    let version = desk.version("tran-thi-binh");
    let r = desk.edit("tran-thi-binh", &version, "le_ket_nap.ngay", None);
    assert_eq!(r.status, 200, "{}", r.body);
    let text = std::fs::read_to_string(&person).unwrap();
    assert!(!text.contains("le_ket_nap"), "{text}");
    // import --update, adding a key the file does not have.
    let sheets = tempfile::tempdir().unwrap();
    let sheet = sheets.path().join("ds.csv");
    std::fs::write(
        &sheet,
        "Họ và tên,Ngày sinh,Quê quán,Nơi ở\nTrần Thị Bình,12/08/1994,Xã Mới,Tổ 9\n",
    )
    .unwrap();
    let out = import_update(&sheet, desk.ws.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 updated"), "{}", stderr(&out));
    assert_windows_shape(&person);
    let text = std::fs::read_to_string(&person).unwrap();
    assert!(text.contains("que_quan: Xã Mới\r\n"), "{text}");
    // cap-so appends to the register.
    let out = hoso()
        .args(["--lang", "en", "cap-so", "6-KNĐ", "tran-thi-binh", "-w"])
        .arg(desk.ws.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_windows_shape(&desk.ws.file("to-chuc.yaml"));
    let register = std::fs::read_to_string(desk.ws.file("to-chuc.yaml")).unwrap();
    assert!(
        register.contains("    nguoi: tran-thi-binh\r\n"),
        "{register}"
    );
    // And both files still read.
    let out = hoso()
        .args(["--lang", "en", "validate"])
        .arg(desk.ws.path())
        .output()
        .unwrap();
    for broken in ["yaml-syntax", "file-unreadable"] {
        assert!(!stderr(&out).contains(broken), "{}", stderr(&out));
    }
}

#[test]
fn the_temporary_of_a_killed_write_is_gone_after_the_next_write() {
    let desk = Desk::start();
    // What a desk killed between writing and renaming leaves: a whole copy of a record.
    let left = desk.ws.file("ket-nap/.hoso-Ab12Cd.tmp");
    std::fs::copy(desk.ws.file("ket-nap/tran-thi-binh.yaml"), &left).unwrap();
    let version = desk.version("vu-quoc-huy");
    let r = desk.edit("vu-quoc-huy", &version, "nghe_nghiep", Some("Giáo viên"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(!left.exists(), "the temporary is still there");
    // The same for `hoso new`, in the other folder.
    let left = desk.ws.file("dang-vien/.hoso-Zz99Yy.tmp");
    std::fs::write(&left, "ho_ten: nửa").unwrap();
    let out = hoso()
        .args(["new", "nguoi-moi", "-w"])
        .arg(desk.ws.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!left.exists(), "the temporary is still there");
    let leftovers: Vec<_> = walkdir::WalkDir::new(desk.ws.path())
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn no_write_goes_through_a_link_to_another_file_of_the_workspace() {
    let ws = TestWorkspace::demo();
    // A person's file that is a link to the organisation's: not a person at all.
    std::os::unix::fs::symlink("../to-chuc.yaml", ws.file("ket-nap/lien-ket.yaml")).unwrap();
    // A person's file that is a link to another person's: loaded, never written through.
    std::os::unix::fs::symlink("tran-thi-binh.yaml", ws.file("ket-nap/ban-sao.yaml")).unwrap();
    let org = std::fs::read(ws.file("to-chuc.yaml")).unwrap();
    let binh = std::fs::read(ws.file("ket-nap/tran-thi-binh.yaml")).unwrap();
    let out = hoso()
        .args(["validate", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let refused = found
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "not-a-record-file" && d.to_string().contains("lien-ket.yaml"));
    assert!(refused, "{found}");
    let desk = Desk::start_on(ws);
    // An edit of it, even with the version of `to-chuc.yaml`'s bytes, changes nothing.
    let digest = <sha2::Sha256 as sha2::Digest>::digest(&org);
    let org_version: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    let r = desk.edit("lien-ket", &org_version, "chi_bo", Some("Chi bộ khác"));
    assert_ne!(r.status, 200, "{}", r.body);
    let version = desk.version("ban-sao");
    let r = desk.edit("ban-sao", &version, "que_quan", Some("Nơi khác"));
    assert_eq!(r.status, 409, "{}", r.body);
    let message = r.json()["message"].as_str().unwrap_or_default().to_string();
    assert!(message.contains("liên kết"), "{message}");
    assert!(message.contains("tran-thi-binh.yaml"), "{message}");
    assert_eq!(std::fs::read(desk.ws.file("to-chuc.yaml")).unwrap(), org);
    assert_eq!(
        std::fs::read(desk.ws.file("ket-nap/tran-thi-binh.yaml")).unwrap(),
        binh
    );
}

#[test]
fn an_id_is_one_whatever_its_files_extension() {
    let ws = TestWorkspace::demo();
    std::fs::write(ws.file("ket-nap/abc.yml"), "ho_ten: Nguyễn Văn Abc\n").unwrap();
    for extra in [&[][..], &["--dang-vien"][..]] {
        let out = hoso()
            .args(["--lang", "en", "new", "abc", "-w"])
            .arg(ws.path())
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("abc.yml"), "{}", stderr(&out));
    }
    assert!(!ws.file("ket-nap/abc.yaml").exists());
    assert!(!ws.file("dang-vien/abc.yaml").exists());
    // The desk's new person of a name whose id a `.yml` file has gets the next one.
    std::fs::write(ws.file("ket-nap/le-van-an.YML"), "ho_ten: Lê Văn An\n").unwrap();
    let desk = Desk::start_on(ws);
    let r = desk.send(
        "POST",
        "/new",
        Some((
            "application/x-www-form-urlencoded",
            "ho_ten=L%C3%AA+V%C4%83n+An&ngay_sinh=01%2F02%2F2000",
        )),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.head.contains("/person/le-van-an-2"), "{}", r.head);
    assert!(desk.ws.file("ket-nap/le-van-an-2.yaml").exists());
    assert!(!desk.ws.file("ket-nap/le-van-an.yaml").exists());
}
