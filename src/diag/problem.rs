//! Every problem `hoso` reports about data, with its stable code and its wording, in one place.
//!
//! Wording follows the house style: lower case, no final period, YAML keys in backticks, the fix
//! in the hint. Vietnamese first; English is a faithful translation.

use super::Cite;
use super::Lang;
use super::limits::Limit;
use super::setup::Setup;
use super::yaml::{SyntaxFault, ValueFault, YamlLimit};

/// Why a file's bytes are not text hoso can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFault {
    /// Saved as UTF-16 (a byte-order mark says so).
    Utf16,
    /// Not UTF-8: an old Vietnamese code page (TCVN3, VNI, Windows-1258) or not text at all.
    NotUtf8,
    /// The system refused to read it.
    Unreadable,
    /// Larger than any record is ([`crate::model::MAX_FILE_BYTES`]): not read.
    TooLarge,
}

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
    /// A record's file that cannot be read as text: not UTF-8 (`utf16` when it is UTF-16, as some
    /// editors save), or refused by the system.
    FileUnreadable { detail: String, text: TextFault },
    /// A character no value may hold (a control, bidi or invisible character), named by its code
    /// point: it would print nothing, print the rest mirrored, or drive the terminal.
    ForbiddenChar {
        ch: char,
        kind: crate::model::chars::Forbidden,
    },
    /// What sits where a record's file should be is not one: a folder named `x.yaml`, a link
    /// that leads out of the workspace, a link that loops.
    NotARecordFile { detail: String },
    /// A record's file under a name an editor gave it (`x.yaml.txt`, `x.yaml.bak`, `x.yaml.yaml`):
    /// not read, and reported with the name it should have.
    MisnamedRecordFile { rename_to: String },
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
    /// One number of one series and term recorded with two dates: two documents under one
    /// number.
    NumberOnTwoDates {
        field: String,
        number: String,
        date: String,
        other_date: String,
        other: String,
    },
    /// One decision number and date on several records, not all of them recorded as one decision
    /// naming several people (`nhieu_nguoi`): two documents would carry one number.
    NumberNotShared {
        field: String,
        number: String,
        other: String,
    },
    /// A form needs a value that the record does not have.
    FormNeedsField { form: String, field: String },
    /// Typst's word on a generated document (an error stops it; a warning does not), located in
    /// the generated source when Typst gives a place. `message` and `hints` are Typst's English.
    Typeset {
        /// The template the source was generated from (`forms/6-knd.typ.j2`).
        template: String,
        message: String,
        hints: Vec<String>,
    },
    /// The form does not apply to this record (4-KNĐ for someone introduced by the trade union).
    FormNotApplicable {
        form: String,
        field: String,
        expected: String,
        found: String,
    },
    /// The form is not one of the regulation set in force on the document's date (3A-KNĐ after
    /// 38-HD/BTCTW).
    FormNotInForce {
        form: String,
        field: String,
        date: String,
        set: String,
    },
    /// A reference to a branch that `cac_chi_bo` does not list.
    UnknownBranch {
        field: String,
        id: String,
        suggestion: Option<String>,
    },
    /// R2: younger than 18 (in whole months) on the day of the branch meeting, or, where no
    /// meeting is recorded, on the day of an admission (a member's, a first admission's).
    AgeUnder18 {
        months: i64,
        min_months: i64,
        meeting: String,
        on: AgeDay,
        cite: Cite,
    },
    /// A rule cannot be checked: the fact it turns on is not recorded. Said, at the place it
    /// belongs, so that silence never reads as "checked".
    FactMissing {
        field: String,
        rule: String,
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
    /// R12, R50: a document a dossier needs before its branch meeting (a class certificate) is
    /// not recorded, with its date, when the meeting is.
    CertificateMissing {
        /// Its record path: `giay_chung_nhan`.
        field: String,
        /// What the checklist calls it.
        name: String,
        cite: Cite,
    },
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
    /// R23: the member assigned to help is not a full member on a day they help: the ceremony,
    /// or the date of their report on the probationary member.
    MentorNotFullMember {
        id: String,
        date: String,
        occasion: Occasion,
        why: NotFull,
        cite: Cite,
    },
    /// R20: fewer sponsors than needed.
    SponsorsTooFew {
        found: usize,
        needed: i64,
        with_union: bool,
        cite: Cite,
    },
    /// A role that needs a member (chair, secretary of a meeting) held by someone who was not one
    /// on the day: admitted later, or left the Party before.
    NotAMemberOn {
        field: String,
        id: String,
        date: String,
        /// The day they left, when they had.
        left: Option<String>,
    },
    /// R20: the applicant's age and unions call for other introducers than those recorded.
    IntroducerNotAllowed {
        wrong: Introducer,
        /// Age in whole years on the day of the branch meeting.
        age: i64,
        meeting: String,
        youth_from: i64,
        youth_to: i64,
        cite: Cite,
    },
    /// R21: a sponsor was not a full member on a day they sponsor: the date of the letter, or
    /// the day the branch decides (R22: one who cannot go on is replaced).
    SponsorNotFullMember {
        field: String,
        id: String,
        date: String,
        occasion: Occasion,
        why: NotFull,
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

/// Why someone who must be a full member on a day was not one: the fact a message states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotFull {
    /// Admitted only on this date, after the day.
    AdmittedLater(String),
    /// On probation on the day; a full member from this date, once recognised.
    Probationary(Option<String>),
    /// Left the Party (ra khỏi Đảng, xóa tên, khai trừ) on this date, on or before the day.
    Left(String),
}

/// The day an age is counted on (R2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeDay {
    /// The branch meeting on the admission.
    BranchMeeting,
    /// The admission, where the meeting is not recorded (it came before).
    Admission,
    /// The first admission of one re-admitted.
    FirstAdmission,
}

