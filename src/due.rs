/*!
What falls due: the time limits of the admission process still running for each person (the
decision from above, the ceremony, the member's personal history, the end of probation, the
branch's review, the decision on full membership, certificates that expire), listed for a day and
written as an iCalendar file (RFC 5545) a clerk can import into a calendar.

The file is deterministic: a stable UID per person and time limit, and no timestamp from the clock
(DTSTAMP is the day of the event the limit runs from), so the same records give the same bytes.
*/

use crate::calendar::Calendar;
use crate::diag::{Deadline, Lang};
use crate::model::{Ngay, Record};
use crate::rules::InForce;
use crate::time_limits::LIMITS;
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
pub fn items(checked: &CheckedWorkspace) -> Vec<&DueItem> {
    let mut out: Vec<&DueItem> = checked.people().flat_map(|p| p.due()).collect();
    out.sort_by(|a, b| (a.han, &a.nguoi, a.viec).cmp(&(b.han, &b.nguoi, b.viec)));
    out
}

/// The time limits still running for one person, in the order of [`LIMITS`]: each reads only the
/// person's own record, so a checked workspace keeps them with the person
/// ([`crate::validate::Person::due`]) until the record changes.
pub(crate) fn of_person(record: &Record, rules: &InForce, cal: &Calendar) -> Vec<DueItem> {
    let n = &record.nguoi;
    let mut out = Vec::new();
    // A limit runs from its recorded start until the process is past the event it runs to.
    for limit in &LIMITS {
        if limit.to.passed(n, rules) || (limit.waived)(n) {
            continue;
        }
        let Some(from) = limit.from.day(n, rules) else {
            continue;
        };
        let ends = limit.last_day(n, rules, cal, from.day, None);
        out.push(DueItem {
            nguoi: record.id.clone(),
            ho_ten: n.ho_ten.clone(),
            viec: limit.kind,
            quy_tac: limit.rule.to_string(),
            can_cu: ends.set.cite(limit.rule).to_string(),
            tu_truong: from.field,
            tu_ngay: from.recorded,
            han: ends.last,
        });
    }
    out
}

/// The items overdue on `on` or due within `within` days after it, with the days left (negative
/// when overdue).
pub fn select(items: &[&DueItem], on: Ngay, within: u32) -> Vec<(DueItem, i64)> {
    items
        .iter()
        .filter_map(|&item| {
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
