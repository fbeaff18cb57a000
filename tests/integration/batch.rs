//! `hoso batch` as a clerk runs it: every dossier, the same bytes whatever the number of jobs,
//! only what changed redone, one broken record reported while the others are produced.

use crate::common::{TestWorkspace, hoso};
use std::collections::BTreeMap;
use std::path::Path;

fn batch(ws: &TestWorkspace, out: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let r = hoso()
        .arg("batch")
        .arg(ws.path())
        .arg("-o")
        .arg(out)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&r.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&r.stderr)));
    (r.status.code().unwrap(), report)
}

/// Every file under `dir` (relative path → bytes).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn outcome(report: &serde_json::Value, id: &str) -> String {
    report["nguoi"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .map(|p| p["ket_qua"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("{id} not in {report}"))
}

#[test]
fn the_same_bytes_with_one_or_two_jobs_and_across_runs() {
    let ws = TestWorkspace::demo();
    let one = ws.file("out1");
    let two = ws.file("out2");
    let (code, report) = batch(&ws, &one, &["--jobs", "1"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["xong"], 5, "{report}");
    let (code, _) = batch(&ws, &two, &["--jobs", "2"]);
    assert_eq!(code, 0);
    let a = tree(&one);
    let b = tree(&two);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs between --jobs 1 and --jobs 2"
        );
    }
    assert!(a.contains_key("ngo-thi-mai/ho-so.pdf") && a.contains_key("ngo-thi-mai/16-KND.pdf"));
    // A second run into a fresh folder gives the same bytes again.
    let three = ws.file("out3");
    batch(&ws, &three, &["--jobs", "2"]);
    assert_eq!(tree(&three), a);
}

