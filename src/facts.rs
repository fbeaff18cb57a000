/*!
The facts a record implies, each defined once: a person's stage, the day they became a full
member, what they were on a given day, whether the probation review has begun, which decision
names them.

Validation, the forms, the dossier, the batch, the bulletin and `hoso due` all ask these
questions; they ask them here, so that a sponsor found "a full member" by a rule is printed as one
on the form, and a person counted in an article is at the stage `hoso list` shows. Facts that
depend on a number of the regulation (the months of probation) take the rule sets in force.
*/

use crate::calendar::add_months;
use crate::model::{GiaiDoan, Ngay, Nguoi, QuyetDinh};
use crate::rules::InForce;

/// The last day of the probation that starts on `start` (R36: `thang_du_bi` months of the set in
/// force then): from the ceremony, or from the admission for a member recorded without it. The
/// one definition of probation's end.
pub fn probation_end(rules: &InForce, start: Ngay) -> Ngay {
    let months = i64::from(rules.on(start).params.r36.thang_du_bi);
    add_months(start, months)
}

/// The day the person became a full member: as recorded (`ngay_chinh_thuc`), or, once full
/// membership is decided, the end of probation from the ceremony (R37: recognised as of that day
/// even when decided late). `None` while not recognised.
pub fn full_membership_date(n: &Nguoi, rules: &InForce) -> Option<Ngay> {
    if let Some(d) = n.ngay_chinh_thuc {
        return Some(d);
    }
    n.cong_nhan_chinh_thuc.as_ref()?;
    let ceremony = n.le_ket_nap.as_ref()?.ngay?;
    Some(probation_end(rules, ceremony))
}

/// The stage the record has reached.
pub fn stage(n: &Nguoi, rules: &InForce) -> GiaiDoan {
    if full_membership_date(n, rules).is_some() {
        GiaiDoan::ChinhThuc
    } else if n.ngay_ket_nap().is_some() {
        GiaiDoan::DuBi
    } else if n.hop_chi_bo.is_some() {
        GiaiDoan::ChiBoDeNghi
    } else if n.don_xin_vao_dang.is_some() {
        GiaiDoan::XinVaoDang
    } else {
        GiaiDoan::QuanChung
    }
}

/// What a person was on one day, as far as the Party is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Membership {
    /// Not (yet) admitted.
    NotAMember,
    /// Admitted, on probation.
    Probationary,
    /// A full member.
    Full,
    /// Was a member, but left the Party's books before that day (moved away, died, struck off,
    /// expelled).
    Left,
}

impl Membership {
    /// Counts among the members (probationary members do, as in Party statistics).
    pub fn is_member(self) -> bool {
        matches!(self, Membership::Probationary | Membership::Full)
    }
}

/// What the person was on `day`: every rule that needs "a full member on that day" (sponsors,
/// mentor, chair) and every count of members asks this.
///
/// A member who left counts as a member until the end of the day before `ra_khoi_dang.ngay`. A
/// member recorded only by the admission date (no ceremony, no recognition: admitted before the
/// records were kept here) is taken as full from the earliest day the probation could have ended;
/// one with a ceremony and no recognition is still on probation.
pub fn membership_on(n: &Nguoi, rules: &InForce, day: Ngay) -> Membership {
    if n.ngay_ket_nap().is_none_or(|admitted| admitted > day) {
        return Membership::NotAMember;
    }
    if n.ngay_ra_khoi_dang().is_some_and(|left| left <= day) {
        return Membership::Left;
    }
    if full_membership_days(n, rules).is_some_and(|(from, _)| from <= day) {
        Membership::Full
    } else {
        Membership::Probationary
    }
}

