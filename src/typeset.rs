/*!
Typesetting, the one path from a form to a document: fill the form's template for its subject
([`crate::render`]), lay the source out ([`crate::compile`]) and export it, as PDF, as SVG, or not
yet (the parts of a dossier, exported together by [`together`]). The command line's `render`,
`dossier`, `batch` and `bulletin` and the desk's previews and downloads all take this path, so
what one front end tells about a document, every one does.

Its answer has the shape of typst-cli's `compile_and_export`: the document, or the located
diagnostics of why there is none, and in both cases the warnings raised on the way, all in the
project's diagnostic model ([`crate::diag`]), for each front end to say in its user's language.
*/

use crate::compile::{Compiled, Typesetter};
use crate::diag::{Diagnostic, Setup};
use crate::engine::Engine;
use crate::forms::Form;
use crate::render::{FormContext, RenderError, Subject, TypstSource};

/// A result with the warnings raised on the way to it.
#[derive(Debug)]
#[must_use]
pub struct Warned<T> {
    /// The result, or why there is none (at least one error).
    pub output: Result<T, Vec<Diagnostic>>,
    /// Warnings, whether or not there is a result.
    pub warnings: Vec<Diagnostic>,
}

impl<T> Warned<T> {
    /// A failure with no warnings.
    pub fn failed(diagnostics: Vec<Diagnostic>) -> Warned<T> {
        Warned {
            output: Err(diagnostics),
            warnings: Vec::new(),
        }
    }

    /// The warnings and the result, apart.
    pub fn split(self) -> (Vec<Diagnostic>, Result<T, Vec<Diagnostic>>) {
        (self.warnings, self.output)
    }
}

/// What to export a laid-out document to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// A PDF of its own.
    Pdf,
    /// Its pages drawn one under the other, as one SVG (the desk's preview).
    Svg,
    /// Nothing yet: a part of a whole exported later with [`together`].
    LaidOut,
}

/// A typeset document.
pub struct Typeset {
    /// The generated Typst source it was typeset from.
    pub source: TypstSource,
    /// The laid-out pages.
    pub compiled: Compiled,
    /// The export asked for.
    pub output: Output,
}

/// An exported document.
pub enum Output {
    /// PDF bytes.
    Pdf(Vec<u8>),
    /// SVG text.
    Svg(String),
    /// Not exported ([`Export::LaidOut`]).
    LaidOut,
}

impl Output {
    /// The bytes of the export (empty when laid out only).
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Output::Pdf(bytes) => bytes,
            Output::Svg(text) => text.into_bytes(),
            Output::LaidOut => Vec::new(),
        }
    }
}

/// The gap between the pages of an SVG.
const PAGE_GAP_PT: f64 = 14.0;

/// Fills `form` for `subject` (letting `amend` complete the context first: the dossier puts its
/// page numbers on it), typesets and exports it.
pub fn form(
    engine: &Engine,
    form: &Form,
    subject: Subject<'_>,
    amend: impl FnOnce(&mut FormContext),
    export: Export,
) -> Warned<Typeset> {
    match engine.renderer().render_with(form, subject, amend) {
        Ok(source) => source_to(engine.typesetter(), source, export),
        Err(e) => Warned::failed(render_diagnostics(e)),
    }
}

/// Typesets and exports a source made elsewhere (a bulletin article); [`form`] ends here too.
pub fn source_to(typesetter: &Typesetter, source: TypstSource, export: Export) -> Warned<Typeset> {
    let date = source.date.map(|d| d.0);
    let compiled = match typesetter.compile(&source, date) {
        Ok(compiled) => compiled,
        Err(e) => return Warned::failed(e.diagnostics),
    };
    let warnings = compiled.warnings.clone();
    let output = match export {
        Export::Pdf => typesetter
            .pdf(&compiled, &source.name, date)
            .map(Output::Pdf)
            .map_err(|e| e.diagnostics),
        Export::Svg => Ok(Output::Svg(typst_svg::svg_merged(
            &compiled.document,
            &typst_svg::SvgOptions::default(),
            typst::layout::Abs::pt(PAGE_GAP_PT),
        ))),
        Export::LaidOut => Ok(Output::LaidOut),
    };
    Warned {
        output: output.map(|output| Typeset {
            source,
            compiled,
            output,
        }),
        warnings,
    }
}

/// Exports the pages of several laid-out documents, in order, as one PDF (a dossier): the fonts
/// are embedded once for all (see [`Typesetter::pdf_of_many`]).
/// `numbers` says which page numbers the pages print: the dossier's, or each document's own.
pub fn together(
    typesetter: &Typesetter,
    documents: &[&Compiled],
    ident: &str,
    date: Option<jiff::civil::Date>,
    numbers: crate::compile::PageNumbers,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    typesetter
        .pdf_of_many(documents, ident, date, numbers)
        .map_err(|e| e.diagnostics)
}

/// Why a form could not be filled, as diagnostics: the record's (located in its file), or the
/// template's.
pub fn render_diagnostics(e: RenderError) -> Vec<Diagnostic> {
    match e {
        RenderError::Data(diagnostics) => diagnostics,
        RenderError::Template { name, source } => {
            let detail = format!("{source:#}");
            vec![Setup::TemplateFailed { name, detail }.into()]
        }
        RenderError::Refused { path } => vec![Setup::TemplateRefused { path }.into()],
        RenderError::Io { path, source } => {
            let detail = source.to_string();
            vec![Setup::CannotRead { path, detail }.into()]
        }
    }
}
