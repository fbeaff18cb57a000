//! Which characters of a record can be passed over by the per-character Unicode checks of loading
//! and of the limits (composition, combining marks) without looking them up.
//!
//! A record is Vietnamese text: ASCII, Latin-1 letters and the precomposed letters of the Latin
//! Extended Additional block (ạ, ố, ữ, ...). None of these is a combining mark, and each is already
//! in its composed (NFC) form, so a text made only of them needs no table lookup at all; the checks
//! then cost one comparison a character. Anything else goes through `unicode-normalization`'s
//! tables as before. The test below checks the claim against those tables, character by character.

/// Whether `c` is below U+0300 (where the first combining mark is) or one of the precomposed
/// Vietnamese letters U+1EA0–U+1EF9: a starter, not a mark, and composed.
pub fn is_plain_composed(c: char) -> bool {
    c < '\u{300}' || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Whether `text` is in NFC: at once when every character is [`is_plain_composed`], else by the
/// quick check of Unicode's tables.
pub fn is_nfc(text: &str) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    text.chars().all(is_plain_composed) || is_nfc_quick(text.chars()) == IsNormalized::Yes
}

/// Whether `c` is a combining mark (Unicode's M categories), looked up only when it may be one.
pub fn is_combining_mark(c: char) -> bool {
    !is_plain_composed(c) && unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfc_quick};

    #[test]
    fn every_character_passed_over_is_a_composed_starter_and_not_a_mark() {
        let passed = ('\0'..='\u{2FF}').chain('\u{1EA0}'..='\u{1EF9}');
        for c in passed {
            assert!(is_plain_composed(c));
            assert!(!unicode_normalization::char::is_combining_mark(c), "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        // The first mark and anything outside the ranges are looked up.
        assert!(!is_plain_composed('\u{300}') && is_combining_mark('\u{300}'));
        assert!(!is_nfc("Nguye\u{302}\u{303}n"));
        assert!(is_nfc("Nguyễn Thị Ánh Tuyết, Hà Nội"));
        assert!(is_nfc("Ωmega 中文"));
    }
}
