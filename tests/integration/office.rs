//! Sheets as offices make them, and no hostile text in or out (issue 25): a workbook with a
//! merged title, an STT column and a signature block; a `;` CSV in Windows-1258 with CRLF;
//! crafted files that would exhaust memory, refused within a bound measured on the running
//! binary; formula injection in every CSV export; control characters from YAML, the desk and
//! import.

use crate::common::{TestWorkspace, hoso, measured};
use std::path::Path;
use std::process::{Command, Output};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn import(sheet: &Path, ws: &Path) -> Output {
    hoso()
        .arg("import")
        .arg(sheet)
        .arg("-w")
        .arg(ws)
        .output()
        .unwrap()
}

/// The people of the office sheets: name, date of birth as typed, date of joining the Youth Union.
const PEOPLE: &[(&str, &str, &str)] = &[
    ("Trần Thị Bình", "05-03-1998", "26/03/2013"),
    ("Nguyễn Văn Ánh", "05.03.1999", "19-05-2014"),
    ("Lê Thị Huyền Trang", "17/11/2000", "26.03.2016"),
    ("Phạm Quốc Việt", "01-01-2001", "02/09/2016"),
    ("Đặng Thị Ngọc Ánh", "30.12.1997", "26/03/2012"),
    ("Hoàng Văn Dũng", "09/09/1996", "26/03/2011"),
];

/// The headers as an office types them, "Ngày vào Đoàn" among them.
const HEADERS: &[&str] = &[
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Quê quán",
    "Ngày vào Đoàn",
];

/// A workbook as a Vietnamese office makes one: the party body and the list's title merged across
/// the columns, a blank row, the headers, a row numbering the columns, the people (dates typed as
/// text, one as an Excel date), a blank row, the place and date, two signature columns, the
/// signers' names, and blank formatted rows at the end.
fn office_workbook(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("DS QCUT").unwrap();
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    sheet
        .merge_range(0, 0, 0, 5, "ĐẢNG BỘ PHƯỜNG HỒNG GAI", &title)
        .unwrap();
    sheet
        .merge_range(1, 0, 1, 5, "DANH SÁCH QUẦN CHÚNG ƯU TÚ", &title)
        .unwrap();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(3, c as u16, *h, &title)
            .unwrap();
        sheet
            .write_string(4, c as u16, format!("({})", c + 1))
            .unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (i, (name, born, doan)) in PEOPLE.iter().enumerate() {
        let r = 5 + i as u32;
        sheet.write_number(r, 0, (i + 1) as f64).unwrap();
        sheet.write_string(r, 1, *name).unwrap();
        if i == 5 {
            let d = ExcelDateTime::from_ymd(1996, 9, 9).unwrap();
            sheet.write_datetime_with_format(r, 2, &d, &date).unwrap();
        } else {
            sheet.write_string(r, 2, *born).unwrap();
        }
        sheet
            .write_string(
                r,
                3,
                if name.contains("Thị") {
                    "Nữ"
                } else {
                    "Nam"
                },
            )
            .unwrap();
        sheet.write_string(r, 4, "Quảng Ninh").unwrap();
        sheet.write_string(r, 5, *doan).unwrap();
    }
    let end = 5 + PEOPLE.len() as u32;
    sheet
        .merge_range(
            end + 1,
            3,
            end + 1,
            5,
            "Hạ Long, ngày 05 tháng 3 năm 2026",
            &title,
        )
        .unwrap();
    sheet.write_string(end + 2, 1, "NGƯỜI LẬP BIỂU").unwrap();
    sheet.write_string(end + 2, 4, "T/M CHI BỘ").unwrap();
    sheet.write_string(end + 3, 4, "BÍ THƯ").unwrap();
    sheet
        .write_string(end + 4, 1, "(Ký, ghi rõ họ tên)")
        .unwrap();
    sheet.write_string(end + 6, 1, "Nguyễn Thị Hằng").unwrap();
    sheet.write_string(end + 6, 4, "Lê Văn Cường").unwrap();
    for r in end + 7..end + 12 {
        sheet.write_blank(r, 1, &date).unwrap();
    }
    book.save(path).unwrap();
}

