/*!
A person's dossier: the documents of its plan ([`crate::plan`]: which documents, in the order of
the checklist), laid out one by one, then exported together behind the cover, which lists the
page where each document starts: the dossier's PDF, from which each document's own PDF is cut.
*/

use crate::assemble::{self, Metadata, Section};
use crate::compile::{CompileError, Compiled};
use crate::engine::Engine;
use crate::forms::{Catalogue, Form};
use crate::model::Ngay;
use crate::plan::Plan;
use crate::render::{DossierView, RenderError, Subject, TypstSource};
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
    /// The export all parts were typeset into, from which each part's own PDF is cut.
    exported: assemble::Exported,
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
    /// The PDF of part `index` alone: its pages of the dossier (printing the dossier's page
    /// numbers), with its own title and date.
    pub fn part_pdf(&self, index: usize) -> Result<Vec<u8>, DossierError> {
        let part = &self.parts[index];
        let meta = Metadata {
            title: part.document_title.clone(),
            author: self.meta.author.clone(),
            subject: part.title.clone(),
            keywords: part.code.clone(),
            date: part.source.date.map(pdf_date),
            pdf_a: self.meta.pdf_a,
        };
        Ok(self.exported.section(index, &meta)?)
    }
}

/// Why a dossier could not be built.
#[derive(Debug, thiserror::Error)]
pub enum DossierError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("{form}: {source}")]
    Compile {
        form: String,
        #[source]
        source: CompileError,
    },
    /// The documents, laid out, could not be exported together.
    #[error("{DOSSIER_FILE}: {0}")]
    Export(#[source] CompileError),
    #[error(transparent)]
    Assemble(#[from] assemble::AssembleError),
}

/// The dossier's file name: in a person's folder of a batch, and in an error.
pub const DOSSIER_FILE: &str = "ho-so.pdf";

/// Lays out one filled form, with its source.
fn lay_out(
    engine: &Engine,
    form: &Form,
    checked: Checked<'_>,
    amend: impl FnOnce(&mut crate::render::FormContext),
) -> Result<(Compiled, TypstSource), DossierError> {
    let source = engine
        .renderer()
        .render_with(form, Subject::Filled(checked), amend)?;
    let compiled = engine
        .typesetter()
        .compile(&source, source.date.map(|d| d.0))
        .map_err(|source| DossierError::Compile {
            form: form.ma.clone(),
            source,
        })?;
    Ok((compiled, source))
}

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
pub fn build(engine: &Engine, checked: Checked<'_>, plan: &Plan) -> Result<Built, DossierError> {
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
        let (compiled, source) = lay_out(engine, form, checked, |ctx| {
            ctx.trang_dau = Some(start);
        })?;
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
    let (cover, cover_source) = lay_out(engine, cover_form, checked, |ctx| {
        ctx.ho_so = Some(view);
    })?;
    laid_out.insert(0, (cover_form, cover, cover_source));
    let name = checked.nguoi().ho_ten.clone().unwrap_or_default();

    let documents: Vec<&Compiled> = laid_out.iter().map(|(_, c, _)| c).collect();
    let date = latest.map(|d| d.0);
    let export = engine
        .typesetter()
        .pdf_of_many(&documents, &format!("ho-so-{}", checked.id()), date)
        .map_err(DossierError::Export)?;
    let parts: Vec<BuiltPart> = laid_out
        .into_iter()
        .enumerate()
        .map(|(i, (form, compiled, source))| BuiltPart {
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
    let sections = parts
        .iter()
        .enumerate()
        .map(|(i, p)| Section {
            title: p.title.clone(),
            pages: p.pages,
            front: i == 0,
        })
        .collect();
    let exported = assemble::Exported::load(&export, sections)?;
    let pdf = exported.dossier(&meta)?;
    Ok(Built {
        pdf,
        parts,
        exported,
        meta,
    })
}
