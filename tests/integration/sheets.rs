//! Spreadsheets in and out (issue 15): `hoso import` of a member list, the listings as `.xlsx`
//! and CSV in Vietnamese order, and the JSON Schema of the workspace files.

use crate::common::{TestWorkspace, fixtures, hoso};
use std::path::{Path, PathBuf};
use std::process::Output;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const FAMILY: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng"];
const MIDDLE: &[&str] = &["Văn", "Thị", "Minh", "Quốc", "Ngọc"];
const GIVEN: &[&str] = &[
    "An", "Ánh", "Bình", "Dũng", "Đức", "Hà", "Lan", "Ơn", "Ưng", "Yến",
];

/// The 30 members of the sheet: (name, sex, birth (d, m, y)). Two are both "Nguyễn Văn An".
fn members() -> Vec<(String, &'static str, (u8, u8, u16))> {
    (0..30)
        .map(|i| {
            let name = if i == 17 {
                "Nguyễn Văn An".to_string()
            } else {
                format!(
                    "{} {} {}",
                    FAMILY[i % FAMILY.len()],
                    MIDDLE[(i / 6) % MIDDLE.len()],
                    GIVEN[i % GIVEN.len()]
                )
            };
            let sex = if MIDDLE[(i / 6) % MIDDLE.len()] == "Thị" {
                "Nữ"
            } else {
                "nam"
            };
            (
                name,
                sex,
                ((i % 28 + 1) as u8, (i % 12 + 1) as u8, 1960 + i as u16),
            )
        })
        .collect()
}

/// Writes the members' sheet: headers as clerks write them (some without diacritics, one
/// misspelt), dates as Excel dates in even rows and as text in odd ones, and, after the 30,
/// one row whose date of birth is not a date.
fn write_sheet(path: &Path, changed_home_town_of_first: Option<&str>) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sách").unwrap();
    let headers = [
        "STT",
        "Họ và tên",
        "Ngay sinh",
        "Giới tính",
        "Que quan",
        "Ngày vào Đảng",
        "NGAY CHINH THUC",
        "Nghe nghep",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (i, (name, sex, (d, m, y))) in members().iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_number(r, 0, (i + 1) as f64).unwrap();
        sheet.write_string(r, 1, name).unwrap();
        if i % 2 == 0 {
            let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
            sheet
                .write_datetime_with_format(r, 2, &date, &date_format)
                .unwrap();
        } else {
            sheet
                .write_string(r, 2, format!("{d:02}/{m:02}/{y}"))
                .unwrap();
        }
        sheet.write_string(r, 3, *sex).unwrap();
        let home = match (i, changed_home_town_of_first) {
            (0, Some(h)) => h.to_string(),
            _ => format!("Xã {}, tỉnh Quảng Ninh", GIVEN[i % GIVEN.len()]),
        };
        sheet.write_string(r, 4, home).unwrap();
        let admitted = ExcelDateTime::from_ymd(*y + 25, *m, *d).unwrap();
        sheet
            .write_datetime_with_format(r, 5, &admitted, &date_format)
            .unwrap();
        sheet
            .write_string(r, 6, format!("{d:02}/{m:02}/{}", y + 26))
            .unwrap();
        sheet.write_string(r, 7, "Giáo viên").unwrap();
    }
    // Row 32 of the sheet: 31 February.
    sheet.write_number(31, 0, 31.0).unwrap();
    sheet.write_string(31, 1, "Bùi Thị Sai").unwrap();
    sheet.write_string(31, 2, "31/02/1990").unwrap();
    book.save(path).unwrap();
}

fn import(sheet: &Path, ws: &Path, extra: &[&str]) -> Output {
    hoso()
        .args(["--lang", "en", "import"])
        .arg(sheet)
        .arg("-w")
        .arg(ws)
        .args(extra)
        .output()
        .unwrap()
}

