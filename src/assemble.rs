/*!
Assembly: the pages of a person's documents, exported as one PDF, become the printable dossier
and each document's own PDF.

The documents are laid out one by one (each told the dossier page it starts on, which its pages
print and the cover lists: `dossier::build`) and exported together once, so that the fonts are
embedded once (`Typesetter::pdf_of_many`). Here lopdf gives that export its page tree, one
bookmark per document, page labels (the cover in roman numerals, the forms numbered on from 1
across the whole dossier, as their pages print) and document metadata; the PDF of one document is
the same pages alone, with its own metadata. Nothing in the output depends on the clock or on the
order of a hash map, so the same documents give the same bytes.
*/

use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId, StringFormat};

/// One document of a dossier: where its bookmark leads and how many pages it has.
#[derive(Debug, Clone)]
pub struct Section {
    /// The bookmark's title: "Mẫu 6-KNĐ: Nghị quyết đề nghị kết nạp đảng viên".
    pub title: String,
    /// Its pages, which follow those of the sections before it.
    pub pages: usize,
    /// Front matter (cover, contents): labelled i, ii, ... and not counted in the numbering of
    /// the forms.
    pub front: bool,
}

/// What a PDF says about itself (its document information).
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: String,
    /// "D:20261016000000Z"-style date, from the records (never the clock).
    pub date: Option<String>,
    /// The pages are PDF/A-2b and so must the whole be: the catalogue carries the export's
    /// output intent and XMP metadata that agrees with the document information.
    pub pdf_a: bool,
}

/// Why the export could not be made into a dossier (a PDF lopdf cannot read, or pages missing).
#[derive(Debug, thiserror::Error)]
#[error("cannot assemble `{part}`: {source}")]
pub struct AssembleError {
    pub part: String,
    #[source]
    pub source: lopdf::Error,
}

/// The one PDF in which a dossier's documents were exported together, its sections' pages in
/// order, read once: the dossier and each document's own PDF are written from it.
pub struct Exported {
    doc: Document,
    /// The page objects, in order.
    pages: Vec<ObjectId>,
    sections: Vec<Section>,
    /// The export's own bytes, for the file identifiers.
    digest: Vec<u8>,
}

impl Exported {
    /// Reads the export of `sections`.
    pub fn load(pdf: &[u8], sections: Vec<Section>) -> Result<Exported, AssembleError> {
        let fail = |source| AssembleError {
            part: sections
                .first()
                .map(|s| s.title.clone())
                .unwrap_or_default(),
            source,
        };
        let doc = Document::load_mem(pdf).map_err(fail)?;
        let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
        let wanted: usize = sections.iter().map(|s| s.pages).sum();
        if pages.len() != wanted {
            return Err(fail(lopdf::Error::PageNumberNotFound(wanted as u32)));
        }
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(pdf).to_vec();
        Ok(Exported {
            doc,
            pages,
            sections,
            digest,
        })
    }

    /// The whole dossier: one bookmark per section, page labels (the front matter in roman
    /// numerals, the forms numbered on from 1 across the whole dossier, as their pages print)
    /// and `meta`.
    pub fn dossier(&self, meta: &Metadata) -> Result<Vec<u8>, AssembleError> {
        let mut bookmarks = Vec::new();
        let mut at = 0;
        for s in &self.sections {
            if let Some(first) = self.pages.get(at).filter(|_| s.pages > 0) {
                bookmarks.push((s.title.clone(), *first));
            }
            at += s.pages;
        }
        let front: usize = self
            .sections
            .iter()
            .filter(|s| s.front)
            .map(|s| s.pages)
            .sum();
        let mut labels = Vec::new();
        if front > 0 {
            labels.push(Object::Integer(0));
            labels.push(label(b"r", 1));
        }
        labels.push(Object::Integer(front as i64));
        labels.push(label(b"D", 1));
        self.write(&self.pages, &bookmarks, labels, meta)
    }

