//! Re-admission (R40, R41): long enough after leaving, not after a way of leaving that bars it,
//! and with the provincial standing committee's written consent before the decision.

use super::Ctx;
use crate::calendar::add_months;
use crate::diag::{Diagnostic, Problem};
use crate::model::{HinhThucRaKhoiDang, Record};

/// The re-admission problems of one person.
pub fn person(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let Some(k) = &n.ket_nap_lai else {
        return Vec::new();
    };
    let mut d = Vec::new();
    let meeting = n.hop_chi_bo.as_ref().and_then(|h| h.ngay);
    let set = ctx.rules.on_or_latest(meeting.or(k.ngay_ra_khoi_dang));
    let at = |path: &str| Some(record.spans.locate(path));
    match k.hinh_thuc {
        None => d.push(Diagnostic::warning(
            Problem::ReadmissionReasonUnclassified {
                cite: set.cite("R41"),
            },
            at("ket_nap_lai"),
        )),
        Some(how) => {
            if set.params.r41.khong_ket_nap_lai.contains(&how) {
                d.push(Diagnostic {
                    problem: Problem::ReadmissionNotAllowed {
                        reason: how.id().to_string(),
                        cite: set.cite("R41"),
                    },
                    severity: set.severity("R41"),
                    location: at("ket_nap_lai.hinh_thuc"),
                });
            }
        }
    }
    if let Some(meeting) = meeting {
        let convicted = k.hinh_thuc == Some(HinhThucRaKhoiDang::KetAnItNghiemTrong);
        let cleared = k.ngay_xoa_an_tich.filter(|_| convicted);
        // After a conviction the months run from its clearance: without that day, the rule
        // cannot be confirmed (the months from leaving are still checked below).
        if convicted && cleared.is_none() {
            d.push(super::fact_missing(
                set,
                "R40",
                record,
                "ket_nap_lai.ngay_xoa_an_tich",
                "ket_nap_lai.hinh_thuc",
            ));
        }
        let (since_field, since, months) = match cleared {
            Some(c) => (
                "ket_nap_lai.ngay_xoa_an_tich",
                Some(c),
                i64::from(set.params.r40.thang_sau_xoa_an_tich),
            ),
            None => (
                "ket_nap_lai.ngay_ra_khoi_dang",
                k.ngay_ra_khoi_dang,
                i64::from(set.params.r40.thang_cho),
            ),
        };
        if since.is_none() {
            d.push(super::fact_missing(
                set,
                "R40",
                record,
                since_field,
                "ket_nap_lai",
            ));
        }
        if let Some(since) = since
            && add_months(since, months) > meeting
        {
            d.push(Diagnostic {
                problem: Problem::ReadmissionTooSoon {
                    since_field: since_field.to_string(),
                    since: since.short(),
                    meeting: meeting.short(),
                    months,
                    cite: set.cite("R40"),
                },
                severity: set.severity("R40"),
                location: at(since_field),
            });
        }
    }
    // The consent comes before the competent committee decides.
    let decided = n.quyet_dinh_ket_nap.as_ref().and_then(|q| q.ngay);
    if let (Some(consent), Some(decided)) = (k.dong_y.as_ref().and_then(|c| c.ngay), decided)
        && consent > decided
    {
        d.push(Diagnostic {
            problem: Problem::DocumentOrder {
                earlier: "quyet_dinh_ket_nap.ngay".into(),
                earlier_date: decided.short(),
                later: "ket_nap_lai.dong_y.ngay".into(),
                later_date: consent.short(),
                cite: set.cite("R40"),
            },
            severity: set.severity("R40"),
            location: at("ket_nap_lai.dong_y.ngay"),
        });
    }
    if n.quyet_dinh_ket_nap.is_some() && k.dong_y.is_none() {
        d.push(Diagnostic {
            problem: Problem::ReadmissionNeedsConsent {
                cite: set.cite("R40"),
            },
            severity: set.severity("R40"),
            location: at("ket_nap_lai"),
        });
    }
    d
}
