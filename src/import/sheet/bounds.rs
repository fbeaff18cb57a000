//! The bounds of what import reads, each checked before the memory it bounds is taken.

use super::{Grid, SheetError, Value, cell_name};
use crate::diag::Lang;
use std::io::Read;
use std::path::Path;

/// How large a sheet may be. The defaults take a list of a whole province's members (hundreds of
/// thousands of rows) and refuse what no list is.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The file's size in bytes.
    pub file_bytes: u64,
    /// One part of a workbook (a sheet's XML, the shared strings), unzipped.
    pub part_bytes: u64,
    /// One text run or tag of a workbook's XML: what the XML reader holds at once.
    pub run_bytes: u64,
    /// The cells of the used range (rows × columns from the first used cell to the last).
    pub cells: u64,
    /// A cell's characters: Excel's own limit.
    pub cell_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: 64 << 20,
            part_bytes: 256 << 20,
            run_bytes: 256 << 10,
            cells: 4_000_000,
            cell_chars: 32_767,
        }
    }
}

/// What is too large, and where.
#[derive(Debug, Clone, PartialEq)]
pub enum TooLarge {
    /// The file.
    File {
        /// Its size, or how much of it was read before stopping.
        bytes: u64,
        /// The bound.
        max: u64,
    },
    /// A part of the workbook, unzipped; `run` when one text or tag of it is too long.
    Part {
        /// The part's name in the zip (`xl/worksheets/sheet1.xml`).
        part: String,
        /// The bound passed.
        max: u64,
        /// Whether it is one text run (a cell) that is too long, rather than the whole part.
        run: bool,
    },
    /// The used range: from the first used cell to `last`.
    Range {
        /// The first used cell (`A1`).
        first: String,
        /// The cell that made the range too large (`Z1048576`).
        last: String,
        /// The cells of the range.
        cells: u64,
        /// The bound.
        max: u64,
    },
    /// One cell.
    Cell {
        /// Its name (`C7`).
        cell: String,
        /// Its length in characters.
        chars: usize,
        /// The bound.
        max: usize,
    },
}

fn mib(bytes: u64) -> String {
    format!("{} MB", bytes.div_ceil(1 << 20))
}

impl TooLarge {
    /// What the clerk reads.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TooLarge::File { max, .. } => lang
                .pick(
                    "tệp lớn hơn {m}, không phải một danh sách: không đọc",
                    "the file is larger than {m}, which no list is: not read",
                )
                .replace("{m}", &mib(*max)),
            TooLarge::Part { part, max, run } => {
                let (vi, en) = if *run {
                    (
                        "phần `{p}` của bảng tính có một ô hoặc thẻ dài hơn {m}: không đọc",
                        "part `{p}` of the workbook holds a cell or tag longer than {m}: not read",
                    )
                } else {
                    (
                        "phần `{p}` của bảng tính giải nén ra hơn {m}: không đọc",
                        "part `{p}` of the workbook unzips to more than {m}: not read",
                    )
                };
                let m = if *run {
                    format!("{} KB", max >> 10)
                } else {
                    mib(*max)
                };
                lang.pick(vi, en).replace("{p}", part).replace("{m}", &m)
            }
            TooLarge::Range {
                first,
                last,
                cells,
                max,
            } => lang
                .pick(
                    "ô {l} làm vùng dữ liệu {f}:{l} thành {c} ô, quá {x} ô: xóa các ô thừa ở xa bảng (hoặc chép bảng sang trang mới) rồi nhập lại",
                    "cell {l} makes the used range {f}:{l} {c} cells, more than {x}: delete the stray cells far from the table (or copy the table to a new sheet) and import again",
                )
                .replace("{f}", first)
                .replace("{l}", last)
                .replace("{c}", &cells.to_string())
                .replace("{x}", &max.to_string()),
            TooLarge::Cell { cell, chars, max } => lang
                .pick(
                    "ô {c} dài {n} ký tự, quá {m} ký tự (giới hạn của Excel): không đọc",
                    "cell {c} is {n} characters long, more than {m} (Excel's own limit): not read",
                )
                .replace("{c}", cell)
                .replace("{n}", &chars.to_string())
                .replace("{m}", &max.to_string()),
        }
    }
}

