//! Sponsors (R20–R22): who introduces (by age and unions) and how many, each a full member on the
//! date of the letter and on the day the branch decides, each at least 12 months together with
//! the applicant unless assigned by the branch as a replacement. And the member who helps the new
//! member through probation (R23), a full member at the ceremony and when reporting on them.
//! "A full member on that day" is [`crate::facts::not_full_on`], asked on every day a role is
//! exercised: one who left the Party before it is not one, and the message says when they left.

use super::Ctx;
use crate::calendar::{add_months, whole_months};
use crate::diag::{Diagnostic, Introducer, NotFull, Occasion, Problem};
use crate::facts::{Membership, NotFullOn, membership_on, not_full_on};
use crate::model::{DoanThe, Ngay, Nguoi, Record};

/// The sponsor problems of one person.
pub fn person(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let mut d = Vec::new();
    // R20: counted once the branch has met on the admission.
    if let Some(meeting) = n.hop_chi_bo.as_ref().and_then(|h| h.ngay) {
        let set = ctx.rules.on(meeting);
        let with_union = n.gioi_thieu_doan_the.is_some();
        let needed = if with_union {
            i64::from(set.params.r20.so_nguoi_co_doan_the)
        } else {
            i64::from(set.params.r20.so_nguoi)
        };
        let found = n.nguoi_gioi_thieu.len();
        if found == 0 && !with_union {
            // Nothing recorded: maybe only not kept here; a warning, not a breach.
            d.push(Diagnostic::warning(
                Problem::SponsorsNotRecorded {
                    needed,
                    cite: set.cite("R20"),
                },
                Some(record.spans.locate("hop_chi_bo")),
            ));
        } else if (found as i64) < needed {
            d.push(Diagnostic {
                problem: Problem::SponsorsTooFew {
                    found,
                    needed,
                    with_union,
                    cite: set.cite("R20"),
                },
                severity: set.severity("R20"),
                location: Some(record.spans.locate("nguoi_gioi_thieu")),
            });
        }
    }
    d.extend(introducers(ctx, record));
    let meeting = n.hop_chi_bo.as_ref().and_then(|h| h.ngay);
    for (i, s) in n.nguoi_gioi_thieu.iter().enumerate() {
        let Some(letter) = s.ngay_viet else {
            // Once the branch has met, the letter was written: without its date neither part
            // of R21 can be judged.
            if let Some(meeting) = meeting {
                let at = format!("nguoi_gioi_thieu[{i}]");
                let field = format!("{at}.ngay_viet");
                d.push(super::fact_missing(
                    ctx.rules.on(meeting),
                    "R21",
                    record,
                    &field,
                    &at,
                ));
            }
            continue;
        };
        let set = ctx.rules.on(letter);
        if s.cung_cong_tac_tu.is_none() && !s.thay_the {
            let at = format!("nguoi_gioi_thieu[{i}]");
            let field = format!("{at}.cung_cong_tac_tu");
            d.push(super::fact_missing(set, "R21", record, &field, &at));
        }
        // R21: a full member on the date of the letter and when the branch decides (R22: one
        // who cannot go on by then is replaced).
        if let Some(id) = s.dang_vien.as_deref()
            && let Some(sponsor) = ctx.workspace.person(id)
            && sponsor.nguoi.ngay_ket_nap().is_some()
        {
            let field = format!("nguoi_gioi_thieu[{i}].dang_vien");
            let mut days = vec![(Occasion::Letter, letter)];
            if let Some(meeting) = meeting.filter(|&m| m > letter) {
                days.push((Occasion::BranchMeeting, meeting));
            }
            if let Some((occasion, day, why)) = first_not_full(ctx, &sponsor.nguoi, &days) {
                let set = ctx.rules.on(day);
                d.push(Diagnostic {
                    problem: Problem::SponsorNotFullMember {
                        field: field.clone(),
                        id: id.to_string(),
                        date: day.short(),
                        occasion,
                        why,
                        cite: set.cite("R21"),
                    },
                    severity: set.severity("R21"),
                    location: Some(record.spans.locate(&field)),
                });
            }
        }
        // R21, R22: 12 months together, unless a replacement assigned by the branch.
        if let Some(since) = s.cung_cong_tac_tu
            && since <= letter
            && !s.thay_the
        {
            let months = i64::from(set.params.r21.thang_cung_cong_tac);
            if add_months(since, months) > letter {
                let field = format!("nguoi_gioi_thieu[{i}].cung_cong_tac_tu");
                d.push(Diagnostic {
                    problem: Problem::SponsorTogetherTooShort {
                        field: field.clone(),
                        since: since.short(),
                        letter: letter.short(),
                        months,
                        cite: set.cite("R21"),
                    },
                    severity: set.severity("R21"),
                    location: Some(record.spans.locate(&field)),
                });
            }
        }
    }
    d.extend(mentor(ctx, record));
    d.extend(meeting_roles(ctx, record));
    d
}

