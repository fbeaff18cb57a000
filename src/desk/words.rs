//! The desk speaks the form's words, not the file's. The key table (`model::keys`) is written for
//! someone who types YAML: its labels name keys and values (`doan hoặc cong_doan`, "(mặc định
//! `dang_uy`)", "(true/false)"), and the diagnostics name key paths in backquotes and advise
//! adding a line to the file. The command line keeps that located, key-based form; the page
//! shows the labels of its own fields, offers closed sets as choices with their meaning, and turns
//! a diagnostic's key paths into the labels the page shows.

use crate::diag::{Diagnostic, Lang, Problem};
use crate::model::keys::{self, FileKind, Key};
use std::path::Path;

/// Labels the page gives in place of the key table's, where the table's speak of values to type.
const LABELS: &[(&str, &str, &str)] = &[
    ("gioi_tinh", "Giới tính", "Sex"),
    (
        "gioi_thieu_doan_the.loai",
        "Tổ chức giới thiệu",
        "Introducing organisation",
    ),
    (
        "gioi_thieu_doan_the.tap_the",
        "Tập thể ra nghị quyết",
        "The resolving body",
    ),
    (
        "gioi_thieu_doan_the.co_quan",
        "Tên tổ chức Đoàn, Công đoàn (không ghi “Ban Chấp hành”, “Chi đoàn”: mẫu tự thêm), ví dụ: Đoàn phường Hồng Gai",
        "Name of the Youth or Trade Union body (without “Ban Chấp hành” or “Chi đoàn”: the form adds it), e.g. Đoàn phường Hồng Gai",
    ),
    ("ngoai_le_hoc_van.loai", "Trường hợp", "Case"),
    (
        "ngoai_le_hoc_van.dong_y",
        "Văn bản đồng ý (với người có uy tín)",
        "Written consent (for a person of standing)",
    ),
    (
        "ton_giao_du_dieu_kien",
        "Người theo tôn giáo: chi bộ đã xem xét đủ điều kiện theo Quy định 06-QĐ/TW",
        "Follows a religion: the branch has checked the conditions of Regulation 06-QĐ/TW",
    ),
    ("chi_bo", "Chi bộ sinh hoạt", "Branch"),
];

/// A value of a closed set as the file has it, and what it means on the page in Vietnamese and
/// in English.
type Choice = (&'static str, &'static str, &'static str);

/// The closed sets of values a field takes, each with what it means on the page.
const CHOICES: &[(&str, &[Choice])] = &[
    (
        "gioi_tinh",
        &[("nam", "Nam", "Male"), ("nữ", "Nữ", "Female")],
    ),
    (
        "gioi_thieu_doan_the.loai",
        &[
            ("doan", "Đoàn TNCS Hồ Chí Minh", "Youth Union"),
            ("cong_doan", "Công đoàn", "Trade Union"),
        ],
    ),
    (
        "gioi_thieu_doan_the.tap_the",
        &[
            ("ban_chap_hanh", "Ban Chấp hành", "Executive committee"),
            (
                "chi_doan",
                "Tập thể chi đoàn cơ sở",
                "The grassroots chi đoàn",
            ),
            (
                "ban_thuong_vu",
                "Ban Thường vụ Đoàn xã, phường",
                "Standing committee of the commune's Youth Union",
            ),
        ],
    ),
    (
        "ngoai_le_hoc_van.loai",
        &[
            (
                "vung_kho_khan",
                "Vùng cao, vùng sâu, vùng xa, vùng khó khăn",
                "Remote or disadvantaged area",
            ),
            (
                "uy_tin",
                "Người có uy tín trong cộng đồng",
                "A person of standing",
            ),
        ],
    ),
];

/// The page's choices for a field (its generic path), with their labels.
pub fn choices(generic: &str, lang: Lang) -> Option<Vec<(String, String)>> {
    CHOICES.iter().find(|(p, _)| *p == generic).map(|(_, set)| {
        set.iter()
            .map(|(v, vi, en)| (v.to_string(), lang.pick(vi, en).to_string()))
            .collect()
    })
}

/// Whether the field is a yes/no.
pub fn is_yes_no(key: &Key) -> bool {
    key.vi.contains("true")
}

/// The note under a field that the branch settings fill when it is left empty.
pub fn default_note(key: &Key, lang: Lang) -> Option<&'static str> {
    key.vi.contains("(mặc định `").then(|| {
        lang.pick(
            "để trống: lấy theo cài đặt chi bộ",
            "left empty: taken from the branch settings",
        )
    })
}

