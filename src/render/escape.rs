//! Escaping values for Typst, so that a value can never become Typst code.
//!
//! In markup, a backslash before any ASCII punctuation character prints that character (Typst's
//! lexer treats `\` + any non-space character as an escape). Every ASCII punctuation character
//! that can start syntax is escaped: markup (`* _ = - + / ~ < > @ [ ] # $ \` `), shorthands
//! (`-- ... ' "`), comments (`//`), code (`{ } ( ) ; :`). Only the comma, which means nothing in
//! markup, is left as it is. Line breaks and other control characters become spaces, so a value
//! cannot start a new line with a heading or a list marker either: every character Typst's lexer
//! reads as a line break counts, the Unicode line and paragraph separators (U+2028, U+2029) and
//! NEL (U+0085) as well as `\n`, `\r`, VT and FF.

/// Whether Typst reads `c` as a line break (typst-syntax `is_newline`).
fn is_typst_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0B' | '\x0C' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `text`, escaped for Typst markup.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            ',' => out.push(c),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || is_typst_newline(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` as several paragraphs: blank lines as paragraph breaks, and lines kept as line breaks
/// that start the next line at the paragraph's indent (`xuong-dong` of the layout library), as a
/// new line of a text does on the printed form.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for (i, para) in text.trim().split("\n\n").enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        let lines: Vec<String> = para
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(markup)
            .collect();
        out.push_str(&lines.join(" #xuong-dong();"));
    }
    out
}

/// `text` as a Typst string literal, for code positions (document metadata).
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            // Kept, but never raw: Typst would read them as line breaks inside the literal.
            '\u{2028}' => out.push_str("\\u{2028}"),
            '\u{2029}' => out.push_str("\\u{2029}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_name_is_fully_escaped() {
        let name = r"Lê *Văn* #A $x$ [b] <c> @d \e {{ y }} _z_ // w";
        assert_eq!(
            markup(name),
            r"Lê \*Văn\* \#A \$x\$ \[b\] \<c\> \@d \\e \{\{ y \}\} \_z\_ \/\/ w"
        );
    }

    #[test]
    fn shorthands_and_line_starts_are_escaped() {
        assert_eq!(
            markup("a -- b... 'c' \"d\" ~"),
            r#"a \-\- b\.\.\. \'c\' \"d\" \~"#
        );
        assert_eq!(markup("x\n= Heading\n- item"), r"x \= Heading \- item");
    }

    #[test]
    fn string_literals_cannot_be_closed_early() {
        assert_eq!(string_literal(r#"a"b\c"#), r#""a\"b\\c""#);
    }

    #[test]
    fn no_character_typst_reads_as_a_line_break_survives() {
        let text = "a\u{2028}= b\u{2029}- c\u{85}+ d\r\x0B\x0Ce";
        let escaped = markup(text);
        assert!(!escaped.chars().any(is_typst_newline), "{escaped:?}");
        assert_eq!(escaped, r"a \= b \- c \+ d   e");
        let literal = string_literal("x\u{2028}y\u{2029}z\u{85}");
        assert_eq!(literal, r#""x\u{2028}y\u{2029}z ""#);
        assert!(!paragraphs("p\u{2028}q").chars().any(is_typst_newline));
    }

    #[test]
    fn paragraphs_keep_line_and_paragraph_breaks() {
        assert_eq!(paragraphs("a*\nb\n\nc"), "a\\* #xuong-dong();b\n\nc");
    }
}