/// The day on which a member exercises a role that needs a full member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    /// The sponsor writes the letter (3-KNĐ).
    Letter,
    /// The branch meets on the admission (6-KNĐ).
    BranchMeeting,
    /// The ceremony, where the mentor is assigned.
    Ceremony,
    /// The mentor's report on the probationary member (11-KNĐ).
    MentorReport,
}

impl Occasion {
    /// The day's name, in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Occasion::Letter => lang.pick("ngày viết giấy giới thiệu", "the date of the letter"),
            Occasion::BranchMeeting => lang.pick(
                "ngày chi bộ họp xét kết nạp",
                "the day of the branch meeting",
            ),
            Occasion::Ceremony => lang.pick("ngày lễ kết nạp", "the day of the ceremony"),
            Occasion::MentorReport => lang.pick(
                "ngày nhận xét đảng viên dự bị",
                "the date of the report on the probationary member",
            ),
        }
    }
}

/// Who should have introduced the applicant (R20).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Introducer {
    /// A Youth Union member of youth age, introduced by sponsors or the trade union: the Youth
    /// Union introduces them, with one full member.
    YouthMemberNotByYouthUnion,
    /// Past youth age, introduced by the Youth Union.
    PastYouthByYouthUnion,
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
            Problem::FileUnreadable { .. } => "file-unreadable",
            Problem::ForbiddenChar { .. } => "forbidden-character",
            Problem::NotARecordFile { .. } => "not-a-record-file",
            Problem::MisnamedRecordFile { .. } => "misnamed-record-file",
            Problem::UnknownKey { .. } => "unknown-key",
            Problem::InvalidValue { .. } => "invalid-value",
            Problem::InvalidDate { .. } => "invalid-date",
            Problem::MissingField { .. } => "missing-field",
            Problem::DateOrder { .. } => "date-order",
            Problem::UnknownPerson { .. } => "unknown-person",
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::InvalidId { .. } => "invalid-id",
            Problem::NotAMember { .. } | Problem::NotAMemberOn { .. } => "not-a-member",
            Problem::CountMismatch { .. } => "count-mismatch",
            Problem::AdmissionDateConflict { .. } => "admission-date-conflict",
            Problem::NumberReused { .. }
            | Problem::NumberOnTwoDates { .. }
            | Problem::NumberNotShared { .. } => "number-reused",
            Problem::FormNeedsField { .. } => "form-needs-field",
            Problem::Typeset { .. } => "typeset",
            Problem::FormNotApplicable { .. } => "form-not-applicable",
            Problem::FormNotInForce { .. } => "form-not-in-force",
            Problem::UnknownBranch { .. } => "unknown-branch",
            Problem::AgeUnder18 { .. } => "age-under-18",
            Problem::FactMissing { .. } => "fact-missing",
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
            Problem::IntroducerNotAllowed { .. } => "introducer-not-allowed",
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

    /// The regulation behind the rule, when there is one, saying when the rule is UNVERIFIED.
    pub fn citation(&self, lang: super::Lang) -> Option<String> {
        if let Some(cite) = self.cite() {
            return Some(cite.in_lang(lang));
        }
        let text = match self {
            Problem::DateOrder { .. } => Some("06-HD/TW §3 (trình tự hồ sơ)"),
            Problem::CountMismatch { .. } => Some("Điều lệ Đảng Điều 4.3; 294-QĐ/TW §9.3.2"),
            Problem::AdmissionDateConflict { .. } => Some("Điều lệ Đảng Điều 5.4"),
            Problem::NumberReused { .. }
            | Problem::NumberOnTwoDates { .. }
            | Problem::NumberNotShared { .. } => Some("36-HD/VPTW §1.3.1"),
            Problem::NotAMember { .. } => Some("Điều lệ Đảng Điều 4.1"),
            Problem::NotAMemberOn { .. } => Some("Điều lệ Đảng Điều 2; 294-QĐ/TW §3.2.1"),
            _ => None,
        };
        text.map(str::to_string)
    }

    /// The rule of the set in force that the problem breaks, for the rules of `forms/quy-tac.yaml`.
    pub fn cite(&self) -> Option<&Cite> {
        match self {
            Problem::AgeUnder18 { cite, .. }
            | Problem::FactMissing { cite, .. }
            | Problem::AgeBorderline { cite, .. }
            | Problem::AgeOver60 { cite, .. }
            | Problem::ReligionConditionsUnchecked { cite, .. }
            | Problem::EducationBelowMinimum { cite, .. }
            | Problem::EducationUnclear { cite, .. }
            | Problem::EducationExceptionNeedsConsent { cite }
            | Problem::DocumentOrder { cite, .. }
            | Problem::CertificateMissing { cite, .. }
            | Problem::CertificateExpired { cite, .. }
            | Problem::PersonalHistoryExpired { cite, .. }
            | Problem::CommentsExpired { cite, .. }
            | Problem::SponsorsTooFew { cite, .. }
            | Problem::IntroducerNotAllowed { cite, .. }
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
