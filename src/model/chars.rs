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

/// A YAML file's text as the loader reads it: in NFC (names typed on different keyboards come
/// composed or decomposed; they are compared and printed one way), except that a mark typed right
/// after a backslash escape (`"…\n◌́"` in double quotes) is not put onto the escape's letter:
/// `\ń` is no escape, and the whole file would stop parsing. The loader, the desk's check of an
/// edit and the writer's check of what was loaded all read a file through this one function.
pub fn yaml_nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if is_nfc(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // Each backslash and the character after it end a piece, normalised alone: nothing after
    // them composes with them. (`\\` is a pair too, so the letter after it composes as usual.)
    let mut piece = 0;
    let mut chars = text.char_indices();
    while let Some((_, c)) = chars.next() {
        if c == '\\'
            && let Some((j, escaped)) = chars.next()
        {
            let end = j + escaped.len_utf8();
            out.extend(text[piece..end].nfc());
            piece = end;
        }
    }
    out.extend(text[piece..].nfc());
    std::borrow::Cow::Owned(out)
}

/// Whether `c` is a combining mark (Unicode's M categories), looked up only when it may be one.
pub fn is_combining_mark(c: char) -> bool {
    !is_plain_composed(c) && unicode_normalization::char::is_combining_mark(c)
}

/// What kind of character a value may not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forbidden {
    /// A control character (NUL, ESC, VT, DEL, C1), a line or paragraph separator, or one that
    /// changes the direction of the text (U+202E right-to-left override, U+2066–U+2069).
    Control,
    /// A character that prints as nothing: zero-width (U+200B–U+200D), a byte-order mark inside
    /// the text, a soft hyphen, any other format character.
    Invisible,
    /// A private-use or unassigned code point: no font prints it the same.
    Unusable,
}

impl Forbidden {
    /// "ký tự điều khiển", "control character".
    pub fn name(self, lang: crate::diag::Lang) -> &'static str {
        match self {
            Forbidden::Control => lang.pick("ký tự điều khiển", "control character"),
            Forbidden::Invisible => lang.pick("ký tự vô hình", "invisible character"),
            Forbidden::Unusable => lang.pick("ký tự không dùng được", "unusable character"),
        }
    }
}

/// Whether a record may hold `c`, and if not, what it is. What Vietnamese text needs passes:
/// letters and marks of any script, digits, punctuation, symbols, spaces, tab and line breaks.
/// Everything else (Unicode's general categories Cc, Cf, Zl, Zp, Co, Cn, surrogates) is named.
pub fn forbidden(c: char) -> Option<Forbidden> {
    use icu_properties::{CodePointMapData, props::GeneralCategory as G};
    match c {
        '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}' => None,
        '\u{1EA0}'..='\u{1EF9}' => None,
        _ => match CodePointMapData::<G>::new().get(c) {
            G::Control | G::LineSeparator | G::ParagraphSeparator => Some(Forbidden::Control),
            G::Format if is_bidi_control(c) => Some(Forbidden::Control),
            G::Format => Some(Forbidden::Invisible),
            G::PrivateUse | G::Unassigned | G::Surrogate => Some(Forbidden::Unusable),
            _ => None,
        },
    }
}

/// The characters that change the direction of what follows (Unicode's Bidi_Control).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Every character of `text` a record may not hold: its byte offset, the character, its kind.
pub fn forbidden_in(text: &str) -> impl Iterator<Item = (usize, char, Forbidden)> + '_ {
    // Most text is ASCII and Vietnamese letters: one comparison a character.
    text.char_indices()
        .filter_map(|(i, c)| forbidden(c).map(|kind| (i, c, kind)))
}

/// A code point as Unicode writes it: `U+202E`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Text as a terminal may print it: each character a record may not hold is written as its
/// escape (`\u202E`, `\u001B`), never sent to the terminal, where it could clear the screen,
/// set the clipboard or print the rest of the line mirrored.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if forbidden_in(text).next().is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match forbidden(c) {
            Some(_) if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            Some(_) => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The same text with each character a record may not hold replaced by a visible one of the
/// same length in bytes (`?`, `¿`, `�`), so that byte offsets into it still hold: for quoting a
/// file's line under a diagnostic.
pub fn visible_same_length(text: &str) -> std::borrow::Cow<'_, str> {
    if forbidden_in(text).next().is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (forbidden(c), c.len_utf8()) {
            (None, _) => out.push(c),
            (Some(_), 1) => out.push('?'),
            (Some(_), 2) => out.push('¿'),
            (Some(_), 3) => out.push('\u{FFFD}'),
            (Some(_), _) => out.push_str("\u{FFFD}?"),
        }
    }
    std::borrow::Cow::Owned(out)
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

    #[test]
    fn what_vietnamese_text_needs_passes_and_the_rest_is_named() {
        let text = "Nguyễn Thị Ánh Tuyết (Hà Nội), số 12/3 – “Đoàn” … 100% ½ €\tx\r\n中文 Ωmega";
        assert_eq!(forbidden_in(text).count(), 0);
        let decomposed = "Nguye\u{302}\u{303}n";
        assert_eq!(forbidden_in(decomposed).count(), 0);
        for (c, kind) in [
            ('\0', Forbidden::Control),
            ('\u{1B}', Forbidden::Control),
            ('\u{B}', Forbidden::Control),
            ('\u{7F}', Forbidden::Control),
            ('\u{85}', Forbidden::Control),
            ('\u{202E}', Forbidden::Control),
            ('\u{2066}', Forbidden::Control),
            ('\u{2069}', Forbidden::Control),
            ('\u{2028}', Forbidden::Control),
            ('\u{200B}', Forbidden::Invisible),
            ('\u{200D}', Forbidden::Invisible),
            ('\u{FEFF}', Forbidden::Invisible),
            ('\u{AD}', Forbidden::Invisible),
            ('\u{E0041}', Forbidden::Invisible),
            ('\u{E000}', Forbidden::Unusable),
        ] {
            assert_eq!(forbidden(c), Some(kind), "{}", code_point(c));
        }
        assert_eq!(code_point('\u{202E}'), "U+202E");
        assert_eq!(printable("An\u{1B}[2J\u{202E}"), "An\\u001B[2J\\u202E");
        let line = "a\u{1B}b\u{202E}c\u{85}d";
        assert_eq!(visible_same_length(line).len(), line.len());
        assert_eq!(forbidden_in(&visible_same_length(line)).count(), 0);
    }

    #[test]
    fn a_mark_after_an_escape_stays_off_its_letter_and_everything_else_is_composed() {
        assert_eq!(yaml_nfc("ho_ten: Nguye\u{302}\u{303}n"), "ho_ten: Nguyễn");
        assert_eq!(
            yaml_nfc("noi_o: \"Hà Nội\\n\u{301}Nguye\u{302}\u{303}n\""),
            "noi_o: \"Hà Nội\\n\u{301}Nguyễn\""
        );
        // An escaped backslash, then a plain letter with its mark.
        assert_eq!(yaml_nfc("a: \"\\\\n\u{301}\""), "a: \"\\\\ń\"");
    }
}
