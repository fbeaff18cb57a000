/*!
A person's dossier: the documents of its plan ([`crate::plan`]: which documents, in the order of
the checklist), laid out one by one, then exported together behind the cover, which lists the
page where each document starts: the dossier's PDF. Each document is laid out once with two sets
of page numbers, the dossier's and its own ([`PageNumbers`]); the dossier prints the first, and
each document's own PDF, cut from a second export of the same pages made when first asked for,
the second: a form printed alone carries no dossier numbering.
*/

use crate::assemble::{self, Metadata, Section};
use crate::compile::{Compiled, PageNumbers};
use crate::diag::{Diagnostic, Setup};
use crate::engine::Engine;
use crate::forms::{Catalogue, Form};
use crate::model::Ngay;
use crate::plan::Plan;
use crate::render::{DossierView, Subject, TypstSource};
use crate::typeset::{self, Export, Warned};
use crate::validate::Checked;
use typst::model::Document as _;

/// The code of the cover form.
const COVER: &str = "BIA-HS";

/// A typeset dossier.
pub struct Built {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The parts in order (the cover first).
    pub parts: Vec<BuiltPart>,
    /// The laid-out documents, the cover first.
    documents: Vec<Compiled>,
    /// The dossier's export, cut into parts: what the forms beside a dossier were before they
    /// printed their own page numbers, kept to measure what that costs (`benches/alone.sh`).
    exported: assemble::Exported,
    /// The same pages exported with each document's own page numbers, from which each part's
    /// own PDF is cut: made when a part is first asked for.
    alone: std::sync::OnceLock<Result<assemble::Exported, Vec<Diagnostic>>>,
    /// The export's identifier and date.
    ident: String,
    date: Option<jiff::civil::Date>,
    /// Who the dossier is for and what it says about itself, for the parts' own metadata.
    meta: Metadata,
}

/// One typeset document of a dossier.
#[derive(Debug)]
pub struct BuiltPart {
    /// Its form code.
    pub code: String,
    /// Its bookmark title.
    pub title: String,
    /// The title it gives itself (Typst's document title: "Giấy giới thiệu người vào Đảng").
    pub document_title: String,
    /// Its pages.
    pub pages: usize,
    /// The generated Typst source it was typeset from.
    pub source: TypstSource,
}

impl Built {
    /// The PDF of part `index` alone: its pages as laid out for the dossier, printing its own
    /// page numbers (none on its first page), with its own title and date.
    pub fn part_pdf(&self, engine: &Engine, index: usize) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let meta = self.part_metadata(index);
        let alone = self.alone.get_or_init(|| {
            let documents: Vec<&Compiled> = self.documents.iter().collect();
            let export = typeset::together(
                engine.typesetter(),
                &documents,
                &self.ident,
                self.date,
                PageNumbers::Own,
            )?;
            assemble::Exported::load(&export, sections(&self.parts)).map_err(assemble_failed)
        });
        match alone {
            Ok(exported) => exported.section(index, &meta).map_err(assemble_failed),
            Err(diagnostics) => Err(diagnostics.clone()),
        }
    }
}

impl Built {
    /// The PDF of part `index` cut from the dossier's own export, printing the dossier's page
    /// numbers: no second export. Not what a clerk is given (a form alone carries no dossier
    /// numbering); only what `benches/alone.sh` compares [`Built::part_pdf`] with.
    pub fn part_pdf_with_dossier_numbers(&self, index: usize) -> Result<Vec<u8>, Vec<Diagnostic>> {
        self.exported
            .section(index, &self.part_metadata(index))
            .map_err(assemble_failed)
    }

    /// The document information of part `index` printed alone.
    fn part_metadata(&self, index: usize) -> Metadata {
        let part = &self.parts[index];
        Metadata {
            title: part.document_title.clone(),
            author: self.meta.author.clone(),
            subject: part.title.clone(),
            keywords: part.code.clone(),
            date: part.source.date.map(pdf_date),
            pdf_a: self.meta.pdf_a,
        }
    }
}

/// The sections of the export, one per part.
fn sections(parts: &[BuiltPart]) -> Vec<Section> {
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| Section {
            title: p.title.clone(),
            pages: p.pages,
            front: i == 0,
        })
        .collect()
}

/// A dossier whose pages could not be cut or put together, as a diagnostic.
fn assemble_failed(e: assemble::AssembleError) -> Vec<Diagnostic> {
    let detail = e.to_string();
    vec![Setup::DossierFailed { detail }.into()]
}

/// The dossier's file name: in a person's folder of a batch, and in an error.
pub const DOSSIER_FILE: &str = "ho-so.pdf";

