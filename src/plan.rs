/*!
The dossier plan: which documents a person's dossier holds, in the order of its checklist (domain
notes §2.4, `forms/ho-so.yaml`).

One definition for the cover printed alone (`hoso render BIA-HS`), the dossier and the batch: the
admission dossier until the probation review has begun, then the full-membership one. A document
the checklist marks optional (`neu_co`) is listed only when the record holds it; a document whose
form does not apply (a Youth Union resolution for someone introduced by the trade union) is not
held ([`Form::applies`], the definition rendering and the desk use too). Documents the person writes by hand (đơn, lý lịch) are held but not printed: the dossier
holds the handwritten originals.
*/

use crate::facts;
use crate::forms::{Catalogue, Dossier, Form};
use crate::model::{Nguoi, PathView};

/// Which dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Hồ sơ đề nghị kết nạp đảng viên.
    KetNap,
    /// Hồ sơ đề nghị công nhận đảng viên chính thức.
    ChinhThuc,
}

impl Kind {
    /// Its id in `forms/ho-so.yaml`.
    pub fn id(self) -> &'static str {
        match self {
            Kind::KetNap => "ket-nap",
            Kind::ChinhThuc => "chinh-thuc",
        }
    }

    /// The dossier a person's stage calls for: full membership once the probation review has
    /// begun.
    pub fn for_person(n: &Nguoi) -> Kind {
        if facts::probation_review_begun(n) {
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

/// The documents of a dossier, in order.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Which dossier.
    pub kind: Kind,
    /// Its checklist.
    pub dossier: &'static Dossier,
    /// The documents listed on the cover.
    pub items: Vec<Planned>,
}

fn checklist(kind: Kind) -> &'static Dossier {
    Catalogue::builtin()
        .dossier(kind.id())
        .expect("forms/ho-so.yaml defines both dossiers (checked by the tests)")
}

/// The plan of a person's dossier (the one their stage calls for unless `kind` is given).
pub fn plan(n: &Nguoi, view: &PathView, kind: Option<Kind>) -> Plan {
    let catalogue = Catalogue::builtin();
    let kind = kind.unwrap_or_else(|| Kind::for_person(n));
    let dossier = checklist(kind);
    let items = dossier
        .tai_lieu
        .iter()
        .filter_map(|item| {
            let form = item.mau.as_deref().and_then(|m| catalogue.form(m));
            let present = view.has(&item.du_lieu) && form.is_none_or(|f| f.applies(view));
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

/// The checklist of a blank cover: every document, optional ones too, to tick by hand.
pub fn blank(kind: Kind) -> Plan {
    let catalogue = Catalogue::builtin();
    let dossier = checklist(kind);
    Plan {
        kind,
        dossier,
        items: dossier
            .tai_lieu
            .iter()
            .map(|item| Planned {
                ten: item.ten.clone(),
                form: item.mau.as_deref().and_then(|m| catalogue.form(m)),
                present: false,
                printed: false,
            })
            .collect(),
    }
}
