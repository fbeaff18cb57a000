/*!
The document register (sổ đăng ký văn bản): where document numbers come from.

A number belongs to a series, the kind of document and its issuer ("NQ/CB": resolutions of the chi
bộ; "QĐ/ĐU": decisions of the đảng ủy). Numbers run from 01 in each series for each term of the
committee (36-HD/VPTW §1.3.1.a) and are never given twice in a term. `hoso cap-so` gives the next
free number to a document and writes it into the register, so that the forms print it.
*/

use crate::diag::{Lang, WriteBlock};
use crate::forms::{Cap, Catalogue, Form};
use crate::model::{Ngay, PathView, SoVanBan, ToChuc, Workspace};

/// The series of a register entry: its kind with the issuer, "NQ/CB". A bare kind ("NQ") is the
/// chi bộ's.
pub fn series(entry: &SoVanBan, org: &ToChuc) -> String {
    if entry.loai.contains('/') {
        entry.loai.clone()
    } else {
        format!("{}/{}", entry.loai, chi_bo_symbol(org))
    }
}

/// The series a form's number belongs to ("NQ/CB" for 6-KNĐ), if the form is numbered.
pub fn form_series(form: &Form, org: &ToChuc) -> Option<String> {
    let kind = form.ky_hieu.as_ref()?;
    Some(match issuer_symbol(form, org) {
        Some(issuer) => format!("{kind}/{issuer}"),
        None => kind.clone(),
    })
}

/// The issuer abbreviation after the slash of a form's number: "CB", "ĐU".
pub fn issuer_symbol(form: &Form, org: &ToChuc) -> Option<String> {
    match form.cap {
        Cap::ChiBo => Some(chi_bo_symbol(org)),
        Cap::DangUy | Cap::DangUyBoPhan => {
            Some(org.ky_hieu_dang_uy.clone().unwrap_or_else(|| "ĐU".into()))
        }
        Cap::DoanThe | Cap::CaNhan => None,
    }
}

fn chi_bo_symbol(org: &ToChuc) -> String {
    org.ky_hieu.clone().unwrap_or_else(|| "CB".into())
}

/// The term of the committee a document belongs to. Numbers run from 01 in each term, so a
/// number is one in its series and term; the workspace knows where the current term began
/// (`nhiem_ky_tu`), so every earlier term is one: numbers given there are kept apart from this
/// term's, and never given twice among themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    /// From `nhiem_ky_tu` on (or every document, when the workspace does not say).
    Current,
    /// Before `nhiem_ky_tu`.
    Earlier,
}

/// The term of a document dated `date`, when the current term began on `start`. A document
/// without a date is taken as current, so that it keeps its number.
pub fn term_of(start: Option<Ngay>, date: Option<Ngay>) -> Term {
    match (start, date) {
        (Some(start), Some(date)) if date < start => Term::Earlier,
        _ => Term::Current,
    }
}

/// Whether an entry belongs to the current term.
pub fn in_current_term(entry: &SoVanBan, org: &ToChuc) -> bool {
    term_of(org.nhiem_ky_tu, entry.ngay) == Term::Current
}

/// The entry numbering `form` for `person`, in any term.
pub fn entry_for<'a>(org: &'a ToChuc, form: &Form, person: &str) -> Option<&'a SoVanBan> {
    let catalogue = Catalogue::builtin();
    org.so_van_ban.iter().find(|e| {
        e.nguoi.as_deref() == Some(person)
            && e.mau
                .as_deref()
                .and_then(|m| catalogue.form(m))
                .is_some_and(|f| f.ma == form.ma)
    })
}

/// The next free number of `series` for a document dated `date`: one more than the highest
/// number of that series and term, in the register or among `recorded` (the numbers written on
/// people's records, each with its series and date), so that a document of an earlier term is
/// numbered among that term's documents, not after this term's.
pub fn next_number<'a>(
    org: &ToChuc,
    series_name: &str,
    date: Ngay,
    recorded: impl IntoIterator<Item = (u32, &'a str, Option<Ngay>)>,
) -> u32 {
    let term = term_of(org.nhiem_ky_tu, Some(date));
    let same = |series: &str, day: Option<Ngay>| {
        series == series_name && term_of(org.nhiem_ky_tu, day) == term
    };
    let in_register = org
        .so_van_ban
        .iter()
        .filter(|e| same(&series(e, org), e.ngay))
        .map(|e| e.so);
    let on_people = recorded
        .into_iter()
        .filter(|(_, series, day)| same(series, *day))
        .map(|(so, ..)| so);
    in_register.chain(on_people).max().unwrap_or(0) + 1
}

