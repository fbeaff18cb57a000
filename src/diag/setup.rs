//! Problems of the set-up rather than of the data: a folder that is not a workspace, a file that
//! cannot be read or written, a form or a person that does not exist. They are diagnostics like
//! the others (a stable code, Vietnamese and English wording, a hint, JSON on request), without a
//! place in a YAML file; the human renderer prints them as the one-line `lỗi: …` / `gợi ý: …` of a
//! command line.

use super::Lang;
use std::path::PathBuf;

/// A problem of the set-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Setup {
    /// The folder has no `to-chuc.yaml`.
    NotAWorkspace { path: PathBuf },
    /// A file or folder could not be read.
    CannotRead { path: PathBuf, detail: String },
    /// An output could not be written.
    CannotWrite { path: PathBuf, detail: String },
    /// The Typst layout library could not be written beside emitted sources.
    CannotWriteLibrary { detail: String },
    /// A form code that the catalogue does not have.
    UnknownForm {
        code: String,
        suggestion: Option<String>,
    },
    /// A person id that the workspace does not have.
    UnknownPersonId {
        id: String,
        suggestion: Option<String>,
    },
    /// `init` into a folder that already holds something.
    NotEmpty { path: PathBuf },
    /// `new` with a name that is not a person id; the id it would make, if any.
    NotAnId {
        id: String,
        suggestion: Option<String>,
    },
    /// `new` for a person whose file is already there.
    PersonExists { path: PathBuf },
    /// A workspace's template that is not a regular file inside the workspace.
    TemplateRefused { path: PathBuf },
    /// A template (built-in or the workspace's) failed.
    TemplateFailed { name: String, detail: String },
    /// Typst could not typeset a document.
    TypesetFailed { what: String, detail: String },
    /// Typesetting a source of the workspace's own templates broke a bound (time, memory) and
    /// was stopped, or could not be run apart: why, in both languages.
    TypesetStopped {
        template: String,
        vi: String,
        en: String,
    },
    /// A dossier could not be assembled.
    DossierFailed { detail: String },
    /// A form that carries no document number (`cap-so`).
    FormHasNoNumber { form: String },
    /// The document has no date yet, so it cannot be entered in the register.
    DocumentUndated { form: String, field: String },
    /// The register in `to-chuc.yaml` could not be updated, and why.
    RegisterNotWritten {
        path: PathBuf,
        why: crate::register::NotWritten,
    },
    /// An article's output must be .md, .html or .pdf.
    UnknownArticleFormat { path: PathBuf },
    /// The records have errors, so an article's figures cannot be trusted.
    ArticleNeedsSoundRecords,
    /// The article could not be written as a Word document.
    ArticleNotWritten { detail: String },
    /// An output path that would damage an input or something that is not an output.
    OutputRefused {
        path: PathBuf,
        reason: crate::output::Refusal,
    },
    /// A folder of `--font-path` (or `HOSO_FONT_PATHS`) that does not exist.
    NoFontFolder { path: PathBuf },
    /// The system would not let an output be written or replaced, for a reason the clerk can
    /// remove (see [`Setup::cannot_write`]).
    WriteBlocked {
        path: PathBuf,
        detail: String,
        cause: WriteBlock,
    },
}

/// Why the system would not let an output be written, as far as the error tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteBlock {
    /// Another program has the file open (a PDF viewer, Word): Windows will not replace it.
    InUse,
    /// The file itself is marked read-only.
    ReadOnlyFile,
    /// No permission to create files in the folder (a read-only or protected folder).
    FolderDenied,
    /// The disk is read-only (a locked USB stick, a CD, a disk mounted read-only).
    ReadOnlyDisk,
    /// The disk is full.
    DiskFull,
}

impl WriteBlock {
    /// Why writing `path` failed with `error`, when the cause is one the clerk can remove (a
    /// file open in a viewer, a read-only file or folder, a full or read-only disk).
    pub fn of(path: &std::path::Path, error: &std::io::Error) -> Option<WriteBlock> {
        use std::io::ErrorKind;
        // Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION, ERROR_USER_MAPPED_FILE.
        let windows_in_use = cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33 | 1224));
        let read_only_file = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        match error.kind() {
            _ if windows_in_use => Some(WriteBlock::InUse),
            ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => Some(WriteBlock::InUse),
            ErrorKind::ReadOnlyFilesystem => Some(WriteBlock::ReadOnlyDisk),
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Some(WriteBlock::DiskFull),
            ErrorKind::PermissionDenied if read_only_file => Some(WriteBlock::ReadOnlyFile),
            // Windows refuses to replace a file another program holds open with "access
            // denied"; where the file is there and not read-only, that is the likely cause.
            ErrorKind::PermissionDenied if cfg!(windows) && path.is_file() => {
                Some(WriteBlock::InUse)
            }
            ErrorKind::PermissionDenied => Some(WriteBlock::FolderDenied),
            _ => None,
        }
    }

    /// What to do about it, for `path`.
    pub fn hint(self, path: &std::path::Path, lang: Lang) -> String {
        write_block_hint(path, self, lang)
    }
}

