//! Pages a clerk can print as they are (issue 12): the forms of the set in force on the
//! document's date (2-KNĐ by the date of its declaration, 3A-KNĐ only before 38-HD/BTCTW); a
//! dossier whose pages print the numbers its cover lists; no heading alone at the foot of a page
//! and no last page holding only a signature or a note; PDFs that poppler, qpdf and mupdf open
//! without a complaint.

use crate::common::{TestWorkspace, demo_with_person_moved, hoso, pdf_text, render_cmd};
use hoso::compile::{FontPolicy, Typesetter};
use hoso::forms::Catalogue;
use hoso::model::load;
use hoso::render::{Renderer, Subject};
use hoso::validate::{CheckedWorkspace, check};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn typesetter() -> &'static Typesetter {
    static T: OnceLock<Typesetter> = OnceLock::new();
    T.get_or_init(|| Typesetter::new(FontPolicy::Embedded))
}

fn checked(root: &Path) -> CheckedWorkspace {
    let loaded = load(root).unwrap();
    let read: Vec<_> = loaded.diagnostics().collect();
    assert!(read.is_empty(), "{read:?}");
    check(loaded)
}

/// Renders and typesets `form` (blank when `person` is `None`) into `dir`; `None` when the
/// person's record cannot fill it.
fn typeset(ws: &CheckedWorkspace, form: &str, person: Option<&str>, dir: &Path) -> Option<PathBuf> {
    let form = Catalogue::builtin().form(form).unwrap();
    let renderer = Renderer::new(None).unwrap();
    let source = match person {
        Some(id) => renderer
            .render(form, Subject::Filled(ws.person(id)?.checked()?))
            .ok()?,
        None => renderer.render(form, Subject::Blank(ws)).unwrap(),
    };
    let date = source.date.map(|d| d.0);
    let compiled = typesetter()
        .compile(&source, date)
        .unwrap_or_else(|e| panic!("{}: {e}", source.name));
    let pdf = typesetter().pdf(&compiled, &source.name, date).unwrap();
    let path = dir.join(source.name.replace(".typ", ".pdf"));
    std::fs::write(&path, pdf).unwrap();
    Some(path)
}

