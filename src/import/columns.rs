//! Columns by their headers, as clerks write them: "Họ và tên", "Ngay sinh", "NGÀY VÀO ĐẢNG".
//! A header is compared without diacritics, case or punctuation.
//!
//! Every key of a person's record that a sheet can carry (see [`carried`]) has a header made
//! from its meaning in the key table (`model/keys.rs`); the clerks' own habits ("Họ tên", "Ngày
//! vào Đoàn", "STT") are listed beside. A header hoso does not know is reported, with a
//! suggestion only when it is unmistakable: within a small edit distance, and nearer the
//! suggested header than half the distance from that header to any header of another meaning,
//! so that "Ngày vào Đoàn" is never offered as "Ngày vào Đảng", nor "sinh" as "mất".

use crate::model::id::slug;
use crate::model::keys::{FileKind, KEYS};
use crate::schema::{Leaf, leaf};
use std::sync::OnceLock;

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

/// The headers as clerks write them, beside those made from the key table. The first header of
/// a field is the one exports write.
const HABITS: &[(&str, Field)] = &[
    ("STT", Field::Ignored),
    ("Số thứ tự", Field::Ignored),
    ("TT", Field::Ignored),
    ("Số TT", Field::Ignored),
    ("Mã", Field::Id),
    ("Mã số", Field::Id),
    ("Họ và tên", Field::Key("ho_ten")),
    ("Họ tên", Field::Key("ho_ten")),
    ("Họ tên khai sinh", Field::Key("ten_khai_sinh")),
    ("Ngày sinh", Field::Key("ngay_sinh")),
    ("Ngày tháng năm sinh", Field::Key("ngay_sinh")),
    ("Nơi ở", Field::Key("noi_o")),
    ("Nơi ở hiện nay", Field::Key("noi_o")),
    ("Địa chỉ", Field::Key("noi_o")),
    ("Nơi làm việc", Field::Key("noi_lam_viec")),
    ("Nơi công tác", Field::Key("noi_lam_viec")),
    ("Đơn vị công tác", Field::Key("noi_lam_viec")),
    ("Học vấn", Field::Key("trinh_do.hoc_van")),
    ("Trình độ học vấn", Field::Key("trinh_do.hoc_van")),
    ("Văn hóa", Field::Key("trinh_do.hoc_van")),
    ("Chuyên môn", Field::Key("trinh_do.chuyen_mon")),
    ("Trình độ chuyên môn", Field::Key("trinh_do.chuyen_mon")),
    ("Chức vụ Đảng", Field::Key("chuc_vu.dang")),
    ("Chức vụ", Field::Key("chuc_vu.chinh_quyen")),
    ("Ngày vào Đảng", Field::Key("ngay_vao_dang")),
    ("Ngày kết nạp", Field::Key("ngay_vao_dang")),
    ("Ngày chính thức", Field::Key("ngay_chinh_thuc")),
    ("Ngày vào Đoàn", Field::Key("ly_lich.ngay_vao_doan")),
    ("Nơi vào Đoàn", Field::Key("ly_lich.noi_vao_doan")),
    ("Chi bộ", Field::Key("chi_bo")),
    ("Giai đoạn", Field::Ignored),
];

/// Whether a sheet can carry the key at `path`: one value of the person's own (not a list, not
/// one of the documents of the process), a text, a date, or the sex.
pub fn carried(path: &str) -> bool {
    let parent = path.rsplit_once('.').map(|(p, _)| p);
    let own = matches!(parent, None | Some("trinh_do" | "chuc_vu" | "ly_lich"));
    let is_parent = KEYS
        .iter()
        .any(|k| k.file == FileKind::Nguoi && k.path.starts_with(&format!("{path}.")));
    own && !is_parent
        && !path.contains("[]")
        && (path == "gioi_tinh" || matches!(leaf(FileKind::Nguoi, path), Leaf::Text | Leaf::Date))
}

/// The header made from a key's meaning: "ngày vào Đoàn TNCS Hồ Chí Minh" → "Ngày vào Đoàn TNCS Hồ
/// Chí Minh"; what follows a colon or stands in brackets is left out ("giới tính: nam, nữ").
fn header_of(meaning: &str) -> String {
    let cut = meaning
        .find([':', '(', ';'])
        .map_or(meaning, |i| &meaning[..i])
        .trim();
    let mut chars = cut.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every header hoso knows, with its folded form and what it holds: the habits first, then one
/// from the key table for each key a sheet can carry (unless its folded form is already taken).
pub fn headers() -> &'static [(String, String, Field)] {
    static HEADERS: OnceLock<Vec<(String, String, Field)>> = OnceLock::new();
    HEADERS.get_or_init(|| {
        let mut all: Vec<(String, String, Field)> = HABITS
            .iter()
            .filter_map(|(h, f)| Some((h.to_string(), slug(h)?, *f)))
            .collect();
        for key in KEYS
            .iter()
            .filter(|k| k.file == FileKind::Nguoi && carried(k.path))
        {
            let header = header_of(key.vi);
            if let Some(folded) = slug(&header)
                && !all.iter().any(|(_, s, _)| *s == folded)
            {
                all.push((header, folded, Field::Key(key.path)));
            }
        }
        all
    })
}

