//! The Typst of a bulletin article's PDF: its Markdown (the one text of the article, see
//! `crate::bulletin::markdown`) written as Typst markup behind the article's page layout. Here,
//! not in the bulletin stage, because nothing but `render` writes Typst, and every text is escaped.

use super::TypstSource;
use super::escape;
use crate::model::Ngay;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// An article's Markdown as every output reads it: tables on, and raw HTML as text, so that what
/// the Markdown shows is what the HTML, the PDF and the Word file show.
pub fn markdown_events(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    })
}

/// The Typst source of an article: its title in the document's metadata, the page layout, then
/// the article's Markdown as markup.
pub fn article_source(
    name: String,
    headline: &str,
    markdown: &str,
    layout: &str,
    template: String,
    date: Ngay,
) -> TypstSource {
    let title = escape::string_literal(headline);
    let preamble = format!("#set document(title: {title})\n{layout}");
    TypstSource {
        name,
        template,
        text: to_typst(markdown, &preamble),
        library: String::new(),
        date: Some(date),
        reads: Vec::new(),
    }
}

/// The article as Typst markup, after `preamble` (the page layout). Every text is escaped.
fn to_typst(markdown: &str, preamble: &str) -> String {
    let mut out = String::from(preamble);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
    let mut in_head = false;
    for event in markdown_events(markdown) {
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
    }
}