impl Setup {
    /// The problem of writing `path` that `error` reports: with what to do about it when the
    /// cause is one the clerk can remove (see [`WriteBlock::of`]), else the bare
    /// [`Setup::CannotWrite`].
    pub fn cannot_write(path: &std::path::Path, error: &std::io::Error) -> Setup {
        let (cause, detail) = (WriteBlock::of(path, error), error.to_string());
        let path = path.to_path_buf();
        match cause {
            Some(cause) => Setup::WriteBlocked {
                path,
                detail,
                cause,
            },
            None => Setup::CannotWrite { path, detail },
        }
    }
}

impl Setup {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Setup::NotAWorkspace { .. } => "not-a-workspace",
            Setup::CannotRead { .. } => "cannot-read",
            Setup::CannotWrite { .. } => "cannot-write",
            Setup::CannotWriteLibrary { .. } => "cannot-write",
            Setup::UnknownForm { .. } => "unknown-form",
            Setup::UnknownPersonId { .. } => "unknown-id",
            Setup::NotEmpty { .. } => "folder-not-empty",
            Setup::NotAnId { .. } => "invalid-id",
            Setup::PersonExists { .. } => "person-exists",
            Setup::TemplateFailed { .. } => "template-failed",
            Setup::TemplateRefused { .. } => "template-refused",
            Setup::TypesetFailed { .. } => "typeset-failed",
            Setup::TypesetStopped { .. } => "typeset-stopped",
            Setup::DossierFailed { .. } => "dossier-failed",
            Setup::FormHasNoNumber { .. } => "form-has-no-number",
            Setup::DocumentUndated { .. } => "document-undated",
            Setup::RegisterNotWritten { .. } => "register-not-written",
            Setup::UnknownArticleFormat { .. } => "unknown-article-format",
            Setup::ArticleNeedsSoundRecords => "records-have-errors",
            Setup::ArticleNotWritten { .. } => "article-not-written",
            Setup::OutputRefused { .. } => "output-refused",
            Setup::NoFontFolder { .. } => "no-font-folder",
            Setup::WriteBlocked { .. } => "cannot-write",
        }
    }

    /// The message.
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Setup::NotAWorkspace { path } => {
                let p = path.display();
                if vi {
                    format!("`{p}` không phải thư mục hồ sơ: thiếu tệp `to-chuc.yaml`")
                } else {
                    format!("`{p}` is not a hoso workspace: it has no `to-chuc.yaml`")
                }
            }
            Setup::CannotRead { path, detail } => {
                let p = path.display();
                if vi {
                    format!("không đọc được `{p}`: {detail}")
                } else {
                    format!("cannot read `{p}`: {detail}")
                }
            }
            Setup::CannotWrite { path, detail } => {
                let p = path.display();
                if vi {
                    format!("không ghi được `{p}`: {detail}")
                } else {
                    format!("cannot write `{p}`: {detail}")
                }
            }
            Setup::WriteBlocked { path, detail, .. } => {
                let p = path.display();
                if vi {
                    format!("không ghi được `{p}`: {detail}")
                } else {
                    format!("cannot write `{p}`: {detail}")
                }
            }
            Setup::NoFontFolder { path } => {
                let p = path.display();
                if vi {
                    format!("không có thư mục phông chữ `{p}`")
                } else {
                    format!("no font folder `{p}`")
                }
            }
            Setup::CannotWriteLibrary { detail } => {
                if vi {
                    format!("không ghi được thư viện Typst: {detail}")
                } else {
                    format!("cannot write the Typst library: {detail}")
                }
            }
            Setup::UnknownForm { code, .. } => {
                if vi {
                    format!("không có mẫu `{code}`; xem `hoso forms`")
                } else {
                    format!("no form `{code}`; see `hoso forms`")
                }
            }
            Setup::UnknownPersonId { id, .. } => {
                if vi {
                    format!("không có người mang mã `{id}`; xem `hoso list`")
                } else {
                    format!("no person with id `{id}`; see `hoso list`")
                }
            }
            Setup::NotAnId { id, .. } if crate::model::id::windows_reserved(id) => {
                if vi {
                    format!(
                        "`{id}` không dùng làm mã người được: Windows dành tên này cho thiết bị, không tệp nào mang tên `{id}.yaml` được; thêm số, ví dụ `{id}-2`"
                    )
                } else {
                    format!(
                        "`{id}` cannot be a person id: Windows keeps that name for a device and no file can be named `{id}.yaml` there; add a number, for example `{id}-2`"
                    )
                }
            }
            Setup::NotAnId { id, suggestion } => {
                let maybe = suggestion
                    .as_ref()
                    .map(|s| format!(" (`{s}`?)"))
                    .unwrap_or_default();
                if vi {
                    format!(
                        "`{id}` không phải là mã người: chữ thường không dấu, số, gạch nối{maybe}"
                    )
                } else {
                    format!("`{id}` is not a person id: lower-case letters, digits, hyphens{maybe}")
                }
            }
            Setup::PersonExists { path } => {
                let p = path.display();
                if vi {
                    format!("`{p}` đã có; không ghi đè")
                } else {
                    format!("`{p}` exists; nothing was overwritten")
                }
            }
            Setup::NotEmpty { path } => {
                let p = path.display();
                if vi {
                    format!("`{p}` đã có dữ liệu; không ghi đè")
                } else {
                    format!("`{p}` is not empty; nothing was overwritten")
                }
            }
            Setup::TemplateRefused { path } => {
                let p = path.display();
                if vi {
                    format!(
                        "không đọc mẫu in `{p}`: đó không phải tệp thường nằm trong thư mục hồ sơ (liên kết ra ngoài, thư mục, thiết bị, hoặc tệp quá lớn)"
                    )
                } else {
                    format!(
                        "template `{p}` not read: it is not a regular file inside the workspace (a link out of it, a folder, a device, or too large)"
                    )
                }
            }
            Setup::TemplateFailed { name, detail } => {
                if vi {
                    format!("mẫu in `{name}` lỗi: {detail}")
                } else {
                    format!("template `{name}` failed: {detail}")
                }
            }
            Setup::TypesetFailed { what, detail } => {
                if vi {
                    format!("không dàn trang được {what}:\n{detail}")
                } else {
                    format!("cannot typeset {what}:\n{detail}")
                }
            }
            Setup::TypesetStopped { template, vi, en } => match lang {
                Lang::Vi => format!("mẫu in `templates/{template}`: {vi}"),
                Lang::En => format!("template `templates/{template}`: {en}"),
            },
            Setup::DossierFailed { detail } => {
                if vi {
                    format!("không dựng được hồ sơ: {detail}")
                } else {
                    format!("cannot build the dossier: {detail}")
                }
            }
            Setup::FormHasNoNumber { form } => {
                if vi {
                    format!("mẫu {form} không mang số văn bản")
                } else {
                    format!("form {form} carries no document number")
                }
            }
            Setup::DocumentUndated { field, .. } => {
                if vi {
                    format!("chưa có ngày văn bản `{field}` để vào sổ")
                } else {
                    format!("the document has no date yet (`{field}`)")
                }
            }
            Setup::RegisterNotWritten { path, why } => {
                let (p, why) = (path.display(), why.reason(lang));
                if vi {
                    format!("không ghi được sổ văn bản vào `{p}`, nên chưa cấp số: {why}")
                } else {
                    format!("cannot write the register into `{p}`, so no number was given: {why}")
                }
            }
            Setup::UnknownArticleFormat { path } => {
                let p = path.display();
                if vi {
                    format!(
                        "không biết ghi `{p}` dạng gì: đuôi tệp phải là .md, .html, .pdf hoặc .docx"
                    )
                } else {
                    format!(
                        "cannot tell how to write `{p}`: the extension must be .md, .html, .pdf or .docx"
                    )
                }
            }
            Setup::ArticleNeedsSoundRecords => lang
                .pick(
                    "hồ sơ còn lỗi nên chưa tính được số liệu cho bài viết",
                    "the records have errors, so the figures of the article cannot be trusted",
                )
                .to_string(),
            Setup::ArticleNotWritten { detail } => {
                if vi {
                    format!("không ghi được bài viết dạng .docx: {detail}")
                } else {
                    format!("cannot write the article as .docx: {detail}")
                }
            }
            Setup::OutputRefused { path, reason } => {
                use crate::output::Refusal;
                let p = path.display();
                match (reason, vi) {
                    (Refusal::WrongExtension { expected }, true) => format!(
                        "không ghi `{p}`: tệp kết quả phải có đuôi {}",
                        dotted(expected, " hoặc ")
                    ),
                    (Refusal::WrongExtension { expected }, false) => format!(
                        "`{p}` not written: the output must end in {}",
                        dotted(expected, " or ")
                    ),
                    (Refusal::NotARegularFile, true) => format!(
                        "không ghi `{p}`: đó không phải tệp thường (thư mục, liên kết, thiết bị...) nên không thay thế"
                    ),
                    (Refusal::NotARegularFile, false) => format!(
                        "`{p}` not written: it is not a regular file (a folder, a link, a device...), so it is not replaced"
                    ),
                    (Refusal::WorkspaceData, true) => {
                        format!("không ghi `{p}`: đó là dữ liệu của thư mục hồ sơ")
                    }
                    (Refusal::WorkspaceData, false) => {
                        format!("`{p}` not written: it is the workspace's own data")
                    }
                    (Refusal::TooLongForWindows { length }, true) => format!(
                        "không ghi `{p}`: đường dẫn đầy đủ dài {length} ký tự, quá {} ký tự mà các chương trình trên Windows mở được",
                        crate::output::WINDOWS_MAX_PATH
                    ),
                    (Refusal::TooLongForWindows { length }, false) => format!(
                        "`{p}` not written: its full path has {length} characters, more than the {} Windows programs can open",
                        crate::output::WINDOWS_MAX_PATH
                    ),
                }
            }
        }
    }

    /// What to do about it.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        let did_you_mean = |s: &Option<String>| {
            s.as_ref().map(|s| match lang {
                Lang::Vi => format!("có phải ý là `{s}`?"),
                Lang::En => format!("did you mean `{s}`?"),
            })
        };
        match self {
            Setup::NotAWorkspace { .. } => Some(
                lang.pick(
                    "tạo thư mục mẫu bằng `hoso init DIR`",
                    "create a demo workspace with `hoso init DIR`",
                )
                .into(),
            ),
            Setup::UnknownForm { suggestion, .. } => did_you_mean(suggestion),
            Setup::UnknownPersonId { suggestion, .. } => did_you_mean(suggestion),
            Setup::NotEmpty { .. } => {
                Some(lang.pick("chọn một thư mục mới", "choose a new folder").into())
            }
            Setup::RegisterNotWritten { why, .. } => Some(why.advice(lang)),
            Setup::ArticleNeedsSoundRecords => Some(
                lang.pick(
                    "sửa các lỗi trên rồi chạy lại",
                    "fix the errors above and run again",
                )
                .into(),
            ),
            Setup::OutputRefused {
                reason: crate::output::Refusal::TooLongForWindows { .. },
                ..
            } => Some(
                lang.pick(
                    "ghi vào một thư mục nông hơn, ví dụ `C:\\hoso-in`, hoặc đặt tên tệp ngắn hơn",
                    "write to a shallower folder, for example `C:\\hoso-out`, or give a shorter name",
                )
                .into(),
            ),
            Setup::OutputRefused { .. } => Some(
                lang.pick(
                    "ghi kết quả ra một tệp mới, ngoài `to-chuc.yaml`, `bao-cao.yaml`, `dang-vien/`, `ket-nap/` và `templates/`",
                    "write the output to a new file, outside `to-chuc.yaml`, `bao-cao.yaml`, `dang-vien/`, `ket-nap/` and `templates/`",
                )
                .into(),
            ),
            Setup::NoFontFolder { .. } => Some(
                lang.pick(
                    "kiểm tra đường dẫn ở `--font-path` hoặc `HOSO_FONT_PATHS`",
                    "check the path given to `--font-path` or in `HOSO_FONT_PATHS`",
                )
                .into(),
            ),
            Setup::WriteBlocked { path, cause, .. } => Some(write_block_hint(path, *cause, lang)),
            _ => None,
        }
    }
}

