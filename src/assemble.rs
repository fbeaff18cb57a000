/*!
Assembly: several typeset PDFs become one printable dossier.

The parts are typeset one by one (each told the dossier page it starts on, which its pages print
and the cover lists: `dossier::build`) and merged here with lopdf: one page tree, one bookmark
per part, page labels (the cover in roman numerals, the forms numbered on from 1 across the whole
dossier, as their pages print), document metadata. Nothing in the output depends on
the clock or on the order of a hash map, so the same parts give the same bytes.
*/

use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId, StringFormat};
use std::collections::BTreeMap;

/// One part of a dossier: a typeset PDF and the bookmark that leads to it.
#[derive(Debug, Clone)]
pub struct Part {
    /// The bookmark's title: "Mẫu 6-KNĐ: Nghị quyết đề nghị kết nạp đảng viên".
    pub title: String,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Front matter (cover, contents): labelled i, ii, ... and not counted in the numbering of
    /// the forms.
    pub front: bool,
}

/// What the dossier says about itself (the PDF's document information).
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: String,
    /// "D:20261016000000Z"-style date, from the records (never the clock).
    pub date: Option<String>,
    /// The parts are PDF/A-2b and so must the whole be: the merged catalogue carries the parts'
    /// output intent and XMP metadata that agrees with the document information.
    pub pdf_a: bool,
}

/// Why the parts could not be merged (a part that is not a PDF lopdf can read).
#[derive(Debug, thiserror::Error)]
#[error("cannot assemble part `{part}`: {source}")]
pub struct AssembleError {
    pub part: String,
    #[source]
    pub source: lopdf::Error,
}

/// The number of pages of a PDF.
pub fn page_count(pdf: &[u8]) -> Result<usize, lopdf::Error> {
    Ok(Document::load_mem(pdf)?.get_pages().len())
}

/// Merges `parts` in order into one PDF.
pub fn assemble(parts: &[Part], meta: &Metadata) -> Result<Vec<u8>, AssembleError> {
    let mut out = Document::with_version("1.7");
    let pages_id = out.new_object_id();
    let mut kids: Vec<Object> = Vec::new();
    let mut objects: BTreeMap<ObjectId, Object> = BTreeMap::new();
    let mut first_pages = Vec::new();
    let mut output_intents: Option<Object> = None;
    let mut front_pages = 0usize;
    let mut next_id = out.max_id + 1;

    for part in parts {
        let fail = |source| AssembleError {
            part: part.title.clone(),
            source,
        };
        let mut doc = Document::load_mem(&part.pdf).map_err(fail)?;
        // Inherited attributes live on the part's own page tree, which is not kept: copy them
        // onto each page first.
        for page_id in doc.get_pages().into_values() {
            let page = own_page(&doc, page_id).map_err(fail)?;
            doc.objects.insert(page_id, Object::Dictionary(page));
        }
        doc.renumber_objects_with(next_id);
        next_id = doc.max_id + 1;
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        if part.front {
            front_pages += pages.len();
        }
        first_pages.push(pages.first().copied());
        let root = doc.trailer.get(b"Root").and_then(Object::as_reference).ok();
        // Every PDF/A part declares the same sRGB output intent: the first one's serves all.
        if output_intents.is_none() {
            output_intents = root
                .and_then(|r| doc.get_dictionary(r).ok())
                .and_then(|c| c.get(b"OutputIntents").ok())
                .cloned();
        }
        for (id, object) in doc.objects {
            let kind = object.type_name().unwrap_or_default().to_vec();
            if Some(id) == root || kind == b"Pages" || kind == b"Outlines" {
                continue;
            }
            let object = match object {
                Object::Dictionary(mut d) if kind == b"Page" => {
                    d.set("Parent", pages_id);
                    // The part's tagged structure is not carried over (its root is dropped).
                    d.remove(b"StructParents");
                    Object::Dictionary(d)
                }
                other => other,
            };
            objects.insert(id, object);
        }
        kids.extend(pages.into_iter().map(Object::Reference));
    }

    out.objects.extend(objects);
    out.max_id = next_id;
    let count = kids.len() as i64;
    out.objects.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(kids)),
            ("Count", Object::Integer(count)),
        ])),
    );

    for (part, first) in parts.iter().zip(&first_pages) {
        if let Some(page) = first {
            out.add_bookmark(
                Bookmark::new(part.title.clone(), [0.0, 0.0, 0.0], 0, *page),
                None,
            );
        }
    }
    let outline = out.build_outline();

    let mut labels = Vec::new();
    if front_pages > 0 {
        labels.push(Object::Integer(0));
        labels.push(Object::Dictionary(Dictionary::from_iter([(
            "S",
            Object::Name(b"r".to_vec()),
        )])));
    }
    labels.push(Object::Integer(front_pages as i64));
    labels.push(Object::Dictionary(Dictionary::from_iter([
        ("S", Object::Name(b"D".to_vec())),
        ("St", Object::Integer(1)),
    ])));

    let mut catalog = Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(pages_id)),
        (
            "PageLabels",
            Object::Dictionary(Dictionary::from_iter([("Nums", Object::Array(labels))])),
        ),
        ("Lang", text("vi")),
    ]);
    if let Some(outline) = outline {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    if meta.pdf_a {
        if let Some(intents) = output_intents {
            catalog.set("OutputIntents", intents);
        }
        let xmp = lopdf::Stream::new(
            Dictionary::from_iter([
                ("Type", Object::Name(b"Metadata".to_vec())),
                ("Subtype", Object::Name(b"XML".to_vec())),
            ]),
            xmp(meta).into_bytes(),
        )
        // PDF/A readers must be able to read the metadata without decoding it.
        .with_compression(false);
        catalog.set("Metadata", out.add_object(xmp));
    }
    let catalog_id = out.add_object(catalog);
    out.trailer.set("Root", catalog_id);

    let mut info = Dictionary::from_iter([
        ("Title", text(&meta.title)),
        ("Author", text(&meta.author)),
        ("Subject", text(&meta.subject)),
        ("Keywords", text(&meta.keywords)),
        ("Creator", text(&creator())),
        ("Producer", text(PRODUCER)),
    ]);
    if let Some(date) = &meta.date {
        info.set("CreationDate", text(date));
        info.set("ModDate", text(date));
    }
    let info_id = out.add_object(info);
    out.trailer.set("Info", info_id);

    // Parts' own metadata and structure trees are no longer reachable: drop them.
    out.prune_objects();
    out.renumber_objects();
    // A stable file identifier: a digest of the parts and the metadata, not of the time.
    let id = stable_id(parts, meta);
    out.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).map_err(|source| AssembleError {
        part: meta.title.clone(),
        source: lopdf::Error::IO(source),
    })?;
    Ok(bytes)
}

