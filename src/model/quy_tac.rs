//! The workspace's own rules (`quy_tac_rieng` in `to-chuc.yaml`) and the values rule parameters
//! take; the rule book (`crate::rules`) reads the same values from `forms/quy-tac.yaml`.

use crate::diag::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// How serious a breach of a rule is, as the YAML says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MucDo {
    /// A warning (`canh_bao`).
    CanhBao,
    /// An error (`loi`).
    Loi,
}

impl MucDo {
    /// The diagnostic severity.
    pub fn severity(self) -> Severity {
        match self {
            MucDo::CanhBao => Severity::Warning,
            MucDo::Loi => Severity::Error,
        }
    }
}

/// A parameter's value: a number, a ratio written `2/3`, or a list of names.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum GiaTri {
    /// A number: months, days, people.
    So(i64),
    /// A list of names (reasons for leaving that bar re-admission).
    DanhSach(Vec<String>),
    /// Text; a ratio such as `2/3`.
    Chu(String),
}

impl GiaTri {
    /// The ratio `a/b` (a number `n` is `n/1`).
    pub fn ratio(&self) -> Option<(u64, u64)> {
        match self {
            GiaTri::So(n) => u64::try_from(*n).ok().map(|n| (n, 1)),
            GiaTri::Chu(t) => {
                let (a, b) = t.split_once('/').unwrap_or((t, "1"));
                let (a, b): (u64, u64) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
                (b > 0).then_some((a, b))
            }
            GiaTri::DanhSach(_) => None,
        }
    }
}

impl fmt::Display for GiaTri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GiaTri::So(n) => write!(f, "{n}"),
            GiaTri::Chu(t) => f.write_str(t),
            GiaTri::DanhSach(items) => write!(f, "[{}]", items.join(", ")),
        }
    }
}

/// A workspace's own rule: stricter parameters or a stricter severity for a rule of the sets
/// (`quy_tac_rieng` in `to-chuc.yaml`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct QuyTacRieng {
    /// The rule's code: `R13`.
    pub ma: String,
    /// Parameters, by name, with the local value: `thang_hieu_luc: 48`.
    #[serde(default)]
    pub tham_so: BTreeMap<String, GiaTri>,
    /// `loi` to make a warning rule an error.
    pub muc_do: Option<MucDo>,
    /// Where the local rule comes from: "Hướng dẫn 05-HD/ĐU của Đảng ủy phường".
    pub can_cu: Option<String>,
}