/// Why a number could not be written into the register.
#[derive(Debug, thiserror::Error)]
pub enum AppendError {
    /// `so_van_ban` is followed by other keys, so a line appended at the end would not belong
    /// to it; the clerk adds the entry by hand.
    #[error("`so_van_ban` is not the last key of to-chuc.yaml")]
    NotLast,
}

/// `text` (the content of `to-chuc.yaml`) with `entry` appended to its `so_van_ban` list, which
/// must be the file's last top-level key (or absent: then the list is added at the end). Only
/// text is added: every existing line, comment included, stays as it was.
pub fn append_entry(text: &str, entry: &NewEntry) -> Result<String, AppendError> {
    let lines: Vec<&str> = text.lines().collect();
    let key_line = lines.iter().position(|l| l.starts_with("so_van_ban:"));
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    let indent = match key_line {
        Some(i) => {
            let after = &lines[i + 1..];
            let is_top_level_key = |l: &&str| {
                !l.is_empty() && !l.starts_with([' ', '\t', '#', '-']) && !l.trim().is_empty()
            };
            if after.iter().any(is_top_level_key) {
                return Err(AppendError::NotLast);
            }
            if lines[i].trim_end() != "so_van_ban:" {
                // `so_van_ban: []` or a flow list: not something to append lines to.
                return Err(AppendError::NotLast);
            }
            after
                .iter()
                .find(|l| l.trim_start().starts_with("- "))
                .map(|l| l[..l.len() - l.trim_start().len()].to_string())
                .unwrap_or_else(|| "  ".into())
        }
        None => {
            out.push_str("so_van_ban:\n");
            "  ".into()
        }
    };
    let field = |name: &str, value: &str| format!("{name}: {}", crate::edit::scalar_text(value));
    let mut fields = vec![
        format!("so: {}", entry.so),
        field("loai", &entry.loai),
        field("ngay", &entry.ngay.short()),
        field("mau", &entry.mau),
        field("nguoi", &entry.nguoi),
    ];
    if let Some(t) = &entry.trich_yeu {
        fields.push(field("trich_yeu", t));
    }
    for (i, f) in fields.iter().enumerate() {
        let lead = if i == 0 {
            format!("{indent}- ")
        } else {
            format!("{indent}  ")
        };
        out.push_str(&lead);
        out.push_str(f);
        out.push('\n');
    }
    Ok(out)
}

