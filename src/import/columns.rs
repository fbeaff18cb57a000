//! Columns by their headers, as clerks write them: "Họ và tên", "Ngay sinh", "NGÀY VÀO ĐẢNG".
//! A header is compared without diacritics, case or punctuation; one hoso does not know is
//! reported with the closest header it does know.

use crate::model::id::slug;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A key of the person's record (its path: `ho_ten`, `trinh_do.hoc_van`).
    Key(&'static str),
    /// The person's id, when the sheet gives one.
    Id,
    /// A running number ("STT"): read past.
    Ignored,
}

/// The headers hoso knows, as clerks write them, and what each column holds. The first header
/// of a field is the one exports write.
pub const HEADERS: &[(&str, Field)] = &[
    ("STT", Field::Ignored),
    ("Số thứ tự", Field::Ignored),
    ("TT", Field::Ignored),
    ("Mã", Field::Id),
    ("Mã số", Field::Id),
    ("Họ và tên", Field::Key("ho_ten")),
    ("Họ tên", Field::Key("ho_ten")),
    ("Họ tên khai sinh", Field::Key("ten_khai_sinh")),
    ("Bí danh", Field::Key("bi_danh")),
    ("Giới tính", Field::Key("gioi_tinh")),
    ("Ngày sinh", Field::Key("ngay_sinh")),
    ("Ngày tháng năm sinh", Field::Key("ngay_sinh")),
    ("Nơi sinh", Field::Key("noi_sinh")),
    ("Quê quán", Field::Key("que_quan")),
    ("Nơi cư trú", Field::Key("noi_o")),
    ("Nơi ở", Field::Key("noi_o")),
    ("Nơi ở hiện nay", Field::Key("noi_o")),
    ("Địa chỉ", Field::Key("noi_o")),
    ("Dân tộc", Field::Key("dan_toc")),
    ("Tôn giáo", Field::Key("ton_giao")),
    ("Nghề nghiệp", Field::Key("nghe_nghiep")),
    ("Nơi làm việc", Field::Key("noi_lam_viec")),
    ("Nơi công tác", Field::Key("noi_lam_viec")),
    ("Đơn vị công tác", Field::Key("noi_lam_viec")),
    ("Học vấn", Field::Key("trinh_do.hoc_van")),
    ("Trình độ học vấn", Field::Key("trinh_do.hoc_van")),
    ("Giáo dục phổ thông", Field::Key("trinh_do.hoc_van")),
    ("Chuyên môn", Field::Key("trinh_do.chuyen_mon")),
    ("Trình độ chuyên môn", Field::Key("trinh_do.chuyen_mon")),
    (
        "Lý luận chính trị",
        Field::Key("trinh_do.ly_luan_chinh_tri"),
    ),
    ("Ngoại ngữ", Field::Key("trinh_do.ngoai_ngu")),
    ("Tin học", Field::Key("trinh_do.tin_hoc")),
    ("Chức vụ Đảng", Field::Key("chuc_vu.dang")),
    ("Chức vụ chính quyền", Field::Key("chuc_vu.chinh_quyen")),
    ("Chức vụ", Field::Key("chuc_vu.chinh_quyen")),
    ("Chức vụ đoàn thể", Field::Key("chuc_vu.doan_the")),
    ("Ngày vào Đảng", Field::Key("ngay_vao_dang")),
    ("Ngày kết nạp", Field::Key("ngay_vao_dang")),
    ("Ngày chính thức", Field::Key("ngay_chinh_thuc")),
    ("Chi bộ", Field::Key("chi_bo")),
    ("Giai đoạn", Field::Ignored),
];

/// What a header names, if hoso knows it.
pub fn recognise(header: &str) -> Option<Field> {
    let wanted = slug(header)?;
    HEADERS
        .iter()
        .find(|(h, _)| slug(h).as_deref() == Some(wanted.as_str()))
        .map(|(_, f)| *f)
}

/// The known header closest to an unknown one, as clerks write it.
pub fn suggest(header: &str) -> Option<&'static str> {
    let wanted = slug(header)?;
    let known: Vec<(String, &'static str)> = HEADERS
        .iter()
        .filter_map(|(h, _)| Some((slug(h)?, *h)))
        .collect();
    let best = crate::suggest::closest(&wanted, known.iter().map(|(s, _)| s.as_str()))?.to_string();
    known.iter().find(|(s, _)| *s == best).map(|(_, h)| *h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_with_or_without_diacritics_in_any_case() {
        for h in ["Họ và tên", "HO VA TEN", "ho va ten", " Họ  và tên: "] {
            assert_eq!(recognise(h), Some(Field::Key("ho_ten")), "{h}");
        }
        assert_eq!(
            recognise("Ngay vao Dang"),
            Some(Field::Key("ngay_vao_dang"))
        );
        assert_eq!(
            recognise("NGÀY CHÍNH THỨC"),
            Some(Field::Key("ngay_chinh_thuc"))
        );
        assert_eq!(recognise("Số điện thoại"), None);
        assert_eq!(suggest("Ngày sinhh"), Some("Ngày sinh"));
        assert_eq!(suggest("Que qan"), Some("Quê quán"));
        assert_eq!(suggest("Số điện thoại"), None);
    }

    #[test]
    fn every_field_is_a_documented_key() {
        use crate::model::keys::{FileKind, find};
        for (h, f) in HEADERS {
            if let Field::Key(path) = f {
                assert!(find(FileKind::Nguoi, path).is_some(), "{h}: {path}");
            }
        }
    }
}