/// The label the page shows for `key`: the table's, less what speaks of the file (parentheses
/// naming keys, `true`, ids), with a capital first letter.
pub fn label(key: &Key, lang: Lang) -> String {
    if let Some((_, vi, en)) = LABELS.iter().find(|(p, _, _)| *p == key.path) {
        return lang.pick(vi, en).to_string();
    }
    let text = lang.pick(key.vi, key.en);
    let mut out = String::new();
    let mut rest = text;
    // Drop each parenthesis that speaks of the file: a key in backquotes, `true`, an id.
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 2..close];
        out.push_str(&rest[..open]);
        if !file_words(inner) {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    capitalise(out.replace('`', "").trim())
}

/// Whether a label's parenthesis speaks of the file rather than the form.
fn file_words(inner: &str) -> bool {
    inner.contains('`')
        || inner.contains("true")
        || inner.contains("mã người")
        || inner.contains("person id")
        || inner
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .any(is_key_word)
}

/// A word that is a key's name: lower-case ASCII joined by `_` (`dang_uy`, `cong_doan`).
fn is_key_word(word: &str) -> bool {
    word.contains('_')
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The label of a path of a person's record as the page names it: the field's label and, below
/// the top, its section's before it (`hop_chi_bo.ngay` → “Họp chi bộ xét đề nghị kết nạp (Mẫu
/// 6-KNĐ): Ngày họp”).
fn path_label(path: &str, lang: Lang) -> Option<String> {
    let path = path.trim_end_matches(": ...").trim();
    let key = keys::find(FileKind::Nguoi, path).or_else(|| {
        // A last key alone (`gioi_tinh: ...`).
        keys::KEYS
            .iter()
            .find(|k| k.file == FileKind::Nguoi && !k.path.contains('.') && k.path == path)
    });
    if let Some(key) = key {
        let own = label(key, lang);
        let top = key.path.split(['.', '[']).next().unwrap_or(key.path);
        return Some(match keys::find(FileKind::Nguoi, top) {
            Some(section) if section.path != key.path => {
                format!("“{}: {own}”", label(section, lang))
            }
            _ => format!("“{own}”"),
        });
    }
    let org = keys::find(FileKind::ToChuc, path)?;
    Some(format!(
        "“{}” ({})",
        label(org, lang),
        lang.pick("cài đặt chi bộ", "branch settings")
    ))
}

/// The name the desk gives a file or folder of the workspace: its path inside the workspace,
/// `/` between folders on every system (`ket-nap/x.yaml`), as the clerk knows their records
/// and as the branch page lists them. Anything else (the workspace itself, a file outside it)
/// keeps its whole path. Every message of the desk names files through this; the command line
/// keeps its own paths.
pub fn file_name(root: &Path, path: &Path) -> String {
    inside(root, path).unwrap_or_else(|| path.display().to_string())
}

/// `path`'s name inside the workspace at `root`, if it is in it (a path that went through a
/// link of the folders above the workspace is compared with the workspace's real path too).
fn inside(root: &Path, path: &Path) -> Option<String> {
    let rel = path
        .strip_prefix(root)
        .map(Path::to_path_buf)
        .ok()
        .or_else(|| {
            let real = std::fs::canonicalize(root).ok()?;
            path.strip_prefix(real).map(Path::to_path_buf).ok()
        });
    let rel = rel.filter(|r| !r.as_os_str().is_empty())?;
    let names: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    Some(names.join("/"))
}

/// A message in the page's words: each backquoted key path becomes its label, a backquoted
/// path of the workspace (`/home/…/hoso/ket-nap/x.yaml`) its [`file_name`], any other
/// backquoted text (a value, a date, a file inside the workspace) is put in quotation marks.
pub fn in_page_words(text: &str, lang: Lang, root: &Path) -> String {
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split('`');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    let mut quoted = true;
    for part in parts {
        if quoted {
            let file = Some(Path::new(part))
                .filter(|p| p.is_absolute())
                .and_then(|p| inside(root, p));
            match (file, path_label(part, lang)) {
                (Some(name), _) => out.push_str(&format!("“{name}”")),
                (None, Some(label)) => out.push_str(&label),
                (None, None) => out.push_str(&format!("“{part}”")),
            }
        } else {
            out.push_str(part);
        }
        quoted = !quoted;
    }
    out
}

/// A diagnostic as the page says it: the field it is about (a missing value is about its own
/// field, not where the file was when it was found missing), its message and its advice.
pub struct Spoken {
    /// The field, if the diagnostic names one more precisely than its location.
    pub path: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

/// Says `d` in the page's words, naming the files of the workspace at `root` by their names in it.
pub fn speak(d: &Diagnostic, lang: Lang, root: &Path) -> Spoken {
    match &d.problem {
        Problem::MissingField { field, .. } => {
            let name = path_label(field, lang).unwrap_or_else(|| format!("“{field}”"));
            Spoken {
                path: Some(field.clone()),
                message: match lang {
                    Lang::Vi => format!("chưa ghi {name}"),
                    Lang::En => format!("{name} is not filled in"),
                },
                hint: Some(
                    lang.pick("điền vào ô này", "fill in this field")
                        .to_string(),
                ),
            }
        }
        Problem::FormNeedsField { .. } => Spoken {
            path: None,
            message: in_page_words(&d.problem.message(lang), lang, root),
            hint: Some(
                lang.pick(
                    "bổ sung hồ sơ ở ô đó trên trang này, hoặc tải mẫu trắng để viết tay",
                    "complete that field on this page, or download the blank form to fill by hand",
                )
                .to_string(),
            ),
        },
        // The page picks people from a list: no id to type, no file name to look for.
        Problem::UnknownPerson { .. } => Spoken {
            path: None,
            message: in_page_words(&d.problem.message(lang), lang, root),
            hint: Some(
                lang.pick(
                    "chọn lại người trong danh sách của ô này (người đó có thể đã bị xóa hoặc đổi mã)",
                    "choose the person again from this field's list (they may have been deleted or given another id)",
                )
                .to_string(),
            ),
        },
        problem => Spoken {
            path: None,
            message: in_page_words(&problem.message(lang), lang, root),
            hint: match desk_hint(problem, lang) {
                Some(h) => Some(h.to_string()),
                None => problem.hint(lang).map(|h| in_page_words(&h, lang, root)),
            },
        },
    }
}

/// The advice the page gives where the command line's names a command to run or a line to
/// write: what to press or tick on the page instead.
fn desk_hint(problem: &Problem, lang: Lang) -> Option<&'static str> {
    Some(match problem {
        Problem::NumberReused { .. } => lang.pick(
            "bấm “Cấp số văn bản cho mẫu” bên phần xem trước: hoso lấy số tiếp theo trong sổ văn bản",
            "press “Number the document of form” beside the preview: hoso takes the next number of the register",
        ),
        Problem::NumberNotShared { .. } => lang.pick(
            "một quyết định kết nạp nhiều người: đánh dấu “Một quyết định cho nhiều người” ở mọi hồ sơ có tên trong đó; nếu là quyết định riêng, sửa số cho đúng",
            "one decision naming several people: tick “One decision naming several people” on every record it names; a decision of one's own: correct its number",
        ),
        Problem::ReligionConditionsUnchecked { .. } => lang.pick(
            "đối chiếu với Quy định 06-QĐ/TW (điều kiện kết nạp người theo tôn giáo), rồi đánh dấu ô “Người theo tôn giáo: chi bộ đã xem xét đủ điều kiện”; người không theo tôn giáo ghi “Không” ở ô Tôn giáo",
            "check against Regulation 06-QĐ/TW (admitting people who follow a religion), then tick “Follows a religion: the branch has checked the conditions”; for no religion write “Không” in the Religion field",
        ),
        _ => return None,
    })
}

/// A problem of a file the page is not about, as the page says it: the line and column (unless
/// it is about the whole file), the message and the hint, in the page's words.
pub fn said_at(d: &Diagnostic, lang: Lang, root: &Path) -> String {
    let mut said = in_page_words(&d.problem.message(lang), lang, root);
    if let Some(hint) = d.problem.hint(lang) {
        let hint = in_page_words(&hint, lang, root);
        said.push_str(&format!(" ({}: {hint})", lang.pick("gợi ý", "hint")));
    }
    match &d.location {
        // Not the start of the file, where a problem of the whole file is put.
        Some(at) if at.line > 1 || at.column > 1 || !at.range.is_empty() => match lang {
            Lang::Vi => format!("dòng {}, cột {}: {said}", at.line, at.column),
            Lang::En => format!("line {}, column {}: {said}", at.line, at.column),
        },
        _ => said,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str) -> &'static Key {
        keys::find(FileKind::Nguoi, path).unwrap()
    }

    #[test]
    fn labels_speak_of_the_form_not_the_file() {
        for k in keys::KEYS.iter().filter(|k| k.file == FileKind::Nguoi) {
            for lang in [Lang::Vi, Lang::En] {
                let l = label(k, lang);
                assert!(!l.contains('`'), "{}: {l}", k.path);
                assert!(!l.split(' ').any(is_key_word), "{}: {l}", k.path);
                assert!(!l.contains("true"), "{}: {l}", k.path);
            }
        }
        assert_eq!(
            label(key("quyet_dinh_ket_nap.co_quan"), Lang::Vi),
            "Cấp ủy ra quyết định"
        );
        assert_eq!(
            label(key("quyet_dinh_ket_nap.nhieu_nguoi"), Lang::Vi),
            "Một quyết định cho nhiều người"
        );
        assert_eq!(
            label(key("ly_lich.cong_tac[].den"), Lang::Vi),
            "Đến (bỏ trống: nay)"
        );
    }

    #[test]
    fn diagnostics_name_the_fields_by_their_labels() {
        let root = Path::new("/nha/hoso");
        let text = in_page_words(
            "`hop_chi_bo.ngay` (20/09/2026) lại trước `nguoi_gioi_thieu[1].ngay_viet` (28/09/2026)",
            Lang::Vi,
            root,
        );
        assert!(!text.contains('`') && !text.contains('_'), "{text}");
        assert!(
            text.starts_with("“Họp chi bộ xét đề nghị kết nạp (Mẫu 6-KNĐ): Ngày họp” (20/09/2026)"),
            "{text}"
        );
        assert_eq!(
            in_page_words("không đọc được ngày `31/02/2026`", Lang::Vi, root),
            "không đọc được ngày “31/02/2026”"
        );
    }

    #[test]
    fn files_are_named_inside_the_workspace() {
        let root = std::env::temp_dir().join("hoso desk words");
        let file = root.join("ket-nap").join("x.yaml");
        assert_eq!(file_name(&root, &file), "ket-nap/x.yaml");
        assert_eq!(file_name(&root, &root.join("ban-in")), "ban-in");
        // The workspace itself, and a file outside it, keep their whole path.
        assert_eq!(file_name(&root, &root), root.display().to_string());
        let outside = std::env::temp_dir().join("x.yaml");
        assert_eq!(file_name(&root, &outside), outside.display().to_string());
        // A message of the writer or the loader, with whole paths in backquotes.
        let message = format!(
            "`{}` là liên kết tới `to-chuc.yaml`; `{}` không phải thư mục hồ sơ",
            file.display(),
            root.display()
        );
        assert_eq!(
            in_page_words(&message, Lang::Vi, &root),
            format!(
                "“ket-nap/x.yaml” là liên kết tới “to-chuc.yaml”; “{}” không phải thư mục hồ sơ",
                root.display()
            )
        );
    }
}
