//! Every problem `hoso` reports about data, with its stable code and its wording, in one place.
//!
//! Wording follows the house style: lower case, no final period, YAML keys in backticks, the fix
//! in the hint. Vietnamese first; English is a faithful translation.

use super::Cite;
use super::Lang;
use super::limits::Limit;
use super::setup::Setup;
use super::yaml::{SyntaxFault, ValueFault, YamlLimit};

/// A problem in the data. The variant decides the code, the message, the hint and the citation.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A problem of the set-up (a folder, a file, an unknown form or id), not of the data.
    Setup(Setup),
    /// A value beyond what a record can sensibly hold.
    Limit(Limit),
    /// The YAML text cannot be parsed. `detail` is the parser's English text, for English output.
    YamlSyntax { fault: SyntaxFault, detail: String },
    /// A file past a limit of the YAML reader (nesting, aliases, size): refused, not read.
    YamlLimit { limit: YamlLimit },
    /// A file holds nothing.
    EmptyFile,
    /// A key that `hoso` does not know, maybe a misspelling.
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    /// A value of the wrong kind (text where a number is expected, a list where text is expected...).
    InvalidValue { field: String, fault: ValueFault },
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
    /// A person file whose name is not an id: lower-case letters and digits joined by `-`.
    InvalidId {
        id: String,
        suggestion: Option<String>,
    },
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
    /// R2: younger than 18 (in whole months) on the day of the branch meeting.
    AgeUnder18 {
        months: i64,
        min_months: i64,
        meeting: String,
        cite: Cite,
    },
    /// R2: an age within the review margin of a bound: a person should check the dates.
    AgeBorderline {
        months: i64,
        meeting: String,
        cite: Cite,
    },
    /// R3: over 60 on the day of the branch meeting without the written consent.
    AgeOver60 {
        months: i64,
        max_months: i64,
        meeting: String,
        cite: Cite,
    },
    /// R7: an applicant who follows a religion, without the record that the conditions of
    /// 06-QĐ/TW were checked.
    ReligionConditionsUnchecked { religion: String, cite: Cite },
    /// R4, R5: general education below the minimum.
    EducationBelowMinimum {
        value: String,
        min_grade: i64,
        exception: bool,
        cite: Cite,
    },
    /// R4: the general education cannot be read as a grade.
    EducationUnclear { value: String, cite: Cite },
    /// R5: a village elder's exception needs written consent.
    EducationExceptionNeedsConsent { cite: Cite },
    /// R8: documents of the dossier in the wrong order.
    DocumentOrder {
        earlier: String,
        earlier_date: String,
        later: String,
        later_date: String,
        cite: Cite,
    },
    /// R12: no Party-awareness certificate at the branch meeting.
    CertificateMissing { cite: Cite },
    /// R13: the certificate had expired on the day of the branch meeting.
    CertificateExpired {
        issued: String,
        expired: String,
        meeting: String,
        months: i64,
        cite: Cite,
    },
    /// R14: the certified personal history had expired on the day of the branch meeting.
    PersonalHistoryExpired {
        certified: String,
        expired: String,
        meeting: String,
        months: i64,
        cite: Cite,
    },
    /// R16: the union's resolution or the residence comments had expired.
    CommentsExpired {
        field: String,
        date: String,
        meeting: String,
        months: i64,
        cite: Cite,
    },
    /// R20: the branch has met and the record names no sponsor and no union's resolution.
    SponsorsNotRecorded { needed: i64, cite: Cite },
    /// R23: a ceremony is recorded without the full member assigned to help the new member.
    MentorNotRecorded { cite: Cite },
    /// R23: the member assigned to help is not a full member on the day of the ceremony.
    MentorNotFullMember {
        id: String,
        date: String,
        full_since: Option<String>,
        cite: Cite,
    },
    /// R20: fewer sponsors than needed.
    SponsorsTooFew {
        found: usize,
        needed: i64,
        with_union: bool,
        cite: Cite,
    },
    /// R21: a sponsor was not a full member on the date of the letter.
    SponsorNotFullMember {
        field: String,
        id: String,
        date: String,
        full_since: Option<String>,
        cite: Cite,
    },
    /// R21, R22: a sponsor had not been with the applicant long enough.
    SponsorTogetherTooShort {
        field: String,
        since: String,
        letter: String,
        months: i64,
        cite: Cite,
    },
    /// R25, R29: fewer votes in favour than the threshold.
    VoteBelowThreshold {
        field: String,
        yes: u32,
        denominator: u32,
        ratio: String,
        cite: Cite,
    },
    /// R27: a branch with fewer full members than a branch needs.
    BranchTooSmall {
        field: String,
        official: u32,
        min: i64,
        cite: Cite,
    },
    /// R28: the committee's resolution without the threshold of its members.
    CommitteeVoteBelowThreshold {
        field: String,
        yes: u32,
        members: u32,
        ratio: String,
        cite: Cite,
    },
    /// R31–R34: an event later than its time limit in working days.
    DeadlineMissed {
        kind: Deadline,
        from_field: String,
        from_date: String,
        to_field: String,
        to_date: String,
        limit: String,
        allowed: i64,
        taken: u32,
        cite: Cite,
    },
    /// R36: something that must follow the 12 months of probation is dated before their end.
    ProbationNotOver {
        field: String,
        date: String,
        end: String,
        cite: Cite,
    },
    /// R37: a recorded full-membership date other than the end of the probation.
    FullMembershipDate {
        recorded: String,
        expected: String,
        cite: Cite,
    },
    /// R36: full membership recorded less than 12 months after admission.
    ProbationTooShort {
        admitted: String,
        full: String,
        months: i64,
        cite: Cite,
    },
    /// R40: re-admission considered too soon after leaving.
    ReadmissionTooSoon {
        since_field: String,
        since: String,
        meeting: String,
        months: i64,
        cite: Cite,
    },
    /// R40: re-admission without the provincial standing committee's written consent.
    ReadmissionNeedsConsent { cite: Cite },
    /// R41: the way the person left bars re-admission.
    ReadmissionNotAllowed { reason: String, cite: Cite },
    /// R41: how the person left is not recorded, so R41 cannot be checked.
    ReadmissionReasonUnclassified { cite: Cite },
    /// A workspace's own rule that would loosen the regulation: it is not applied.
    LocalRuleNotStricter {
        field: String,
        set: String,
        base: String,
        local: String,
    },
    /// A workspace's own rule that names no rule or parameter, or one that cannot change.
    UnknownRule {
        field: String,
        name: String,
        fixed: bool,
        suggestion: Option<String>,
    },
}

