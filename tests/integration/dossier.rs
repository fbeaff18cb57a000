//! Dossiers as a clerk prints them: one PDF per person that qpdf and poppler accept, a bookmark
//! per document in the checklist's order, page labels, metadata, and the same bytes every time.

use crate::common::{TestWorkspace, hoso, pdf_text};
use std::path::Path;
use std::process::Command;

fn dossier(ws: &TestWorkspace, person: &str, out: &str) -> std::path::PathBuf {
    dossier_with(ws, person, out, &[])
}

fn dossier_with(ws: &TestWorkspace, person: &str, out: &str, extra: &[&str]) -> std::path::PathBuf {
    let pdf = ws.file(out);
    let r = hoso()
        .args(["dossier", person])
        .args(extra)
        .arg("-w")
        .arg(ws.path())
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    pdf
}

fn qpdf_json(pdf: &Path) -> serde_json::Value {
    let out = Command::new("qpdf")
        .args([
            "--json",
            "--json-key=outlines",
            "--json-key=pagelabels",
            "--json-key=pages",
        ])
        .arg(pdf)
        .output()
        .expect("qpdf is needed by the dossier tests; .ci/run installs it");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `qpdf --check` accepts the file.
fn qpdf_check(pdf: &Path) {
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

fn pages_of(pdf: &Path) -> usize {
    qpdf_json(pdf)["pages"].as_array().unwrap().len()
}

#[test]
fn an_admission_dossier_holds_its_forms_in_checklist_order_with_bookmarks() {
    let ws = TestWorkspace::demo();
    let pdf = dossier(&ws, "tran-thi-binh", "hs.pdf");
    qpdf_check(&pdf);

    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(
        info.contains("Title:           Hồ sơ đề nghị kết nạp đảng viên — Trần Thị Bình"),
        "{info}"
    );
    assert!(info.contains("Author:          Chi bộ Khu phố 5"), "{info}");

    let json = qpdf_json(&pdf);
    let outline: Vec<(String, u64)> = json["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["title"].as_str().unwrap().to_string(),
                o["destpageposfrom1"].as_u64().unwrap(),
            )
        })
        .collect();
    let titles: Vec<&str> = outline.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Bìa và danh mục tài liệu — Trần Thị Bình",
            "Mẫu 3-KNĐ: Giấy giới thiệu người vào Đảng",
            "Mẫu 5-KNĐ: Tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội nơi người vào Đảng sinh hoạt và chi ủy (hoặc chi bộ) nơi cư trú đối với người vào Đảng",
            "Mẫu 6-KNĐ: Nghị quyết đề nghị kết nạp đảng viên",
        ]
    );
    // The page count is the sum of the forms' own PDFs, cover included.
    let mut sum = 0;
    for (code, out) in [
        ("BIA-HS", "c.pdf"),
        ("3-KNĐ", "3.pdf"),
        ("5-KNĐ", "5.pdf"),
        ("6-KNĐ", "6.pdf"),
    ] {
        let single = ws.file(out);
        let r = crate::common::render_cmd(&ws, code, Some("tran-thi-binh"), &single)
            .output()
            .unwrap();
        assert!(r.status.success());
        sum += pages_of(&single);
    }
    let total = json["pages"].as_array().unwrap().len();
    assert_eq!(total, sum);
    // Each bookmark points at the first page of its document.
    let mut expected_start = 1;
    for ((_, start), (code, out)) in outline.iter().zip([
        ("BIA-HS", "c.pdf"),
        ("3-KNĐ", "3.pdf"),
        ("5-KNĐ", "5.pdf"),
        ("6-KNĐ", "6.pdf"),
    ]) {
        assert_eq!(*start, expected_start, "{code}");
        expected_start += pages_of(&ws.file(out)) as u64;
    }
    // Page labels: the cover in roman numerals, the forms numbered from 1.
    let labels = json["pagelabels"].as_array().unwrap();
    assert_eq!(labels[0]["label"]["/S"], "/r");
    assert_eq!(labels[1]["index"], 1);
    assert_eq!(labels[1]["label"]["/S"], "/D");

    // The cover lists the handwritten documents without printing them, and what is not done yet
    // (the decision) without a mark; the printed ones with their first page.
    let text = pdf_text(&pdf);
    assert!(text.contains("DANH MỤC TÀI LIỆU"));
    assert!(
        text.contains("Quyết định kết nạp đảng viên 9-KNĐ"),
        "{text}"
    );
    assert!(
        !text.contains("BẢN NHÁP"),
        "a handwritten draft was printed"
    );
}

