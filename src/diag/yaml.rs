//! What the YAML reader can find wrong with a file, in hoso's own terms and words.
//!
//! The loader maps the parser's and serde's error kinds to these; the wording lives here so that
//! a Vietnamese message never carries the parser's English text (that text is kept, and shown,
//! only in English output).

use super::Lang;

/// Why the YAML text cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxFault {
    /// A `[` or `{` that is never closed.
    Unclosed { open: char },
    /// A `[` closed by `}`, or the reverse.
    Mismatched { open: char, close: char },
    /// A `]` or `}` that closes nothing.
    StrayClose,
    /// A quoted text without its closing quote.
    UnclosedQuote,
    /// A `\` escape inside double quotes that YAML does not know.
    BadEscape,
    /// A tab where YAML allows only spaces.
    Tab,
    /// A line indented to no level of the lines around it.
    Indentation,
    /// A `:` where no key can stand: a second `key:` on one line, or a line under an
    /// unclosed bracket.
    Colon,
    /// A line that is not `key: value` (or `- item`) where one is expected.
    NotKeyValue,
    /// An alias `*name` with no anchor `&name` before it.
    UnknownAnchor,
    /// A character that cannot start a value here.
    Character { character: char },
    /// Nesting deeper than the parser allows (reported as its own problem, `yaml-too-deep`).
    TooDeep,
    /// Anything else: the structure is broken here.
    Other,
}

impl SyntaxFault {
    /// What is wrong, in Vietnamese: the parser's English text is not used.
    pub fn vi(&self) -> String {
        match self {
            SyntaxFault::Unclosed { open } => {
                format!("thiếu dấu đóng `{}` cho dấu `{open}`", closing(*open))
            }
            SyntaxFault::Mismatched { open, close } => {
                format!("dấu `{open}` lại được đóng bằng `{close}`")
            }
            SyntaxFault::StrayClose => "dấu đóng ngoặc không có dấu mở tương ứng".into(),
            SyntaxFault::UnclosedQuote => "thiếu dấu nháy đóng".into(),
            SyntaxFault::BadEscape => "ký tự thoát `\\` không hợp lệ trong chuỗi nháy kép".into(),
            SyntaxFault::Tab => "có ký tự tab; YAML chỉ thụt lề bằng dấu cách".into(),
            SyntaxFault::Indentation => "thụt lề không khớp với các dòng xung quanh".into(),
            SyntaxFault::Colon => {
                "dấu `:` đặt sai chỗ (hai khóa trên một dòng, hoặc một dấu ngoặc chưa đóng ở trên)"
                    .into()
            }
            SyntaxFault::NotKeyValue => {
                "dòng này không có dạng `khóa: giá trị` hoặc `- mục`".into()
            }
            SyntaxFault::UnknownAnchor => "tham chiếu `*...` tới một neo `&...` chưa có".into(),
            SyntaxFault::Character { character } => {
                format!("ký tự `{character}` không được đứng ở đây")
            }
            SyntaxFault::TooDeep => "lồng nhau quá sâu".into(),
            SyntaxFault::Other => "cấu trúc không hợp lệ".into(),
        }
    }
}

fn closing(open: char) -> char {
    match open {
        '[' => ']',
        '{' => '}',
        other => other,
    }
}

/// A limit of the YAML reader that a file went past: a record is a few hundred values, so a file
/// past these is broken or hostile, and is refused rather than read at any cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlLimit {
    /// Containers nested deeper than `max` levels.
    Depth { max: usize },
    /// Aliases that expand to more than the reader replays (an "alias bomb").
    Aliases,
    /// More values or events than any record has.
    Size,
}

/// Why a value does not fit its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueFault {
    /// A value of another kind than the field takes.
    WrongKind {
        found: ValueKind,
        expected: ValueKind,
    },
    /// A value that cannot be read as what the field takes (`mười hai` for a count).
    NotA { expected: ValueKind },
    /// A word that is not one of the allowed ones.
    NotOneOf { value: String, allowed: Vec<String> },
    /// The same key twice in one block.
    DuplicateKey { key: String },
    /// A list with the wrong number of items.
    Length { len: usize },
    /// A name or text given as is, in both languages (a rule's name, a backticked value).
    Text(String),
    /// Anything else the reader reports: its English text, shown only in English output.
    Other { en: String },
}

/// The kinds of YAML values, as a clerk would call them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Text.
    Text,
    /// A whole number.
    Integer,
    /// A count: a whole number, 0 or more.
    Count,
    /// A number with a fraction.
    Decimal,
    /// `true` or `false`.
    Bool,
    /// Nothing written after the key.
    Empty,
    /// A list of `- item` lines or `[a, b]`.
    List,
    /// A block of `key: value` lines.
    Block,
    /// One of a fixed set of words.
    Choice,
    /// A single character.
    Character,
    /// A kind serde names in its own terms.
    Unknown,
}

