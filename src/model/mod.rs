/*!
The clerk's records: the workspace and its types, and how they are loaded.

A workspace is a folder of YAML files:

```text
to-chuc.yaml          the organisation: đảng bộ, chi bộ, place, secretary, document register
dang-vien/<id>.yaml   members (đảng viên) whose admission is not tracked here
ket-nap/<id>.yaml     people in the admission process: candidates and probationary members
bao-cao.yaml          optional: targets, stated figures and notes for bulletin articles
```

Every person, member or not, is a [`Nguoi`]; what stage they are at is derived from the events
their record holds (see [`GiaiDoan`]), so that a fact is written once and every form agrees.
Keys are the clerk's vocabulary, Vietnamese without diacritics; `keys.rs` documents each one.
*/

mod bao_cao;
mod date;
pub mod id;
pub mod keys;
mod load;
mod path;
mod quy_tac;
mod spans;

pub use bao_cao::{BAO_CAO_FILE, BaoCao, ChiTieuNam, GhiChepDonVi, NhiemKy, SoLieu, TrichDan};
pub(crate) use date::INVALID_DATE_MARK;
pub use date::{Ngay, ThoiDiem};
pub(crate) use load::from_yaml;
pub(crate) use load::missing_problem;
pub use load::{LoadError, Loaded, load};
pub use path::PathView;
pub use quy_tac::{GiaTri, MucDo, QuyTacRieng};
pub use spans::SpanIndex;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

/// The organisation whose paperwork this is: a chi bộ and the đảng bộ above it (`to-chuc.yaml`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ToChuc {
    /// The đảng bộ directly above the chi bộ, as written in sentences: "Đảng bộ phường Hồng Gai".
    pub dang_bo: Option<String>,
    /// The committee of that đảng bộ, to which resolutions are addressed: "Đảng ủy phường Hồng Gai".
    /// Derived from `dang_bo` when absent.
    pub dang_uy: Option<String>,
    /// The chi bộ, as written in sentences: "Chi bộ Khu phố 5".
    pub chi_bo: Option<String>,
    /// The issuer's abbreviation in document numbers ("Số 05-NQ/CB"); `CB` by default.
    pub ky_hieu: Option<String>,
    /// The place name of the date line: "Hạ Long, ngày ...".
    pub dia_danh: Option<String>,
    /// The secretary (bí thư chi bộ), a person id.
    pub bi_thu: Option<String>,
    /// The deputy secretary, a person id.
    pub pho_bi_thu: Option<String>,
    /// The term of the committee, "2025–2030": document numbers start again at 01 each term.
    pub nhiem_ky: Option<String>,
    /// The first day of the current term: register entries dated before it belong to an earlier
    /// term and do not hold their numbers any more.
    pub nhiem_ky_tu: Option<Ngay>,
    /// The organisation above the đảng bộ, printed over the đảng ủy's name in its documents
    /// (Mẫu 8, 9, 15, 16-KNĐ): "Đảng bộ tỉnh Quảng Ninh".
    pub cap_tren: Option<String>,
    /// The issuer abbreviation of the đảng ủy's documents ("Số 125-QĐ/ĐU"); `ĐU` by default.
    pub ky_hieu_dang_uy: Option<String>,
    /// The đảng ủy bộ phận between the chi bộ and the đảng ủy cơ sở, if any (Mẫu 7, 14-KNĐ).
    pub dang_uy_bo_phan: Option<String>,
    /// Page margins in millimetres.
    pub le_trang: Option<LeTrang>,
    /// The register of documents issued, from which document numbers are taken.
    #[serde(default)]
    pub so_van_ban: Vec<SoVanBan>,
    /// The branches of a đảng bộ whose records are kept here. Empty for a single chi bộ: everyone
    /// then belongs to `chi_bo`.
    #[serde(default)]
    pub cac_chi_bo: Vec<ChiBo>,
    /// The đảng bộ cơ sở of a larger đảng bộ (a district's or a city's): its branches name theirs
    /// with `thuoc`. Empty when the workspace's đảng bộ is itself the grassroots one.
    #[serde(default)]
    pub cac_dang_bo_co_so: Vec<DangBoCoSo>,
    /// The workspace's own, stricter versions of admission rules (see `hoso rules`).
    #[serde(default)]
    pub quy_tac_rieng: Vec<QuyTacRieng>,
    /// Extra days off granted by the government (swapped or added), for working-day deadlines.
    #[serde(default)]
    pub ngay_nghi_bu: Vec<Ngay>,
    /// Weekend days worked in exchange for a day off (ngày làm bù).
    #[serde(default)]
    pub ngay_lam_bu: Vec<Ngay>,
}