#[test]
fn a_full_member_gets_the_full_membership_dossier_and_the_bytes_repeat() {
    let ws = TestWorkspace::demo();
    let a = dossier(&ws, "ngo-thi-mai", "a.pdf");
    let b = dossier(&ws, "ngo-thi-mai", "b.pdf");
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let titles: Vec<String> = qpdf_json(&a)["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            o["title"]
                .as_str()
                .unwrap()
                .split(':')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Bìa và danh mục tài liệu — Ngô Thị Mai",
            "Mẫu 10-KNĐ",
            "Mẫu 11-KNĐ",
            "Mẫu 12-KNĐ",
            "Mẫu 13-KNĐ",
            "Mẫu 14-KNĐ",
            "Mẫu 15-KNĐ",
            "Mẫu 16-KNĐ"
        ]
    );
    let text = pdf_text(&a);
    assert!(text.contains("HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC"));
    // Asking for the admission dossier explicitly gives it, with the Đoàn/union resolution that applies.
    let pdf = ws.file("kn.pdf");
    let r = hoso()
        .args(["dossier", "ngo-thi-mai", "--ho-so", "ket-nap", "-w"])
        .arg(ws.path())
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(r.status.success());
    let titles: Vec<String> = qpdf_json(&pdf)["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            o["title"]
                .as_str()
                .unwrap()
                .split(':')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        &titles[1..],
        [
            "Mẫu 3-KNĐ",
            "Mẫu 4A-KNĐ",
            "Mẫu 5-KNĐ",
            "Mẫu 6-KNĐ",
            "Mẫu 7-KNĐ",
            "Mẫu 8-KNĐ",
            "Mẫu 9-KNĐ"
        ]
    );
}

/// The catalogue's XMP packet, if any, and whether it is stored unfiltered.
fn xmp_of(doc: &lopdf::Document) -> Option<(String, bool)> {
    let catalog = doc.catalog().unwrap();
    let id = catalog.get(b"Metadata").ok()?.as_reference().unwrap();
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    let plain = stream.dict.get(b"Filter").is_err();
    Some((String::from_utf8(stream.content.clone()).unwrap(), plain))
}

#[test]
fn an_archival_dossier_is_pdf_a_2b_with_metadata_that_agrees() {
    let ws = TestWorkspace::demo();
    let pdf = dossier_with(&ws, "tran-thi-binh", "a2b.pdf", &["--pdf-standard", "a-2b"]);
    qpdf_check(&pdf);

    // Every font is embedded (PDF/A's first demand): pdffonts' "emb" column says yes on each row.
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8(fonts.stdout).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {row}");
    }

    let doc = lopdf::Document::load(&pdf).unwrap();
    // The XMP declares PDF/A-2b, unfiltered, and says what the document information says.
    let (xmp, plain) = xmp_of(&doc).expect("a PDF/A dossier carries XMP metadata");
    assert!(plain, "PDF/A metadata must be readable without decoding");
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
    assert!(
        xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{xmp}"
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no {name} in {info}"))
            .trim()
            .to_string()
    };
    let title = field("Title");
    assert_eq!(title, "Hồ sơ đề nghị kết nạp đảng viên — Trần Thị Bình");
    assert!(
        xmp.contains(&format!("<rdf:li xml:lang=\"x-default\">{title}</rdf:li>")),
        "{xmp}"
    );
    assert!(
        xmp.contains(&format!("<rdf:li>{}</rdf:li>", field("Author"))),
        "{xmp}"
    );
    assert!(
        xmp.contains(&format!(
            "<xmp:CreatorTool>{}</xmp:CreatorTool>",
            field("Creator")
        )),
        "{xmp}"
    );
    assert!(
        xmp.contains(&format!(
            "<pdf:Producer>{}</pdf:Producer>",
            field("Producer")
        )),
        "{xmp}"
    );

    // The output intent: sRGB, for PDF/A, with its ICC profile.
    let catalog = doc.catalog().unwrap();
    let intents = match catalog.get(b"OutputIntents").unwrap() {
        lopdf::Object::Reference(id) => doc.get_object(*id).unwrap().as_array().unwrap(),
        other => other.as_array().unwrap(),
    };
    let intent = match &intents[0] {
        lopdf::Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        lopdf::Object::Dictionary(d) => d,
        other => panic!("unexpected output intent {other:?}"),
    };
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let profile = intent
        .get(b"DestOutputProfile")
        .unwrap()
        .as_reference()
        .unwrap();
    let profile = doc.get_object(profile).unwrap().as_stream().unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);

    // The same dossier without the flag has neither, and the pages are the same.
    let plain_pdf = dossier(&ws, "tran-thi-binh", "plain.pdf");
    let plain_doc = lopdf::Document::load(&plain_pdf).unwrap();
    assert!(xmp_of(&plain_doc).is_none());
    assert_eq!(pages_of(&plain_pdf), pages_of(&pdf));
    assert_eq!(pdf_text(&plain_pdf), pdf_text(&pdf));
}
