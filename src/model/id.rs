//! Person ids: the file name of a person's record, and what every reference to them writes.
//!
//! An id is a slug: lower-case ASCII letters and digits in groups joined by single hyphens
//! (`tran-thi-binh`, `nguyen-van-an-2`). Nothing else can be one: an id becomes a folder and file
//! names of outputs, a calendar UID and a word on the terminal, so a file named `...yaml` or with
//! a line break or an escape character in its name is refused rather than trusted. Nor can an id
//! be a name Windows keeps for its devices (`con`, `nul`, `com1`…): no file can be named after
//! one there (`con.yaml` opens the console), so a workspace must never hold one.

use super::chars::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Whether `s` is an id.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && !windows_reserved(s)
        && s.split('-').all(|group| {
            !group.is_empty()
                && group
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Whether Windows keeps `s` for a device, whatever follows the dot: `con`, `prn`, `aux`, `nul`,
/// `com0`…`com9`, `lpt0`…`lpt9`, in any case. (Trailing dots and spaces, which Windows drops from
/// a file name, cannot be in an id at all.)
pub fn windows_reserved(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    match s.as_bytes() {
        [a, b, c] => matches!(&[*a, *b, *c], b"con" | b"prn" | b"aux" | b"nul"),
        [a, b, c, d] => matches!(&[*a, *b, *c], b"com" | b"lpt") && d.is_ascii_digit(),
        _ => false,
    }
}

/// The id a name would give: Vietnamese letters folded to ASCII (`Trần Thị Bình` →
/// `tran-thi-binh`, `Đặng` → `dang`), anything else a separator. `None` when nothing is left.
pub fn slug(name: &str) -> Option<String> {
    let mut out = String::new();
    let mut gap = false;
    for c in name.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if is_combining_mark(c) => continue,
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            out.push(c);
            gap = false;
        } else {
            gap = true;
        }
    }
    out.truncate(100);
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_and_names_fold_to_them() {
        for ok in ["tran-thi-binh", "nguyen-van-an-2", "r2-17y11m", "a"] {
            assert!(is_id(ok), "{ok}");
        }
        for bad in [
            "",
            "..",
            "...",
            "Tran",
            "tran--binh",
            "-a",
            "a-",
            "a b",
            "a\nb",
            "a\u{1b}[31m",
            "trần",
            "con",
            "nul",
            "aux",
            "prn",
            "com1",
            "com9",
            "lpt1",
            "lpt9",
        ] {
            assert!(!is_id(bad), "{bad:?}");
        }
        assert_eq!(slug("Trần Thị Bình").as_deref(), Some("tran-thi-binh"));
        assert_eq!(slug("  Đặng Văn  Khoa ").as_deref(), Some("dang-van-khoa"));
        assert_eq!(
            slug("Nguyễn Thị Ánh 2").as_deref(),
            Some("nguyen-thi-anh-2")
        );
        assert_eq!(slug("..."), None);
        assert!(slug("a\u{1b}[31mb").is_some_and(|s| is_id(&s)));
        // Only the device names themselves: a word that starts like one is an id.
        for ok in ["con-2", "cong", "com", "com10", "lpt", "nul-1", "aux2"] {
            assert!(is_id(ok), "{ok}");
        }
        assert!(windows_reserved("CON") && windows_reserved("Lpt3"));
    }
}