/// One branch of the đảng bộ (`cac_chi_bo` in `to-chuc.yaml`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ChiBo {
    /// A short stable id, written on each person's `chi_bo`: `khu-pho-5`.
    pub ma: String,
    /// Its name as written in sentences: "Chi bộ Khu phố 5".
    pub ten: String,
    /// Its secretary, a person id.
    pub bi_thu: Option<String>,
    /// The đảng bộ cơ sở it belongs to, an id of `cac_dang_bo_co_so`; absent in a workspace with
    /// đảng bộ cơ sở: a chi bộ cơ sở, directly under the workspace's đảng bộ.
    pub thuoc: Option<String>,
}

/// A đảng bộ cơ sở of a larger đảng bộ (`cac_dang_bo_co_so` in `to-chuc.yaml`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct DangBoCoSo {
    /// A short stable id, written on its branches' `thuoc`: `phuong-hoa-lu`.
    pub ma: String,
    /// Its name as written in sentences: "Đảng bộ phường Hoa Lư".
    pub ten: String,
}

/// Page margins in millimetres. The default 20/20/30/15 is UNVERIFIED (domain notes §4.3): a
/// branch office sets its own.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
pub struct LeTrang {
    /// Top margin.
    pub tren: f64,
    /// Bottom margin.
    pub duoi: f64,
    /// Left margin (binding side).
    pub trai: f64,
    /// Right margin.
    pub phai: f64,
}

impl Default for LeTrang {
    fn default() -> Self {
        LeTrang {
            tren: 20.0,
            duoi: 20.0,
            trai: 30.0,
            phai: 15.0,
        }
    }
}

/// One entry of the document register: a number given to a document.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SoVanBan {
    /// The number, from 1 each term for each kind of document.
    pub so: u32,
    /// The kind abbreviation: `NQ` (nghị quyết), `BC`, `CV`, ...; `NQ/ĐU` for a document of the
    /// đảng ủy (the issuer after the slash; the chi bộ's `ky_hieu` when there is none).
    pub loai: String,
    /// The date of the document.
    pub ngay: Option<Ngay>,
    /// The form it was issued on, e.g. `6-KNĐ`.
    pub mau: Option<String>,
    /// The person it is about, a person id.
    pub nguoi: Option<String>,
    /// What it is about, free text.
    pub trich_yeu: Option<String>,
}

