/*!
`bao-cao.yaml`: what a bulletin article needs that the records of people cannot give.

Targets (chỉ tiêu) per term and per year, figures stated by someone else (a parent committee's
totals, members of branches whose records are not kept here), and the clerk's notes for the
article: the organisation's context, methods, highlights, difficulties, a leader's words, the
author. The file is optional; without it an article still states what the records give.
*/

use super::Ngay;
use serde::{Deserialize, Serialize};

/// The file's name in the workspace.
pub const BAO_CAO_FILE: &str = "bao-cao.yaml";

/// The contents of `bao-cao.yaml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct BaoCao {
    /// The organisation's context, one or two sentences: when it was founded, what it is made of.
    pub gioi_thieu: Option<String>,
    /// The committee's terms, with the target of new members for each.
    #[serde(default)]
    pub nhiem_ky: Vec<NhiemKy>,
    /// Yearly targets of new members, for the whole organisation or one branch.
    #[serde(default)]
    pub chi_tieu_nam: Vec<ChiTieuNam>,
    /// Figures the records cannot give, each with where it comes from.
    #[serde(default)]
    pub so_lieu: Vec<SoLieu>,
    /// How the organisation went about it (giải pháp, cách làm).
    #[serde(default)]
    pub bien_phap: Vec<String>,
    /// Highlights: a model branch, a notable admission.
    #[serde(default)]
    pub noi_bat: Vec<String>,
    /// Difficulties and their causes.
    #[serde(default)]
    pub kho_khan: Vec<String>,
    /// What comes next.
    #[serde(default)]
    pub phuong_huong: Vec<String>,
    /// The words of the people quoted, in the order the article quotes them: one quote (a map)
    /// or several (a list).
    #[serde(default, deserialize_with = "one_or_many")]
    pub trich_dan: Vec<TrichDan>,
    /// The author of the article, as the byline prints it.
    pub tac_gia: Option<String>,
    /// Notes of one unit (a chi bộ or a đảng bộ cơ sở), used by the articles about it alone
    /// (`--branch`): the workspace's own notes speak for the whole organisation.
    #[serde(default)]
    pub cac_don_vi: Vec<GhiChepDonVi>,
}

/// The notes of one unit, for an article about it alone.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct GhiChepDonVi {
    /// The unit's id: a `ma` of `cac_chi_bo` or of `cac_dang_bo_co_so` in `to-chuc.yaml`.
    pub ma: Option<String>,
    /// Its context.
    pub gioi_thieu: Option<String>,
    /// Its methods.
    #[serde(default)]
    pub bien_phap: Vec<String>,
    /// Its highlights.
    #[serde(default)]
    pub noi_bat: Vec<String>,
    /// Its difficulties.
    #[serde(default)]
    pub kho_khan: Vec<String>,
    /// Its next steps.
    #[serde(default)]
    pub phuong_huong: Vec<String>,
    /// Words of its people.
    #[serde(default, deserialize_with = "one_or_many")]
    pub trich_dan: Vec<TrichDan>,
}

/// A value written once as a map, or as a list of them. The map is read by `T` itself (not
/// buffered), so that an unknown key inside it is still reported with its line.
fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct OneOrMany<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for OneOrMany<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map or a list of maps")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
            T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(|one| vec![one])
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut all = Vec::new();
            while let Some(item) = seq.next_element()? {
                all.push(item);
            }
            Ok(all)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
    }
    deserializer.deserialize_any(OneOrMany(std::marker::PhantomData))
}

/// One term of the committee (nhiệm kỳ).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NhiemKy {
    /// First day of the term (the congress).
    pub tu: Option<Ngay>,
    /// Last day of the term.
    pub den: Option<Ngay>,
    /// New members the congress resolution set as the target for the whole term.
    pub chi_tieu: Option<u32>,
}

/// A yearly target.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ChiTieuNam {
    /// The year.
    pub nam: Option<i16>,
    /// New members to admit that year.
    pub chi_tieu: Option<u32>,
    /// The branch it was given to, an id of `cac_chi_bo`; absent: the whole organisation.
    pub chi_bo: Option<String>,
}

/// A figure stated rather than computed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct SoLieu {
    /// A short id (`tong_dang_vien_khoi`); the id of a computed figure replaces that figure.
    pub ma: Option<String>,
    /// What it counts, as the article would name it.
    pub nhan: Option<String>,
    /// The value.
    pub gia_tri: Option<f64>,
    /// Appended to the value: `%`, or a unit such as `đảng viên`.
    pub don_vi: Option<String>,
    /// Where it comes from: a report, a committee, a newspaper.
    pub nguon: Option<String>,
    /// The first day of the period it is for; with `den`, it is used only for that period.
    pub tu: Option<Ngay>,
    /// The last day of the period it is for.
    pub den: Option<Ngay>,
    /// The unit it is about, an id of `cac_chi_bo` or `cac_dang_bo_co_so`: it then appears only
    /// in the articles about that unit (`--branch`); absent: the whole organisation.
    pub cua: Option<String>,
    /// The sentence that states it, with `{}` where the value goes: "Toàn Khối kết nạp {} đảng
    /// viên". Without it the article writes "Theo <nguon>, <nhan> là <value>."
    pub cau: Option<String>,
}

/// A leader's words, quoted in the article.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct TrichDan {
    /// What was said.
    pub loi: Option<String>,
    /// Who said it.
    pub nguoi: Option<String>,
    /// Their position: "Bí thư Đảng ủy phường Hồng Gai".
    pub chuc_vu: Option<String>,
    /// How the article introduces the words: "cho biết" (the default), "khẳng định", "chia sẻ".
    pub cach_noi: Option<String>,
}
