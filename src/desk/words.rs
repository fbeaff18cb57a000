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
            hint: hint(problem, lang, root),
        },
    }
}

/// The advice the page gives for `problem`, in its words: the desk's own where the command
/// line's names a command to run, a flag or a line to write; else the command line's.
pub fn hint(problem: &Problem, lang: Lang, root: &Path) -> Option<String> {
    match desk_hint(problem, lang) {
        Some(h) => Some(in_page_words(h, lang, root)),
        None => problem.hint(lang).map(|h| in_page_words(&h, lang, root)),
    }
}

/// What to press, tick or choose on the page where the command line's advice names a command
/// or a flag (`hoso cap-so`, `hoso forms`, `hoso rules`, `--blank`) or a line to write. A key
/// path in backquotes becomes the label of its field ([`in_page_words`]).
fn desk_hint(problem: &Problem, lang: Lang) -> Option<&'static str> {
    Some(match problem {
        Problem::FormNeedsField { .. } => lang.pick(
            "bổ sung hồ sơ ở ô đó trên trang này, hoặc tải mẫu trắng để viết tay",
            "complete that field on this page, or download the blank form to fill by hand",
        ),
        Problem::FormNotApplicable { .. } => lang.pick(
            "hồ sơ ghi một trường hợp khác: tải lại trang (F5) rồi chọn mẫu đúng trường hợp trong danh sách mẫu ở phần “Xem trước”, danh sách chỉ có các mẫu hợp với hồ sơ",
            "the record holds another case: reload the page (F5) and choose the form of its case from the list of forms under “Preview”, which holds only the forms that fit the record",
        ),
        Problem::FormNotInForce { .. } => lang.pick(
            "mẫu này không dùng vào ngày của văn bản: tải lại trang (F5) rồi chọn mẫu trong danh sách mẫu ở phần “Xem trước”, danh sách chỉ có các mẫu của bộ quy định đang có hiệu lực vào ngày đó (giấy giới thiệu từ 29/09/2025: mỗi đảng viên một giấy, Mẫu 3-KNĐ); hoặc sửa ngày nếu ghi nhầm",
            "this form is not used on the document's date: reload the page (F5) and choose from the list of forms under “Preview”, which holds only the forms of the set in force on that day (sponsors' letters from 29/09/2025: one per sponsor, form 3-KNĐ); or correct the date if it is wrong",
        ),
        Problem::ReadmissionNotAllowed { .. } => lang.pick(
            "quy định không cho xem xét kết nạp lại người ra khỏi Đảng theo hình thức này (xem căn cứ); nếu hình thức ghi nhầm, sửa ô `ket_nap_lai.hinh_thuc` trên trang này",
            "the regulation does not let someone who left the Party this way be re-admitted (see the citation); if the way is recorded wrongly, correct `ket_nap_lai.hinh_thuc` on this page",
        ),
        Problem::LocalRuleNotStricter { .. } => lang.pick(
            "quy tắc riêng chỉ được chặt hơn quy định: sửa giá trị này ở mục “Quy tắc riêng, chặt hơn quy định” của trang “Cài đặt chi bộ”, hoặc xóa nó",
            "own rules may only be stricter than the regulation: change this value under “Own rules, stricter than the regulation” on the page “Branch settings”, or remove it",
        ),
        Problem::UnknownRule {
            suggestion: None, ..
        } => lang.pick(
            "kiểm tra lại mã quy tắc (R13, …) và tên tham số ở mục “Quy tắc riêng, chặt hơn quy định” của trang “Cài đặt chi bộ”, hoặc xóa dòng đó",
            "check the rule code (R13, …) and the parameter's name under “Own rules, stricter than the regulation” on the page “Branch settings”, or remove that line",
        ),
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

/// Why a person was not printed by the desk's batch, in the page's words: where to mend it on the
/// desk, and for an output that could not be written what to do before pressing again, not the
/// codes, commands and flags (`-o`) the command line gives.
pub fn not_printed(failure: &crate::batch::Failure, lang: Lang) -> String {
    use crate::batch::Failure;
    use crate::diag::WriteBlock;
    match failure {
        Failure::RecordHasErrors { .. } => lang
            .pick(
                "hồ sơ còn lỗi nên chưa in: xem các lỗi ở trang của người này",
                "the record has errors, so nothing was printed: see them on the person's page",
            )
            .to_string(),
        Failure::Unreadable => lang
            .pick(
                "tệp không đọc được nên chưa in: xem mục “Tệp không đọc được” ở trang chi bộ",
                "the file cannot be read, so nothing was printed: see “Files that cannot be read” on the branch page",
            )
            .to_string(),
        Failure::Write {
            path,
            cause: Some(cause),
            ..
        } => {
            let (vi, en) = match cause {
                WriteBlock::InUse => (
                    "tệp đang mở trong một chương trình khác (trình xem PDF, Word...): đóng tệp đó rồi bấm in lại",
                    "the file is open in another program (a PDF viewer, Word...): close it, then print again",
                ),
                WriteBlock::ReadOnlyFile => (
                    "tệp chỉ cho đọc: bỏ thuộc tính chỉ đọc (Read-only) của tệp rồi bấm in lại",
                    "the file is read-only: clear its read-only attribute, then print again",
                ),
                WriteBlock::FolderDenied => (
                    "không có quyền ghi vào thư mục: nhờ người quản trị máy cấp quyền ghi vào thư mục hồ sơ, rồi bấm in lại",
                    "no permission to write in the folder: ask the computer's administrator for write access to the workspace, then print again",
                ),
                WriteBlock::ReadOnlyDisk => (
                    "ổ đĩa chỉ cho đọc (USB bị khóa, đĩa CD...): mở khóa ổ đĩa rồi bấm in lại",
                    "the disk is read-only (a locked USB stick, a CD...): unlock it, then print again",
                ),
                WriteBlock::DiskFull => (
                    "ổ đĩa đã đầy: giải phóng chỗ trống rồi bấm in lại",
                    "the disk is full: free some space, then print again",
                ),
            };
            let p = path.display();
            match lang {
                Lang::Vi => format!("không ghi được `{p}`: {vi}"),
                Lang::En => format!("cannot write `{p}`: {en}"),
            }
        }
        other => other.message(lang),
    }
}

/// A problem of a file the page is not about, as the page says it: the line and column (unless
/// it is about the whole file), the message and the hint, in the page's words.
pub fn said_at(d: &Diagnostic, lang: Lang, root: &Path) -> String {
    let mut said = in_page_words(&d.problem.message(lang), lang, root);
    if let Some(hint) = hint(&d.problem, lang, root) {
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

    /// The command of hoso `text` names (`hoso forms`), if any.
    fn command_in(text: &str) -> Option<String> {
        crate::cli::command_names()
            .into_iter()
            .find(|name| text.contains(&format!("hoso {name}")))
    }

    /// Each problem whose advice on the command line names a command or a flag: the desk says
    /// what to do on its pages instead, and names no command, flag or key.
    #[test]
    fn the_desk_advises_what_to_press_not_what_to_type() {
        let root = Path::new("/nha/hoso");
        let cite = crate::diag::Cite {
            rule: "R41".into(),
            text: "294-QĐ/TW §3.6".into(),
            set: "294-QĐ/TW".into(),
            local: None,
            unverified: false,
        };
        let problems = [
            Problem::NumberReused {
                number: "05-NQ/CB".into(),
                kind: "NQ".into(),
            },
            Problem::FormNeedsField {
                form: "6-KNĐ".into(),
                field: "hop_chi_bo.ngay".into(),
            },
            Problem::FormNotApplicable {
                form: "4-KNĐ".into(),
                field: "gioi_thieu_doan_the.loai".into(),
                expected: "doan".into(),
                found: "cong_doan".into(),
            },
            Problem::FormNotInForce {
                form: "3A-KNĐ".into(),
                field: "nguoi_gioi_thieu[0].ngay_viet".into(),
                date: "01/10/2025".into(),
                set: "294-QĐ/TW".into(),
            },
            Problem::ReadmissionNotAllowed {
                reason: "xoa_ten".into(),
                cite,
            },
            Problem::LocalRuleNotStricter {
                field: "quy_tac_rieng[0].tham_so.thang_hieu_luc".into(),
                set: "294-QĐ/TW".into(),
                base: "36".into(),
                local: "48".into(),
            },
            Problem::UnknownRule {
                field: "quy_tac_rieng[0].ma".into(),
                name: "R99".into(),
                fixed: false,
                suggestion: None,
            },
        ];
        for problem in &problems {
            for lang in [Lang::Vi, Lang::En] {
                let typed = problem.hint(lang).unwrap_or_default();
                assert!(
                    typed.contains("`hoso ") || typed.contains("`--"),
                    "the command line's advice: {typed}"
                );
                let desk = hint(problem, lang, root).unwrap_or_default();
                assert!(!desk.is_empty(), "{problem:?}");
                assert_eq!(command_in(&desk), None, "{desk}");
                for typed in ["--", "`", "_"] {
                    assert!(!desk.contains(typed), "{typed:?} in {desk}");
                }
                let d = Diagnostic::error(problem.clone(), None);
                let said = said_at(&d, lang, root);
                assert!(said.contains(&desk), "{said}");
            }
        }
    }

    /// A PDF of the desk's batch that could not be written: what to do on the desk, without
    /// the command line's `-o`.
    #[test]
    fn a_blocked_batch_output_says_what_to_do_before_printing_again() {
        use crate::diag::WriteBlock;
        let path = Path::new("/nha/hoso/ban-in/tran-thi-binh/6-knd.pdf");
        for cause in [
            WriteBlock::InUse,
            WriteBlock::ReadOnlyFile,
            WriteBlock::FolderDenied,
            WriteBlock::ReadOnlyDisk,
            WriteBlock::DiskFull,
        ] {
            let failure = crate::batch::Failure::Write {
                path: path.to_path_buf(),
                detail: "Permission denied (os error 13)".into(),
                cause: Some(cause),
            };
            assert!(failure.message(Lang::Vi).contains("bằng `-o`"));
            for (lang, again) in [(Lang::Vi, "bấm in lại"), (Lang::En, "print again")] {
                let said =
                    in_page_words(&not_printed(&failure, lang), lang, Path::new("/nha/hoso"));
                assert!(said.contains("“ban-in/tran-thi-binh/6-knd.pdf”"), "{said}");
                assert!(said.contains(again), "{said}");
                assert!(
                    !said.contains("“-o”") && !said.contains("os error"),
                    "{said}"
                );
                assert_eq!(command_in(&said), None, "{said}");
            }
        }
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
