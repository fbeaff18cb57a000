/*!
The time limits of the admission process, in one table: which rule sets each, the event it runs
from and the event that must come within it, how it is counted (working days, months, the decision's
days with its extension, probation) and under which rule set.

`hoso validate` reads the table for a limit missed between two recorded events; `hoso due` reads
it for a limit still running. Both ask [`Event::day`] where a limit starts (the receipt of the
decision, or its date when the receipt is not recorded), [`Limit::last_day`] where it ends, and
[`Limit::waived`] whether it applies, so that what `due` lists as overdue is what `validate` will
report once the late event is recorded.
*/

use crate::calendar::{Calendar, add_months};
use crate::diag::Deadline;
use crate::facts::{self, DecisionKind};
use crate::model::{Ngay, Nguoi};
use crate::rules::{InForce, Params, RuleSet};

/// An event of the process a time limit runs from or to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The Party-awareness certificate is issued (`giay_chung_nhan.ngay`).
    Certificate,
    /// The committee certifies the personal history (`ly_lich.chung_nhan_cap_uy.ngay`).
    HistoryCertified,
    /// The branch meets on the admission (`hop_chi_bo.ngay`).
    BranchMeeting,
    /// The admission decision (`quyet_dinh_ket_nap.ngay`).
    Decision,
    /// The branch receives the decision (`quyet_dinh_ket_nap.ngay_nhan`, else its date).
    DecisionReceived,
    /// The admission ceremony (`le_ket_nap.ngay`).
    Ceremony,
    /// The new member declares the member's personal history (`ly_lich_dang_vien.ngay`).
    MemberHistory,
    /// Probation ends: the ceremony plus the months of R36.
    ProbationEnd,
    /// The branch meets on full membership (`hop_xet_chinh_thuc.ngay`).
    Review,
    /// The decision on full membership (`cong_nhan_chinh_thuc.ngay`).
    RecognitionDecision,
}

/// The day of an event in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    /// The field it is read from (for a day counted from another: that one's field).
    pub field: &'static str,
    /// That field's date.
    pub recorded: Ngay,
    /// The event's day.
    pub day: Ngay,
    /// The months added to `recorded` to make `day`, for a day counted from another.
    pub plus_months: Option<u32>,
}

impl Dated {
    fn recorded(field: &'static str, day: Ngay) -> Dated {
        Dated {
            field,
            recorded: day,
            day,
            plus_months: None,
        }
    }

    /// How a diagnostic names it: `le_ket_nap.ngay + 12` for the end of probation.
    pub fn label(&self) -> String {
        match self.plus_months {
            Some(m) => format!("{} + {m}", self.field),
            None => self.field.to_string(),
        }
    }
}

impl Event {
    /// Its day in the record, if the record holds it.
    pub fn day(self, n: &Nguoi, rules: &InForce) -> Option<Dated> {
        let on = |field: &'static str, day: Option<Ngay>| day.map(|d| Dated::recorded(field, d));
        let decision = n.quyet_dinh_ket_nap.as_ref();
        match self {
            Event::Certificate => on(
                "giay_chung_nhan.ngay",
                n.giay_chung_nhan.as_ref().and_then(|g| g.ngay),
            ),
            Event::HistoryCertified => on(
                "ly_lich.chung_nhan_cap_uy.ngay",
                n.ly_lich
                    .as_ref()
                    .and_then(|l| l.chung_nhan_cap_uy.as_ref())
                    .and_then(|c| c.ngay),
            ),
            Event::BranchMeeting => on(
                "hop_chi_bo.ngay",
                n.hop_chi_bo.as_ref().and_then(|h| h.ngay),
            ),
            Event::Decision => on("quyet_dinh_ket_nap.ngay", decision.and_then(|q| q.ngay)),
            Event::DecisionReceived => on(
                "quyet_dinh_ket_nap.ngay_nhan",
                decision.and_then(|q| q.ngay_nhan),
            )
            .or_else(|| Event::Decision.day(n, rules)),
            Event::Ceremony => on(
                "le_ket_nap.ngay",
                n.le_ket_nap.as_ref().and_then(|l| l.ngay),
            ),
            Event::MemberHistory => on(
                "ly_lich_dang_vien.ngay",
                n.ly_lich_dang_vien.as_ref().and_then(|l| l.ngay),
            ),
            Event::ProbationEnd => {
                let ceremony = Event::Ceremony.day(n, rules)?;
                Some(Dated {
                    day: facts::probation_end(rules, ceremony.day),
                    plus_months: Some(rules.on(ceremony.day).params.r36.thang_du_bi),
                    ..ceremony
                })
            }
            Event::Review => on(
                "hop_xet_chinh_thuc.ngay",
                n.hop_xet_chinh_thuc.as_ref().and_then(|h| h.ngay),
            ),
            Event::RecognitionDecision => on(
                "cong_nhan_chinh_thuc.ngay",
                n.cong_nhan_chinh_thuc.as_ref().and_then(|q| q.ngay),
            ),
        }
    }

