//! Escaping values for Typst, so that a value can never become Typst code.
//!
//! In markup, a backslash before any ASCII punctuation character prints that character (Typst's
//! lexer treats `\` + any non-space character as an escape). Every ASCII punctuation character
//! that can start syntax is escaped: markup (`* _ = - + / ~ < > @ [ ] # $ \` `), shorthands
//! (`-- ... ' "`), comments (`//`), code (`{ } ( ) ; :`). Only the comma, which means nothing in
//! markup, is left as it is. Line breaks and other control characters become spaces, so a value
//! cannot start a new line with a heading or a list marker either.

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
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` as several paragraphs: lines kept as line breaks, blank lines as paragraph breaks.
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
        out.push_str(&lines.join(" \\\n"));
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
    fn paragraphs_keep_line_and_paragraph_breaks() {
        assert_eq!(paragraphs("a*\nb\n\nc"), "a\\* \\\nb\n\nc");
    }
}
