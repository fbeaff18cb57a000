//! Figures stated in `bao-cao.yaml`, and the figures derived from the others (shares, targets).

use super::*;

/// Stated figures of `bao-cao.yaml` for this period and this unit: they replace a computed
/// figure of the same id, or are added.
pub(super) fn apply_stated(f: &mut Figures, bao_cao: &BaoCao, period: &Period, unit: Option<&str>) {
    for s in &bao_cao.so_lieu {
        let (Some(id), Some(number)) = (&s.ma, s.gia_tri) else {
            continue;
        };
        let for_period = match (s.tu, s.den) {
            (None, None) => true,
            (from, to) => from == Some(period.from) && to == Some(period.to),
        };
        if !for_period || s.cua.as_deref() != unit {
            continue;
        }
        let nguon = s.nguon.clone().unwrap_or_default();
        let value = match &s.don_vi {
            None if number.fract() == 0.0 => Value::Count(number as i64),
            unit => Value::Stated {
                number,
                unit: unit.clone(),
            },
        };
        let stated = Figure {
            id: id.clone(),
            label: s.nhan.clone().unwrap_or_else(|| id.clone()),
            value,
            how: format!("số liệu nêu, theo {nguon}"),
            source: Source::Stated { nguon },
            about: None,
        };
        match f.list.iter_mut().find(|x| &x.id == id) {
            Some(existing) => {
                let label = existing.label.clone();
                *existing = Figure { label, ..stated };
            }
            // The id of a computed figure that this period has not (no comparison period for a
            // term not over): stating it would read as a stray figure ("… nhiệm kỳ trước là 18").
            None if COMPUTED_ONLY_SOMETIMES.contains(&id.as_str()) => {}
            None => {
                f.stated_added.push(id.clone());
                f.list.push(stated);
            }
        }
    }
}

/// Ratios and comparisons, from the table as it stands.
pub(super) fn derive(f: &mut Figures) {
    let base = SHARE_MIN_BASE as f64;
    f.ratio(
        "ty_le_doan_gioi_thieu",
        "Tỷ lệ đảng viên mới do Đoàn Thanh niên giới thiệu",
        "ket_nap_doan_gioi_thieu",
        "ket_nap",
        base,
    );
    f.ratio(
        "ty_le_nu",
        "Tỷ lệ nữ trong đảng viên mới",
        "ket_nap_nu",
        "ket_nap",
        base,
    );
    f.ratio(
        "ty_le_duoi_30",
        "Tỷ lệ đảng viên mới dưới 30 tuổi",
        "ket_nap_duoi_30",
        "ket_nap",
        base,
    );
    f.ratio(
        "ty_le_dai_hoc",
        "Tỷ lệ đảng viên mới có trình độ đại học trở lên",
        "ket_nap_dai_hoc",
        "ket_nap",
        base,
    );
    if let (Some(now), Some(before)) = (f.number("ket_nap"), f.number("ket_nap_ky_truoc")) {
        f.push(
            "chenh_lech_ky_truoc",
            "Chênh lệch so với thời gian so sánh (số người)",
            Value::Count((now - before).abs() as i64),
            "hiệu giữa đảng viên mới và đảng viên mới của thời gian so sánh, không kể dấu".into(),
        );
    }
    f.ratio(
        "ty_le_chi_tieu",
        "Tỷ lệ thực hiện chỉ tiêu",
        "ket_nap",
        "chi_tieu",
        0.0,
    );
    if let Some(done) = f.number("ty_le_chi_tieu")
        && done > 100.0
    {
        f.push(
            "vuot_chi_tieu",
            "Vượt chỉ tiêu",
            Value::Percent(done - 100.0),
            "tỷ lệ thực hiện chỉ tiêu trừ 100".into(),
        );
    }
}
