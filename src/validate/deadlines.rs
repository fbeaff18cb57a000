//! Time limits in working days (R31–R34) and probation (R36–R38), checked between the events the
//! record holds: a time limit still running is `hoso due`'s business, not an error of the record.

use super::Ctx;
use crate::diag::{Diagnostic, Problem};
use crate::facts;
use crate::model::Record;
use crate::time_limits::{Event, LIMITS, Length, Limit};

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

/// The deadline and probation problems of one person, in the order of the table of time limits.
pub fn person(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let mut d = extensions_without_reason(record);
    for limit in &LIMITS {
        match limit.length {
            Length::WorkingDays(_) | Length::Decision(_) => d.extend(late(ctx, record, limit)),
            Length::Probation => d.extend(probation_not_over(ctx, record, limit)),
            // How long a paper is valid is checked on the day of the branch meeting, with the
            // other conditions of that day (`eligibility`).
            Length::Months(_) => {}
        }
    }
    // R37: full membership dates from the end of the probation, even when decided late.
    if let Some(end) = Event::ProbationEnd.day(n, ctx.rules)
        && let Some(recorded) = n.ngay_chinh_thuc
        && recorded != end.day
    {
        let set = ctx.rules.on(end.day);
        d.push(Diagnostic {
            problem: Problem::FullMembershipDate {
                recorded: recorded.short(),
                expected: end.day.short(),
                cite: set.cite("R37"),
            },
            severity: set.severity("R37"),
            location: Some(record.spans.locate("ngay_chinh_thuc")),
        });
    }
    d
}

/// The diagnostic of a time limit missed between two recorded events, if it was.
fn late(ctx: &Ctx, record: &Record, limit: &Limit) -> Option<Diagnostic> {
    let n = &record.nguoi;
    if (limit.waived)(n) {
        return None;
    }
    let from = limit.from.day(n, ctx.rules)?;
    let to = limit.to.day(n, ctx.rules)?;
    let ends = limit.last_day(n, ctx.rules, ctx.calendar, from.day, Some(to.day));
    (to.day > ends.last).then(|| Diagnostic {
        problem: Problem::DeadlineMissed {
            kind: limit.kind,
            from_field: from.label(),
            from_date: from.day.short(),
            to_field: to.field.to_string(),
            to_date: to.day.short(),
            limit: ends.last.short(),
            allowed: ends.allowed,
            taken: ctx.calendar.working_days_between(from.day, to.day),
            cite: ends.set.cite(limit.rule),
        },
        severity: ends.set.severity(limit.rule),
        location: Some(record.spans.locate(to.field)),
    })
}

/// R36: the self-review and the branch's review are dated after probation ends.
fn probation_not_over(ctx: &Ctx, record: &Record, limit: &Limit) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let Some(ceremony) = limit.from.day(n, ctx.rules) else {
        return Vec::new();
    };
    let ends = limit.last_day(n, ctx.rules, ctx.calendar, ceremony.day, None);
    let self_review = n
        .tu_kiem_diem
        .as_ref()
        .and_then(|t| t.ngay)
        .map(|day| ("tu_kiem_diem.ngay", day));
    let review = limit.to.day(n, ctx.rules).map(|t| (t.field, t.day));
    [self_review, review]
        .into_iter()
        .flatten()
        .filter(|&(_, date)| date < ends.last)
        .map(|(field, date)| Diagnostic {
            problem: Problem::ProbationNotOver {
                field: field.to_string(),
                date: date.short(),
                end: ends.last.short(),
                cite: ends.set.cite(limit.rule),
            },
            severity: ends.set.severity(limit.rule),
            location: Some(record.spans.locate(field)),
        })
        .collect()
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
    let months = i64::from(set.params.r36.thang_du_bi);
    if full >= facts::probation_end(ctx.rules, admitted) {
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
