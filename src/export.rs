/*!
The clerk's sheets: a listing (`list`, `due`, `so-van-ban`) as a table with Vietnamese headers,
written as CSV or as an `.xlsx` workbook whose dates are real dates (a spreadsheet sorts and
filters them as dates, and shows them as `16/11/2020`).

The commands build a [`Table`] from the checked workspace, in the order they list; this module
only writes it.
*/

use crate::model::Ngay;

/// One cell of a listing.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, as written in the records.
    Text(String),
    /// A date: a date cell in a workbook, `16/11/2020` in CSV.
    Date(Ngay),
    /// A number (days left, a count).
    Number(i64),
    /// Nothing recorded.
    Empty,
}

impl From<Option<&str>> for Cell {
    fn from(v: Option<&str>) -> Cell {
        v.map_or(Cell::Empty, |s| Cell::Text(s.to_string()))
    }
}

impl From<Option<Ngay>> for Cell {
    fn from(v: Option<Ngay>) -> Cell {
        v.map_or(Cell::Empty, Cell::Date)
    }
}

/// A listing: a sheet name, the headers, the rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// The sheet's name in a workbook ("Danh sách").
    pub sheet: String,
    /// Column headers, in Vietnamese as clerks write them.
    pub headers: Vec<String>,
    /// The rows, each as long as `headers`.
    pub rows: Vec<Vec<Cell>>,
}

/// Why a workbook could not be made.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ExportError(String);

impl Table {
    /// CSV with a header line, dates as `16/11/2020`, UTF-8 (with the byte-order mark Excel needs
    /// to read it as UTF-8 when `bom` is set). A text a spreadsheet would take for a formula is
    /// defused ([`defused`]).
    pub fn to_csv(&self, bom: bool) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(self.headers.iter().map(|h| defused(h)));
        for row in &self.rows {
            let _ = w.write_record(row.iter().map(|c| match c {
                Cell::Text(s) => defused(s),
                Cell::Date(d) => d.short(),
                Cell::Number(n) => n.to_string(),
                Cell::Empty => String::new(),
            }));
        }
        let bytes = w.into_inner().unwrap_or_default();
        let text = String::from_utf8(bytes).unwrap_or_default();
        if bom { format!("\u{feff}{text}") } else { text }
    }

    /// An `.xlsx` workbook of one sheet: bold headers, the header row frozen, dates as date
    /// cells shown `dd/mm/yyyy`, columns fitted to their text. Every text is a text cell, never a
    /// formula. A text longer than a cell can hold is left out, its cell empty, and returned to
    /// be reported: the rest is written.
    pub fn to_xlsx(&self) -> Result<(Vec<u8>, Vec<Overlong>), ExportError> {
        use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
        let err = |e: rust_xlsxwriter::XlsxError| ExportError(e.to_string());
        let mut book = Workbook::new();
        // A fixed creation time: the same records give the same file.
        let epoch = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
        book.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&self.sheet)).map_err(err)?;
        let mut overlong = Vec::new();
        let bold = Format::new().set_bold();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        for (c, h) in self.headers.iter().enumerate() {
            sheet
                .write_string_with_format(0, col(c), h, &bold)
                .map_err(err)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| ExportError("too many rows".into()))?;
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(s) if s.chars().count() > MAX_CELL_CHARS => {
                        overlong.push(Overlong {
                            row: r + 1,
                            header: self.headers.get(c).cloned().unwrap_or_default(),
                            who: self.who(row),
                            chars: s.chars().count(),
                        });
                    }
                    Cell::Text(s) => {
                        sheet.write_string(r, col(c), s).map_err(err)?;
                    }
                    Cell::Date(d) => {
                        let (y, m, day) = (d.0.year(), d.0.month(), d.0.day());
                        let when =
                            ExcelDateTime::from_ymd(y as u16, m as u8, day as u8).map_err(err)?;
                        sheet
                            .write_datetime_with_format(r, col(c), &when, &date)
                            .map_err(err)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, col(c), *n as f64).map_err(err)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(err)?;
        sheet.autofit();
        Ok((book.save_to_buffer().map_err(err)?, overlong))
    }

    /// The person a row is about: its cell under the name header ("Họ và tên"), as import
    /// knows that header.
    fn who(&self, row: &[Cell]) -> Option<String> {
        use crate::import::columns::{Field, recognise};
        let c = self
            .headers
            .iter()
            .position(|h| recognise(h) == Some(Field::Key("ho_ten")))?;
        match row.get(c) {
            Some(Cell::Text(name)) => Some(name.clone()),
            _ => None,
        }
    }
}

/// The most characters a workbook cell holds (Excel's limit).
pub const MAX_CELL_CHARS: usize = 32_767;