/// The text of each page, as poppler extracts it page by page, its lines trimmed.
fn page_texts(pdf: &Path) -> Vec<Vec<String>> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed; .ci/run installs it");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<Vec<String>> = text
        .split('\u{c}')
        .map(|p| {
            p.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect();
    // pdftotext ends the last page with a form feed too.
    if pages.last().is_some_and(Vec::is_empty) {
        pages.pop();
    }
    pages
}

/// Days from the demo's declaration of Trần Thị Bình's lý lịch (01/06/2026) to `target`.
fn days_to(target: &str) -> i64 {
    let from = hoso::model::Ngay::parse("01/06/2026").unwrap().0;
    let to = hoso::model::Ngay::parse(target).unwrap().0;
    (to - from).get_days() as i64
}

#[test]
fn a_personal_history_is_laid_out_as_the_guidance_of_its_declaration_date_has_it() {
    let dir = tempfile::tempdir().unwrap();
    // Declared on 10/10/2025: 38-HD/BTCTW.
    let ws = demo_with_person_moved("tran-thi-binh", days_to("10/10/2025"));
    let w = checked(ws.path());
    let pdf = typeset(&w, "2-KNĐ", Some("tran-thi-binh"), dir.path()).expect("2-KNĐ of 10/10/2025");
    let text = pdf_text(&pdf);
    assert!(text.contains("ngày 10 tháng 10 năm 2025"), "{text}");
    for wanted in [
        "Nơi đăng ký khai sinh",
        "Các tên gọi khác",
        "(24) NHẬN XÉT CỦA CẤP ỦY, TỔ CHỨC ĐẢNG NƠI ĐẾN THẨM TRA LÝ LỊCH",
        "Tôi cam đoan đã khai đầy đủ, rõ ràng, trung thực và chịu trách nhiệm trước Đảng",
        "Học vị cao nhất",
        "Ảnh 3x4",
    ] {
        assert!(text.contains(wanted), "no `{wanted}` in {text}");
    }
    for gone in [
        "Họ và tên đang dùng",
        "Các bí danh",
        "tổ chức chính trị -- xã hội",
    ] {
        assert!(!text.contains(gone), "`{gone}` in {text}");
    }

    // Declared on 10/08/2025: 294-QĐ/TW with 12-HD/BTCTW, the 2022 layout.
    let ws = demo_with_person_moved("tran-thi-binh", days_to("10/08/2025"));
    let w = checked(ws.path());
    let pdf = typeset(&w, "2-KNĐ", Some("tran-thi-binh"), dir.path()).expect("2-KNĐ of 10/08/2025");
    let text = pdf_text(&pdf);
    assert!(text.contains("ngày 10 tháng 8 năm 2025"), "{text}");
    for wanted in [
        "01. Họ và tên đang dùng",
        "04. Các bí danh",
        "06. Nơi sinh",
        "Ảnh 4x6",
    ] {
        assert!(text.contains(wanted), "no `{wanted}` in {text}");
    }
    for gone in ["Nơi đăng ký khai sinh", "(24)", "trung thực"] {
        assert!(!text.contains(gone), "`{gone}` in {text}");
    }
}

#[test]
fn the_two_sponsor_letter_belongs_to_the_sets_before_38_hd() {
    let dir = tempfile::tempdir().unwrap();
    // The demo's letters of 2026: refused, and why.
    let ws = TestWorkspace::demo();
    let out = ws.file("3a.pdf");
    let r = render_cmd(&ws, "3A-KNĐ", Some("tran-thi-binh"), &out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(stderr.contains("form-not-in-force"), "{stderr}");
    assert!(stderr.contains("38-HD/BTCTW"), "{stderr}");
    assert!(!out.exists());
    // The same letters a year earlier (25 and 28/09/2025, under 12-HD/BTCTW): printed.
    let ws = demo_with_person_moved("tran-thi-binh", -365);
    let w = checked(ws.path());
    let pdf = typeset(&w, "3A-KNĐ", Some("tran-thi-binh"), dir.path()).expect("3A of 09/2025");
    let text = pdf_text(&pdf);
    assert!(text.contains("ngày 28 tháng 9 năm 2025"), "{text}");
    // Both sponsors' assessments are printed, each under its author.
    for wanted in [
        "Đồng chí Lê Minh Tuấn:",
        "Đồng chí Hoàng Thị Thu:",
        "Kinh nghiệm công tác quần chúng còn ít.",
        "Đôi khi còn rụt rè trong phát biểu ý kiến ở hội nghị.",
    ] {
        assert!(text.contains(wanted), "no `{wanted}` in {text}");
    }
    // The blank 3A-KNĐ still prints, as a form of the sets that have it.
    let blank = pdf_text(&typeset(&w, "3A-KNĐ", None, dir.path()).unwrap());
    assert!(blank.contains("GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG"), "{blank}");
    assert!(
        blank.contains("Chúng tôi xin chịu trách nhiệm trước Đảng"),
        "{blank}"
    );
}

/// The number printed at the top of each page of a dossier is its page in the dossier, the
/// number the cover's checklist gives for the document it belongs to.
#[test]
fn a_dossier_prints_on_every_page_the_number_its_cover_lists() {
    for person in ["tran-thi-binh", "ngo-thi-mai", "luong-thi-hoa"] {
        let ws = TestWorkspace::demo();
        let pdf = ws.file("hs.pdf");
        let r = hoso()
            .args(["dossier", person, "-w"])
            .arg(ws.path())
            .arg("-o")
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        let pages = page_texts(&pdf);
        // The cover (front matter) is the first page; its checklist, read with its layout, gives
        // each printed form's first page in the last column.
        let layout = Command::new("pdftotext")
            .args(["-enc", "UTF-8", "-layout", "-f", "1", "-l", "1"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let cover = String::from_utf8(layout.stdout).unwrap();
        let mut starts: Vec<(String, usize)> = Vec::new();
        for line in cover.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            let code = words
                .iter()
                .find(|w| w.ends_with("-KNĐ") || **w == "CT-LKN");
            if let (Some(code), Some(page)) = (code, words.last().and_then(|w| w.parse().ok())) {
                starts.push((code.to_string(), page));
            }
        }
        assert!(!starts.is_empty(), "{person}: no page column in {cover}");
        let cover_pages = 1;
        let form_pages = pages.len() - cover_pages;
        // Every page after the cover prints its number first (the header), counted through the
        // dossier.
        for (i, page) in pages.iter().enumerate().skip(cover_pages) {
            let number = i + 1 - cover_pages;
            assert_eq!(
                page.first().map(String::as_str),
                Some(number.to_string().as_str()),
                "{person}: page {} of the PDF: {page:?}",
                i + 1
            );
        }
        // The cover's page of each document is where that document starts: its first page
        // carries its form code, and the pages between two starts are one document.
        let mut previous = 0;
        for (code, start) in &starts {
            assert!(
                *start > previous && *start <= form_pages,
                "{person}: {starts:?}"
            );
            let first = &pages[cover_pages + start - 1];
            assert!(
                first.iter().any(|l| l.contains(&format!("Mẫu {code}"))),
                "{person}: page {start} does not start {code}: {first:?}"
            );
            previous = *start;
        }
    }
}

/// What the last page of a form must not be: the signature block, the recipients, a draft note
/// or the page number, and nothing else.
fn only_closing_matter(page: &[String]) -> bool {
    page.iter().all(|line| {
        let l = line.as_str();
        let upper = l
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        l.chars().all(|c| c.is_ascii_digit())
            || upper
            || l.starts_with('(')
            || l.starts_with("- ")
            || l.starts_with("Nơi nhận")
            || l.starts_with("Bản nháp")
            || l.chars().all(|c| c == '.' || c == ' ' || c == '…')
            || l.split_whitespace().count() <= 4
    })
}

/// A heading of a form's body: a numbered line that ends with a colon, or a line in capitals.
fn is_heading(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    let first = line.split_whitespace().next().unwrap_or("");
    let numbered = (first.trim_end_matches('.').parse::<u32>().is_ok()
        || first.starts_with('(')
        || ["I.", "II.", "III.", "IV."].contains(&first))
        && line.ends_with(':')
        && line.split_whitespace().count() <= 12;
    capitals || numbered
}

/// Every form of the demo, filled (by the first person who can fill it) and blank: the last page
/// holds more than the closing matter, and no page but the last ends with a heading.
#[test]
fn no_page_holds_only_a_signature_or_a_note_and_no_heading_ends_a_page() {
    let demo = TestWorkspace::demo();
    let ws = checked(demo.path());
    let dir = tempfile::tempdir().unwrap();
    let earlier = demo_with_person_moved("tran-thi-binh", -365);
    let earlier = checked(earlier.path());
    let mut failures = Vec::new();
    for form in &Catalogue::builtin().forms {
        let filled = ws
            .people()
            .find_map(|p| typeset(&ws, &form.ma, Some(p.id()), dir.path()))
            .or_else(|| typeset(&earlier, &form.ma, Some("tran-thi-binh"), dir.path()))
            .unwrap_or_else(|| panic!("nobody fills {}", form.ma));
        let blank = typeset(&ws, &form.ma, None, dir.path()).unwrap();
        for pdf in [filled, blank] {
            let pages = page_texts(&pdf);
            let name = pdf.file_name().unwrap().to_string_lossy().to_string();
            if pages.len() > 1 && only_closing_matter(pages.last().unwrap()) {
                failures.push(format!(
                    "{name}: the last page holds only {:?}",
                    pages.last()
                ));
            }
            for (i, page) in pages.iter().enumerate().take(pages.len().saturating_sub(1)) {
                // The body's last line (a draft's note sits under it, in the margin).
                let last = page.iter().rev().find(|l| !l.starts_with("Bản nháp"));
                if let Some(last) = last.filter(|l| is_heading(l)) {
                    failures.push(format!(
                        "{name}: page {} ends with the heading `{last}`",
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Forms and a dossier open in poppler, qpdf and mupdf without a warning or an error.
#[test]
fn pdf_readers_have_nothing_to_say_about_the_forms_and_a_dossier() {
    let ws = TestWorkspace::demo();
    let mut pdfs = Vec::new();
    for (form, person) in [
        ("6-KNĐ", Some("tran-thi-binh")),
        ("9-KNĐ", Some("vu-quoc-huy")),
        ("2-KNĐ", Some("tran-thi-binh")),
        ("1-KNĐ", None),
        ("CT-LKN", None),
    ] {
        let out = ws.file(&format!(
            "{}-{}.pdf",
            form.replace('Đ', "D"),
            person.unwrap_or("blank")
        ));
        let r = render_cmd(&ws, form, person, &out).output().unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        pdfs.push(out);
    }
    let archival = ws.file("6-a2b.pdf");
    let r = render_cmd(&ws, "6-KNĐ", Some("tran-thi-binh"), &archival)
        .args(["--pdf-standard", "a-2b"])
        .output()
        .unwrap();
    assert!(r.status.success());
    pdfs.push(archival);
    let dossier = ws.file("hs.pdf");
    let r = hoso()
        .args(["dossier", "tran-thi-binh", "-w"])
        .arg(ws.path())
        .arg("-o")
        .arg(&dossier)
        .output()
        .unwrap();
    assert!(r.status.success());
    pdfs.push(dossier);

    for pdf in &pdfs {
        let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
        assert!(info.status.success());
        assert_eq!(
            String::from_utf8_lossy(&info.stderr),
            "",
            "pdfinfo on {}",
            pdf.display()
        );
        let check = Command::new("qpdf")
            .arg("--check")
            .arg(pdf)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&check.stdout).to_string()
            + &String::from_utf8_lossy(&check.stderr);
        assert!(check.status.success(), "qpdf on {}: {said}", pdf.display());
        assert!(
            !said.contains("WARNING"),
            "qpdf on {}: {said}",
            pdf.display()
        );
        // A second, independent reader: mupdf's `mutool info` reads the pages' objects and
        // warns on stderr.
        let m = Command::new("mutool")
            .arg("info")
            .arg(pdf)
            .output()
            .expect("mutool (mupdf-tools) is needed by this test; .ci/run installs it");
        assert!(m.status.success(), "mutool on {}", pdf.display());
        let said = String::from_utf8_lossy(&m.stderr);
        assert!(
            !said.contains("error") && !said.contains("warning"),
            "mutool on {}: {said}",
            pdf.display()
        );
    }
}

/// The wording the 2025 texts give, each where the record calls for it.
#[test]
fn the_wording_follows_the_2025_texts() {
    let dir = tempfile::tempdir().unwrap();
    let ws = TestWorkspace::demo();
    // 4-KNĐ resolved by the tập thể chi đoàn cơ sở.
    ws.edit(
        "ket-nap/dang-van-khoa.yaml",
        "gioi_thieu_doan_the:\n",
        "gioi_thieu_doan_the:\n  tap_the: chi_doan\n",
    );
    // An authorised đảng ủy cơ sở resolves and decides: Ngô Thị Mai's decision by the same
    // committee as her 8-KNĐ.
    ws.edit(
        "ket-nap/ngo-thi-mai.yaml",
        "  co_quan: Thành ủy Hạ Long\n",
        "  co_quan: Đảng ủy phường Hồng Gai\n",
    );
    // Lương Thị Hoa's decision not recorded as shared: her own, with its own number.
    ws.edit("ket-nap/luong-thi-hoa.yaml", "  nhieu_nguoi: true\n", "");
    ws.edit(
        "ket-nap/luong-thi-hoa.yaml",
        "  so: 125-QĐ/ĐU\n",
        "  so: 126-QĐ/ĐU\n",
    );
    let w = checked(ws.path());
    let text = |form: &str, person: Option<&str>| {
        pdf_text(
            &typeset(&w, form, person, dir.path()).unwrap_or_else(|| panic!("{form} {person:?}")),
        )
    };

    let t = text("4-KNĐ", Some("dang-van-khoa"));
    assert!(t.contains("Chi đoàn"), "{t}");
    assert!(t.contains("T/M CHI ĐOÀN"), "{t}");
    assert!(!t.contains("ủy viên Ban Chấp hành"), "{t}");

    let t = text("8-KNĐ", Some("ngo-thi-mai"));
    assert!(t.contains("được ủy quyền kết nạp đảng viên"), "{t}");
    assert!(t.contains("Tổng số cấp ủy viên"), "{t}");
    assert!(!t.contains("đề nghị kết nạp đảng viên ----"), "{t}");
    let blank = text("8-KNĐ", None);
    assert!(
        !blank.contains("đề nghị Ban Thường vụ Đảng ủy phường Hồng Gai"),
        "{blank}"
    );
    assert!(blank.contains("số cấp ủy viên tán thành"), "{blank}");

    let t = text("9-KNĐ", Some("luong-thi-hoa"));
    assert!(t.contains("Lương Thị Hoa"), "{t}");
    assert!(!t.contains("Vũ Quốc Huy"), "{t}");
    assert!(t.contains("đồng chí có tên tại Điều 1"), "{t}");

    let t = text("3-KNĐ", Some("luong-thi-hoa"));
    assert!(
        t.contains("đề nghị kết nạp lại quần chúng Lương Thị Hoa"),
        "{t}"
    );

    let t = text("CT-LKN", None);
    assert!(
        t.contains("Đại diện cấp ủy cấp trên phát biểu ý kiến (nếu có)"),
        "{t}"
    );

    let t = text("4A-KNĐ", Some("ngo-thi-mai"));
    assert!(t.contains("Giới thiệu đoàn viên công đoàn vào Đảng"), "{t}");
    assert!(!t.contains("ưu tú"), "{t}");

    let t = text("6-KNĐ", Some("tran-thi-binh"));
    assert!(t.contains("tôn giáo không;"), "{t}");
    assert!(t.contains("Ý thức giác ngộ chính trị"), "{t}");

    // The full-membership dossier begins with the new-member class certificate.
    let t = text("BIA-HS", Some("ngo-thi-mai"));
    let certificate = t
        .find("Giấy chứng nhận học lớp bồi dưỡng đảng viên mới")
        .expect(&t);
    let self_review = t.find("Bản tự kiểm điểm").expect(&t);
    assert!(certificate < self_review, "{t}");

    // 13-KNĐ of a meeting from 29/09/2025: the 38-HD/BTCTW form, one basis line.
    let later = demo_with_person_moved("ngo-thi-mai", 900);
    let w = checked(later.path());
    let t = pdf_text(&typeset(&w, "13-KNĐ", Some("ngo-thi-mai"), dir.path()).unwrap());
    assert!(
        t.contains("Căn cứ Điều 5, Điều lệ Đảng Cộng sản Việt Nam,"),
        "{t}"
    );
    assert!(!t.contains("Căn cứ Quy định"), "{t}");
    assert!(t.contains("Tổng số đảng viên của Chi bộ:"), "{t}");
}

/// A long application runs onto a second page with its last paragraph, never the signature
/// alone.
#[test]
fn a_long_application_takes_its_last_paragraph_to_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let ws = TestWorkspace::demo();
    let paragraph = "    Tôi tự nguyện xin vào Đảng để được rèn luyện, phấn đấu, góp phần xây dựng khu phố và quê hương, học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\n\n";
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "    Tôi tự nguyện xin vào Đảng để được rèn luyện, phấn đấu, góp phần xây dựng khu phố và quê hương.\n",
        &(paragraph.repeat(7) + "    Tôi xin hứa chấp hành nghiêm Cương lĩnh, Điều lệ Đảng.\n"),
    );
    let w = checked(ws.path());
    let pdf = typeset(&w, "1-KNĐ", Some("tran-thi-binh"), dir.path()).unwrap();
    let pages = page_texts(&pdf);
    assert_eq!(pages.len(), 2, "{pages:?}");
    let last = pages.last().unwrap();
    assert!(!only_closing_matter(last), "{last:?}");
    let text = last.join(" ");
    assert!(
        text.contains("Tôi xin hứa chấp hành nghiêm Cương lĩnh, Điều lệ Đảng."),
        "{text}"
    );
    assert!(text.contains("NGƯỜI LÀM ĐƠN"), "{text}");
}

/// The place and date line never breaks (issue 26): in every blank form that has one, with the
/// longest names a commune, a ward or a city gives its documents, "…, ngày … tháng … năm …" is one
/// line of the page as poppler lays it out.
#[test]
fn the_date_line_of_every_blank_form_stays_on_one_line_with_a_long_place_name() {
    let dir = tempfile::tempdir().unwrap();
    for place in ["Yên Thành", "Đông Hưng Thuận", "Thành phố Hồ Chí Minh"] {
        let ws = TestWorkspace::demo();
        ws.edit(
            "to-chuc.yaml",
            "dia_danh: Hạ Long",
            &format!("dia_danh: {place}"),
        );
        let w = checked(ws.path());
        let mut with_a_date_line = Vec::new();
        for form in &Catalogue::builtin().forms {
            let Some(pdf) = typeset(&w, &form.ma, None, dir.path()) else {
                continue;
            };
            let out = Command::new("pdftotext")
                .args(["-enc", "UTF-8", "-layout"])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let lines: Vec<&str> = text
                .lines()
                .filter(|l| l.contains(&format!("{place},")))
                .collect();
            for line in &lines {
                let date = &line[line.find(&format!("{place},")).unwrap()..];
                assert!(
                    date.contains("ngày") && date.contains("tháng") && date.contains("năm"),
                    "{} with {place}: the date line breaks: {line:?}",
                    form.ma
                );
            }
            if !lines.is_empty() {
                with_a_date_line.push(form.ma.clone());
            }
        }
        for code in [
            "6-KNĐ", "8-KNĐ", "9-KNĐ", "13-KNĐ", "15-KNĐ", "16-KNĐ", "1-KNĐ",
        ] {
            assert!(
                with_a_date_line.contains(&code.to_string()),
                "{code} with {place}: no date line found in {with_a_date_line:?}"
            );
        }
    }
}

/// Item (21) of the personal history under 38-HD/BTCTW (issue 26): a filled form shows all ten
/// groups of relatives as the blank one does, a group with nobody recorded (the grandparents) as
/// its rows of dots, and what each group asks (place of birth and class background of the
/// parents, nationality and criminal record of the siblings) as dots where it is not recorded.
/// Item (4) writes the sex as the form asks, "nam" or "nữ".
#[test]
fn the_family_of_a_filled_personal_history_has_all_ten_groups_with_dots_for_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo_with_person_moved("tran-thi-binh", days_to("10/10/2025"));
    let w = checked(ws.path());
    let pdf = typeset(&w, "2-KNĐ", Some("tran-thi-binh"), dir.path()).expect("2-KNĐ");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let family =
        &text[text.find("(21)").expect("item (21)")..text.find("(22)").expect("item (22)")];
    let dots = |line: &str| line.contains("......");
    let line_of = |words: &str| {
        family
            .lines()
            .find(|l| l.contains(words))
            .unwrap_or_else(|| panic!("no `{words}` in {family}"))
    };
    let groups = [
        "1. Ông nội, bà nội, ông ngoại, bà ngoại của bản thân",
        "2. Ông nội, bà nội, ông ngoại, bà ngoại của vợ (chồng)",
        "3. Cha đẻ",
        "4. Mẹ đẻ",
        "5. Cha vợ (chồng)",
        "6. Mẹ vợ (chồng)",
        "7. Vợ (chồng)",
        "8. Anh, chị, em ruột của bản thân",
        "9. Anh, chị, em ruột của vợ (chồng)",
        "10. Các con",
    ];
    let mut at = 0;
    for group in groups {
        let found = family[at..]
            .find(group)
            .unwrap_or_else(|| panic!("`{group}` missing or out of order in {family}"));
        at += found + group.len();
    }
    // Nobody recorded: the name line is dots.
    assert!(
        dots(line_of(
            "1. Ông nội, bà nội, ông ngoại, bà ngoại của bản thân"
        )),
        "{family}"
    );
    // The mother is recorded without place of birth or class background: dots for both.
    let mother = &family[family.find("Mẹ đẻ:").expect("the mother")..];
    let birth = mother.lines().find(|l| l.contains("Nơi sinh")).unwrap();
    assert!(
        birth.contains("Thành phần giai cấp") && dots(birth),
        "{birth}"
    );
    // The brother without nationality or criminal record: dots for both.
    let brother = &family[family.find("Em trai:").expect("the brother")..];
    let nationality = brother.lines().find(|l| l.contains("Quốc tịch")).unwrap();
    assert!(
        nationality.contains("Tiền án") && dots(nationality),
        "{nationality}"
    );
    // A parent is named on the line of the form's heading, in the form's words: "3. Cha đẻ:
    // Trần Văn Nam", never "3. Cha đẻ:" and then "Bố đẻ: Trần Văn Nam" (two words for one man).
    assert!(
        line_of("3. Cha đẻ:").contains("Trần Văn Nam"),
        "{}",
        line_of("3. Cha đẻ:")
    );
    assert!(
        line_of("4. Mẹ đẻ:").contains("Nguyễn Thị Hương"),
        "{}",
        line_of("4. Mẹ đẻ:")
    );
    assert!(!family.contains("Bố đẻ"), "{family}");
    // Item (4): "ghi nam hoặc nữ".
    let sex = text.lines().find(|l| l.contains("(4) Giới tính")).unwrap();
    assert!(sex.trim_end().ends_with(": nữ"), "{sex}");
}

/// The text of a PDF with its layout (`pdftotext -layout`).
fn layout_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(out.stdout).unwrap()
}

/// The words of a PDF in its layout's order, one space between each.
fn layout_words(pdf: &Path) -> String {
    layout_text(pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Issue 26: a branch without a chi ủy has its bí thư collect and sign the comments (5-KNĐ,
/// 12-KNĐ); 13-KNĐ under 38-HD/BTCTW writes "Chủ trì hội nghị: Đồng chí … Chức vụ …" and
/// "Thư ký hội nghị: Đồng chí …"; 6-KNĐ's paragraph on the lý lịch starts with a capital, and a
/// line typed inside a text starts at the paragraph's indent; the full-membership cover never
/// leaves a word alone on its title's last line.
#[test]
fn the_forms_follow_the_branch_and_the_2025_wording() {
    let dir = tempfile::tempdir().unwrap();
    let ws = TestWorkspace::demo();
    ws.edit(
        "to-chuc.yaml",
        "dia_danh: Hạ Long",
        "dia_danh: Hạ Long\nco_chi_uy: false",
    );
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "  ly_lich: Lý lịch rõ ràng;",
        "  ly_lich: |-\n    Lý lịch rõ ràng.\n    Kết quả thẩm tra:",
    );
    let w = checked(ws.path());
    let words = layout_words(&typeset(&w, "5-KNĐ", Some("tran-thi-binh"), dir.path()).unwrap());
    assert!(words.contains("Bí thư Chi bộ"), "{words}");
    assert!(words.contains("T/M CHI BỘ"), "{words}");
    assert!(
        !words.contains("T/M CHI ỦY") && !words.contains("Chi ủy tổng hợp"),
        "{words}"
    );

    let resolution = layout_text(&typeset(&w, "6-KNĐ", Some("tran-thi-binh"), dir.path()).unwrap());
    let lines: Vec<&str> = resolution.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("1. Về lý lịch:"))
        .unwrap();
    let next = lines[at + 1..]
        .iter()
        .find(|l| !l.trim().is_empty())
        .unwrap();
    assert!(next.trim_start().starts_with("Quần chúng"), "{next}");
    // The line typed inside the text starts indented, as far as the paragraph's first line.
    let indent = |l: &str| l.len() - l.trim_start().len();
    let typed = lines
        .iter()
        .find(|l| l.contains("Kết quả thẩm tra:"))
        .unwrap();
    assert!(
        indent(typed) + 1 >= indent(next) && indent(typed) > 0,
        "{next:?} / {typed:?}"
    );

    let ws = demo_with_person_moved("ngo-thi-mai", 480);
    let w = checked(ws.path());
    let review = layout_text(&typeset(&w, "13-KNĐ", Some("ngo-thi-mai"), dir.path()).unwrap());
    let chair = review
        .lines()
        .find(|l| l.contains("Chủ trì hội nghị"))
        .unwrap();
    assert!(
        chair.contains("Chủ trì hội nghị: Đồng chí Nguyễn Văn Thành"),
        "{chair}"
    );
    assert!(
        chair.contains("Chức vụ") && !chair.contains("Chức vụ:"),
        "{chair}"
    );
    assert!(!chair.contains("Đồng chí:"), "{chair}");
    let secretary = review
        .lines()
        .find(|l| l.contains("Thư ký hội nghị"))
        .unwrap();
    assert!(
        secretary.contains("Thư ký hội nghị: Đồng chí"),
        "{secretary}"
    );

    let ws = TestWorkspace::demo();
    let pdf = ws.file("hs.pdf");
    let r = hoso()
        .args(["dossier", "ngo-thi-mai", "-w"])
        .arg(ws.path())
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let cover = page_texts(&pdf).remove(0);
    let before_checklist: Vec<&String> = cover
        .iter()
        .take_while(|l| !l.contains("DANH MỤC TÀI LIỆU"))
        .collect();
    assert!(
        before_checklist.iter().any(|l| l.contains("HỒ SƠ ĐỀ NGHỊ")),
        "{cover:?}"
    );
    for line in before_checklist {
        let alone = line.split_whitespace().count() == 1 && line.chars().all(char::is_uppercase);
        assert!(
            !alone,
            "a word alone on a line of the cover's title: {cover:?}"
        );
    }
}

/// A đảng bộ keeps the records of several branches, each with its own chi ủy or none
/// (`co_chi_uy` of an entry of `cac_chi_bo`): a person's forms follow their branch, whatever the
/// workspace says, and a branch that says nothing follows the workspace. Without a chi ủy the
/// application and the sponsor's letter are addressed to the chi bộ, the bí thư signs the summary
/// of comments, and the chi bộ comments on the self-review.
#[test]
fn each_branch_of_a_dang_bo_has_its_own_chi_uy_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let words = |pdf: PathBuf| layout_words(&pdf);
    // The workspace has a chi ủy; the branch of the demo's people (named like the workspace's
    // chi bộ) has none.
    let ws = TestWorkspace::demo();
    ws.edit(
        "to-chuc.yaml",
        "dia_danh: Hạ Long",
        "dia_danh: Hạ Long\ncac_chi_bo:\n  - ma: khu-pho-5\n    ten: Chi bộ Khu phố 5\n    co_chi_uy: false\n  - ma: khu-pho-6\n    ten: Chi bộ Khu phố 6",
    );
    let w = checked(ws.path());
    let summary = words(typeset(&w, "5-KNĐ", Some("tran-thi-binh"), dir.path()).unwrap());
    assert!(summary.contains("T/M CHI BỘ"), "{summary}");
    assert!(!summary.contains("T/M CHI ỦY"), "{summary}");
    for form in ["1-KNĐ", "3-KNĐ"] {
        let text = words(typeset(&w, form, Some("tran-thi-binh"), dir.path()).unwrap());
        assert!(
            text.contains("Kính gửi: Chi bộ Khu phố 5"),
            "{form}: {text}"
        );
        assert!(!text.contains("Kính gửi: Chi ủy"), "{form}: {text}");
    }
    let review = words(typeset(&w, "10-KNĐ", Some("ngo-thi-mai"), dir.path()).unwrap());
    assert!(review.contains("NHẬN XÉT CỦA CHI BỘ"), "{review}");
    assert!(!review.contains("CHI ỦY"), "{review}");
    // A blank form is the workspace's own chi bộ, which has a chi ủy.
    let blank = words(typeset(&w, "5-KNĐ", None, dir.path()).unwrap());
    assert!(blank.contains("T/M CHI ỦY"), "{blank}");
    let blank = words(typeset(&w, "1-KNĐ", None, dir.path()).unwrap());
    assert!(
        blank.contains("Kính gửi: Chi ủy Chi bộ Khu phố 5"),
        "{blank}"
    );

    // The other way round: no chi ủy for the workspace, one for the branch.
    let ws = TestWorkspace::demo();
    ws.edit(
        "to-chuc.yaml",
        "dia_danh: Hạ Long",
        "dia_danh: Hạ Long\nco_chi_uy: false\ncac_chi_bo:\n  - ma: khu-pho-5\n    ten: Chi bộ Khu phố 5\n    co_chi_uy: true",
    );
    let w = checked(ws.path());
    let summary = words(typeset(&w, "5-KNĐ", Some("tran-thi-binh"), dir.path()).unwrap());
    assert!(summary.contains("T/M CHI ỦY"), "{summary}");
    let blank = words(typeset(&w, "5-KNĐ", None, dir.path()).unwrap());
    assert!(blank.contains("T/M CHI BỘ"), "{blank}");
}

/// A đảng bộ keeps several branches in one workspace: a person's forms carry their own branch's
/// name and secretary, never the workspace's.
#[test]
fn a_person_of_another_branch_has_that_branch_and_its_secretary_on_the_forms() {
    let dir = tempfile::tempdir().unwrap();
    let words = |pdf: PathBuf| layout_words(&pdf);
    let ws = TestWorkspace::demo();
    ws.edit(
        "to-chuc.yaml",
        "dia_danh: Hạ Long",
        "dia_danh: Hạ Long\ncac_chi_bo:\n  - ma: khu-pho-5\n    ten: Chi bộ Khu phố 5\n  - ma: khu-pho-6\n    ten: Chi bộ Khu phố 6\n    bi_thu: do-van-hai",
    );
    let text = std::fs::read_to_string(ws.file("ket-nap/ngo-thi-mai.yaml")).unwrap();
    std::fs::write(
        ws.file("ket-nap/ngo-thi-mai.yaml"),
        format!("chi_bo: khu-pho-6\n{text}"),
    )
    .unwrap();
    let w = checked(ws.path());
    let secretary = |id: &str| {
        let text = std::fs::read_to_string(ws.file(&format!("dang-vien/{id}.yaml"))).unwrap();
        let line = text.lines().find(|l| l.starts_with("ho_ten:")).unwrap();
        line["ho_ten:".len()..].trim().to_string()
    };
    let own = secretary("do-van-hai");
    let org = std::fs::read_to_string(ws.file("to-chuc.yaml")).unwrap();
    let home_id = org
        .lines()
        .find_map(|l| l.strip_prefix("bi_thu: "))
        .unwrap()
        .trim()
        .to_string();
    let home = secretary(&home_id);
    assert_ne!(own, home);

    let review = words(typeset(&w, "10-KNĐ", Some("ngo-thi-mai"), dir.path()).unwrap());
    assert!(review.contains("Chi bộ Khu phố 6"), "{review}");
    assert!(!review.contains("Khu phố 5"), "{review}");
    // The demo's own people stay with the workspace's chi bộ and its secretary.
    let summary = words(typeset(&w, "5-KNĐ", Some("tran-thi-binh"), dir.path()).unwrap());
    assert!(summary.contains(&home), "{home}: {summary}");
    let resolution = words(typeset(&w, "13-KNĐ", Some("ngo-thi-mai"), dir.path()).unwrap());
    assert!(resolution.contains("Khu phố 6"), "{resolution}");
    // The branch's secretary signs (the meeting's chair is the record's, whoever it was).
    let signature = &resolution[resolution.find("Nơi nhận").unwrap()..];
    assert!(signature.contains(&own), "{own}: {signature}");
    assert!(!signature.contains(&home), "{home}: {signature}");
}
