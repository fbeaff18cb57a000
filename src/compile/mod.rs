/*!
Compiling: Typst source in memory → laid-out document → PDF bytes.

One [`Typesetter`] per process holds the standard library and the fonts, loaded once and shared by
every compile (and every thread). Each compile gets a small [`FormWorld`] that serves exactly two
files, the generated source and the layout library, from memory: no network, no file system.
Output is deterministic: the document date comes from the data, the PDF identifier from the
document's name, and nothing reads the clock.
*/

mod fonts;
mod probe;

pub use fonts::FontPolicy;
pub use probe::{CHILD_ARG, Probe, run_child};

use crate::diag::{Diagnostic, Location, Problem, SourceFile};
use crate::render::{LIBRARY_NAME, TypstSource};
use std::sync::Arc;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

/// An archival PDF standard the output can conform to (`--pdf-standard`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfStandard {
    /// PDF/A-2b (ISO 19005-2, level B): fonts embedded, colours with an output intent, XMP
    /// metadata; what archives ask of scanned-and-born-digital records alike.
    A2b,
}

impl PdfStandard {
    /// The name used on the command line and in reports: "a-2b".
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::A2b => "a-2b",
        }
    }
}

/// A compiled document, ready to export.
pub struct Compiled {
    /// The laid-out pages.
    pub document: PagedDocument,
    /// Warnings Typst raised (font fallbacks are filtered out: they are expected).
    pub warnings: Vec<Diagnostic>,
}

/// Why a source did not compile or export. Generated sources should always compile, so each
/// diagnostic points at a template (built-in or overridden by the workspace) with the place in
/// the generated source.
#[derive(Debug, thiserror::Error)]
#[error("{}", .diagnostics.iter().map(|d| d.problem.message(crate::diag::Lang::En)).collect::<Vec<_>>().join("\n"))]
pub struct CompileError {
    /// Typst's errors, or why the compile was stopped (a bound of the [`Probe`]).
    pub diagnostics: Vec<Diagnostic>,
}

/// The standard library and fonts, shared by every compile of the process.
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: fonts::Fonts,
    standard: Option<PdfStandard>,
    /// The layout libraries seen so far, parsed once: a batch of thousands of documents shares
    /// one (or, with a workspace override, two), and re-parsing it for every compile would also
    /// defeat Typst's memoisation, which is keyed on the source.
    libraries: std::sync::Mutex<Vec<Source>>,
    /// Bounds on time and memory, for sources a workspace's own templates made (see [`Probe`]).
    probe: Option<Probe>,
}

impl Typesetter {
    /// Loads the fonts once, following `policy`.
    pub fn new(policy: FontPolicy) -> Typesetter {
        Typesetter::with_font_folders(policy, &[])
    }

    /// Loads the fonts once: those of `folders` first (`--font-path`), then as `policy` says.
    pub fn with_font_folders(policy: FontPolicy, folders: &[std::path::PathBuf]) -> Typesetter {
        Typesetter {
            library: LazyHash::new(Library::default()),
            fonts: fonts::Fonts::load(policy, folders),
            standard: None,
            libraries: std::sync::Mutex::new(Vec::new()),
            probe: None,
        }
    }

    /// The parsed layout library with this text, parsed on first use.
    fn library_source(&self, id: FileId, text: &str) -> Source {
        // A poisoned lock only means another compile panicked; the cache itself stays valid.
        let mut cache = self
            .libraries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(found) = cache.iter().find(|s| s.text() == text) {
            return found.clone();
        }
        let source = Source::new(id, text.to_string());
        cache.push(source.clone());
        source
    }

    /// Every PDF this typesetter exports conforms to `standard` (when given).
    pub fn with_standard(mut self, standard: Option<PdfStandard>) -> Typesetter {
        self.standard = standard;
        self
    }

    /// The archival standard of the PDFs, if any.
    pub fn standard(&self) -> Option<PdfStandard> {
        self.standard
    }

    /// The families that will set the text, for `hoso` to tell the user which font is used.
    pub fn font_family(&self) -> &str {
        self.fonts.main_family()
    }

    /// The fonts taken from the font folders (`path#index:bytes`), empty without `--font-path`.
    pub fn own_fonts(&self) -> &[String] {
        self.fonts.own()
    }

    /// Every compile first proves, in a child process, that it ends within these bounds (when
    /// given: the workspace has templates of its own).
    pub fn with_probe(mut self, probe: Option<Probe>) -> Typesetter {
        self.probe = probe;
        self
    }

    /// Typesets `source`. `date` is the document's date (what Typst's `datetime.today()` sees).
    pub fn compile(
        &self,
        source: &TypstSource,
        date: Option<jiff::civil::Date>,
    ) -> Result<Compiled, CompileError> {
        if let Some(probe) = &self.probe {
            probe.check(source, date)?;
        }
        self.compile_unbounded(source, date)
    }

