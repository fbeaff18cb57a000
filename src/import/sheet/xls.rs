//! The bounds of an Excel 97–2003 workbook (`.xls`), checked before calamine reads it.
//!
//! calamine reads every sheet of an `.xls` whole when it opens the workbook: it reserves room for
//! the range each sheet's DIMENSIONS record declares and then lays out every cell from the first
//! used to the last. A 2 KB file declaring four billion rows, or holding one cell at the far
//! corner of the sheet, makes it ask for gigabytes. So the workbook's stream is walked here first,
//! record by record, the way calamine will walk it (the sheets from the offsets the workbook
//! gives, nested charts skipped), and a sheet whose declared or used range passes the bound is
//! refused with the cell that made it too large.

use super::bounds::{Limits, TooLarge};
use super::{SheetError, cell_name};
use std::io::Read;
use std::path::Path;

/// BIFF record types (MS-XLS 2.3).
const BOF: [u16; 4] = [0x0809, 0x0409, 0x0209, 0x0009];
const EOF: u16 = 0x000A;
const BOUNDSHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const MULRK: u16 = 0x00BD;
/// The records of one cell, its row and column first: NUMBER, LABEL, RSTRING, BOOLERR, RK,
/// LABELSST, FORMULA.
const CELLS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];

/// Checks every sheet of the `.xls` at `path` (whose size was checked) against `limits`.
pub fn check(path: &Path, limits: &Limits) -> Result<(), SheetError> {
    let unreadable = |e: &dyn std::fmt::Display| SheetError::Unreadable(e.to_string());
    let mut book = cfb::open(path).map_err(|e| unreadable(&e))?;
    let name = ["Workbook", "Book"]
        .into_iter()
        .find(|n| book.is_stream(n))
        .ok_or_else(|| SheetError::Unreadable("no Workbook stream".into()))?;
    let stream = book.open_stream(name).map_err(|e| unreadable(&e))?;
    // The stream lies in the file, whose size is bounded; read no more than that in any case.
    let mut bytes = Vec::new();
    stream
        .take(limits.file_bytes)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    check_stream(&bytes, limits)
}

/// One BIFF record: its type and data.
fn record(stream: &[u8], at: usize) -> Option<(u16, &[u8], usize)> {
    let header = stream.get(at..at + 4)?;
    let typ = u16::from_le_bytes([header[0], header[1]]);
    let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
    let data = stream.get(at + 4..at + 4 + len)?;
    Some((typ, data, at + 4 + len))
}

fn u16_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 2)
        .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The workbook stream: the globals up to their EOF give the sheets' offsets; each sheet is
/// checked from its offset.
fn check_stream(stream: &[u8], limits: &Limits) -> Result<(), SheetError> {
    let mut sheets = Vec::new();
    let mut at = 0;
    while let Some((typ, data, next)) = record(stream, at) {
        if typ == BOUNDSHEET
            && let Some(offset) = u32_at(data, 0)
        {
            sheets.push(offset as usize);
        }
        if typ == EOF {
            break;
        }
        at = next;
    }
    for offset in sheets {
        check_sheet(stream, offset, limits)?;
    }
    Ok(())
}

/// One sheet from its BOF to its EOF, as calamine reads it: the room its DIMENSIONS record asks
/// for, and the range from its first used cell to its last.
fn check_sheet(stream: &[u8], offset: usize, limits: &Limits) -> Result<(), SheetError> {
    let mut used = Used::new(limits);
    let mut at = offset;
    let mut seen_bof = false;
    let mut depth = 0usize;
    while let Some((typ, data, next)) = record(stream, at) {
        at = next;
        if depth > 0 {
            match typ {
                t if BOF.contains(&t) => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            t if BOF.contains(&t) => {
                if seen_bof {
                    depth += 1;
                } else {
                    seen_bof = true;
                }
            }
            EOF => break,
            DIMENSIONS => declared(data, limits)?,
            MULRK => {
                // Row, first column, the values, last column.
                if let (Some(row), Some(first), Some(last)) = (
                    u16_at(data, 0),
                    u16_at(data, 2),
                    data.len().checked_sub(2).and_then(|l| u16_at(data, l)),
                ) {
                    used.cell(row, first)?;
                    used.cell(row, last.max(first))?;
                }
            }
            t if CELLS.contains(&t) => {
                if let (Some(row), Some(column)) = (u16_at(data, 0), u16_at(data, 2)) {
                    used.cell(row, column)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The range a DIMENSIONS record declares (first row, row after the last, first column, column
/// after the last: 32-bit rows in BIFF8, 16-bit in BIFF5), which calamine reserves room for.
fn declared(data: &[u8], limits: &Limits) -> Result<(), SheetError> {
    let (first_row, end_row, first_col, end_col) = match data.len() {
        10 => (
            u16_at(data, 0),
            u16_at(data, 2),
            u16_at(data, 4),
            u16_at(data, 6),
        ),
        14 | 16 => (
            u32_at(data, 0),
            u32_at(data, 4),
            u16_at(data, 8),
            u16_at(data, 10),
        ),
        // calamine refuses the record: nothing is reserved.
        _ => return Ok(()),
    };
    let (Some(rf), Some(rl), Some(cf), Some(cl)) = (first_row, end_row, first_col, end_col) else {
        return Ok(());
    };
    // calamine's reading: a first column past 255, or after the last, counts from 0.
    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
    if rl == 0 || cl == 0 {
        return Ok(());
    }
    let rows = u64::from(rl.saturating_sub(rf)).max(1);
    let cols = u64::from(cl.saturating_sub(cf)).max(1);
    let cells = rows.saturating_mul(cols);
    if cells > limits.cells {
        let last = (rl - 1, cl - 1);
        return Err(SheetError::TooLarge(TooLarge::Range {
            first: cell_name(rf, cf),
            last: cell_name(last.0, last.1),
            cells,
            max: limits.cells,
        }));
    }
    Ok(())
}

/// The range from the first used cell to the last, as it grows.
struct Used<'a> {
    limits: &'a Limits,
    first: Option<(u32, u32)>,
    last: (u32, u32),
}

impl<'a> Used<'a> {
    fn new(limits: &'a Limits) -> Self {
        Used {
            limits,
            first: None,
            last: (0, 0),
        }
    }

    fn cell(&mut self, row: u32, column: u32) -> Result<(), SheetError> {
        let first = self
            .first
            .map_or((row, column), |(r, c)| (r.min(row), c.min(column)));
        let last = (self.last.0.max(row), self.last.1.max(column));
        let cells = u64::from(last.0 - first.0 + 1) * u64::from(last.1 - first.1 + 1);
        if cells > self.limits.cells {
            return Err(SheetError::TooLarge(TooLarge::Range {
                first: cell_name(first.0, first.1),
                last: cell_name(row, column),
                cells,
                max: self.limits.cells,
            }));
        }
        self.first = Some(first);
        self.last = last;
        Ok(())
    }
}