/// A new register entry.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub so: u32,
    /// "NQ" for the chi bộ's own series, else the full series ("QĐ/ĐU").
    pub loai: String,
    pub ngay: Ngay,
    pub mau: String,
    pub nguoi: String,
    pub trich_yeu: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> NewEntry {
        NewEntry {
            so: 6,
            loai: "NQ".into(),
            ngay: Ngay::parse("16/10/2026").unwrap(),
            mau: "6-KNĐ".into(),
            nguoi: "tran-thi-binh".into(),
            trich_yeu: Some("Đề nghị kết nạp: Trần #Thị: Bình".into()),
        }
    }

    #[test]
    fn appends_to_the_last_list_in_its_indentation_and_keeps_every_line() {
        let text = "chi_bo: A\n# sổ\nso_van_ban:\n    - so: 1\n      loai: NQ\n";
        let out = append_entry(text, &entry()).unwrap();
        assert!(out.starts_with(text));
        let added = &out[text.len()..];
        assert!(
            added.starts_with("    - so: 6\n      loai: NQ\n      ngay: 16/10/2026\n"),
            "{added}"
        );
        // The result reads back as two entries.
        let org: ToChuc = crate::model::from_yaml(&out).unwrap();
        assert_eq!(org.so_van_ban.len(), 2);
        assert_eq!(
            org.so_van_ban[1].trich_yeu.as_deref(),
            Some("Đề nghị kết nạp: Trần #Thị: Bình")
        );
    }

    /// The writer's refusals become the causes the clerk can act on; each is said, with what to
    /// do, in both languages, and names no command (the desk shows it as it is).
    #[test]
    fn a_register_not_written_says_why_and_what_to_do_without_a_command() {
        use crate::store::WriteError;
        use std::io::{Error, ErrorKind};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("to-chuc.yaml");
        std::fs::write(&path, "chi_bo: A\n").unwrap();
        let stale = WriteError::Stale { path: path.clone() };
        assert_eq!(NotWritten::of(stale), NotWritten::ChangedMeanwhile);
        let full = WriteError::Io {
            path: path.clone(),
            source: Error::from(ErrorKind::StorageFull),
        };
        assert_eq!(
            NotWritten::of(full),
            NotWritten::Blocked(WriteBlock::DiskFull)
        );
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).unwrap();
        let read_only = WriteError::Io {
            path: path.clone(),
            source: Error::from(ErrorKind::PermissionDenied),
        };
        assert_eq!(
            NotWritten::of(read_only),
            NotWritten::Blocked(WriteBlock::ReadOnlyFile)
        );
        // Anything else keeps the system's words, in both languages.
        let other = NotWritten::of(WriteError::Io {
            path: path.clone(),
            source: Error::other("boom"),
        });
        assert!(
            matches!(&other, NotWritten::Other { vi, en } if vi.contains("boom") && en.contains("boom"))
        );
        let every = [
            NotWritten::Blocked(WriteBlock::InUse),
            NotWritten::Blocked(WriteBlock::ReadOnlyFile),
            NotWritten::Blocked(WriteBlock::FolderDenied),
            NotWritten::Blocked(WriteBlock::ReadOnlyDisk),
            NotWritten::Blocked(WriteBlock::DiskFull),
            NotWritten::ChangedMeanwhile,
            NotWritten::NotLast,
            NotWritten::DoesNotRead("dòng 3".into()),
            other,
        ];
        let commands = crate::cli::command_names();
        for why in &every {
            for lang in [Lang::Vi, Lang::En] {
                let said = format!("{} {}", why.reason(lang), why.advice(lang));
                assert!(!why.reason(lang).is_empty() && !why.advice(lang).is_empty());
                assert!(
                    !commands.iter().any(|c| said.contains(&format!("hoso {c}"))),
                    "{said}"
                );
                assert!(!said.contains("`-"), "{said}");
            }
        }
    }

    #[test]
    fn starts_a_register_and_refuses_one_that_is_not_last() {
        let out = append_entry("chi_bo: A", &entry()).unwrap();
        let org: ToChuc = crate::model::from_yaml(&out).unwrap();
        assert_eq!(org.so_van_ban[0].so, 6);
        assert!(
            append_entry(
                "so_van_ban:\n  - so: 1\n    loai: NQ\nchi_bo: A\n",
                &entry()
            )
            .is_err()
        );
    }
}

/// What [`issue`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Issued {
    /// The register already numbers this document: "05-NQ/CB".
    AlreadyRegistered { number: String },
    /// The record holds the number of this document, issued elsewhere, at `field`.
    Recorded { number: String, field: String },
    /// The next free number, now written into the register in `path`.
    New {
        number: String,
        path: std::path::PathBuf,
    },
}

/// Why [`issue`] could not give a number.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueError {
    /// The form carries no document number.
    NotNumbered,
    /// The document has no date yet (at `field`), and a register entry needs one.
    Undated { field: String },
    /// The register (in `path`, `to-chuc.yaml`) could not be updated: no number was given.
    NotWritten {
        path: std::path::PathBuf,
        why: NotWritten,
    },
}

/// Why the register was not written, as far as the clerk can act on it: one wording for the
/// command line ([`crate::diag::Setup::RegisterNotWritten`]) and the desk.
#[derive(Debug, Clone, PartialEq)]
pub enum NotWritten {
    /// The system would not let the file be written, for a reason the clerk can remove (the
    /// file is read-only or open in another program, the disk is full...).
    Blocked(WriteBlock),
    /// The file was changed elsewhere (saved in an editor, by another program) while the
    /// number was being given.
    ChangedMeanwhile,
    /// `so_van_ban` is not the file's last key (or is written `so_van_ban: []`), so that an
    /// entry appended at the end would not belong to it.
    NotLast,
    /// The file, as it is now, does not read: the reader's words.
    DoesNotRead(String),
    /// Anything else, in the writer's or the system's words.
    Other { vi: String, en: String },
}

impl NotWritten {
    /// Why the workspace's writer or the system refused.
    fn of(e: crate::store::WriteError) -> NotWritten {
        use crate::store::WriteError;
        match &e {
            WriteError::Stale { .. } => return NotWritten::ChangedMeanwhile,
            WriteError::Io { path, source } => {
                if let Some(block) = WriteBlock::of(path, source) {
                    return NotWritten::Blocked(block);
                }
            }
            _ => {}
        }
        NotWritten::Other {
            vi: e.message(Lang::Vi),
            en: e.message(Lang::En),
        }
    }

