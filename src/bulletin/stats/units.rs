//! The figures of the units below the article's unit.

use super::*;

/// The figures of the units below the article's unit: new members and members of each, how
/// many admitted someone and how many none (one figure, never a list of zeros).
pub(super) fn units(
    f: &mut Figures,
    checked: &CheckedWorkspace,
    period: &Period,
    scope: Scope,
    admitted: &[&Nguoi],
    in_period: &str,
) {
    let workspace = checked.workspace();
    let tree = scope.tree;
    let top = &tree.units[scope.unit];
    if top.children.is_empty() {
        return;
    }
    let admitted_by = |i: usize| {
        admitted
            .iter()
            .filter(|n| tree.counts(i, workspace.branch_of(n)))
            .count() as i64
    };
    let mut rows: Vec<UnitRow> = Vec::new();
    let mut add = |f: &mut Figures, i: usize, direct: bool| {
        let u = &tree.units[i];
        let id = u.id.clone().unwrap_or_default();
        let ket_nap = admitted_by(i);
        let ket_nap_id = format!("don_vi.{id}.ket_nap");
        f.push_about(
            &ket_nap_id,
            &format!("Đảng viên mới: {}", u.name),
            Value::Count(ket_nap),
            format!("đảng viên mới của {} {in_period}", u.name),
            &u.name,
        );
        let members = members_on(checked, tree, i, period.to);
        let dang_vien_id = format!("don_vi.{id}.dang_vien");
        f.push_about(
            &dang_vien_id,
            &format!("Đảng viên {}: {}", period.end_wording(&[]), u.name),
            Value::Count(members.count),
            members_how(&members, period.to),
            &u.name,
        );
        let parent = u
            .parent
            .filter(|&p| p != scope.unit)
            .map(|p| tree.units[p].name.clone());
        rows.push(UnitRow {
            index: i,
            name: u.name.clone(),
            level: u.level,
            parent,
            direct,
            ket_nap,
            ket_nap_id,
            dang_vien: members.count,
            dang_vien_id,
        });
    };
    for &c in &top.children {
        add(f, c, true);
    }
    // Three levels: the chi bộ of the đảng bộ cơ sở are named too, at their own level.
    for &c in &top.children {
        if tree.units[c].level == Level::DangBoCoSo {
            for &g in &tree.units[c].children {
                add(f, g, false);
            }
        }
    }

    let direct: Vec<&UnitRow> = rows.iter().filter(|r| r.direct).collect();
    let count = |rows: &[&UnitRow], pred: &dyn Fn(&UnitRow) -> bool| {
        Value::Count(rows.iter().filter(|r| pred(r)).count() as i64)
    };
    let is_branch = |r: &UnitRow| matches!(r.level, Level::ChiBo | Level::ChiBoCoSo);
    let (word, how_word) = if tree.three_levels && scope.unit == 0 {
        ("tổ chức cơ sở đảng", "đảng bộ cơ sở và chi bộ cơ sở")
    } else {
        ("chi bộ trực thuộc", "chi bộ trực thuộc")
    };
    f.push(
        "so_don_vi",
        &format!("Số {word}"),
        count(&direct, &|_| true),
        format!("số {how_word} ghi trong danh sách tổ chức"),
    );
    f.push(
        "don_vi_co_ket_nap",
        &format!("Số {word} kết nạp được đảng viên"),
        count(&direct, &|r| r.ket_nap > 0),
        format!("số {how_word} có ít nhất một đảng viên mới {in_period}"),
    );
    f.push(
        "don_vi_chua_ket_nap",
        &format!("Số {word} chưa kết nạp được đảng viên"),
        count(&direct, &|r| r.ket_nap == 0),
        format!("số {how_word} không có đảng viên mới nào {in_period}"),
    );
    if tree.three_levels && scope.unit == 0 {
        f.push(
            "so_dang_bo_co_so",
            "Số đảng bộ cơ sở",
            count(&direct, &|r| r.level == Level::DangBoCoSo),
            "số đảng bộ cơ sở ghi trong danh sách tổ chức".into(),
        );
        f.push(
            "so_chi_bo_co_so",
            "Số chi bộ cơ sở",
            count(&direct, &|r| r.level == Level::ChiBoCoSo),
            "số chi bộ trực thuộc thẳng đảng bộ, không qua đảng bộ cơ sở".into(),
        );
        let below: Vec<&UnitRow> = rows.iter().filter(|r| !r.direct).collect();
        f.push(
            "so_chi_bo_truc_thuoc",
            "Số chi bộ trực thuộc đảng ủy cơ sở",
            count(&below, &|_| true),
            "số chi bộ ghi trong danh sách tổ chức thuộc một đảng bộ cơ sở".into(),
        );
        let all_branches: Vec<&UnitRow> = rows.iter().filter(|r| is_branch(r)).collect();
        f.push(
            "so_chi_bo",
            "Tổng số chi bộ",
            count(&all_branches, &|_| true),
            "chi bộ trực thuộc đảng ủy cơ sở và chi bộ cơ sở".into(),
        );
        f.push(
            "chi_bo_co_ket_nap",
            "Số chi bộ kết nạp được đảng viên",
            count(&all_branches, &|r| r.ket_nap > 0),
            format!("trong tổng số chi bộ, chi bộ có ít nhất một đảng viên mới {in_period}"),
        );
        f.push(
            "chi_bo_chua_ket_nap",
            "Số chi bộ chưa kết nạp được đảng viên",
            count(&all_branches, &|r| r.ket_nap == 0),
            format!("trong tổng số chi bộ, chi bộ không có đảng viên mới nào {in_period}"),
        );
    }
    f.units = rows;
}