/// The people's files of a workspace: file name → the lines of the record (comments left out).
fn records(ws: &Path) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for dir in ["ket-nap", "dang-vien"] {
        let Ok(entries) = std::fs::read_dir(ws.join(dir)) else {
            continue;
        };
        for e in entries {
            let path = e.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let lines = text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(str::to_string)
                .collect();
            let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            out.push((name, lines));
        }
    }
    out.sort();
    out
}

#[test]
fn an_office_workbook_with_a_title_numbering_and_signatures_imports_everyone() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("DS quần chúng.xlsx");
    office_workbook(&sheet);
    let ws = dir.path().join("chi-bo");
    let o = import(&sheet, &ws);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("lỗi[import"), "{err}");
    // Everything read past is said: the title, the numbering, the closing block.
    assert!(
        err.contains("bỏ qua: dòng 1–2 (tiêu đề), dòng 3 (dòng trống), dòng 5 (dòng đánh số cột), dòng 12 (dòng trống), dòng 13–18 (phần ký tên cuối bảng)"),
        "{err}"
    );
    let people = records(&ws);
    assert_eq!(people.len(), PEOPLE.len(), "{people:?}");
    let binh = &people
        .iter()
        .find(|(f, _)| f == "ket-nap/tran-thi-binh.yaml")
        .unwrap()
        .1;
    for line in [
        "ho_ten: Trần Thị Bình",
        "ngay_sinh: 05/03/1998",
        "gioi_tinh: nữ",
        "ly_lich:",
        "  ngay_vao_doan: 26/03/2013",
    ] {
        assert!(binh.iter().any(|l| l == line), "{line}: {binh:?}");
    }
    // "Ngày vào Đoàn" is the Youth Union, never the Party: nobody is a member.
    assert!(!ws.join("dang-vien").exists());
    let viet = std::fs::read_to_string(ws.join("ket-nap/pham-quoc-viet.yaml")).unwrap();
    assert!(viet.contains("ngay_sinh: 01/01/2001") && viet.contains("ngay_vao_doan: 02/09/2016"));
    assert!(!viet.contains("ngay_vao_dang"), "{viet}");
}

/// Text in Windows-1258 as Excel writes it: letters that have a code of their own (â, ê, ô, ă,
/// ơ, ư, đ, and Latin-1's à, á, …) as they are; any other, as its letter without tone and the
/// tone mark as a separate combining character.
fn windows_1258(text: &str) -> Vec<u8> {
    use encoding_rs::WINDOWS_1258;
    use unicode_normalization::{UnicodeNormalization, char::compose};
    let encodable = |c: char| !WINDOWS_1258.encode(&c.to_string()).2;
    let mut out = String::new();
    for c in text.nfc() {
        if encodable(c) {
            out.push(c);
            continue;
        }
        // Circumflex, breve and horn belong to the letter; the five tones are marks.
        let parts: Vec<char> = c.nfd().collect();
        let (shapes, tones): (Vec<char>, Vec<char>) = parts[1..]
            .iter()
            .partition(|m| matches!(m, '\u{302}' | '\u{306}' | '\u{31B}'));
        let letter = shapes
            .iter()
            .fold(parts[0], |l, m| compose(l, *m).unwrap_or(l));
        out.push(letter);
        out.extend(tones);
    }
    let (bytes, _, unmappable) = WINDOWS_1258.encode(&out);
    assert!(!unmappable, "{out}");
    bytes.into_owned()
}

