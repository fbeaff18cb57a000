//! A CSV file's text as Excel saves it on a Vietnamese Windows: UTF-8 with or without a
//! byte-order mark, UTF-16 ("Unicode text"), or Windows-1258 with tone marks as separate
//! combining characters (normalised here to NFC); separated by `,`, `;` (the Vietnamese list
//! separator) or tabs. A file in TCVN3 or VNI, the legacy font encodings, is recognised and
//! refused with the way to save it again.

use super::SheetError;
use crate::diag::Lang;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1258};
use unicode_normalization::UnicodeNormalization;

/// A legacy Vietnamese font encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN3 (ABC, fonts `.VnTime`): precomposed letters in the upper half.
    Tcvn3,
    /// VNI (fonts `VNI-Times`): a letter followed by its marks as separate bytes.
    Vni,
    /// Neither UTF-8 nor Windows-1258, and not recognisably either of the above.
    Unknown,
}

impl Legacy {
    /// What the clerk reads: what the file is, and how to save it so that hoso reads it.
    pub fn message(self, lang: Lang) -> String {
        let what = match self {
            Legacy::Tcvn3 => lang.pick("bảng mã TCVN3 (ABC)", "the TCVN3 (ABC) encoding"),
            Legacy::Vni => lang.pick("bảng mã VNI", "the VNI encoding"),
            Legacy::Unknown => lang.pick("một bảng mã không rõ", "an unknown encoding"),
        };
        lang.pick(
            "tệp CSV được lưu bằng {w}, không đọc được chắc chắn: mở tệp trong Excel và lưu lại dưới dạng CSV UTF-8 (Tệp → Lưu thành → CSV UTF-8), hoặc chuyển sang Unicode bằng công cụ chuyển mã của Unikey, rồi nhập lại",
            "the CSV file is saved in {w}, which cannot be read reliably: open it in Excel and save it again as CSV UTF-8 (File → Save As → CSV UTF-8), or convert it to Unicode with Unikey's converter, then import again",
        )
        .replace("{w}", what)
    }
}

impl Legacy {
    /// What the clerk reads of a workbook whose cells, from `cell` on, are in this encoding.
    pub fn cells_message(self, cell: &str, lang: Lang) -> String {
        let what = match self {
            Legacy::Tcvn3 => lang.pick("bảng mã TCVN3 (phông .VnTime)", "TCVN3 (.VnTime fonts)"),
            Legacy::Vni => lang.pick("bảng mã VNI (phông VNI-Times)", "VNI (VNI-Times fonts)"),
            Legacy::Unknown => lang.pick("một bảng mã không rõ", "an unknown encoding"),
        };
        lang.pick(
            "ô {c} và các ô khác được gõ bằng {w}, không phải Unicode: tên người sẽ bị đọc sai. Chuyển bảng tính sang Unicode bằng công cụ chuyển mã của Unikey (bảng mã nguồn {w}, bảng mã đích Unicode), lưu lại rồi nhập lại",
            "cell {c} and others are typed in {w}, not Unicode: people's names would be read wrong. Convert the workbook to Unicode with Unikey's converter (source {w}, destination Unicode), save it and import again",
        )
        .replace("{c}", cell)
        .replace("{w}", what)
    }
}

/// A sheet typed in a legacy font encoding, and its first such cell: the text cells of its first
/// rows that read as TCVN3 or VNI once their characters are taken back to the bytes a Western
/// font showed (Windows-1252), at least two of them and no fewer than the cells holding
/// Vietnamese letters of Unicode. A name such as "Café Müller" is not enough.
pub fn legacy_cells(grid: &super::Grid) -> Option<(Legacy, String)> {
    let mut found: Option<(Legacy, String)> = None;
    let (mut legacy_count, mut unicode_count) = (0usize, 0usize);
    for (r, row) in grid.rows.iter().take(200).enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let super::Value::Text(t) = cell else {
                continue;
            };
            if t.chars().any(is_unicode_only_letter) {
                unicode_count += 1;
                continue;
            }
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(t);
            if unmappable || bytes.is_ascii() {
                continue;
            }
            let Some(kind @ (Legacy::Tcvn3 | Legacy::Vni)) = legacy(&bytes) else {
                continue;
            };
            legacy_count += 1;
            if found.is_none() {
                let row = grid.first_row + r as u32;
                let column = grid.first_column + c as u32;
                found = Some((kind, super::cell_name(row, column)));
            }
        }
    }
    found.filter(|_| legacy_count >= 2 && legacy_count >= unicode_count)
}

