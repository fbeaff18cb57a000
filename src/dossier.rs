/*!
A person's dossier: which documents it holds, in the order of the checklist (domain notes §2.4,
`forms/ho-so.yaml`), typeset and assembled into one PDF behind its cover.

The admission dossier is chosen until the probation review has begun, then the full-membership
dossier (or the one asked for). Documents the record does not hold yet are left out, not printed
empty; documents the person writes by hand (đơn, lý lịch) are listed on the cover but not printed,
since the dossier holds the handwritten originals.
*/

use crate::assemble::{self, Metadata, Part};
use crate::compile::{CompileError, Typesetter};
use crate::forms::{Catalogue, Dossier, Form};
use crate::render::{DossierLine, DossierView, RenderError, Renderer, Subject, TypstSource};
use crate::validate::Checked;

/// The code of the cover form.
const COVER: &str = "BIA-HS";

/// Which dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Hồ sơ đề nghị kết nạp đảng viên.
    KetNap,
    /// Hồ sơ đề nghị công nhận đảng viên chính thức.
    ChinhThuc,
}

impl Kind {
    fn id(self) -> &'static str {
        match self {
            Kind::KetNap => "ket-nap",
            Kind::ChinhThuc => "chinh-thuc",
        }
    }

    /// The dossier a person's stage calls for: full membership once the probation review has
    /// begun (self-review, branch meeting or decision recorded).
    pub fn for_person(n: &crate::model::Nguoi) -> Kind {
        if n.tu_kiem_diem.is_some()
            || n.hop_xet_chinh_thuc.is_some()
            || n.cong_nhan_chinh_thuc.is_some()
        {
            Kind::ChinhThuc
        } else {
            Kind::KetNap
        }
    }
}

/// One document of the plan.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The checklist's name for it.
    pub ten: String,
    /// The form hoso prints it on, if any.
    pub form: Option<&'static Form>,
    /// The record holds it.
    pub present: bool,
    /// hoso prints it into the dossier.
    pub printed: bool,
}

/// The documents of a person's dossier, in order.
#[derive(Debug, Clone)]
pub struct Plan {
    pub kind: Kind,
    pub dossier: &'static Dossier,
    pub items: Vec<Planned>,
}

/// Plans the dossier of `checked` (the one its stage calls for unless `kind` is given).
pub fn plan(checked: Checked<'_>, kind: Option<Kind>) -> Plan {
    let catalogue = Catalogue::builtin();
    let n = &checked.record.nguoi;
    let kind = kind.unwrap_or_else(|| Kind::for_person(n));
    let dossier = catalogue
        .dossier(kind.id())
        .expect("forms/ho-so.yaml defines both dossiers (checked by the tests)");
    let json = serde_json::to_value(n).unwrap_or_default();
    let items = dossier
        .tai_lieu
        .iter()
        .filter_map(|item| {
            let form = item.mau.as_deref().and_then(|m| catalogue.form(m));
            let applies = form.is_none_or(|f| {
                f.dieu_kien
                    .iter()
                    .all(|(p, v)| crate::render::value_at(&json, p).as_deref() == Some(v.as_str()))
            });
            let present = crate::render::has_path(&json, &item.du_lieu) && applies;
            if item.neu_co && !present {
                return None;
            }
            Some(Planned {
                ten: item.ten.clone(),
                form,
                present,
                printed: present && form.is_some_and(|f| !f.tu_viet),
            })
        })
        .collect();
    Plan {
        kind,
        dossier,
        items,
    }
}

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
    renderer: &Renderer,
    typesetter: &Typesetter,
    form: &Form,
    checked: Checked<'_>,
    amend: impl FnOnce(&mut crate::render::FormContext),
) -> Result<(Vec<u8>, usize, TypstSource), DossierError> {
    let source = renderer.render_with(form, Subject::Filled(checked), amend)?;
    let date = source.date.map(|d| d.0);
    let compile_err = |source| DossierError::Compile {
        form: form.ma.clone(),
        source,
    };
    let compiled = typesetter.compile(&source, date).map_err(compile_err)?;
    let pages = compiled.document.pages().len();
    let pdf = typesetter
        .pdf(&compiled, &source.name, date)
        .map_err(compile_err)?;
    Ok((pdf, pages, source))
}

/// Builds the dossier of `plan` for `checked`: each printed form, then the cover with the page
/// where each starts, assembled behind the cover.
pub fn build(
    renderer: &Renderer,
    typesetter: &Typesetter,
    checked: Checked<'_>,
    plan: &Plan,
) -> Result<Built, DossierError> {
    let mut built = Vec::new();
    let mut starts = Vec::new();
    let mut next_page = 1;
    let mut latest = None;
    for item in &plan.items {
        let Some(form) = item.form.filter(|_| item.printed) else {
            starts.push(None);
            continue;
        };
        let (pdf, pages, source) = typeset(renderer, typesetter, form, checked, |_| {})?;
        if let Some(d) = crate::render::document_date(form, &checked.record.nguoi) {
            latest = latest.max(Some(d));
        }
        starts.push(Some(next_page));
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
    let view = DossierView {
        ten: plan.dossier.ten.clone(),
        tai_lieu: plan
            .items
            .iter()
            .zip(&starts)
            .map(|(item, start)| DossierLine {
                ten: item.ten.clone(),
                mau: item.form.map(|f| f.ma.clone()),
                co: item.present,
                trang: *start,
            })
            .collect(),
    };
    let (cover, cover_pages, cover_source) =
        typeset(renderer, typesetter, cover_form, checked, |ctx| {
            ctx.ho_so = Some(view);
        })?;
    let name = checked.record.nguoi.ho_ten.clone().unwrap_or_default();
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

    let org = &checked.workspace.org.to_chuc;
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
        pdf_a: typesetter.standard().is_some(),
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