/// The XMP packet of a PDF/A-2b dossier. PDF/A requires it to say what the document information
/// dictionary says (title, author, subject, keywords, tools, dates), entry for entry.
fn xmp(meta: &Metadata) -> String {
    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }
    // "D:20260328000000Z" → "2026-03-28T00:00:00Z".
    let date = meta.date.as_deref().and_then(|d| {
        let d = d.strip_prefix("D:")?;
        (d.len() >= 14).then(|| {
            format!(
                "{}-{}-{}T{}:{}:{}Z",
                &d[0..4],
                &d[4..6],
                &d[6..8],
                &d[8..10],
                &d[10..12],
                &d[12..14]
            )
        })
    });
    let dates = date
        .map(|d| {
            format!("<xmp:CreateDate>{d}</xmp:CreateDate><xmp:ModifyDate>{d}</xmp:ModifyDate>")
        })
        .unwrap_or_default();
    format!(
        concat!(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "<rdf:Description rdf:about=\"\"",
            " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
            " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"",
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"",
            " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">",
            "<dc:format>application/pdf</dc:format>",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>",
            "<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>",
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>",
            "<dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>",
            "<pdf:Keywords>{keywords}</pdf:Keywords>",
            "<pdf:Producer>{producer}</pdf:Producer>",
            "<xmp:CreatorTool>{creator}</xmp:CreatorTool>",
            "{dates}",
            "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>",
            "</rdf:Description></rdf:RDF></x:xmpmeta>\n",
            "<?xpacket end=\"w\"?>"
        ),
        title = esc(&meta.title),
        author = esc(&meta.author),
        subject = esc(&meta.subject),
        keywords = esc(&meta.keywords),
        producer = esc(PRODUCER),
        creator = esc(&creator()),
        dates = dates,
    )
}

/// The document information's `Producer`, also in the XMP.
const PRODUCER: &str = "hoso (typst, lopdf)";

/// The document information's `Creator`, also in the XMP.
fn creator() -> String {
    format!("hoso {}", env!("CARGO_PKG_VERSION"))
}

/// A text string for the PDF: PDFDocEncoding when ASCII, else UTF-16BE with its byte-order mark.
fn text(s: &str) -> Object {
    if s.is_ascii() {
        Object::string_literal(s)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// A page dictionary with the attributes it inherits from its page tree written on it.
fn own_page(doc: &Document, page_id: ObjectId) -> lopdf::Result<Dictionary> {
    let mut page = doc.get_dictionary(page_id)?.clone();
    for key in ["MediaBox", "CropBox", "Resources", "Rotate"] {
        if page.has(key.as_bytes()) {
            continue;
        }
        let mut node = page.get(b"Parent").and_then(Object::as_reference).ok();
        while let Some(id) = node {
            let d = doc.get_dictionary(id)?;
            if let Ok(v) = d.get(key.as_bytes()) {
                page.set(key, v.clone());
                break;
            }
            node = d.get(b"Parent").and_then(Object::as_reference).ok();
        }
    }
    Ok(page)
}

/// The first 16 bytes of a SHA-256 over the parts and the metadata: stable across runs and
/// machines, different for different dossiers.
fn stable_id(parts: &[Part], meta: &Metadata) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(meta.title.as_bytes());
    h.update([u8::from(meta.pdf_a)]);
    for p in parts {
        h.update(p.title.as_bytes());
        h.update(&p.pdf);
    }
    h.finalize()[..16].to_vec()
}
