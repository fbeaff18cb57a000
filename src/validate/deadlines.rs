//! Time limits in working days (R31–R34) and probation (R36–R38), checked between the events the
//! record holds: a time limit still running is `hoso due`'s business, not an error of the record.

use super::Ctx;
use crate::calendar::add_months;
use crate::diag::{Deadline, Diagnostic, Problem};
use crate::facts::{self, DecisionKind};
use crate::model::{Ngay, Record};

/// Where a time limit's working days come from.
#[derive(Clone, Copy)]
enum Days {
    /// A parameter of the rule in the set in force.
    Param(&'static str),
    /// R31, with the extension recorded on the decision ([`facts::decision_days`]).
    Decision(DecisionKind),
}

/// An extension of R31 counts only with its reason: one recorded without it is pointed out.
fn extensions_without_reason(record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    [
        ("quyet_dinh_ket_nap", n.quyet_dinh_ket_nap.as_ref()),
        ("cong_nhan_chinh_thuc", n.cong_nhan_chinh_thuc.as_ref()),
    ]
    .into_iter()
    .filter_map(|(field, q)| {
        let g = q?.gia_han.as_ref()?;
        if g.ly_do.as_deref().is_some_and(|r| !r.trim().is_empty()) {
            return None;
        }
        let path = format!("{field}.gia_han.ly_do");
        Some(Diagnostic::error(
            crate::model::missing_problem(crate::model::keys::FileKind::Nguoi, &path),
            Some(record.spans.locate(&format!("{field}.gia_han"))),
        ))
    })
    .collect()
}

/// The deadline and probation problems of one person.
pub fn person(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let mut d = extensions_without_reason(record);
    let decision = n.quyet_dinh_ket_nap.as_ref();
    let ceremony = n.le_ket_nap.as_ref().and_then(|l| l.ngay);
    let received = decision.and_then(|q| q.ngay_nhan.map(|r| ("quyet_dinh_ket_nap.ngay_nhan", r)));
    let received = received.or_else(|| {
        decision
            .and_then(|q| q.ngay)
            .map(|r| ("quyet_dinh_ket_nap.ngay", r))
    });
    // The diagnostic of a time limit missed between two recorded events, if it was.
    let late = |kind: Deadline,
                rule: &str,
                allowed: Days,
                from: (&str, Ngay),
                to: (&str, Option<Ngay>)|
     -> Option<Diagnostic> {
        let (Some(to_date), (from_field, from_date)) = (to.1, from) else {
            return None;
        };
        let set = ctx.rules.on(from_date);
        let allowed = match allowed {
            Days::Param(param) => set.int(rule, param),
            Days::Decision(kind) => facts::decision_days(n, &ctx.rules, kind, from_date),
        };
        let limit = ctx
            .calendar
            .add_working_days(from_date, u32::try_from(allowed).unwrap_or(0));
        (to_date > limit).then(|| Diagnostic {
            problem: Problem::DeadlineMissed {
                kind,
                from_field: from_field.to_string(),
                from_date: from_date.short(),
                to_field: to.0.to_string(),
                to_date: to_date.short(),
                limit: limit.short(),
                allowed,
                taken: ctx.calendar.working_days_between(from_date, to_date),
                cite: set.cite(rule),
            },
            severity: set.severity(rule),
            location: Some(record.spans.locate(to.0)),
        })
    };
    // R31: the decision from above, counted from the branch's resolution.
    if let Some(meeting) = n.hop_chi_bo.as_ref().and_then(|h| h.ngay) {
        d.extend(late(
            Deadline::Decision,
            "R31",
            Days::Decision(DecisionKind::Admission),
            ("hop_chi_bo.ngay", meeting),
            ("quyet_dinh_ket_nap.ngay", decision.and_then(|q| q.ngay)),
        ));
    }
    if let Some(meeting) = n.hop_xet_chinh_thuc.as_ref().and_then(|h| h.ngay) {
        d.extend(late(
            Deadline::RecognitionDecision,
            "R31",
            Days::Decision(DecisionKind::Recognition),
            ("hop_xet_chinh_thuc.ngay", meeting),
            (
                "cong_nhan_chinh_thuc.ngay",
                n.cong_nhan_chinh_thuc.as_ref().and_then(|q| q.ngay),
            ),
        ));
    }
    // R32: the ceremony, from receipt of the decision, unless the committee above agreed.
    let consented = n
        .le_ket_nap
        .as_ref()
        .is_some_and(|l| l.dong_y_cap_tren.is_some());
    if let Some(from) = received
        && !consented
    {
        d.extend(late(
            Deadline::Ceremony,
            "R32",
            Days::Param("ngay_lam_viec"),
            from,
            ("le_ket_nap.ngay", ceremony),
        ));
    }
    let Some(ceremony) = ceremony else {
        return d;
    };
    // R34: the member's personal history, from the ceremony.
    d.extend(late(
        Deadline::MemberHistory,
        "R34",
        Days::Param("ngay_lam_viec"),
        ("le_ket_nap.ngay", ceremony),
        (
            "ly_lich_dang_vien.ngay",
            n.ly_lich_dang_vien.as_ref().and_then(|l| l.ngay),
        ),
    ));
    // R36: probation of 12 months from the ceremony; what follows it is dated after.
    let set = ctx.rules.on(ceremony);
    let end = crate::facts::probation_end(&ctx.rules, ceremony);
    let after: [(&str, Option<Ngay>); 2] = [
        (
            "tu_kiem_diem.ngay",
            n.tu_kiem_diem.as_ref().and_then(|t| t.ngay),
        ),
        (
            "hop_xet_chinh_thuc.ngay",
            n.hop_xet_chinh_thuc.as_ref().and_then(|h| h.ngay),
        ),
    ];
    for (field, date) in after {
        if let Some(date) = date
            && date < end
        {
            d.push(Diagnostic {
                problem: Problem::ProbationNotOver {
                    field: field.to_string(),
                    date: date.short(),
                    end: end.short(),
                    cite: set.cite("R36"),
                },
                severity: set.severity("R36"),
                location: Some(record.spans.locate(field)),
            });
        }
    }
    // R33: the branch considers full membership within its working days after the end.
    if let Some(review) = n.hop_xet_chinh_thuc.as_ref().and_then(|h| h.ngay)
        && review >= end
    {
        d.extend(late(
            Deadline::Review,
            "R33",
            Days::Param("ngay_lam_viec"),
            ("le_ket_nap.ngay + 12", end),
            ("hop_xet_chinh_thuc.ngay", Some(review)),
        ));
    }
    // R37: full membership dates from the end of the probation, even when decided late.
    if let Some(recorded) = n.ngay_chinh_thuc
        && recorded != end
    {
        let set = ctx.rules.on(end);
        d.push(Diagnostic {
            problem: Problem::FullMembershipDate {
                recorded: recorded.short(),
                expected: end.short(),
                cite: set.cite("R37"),
            },
            severity: set.severity("R37"),
            location: Some(record.spans.locate("ngay_chinh_thuc")),
        });
    }
    d
}

/// R36 for members recorded without their ceremony: full membership at least 12 months after
/// admission (the ceremony follows the decision).
pub fn recorded_member(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    if n.le_ket_nap.as_ref().and_then(|l| l.ngay).is_some() {
        return Vec::new();
    }
    let (Some(admitted), Some(full)) = (n.ngay_ket_nap(), n.ngay_chinh_thuc) else {
        return Vec::new();
    };
    let set = ctx.rules.on(admitted);
    let months = set.int("R36", "thang_du_bi");
    if full >= add_months(admitted, months) {
        return Vec::new();
    }
    vec![Diagnostic {
        problem: Problem::ProbationTooShort {
            admitted: admitted.short(),
            full: full.short(),
            months,
            cite: set.cite("R36"),
        },
        severity: set.severity("R36"),
        location: Some(record.spans.locate("ngay_chinh_thuc")),
    }]
}