impl ValueKind {
    /// How serde names what it found (`string "x"`, `integer `5``, `sequence`, …) or what it
    /// expected (`a string`, `u32`, `struct HopChiBo`, `a sequence`, …).
    pub fn from_serde(text: &str) -> ValueKind {
        let t = text.trim_start_matches("a ").trim_start_matches("an ");
        let word = t.split([' ', '`']).next().unwrap_or("");
        match word {
            "string" | "str" | "String" => ValueKind::Text,
            "integer" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => ValueKind::Integer,
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => ValueKind::Count,
            "floating" | "f32" | "f64" => ValueKind::Decimal,
            "boolean" | "bool" => ValueKind::Bool,
            "unit" | "null" | "none" | "Option" => ValueKind::Empty,
            "sequence" | "tuple" | "seq" | "list" | "vector" => ValueKind::List,
            "map" | "mapping" | "struct" => ValueKind::Block,
            "enum" | "variant" | "unit_variant" => ValueKind::Choice,
            "character" | "char" => ValueKind::Character,
            _ => ValueKind::Unknown,
        }
    }

    fn vi(self) -> &'static str {
        match self {
            ValueKind::Text => "một đoạn chữ",
            ValueKind::Integer => "một số nguyên",
            ValueKind::Count => "một số đếm (0, 1, 2, ...)",
            ValueKind::Decimal => "một số thập phân",
            ValueKind::Bool => "`true` hoặc `false`",
            ValueKind::Empty => "để trống",
            ValueKind::List => "một danh sách",
            ValueKind::Block => "một nhóm khóa `khóa: giá trị`",
            ValueKind::Choice => "một trong các giá trị cho phép",
            ValueKind::Character => "một ký tự",
            ValueKind::Unknown => "một giá trị khác loại",
        }
    }

    fn en(self) -> &'static str {
        match self {
            ValueKind::Text => "text",
            ValueKind::Integer => "a whole number",
            ValueKind::Count => "a count (0, 1, 2, ...)",
            ValueKind::Decimal => "a decimal number",
            ValueKind::Bool => "`true` or `false`",
            ValueKind::Empty => "empty",
            ValueKind::List => "a list",
            ValueKind::Block => "a block of `key: value` lines",
            ValueKind::Choice => "one of the allowed values",
            ValueKind::Character => "a single character",
            ValueKind::Unknown => "a value of another kind",
        }
    }
}

impl ValueFault {
    /// What is wrong with the value, in the given language.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (ValueFault::WrongKind { found, expected }, Lang::Vi) => {
                format!("cần {}, nhưng ở đây là {}", expected.vi(), found.vi())
            }
            (ValueFault::WrongKind { found, expected }, Lang::En) => {
                format!("expected {}, found {}", expected.en(), found.en())
            }
            (ValueFault::NotA { expected }, Lang::Vi) => format!("cần {}", expected.vi()),
            (ValueFault::NotA { expected }, Lang::En) => format!("expected {}", expected.en()),
            (ValueFault::NotOneOf { value, allowed }, lang) => {
                let list = allowed
                    .iter()
                    .map(|a| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                match lang {
                    Lang::Vi => format!("`{value}` không phải một trong {list}"),
                    Lang::En => format!("`{value}` is not one of {list}"),
                }
            }
            (ValueFault::DuplicateKey { key }, Lang::Vi) => {
                format!("khóa `{key}` được ghi hai lần")
            }
            (ValueFault::DuplicateKey { key }, Lang::En) => format!("key `{key}` is given twice"),
            (ValueFault::Length { len }, Lang::Vi) => format!("danh sách {len} mục không hợp lệ"),
            (ValueFault::Length { len }, Lang::En) => {
                format!("a list of {len} items does not fit")
            }
            (ValueFault::Text(text), _) => text.clone(),
            (ValueFault::Other { .. }, Lang::Vi) => "không đọc được giá trị này".into(),
            (ValueFault::Other { en }, Lang::En) => en.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_of_kinds_are_read() {
        assert_eq!(
            ValueKind::from_serde("string \"mười hai\""),
            ValueKind::Text
        );
        assert_eq!(ValueKind::from_serde("u32"), ValueKind::Count);
        assert_eq!(ValueKind::from_serde("a sequence"), ValueKind::List);
        assert_eq!(ValueKind::from_serde("struct HopChiBo"), ValueKind::Block);
        assert_eq!(ValueKind::from_serde("integer `5`"), ValueKind::Integer);
        assert_eq!(ValueKind::from_serde("a boolean"), ValueKind::Bool);
    }
}