#[test]
fn a_semicolon_csv_in_windows_1258_imports_the_same_people_as_its_utf8_twin() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf8 = HEADERS.join(",") + "\n";
    let mut office = format!(
        "DANH SÁCH QUẦN CHÚNG ƯU TÚ{}\r\n",
        ";".repeat(HEADERS.len() - 1)
    );
    office.push_str(&(HEADERS.join(";") + "\r\n"));
    for (i, (name, born, doan)) in PEOPLE.iter().enumerate() {
        let sex = if name.contains("Thị") {
            "Nữ"
        } else {
            "Nam"
        };
        let row = [&(i + 1).to_string(), *name, *born, sex, "Quảng Ninh", *doan];
        utf8.push_str(&(row.join(",") + "\n"));
        office.push_str(&(row.join(";") + "\r\n"));
    }
    office.push_str(&format!("{}\r\n", ";".repeat(HEADERS.len() - 1)));
    office.push_str(";NGƯỜI LẬP BIỂU;;;T/M CHI BỘ;\r\n");
    let office = windows_1258(&office);
    assert!(std::str::from_utf8(&office).is_err());
    // The tone marks are separate characters: "ễ" is "ê" (0xEA) then the tilde (0xDE).
    assert!(
        office.windows(2).any(|w| w == [0xEA, 0xDE]),
        "decomposed tones"
    );
    let (a, b) = (dir.path().join("utf8.csv"), dir.path().join("excel.csv"));
    std::fs::write(&a, utf8).unwrap();
    std::fs::write(&b, office).unwrap();
    let (wa, wb) = (dir.path().join("a"), dir.path().join("b"));
    let oa = import(&a, &wa);
    assert_eq!(oa.status.code(), Some(0), "{}", stderr(&oa));
    let ob = import(&b, &wb);
    assert_eq!(ob.status.code(), Some(0), "{}", stderr(&ob));
    let (ra, rb) = (records(&wa), records(&wb));
    assert_eq!(ra.len(), PEOPLE.len());
    assert_eq!(ra, rb, "the same people, byte for byte (NFC)");
    assert!(
        rb.iter()
            .any(|(_, l)| l.contains(&"ho_ten: Nguyễn Văn Ánh".to_string()))
    );
}

#[test]
fn legacy_font_encodings_are_refused_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    // "Họ và tên;Ngày sinh / Nguyễn Văn An;05/03/1998" in TCVN3 (ABC).
    let tcvn3 = dir.path().join("tcvn3.csv");
    std::fs::write(
        &tcvn3,
        b"H\xE4 v\xB5 t\xAAn;Ng\xB5y sinh\r\nNguy\xD4n V\xA8n An;05/03/1998\r\n",
    )
    .unwrap();
    let o = import(&tcvn3, &dir.path().join("ws"));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("TCVN3") && err.contains("CSV UTF-8"), "{err}");
    assert!(!dir.path().join("ws").exists(), "nothing written");
}

#[test]
fn a_failed_import_into_a_new_folder_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    std::fs::write(&csv, "Họ và tên,Ngày sinh\nTrần Thị Bình,31/02/1998\n").unwrap();
    let ws = dir.path().join("moi");
    let o = import(&csv, &ws);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("16-11-2020"), "{}", stderr(&o));
    assert!(!ws.join("to-chuc.yaml").exists() && !ws.join("schema").exists());
}

/// A minimal workbook whose one sheet is `sheet_xml`, written as it streams (a gigabyte cell
/// never sits in memory).
fn crafted_xlsx(path: &Path, write_sheet: impl FnOnce(&mut dyn std::io::Write)) {
    use std::io::Write;
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).unwrap();
    write_sheet(&mut zip);
    zip.write_all(b"</sheetData></worksheet>").unwrap();
    zip.finish().unwrap();
}