/// Every file of a folder with its bytes, to see that nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = walk(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn thirty_members_import_into_a_new_workspace_once_and_update_only_what_the_sheet_gives() {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, ws) = (dir.path().join("ds.xlsx"), dir.path().join("chi-bo"));
    write_sheet(&xlsx, None);

    let dry = import(&xlsx, &ws, &["--dry-run"]);
    assert!(
        stdout(&dry).contains("+ dang-vien/nguyen-van-an.yaml"),
        "{}",
        stdout(&dry)
    );
    assert!(!ws.exists(), "a dry run writes nothing");

    let first = import(&xlsx, &ws, &[]);
    let err = stderr(&first);
    assert_eq!(first.status.code(), Some(1), "a row was kept out: {err}");
    assert!(
        err.contains(
            "warning[import-unknown-header]: {}: sheet `Danh sách`, row 1, column H (Nghe nghep): unknown column header `Nghe nghep`: the column is left out; did you mean `Nghề nghiệp`?"
                .replace("{}", &xlsx.display().to_string())
                .as_str()
        ),
        "{err}"
    );
    assert!(
        err.contains("error[import-invalid-date]: ")
            && err.contains(
                ": sheet `Danh sách`, row 32, column C (Ngay sinh): `31/02/1990` is not a date"
            ),
        "{err}"
    );
    assert!(
        err.contains("30 files created, 0 updated; 0 people already there"),
        "{err}"
    );
    assert!(
        !ws.join("ket-nap/bui-thi-sai.yaml").exists()
            && !ws.join("dang-vien/bui-thi-sai.yaml").exists()
    );
    // Two "Nguyễn Văn An", born on different days: two people.
    let an = std::fs::read_to_string(ws.join("dang-vien/nguyen-van-an.yaml")).unwrap();
    let an2 = std::fs::read_to_string(ws.join("dang-vien/nguyen-van-an-2.yaml")).unwrap();
    assert!(
        an.starts_with("# yaml-language-server: $schema=../schema/nguoi.json\n"),
        "{an}"
    );
    assert!(
        an.contains("ngay_sinh: 01/01/1960\n") && an2.contains("ngay_sinh: 18/06/1977\n"),
        "{an}\n{an2}"
    );
    assert!(an.contains("gioi_tinh: nam\nngay_sinh"), "{an}");
    assert!(ws.join("schema/nguoi.json").is_file());

    let list = hoso()
        .args(["list", "--format", "json"])
        .arg(&ws)
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 30, "{}", stderr(&list));
    let validate = hoso()
        .args(["--lang", "en", "validate"])
        .arg(&ws)
        .output()
        .unwrap();
    assert!(
        stderr(&validate).contains("30 records"),
        "{}",
        stderr(&validate)
    );

    // Again, without --update: nothing new, nothing changed.
    let before = snapshot(&ws);
    let again = import(&xlsx, &ws, &[]);
    assert!(
        stderr(&again).contains("0 files created, 0 updated; 30 people already there"),
        "{}",
        stderr(&again)
    );
    assert_eq!(snapshot(&ws), before);

    // The clerk comments a file; the sheet changes a home town; --update changes that line only.
    let path = ws.join("dang-vien/nguyen-van-an.yaml");
    let commented = an.replace("ho_ten:", "# đã đối chiếu lý lịch\nho_ten:") + "# ghi chú cuối\n";
    std::fs::write(&path, &commented).unwrap();
    write_sheet(&xlsx, Some("Phường Hồng Gai, tỉnh Quảng Ninh"));
    let without = import(&xlsx, &ws, &[]);
    assert!(
        stderr(&without).contains("1 differ from the sheet: add `--update`"),
        "{}",
        stderr(&without)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), commented);
    let update = import(&xlsx, &ws, &["--update"]);
    assert!(
        stderr(&update).contains("0 files created, 1 updated"),
        "{}",
        stderr(&update)
    );
    let home = "que_quan: Xã An, tỉnh Quảng Ninh\n";
    assert!(commented.contains(home));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        commented.replace(home, "que_quan: Phường Hồng Gai, tỉnh Quảng Ninh\n")
    );
}

#[test]
fn a_csv_list_imports_into_an_existing_workspace_and_names_its_branch() {
    let ws = TestWorkspace::demo();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    std::fs::write(
        &csv,
        "\u{feff}Họ và tên,Ngày sinh,Chi bộ\nMai Văn Mới,02/03/1999,Chi bộ Khu phố 5\nLý Thị Lạ,1998-04-05,Chi bộ Khu phố 9\n",
    )
    .unwrap();
    let o = import(&csv, ws.path(), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("row 3, column C (Chi bộ): no branch `Chi bộ Khu phố 9` in to-chuc.yaml: row not imported; did you mean `Chi bộ Khu phố 5`?"),
        "{}",
        stderr(&o)
    );
    let text = std::fs::read_to_string(ws.file("ket-nap/mai-van-moi.yaml")).unwrap();
    // The workspace's own branch is not written; the demo has no schema folder, so no schema line.
    assert_eq!(
        text,
        "# Nhập từ ds.csv (trang ds.csv, dòng 2).\nho_ten: Mai Văn Mới\nngay_sinh: 02/03/1999\n"
    );
}