/// What a header names, if hoso knows it.
pub fn recognise(header: &str) -> Option<Field> {
    let wanted = slug(header)?;
    headers()
        .iter()
        .find(|(_, s, _)| *s == wanted)
        .map(|(_, _, f)| *f)
}

/// The largest edit distance a suggestion may be from what was written.
const MAX_DISTANCE: usize = 2;

/// The known header an unknown one was surely meant to be: within [`MAX_DISTANCE`] edits, and
/// less than half as far as that header is from any header of another field (then no header of
/// another field is as near to what was written).
pub fn suggest(header: &str) -> Option<&'static str> {
    let wanted = slug(header)?;
    let all = headers();
    let (best, distance) = all
        .iter()
        .map(|h| (h, strsim::levenshtein(&wanted, &h.1)))
        .min_by_key(|(_, d)| *d)?;
    if distance > MAX_DISTANCE {
        return None;
    }
    let nearest_other = all
        .iter()
        .filter(|h| h.2 != best.2)
        .map(|h| strsim::levenshtein(&best.1, &h.1))
        .min()
        .unwrap_or(usize::MAX);
    (2 * distance < nearest_other).then_some(best.0.as_str())
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
    fn the_youth_union_is_not_the_party() {
        assert_eq!(
            recognise("Ngày vào Đoàn"),
            Some(Field::Key("ly_lich.ngay_vao_doan"))
        );
        assert_eq!(
            recognise("Ngày vào Đoàn TNCS Hồ Chí Minh"),
            Some(Field::Key("ly_lich.ngay_vao_doan"))
        );
        // One letter from "Ngày vào Đoàn" and two from "Ngày vào Đảng": no suggestion at all.
        assert_eq!(suggest("Ngày vào Đoà"), None);
    }

    /// No suggestion names a header of another field than the nearest: for every known header and
    /// every way of dropping or changing one or two of its letters, what is suggested (if
    /// anything) is a header of the field of every header nearest to what was written.
    #[test]
    fn no_suggestion_crosses_meanings() {
        let all = headers();
        let mut tried = 0;
        for (_, folded, _) in all {
            let chars: Vec<char> = folded.chars().collect();
            let mut variants = Vec::new();
            for i in 0..chars.len() {
                let mut dropped = chars.clone();
                dropped.remove(i);
                variants.push(dropped.iter().collect::<String>());
                for c in ['a', 'o', 'n', 'g', 'i'] {
                    let mut changed = chars.clone();
                    changed[i] = c;
                    let one: String = changed.iter().collect();
                    variants.push(one.clone());
                    if i + 2 < chars.len() {
                        changed[i + 2] = c;
                        variants.push(changed.iter().collect());
                    }
                }
            }
            for v in variants {
                if recognise(&v).is_some() {
                    continue;
                }
                tried += 1;
                let Some(s) = suggest(&v) else { continue };
                let field = recognise(s).unwrap();
                let nearest = all
                    .iter()
                    .map(|h| strsim::levenshtein(&v, &h.1))
                    .min()
                    .unwrap();
                for (h, f, g) in all {
                    if strsim::levenshtein(&v, f) == nearest {
                        assert_eq!(*g, field, "`{v}` → `{s}`, but `{h}` is as near");
                    }
                    if *g != field {
                        assert!(
                            strsim::levenshtein(&v, f) > strsim::levenshtein(&v, &slug(s).unwrap()),
                            "`{v}` → `{s}`, but `{h}` is as near"
                        );
                    }
                }
            }
        }
        assert!(tried > 1000, "{tried}");
    }

    #[test]
    fn every_key_a_sheet_carries_has_a_header_and_every_field_is_a_key() {
        use crate::model::keys::find;
        for key in KEYS
            .iter()
            .filter(|k| k.file == FileKind::Nguoi && carried(k.path))
        {
            assert!(
                headers().iter().any(|(_, _, f)| *f == Field::Key(key.path)),
                "{}",
                key.path
            );
        }
        for (h, _, f) in headers() {
            if let Field::Key(path) = f {
                assert!(find(FileKind::Nguoi, path).is_some(), "{h}: {path}");
                assert!(carried(path), "{h}: {path}");
            }
        }
        assert!(carried("ly_lich.ngay_vao_doan") && carried("trinh_do.tin_hoc"));
        assert!(!carried("hop_chi_bo.ngay") && !carried("ly_lich.cong_tac[].tu"));
        assert!(!carried("ton_giao_du_dieu_kien") && !carried("trinh_do"));
    }
}
