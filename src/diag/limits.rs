//! Values beyond what a record can sensibly hold: they would reach the layout as absurd numbers
//! (a margin of 1e308 mm, a count that wraps when added) or make typesetting need unbounded time
//! and memory (thousands of combining marks on one letter). Each is an error on that value, so
//! the person's forms are not made and everyone else's are.

use super::Lang;

/// A value out of bounds.
#[derive(Debug, Clone, PartialEq)]
pub enum Limit {
    /// A number outside the range its field allows.
    NumberOutOfRange {
        field: String,
        value: String,
        min: String,
        max: String,
    },
    /// A text longer than any field needs.
    TextTooLong {
        field: String,
        chars: usize,
        max: usize,
    },
    /// A letter carrying more combining marks than any writing needs.
    TooManyMarks { field: String, max: usize },
}

impl Limit {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Limit::NumberOutOfRange { .. } => "number-out-of-range",
            Limit::TextTooLong { .. } => "text-too-long",
            Limit::TooManyMarks { .. } => "too-many-marks",
        }
    }

    /// The message.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Limit::NumberOutOfRange {
                    field,
                    value,
                    min,
                    max,
                },
                Lang::Vi,
            ) => {
                format!("`{field}` = {value} nằm ngoài khoảng cho phép ({min} đến {max})")
            }
            (
                Limit::NumberOutOfRange {
                    field,
                    value,
                    min,
                    max,
                },
                Lang::En,
            ) => {
                format!("`{field}` = {value} is outside the allowed range ({min} to {max})")
            }
            (Limit::TextTooLong { field, chars, max }, Lang::Vi) => {
                format!("`{field}` dài {chars} ký tự, quá {max} ký tự")
            }
            (Limit::TextTooLong { field, chars, max }, Lang::En) => {
                format!("`{field}` is {chars} characters long, more than {max}")
            }
            (Limit::TooManyMarks { field, max }, Lang::Vi) => {
                format!("`{field}` có chữ mang quá {max} dấu ghép liền nhau")
            }
            (Limit::TooManyMarks { field, max }, Lang::En) => {
                format!("`{field}` has a letter with more than {max} combining marks in a row")
            }
        }
    }

    /// What to do about it.
    pub fn hint(&self, lang: Lang) -> String {
        match self {
            Limit::NumberOutOfRange { .. } => lang
                .pick("kiểm tra lại số này", "check this number")
                .to_string(),
            Limit::TextTooLong { .. } => lang
                .pick(
                    "rút gọn đoạn này, hoặc tách ra thành tài liệu riêng",
                    "shorten it, or keep it as a document of its own",
                )
                .to_string(),
            Limit::TooManyMarks { .. } => lang
                .pick(
                    "gõ lại đoạn này bằng bộ gõ tiếng Việt (Unicode dựng sẵn)",
                    "type it again with a Vietnamese keyboard (precomposed Unicode)",
                )
                .to_string(),
        }
    }
}