/// A Vietnamese letter that no Western code page has (`ă`, `đ`, `ơ`, `ư`, the letters with two
/// marks or a dot below): a cell holding one is Unicode.
fn is_unicode_only_letter(c: char) -> bool {
    "ăđĩũơưĂĐĨŨƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// The text of a CSV file's bytes, in NFC, without a byte-order mark; and its encoding's name.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), SheetError> {
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some((e, len)) => (e, len),
        None if looks_utf16(bytes, 1) => (UTF_16LE, 0),
        None if looks_utf16(bytes, 0) => (UTF_16BE, 0),
        None => match std::str::from_utf8(bytes) {
            Ok(_) => (UTF_8, 0),
            Err(_) => match legacy(bytes) {
                Some(found) => return Err(SheetError::Legacy(found)),
                None => (WINDOWS_1258, 0),
            },
        },
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
    if had_errors {
        return Err(SheetError::Legacy(Legacy::Unknown));
    }
    let text = if crate::model::chars::is_nfc(&text) {
        text.into_owned()
    } else {
        text.nfc().collect()
    };
    Ok((text, encoding.name()))
}

/// Whether the bytes look like UTF-16 without a mark: the high byte of a code unit (at `zero`
/// in each pair) is zero for ASCII and Latin-1, which is a good part of any Vietnamese text,
/// while the low byte of a Vietnamese letter never is (and no text in a single-byte encoding
/// holds zero bytes).
fn looks_utf16(bytes: &[u8], zero: usize) -> bool {
    let head = &bytes[..bytes.len().min(400) & !1];
    let pairs = head.len() / 2;
    let high = head.chunks(2).filter(|p| p[zero] == 0).count();
    let low = head.chunks(2).filter(|p| p[1 - zero] == 0).count();
    pairs >= 4 && high * 4 >= pairs && low == 0
}

/// The legacy encoding of bytes that are not UTF-8, if they do not read as Vietnamese in
/// Windows-1258: `None` when they do.
///
/// Read as Windows-1258 (and composed), Vietnamese text holds only letters of its alphabet,
/// common punctuation, and no plain `a` or `e` followed by a marked vowel (which no Vietnamese
/// syllable has). TCVN3 puts its letters on bytes that are symbols in Windows-1258 (`¸`, `µ`, `¨`);
/// VNI writes a vowel and then its marks as further letters (`Nguyeãn`, `Vieät`).
pub fn legacy(bytes: &[u8]) -> Option<Legacy> {
    let (text, _) = WINDOWS_1258.decode_without_bom_handling(bytes);
    let text: String = text.nfc().collect();
    let mut foreign = 0usize;
    let mut prev = ' ';
    for c in text.chars() {
        if !c.is_ascii() && !is_vietnamese_letter(c) && !is_common_symbol(c) {
            foreign += 1;
        }
        if matches!(prev, 'a' | 'e' | 'A' | 'E') && is_vietnamese_letter(c) {
            foreign += 1;
        }
        prev = c;
    }
    if foreign == 0 {
        return None;
    }
    let tcvn3 = bytes.iter().filter(|b| (0xA1..=0xBF).contains(*b)).count();
    let vni = bytes
        .windows(2)
        .filter(|w| b"aeiouyAEIOUY".contains(&w[0]) && w[1] >= 0xC0)
        .count();
    Some(match (tcvn3, vni) {
        (0, 0) => Legacy::Unknown,
        (t, v) if t > v => Legacy::Tcvn3,
        _ => Legacy::Vni,
    })
}

