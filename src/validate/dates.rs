//! Basic date order: the events of the process happen one after another (06-HD/TW §3).
//!
//! Each chain lists events that must not go backwards; missing events are skipped, so that
//! `a ≤ c` is still checked when `b` between them is not recorded yet.

use crate::diag::{Diagnostic, Problem};
use crate::model::{Ngay, Record};

/// Date-order problems of one person.
pub fn person(record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let meeting = n.hop_chi_bo.as_ref().and_then(|h| h.ngay);
    let decision = n.quyet_dinh_ket_nap.as_ref();
    let ceremony = n.le_ket_nap.as_ref().and_then(|l| l.ngay);
    let mut chains: Vec<Vec<(String, Option<Ngay>)>> = vec![
        vec![
            (
                "giay_chung_nhan.ngay".into(),
                n.giay_chung_nhan.as_ref().and_then(|g| g.ngay),
            ),
            ("hop_chi_bo.ngay".into(), meeting),
        ],
        vec![
            (
                "don_xin_vao_dang.ngay".into(),
                n.don_xin_vao_dang.as_ref().and_then(|d| d.ngay),
            ),
            ("hop_chi_bo.ngay".into(), meeting),
            (
                "quyet_dinh_ket_nap.ngay".into(),
                decision.and_then(|q| q.ngay),
            ),
            (
                "quyet_dinh_ket_nap.ngay_nhan".into(),
                decision.and_then(|q| q.ngay_nhan),
            ),
            ("le_ket_nap.ngay".into(), ceremony),
            (
                "cong_nhan_chinh_thuc.ngay".into(),
                n.cong_nhan_chinh_thuc.as_ref().and_then(|q| q.ngay),
            ),
        ],
        vec![
            (
                "quyet_dinh_ket_nap.ngay".into(),
                decision.and_then(|q| q.ngay),
            ),
            ("le_ket_nap.ngay".into(), ceremony),
        ],
        vec![
            ("ngay_vao_dang".into(), n.ngay_vao_dang),
            ("ngay_chinh_thuc".into(), n.ngay_chinh_thuc),
        ],
    ];
    for (i, s) in n.nguoi_gioi_thieu.iter().enumerate() {
        chains.push(vec![
            (
                format!("nguoi_gioi_thieu[{i}].cung_cong_tac_tu"),
                s.cung_cong_tac_tu,
            ),
            (format!("nguoi_gioi_thieu[{i}].ngay_viet"), s.ngay_viet),
        ]);
        chains.push(vec![
            (
                format!("nguoi_gioi_thieu[{i}].ngay_phan_cong"),
                s.ngay_phan_cong,
            ),
            (format!("nguoi_gioi_thieu[{i}].ngay_viet"), s.ngay_viet),
            ("hop_chi_bo.ngay".into(), meeting),
        ]);
    }
    // Nothing happens before the person is born.
    if let Some(birth) = n.ngay_sinh {
        let events: Vec<(String, Option<Ngay>)> = chains.iter().flatten().cloned().collect();
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
