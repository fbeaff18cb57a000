//! Nothing a clerk types, copies or runs twice loses a document, stales it, or overwrites an
//! input: one regression test per defect found by trying hoso as a clumsy user and an attacker
//! would, each named after what it protects.

use crate::common::{TestWorkspace, hoso, measured};
use std::path::Path;
use std::process::Output;

fn run(cmd: &mut std::process::Command) -> Output {
    cmd.output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes the workspace's own form template `name` (`templates/forms/<name>`).
fn own_template(ws: &TestWorkspace, name: &str, text: &str) {
    std::fs::create_dir_all(ws.file("templates/forms")).unwrap();
    std::fs::write(ws.file(&format!("templates/forms/{name}")), text).unwrap();
}

/// The demo's register without the numbers of three resolutions of this term, which `cap-so`
/// can then give again.
fn without_three_numbers(ws: &TestWorkspace) -> String {
    let path = ws.file("to-chuc.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut kept = Vec::new();
    let mut skip = false;
    for line in text.lines() {
        if line.starts_with("  - so: ") {
            skip = matches!(line, "  - so: 3" | "  - so: 4" | "  - so: 5");
        } else if !line.starts_with("    ") {
            skip = false;
        }
        if !skip {
            kept.push(line);
        }
    }
    let text = kept.join("\n") + "\n";
    std::fs::write(&path, &text).unwrap();
    text
}

#[test]
fn three_cap_so_at_once_never_give_one_number_twice_or_lose_an_entry() {
    let ws = TestWorkspace::demo();
    let start = without_three_numbers(&ws);
    let jobs = [
        ("6-KNĐ", "tran-thi-binh"),
        ("6-KNĐ", "luong-thi-hoa"),
        ("6-KNĐ", "vu-quoc-huy"),
    ];
    for round in 0..40 {
        std::fs::write(ws.file("to-chuc.yaml"), &start).unwrap();
        let children: Vec<_> = jobs
            .iter()
            .map(|(form, id)| {
                hoso()
                    .args(["cap-so", form, id, "-w"])
                    .arg(ws.path())
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut numbers: Vec<String> = children
            .into_iter()
            .map(|c| {
                let out = c.wait_with_output().unwrap();
                assert!(out.status.success(), "round {round}: {}", stderr(&out));
                String::from_utf8(out.stdout).unwrap().trim().to_string()
            })
            .collect();
        numbers.sort();
        let mut distinct = numbers.clone();
        distinct.dedup();
        assert_eq!(numbers, distinct, "round {round}: a number given twice");
        let register = std::fs::read_to_string(ws.file("to-chuc.yaml")).unwrap();
        for (form, id) in jobs {
            assert!(
                register.contains(&format!("mau: {form}\n    nguoi: {id}\n")),
                "round {round}: the entry of {form} {id} was lost:\n{register}"
            );
        }
    }
    // And what the register now holds validates: no number twice in the term.
    let out = run(hoso().arg("validate").arg(ws.path()));
    assert!(out.status.success(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_linked_register_is_updated_through_its_link() {
    let ws = TestWorkspace::demo();
    without_three_numbers(&ws);
    let shared = tempfile::tempdir().unwrap();
    let real = shared.path().join("to-chuc.yaml");
    std::fs::rename(ws.file("to-chuc.yaml"), &real).unwrap();
    std::os::unix::fs::symlink(&real, ws.file("to-chuc.yaml")).unwrap();
    let out = run(hoso()
        .args(["cap-so", "6-KNĐ", "tran-thi-binh", "-w"])
        .arg(ws.path()));
    assert!(out.status.success(), "{}", stderr(&out));
    let link = std::fs::symlink_metadata(ws.file("to-chuc.yaml")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a copy"
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.contains("nguoi: tran-thi-binh"), "{text}");
}

#[test]
fn a_killed_run_leaves_no_temporary_file_in_the_workspace() {
    let ws = TestWorkspace::demo();
    without_three_numbers(&ws);
    // What a `cap-so` killed between writing and renaming leaves behind, a while ago.
    let left = ws.file(".hoso-Ab12Cd.tmp");
    std::fs::write(&left, "so_van_ban: [half").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&left)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let out = run(hoso()
        .args(["cap-so", "6-KNĐ", "tran-thi-binh", "-w"])
        .arg(ws.path()));
    assert!(out.status.success(), "{}", stderr(&out));
    let temporaries: Vec<_> = std::fs::read_dir(ws.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(temporaries.is_empty(), "{temporaries:?}");
}

#[test]
fn outputs_never_replace_an_input_or_what_is_not_a_regular_file() {
    let ws = TestWorkspace::demo();
    let org = std::fs::read(ws.file("to-chuc.yaml")).unwrap();
    let person = std::fs::read(ws.file("ket-nap/tran-thi-binh.yaml")).unwrap();
    let w = ws.path().to_str().unwrap().to_string();
    let at = |rel: &str| ws.file(rel).to_str().unwrap().to_string();
    let refused: Vec<Vec<String>> = vec![
        // The register turned into a PDF.
        vec![
            "render",
            "6-KNĐ",
            "tran-thi-binh",
            "-w",
            &w,
            "-o",
            &at("to-chuc.yaml"),
        ],
        // A PDF into the records' folder.
        vec![
            "render",
            "6-KNĐ",
            "tran-thi-binh",
            "-w",
            &w,
            "-o",
            &at("ket-nap/x.pdf"),
        ],
        vec![
            "render",
            "6-KNĐ",
            "tran-thi-binh",
            "-w",
            &w,
            "-o",
            &at("out/6.pdf"),
            "--typst",
            &at("ket-nap/tran-thi-binh.yaml"),
        ],
        vec![
            "dossier",
            "tran-thi-binh",
            "-w",
            &w,
            "-o",
            &at("ket-nap/tran-thi-binh.yaml"),
        ],
        vec!["due", &w, "--ics", &at("to-chuc.yaml")],
        vec!["batch", &w, "-o", &w],
        vec!["batch", &w, "-o", &at("ket-nap")],
        // Replacing a device (as root, a rename would replace /dev/null itself).
        vec![
            "render",
            "6-KNĐ",
            "tran-thi-binh",
            "-w",
            &w,
            "-o",
            "/dev/null",
        ],
    ]
    .into_iter()
    .map(|v| v.into_iter().map(String::from).collect())
    .collect();
    for args in &refused {
        let out = run(hoso().args(args));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("lỗi: không ghi"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(std::fs::read(ws.file("to-chuc.yaml")).unwrap(), org);
    assert_eq!(
        std::fs::read(ws.file("ket-nap/tran-thi-binh.yaml")).unwrap(),
        person
    );
    assert!(!ws.file("ket-nap/x.pdf").exists());
    // In English too, with what to do.
    let out = run(hoso().args(["--lang", "en"]).args(&refused[0]));
    assert_eq!(
        stderr(&out),
        format!(
            "error: `{}` not written: the output must end in .pdf\nhint: write the output to a new file, outside `to-chuc.yaml`, `bao-cao.yaml`, `dang-vien/`, `ket-nap/` and `templates/`\n",
            at("to-chuc.yaml")
        )
    );
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_not_followed_or_replaced() {
    let ws = TestWorkspace::demo();
    let link = ws.file("out.pdf");
    std::os::unix::fs::symlink(ws.file("to-chuc.yaml"), &link).unwrap();
    let before = std::fs::read(ws.file("to-chuc.yaml")).unwrap();
    let out = run(&mut crate::common::render_cmd(
        &ws,
        "6-KNĐ",
        Some("tran-thi-binh"),
        &link,
    ));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(ws.file("to-chuc.yaml")).unwrap(), before);
}

/// The batch's change check must see every file the loader reads: a `.yml` file, a file in a
/// subfolder, and the people named in a person's documents through a shared decision.
#[test]
fn an_edit_anywhere_a_form_reads_redoes_exactly_the_people_it_shows() {
    let ws = TestWorkspace::demo();
    // A person kept as `.yml` in a subfolder of `ket-nap/`.
    std::fs::create_dir_all(ws.file("ket-nap/nam-2026")).unwrap();
    std::fs::rename(
        ws.file("ket-nap/dang-van-khoa.yaml"),
        ws.file("ket-nap/nam-2026/dang-van-khoa.yml"),
    )
    .unwrap();
    let out = ws.file("out");
    let batch = || {
        let r = run(hoso()
            .arg("batch")
            .arg(ws.path())
            .arg("-o")
            .arg(&out)
            .args(["--format", "json"]));
        let report: serde_json::Value =
            serde_json::from_slice(&r.stdout).unwrap_or_else(|_| panic!("{}", stderr(&r)));
        let mut done: Vec<String> = report["nguoi"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["ket_qua"] == "done")
            .map(|p| p["id"].as_str().unwrap().to_string())
            .collect();
        done.sort();
        done
    };
    assert_eq!(batch().len(), 5);
    assert!(batch().is_empty(), "nothing changed, nothing redone");
    let edit = |rel: &str, from: &str, to: &str| ws.edit(rel, from, to);
    edit(
        "ket-nap/nam-2026/dang-van-khoa.yml",
        "ho_ten: Đặng Văn Khoa",
        "ho_ten: Đặng Văn Khoa Anh",
    );
    assert_eq!(batch(), ["dang-van-khoa"]);
    // Vũ Quốc Huy is named in the decision 125-QĐ/ĐU and at the ceremony of Lương Thị Hoa.
    edit(
        "ket-nap/vu-quoc-huy.yaml",
        "ho_ten: Vũ Quốc Huy",
        "ho_ten: Vũ Quốc Hùng",
    );
    assert_eq!(batch(), ["luong-thi-hoa", "vu-quoc-huy"]);
    let text = crate::common::pdf_text(&out.join("luong-thi-hoa/9-KND.pdf"));
    assert!(text.contains("Vũ Quốc Hùng"), "{text}");
}

#[test]
fn numbers_that_bound_work_are_bounded() {
    let ws = TestWorkspace::demo();
    for args in [
        vec!["batch", "-o", "x", "--jobs", "5000"],
        vec!["init", "big", "--people", "100000000"],
    ] {
        let out = run(hoso().current_dir(ws.path()).args(&args));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    assert!(!Path::new(&ws.file("big")).exists());
}

/// `validate --format json` of a workspace: (exit code, `code@line:column` of each diagnostic).
fn diagnostics(ws: &TestWorkspace) -> (Option<i32>, Vec<String>) {
    let out = run(hoso().args(["validate", "--format", "json"]).arg(ws.path()));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}@{}:{}",
                d["code"].as_str().unwrap(),
                d["line"],
                d["column"]
            )
        })
        .collect();
    (out.status.code(), found)
}

#[test]
fn a_margin_beyond_reason_is_an_error_not_a_crash() {
    let ws = TestWorkspace::demo();
    ws.edit("to-chuc.yaml", "  trai: 30", "  trai: 1e308");
    assert_eq!(
        diagnostics(&ws),
        (Some(1), vec!["number-out-of-range@14:9".to_string()])
    );
    let out = run(&mut crate::common::render_cmd(
        &ws,
        "6-KNĐ",
        Some("tran-thi-binh"),
        &ws.file("6.pdf"),
    ));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("le_trang.trai"), "{}", stderr(&out));
}

#[test]
fn a_count_that_would_wrap_is_that_persons_error_and_the_others_go_on() {
    let ws = TestWorkspace::demo();
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "    chinh_thuc: 13",
        "    chinh_thuc: 4294967295",
    );
    let (code, found) = diagnostics(&ws);
    assert_eq!(code, Some(1));
    assert!(
        found.iter().any(|d| d.starts_with("number-out-of-range@")),
        "{found:?}"
    );
    let out = run(hoso()
        .arg("batch")
        .arg(ws.path())
        .arg("-o")
        .arg(ws.file("out")));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("4 xong, 1 lỗi"), "{}", stderr(&out));
}

#[test]
fn a_name_piled_with_marks_is_that_persons_error_and_costs_nothing() {
    let ws = TestWorkspace::demo();
    let pile = format!("Trần{}", "\u{301}".repeat(2000));
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "ho_ten: Trần Thị Bình",
        &format!("ho_ten: {pile}"),
    );
    let (code, found) = diagnostics(&ws);
    assert_eq!(
        (code, found),
        (Some(1), vec!["too-many-marks@2:9".to_string()])
    );
    let out = run(hoso()
        .arg("batch")
        .arg(ws.path())
        .arg("-o")
        .arg(ws.file("out")));
    assert!(stderr(&out).contains("4 xong, 1 lỗi"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_template_override_that_links_out_of_the_workspace_is_never_read() {
    let ws = TestWorkspace::demo();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("id_ed25519");
    std::fs::write(&secret, "BÍ MẬT -----BEGIN OPENSSH PRIVATE KEY-----").unwrap();
    std::fs::create_dir_all(ws.file("templates/forms")).unwrap();
    std::os::unix::fs::symlink(&secret, ws.file("templates/forms/6-knd.typ.j2")).unwrap();
    let pdf = ws.file("6.pdf");
    let out = run(&mut crate::common::render_cmd(
        &ws,
        "6-KNĐ",
        Some("tran-thi-binh"),
        &pdf,
    ));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("không đọc mẫu in"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("BÍ MẬT"));
    assert!(!pdf.exists());
    // A link that stays inside the workspace is the clerk's own arrangement, and is read.
    std::fs::remove_file(ws.file("templates/forms/6-knd.typ.j2")).unwrap();
    std::fs::create_dir_all(ws.file("mau-rieng")).unwrap();
    let own = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/forms/6-knd.typ.j2"),
    )
    .unwrap()
    .replacen(
        "trich-yeu: [đề nghị kết nạp đảng viên]",
        "trich-yeu: [đề nghị kết nạp đảng viên RIÊNG]",
        1,
    );
    std::fs::write(ws.file("mau-rieng/6.j2"), own).unwrap();
    std::os::unix::fs::symlink(
        "../../mau-rieng/6.j2",
        ws.file("templates/forms/6-knd.typ.j2"),
    )
    .unwrap();
    let out = run(&mut crate::common::render_cmd(
        &ws,
        "6-KNĐ",
        Some("tran-thi-binh"),
        &pdf,
    ));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(crate::common::pdf_text(&pdf).contains("RIÊNG"));
}

#[test]
fn a_template_that_never_ends_stops_with_an_error_for_that_document() {
    let ws = TestWorkspace::demo();
    own_template(
        &ws,
        "6-knd.typ.j2",
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
    );
    let started = std::time::Instant::now();
    let out = run(&mut crate::common::render_cmd(
        &ws,
        "6-KNĐ",
        Some("tran-thi-binh"),
        &ws.file("6.pdf"),
    ));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("forms/6-knd.typ.j2"),
        "{}",
        stderr(&out)
    );
    // Bounded: it is stopped, not left to run (a generous bound for a slow machine).
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

/// Typst code of the workspace's own that never ends, or that takes all memory, is stopped with an
/// error for that document, within the bounds (`HOSO_TYPESET_SECONDS`, `HOSO_TYPESET_MEMORY_MB`);
/// the other forms of the same workspace are typeset as usual.
#[test]
fn typst_code_of_the_workspace_that_never_ends_or_fills_memory_is_stopped() {
    let ws = TestWorkspace::demo();
    // Ten billion iterations: hours, were it not stopped.
    own_template(
        &ws,
        "6-knd.typ.j2",
        "#for i in range(100000) { for j in range(100000) { } }\nXong.\n",
    );
    // An array of two billion numbers: tens of gigabytes, were it not stopped.
    own_template(
        &ws,
        "3-knd.typ.j2",
        "#let a = range(2000000000)\n#a.len()\n",
    );
    let typeset = |form: &str, person: &str, seconds: &str| {
        let mut cmd = crate::common::render_cmd(&ws, form, Some(person), &ws.file("x.pdf"));
        cmd.env("HOSO_TYPESET_SECONDS", seconds)
            .env("HOSO_TYPESET_MEMORY_MB", "512");
        let started = std::time::Instant::now();
        let out = run(&mut cmd);
        (out, started.elapsed())
    };
    let (out, took) = typeset("6-KNĐ", "tran-thi-binh", "3");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("quá 3 giây"), "{}", stderr(&out));
    assert!(took < std::time::Duration::from_secs(30), "{took:?}");
    // The array grows by some 200 MB a second here: stopped at 512 MB, long before 60 s.
    let (out, took) = typeset("3-KNĐ", "dang-van-khoa", "60");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("512 MB"), "{}", stderr(&out));
    assert!(took < std::time::Duration::from_secs(50), "{took:?}");
    let (out, _) = typeset("5-KNĐ", "tran-thi-binh", "60");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(crate::common::pdf_text(&ws.file("x.pdf")).contains("TỔNG HỢP"));
}

/// A file name is an id only when it is a slug: one named `...yaml` would write outside the
/// output folder, a line break would inject lines into the calendar, an escape would reach the
/// terminal. Each such file is that file's error; the others go on.
#[test]
fn a_file_name_that_is_not_an_id_is_that_files_error() {
    let ws = TestWorkspace::demo();
    let khoa = std::fs::read_to_string(ws.file("ket-nap/dang-van-khoa.yaml")).unwrap();
    std::fs::write(ws.file("ket-nap/....yaml"), &khoa).unwrap();
    std::fs::write(ws.file("ket-nap/a\nEND:VCALENDAR.yaml"), &khoa).unwrap();
    std::fs::write(ws.file("ket-nap/x\u{1b}[2J.yaml"), &khoa).unwrap();
    let (code, found) = diagnostics(&ws);
    assert_eq!(code, Some(1));
    assert_eq!(
        found
            .iter()
            .filter(|d| d.starts_with("invalid-id@1:1"))
            .count(),
        3,
        "{found:?}"
    );
    let list = run(hoso().arg("list").arg(ws.path()));
    let text = String::from_utf8(list.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains("END:VCALENDAR"),
        "{text}"
    );
    let human = run(hoso().arg("validate").arg(ws.path()));
    assert!(!String::from_utf8_lossy(&human.stdout).contains('\u{1b}'));
    assert!(!stderr(&human).contains('\u{1b}'), "{}", stderr(&human));
    let out = ws.file("out");
    let batch = run(hoso().arg("batch").arg(ws.path()).arg("-o").arg(&out));
    assert!(stderr(&batch).contains("5 xong"), "{}", stderr(&batch));
    assert!(!ws.file("ho-so.pdf").exists() && !out.join("ho-so.pdf").exists());
    let ics = ws.file("han.ics");
    run(hoso()
        .args(["due", "--on", "01/01/2026", "--within", "3650", "--ics"])
        .arg(&ics)
        .arg(ws.path()));
    assert!(!std::fs::read_to_string(&ics).unwrap().contains("a\nEND"));
}

#[cfg(unix)]
#[test]
fn an_article_template_that_links_out_of_the_workspace_is_never_read() {
    let ws = TestWorkspace::demo();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md.j2");
    std::fs::write(&secret, "BÍ MẬT").unwrap();
    std::fs::create_dir_all(ws.file("templates/bulletin")).unwrap();
    std::os::unix::fs::symlink(&secret, ws.file("templates/bulletin/tin-ngan.md.j2")).unwrap();
    let md = ws.file("bai.md");
    let out = run(hoso()
        .arg("bulletin")
        .arg(ws.path())
        .args(["--from", "01/01/2026", "--to", "31/12/2026", "-o"])
        .arg(&md));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("không đọc mẫu bài viết"),
        "{}",
        stderr(&out)
    );
    assert!(!md.exists());
}

/// A file that is not UTF-8, not readable, a folder named like a record, or a link that loops or
/// leads out of the workspace: each is reported as that place's problem, and everyone else is
/// still checked and produced.
#[test]
fn a_broken_file_is_that_files_problem_and_everyone_else_goes_on() {
    let ws = TestWorkspace::demo();
    // UTF-16, as some editors save, and Windows-1258 (old Vietnamese code page).
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("ho_ten: Hà\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(ws.file("ket-nap/nguyen-utf16.yaml"), utf16).unwrap();
    std::fs::write(
        ws.file("ket-nap/nguyen-cp1258.yaml"),
        b"ho_ten: H\xe0 N\xf4i\n",
    )
    .unwrap();
    std::fs::create_dir_all(ws.file("ket-nap/thu-muc.yaml")).unwrap();
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("x.yaml"), "ho_ten: X\n").unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("x.yaml"),
            ws.file("ket-nap/lien-ket.yaml"),
        )
        .unwrap();
        std::os::unix::fs::symlink("vong.yaml", ws.file("ket-nap/vong.yaml")).unwrap();
    }
    let (code, found) = diagnostics(&ws);
    assert_eq!(code, Some(1));
    let count = |code: &str| found.iter().filter(|d| d.starts_with(code)).count();
    assert_eq!(count("file-unreadable@1:1"), 2, "{found:?}");
    assert!(count("not-a-record-file@1:1") >= 2, "{found:?}");
    let human = run(hoso().arg("validate").arg(ws.path()));
    let text = stderr(&human);
    assert!(text.contains("UTF-16"), "{text}");
    assert!(text.contains("lưu lại với bảng mã UTF-8"), "{text}");
    let batch = run(hoso()
        .arg("batch")
        .arg(ws.path())
        .arg("-o")
        .arg(ws.file("out")));
    assert!(stderr(&batch).contains("5 xong"), "{}", stderr(&batch));
}

/// A file far larger than any record (a scan or a video saved as `.yaml` by mistake) is that
/// file's error, refused before it is read whole; every other record is checked as ever.
#[test]
fn a_huge_file_among_the_records_is_refused_without_reading_it_whole() {
    let ws = TestWorkspace::demo();
    let huge = ws.file("ket-nap/ban-scan.yaml");
    let file = std::fs::File::create(&huge).unwrap();
    // Sparse: 2 GB on the disk's books, nothing written.
    file.set_len(2 << 30).unwrap();
    let (out, peak) = measured(&[
        "--lang".as_ref(),
        "vi".as_ref(),
        "validate".as_ref(),
        ws.path().as_os_str(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("ban-scan.yaml"), "{err}");
    assert!(err.contains("lớn hơn 16 MB"), "{err}");
    // The others were checked: the demo's own people are named in nothing but their own lines.
    assert!(!err.contains("tran-thi-binh.yaml"), "{err}");
    assert!(peak < 200_000, "{peak} kB at the peak");
}
