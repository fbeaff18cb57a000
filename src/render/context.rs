//! The typed data a form template sees. Built from a checked person (or left empty for a blank
//! form); every field a template prints is here, so a template cannot reach anything else.

use crate::forms::{Form, RegulationSet};
use crate::model::{
    BaoCaoThamDinh, ChucVu, GioiThieuDoanThe, GioiTinh, HopChiBo, KetNapLai, LeTrang, LyLich, Ngay,
    NghiQuyetDangUy, Nguoi, NguoiGioiThieu, NhanXetGiupDo, QuyetDinh, SoDangVien, TongHopNhanXet,
    TrinhDo, TuKiemDiem, XacNhan, YKien,
};
use crate::plan::Plan;
use crate::validate::Person;
use serde::Serialize;

/// Everything a form template receives.
#[derive(Debug, Serialize)]
pub struct FormContext {
    /// The form itself (code, title, ...).
    pub mau: Form,
    /// The organisation.
    pub to_chuc: OrgView,
    /// The document: number, date, place.
    pub van_ban: DocView,
    /// The person the form is about (all `none` on a blank form).
    pub nguoi: PersonView,
    /// The sponsors, each with the member's own data (one letter each for 3-KNĐ).
    pub gioi_thieu: Vec<SponsorView>,
    /// The branch meeting of this form: on admission (6-KNĐ), or on full membership (13-KNĐ).
    pub hop: MeetingView,
    /// The number of that meeting's resolution, from the register: "05-NQ/CB".
    pub nq_chi_bo: Option<String>,
    /// The full-membership variant of a shared template (12, 13, 14, 15, 16-KNĐ).
    pub chinh_thuc: bool,
    /// Re-admission: the earlier membership (`none` for a first admission).
    pub ket_nap_lai: Option<KetNapLai>,
    /// The personal history (2-KNĐ).
    pub ly_lich: LyLich,
    /// The Youth Union or Trade Union resolution (4-KNĐ, 4A-KNĐ).
    pub doan_the: DoanTheView,
    /// The summary of comments of this form's stage (5-KNĐ, 12-KNĐ).
    pub nhan_xet: NhanXetView,
    /// The sub-committee's appraisal of this form's stage (7-KNĐ, 14-KNĐ).
    pub tham_dinh: BaoCaoThamDinh,
    /// The grassroots committee's resolution of this form's stage (8-KNĐ, 15-KNĐ).
    pub nq_dang_uy: CommitteeView,
    /// The decision of this form's stage (9-KNĐ, 16-KNĐ), with everyone it names.
    pub quyet_dinh: DecisionView,
    /// The admission decision, whatever the form (13-KNĐ cites it).
    pub ket_nap: DecisionView,
    /// The admission ceremony, with everyone admitted that day.
    pub le_ket_nap: CeremonyView,
    /// The probation: from the ceremony, 12 months.
    pub du_bi: ProbationView,
    /// The self-review (10-KNĐ).
    pub tu_kiem_diem: SelfReviewView,
    /// The mentor's assessment (11-KNĐ).
    pub nhan_xet_giup_do: NhanXetGiupDo,
    /// The mentor.
    pub giup_do: PersonView,
    /// The dossier checklist (cover page).
    pub ho_so: Option<DossierView>,
    /// The regulations cited in "Căn cứ ..." lines.
    pub quy_dinh: Option<RegulationSet>,
    /// Page margins (mm).
    pub le_trang: LeTrang,
    /// A draft: printed with a "BẢN NHÁP" watermark.
    pub ban_nhap: bool,
    /// A blank form for handwriting.
    pub mau_trang: bool,
    /// In a dossier, the dossier page the form starts on (its page on the cover's checklist): the
    /// form's pages print the dossier's numbers. `none` for a form printed alone.
    pub trang_dau: Option<usize>,
}

