//! The table within a sheet, as offices lay it out: title rows above ("DANH SÁCH QUẦN CHÚNG ƯU
//! TÚ", merged across the columns), the header row (the row whose cells are headers hoso knows),
//! sometimes a row numbering the columns ("(1) (2) (3)"), the people, blank rows, and a closing
//! block below ("Hạ Long, ngày 05 tháng 3 năm 2026", "NGƯỜI LẬP BIỂU", a signature, a name).
//! Everything but the header and the people is read past, and said in the summary.

use super::columns::{self, Field};
use super::sheet::{Grid, Value};
use crate::diag::Lang;
use crate::model::id::slug;

/// Why rows were read past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Above the header row: the list's title, the office's name.
    Title,
    /// The row under the headers that numbers the columns.
    Numbering,
    /// Nothing in it.
    Blank,
    /// Below the table: place and date, signatures, names of signers, totals.
    Closing,
}

/// Rows read past: `first..=last` (1-based, as the spreadsheet numbers them), and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// The first row.
    pub first: u32,
    /// The last row.
    pub last: u32,
    /// Why.
    pub why: Skip,
}

impl Skipped {
    /// "dòng 1–2 (tiêu đề)".
    pub fn describe(&self, lang: Lang) -> String {
        let why = match self.why {
            Skip::Title => lang.pick("tiêu đề", "title"),
            Skip::Numbering => lang.pick("dòng đánh số cột", "column numbers"),
            Skip::Blank => lang.pick("dòng trống", "blank"),
            Skip::Closing => lang.pick("phần ký tên cuối bảng", "closing and signatures"),
        };
        let rows = if self.first == self.last {
            format!("{} {}", lang.pick("dòng", "row"), self.first)
        } else {
            format!("{} {}–{}", lang.pick("dòng", "rows"), self.first, self.last)
        };
        format!("{rows} ({why})")
    }
}

/// Where the table is: the grid index of its header row, of each person's row, and the rows
/// read past.
#[derive(Debug, Clone)]
pub struct Table {
    /// The header row (an index into `grid.rows`).
    pub header: usize,
    /// The rows of people, top to bottom.
    pub data: Vec<usize>,
    /// What was read past, top to bottom.
    pub skipped: Vec<Skipped>,
}

/// How far down the header row is looked for.
const HEADER_SEARCH: usize = 30;

/// Finds the table of a grid.
pub fn find(grid: &Grid) -> Table {
    let rows = &grid.rows;
    let header = header_row(rows);
    let mut why: Vec<Option<Skip>> = vec![None; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        if is_blank(row) {
            why[i] = Some(Skip::Blank);
        } else if i < header {
            why[i] = Some(Skip::Title);
        }
    }
    if let Some(next) = (header + 1..rows.len()).find(|i| !is_blank(&rows[*i]))
        && is_numbering(&rows[next])
    {
        why[next] = Some(Skip::Numbering);
    }
    if let Some(start) = closing_start(rows, header) {
        for w in &mut why[start..] {
            *w = Some(Skip::Closing);
        }
    }
    let number = |i: usize| grid.first_row + i as u32 + 1;
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut data = Vec::new();
    for (i, w) in why.iter().enumerate() {
        match w {
            None if i > header => data.push(i),
            None => {}
            Some(w) => match skipped.last_mut() {
                Some(s) if s.why == *w && s.last + 1 == number(i) => s.last = number(i),
                _ => skipped.push(Skipped {
                    first: number(i),
                    last: number(i),
                    why: *w,
                }),
            },
        }
    }
    Table {
        header,
        data,
        skipped,
    }
}

fn is_blank(row: &[Value]) -> bool {
    row.iter().all(|c| *c == Value::Empty)
}

