/*!
The article is written once, in Markdown; HTML and Typst (for the PDF) are made from it, so the
three carry the same text.

Values reach the Markdown escaped ([`escape`]), so a note or a name can never become a link, a
heading or raw HTML. Raw HTML that a template writes is shown as text in every output, for the
same reason.
*/

use crate::render::escape;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn parser(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|event| match event {
        // Raw HTML is text here: what the Markdown shows is what every output shows.
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    })
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

/// The article as Typst markup, after `preamble` (the page layout). Every text is escaped.
pub fn to_typst(markdown: &str, preamble: &str) -> String {
    let mut out = String::from(preamble);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
    let mut in_head = false;
    for event in parser(markdown) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    out.push_str(&format!("#heading(level: {})[", level as usize));
                }
                Tag::Paragraph => {}
                Tag::Emphasis => out.push_str("#emph["),
                Tag::Strong => out.push_str("#strong["),
                Tag::BlockQuote(_) => out.push_str("#quote(block: true)["),
                Tag::List(Some(_)) => out.push_str("#enum("),
                Tag::List(None) => out.push_str("#list("),
                Tag::Item => out.push('['),
                // `bang` is the layout's table function: it sets the column widths.
                Tag::Table(alignments) => {
                    out.push_str(&format!("#bang({},\n", alignments.len()));
                }
                Tag::TableHead => in_head = true,
                Tag::TableRow => {}
                Tag::TableCell if in_head => out.push_str("[#strong["),
                Tag::TableCell => out.push('['),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => out.push_str("]\n\n"),
                TagEnd::Paragraph => out.push_str("\n\n"),
                TagEnd::Emphasis | TagEnd::Strong => out.push(']'),
                TagEnd::BlockQuote(_) => out.push_str("]\n\n"),
                TagEnd::List(_) => out.push_str(")\n\n"),
                TagEnd::Item => out.push_str("],\n"),
                TagEnd::Table => out.push_str(")\n\n"),
                TagEnd::TableHead => {
                    in_head = false;
                    out.push('\n');
                }
                TagEnd::TableRow => out.push('\n'),
                TagEnd::TableCell if in_head => out.push_str("]], "),
                TagEnd::TableCell => out.push_str("], "),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => out.push_str(&escape::markup(&t)),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str(" \\\n"),
            Event::Rule => out.push_str("#line(length: 100%)\n\n"),
            _ => {}
        }
    }
    out
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

    #[test]
    fn typst_gets_the_same_text_escaped() {
        let md =
            "# Tin *mới*\n\nĐoạn một $x$ #y.\n\n- một\n- hai\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let typ = to_typst(md, "");
        assert!(typ.contains("#heading(level: 1)[Tin #emph[mới]]"), "{typ}");
        assert!(typ.contains(r"Đoạn một \$x\$ \#y\."), "{typ}");
        assert!(typ.contains("#list([một],\n[hai],\n)"), "{typ}");
        assert!(
            typ.contains("#bang(2,\n[#strong[a]], [#strong[b]], \n[1], [2], \n)"),
            "{typ}"
        );
        assert_eq!(headline(md).as_deref(), Some("Tin mới"));
    }
}