/// The organisation as forms print it.
#[derive(Debug, Default, Serialize)]
pub struct OrgView {
    /// The organisation above the đảng bộ: "Đảng bộ tỉnh Quảng Ninh".
    pub cap_tren: Option<String>,
    /// The đảng ủy bộ phận, if any.
    pub dang_uy_bo_phan: Option<String>,
    /// "Đảng bộ phường Hồng Gai".
    pub dang_bo: Option<String>,
    /// "Đảng ủy phường Hồng Gai".
    pub dang_uy: Option<String>,
    /// "Chi bộ Khu phố 5".
    pub chi_bo: Option<String>,
    /// "Hạ Long".
    pub dia_danh: Option<String>,
    /// The secretary's name.
    pub bi_thu: Option<String>,
    /// The chi bộ has a chi ủy: the person's branch's `co_chi_uy` in `cac_chi_bo`, else the
    /// workspace's, else yes (`Workspace::has_chi_uy`).
    pub co_chi_uy: bool,
}

/// The document's own data.
#[derive(Debug, Default, Serialize)]
pub struct DocView {
    /// The number from the register, zero-padded: "05".
    pub so: Option<String>,
    /// The symbol after the number: "NQ/CB".
    pub ky_hieu: Option<String>,
    /// The date the document bears.
    pub ngay: Option<Ngay>,
}

/// A person as forms print them.
#[derive(Debug, Default, Clone, Serialize)]
pub struct PersonView {
    pub ho_ten: Option<String>,
    pub ten_khai_sinh: Option<String>,
    pub bi_danh: Option<String>,
    pub gioi_tinh: Option<GioiTinh>,
    pub ngay_sinh: Option<Ngay>,
    pub noi_sinh: Option<String>,
    pub que_quan: Option<String>,
    pub noi_o: Option<String>,
    pub dan_toc: Option<String>,
    pub ton_giao: Option<String>,
    pub nghe_nghiep: Option<String>,
    pub noi_lam_viec: Option<String>,
    pub trinh_do: TrinhDo,
    pub chuc_vu: ChucVu,
    /// Admission date (members).
    pub ngay_vao_dang: Option<Ngay>,
    /// Full-membership date (members).
    pub ngay_chinh_thuc: Option<Ngay>,
    /// The application's date.
    pub ngay_lam_don: Option<Ngay>,
    /// The applicant's statement for the draft application.
    pub noi_dung_don: Option<String>,
}

impl PersonView {
    /// The view of a person of the checked workspace.
    pub fn of(p: Person<'_>) -> Self {
        let n = p.nguoi();
        PersonView {
            ho_ten: n.ho_ten.clone(),
            ten_khai_sinh: n.ten_khai_sinh.clone(),
            bi_danh: n.bi_danh.clone(),
            gioi_tinh: n.gioi_tinh,
            ngay_sinh: n.ngay_sinh,
            noi_sinh: n.noi_sinh.clone(),
            que_quan: n.que_quan.clone(),
            noi_o: n.noi_o.clone(),
            dan_toc: n.dan_toc.clone(),
            ton_giao: n.ton_giao.clone(),
            nghe_nghiep: n.nghe_nghiep.clone(),
            noi_lam_viec: n.noi_lam_viec.clone(),
            trinh_do: n.trinh_do.clone().unwrap_or_default(),
            chuc_vu: n.chuc_vu.clone().unwrap_or_default(),
            ngay_vao_dang: n.ngay_ket_nap(),
            ngay_chinh_thuc: p.full_membership_date(),
            ngay_lam_don: n.don_xin_vao_dang.as_ref().and_then(|d| d.ngay),
            noi_dung_don: n.don_xin_vao_dang.as_ref().and_then(|d| d.noi_dung.clone()),
        }
    }
}

/// One sponsor: the member and what they wrote.
#[derive(Debug, Default, Serialize)]
pub struct SponsorView {
    /// The sponsoring member.
    pub dang_vien: PersonView,
    /// The letter's content and dates.
    pub thu: NguoiGioiThieu,
}

