//! What an article says of a new member or a leaver: age, degree, ethnic group, why they left.

use super::*;

/// The kinds of leaving an article names, from the reason recorded (`ra_khoi_dang.ly_do`).
/// Each kind is said as it is: a transfer is not a striking-off.
pub(super) fn leaving_kind(reason: Option<&str>) -> (&'static str, String) {
    let folded = fold(reason.unwrap_or(""));
    let kinds: [(&[&str], &str, &str); 6] = [
        (
            &["tu tran", "qua doi", "tu the", "hy sinh"],
            "tu_tran",
            "từ trần",
        ),
        (
            &["chuyen"],
            "chuyen_di",
            "chuyển sinh hoạt đảng đi nơi khác",
        ),
        (&["xoa ten"], "xoa_ten", "bị xóa tên"),
        (&["khai tru"], "khai_tru", "bị khai trừ"),
        (&["xin ra"], "xin_ra", "xin ra khỏi Đảng"),
        (
            &["mien sinh hoat", "mien cong tac"],
            "mien",
            "được miễn sinh hoạt",
        ),
    ];
    for (words, id, said) in kinds {
        if words.iter().any(|w| folded.contains(w)) {
            return (id, said.to_string());
        }
    }
    match reason.map(str::trim).filter(|r| !r.is_empty()) {
        // An unclassified reason is said as recorded, never guessed.
        Some(r) => ("khac", r.to_string()),
        None => (
            "khong_ro",
            "ra khỏi danh sách (hồ sơ không ghi lý do)".to_string(),
        ),
    }
}

/// Whether a professional qualification is a university degree or above.
pub(super) fn has_degree(chuyen_mon: &str) -> bool {
    let f = fold(chuyen_mon);
    [
        "dai hoc",
        "cu nhan",
        "ky su",
        "thac si",
        "tien si",
        "bac si",
        "duoc si",
        "kien truc su",
    ]
    .iter()
    .any(|w| f.contains(w))
}

/// Whole years of age on the day of admission.
pub(super) fn age_when_admitted(n: &Nguoi) -> Option<i64> {
    let (birth, admitted) = (n.ngay_sinh?, n.ngay_ket_nap()?);
    let mut years = i64::from(admitted.0.year() - birth.0.year());
    if (admitted.0.month(), admitted.0.day()) < (birth.0.month(), birth.0.day()) {
        years -= 1;
    }
    Some(years)
}

/// Text without diacritics, in lower case, for matching words however they were typed.
pub(super) fn fold(text: &str) -> String {
    text.trim()
        .nfd()
        .filter(|c| !crate::model::chars::is_combining_mark(*c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// Younger than [`YOUNG_AGE`] on the day of admission.
pub(super) fn young_when_admitted(n: &Nguoi) -> bool {
    match (n.ngay_sinh, n.ngay_ket_nap()) {
        (Some(birth), Some(admitted)) => birth
            .0
            .checked_add(YOUNG_AGE.years())
            .is_ok_and(|thirtieth| admitted.0 < thirtieth),
        _ => false,
    }
}

/// Whether an ethnic group is a minority: anything recorded but Kinh, however it was typed.
pub fn is_ethnic_minority(dan_toc: &str) -> bool {
    let folded = fold(dan_toc);
    !folded.is_empty() && folded != "kinh"
}