fn text(cell: &Value) -> Option<String> {
    match cell {
        Value::Text(t) => Some(t.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The row whose cells are most often headers hoso knows, among those with a name column; the
/// first row when none has one (its problem is then reported there).
fn header_row(rows: &[Vec<Value>]) -> usize {
    let mut best = (0usize, false, 0usize);
    for (i, row) in rows.iter().enumerate().take(HEADER_SEARCH) {
        let fields: Vec<Field> = row
            .iter()
            .filter_map(text)
            .filter_map(|t| columns::recognise(&t))
            .collect();
        let named = fields.contains(&Field::Key("ho_ten"));
        let score = (named, fields.len());
        if score > (best.1, best.2) {
            best = (i, named, fields.len());
        }
    }
    best.0
}

/// A row that numbers the columns: each cell a small number or letter, maybe in brackets.
fn is_numbering(row: &[Value]) -> bool {
    let cells: Vec<String> = row.iter().filter_map(text).collect();
    cells.len() >= 2
        && cells.iter().all(|c| {
            let inner = c.trim_start_matches('(').trim_end_matches(')');
            (1..=3).contains(&inner.len())
                && (inner.bytes().all(|b| b.is_ascii_digit())
                    || inner.bytes().all(|b| b.is_ascii_alphabetic()))
        })
}

/// Words of the closing block, folded: "NGƯỜI LẬP BIỂU", "T/M CHI BỘ", "BÍ THƯ", "(Ký, ghi rõ
/// họ tên)", "XÁC NHẬN", "Tổng cộng", and the date line "…, ngày 05 tháng 3 năm 2026".
fn is_closing_words(cell: &str) -> bool {
    let Some(s) = slug(cell) else { return false };
    const MARKS: &[&str] = &[
        "nguoi-lap",
        "lap-bieu",
        "ghi-ro-ho-ten",
        "ky-ten",
        "ky-va-ghi",
        "bi-thu",
        "xac-nhan",
        "thu-truong",
        "chu-tich",
        "tong-cong",
        "tong-so",
        "ke-toan",
    ];
    let dated = s.contains("ngay") && s.contains("thang") && s.contains("nam");
    MARKS.iter().any(|m| s.contains(m)) || s.starts_with("t-m-") || s.starts_with("tm-") || dated
}

/// The first row of the closing block: the first row with closing words within the tail of rows
/// below the header that hold at most two cells each (a signature block has a left and a right
/// column; a person's row has more).
fn closing_start(rows: &[Vec<Value>], header: usize) -> Option<usize> {
    let sparse = |row: &Vec<Value>| row.iter().filter(|c| **c != Value::Empty).count() <= 2;
    let mut tail = rows.len();
    while tail > header + 1 && sparse(&rows[tail - 1]) {
        tail -= 1;
    }
    (tail..rows.len()).find(|i| {
        rows[*i]
            .iter()
            .filter_map(text)
            .any(|t| is_closing_words(&t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn title_numbering_blank_and_closing_rows_are_read_past() {
        let e = Value::Empty;
        let rows = vec![
            vec![t("ĐẢNG BỘ PHƯỜNG HỒNG GAI"), e.clone(), e.clone()],
            vec![t("DANH SÁCH QUẦN CHÚNG ƯU TÚ"), e.clone(), e.clone()],
            vec![e.clone(), e.clone(), e.clone()],
            vec![t("STT"), t("Họ và tên"), t("Ngày sinh")],
            vec![t("(1)"), t("(2)"), t("(3)")],
            vec![Value::Number(1.0), t("Trần Thị Bình"), t("05-03-1998")],
            vec![e.clone(), e.clone(), e.clone()],
            vec![Value::Number(2.0), t("Bí thư chi đoàn"), t("05.03.1998")],
            vec![e.clone(), e.clone(), e.clone()],
            vec![e.clone(), e.clone(), t("Hạ Long, ngày 05 tháng 3 năm 2026")],
            vec![t("NGƯỜI LẬP BIỂU"), e.clone(), t("T/M CHI BỘ")],
            vec![e.clone(), e.clone(), t("BÍ THƯ")],
            vec![e.clone(), t("Nguyễn Văn An"), t("Lê Văn Cường")],
            vec![e.clone(), e.clone(), e.clone()],
        ];
        let grid = Grid {
            name: "DS".into(),
            rows,
            first_row: 0,
            first_column: 0,
            csv: None,
        };
        let table = find(&grid);
        assert_eq!(table.header, 3);
        assert_eq!(table.data, vec![5, 7]);
        let s = |first, last, why| Skipped { first, last, why };
        assert_eq!(
            table.skipped,
            vec![
                s(1, 2, Skip::Title),
                s(3, 3, Skip::Blank),
                s(5, 5, Skip::Numbering),
                s(7, 7, Skip::Blank),
                s(9, 9, Skip::Blank),
                s(10, 14, Skip::Closing),
            ]
        );
        assert_eq!(
            table.skipped[5].describe(Lang::Vi),
            "dòng 10–14 (phần ký tên cuối bảng)"
        );
    }
}