/// The branch meeting, with the figures the resolution prints derived once here.
#[derive(Debug, Default, Serialize)]
pub struct MeetingView {
    pub ngay: Option<Ngay>,
    /// Members of the branch.
    pub dang_vien: CountView,
    /// Members present.
    pub co_mat: CountView,
    /// Members absent = members − present, by category.
    pub vang_mat: CountView,
    pub ly_do_vang: Option<String>,
    /// Official members convened: the denominator of the vote (294-QĐ/TW §9.3.2).
    pub trieu_tap: Option<u32>,
    pub chu_tri: Option<String>,
    /// The chair's position in the branch.
    pub chu_tri_chuc_vu: Option<String>,
    pub thu_ky: Option<String>,
    pub ly_lich: Option<String>,
    pub uu_diem: Option<String>,
    pub khuyet_diem: Option<String>,
    pub tan_thanh: Option<u32>,
    pub khong_tan_thanh: Option<u32>,
}

/// How a view finds a person named by id: through the render, which keeps track of whom it read.
pub type Lookup<'a> = dyn Fn(Option<&str>) -> Option<&'a Nguoi> + 'a;

impl MeetingView {
    /// The view of a recorded meeting; names of the chair and secretary looked up by `person`.
    pub fn of(h: &HopChiBo, person: &Lookup<'_>) -> Self {
        let name = |id: &Option<String>| person(id.as_deref()).and_then(|n| n.ho_ten.clone());
        let absent = match (h.dang_vien, h.co_mat) {
            (Some(all), Some(p)) => Some(SoDangVien {
                chinh_thuc: all.chinh_thuc.saturating_sub(p.chinh_thuc),
                du_bi: all.du_bi.saturating_sub(p.du_bi),
            }),
            _ => None,
        };
        MeetingView {
            ngay: h.ngay,
            dang_vien: CountView::of(h.dang_vien),
            co_mat: CountView::of(h.co_mat),
            vang_mat: CountView::of(absent),
            ly_do_vang: h.ly_do_vang.clone(),
            trieu_tap: h
                .dang_vien
                .map(|d| d.chinh_thuc.saturating_sub(h.khong_trieu_tap)),
            chu_tri: name(&h.chu_tri),
            chu_tri_chuc_vu: person(h.chu_tri.as_deref())
                .and_then(|n| n.chuc_vu.as_ref()?.dang.clone()),
            thu_ky: name(&h.thu_ky),
            ly_lich: h.ly_lich.clone(),
            uu_diem: h.uu_diem.clone(),
            khuyet_diem: h.khuyet_diem.clone(),
            tan_thanh: h.tan_thanh,
            khong_tan_thanh: h.khong_tan_thanh,
        }
    }
}

/// A count of members as forms print it; every figure `none` on a blank form.
#[derive(Debug, Default, Serialize)]
pub struct CountView {
    /// Official and probationary together.
    pub tong: Option<u32>,
    /// Official members.
    pub chinh_thuc: Option<u32>,
    /// Probationary members.
    pub du_bi: Option<u32>,
}

impl CountView {
    fn of(count: Option<SoDangVien>) -> Self {
        count.map_or_else(CountView::default, |c| CountView {
            tong: Some(c.tong()),
            chinh_thuc: Some(c.chinh_thuc),
            du_bi: Some(c.du_bi),
        })
    }
}

/// The Youth Union or Trade Union resolution, with the absent members derived.
#[derive(Debug, Default, Serialize)]
pub struct DoanTheView {
    /// As recorded.
    #[serde(flatten)]
    pub nghi_quyet: GioiThieuDoanThe,
    /// Members absent = members − present.
    pub vang_mat: Option<u32>,
    /// True for the trade union (4A-KNĐ).
    pub cong_doan: bool,
}

impl DoanTheView {
    /// The view of a recorded resolution.
    pub fn of(r: &GioiThieuDoanThe) -> Self {
        DoanTheView {
            vang_mat: absent(r.tong_so, r.co_mat),
            cong_doan: r.loai == Some(crate::model::DoanThe::CongDoan),
            nghi_quyet: r.clone(),
        }
    }
}

fn absent(all: Option<u32>, present: Option<u32>) -> Option<u32> {
    Some(all?.saturating_sub(present?))
}

