//! Limits: every number that reaches the layout within a sane range (margins in millimetres,
//! counts of people), every text of a length a form can hold, and no letter piled with combining
//! marks. Such values pass the types (a margin of `1e308`, a count of `4294967295`, a name with
//! two thousand accents) but would panic the layout, wrap in a sum, or need unbounded memory to
//! typeset; each is an error at its value, so only that record's forms are held back.

use crate::diag::{Diagnostic, Limit, Location, Problem};
use crate::model::chars::is_combining_mark;
use crate::model::{Record, Workspace};
use serde::Serialize;
use serde_json::Value;

/// No count of people or document number is larger (a đảng bộ of a whole province is smaller).
const MAX_NUMBER: f64 = 1_000_000.0;
/// Page margins, in millimetres.
const MARGINS: (f64, f64) = (0.0, 100.0);
/// The longest text a field may hold: a few pages of a personal history.
const MAX_TEXT: usize = 20_000;
/// Combining marks in a row on one letter: after NFC, Vietnamese needs at most one.
const MAX_MARKS: usize = 3;

/// The limits of a person's record.
pub fn person(record: &Record) -> Vec<Diagnostic> {
    // Most records are plainly within bounds, which one pass over the text shows; only a record
    // that might not be is walked value by value to find and locate what is out of bounds.
    if !may_exceed(&record.spans.file().text) {
        return Vec::new();
    }
    values(&record.nguoi, &|path| record.spans.locate(path))
}

/// Whether a file's text could hold a value out of bounds: a text longer than a field may be, a
/// run of seven digits (a number of a million or more), or a pile of combining marks.
fn may_exceed(text: &str) -> bool {
    let long = text.len() > MAX_TEXT;
    let mut digits = 0;
    let big = text.bytes().any(|b| {
        digits = if b.is_ascii_digit() { digits + 1 } else { 0 };
        digits >= 7
    });
    long || big || longest_mark_run(text) > MAX_MARKS
}

/// The limits of the organisation, margins included.
pub fn org(workspace: &Workspace) -> Vec<Diagnostic> {
    let org = &workspace.org;
    let locate = |path: &str| org.spans.locate(path);
    let mut d = values(&org.to_chuc, &locate);
    if let Some(m) = org.to_chuc.le_trang {
        for (key, value) in [
            ("tren", m.tren),
            ("duoi", m.duoi),
            ("trai", m.trai),
            ("phai", m.phai),
        ] {
            if !(value.is_finite() && (MARGINS.0..=MARGINS.1).contains(&value)) {
                let field = format!("le_trang.{key}");
                d.push(out_of_range(&field, &value.to_string(), MARGINS, &locate));
            }
        }
    }
    d
}

/// The limits of `bao-cao.yaml`.
pub fn report(workspace: &Workspace) -> Vec<Diagnostic> {
    match &workspace.bao_cao {
        Some(r) => values(&r.bao_cao, &|path| r.spans.locate(path)),
        None => Vec::new(),
    }
}

fn out_of_range(
    field: &str,
    value: &str,
    (min, max): (f64, f64),
    locate: &dyn Fn(&str) -> Location,
) -> Diagnostic {
    let limit = Limit::NumberOutOfRange {
        field: field.to_string(),
        value: value.to_string(),
        min: crate::vn::thousands(min as i64),
        max: crate::vn::thousands(max as i64),
    };
    Diagnostic::error(Problem::Limit(limit), Some(locate(field)))
}

/// Every number and text of a record, checked at its path.
fn values<T: Serialize>(record: &T, locate: &dyn Fn(&str) -> Location) -> Vec<Diagnostic> {
    let Ok(tree) = serde_json::to_value(record) else {
        return Vec::new();
    };
    let mut d = Vec::new();
    walk(&tree, &mut String::new(), &mut |path, value| match value {
        // Margins have their own range (above).
        Value::Number(_) if path.starts_with("le_trang.") => {}
        Value::Number(n) if n.as_f64().is_some_and(|x| x.abs() > MAX_NUMBER) => {
            d.push(out_of_range(
                path,
                &n.to_string(),
                (0.0, MAX_NUMBER),
                locate,
            ));
        }
        Value::String(s) => {
            let chars = s.chars().count();
            if chars > MAX_TEXT {
                let limit = Limit::TextTooLong {
                    field: path.to_string(),
                    chars,
                    max: MAX_TEXT,
                };
                d.push(Diagnostic::error(Problem::Limit(limit), Some(locate(path))));
            } else if longest_mark_run(s) > MAX_MARKS {
                let limit = Limit::TooManyMarks {
                    field: path.to_string(),
                    max: MAX_MARKS,
                };
                d.push(Diagnostic::error(Problem::Limit(limit), Some(locate(path))));
            }
        }
        _ => {}
    });
    d
}

/// Calls `visit` with every scalar and its path (`a.b`, `a[1].b`).
fn walk(value: &Value, path: &mut String, visit: &mut dyn FnMut(&str, &Value)) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(v, path, visit);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(v, path, visit);
                path.truncate(len);
            }
        }
        scalar => visit(path, scalar),
    }
}

/// The most combining marks that follow one another in `s`.
fn longest_mark_run(s: &str) -> usize {
    let (mut run, mut longest) = (0, 0);
    for c in s.chars() {
        if is_combining_mark(c) {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_text_that_may_hold_a_value_out_of_bounds_is_walked() {
        assert!(!may_exceed(
            "ho_ten: Nguyễn Văn An\nhop_chi_bo:\n  co_mat: 12\n"
        ));
        assert!(may_exceed("co_mat:\n  chinh_thuc: 4294967295\n"));
        assert!(may_exceed(&format!("ho_ten: A{}\n", "\u{301}".repeat(9))));
    }

    #[test]
    fn vietnamese_text_is_within_the_mark_limit_and_a_pile_is_not() {
        // Decomposed Vietnamese (as some keyboards type it) has at most two marks on a letter.
        assert_eq!(longest_mark_run("Nguye\u{302}\u{303}n"), 2);
        assert_eq!(longest_mark_run("Nguyễn Thị Ánh"), 0);
        let pile = format!("A{}", "\u{301}".repeat(2000));
        assert_eq!(longest_mark_run(&pile), 2000);
    }
}