/// A time limit of the admission process, in working days (R31–R34), or a validity (R13, R14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Deadline {
    /// R31: the competent committee decides the admission.
    Decision,
    /// R32: the branch holds the ceremony.
    Ceremony,
    /// R34: the new member declares the member's personal history.
    MemberHistory,
    /// R36: the 12 months of probation end.
    ProbationEnd,
    /// R33: the branch considers full membership.
    Review,
    /// R31: the competent committee decides full membership.
    RecognitionDecision,
    /// R13: the Party-awareness certificate expires.
    CertificateExpiry,
    /// R14: the certified personal history expires.
    PersonalHistoryExpiry,
}

impl Deadline {
    /// The stable code of a missed time limit, and of the item in `hoso due`.
    pub fn code(self) -> &'static str {
        match self {
            Deadline::Decision => "decision-late",
            Deadline::Ceremony => "ceremony-late",
            Deadline::MemberHistory => "member-history-late",
            Deadline::ProbationEnd => "probation-end",
            Deadline::Review => "review-late",
            Deadline::RecognitionDecision => "recognition-decision-late",
            Deadline::CertificateExpiry => "certificate-expires",
            Deadline::PersonalHistoryExpiry => "personal-history-expires",
        }
    }

    /// What is late, as an English noun phrase ("the limit for the ceremony").
    pub fn noun_en(self) -> &'static str {
        match self {
            Deadline::Decision => "the admission decision",
            Deadline::Ceremony => "the ceremony",
            Deadline::MemberHistory => "the member's personal history",
            Deadline::ProbationEnd => "the probation",
            Deadline::Review => "the branch's review",
            Deadline::RecognitionDecision => "the decision on full membership",
            Deadline::CertificateExpiry => "the certificate",
            Deadline::PersonalHistoryExpiry => "the personal history",
        }
    }

    /// What falls due, in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Deadline::Decision => lang.pick(
                "cấp ủy có thẩm quyền quyết định kết nạp",
                "the competent committee decides the admission",
            ),
            Deadline::Ceremony => {
                lang.pick("chi bộ tổ chức lễ kết nạp", "the branch holds the ceremony")
            }
            Deadline::MemberHistory => lang.pick(
                "đảng viên mới khai lý lịch đảng viên",
                "the new member declares the member's personal history",
            ),
            Deadline::ProbationEnd => {
                lang.pick("hết 12 tháng dự bị", "the 12 months of probation end")
            }
            Deadline::Review => lang.pick(
                "chi bộ xét công nhận đảng viên chính thức",
                "the branch considers full membership",
            ),
            Deadline::RecognitionDecision => lang.pick(
                "cấp ủy có thẩm quyền quyết định công nhận chính thức",
                "the competent committee decides full membership",
            ),
            Deadline::CertificateExpiry => lang.pick(
                "giấy chứng nhận học lớp nhận thức về Đảng hết giá trị",
                "the Party-awareness certificate expires",
            ),
            Deadline::PersonalHistoryExpiry => lang.pick(
                "lý lịch đã chứng nhận hết giá trị",
                "the certified personal history expires",
            ),
        }
    }
}

/// An age in whole months, as a clerk says it: "17 năm 11 tháng".
fn age(months: i64, lang: Lang) -> String {
    let (y, m) = (months.div_euclid(12), months.rem_euclid(12));
    match lang {
        Lang::Vi => format!("{y} tuổi {m} tháng"),
        Lang::En => format!("{y} years {m} months"),
    }
}