/// A person: member, candidate or probationary member (`dang-vien/*.yaml`, `ket-nap/*.yaml`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Nguoi {
    /// Full name as on the identity card: "Trần Thị Bình".
    pub ho_ten: Option<String>,
    /// Birth name, when different.
    pub ten_khai_sinh: Option<String>,
    /// Other names used.
    pub bi_danh: Option<String>,
    /// `nam` or `nữ`.
    pub gioi_tinh: Option<GioiTinh>,
    /// Date of birth.
    pub ngay_sinh: Option<Ngay>,
    /// Place of birth.
    pub noi_sinh: Option<String>,
    /// Home town (quê quán), as on the birth certificate.
    pub que_quan: Option<String>,
    /// Place of residence (nơi cư trú).
    pub noi_o: Option<String>,
    /// Ethnic group: "Kinh", "Tày", ...
    pub dan_toc: Option<String>,
    /// Religion: "Không", "Phật giáo", ...
    pub ton_giao: Option<String>,
    /// Occupation.
    pub nghe_nghiep: Option<String>,
    /// Place of work or study.
    pub noi_lam_viec: Option<String>,
    /// Education and qualifications.
    pub trinh_do: Option<TrinhDo>,
    /// Current positions, for members.
    pub chuc_vu: Option<ChucVu>,
    /// Admission date, for members whose admission decision is not recorded here.
    pub ngay_vao_dang: Option<Ngay>,
    /// Date of full membership, for members whose recognition is not recorded here.
    pub ngay_chinh_thuc: Option<Ngay>,
    /// Certificate of the Party-awareness class (giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng).
    pub giay_chung_nhan: Option<GiayChungNhan>,
    /// Re-admission (kết nạp lại): the first membership and why it ended (R40–R42).
    pub ket_nap_lai: Option<KetNapLai>,
    /// The application (đơn xin vào Đảng, Mẫu 1-KNĐ).
    pub don_xin_vao_dang: Option<DonXinVaoDang>,
    /// The personal history (lý lịch của người xin vào Đảng, Mẫu 2-KNĐ).
    pub ly_lich: Option<LyLich>,
    /// The sponsors (người giới thiệu, Mẫu 3-KNĐ).
    #[serde(default)]
    pub nguoi_gioi_thieu: Vec<NguoiGioiThieu>,
    /// The resolution of the Youth Union or the Trade Union introducing the person (Mẫu 4-KNĐ,
    /// 4A-KNĐ): it takes the place of one sponsor (R20).
    pub gioi_thieu_doan_the: Option<GioiThieuDoanThe>,
    /// The comments of the mass organisations and of the branch committee of the place of
    /// residence (Mẫu 5-KNĐ).
    pub tong_hop_nhan_xet: Option<TongHopNhanXet>,
    /// The branch meeting that considered the admission (Mẫu 6-KNĐ).
    pub hop_chi_bo: Option<HopChiBo>,
    /// The appraisal of the đảng ủy bộ phận, where there is one (Mẫu 7-KNĐ).
    pub tham_dinh: Option<BaoCaoThamDinh>,
    /// The resolution of the đảng ủy cơ sở, where the chi bộ is not itself the grassroots
    /// organisation (Mẫu 8-KNĐ).
    pub nghi_quyet_dang_uy: Option<NghiQuyetDangUy>,
    /// The admission decision (Mẫu 9-KNĐ): its date is the start of Party age.
    pub quyet_dinh_ket_nap: Option<QuyetDinh>,
    /// The admission ceremony: probation runs 12 months from it.
    pub le_ket_nap: Option<LeKetNap>,
    /// The probationary member's self-review (Mẫu 10-KNĐ).
    pub tu_kiem_diem: Option<TuKiemDiem>,
    /// The assessment by the member assigned to help (Mẫu 11-KNĐ).
    pub nhan_xet_giup_do: Option<NhanXetGiupDo>,
    /// The comments on the probationary member (Mẫu 12-KNĐ).
    pub tong_hop_nhan_xet_du_bi: Option<TongHopNhanXet>,
    /// The branch meeting on full membership (Mẫu 13-KNĐ).
    pub hop_xet_chinh_thuc: Option<HopChiBo>,
    /// The appraisal of the đảng ủy bộ phận on full membership (Mẫu 14-KNĐ).
    pub tham_dinh_chinh_thuc: Option<BaoCaoThamDinh>,
    /// The resolution of the đảng ủy cơ sở on full membership (Mẫu 15-KNĐ).
    pub nghi_quyet_dang_uy_chinh_thuc: Option<NghiQuyetDangUy>,
    /// The decision recognising full membership (Mẫu 16-KNĐ).
    pub cong_nhan_chinh_thuc: Option<QuyetDinh>,
    /// The branch the person belongs to, an id of `cac_chi_bo`; absent: the workspace's `chi_bo`.
    pub chi_bo: Option<String>,
    /// When and why the person left the organisation (moved away, died, struck off): they no
    /// longer count among its members from that day.
    pub ra_khoi_dang: Option<RaKhoiDang>,
    /// A member who came from another organisation (chuyển sinh hoạt đảng đến): they count among
    /// its members from that day, not from their admission.
    pub chuyen_den: Option<ChuyenDen>,
    /// Over 60 at the branch meeting: the written consent of the provincial standing committee (R3).
    pub dong_y_tren_60: Option<VanBan>,
    /// An exception to the education requirement (R5).
    pub ngoai_le_hoc_van: Option<NgoaiLeHocVan>,
    /// For an applicant who follows a religion: the branch has checked the conditions of
    /// Regulation 06-QĐ/TW (R7).
    #[serde(default)]
    pub ton_giao_du_dieu_kien: bool,
    /// The member's personal history (lý lịch đảng viên), declared after the ceremony (R34).
    pub ly_lich_dang_vien: Option<LyLichDangVien>,
}

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
    /// The signer's position: `Bí thư` (default) or `Phó Bí thư` (then "K/T BÍ THƯ").
    pub chuc_vu_ky: Option<String>,
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

/// The resolution of a Youth Union or Trade Union executive committee introducing the person
/// (Mẫu 4-KNĐ, 4A-KNĐ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct GioiThieuDoanThe {
    /// `doan` or `cong_doan`.
    pub loai: Option<DoanThe>,
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

/// Where a person's file lives, which says how the clerk thinks of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Folder {
    /// `dang-vien/`: members.
    DangVien,
    /// `ket-nap/`: people in the admission process.
    KetNap,
}

impl Folder {
    /// The folder name in the workspace.
    pub fn dir(self) -> &'static str {
        match self {
            Folder::DangVien => "dang-vien",
            Folder::KetNap => "ket-nap",
        }
    }
}

/// How far a person has come, derived from the events recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GiaiDoan {
    /// Quần chúng: no application yet.
    QuanChung,
    /// The application is in.
    XinVaoDang,
    /// The chi bộ has resolved to recommend admission.
    ChiBoDeNghi,
    /// Admitted, on probation (đảng viên dự bị).
    DuBi,
    /// Full member (đảng viên chính thức).
    ChinhThuc,
}

