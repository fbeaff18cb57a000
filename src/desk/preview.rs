//! The forms as the desk shows and hands them out: typeset by the one engine of the process, as
//! SVG for the page (it shows in any browser, headless ones too, and an `<img>` of it runs no
//! script) and as PDF to download, filled, blank or as the whole dossier.

use crate::engine::Engine;
use crate::forms::Form;
use crate::render::Subject;
use crate::typeset::{self, Export, Warned};
use crate::validate::Checked;

/// Typesets `form` for `subject` and draws its pages one under the other, as one SVG.
pub fn svg(engine: &Engine, form: &Form, subject: Subject<'_>) -> Warned<Vec<u8>> {
    exported(typeset::form(engine, form, subject, |_| {}, Export::Svg))
}

/// The PDF of `form` for `subject` (filled or blank).
pub fn pdf(engine: &Engine, form: &Form, subject: Subject<'_>) -> Warned<Vec<u8>> {
    exported(typeset::form(engine, form, subject, |_| {}, Export::Pdf))
}

/// The person's dossier, as `hoso dossier` makes it.
pub fn dossier(engine: &Engine, checked: Checked<'_>) -> Warned<Vec<u8>> {
    let (warnings, built) = crate::dossier::build(engine, checked, &checked.plan()).split();
    Warned {
        output: built.map(|built| built.pdf),
        warnings,
    }
}

fn exported(typeset: Warned<typeset::Typeset>) -> Warned<Vec<u8>> {
    let (warnings, output) = typeset.split();
    Warned {
        output: output.map(|t| t.output.into_bytes()),
        warnings,
    }
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