/// What to do when the system would not let `path` be written.
fn write_block_hint(path: &std::path::Path, cause: WriteBlock, lang: Lang) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
        _ => ".".to_string(),
    };
    let vi = lang == Lang::Vi;
    match (cause, vi) {
        (WriteBlock::InUse, true) => format!(
            "`{name}` đang mở trong một chương trình khác (trình xem PDF, Word...): đóng tệp đó rồi chạy lại, hoặc ghi ra tên khác bằng `-o`"
        ),
        (WriteBlock::InUse, false) => format!(
            "`{name}` is open in another program (a PDF viewer, Word...): close it and run again, or write to another name with `-o`"
        ),
        (WriteBlock::ReadOnlyFile, true) => format!(
            "`{name}` chỉ cho đọc: bỏ thuộc tính chỉ đọc (Read-only) của tệp, hoặc ghi ra tên khác bằng `-o`"
        ),
        (WriteBlock::ReadOnlyFile, false) => format!(
            "`{name}` is read-only: clear the file's read-only attribute, or write to another name with `-o`"
        ),
        (WriteBlock::FolderDenied, true) => format!(
            "không có quyền ghi vào thư mục `{folder}`: ghi ra thư mục khác (ví dụ trong Documents) bằng `-o`, hoặc nhờ người quản trị cấp quyền ghi"
        ),
        (WriteBlock::FolderDenied, false) => format!(
            "no permission to write in the folder `{folder}`: write to another folder (in Documents, say) with `-o`, or ask the administrator for write access"
        ),
        (WriteBlock::ReadOnlyDisk, true) => format!(
            "ổ đĩa chứa `{folder}` chỉ cho đọc (USB bị khóa, đĩa CD...): mở khóa hoặc ghi ra ổ khác bằng `-o`"
        ),
        (WriteBlock::ReadOnlyDisk, false) => format!(
            "the disk of `{folder}` is read-only (a locked USB stick, a CD...): unlock it or write to another disk with `-o`"
        ),
        (WriteBlock::DiskFull, true) => format!(
            "ổ đĩa chứa `{folder}` đã đầy: giải phóng chỗ trống rồi chạy lại, hoặc ghi ra ổ khác bằng `-o`"
        ),
        (WriteBlock::DiskFull, false) => format!(
            "the disk of `{folder}` is full: free some space and run again, or write to another disk with `-o`"
        ),
    }
}