/// The days on which the person is a full member, as [`membership_on`] reads the record: from
/// the end of their probation (never before their admission) until the day they left, if they
/// did (that day excluded). `None` when no day is: not admitted, or admitted with a ceremony and
/// not yet recognised. What the desk's lists of members offer first on a document's day.
pub fn full_membership_days(n: &Nguoi, rules: &InForce) -> Option<(Ngay, Option<Ngay>)> {
    let admitted = n.ngay_ket_nap()?;
    let from = match full_membership_date(n, rules) {
        Some(d) => d,
        None if ceremony_day(n).is_none() => probation_end(rules, admitted),
        None => return None,
    };
    Some((from.max(admitted), n.ngay_ra_khoi_dang()))
}

/// Why the person was not a full member on `day`, with the date that says so; `None` when they
/// were one. Every role that needs a full member (sponsor, mentor) asks this on each day the role
/// is exercised, and its message states the date returned.
pub fn not_full_on(n: &Nguoi, rules: &InForce, day: Ngay) -> Option<NotFullOn> {
    match membership_on(n, rules, day) {
        Membership::Full => None,
        Membership::NotAMember => Some(NotFullOn::AdmittedLater(n.ngay_ket_nap())),
        Membership::Left => Some(NotFullOn::Left(n.ngay_ra_khoi_dang())),
        Membership::Probationary => Some(NotFullOn::Probationary(
            full_membership_date(n, rules).filter(|&d| d > day),
        )),
    }
}

/// What [`not_full_on`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFullOn {
    /// Admitted on this day (if ever), after the day asked.
    AdmittedLater(Option<Ngay>),
    /// On probation; full from this day once recognised.
    Probationary(Option<Ngay>),
    /// Left the Party on this day.
    Left(Option<Ngay>),
}

/// Whether the person counts among this organisation's members at the end of `day`: a member
/// then (probationary members count, as in Party statistics), already transferred in if they came
/// from elsewhere, and not yet gone from its books (moved away, died, struck off). Every count of
/// members asks this.
pub fn counted_here_on(n: &Nguoi, rules: &InForce, day: Ngay) -> bool {
    membership_on(n, rules, day).is_member() && n.ngay_chuyen_den().is_none_or(|d| d <= day)
}

/// Whether the review of the probation has begun (self-review, branch meeting or decision on full
/// membership recorded): from then on the person's dossier is the full-membership one.
pub fn probation_review_begun(n: &Nguoi) -> bool {
    n.tu_kiem_diem.is_some() || n.hop_xet_chinh_thuc.is_some() || n.cong_nhan_chinh_thuc.is_some()
}

/// Which of the two decisions of the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecisionKind {
    /// Quyết định kết nạp (Mẫu 9-KNĐ).
    Admission,
    /// Quyết định công nhận đảng viên chính thức (Mẫu 16-KNĐ).
    Recognition,
}

impl DecisionKind {
    /// The person's decision of this kind, if recorded.
    pub fn of(self, n: &Nguoi) -> Option<&QuyetDinh> {
        match self {
            DecisionKind::Admission => n.quyet_dinh_ket_nap.as_ref(),
            DecisionKind::Recognition => n.cong_nhan_chinh_thuc.as_ref(),
        }
    }
}

/// What identifies one decision shared by several people: its number and its date. Everyone whose
/// record holds the same number and date, each recorded as shared (`nhieu_nguoi`), is named in
/// the same decision; a decision recorded without a number, or not as shared (the default: one
/// decision for each person, verified-2025.md), names its person alone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DecisionKey {
    /// "125-QĐ/ĐU".
    pub so: String,
    /// The day it was signed.
    pub ngay: Option<Ngay>,
}

/// The key of the person's decision of `kind`, when it is recorded with a number.
pub fn decision_key(n: &Nguoi, kind: DecisionKind) -> Option<DecisionKey> {
    let q = kind.of(n).filter(|q| q.nhieu_nguoi)?;
    Some(DecisionKey {
        so: q.so.clone()?,
        ngay: q.ngay,
    })
}