/// The demo's ten people in Vietnamese order: by given name, then family name.
const DEMO_ORDER: [&str; 10] = [
    "Trần Thị Bình",
    "Đỗ Văn Hải",
    "Lương Thị Hoa",
    "Vũ Quốc Huy",
    "Đặng Văn Khoa",
    "Phạm Thị Lan",
    "Ngô Thị Mai",
    "Nguyễn Văn Thành",
    "Hoàng Thị Thu",
    "Lê Minh Tuấn",
];

#[test]
fn the_list_as_a_sheet_reads_back_with_the_same_people_in_vietnamese_order() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let ws = TestWorkspace::demo();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("ds.xlsx");
    let o = hoso()
        .arg("list")
        .arg(ws.path())
        .arg("-o")
        .arg(&xlsx)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("Danh sách").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][1], Data::String("Họ và tên".into()));
    assert_eq!(rows[0][3], Data::String("Ngày sinh".into()));
    let names: Vec<String> = rows[1..].iter().map(|r| r[1].to_string()).collect();
    assert_eq!(names, DEMO_ORDER);
    // Dates are dates: Trần Thị Bình's date of birth.
    let born = std::fs::read_to_string(ws.file("ket-nap/tran-thi-binh.yaml")).unwrap();
    let born = born
        .lines()
        .find_map(|l| l.strip_prefix("ngay_sinh: "))
        .unwrap()
        .to_string();
    match &rows[1][3] {
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            assert_eq!(format!("{day:02}/{m:02}/{y}"), born);
        }
        other => panic!("not a date: {other:?}"),
    }

    let csv = hoso()
        .args(["list", "--format", "csv"])
        .arg(ws.path())
        .output()
        .unwrap();
    let text = stdout(&csv);
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("Mã,Họ và tên,Giới tính,Ngày sinh,")
    );
    let csv_names: Vec<&str> = lines.map(|l| l.split(',').nth(1).unwrap()).collect();
    assert_eq!(csv_names, DEMO_ORDER);
    assert!(text.contains(&format!(",{born},")), "{text}");

    // The sheet imports back into the workspace it came from without a change.
    let before = snapshot(ws.path());
    let back = import(&xlsx, ws.path(), &[]);
    assert!(
        stderr(&back)
            .contains("0 files created, 0 updated; 10 people already there left as they are;"),
        "{}",
        stderr(&back)
    );
    assert_eq!(snapshot(ws.path()), before);
}

#[test]
fn the_register_and_the_time_limits_are_sheets_too() {
    let ws = TestWorkspace::demo();
    let o = hoso()
        .args(["so-van-ban", "--format", "csv"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with(
            "Số,Ngày,Mẫu,Mã,Họ và tên,Trích yếu\n07-NQ/CB,20/04/2023,6-KNĐ,ngo-thi-mai,Ngô Thị Mai,"
        ),
        "{text}"
    );
    let human = hoso().arg("so-van-ban").arg(ws.path()).output().unwrap();
    assert!(
        stdout(&human).contains("05-NQ/CB  16/10/2026  6-KNĐ   Trần Thị Bình"),
        "{}",
        stdout(&human)
    );

    let dir = tempfile::tempdir().unwrap();
    let due = dir.path().join("han.xlsx");
    let o = hoso()
        .args(["due", "--on", "01/01/2026", "--within", "3650"])
        .arg(ws.path())
        .arg("-o")
        .arg(&due)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read(&due).unwrap().starts_with(b"PK"));
    // Never over the workspace's data, never in a format it is not.
    let refused = hoso()
        .arg("list")
        .arg(ws.path())
        .arg("-o")
        .arg(ws.file("to-chuc.yaml"))
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
}