/// "D:20261016000000Z", the PDF's way of writing a day.
fn pdf_date(d: Ngay) -> String {
    format!(
        "D:{:04}{:02}{:02}000000Z",
        d.0.year(),
        d.0.month(),
        d.0.day()
    )
}

/// Builds the dossier of `plan` for `checked`: each printed form, then the cover with the page
/// where each starts, exported together behind the cover.
/// The warnings of every part come with the dossier, or with the diagnostics of why there is none.
pub fn build(engine: &Engine, checked: Checked<'_>, plan: &Plan) -> Warned<Built> {
    let mut warnings = Vec::new();
    let output = build_warned(engine, checked, plan, &mut warnings);
    Warned { output, warnings }
}

/// Lays out one filled form of the dossier, keeping its warnings.
fn lay_out(
    engine: &Engine,
    form: &Form,
    checked: Checked<'_>,
    amend: impl FnOnce(&mut crate::render::FormContext),
    warnings: &mut Vec<Diagnostic>,
) -> Result<(Compiled, TypstSource), Vec<Diagnostic>> {
    let (mut said, typeset) = typeset::form(
        engine,
        form,
        Subject::Filled(checked),
        amend,
        Export::LaidOut,
    )
    .split();
    warnings.append(&mut said);
    typeset.map(|t| (t.compiled, t.source))
}

fn build_warned(
    engine: &Engine,
    checked: Checked<'_>,
    plan: &Plan,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Built, Vec<Diagnostic>> {
    let mut laid_out = Vec::new();
    let mut starts = Vec::new();
    let mut next_page = 1;
    let mut latest = None;
    let view = checked.view();
    for item in &plan.items {
        let Some(form) = item.form.filter(|_| item.printed) else {
            starts.push(None);
            continue;
        };
        // The page the part starts on, as the cover lists it, is also the number its first page
        // prints: one value for both.
        let start = next_page;
        let (compiled, source) = lay_out(
            engine,
            form,
            checked,
            |ctx| ctx.trang_dau = Some(start),
            warnings,
        )?;
        if let Some(d) = form.document_date(&view) {
            latest = latest.max(Some(d));
        }
        starts.push(Some(start));
        next_page += compiled.document.pages().len();
        laid_out.push((form, compiled, source));
    }

    let cover_form = Catalogue::builtin()
        .form(COVER)
        .expect("the catalogue has the cover form (checked by the tests)");
    let view = DossierView::of(plan, Some(&starts));
    let (cover, cover_source) = lay_out(
        engine,
        cover_form,
        checked,
        |ctx| ctx.ho_so = Some(view),
        warnings,
    )?;
    laid_out.insert(0, (cover_form, cover, cover_source));
    let name = checked.nguoi().ho_ten.clone().unwrap_or_default();

    let documents: Vec<&Compiled> = laid_out.iter().map(|(_, c, _)| c).collect();
    let date = latest.map(|d| d.0);
    let ident = format!("ho-so-{}", checked.id());
    let export = typeset::together(
        engine.typesetter(),
        &documents,
        &ident,
        date,
        PageNumbers::Dossier,
    )?;
    let mut compiled_documents = Vec::with_capacity(laid_out.len());
    let parts: Vec<BuiltPart> = laid_out
        .into_iter()
        .enumerate()
        .map(|(i, (form, compiled, source))| {
            let part = BuiltPart {
                code: form.ma.clone(),
                title: if i == 0 {
                    format!("Bìa và danh mục tài liệu — {name}")
                } else {
                    format!("Mẫu {}: {}", form.ma, form.ten)
                },
                document_title: compiled
                    .document
                    .info()
                    .title
                    .as_deref()
                    .unwrap_or(&form.ten)
                    .to_string(),
                pages: compiled.document.pages().len(),
                source,
            };
            compiled_documents.push(compiled);
            part
        })
        .collect();

    let org = checked.workspace().org();
    let meta = Metadata {
        title: format!("{} — {name}", plan.dossier.ten),
        author: org.chi_bo.clone().unwrap_or_default(),
        subject: plan.dossier.ten.clone(),
        keywords: plan
            .items
            .iter()
            .filter(|i| i.printed)
            .filter_map(|i| i.form.map(|f| f.ma.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
        date: latest.map(pdf_date),
        pdf_a: engine.typesetter().standard().is_some(),
    };
    let exported = assemble::Exported::load(&export, sections(&parts)).map_err(assemble_failed)?;
    let pdf = exported.dossier(&meta).map_err(assemble_failed)?;
    Ok(Built {
        pdf,
        parts,
        documents: compiled_documents,
        exported,
        alone: std::sync::OnceLock::new(),
        ident,
        date,
        meta,
    })
}
