/*!
The article as a Word document (`.docx`), for the editor who receives the draft and works in
Word: the same Markdown as the other outputs, walked once into WordprocessingML.

Every text goes through [`xml_text`], so a value can never become markup (`</w:t>` in a name
prints as written). The package is deterministic: fixed entry order, fixed timestamps, no
random ids, so the same article gives the same bytes.
*/

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::io::{Cursor, Write};

/// Why a `.docx` could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The ZIP package failed (in memory: only a bug could cause it).
    #[error("cannot write the .docx package: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// Writing to the in-memory buffer failed.
    #[error("cannot write the .docx package: {0}")]
    Io(#[from] std::io::Error),
}

/// `text` as XML character data: the five special characters escaped, characters XML 1.0
/// cannot hold dropped.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The inline formatting in force.
#[derive(Default, Clone, Copy)]
struct Format {
    bold: bool,
    italic: bool,
}

/// Builds `word/document.xml`'s body from Markdown events.
struct Body {
    xml: String,
    /// Runs of the paragraph being written, and whether one is open.
    para: Option<String>,
    /// The paragraph properties of the paragraph being written.
    para_props: String,
    format: Format,
    list_depth: usize,
    quote_depth: usize,
    in_table_head: bool,
    /// Cells of the current row, and rows of the current table.
    row: Vec<String>,
    rows: Vec<(bool, Vec<String>)>,
    in_cell: bool,
    cell: String,
}

impl Body {
    fn new() -> Self {
        Body {
            xml: String::new(),
            para: None,
            para_props: String::new(),
            format: Format::default(),
            list_depth: 0,
            quote_depth: 0,
            in_table_head: false,
            row: Vec::new(),
            rows: Vec::new(),
            in_cell: false,
            cell: String::new(),
        }
    }

    fn open(&mut self, props: &str) {
        self.close();
        self.para = Some(String::new());
        self.para_props = props.to_string();
    }

    fn close(&mut self) {
        if let Some(runs) = self.para.take() {
            self.xml.push_str(&format!(
                "<w:p><w:pPr>{}</w:pPr>{runs}</w:p>",
                self.para_props
            ));
        }
    }

    fn text(&mut self, text: &str) {
        let mut props = String::new();
        if self.format.bold || self.in_table_head {
            props.push_str("<w:b/>");
        }
        if self.format.italic || self.quote_depth > 0 {
            props.push_str("<w:i/>");
        }
        let run = format!(
            "<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            xml_text(text)
        );
        if self.in_cell {
            self.cell.push_str(&run);
            return;
        }
        if self.para.is_none() {
            let props = self.block_props();
            self.open(&props);
        }
        if let Some(p) = self.para.as_mut() {
            p.push_str(&run);
        }
    }

    /// The properties of a paragraph opened by text: in a quote, indented.
    fn block_props(&self) -> String {
        if self.quote_depth > 0 {
            "<w:pStyle w:val=\"Quote\"/>".to_string()
        } else {
            String::new()
        }
    }