/// A workspace file as JSON, as the YAML language server sees it.
fn yaml_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The schema `hoso schema KIND` prints, compiled (which checks it against the draft-07
/// metaschema).
struct Schema {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Schema {
    fn errors(&self, v: &serde_json::Value) -> Option<String> {
        self.schemas
            .validate(v, self.index)
            .err()
            .map(|e| format!("{e:#}"))
    }
}

fn schema(kind: &str) -> Schema {
    let o = hoso().args(["schema", kind]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let loc = format!("file:///schema/{kind}.json");
    compiler.add_resource(&loc, schema).unwrap();
    let index = compiler
        .compile(&loc, &mut schemas)
        .unwrap_or_else(|e| panic!("{kind}: {e:#}"));
    Schema { schemas, index }
}

#[test]
fn every_file_of_the_demo_and_the_fixtures_validates_against_the_schema() {
    let (nguoi, to_chuc, bao_cao) = (schema("nguoi"), schema("to-chuc"), schema("bao-cao"));
    let mut checked = 0;
    let demo = fixtures().join("demo");
    for (validator, path) in [
        (&to_chuc, demo.join("to-chuc.yaml")),
        (&bao_cao, demo.join("bao-cao.yaml")),
    ] {
        let errors = validator.errors(&yaml_json(&path));
        assert!(errors.is_none(), "{}: {errors:?}", path.display());
        checked += 1;
    }
    for dir in [
        demo.join("dang-vien"),
        demo.join("ket-nap"),
        fixtures().join("rules"),
    ] {
        for path in walk(&dir)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        {
            let errors = nguoi.errors(&yaml_json(&path));
            assert!(errors.is_none(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 70, "{checked}");

    // A misspelt key, a date that is not one, a word outside a closed set: each fails.
    let person = yaml_json(&demo.join("ket-nap/tran-thi-binh.yaml"));
    for (key, value) in [
        ("ngay_snh", serde_json::json!("01/01/2000")),
        ("ngay_sinh", serde_json::json!("mùng 1 tháng 1")),
        ("gioi_tinh", serde_json::json!("khác")),
    ] {
        let mut bad = person.clone();
        bad[key] = value;
        assert!(nguoi.errors(&bad).is_some(), "{key}");
    }
}

#[test]
fn init_and_new_give_files_their_schema_line() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo");
    assert!(hoso().arg("init").arg(&ws).status().unwrap().success());
    let org = std::fs::read_to_string(ws.join("to-chuc.yaml")).unwrap();
    assert!(org.starts_with("# yaml-language-server: $schema=schema/to-chuc.json\n"));
    let person = std::fs::read_to_string(ws.join("ket-nap/tran-thi-binh.yaml")).unwrap();
    assert!(person.starts_with("# yaml-language-server: $schema=../schema/nguoi.json\n"));
    for f in ["to-chuc.json", "nguoi.json", "bao-cao.json"] {
        let s: serde_json::Value =
            serde_json::from_slice(&std::fs::read(ws.join("schema").join(f)).unwrap()).unwrap();
        assert!(s["properties"].is_object(), "{f}");
    }

    let o = hoso()
        .args(["new", "nguyen-van-moi", "--ho-ten", "Nguyễn Văn Mới", "-w"])
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(ws.join("ket-nap/nguyen-van-moi.yaml")).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=../schema/nguoi.json\n")
            && text.ends_with("ho_ten: Nguyễn Văn Mới\n"),
        "{text}"
    );
    let list = hoso()
        .args(["list", "--format", "json"])
        .arg(&ws)
        .output()
        .unwrap();
    assert!(stdout(&list).contains("\"nguyen-van-moi\""));
    // Never over an existing person, never a name that is not an id.
    let again = hoso()
        .args(["new", "tran-thi-binh", "-w"])
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(ws.join("ket-nap/tran-thi-binh.yaml")).unwrap(),
        person
    );
    let bad = hoso()
        .args(["new", "Nguyễn Văn", "-w"])
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("`nguyen-van`?"), "{}", stderr(&bad));
}

/// The people of one decision are named in the form in the same Vietnamese order as the
/// exports: by given name, whatever their ids.
#[test]
fn the_people_of_one_decision_are_listed_in_vietnamese_order() {
    let ws = TestWorkspace::demo();
    // Vũ Quốc Huy, decided with Lương Thị Hoa, becomes "Vũ Quốc Anh": now first by given name,
    // though his id still sorts after hers.
    ws.edit(
        "ket-nap/vu-quoc-huy.yaml",
        "ho_ten: Vũ Quốc Huy",
        "ho_ten: Vũ Quốc Anh",
    );
    let dir = tempfile::tempdir().unwrap();
    let (pdf, typ) = (dir.path().join("qd.pdf"), dir.path().join("qd.typ"));
    let o = hoso()
        .args(["render", "9-KNĐ", "luong-thi-hoa", "-w"])
        .arg(ws.path())
        .arg("-o")
        .arg(&pdf)
        .arg("--typst")
        .arg(&typ)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&typ).unwrap();
    // The decision's list of the people admitted.
    assert!(
        text.contains("\n1. Vũ Quốc Anh, sinh ngày")
            && text.contains("\n2. Lương Thị Hoa, sinh ngày"),
        "{text}"
    );
}
