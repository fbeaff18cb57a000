//! The organisation's file (`to-chuc.yaml`): the chi bộ and the đảng bộ above it, their document
//! register, their branches, their own rules and days off.

use super::{Ngay, QuyTacRieng};
use serde::{Deserialize, Serialize};

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
    /// Whether the chi bộ has a chi ủy (a committee: from nine full members). Without one, the
    /// bí thư collects the comments and signs the summaries (5-KNĐ, 12-KNĐ; verified-2025.md).
    /// Taken as having one when not said.
    pub co_chi_uy: Option<bool>,
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
    /// Whether this branch has a chi ủy; absent: as the workspace's `co_chi_uy` says. Branches of
    /// one đảng bộ differ (a branch of fewer than nine full members has none).
    pub co_chi_uy: Option<bool>,
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