    /// Why, after what was not written (`không ghi được sổ văn bản vào to-chuc.yaml: …`).
    pub fn reason(&self, lang: Lang) -> String {
        let said = match self {
            NotWritten::Blocked(WriteBlock::ReadOnlyFile) => {
                ("tệp chỉ cho đọc (Read-only)", "the file is read-only")
            }
            NotWritten::Blocked(WriteBlock::InUse) => (
                "tệp đang mở trong một chương trình khác, chương trình đó giữ nó",
                "the file is open in another program, which holds it",
            ),
            NotWritten::Blocked(WriteBlock::FolderDenied) => (
                "không có quyền ghi vào thư mục hồ sơ",
                "there is no permission to write in the workspace folder",
            ),
            NotWritten::Blocked(WriteBlock::ReadOnlyDisk) => (
                "ổ đĩa chứa thư mục hồ sơ chỉ cho đọc (USB bị khóa, đĩa CD...)",
                "the disk of the workspace is read-only (a locked USB stick, a CD...)",
            ),
            NotWritten::Blocked(WriteBlock::DiskFull) => (
                "ổ đĩa chứa thư mục hồ sơ đã đầy",
                "the disk of the workspace is full",
            ),
            NotWritten::ChangedMeanwhile => (
                "tệp vừa được sửa ở nơi khác (trình soạn thảo, chương trình khác) trong lúc cấp số",
                "the file was changed elsewhere (an editor, another program) while the number was being given",
            ),
            NotWritten::NotLast => (
                "danh sách `so_van_ban` không nằm ở cuối tệp, nên không thêm được số vào cuối danh sách",
                "the `so_van_ban` list is not at the end of the file, so no number can be added at its end",
            ),
            NotWritten::DoesNotRead(detail) => {
                return match lang {
                    Lang::Vi => format!("tệp hiện không đọc được: {detail}"),
                    Lang::En => format!("the file does not read now: {detail}"),
                };
            }
            NotWritten::Other { vi, en } => (vi.as_str(), en.as_str()),
        };
        lang.pick(said.0, said.1).to_string()
    }

    /// What to do about it; nothing was written, so giving the number again is safe.
    pub fn advice(&self, lang: Lang) -> String {
        lang.pick(
            match self {
                NotWritten::Blocked(WriteBlock::ReadOnlyFile) => "bỏ thuộc tính chỉ đọc của tệp (nhấp chuột phải vào tệp → Properties → bỏ dấu ở ô Read-only → OK), rồi cấp số lại",
                NotWritten::Blocked(WriteBlock::InUse) => "đóng tệp trong chương trình đang mở nó (Notepad, Word, Excel...), rồi cấp số lại",
                NotWritten::Blocked(WriteBlock::FolderDenied) => "nhờ người quản trị máy cấp quyền ghi vào thư mục hồ sơ, rồi cấp số lại",
                NotWritten::Blocked(WriteBlock::ReadOnlyDisk) => "mở khóa ổ đĩa (hoặc chép thư mục hồ sơ sang ổ ghi được, ví dụ Documents), rồi cấp số lại",
                NotWritten::Blocked(WriteBlock::DiskFull) => "giải phóng chỗ trống trên ổ đĩa, rồi cấp số lại",
                NotWritten::ChangedMeanwhile => "chưa ghi gì: cấp số lại, số được tính theo tệp như bây giờ",
                NotWritten::NotLast => "để danh sách `so_van_ban` ở cuối tệp to-chuc.yaml, hoặc ghi số bằng tay",
                NotWritten::DoesNotRead(_) => "sửa tệp theo lỗi trên, rồi cấp số lại",
                NotWritten::Other { .. } => "chưa có số nào được ghi: gỡ điều cản trở trên, rồi cấp số lại",
            },
            match self {
                NotWritten::Blocked(WriteBlock::ReadOnlyFile) => "clear the file's read-only attribute (right-click the file → Properties → untick Read-only → OK), then give the number again",
                NotWritten::Blocked(WriteBlock::InUse) => "close the file in the program that has it open (Notepad, Word, Excel...), then give the number again",
                NotWritten::Blocked(WriteBlock::FolderDenied) => "ask the computer's administrator for permission to write in the workspace folder, then give the number again",
                NotWritten::Blocked(WriteBlock::ReadOnlyDisk) => "unlock the disk (or copy the workspace to a writable disk, such as Documents), then give the number again",
                NotWritten::Blocked(WriteBlock::DiskFull) => "free some space on the disk, then give the number again",
                NotWritten::ChangedMeanwhile => "nothing was written: give the number again, from the file as it is now",
                NotWritten::NotLast => "keep the `so_van_ban` list at the end of to-chuc.yaml, or add the entry by hand",
                NotWritten::DoesNotRead(_) => "mend the file as said above, then give the number again",
                NotWritten::Other { .. } => "no number was written: remove what stood in the way, then give the number again",
            },
        )
        .to_string()
    }
}