/// R31: the working days the competent committee has for the decision of `kind`, counted from the
/// branch's resolution of `meeting`: the limit of the set in force then, plus the extension
/// recorded on the decision (`gia_han`) when its reason is recorded, by its days or else the
/// most the set allows (`gia_han_toi_da`), never more. `hoso validate` and `hoso due` both ask.
pub fn decision_days(n: &Nguoi, rules: &InForce, kind: DecisionKind, meeting: Ngay) -> u32 {
    let set = rules.on(meeting);
    let base = match kind {
        DecisionKind::Admission => set.params.r31.ngay_ket_nap,
        DecisionKind::Recognition => set.params.r31.ngay_chinh_thuc,
    };
    let most = set.params.r31.gia_han_toi_da;
    let extension = kind
        .of(n)
        .and_then(|q| q.gia_han.as_ref())
        .filter(|g| g.ly_do.as_deref().is_some_and(|r| !r.trim().is_empty()));
    base + extension.map_or(0, |g| g.so_ngay.map_or(most, |d| d.min(most)))
}

/// The day of the person's admission ceremony, the key of the ceremony they share with the
/// others admitted that day.
pub fn ceremony_day(n: &Nguoi) -> Option<Ngay> {
    n.le_ket_nap.as_ref().and_then(|l| l.ngay)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LeKetNap, RaKhoiDang};

    fn d(s: &str) -> Ngay {
        Ngay::parse(s).unwrap()
    }

    fn member(decided: &str, ceremony: &str) -> Nguoi {
        Nguoi {
            quyet_dinh_ket_nap: Some(QuyetDinh {
                so: Some("12-QĐ/ĐU".into()),
                ngay: Some(d(decided)),
                ..Default::default()
            }),
            le_ket_nap: Some(LeKetNap {
                ngay: Some(d(ceremony)),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn membership_follows_admission_recognition_and_leaving() {
        let rules = InForce::new(&[]);
        let mut n = member("10/01/2024", "20/01/2024");
        assert_eq!(
            membership_on(&n, &rules, d("09/01/2024")),
            Membership::NotAMember
        );
        assert_eq!(
            membership_on(&n, &rules, d("10/01/2024")),
            Membership::Probationary
        );
        // Recognised late: full from the end of the 12 months after the ceremony (R37).
        n.cong_nhan_chinh_thuc = Some(QuyetDinh {
            ngay: Some(d("15/03/2025")),
            ..Default::default()
        });
        assert_eq!(full_membership_date(&n, &rules), Some(d("20/01/2025")));
        assert_eq!(
            membership_on(&n, &rules, d("19/01/2025")),
            Membership::Probationary
        );
        assert_eq!(membership_on(&n, &rules, d("20/01/2025")), Membership::Full);
        assert_eq!(stage(&n, &rules), GiaiDoan::ChinhThuc);
        // Struck off: a member until the day before, not from that day.
        n.ra_khoi_dang = Some(RaKhoiDang {
            ngay: Some(d("01/06/2026")),
            ly_do: Some("xóa tên".into()),
        });
        assert_eq!(membership_on(&n, &rules, d("31/05/2026")), Membership::Full);
        assert_eq!(membership_on(&n, &rules, d("01/06/2026")), Membership::Left);
        assert!(!membership_on(&n, &rules, d("01/06/2026")).is_member());
    }

    /// The days of full membership the desk's lists offer are exactly those on which
    /// `membership_on` says full: before admission, on probation, recognised, left; and a member
    /// recorded only by the admission date.
    #[test]
    fn the_days_of_full_membership_are_those_membership_on_says() {
        let rules = InForce::new(&[]);
        let mut recognised = member("10/01/2024", "20/01/2024");
        recognised.cong_nhan_chinh_thuc = Some(QuyetDinh::default());
        let mut left = recognised.clone();
        left.ra_khoi_dang = Some(RaKhoiDang {
            ngay: Some(d("01/06/2025")),
            ..Default::default()
        });
        let older = Nguoi {
            ngay_vao_dang: Some(d("19/05/1995")),
            ..Default::default()
        };
        // A full-membership date written before the admission: full from the admission.
        let mut stated = older.clone();
        stated.ngay_chinh_thuc = Some(d("01/01/1990"));
        let people = [
            member("10/01/2024", "20/01/2024"),
            recognised,
            left,
            older,
            stated,
        ];
        let first = d("01/01/1989");
        for n in &people {
            let days = full_membership_days(n, &rules);
            for offset in (0..14_000).step_by(3) {
                let day = Ngay(first.0.checked_add(jiff::Span::new().days(offset)).unwrap());
                let full = membership_on(n, &rules, day) == Membership::Full;
                let within = days.is_some_and(|(from, until)| {
                    from <= day && until.is_none_or(|until| day < until)
                });
                assert_eq!(full, within, "{day:?} {days:?} {n:?}");
            }
        }
    }

    #[test]
    fn a_decision_is_its_number_and_its_date() {
        let shared = |decided: &str, ceremony: &str| {
            let mut n = member(decided, ceremony);
            n.quyet_dinh_ket_nap.as_mut().unwrap().nhieu_nguoi = true;
            n
        };
        let a = shared("10/01/2024", "20/01/2024");
        let b = shared("10/01/2024", "21/01/2024");
        let c = shared("11/01/2024", "20/01/2024");
        let key = |n: &Nguoi| decision_key(n, DecisionKind::Admission);
        assert_eq!(key(&a), key(&b));
        assert!(key(&a).is_some());
        // Not recorded as shared: the person's own decision.
        assert_eq!(key(&member("10/01/2024", "20/01/2024")), None);
        // The same number on another day is another document (and `validate` says so).
        assert_ne!(key(&a), key(&c));
        let mut unnumbered = member("10/01/2024", "20/01/2024");
        unnumbered.quyet_dinh_ket_nap.as_mut().unwrap().so = None;
        assert_eq!(key(&unnumbered), None);
    }

    /// 294-QĐ/TW: 45 working days, 60 with an extension recorded with its reason, never more;
    /// before it, 60.
    #[test]
    fn the_decision_has_its_days_and_an_extension_only_with_its_reason() {
        let rules = InForce::new(&[]);
        let mut n = member("10/01/2026", "20/01/2026");
        let days = |n: &Nguoi, on: &str| decision_days(n, &rules, DecisionKind::Admission, d(on));
        assert_eq!(days(&n, "01/10/2025"), 45);
        assert_eq!(days(&n, "01/03/2024"), 60);
        let q = n.quyet_dinh_ket_nap.as_mut().unwrap();
        q.gia_han = Some(crate::model::GiaHan {
            ly_do: None,
            so_ngay: Some(10),
        });
        assert_eq!(days(&n, "01/10/2025"), 45, "no reason, no extension");
        n.quyet_dinh_ket_nap.as_mut().unwrap().gia_han = Some(crate::model::GiaHan {
            ly_do: Some("chờ kết quả thẩm tra lý lịch".into()),
            so_ngay: None,
        });
        assert_eq!(days(&n, "01/10/2025"), 60);
        n.quyet_dinh_ket_nap
            .as_mut()
            .unwrap()
            .gia_han
            .as_mut()
            .unwrap()
            .so_ngay = Some(40);
        assert_eq!(days(&n, "01/10/2025"), 60, "at most 15");
        assert_eq!(
            decision_days(&n, &rules, DecisionKind::Recognition, d("01/10/2025")),
            30
        );
    }

    #[test]
    fn the_review_has_begun_with_any_of_its_three_documents() {
        let mut n = member("10/01/2024", "20/01/2024");
        assert!(!probation_review_begun(&n));
        n.tu_kiem_diem = Some(Default::default());
        assert!(probation_review_begun(&n));
    }
}
