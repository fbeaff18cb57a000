//! What to do about each problem: its hint in Vietnamese and in English.

use super::Lang;
use super::problem::Problem;
use super::problem::{Deadline, Introducer};

impl Problem {
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
                    "xem bảng các khóa trong docs/reference.md (mục \"The workspace\")",
                    "see the table of keys in docs/reference.md (\"The workspace\")",
                )
                .to_string(),
            Problem::InvalidDate { .. } => match lang {
                Lang::Vi => format!("viết ngày dạng {}", crate::model::date::ACCEPTED_VI),
                Lang::En => format!("write dates as {}", crate::model::date::ACCEPTED_EN),
            },
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
            Problem::NotAMemberOn { .. } => lang
                .pick(
                    "ghi đảng viên giữ vai trò này vào ngày họp",
                    "record the member who held this role on the day of the meeting",
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
            Problem::NumberNotShared { .. } => lang
                .pick(
                    "một quyết định kết nạp nhiều người: ghi `nhieu_nguoi: true` ở mọi hồ sơ có tên trong đó; nếu là quyết định riêng, sửa số cho đúng",
                    "one decision naming several people: write `nhieu_nguoi: true` on every record it names; a decision of one's own: correct its number",
                )
                .to_string(),
            Problem::NumberOnTwoDates { .. } => lang
                .pick(
                    "sửa số hoặc ngày cho đúng văn bản; nhiều người trong một quyết định thì cùng số và cùng ngày",
                    "correct the number or the date; people named in one decision share its number and its date",
                )
                .to_string(),
            Problem::Typeset { hints, .. } if !hints.is_empty() => hints.join("; "),
            Problem::FormNeedsField { .. } => lang
                .pick(
                    "bổ sung hồ sơ, hoặc in mẫu trắng với `--blank`",
                    "complete the record, or print the blank form with `--blank`",
                )
                .to_string(),
            Problem::FormNotInForce { .. } => lang
                .pick(
                    "`hoso forms` cho biết mẫu nào thuộc bộ quy định nào (giấy giới thiệu từ 29/09/2025: mỗi đảng viên một giấy, Mẫu 3-KNĐ)",
                    "`hoso forms` says which forms each regulation set has (sponsors' letters from 29/09/2025: one per sponsor, form 3-KNĐ)",
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
            Problem::FactMissing { field, .. } => match lang {
                Lang::Vi => format!(
                    "ghi `{field}` vào hồ sơ; chưa có thì chưa khẳng định được hồ sơ đúng quy định"
                ),
                Lang::En => format!(
                    "record `{field}`; until it is, the record cannot be confirmed to meet the rule"
                ),
            },
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
            Problem::DocumentOrder { later, earlier, .. } => match lang {
                Lang::Vi => format!(
                    "theo trình tự hồ sơ, `{later}` có sau `{earlier}`: kiểm tra lại hai ngày"
                ),
                Lang::En => format!(
                    "in the order of the dossier `{later}` comes after `{earlier}`: check both dates"
                ),
            },
            Problem::CertificateMissing { field, .. } => match lang {
                Lang::Vi => format!("thêm `{field}.ngay` và `{field}.noi_cap`"),
                Lang::En => format!("add `{field}.ngay` and `{field}.noi_cap`"),
            },
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
            Problem::IntroducerNotAllowed { wrong, .. } => match wrong {
                Introducer::YouthMemberNotByYouthUnion => lang.pick(
                    "ghi nghị quyết giới thiệu của Đoàn (`gioi_thieu_doan_the` với `loai: doan`) và một đảng viên chính thức",
                    "record the Youth Union's resolution (`gioi_thieu_doan_the` with `loai: doan`) and one full member",
                ),
                Introducer::PastYouthByYouthUnion => lang.pick(
                    "hai đảng viên chính thức giới thiệu, hoặc Công đoàn cơ sở (`loai: cong_doan`) cùng một đảng viên chính thức",
                    "two full members sponsor, or the trade union (`loai: cong_doan`) with one full member",
                ),
            }
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
            Problem::FileUnreadable { .. } => lang
                .pick(
                    "mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8",
                    "open the file in an editor and save it again as UTF-8",
                )
                .to_string(),
            Problem::ForbiddenChar { .. } => lang
                .pick(
                    "xóa ký tự này (nó không hiện ra, nhưng làm sai chữ in ra hoặc điều khiển màn hình)",
                    "delete it (it does not show, but it changes what is printed or drives the terminal)",
                )
                .to_string(),
            Problem::NotARecordFile { .. } => lang
                .pick(
                    "để tệp hồ sơ thật (không phải liên kết ra ngoài hay tới `to-chuc.yaml`, không phải thư mục) trong `dang-vien/` hoặc `ket-nap/`",
                    "keep real record files (not links out of the records or to `to-chuc.yaml`, not folders) in `dang-vien/` or `ket-nap/`",
                )
                .to_string(),
            Problem::MisnamedRecordFile { rename_to } => match lang {
                Lang::Vi => format!(
                    "đổi tên tệp thành `{rename_to}` (Notepad thêm `.txt` khi lưu kiểu \"Text Documents\"; trong File Explorer bật View › Show › File name extensions để thấy cả phần đuôi)"
                ),
                Lang::En => format!(
                    "rename the file `{rename_to}` (Notepad adds `.txt` when saving as \"Text Documents\"; in File Explorer turn on View › Show › File name extensions to see the whole name)"
                ),
            },
            Problem::EmptyFile
            | Problem::InvalidValue { .. }
            | Problem::CountMismatch { .. }
            | Problem::Typeset { .. } => {
                return None;
            }
        };
        Some(text)
    }
}

/// The last key of a dotted path: `hop_chi_bo.ngay` → `ngay`.
fn last_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}