/// A letter of the Vietnamese alphabet that is not ASCII: `đ`, `ă`, `ơ`, `ư`, and the vowels
/// with their marks, in either case.
fn is_vietnamese_letter(c: char) -> bool {
    "àáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ".contains(c)
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Punctuation and symbols a Vietnamese list may hold.
fn is_common_symbol(c: char) -> bool {
    "\u{A0}–—‘’“”…•°№€«»·×".contains(c)
}

/// The separator of a CSV text, and its text without a `sep=` line: Excel's own `sep=;` line if
/// it has one, else whichever of `,`, `;` and tab splits the first lines into the same number of
/// fields, most of them.
pub fn separator(text: &str) -> (u8, &str) {
    if let Some(rest) = text.strip_prefix("sep=") {
        let mut chars = rest.chars();
        if let Some(c @ (',' | ';' | '\t' | '|')) = chars.next() {
            let body = chars.as_str();
            let body = body
                .strip_prefix("\r\n")
                .or_else(|| body.strip_prefix('\n'))
                .unwrap_or(body);
            return (c as u8, body);
        }
    }
    let head: String = text.lines().take(50).collect::<Vec<_>>().join("\n");
    let mut best = (b',', (0usize, 0usize));
    for sep in [b',', b';', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sep)
            .from_reader(head.as_bytes());
        let mut counts: Vec<usize> = reader
            .records()
            .filter_map(Result::ok)
            .map(|r| r.len())
            .filter(|n| *n > 1)
            .collect();
        counts.sort_unstable();
        // The most common number of fields (above one), and how many lines have it.
        let mut modal = (0usize, 0usize);
        for chunk in counts.chunk_by(|a, b| a == b) {
            if chunk.len() >= modal.0 {
                modal = (chunk.len(), chunk[0]);
            }
        }
        if modal > best.1 {
            best = (sep, modal);
        }
    }
    (best.0, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1258_with_combining_tones_reads_as_composed_vietnamese() {
        // "Nguyễn Văn Ánh;Hà Nội" as Excel saves it: ê (0xEA), then the tilde (0xDE) as a
        // combining byte; ă (0xE3); A and the acute (0xEC); ô (0xF4) and the dot below (0xF2).
        let bytes = b"Nguy\xEA\xDEn V\xE3n A\xECnh;Ha\xCC N\xF4\xF2i";
        let (text, encoding) = decode(bytes).unwrap();
        assert_eq!(text, "Nguyễn Văn Ánh;Hà Nội");
        assert_eq!(encoding, "windows-1258");
    }

    #[test]
    fn utf8_and_utf16_with_or_without_a_mark() {
        let text = "Họ và tên\tNgày sinh\r\nTrần Thị Bình\t05.03.1998\r\n";
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&with_bom).unwrap().0, text);
        assert_eq!(decode(text.as_bytes()).unwrap().0, text);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).unwrap(), (text.to_string(), "UTF-16LE"));
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bare).unwrap().0, text);
    }

    #[test]
    fn tcvn3_and_vni_are_recognised_and_refused() {
        // "Nguyễn Văn An, Trần Thị Bình" in TCVN3: ễ is 0xD4, ă 0xA8, ầ 0xC7, ì 0xD7.
        let tcvn3 = b"Nguy\xD4n V\xA8n An;Tr\xA7n Th\xDE B\xCCnh";
        assert!(matches!(
            decode(tcvn3),
            Err(SheetError::Legacy(Legacy::Tcvn3))
        ));
        // The same in VNI: "Nguyeãn Vaên An;Traàn Thò Bình".
        let vni = b"Nguye\xE3n Va\xEAn An;Tra\xE0n Tho\xF8 Bi\xF8nh";
        assert!(matches!(decode(vni), Err(SheetError::Legacy(Legacy::Vni))));
        let m = Legacy::Vni.message(Lang::Vi);
        assert!(m.contains("VNI") && m.contains("CSV UTF-8"), "{m}");
    }

    #[test]
    fn the_separator_is_the_one_that_splits_the_lines_alike() {
        assert_eq!(separator("a;b;c\n1;2,5;3\n").0, b';');
        assert_eq!(separator("a,b,c\n1,\"2;5\",3\n").0, b',');
        assert_eq!(separator("a\tb\n1\t2\n").0, b'\t');
        assert_eq!(separator("sep=;\r\na,b;c\r\n"), (b';', "a,b;c\r\n"));
    }
}
