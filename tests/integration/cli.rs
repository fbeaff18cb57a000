//! The `hoso` command as a clerk uses it: exit codes, messages and JSON diagnostics.

use crate::common::{TestWorkspace, hoso, render_cmd};
use insta_cmd::assert_cmd_snapshot;

/// Replaces the temporary folder in output by `[WS]`.
macro_rules! snapshot {
    ($ws:expr, $cmd:expr, @$snap:literal) => {{
        let mut settings = insta::Settings::clone_current();
        settings.add_filter(&regex_escape(&$ws.path().display().to_string()), "[WS]");
        settings.bind(|| assert_cmd_snapshot!($cmd, @$snap));
    }};
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '/' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

#[test]
fn init_then_validate_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo");
    let out = hoso().arg("init").arg(&ws).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = hoso().arg("validate").arg(&ws).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "10 hồ sơ: 0 lỗi, 0 cảnh báo\n"
    );
    // init never writes into a folder that holds data
    let out = hoso().arg("init").arg(&ws).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không ghi đè"));
}

#[test]
fn list_shows_people_and_stages() {
    let ws = TestWorkspace::demo();
    snapshot!(ws, hoso().arg("list").arg(ws.path()), @r"
    success: true
    exit_code: 0
    ----- stdout -----
    id                họ tên            giai đoạn
    dang-van-khoa     Đặng Văn Khoa     đã có đơn xin vào Đảng
    do-van-hai        Đỗ Văn Hải        đảng viên chính thức
    hoang-thi-thu     Hoàng Thị Thu     đảng viên chính thức
    le-minh-tuan      Lê Minh Tuấn      đảng viên chính thức
    luong-thi-hoa     Lương Thị Hoa     đảng viên dự bị
    ngo-thi-mai       Ngô Thị Mai       đảng viên chính thức
    nguyen-van-thanh  Nguyễn Văn Thành  đảng viên chính thức
    pham-thi-lan      Phạm Thị Lan      đảng viên chính thức
    tran-thi-binh     Trần Thị Bình     chi bộ đã đề nghị kết nạp
    vu-quoc-huy       Vũ Quốc Huy       đảng viên dự bị

    ----- stderr -----
    ");
    let out = hoso()
        .args(["list", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    let rows = json(&out);
    let stage = |id: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| r["giai_doan"].clone())
            .unwrap()
    };
    assert_eq!(stage("tran-thi-binh"), "chi-bo-de-nghi");
    assert_eq!(stage("vu-quoc-huy"), "du-bi");
    assert_eq!(stage("ngo-thi-mai"), "chinh-thuc");
}

#[test]
fn forms_lists_the_catalogue() {
    let ws = TestWorkspace::demo();
    snapshot!(ws, hoso().arg("forms"), @r"
    success: true
    exit_code: 0
    ----- stdout -----
    1-KNĐ    Đơn xin vào Đảng  (Người xin vào Đảng; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    2-KNĐ    Lý lịch của người xin vào Đảng  (Người xin vào Đảng; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    3-KNĐ    Giấy giới thiệu người vào Đảng  (Đảng viên giới thiệu; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    3A-KNĐ   Giấy giới thiệu người vào Đảng (của hai đảng viên chính thức)  (Hai đảng viên giới thiệu; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW)
    4-KNĐ    Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng  (Ban Chấp hành Đoàn cơ sở; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    4A-KNĐ   Nghị quyết giới thiệu đoàn viên công đoàn vào Đảng  (Ban Chấp hành Công đoàn cơ sở; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    5-KNĐ    Tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội nơi người vào Đảng sinh hoạt và chi ủy (hoặc chi bộ) nơi cư trú đối với người vào Đảng  (Chi ủy; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    6-KNĐ    Nghị quyết đề nghị kết nạp đảng viên  (Chi bộ; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    7-KNĐ    Báo cáo thẩm định của đảng ủy bộ phận đối với nghị quyết đề nghị kết nạp đảng viên của chi bộ  (Đảng ủy bộ phận; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    8-KNĐ    Nghị quyết đề nghị kết nạp đảng viên của đảng ủy cơ sở  (Đảng ủy cơ sở; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    9-KNĐ    Quyết định kết nạp đảng viên  (Cấp ủy có thẩm quyền; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    10-KNĐ   Bản tự kiểm điểm của đảng viên dự bị  (Đảng viên dự bị; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    11-KNĐ   Bản nhận xét đảng viên dự bị của đảng viên chính thức được phân công giúp đỡ  (Đảng viên chính thức được phân công giúp đỡ; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    12-KNĐ   Tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội nơi đảng viên dự bị sinh hoạt và chi ủy (hoặc chi bộ) nơi cư trú đối với đảng viên dự bị  (Chi ủy; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    13-KNĐ   Nghị quyết đề nghị công nhận đảng viên chính thức  (Chi bộ; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    14-KNĐ   Báo cáo thẩm định của đảng ủy bộ phận đối với nghị quyết đề nghị công nhận đảng viên chính thức của chi bộ  (Đảng ủy bộ phận; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    15-KNĐ   Nghị quyết đề nghị công nhận đảng viên chính thức của đảng ủy cơ sở  (Đảng ủy cơ sở; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    16-KNĐ   Quyết định công nhận đảng viên chính thức  (Cấp ủy có thẩm quyền; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    BIA-HS   Bìa hồ sơ và danh mục tài liệu  (Chi bộ; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)
    CT-LKN   Chương trình lễ kết nạp đảng viên  (Chi bộ; 24-QĐ/TW, 232-QĐ/TW, 294-QĐ/TW, 38-HD/BTCTW)

    ----- stderr -----
    ");
}

/// See the pipeline issue: deleting a candidate's `ngay_sinh` fails validation with a JSON
/// diagnostic in that file, at a line inside the candidate's record.
#[test]
fn missing_birth_date_is_an_error_located_in_the_record() {
    let ws = TestWorkspace::demo();
    ws.edit("ket-nap/tran-thi-binh.yaml", "ngay_sinh: 12/08/1994\n", "");
    let out = hoso()
        .args(["validate", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diags = json(&out);
    let d = &diags.as_array().unwrap()[0];
    assert_eq!(diags.as_array().unwrap().len(), 1, "{diags:#}");
    assert_eq!(d["code"], "missing-field");
    assert_eq!(d["severity"], "error");
    assert!(
        d["file"]
            .as_str()
            .unwrap()
            .ends_with("ket-nap/tran-thi-binh.yaml"),
        "{d}"
    );
    let lines = std::fs::read_to_string(ws.file("ket-nap/tran-thi-binh.yaml"))
        .unwrap()
        .lines()
        .count() as u64;
    let line = d["line"].as_u64().unwrap();
    assert!((1..=lines).contains(&line), "{d}");
    assert_eq!(d["message"], "thiếu `ngay_sinh` (ngày sinh)");

    // and the form is refused, with the same diagnostic in the clerk's words
    let out = render_cmd(&ws, "6-KNĐ", Some("tran-thi-binh"), &ws.file("x.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!ws.file("x.pdf").exists());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[missing-field]: thiếu `ngay_sinh` (ngày sinh)"),
        "{stderr}"
    );
}

#[test]
fn human_diagnostics_quote_the_yaml_and_hint_in_english_on_request() {
    let ws = TestWorkspace::demo();
    ws.edit("ket-nap/tran-thi-binh.yaml", "que_quan:", "que_quanx:");
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "ngay: 16/10/2026",
        "ngay: 16/10/2025",
    );
    snapshot!(ws, hoso().args(["--lang", "en", "validate"]).arg(ws.path()), @r"
    success: false
    exit_code: 1
    ----- stdout -----

    ----- stderr -----
    error[unknown-key]: unknown key `que_quanx`
      ┌─ [WS]/ket-nap/tran-thi-binh.yaml:6:1
      │
    6 │ que_quanx: Phường Hồng Gai, tỉnh Quảng Ninh
      │ ^^^^^^^^^
      │
      = hint: did you mean `que_quan`?

    error[missing-field]: `que_quan` (home town) is required
      ┌─ [WS]/ket-nap/tran-thi-binh.yaml:2:1
      │
    2 │ ho_ten: Trần Thị Bình
      │ ^^^^^^
      │
      = hint: add a line `que_quan: ...` to the record

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `don_xin_vao_dang.ngay` (20/05/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `don_xin_vao_dang.ngay`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `ly_lich.ngay_khai` (01/06/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `ly_lich.ngay_khai`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `ly_lich.nhan_xet_chi_uy.ngay` (20/09/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `ly_lich.nhan_xet_chi_uy.ngay`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `ly_lich.chung_nhan_cap_uy.ngay` (30/09/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `ly_lich.chung_nhan_cap_uy.ngay`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `giay_chung_nhan.ngay` (15/04/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `giay_chung_nhan.ngay`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `nguoi_gioi_thieu[0].ngay_viet` (25/09/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `nguoi_gioi_thieu[0].ngay_viet`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `nguoi_gioi_thieu[1].ngay_viet` (28/09/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `nguoi_gioi_thieu[1].ngay_viet`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `tong_hop_nhan_xet.doan_the[0].ngay` (25/09/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `tong_hop_nhan_xet.doan_the[0].ngay`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `tong_hop_nhan_xet.doan_the[1].ngay` (28/09/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `tong_hop_nhan_xet.doan_the[1].ngay`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `tong_hop_nhan_xet.noi_cu_tru.ngay` (30/09/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `tong_hop_nhan_xet.noi_cu_tru.ngay`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    error[document-order]: `hop_chi_bo.ngay` (16/10/2025) is before `tong_hop_nhan_xet.ngay` (05/10/2026)
       ┌─ [WS]/ket-nap/tran-thi-binh.yaml:42:9
       │
    42 │   ngay: 16/10/2025
       │         ^^^^^^^^^^
       │
       = hint: in the order of the dossier `hop_chi_bo.ngay` comes after `tong_hop_nhan_xet.ngay`: check both dates
       = rule: R8 · 06-HD/TW §3.6.a [38-HD/BTCTW]

    10 records: 13 errors, 0 warnings
    ");
}

#[test]
fn a_yaml_syntax_error_reports_its_line_and_the_others_still_load() {
    let ws = TestWorkspace::demo();
    ws.edit(
        "ket-nap/dang-van-khoa.yaml",
        "dan_toc: Kinh",
        "dan_toc: [Kinh",
    );
    let out = hoso()
        .args(["validate", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diags = json(&out);
    let d = &diags[0];
    assert_eq!(d["code"], "yaml-syntax");
    assert!(d["file"].as_str().unwrap().ends_with("dang-van-khoa.yaml"));
    let line = d["line"].as_u64().unwrap();
    assert!((8..=10).contains(&line), "syntax error at line {line}: {d}");
    // everyone else is still there
    let out = hoso()
        .args(["list", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(json(&out).as_array().unwrap().len(), 9);
}

/// Runs `validate --format json` on a demo workspace with one more person file, `text`; checks
/// that the file's one diagnostic has `code` and a line, and that everyone else still loads.
fn only_that_file_fails(text: &str, code: &str) {
    let ws = TestWorkspace::demo();
    std::fs::write(ws.file("ket-nap/hong.yaml"), text).unwrap();
    let started = std::time::Instant::now();
    let out = hoso()
        .args(["validate", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let diags = json(&out);
    let diags = diags.as_array().unwrap();
    let own: Vec<_> = diags
        .iter()
        .filter(|d| d["file"].as_str().unwrap().ends_with("hong.yaml"))
        .collect();
    // The file's problem, located; its unknown keys may be reported beside it, nothing else.
    let found = own.iter().find(|d| d["code"] == code);
    assert!(
        found.is_some_and(|d| d["line"].as_u64().unwrap() >= 1),
        "{diags:#?}"
    );
    assert!(
        own.iter()
            .all(|d| d["code"] == code || d["code"] == "unknown-key"),
        "{diags:#?}"
    );
    // The other files are clean: nothing else is reported.
    assert_eq!(diags.len(), own.len(), "{diags:#?}");
    // A hostile file costs a diagnostic, not minutes.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    let out = hoso()
        .args(["list", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(json(&out).as_array().unwrap().len(), 10);
}

/// Issue 17: YAML nested 4,000 levels deep (blocks or brackets), or just past the reader's limit
/// (under a key that serde skips, where it would recurse), is that file's error, never a stack
/// overflow; every other file still loads.
#[test]
fn a_deeply_nested_file_is_that_files_error() {
    let nested = |levels: usize| -> String {
        (1..=levels)
            .map(|i| format!("{}a:\n", "  ".repeat(i)))
            .collect()
    };
    for levels in [30, 100, 4000] {
        only_that_file_fails(
            &format!("ho_ten: A\ntang_sau:\n{}", nested(levels)),
            "yaml-too-deep",
        );
        only_that_file_fails(
            &format!(
                "ho_ten: A\ntang_sau: {}1{}\n",
                "[".repeat(levels),
                "]".repeat(levels)
            ),
            "yaml-too-deep",
        );
    }
    // An unclosed 4,000-deep flow list, too.
    only_that_file_fails(
        &format!("ho_ten: A\ntang_sau: {}\n", "[".repeat(4000)),
        "yaml-too-deep",
    );
}

/// Issue 17: an alias bomb ("billion laughs": nine aliases of nine aliases ... of a list) is that
/// file's error, refused before it expands; every other file still loads.
#[test]
fn an_alias_bomb_is_that_files_error() {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let (prev, name) = (w[0], w[1]);
        let aliases = vec![format!("*{prev}"); 9].join(", ");
        text.push_str(&format!("{name}: &{name} [{aliases}]\n"));
    }
    only_that_file_fails(&format!("{text}ho_ten: *i\n"), "yaml-too-large");
}

/// Messages of the YAML reader are hoso's, in Vietnamese by default: no English parser or serde
/// text inside them; the English ones come with `--lang en`.
#[test]
fn yaml_problems_are_worded_in_vietnamese() {
    let ws = TestWorkspace::demo();
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "  tan_thanh: 12",
        "  tan_thanh: mười hai",
    );
    ws.edit(
        "ket-nap/dang-van-khoa.yaml",
        "dan_toc: Kinh",
        "dan_toc: [Kinh",
    );
    ws.edit(
        "ket-nap/vu-quoc-huy.yaml",
        "gioi_tinh: nam",
        "gioi_tinh: khác",
    );
    let messages = |lang: &str| -> Vec<String> {
        let out = hoso()
            .args(["validate", "--format", "json", "--lang", lang])
            .arg(ws.path())
            .output()
            .unwrap();
        json(&out)
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    let vi = messages("vi");
    for expected in [
        "lỗi cú pháp YAML: dấu `:` đặt sai chỗ",
        "giá trị của `hop_chi_bo.tan_thanh` không hợp lệ: cần một số đếm",
        "giá trị của `gioi_tinh` không hợp lệ: `khác` không phải một trong `nam`, `nữ`",
    ] {
        assert!(
            vi.iter().any(|m| m.contains(expected)),
            "{expected}: {vi:#?}"
        );
    }
    for m in &vi {
        for english in [
            "expected", "invalid", "found", "while", "sequence", "u32", "string",
        ] {
            assert!(!m.contains(english), "`{english}` in {m}");
        }
    }
    let en = messages("en");
    assert!(
        en.iter().any(|m| m.starts_with("YAML syntax error")),
        "{en:#?}"
    );
}

#[test]
fn bad_values_never_panic() {
    let ws = TestWorkspace::demo();
    let cases = [
        (
            "ngay_sinh: 12/08/1994",
            "ngay_sinh: 31/02/1994",
            "invalid-date",
        ),
        ("gioi_tinh: nữ", "gioi_tinh: khác", "invalid-value"),
        ("  tan_thanh: 12", "  tan_thanh: mười hai", "invalid-value"),
        ("ho_ten: Trần Thị Bình", "ho_ten: [a, b]", "invalid-value"),
        ("  tan_thanh: 12", "  tan_thanh: 15", "count-mismatch"),
        (
            "  chu_tri: nguyen-van-thanh",
            "  chu_tri: nguyen-van-than",
            "unknown-person",
        ),
        (
            "  - dang_vien: le-minh-tuan",
            "  - dang_vien: dang-van-khoa",
            "not-a-member",
        ),
    ];
    for (from, to, code) in cases {
        ws.edit("ket-nap/tran-thi-binh.yaml", from, to);
        let out = hoso()
            .args(["validate", "--format", "json"])
            .arg(ws.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{to}");
        let diags = json(&out);
        assert!(
            diags.as_array().unwrap().iter().any(|d| d["code"] == code),
            "{to}: expected {code} in {diags:#}"
        );
        ws.edit("ket-nap/tran-thi-binh.yaml", to, from);
    }
    std::fs::write(ws.file("ket-nap/empty.yaml"), "").unwrap();
    let out = hoso()
        .args(["validate", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(json(&out)[0]["code"], "empty-file");
}

#[test]
fn usage_errors_exit_2_with_suggestions() {
    let ws = TestWorkspace::demo();
    snapshot!(ws, hoso().args(["render", "6-KNX", "tran-thi-binh", "-o", "x.pdf", "-w"]).arg(ws.path()), @r"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    lỗi: không có mẫu `6-KNX`; xem `hoso forms`
    gợi ý: có phải ý là `6-KNĐ`?
    ");
    snapshot!(ws, hoso().args(["render", "6-KND", "tran-thi-bin", "-o", "x.pdf", "-w"]).arg(ws.path()), @r"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    lỗi: không có người mang mã `tran-thi-bin`; xem `hoso list`
    gợi ý: có phải ý là `tran-thi-binh`?
    ");
    snapshot!(ws, hoso().args(["validate", "/nonexistent/hoso"]), @r"
    success: false
    exit_code: 2
    ----- stdout -----

    ----- stderr -----
    lỗi: `/nonexistent/hoso` không phải thư mục hồ sơ: thiếu tệp `to-chuc.yaml`
    gợi ý: tạo thư mục mẫu bằng `hoso init DIR`
    ");
}

#[test]
fn typst_output_compiles_with_its_library_beside_it() {
    let ws = TestWorkspace::demo();
    let out = render_cmd(&ws, "6-KNĐ", Some("tran-thi-binh"), &ws.file("out/6.pdf"))
        .arg("--typst")
        .arg(ws.file("out/6.typ"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let source = std::fs::read_to_string(ws.file("out/6.typ")).unwrap();
    assert!(source.starts_with("#import \"hoso.typ\": *"));
    assert!(ws.file("out/hoso.typ").is_file());
    assert!(ws.file("out/6.pdf").is_file());
}

#[test]
fn a_workspace_template_overrides_the_builtin_one() {
    let ws = TestWorkspace::demo();
    let builtin = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/forms/6-knd.typ.j2"
    ))
    .unwrap();
    std::fs::create_dir_all(ws.file("templates/forms")).unwrap();
    std::fs::write(
        ws.file("templates/forms/6-knd.typ.j2"),
        builtin.replace("Chủ trì hội nghị", "Chủ trì cuộc họp"),
    )
    .unwrap();
    let out = render_cmd(&ws, "6-KNĐ", Some("tran-thi-binh"), &ws.file("6.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(crate::common::pdf_text(&ws.file("6.pdf")).contains("Chủ trì cuộc họp"));
}

#[test]
fn run_can_be_called_twice() {
    assert_eq!(hoso::run(["hoso", "forms"]), 0);
    assert_eq!(hoso::run(["hoso", "forms"]), 0);
    assert_eq!(hoso::run(["hoso", "no-such-command"]), 2);
}

/// `cap-so` numbers a document in the series and term of its own date (issue 26): on a synthetic
/// workspace whose resolutions fall in an earlier term than its register's, three people's 6-KNĐ
/// get three different numbers, and the workspace still validates clean.
#[test]
fn numbers_for_documents_of_an_earlier_term_are_never_given_twice() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("s");
    let init = hoso()
        .arg("init")
        .arg(&ws)
        .args(["--people", "20"])
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let mut ids: Vec<String> = std::fs::read_dir(ws.join("ket-nap"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    ids.sort();
    let mut numbers = Vec::new();
    for id in &ids {
        let out = hoso()
            .args(["cap-so", "6-KNĐ", id, "-w"])
            .arg(&ws)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && text.starts_with("Số ") {
            numbers.push(text);
        }
        if numbers.len() == 3 {
            break;
        }
    }
    assert_eq!(
        numbers.len(),
        3,
        "three people's 6-KNĐ numbered: {numbers:?}"
    );
    let distinct: std::collections::BTreeSet<_> = numbers.iter().collect();
    assert_eq!(distinct.len(), 3, "{numbers:?}");
    let v = hoso().arg("validate").arg(&ws).output().unwrap();
    assert_eq!(
        v.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&v.stdout),
        String::from_utf8_lossy(&v.stderr)
    );
}

/// `cap-so` gives the next number of the series in the current term, writes it into the
/// register without touching the other lines, the form prints it, and asking again gives the
/// same number; a number of an earlier term does not count, a reused one is reported.
#[test]
fn numbers_come_from_the_register_and_are_never_reused_in_a_term() {
    let ws = TestWorkspace::demo();
    let before = std::fs::read_to_string(ws.file("to-chuc.yaml")).unwrap();
    // Đặng Văn Khoa's branch meeting happens: his resolution needs a number.
    ws.edit(
        "ket-nap/dang-van-khoa.yaml",
        "# Đoàn viên trong độ tuổi",
        "hop_chi_bo:\n  ngay: 20/11/2026\n  dang_vien: {chinh_thuc: 13, du_bi: 2}\n  co_mat: {chinh_thuc: 13, du_bi: 2}\n  chu_tri: nguyen-van-thanh\n  thu_ky: pham-thi-lan\n  tan_thanh: 13\n  khong_tan_thanh: 0\n# Đoàn viên trong độ tuổi",
    );
    let cap_so = || {
        hoso()
            .args(["cap-so", "6-KNĐ", "dang-van-khoa", "-w"])
            .arg(ws.path())
            .output()
            .unwrap()
    };
    let out = cap_so();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 3, 4, 5 are this term's resolutions; 7 and 9 were numbered in the term before.
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Số 06-NQ/CB\n");
    let after = std::fs::read_to_string(ws.file("to-chuc.yaml")).unwrap();
    assert!(after.starts_with(&before), "existing lines changed");
    assert!(after[before.len()..].contains("mau: 6-KNĐ\n    nguoi: dang-van-khoa"));
    // Asking again gives the same number and writes nothing.
    let again = cap_so();
    assert_eq!(String::from_utf8_lossy(&again.stdout), "Số 06-NQ/CB\n");
    assert_eq!(
        std::fs::read_to_string(ws.file("to-chuc.yaml")).unwrap(),
        after
    );
    // The form prints it.
    let pdf = ws.file("6.pdf");
    let r = crate::common::render_cmd(&ws, "6-KNĐ", Some("dang-van-khoa"), &pdf)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(crate::common::pdf_text(&pdf).contains("Số 06-NQ/CB"));
    // The same number twice in this term is an error located at the second one.
    ws.edit("to-chuc.yaml", "  - so: 4\n", "  - so: 3\n");
    let v = hoso()
        .args(["validate", "--format", "json"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(v.status.code(), Some(1));
    let d = json(&v);
    let reused: Vec<_> = d
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "number-reused")
        .collect();
    assert_eq!(reused.len(), 1, "{d}");
    assert!(
        reused[0]["message"].as_str().unwrap().contains("03-NQ/CB"),
        "{d}"
    );
}
