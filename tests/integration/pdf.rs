//! PDFs as a clerk gets them: the text poppler extracts, hostile names printed literally, and the
//! same bytes every time.

use crate::common::{TestWorkspace, pdf_text, render_cmd};

fn render(ws: &TestWorkspace, form: &str, person: Option<&str>, out: &str) -> std::path::PathBuf {
    let pdf = ws.file(out);
    let result = render_cmd(ws, form, person, &pdf).output().unwrap();
    assert!(
        result.status.success(),
        "render {form} {person:?}: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    pdf
}

#[test]
fn resolution_6_knd_carries_title_branch_name_and_votes() {
    let ws = TestWorkspace::demo();
    let text = pdf_text(&render(&ws, "6-KNĐ", Some("tran-thi-binh"), "6.pdf"));
    for expected in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG BỘ PHƯỜNG HỒNG GAI",
        "CHI BỘ KHU PHỐ 5",
        "Số 05-NQ/CB",
        "Hạ Long, ngày 16 tháng 10 năm 2026",
        "NGHỊ QUYẾT",
        "đề nghị kết nạp đảng viên",
        "Trần Thị Bình",
        // 06-HD/TW §3.6.b: totals "… đảng viên, trong đó chính thức …".
        "Tổng số đảng viên của chi bộ: 15 đảng viên, trong đó chính thức 13 đảng viên, dự bị 2 đảng viên",
        "Có mặt: 14 đảng viên, trong đó chính thức 12 đảng viên, dự bị 2 đảng viên",
        "Vắng mặt: 1 đảng viên, trong đó chính thức 1 đảng viên, dự bị 0 đảng viên",
        "12/13 đảng viên chính thức được triệu tập, đạt 92,31%",
        "Chi bộ đề nghị cấp ủy cấp trên (Đảng ủy phường Hồng Gai) xem xét, quyết định kết nạp",
        "Căn cứ Quy định số 294-QĐ/TW",
        "T/M CHI BỘ",
        "Nguyễn Văn Thành",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
}

#[test]
fn application_draft_says_it_is_a_draft_and_the_blank_form_has_no_data() {
    let ws = TestWorkspace::demo();
    let draft = pdf_text(&render(&ws, "1-KND", Some("tran-thi-binh"), "1.pdf"));
    for expected in [
        "ĐƠN XIN VÀO ĐẢNG",
        "Bản nháp in từ hồ sơ",
        "Trần Thị Bình",
        "ngày 12 tháng 8 năm 1994",
        "Chi bộ Khu phố 5",
    ] {
        assert!(
            draft.contains(expected),
            "missing `{expected}` in:\n{draft}"
        );
    }
    let blank = pdf_text(&render(&ws, "1-KNĐ", None, "1b.pdf"));
    assert!(
        blank.contains("ĐƠN XIN VÀO ĐẢNG") && blank.contains("Tôi là"),
        "{blank}"
    );
    assert!(
        !blank.contains("Trần Thị Bình") && !blank.contains("Bản nháp"),
        "{blank}"
    );
    assert!(
        blank.contains("....."),
        "blank form has dotted lines: {blank}"
    );
}

#[test]
fn sponsor_letters_one_per_sponsor() {
    let ws = TestWorkspace::demo();
    let text = pdf_text(&render(&ws, "3-KNĐ", Some("tran-thi-binh"), "3.pdf"));
    assert_eq!(
        text.matches("GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG").count(),
        2,
        "{text}"
    );
    for expected in [
        "Lê Minh Tuấn",
        "Hoàng Thị Thu",
        "Tôi xin chịu trách nhiệm trước Đảng về sự giới thiệu của mình",
        "Hạ Long, ngày 25 tháng 9 năm 2026",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
}

/// See the pipeline issue: a name full of Typst syntax prints exactly as written in every form.
#[test]
fn hostile_name_prints_literally_in_every_form() {
    let hostile = r"Lê *Văn* #A $x$ [b] <c> @d \e {{ y }} _z_ // w";
    let ws = TestWorkspace::demo();
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "ho_ten: Trần Thị Bình",
        &format!("ho_ten: '{hostile}'"),
    );
    ws.edit(
        "dang-vien/le-minh-tuan.yaml",
        "ho_ten: Lê Minh Tuấn",
        &format!("ho_ten: '{hostile}'"),
    );
    for form in ["1-KNĐ", "3-KNĐ", "6-KNĐ"] {
        let text = pdf_text(&render(
            &ws,
            form,
            Some("tran-thi-binh"),
            &format!("{form}.pdf"),
        ));
        assert!(
            text.contains(hostile),
            "{form}: hostile name not printed literally:\n{text}"
        );
    }
}

/// Typst reads U+2028 and U+2029 as line breaks: in a value they must stay text, not break the
/// document ("unclosed delimiter") or start a heading.
/// A line or paragraph separator in a value would break the printed line where the clerk sees
/// none: it is an error at its line and column, and no form is printed from the record.
#[test]
fn line_and_paragraph_separators_in_a_value_are_located_errors() {
    let ws = TestWorkspace::demo();
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "ho_ten: Trần Thị Bình",
        r#"ho_ten: "Trần\u2028= Thị\u2029[Bình""#,
    );
    for form in ["1-KNĐ", "6-KNĐ"] {
        let pdf = ws.file(&format!("{form}.pdf"));
        let result = render_cmd(&ws, form, Some("tran-thi-binh"), &pdf)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(1), "{form}: {stderr}");
        assert!(
            stderr.contains("error[forbidden-character]") && stderr.contains("U+2028"),
            "{form}: {stderr}"
        );
        assert!(
            stderr.contains("tran-thi-binh.yaml:2:9"),
            "{form}: {stderr}"
        );
        assert!(!pdf.exists(), "{form}: a PDF was written");
    }
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let ws = TestWorkspace::demo();
    for form in ["1-KNĐ", "3-KNĐ", "6-KNĐ"] {
        let a = std::fs::read(render(&ws, form, Some("tran-thi-binh"), "a.pdf")).unwrap();
        let b = std::fs::read(render(&ws, form, Some("tran-thi-binh"), "b.pdf")).unwrap();
        assert!(a.starts_with(b"%PDF"), "{form}");
        assert!(a == b, "{form}: two renders differ");
    }
}