/// Gives the document `form` of person `id` (whose record `view` shows) its number: the one the
/// register or the record already holds, or the next free one of its series in this term,
/// appended to the register in `to-chuc.yaml` without touching the rest of the file (and only if
/// the file still reads back with the new entry in it). Called for a checked person
/// (`Checked::issue_number`).
pub fn issue(
    workspace: &Workspace,
    form: &Form,
    id: &str,
    view: &PathView,
) -> Result<Issued, IssueError> {
    let org = &workspace.org.to_chuc;
    let series = form_series(form, org).ok_or(IssueError::NotNumbered)?;
    if let Some(entry) = entry_for(org, form, id) {
        return Ok(Issued::AlreadyRegistered {
            number: format!("{:02}-{}", entry.so, self::series(entry, org)),
        });
    }
    if let Some(number) = form.recorded_number(view) {
        let field = form.so_ghi_nhan.clone().unwrap_or_default();
        return Ok(Issued::Recorded { number, field });
    }
    let date = form
        .document_date(view)
        .ok_or_else(|| IssueError::Undated {
            field: form.ngay_van_ban.clone(),
        })?;
    let path = workspace.org.spans.file().path.clone();
    let not_written = |why: NotWritten| IssueError::NotWritten {
        path: path.clone(),
        why,
    };
    // Read, decide and write under one lock, and from the file as it is now (not as it was
    // loaded): two `cap-so` at once never give the same number or lose each other's entry. The
    // workspace's writer keeps the file's line endings and BOM, and writes a linked
    // `to-chuc.yaml` where it points.
    let root = workspace.root.as_path();
    let writer = crate::store::Writer::lock(root).map_err(|e| not_written(NotWritten::of(e)))?;
    let file = writer
        .read(&path)
        .map_err(|e| not_written(NotWritten::of(e)))?;
    let text = file.text();
    let current: ToChuc = crate::model::from_yaml(text)
        .map_err(|e| not_written(NotWritten::DoesNotRead(e.to_string())))?;
    if let Some(entry) = entry_for(&current, form, id) {
        return Ok(Issued::AlreadyRegistered {
            number: format!("{:02}-{}", entry.so, self::series(entry, &current)),
        });
    }
    let recorded = crate::validate::recorded_numbers(workspace);
    let so = next_number(
        &current,
        &series,
        date,
        recorded
            .iter()
            .map(|(so, series, day)| (*so, series.as_str(), *day)),
    );
    let own = format!("/{}", chi_bo_symbol(&current));
    let entry = NewEntry {
        so,
        loai: series.strip_suffix(&own).unwrap_or(&series).to_string(),
        ngay: date,
        mau: form.ma.clone(),
        nguoi: id.to_string(),
        trich_yeu: Some(
            match workspace.person(id).and_then(|r| r.nguoi.ho_ten.as_ref()) {
                Some(name) => format!("{}: {name}", form.ten),
                None => form.ten.clone(),
            },
        ),
    };
    let text = append_entry(text, &entry)
        .map_err(|AppendError::NotLast| not_written(NotWritten::NotLast))?;
    // Never write a register that no longer reads back with the new entry in it.
    let reads_back = crate::model::from_yaml::<ToChuc>(&text).is_ok_and(|reread| {
        reread
            .so_van_ban
            .iter()
            .any(|e| e.so == so && e.nguoi.as_deref() == Some(id))
    });
    if !reads_back {
        return Err(not_written(NotWritten::Other {
            vi: "sổ văn bản thêm số mới không đọc lại được".into(),
            en: "the register with the new number does not read back".into(),
        }));
    }
    writer
        .replace(&file, &text)
        .map_err(|e| not_written(NotWritten::of(e)))?;
    Ok(Issued::New {
        number: format!("{so:02}-{series}"),
        path,
    })
}
