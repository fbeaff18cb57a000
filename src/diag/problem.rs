//! Every problem `hoso` reports about data, with its stable code and its wording, in one place.
//!
//! Wording follows the house style: lower case, no final period, YAML keys in backticks, the fix
//! in the hint. Vietnamese first; English is a faithful translation.

use super::Lang;

/// A problem in the data. The variant decides the code, the message, the hint and the citation.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The YAML text cannot be parsed.
    YamlSyntax { detail: String },
    /// A file holds nothing.
    EmptyFile,
    /// A key that `hoso` does not know, maybe a misspelling.
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    /// A value of the wrong kind (text where a number is expected, a list where text is expected...).
    InvalidValue { field: String, detail: String },
    /// A date that cannot be read.
    InvalidDate { field: String, value: String },
    /// A required value is missing.
    MissingField {
        field: String,
        label_vi: &'static str,
        label_en: &'static str,
    },
    /// Two events in the wrong order.
    DateOrder {
        earlier: String,
        earlier_date: String,
        later: String,
        later_date: String,
    },
    /// A reference to a person that is not in the workspace.
    UnknownPerson {
        field: String,
        id: String,
        suggestion: Option<String>,
    },
    /// Two files give the same person id.
    DuplicateId { id: String, other: String },
    /// A person who must be a member (sponsor, chair, secretary) is not one.
    NotAMember { field: String, id: String },
    /// Figures of a meeting that do not add up.
    CountMismatch {
        detail_vi: String,
        detail_en: String,
    },
    /// Both `ngay_vao_dang` and `quyet_dinh_ket_nap` are given and disagree.
    AdmissionDateConflict { recorded: String, decision: String },
    /// A register number is used twice for the same kind of document in the same term.
    NumberReused { number: String, kind: String },
    /// A form needs a value that the record does not have.
    FormNeedsField { form: String, field: String },
    /// The form does not apply to this record (4-KNĐ for someone introduced by the trade union).
    FormNotApplicable {
        form: String,
        field: String,
        expected: String,
        found: String,
    },
    /// A reference to a branch that `cac_chi_bo` does not list.
    UnknownBranch {
        field: String,
        id: String,
        suggestion: Option<String>,
    },
}

