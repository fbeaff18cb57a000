//! The parts of a person's record (`dang-vien/*.yaml`, `ket-nap/*.yaml`): one type per document
//! or event of the process, each with its own dates.

use super::{Ngay, ThoiDiem};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An exception to the lower-secondary requirement (R5).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NgoaiLeHocVan {
    /// `vung_kho_khan` (mountain, border, island, ethnic-minority or very difficult areas, fishermen
    /// at sea: primary school suffices) or `uy_tin` (village elder, head of village, respected
    /// person there: literacy and the written consent of the provincial standing committee).
    pub loai: Option<LoaiNgoaiLe>,
    /// The written consent, for `uy_tin`.
    pub dong_y: Option<VanBan>,
}

/// Which education exception applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LoaiNgoaiLe {
    /// Difficult areas: primary school completed.
    VungKhoKhan,
    /// Village elders and respected people: literate, with written consent.
    UyTin,
}

/// The member's personal history after admission (lý lịch đảng viên).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct LyLichDangVien {
    /// The date it was declared.
    pub ngay: Option<Ngay>,
}

/// A member leaving the organisation's books.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct RaKhoiDang {
    /// The day from which they are no longer counted.
    pub ngay: Option<Ngay>,
    /// Why, in words: "chuyển sinh hoạt đảng đến Đảng bộ xã Tiên Yên", "từ trần", "xóa tên".
    pub ly_do: Option<String>,
}

/// A member transferred in from another Party organisation.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ChuyenDen {
    /// The day from which they are counted here.
    pub ngay: Option<Ngay>,
    /// Where they came from: "Đảng bộ Quân sự tỉnh".
    pub tu: Option<String>,
}

/// Sex, as the forms print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GioiTinh {
    Nam,
    Nu,
}

impl fmt::Display for GioiTinh {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GioiTinh::Nam => "Nam",
            GioiTinh::Nu => "Nữ",
        })
    }
}

impl<'de> Deserialize<'de> for GioiTinh {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.trim().to_lowercase().as_str() {
            "nam" => Ok(GioiTinh::Nam),
            "nữ" | "nu" => Ok(GioiTinh::Nu),
            // Reported as "not one of `nam`, `nữ`", worded by the loader in either language.
            _ => Err(serde::de::Error::unknown_variant(&s, &["nam", "nữ"])),
        }
    }
}

impl Serialize for GioiTinh {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// Education and qualifications (lý lịch items on trình độ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct TrinhDo {
    /// General education: "12/12".
    pub hoc_van: Option<String>,
    /// Professional qualification: "Cử nhân Sư phạm Toán".
    pub chuyen_mon: Option<String>,
    /// Political theory: "Sơ cấp".
    pub ly_luan_chinh_tri: Option<String>,
    /// Foreign languages.
    pub ngoai_ngu: Option<String>,
    /// Computing.
    pub tin_hoc: Option<String>,
    /// Science and technology (38-HD/BTCTW lý lịch, item 11).
    pub khoa_hoc_cong_nghe: Option<String>,
    /// Highest academic degree (học vị): "Thạc sĩ".
    pub hoc_vi: Option<String>,
    /// Highest academic title (học hàm): "Phó Giáo sư".
    pub hoc_ham: Option<String>,
    /// Ethnic-minority language.
    pub tieng_dan_toc: Option<String>,
}

/// Positions held (chức vụ), as the sponsor's letter prints them.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ChucVu {
    /// In the Party: "Bí thư chi bộ".
    pub dang: Option<String>,
    /// In government or at work: "Tổ trưởng chuyên môn".
    pub chinh_quyen: Option<String>,
    /// In mass organisations: "Chi hội trưởng Cựu chiến binh".
    pub doan_the: Option<String>,
}

/// The Party-awareness class certificate (R12, R13).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct GiayChungNhan {
    /// Date of the certificate.
    pub ngay: Option<Ngay>,
    /// Who issued it (free text: the issuer changed with the 2025 reform).
    pub noi_cap: Option<String>,
}