#[test]
fn a_rerun_redoes_only_the_person_who_changed() {
    let ws = TestWorkspace::demo();
    let out = ws.file("out");
    let (_, first) = batch(&ws, &out, &[]);
    assert_eq!(first["xong"], 5);
    let (_, again) = batch(&ws, &out, &[]);
    assert_eq!(
        (again["xong"].as_u64(), again["bo_qua"].as_u64()),
        (Some(0), Some(5))
    );
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "nghe_nghiep: Viên chức",
        "nghe_nghiep: Viên chức kế toán",
    );
    let (_, after) = batch(&ws, &out, &[]);
    assert_eq!(outcome(&after, "tran-thi-binh"), "done");
    assert_eq!(
        (after["xong"].as_u64(), after["bo_qua"].as_u64()),
        (Some(1), Some(4)),
        "{after}"
    );
    // A deleted output is made again, and --force redoes everyone.
    std::fs::remove_file(out.join("vu-quoc-huy/ho-so.pdf")).unwrap();
    let (_, repaired) = batch(&ws, &out, &[]);
    assert_eq!(outcome(&repaired, "vu-quoc-huy"), "done");
    // So is one cut short (what a power failure can leave, since a batch does not wait for the
    // disk), and a list of outputs that lost its last line.
    let form = std::fs::read_dir(out.join("tran-thi-binh"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf") && !p.ends_with("ho-so.pdf"))
        .unwrap();
    std::fs::write(&form, b"").unwrap();
    let list = out.join("vu-quoc-huy/.hoso-inputs");
    let text = std::fs::read_to_string(&list).unwrap();
    std::fs::write(&list, &text[..text.trim_end().rfind('\n').unwrap() + 1]).unwrap();
    let (_, repaired) = batch(&ws, &out, &[]);
    assert_eq!(
        (
            outcome(&repaired, "tran-thi-binh"),
            outcome(&repaired, "vu-quoc-huy"),
            repaired["xong"].as_u64()
        ),
        ("done".into(), "done".into(), Some(2)),
        "{repaired}"
    );
    assert!(std::fs::metadata(&form).unwrap().len() > 1000);
    let (_, forced) = batch(&ws, &out, &["--force"]);
    assert_eq!(forced["xong"], 5);
}

#[test]
fn a_broken_record_is_named_and_the_others_are_produced() {
    let ws = TestWorkspace::demo();
    ws.edit(
        "ket-nap/dang-van-khoa.yaml",
        "ho_ten: Đặng Văn Khoa",
        "ho_ten: [Đặng Văn Khoa",
    );
    let out = ws.file("out");
    let (code, report) = batch(&ws, &out, &[]);
    assert_eq!(code, 1);
    assert_eq!(outcome(&report, "dang-van-khoa"), "failed");
    assert_eq!(report["xong"], 4, "{report}");
    assert!(out.join("tran-thi-binh/ho-so.pdf").is_file());
    assert!(!out.join("dang-van-khoa").exists());
}

#[test]
fn a_ceremony_gives_its_programme_and_decisions() {
    let ws = TestWorkspace::demo();
    let out = ws.file("out");
    let (code, report) = batch(&ws, &out, &["--ceremony", "28/03/2026"]);
    assert_eq!(code, 0, "{report}");
    let files = tree(&out);
    let day: Vec<&String> = files
        .keys()
        .filter(|k| k.starts_with("le-ket-nap-2026-03-28/"))
        .collect();
    // One programme and one decision: both people are named in decision 125-QĐ/ĐU.
    assert_eq!(day.len(), 2, "{day:?}");
    let programme = out.join("le-ket-nap-2026-03-28/CT-LKN.pdf");
    let text = crate::common::pdf_text(&programme);
    assert!(text.contains("Lương Thị Hoa") && text.contains("Vũ Quốc Huy"));
    assert!(!files.keys().any(|k| k.starts_with("tran-thi-binh/")));
}

/// A failure is said in the language of the messages, like every other message; the report names
/// its reason by a stable code.
#[test]
fn batch_failures_are_said_in_the_language_asked_for() {
    let ws = TestWorkspace::demo();
    ws.edit(
        "ket-nap/dang-van-khoa.yaml",
        "ho_ten: Đặng Văn Khoa",
        "ho_ten: [Đặng Văn Khoa",
    );
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "ho_ten:",
        "khoa_la: 1\nho_ten:",
    );
    let run = |lang: &str| {
        let r = hoso()
            .args(["--lang", lang, "batch"])
            .arg(ws.path())
            .arg("-o")
            .arg(ws.file("out"))
            .output()
            .unwrap();
        assert_eq!(r.status.code(), Some(1));
        String::from_utf8(r.stderr).unwrap()
    };
    let en = run("en");
    assert!(
        en.contains("error: dang-van-khoa: the file cannot be read (see `hoso validate`)"),
        "{en}"
    );
    assert!(
        en.contains("error: tran-thi-binh: the record has errors: unknown-key"),
        "{en}"
    );
    assert!(en.contains("3 done, 2 failed"), "{en}");
    assert!(!en.contains("hồ sơ"), "{en}");
    let vi = run("vi");
    assert!(
        vi.contains("lỗi: tran-thi-binh: hồ sơ có lỗi: unknown-key"),
        "{vi}"
    );
    let (_, report) = batch(&ws, &ws.file("out"), &[]);
    let binh = report["nguoi"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "tran-thi-binh")
        .unwrap();
    assert_eq!(binh["ly_do"]["ma"], "record-has-errors", "{report}");
}

/// The text of pages `first..=last` of a PDF (`pdftotext`).
fn pages_text(pdf: &Path, first: usize, last: usize) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-f", &first.to_string(), "-l", &last.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(out.stdout).unwrap()
}

