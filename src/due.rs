/*!
What falls due: the time limits of the admission process still running for each person (the
decision from above, the ceremony, the member's personal history, the end of probation, the
branch's review, the decision on full membership, certificates that expire), listed for a day and
written as an iCalendar file (RFC 5545) a clerk can import into a calendar.

The file is deterministic: a stable UID per person and time limit, and no timestamp from the clock
(DTSTAMP is the day of the event the limit runs from), so the same records give the same bytes.
*/

use crate::calendar::add_months;
use crate::diag::{Deadline, Lang};
use crate::facts::{DecisionKind, decision_days, full_membership_date, probation_end};
use crate::model::Ngay;
use crate::validate::CheckedWorkspace;
use serde::Serialize;

/// One time limit still running for a person.
#[derive(Debug, Clone, Serialize)]
pub struct DueItem {
    /// The person's id.
    pub nguoi: String,
    /// The person's name.
    pub ho_ten: Option<String>,
    /// What falls due.
    pub viec: Deadline,
    /// The rule: `R32`.
    pub quy_tac: String,
    /// The citation in the set in force.
    pub can_cu: String,
    /// The record's date the limit runs from: `quyet_dinh_ket_nap.ngay_nhan`.
    pub tu_truong: &'static str,
    /// That date.
    pub tu_ngay: Ngay,
    /// The last day.
    pub han: Ngay,
}

/// Every time limit still running in the workspace, by date then person.
pub fn items(checked: &CheckedWorkspace) -> Vec<DueItem> {
    let (rules, cal) = (checked.rules(), checked.calendar());
    let mut out = Vec::new();
    for record in &checked.workspace().people {
        let n = &record.nguoi;
        let mut push = |viec: Deadline, rule: &str, from: (&'static str, Ngay), due: Ngay| {
            let set = rules.on(from.1);
            out.push(DueItem {
                nguoi: record.id.clone(),
                ho_ten: n.ho_ten.clone(),
                viec,
                quy_tac: rule.to_string(),
                can_cu: set.cite(rule).to_string(),
                tu_truong: from.0,
                tu_ngay: from.1,
                han: due,
            });
        };
        let add_days =
            |from: Ngay, days: i64| cal.add_working_days(from, u32::try_from(days).unwrap_or(0));
        let wd =
            |from: Ngay, rule: &str, param: &str| add_days(from, rules.on(from).int(rule, param));
        let full = full_membership_date(n, rules).is_some();
        let meeting = n.hop_chi_bo.as_ref().and_then(|h| h.ngay);
        let decision = n.quyet_dinh_ket_nap.as_ref();
        let ceremony = n.le_ket_nap.as_ref().and_then(|l| l.ngay);
        let review = n.hop_xet_chinh_thuc.as_ref().and_then(|h| h.ngay);
        if n.ngay_ket_nap().is_none() {
            match meeting {
                // Before the branch meeting: documents that must still be valid on its day.
                None => {
                    if let Some(c) = n.giay_chung_nhan.as_ref().and_then(|g| g.ngay) {
                        let months = rules.on(c).int("R13", "thang_hieu_luc");
                        push(
                            Deadline::CertificateExpiry,
                            "R13",
                            ("giay_chung_nhan.ngay", c),
                            add_months(c, months),
                        );
                    }
                    if let Some(c) = n
                        .ly_lich
                        .as_ref()
                        .and_then(|l| l.chung_nhan_cap_uy.as_ref())
                        .and_then(|x| x.ngay)
                    {
                        let months = rules.on(c).int("R14", "thang_hieu_luc");
                        push(
                            Deadline::PersonalHistoryExpiry,
                            "R14",
                            ("ly_lich.chung_nhan_cap_uy.ngay", c),
                            add_months(c, months),
                        );
                    }
                }
                Some(m) => push(
                    Deadline::Decision,
                    "R31",
                    ("hop_chi_bo.ngay", m),
                    add_days(m, decision_days(n, rules, DecisionKind::Admission, m)),
                ),
            }
        }
        if ceremony.is_none() && !full {
            let received = decision.and_then(|q| {
                q.ngay_nhan
                    .map(|r| ("quyet_dinh_ket_nap.ngay_nhan", r))
                    .or_else(|| q.ngay.map(|r| ("quyet_dinh_ket_nap.ngay", r)))
            });
            if let Some(from) = received {
                push(
                    Deadline::Ceremony,
                    "R32",
                    from,
                    wd(from.1, "R32", "ngay_lam_viec"),
                );
            }
        }
        if let Some(c) = ceremony
            && !full
        {
            if n.ly_lich_dang_vien.as_ref().and_then(|l| l.ngay).is_none() {
                push(
                    Deadline::MemberHistory,
                    "R34",
                    ("le_ket_nap.ngay", c),
                    wd(c, "R34", "ngay_lam_viec"),
                );
            }
            if review.is_none() {
                let end = probation_end(rules, c);
                push(Deadline::ProbationEnd, "R36", ("le_ket_nap.ngay", c), end);
                push(
                    Deadline::Review,
                    "R33",
                    ("le_ket_nap.ngay", c),
                    wd(end, "R33", "ngay_lam_viec"),
                );
            }
        }
        if let Some(r) = review
            && n.cong_nhan_chinh_thuc
                .as_ref()
                .and_then(|q| q.ngay)
                .is_none()
            && n.ngay_chinh_thuc.is_none()
        {
            push(
                Deadline::RecognitionDecision,
                "R31",
                ("hop_xet_chinh_thuc.ngay", r),
                add_days(r, decision_days(n, rules, DecisionKind::Recognition, r)),
            );
        }
    }
    out.sort_by(|a, b| (a.han, &a.nguoi, a.viec).cmp(&(b.han, &b.nguoi, b.viec)));
    out
}

