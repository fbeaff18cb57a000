//! Votes (R25–R29): at least two thirds of the full members convened, the denominator as the set
//! in force says, a branch of at least three full members, two thirds of the whole committee.
//! Exactly two thirds passes; the comparison is done in whole numbers (`3 × yes ≥ 2 × members`).

use super::Ctx;
use crate::diag::{Diagnostic, Problem};
use crate::model::{HopChiBo, NghiQuyetDangUy, Record};
use crate::rules::{Params, Ratio};

/// The vote problems of one person's meetings.
pub fn person(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let mut d = Vec::new();
    type Share = fn(&Params) -> Ratio;
    let meetings: [(&str, &str, Share, Option<&HopChiBo>); 2] = [
        ("hop_chi_bo", "R25", |p| p.r25.ty_le, n.hop_chi_bo.as_ref()),
        (
            "hop_xet_chinh_thuc",
            "R29",
            |p| p.r29.ty_le,
            n.hop_xet_chinh_thuc.as_ref(),
        ),
    ];
    for (field, rule, share, meeting) in meetings {
        let Some(h) = meeting else { continue };
        let set = ctx.rules.on_or_latest(h.ngay);
        // The admission meeting's figures are required fields (`required`); the review's are
        // the facts R29 turns on.
        let judged = field == "hop_xet_chinh_thuc";
        let Some(all) = h.dang_vien else {
            if judged {
                let at = format!("{field}.dang_vien");
                d.push(super::fact_missing(set, rule, record, &at, field));
            }
            continue;
        };
        let min = i64::from(set.params.r27.chinh_thuc_toi_thieu);
        if i64::from(all.chinh_thuc) < min {
            let path = format!("{field}.dang_vien.chinh_thuc");
            d.push(Diagnostic {
                problem: Problem::BranchTooSmall {
                    field: field.to_string(),
                    official: all.chinh_thuc,
                    min,
                    cite: set.cite("R27"),
                },
                severity: set.severity("R27"),
                location: Some(record.spans.locate(&path)),
            });
        }
        let Some(yes) = h.tan_thanh else {
            if judged {
                let at = format!("{field}.tan_thanh");
                d.push(super::fact_missing(set, rule, record, &at, field));
            }
            continue;
        };
        // R26: members not convened leave the denominator; absentees for other reasons count.
        let denominator = if set.params.r26.tru_khong_trieu_tap.0 {
            all.chinh_thuc.saturating_sub(h.khong_trieu_tap)
        } else {
            all.chinh_thuc
        };
        let Ratio { a, b } = share(&set.params);
        if u64::from(yes) * b < a * u64::from(denominator) {
            let path = format!("{field}.tan_thanh");
            d.push(Diagnostic {
                problem: Problem::VoteBelowThreshold {
                    field: field.to_string(),
                    yes,
                    denominator,
                    ratio: format!("{a}/{b}"),
                    cite: set.cite(rule),
                },
                severity: set.severity(rule),
                location: Some(record.spans.locate(&path)),
            });
        }
    }
    let committees: [(&str, Option<&NghiQuyetDangUy>); 2] = [
        ("nghi_quyet_dang_uy", n.nghi_quyet_dang_uy.as_ref()),
        (
            "nghi_quyet_dang_uy_chinh_thuc",
            n.nghi_quyet_dang_uy_chinh_thuc.as_ref(),
        ),
    ];
    for (field, resolution) in committees {
        let Some(q) = resolution else { continue };
        let set = ctx.rules.on_or_latest(q.ngay);
        let (Some(members), Some(yes)) = (q.uy_vien, q.tan_thanh) else {
            let absent = if q.uy_vien.is_none() {
                "uy_vien"
            } else {
                "tan_thanh"
            };
            let at = format!("{field}.{absent}");
            d.push(super::fact_missing(set, "R28", record, &at, field));
            continue;
        };
        let Ratio { a, b } = set.params.r28.ty_le;
        if u64::from(yes) * b < a * u64::from(members) {
            let path = format!("{field}.tan_thanh");
            d.push(Diagnostic {
                problem: Problem::CommitteeVoteBelowThreshold {
                    field: field.to_string(),
                    yes,
                    members,
                    ratio: format!("{a}/{b}"),
                    cite: set.cite("R28"),
                },
                severity: set.severity("R28"),
                location: Some(record.spans.locate(&path)),
            });
        }
    }
    d
}
