//! The clerk's guide (`docs/huong-dan.md`) as one HTML page for the Windows zip: a clerk opens it
//! from the unpacked folder with a double-click, offline, so its screenshots are put inside the
//! page (`data:` addresses) rather than beside it.
//!
//! `cargo run --example guide_html -- docs/huong-dan.md Huong-dan.html`

use base64::Engine;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: guide_html GUIDE.md OUT.html");
        std::process::exit(2);
    };
    let input = Path::new(input);
    let markdown = std::fs::read_to_string(input).expect("the guide is readable UTF-8");
    let base = input.parent().unwrap_or(Path::new("."));
    let title = markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or("hoso")
        .to_string();
    let events = Parser::new_ext(&markdown, Options::ENABLE_TABLES).map(|event| match event {
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: inline_image(base, &dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events);
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(&title)
    );
    std::fs::write(output, page).expect("the page is written");
}

/// A local PNG as a `data:` address; anything else (a web address) as it is.
fn inline_image<'a>(base: &Path, url: &CowStr<'a>) -> CowStr<'a> {
    if url.contains("://") || !url.ends_with(".png") {
        return url.clone();
    }
    let path = base.join(url.as_ref());
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("the screenshot {} cannot be read: {e}", path.display()));
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    CowStr::from(format!("data:image/png;base64,{data}"))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const STYLE: &str = "body{font-family:'Segoe UI',Arial,sans-serif;max-width:52rem;margin:2rem auto;\
padding:0 1rem;line-height:1.55;color:#222}h1,h2,h3{color:#8b1a1a}img{max-width:100%;\
border:1px solid #ccc;margin:.5rem 0}code{background:#f3f3f3;padding:0 .2rem}pre{background:#f3f3f3;\
padding:.6rem;overflow-x:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;\
padding:.3rem .5rem;text-align:left}";