/// The chair and the secretary of a branch meeting are members on its day: one admitted later, or
/// one who left the Party (ra khỏi Đảng, xóa tên, khai trừ) before it, is not
/// ([`crate::facts::membership_on`]). Someone never admitted is `not-a-member` already.
fn meeting_roles(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let meetings = [
        ("hop_chi_bo", n.hop_chi_bo.as_ref()),
        ("hop_xet_chinh_thuc", n.hop_xet_chinh_thuc.as_ref()),
    ];
    let mut d = Vec::new();
    for (meeting, h) in meetings {
        let Some(h) = h else { continue };
        let Some(day) = h.ngay else { continue };
        for (role, id) in [("chu_tri", &h.chu_tri), ("thu_ky", &h.thu_ky)] {
            let Some(id) = id.as_deref() else { continue };
            let Some(person) = ctx.workspace.person(id) else {
                continue;
            };
            if person.nguoi.ngay_ket_nap().is_none() {
                continue;
            }
            let status = membership_on(&person.nguoi, ctx.rules, day);
            if status.is_member() {
                continue;
            }
            let field = format!("{meeting}.{role}");
            d.push(Diagnostic::error(
                Problem::NotAMemberOn {
                    field: field.clone(),
                    id: id.to_string(),
                    date: day.short(),
                    left: (status == Membership::Left)
                        .then(|| person.nguoi.ngay_ra_khoi_dang().map(|x| x.short()))
                        .flatten(),
                },
                Some(record.spans.locate(&field)),
            ));
        }
    }
    d
}

/// R20: who introduces depends on the applicant's age on the day of the branch meeting and their
/// unions. Of youth age (Luật Thanh niên 2020: from 16 to 30, parameters) and a Youth Union member
/// (their lý lịch records the day they joined), the Youth Union introduces them with one full
/// member; past youth age, the Youth Union does not; the trade union introduces with one full
/// member those the Youth Union does not.
fn introducers(ctx: &Ctx, record: &Record) -> Option<Diagnostic> {
    let n = &record.nguoi;
    let meeting = n.hop_chi_bo.as_ref()?.ngay?;
    let birth = n.ngay_sinh.filter(|&b| b <= meeting)?;
    let set = ctx.rules.on(meeting);
    let age = whole_months(birth, meeting) / 12;
    let youth = (i64::from(set.params.r20.tuoi_thanh_nien_tu)
        ..=i64::from(set.params.r20.tuoi_thanh_nien_den))
        .contains(&age);
    let youth_member = n
        .ly_lich
        .as_ref()
        .and_then(|l| l.ngay_vao_doan)
        .is_some_and(|joined| joined <= meeting);
    let union = n.gioi_thieu_doan_the.as_ref().map(|g| g.loai);
    let (wrong, field) = match union {
        Some(Some(DoanThe::Doan)) if !youth => (
            Introducer::PastYouthByYouthUnion,
            "gioi_thieu_doan_the.loai",
        ),
        Some(Some(DoanThe::CongDoan)) if youth && youth_member => (
            Introducer::YouthMemberNotByYouthUnion,
            "gioi_thieu_doan_the.loai",
        ),
        None if youth && youth_member && !n.nguoi_gioi_thieu.is_empty() => {
            (Introducer::YouthMemberNotByYouthUnion, "nguoi_gioi_thieu")
        }
        _ => return None,
    };
    Some(Diagnostic {
        problem: Problem::IntroducerNotAllowed {
            wrong,
            age,
            meeting: meeting.short(),
            youth_from: i64::from(set.params.r20.tuoi_thanh_nien_tu),
            youth_to: i64::from(set.params.r20.tuoi_thanh_nien_den),
            cite: set.cite("R20"),
        },
        severity: set.severity("R20"),
        location: Some(record.spans.locate(field)),
    })
}

/// R23: at the ceremony the branch committee assigns a full member to help the probationary one.
fn mentor(ctx: &Ctx, record: &Record) -> Option<Diagnostic> {
    let ceremony = record.nguoi.le_ket_nap.as_ref()?;
    let day = ceremony.ngay?;
    let set = ctx.rules.on(day);
    let Some(id) = ceremony.nguoi_giup_do.as_deref() else {
        // Nothing recorded: maybe only not kept here; a warning, not a breach.
        return Some(Diagnostic::warning(
            Problem::MentorNotRecorded {
                cite: set.cite("R23"),
            },
            Some(record.spans.locate("le_ket_nap")),
        ));
    };
    // Someone who is not a member at all is `not-a-member` already.
    let mentor = ctx.workspace.person(id)?;
    mentor.nguoi.ngay_ket_nap()?;
    let mut days = vec![(Occasion::Ceremony, day)];
    if let Some(report) = record.nguoi.nhan_xet_giup_do.as_ref().and_then(|r| r.ngay)
        && report > day
    {
        days.push((Occasion::MentorReport, report));
    }
    let (occasion, on, why) = first_not_full(ctx, &mentor.nguoi, &days)?;
    let set = ctx.rules.on(on);
    Some(Diagnostic {
        problem: Problem::MentorNotFullMember {
            id: id.to_string(),
            date: on.short(),
            occasion,
            why,
            cite: set.cite("R23"),
        },
        severity: set.severity("R23"),
        location: Some(record.spans.locate("le_ket_nap.nguoi_giup_do")),
    })
}

/// The first of the days a role is exercised on when the member holding it was not a full member
/// ([`crate::facts::not_full_on`]), with the fact that says why.
fn first_not_full(
    ctx: &Ctx,
    member: &Nguoi,
    days: &[(Occasion, Ngay)],
) -> Option<(Occasion, Ngay, NotFull)> {
    let short = |d: Option<Ngay>| d.map(|x| x.short()).unwrap_or_default();
    days.iter().find_map(|&(occasion, day)| {
        let why = match not_full_on(member, ctx.rules, day)? {
            NotFullOn::AdmittedLater(on) => NotFull::AdmittedLater(short(on)),
            NotFullOn::Probationary(since) => NotFull::Probationary(since.map(|x| x.short())),
            NotFullOn::Left(on) => NotFull::Left(short(on)),
        };
        Some((occasion, day, why))
    })
}