/// A page's text with its header's page number set apart: the numbers standing alone on its
/// first line, and the text without them.
fn page_number_apart(page: &str) -> (Vec<String>, String) {
    let mut lines = page.lines().skip_while(|l| l.trim().is_empty());
    let header = lines.next().unwrap_or_default();
    let numbers = header
        .split_whitespace()
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .collect();
    let rest: Vec<&str> = header
        .split_whitespace()
        .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let text = std::iter::once(rest.join(" "))
        .chain(lines.map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    (numbers, text)
}

/// A form's own PDF, beside the dossier, is its pages of the dossier: the same text, page for
/// page, in the order of the cover, with the form's own title, and a PDF that qpdf finds sound.
/// Only the page numbers differ: the dossier's run through it, and a form printed alone (for a
/// signature) carries its own, none on its first page (issue 26).
#[test]
fn each_form_beside_a_dossier_is_its_pages_of_the_dossier() {
    let ws = TestWorkspace::demo();
    let out = ws.file("out");
    let (code, report) = batch(&ws, &out, &[]);
    assert_eq!(code, 0, "{report}");
    let dir = out.join("ngo-thi-mai");
    let dossier = dir.join("ho-so.pdf");
    // The order of the dossier: the cover, then the forms of the full-membership checklist.
    let parts = [
        "BIA-HS", "10-KND", "11-KND", "12-KND", "13-KND", "14-KND", "15-KND", "16-KND",
    ];
    let mut next = 1;
    for code in parts {
        let pdf = dir.join(format!("{code}.pdf"));
        let pages = pdf_pages(&pdf);
        let own = pages_text(&pdf, 1, pages);
        for page in 1..=pages {
            let (own_number, own_text) = page_number_apart(&pages_text(&pdf, page, page));
            let at = next + page - 1;
            let (dossier_number, dossier_text) = page_number_apart(&pages_text(&dossier, at, at));
            assert_eq!(
                own_text, dossier_text,
                "{code}: its page {page} is page {at} of the dossier"
            );
            if code != "BIA-HS" {
                // The cover is the dossier's page 0: the forms' pages are numbered from 1.
                assert_eq!(
                    dossier_number,
                    [(at - 1).to_string()],
                    "{code}, page {page}"
                );
                let expected: Vec<String> = if page == 1 {
                    vec![]
                } else {
                    vec![page.to_string()]
                };
                assert_eq!(own_number, expected, "{code} alone, page {page}");
            }
        }
        assert!(!own.trim().is_empty(), "{code} has text");
        let check = std::process::Command::new("qpdf")
            .arg("--check")
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(check.status.success(), "qpdf --check {code}: {check:?}");
        let info = std::process::Command::new("pdfinfo")
            .arg(&pdf)
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&info.stdout).into_owned();
        let title = info
            .lines()
            .find_map(|l| l.strip_prefix("Title:"))
            .map(str::trim)
            .unwrap_or_default()
            .to_string();
        assert!(
            !title.is_empty() && !title.contains(" — "),
            "{code}: title {title:?}"
        );
        next += pages;
    }
    assert_eq!(
        next - 1,
        pdf_pages(&dossier),
        "every page of the dossier is a form's"
    );
}

fn pdf_pages(pdf: &Path) -> usize {
    lopdf::Document::load(pdf).unwrap().get_pages().len()
}

/// What `benches/alone.sh` compares a clerk's batch with: `HOSO_BATCH_ALONE=dossier` cuts each
/// form from the dossier's own export, so the dossiers are the same bytes and the forms print the
/// dossier's page numbers (the first page of 13-KNĐ its page of the dossier); a later run
/// without the setting makes the forms again, with their own numbers.
#[test]
fn the_benchmarks_forms_cut_from_the_dossier_differ_only_by_their_page_numbers() {
    let ws = TestWorkspace::demo();
    let own = ws.file("own");
    let (code, report) = batch(&ws, &own, &[]);
    assert_eq!(code, 0, "{report}");
    let cut = ws.file("cut");
    let r = hoso()
        .env("HOSO_BATCH_ALONE", "dossier")
        .arg("batch")
        .arg(ws.path())
        .arg("-o")
        .arg(&cut)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let dir = |out: &Path| out.join("ngo-thi-mai");
    assert_eq!(
        std::fs::read(dir(&own).join("ho-so.pdf")).unwrap(),
        std::fs::read(dir(&cut).join("ho-so.pdf")).unwrap(),
        "the dossier is the same bytes"
    );
    let first_page =
        |out: &Path| page_number_apart(&pages_text(&dir(out).join("13-KND.pdf"), 1, 1));
    let (own_number, own_text) = first_page(&own);
    let (cut_number, cut_text) = first_page(&cut);
    assert_eq!(own_text, cut_text);
    assert!(own_number.is_empty(), "{own_number:?}");
    assert_eq!(cut_number.len(), 1, "{cut_number:?}");
    // The same output folder, without the setting: the forms are made again, alone.
    let (code, report) = batch(&ws, &cut, &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(outcome(&report, "ngo-thi-mai"), "done", "{report}");
    assert!(first_page(&cut).0.is_empty());
}