    /// Whether the process is past this event, so that a limit running to it no longer runs:
    /// it is recorded, or a later stage is (a member recorded without it).
    pub fn passed(self, n: &Nguoi, rules: &InForce) -> bool {
        let full = || facts::full_membership_date(n, rules).is_some();
        match self {
            Event::BranchMeeting => self.day(n, rules).is_some() || n.ngay_ket_nap().is_some(),
            Event::Decision => n.ngay_ket_nap().is_some(),
            Event::Ceremony | Event::MemberHistory | Event::Review => {
                self.day(n, rules).is_some() || full()
            }
            Event::RecognitionDecision => {
                self.day(n, rules).is_some() || n.ngay_chinh_thuc.is_some()
            }
            Event::Certificate
            | Event::HistoryCertified
            | Event::DecisionReceived
            | Event::ProbationEnd => self.day(n, rules).is_some(),
        }
    }
}

/// How a time limit is counted.
#[derive(Debug, Clone, Copy)]
pub enum Length {
    /// Working days, a parameter of the rule.
    WorkingDays(fn(&Params) -> u32),
    /// R31: the committee's working days with the extension recorded on the decision
    /// ([`facts::decision_days`]).
    Decision(DecisionKind),
    /// Months, a parameter of the rule (how long a paper is valid).
    Months(fn(&Params) -> u32),
    /// The months of probation ([`facts::probation_end`]).
    Probation,
}

/// Which day's rule set a time limit is counted under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOn {
    /// The day it starts to run: the committee's, the branch's and the member's time limits.
    Start,
    /// The day of the event it runs to: a paper is valid "on the day of the branch meeting"
    /// under the rules of that day. While that event is not held, the day the limit ends.
    End,
}

/// One time limit of the process.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// What falls due; also the code of the diagnostic when it is missed.
    pub kind: Deadline,
    /// The rule: `R32`.
    pub rule: &'static str,
    /// The event it runs from.
    pub from: Event,
    /// The event that must come within it.
    pub to: Event,
    /// How it is counted.
    pub length: Length,
    /// Under which day's rule set.
    pub set_on: SetOn,
    /// Whether the record lifts it: the committee above agreed to a late ceremony (R32).
    pub waived: fn(&Nguoi) -> bool,
}

fn never(_: &Nguoi) -> bool {
    false
}

