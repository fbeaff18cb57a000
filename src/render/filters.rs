//! What templates print with: the formatter every `{{ value }}` goes through (escaped text, plain
//! numbers, a dotted blank for a missing value) and the filters giving the Vietnamese forms of
//! dates, numbers and free text.

use super::escape;
use crate::model::Ngay;
use minijinja::value::Value;
use minijinja::{Error, ErrorKind, Output, State};

/// Prints every `{{ value }}`: escaped text, plain numbers, a dotted blank for a missing value.
pub(super) fn format_value(
    out: &mut Output,
    state: &mut State,
    value: &Value,
) -> Result<(), Error> {
    let text = if value.is_safe() {
        value.to_string()
    } else if value.is_undefined() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "printed an undefined value",
        ));
    } else if value.is_none() {
        BLANK.to_string()
    } else if value.kind() == minijinja::value::ValueKind::Bool {
        // minijinja writes `True`/`False`; Typst reads `true`/`false`.
        value.is_true().to_string()
    } else if value.is_number() {
        value.to_string()
    } else if let Some(s) = value.as_str() {
        escape::markup(s)
    } else {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "cannot print a {} in `{}`; print its fields",
                value.kind(),
                state.name()
            ),
        ));
    };
    out.write_str(&text).map_err(Error::from)
}

/// A missing value: a dotted blank of the library's default width.
///
/// Every blank ends with an empty comment `/**/`: a Typst expression embedded in markup swallows a
/// `;` right after it, and takes a `(` or `[` right after it as arguments, so "năm #o(); tổng số"
/// would lose its semicolon. The comment ends the expression; the text after it stays text.
const BLANK: &str = "#o()/**/";

fn blank(width: &str) -> Value {
    Value::from_safe_string(format!("#o(width: {width})/**/"))
}

fn date_of(value: &Value) -> Result<Option<Ngay>, Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(None);
    }
    let text = value
        .as_str()
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, "a date must be a string"))?;
    Ngay::parse(text).map(Some).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("`{text}` is not a date"),
        )
    })
}

/// `{{ d | ngay }}` → "ngày 16 tháng 11 năm 2020"; missing → dotted blanks in each slot.
/// `{{ d | ngay(true) }}` starts a sentence: "Ngày 16 tháng 11 năm 2020".
pub(super) fn filter_ngay(value: &Value, sentence_start: Option<bool>) -> Result<Value, Error> {
    let text = match date_of(value)? {
        Some(d) => d.long(),
        None => "ngày #o(width: 0.9cm) tháng #o(width: 0.9cm) năm #o(width: 1.3cm)/**/".into(),
    };
    let text = if sentence_start == Some(true) {
        text.replacen("ngày", "Ngày", 1)
    } else {
        text
    };
    Ok(Value::from_safe_string(text))
}

/// `{{ d | ngay_so }}` → "16/11/2020", "16/3/2026", "05/02/2026" (padded as in "ngày .. tháng
/// .. năm .."); missing → a dotted blank.
pub(super) fn filter_ngay_so(value: &Value) -> Result<Value, Error> {
    Ok(match date_of(value)? {
        Some(d) => Value::from_safe_string(d.numeric()),
        None => blank("2.6cm"),
    })
}

/// A width a template may ask for: a number and a Typst unit.
fn checked_width(width: &str) -> Result<&str, Error> {
    let unit_at = width
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(width.len());
    let (number, unit) = width.split_at(unit_at);
    let ok = !number.is_empty()
        && number.parse::<f64>().is_ok()
        && matches!(unit, "cm" | "mm" | "pt" | "em" | "fr" | "%");
    if ok {
        Ok(width)
    } else {
        Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("`{width}` is not a width"),
        ))
    }
}

/// `{{ x | cho("4cm") }}`: the value, or a dotted blank of that width.
pub(super) fn filter_cho(value: &Value, width: &str) -> Result<Value, Error> {
    let width = checked_width(width)?;
    if value.is_none() || value.is_undefined() {
        return Ok(blank(width));
    }
    match value.as_str() {
        Some(s) => Ok(Value::from_safe_string(escape::markup(s))),
        None => Ok(Value::from_safe_string(escape::markup(&value.to_string()))),
    }
}

/// `{{ n | so }}`: a count in Vietnamese style (1.045); missing → a short dotted blank.
pub(super) fn filter_so(value: &Value) -> Result<Value, Error> {
    if value.is_none() {
        return Ok(blank("1.2cm"));
    }
    let n = i64::try_from(value.clone())
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, "`so` needs a whole number"))?;
    Ok(Value::from_safe_string(crate::vn::thousands(n)))
}

/// `{{ a | phan_tram(b) }}`: a / b as a percentage with a decimal comma ("92,31%").
pub(super) fn filter_phan_tram(value: &Value, of: &Value) -> Result<Value, Error> {
    if value.is_none() || of.is_none() {
        return Ok(blank("1.5cm"));
    }
    let a = f64::try_from(value.clone())
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, "`phan_tram` needs numbers"))?;
    let b = f64::try_from(of.clone())
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, "`phan_tram` needs numbers"))?;
    if b == 0.0 {
        return Ok(blank("1.5cm"));
    }
    Ok(Value::from_safe_string(format!(
        "{}%",
        crate::vn::decimal(a / b * 100.0, 2)
    )))
}

/// `{{ s | hoa }}`: upper case (Vietnamese letters included), still escaped when printed.
pub(super) fn filter_hoa(value: &Value) -> Value {
    match value.as_str() {
        Some(s) => Value::from(s.to_uppercase()),
        None => value.clone(),
    }
}

/// `{{ s | chuoi }}`: a Typst string literal, for code positions such as document metadata.
pub(super) fn filter_chuoi(value: &Value) -> Value {
    match value.as_str() {
        Some(s) => Value::from_safe_string(escape::string_literal(s)),
        None => Value::from_safe_string("none".into()),
    }
}

/// `{{ s | doan_cuoi }}`: free text that ends a document just before its signature, as `doan`,
/// its last paragraph kept whole with the signature block that follows (`doan-cuoi` of the
/// layout library), so that a long text never leaves the signature alone on a page.
pub(super) fn filter_doan_cuoi(value: &Value) -> Value {
    let Some(s) = value.as_str() else {
        return Value::from_safe_string("#doan-cuoi[#dong-trong(2)]".into());
    };
    let text = s.trim();
    let (before, last) = match text.rfind("\n\n") {
        Some(at) => (&text[..at], &text[at..]),
        None => ("", text),
    };
    let mut out = String::new();
    if !before.trim().is_empty() {
        out.push_str(&escape::paragraphs(before));
        out.push_str("\n\n");
    }
    out.push_str("#doan-cuoi[");
    out.push_str(&escape::paragraphs(last));
    out.push(']');
    Value::from_safe_string(out)
}

/// `{{ s | doan }}`: free text of several lines and paragraphs; missing → two dotted lines.
pub(super) fn filter_doan(value: &Value) -> Value {
    match value.as_str() {
        Some(s) => Value::from_safe_string(escape::paragraphs(s)),
        None => Value::from_safe_string("#dong-trong(2)".into()),
    }
}