/// The application for admission (Mẫu 1-KNĐ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct DonXinVaoDang {
    /// Date of the application.
    pub ngay: Option<Ngay>,
    /// The applicant's own statement of motives, for the pre-filled draft.
    pub noi_dung: Option<String>,
}

/// One sponsor (Mẫu 3-KNĐ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NguoiGioiThieu {
    /// The sponsor, a member's id.
    pub dang_vien: Option<String>,
    /// The date the chi bộ assigned the sponsor.
    pub ngay_phan_cong: Option<Ngay>,
    /// Since when the sponsor and the applicant work, study or live together (R21).
    pub cung_cong_tac_tu: Option<Ngay>,
    /// The date of the letter.
    pub ngay_viet: Option<Ngay>,
    /// Main points of the applicant's background worth noting.
    pub ly_lich: Option<String>,
    /// Main strengths.
    pub uu_diem: Option<String>,
    /// Main weaknesses.
    pub khuyet_diem: Option<String>,
    /// A replacement sponsor, exempt from the 12 months together (R22).
    #[serde(default)]
    pub thay_the: bool,
}

/// The branch meeting that considered the admission (Mẫu 6-KNĐ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct HopChiBo {
    /// Date of the meeting.
    pub ngay: Option<Ngay>,
    /// Members of the chi bộ on that day.
    pub dang_vien: Option<SoDangVien>,
    /// Members present.
    pub co_mat: Option<SoDangVien>,
    /// Why the absent members were absent.
    pub ly_do_vang: Option<String>,
    /// Official members not convened (temporarily attached elsewhere, or exempt and absent): they
    /// do not count in the denominator of the vote (294-QĐ/TW §9.3.2).
    #[serde(default)]
    pub khong_trieu_tap: u32,
    /// Who chaired, a member's id.
    pub chu_tri: Option<String>,
    /// Who took the minutes, a member's id.
    pub thu_ky: Option<String>,
    /// Main points of background, as the meeting found them.
    pub ly_lich: Option<String>,
    /// Strengths.
    pub uu_diem: Option<String>,
    /// Weaknesses.
    pub khuyet_diem: Option<String>,
    /// Official members in favour.
    pub tan_thanh: Option<u32>,
    /// Official members against.
    pub khong_tan_thanh: Option<u32>,
}

/// A count of members: total, official and probationary.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize)]
pub struct SoDangVien {
    /// Official members (đảng viên chính thức).
    pub chinh_thuc: u32,
    /// Probationary members (đảng viên dự bị).
    #[serde(default)]
    pub du_bi: u32,
}

impl SoDangVien {
    /// Official and probationary together.
    pub fn tong(self) -> u32 {
        // Counts are bounded by validation; saturating keeps a sum of unchecked ones in range.
        self.chinh_thuc.saturating_add(self.du_bi)
    }
}

/// A decision of a Party committee (admission, recognition).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct QuyetDinh {
    /// Its number, as printed: "125-QĐ/ĐU".
    pub so: Option<String>,
    /// The date it was signed.
    pub ngay: Option<Ngay>,
    /// The date the chi bộ received it (the ceremony deadline runs from it).
    pub ngay_nhan: Option<Ngay>,
    /// The committee that issued it, as its header prints it: "Đảng ủy phường Hồng Gai".
    /// The workspace's `dang_uy` by default.
    pub co_quan: Option<String>,
    /// The organisation above the issuer, printed over its name: "Đảng bộ tỉnh Quảng Ninh".
    /// The workspace's `cap_tren` by default.
    pub cap_tren: Option<String>,
    /// The body that decided, for the signature "T/M BAN THƯỜNG VỤ": `Ban Thường vụ` by default.
    pub tap_the: Option<String>,
    /// Who signed it (a name: the signer is rarely in the branch's records).
    pub nguoi_ky: Option<String>,
    /// The committee named several people in this one decision (everyone whose record holds the
    /// same number and date, and says so too). By default a decision is each person's own, with
    /// its own number (Hà Nội 2025: "cho từng người một và lấy số văn bản riêng").
    #[serde(default)]
    pub nhieu_nguoi: bool,
    /// The signer's position: `Bí thư` (default) or `Phó Bí thư` (then "K/T BÍ THƯ").
    pub chuc_vu_ky: Option<String>,
    /// The extension of the time limit for deciding (R31), when one was granted.
    pub gia_han: Option<GiaHan>,
}

