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
pub mod chars;
pub mod date;
pub mod id;
pub mod keys;
mod load;
mod path;
mod quick_read;
mod quy_tac;
mod record;
mod spans;
pub(crate) use spans::{LineIndex, colon_after};
mod to_chuc;

pub use bao_cao::{BAO_CAO_FILE, BaoCao, ChiTieuNam, GhiChepDonVi, NhiemKy, SoLieu, TrichDan};
pub(crate) use date::INVALID_DATE_MARK;
pub use date::{Ngay, ThoiDiem};
pub(crate) use load::from_yaml;
pub(crate) use load::missing_problem;
pub(crate) use load::parse as parse_file;
pub(crate) use load::{
    Entry, PersonFile, considers, gather, list, person_outcome, plain_person_file, read_org,
    read_report,
};
pub use load::{
    FileOutcome, LoadError, Loaded, MAX_FILE_BYTES, ORG_FILE, is_too_large, load, read_bounded,
};
pub use path::PathView;
pub use quy_tac::{GiaTri, MucDo, QuyTacRieng};
pub use record::*;
pub use spans::SpanIndex;
pub use to_chuc::{ChiBo, DangBoCoSo, LeTrang, SoVanBan, ToChuc};

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

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
    /// Certificate of the class for new members (giấy chứng nhận học lớp bồi dưỡng đảng viên mới),
    /// the first document of the full-membership dossier (38-HD/BTCTW §II.1.1.c).
    pub giay_chung_nhan_dang_vien_moi: Option<GiayChungNhan>,
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
#[derive(Debug, Clone)]
pub struct Record {
    /// The stable id: the file name without `.yaml`.
    pub id: String,
    /// The folder it lives in.
    pub folder: Folder,
    /// The data, boxed: a record is a few kilobytes, and loading (and the desk's live workspace
    /// on each change) moves thousands of them.
    pub nguoi: Box<Nguoi>,
    /// Positions of its values, for diagnostics.
    pub spans: SpanIndex,
}

/// The organisation file with its positions.
#[derive(Debug, Clone)]
pub struct OrgRecord {
    /// The data.
    pub to_chuc: ToChuc,
    /// Positions of its values.
    pub spans: SpanIndex,
}

/// A loaded workspace: the organisation and every person whose file could be read.
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone)]
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

    /// Whether the chi bộ of `nguoi` (the workspace's chi bộ when `None`: a blank form) has a chi
    /// ủy: what its entry of `cac_chi_bo` says, else the workspace's `co_chi_uy`, else yes.
    /// Without one, the bí thư collects the comments and signs the summaries (verified-2025.md).
    pub fn has_chi_uy(&self, nguoi: Option<&Nguoi>) -> bool {
        let branch = nguoi
            .and_then(|n| self.branch_of(n))
            .and_then(|id| self.branch(id));
        branch
            .and_then(|b| b.co_chi_uy)
            .or(self.org.to_chuc.co_chi_uy)
            .unwrap_or(true)
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