    /// Typesets `source` here, with no bound: for the built-in templates, or once the probe has
    /// shown that it ends.
    fn compile_unbounded(
        &self,
        source: &TypstSource,
        date: Option<jiff::civil::Date>,
    ) -> Result<Compiled, CompileError> {
        let world = FormWorld::new(self, source, date);
        let result = typst::compile::<PagedDocument>(&world);
        let mut files = Vec::new();
        let warnings = result
            .warnings
            .iter()
            .filter(|w| !w.message.starts_with("unknown font family"))
            .map(|w| world.diagnostic(w, &mut files))
            .collect();
        match result.output {
            Ok(document) => Ok(Compiled { document, warnings }),
            Err(errors) => Err(CompileError {
                diagnostics: errors
                    .iter()
                    .map(|e| world.diagnostic(e, &mut files))
                    .collect(),
            }),
        }
    }

    /// Exports a compiled document to PDF bytes. `ident` names the document stably (form and
    /// person), so that the PDF's identifier does not change between runs.
    pub fn pdf(
        &self,
        compiled: &Compiled,
        ident: &str,
        date: Option<jiff::civil::Date>,
    ) -> Result<Vec<u8>, CompileError> {
        let options = self.options(ident, date);
        self.export(&compiled.document, &options)
    }

    /// Exports the pages of several compiled documents, in order, as one PDF: what a dossier
    /// prints. The fonts are subset, compressed and embedded once for all of them, where a PDF
    /// per document embeds them again in each: in a profile of a batch that exported each document
    /// alone, embedding the fonts took 17% of all samples, of the 29% that exporting took.
    ///
    /// The PDF is not tagged: the documents were laid out separately, so the elements that tags
    /// would point at belong to different compiles. The identifier and the date are those of
    /// `ident` and `date`; the document information is left to the caller, which knows what the
    /// whole is (see [`crate::assemble`]).
    ///
    /// A dossier's documents are laid out with both their page numbers, the dossier's and their
    /// own (see `van-ban` in the layout library); `numbers` says which the pages print.
    pub fn pdf_of_many(
        &self,
        documents: &[&Compiled],
        ident: &str,
        date: Option<jiff::civil::Date>,
        numbers: PageNumbers,
    ) -> Result<Vec<u8>, CompileError> {
        let other = typst::foundations::Label::new(typst::utils::PicoStr::intern(numbers.other()))
            .expect("the label is not empty");
        let pages: typst::ecow::EcoVec<typst_layout::Page> = documents
            .iter()
            .flat_map(|c| c.document.pages().iter().cloned())
            .map(|mut page| {
                without_label(&mut page.frame, other);
                page
            })
            .collect();
        let document = PagedDocument::new(pages, typst::model::DocumentInfo::default());
        let options = PdfOptions {
            tagged: false,
            ..self.options(ident, date)
        };
        self.export(&document, &options)
    }

    /// The export options of every PDF: a stable identifier, hoso as the creator, the date of
    /// the data, the archival standard asked for.
    fn options(&self, ident: &str, date: Option<jiff::civil::Date>) -> PdfOptions {
        let timestamp = date
            .and_then(|d| Datetime::from_ymd(d.year().into(), d.month() as u8, d.day() as u8))
            .map(Timestamp::new_utc);
        let standards = match self.standard {
            None => PdfStandards::default(),
            Some(PdfStandard::A2b) => PdfStandards::new(&[typst_pdf::PdfStandard::A_2b])
                .expect("PDF/A-2b alone is a valid set of standards"),
        };
        PdfOptions {
            ident: Smart::Custom(ident.to_string()),
            creator: Smart::Custom(Some(format!("hoso {}", env!("CARGO_PKG_VERSION")))),
            timestamp,
            standards,
            ..PdfOptions::default()
        }
    }

    /// Runs typst-pdf, then blanks the `/Suspects false` that poppler misreads.
    fn export(
        &self,
        document: &PagedDocument,
        options: &PdfOptions,
    ) -> Result<Vec<u8>, CompileError> {
        // The pages no longer know their sources: the errors are Typst's words alone.
        let mut pdf = typst_pdf::pdf(document, options).map_err(|errors| CompileError {
            diagnostics: errors
                .iter()
                .map(|e| {
                    let problem = Problem::Typeset {
                        template: String::new(),
                        message: e.message.to_string(),
                        hints: e.hints.iter().map(|h| h.v.to_string()).collect(),
                    };
                    Diagnostic::error(problem, None)
                })
                .collect(),
        })?;
        without_false_suspects(&mut pdf);
        Ok(pdf)
    }
}

/// Which page numbers the pages of a dossier's documents print: each document is laid out once
/// with both, and each export keeps one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageNumbers {
    /// The dossier's, running through it from the cover, on every page: the dossier.
    Dossier,
    /// The document's own, from its second page: a document printed alone.
    Own,
}

impl PageNumbers {
    /// The label (in the layout library) of the numbers this export leaves out.
    fn other(self) -> &'static str {
        match self {
            PageNumbers::Dossier => "hoso-trang-rieng",
            PageNumbers::Own => "hoso-trang-ho-so",
        }
    }
}