/// `[".pdf"]` → ".pdf"; `["md", "html"]` → ".md or .html".
fn dotted(extensions: &[&str], or: &str) -> String {
    extensions
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(or)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    fn hint(setup: &Setup, lang: Lang) -> String {
        setup.hint(lang).unwrap_or_default()
    }

    /// Each cause the clerk can remove says what to do, in both languages; the code stays
    /// `cannot-write` for programs.
    #[test]
    fn a_blocked_write_says_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("nq.pdf");
        let busy = Setup::cannot_write(&pdf, &Error::from(ErrorKind::ResourceBusy));
        assert_eq!(busy.code(), "cannot-write");
        assert!(hint(&busy, Lang::Vi).contains("đang mở trong một chương trình khác"));
        assert!(hint(&busy, Lang::En).contains("open in another program"));
        assert!(hint(&busy, Lang::En).contains("`nq.pdf`"));

        let denied = Setup::cannot_write(&pdf, &Error::from(ErrorKind::PermissionDenied));
        assert!(hint(&denied, Lang::Vi).contains("không có quyền ghi vào thư mục"));
        assert!(hint(&denied, Lang::En).contains(&dir.path().display().to_string()));

        std::fs::write(&pdf, b"%PDF").unwrap();
        let mut perms = std::fs::metadata(&pdf).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&pdf, perms).unwrap();
        let read_only = Setup::cannot_write(&pdf, &Error::from(ErrorKind::PermissionDenied));
        assert!(hint(&read_only, Lang::Vi).contains("chỉ cho đọc"));
        assert!(hint(&read_only, Lang::En).contains("read-only attribute"));

        let disk = Setup::cannot_write(&pdf, &Error::from(ErrorKind::ReadOnlyFilesystem));
        assert!(hint(&disk, Lang::En).contains("disk"));
        let full = Setup::cannot_write(&pdf, &Error::from(ErrorKind::StorageFull));
        assert!(hint(&full, Lang::Vi).contains("đã đầy"));

        // Anything else is the plain failure with the system's words.
        let other = Setup::cannot_write(&pdf, &Error::other("boom"));
        assert_eq!(
            other,
            Setup::CannotWrite {
                path: pdf,
                detail: "boom".into()
            }
        );
    }
}