/// An extension of the time limit of the competent committee (R31: "trường hợp đặc biệt có thể
/// gia hạn"): it counts only with its reason recorded.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct GiaHan {
    /// Why the special case needed more time.
    pub ly_do: Option<String>,
    /// By how many working days; not written: the most the set allows.
    pub so_ngay: Option<u32>,
}

/// The admission ceremony.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct LeKetNap {
    /// Date of the ceremony.
    pub ngay: Option<Ngay>,
    /// The time it starts: "8 giờ 00".
    pub gio: Option<String>,
    /// Where it is held.
    pub dia_diem: Option<String>,
    /// The official member assigned to help the new member, a member's id.
    pub nguoi_giup_do: Option<String>,
    /// The representative of the committee above who speaks, if any: "đồng chí ..., Phó Bí thư
    /// Đảng ủy phường".
    pub dai_bieu_cap_tren: Option<String>,
    /// The consent of the committee above to hold the ceremony after the time limit (R32).
    pub dong_y_cap_tren: Option<VanBan>,
}

/// Re-admission: the first membership (R40–R42).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct KetNapLai {
    /// The first admission date.
    pub ngay_vao_dang_lan_dau: Option<Ngay>,
    /// The first full-membership date.
    pub ngay_chinh_thuc_lan_dau: Option<Ngay>,
    /// Where the person was first admitted: "Chi bộ ..., Đảng bộ ...".
    pub noi_ket_nap_lan_dau: Option<String>,
    /// When the person left the Party.
    pub ngay_ra_khoi_dang: Option<Ngay>,
    /// Why, as the decision says.
    pub ly_do: Option<String>,
    /// The written consent of the provincial standing committee required before re-admission.
    pub dong_y: Option<VanBan>,
    /// How the person left, which decides whether re-admission is possible (R41).
    pub hinh_thuc: Option<HinhThucRaKhoiDang>,
    /// For a conviction of a minor offence: the day the record was cleared (R40).
    pub ngay_xoa_an_tich: Option<Ngay>,
}

/// How a person left the Party (R40, R41).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HinhThucRaKhoiDang {
    /// Stopped taking part in Party life (tự bỏ sinh hoạt đảng).
    TuBoSinhHoat,
    /// Asked to leave (tự nguyện xin ra khỏi Đảng).
    XinRaKhoiDang,
    /// Asked to leave because of very hard family circumstances: the exception of R41.
    XinRaHoanCanhKhoKhan,
    /// Caused serious disunity.
    GayMatDoanKet,
    /// Convicted of corruption.
    KetAnThamNhung,
    /// Convicted of a serious crime or worse.
    KetAnNghiemTrong,
    /// Convicted of a minor offence: 60 months after the record is cleared (R40).
    KetAnItNghiemTrong,
    /// Struck off (xóa tên).
    XoaTen,
    /// Expelled (khai trừ).
    KhaiTru,
    /// Another reason.
    Khac,
}

