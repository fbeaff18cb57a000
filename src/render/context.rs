//! The typed data a form template sees. Built from a checked person (or left empty for a blank
//! form); every field a template prints is here, so a template cannot reach anything else.

use crate::forms::{Form, RegulationSet};
use crate::model::{
    ChucVu, GioiTinh, HopChiBo, LeTrang, Ngay, Nguoi, NguoiGioiThieu, SoDangVien, TrinhDo,
    Workspace,
};
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
    /// The branch meeting (all `none` on a blank form).
    pub hop: MeetingView,
    /// The regulations cited in "Căn cứ ..." lines.
    pub quy_dinh: Option<RegulationSet>,
    /// Page margins (mm).
    pub le_trang: LeTrang,
    /// A draft: printed with a "BẢN NHÁP" watermark.
    pub ban_nhap: bool,
    /// A blank form for handwriting.
    pub mau_trang: bool,
}

/// The organisation as forms print it.
#[derive(Debug, Default, Serialize)]
pub struct OrgView {
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
#[derive(Debug, Default, Serialize)]
pub struct PersonView {
    pub ho_ten: Option<String>,
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
    /// The view of a record.
    pub fn of(n: &Nguoi) -> Self {
        PersonView {
            ho_ten: n.ho_ten.clone(),
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
            ngay_chinh_thuc: n.ngay_chinh_thuc(),
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

impl MeetingView {
    /// The view of a recorded meeting; names of the chair and secretary looked up in the workspace.
    pub fn of(h: &HopChiBo, workspace: &Workspace) -> Self {
        let person = |id: &Option<String>| id.as_deref().and_then(|id| workspace.person(id));
        let name = |id: &Option<String>| person(id).and_then(|r| r.nguoi.ho_ten.clone());
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
            chu_tri_chuc_vu: person(&h.chu_tri)
                .and_then(|r| r.nguoi.chuc_vu.as_ref()?.dang.clone()),
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
