//! The whole form set, as a clerk checks it: every form of the catalogue prints, filled from the
//! demo and blank, with its fixed headings and the person's data; long personal histories flow
//! across pages inside the margins; old records cite the rules of their time; wording follows the
//! data (one or several people, re-admission, Youth Union or Trade Union).

use crate::common::{TestWorkspace, fixtures, pdf_text};
use hoso::compile::{FontPolicy, Typesetter};
use hoso::forms::Catalogue;
use hoso::model::load;
use hoso::render::{RenderError, Renderer, Subject};
use hoso::validate::{CheckedWorkspace, check};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn typesetter() -> &'static Typesetter {
    static T: OnceLock<Typesetter> = OnceLock::new();
    T.get_or_init(|| Typesetter::new(FontPolicy::Embedded))
}

fn workspace(root: &Path) -> CheckedWorkspace {
    let loaded = load(root).unwrap();
    let read: Vec<_> = loaded.diagnostics().collect();
    assert!(read.is_empty(), "{read:?}");
    check(loaded)
}

/// Renders `code` for `person` (blank when `None`) and writes the PDF into `out_dir`.
fn render(
    ws: &CheckedWorkspace,
    code: &str,
    person: Option<&str>,
    out_dir: &Path,
) -> Result<PathBuf, RenderError> {
    let form = Catalogue::builtin().form(code).unwrap();
    let renderer = Renderer::new(None).unwrap();
    let source = match person {
        Some(id) => {
            let person = ws.person(id).unwrap();
            let codes: Vec<_> = person.problems().iter().map(|d| d.problem.code()).collect();
            let checked = person
                .checked()
                .unwrap_or_else(|| panic!("{id}: {codes:?}"));
            renderer.render(form, Subject::Filled(checked))?
        }
        None => renderer.render(form, Subject::Blank(ws))?,
    };
    let date = source.date.map(|d| d.0);
    let compiled = typesetter()
        .compile(&source, date)
        .unwrap_or_else(|e| panic!("{}: {e}", source.name));
    let bytes = typesetter().pdf(&compiled, &source.name, date).unwrap();
    let path = out_dir.join(source.name.replace(".typ", ".pdf"));
    std::fs::write(&path, bytes).unwrap();
    Ok(path)
}

