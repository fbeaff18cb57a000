//! How a new value is written into the text: a text quoted only when it must be, a text of
//! several lines as a literal block (`|`, `|-`) as a person writes it, a plain scalar as typed.

use super::tree::Tree;

/// A value as it goes into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Written {
    /// On the key's line (or the dash's): `key: value`.
    Inline(String),
    /// A literal block: the indicator (`|` keeps the one final line break, `|-` has none) on the
    /// key's line, the text's lines below it, indented.
    Block {
        indicator: &'static str,
        lines: Vec<String>,
    },
}

impl Written {
    /// A text: a literal block when it has several lines and a block holds it as it is, else one
    /// scalar on the line.
    pub(super) fn text(value: &str) -> Written {
        literal_block(value).unwrap_or_else(|| Written::Inline(scalar_text(value)))
    }

    /// The value as it follows `key: ` or `- `, its lines (if a block) at `indent` columns, with
    /// no final line break.
    pub(super) fn at(&self, indent: usize) -> String {
        match self {
            Written::Inline(v) => v.clone(),
            Written::Block { indicator, lines } => {
                let pad = " ".repeat(indent);
                let mut out = indicator.to_string();
                for line in lines {
                    out.push('\n');
                    if !line.is_empty() {
                        out.push_str(&pad);
                        out.push_str(line);
                    }
                }
                out
            }
        }
    }

    pub(super) fn is_block(&self) -> bool {
        matches!(self, Written::Block { .. })
    }
}

/// A text of several lines as a literal block, when the block reads back as exactly that text:
/// at most one final line break, no control character but the tab, no line of spaces only, and a
/// first line that does not start with a space (whose indentation would be read as the block's).
fn literal_block(value: &str) -> Option<Written> {
    if !value.contains('\n') {
        return None;
    }
    let (body, indicator) = match value.strip_suffix('\n') {
        Some(body) if body.ends_with('\n') || body.is_empty() => return None,
        Some(body) => (body, "|"),
        None => (value, "|-"),
    };
    let awkward = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
    };
    if body.chars().any(awkward) {
        return None;
    }
    let lines: Vec<String> = body.split('\n').map(str::to_string).collect();
    let first = lines.iter().find(|l| !l.is_empty())?;
    if first.starts_with([' ', '\t']) || lines.iter().any(|l| !l.is_empty() && l.trim().is_empty())
    {
        return None;
    }
    Some(Written::Block { indicator, lines })
}

/// A text as a YAML scalar, quoted only when it has to be (the register writes the same way).
pub fn scalar_text(value: &str) -> String {
    if plain_reads_back(value) {
        value.to_string()
    } else if !value.chars().any(char::is_control) {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        // JSON's string syntax is YAML's double-quoted scalar.
        serde_json::to_string(value).unwrap_or_else(|_| "''".to_string())
    }
}

/// Whether `value`, written without quotes after `key: `, is read back as that same text: not
/// empty or padded, no indicator at its start, no `: ` or ` #` inside, no control character,
/// and not a word that YAML reads as something else (null, a boolean, a number).
pub(super) fn plain_reads_back(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let second = value.chars().nth(1);
    let indicator = "[]{},#&*!|>'\"%@`".contains(first)
        || ("-?:".contains(first) && second.is_none_or(|c| c == ' '));
    let padded = value.starts_with(char::is_whitespace) || value.ends_with(char::is_whitespace);
    let breaks = value.contains(": ") || value.contains(" #") || value.ends_with(':');
    let marker = value.starts_with("---") || value.starts_with("...");
    !(indicator
        || padded
        || breaks
        || marker
        || value.chars().any(char::is_control)
        || value.contains('\u{2028}')
        || value.contains('\u{2029}')
        || value.contains('\u{feff}')
        || reads_as_other_than_text(value))
}

/// Whether YAML 1.2 (hoso reads `yes`, `no`, `1_000` as text) reads this plain word as null, a
/// boolean or a number.
fn reads_as_other_than_text(value: &str) -> bool {
    const WORDS: &[&str] = &[
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
    ];
    if WORDS.contains(&value) {
        return true;
    }
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    let lower = unsigned.to_ascii_lowercase();
    if lower == ".inf" || lower == ".nan" {
        return true;
    }
    if let Some(digits) = ["0x", "0o", "0b"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    {
        return !digits.is_empty() && digits.chars().all(|c| c.is_ascii_hexdigit());
    }
    let starts_like_number = unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    starts_like_number && unsigned.parse::<f64>().is_ok()
}

/// Whether `value` is one plain scalar on one line (what `key: VALUE` reads as a single value).
pub(super) fn is_one_plain_scalar(value: &str) -> bool {
    let v = value.trim();
    !v.is_empty()
        && !v.contains(['\n', '\r'])
        && matches!(
            Tree::parse(&format!("k: {v}\n")).ok().and_then(|t| t.scalar_at("k")),
            Some((text, true)) if text == v
        )
}