/// The items overdue on `on` or due within `within` days after it, with the days left (negative
/// when overdue).
pub fn select(items: &[DueItem], on: Ngay, within: u32) -> Vec<(DueItem, i64)> {
    items
        .iter()
        .filter_map(|item| {
            let left = days_between(on, item.han);
            (left <= i64::from(within)).then(|| (item.clone(), left))
        })
        .collect()
}

/// Calendar days from `a` to `b`.
fn days_between(a: Ngay, b: Ngay) -> i64 {
    a.0.until(b.0).map_or(0, |s| i64::from(s.get_days()))
}

/// The items as an iCalendar file: one all-day event on each last day, CRLF line ends, lines
/// folded at 75 octets.
pub fn ics(items: &[DueItem], lang: Lang) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//hoso//hoso due//VI".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!(
            "X-WR-CALNAME:{}",
            escape(lang.pick("Hạn hồ sơ kết nạp đảng viên", "Party admission deadlines"))
        ),
    ];
    for item in items {
        let name = item.ho_ten.as_deref().unwrap_or(&item.nguoi);
        let next = item
            .han
            .0
            .tomorrow()
            .map(|d| compact(Ngay(d)))
            .unwrap_or_else(|_| compact(item.han));
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{}.{}@hoso", item.nguoi, item.viec.code()),
            format!("DTSTAMP:{}T000000Z", compact(item.tu_ngay)),
            format!("DTSTART;VALUE=DATE:{}", compact(item.han)),
            format!("DTEND;VALUE=DATE:{next}"),
            format!(
                "SUMMARY:{}",
                escape(&format!("{name}: {}", item.viec.label(lang)))
            ),
            format!(
                "DESCRIPTION:{}",
                escape(&format!(
                    "{}\n`{}`: {}",
                    item.can_cu,
                    item.tu_truong,
                    item.tu_ngay.short()
                ))
            ),
            "TRANSP:TRANSPARENT".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// `20261130`.
fn compact(d: Ngay) -> String {
    format!("{:04}{:02}{:02}", d.0.year(), d.0.month(), d.0.day())
}

/// TEXT values: backslash, semicolon, comma and new lines escaped (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded into lines of at most 75 octets (continuations start with a space),
/// never inside a UTF-8 character, each ended by CRLF (RFC 5545 §3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "Nguyễn Thị Hồng Nhung ".repeat(8));
        fold(&line, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