/// (form, demo person, what its text must hold).
const FILLED: &[(&str, &str, &[&str])] = &[
    (
        "1-KNĐ",
        "tran-thi-binh",
        &["ĐƠN XIN VÀO ĐẢNG", "Trần Thị Bình", "Kính gửi"],
    ),
    (
        "2-KNĐ",
        "tran-thi-binh",
        &[
            "TRẦN THỊ BÌNH",
            "Trần Văn Nam",
            "Trường Đại học Kinh tế Quốc dân",
            "Nguyễn Thị Hương",
        ],
    ),
    (
        "3-KNĐ",
        "tran-thi-binh",
        &[
            "GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG",
            "Lê Minh Tuấn",
            "Tôi xin chịu trách nhiệm trước Đảng về sự giới thiệu của mình",
        ],
    ),
    (
        "3A-KNĐ",
        "tran-thi-binh",
        &[
            "GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG",
            "Lê Minh Tuấn",
            "Hoàng Thị Thu",
            "Chúng tôi xin chịu trách nhiệm trước Đảng",
        ],
    ),
    (
        "4-KNĐ",
        "dang-van-khoa",
        &[
            "ĐOÀN TNCS HỒ CHÍ MINH",
            "NGHỊ QUYẾT",
            "Đặng Văn Khoa",
            "10/11",
            "ĐOÀN PHƯỜNG HỒNG GAI",
        ],
    ),
    (
        "4A-KNĐ",
        "ngo-thi-mai",
        &[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "NGHỊ QUYẾT",
            "Ngô Thị Mai",
            "Đinh Văn Lực",
        ],
    ),
    (
        "5-KNĐ",
        "tran-thi-binh",
        &[
            "Chi hội Phụ nữ Khu phố 5",
            "Trần Thị Bình",
            "T/M CHI ỦY",
            "đủ điều kiện để chi bộ xem xét đề nghị kết nạp",
        ],
    ),
    (
        "6-KNĐ",
        "tran-thi-binh",
        &[
            "NGHỊ QUYẾT",
            "đề nghị kết nạp đảng viên",
            "Số 05-NQ/CB",
            "12/13 đảng viên chính thức được triệu tập, đạt 92,31%",
        ],
    ),
    (
        "7-KNĐ",
        "ngo-thi-mai",
        &[
            "BÁO CÁO",
            "ĐẢNG ỦY BỘ PHẬN KHU VỰC 2",
            "Ngô Thị Mai",
            "Số 04-BC/ĐU",
            "Nghị quyết số 07-NQ/CB",
        ],
    ),
    (
        "8-KNĐ",
        "ngo-thi-mai",
        &[
            "NGHỊ QUYẾT",
            "Số 58-NQ/ĐU",
            "ĐẢNG BỘ THÀNH PHỐ HẠ LONG",
            "14/15 đồng chí, đạt 93,33%",
            "T/M ĐẢNG ỦY",
        ],
    ),
    (
        "9-KNĐ",
        "vu-quoc-huy",
        &[
            "QUYẾT ĐỊNH",
            "kết nạp đảng viên",
            "Số 125-QĐ/ĐU",
            "BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG HỒNG GAI",
            "Lương Thị Hoa",
            "Vũ Quốc Huy",
            "12 tháng",
            "T/M BAN THƯỜNG VỤ",
        ],
    ),
    (
        "10-KNĐ",
        "ngo-thi-mai",
        &[
            "BẢN TỰ KIỂM ĐIỂM",
            "Ngô Thị Mai",
            "đăng ký học lớp trung cấp lý luận chính trị",
        ],
    ),
    (
        "11-KNĐ",
        "ngo-thi-mai",
        &["NHẬN XÉT", "Phạm Thị Lan", "Ngô Thị Mai"],
    ),
    (
        "12-KNĐ",
        "ngo-thi-mai",
        &[
            "Ngô Thị Mai",
            "Hoàn thành xuất sắc nhiệm vụ năm học 2023–2024",
            "T/M CHI ỦY",
        ],
    ),
    (
        "13-KNĐ",
        "ngo-thi-mai",
        &[
            "đề nghị công nhận đảng viên chính thức",
            "Căn cứ Điều 5, Điều lệ Đảng Cộng sản Việt Nam",
            "Số 09-NQ/CB",
            "kể từ ngày 30 tháng 6 năm 2024",
        ],
    ),
    (
        "14-KNĐ",
        "ngo-thi-mai",
        &["BÁO CÁO", "Số 11-BC/ĐU", "Ngô Thị Mai"],
    ),
    (
        "15-KNĐ",
        "ngo-thi-mai",
        &[
            "đề nghị công nhận đảng viên chính thức",
            "Số 95-NQ/ĐU",
            "13/15",
        ],
    ),
    (
        "16-KNĐ",
        "ngo-thi-mai",
        &[
            "QUYẾT ĐỊNH",
            "công nhận đảng viên chính thức",
            "Số 1021-QĐ/TU",
            "THÀNH ỦY HẠ LONG",
            "K/T BÍ THƯ",
            "PHÓ BÍ THƯ",
            "Tuổi đảng",
            "ngày 15 tháng 6 năm 2023",
        ],
    ),
    (
        "CT-LKN",
        "vu-quoc-huy",
        &[
            "CHƯƠNG TRÌNH",
            "Lễ kết nạp đảng viên",
            "Quốc tế ca",
            "Lương Thị Hoa",
            "Vũ Quốc Huy",
            "lời tuyên thệ",
            "Lê Minh Tuấn",
        ],
    ),
    (
        "BIA-HS",
        "tran-thi-binh",
        &[
            "HỒ SƠ ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN",
            "TRẦN THỊ BÌNH",
            "DANH MỤC TÀI LIỆU",
            "Đơn xin vào Đảng",
        ],
    ),
];

