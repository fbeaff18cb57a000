//! Reading a sheet: an `.xlsx`, `.xlsm`, `.xlsb`, `.xls` or `.ods` workbook (calamine) or a
//! `.csv` file (csv, in whatever encoding and with whatever separator Excel saved it), into a grid
//! of cells. Which row holds the headers is for `rows.rs` to find.
//!
//! A sheet comes from outside and may be hostile: every read is bounded before it allocates. The
//! file's size is checked first; a workbook's parts (zipped XML) are streamed through once, within
//! a size, before calamine opens them, so that no text run or tag it buffers is longer than a cell
//! may be ([`bounds`]); its cells are then read one by one, and the used range is refused as soon
//! as it grows past what a list can be, before any grid is made.

mod bounds;
mod text;
mod xls;

pub use bounds::{Limits, TooLarge};
pub use text::Legacy;

use crate::diag::Lang;
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

/// One sheet: its name and its rows, from its first used row down.
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
    /// How a CSV file was read (its encoding and separator), for the summary; `None` for a
    /// workbook.
    pub csv: Option<CsvReading>,
}

/// How a CSV file was read.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvReading {
    /// "UTF-8", "UTF-16LE", "windows-1258".
    pub encoding: &'static str,
    /// `,`, `;` or a tab.
    pub separator: u8,
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
    /// Past a bound of what a list can be: refused before it is read.
    #[error("{}", .0.message(Lang::En))]
    TooLarge(TooLarge),
    /// A CSV file in a legacy Vietnamese font encoding (TCVN3, VNI): it cannot be told apart
    /// reliably from others, so it is refused with the fix.
    #[error("{}", .0.message(Lang::En))]
    Legacy(Legacy),
    /// A workbook whose cells were typed in a legacy font encoding (the letters of `VNI-Times` or
    /// `.VnTime` saved as they look in a Western font): its names would be read as gibberish.
    #[error("cell {cell} and others are typed in a legacy font encoding")]
    LegacyCells {
        /// The encoding.
        legacy: Legacy,
        /// The first such cell (`B3`).
        cell: String,
    },
}

impl SheetError {
    /// What the clerk reads.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SheetError::UnknownKind => lang
                .pick(
                    "không phải bảng tính hoso đọc được (.xlsx, .ods, .xls, .csv)",
                    "not a spreadsheet hoso reads (.xlsx, .ods, .xls, .csv)",
                )
                .to_string(),
            // The detail is the reading library's own (in English): said after what it means.
            SheetError::Unreadable(d) => match lang {
                Lang::Vi => format!(
                    "không đọc được tệp này như một bảng tính ({d}); nếu Excel hoặc LibreOffice mở được nó, hãy lưu lại thành .xlsx rồi nhập tệp đó"
                ),
                Lang::En => format!(
                    "this file cannot be read as a spreadsheet ({d}); if Excel or LibreOffice opens it, save it again as .xlsx and import that"
                ),
            },
            SheetError::NoSuchSheet { name, sheets } => lang
                .pick(
                    "không có trang `{n}`; các trang: {s}",
                    "no sheet `{n}`; the sheets are: {s}",
                )
                .replace("{n}", name)
                .replace("{s}", &sheets.join(", ")),
            SheetError::TooLarge(t) => t.message(lang),
            SheetError::Legacy(l) => l.message(lang),
            SheetError::LegacyCells { legacy, cell } => legacy.cells_message(cell, lang),
        }
    }
}

/// Reads `path`: the sheet named `sheet`, or the first one.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Grid, SheetError> {
    read_within(path, sheet, &Limits::default())
}

/// Reads `path` within `limits`.
pub fn read_within(path: &Path, sheet: Option<&str>, limits: &Limits) -> Result<Grid, SheetError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => read_csv(path, limits),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => {
            let grid = read_workbook(path, &ext, sheet, limits)?;
            match text::legacy_cells(&grid) {
                Some((legacy, cell)) => Err(SheetError::LegacyCells { legacy, cell }),
                None => Ok(grid),
            }
        }
        _ => Err(SheetError::UnknownKind),
    }
}

fn read_csv(path: &Path, limits: &Limits) -> Result<Grid, SheetError> {
    let bytes = bounds::read_file(path, limits)?;
    let (text, encoding) = text::decode(&bytes)?;
    drop(bytes);
    let (separator, body) = text::separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    for (r, record) in reader.records().enumerate() {
        let record = record.map_err(|e| SheetError::Unreadable(e.to_string()))?;
        let mut row = Vec::with_capacity(record.len());
        for (c, s) in record.iter().enumerate() {
            limits.check_cell(s, r as u32, c as u32)?;
            row.push(if s.trim().is_empty() {
                Value::Empty
            } else {
                Value::Text(s.to_string())
            });
        }
        rows.push(row);
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
        csv: Some(CsvReading {
            encoding,
            separator,
        }),
    })
}