/// The summary of comments, the residence committee always present (blank when unknown).
#[derive(Debug, Default, Serialize)]
pub struct NhanXetView {
    pub ngay: Option<Ngay>,
    pub doan_the: Vec<YKien>,
    pub noi_cu_tru: YKien,
    /// Whether a residence committee's comments are recorded.
    pub co_noi_cu_tru: bool,
    /// The chi ủy's conclusion.
    pub ket_luan: Option<String>,
}

impl NhanXetView {
    /// The view of a recorded summary.
    pub fn of(t: &TongHopNhanXet) -> Self {
        NhanXetView {
            ngay: t.ngay,
            doan_the: t.doan_the.clone(),
            noi_cu_tru: t.noi_cu_tru.clone().unwrap_or_default(),
            co_noi_cu_tru: t.noi_cu_tru.is_some(),
            ket_luan: t.ket_luan.clone(),
        }
    }
}

/// A resolution of the đảng ủy cơ sở, issuer names defaulted from the workspace.
#[derive(Debug, Default, Serialize)]
pub struct CommitteeView {
    #[serde(flatten)]
    pub nghi_quyet: NghiQuyetDangUy,
    /// Members absent = members − present.
    pub vang_mat: Option<u32>,
}

impl CommitteeView {
    /// The view of a recorded resolution; `dang_uy`/`cap_tren` fill the issuer when not recorded.
    pub fn of(r: &NghiQuyetDangUy, org: &OrgView) -> Self {
        let mut nghi_quyet = r.clone();
        nghi_quyet.co_quan = nghi_quyet.co_quan.or_else(|| org.dang_uy.clone());
        nghi_quyet.cap_tren = nghi_quyet.cap_tren.or_else(|| org.cap_tren.clone());
        CommitteeView {
            vang_mat: absent(r.uy_vien, r.co_mat),
            nghi_quyet,
        }
    }
}

/// A decision (9-KNĐ, 16-KNĐ) and everyone it names.
#[derive(Debug, Default, Serialize)]
pub struct DecisionView {
    /// As recorded, issuer and signer defaulted.
    #[serde(flatten)]
    pub quyet_dinh: QuyetDinh,
    /// Signed by a deputy: "K/T BÍ THƯ, PHÓ BÍ THƯ".
    pub ky_thay: bool,
    /// Everyone named in the decision (same number and date), in id order.
    pub nguoi: Vec<DecidedPerson>,
}

/// One person named in a decision.
#[derive(Debug, Default, Serialize)]
pub struct DecidedPerson {
    pub nguoi: PersonView,
    /// The branch meeting that proposed it.
    pub ngay_hop_chi_bo: Option<Ngay>,
    /// For 16-KNĐ: the admission date and full-membership date.
    pub ngay_vao_dang: Option<Ngay>,
    pub ngay_chinh_thuc: Option<Ngay>,
    /// Re-admitted.
    pub ket_nap_lai: bool,
    /// The chi bộ resolution proposing it, "05-NQ/CB", from the register.
    pub nghi_quyet_chi_bo: Option<String>,
    /// The đảng ủy cơ sở resolution proposing it, if any.
    pub nghi_quyet_dang_uy: Option<String>,
    /// Its date.
    pub ngay_nghi_quyet_dang_uy: Option<Ngay>,
    /// The written consent to a re-admission, if any.
    pub dong_y: Option<crate::model::VanBan>,
}

impl DecisionView {
    /// The view of a recorded decision; `group` are the records it names.
    pub fn of(q: &QuyetDinh, org: &OrgView, group: Vec<DecidedPerson>) -> Self {
        let mut quyet_dinh = q.clone();
        quyet_dinh.co_quan = quyet_dinh.co_quan.or_else(|| org.dang_uy.clone());
        quyet_dinh.cap_tren = quyet_dinh.cap_tren.or_else(|| org.cap_tren.clone());
        quyet_dinh.tap_the = quyet_dinh.tap_the.or_else(|| Some("Ban Thường vụ".into()));
        let ky_thay = quyet_dinh
            .chuc_vu_ky
            .as_deref()
            .is_some_and(|c| c.to_lowercase().contains("phó"));
        DecisionView {
            quyet_dinh,
            ky_thay,
            nguoi: group,
        }
    }
}