impl HinhThucRaKhoiDang {
    /// The name used in the YAML and in the rules' lists.
    pub fn id(self) -> &'static str {
        match self {
            HinhThucRaKhoiDang::TuBoSinhHoat => "tu_bo_sinh_hoat",
            HinhThucRaKhoiDang::XinRaKhoiDang => "xin_ra_khoi_dang",
            HinhThucRaKhoiDang::XinRaHoanCanhKhoKhan => "xin_ra_hoan_canh_kho_khan",
            HinhThucRaKhoiDang::GayMatDoanKet => "gay_mat_doan_ket",
            HinhThucRaKhoiDang::KetAnThamNhung => "ket_an_tham_nhung",
            HinhThucRaKhoiDang::KetAnNghiemTrong => "ket_an_nghiem_trong",
            HinhThucRaKhoiDang::KetAnItNghiemTrong => "ket_an_it_nghiem_trong",
            HinhThucRaKhoiDang::XoaTen => "xoa_ten",
            HinhThucRaKhoiDang::KhaiTru => "khai_tru",
            HinhThucRaKhoiDang::Khac => "khac",
        }
    }
}

/// A document referred to by number and date.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct VanBan {
    /// Its number, as printed: "215-CV/TU".
    pub so: Option<String>,
    /// Its date.
    pub ngay: Option<Ngay>,
    /// Who issued it.
    pub co_quan: Option<String>,
}

/// The personal history (Mẫu 2-KNĐ), beyond the identity fields of the person.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct LyLich {
    /// The date the person signed the declaration.
    pub ngay_khai: Option<Ngay>,
    /// Where the birth was registered (38-HD/BTCTW lý lịch, item 5; the 2022 layout asks for the
    /// place of birth, `noi_sinh`).
    pub noi_dang_ky_khai_sinh: Option<String>,
    /// Temporary residence, besides the permanent one (`noi_o`).
    pub noi_tam_tru: Option<String>,
    /// Date of joining the Ho Chi Minh Communist Youth Union.
    pub ngay_vao_doan: Option<Ngay>,
    /// Where.
    pub noi_vao_doan: Option<String>,
    /// Membership of socio-political organisations: "Công đoàn Việt Nam, 03/2019".
    pub to_chuc_chinh_tri_xa_hoi: Option<String>,
    /// Own history up to adulthood.
    pub lich_su_ban_than: Option<String>,
    /// Work and positions held, in order.
    #[serde(default)]
    pub cong_tac: Vec<QuaTrinh>,
    /// Noteworthy points of the person's history (arrest, detention, work for the former regime ...).
    pub dac_diem_lich_su: Option<String>,
    /// Training courses attended.
    #[serde(default)]
    pub dao_tao: Vec<DaoTao>,
    /// Travel abroad.
    #[serde(default)]
    pub di_nuoc_ngoai: Vec<QuaTrinh>,
    /// Awards.
    #[serde(default)]
    pub khen_thuong: Vec<SuKien>,
    /// Disciplinary measures.
    #[serde(default)]
    pub ky_luat: Vec<SuKien>,
    /// Family: parents, parents-in-law, spouse, children, siblings.
    #[serde(default)]
    pub gia_dinh: Vec<NguoiThan>,
    /// The person's own assessment.
    pub tu_nhan_xet: Option<String>,
    /// The branch committee's comments, written after verification.
    pub nhan_xet_chi_uy: Option<XacNhan>,
    /// The grassroots committee's certification, written after verification.
    pub chung_nhan_cap_uy: Option<XacNhan>,
    /// The comments of the committee or Party organisation that verified the declaration where
    /// the facts are (38-HD/BTCTW lý lịch, item 24).
    pub nhan_xet_tham_tra: Option<XacNhan>,
}

/// A period of a person's history.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct QuaTrinh {
    /// From.
    pub tu: Option<ThoiDiem>,
    /// To; none = until now.
    pub den: Option<ThoiDiem>,
    /// What the person did, where, in which position.
    pub noi_dung: Option<String>,
}

/// A training course.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct DaoTao {
    /// The school or course.
    pub ten_truong: Option<String>,
    /// Subject.
    pub nganh_hoc: Option<String>,
    /// From.
    pub tu: Option<ThoiDiem>,
    /// To.
    pub den: Option<ThoiDiem>,
    /// Mode: "Chính quy", "Tại chức", ...
    pub hinh_thuc: Option<String>,
    /// Degree or certificate obtained.
    pub van_bang: Option<String>,
}

