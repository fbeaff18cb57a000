//! The forms as the desk shows and hands them out: typeset by the one engine of the process, as
//! SVG for the page (it shows in any browser, headless ones too, and an `<img>` of it runs no
//! script) and as PDF to download, filled, blank or as the whole dossier.

use crate::engine::Engine;
use crate::forms::Form;
use crate::render::Subject;
use crate::validate::Checked;

/// The gap between pages of a preview.
const PAGE_GAP_PT: f64 = 14.0;

/// Typesets `form` for `subject` and draws its pages one under the other, as one SVG.
pub fn svg(engine: &Engine, form: &Form, subject: Subject<'_>) -> Result<String, String> {
    let source = engine
        .renderer()
        .render(form, subject)
        .map_err(|e| e.to_string())?;
    let compiled = engine
        .typesetter()
        .compile(&source, source.date.map(|d| d.0))
        .map_err(|e| e.to_string())?;
    Ok(typst_svg::svg_merged(
        &compiled.document,
        &typst_svg::SvgOptions::default(),
        typst::layout::Abs::pt(PAGE_GAP_PT),
    ))
}

/// The PDF of `form` for `subject` (filled or blank).
pub fn pdf(engine: &Engine, form: &Form, subject: Subject<'_>) -> Result<Vec<u8>, String> {
    let source = engine
        .renderer()
        .render(form, subject)
        .map_err(|e| e.to_string())?;
    let date = source.date.map(|d| d.0);
    let typesetter = engine.typesetter();
    typesetter
        .compile(&source, date)
        .and_then(|compiled| typesetter.pdf(&compiled, &source.name, date))
        .map_err(|e| e.to_string())
}

/// The person's dossier, as `hoso dossier` makes it.
pub fn dossier(engine: &Engine, checked: Checked<'_>) -> Result<Vec<u8>, String> {
    crate::dossier::build(engine, checked, &checked.plan())
        .map(|built| built.pdf)
        .map_err(|e| e.to_string())
}

/// The forms a person's record can fill now: those of their dossiers' plans (admission, then full
/// membership) that the record holds, in the checklists' order; the hand-written đơn and lý lịch
/// are offered too, as the drafts `hoso render` makes of them.
pub fn forms_of(checked: Checked<'_>) -> Vec<&'static Form> {
    let mut out: Vec<&'static Form> = Vec::new();
    for kind in [crate::plan::Kind::KetNap, crate::plan::Kind::ChinhThuc] {
        for item in checked.plan_of(kind).items {
            if let Some(form) = item.form.filter(|_| item.present)
                && !out.iter().any(|f| f.ma == form.ma)
            {
                out.push(form);
            }
        }
    }
    out
}
