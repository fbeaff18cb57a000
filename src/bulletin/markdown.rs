/*!
The article is written once, in Markdown; HTML (here) and Typst (for the PDF, by
[`crate::render::article_source`]) are made from it, so the three carry the same text.

Values reach the Markdown escaped ([`escape`]), so a note or a name can never become a link, a
heading or raw HTML. Raw HTML that a template writes is shown as text in every output, for the
same reason.
*/

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

/// The article's Markdown read the one way every output reads it ([`crate::render::markdown_events`]).
fn parser(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    crate::render::markdown_events(markdown)
}

/// `text` escaped for Markdown, on one line: it prints literally wherever a template puts it.
pub fn escape(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = true;
    let mut digits_only = true;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // "12. " or "3) " at the start would open an ordered list; "1.045" would not.
        let ends_marker = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // At the start of a line these would open a list or a heading.
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if digits_only && !at_start && ends_marker => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
        digits_only = digits_only && c.is_ascii_digit();
        at_start = false;
    }
    out
}

/// The plain text of the Markdown: what a reader sees, without markup.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// The first level-1 heading: the article's headline.
pub fn headline(markdown: &str) -> Option<String> {
    let mut in_title = false;
    let mut title = String::new();
    for event in parser(markdown) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => in_title = true,
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if in_title => return Some(title),
            Event::Text(t) | Event::Code(t) if in_title => title.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_title => title.push(' '),
            _ => {}
        }
    }
    None
}

/// A standalone HTML page of the article.
pub fn to_html(markdown: &str) -> String {
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, parser(markdown));
    let title = headline(markdown).unwrap_or_default();
    let escaped_title = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>{escaped_title}</title>\n<style>\nbody {{ font-family: \"Times New Roman\", Tinos, \"Liberation Serif\", serif; max-width: 44em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }}\ntable {{ border-collapse: collapse; font-size: 0.9em; }}\nth, td {{ border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }}\nblockquote {{ font-style: italic; }}\n</style>\n</head>\n<body>\n<article>\n{body}</article>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_values_stay_text() {
        let hostile = "1. <script>alert(1)</script> *a* [b](c) # d | e & f";
        let md = format!("Ghi chú: {}\n\n{}\n", escape(hostile), escape(hostile));
        let text = plain_text(&md);
        assert_eq!(
            text,
            format!("Ghi chú: {hostile}\n{hostile}\n"),
            "from {md}"
        );
        let html = to_html(&md);
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
        assert!(!html.contains("<em>") && !html.contains("<a "));
    }

    #[test]
    fn a_list_marker_or_heading_at_a_value_start_is_escaped() {
        for v in ["- a", "+ a", "= a", "12. a", "3) a", "# a"] {
            assert_eq!(plain_text(&escape(v)).trim(), v, "{v}");
        }
        assert_eq!(escape("1.045 đảng viên"), "1.045 đảng viên");
    }
}
