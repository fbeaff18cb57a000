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
    /// A workspace's template that is not a regular file inside the workspace.
    TemplateRefused { path: PathBuf },
    /// A template (built-in or the workspace's) failed.
    TemplateFailed { name: String, detail: String },
    /// Typst could not typeset a document.
    TypesetFailed { what: String, detail: String },
    /// A dossier could not be assembled.
    DossierFailed { detail: String },
    /// A form that carries no document number (`cap-so`).
    FormHasNoNumber { form: String },
    /// The document has no date yet, so it cannot be entered in the register.
    DocumentUndated { form: String, field: String },
    /// The register in `to-chuc.yaml` could not be updated.
    RegisterNotWritten { path: PathBuf, detail: String },
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
            Setup::TemplateFailed { .. } => "template-failed",
            Setup::TemplateRefused { .. } => "template-refused",
            Setup::TypesetFailed { .. } => "typeset-failed",
            Setup::DossierFailed { .. } => "dossier-failed",
            Setup::FormHasNoNumber { .. } => "form-has-no-number",
            Setup::DocumentUndated { .. } => "document-undated",
            Setup::RegisterNotWritten { .. } => "register-not-written",
            Setup::UnknownArticleFormat { .. } => "unknown-article-format",
            Setup::ArticleNeedsSoundRecords => "records-have-errors",
            Setup::ArticleNotWritten { .. } => "article-not-written",
            Setup::OutputRefused { .. } => "output-refused",
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
            Setup::RegisterNotWritten { path, detail } => {
                let p = path.display();
                if vi {
                    format!("không ghi được sổ văn bản vào `{p}`: {detail}")
                } else {
                    format!("cannot write the register into `{p}`: {detail}")
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
            Setup::RegisterNotWritten { .. } => Some(
                lang.pick(
                    "để danh sách `so_van_ban` ở cuối tệp to-chuc.yaml, hoặc ghi số bằng tay",
                    "keep the `so_van_ban` list at the end of to-chuc.yaml, or add the entry by hand",
                )
                .into(),
            ),
            Setup::ArticleNeedsSoundRecords => Some(
                lang.pick(
                    "sửa các lỗi trên rồi chạy lại",
                    "fix the errors above and run again",
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
            _ => None,
        }
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