impl DecidedPerson {
    /// One person of a decision: on admission, or on full membership.
    pub fn of(p: Person<'_>, chinh_thuc: bool) -> Self {
        let n = p.nguoi();
        let (hop, nq) = if chinh_thuc {
            (&n.hop_xet_chinh_thuc, &n.nghi_quyet_dang_uy_chinh_thuc)
        } else {
            (&n.hop_chi_bo, &n.nghi_quyet_dang_uy)
        };
        DecidedPerson {
            nguoi: PersonView::of(p),
            ngay_hop_chi_bo: hop.as_ref().and_then(|h| h.ngay),
            ngay_vao_dang: n.ngay_ket_nap(),
            ngay_chinh_thuc: p.full_membership_date(),
            ket_nap_lai: n.ket_nap_lai.is_some(),
            nghi_quyet_chi_bo: None,
            nghi_quyet_dang_uy: nq.as_ref().and_then(|q| q.so.clone()),
            ngay_nghi_quyet_dang_uy: nq.as_ref().and_then(|q| q.ngay),
            dong_y: n.ket_nap_lai.as_ref().and_then(|k| k.dong_y.clone()),
        }
    }
}

/// The admission ceremony and everyone admitted at it, one at a time (R47).
#[derive(Debug, Default, Serialize)]
pub struct CeremonyView {
    pub ngay: Option<Ngay>,
    pub gio: Option<String>,
    pub dia_diem: Option<String>,
    pub dai_bieu_cap_tren: Option<String>,
    pub nguoi: Vec<CeremonyPerson>,
}

/// One person admitted at the ceremony.
#[derive(Debug, Default, Serialize)]
pub struct CeremonyPerson {
    pub ho_ten: Option<String>,
    pub quyet_dinh_so: Option<String>,
    pub quyet_dinh_ngay: Option<Ngay>,
    pub quyet_dinh_co_quan: Option<String>,
    /// The mentor's name.
    pub giup_do: Option<String>,
    pub ket_nap_lai: bool,
}

/// The probation period.
#[derive(Debug, Default, Serialize)]
pub struct ProbationView {
    /// The ceremony.
    pub tu: Option<Ngay>,
    /// 12 months later (R36).
    pub den: Option<Ngay>,
}

/// The self-review with the committee's comment always present (blank when unknown).
#[derive(Debug, Default, Serialize)]
pub struct SelfReviewView {
    #[serde(flatten)]
    pub ban_kiem_diem: TuKiemDiem,
    pub chi_uy: XacNhan,
}

/// A dossier's cover: the checklist with what the record holds.
#[derive(Debug, Default, Serialize)]
pub struct DossierView {
    pub ten: String,
    pub tai_lieu: Vec<DossierLine>,
}

impl DossierView {
    /// The cover's checklist of a plan, with the page where each printed document starts when
    /// the cover goes in front of the dossier (`starts`, one per item).
    pub fn of(plan: &Plan, starts: Option<&[Option<usize>]>) -> Self {
        DossierView {
            ten: plan.dossier.ten.clone(),
            tai_lieu: plan
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| DossierLine {
                    ten: item.ten.clone(),
                    mau: item.form.map(|f| f.ma.clone()),
                    co: item.present,
                    trang: starts.and_then(|s| s.get(i).copied().flatten()),
                })
                .collect(),
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Default, Serialize)]
pub struct DossierLine {
    pub ten: String,
    pub mau: Option<String>,
    /// The record holds it.
    pub co: bool,
    /// Where it starts in the printed dossier (page labels of the forms, from 1); none when the
    /// cover is printed alone or the document is not printed by hoso (handwritten ones).
    pub trang: Option<usize>,
}

/// The meeting view of a recorded meeting, or blank.
pub fn meeting(h: Option<&HopChiBo>, person: &Lookup<'_>) -> MeetingView {
    h.map(|h| MeetingView::of(h, person)).unwrap_or_default()
}
