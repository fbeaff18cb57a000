//! Members of a unit on a day, counted from the branch resolutions and the records since.

use super::*;

/// What a branch meeting states: the chi bộ's members on the day of the meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// The chi bộ.
    pub branch: String,
    /// The day of the meeting.
    pub date: Ngay,
    /// Its members that day, as the resolution prints them (official + probationary).
    pub stated: i64,
    /// The form that prints it: "6-KNĐ", "13-KNĐ".
    pub form: &'static str,
}

/// The members of a unit at the end of a day, and what the count rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberCount {
    /// How many.
    pub count: i64,
    /// The branch meetings the count starts from (none: counted from the records alone).
    pub anchors: Vec<Anchor>,
}

/// **The members of unit `unit` at the end of `day`**, counted as the forms count them; every
/// member figure of an article comes from here.
///
/// A branch resolution (6-KNĐ, 13-KNĐ) prints the chi bộ's members on the day of its meeting
/// (`hop_chi_bo.dang_vien`, `hop_xet_chinh_thuc.dang_vien`), and a workspace seldom keeps a file
/// for every member, so counting files alone would contradict the branch's own resolution. Each
/// chi bộ is therefore counted from the meeting nearest to `day` (the last one on or before it,
/// else the first after it): the members the resolution states, plus those who came (admitted,
/// or transferred in) and minus those who left between the meeting and `day`, as the records
/// show ([`crate::facts::counted_here_on`]: probationary members count, leavers do not from the day
/// they left). A chi bộ with no such meeting is counted from its records alone. When the records
/// are complete, both ways give the same number.
pub fn members_on(checked: &CheckedWorkspace, tree: &Tree, unit: usize, day: Ngay) -> MemberCount {
    let (workspace, rules) = (checked.workspace(), checked.rules());
    let mut groups: Vec<(String, Vec<&Nguoi>)> = Vec::new();
    let branches = tree.branches_under(unit);
    let listed: Vec<&str> = tree.ids().collect();
    for &b in &branches {
        let id = tree.units[b].id.as_deref();
        let people = workspace
            .people
            .iter()
            .map(|r| &*r.nguoi)
            .filter(|n| workspace.branch_of(n) == id)
            .collect();
        groups.push((tree.units[b].name.clone(), people));
    }
    if unit == 0 {
        // The people of no listed branch: everyone, in a workspace of one chi bộ.
        let people: Vec<&Nguoi> = workspace
            .people
            .iter()
            .map(|r| &*r.nguoi)
            .filter(|n| workspace.branch_of(n).is_none_or(|b| !listed.contains(&b)))
            .collect();
        if !people.is_empty() || branches.is_empty() {
            groups.push((tree.units[0].name.clone(), people));
        }
    }
    let mut total = 0;
    let mut anchors = Vec::new();
    for (name, people) in groups {
        let records_on = |d: Ngay| {
            people
                .iter()
                .filter(|n| counted_here_on(n, rules, d))
                .count() as i64
        };
        let meetings = people.iter().flat_map(|n| {
            [(&n.hop_chi_bo, "6-KNĐ"), (&n.hop_xet_chinh_thuc, "13-KNĐ")]
                .into_iter()
                .filter_map(|(h, form)| {
                    let h = h.as_ref()?;
                    let counted = h.dang_vien?;
                    Some((h.ngay?, i64::from(counted.chinh_thuc + counted.du_bi), form))
                })
        });
        let mut before: Option<(Ngay, i64, &'static str)> = None;
        let mut after: Option<(Ngay, i64, &'static str)> = None;
        for m in meetings {
            if m.0 <= day {
                if before.is_none_or(|b| m.0 > b.0) {
                    before = Some(m);
                }
            } else if after.is_none_or(|a| m.0 < a.0) {
                after = Some(m);
            }
        }
        match before.or(after) {
            Some((date, stated, form)) => {
                total += (stated + records_on(day) - records_on(date)).max(0);
                anchors.push(Anchor {
                    branch: name,
                    date,
                    stated,
                    form,
                });
            }
            None => total += records_on(day),
        }
    }
    MemberCount {
        count: total,
        anchors,
    }
}

/// How a member count was made, in words for the table.
pub(super) fn members_how(count: &MemberCount, day: Ngay) -> String {
    let d = day.short();
    match count.anchors.as_slice() {
        [] => format!(
            "đếm hồ sơ: người đã vào Đảng (kể cả đảng viên dự bị) đến hết ngày {d}, trừ người đã ra khỏi danh sách"
        ),
        [a] => format!(
            "{} ghi {} đảng viên trong nghị quyết ngày {} (Mẫu {}); cộng người được kết nạp, chuyển đến và trừ người ra khỏi danh sách theo hồ sơ, đến hết ngày {d}",
            a.branch,
            vn::thousands(a.stated),
            a.date.short(),
            a.form
        ),
        many => format!(
            "cộng từng chi bộ đến hết ngày {d}: chi bộ có nghị quyết (Mẫu 6-KNĐ, 13-KNĐ) tính từ số đảng viên ghi trong nghị quyết gần nhất ({} chi bộ), cộng người được kết nạp, chuyển đến và trừ người ra khỏi danh sách theo hồ sơ; chi bộ khác đếm hồ sơ",
            many.len()
        ),
    }
}