/// `frame` without the groups labelled `label`, at any depth.
fn without_label(frame: &mut typst::layout::Frame, label: typst::foundations::Label) {
    use typst::layout::FrameItem;
    frame.retain(|item| match item {
        FrameItem::Group(group) if group.label == Some(label) => false,
        FrameItem::Group(group) => {
            without_label(&mut group.frame, label);
            true
        }
        _ => true,
    });
}

/// The catalogue's mark information as typst-pdf writes it for a tagged PDF.
const MARK_INFO: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";

/// Blanks out `/Suspects false` in the catalogue's `/MarkInfo`, byte for byte.
///
/// typst-pdf (through krilla) always writes `/Suspects false`, which PDF/UA wants; poppler up to
/// at least 22.12 (Debian 12) takes any value but `true` for a wrong type and prints "Syntax
/// Error: Suspects object is wrong type (boolean)" for every form. `false` is the default, so
/// leaving the entry out says the same. The entry is overwritten with spaces of the same length,
/// inside the dictionary, so no byte offset of the cross-reference table moves; the catalogue is
/// written uncompressed, and its exact spelling is matched, so nothing else can be touched. A PDF
/// without that exact text (an untagged one, a future writer) is left as it is.
fn without_false_suspects(pdf: &mut [u8]) {
    let Some(at) = pdf.windows(MARK_INFO.len()).position(|w| w == MARK_INFO) else {
        return;
    };
    let entry = b"/Suspects false";
    let start = at + MARK_INFO.len() - 2 - entry.len();
    pdf[start..start + entry.len()].fill(b' ');
}

/// The world of one compile: the generated source and the layout library, nothing else.
struct FormWorld<'a> {
    typesetter: &'a Typesetter,
    main: Source,
    library: Source,
    template: &'a str,
    today: Option<Datetime>,
}

impl<'a> FormWorld<'a> {
    fn new(
        typesetter: &'a Typesetter,
        source: &'a TypstSource,
        date: Option<jiff::civil::Date>,
    ) -> Self {
        let id = |name: &str| {
            let vpath = VirtualPath::new(name).expect("static file names are valid virtual paths");
            RootedPath::new(VirtualRoot::Project, vpath).intern()
        };
        FormWorld {
            typesetter,
            main: Source::new(id(&format!("/{}", source.name)), source.text.clone()),
            library: typesetter.library_source(id(&format!("/{LIBRARY_NAME}")), &source.library),
            template: &source.template,
            today: date
                .and_then(|d| Datetime::from_ymd(d.year().into(), d.month() as u8, d.day() as u8)),
        }
    }

    /// Typst's diagnostic as hoso's: the template the source was generated from, Typst's words,
    /// and the place in the generated source (or the layout library) when Typst gives one.
    /// `files` keeps one copy of each source's text for all the diagnostics of a compile.
    fn diagnostic(
        &self,
        d: &SourceDiagnostic,
        files: &mut Vec<(FileId, Arc<SourceFile>)>,
    ) -> Diagnostic {
        let location = typst::WorldExt::range(self, d.span).and_then(|range| {
            let id = d.span.id()?;
            let source = self.source(id).ok()?;
            let (line, column) = source.lines().byte_to_line_column(range.start)?;
            let file = match files.iter().find(|(f, _)| *f == id) {
                Some((_, file)) => file.clone(),
                None => {
                    let file = Arc::new(SourceFile {
                        path: id.vpath().get_without_slash().into(),
                        text: source.text().to_string(),
                    });
                    files.push((id, file.clone()));
                    file
                }
            };
            Some(Location {
                file,
                range,
                line: line + 1,
                column: column + 1,
            })
        });
        let problem = Problem::Typeset {
            template: self.template.to_string(),
            message: d.message.to_string(),
            hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
        };
        match d.severity {
            Severity::Error => Diagnostic::error(problem, location),
            Severity::Warning => Diagnostic::warning(problem, location),
        }
    }
}

impl World for FormWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.typesetter.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.typesetter.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.library.id() {
            Ok(self.library.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.source(id)
            .map(|s| Bytes::from_string(s.text().to_string()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.typesetter.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_false_suspects_entry_is_blanked_in_place_and_nothing_else_moves() {
        let before = b"1 0 obj\n<</Type/Catalog/MarkInfo<</Marked true/Suspects false>>/Lang(vi)>>\nendobj\n";
        let mut pdf = before.to_vec();
        without_false_suspects(&mut pdf);
        assert_eq!(pdf.len(), before.len());
        let text = String::from_utf8(pdf).unwrap();
        assert!(
            text.contains("/MarkInfo<</Marked true               >>/Lang(vi)"),
            "{text}"
        );
        // Anything else is left as it is.
        let other = b"<</MarkInfo<</Marked true/Suspects true>>>>".to_vec();
        let mut same = other.clone();
        without_false_suspects(&mut same);
        assert_eq!(same, other);
    }
}