/// A text too long for a workbook cell, left out of the sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlong {
    /// The sheet's row (1-based; the headers are row 1).
    pub row: u32,
    /// The column's header: the field.
    pub header: String,
    /// Whom the row is about, when the table has a name column.
    pub who: Option<String>,
    /// The text's length.
    pub chars: usize,
}

impl Overlong {
    /// What the clerk reads: who, which field, and what was done.
    pub fn message(&self, lang: crate::diag::Lang) -> String {
        let who = self.who.as_deref().unwrap_or("?");
        lang.pick(
            "dòng {r} ({w}), cột `{h}`: dài {n} ký tự, quá {m} ký tự một ô bảng tính chứa được: ô này để trống, các ô khác vẫn ghi",
            "row {r} ({w}), column `{h}`: {n} characters, more than the {m} a spreadsheet cell holds: that cell is left empty, the others are written",
        )
        .replace("{r}", &self.row.to_string())
        .replace("{w}", &crate::model::chars::printable(who))
        .replace("{h}", &self.header)
        .replace("{n}", &self.chars.to_string())
        .replace("{m}", &MAX_CELL_CHARS.to_string())
    }
}

/// A text as a CSV cell that no spreadsheet takes for a formula: one beginning with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'`, as OWASP advises ("CSV Injection");
/// the clerk's text stays readable after it. (A workbook needs nothing of the kind: its cells are
/// written as text, never as formulas.)
pub fn defused(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// A column index as the workbook wants it (listings have a handful of columns).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "Sheet1".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            sheet: "Danh sách".into(),
            headers: vec!["Họ và tên".into(), "Ngày sinh".into()],
            rows: vec![
                vec![
                    Cell::Text("Trần Thị \"Bình\", B".into()),
                    Cell::Date(Ngay::parse("16/11/2000").unwrap()),
                ],
                vec![Cell::Text("Lê An".into()), Cell::Empty],
            ],
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_writes_dates_the_vietnamese_way() {
        assert_eq!(
            table().to_csv(false),
            "Họ và tên,Ngày sinh\n\"Trần Thị \"\"Bình\"\", B\",16/11/2000\nLê An,\n"
        );
        assert!(table().to_csv(true).starts_with('\u{feff}'));
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_defused() {
        let hostile = [
            "=cmd|' /C calc'!A0",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ];
        let t = Table {
            sheet: "x".into(),
            headers: vec!["Họ và tên".into()],
            rows: hostile
                .iter()
                .map(|h| vec![Cell::Text(h.to_string())])
                .collect(),
        };
        let csv = t.to_csv(false);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let back: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[0].to_string())
            .collect();
        for (h, b) in hostile.iter().zip(&back) {
            assert_eq!(*b, format!("'{h}"));
        }
        assert_eq!(defused("Trần Thị Bình"), "Trần Thị Bình");
    }

    #[test]
    fn a_workbook_holds_text_never_formulas_and_leaves_out_only_the_overlong_cell() {
        use calamine::{Data, Reader, Xlsx};
        let mut t = table();
        t.rows[0][0] = Cell::Text("=HYPERLINK(\"http://x\",\"y\")".into());
        t.rows[1].push(Cell::Text("x".repeat(40_000)));
        t.headers.push("Ghi chú".into());
        let (bytes, overlong) = t.to_xlsx().unwrap();
        assert_eq!(
            overlong,
            vec![Overlong {
                row: 3,
                header: "Ghi chú".into(),
                who: Some("Lê An".into()),
                chars: 40_000
            }]
        );
        let m = overlong[0].message(crate::diag::Lang::Vi);
        assert!(m.contains("Lê An") && m.contains("Ghi chú"), "{m}");
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let formulas = book.worksheet_formula("Danh sách").unwrap();
        assert!(
            formulas.rows().flatten().all(String::is_empty),
            "no formula"
        );
        let range = book.worksheet_range("Danh sách").unwrap();
        assert_eq!(
            range.get_value((1, 0)),
            Some(&Data::String("=HYPERLINK(\"http://x\",\"y\")".into()))
        );
        assert_eq!(range.get_value((2, 0)), Some(&Data::String("Lê An".into())));
    }

    #[test]
    fn a_workbook_reads_back_with_its_dates_as_dates() {
        use calamine::{Data, Reader, Xlsx};
        let (bytes, overlong) = table().to_xlsx().unwrap();
        assert!(overlong.is_empty());
        assert_eq!(bytes, table().to_xlsx().unwrap().0, "deterministic");
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Danh sách").unwrap();
        assert_eq!(
            range.get_value((1, 0)),
            Some(&Data::String("Trần Thị \"Bình\", B".into()))
        );
        match range.get_value((1, 1)) {
            Some(Data::DateTime(d)) => {
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                assert_eq!((y, m, day), (2000, 11, 16));
            }
            other => panic!("not a date: {other:?}"),
        }
    }
}
