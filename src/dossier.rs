/*!
A person's dossier: the documents of its plan ([`crate::plan`]: which documents, in the order of
the checklist), typeset and assembled into one PDF behind its cover, which lists the page where
each document starts.
*/

use crate::assemble::{self, Metadata, Part};
use crate::compile::CompileError;
use crate::engine::Engine;
use crate::forms::{Catalogue, Form};
use crate::plan::Plan;
use crate::render::{DossierView, RenderError, Subject, TypstSource};
use crate::validate::Checked;

/// The code of the cover form.
const COVER: &str = "BIA-HS";

/// A typeset dossier.
#[derive(Debug)]
pub struct Built {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The parts in order (the cover first).
    pub parts: Vec<BuiltPart>,
}

/// One typeset document of a dossier.
#[derive(Debug)]
pub struct BuiltPart {
    /// Its form code.
    pub code: String,
    /// Its bookmark title.
    pub title: String,
    /// Its own PDF.
    pub pdf: Vec<u8>,
    /// Its pages.
    pub pages: usize,
    /// The generated Typst source it was typeset from.
    pub source: TypstSource,
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
    #[error(transparent)]
    Assemble(#[from] assemble::AssembleError),
}

/// Typesets one filled form to PDF bytes, with its page count and its source.
pub fn typeset(
    engine: &Engine,
    form: &Form,
    checked: Checked<'_>,
    amend: impl FnOnce(&mut crate::render::FormContext),
) -> Result<(Vec<u8>, usize, TypstSource), DossierError> {
    let source = engine
        .renderer()
        .render_with(form, Subject::Filled(checked), amend)?;
    let date = source.date.map(|d| d.0);
    let compile_err = |source| DossierError::Compile {
        form: form.ma.clone(),
        source,
    };
    let compiled = engine
        .typesetter()
        .compile(&source, date)
        .map_err(compile_err)?;
    let pages = compiled.document.pages().len();
    let pdf = engine
        .typesetter()
        .pdf(&compiled, &source.name, date)
        .map_err(compile_err)?;
    Ok((pdf, pages, source))
}

/// Builds the dossier of `plan` for `checked`: each printed form, then the cover with the page
/// where each starts, assembled behind the cover.
pub fn build(engine: &Engine, checked: Checked<'_>, plan: &Plan) -> Result<Built, DossierError> {
    let mut built = Vec::new();
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
        let (pdf, pages, source) = typeset(engine, form, checked, |ctx| {
            ctx.trang_dau = Some(start);
        })?;
        if let Some(d) = form.document_date(&view) {
            latest = latest.max(Some(d));
        }
        starts.push(Some(start));
        next_page += pages;
        built.push(BuiltPart {
            code: form.ma.clone(),
            title: format!("Mẫu {}: {}", form.ma, form.ten),
            pdf,
            pages,
            source,
        });
    }

    let cover_form = Catalogue::builtin()
        .form(COVER)
        .expect("the catalogue has the cover form (checked by the tests)");
    let view = DossierView::of(plan, Some(&starts));
    let (cover, cover_pages, cover_source) = typeset(engine, cover_form, checked, |ctx| {
        ctx.ho_so = Some(view);
    })?;
    let name = checked.nguoi().ho_ten.clone().unwrap_or_default();
    built.insert(
        0,
        BuiltPart {
            code: cover_form.ma.clone(),
            title: format!("Bìa và danh mục tài liệu — {name}"),
            pdf: cover,
            pages: cover_pages,
            source: cover_source,
        },
    );

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
        date: latest.map(|d| {
            format!(
                "D:{:04}{:02}{:02}000000Z",
                d.0.year(),
                d.0.month(),
                d.0.day()
            )
        }),
        pdf_a: engine.typesetter().standard().is_some(),
    };
    let parts: Vec<Part> = built
        .iter()
        .enumerate()
        .map(|(i, b)| Part {
            title: b.title.clone(),
            pdf: b.pdf.clone(),
            front: i == 0,
        })
        .collect();
    let pdf = assemble::assemble(&parts, &meta)?;
    Ok(Built { pdf, parts: built })
}