    /// Section `index` alone, as the PDF of that document: its pages keep the numbers they print
    /// in the dossier, and so do their labels.
    pub fn section(&self, index: usize, meta: &Metadata) -> Result<Vec<u8>, AssembleError> {
        let start: usize = self.sections[..index].iter().map(|s| s.pages).sum();
        let section = &self.sections[index];
        let number: usize = 1 + self.sections[..index]
            .iter()
            .filter(|s| s.front == section.front)
            .map(|s| s.pages)
            .sum::<usize>();
        let style: &[u8] = if section.front { b"r" } else { b"D" };
        let labels = vec![Object::Integer(0), label(style, number as i64)];
        self.write(&self.pages[start..start + section.pages], &[], labels, meta)
    }

    /// A PDF of `pages` (in that order) with `bookmarks`, page `labels` and `meta`.
    fn write(
        &self,
        pages: &[ObjectId],
        bookmarks: &[(String, ObjectId)],
        labels: Vec<Object>,
        meta: &Metadata,
    ) -> Result<Vec<u8>, AssembleError> {
        let fail = |source| AssembleError {
            part: meta.title.clone(),
            source,
        };
        let mut out = self.doc.clone();
        let old_root = out.trailer.get(b"Root").and_then(Object::as_reference).ok();
        // Every page of a PDF/A export declares the same sRGB output intent: keep it.
        let output_intents = old_root
            .and_then(|r| out.get_dictionary(r).ok())
            .and_then(|c| c.get(b"OutputIntents").ok())
            .cloned();
        let pages_id = out.new_object_id();
        for &page_id in pages {
            // Inherited attributes live on the export's page tree, which is not kept: copy them
            // onto each page first.
            let mut page = own_page(&out, page_id).map_err(fail)?;
            page.set("Parent", pages_id);
            page.remove(b"StructParents");
            out.objects.insert(page_id, Object::Dictionary(page));
        }
        out.objects.insert(
            pages_id,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"Pages".to_vec())),
                (
                    "Kids",
                    Object::Array(pages.iter().copied().map(Object::Reference).collect()),
                ),
                ("Count", Object::Integer(pages.len() as i64)),
            ])),
        );
        for (title, page) in bookmarks {
            out.add_bookmark(
                Bookmark::new(title.clone(), [0.0, 0.0, 0.0], 0, *page),
                None,
            );
        }
        let outline = out.build_outline();

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

        // The export's catalogue, page tree, metadata and the pages of other sections are no
        // longer reachable: drop them.
        out.prune_objects();
        out.renumber_objects();
        // A stable file identifier: a digest of the export, the pages and the metadata, not of
        // the time.
        let id = self.stable_id(pages, meta);
        out.trailer.set(
            "ID",
            Object::Array(vec![
                Object::String(id.clone(), StringFormat::Hexadecimal),
                Object::String(id, StringFormat::Hexadecimal),
            ]),
        );
        let mut bytes = Vec::new();
        out.save_to(&mut bytes)
            .map_err(|source| fail(lopdf::Error::IO(source)))?;
        Ok(bytes)
    }

    /// The first 16 bytes of a SHA-256 over the export, the pages kept and the metadata: stable
    /// across runs and machines, different for different documents.
    fn stable_id(&self, pages: &[ObjectId], meta: &Metadata) -> Vec<u8> {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(&self.digest);
        h.update(meta.title.as_bytes());
        h.update([u8::from(meta.pdf_a)]);
        for (n, _) in pages {
            h.update(n.to_le_bytes());
        }
        h.finalize()[..16].to_vec()
    }
}

/// A page label dictionary: numbering `style` (`r`, `D`) starting at `start`.
fn label(style: &[u8], start: i64) -> Object {
    Object::Dictionary(Dictionary::from_iter([
        ("S", Object::Name(style.to_vec())),
        ("St", Object::Integer(start)),
    ]))
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