/// Every time limit, in the order `hoso validate` reports them.
pub static LIMITS: [Limit; 8] = [
    Limit {
        kind: Deadline::Decision,
        rule: "R31",
        from: Event::BranchMeeting,
        to: Event::Decision,
        length: Length::Decision(DecisionKind::Admission),
        set_on: SetOn::Start,
        waived: never,
    },
    Limit {
        kind: Deadline::RecognitionDecision,
        rule: "R31",
        from: Event::Review,
        to: Event::RecognitionDecision,
        length: Length::Decision(DecisionKind::Recognition),
        set_on: SetOn::Start,
        waived: never,
    },
    Limit {
        kind: Deadline::Ceremony,
        rule: "R32",
        from: Event::DecisionReceived,
        to: Event::Ceremony,
        length: Length::WorkingDays(|p| p.r32.ngay_lam_viec),
        set_on: SetOn::Start,
        waived: |n| {
            n.le_ket_nap
                .as_ref()
                .is_some_and(|l| l.dong_y_cap_tren.is_some())
        },
    },
    Limit {
        kind: Deadline::MemberHistory,
        rule: "R34",
        from: Event::Ceremony,
        to: Event::MemberHistory,
        length: Length::WorkingDays(|p| p.r34.ngay_lam_viec),
        set_on: SetOn::Start,
        waived: never,
    },
    Limit {
        kind: Deadline::ProbationEnd,
        rule: "R36",
        from: Event::Ceremony,
        to: Event::Review,
        length: Length::Probation,
        set_on: SetOn::Start,
        waived: never,
    },
    Limit {
        kind: Deadline::Review,
        rule: "R33",
        from: Event::ProbationEnd,
        to: Event::Review,
        length: Length::WorkingDays(|p| p.r33.ngay_lam_viec),
        set_on: SetOn::Start,
        waived: never,
    },
    Limit {
        kind: Deadline::CertificateExpiry,
        rule: "R13",
        from: Event::Certificate,
        to: Event::BranchMeeting,
        length: Length::Months(|p| p.r13.thang_hieu_luc),
        set_on: SetOn::End,
        waived: never,
    },
    Limit {
        kind: Deadline::PersonalHistoryExpiry,
        rule: "R14",
        from: Event::HistoryCertified,
        to: Event::BranchMeeting,
        length: Length::Months(|p| p.r14.thang_hieu_luc),
        set_on: SetOn::End,
        waived: never,
    },
];

/// Where a time limit ends, and under which rule set.
#[derive(Debug, Clone, Copy)]
pub struct Ends<'a> {
    /// The set it is counted under: its number and its citation.
    pub set: &'a RuleSet,
    /// The last day.
    pub last: Ngay,
    /// Its length, in its unit (working days or months).
    pub allowed: i64,
}