impl Problem {
    /// The stable code, used in JSON output and in fixtures' expectations.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::YamlSyntax { .. } => "yaml-syntax",
            Problem::EmptyFile => "empty-file",
            Problem::UnknownKey { .. } => "unknown-key",
            Problem::InvalidValue { .. } => "invalid-value",
            Problem::InvalidDate { .. } => "invalid-date",
            Problem::MissingField { .. } => "missing-field",
            Problem::DateOrder { .. } => "date-order",
            Problem::UnknownPerson { .. } => "unknown-person",
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::NotAMember { .. } => "not-a-member",
            Problem::CountMismatch { .. } => "count-mismatch",
            Problem::AdmissionDateConflict { .. } => "admission-date-conflict",
            Problem::NumberReused { .. } => "number-reused",
            Problem::FormNeedsField { .. } => "form-needs-field",
            Problem::FormNotApplicable { .. } => "form-not-applicable",
            Problem::UnknownBranch { .. } => "unknown-branch",
        }
    }

    /// The message, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::YamlSyntax { detail } => match lang {
                Lang::Vi => format!("lỗi cú pháp YAML: {detail}"),
                Lang::En => format!("YAML syntax error: {detail}"),
            },
            Problem::EmptyFile => lang.pick("tệp rỗng", "the file is empty").into(),
            Problem::UnknownKey { key, .. } => match lang {
                Lang::Vi => format!("khóa `{key}` không có trong mẫu dữ liệu"),
                Lang::En => format!("unknown key `{key}`"),
            },
            Problem::InvalidValue { field, detail } => match lang {
                Lang::Vi => format!("giá trị của `{field}` không hợp lệ: {detail}"),
                Lang::En => format!("invalid value for `{field}`: {detail}"),
            },
            Problem::InvalidDate { field, value } => match lang {
                Lang::Vi => format!("`{field}`: không đọc được ngày `{value}`"),
                Lang::En => format!("`{field}`: `{value}` is not a date"),
            },
            Problem::MissingField {
                field,
                label_vi,
                label_en,
            } => match lang {
                Lang::Vi => format!("thiếu `{field}` ({label_vi})"),
                Lang::En => format!("`{field}` ({label_en}) is required"),
            },
            Problem::DateOrder {
                earlier,
                earlier_date,
                later,
                later_date,
            } => match lang {
                Lang::Vi => {
                    format!("`{later}` ({later_date}) lại trước `{earlier}` ({earlier_date})")
                }
                Lang::En => {
                    format!("`{later}` ({later_date}) is before `{earlier}` ({earlier_date})")
                }
            },
            Problem::UnknownPerson { field, id, .. } => match lang {
                Lang::Vi => format!("`{field}`: không có người mang mã `{id}` trong hồ sơ"),
                Lang::En => format!("`{field}`: no person with id `{id}` in the workspace"),
            },
            Problem::DuplicateId { id, other } => match lang {
                Lang::Vi => format!("mã `{id}` đã dùng cho tệp `{other}`"),
                Lang::En => format!("id `{id}` is already used by `{other}`"),
            },
            Problem::NotAMember { field, id } => match lang {
                Lang::Vi => format!("`{field}`: `{id}` chưa phải là đảng viên"),
                Lang::En => format!("`{field}`: `{id}` is not a Party member"),
            },
            Problem::CountMismatch {
                detail_vi,
                detail_en,
            } => lang.pick(detail_vi, detail_en).to_string(),
            Problem::AdmissionDateConflict { recorded, decision } => match lang {
                Lang::Vi => format!(
                    "`ngay_vao_dang` ({recorded}) khác ngày của `quyet_dinh_ket_nap` ({decision})"
                ),
                Lang::En => format!(
                    "`ngay_vao_dang` ({recorded}) differs from the date of `quyet_dinh_ket_nap` ({decision})"
                ),
            },
            Problem::NumberReused { number, kind } => match lang {
                Lang::Vi => format!("số `{number}` đã dùng cho một {kind} khác trong nhiệm kỳ"),
                Lang::En => {
                    format!("number `{number}` is already used by another {kind} in this term")
                }
            },
            Problem::FormNeedsField { form, field } => match lang {
                Lang::Vi => format!("mẫu {form} cần `{field}` mà hồ sơ chưa có"),
                Lang::En => format!("form {form} needs `{field}`, which the record does not have"),
            },
            Problem::FormNotApplicable {
                form,
                field,
                expected,
                found,
            } => match lang {
                Lang::Vi => {
                    format!("mẫu {form} dùng khi `{field}` là `{expected}`, hồ sơ ghi `{found}`")
                }
                Lang::En => {
                    format!(
                        "form {form} applies when `{field}` is `{expected}`; the record has `{found}`"
                    )
                }
            },
            Problem::UnknownBranch { field, id, .. } => match lang {
                Lang::Vi => format!("`{field}`: không có chi bộ mang mã `{id}` trong `cac_chi_bo`"),
                Lang::En => format!("`{field}`: no branch with id `{id}` in `cac_chi_bo`"),
            },
        }
    }

    /// How to fix it, in the given language.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        let text = match self {
            Problem::YamlSyntax { .. } => lang
                .pick(
                    "kiểm tra thụt lề và dấu `:` ở dòng này và dòng trước đó",
                    "check the indentation and the `:` on this line and the one before",
                )
                .to_string(),
            Problem::UnknownKey { suggestion: Some(s), .. } => match lang {
                Lang::Vi => format!("có phải ý là `{s}`?"),
                Lang::En => format!("did you mean `{s}`?"),
            },
            Problem::UnknownKey { suggestion: None, .. } => lang
                .pick(
                    "xem bảng các khóa trong README (mục \"The workspace\")",
                    "see the table of keys in the README (\"The workspace\")",
                )
                .to_string(),
            Problem::InvalidDate { .. } => lang
                .pick(
                    "viết ngày dạng 16/11/2020 hoặc 2020-11-16",
                    "write dates as 16/11/2020 or 2020-11-16",
                )
                .to_string(),
            Problem::MissingField { field, .. } => match lang {
                Lang::Vi => format!("thêm dòng `{}: ...` vào hồ sơ", last_key(field)),
                Lang::En => format!("add a line `{}: ...` to the record", last_key(field)),
            },
            Problem::DateOrder { .. } => lang
                .pick("kiểm tra lại hai ngày này", "check both dates")
                .to_string(),
            Problem::UnknownPerson { suggestion: Some(s), .. } => match lang {
                Lang::Vi => format!("có phải ý là `{s}`?"),
                Lang::En => format!("did you mean `{s}`?"),
            },
            Problem::UnknownPerson { suggestion: None, .. } => lang
                .pick(
                    "mã là tên tệp (không có `.yaml`) trong `dang-vien/` hoặc `ket-nap/`",
                    "an id is a file name (without `.yaml`) in `dang-vien/` or `ket-nap/`",
                )
                .to_string(),
            Problem::DuplicateId { .. } => lang
                .pick("đổi tên một trong hai tệp", "rename one of the two files")
                .to_string(),
            Problem::NotAMember { .. } => lang
                .pick(
                    "người này cần có `ngay_vao_dang` hoặc `quyet_dinh_ket_nap`",
                    "this person needs `ngay_vao_dang` or `quyet_dinh_ket_nap`",
                )
                .to_string(),
            Problem::AdmissionDateConflict { .. } => lang
                .pick(
                    "ngày vào Đảng là ngày ký quyết định kết nạp; chỉ cần ghi `quyet_dinh_ket_nap`",
                    "the admission date is the date of the decision; keep only `quyet_dinh_ket_nap`",
                )
                .to_string(),
            Problem::NumberReused { .. } => lang
                .pick(
                    "lấy số tiếp theo bằng `hoso cap-so MẪU NGƯỜI`",
                    "take the next number with `hoso cap-so FORM PERSON`",
                )
                .to_string(),
            Problem::FormNeedsField { .. } => lang
                .pick(
                    "bổ sung hồ sơ, hoặc in mẫu trắng với `--blank`",
                    "complete the record, or print the blank form with `--blank`",
                )
                .to_string(),
            Problem::FormNotApplicable { .. } => lang
                .pick(
                    "xem `hoso forms` để chọn mẫu đúng trường hợp",
                    "see `hoso forms` for the form of this case",
                )
                .to_string(),
            Problem::UnknownBranch { suggestion: Some(s), .. } => match lang {
                Lang::Vi => format!("có phải ý là `{s}`?"),
                Lang::En => format!("did you mean `{s}`?"),
            },
            Problem::UnknownBranch { suggestion: None, .. } => lang
                .pick(
                    "mã chi bộ là khóa `ma` của một mục trong `cac_chi_bo` (tệp `to-chuc.yaml`)",
                    "a branch id is the `ma` of an item of `cac_chi_bo` (in `to-chuc.yaml`)",
                )
                .to_string(),
            Problem::EmptyFile | Problem::InvalidValue { .. } | Problem::CountMismatch { .. } => {
                return None;
            }
        };
        Some(text)
    }

    /// The regulation behind the rule, when there is one.
    pub fn citation(&self) -> Option<&'static str> {
        match self {
            Problem::DateOrder { .. } => Some("06-HD/TW §3 (trình tự hồ sơ)"),
            Problem::CountMismatch { .. } => Some("Điều lệ Đảng Điều 4.3; 294-QĐ/TW §9.3.2"),
            Problem::AdmissionDateConflict { .. } => Some("Điều lệ Đảng Điều 5.4"),
            Problem::NumberReused { .. } => Some("36-HD/VPTW §1.3.1"),
            Problem::NotAMember { .. } => Some("Điều lệ Đảng Điều 4.1"),
            _ => None,
        }
    }
}

/// The last key of a dotted path: `hop_chi_bo.ngay` → `ngay`.
fn last_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}
