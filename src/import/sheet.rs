//! Reading a sheet: an `.xlsx`, `.xlsm`, `.xls` or `.ods` workbook (calamine) or a `.csv` file
//! (csv), into a grid of cells whose first row holds the headers.

use crate::model::Ngay;
use std::path::Path;

/// A cell as the sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text (every CSV cell is text).
    Text(String),
    /// A number the spreadsheet stores as such.
    Number(f64),
    /// A cell the spreadsheet stores as a date; `None` when it is no calendar date hoso takes
    /// (before 1900, or a time without a day).
    Date(Option<Ngay>),
    /// `TRUE` or `FALSE`.
    Bool(bool),
    /// Nothing.
    Empty,
}

/// One sheet: its name and its rows; `rows[0]` is the header row.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The sheet's name (the file name for CSV).
    pub name: String,
    /// The rows, top to bottom; row `i` is row `i + 1 + first_row` of the sheet.
    pub rows: Vec<Vec<Value>>,
    /// The 0-based sheet row of `rows[0]` (a sheet whose data starts lower down).
    pub first_row: u32,
    /// The 0-based sheet column of the grid's first column.
    pub first_column: u32,
}

/// Why a sheet could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    /// Not a kind of file hoso reads.
    #[error("not a spreadsheet hoso reads")]
    UnknownKind,
    /// The file could not be opened or parsed.
    #[error("{0}")]
    Unreadable(String),
    /// No sheet of that name; these are the sheets there are.
    #[error("no sheet `{name}`")]
    NoSuchSheet {
        /// The name asked for.
        name: String,
        /// The sheets of the workbook.
        sheets: Vec<String>,
    },
}

/// Reads `path`: the sheet named `sheet`, or the first one.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Grid, SheetError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => read_csv(path),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, sheet),
        _ => Err(SheetError::UnknownKind),
    }
}

fn read_csv(path: &Path) -> Result<Grid, SheetError> {
    let bytes = std::fs::read(path).map_err(|e| SheetError::Unreadable(e.to_string()))?;
    // Excel writes a byte-order mark before UTF-8 CSV.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| SheetError::Unreadable(e.to_string()))?;
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(s.to_string())
                    }
                })
                .collect(),
        );
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Grid {
        name,
        rows,
        first_row: 0,
        first_column: 0,
    })
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Grid, SheetError> {
    use calamine::{Data, Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).map_err(|e| SheetError::Unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted || n.trim().eq_ignore_ascii_case(wanted.trim()))
            .cloned()
            .ok_or_else(|| SheetError::NoSuchSheet {
                name: wanted.to_string(),
                sheets: names.clone(),
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| SheetError::Unreadable("the workbook has no sheet".into()))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| SheetError::Unreadable(e.to_string()))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(s) if s.trim().is_empty() => Value::Empty,
                    Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                        Value::Text(s.clone())
                    }
                    Data::Int(i) => Value::Number(*i as f64),
                    Data::Float(f) => Value::Number(*f),
                    Data::Bool(b) => Value::Bool(*b),
                    Data::DateTime(d) => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        let date = (d.is_datetime() && y >= 1900)
                            .then(|| jiff::civil::Date::new(y as i16, m as i8, day as i8).ok())
                            .flatten()
                            .map(Ngay);
                        Value::Date(date)
                    }
                    Data::Error(e) => Value::Text(format!("#{e:?}")),
                    Data::Empty => Value::Empty,
                })
                .collect()
        })
        .collect();
    Ok(Grid {
        name,
        rows,
        first_row,
        first_column,
    })
}

/// A column's letters as a spreadsheet shows them: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(mut index: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        let l = |i| super::column_letters(i);
        assert_eq!(
            (l(0), l(2), l(25), l(26), l(27), l(701), l(702)),
            (
                "A".into(),
                "C".into(),
                "Z".into(),
                "AA".into(),
                "AB".into(),
                "ZZ".into(),
                "AAA".into()
            )
        );
    }
}
