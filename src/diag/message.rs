//! The wording of every problem: its message in Vietnamese and in English.

use super::Lang;
use super::problem::{AgeDay, Introducer, NotFull, Occasion, Problem, TextFault};
use super::yaml::YamlLimit;

impl Problem {
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
            Problem::FileUnreadable { detail, text } => match (lang, text) {
                (Lang::Vi, TextFault::Utf16) => "tệp được lưu dạng UTF-16, không đọc được".into(),
                (Lang::En, TextFault::Utf16) => {
                    "the file is saved as UTF-16 and cannot be read".into()
                }
                (Lang::Vi, TextFault::NotUtf8) => "tệp không phải văn bản UTF-8 (có thể được lưu bằng bảng mã cũ như TCVN3, VNI, Windows-1258), không đọc được".into(),
                (Lang::En, TextFault::NotUtf8) => "the file is not UTF-8 text (perhaps saved in an old code page such as TCVN3, VNI or Windows-1258) and cannot be read".into(),
                (Lang::Vi, TextFault::TooLarge) => format!(
                    "tệp lớn hơn {} MB, không hồ sơ nào lớn như vậy: không đọc (có thể chép nhầm một tệp khác vào đây)",
                    crate::model::MAX_FILE_BYTES >> 20
                ),
                (Lang::En, TextFault::TooLarge) => format!(
                    "the file is larger than {} MB, which no record is: not read (perhaps another file was copied here by mistake)",
                    crate::model::MAX_FILE_BYTES >> 20
                ),
                (Lang::Vi, TextFault::Unreadable) => format!("không đọc được tệp: {detail}"),
                (Lang::En, TextFault::Unreadable) => format!("the file cannot be read: {detail}"),
            },
            Problem::ForbiddenChar { ch, kind } => match lang {
                Lang::Vi => format!(
                    "{} {} không được có trong hồ sơ",
                    kind.name(lang),
                    crate::model::chars::code_point(*ch)
                ),
                Lang::En => format!(
                    "{} {} is not allowed in a record",
                    kind.name(lang),
                    crate::model::chars::code_point(*ch)
                ),
            },
            Problem::NotARecordFile { detail } => match lang {
                Lang::Vi => format!("không phải tệp hồ sơ, bỏ qua: {detail}"),
                Lang::En => format!("not a record file, left out: {detail}"),
            },
            Problem::MisnamedRecordFile { .. } => lang
                .pick(
                    "tên tệp có phần đuôi thừa nên tệp không được đọc: tên tệp hồ sơ phải kết thúc bằng `.yaml`",
                    "the file name has an extra extension, so the file is not read: a record's file name ends in `.yaml`",
                )
                .into(),
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
            Problem::InvalidId { id, .. } if crate::model::id::windows_reserved(id) => match lang {
                Lang::Vi => format!(
                    "`{id}` không dùng làm mã người được: Windows dành tên này cho thiết bị, không tệp nào mang tên `{id}.yaml` được"
                ),
                Lang::En => format!(
                    "`{id}` cannot be a person's id: Windows keeps that name for a device, and no file can be named `{id}.yaml` there"
                ),
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
            Problem::NotAMemberOn {
                field,
                id,
                date,
                left,
            } => match (lang, left) {
                (Lang::Vi, Some(left)) => format!(
                    "`{field}`: `{id}` đã ra khỏi Đảng từ {left}, không còn là đảng viên ngày {date}"
                ),
                (Lang::Vi, None) => format!("`{field}`: `{id}` chưa là đảng viên ngày {date}"),
                (Lang::En, Some(left)) => format!(
                    "`{field}`: `{id}` left the Party on {left} and was no member on {date}"
                ),
                (Lang::En, None) => format!("`{field}`: `{id}` was not yet a member on {date}"),
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
            Problem::NumberNotShared {
                field,
                number,
                other,
            } => match lang {
                Lang::Vi => format!(
                    "`{field}`: số `{number}` cùng ngày cũng là quyết định của `{other}`, nhưng hai hồ sơ không cùng ghi là một quyết định cho nhiều người; hai văn bản không được mang một số"
                ),
                Lang::En => format!(
                    "`{field}`: number `{number}` of the same date is also `{other}`'s decision, but the two records do not both say it is one decision naming several people; two documents cannot carry one number"
                ),
            },
            Problem::NumberOnTwoDates {
                field,
                number,
                date,
                other_date,
                other,
            } => match lang {
                Lang::Vi => format!(
                    "`{field}`: số `{number}` ngày {date}, nhưng cùng số đó đã ghi ngày {other_date} ({other}); một số văn bản chỉ có một ngày"
                ),
                Lang::En => format!(
                    "`{field}`: number `{number}` dated {date}, but the same number is recorded dated {other_date} ({other}); one number names one document"
                ),
            },
            Problem::Typeset {
                template, message, ..
            } => match lang {
                Lang::Vi => format!("dàn trang: {message} (văn bản sinh từ mẫu in `templates/{template}`)"),
                Lang::En => format!("typesetting: {message} (generated from `templates/{template}`)"),
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
            Problem::FormNotInForce {
                form,
                field,
                date,
                set,
            } => match lang {
                Lang::Vi => format!(
                    "mẫu {form} không có trong bộ quy định {set}, đang có hiệu lực vào ngày `{field}` ({date})"
                ),
                Lang::En => format!(
                    "form {form} is not a form of the regulation set {set}, in force on `{field}` ({date})"
                ),
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
                on,
                ..
            } => {
                let day = match on {
                    AgeDay::BranchMeeting => lang.pick("ngày chi bộ xét", "on the day of the branch meeting"),
                    AgeDay::Admission => lang.pick("ngày vào Đảng", "on the day of admission"),
                    AgeDay::FirstAdmission => {
                        lang.pick("ngày vào Đảng lần đầu", "on the day of the first admission")
                    }
                };
                match lang {
                    Lang::Vi => format!(
                        "{day} ({meeting}) người vào Đảng mới {}, chưa đủ {}",
                        age(*months, lang),
                        age(*min_months, lang)
                    ),
                    Lang::En => format!(
                        "{day} ({meeting}) the applicant is {}, under {}",
                        age(*months, lang),
                        age(*min_months, lang)
                    ),
                }
            }
            Problem::FactMissing { field, rule, .. } => match lang {
                Lang::Vi => format!("`{field}` chưa ghi: không kiểm tra được quy tắc {rule}"),
                Lang::En => format!("`{field}` is not recorded: rule {rule} cannot be checked"),
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
            Problem::CertificateMissing { field, name, .. } => match lang {
                Lang::Vi => format!("chi bộ đã họp xét nhưng hồ sơ không có `{field}` ({name})"),
                Lang::En => {
                    format!("the branch has met on the dossier but the record has no `{field}` ({name})")
                }
            },
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
            Problem::IntroducerNotAllowed {
                wrong,
                age,
                meeting,
                youth_from,
                youth_to,
                ..
            } => match (lang, wrong) {
                (Lang::Vi, Introducer::YouthMemberNotByYouthUnion) => format!(
                    "người vào Đảng {age} tuổi ngày {meeting} (độ tuổi thanh niên {youth_from}-{youth_to}) và là đoàn viên: phải do Ban Chấp hành Đoàn cơ sở (hoặc tập thể chi đoàn cơ sở) cùng một đảng viên chính thức giới thiệu"
                ),
                (Lang::Vi, Introducer::PastYouthByYouthUnion) => format!(
                    "người vào Đảng {age} tuổi ngày {meeting}, ngoài độ tuổi thanh niên ({youth_from}-{youth_to}): không do Đoàn giới thiệu"
                ),
                (Lang::En, Introducer::YouthMemberNotByYouthUnion) => format!(
                    "the applicant is {age} on {meeting} (youth age {youth_from}-{youth_to}) and a Youth Union member: the Youth Union's executive committee (or the chi đoàn) introduces them, with one full member"
                ),
                (Lang::En, Introducer::PastYouthByYouthUnion) => format!(
                    "the applicant is {age} on {meeting}, past youth age ({youth_from}-{youth_to}): the Youth Union does not introduce them"
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
                occasion,
                why,
                ..
            } => not_full_member(lang, "le_ket_nap.nguoi_giup_do", id, why, *occasion, date),
            Problem::SponsorNotFullMember {
                field,
                id,
                date,
                occasion,
                why,
                ..
            } => not_full_member(lang, field, id, why, *occasion, date),
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
}

/// An age in whole months, as a clerk says it: "17 năm 11 tháng".
fn age(months: i64, lang: Lang) -> String {
    let (y, m) = (months.div_euclid(12), months.rem_euclid(12));
    match lang {
        Lang::Vi => format!("{y} tuổi {m} tháng"),
        Lang::En => format!("{y} years {m} months"),
    }
}

/// "`field`: `id` is not a full member on `day` (`date`)", or "only from `since`, after it".
fn not_full_member(
    lang: Lang,
    field: &str,
    id: &str,
    why: &NotFull,
    occasion: Occasion,
    date: &str,
) -> String {
    let day = occasion.name(lang);
    match (lang, why) {
        (Lang::Vi, NotFull::Left(on)) => format!(
            "`{field}`: `{id}` đã ra khỏi Đảng từ {on}, không còn là đảng viên chính thức vào {day} ({date})"
        ),
        (Lang::Vi, NotFull::AdmittedLater(on)) => {
            format!("`{field}`: `{id}` được kết nạp ngày {on}, sau {day} ({date})")
        }
        (Lang::Vi, NotFull::Probationary(Some(since))) => {
            format!("`{field}`: `{id}` chỉ là đảng viên chính thức từ {since}, sau {day} ({date})")
        }
        (Lang::Vi, NotFull::Probationary(None)) => {
            format!("`{field}`: `{id}` còn là đảng viên dự bị vào {day} ({date})")
        }
        (Lang::En, NotFull::Left(on)) => format!(
            "`{field}`: `{id}` left the Party on {on} and was no full member on {day} ({date})"
        ),
        (Lang::En, NotFull::AdmittedLater(on)) => {
            format!("`{field}`: `{id}` was admitted on {on}, after {day} ({date})")
        }
        (Lang::En, NotFull::Probationary(Some(since))) => {
            format!("`{field}`: `{id}` is a full member only from {since}, after {day} ({date})")
        }
        (Lang::En, NotFull::Probationary(None)) => {
            format!("`{field}`: `{id}` was still on probation on {day} ({date})")
        }
    }
}