#[test]
fn every_form_prints_filled_with_its_headings_and_data() {
    let out = tempfile::tempdir().unwrap();
    let ws = workspace(&fixtures().join("demo"));
    let codes: Vec<&str> = FILLED.iter().map(|(c, _, _)| *c).collect();
    for form in &Catalogue::builtin().forms {
        assert!(
            codes.contains(&form.ma.as_str()),
            "{} has no filled case here",
            form.ma
        );
    }
    // 3A-KNĐ is a form of the sets before 38-HD/BTCTW: its case is the demo with Trần Thị Bình's
    // process a year earlier (letters of 25 and 28/09/2025).
    let earlier_dir = crate::common::demo_with_person_moved("tran-thi-binh", -365);
    let earlier = workspace(earlier_dir.path());
    let mut failures = Vec::new();
    for (code, person, expected) in FILLED {
        let ws = if *code == "3A-KNĐ" { &earlier } else { &ws };
        let text = pdf_text(&render(ws, code, Some(person), out.path()).unwrap());
        for e in *expected {
            if !text.contains(e) {
                failures.push(format!("{code} for {person}: missing `{e}`"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_form_prints_blank_with_dotted_lines_and_no_one_s_data() {
    let out = tempfile::tempdir().unwrap();
    let ws = workspace(&fixtures().join("demo"));
    for form in &Catalogue::builtin().forms {
        let text = pdf_text(&render(&ws, &form.ma, None, out.path()).unwrap());
        assert!(text.contains("....."), "{}: no dotted line", form.ma);
        if form.ma == "3-KNĐ" {
            // Punctuation right after a blank stays (Typst would swallow a bare `;`).
            assert!(text.contains(".; chính thức"), "{text}");
        }
        for name in [
            "Trần Thị Bình",
            "Ngô Thị Mai",
            "Vũ Quốc Huy",
            "Lương Thị Hoa",
        ] {
            assert!(!text.contains(name), "{}: blank form shows {name}", form.ma);
        }
    }
}

/// Word boxes of a PDF (`pdftotext -bbox`): (page width, page height, words as (xMin, yMin,
/// xMax, yMax, text)).
/// A word on a page: xMin, yMin, xMax, yMax (points from the top left), text.
type Word = (f64, f64, f64, f64, String);

fn word_boxes(pdf: &Path) -> Vec<(f64, f64, Vec<Word>)> {
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let head = chunk.split('>').next().unwrap();
        let mut words = Vec::new();
        for w in chunk.split("<word ").skip(1) {
            let tag = w.split('>').next().unwrap();
            let text = w
                .split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_string();
            words.push((
                attr(tag, "xMin"),
                attr(tag, "yMin"),
                attr(tag, "xMax"),
                attr(tag, "yMax"),
                text,
            ));
        }
        pages.push((attr(head, "width"), attr(head, "height"), words));
    }
    pages
}

#[test]
fn a_long_personal_history_flows_across_pages_inside_the_margins() {
    let ws = TestWorkspace::demo();
    let mut extra = String::from("  cong_tac:\n");
    for i in 1..=30 {
        extra += &format!(
            "    - tu: {:02}/{}\n      den: {:02}/{}\n      noi_dung: Công tác số {i} tại đơn vị thứ {i} của tỉnh Quảng Ninh, giữ chức vụ chuyên viên\n",
            (i % 12) + 1,
            1990 + i,
            (i % 12) + 1,
            1991 + i
        );
    }
    extra += "  gia_dinh:\n";
    for i in 1..=12 {
        extra += &format!(
            "    - quan_he: Người thân {i}\n      ho_ten: Người Thân Số{i}\n      nam_sinh: {}\n      que_quan: Xã Đầm Hà, tỉnh Quảng Ninh\n      noi_o: Phường Hồng Gai, tỉnh Quảng Ninh\n      nghe_nghiep: Làm ruộng\n      lich_su: Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; không tham gia tổ chức nào của chế độ cũ.\n",
            1950 + i
        );
    }
    // Replace the demo's history and family by the long ones.
    let path = ws.file("ket-nap/tran-thi-binh.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("  cong_tac:").unwrap();
    let end = text.find("  dac_diem_lich_su:").unwrap();
    let mut text = format!("{}{}", &text[..start], &text[end..]);
    let start = text.find("  gia_dinh:").unwrap();
    let end = text.find("  tu_nhan_xet:").unwrap();
    text = format!("{}{extra}{}", &text[..start], &text[end..]);
    std::fs::write(&path, text).unwrap();

    let w = workspace(ws.path());
    let pdf = render(&w, "2-KNĐ", Some("tran-thi-binh"), ws.path()).unwrap();
    let all = pdf_text(&pdf);
    assert!(
        all.contains("Công tác số 30 tại đơn vị thứ 30"),
        "the 30th entry is missing"
    );
    for i in 1..=12 {
        assert!(
            all.contains(&format!("Người Thân Số{i}")),
            "relative {i} is missing"
        );
    }
    let pages = word_boxes(&pdf);
    assert!(pages.len() >= 4, "only {} pages", pages.len());
    // 20/20/30/15 mm margins, with a little room for the page number in the top margin.
    let mm = 72.0 / 25.4;
    for (n, (width, height, words)) in pages.iter().enumerate() {
        // The "BẢN NHÁP" watermark of a draft is meant to lie across the text.
        let words: Vec<_> = words.iter().filter(|w| w.3 - w.1 < 30.0).collect();
        // The draft's note is in the bottom margin of every page, and nothing else is.
        let note = "Bản nháp in từ hồ sơ để người xin vào Đảng tham khảo; lý lịch do người xin vào Đảng tự khai, tự viết tay vào mẫu in sẵn, không tẩy xóa, sửa chữa.";
        let (in_margin, words): (Vec<_>, Vec<_>) = words
            .into_iter()
            .partition(|w| w.1 > height - 20.0 * mm && w.3 < height - 5.0 * mm);
        assert!(!in_margin.is_empty(), "page {}: no draft note", n + 1);
        for w in &in_margin {
            assert!(
                note.split_whitespace().any(|n| n == w.4),
                "page {}: `{}` in the bottom margin",
                n + 1,
                w.4
            );
        }
        for (x0, y0, x1, y1, t) in words.iter().copied() {
            assert!(
                *x0 >= 30.0 * mm - 1.0 && *x1 <= width - 15.0 * mm + 1.0,
                "page {}: `{t}` outside the side margins ({x0}–{x1})",
                n + 1
            );
            assert!(
                *y0 >= 5.0 * mm && *y1 <= height - 20.0 * mm + 3.0,
                "page {}: `{t}` outside the page body ({y0}–{y1})",
                n + 1
            );
        }
        // Overlapping words would mean lines set over each other.
        for (i, a) in words.iter().enumerate() {
            for b in words[i + 1..].iter() {
                let overlap_x = a.2.min(b.2) - a.0.max(b.0);
                let overlap_y = a.3.min(b.3) - a.1.max(b.1);
                assert!(
                    overlap_x < 1.0 || overlap_y < 1.0,
                    "page {}: `{}` overlaps `{}`",
                    n + 1,
                    a.4,
                    b.4
                );
            }
        }
    }
}

/// A person admitted by a decision of `date`, the branch having proposed it in May 2023.
const DECIDED: &str = "ho_ten: Phan Văn Tùng\ngioi_tinh: nam\nngay_sinh: 02/03/1990\nque_quan: Xã Đầm Hà, tỉnh Quảng Ninh\nnoi_o: Phường Hồng Gai, tỉnh Quảng Ninh\ndan_toc: Kinh\nton_giao: Không\ndon_xin_vao_dang:\n  ngay: 10/01/2023\nhop_chi_bo:\n  ngay: 20/05/2023\n  dang_vien: {chinh_thuc: 12}\n  co_mat: {chinh_thuc: 12}\n  chu_tri: nguyen-van-thanh\n  thu_ky: pham-thi-lan\n  tan_thanh: 12\n  khong_tan_thanh: 0\nquyet_dinh_ket_nap:\n  so: 77-QĐ/ĐU\n  ngay: DATE\n";

#[test]
fn the_same_decision_cites_the_rules_in_force_on_its_date() {
    let ws = TestWorkspace::demo();
    let file = ws.file("ket-nap/phan-van-tung.yaml");
    std::fs::write(&file, DECIDED.replace("DATE", "15/06/2023")).unwrap();
    let text_2023 = pdf_text(
        &render(
            &workspace(ws.path()),
            "9-KNĐ",
            Some("phan-van-tung"),
            ws.path(),
        )
        .unwrap(),
    );
    assert!(
        text_2023.contains("Quy định số 24-QĐ/TW ngày 30/7/2021"),
        "{text_2023}"
    );
    assert!(text_2023.contains("Hướng dẫn số 01-HD/TW"));
    assert!(!text_2023.contains("294-QĐ/TW"));

    std::fs::write(&file, DECIDED.replace("DATE", "15/08/2025")).unwrap();
    let text_2025 = pdf_text(
        &render(
            &workspace(ws.path()),
            "9-KNĐ",
            Some("phan-van-tung"),
            ws.path(),
        )
        .unwrap(),
    );
    assert!(
        text_2025.contains("Quy định số 294-QĐ/TW ngày 26/5/2025"),
        "{text_2025}"
    );
    assert!(text_2025.contains("Hướng dẫn số 06-HD/TW"));
    assert!(!text_2025.contains("24-QĐ/TW ngày 30/7/2021"));
}

#[test]
fn wording_follows_the_data() {
    let out = tempfile::tempdir().unwrap();
    let ws = workspace(&fixtures().join("demo"));
    // A single re-admission: "kết nạp lại", and the written consent is cited.
    let six = pdf_text(&render(&ws, "6-KNĐ", Some("luong-thi-hoa"), out.path()).unwrap());
    assert!(
        six.contains("đề nghị kết nạp lại quần chúng Lương Thị Hoa"),
        "{six}"
    );
    let nine = pdf_text(&render(&ws, "9-KNĐ", Some("luong-thi-hoa"), out.path()).unwrap());
    assert!(nine.contains("Văn bản số 215-CV/TU"), "{nine}");
    assert!(nine.contains("các quần chúng có tên sau"), "{nine}");
    assert!(nine.contains("(kết nạp lại)"));
    // One person in a decision: singular wording.
    let single = pdf_text(&render(&ws, "9-KNĐ", Some("ngo-thi-mai"), out.path()).unwrap());
    assert!(
        single.contains("Kết nạp vào Đảng Cộng sản Việt Nam quần chúng Ngô Thị Mai"),
        "{single}"
    );
    assert!(!single.contains("các quần chúng"));
    // A deputy signs "K/T BÍ THƯ".
    assert!(single.contains("K/T BÍ THƯ"));
}

#[test]
fn a_union_form_for_someone_the_youth_union_introduced_is_refused() {
    let ws = workspace(&fixtures().join("demo"));
    let out = tempfile::tempdir().unwrap();
    match render(&ws, "4A-KNĐ", Some("dang-van-khoa"), out.path()) {
        Err(RenderError::Data(d)) => {
            assert_eq!(d[0].problem.code(), "form-not-applicable");
        }
        other => panic!("expected form-not-applicable, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn the_union_body_s_title_is_printed_once_when_the_clerk_types_it() {
    let out = tempfile::tempdir().unwrap();
    let copy = crate::common::TestWorkspace::demo();
    let file = "ket-nap/dang-van-khoa.yaml";
    copy.edit(
        file,
        "co_quan: Đoàn phường Hồng Gai",
        "co_quan: Ban Chấp hành Đoàn phường Hồng Gai",
    );
    let ws = workspace(copy.path());
    let text = pdf_text(&render(&ws, "4-KNĐ", Some("dang-van-khoa"), out.path()).unwrap());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Ban Chấp hành Đoàn phường Hồng Gai"),
        "{flat}"
    );
    assert!(!flat.contains("Ban Chấp hành Ban Chấp hành"), "{flat}");
    // As the demo writes it, the form adds the title.
    let demo = workspace(&fixtures().join("demo"));
    let text = pdf_text(&render(&demo, "4-KNĐ", Some("dang-van-khoa"), out.path()).unwrap());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Ban Chấp hành Đoàn phường Hồng Gai"),
        "{flat}"
    );
}

/// The sections a personal history keeps whole with their signature ((23) the pledge, (24)–(26)
/// the comments written after verification), filled and blank: each heading stands a line's
/// height clear of the signature above it, and a heading of several lines never leaves one word
/// alone on its last ("(25) … (NƠI KHÔNG CÓ CHI" / "ỦY)" was printed).
#[test]
fn the_sections_of_a_personal_history_stand_clear_of_the_signature_above() {
    let ws = TestWorkspace::demo();
    let w = workspace(ws.path());
    for person in [Some("tran-thi-binh"), None] {
        let pdf = render(&w, "2-KNĐ", person, ws.path()).unwrap();
        // The "BẢN NHÁP" watermark of a draft lies across the text: not a line of it.
        let pages: Vec<Vec<Word>> = word_boxes(&pdf)
            .into_iter()
            .map(|(_, _, words)| words.into_iter().filter(|w| w.3 - w.1 < 30.0).collect())
            .collect();
        for item in ["(23)", "(24)", "(25)", "(26)"] {
            let (page, heading) = pages
                .iter()
                .find_map(|words| {
                    let at = words.iter().position(|w| w.4 == item)?;
                    Some((words, &words[at]))
                })
                .unwrap_or_else(|| panic!("{person:?}: no heading {item}"));
            // The heading's lines: from its first word to the first line with a lower-case word.
            let mut lines: Vec<Vec<&Word>> = Vec::new();
            for w in page.iter().filter(|w| w.1 >= heading.1 - 1.0) {
                match lines.last_mut() {
                    Some(line) if (line[0].1 - w.1).abs() < 3.0 => line.push(w),
                    _ => lines.push(vec![w]),
                }
            }
            lines.sort_by(|a, b| a[0].1.total_cmp(&b[0].1));
            let heading_lines: Vec<&Vec<&Word>> = lines
                .iter()
                .take_while(|l| {
                    l.iter()
                        .all(|w| w.4.chars().all(|c| !c.is_lowercase()) && !w.4.starts_with(".."))
                })
                .collect();
            assert!(
                heading_lines.len() == 1 || heading_lines.last().unwrap().len() >= 2,
                "{person:?}: {item} leaves one word alone: {heading_lines:?}"
            );
            // The nearest line above the heading on its page, if any.
            let above = page
                .iter()
                .filter(|w| w.3 < heading.1 - 1.0)
                .map(|w| w.3)
                .fold(f64::NEG_INFINITY, f64::max);
            if above.is_finite() {
                let gap = heading.1 - above;
                assert!(
                    gap >= 14.0,
                    "{person:?}: {item} is {gap:.1} pt under the line above it"
                );
            }
        }
    }
}
