/*!
Assembly: several typeset PDFs become one printable dossier.

The parts are typeset one by one (so that each keeps its own page numbering, as Party documents
number their pages, and so that a batch can reuse parts that did not change) and merged here with
lopdf: one page tree, one bookmark per part, page labels (the cover in roman numerals, the forms
numbered on from 1 across the whole dossier), document metadata. Nothing in the output depends on
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
    let catalog_id = out.add_object(catalog);
    out.trailer.set("Root", catalog_id);

    let mut info = Dictionary::from_iter([
        ("Title", text(&meta.title)),
        ("Author", text(&meta.author)),
        ("Subject", text(&meta.subject)),
        ("Keywords", text(&meta.keywords)),
        (
            "Creator",
            text(&format!("hoso {}", env!("CARGO_PKG_VERSION"))),
        ),
        ("Producer", text("hoso (typst, lopdf)")),
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
    for p in parts {
        h.update(p.title.as_bytes());
        h.update(&p.pdf);
    }
    h.finalize()[..16].to_vec()
}