    fn table(&mut self) {
        let columns = self.rows.first().map_or(1, |r| r.1.len()).max(1);
        // Page width less margins, in twentieths of a point, shared equally.
        let width = 9070 / columns;
        let mut xml = String::from(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/></w:tblBorders></w:tblPr><w:tblGrid>",
        );
        for _ in 0..columns {
            xml.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
        }
        xml.push_str("</w:tblGrid>");
        for (head, cells) in std::mem::take(&mut self.rows) {
            xml.push_str("<w:tr>");
            if head {
                xml.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            }
            for cell in cells {
                xml.push_str(&format!(
                    "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>{cell}</w:p></w:tc>"
                ));
            }
            xml.push_str("</w:tr>");
        }
        xml.push_str("</w:tbl>");
        self.xml.push_str(&xml);
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    let style = match level {
                        HeadingLevel::H1 => "Title",
                        HeadingLevel::H2 => "Heading1",
                        _ => "Heading2",
                    };
                    self.open(&format!("<w:pStyle w:val=\"{style}\"/>"));
                }
                Tag::Paragraph if self.in_cell => {}
                Tag::Paragraph if self.list_depth > 0 && self.para.is_some() => {}
                Tag::Paragraph => {
                    let props = self.block_props();
                    self.open(&props);
                }
                Tag::Emphasis => self.format.italic = true,
                Tag::Strong => self.format.bold = true,
                Tag::BlockQuote(_) => {
                    self.close();
                    self.quote_depth += 1;
                }
                Tag::List(_) => {
                    self.close();
                    self.list_depth += 1;
                }
                Tag::Item => {
                    let level = self.list_depth.saturating_sub(1).min(8);
                    self.open(&format!(
                        "<w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"1\"/></w:numPr>"
                    ));
                }
                Tag::Table(_) => {
                    self.close();
                    self.rows.clear();
                }
                Tag::TableHead => {
                    self.in_table_head = true;
                    self.row.clear();
                }
                Tag::TableRow => self.row.clear(),
                Tag::TableCell => {
                    self.in_cell = true;
                    self.cell.clear();
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => self.close(),
                TagEnd::Paragraph if self.in_cell || self.list_depth > 0 => {}
                TagEnd::Paragraph => self.close(),
                TagEnd::Emphasis => self.format.italic = false,
                TagEnd::Strong => self.format.bold = false,
                TagEnd::BlockQuote(_) => {
                    self.close();
                    self.quote_depth = self.quote_depth.saturating_sub(1);
                }
                TagEnd::List(_) => {
                    self.close();
                    self.list_depth = self.list_depth.saturating_sub(1);
                }
                TagEnd::Item => self.close(),
                TagEnd::TableCell => {
                    self.in_cell = false;
                    self.row.push(std::mem::take(&mut self.cell));
                }
                TagEnd::TableHead => {
                    self.in_table_head = false;
                    self.rows.push((true, std::mem::take(&mut self.row)));
                }
                TagEnd::TableRow => self.rows.push((false, std::mem::take(&mut self.row))),
                TagEnd::Table => self.table(),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => {
                if let Some(p) = self.para.as_mut() {
                    p.push_str("<w:r><w:br/></w:r>");
                }
            }
            Event::Rule => {
                self.close();
                self.xml.push_str("<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"999999\"/></w:pBdr></w:pPr></w:p>");
            }
            _ => {}
        }
    }
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// `word/document.xml` for the Markdown: A4, the margins of the PDF (20/20/25/20 mm).
pub fn document_xml(markdown: &str) -> String {
    let mut body = Body::new();
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|event| match event {
        // Raw HTML is text, as in the other outputs.
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    });
    for event in parser {
        body.event(event);
    }
    body.close();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1417\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
        body.xml
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/></Relationships>";

/// Times New Roman 13 pt as in the PDF, justified; the headline 18 pt, section heads 14 pt.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"120\" w:after=\"240\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"567\"/></w:pPr><w:rPr><w:i/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style><w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>";

const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"283\"/></w:pPr></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"–\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1134\" w:hanging=\"283\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// The whole `.docx` of an article whose headline is `title`.
pub fn to_docx(markdown: &str, title: &str) -> Result<Vec<u8>, DocxError> {
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>",
        xml_text(title)
    );
    let parts: [(&str, String); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/core.xml", core),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/document.xml", document_xml(markdown)),
        ("word/styles.xml", STYLES.to_string()),
        ("word/numbering.xml", NUMBERING.to_string()),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed time (the ZIP epoch, 1980-01-01) and fixed permissions: the same bytes every run.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, text) in parts {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_stay_text_in_word() {
        let hostile = "Lê *Văn* #A $x$ [b] <c> @d \\e & </w:t>";
        let md = format!(
            "# Tin\n\nGhi chú: {}\n",
            crate::bulletin::markdown::escape(hostile)
        );
        let xml = document_xml(&md);
        // The character data of the runs, joined: the value as written, escaped once.
        let text: String = xml
            .split("<w:t xml:space=\"preserve\">")
            .skip(1)
            .map(|t| &t[..t.find("</w:t>").unwrap()])
            .collect();
        assert_eq!(
            text,
            "TinGhi chú: Lê *Văn* #A $x$ [b] &lt;c&gt; @d \\e &amp; &lt;/w:t&gt;"
        );
        assert_eq!(xml.matches("<w:t ").count(), xml.matches("</w:t>").count());
    }

    #[test]
    fn the_same_article_gives_the_same_bytes() {
        let md = "# Tin\n\nMột *hai*.\n\n- ba\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let a = to_docx(md, "Tin").unwrap();
        let b = to_docx(md, "Tin").unwrap();
        assert_eq!(a, b);
        assert!(a.starts_with(b"PK"));
    }
}
