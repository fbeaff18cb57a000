//! Windows habits, on every platform: file names as Windows and Notepad make them, names Windows
//! keeps for devices, the first start (`hoso start`, what a double-click on `hoso.exe` does) and
//! the backup. The Windows binary itself is run under Wine by `scripts/windows/smoke`.

use crate::common::{TestWorkspace, hoso};
use crate::desk::request;
use std::io::{BufRead, BufReader};
use std::process::{Output, Stdio};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `validate --format json`: each diagnostic as (file name, code, hint).
fn diagnostics(ws: &TestWorkspace) -> Vec<(String, String, String)> {
    let out = hoso()
        .args(["validate", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap_or_default();
            let name = file.rsplit(['/', '\\']).next().unwrap_or_default();
            let text = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (name.to_string(), text("code"), text("hint"))
        })
        .collect()
}

#[test]
fn windows_file_names_lose_nobody_and_each_wrong_name_is_told_its_fix() {
    let ws = TestWorkspace::demo();
    // A whole record, as Notepad saves it (CRLF): no diagnostic of its own.
    let person = |name: &str| {
        format!(
            "ho_ten: {name}\r\ngioi_tinh: nam\r\nngay_sinh: 01/02/1990\r\nque_quan: Hạ Long\r\n\
             noi_o: Hạ Long\r\ndan_toc: Kinh\r\nton_giao: Không\r\n"
        )
    };
    std::fs::write(ws.file("ket-nap/a.YAML"), person("Hoàng Văn Ánh")).unwrap();
    std::fs::write(ws.file("ket-nap/b.Yml"), person("Bùi Văn Bảo")).unwrap();
    std::fs::write(ws.file("ket-nap/c.yaml.txt"), person("Cao Văn Cường")).unwrap();
    std::fs::write(ws.file("ket-nap/d.yaml.bak"), person("Đỗ Văn Dũng")).unwrap();
    std::fs::write(
        ws.file("ket-nap/Phạm Văn Bình.yaml"),
        person("Phạm Văn Bình"),
    )
    .unwrap();
    // What is not a record at all stays out of the report.
    std::fs::write(ws.file("ket-nap/desktop.ini"), "[.ShellClassInfo]\r\n").unwrap();

    let list = hoso().arg("list").arg(ws.path()).output().unwrap();
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(listed.contains("Hoàng Văn Ánh"), "{listed}");
    assert!(listed.contains("Bùi Văn Bảo"), "{listed}");
    assert!(!listed.contains("Cao Văn Cường"), "{listed}");

    let found = diagnostics(&ws);
    let about = |file: &str| -> Vec<&(String, String, String)> {
        found.iter().filter(|(f, ..)| f == file).collect()
    };
    assert!(about("a.YAML").is_empty(), "{found:?}");
    assert!(about("b.Yml").is_empty(), "{found:?}");
    let c = about("c.yaml.txt");
    assert_eq!(c.len(), 1, "{found:?}");
    assert_eq!(c[0].1, "misnamed-record-file");
    assert!(c[0].2.contains("`c.yaml`"), "{:?}", c[0]);
    let d = about("d.yaml.bak");
    assert!(
        d[0].1 == "misnamed-record-file" && d[0].2.contains("`d.yaml`"),
        "{d:?}"
    );
    let binh = about("Phạm Văn Bình.yaml");
    assert_eq!(binh.len(), 1, "{found:?}");
    assert_eq!(binh[0].1, "invalid-id");
    assert!(binh[0].2.contains("`pham-van-binh.yaml`"), "{:?}", binh[0]);
    assert!(about("desktop.ini").is_empty(), "{found:?}");

    // The human report says the same, in Vietnamese, where the file lies.
    let human = hoso().arg("validate").arg(ws.path()).output().unwrap();
    let text = stderr(&human);
    assert!(text.contains("c.yaml.txt"), "{text}");
    assert!(text.contains("đổi tên tệp thành `c.yaml`"), "{text}");
}