impl Limits {
    /// Refuses a cell longer than a cell may be.
    pub fn check_cell(&self, text: &str, row: u32, column: u32) -> Result<(), SheetError> {
        // Bytes first: a text of fewer bytes than the bound has fewer characters.
        if text.len() > self.cell_chars {
            let chars = text.chars().count();
            if chars > self.cell_chars {
                return Err(SheetError::TooLarge(TooLarge::Cell {
                    cell: cell_name(row, column),
                    chars,
                    max: self.cell_chars,
                }));
            }
        }
        Ok(())
    }
}

/// Refuses a file larger than a sheet may be, before opening it.
pub fn check_file_size(path: &Path, limits: &Limits) -> Result<(), SheetError> {
    let meta = std::fs::metadata(path).map_err(|e| SheetError::Unreadable(e.to_string()))?;
    if meta.len() > limits.file_bytes {
        return Err(SheetError::TooLarge(TooLarge::File {
            bytes: meta.len(),
            max: limits.file_bytes,
        }));
    }
    Ok(())
}

/// The bytes of a file, read no further than the bound: a device or a pipe that never ends
/// (`/dev/zero`) is refused when the bound is reached.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, SheetError> {
    check_file_size(path, limits)?;
    let file = std::fs::File::open(path).map_err(|e| SheetError::Unreadable(e.to_string()))?;
    // Room for all of it at once, so that the buffer never doubles past the bound as it grows.
    let room = match file.metadata() {
        Ok(m) if m.is_file() => m.len().min(limits.file_bytes),
        _ => limits.file_bytes,
    };
    let mut bytes = Vec::with_capacity(room as usize + 1);
    file.take(limits.file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SheetError::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > limits.file_bytes {
        return Err(SheetError::TooLarge(TooLarge::File {
            bytes: bytes.len() as u64,
            max: limits.file_bytes,
        }));
    }
    Ok(bytes)
}

/// Streams every part of a zipped workbook once, unzipping in small pieces, and refuses a part
/// that unzips past the bound or holds one text run or tag longer than a cell can be: what
/// calamine then reads is known to fit.
pub fn check_parts(path: &Path, limits: &Limits) -> Result<(), SheetError> {
    let unreadable = |e: &dyn std::fmt::Display| SheetError::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
    let mut zip =
        zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| unreadable(&e))?;
    let mut chunk = vec![0u8; 64 << 10];
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let name = part.name().map_err(|e| unreadable(&e))?.to_string();
        let too_large = |run| {
            SheetError::TooLarge(TooLarge::Part {
                part: name.clone(),
                max: if run {
                    limits.run_bytes
                } else {
                    limits.part_bytes
                },
                run,
            })
        };
        // Only XML is scanned for runs: a binary part (`.xlsb`) is bounded by its size alone.
        let xml = name.ends_with(".xml") || name.ends_with(".rels");
        let (mut total, mut run) = (0u64, 0u64);
        loop {
            let n = part.read(&mut chunk).map_err(|e| unreadable(&e))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > limits.part_bytes {
                return Err(too_large(false));
            }
            // A run is what lies between two of `<` and `>`: a text, or a tag with its
            // attributes. The XML reader holds one at a time.
            for &b in chunk[..n].iter().filter(|_| xml) {
                run = if b == b'<' || b == b'>' { 0 } else { run + 1 };
                if run > limits.run_bytes {
                    return Err(too_large(true));
                }
            }
        }
    }
    Ok(())
}