impl GiaiDoan {
    /// The stable id used in listings and options.
    pub fn id(self) -> &'static str {
        match self {
            GiaiDoan::QuanChung => "quan-chung",
            GiaiDoan::XinVaoDang => "xin-vao-dang",
            GiaiDoan::ChiBoDeNghi => "chi-bo-de-nghi",
            GiaiDoan::DuBi => "du-bi",
            GiaiDoan::ChinhThuc => "chinh-thuc",
        }
    }

    /// The stage in words.
    pub fn label(self, lang: crate::diag::Lang) -> &'static str {
        match self {
            GiaiDoan::QuanChung => lang.pick("quần chúng", "not yet applied"),
            GiaiDoan::XinVaoDang => lang.pick("đã có đơn xin vào Đảng", "application filed"),
            GiaiDoan::ChiBoDeNghi => {
                lang.pick("chi bộ đã đề nghị kết nạp", "recommended by the branch")
            }
            GiaiDoan::DuBi => lang.pick("đảng viên dự bị", "probationary member"),
            GiaiDoan::ChinhThuc => lang.pick("đảng viên chính thức", "full member"),
        }
    }
}

impl Nguoi {
    /// The date of admission: the date of the admission decision (Party age counts from it, R38).
    pub fn ngay_ket_nap(&self) -> Option<Ngay> {
        self.quyet_dinh_ket_nap
            .as_ref()
            .and_then(|q| q.ngay)
            .or(self.ngay_vao_dang)
    }

    /// The day the person left the organisation's books, if they did.
    pub fn ngay_ra_khoi_dang(&self) -> Option<Ngay> {
        self.ra_khoi_dang.as_ref().and_then(|r| r.ngay)
    }

    /// The day a member transferred in was first counted here, if they came from elsewhere.
    pub fn ngay_chuyen_den(&self) -> Option<Ngay> {
        self.chuyen_den.as_ref().and_then(|c| c.ngay)
    }
}

/// One person's record: the data, its id and where each value of it stands.
#[derive(Debug)]
pub struct Record {
    /// The stable id: the file name without `.yaml`.
    pub id: String,
    /// The folder it lives in.
    pub folder: Folder,
    /// The data.
    pub nguoi: Nguoi,
    /// Positions of its values, for diagnostics.
    pub spans: SpanIndex,
}

/// The organisation file with its positions.
#[derive(Debug)]
pub struct OrgRecord {
    /// The data.
    pub to_chuc: ToChuc,
    /// Positions of its values.
    pub spans: SpanIndex,
}

/// A loaded workspace: the organisation and every person whose file could be read.
#[derive(Debug)]
pub struct Workspace {
    /// The folder it was loaded from.
    pub root: PathBuf,
    /// `to-chuc.yaml`.
    pub org: OrgRecord,
    /// Every person, sorted by id.
    pub people: Vec<Record>,
    /// `bao-cao.yaml`, when the workspace has one and it could be read.
    pub bao_cao: Option<ReportRecord>,
}

/// The bulletin file with its positions.
#[derive(Debug)]
pub struct ReportRecord {
    /// The data.
    pub bao_cao: BaoCao,
    /// Positions of its values.
    pub spans: SpanIndex,
}

impl Workspace {
    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Record> {
        self.people
            .binary_search_by(|r| r.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.people[i])
    }

    /// The id closest to `id`, for "did you mean".
    pub fn suggest_id(&self, id: &str) -> Option<&str> {
        crate::suggest::closest(id, self.people.iter().map(|r| r.id.as_str()))
    }

    /// The branch listed in `cac_chi_bo` with this id.
    pub fn branch(&self, id: &str) -> Option<&ChiBo> {
        self.org.to_chuc.cac_chi_bo.iter().find(|b| b.ma == id)
    }

    /// The branch id closest to `id`, for "did you mean".
    pub fn suggest_branch(&self, id: &str) -> Option<&str> {
        crate::suggest::closest(
            id,
            self.org.to_chuc.cac_chi_bo.iter().map(|b| b.ma.as_str()),
        )
    }

    /// The branch a person belongs to: their `chi_bo`, or else the listed branch named like the
    /// workspace's `chi_bo`. `None` when neither says (a single-branch workspace).
    pub fn branch_of<'a>(&'a self, nguoi: &'a Nguoi) -> Option<&'a str> {
        nguoi.chi_bo.as_deref().or_else(|| {
            let home = self.org.to_chuc.chi_bo.as_deref()?;
            self.org
                .to_chuc
                .cac_chi_bo
                .iter()
                .find(|b| b.ten == home)
                .map(|b| b.ma.as_str())
        })
    }
}
