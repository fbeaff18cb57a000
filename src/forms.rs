/*!
The form catalogue and the regulation sets, as data.

Each official form is a YAML file in `forms/` (code, title, issuer, signer, subject, the fields a
filled form needs, its template); `forms/quy-dinh.yaml` lists the regulation sets with the date they
took effect. Both are embedded in the binary, so adding or correcting a form needs no Rust change.
*/

use crate::model::{Ngay, PathView};

/// The file of admission rules inside `forms/` (read by `crate::rules`, not a form).
pub const RULES_FILE: &str = "quy-tac.yaml";
use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};

static FORMS_DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/forms");

/// The file of regulation sets inside `forms/`.
const REGULATIONS_FILE: &str = "quy-dinh.yaml";
/// The file of dossier checklists inside `forms/`.
const DOSSIERS_FILE: &str = "ho-so.yaml";

/// One official form.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// The code, as printed: `6-KNĐ`.
    pub ma: String,
    /// The title: "Nghị quyết đề nghị kết nạp đảng viên".
    pub ten: String,
    /// Who issues it: "Chi bộ", "Người xin vào Đảng".
    pub ban_hanh: String,
    /// Who signs it: "T/M CHI BỘ, BÍ THƯ".
    pub nguoi_ky: String,
    /// Whom it is about: `nguoi-vao-dang`, `dang-vien-du-bi`, `le-ket-nap` (everyone admitted at
    /// one ceremony), `ho-so` (the dossier of one person).
    pub ve: String,
    /// The level that issues it, which gives the issuer abbreviation of its number.
    pub cap: Cap,
    /// Written by the person in their own hand (1-KNĐ, 2-KNĐ): a filled one is only a draft.
    #[serde(default)]
    pub tu_viet: bool,
    /// The path of the date the document bears, e.g. `hop_chi_bo.ngay`.
    pub ngay_van_ban: String,
    /// The kind abbreviation in its number (`NQ` for "Số 05-NQ/CB"), if it has a number.
    pub ky_hieu: Option<String>,
    /// The path of the number recorded on the person when the document was issued elsewhere
    /// ("125-QĐ/ĐU"); the workspace's register is looked up first.
    pub so_ghi_nhan: Option<String>,
    /// Conditions on the record for the form to apply: path → value (`gioi_thieu_doan_the.loai:
    /// doan` for 4-KNĐ).
    #[serde(default)]
    pub dieu_kien: std::collections::BTreeMap<String, String>,
    /// The codes of the regulation sets it belongs to.
    pub quy_dinh: Vec<String>,
    /// Fields a filled form needs (paths in the person's record; `[]` means every item, and at least one).
    #[serde(default)]
    pub bat_buoc: Vec<String>,
    /// The template file in `templates/`.
    pub mau_in: String,
}

/// Who issues a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cap {
    /// A person (applicant, sponsor, probationary member, mentor).
    CaNhan,
    /// The chi bộ (or its committee, the chi ủy).
    ChiBo,
    /// The đảng ủy bộ phận.
    DangUyBoPhan,
    /// The đảng ủy cơ sở or the committee above that decides.
    DangUy,
    /// The Youth Union or the Trade Union.
    DoanThe,
}

/// The documents of a dossier, in order (domain notes §2.4): the admission dossier and the
/// full-membership dossier (`forms/ho-so.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// `ket-nap` or `chinh-thuc`.
    pub ma: String,
    /// Its title on the cover: "Hồ sơ đề nghị kết nạp đảng viên".
    pub ten: String,
    /// The record path of the date of the branch meeting that considers it (`hop_chi_bo.ngay`).
    pub xet_tai: String,
    /// The documents, in order.
    pub tai_lieu: Vec<DossierItem>,
}

/// One document of a dossier.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DossierItem {
    /// What the checklist calls it.
    pub ten: String,
    /// The form it is printed on, if hoso prints it.
    pub mau: Option<String>,
    /// The record path whose presence says the document exists.
    pub du_lieu: String,
    /// Only in some cases (Youth Union, sub-committee, ...): listed only when the record has it.
    #[serde(default)]
    pub neu_co: bool,
    /// The rule that needs it, dated, before the branch meeting considers the dossier
    /// (`xet_tai`): its absence then is a breach of that rule (R12, R50).
    #[serde(default)]
    pub quy_tac: Option<String>,
}