/// Refuses an `.ods` workbook whose repeated rows and columns would make calamine build a grid
/// past the bound: a row or cell of the OpenDocument format may say it stands for a million
/// (`table:number-rows-repeated`), and calamine fills the grid to the last used cell. Read after
/// [`check_parts`], so that no event of the XML is longer than a cell can be.
pub fn check_ods(path: &Path, limits: &Limits) -> Result<(), SheetError> {
    use quick_xml::events::{BytesStart, Event};
    let unreadable = |e: &dyn std::fmt::Display| SheetError::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
    let mut zip =
        zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| unreadable(&e))?;
    let content = zip.by_name("content.xml").map_err(|e| unreadable(&e))?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let repeat = |e: &BytesStart, name: &str| -> u64 {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    // Per table: rows so far, the row's repeat, its width so far and up to its last used cell,
    // the last used row, the widest used width.
    let (mut rows, mut row_repeat, mut width, mut used) = (0u64, 1u64, 0u64, 0u64);
    let (mut last_row, mut widest) = (0u64, 0u64);
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| unreadable(&e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => (rows, last_row, widest) = (0, 0, 0),
                "table:table-row" => {
                    (row_repeat, width, used) = (repeat(e, "table:number-rows-repeated"), 0, 0)
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    width = width.saturating_add(repeat(e, "table:number-columns-repeated"));
                    let valued = matches!(event, Event::Start(_))
                        || e.try_get_attribute("office:value-type")
                            .ok()
                            .flatten()
                            .is_some();
                    if valued {
                        used = width;
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                rows = rows.saturating_add(row_repeat);
                if used > 0 {
                    (last_row, widest) = (rows, widest.max(used));
                }
                let cells = last_row.saturating_mul(widest);
                if cells > limits.cells {
                    return Err(SheetError::TooLarge(TooLarge::Range {
                        first: "A1".into(),
                        last: cell_name(
                            (last_row - 1).min(u32::MAX as u64) as u32,
                            (widest - 1).min(u32::MAX as u64) as u32,
                        ),
                        cells,
                        max: limits.cells,
                    }));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// The used cells of a sheet as they are read, refused as soon as their range is past the bound.
pub struct Sparse<'a> {
    limits: &'a Limits,
    cells: Vec<((u32, u32), Value)>,
    first: (u32, u32),
    last: (u32, u32),
}

impl<'a> Sparse<'a> {
    /// No cell yet.
    pub fn new(limits: &'a Limits) -> Self {
        Sparse {
            limits,
            cells: Vec::new(),
            first: (u32::MAX, u32::MAX),
            last: (0, 0),
        }
    }

    /// One more cell; an empty one is passed over.
    pub fn push(&mut self, (row, column): (u32, u32), value: Value) -> Result<(), SheetError> {
        if value == Value::Empty {
            return Ok(());
        }
        if let Value::Text(t) = &value {
            self.limits.check_cell(t, row, column)?;
        }
        let first = (self.first.0.min(row), self.first.1.min(column));
        let last = (self.last.0.max(row), self.last.1.max(column));
        let cells = (last.0 - first.0 + 1) as u64 * (last.1 - first.1 + 1) as u64;
        if cells > self.limits.cells {
            return Err(SheetError::TooLarge(TooLarge::Range {
                first: cell_name(first.0, first.1),
                last: cell_name(last.0, last.1),
                cells,
                max: self.limits.cells,
            }));
        }
        (self.first, self.last) = (first, last);
        self.cells.push(((row, column), value));
        Ok(())
    }

    /// The grid of the used range, row by row.
    pub fn into_grid(mut self, name: String) -> Grid {
        if self.cells.is_empty() {
            return Grid {
                name,
                rows: Vec::new(),
                first_row: 0,
                first_column: 0,
                csv: None,
            };
        }
        self.cells.sort_by_key(|(at, _)| *at);
        let (first_row, first_column) = self.first;
        let mut rows: Vec<Vec<Value>> = vec![Vec::new(); (self.last.0 - first_row + 1) as usize];
        for ((r, c), value) in self.cells {
            let row = &mut rows[(r - first_row) as usize];
            let c = (c - first_column) as usize;
            if row.len() <= c {
                row.resize(c + 1, Value::Empty);
            }
            row[c] = value;
        }
        Grid {
            name,
            rows,
            first_row,
            first_column,
            csv: None,
        }
    }
}