#[test]
fn a_name_windows_keeps_for_a_device_is_refused_as_an_id() {
    let ws = TestWorkspace::demo();
    for id in ["con", "nul", "com1", "lpt9", "aux"] {
        let out = hoso()
            .args(["new", id, "-w"])
            .arg(ws.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{id}");
        assert!(stderr(&out).contains("Windows"), "{}", stderr(&out));
        assert!(!ws.file(&format!("ket-nap/{id}.yaml")).exists());
    }
    // `con-2` is an id like any other.
    let ok = hoso()
        .args(["new", "con-2", "-w"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    // A file already named so (made on Linux) is reported, with no suggestion that is one too.
    std::fs::write(ws.file("ket-nap/nul.yaml"), "ho_ten: A\n").unwrap();
    let found = diagnostics(&ws);
    let nul: Vec<_> = found.iter().filter(|(f, ..)| f == "nul.yaml").collect();
    assert_eq!(nul.len(), 1, "{found:?}");
    assert_eq!(nul[0].1, "invalid-id");
    assert!(!nul[0].2.contains("`nul.yaml`"), "{:?}", nul[0]);
}

#[test]
fn the_first_start_makes_the_workspace_in_documents_and_serves_its_branch_page() {
    let home = tempfile::tempdir().unwrap();
    let mut child = hoso()
        .args(["start", "--no-open"])
        // No XDG folders configured: the Documents folder is ~/Documents.
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env_remove("XDG_DOCUMENTS_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let mut note = String::new();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    // Up to the line that says how to stop (the last one the window shows).
    for _ in 0..10 {
        if err.read_line(&mut note).unwrap() == 0 || note.contains("đóng cửa sổ này") {
            break;
        }
    }
    let root = home.path().join("Documents/hoso");
    let org = std::fs::read_to_string(root.join("to-chuc.yaml"));
    let address = line.trim().to_string();
    let answer = address
        .strip_prefix("http://127.0.0.1:")
        .and_then(|rest| rest.split_once('/'))
        .map(|(port, path)| {
            let host = format!("127.0.0.1:{port}");
            request(
                port.parse().unwrap(),
                "GET",
                &format!("/{path}"),
                &[("Host", &host)],
                None,
            )
        });
    let _ = child.kill();
    let _ = child.wait();

    assert!(
        org.is_ok_and(|t| t.contains("chi_bo:")),
        "no to-chuc.yaml in {}",
        root.display()
    );
    assert!(root.join("ket-nap").is_dir() && root.join("dang-vien").is_dir());
    assert!(note.contains(&root.display().to_string()), "{note}");
    assert!(note.contains("đóng cửa sổ này"), "{note}");
    let answer = answer.unwrap_or_else(|| panic!("the first line is the address: {line:?}"));
    assert!(
        [200, 303].contains(&answer.status),
        "{} {}",
        answer.head,
        answer.body
    );

    // The second start finds it and makes nothing new; a folder of other files is left alone.
    std::fs::write(root.join("ket-nap/x.yaml"), "ho_ten: Lê Văn X\n").unwrap();
    let other = home.path().join("khac");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("thu.docx"), "not a workspace").unwrap();
    let refused = hoso()
        .args(["start", "--no-open"])
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(!other.join("to-chuc.yaml").exists());
    assert!(root.join("ket-nap/x.yaml").exists());
}

#[test]
fn a_backup_is_a_dated_zip_of_the_workspace_beside_it() {
    let ws = TestWorkspace::demo();
    let to = tempfile::tempdir().unwrap();
    let out = hoso()
        .arg("backup")
        .arg(ws.path())
        .arg("--to")
        .arg(to.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let zips: Vec<_> = std::fs::read_dir(to.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(zips.len(), 1, "{zips:?}");
    let name = &zips[0];
    assert!(
        name.contains("-sao-luu-20") && name.ends_with(".zip"),
        "{name}"
    );
    assert!(stderr(&out).contains(name.as_str()), "{}", stderr(&out));
    let file = std::fs::File::open(to.path().join(name)).unwrap();
    let zip = zip::ZipArchive::new(file).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .map(|n| n.expect("a name in the backup").into_owned())
        .collect();
    let folder = ws
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    for wanted in ["to-chuc.yaml", "ket-nap/tran-thi-binh.yaml"] {
        let wanted = format!("{folder}/{wanted}");
        assert!(names.contains(&wanted), "{wanted} not in {names:?}");
    }
}

#[test]
fn an_import_never_makes_a_file_windows_cannot_open() {
    let ws = TestWorkspace::demo();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    // An id typed as a device name is refused; a name that folds to one takes the next number.
    std::fs::write(
        &csv,
        "Mã,Họ và tên,Ngày sinh\r\ncon,Nguyễn Văn Tèo,02/03/1999\r\n,Côn,04/05/1998\r\n",
    )
    .unwrap();
    let out = hoso()
        .args(["--lang", "en", "import"])
        .arg(&csv)
        .arg("-w")
        .arg(ws.path())
        .output()
        .unwrap();
    let text = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("import-invalid-id"), "{text}");
    assert!(!ws.file("ket-nap/con.yaml").exists(), "{text}");
    let made = std::fs::read_to_string(ws.file("ket-nap/con-2.yaml")).unwrap();
    assert!(made.contains("ho_ten: Côn"), "{made}");
}