/// A set of regulations in force from a date: the texts the "Căn cứ ..." lines cite.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RegulationSet {
    /// Short code: `294-QĐ/TW`.
    pub ma: String,
    /// The first day it applies.
    pub hieu_luc_tu: Ngay,
    /// The implementing regulation of the Charter, as cited.
    pub quy_dinh: String,
    /// The Secretariat's guidance, as cited.
    pub huong_dan: String,
    /// The Organisation Commission's professional guidance (the forms), as cited.
    pub nghiep_vu: String,
    /// The short code of the implementing regulation: `294-QĐ/TW`.
    pub qd: String,
    /// The short code of the Secretariat's guidance: `06-HD/TW`.
    pub hd: String,
    /// The short code of the guidance whose forms a document of this set follows (`12-HD/BTCTW`,
    /// `38-HD/BTCTW`): templates choose their layout and wording by it.
    pub nv: String,
}

impl Form {
    /// The date a filled form bears for this record (none until the record has it).
    pub fn document_date(&self, view: &PathView) -> Option<Ngay> {
        view.first_date(&self.ngay_van_ban)
    }

    /// The number recorded on the person for a document issued elsewhere ("125-QĐ/ĐU"), if any.
    pub fn recorded_number(&self, view: &PathView) -> Option<String> {
        view.text(self.so_ghi_nhan.as_deref()?)
    }

    /// What stops this form from being filled from a person's record; none when it can be. The
    /// one definition of "this form can be filled for this person": the dossier's plan holds a
    /// document only when its form [`applies`](Form::applies), the desk offers those forms, and
    /// rendering refuses a form with any of these, each located at its field.
    pub fn unfillable(&self, view: &PathView) -> Vec<Unfillable> {
        let mut out: Vec<Unfillable> = self
            .bat_buoc
            .iter()
            .filter(|path| !view.has(path))
            .map(|path| Unfillable::NeedsField {
                field: path.replace("[]", "[0]"),
            })
            .collect();
        // A condition fails where the record holds what it is about with another value; where it
        // holds nothing of it, the fields the form needs say what is missing.
        for (path, expected) in &self.dieu_kien {
            let found = view.text(path);
            if found.as_deref() != Some(expected.as_str())
                && view.has(path.split('.').next().unwrap_or(path))
            {
                out.push(Unfillable::NotApplicable {
                    field: path.clone(),
                    expected: expected.clone(),
                    found: found.unwrap_or_default(),
                });
            }
        }
        // A form follows the set in force on the document's date, and not every set has every
        // form.
        let date = self.document_date(view);
        if let Some(date) = date
            && let Some(set) = Catalogue::builtin().regulation_on(Some(date))
            && !self.quy_dinh.contains(&set.ma)
        {
            out.push(Unfillable::NotInForce {
                date,
                set: set.ma.clone(),
                field: self.ngay_van_ban.replace("[]", "[0]"),
            });
        }
        out
    }

    /// Whether the form is one of this person's documents: its conditions hold and it is in force
    /// on its date. Fields it needs may still be missing ([`Form::unfillable`] says which).
    pub fn applies(&self, view: &PathView) -> bool {
        self.unfillable(view)
            .iter()
            .all(|u| matches!(u, Unfillable::NeedsField { .. }))
    }
}

/// Why a form cannot be filled from a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfillable {
    /// A field the form needs is missing.
    NeedsField {
        /// Its path (`nguoi_gioi_thieu[0].dang_vien`).
        field: String,
    },
    /// The record holds another case than the form's (a trade-union resolution on the Youth
    /// Union's form).
    NotApplicable {
        /// The condition's path.
        field: String,
        /// The value the form is for.
        expected: String,
        /// The record's value.
        found: String,
    },
    /// The set in force on the document's date does not have the form.
    NotInForce {
        /// The document's date.
        date: Ngay,
        /// The set then in force.
        set: String,
        /// The path of the date.
        field: String,
    },
}

/// All forms and regulation sets.
#[derive(Debug)]
pub struct Catalogue {
    /// Forms, in code order (1-KNĐ, 2-KNĐ, ..., 16-KNĐ).
    pub forms: Vec<Form>,
    /// Regulation sets, oldest first.
    pub regulations: Vec<RegulationSet>,
    /// The dossiers: admission, then full membership.
    pub dossiers: Vec<Dossier>,
}