fn read_workbook(
    path: &Path,
    ext: &str,
    sheet: Option<&str>,
    limits: &Limits,
) -> Result<Grid, SheetError> {
    use calamine::{Ods, Reader, Xls, Xlsb, Xlsx, open_workbook};
    bounds::check_file_size(path, limits)?;
    if ext != "xls" {
        bounds::check_parts(path, limits)?;
    }
    if ext == "ods" {
        bounds::check_ods(path, limits)?;
    }
    if ext == "xls" {
        xls::check(path, limits)?;
    }
    let unreadable = |e: &dyn std::fmt::Display| SheetError::Unreadable(e.to_string());
    match ext {
        "xlsx" | "xlsm" => {
            let mut book: Xlsx<_> = open_workbook(path).map_err(|e| unreadable(&e))?;
            let name = pick_sheet(book.sheet_names(), sheet)?;
            let mut cells = book
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(&e))?;
            streamed(name, limits, || cells.next_cell())
        }
        "xlsb" => {
            let mut book: Xlsb<_> = open_workbook(path).map_err(|e| unreadable(&e))?;
            let name = pick_sheet(book.sheet_names(), sheet)?;
            let mut cells = book
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(&e))?;
            streamed(name, limits, || cells.next_cell())
        }
        "ods" => {
            let mut book: Ods<_> = open_workbook(path).map_err(|e| unreadable(&e))?;
            let name = pick_sheet(book.sheet_names(), sheet)?;
            let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
            range_grid(range, name, limits)
        }
        _ => {
            let mut book: Xls<_> = open_workbook(path).map_err(|e| unreadable(&e))?;
            let name = pick_sheet(book.sheet_names(), sheet)?;
            let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
            range_grid(range, name, limits)
        }
    }
}

/// The sheet asked for (by name, ignoring case and spaces around it), or the first.
fn pick_sheet(names: Vec<String>, wanted: Option<&str>) -> Result<String, SheetError> {
    match wanted {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted || n.trim().eq_ignore_ascii_case(wanted.trim()))
            .cloned()
            .ok_or_else(|| SheetError::NoSuchSheet {
                name: wanted.to_string(),
                sheets: names.clone(),
            }),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| SheetError::Unreadable("the workbook has no sheet".into())),
    }
}

/// The cells of a sheet read one at a time (`.xlsx`, `.xlsb`: calamine's cell readers, which have
/// no trait in common), each through the bounds as it comes.
fn streamed<'a, E: std::fmt::Display>(
    name: String,
    limits: &Limits,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<calamine::DataRef<'a>>>, E>,
) -> Result<Grid, SheetError> {
    let mut sparse = bounds::Sparse::new(limits);
    while let Some(cell) = next().map_err(|e| SheetError::Unreadable(e.to_string()))? {
        sparse.push(cell.get_position(), value_ref(cell.get_value()))?;
    }
    Ok(sparse.into_grid(name))
}

/// A whole range read by calamine (`.ods`, `.xls`), through the same bounds as streamed cells.
fn range_grid(
    range: calamine::Range<calamine::Data>,
    name: String,
    limits: &Limits,
) -> Result<Grid, SheetError> {
    let mut sparse = bounds::Sparse::new(limits);
    for (r, c, cell) in range.used_cells() {
        let (r0, c0) = range.start().unwrap_or((0, 0));
        sparse.push((r0 + r as u32, c0 + c as u32), value(cell))?;
    }
    Ok(sparse.into_grid(name))
}

fn value_ref(cell: &calamine::DataRef) -> Value {
    use calamine::DataRef as D;
    match cell {
        D::SharedString(s) => text_value(s),
        D::String(s) | D::DateTimeIso(s) | D::DurationIso(s) => text_value(s),
        D::Int(i) => Value::Number(*i as f64),
        D::Float(f) => Value::Number(*f),
        D::Bool(b) => Value::Bool(*b),
        D::DateTime(d) => date_value(d),
        D::Error(e) => Value::Text(format!("#{e:?}")),
        D::Empty => Value::Empty,
    }
}

fn value(cell: &calamine::Data) -> Value {
    use calamine::Data as D;
    match cell {
        D::String(s) | D::DateTimeIso(s) | D::DurationIso(s) => text_value(s),
        D::Int(i) => Value::Number(*i as f64),
        D::Float(f) => Value::Number(*f),
        D::Bool(b) => Value::Bool(*b),
        D::DateTime(d) => date_value(d),
        D::Error(e) => Value::Text(format!("#{e:?}")),
        D::Empty => Value::Empty,
    }
}

fn text_value(s: &str) -> Value {
    if s.trim().is_empty() {
        Value::Empty
    } else {
        Value::Text(s.to_string())
    }
}

fn date_value(d: &calamine::ExcelDateTime) -> Value {
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    let date = (d.is_datetime() && y >= 1900)
        .then(|| jiff::civil::Date::new(y as i16, m as i8, day as i8).ok())
        .flatten()
        .map(Ngay);
    Value::Date(date)
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

/// A cell's name: row 0, column 2 → `C1`.
pub fn cell_name(row: u32, column: u32) -> String {
    format!("{}{}", column_letters(column), row as u64 + 1)
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
        assert_eq!(super::cell_name(1048575, 16383), "XFD1048576");
    }
}