/// An award or a disciplinary measure.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct SuKien {
    /// When.
    pub thoi_gian: Option<ThoiDiem>,
    /// What: "Giấy khen của Chủ tịch UBND phường".
    pub noi_dung: Option<String>,
}

/// A relative, as the lý lịch declares them.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NguoiThan {
    /// Relation: "Bố đẻ", "Mẹ đẻ", "Vợ", "Con", "Anh ruột", ...
    pub quan_he: Option<String>,
    /// Full name.
    pub ho_ten: Option<String>,
    /// Year (or date) of birth.
    pub nam_sinh: Option<ThoiDiem>,
    /// Year of death, if deceased.
    pub nam_mat: Option<ThoiDiem>,
    /// Home town.
    pub que_quan: Option<String>,
    /// Residence.
    pub noi_o: Option<String>,
    /// Occupation.
    pub nghe_nghiep: Option<String>,
    /// History and political attitude, as declared.
    pub lich_su: Option<String>,
    /// A Party member (then no separate verification is needed, R18).
    #[serde(default)]
    pub dang_vien: bool,
    /// Place of birth (38-HD/BTCTW: parents and spouse).
    pub noi_sinh: Option<String>,
    /// Class background, thành phần giai cấp (38-HD/BTCTW: parents and spouse).
    pub thanh_phan: Option<String>,
    /// Nationality (38-HD/BTCTW: siblings and children).
    pub quoc_tich: Option<String>,
    /// Criminal record, if any (38-HD/BTCTW: siblings and children).
    pub tien_an: Option<String>,
}

/// A comment or certification written on a document, with its date and signer.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct XacNhan {
    /// Date.
    pub ngay: Option<Ngay>,
    /// The text.
    pub noi_dung: Option<String>,
    /// Who signed (a name).
    pub nguoi_ky: Option<String>,
}

/// Which mass organisation introduces the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DoanThe {
    /// The Ho Chi Minh Communist Youth Union (Mẫu 4-KNĐ).
    Doan,
    /// The trade union (Mẫu 4A-KNĐ).
    CongDoan,
}

/// Which body of the Youth Union resolved to introduce the person (verified-2025.md: 294-QĐ/TW
/// §3.1, 38-HD/BTCTW).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TapTheDoan {
    /// The executive committee (Ban Chấp hành) of the đoàn cơ sở, or of the trade union: the default.
    BanChapHanh,
    /// The tập thể chi đoàn cơ sở (a chi đoàn that is itself the grassroots organisation).
    ChiDoan,
    /// The Ban Thường vụ Đoàn xã/phường, where there is no đoàn cơ sở.
    BanThuongVu,
}

/// The resolution of a Youth Union or Trade Union executive committee introducing the person
/// (Mẫu 4-KNĐ, 4A-KNĐ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct GioiThieuDoanThe {
    /// `doan` or `cong_doan`.
    pub loai: Option<DoanThe>,
    /// Which body resolved: `ban_chap_hanh` (default), `chi_doan`, `ban_thuong_vu`.
    pub tap_the: Option<TapTheDoan>,
    /// The organisation above the issuer, for the header: "Đoàn phường Hồng Gai".
    pub cap_tren: Option<String>,
    /// The issuing organisation: "Chi đoàn Khu phố 5", "Công đoàn cơ sở Trường Tiểu học ...".
    pub co_quan: Option<String>,
    /// Its number as that organisation registered it: "03-NQ/ĐTN".
    pub so: Option<String>,
    /// Date of the meeting and resolution.
    pub ngay: Option<Ngay>,
    /// Members of the executive committee (or of the chi đoàn).
    pub tong_so: Option<u32>,
    /// Present.
    pub co_mat: Option<u32>,
    /// In favour.
    pub tan_thanh: Option<u32>,
    /// Against.
    pub khong_tan_thanh: Option<u32>,
    /// Strengths.
    pub uu_diem: Option<String>,
    /// Weaknesses.
    pub khuyet_diem: Option<String>,
    /// Who signed (a name).
    pub nguoi_ky: Option<String>,
    /// The signer's position: "Bí thư", "Chủ tịch".
    pub chuc_vu_ky: Option<String>,
}

