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
    /// to read it as UTF-8 when `bom` is set).
    pub fn to_csv(&self, bom: bool) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(&self.headers);
        for row in &self.rows {
            let _ = w.write_record(row.iter().map(|c| match c {
                Cell::Text(s) => s.clone(),
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
    /// cells shown `dd/mm/yyyy`, columns fitted to their text.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ExportError> {
        use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
        let err = |e: rust_xlsxwriter::XlsxError| ExportError(e.to_string());
        let mut book = Workbook::new();
        // A fixed creation time: the same records give the same file.
        let epoch = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
        book.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&self.sheet)).map_err(err)?;
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
        book.save_to_buffer().map_err(err)
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
    fn a_workbook_reads_back_with_its_dates_as_dates() {
        use calamine::{Data, Reader, Xlsx};
        let bytes = table().to_xlsx().unwrap();
        assert_eq!(bytes, table().to_xlsx().unwrap(), "deterministic");
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
