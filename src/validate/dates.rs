//! Basic date order of the events that are not documents of the dossier's sequence: the admission
//! before full membership of a member recorded without the process, each sponsor's time together
//! and assignment before the letter, and nothing before birth. The documents' order is
//! [`super::order`]'s, declared in the rule book.
//!
//! Each chain lists events that must not go backwards; missing events are skipped, so that
//! `a ≤ c` is still checked when `b` between them is not recorded yet.

use crate::diag::{Diagnostic, Problem};
use crate::model::{Ngay, Record};

/// Date-order problems of one person: the events of a record that are not documents of the
/// dossier's sequence (that is [`super::order`]), and nothing before the person's birth (the
/// documents' dates, [`super::order::recorded`], among them).
pub fn person(record: &Record, documents: &super::order::Recorded) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let meeting = n.hop_chi_bo.as_ref().and_then(|h| h.ngay);
    let mut chains: Vec<Vec<(String, Option<Ngay>)>> = vec![vec![
        ("ngay_vao_dang".into(), n.ngay_vao_dang),
        ("ngay_chinh_thuc".into(), n.ngay_chinh_thuc),
    ]];
    // Each sponsor: together since, assigned, then the letter; the letter is before the meeting
    // by the sequence, so the assignment is compared with the meeting only without a letter.
    for (i, s) in n.nguoi_gioi_thieu.iter().enumerate() {
        chains.push(vec![
            (
                format!("nguoi_gioi_thieu[{i}].cung_cong_tac_tu"),
                s.cung_cong_tac_tu,
            ),
            (format!("nguoi_gioi_thieu[{i}].ngay_viet"), s.ngay_viet),
        ]);
        let mut chain = vec![(
            format!("nguoi_gioi_thieu[{i}].ngay_phan_cong"),
            s.ngay_phan_cong,
        )];
        match s.ngay_viet {
            Some(_) => chain.push((format!("nguoi_gioi_thieu[{i}].ngay_viet"), s.ngay_viet)),
            None => chain.push(("hop_chi_bo.ngay".into(), meeting)),
        }
        chains.push(chain);
    }
    let documents: Vec<(String, Option<Ngay>)> = documents
        .iter()
        .flatten()
        .map(|(p, d)| (p.clone(), Some(*d)))
        .collect();
    // Nothing happens before the person is born.
    if let Some(birth) = n.ngay_sinh {
        let events: Vec<(String, Option<Ngay>)> = documents
            .iter()
            .chain(chains.iter().flatten())
            .cloned()
            .collect();
        let mut seen = Vec::new();
        for (path, date) in events {
            if date.is_some() && !seen.contains(&path) {
                chains.push(vec![
                    ("ngay_sinh".into(), Some(birth)),
                    (path.clone(), date),
                ]);
                seen.push(path);
            }
        }
    }

    let mut diagnostics = Vec::new();
    let mut reported: Vec<(String, String)> = Vec::new();
    for chain in chains {
        let present: Vec<(String, Ngay)> = chain
            .into_iter()
            .filter_map(|(p, d)| d.map(|d| (p, d)))
            .collect();
        for pair in present.windows(2) {
            let ((earlier, a), (later, b)) = (&pair[0], &pair[1]);
            if b < a && !reported.contains(&(earlier.clone(), later.clone())) {
                reported.push((earlier.clone(), later.clone()));
                let problem = Problem::DateOrder {
                    earlier: earlier.clone(),
                    earlier_date: a.short(),
                    later: later.clone(),
                    later_date: b.short(),
                };
                diagnostics.push(Diagnostic::error(problem, Some(record.spans.locate(later))));
            }
        }
    }
    diagnostics
}