/// The summary of comments (Mẫu 5-KNĐ before admission, 12-KNĐ during probation).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct TongHopNhanXet {
    /// The date of the summary.
    pub ngay: Option<Ngay>,
    /// The mass organisations where the person works or is active.
    #[serde(default)]
    pub doan_the: Vec<YKien>,
    /// The branch committee of the place of residence.
    pub noi_cu_tru: Option<YKien>,
    /// The chi ủy's own conclusion from the comments.
    pub ket_luan: Option<String>,
}

/// The comments of one organisation.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct YKien {
    /// Which: "Chi hội Phụ nữ Khu phố 5", "Chi ủy Chi bộ Khu phố 3".
    pub to_chuc: Option<String>,
    /// The date of the meeting or of the comments.
    pub ngay: Option<Ngay>,
    /// How many were consulted.
    pub so_nguoi: Option<u32>,
    /// How many agreed.
    pub tan_thanh: Option<u32>,
    /// Strengths.
    pub uu_diem: Option<String>,
    /// Weaknesses.
    pub khuyet_diem: Option<String>,
}

/// The appraisal report of a đảng ủy bộ phận (Mẫu 7-KNĐ, 14-KNĐ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct BaoCaoThamDinh {
    /// The đảng ủy bộ phận that wrote it; the workspace's `dang_uy_bo_phan` by default.
    pub co_quan: Option<String>,
    /// Its number in the register of the đảng ủy bộ phận: "02-BC/ĐUBP".
    pub so: Option<String>,
    /// Its date.
    pub ngay: Option<Ngay>,
    /// What the appraisal found.
    pub noi_dung: Option<String>,
    /// Who signed (a name).
    pub nguoi_ky: Option<String>,
}

/// A resolution of the đảng ủy cơ sở (Mẫu 8-KNĐ, 15-KNĐ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NghiQuyetDangUy {
    /// Its number as printed: "18-NQ/ĐU".
    pub so: Option<String>,
    /// The date of the meeting and resolution.
    pub ngay: Option<Ngay>,
    /// The committee that met: "Đảng ủy phường Hồng Gai"; the workspace's `dang_uy` by default.
    pub co_quan: Option<String>,
    /// The organisation above it, for the header; the workspace's `cap_tren` by default.
    pub cap_tren: Option<String>,
    /// Members of the committee.
    pub uy_vien: Option<u32>,
    /// Present.
    pub co_mat: Option<u32>,
    /// In favour (at least two thirds of all members, R28).
    pub tan_thanh: Option<u32>,
    /// Against.
    pub khong_tan_thanh: Option<u32>,
    /// Who signed (a name).
    pub nguoi_ky: Option<String>,
}

/// The probationary member's self-review (Mẫu 10-KNĐ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct TuKiemDiem {
    /// Its date (after the 12 months of probation).
    pub ngay: Option<Ngay>,
    /// Strengths (political ideas, ethics, discipline, duties, relations with the people).
    pub uu_diem: Option<String>,
    /// Weaknesses.
    pub khuyet_diem: Option<String>,
    /// How the member will correct them.
    pub huong_khac_phuc: Option<String>,
    /// The branch committee's comments written on it.
    pub nhan_xet_chi_uy: Option<XacNhan>,
}

/// The assessment by the member assigned to help (Mẫu 11-KNĐ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NhanXetGiupDo {
    /// Its date.
    pub ngay: Option<Ngay>,
    /// Strengths.
    pub uu_diem: Option<String>,
    /// Weaknesses.
    pub khuyet_diem: Option<String>,
    /// The recommendation: whether to recognise as full member.
    pub de_nghi: Option<String>,
}