impl Limit {
    /// The limit of this kind.
    pub fn of(kind: Deadline) -> &'static Limit {
        LIMITS
            .iter()
            .find(|l| l.kind == kind)
            .unwrap_or_else(|| unreachable!("every Deadline is in LIMITS (a test checks it)"))
    }

    /// Where the limit ends for a person, when it runs from `start` and the event it runs to is
    /// held on `end` (`None`: not yet).
    pub fn last_day<'a>(
        &self,
        n: &Nguoi,
        rules: &'a InForce,
        calendar: &Calendar,
        start: Ngay,
        end: Option<Ngay>,
    ) -> Ends<'a> {
        let count = |set: &'a RuleSet| -> Ends<'a> {
            let (last, allowed) = match self.length {
                Length::WorkingDays(days) => {
                    let days = days(&set.params);
                    (calendar.add_working_days(start, days), i64::from(days))
                }
                Length::Decision(kind) => {
                    let days = facts::decision_days(n, rules, kind, start);
                    (calendar.add_working_days(start, days), i64::from(days))
                }
                Length::Months(months) => {
                    let months = i64::from(months(&set.params));
                    (add_months(start, months), months)
                }
                Length::Probation => (
                    facts::probation_end(rules, start),
                    i64::from(set.params.r36.thang_du_bi),
                ),
            };
            Ends { set, last, allowed }
        };
        match (self.set_on, end) {
            (SetOn::Start, _) => count(rules.on(start)),
            (SetOn::End, Some(end)) => count(rules.on(end)),
            // Held on the last day it may be: under the set in force then.
            (SetOn::End, None) => count(rules.on(count(rules.on(start)).last)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HopChiBo, LeKetNap, LyLichDangVien, QuyetDinh};

    /// Every kind of time limit is in the table once, so [`Limit::of`] finds each.
    #[test]
    fn every_deadline_is_in_the_table_once() {
        use Deadline::*;
        for kind in [
            Decision,
            Ceremony,
            MemberHistory,
            ProbationEnd,
            Review,
            RecognitionDecision,
            CertificateExpiry,
            PersonalHistoryExpiry,
        ] {
            assert_eq!(LIMITS.iter().filter(|l| l.kind == kind).count(), 1);
            assert_eq!(Limit::of(kind).kind, kind);
        }
    }

    /// Records the event a limit runs to on `day`.
    fn hold(n: &mut Nguoi, event: Event, day: Ngay) {
        let meeting =
            |h: &mut Option<HopChiBo>| h.get_or_insert_with(Default::default).ngay = Some(day);
        let decision =
            |q: &mut Option<QuyetDinh>| q.get_or_insert_with(Default::default).ngay = Some(day);
        match event {
            Event::BranchMeeting => meeting(&mut n.hop_chi_bo),
            Event::Review => meeting(&mut n.hop_xet_chinh_thuc),
            Event::Decision => decision(&mut n.quyet_dinh_ket_nap),
            Event::RecognitionDecision => decision(&mut n.cong_nhan_chinh_thuc),
            Event::Ceremony => {
                n.le_ket_nap.get_or_insert_with(LeKetNap::default).ngay = Some(day);
            }
            Event::MemberHistory => {
                n.ly_lich_dang_vien
                    .get_or_insert_with(LyLichDangVien::default)
                    .ngay = Some(day);
            }
            other => panic!("{other:?} is not an event a limit runs to"),
        }
    }

    /// What `hoso validate` says of a record once the event a limit runs to is held on `day`.
    fn codes_when_held(root: &std::path::Path, id: &str, limit: &Limit, day: Ngay) -> Vec<String> {
        let mut loaded = crate::model::load(root).unwrap();
        let record = loaded.workspace.people.iter_mut().find(|r| r.id == id);
        hold(&mut record.unwrap().nguoi, limit.to, day);
        let checked = crate::validate::check(loaded);
        let person = checked.person(id).unwrap();
        person.diagnostics().map(|d| d.code().to_string()).collect()
    }

    /// `hoso due` and `hoso validate` read one table: each limit `due` lists for the workspaces
    /// of the demo and of `hoso init --people 60` is met by its event held on its last day, and
    /// missed, as `validate` reports it, by the event held the day after (the end of probation:
    /// the review held the day before).
    #[test]
    fn due_and_validate_agree_on_every_limit() {
        let dir = tempfile::tempdir().unwrap();
        crate::demo::write_synthetic(dir.path(), 60).unwrap();
        let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
        let mut seen = std::collections::BTreeSet::new();
        for root in [demo.as_path(), dir.path()] {
            let checked = crate::validate::check(crate::model::load(root).unwrap());
            for item in crate::due::items(&checked) {
                let limit = Limit::of(item.viec);
                let (missed, on_time, late) = match limit.kind {
                    Deadline::ProbationEnd => (
                        "probation-not-over",
                        item.han,
                        Ngay(item.han.0.yesterday().unwrap()),
                    ),
                    Deadline::CertificateExpiry => (
                        "certificate-expired",
                        item.han,
                        Ngay(item.han.0.tomorrow().unwrap()),
                    ),
                    Deadline::PersonalHistoryExpiry => (
                        "personal-history-expired",
                        item.han,
                        Ngay(item.han.0.tomorrow().unwrap()),
                    ),
                    kind => (kind.code(), item.han, Ngay(item.han.0.tomorrow().unwrap())),
                };
                let held = |day| codes_when_held(root, &item.nguoi, limit, day);
                assert!(
                    !held(on_time).iter().any(|c| c == missed),
                    "{} {:?} held on {}",
                    item.nguoi,
                    item.viec,
                    on_time.short()
                );
                assert!(
                    held(late).iter().any(|c| c == missed),
                    "{} {:?} held on {}: {:?}",
                    item.nguoi,
                    item.viec,
                    late.short(),
                    held(late)
                );
                seen.insert(item.viec.code());
            }
        }
        // The kinds of limit the two workspaces run.
        for kind in [
            "certificate-expires",
            "decision-late",
            "probation-end",
            "review-late",
        ] {
            assert!(seen.contains(kind), "{seen:?}");
        }
    }
}