/// An Excel 97–2003 workbook (`.xls`: BIFF8 records in a compound file) of one sheet `DS` made
/// of `cells` between its BOF and EOF.
fn crafted_xls(path: &Path, cells: &[Vec<u8>]) {
    use biff::rec;
    use std::io::Write;
    let bof = rec(0x0809, &[0, 6, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let eof = rec(0x000A, &[]);
    // BOUNDSHEET: the sheet's offset in the stream, visible, a worksheet, its name.
    let sheet_record = |offset: u32| {
        let mut d = offset.to_le_bytes().to_vec();
        d.extend_from_slice(&[0, 0, 2, 0]);
        d.extend_from_slice(b"DS");
        rec(0x0085, &d)
    };
    let globals = bof.len() + sheet_record(0).len() + eof.len();
    let mut stream = bof.clone();
    stream.extend(sheet_record(globals as u32));
    stream.extend(&eof);
    stream.extend(&bof);
    for c in cells {
        stream.extend(c);
    }
    stream.extend(&eof);
    // Version 3, 512-byte sectors, as Excel writes them.
    let file = std::fs::File::create(path).unwrap();
    let mut book = cfb::CompoundFile::create_with_version(cfb::Version::V3, file).unwrap();
    book.create_stream("Workbook")
        .unwrap()
        .write_all(&stream)
        .unwrap();
    book.flush().unwrap();
}

/// BIFF8 records of an `.xls`: any, and a sheet's declared range, a number, a text.
mod biff {
    pub fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend_from_slice(&(data.len() as u16).to_le_bytes());
        r.extend_from_slice(data);
        r
    }
    pub fn dimensions(rows: u32, cols: u16) -> Vec<u8> {
        let mut d = 0u32.to_le_bytes().to_vec();
        d.extend_from_slice(&rows.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        d.extend_from_slice(&cols.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        rec(0x0200, &d)
    }
    pub fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend_from_slice(&col.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        d.extend_from_slice(&value.to_le_bytes());
        rec(0x0203, &d)
    }
    /// LABEL with the text as UTF-16.
    pub fn text(row: u16, col: u16, text: &str) -> Vec<u8> {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut d = row.to_le_bytes().to_vec();
        d.extend_from_slice(&col.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        d.extend_from_slice(&(units.len() as u16).to_le_bytes());
        d.push(1);
        for u in units {
            d.extend_from_slice(&u.to_le_bytes());
        }
        rec(0x0204, &d)
    }
}

fn inline(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

#[test]
fn an_excel_97_2003_list_imports() {
    let dir = tempfile::tempdir().unwrap();
    let xls = dir.path().join("ds.xls");
    crafted_xls(
        &xls,
        &[
            biff::dimensions(3, 2),
            biff::text(0, 0, "Họ và tên"),
            biff::text(0, 1, "Ngày sinh"),
            biff::text(1, 0, "Trần Thị Bình"),
            biff::text(1, 1, "05/03/1998"),
            biff::text(2, 0, "Nguyễn Văn Ánh"),
            biff::text(2, 1, "05-03-1999"),
        ],
    );
    let ws = dir.path().join("ws");
    let out = import(&xls, &ws);
    assert!(out.status.success(), "{}", stderr(&out));
    let people = records(&ws);
    let names: Vec<&str> = people.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), 2, "{people:?}");
    let text = std::fs::read_to_string(ws.join("ket-nap/tran-thi-binh.yaml")).unwrap();
    assert!(text.contains("05/03/1998"), "{text}");
}

#[test]
fn crafted_sheets_are_refused_within_a_bound_of_memory() {
    let dir = tempfile::tempdir().unwrap();
    let header = format!(
        r#"<row r="1">{}{}</row>"#,
        inline("A1", "Họ và tên"),
        inline("B1", "Ngày sinh")
    );
    // One cell at the last cell a sheet has.
    let far = dir.path().join("far.xlsx");
    crafted_xlsx(&far, |w| {
        let row = format!(r#"<row r="1048576">{}</row>"#, inline("XFD1048576", "x"));
        w.write_all(format!("{header}{row}").as_bytes()).unwrap();
    });
    assert!(std::fs::metadata(&far).unwrap().len() < 4000);
    // A stray cell at Z1048576 below a real list.
    let stray = dir.path().join("stray.xlsx");
    crafted_xlsx(&stray, |w| {
        let person = format!(r#"<row r="2">{}</row>"#, inline("A2", "Trần Thị Bình"));
        let row = format!(r#"<row r="1048576">{}</row>"#, inline("Z1048576", "x"));
        w.write_all(format!("{header}{person}{row}").as_bytes())
            .unwrap();
    });
    // One cell of 1.1 GB, in a file of about a megabyte.
    let huge = dir.path().join("huge.xlsx");
    crafted_xlsx(&huge, |w| {
        w.write_all(header.as_bytes()).unwrap();
        w.write_all(br#"<row r="2"><c r="A2" t="inlineStr"><is><t>"#)
            .unwrap();
        let chunk = vec![b'A'; 1 << 20];
        for _ in 0..1100 {
            w.write_all(&chunk).unwrap();
        }
        w.write_all(b"</t></is></c></row>").unwrap();
    });
    assert!(std::fs::metadata(&huge).unwrap().len() < 8 << 20);
    // An Excel 97–2003 file that declares four billion rows, and one with a cell at the last
    // cell its sheet has.
    let declared = dir.path().join("declared.xls");
    crafted_xls(
        &declared,
        &[biff::dimensions(u32::MAX, 2), biff::number(0, 0, 1.0)],
    );
    let far_xls = dir.path().join("far.xls");
    crafted_xls(
        &far_xls,
        &[
            biff::dimensions(2, 2),
            biff::text(0, 0, "Họ và tên"),
            biff::number(65535, 255, 1.0),
        ],
    );
    assert!(std::fs::metadata(&far_xls).unwrap().len() < 8000);
    // A CSV that never ends.
    let zero = dir.path().join("zero.csv");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();

    for (file, expected) in [
        (&far, "XFD1048576"),
        (&stray, "Z1048576"),
        (&huge, "xl/worksheets/sheet1.xml"),
        (&far_xls, "IV65536"),
        (&declared, "B4294967295"),
        (&zero, "64 MB"),
    ] {
        let ws = dir.path().join("ws");
        let started = std::time::Instant::now();
        let (o, peak_kb) = measured(&[
            "import".as_ref(),
            file.as_os_str(),
            "-w".as_ref(),
            ws.as_os_str(),
        ]);
        let err = stderr(&o);
        assert!(
            matches!(o.status.code(), Some(1 | 2)),
            "{}: {:?} {err}",
            file.display(),
            o.status
        );
        assert!(err.contains(expected), "{}: {err}", file.display());
        assert!(
            peak_kb < 200_000,
            "{}: {peak_kb} kB at the peak",
            file.display()
        );
        assert!(!ws.exists(), "nothing written");
        eprintln!(
            "{}: exit {:?}, {peak_kb} kB, {:?}",
            file.display(),
            o.status.code(),
            started.elapsed()
        );
    }
}

/// The demo with six people whose names begin as formulas do.
const FORMULAS: &[(&str, &str)] = &[
    ("ket-nap/tran-thi-binh.yaml", "=cmd|' /C calc'!A0"),
    ("ket-nap/ngo-thi-mai.yaml", "+HYPERLINK(\\\"http://x\\\")"),
    ("ket-nap/vu-quoc-huy.yaml", "-2+3+cmd|' /C calc'!A0"),
    ("ket-nap/dang-van-khoa.yaml", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ("ket-nap/luong-thi-hoa.yaml", "\\t=1+1"),
    ("dang-vien/pham-thi-lan.yaml", "\\r=1+1"),
];

fn formula_workspace() -> TestWorkspace {
    let ws = TestWorkspace::demo();
    for (file, name) in FORMULAS {
        let text = std::fs::read_to_string(ws.file(file)).unwrap();
        let old = text.lines().find(|l| l.starts_with("ho_ten:")).unwrap();
        ws.edit(file, old, &format!("ho_ten: \"{name}\""));
    }
    ws
}

/// Every cell of a CSV text that begins as a formula would, read back with a CSV reader.
fn live_formulas(csv_text: &str) -> Vec<String> {
    let text = csv_text.strip_prefix('\u{feff}').unwrap_or(csv_text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .filter(|c| c.starts_with(['=', '+', '-', '@', '\t', '\r']))
        .collect()
}

#[test]
fn every_csv_export_defuses_formulas() {
    let ws = formula_workspace();
    let dir = tempfile::tempdir().unwrap();
    for command in [
        &["list"][..],
        &["so-van-ban"][..],
        &["due", "--on", "01.01.2026", "--within", "3650"][..],
    ] {
        let o = hoso()
            .args(command)
            .args(["--format", "csv"])
            .arg(ws.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{command:?} {}", stderr(&o));
        let text = String::from_utf8(o.stdout).unwrap();
        assert_eq!(live_formulas(&text), Vec::<String>::new(), "{command:?}");
        if command[0] != "due" {
            assert!(text.contains("'=cmd|' /C calc'!A0"), "{command:?}: {text}");
        }

        let file = dir.path().join(format!("{}.csv", command[0]));
        let o = hoso()
            .args(command)
            .arg(ws.path())
            .arg("-o")
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{command:?} {}", stderr(&o));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert_eq!(live_formulas(&text), Vec::<String>::new(), "{command:?}");
    }
    // The list names all six, each defused and otherwise as written.
    let o = hoso()
        .args(["list", "--format", "csv"])
        .arg(ws.path())
        .output()
        .unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    for name in [
        "'=cmd|' /C calc'!A0",
        "'+HYPERLINK(\"\"http://x\"\")",
        "'-2+3+cmd|' /C calc'!A0",
        "'@SUM(1+1)*cmd|' /C calc'!A0",
        "'\t=1+1",
        "'\r=1+1",
    ] {
        assert!(text.contains(name), "{name:?}: {text}");
    }
}

#[test]
fn control_characters_are_located_errors_from_yaml_the_desk_and_import() {
    let ws = TestWorkspace::demo();
    // Raw in the file, and as an escape in quotes.
    ws.edit(
        "ket-nap/tran-thi-binh.yaml",
        "ho_ten: Trần Thị Bình",
        "ho_ten: Trần Thị Bình\u{202E}",
    );
    ws.edit(
        "ket-nap/ngo-thi-mai.yaml",
        "ho_ten: Ngô Thị Mai",
        "ho_ten: \"Ngô Thị\\u200DMai\"",
    );
    ws.edit(
        "ket-nap/vu-quoc-huy.yaml",
        "ho_ten: Vũ Quốc Huy",
        "ho_ten: Vũ Quốc Huy\u{1B}]52;c;aGk=\u{7}",
    );
    let line = |file: &str| {
        let text = std::fs::read_to_string(ws.file(file)).unwrap();
        text.lines().position(|l| l.starts_with("ho_ten")).unwrap() + 1
    };
    let o = hoso()
        .args(["--lang", "vi", "validate"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        !o.stderr.contains(&0x1B) && !o.stderr.contains(&0x07),
        "{err}"
    );
    assert!(!err.contains('\u{202E}'), "{err}");
    for (file, what, column) in [
        ("ket-nap/tran-thi-binh.yaml", "ký tự điều khiển U+202E", 22),
        ("ket-nap/ngo-thi-mai.yaml", "ký tự vô hình U+200D", 9),
        ("ket-nap/vu-quoc-huy.yaml", "ký tự điều khiển U+001B", 20),
    ] {
        let at = format!("{file}:{}:{column}", line(file));
        let found = err
            .lines()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0].contains(what) && w[1].contains(&at));
        assert!(found, "{what} at {at}:\n{err}");
    }
    // No listing sends them to the terminal.
    for command in [&["list"][..], &["due", "--on", "01/01/2026"][..]] {
        let o = hoso().args(command).arg(ws.path()).output().unwrap();
        assert!(
            !o.stdout.contains(&0x1B) && !o.stderr.contains(&0x1B),
            "{command:?}"
        );
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(!out.contains('\u{202E}'), "{command:?}: {out}");
    }

    // The desk refuses the character where the clerk typed it.
    let desk = crate::desk::Desk::start();
    let version = desk.version("tran-thi-binh");
    let r = desk.edit("tran-thi-binh", &version, "noi_sinh", Some("Hà Nội\u{0}"));
    assert_ne!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("U+0000"), "{}", r.body);

    // Import: the cell, at its row and column; the row is not imported.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    std::fs::write(
        &csv,
        "Họ và tên,Ngày sinh\nTrần Thị Bình\u{200D},05/03/1998\nLê Văn An,06/03/1998\n",
    )
    .unwrap();
    let o = import(&csv, &dir.path().join("ws"));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("dòng 2, cột A (Họ và tên): ô có ký tự vô hình U+200D"),
        "{err}"
    );
    assert_eq!(records(&dir.path().join("ws")).len(), 1);
}

#[test]
fn a_long_import_says_at_a_terminal_what_it_is_doing_and_a_pipe_reads_only_the_result() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    let mut text = String::from("Họ và tên,Ngày sinh,Giới tính\n");
    for i in 0..300 {
        text.push_str(&format!("Nguyễn Văn An {i},05/03/1998,Nam\n"));
    }
    std::fs::write(&csv, text).unwrap();

    // At a terminal (`script` gives the command one): each stage in words, and the writing as a
    // bar counting the files.
    let at_terminal = dir.path().join("ws-terminal");
    let typescript = dir.path().join("typescript");
    let command = format!(
        "{} import {} -w {}",
        env!("CARGO_BIN_EXE_hoso"),
        csv.display(),
        at_terminal.display()
    );
    let out = Command::new("script")
        .args(["-qfec", &command])
        .arg(&typescript)
        .env("HOSO_FONTS", "embedded")
        .env_remove("HOSO_LANG")
        .output()
        .expect("script (util-linux) runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let seen = String::from_utf8_lossy(&std::fs::read(&typescript).unwrap()).into_owned();
    for words in [
        "Đang đọc bảng tính",
        "ds.csv (",
        "Đang ghi hồ sơ",
        "/301",
        "Đang kiểm tra hồ sơ",
    ] {
        assert!(seen.contains(words), "{words:?} not shown in:\n{seen}");
    }
    assert!(seen.contains("tạo 300 hồ sơ"), "{seen}");

    // Through a pipe: the same result, and not a word or an escape of progress.
    let piped = dir.path().join("ws-piped");
    let out = import(&csv, &piped);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("tạo 300 hồ sơ"), "{said}");
    assert!(!said.contains("Đang") && !said.contains('\u{1b}'), "{said}");
    assert_eq!(
        std::fs::read_dir(piped.join("ket-nap")).unwrap().count(),
        300
    );
}

#[test]
fn a_workbook_typed_in_vni_or_tcvn3_fonts_is_refused_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    // "Họ và tên", "Ngày sinh", "Nguyễn Văn An", "Trần Thị Bình" as a VNI-Times sheet and as a
    // .VnTime one show them: the font's letters saved as Western characters.
    let sheets = [
        (
            "vni.xlsx",
            [
                "Hoï vaø teân",
                "Ngaøy sinh",
                "Nguyeãn Vaên An",
                "Traàn Thò Bình",
            ],
            "VNI",
        ),
        (
            "tcvn3.xlsx",
            ["Hä vµ tªn", "Ngµy sinh", "NguyÔn V¨n An", "TrÇn ThÞ B×nh"],
            "TCVN3",
        ),
    ];
    for (file, [name, born, first, second], encoding) in sheets {
        let path = dir.path().join(file);
        crafted_xlsx(&path, |w| {
            let rows = format!(
                r#"<row r="1">{}{}</row><row r="2">{}{}</row><row r="3">{}{}</row>"#,
                inline("A1", name),
                inline("B1", born),
                inline("A2", first),
                inline("B2", "05/03/1998"),
                inline("A3", second),
                inline("B3", "06/04/1999"),
            );
            w.write_all(rows.as_bytes()).unwrap();
        });
        let ws = dir.path().join(format!("ws-{encoding}"));
        let out = import(&path, &ws);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        for words in [encoding, "ô A1", "Unikey", "Unicode"] {
            assert!(err.contains(words), "{file}: {words:?} not in {err}");
        }
        assert!(!ws.exists(), "{file}: nothing written");
    }
    // A Unicode sheet with a foreign name in it is read as it is.
    let path = dir.path().join("unicode.xlsx");
    crafted_xlsx(&path, |w| {
        let rows = format!(
            r#"<row r="1">{}{}</row><row r="2">{}{}</row><row r="3">{}{}</row>"#,
            inline("A1", "Họ và tên"),
            inline("B1", "Ngày sinh"),
            inline("A2", "Café Müller"),
            inline("B2", "05/03/1998"),
            inline("A3", "Trần Thị Bình"),
            inline("B3", "06/04/1999"),
        );
        w.write_all(rows.as_bytes()).unwrap();
    });
    let ws = dir.path().join("ws-unicode");
    let out = import(&path, &ws);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(ws.join("ket-nap/tran-thi-binh.yaml").is_file());
}
