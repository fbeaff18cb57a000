/*!
The form catalogue and the regulation sets, as data.

Each official form is a YAML file in `forms/` (code, title, issuer, signer, subject, the fields a
filled form needs, its template); `forms/quy-dinh.yaml` lists the regulation sets with the date they
took effect. Both are embedded in the binary, so adding or correcting a form needs no Rust change.
*/

use crate::model::Ngay;
use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};

static FORMS_DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/forms");

/// The file of regulation sets inside `forms/`.
const REGULATIONS_FILE: &str = "quy-dinh.yaml";

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
    /// Whom it is about: `nguoi-vao-dang`, `dang-vien-du-bi`.
    pub ve: String,
    /// Written by the person in their own hand (1-KNĐ, 2-KNĐ): a filled one is only a draft.
    #[serde(default)]
    pub tu_viet: bool,
    /// The path of the date the document bears, e.g. `hop_chi_bo.ngay`.
    pub ngay_van_ban: String,
    /// The kind abbreviation in its number (`NQ` for "Số 05-NQ/CB"), if it has a number.
    pub ky_hieu: Option<String>,
    /// The codes of the regulation sets it belongs to.
    pub quy_dinh: Vec<String>,
    /// Fields a filled form needs (paths in the person's record; `[]` means every item, and at least one).
    #[serde(default)]
    pub bat_buoc: Vec<String>,
    /// The template file in `templates/`.
    pub mau_in: String,
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
}

/// All forms and regulation sets.
#[derive(Debug)]
pub struct Catalogue {
    /// Forms, in code order (1-KNĐ, 2-KNĐ, ..., 16-KNĐ).
    pub forms: Vec<Form>,
    /// Regulation sets, oldest first.
    pub regulations: Vec<RegulationSet>,
}

impl Catalogue {
    /// The built-in catalogue. Its files are checked by the test suite, so a parse failure here
    /// is a bug in the build, not a user error.
    pub fn builtin() -> &'static Catalogue {
        static CATALOGUE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
        CATALOGUE.get_or_init(|| {
            let mut forms = Vec::new();
            let mut regulations = Vec::new();
            for file in FORMS_DIR.files() {
                let name = file.path().to_string_lossy();
                let text = file.contents_utf8().unwrap_or_default();
                if name == REGULATIONS_FILE {
                    regulations = serde_yaml_ng::from_str(text)
                        .unwrap_or_else(|e| panic!("built-in {name}: {e}"));
                } else if name.ends_with(".yaml") {
                    forms.push(
                        serde_yaml_ng::from_str::<Form>(text)
                            .unwrap_or_else(|e| panic!("built-in {name}: {e}")),
                    );
                }
            }
            forms.sort_by_key(|f| form_order(&f.ma));
            regulations.sort_by_key(|r: &RegulationSet| r.hieu_luc_tu);
            Catalogue { forms, regulations }
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
        assert_eq!(
            c.regulation_on(None).map(|r| r.ma.as_str()),
            Some("294-QĐ/TW")
        );
    }
}