impl Problem {
    /// The stable code, used in JSON output and in fixtures' expectations.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Setup(s) => s.code(),
            Problem::Limit(l) => l.code(),
            Problem::YamlSyntax { .. } => "yaml-syntax",
            Problem::YamlLimit {
                limit: YamlLimit::Depth { .. },
            } => "yaml-too-deep",
            Problem::YamlLimit { .. } => "yaml-too-large",
            Problem::EmptyFile => "empty-file",
            Problem::UnknownKey { .. } => "unknown-key",
            Problem::InvalidValue { .. } => "invalid-value",
            Problem::InvalidDate { .. } => "invalid-date",
            Problem::MissingField { .. } => "missing-field",
            Problem::DateOrder { .. } => "date-order",
            Problem::UnknownPerson { .. } => "unknown-person",
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::InvalidId { .. } => "invalid-id",
            Problem::NotAMember { .. } => "not-a-member",
            Problem::CountMismatch { .. } => "count-mismatch",
            Problem::AdmissionDateConflict { .. } => "admission-date-conflict",
            Problem::NumberReused { .. } => "number-reused",
            Problem::FormNeedsField { .. } => "form-needs-field",
            Problem::FormNotApplicable { .. } => "form-not-applicable",
            Problem::UnknownBranch { .. } => "unknown-branch",
            Problem::AgeUnder18 { .. } => "age-under-18",
            Problem::AgeBorderline { .. } => "age-borderline",
            Problem::AgeOver60 { .. } => "age-over-60",
            Problem::ReligionConditionsUnchecked { .. } => "religion-conditions-unchecked",
            Problem::EducationBelowMinimum { .. } => "education-below-minimum",
            Problem::EducationUnclear { .. } => "education-unclear",
            Problem::EducationExceptionNeedsConsent { .. } => "education-exception-needs-consent",
            Problem::DocumentOrder { .. } => "document-order",
            Problem::CertificateMissing { .. } => "certificate-missing",
            Problem::CertificateExpired { .. } => "certificate-expired",
            Problem::PersonalHistoryExpired { .. } => "personal-history-expired",
            Problem::CommentsExpired { .. } => "comments-expired",
            Problem::SponsorsNotRecorded { .. } => "sponsors-not-recorded",
            Problem::MentorNotRecorded { .. } => "mentor-not-recorded",
            Problem::MentorNotFullMember { .. } => "mentor-not-full-member",
            Problem::SponsorsTooFew { .. } => "sponsors-too-few",
            Problem::SponsorNotFullMember { .. } => "sponsor-not-full-member",
            Problem::SponsorTogetherTooShort { .. } => "sponsor-together-too-short",
            Problem::VoteBelowThreshold { .. } => "vote-below-two-thirds",
            Problem::BranchTooSmall { .. } => "branch-too-small",
            Problem::CommitteeVoteBelowThreshold { .. } => "committee-vote-below-two-thirds",
            Problem::DeadlineMissed { kind, .. } => kind.code(),
            Problem::ProbationNotOver { .. } => "probation-not-over",
            Problem::FullMembershipDate { .. } => "full-membership-date",
            Problem::ProbationTooShort { .. } => "probation-too-short",
            Problem::ReadmissionTooSoon { .. } => "readmission-too-soon",
            Problem::ReadmissionNeedsConsent { .. } => "readmission-needs-consent",
            Problem::ReadmissionNotAllowed { .. } => "readmission-not-allowed",
            Problem::ReadmissionReasonUnclassified { .. } => "readmission-reason-unclassified",
            Problem::LocalRuleNotStricter { .. } => "local-rule-not-stricter",
            Problem::UnknownRule { .. } => "unknown-rule",
        }
    }

    /// The message, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Setup(s) => s.message(lang),
            Problem::Limit(l) => l.message(lang),
            Problem::YamlSyntax { fault, detail } => match lang {
                Lang::Vi => format!("lỗi cú pháp YAML: {}", fault.vi()),
                Lang::En => format!("YAML syntax error: {detail}"),
            },
            Problem::YamlLimit { limit } => match (limit, lang) {
                (YamlLimit::Depth { max }, Lang::Vi) => {
                    format!("tệp lồng nhau quá sâu (quá {max} cấp), không đọc")
                }
                (YamlLimit::Depth { max }, Lang::En) => {
                    format!("the file is nested too deep (over {max} levels) and is not read")
                }
                (YamlLimit::Aliases, Lang::Vi) => {
                    "các tham chiếu `*...` trong tệp bung ra quá lớn, không đọc".into()
                }
                (YamlLimit::Aliases, Lang::En) => {
                    "the aliases (`*...`) of the file expand too far and it is not read".into()
                }
                (YamlLimit::Size, Lang::Vi) => "tệp quá lớn đối với một hồ sơ, không đọc".into(),
                (YamlLimit::Size, Lang::En) => {
                    "the file is too large for a record and is not read".into()
                }
            },
            Problem::EmptyFile => lang.pick("tệp rỗng", "the file is empty").into(),
            Problem::UnknownKey { key, .. } => match lang {
                Lang::Vi => format!("khóa `{key}` không có trong mẫu dữ liệu"),
                Lang::En => format!("unknown key `{key}`"),
            },
            Problem::InvalidValue { field, fault } => match lang {
                Lang::Vi => format!(
                    "giá trị của `{field}` không hợp lệ: {}",
                    fault.describe(lang)
                ),
                Lang::En => format!("invalid value for `{field}`: {}", fault.describe(lang)),
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
            Problem::InvalidId { id, .. } => match lang {
                Lang::Vi => format!(
                    "tên tệp `{}` không dùng làm mã người được: mã chỉ gồm chữ thường không dấu, chữ số và dấu `-`",
                    id.escape_debug()
                ),
                Lang::En => format!(
                    "the file name `{}` cannot be a person's id: an id has only lower-case letters without accents, digits and `-`",
                    id.escape_debug()
                ),
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
            // `thuoc` names a đảng bộ cơ sở, not a chi bộ.
            Problem::UnknownBranch { field, id, .. } if field.ends_with("thuoc") => match lang {
                Lang::Vi => format!(
                    "`{field}`: không có đảng bộ cơ sở mang mã `{id}` trong `cac_dang_bo_co_so`"
                ),
                Lang::En => format!("`{field}`: no đảng bộ cơ sở with id `{id}` in `cac_dang_bo_co_so`"),
            },
            Problem::UnknownBranch { field, id, .. } => match lang {
                Lang::Vi => format!("`{field}`: không có chi bộ mang mã `{id}` trong `cac_chi_bo`"),
                Lang::En => format!("`{field}`: no branch with id `{id}` in `cac_chi_bo`"),
            },
            Problem::AgeUnder18 {
                months,
                min_months,
                meeting,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "ngày chi bộ xét ({meeting}) người vào Đảng mới {}, chưa đủ {}",
                    age(*months, lang),
                    age(*min_months, lang)
                ),
                Lang::En => format!(
                    "on the day of the branch meeting ({meeting}) the applicant is {}, under {}",
                    age(*months, lang),
                    age(*min_months, lang)
                ),
            },
            Problem::AgeBorderline { months, meeting, .. } => match lang {
                Lang::Vi => format!(
                    "ngày chi bộ xét ({meeting}) người vào Đảng {}, sát giới hạn tuổi",
                    age(*months, lang)
                ),
                Lang::En => format!(
                    "on the day of the branch meeting ({meeting}) the applicant is {}, at the edge of the age limits",
                    age(*months, lang)
                ),
            },
            Problem::ReligionConditionsUnchecked { religion, .. } => match lang {
                Lang::Vi => format!(
                    "người vào Đảng theo tôn giáo ({religion}) mà hồ sơ chưa ghi đã xem xét các điều kiện của Quy định 06-QĐ/TW"
                ),
                Lang::En => format!(
                    "the applicant follows a religion ({religion}) and the record does not say that the conditions of Regulation 06-QĐ/TW were checked"
                ),
            },
            Problem::AgeOver60 {
                months,
                max_months,
                meeting,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "ngày chi bộ xét ({meeting}) người vào Đảng {}, quá {} mà chưa có `dong_y_tren_60`",
                    age(*months, lang),
                    age(*max_months, lang)
                ),
                Lang::En => format!(
                    "on the day of the branch meeting ({meeting}) the applicant is {}, over {}, and there is no `dong_y_tren_60`",
                    age(*months, lang),
                    age(*max_months, lang)
                ),
            },
            Problem::EducationBelowMinimum {
                value,
                min_grade,
                exception,
                ..
            } => match (lang, exception) {
                (Lang::Vi, false) => format!(
                    "`trinh_do.hoc_van` ({value}) chưa tốt nghiệp trung học cơ sở (lớp {min_grade})"
                ),
                (Lang::Vi, true) => format!(
                    "`trinh_do.hoc_van` ({value}) chưa hoàn thành tiểu học (lớp {min_grade})"
                ),
                (Lang::En, false) => format!(
                    "`trinh_do.hoc_van` ({value}) is below lower-secondary school (grade {min_grade})"
                ),
                (Lang::En, true) => {
                    format!("`trinh_do.hoc_van` ({value}) is below primary school (grade {min_grade})")
                }
            },
            Problem::EducationUnclear { value, .. } => match lang {
                Lang::Vi => format!("không đọc được trình độ `trinh_do.hoc_van` ({value})"),
                Lang::En => format!("cannot read the grade of `trinh_do.hoc_van` ({value})"),
            },
            Problem::EducationExceptionNeedsConsent { .. } => lang
                .pick(
                    "ngoại lệ học vấn `uy_tin` cần văn bản đồng ý `ngoai_le_hoc_van.dong_y`",
                    "the `uy_tin` education exception needs the written consent `ngoai_le_hoc_van.dong_y`",
                )
                .to_string(),
            Problem::DocumentOrder {
                earlier,
                earlier_date,
                later,
                later_date,
                ..
            } => match lang {
                Lang::Vi => {
                    format!("`{later}` ({later_date}) lại trước `{earlier}` ({earlier_date})")
                }
                Lang::En => {
                    format!("`{later}` ({later_date}) is before `{earlier}` ({earlier_date})")
                }
            },
            Problem::CertificateMissing { .. } => lang
                .pick(
                    "chi bộ đã xét kết nạp nhưng hồ sơ không có `giay_chung_nhan`",
                    "the branch has met on the admission but the record has no `giay_chung_nhan`",
                )
                .to_string(),
            Problem::CertificateExpired {
                issued,
                expired,
                meeting,
                months,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "giấy chứng nhận ngày {issued} có giá trị {months} tháng, hết hạn {expired}, trước ngày chi bộ xét ({meeting})"
                ),
                Lang::En => format!(
                    "the certificate of {issued} is valid {months} months and expired on {expired}, before the branch meeting ({meeting})"
                ),
            },
            Problem::PersonalHistoryExpired {
                certified,
                expired,
                meeting,
                months,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "lý lịch chứng nhận ngày {certified} có giá trị {months} tháng, hết hạn {expired}, trước ngày chi bộ xét ({meeting})"
                ),
                Lang::En => format!(
                    "the personal history certified on {certified} is valid {months} months and expired on {expired}, before the branch meeting ({meeting})"
                ),
            },
            Problem::CommentsExpired {
                field,
                date,
                meeting,
                months,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "`{field}` ({date}) đã quá {months} tháng vào ngày chi bộ xét ({meeting})"
                ),
                Lang::En => format!(
                    "`{field}` ({date}) is more than {months} months old on the day of the branch meeting ({meeting})"
                ),
            },
            Problem::SponsorsNotRecorded { needed, .. } => match lang {
                Lang::Vi => format!(
                    "chi bộ đã xét kết nạp nhưng hồ sơ chưa ghi người giới thiệu (cần {needed} đảng viên chính thức, hoặc Đoàn, Công đoàn cùng một đảng viên)"
                ),
                Lang::En => format!(
                    "the branch has met on the admission but the record names no sponsor ({needed} full members, or the union with one member, are needed)"
                ),
            },
            Problem::SponsorsTooFew {
                found,
                needed,
                with_union,
                ..
            } => match (lang, with_union) {
                (Lang::Vi, false) => {
                    format!("cần {needed} đảng viên chính thức giới thiệu, hồ sơ có {found}")
                }
                (Lang::Vi, true) => format!(
                    "cùng nghị quyết giới thiệu của Đoàn, Công đoàn cần {needed} đảng viên chính thức giới thiệu, hồ sơ có {found}"
                ),
                (Lang::En, false) => {
                    format!("{needed} full members must sponsor; the record has {found}")
                }
                (Lang::En, true) => format!(
                    "with the union's resolution {needed} full member must sponsor; the record has {found}"
                ),
            },
            Problem::MentorNotRecorded { .. } => lang
                .pick(
                    "đã làm lễ kết nạp nhưng hồ sơ chưa ghi đảng viên chính thức được phân công giúp đỡ đảng viên dự bị",
                    "the ceremony is recorded but not the full member assigned to help the probationary member",
                )
                .to_string(),
            Problem::MentorNotFullMember {
                id,
                date,
                full_since,
                ..
            } => not_full_member(
                lang,
                "le_ket_nap.nguoi_giup_do",
                id,
                full_since.as_deref(),
                ("ngày lễ kết nạp", "the day of the ceremony"),
                date,
            ),
            Problem::SponsorNotFullMember {
                field,
                id,
                date,
                full_since,
                ..
            } => not_full_member(
                lang,
                field,
                id,
                full_since.as_deref(),
                ("ngày viết giấy giới thiệu", "the date of the letter"),
                date,
            ),
            Problem::SponsorTogetherTooShort {
                field,
                since,
                letter,
                months,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "`{field}` ({since}): đến ngày viết giấy giới thiệu ({letter}) chưa đủ {months} tháng cùng công tác, học tập, cư trú"
                ),
                Lang::En => format!(
                    "`{field}` ({since}): less than {months} months together by the date of the letter ({letter})"
                ),
            },
            Problem::VoteBelowThreshold {
                field,
                yes,
                denominator,
                ratio,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "`{field}.tan_thanh`: {yes}/{denominator} đảng viên chính thức tán thành, chưa đạt {ratio}"
                ),
                Lang::En => format!(
                    "`{field}.tan_thanh`: {yes} of {denominator} full members in favour, less than {ratio}"
                ),
            },
            Problem::BranchTooSmall {
                field,
                official,
                min,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "`{field}.dang_vien.chinh_thuc`: chi bộ có {official} đảng viên chính thức, cần ít nhất {min}"
                ),
                Lang::En => format!(
                    "`{field}.dang_vien.chinh_thuc`: the branch has {official} full members, at least {min} are needed"
                ),
            },
            Problem::CommitteeVoteBelowThreshold {
                field,
                yes,
                members,
                ratio,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "`{field}.tan_thanh`: {yes}/{members} đảng ủy viên tán thành, chưa đạt {ratio} tổng số đảng ủy viên"
                ),
                Lang::En => format!(
                    "`{field}.tan_thanh`: {yes} of {members} committee members in favour, less than {ratio} of all members"
                ),
            },
            Problem::DeadlineMissed {
                kind,
                from_field,
                from_date,
                to_field,
                to_date,
                limit,
                allowed,
                taken,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "`{to_field}` ({to_date}) là {taken} ngày làm việc sau `{from_field}` ({from_date}); thời hạn {allowed} ngày làm việc (đến {limit}) để {}",
                    kind.label(lang)
                ),
                Lang::En => format!(
                    "`{to_field}` ({to_date}) is {taken} working days after `{from_field}` ({from_date}); the limit for {} is {allowed} working days (until {limit})",
                    kind.noun_en()
                ),
            },
            Problem::ProbationNotOver {
                field, date, end, ..
            } => match lang {
                Lang::Vi => format!("`{field}` ({date}) trước khi hết thời gian dự bị ({end})"),
                Lang::En => format!("`{field}` ({date}) is before the end of the probation ({end})"),
            },
            Problem::FullMembershipDate {
                recorded, expected, ..
            } => match lang {
                Lang::Vi => format!(
                    "`ngay_chinh_thuc` ({recorded}) khác ngày hết 12 tháng dự bị tính từ lễ kết nạp ({expected})"
                ),
                Lang::En => format!(
                    "`ngay_chinh_thuc` ({recorded}) differs from the end of the probation counted from the ceremony ({expected})"
                ),
            },
            Problem::ProbationTooShort {
                admitted,
                full,
                months,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "`ngay_chinh_thuc` ({full}) chưa đủ {months} tháng dự bị sau `ngay_vao_dang` ({admitted})"
                ),
                Lang::En => format!(
                    "`ngay_chinh_thuc` ({full}) is less than {months} months of probation after `ngay_vao_dang` ({admitted})"
                ),
            },
            Problem::ReadmissionTooSoon {
                since_field,
                since,
                meeting,
                months,
                ..
            } => match lang {
                Lang::Vi => format!(
                    "chi bộ xét kết nạp lại ({meeting}) chưa đủ {months} tháng sau `{since_field}` ({since})"
                ),
                Lang::En => format!(
                    "the branch considers re-admission ({meeting}) less than {months} months after `{since_field}` ({since})"
                ),
            },
            Problem::ReadmissionNeedsConsent { .. } => lang
                .pick(
                    "kết nạp lại cần văn bản đồng ý của ban thường vụ tỉnh ủy, thành ủy (`ket_nap_lai.dong_y`)",
                    "re-admission needs the written consent of the provincial standing committee (`ket_nap_lai.dong_y`)",
                )
                .to_string(),
            Problem::ReadmissionNotAllowed { reason, .. } => match lang {
                Lang::Vi => format!(
                    "người ra khỏi Đảng vì `{reason}` không được xem xét kết nạp lại"
                ),
                Lang::En => format!("someone who left the Party by `{reason}` cannot be re-admitted"),
            },
            Problem::ReadmissionReasonUnclassified { .. } => lang
                .pick(
                    "chưa ghi `ket_nap_lai.hinh_thuc` nên chưa kiểm tra được trường hợp không kết nạp lại",
                    "`ket_nap_lai.hinh_thuc` is not recorded, so the cases barred from re-admission cannot be checked",
                )
                .to_string(),
            Problem::LocalRuleNotStricter {
                field,
                set,
                base,
                local,
            } => match lang {
                Lang::Vi => format!(
                    "`{field}`: giá trị riêng `{local}` lỏng hơn quy định của bộ {set} (`{base}`), không áp dụng"
                ),
                Lang::En => format!(
                    "`{field}`: the own value `{local}` is looser than the {set} set's (`{base}`) and is not applied"
                ),
            },
            Problem::UnknownRule {
                field, name, fixed, ..
            } => match (lang, fixed) {
                (Lang::Vi, false) => format!("`{field}`: không có quy tắc hay tham số `{name}`"),
                (Lang::Vi, true) => {
                    format!("`{field}`: tham số `{name}` do Điều lệ định, không thay đổi được")
                }
                (Lang::En, false) => format!("`{field}`: no rule or parameter `{name}`"),
                (Lang::En, true) => {
                    format!("`{field}`: `{name}` is set by the Charter and cannot be changed")
                }
            },
        }
    }

    /// How to fix it, in the given language.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        let text = match self {
            Problem::Setup(s) => return s.hint(lang),
            Problem::Limit(l) => return Some(l.hint(lang)),
            Problem::YamlSyntax { .. } => lang
                .pick(
                    "kiểm tra thụt lề và dấu `:` ở dòng này và dòng trước đó",
                    "check the indentation and the `:` on this line and the one before",
                )
                .to_string(),
            Problem::YamlLimit { .. } => lang
                .pick(
                    "một hồ sơ chỉ cần vài cấp thụt lề; xem tệp có bị hỏng hay bị sửa nhầm không",
                    "a record needs only a few levels; check whether the file is damaged",
                )
                .to_string(),
            Problem::UnknownKey { suggestion: Some(s), .. }
            | Problem::UnknownRule { suggestion: Some(s), .. } => match lang {
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
            Problem::InvalidId {
                suggestion: Some(s),
                ..
            } => match lang {
                Lang::Vi => format!("đổi tên tệp thành `{s}.yaml`"),
                Lang::En => format!("rename the file `{s}.yaml`"),
            },
            Problem::InvalidId { suggestion: None, .. } => lang
                .pick("đổi tên tệp theo họ tên, ví dụ `tran-thi-binh.yaml`", "name the file after the person, for example `tran-thi-binh.yaml`")
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
            Problem::AgeUnder18 { .. } => lang
                .pick(
                    "chi bộ chỉ xét khi người vào Đảng đủ 18 tuổi (tính theo tháng); kiểm tra `ngay_sinh` và `hop_chi_bo.ngay`",
                    "the branch may only consider applicants of 18 (in whole months); check `ngay_sinh` and `hop_chi_bo.ngay`",
                )
                .to_string(),
            Problem::AgeBorderline { .. } => lang
                .pick(
                    "đối chiếu ngày sinh với giấy khai sinh, căn cước; tuổi tính theo tháng",
                    "check the date of birth against the birth certificate and identity card; age counts in whole months",
                )
                .to_string(),
            Problem::ReligionConditionsUnchecked { .. } => lang
                .pick(
                    "đối chiếu với Quy định 06-QĐ/TW (điều kiện kết nạp người theo tôn giáo), rồi ghi `ton_giao_du_dieu_kien: true`; người không theo tôn giáo ghi `ton_giao: Không`",
                    "check against Regulation 06-QĐ/TW (admitting people who follow a religion), then record `ton_giao_du_dieu_kien: true`; for no religion write `ton_giao: Không`",
                )
                .to_string(),
            Problem::AgeOver60 { .. } => lang
                .pick(
                    "ghi văn bản đồng ý của ban thường vụ cấp ủy trực thuộc Trung ương vào `dong_y_tren_60`",
                    "record the provincial standing committee's written consent in `dong_y_tren_60`",
                )
                .to_string(),
            Problem::EducationBelowMinimum { .. } => lang
                .pick(
                    "ghi `ngoai_le_hoc_van` nếu người vào Đảng thuộc trường hợp đặc biệt",
                    "record `ngoai_le_hoc_van` if the applicant falls under an exception",
                )
                .to_string(),
            Problem::EducationUnclear { .. } => lang
                .pick(
                    "ghi dạng `9/12`, `12/12` hoặc `7/10`",
                    "write it as `9/12`, `12/12` or `7/10`",
                )
                .to_string(),
            Problem::EducationExceptionNeedsConsent { .. } => lang
                .pick(
                    "ghi số, ngày và cơ quan của văn bản đồng ý",
                    "record the number, date and issuer of the consent",
                )
                .to_string(),
            Problem::DocumentOrder { .. } => lang
                .pick(
                    "đơn viết trước lý lịch; chi ủy nhận xét và cấp ủy chứng nhận sau khi thẩm tra",
                    "the application comes before the personal history; comments and certification come after verification",
                )
                .to_string(),
            Problem::CertificateMissing { .. } => lang
                .pick(
                    "thêm `giay_chung_nhan.ngay` và `giay_chung_nhan.noi_cap`",
                    "add `giay_chung_nhan.ngay` and `giay_chung_nhan.noi_cap`",
                )
                .to_string(),
            Problem::CertificateExpired { .. } => lang
                .pick(
                    "chi bộ cử người vào Đảng đi học lại lớp bồi dưỡng nhận thức về Đảng trước khi xét",
                    "the branch must send the applicant to the class again before considering the admission",
                )
                .to_string(),
            Problem::PersonalHistoryExpired { .. } | Problem::CommentsExpired { .. } => lang
                .pick(
                    "bổ sung văn bản mới trước khi chi bộ xét",
                    "get a new document before the branch meeting",
                )
                .to_string(),
            Problem::SponsorsTooFew { .. } | Problem::SponsorsNotRecorded { .. } => lang
                .pick(
                    "thêm người giới thiệu vào `nguoi_gioi_thieu`, hoặc ghi `gioi_thieu_doan_the`",
                    "add sponsors to `nguoi_gioi_thieu`, or record `gioi_thieu_doan_the`",
                )
                .to_string(),
            Problem::MentorNotRecorded { .. } | Problem::MentorNotFullMember { .. } => lang
                .pick(
                    "ghi vào `le_ket_nap.nguoi_giup_do` mã của đảng viên chính thức mà chi ủy phân công giúp đỡ",
                    "record in `le_ket_nap.nguoi_giup_do` the id of the full member the branch committee assigned to help",
                )
                .to_string(),
            Problem::SponsorNotFullMember { .. } => lang
                .pick(
                    "người giới thiệu phải là đảng viên chính thức; chi bộ phân công người khác",
                    "a sponsor must be a full member; the branch assigns another one",
                )
                .to_string(),
            Problem::SponsorTogetherTooShort { .. } => lang
                .pick(
                    "kiểm tra `cung_cong_tac_tu`; người giới thiệu thay thế do chi bộ phân công ghi `thay_the: true`",
                    "check `cung_cong_tac_tu`; mark a replacement sponsor assigned by the branch with `thay_the: true`",
                )
                .to_string(),
            Problem::VoteBelowThreshold { .. } | Problem::CommitteeVoteBelowThreshold { .. } => lang
                .pick(
                    "kiểm tra lại số phiếu; chưa đạt tỷ lệ thì chưa đề nghị được",
                    "check the figures; below the threshold there is no recommendation",
                )
                .to_string(),
            Problem::BranchTooSmall { .. } => lang
                .pick(
                    "kiểm tra `dang_vien.chinh_thuc` của cuộc họp",
                    "check the meeting's `dang_vien.chinh_thuc`",
                )
                .to_string(),
            Problem::DeadlineMissed { kind, .. } => match kind {
                Deadline::Ceremony => lang
                    .pick(
                        "quá hạn phải báo cáo và được cấp ủy cấp trên đồng ý; ghi `le_ket_nap.dong_y_cap_tren`",
                        "a late ceremony needs the consent of the committee above; record `le_ket_nap.dong_y_cap_tren`",
                    )
                    .to_string(),
                _ => lang
                    .pick("kiểm tra lại các ngày này", "check both dates")
                    .to_string(),
            },
            Problem::ProbationNotOver { .. } => lang
                .pick(
                    "thời gian dự bị 12 tháng tính từ ngày lễ kết nạp",
                    "probation lasts 12 months from the day of the ceremony",
                )
                .to_string(),
            Problem::FullMembershipDate { .. } | Problem::ProbationTooShort { .. } => lang
                .pick(
                    "ngày chính thức là ngày hết 12 tháng dự bị tính từ lễ kết nạp",
                    "the full-membership date is the end of the 12 months from the ceremony",
                )
                .to_string(),
            Problem::ReadmissionTooSoon { .. } => lang
                .pick(
                    "kiểm tra `ket_nap_lai.ngay_ra_khoi_dang` và `hop_chi_bo.ngay`",
                    "check `ket_nap_lai.ngay_ra_khoi_dang` and `hop_chi_bo.ngay`",
                )
                .to_string(),
            Problem::ReadmissionNeedsConsent { .. } => lang
                .pick(
                    "ghi số, ngày và cơ quan của văn bản vào `ket_nap_lai.dong_y`",
                    "record the number, date and issuer in `ket_nap_lai.dong_y`",
                )
                .to_string(),
            Problem::ReadmissionNotAllowed { .. } => lang
                .pick(
                    "xem `hoso rules` (R41)",
                    "see `hoso rules` (R41)",
                )
                .to_string(),
            Problem::ReadmissionReasonUnclassified { .. } => lang
                .pick(
                    "ghi `ket_nap_lai.hinh_thuc`: xin_ra_khoi_dang, xin_ra_hoan_canh_kho_khan, tu_bo_sinh_hoat, xoa_ten, ...",
                    "record `ket_nap_lai.hinh_thuc`: xin_ra_khoi_dang, xin_ra_hoan_canh_kho_khan, tu_bo_sinh_hoat, xoa_ten, ...",
                )
                .to_string(),
            Problem::LocalRuleNotStricter { .. } => lang
                .pick(
                    "quy tắc riêng chỉ được chặt hơn quy định; xem `hoso rules`",
                    "own rules may only be stricter than the regulation; see `hoso rules`",
                )
                .to_string(),
            Problem::UnknownRule { suggestion: None, .. } => lang
                .pick(
                    "xem các quy tắc và tham số bằng `hoso rules`",
                    "see the rules and their parameters with `hoso rules`",
                )
                .to_string(),
            Problem::EmptyFile | Problem::InvalidValue { .. } | Problem::CountMismatch { .. } => {
                return None;
            }
        };
        Some(text)
    }

    /// The regulation behind the rule, when there is one.
    pub fn citation(&self) -> Option<String> {
        if let Some(cite) = self.cite() {
            return Some(cite.to_string());
        }
        let text = match self {
            Problem::DateOrder { .. } => Some("06-HD/TW §3 (trình tự hồ sơ)"),
            Problem::CountMismatch { .. } => Some("Điều lệ Đảng Điều 4.3; 294-QĐ/TW §9.3.2"),
            Problem::AdmissionDateConflict { .. } => Some("Điều lệ Đảng Điều 5.4"),
            Problem::NumberReused { .. } => Some("36-HD/VPTW §1.3.1"),
            Problem::NotAMember { .. } => Some("Điều lệ Đảng Điều 4.1"),
            _ => None,
        };
        text.map(str::to_string)
    }

    /// The rule of the set in force that the problem breaks, for the rules of `forms/quy-tac.yaml`.
    pub fn cite(&self) -> Option<&Cite> {
        match self {
            Problem::AgeUnder18 { cite, .. }
            | Problem::AgeBorderline { cite, .. }
            | Problem::AgeOver60 { cite, .. }
            | Problem::ReligionConditionsUnchecked { cite, .. }
            | Problem::EducationBelowMinimum { cite, .. }
            | Problem::EducationUnclear { cite, .. }
            | Problem::EducationExceptionNeedsConsent { cite }
            | Problem::DocumentOrder { cite, .. }
            | Problem::CertificateMissing { cite }
            | Problem::CertificateExpired { cite, .. }
            | Problem::PersonalHistoryExpired { cite, .. }
            | Problem::CommentsExpired { cite, .. }
            | Problem::SponsorsTooFew { cite, .. }
            | Problem::SponsorsNotRecorded { cite, .. }
            | Problem::SponsorNotFullMember { cite, .. }
            | Problem::MentorNotRecorded { cite, .. }
            | Problem::MentorNotFullMember { cite, .. }
            | Problem::SponsorTogetherTooShort { cite, .. }
            | Problem::VoteBelowThreshold { cite, .. }
            | Problem::BranchTooSmall { cite, .. }
            | Problem::CommitteeVoteBelowThreshold { cite, .. }
            | Problem::DeadlineMissed { cite, .. }
            | Problem::ProbationNotOver { cite, .. }
            | Problem::FullMembershipDate { cite, .. }
            | Problem::ProbationTooShort { cite, .. }
            | Problem::ReadmissionTooSoon { cite, .. }
            | Problem::ReadmissionNeedsConsent { cite }
            | Problem::ReadmissionNotAllowed { cite, .. }
            | Problem::ReadmissionReasonUnclassified { cite } => Some(cite),
            _ => None,
        }
    }
}

/// The last key of a dotted path: `hop_chi_bo.ngay` → `ngay`.
fn last_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// "`field`: `id` is not a full member on `day` (`date`)", or "only from `since`, after it".
fn not_full_member(
    lang: Lang,
    field: &str,
    id: &str,
    full_since: Option<&str>,
    (day_vi, day_en): (&str, &str),
    date: &str,
) -> String {
    match (lang, full_since) {
        (Lang::Vi, Some(since)) => format!(
            "`{field}`: `{id}` chỉ là đảng viên chính thức từ {since}, sau {day_vi} ({date})"
        ),
        (Lang::Vi, None) => {
            format!("`{field}`: `{id}` chưa là đảng viên chính thức vào {day_vi} ({date})")
        }
        (Lang::En, Some(since)) => {
            format!("`{field}`: `{id}` is a full member only from {since}, after {day_en} ({date})")
        }
        (Lang::En, None) => {
            format!("`{field}`: `{id}` is not a full member on {day_en} ({date})")
        }
    }
}
