/*!
The parameters of the rules in one set, typed: the checks read `set.params.r36.thang_du_bi`, a
field the compiler knows, never a name looked up at run time.

They are built from the rule set's data (`forms/quy-tac.yaml`, with the set's changes and a
workspace's stricter values) through serde with `deny_unknown_fields`: a parameter the data lacks,
one it has that no check reads, or a value of the wrong kind (a list where a number is expected, a
negative month count, a reason for leaving the Party that does not exist) is an error when the
rules are loaded, so a typo cannot turn into a zero that passes every test.
*/

use super::Rule;
use crate::model::{GiaTri, HinhThucRaKhoiDang};
use serde::{Deserialize, Serialize};

/// A ratio `a/b` written `2/3` in the data (a whole number `n` is `n/1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "GiaTri", into = "GiaTri")]
pub struct Ratio {
    /// The numerator.
    pub a: u64,
    /// The denominator, never 0.
    pub b: u64,
}

impl Ratio {
    /// Whether `yes` out of `of` reaches the ratio.
    pub fn reached(self, yes: u64, of: u64) -> bool {
        yes * self.b >= self.a * of
    }
}

impl TryFrom<GiaTri> for Ratio {
    type Error = String;
    fn try_from(value: GiaTri) -> Result<Ratio, String> {
        value
            .ratio()
            .map(|(a, b)| Ratio { a, b })
            .ok_or_else(|| format!("`{value}` is not a ratio such as 2/3"))
    }
}

impl From<Ratio> for GiaTri {
    fn from(r: Ratio) -> GiaTri {
        GiaTri::Chu(r.to_string())
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.a, self.b)
    }
}

/// A yes-or-no parameter, written 1 or 0 in the data (so that a workspace's stricter value is
/// compared as a number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Flag(pub bool);

impl TryFrom<u8> for Flag {
    type Error = String;
    fn try_from(n: u8) -> Result<Flag, String> {
        match n {
            0 => Ok(Flag(false)),
            1 => Ok(Flag(true)),
            _ => Err(format!("{n} is neither 0 nor 1")),
        }
    }
}

impl From<Flag> for u8 {
    fn from(f: Flag) -> u8 {
        u8::from(f.0)
    }
}

/// Every parameter of every rule of a set. Adding a parameter to the data without a field here,
/// or a field here without the parameter in the data, fails to load (and the tests load every
/// set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(rename = "R2")]
    pub r2: R2,
    #[serde(rename = "R4")]
    pub r4: MinGrade,
    #[serde(rename = "R5")]
    pub r5: MinGrade,
    #[serde(rename = "R13")]
    pub r13: Validity,
    #[serde(rename = "R14")]
    pub r14: Validity,
    #[serde(rename = "R16")]
    pub r16: Validity,
    #[serde(rename = "R20")]
    pub r20: R20,
    #[serde(rename = "R21")]
    pub r21: R21,
    #[serde(rename = "R25")]
    pub r25: Majority,
    #[serde(rename = "R26")]
    pub r26: R26,
    #[serde(rename = "R27")]
    pub r27: R27,
    #[serde(rename = "R28")]
    pub r28: Majority,
    #[serde(rename = "R29")]
    pub r29: Majority,
    #[serde(rename = "R31")]
    pub r31: R31,
    #[serde(rename = "R32")]
    pub r32: WorkingDays,
    #[serde(rename = "R33")]
    pub r33: WorkingDays,
    #[serde(rename = "R34")]
    pub r34: WorkingDays,
    #[serde(rename = "R36")]
    pub r36: R36,
    #[serde(rename = "R40")]
    pub r40: R40,
    #[serde(rename = "R41")]
    pub r41: R41,
}

/// R2: the age, in whole months on the day of the branch meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct R2 {
    pub tuoi_tu_thang: u32,
    pub tuoi_den_thang: u32,
    /// Ages this close to a bound are flagged for a person to check.
    pub xem_lai_thang: u32,
}

/// R4, R5: the school grade completed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinGrade {
    pub lop_toi_thieu: u32,
}

/// R13, R14, R16: how many months a paper is valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    pub thang_hieu_luc: u32,
}

/// R20: the sponsors, and youth age in whole years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct R20 {
    pub so_nguoi: u32,
    pub so_nguoi_co_doan_the: u32,
    pub tuoi_thanh_nien_tu: u32,
    pub tuoi_thanh_nien_den: u32,
}

/// R21: the months a sponsor has worked, studied or lived with the applicant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct R21 {
    pub thang_cung_cong_tac: u32,
}

/// R25, R28, R29: the share of votes a resolution needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Majority {
    pub ty_le: Ratio,
}

/// R26: whether members not convened leave the denominator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct R26 {
    pub tru_khong_trieu_tap: Flag,
}

/// R27: the smallest branch, in full members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct R27 {
    pub chinh_thuc_toi_thieu: u32,
}

/// R31: the working days the competent committee has for its decisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct R31 {
    pub ngay_ket_nap: u32,
    pub ngay_chinh_thuc: u32,
    pub gia_han_toi_da: u32,
}

/// R32, R33, R34: a time limit in working days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingDays {
    pub ngay_lam_viec: u32,
}

/// R36: the months of probation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct R36 {
    pub thang_du_bi: u32,
}

/// R40: the months before re-admission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct R40 {
    pub thang_cho: u32,
    pub thang_sau_xoa_an_tich: u32,
}

/// R41: the ways of leaving that bar re-admission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct R41 {
    pub khong_ket_nap_lai: Vec<HinhThucRaKhoiDang>,
}

impl Params {
    /// The typed parameters of a set's rules, or what is missing, unknown or of the wrong kind
    /// (`R31.ngay_ket_nap: invalid type ...`).
    pub fn of(rules: &[Rule]) -> Result<Params, String> {
        let mut map = serde_json::Map::new();
        for rule in rules.iter().filter(|r| !r.tham_so.is_empty()) {
            let values = rule
                .tham_so
                .iter()
                .map(|p| Ok((p.ten.clone(), serde_json::to_value(&p.gia_tri)?)))
                .collect::<Result<serde_json::Map<_, _>, serde_json::Error>>()
                .map_err(|e| e.to_string())?;
            map.insert(rule.ma.clone(), serde_json::Value::Object(values));
        }
        serde_path_to_error::deserialize(serde_json::Value::Object(map)).map_err(|e| {
            let path = e.path().to_string();
            format!("rule parameter `{path}`: {}", e.into_inner())
        })
    }
}