impl Catalogue {
    /// The built-in catalogue. Its files are checked by the test suite, so a parse failure here
    /// is a bug in the build, not a user error.
    pub fn builtin() -> &'static Catalogue {
        static CATALOGUE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
        CATALOGUE.get_or_init(|| {
            let mut forms = Vec::new();
            let mut regulations = Vec::new();
            let mut dossiers = Vec::new();
            for file in FORMS_DIR.files() {
                let name = file.path().to_string_lossy();
                let text = file.contents_utf8().unwrap_or_default();
                if name == DOSSIERS_FILE {
                    dossiers = crate::model::from_yaml(text)
                        .unwrap_or_else(|e| panic!("built-in {name}: {e}"));
                } else if name == REGULATIONS_FILE {
                    regulations = crate::model::from_yaml(text)
                        .unwrap_or_else(|e| panic!("built-in {name}: {e}"));
                } else if name == RULES_FILE {
                    // The admission rules: read by `rules.rs`.
                } else if name.ends_with(".yaml") {
                    forms.push(
                        crate::model::from_yaml::<Form>(text)
                            .unwrap_or_else(|e| panic!("built-in {name}: {e}")),
                    );
                }
            }
            forms.sort_by_key(|f| form_order(&f.ma));
            regulations.sort_by_key(|r: &RegulationSet| r.hieu_luc_tu);
            Catalogue {
                forms,
                regulations,
                dossiers,
            }
        })
    }

    /// The form with this code. Accepts `6-KNĐ`, `6-KND`, `6-knd` and `6`.
    pub fn form(&self, code: &str) -> Option<&Form> {
        let wanted = fold_code(code);
        self.forms.iter().find(|f| {
            let c = fold_code(&f.ma);
            c == wanted || c.split('-').next() == Some(wanted.as_str())
        })
    }

    /// The closest form code, for "did you mean".
    pub fn suggest(&self, code: &str) -> Option<&str> {
        crate::suggest::closest(code, self.forms.iter().map(|f| f.ma.as_str()))
    }

    /// The dossier with this id (`ket-nap`, `chinh-thuc`).
    pub fn dossier(&self, id: &str) -> Option<&Dossier> {
        self.dossiers.iter().find(|d| d.ma == id)
    }

    /// The regulation set in force on `date`; the newest one when no date is known (blank forms).
    pub fn regulation_on(&self, date: Option<Ngay>) -> Option<&RegulationSet> {
        match date {
            Some(date) => self
                .regulations
                .iter()
                .rev()
                .find(|r| r.hieu_luc_tu <= date),
            None => self.regulations.last(),
        }
    }

    /// The newest regulation set that has `form`: the one a blank form is printed as (3A-KNĐ, of
    /// the sets before 38-HD/BTCTW, as 294-QĐ/TW with 12-HD/BTCTW).
    pub fn newest_set_with(&self, form: &Form) -> Option<&RegulationSet> {
        self.regulations
            .iter()
            .rev()
            .find(|r| form.quy_dinh.contains(&r.ma))
    }
}

/// `6-KNĐ` → `6-knd`: codes compared without case and without the Đ/D difference.
fn fold_code(code: &str) -> String {
    code.trim().to_lowercase().replace('đ', "d")
}

/// Sort key: the number, then the suffix (`4-KNĐ` before `4A-KNĐ` before `5-KNĐ`).
fn form_order(code: &str) -> (u32, String) {
    let digits: String = code.chars().take_while(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(u32::MAX), code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_reads_and_finds_codes_loosely() {
        let c = Catalogue::builtin();
        assert!(c.forms.len() >= 3);
        for code in ["6-KNĐ", "6-KND", "6-knd", "6"] {
            assert_eq!(c.form(code).map(|f| f.ma.as_str()), Some("6-KNĐ"), "{code}");
        }
        assert!(c.form("61-KNĐ").is_none());
    }

    #[test]
    fn the_set_in_force_depends_on_the_date() {
        let c = Catalogue::builtin();
        let on = |d: &str| c.regulation_on(Ngay::parse(d)).map(|r| r.ma.as_str());
        assert_eq!(on("15/03/2023"), Some("24-QĐ/TW"));
        assert_eq!(on("15/03/2025"), Some("232-QĐ/TW"));
        assert_eq!(on("01/07/2025"), Some("294-QĐ/TW"));
        assert_eq!(on("28/09/2025"), Some("294-QĐ/TW"));
        assert_eq!(on("29/09/2025"), Some("38-HD/BTCTW"));
        assert_eq!(
            c.regulation_on(None).map(|r| r.ma.as_str()),
            Some("38-HD/BTCTW")
        );
        let guidance = |d: &str| c.regulation_on(Ngay::parse(d)).map(|r| r.nv.as_str());
        assert_eq!(guidance("15/08/2025"), Some("12-HD/BTCTW"));
        assert_eq!(guidance("10/10/2025"), Some("38-HD/BTCTW"));
        assert!(
            c.regulation_on(Ngay::parse("15/08/2025"))
                .is_some_and(|r| r.nghiep_vu.contains("12-HD/BTCTW"))
        );
        // A blank form prints as the newest set that has it.
        let newest = |code: &str| {
            c.newest_set_with(c.form(code).unwrap())
                .map(|r| r.ma.as_str())
        };
        assert_eq!(newest("3A-KNĐ"), Some("294-QĐ/TW"));
        assert_eq!(newest("3-KNĐ"), Some("38-HD/BTCTW"));
    }
}
