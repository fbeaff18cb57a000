//! The order of the documents of a dossier (R8), declared once in the rule book (`trinh_tu` in
//! `forms/quy-tac.yaml`): each step names where its dates stand in a record and the steps it
//! comes after. What follows what is the closure of those `sau` lists, so that a step is compared
//! with every step before it, even when the steps between them are not recorded.

use serde::Deserialize;

/// A step as the rule book writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StepDef {
    ma: String,
    ngay: Vec<String>,
    #[serde(default)]
    sau: Vec<String>,
}

/// One document or event of the dossier, in its place.
#[derive(Debug, Clone)]
pub struct Step {
    /// Its key: the form code (`6-KNĐ`) or a name (`le-ket-nap`).
    pub ma: String,
    /// The record paths of its dates (`hop_chi_bo.ngay`, `nguoi_gioi_thieu[].ngay_viet`).
    pub ngay: Vec<String>,
    /// The steps it comes after, directly or through others (indices into the sequence).
    after: Vec<usize>,
}

/// The order of the documents of a dossier.
#[derive(Debug, Clone, Default)]
pub struct Sequence {
    /// The steps, as declared.
    pub steps: Vec<Step>,
}

impl Sequence {
    /// The sequence of the rule book, with what follows what worked out; an unknown step in a
    /// `sau` list or a loop is an error of the rule book.
    pub(super) fn new(defs: Vec<StepDef>) -> Result<Sequence, String> {
        let index = |key: &str| defs.iter().position(|d| d.ma == key);
        let mut direct: Vec<Vec<usize>> = Vec::with_capacity(defs.len());
        for d in &defs {
            let mut before = Vec::new();
            for key in &d.sau {
                before.push(
                    index(key).ok_or_else(|| {
                        format!("trinh_tu: `{}` comes after unknown `{key}`", d.ma)
                    })?,
                );
            }
            direct.push(before);
        }
        let mut steps = Vec::with_capacity(defs.len());
        for (i, d) in defs.iter().enumerate() {
            // Every step reachable backwards through `sau`.
            let mut after: Vec<usize> = Vec::new();
            let mut todo = direct[i].clone();
            while let Some(j) = todo.pop() {
                if j == i {
                    return Err(format!("trinh_tu: `{}` comes after itself", d.ma));
                }
                if !after.contains(&j) {
                    after.push(j);
                    todo.extend(&direct[j]);
                }
            }
            after.sort_unstable();
            steps.push(Step {
                ma: d.ma.clone(),
                ngay: d.ngay.clone(),
                after,
            });
        }
        Ok(Sequence { steps })
    }

    /// The pairs (earlier, later) of steps one of which comes after the other, as indices into
    /// `steps`.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.steps
            .iter()
            .enumerate()
            .flat_map(|(l, later)| later.after.iter().map(move |&e| (e, l)))
    }

    /// The step with this key.
    pub fn step(&self, key: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.ma == key)
    }

    /// Whether the step `later` comes after the step `earlier`.
    pub fn follows(&self, later: &str, earlier: &str) -> bool {
        let (Some(l), Some(e)) = (
            self.steps.iter().position(|s| s.ma == later),
            self.steps.iter().position(|s| s.ma == earlier),
        ) else {
            return false;
        };
        self.steps[l].after.contains(&e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(ma: &str, sau: &[&str]) -> StepDef {
        StepDef {
            ma: ma.into(),
            ngay: vec![format!("{ma}.ngay")],
            sau: sau.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn what_follows_what_is_the_closure_of_the_declared_order() {
        let s = Sequence::new(vec![def("a", &[]), def("b", &["a"]), def("c", &["b"])]).unwrap();
        assert!(s.follows("c", "a"));
        assert!(!s.follows("a", "c"));
        assert_eq!(s.pairs().count(), 3);
        assert!(Sequence::new(vec![def("a", &["b"]), def("b", &["a"])]).is_err());
        assert!(Sequence::new(vec![def("a", &["x"])]).is_err());
    }

    /// The order the 2025 texts give (06-HD/TW §3.6.a): what the branch considers comes before
    /// its meeting, the committee's resolution after it, the decision after both.
    #[test]
    fn the_rule_books_order_puts_the_meeting_between_its_papers_and_the_decision() {
        let s = &crate::rules::RuleBook::builtin().trinh_tu;
        for paper in ["1-KNĐ", "3-KNĐ", "4-KNĐ", "5-KNĐ", "chung-nhan-ly-lich"] {
            assert!(s.follows("6-KNĐ", paper), "{paper}");
            assert!(s.follows("9-KNĐ", paper), "{paper}");
        }
        assert!(s.follows("8-KNĐ", "6-KNĐ"));
        assert!(s.follows("9-KNĐ", "8-KNĐ"));
        assert!(s.follows("16-KNĐ", "13-KNĐ"));
        assert!(!s.follows("1-KNĐ", "giay-chung-nhan"));
        assert_eq!(
            s.step("3-KNĐ").map(|x| x.ngay.clone()),
            Some(vec!["nguoi_gioi_thieu[].ngay_viet".to_string()])
        );
    }

    /// Every dated part of a document of the sequence is in the order too: the date of each
    /// union's comments and of the residence comments in a summary, of the comments on a lý
    /// lịch, of its verification. A document whose parts were left out would pass with a part
    /// dated after the meeting that considered it. Dates that are not a document's are listed.
    #[test]
    fn every_dated_part_of_a_document_of_the_order_is_in_the_order() {
        use crate::model::keys::{FileKind, KEYS};
        let s = &crate::rules::RuleBook::builtin().trinh_tu;
        let in_order: Vec<&str> = s
            .steps
            .iter()
            .flat_map(|x| &x.ngay)
            .map(String::as_str)
            .collect();
        let documents: Vec<&str> = in_order
            .iter()
            .map(|p| p.split(['.', '[']).next().unwrap_or(p))
            .collect();
        // Not the date of a document the branch considers, or checked by a rule of its own.
        let not_documents = [
            "ly_lich.ngay_vao_doan",
            "nguoi_gioi_thieu[].ngay_phan_cong",
            "quyet_dinh_ket_nap.gia_han.so_ngay",
            "cong_nhan_chinh_thuc.gia_han.so_ngay",
            "cong_nhan_chinh_thuc.ngay_nhan",
            "le_ket_nap.dong_y_cap_tren.ngay",
        ];
        let dated = KEYS.iter().filter(|k| {
            let last = k.path.rsplit('.').next().unwrap_or(k.path);
            k.file == FileKind::Nguoi
                && k.path.contains('.')
                && (last == "ngay" || last.starts_with("ngay_"))
        });
        for key in dated {
            let document = key.path.split(['.', '[']).next().unwrap_or(key.path);
            if !documents.contains(&document) || not_documents.contains(&key.path) {
                continue;
            }
            assert!(
                in_order.contains(&key.path),
                "`{}` is a dated part of a document of the order (`trinh_tu`) but not a step of it",
                key.path
            );
        }
    }
}
