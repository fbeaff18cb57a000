/*!
The figures of an article, each with how it was obtained.

Counts come from the records (admission, full membership, leaving, branch); what the records
cannot give comes from `bao-cao.yaml` as stated figures, marked with their source. A stated
figure with the id of a computed one replaces it, and every ratio is computed from the table as it
then stands, so that the article and its table can never disagree.
*/

use super::period::{Period, Term};
use crate::facts::{full_membership_date, membership_on};
use crate::model::{BaoCao, DoanThe, GioiTinh, Ngay, Nguoi};
use crate::validate::CheckedWorkspace;
use crate::vn;
use jiff::ToSpan;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// New members younger than this on the day of admission count as young (đảng viên trẻ).
pub const YOUNG_AGE: i16 = 30;

/// Where a figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "loai", rename_all = "snake_case")]
pub enum Source {
    /// Computed by `hoso` from the records (or from other figures of the table).
    Computed,
    /// Recorded in the workspace as it is: a target of `bao-cao.yaml`.
    Recorded,
    /// Stated in `bao-cao.yaml`, from this source.
    Stated {
        /// The source as the clerk wrote it.
        nguon: String,
    },
}

/// A figure's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A count of people or branches.
    Count(i64),
    /// A percentage (45.0 is 45%).
    Percent(f64),
    /// A stated number with its unit.
    Stated { number: f64, unit: Option<String> },
    /// Words that hold numbers: the period, its start and end.
    Text(String),
}

impl Value {
    /// The value as the article prints it: "1.045", "60,49%", "9 tháng đầu năm 2021".
    pub fn display(&self) -> String {
        match self {
            Value::Count(n) => vn::thousands(*n),
            Value::Percent(x) => format!("{}%", vn::decimal(*x, 2)),
            Value::Stated { number, unit } => {
                let n = vn::decimal(*number, 2);
                match unit.as_deref() {
                    None | Some("") => n,
                    Some("%") => format!("{n}%"),
                    Some(u) => format!("{n} {u}"),
                }
            }
            Value::Text(t) => t.clone(),
        }
    }

    /// The number behind the value, for templates' conditions and for ratios.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Count(n) => Some(*n as f64),
            Value::Percent(x) => Some(*x),
            Value::Stated { number, .. } => Some(*number),
            Value::Text(_) => None,
        }
    }
}

/// One figure of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Stable id, used by templates: `ket_nap`, `dang_vien_dau_ky`.
    pub id: String,
    /// What it is, in Vietnamese.
    pub label: String,
    /// The value.
    pub value: Value,
    /// How it was obtained, in Vietnamese.
    pub how: String,
    /// Computed or stated.
    pub source: Source,
}

/// The table of figures, in the order an article's reader would want them.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Every figure.
    pub list: Vec<Figure>,
    /// Per branch: the branch's name and its count of new members (several branches only).
    pub branches: Vec<(String, String)>,
    /// Ids of the stated figures that were added (rather than replacing a computed one).
    pub stated_added: Vec<String>,
}

impl Figures {
    /// The figure with this id.
    pub fn get(&self, id: &str) -> Option<&Figure> {
        self.list.iter().find(|f| f.id == id)
    }

    /// The number of the figure with this id.
    pub fn number(&self, id: &str) -> Option<f64> {
        self.get(id).and_then(|f| f.value.number())
    }

    fn push(&mut self, id: &str, label: &str, value: Value, how: String) {
        self.list.push(Figure {
            id: id.to_string(),
            label: label.to_string(),
            value,
            how,
            source: Source::Computed,
        });
    }

    /// `part / whole × 100` as a new figure, when both are in the table and `whole` is not zero.
    fn ratio(&mut self, id: &str, label: &str, part: &str, whole: &str) {
        if let (Some(p), Some(w)) = (self.number(part), self.number(whole))
            && w != 0.0
        {
            let how = format!("`{part}` / `{whole}` × 100, làm tròn 2 chữ số thập phân");
            self.push(id, label, Value::Percent(p / w * 100.0), how);
        }
    }
}

/// What the statistics are about: the whole organisation, or one branch of it.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    /// The branch id, for `--branch`.
    pub branch: Option<&'a str>,
}

/// A target found for the period, with what it is the target of.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// New members to admit.
    pub count: u32,
    /// "nhiệm kỳ 2020–2025", "năm 2021".
    pub of: String,
}

/// The terms recorded in `bao-cao.yaml` that have both ends.
pub fn terms(bao_cao: Option<&BaoCao>) -> Vec<Term> {
    bao_cao
        .map(|b| {
            b.nhiem_ky
                .iter()
                .filter_map(|t| {
                    Some(Term {
                        from: t.tu?,
                        to: t.den?,
                        target: t.chi_tieu,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The target the period is measured against: the term's for a term (or from its start), the
/// year's for a period within one year; a branch only has yearly targets of its own.
pub fn target(
    bao_cao: Option<&BaoCao>,
    period: &Period,
    terms: &[Term],
    scope: Scope,
) -> Option<Target> {
    if scope.branch.is_none()
        && let Some(term) = period.term(terms)
    {
        return term.target.map(|count| Target {
            count,
            of: format!("nhiệm kỳ {}", term.years()),
        });
    }
    let year = period.from.0.year();
    if year != period.to.0.year() {
        return None;
    }
    bao_cao?
        .chi_tieu_nam
        .iter()
        .find(|t| t.nam == Some(year) && t.chi_bo.as_deref() == scope.branch)
        .and_then(|t| t.chi_tieu)
        .map(|count| Target {
            count,
            of: format!("năm {year}"),
        })
}

/// What the target of a period would be, named for a message when it is missing.
pub fn target_wanted(period: &Period, terms: &[Term], scope: Scope) -> Option<String> {
    if scope.branch.is_none()
        && let Some(term) = period.term(terms)
    {
        return Some(format!("nhiệm kỳ {}", term.years()));
    }
    (period.from.0.year() == period.to.0.year()).then(|| format!("năm {}", period.from.0.year()))
}

/// Every figure of the period for the scope.
pub fn compute(checked: &CheckedWorkspace, period: &Period, scope: Scope) -> Figures {
    let workspace = checked.workspace();
    let rules = checked.rules();
    let bao_cao = workspace.bao_cao.as_ref().map(|r| &r.bao_cao);
    let terms = terms(bao_cao);
    let people: Vec<&Nguoi> = workspace
        .people
        .iter()
        .map(|r| &r.nguoi)
        .filter(|n| scope.branch.is_none() || workspace.branch_of(n) == scope.branch)
        .collect();
    let admitted: Vec<&Nguoi> = people
        .iter()
        .copied()
        .filter(|n| n.ngay_ket_nap().is_some_and(|d| period.contains(d)))
        .collect();
    let count = |pred: &dyn Fn(&Nguoi) -> bool| -> Value {
        Value::Count(admitted.iter().filter(|n| pred(n)).count() as i64)
    };
    let (from, to) = (period.from.short(), period.to.short());
    let in_period = format!("từ {from} đến {to}");
    let mut f = Figures::default();

    f.push(
        "ky",
        "Kỳ báo cáo",
        Value::Text(period.wording(&terms)),
        in_period.clone(),
    );
    f.push(
        "moc_dau_ky",
        "Đầu kỳ",
        Value::Text(period.start_wording(&terms)),
        format!("hết ngày {}", period.day_before().short()),
    );
    f.push(
        "moc_cuoi_ky",
        "Cuối kỳ",
        Value::Text(period.end_wording(&terms)),
        format!("hết ngày {to}"),
    );
    let members_at = |day: Ngay| {
        Value::Count(
            people
                .iter()
                .filter(|n| membership_on(n, rules, day).is_member())
                .count() as i64,
        )
    };
    let member_rule = "có ngày vào Đảng (ngày quyết định kết nạp, hoặc `ngay_vao_dang`) đến hết ngày {d} và chưa `ra_khoi_dang` đến ngày đó; tính cả đảng viên dự bị";
    f.push(
        "dang_vien_dau_ky",
        "Đảng viên đầu kỳ",
        members_at(period.day_before()),
        member_rule.replace("{d}", &period.day_before().short()),
    );
    f.push(
        "dang_vien_cuoi_ky",
        "Đảng viên cuối kỳ",
        members_at(period.to),
        member_rule.replace("{d}", &to),
    );
    f.push(
        "ket_nap",
        "Đảng viên mới kết nạp",
        count(&|_| true),
        format!("số người có ngày quyết định kết nạp (hoặc `ngay_vao_dang`) {in_period}"),
    );
    f.push(
        "ket_nap_nu",
        "Trong đó: nữ",
        count(&|n| n.gioi_tinh == Some(GioiTinh::Nu)),
        "trong số đảng viên mới, người có `gioi_tinh: nữ`".into(),
    );
    f.push(
        "tuoi_tre",
        "Ngưỡng tuổi của đảng viên trẻ",
        Value::Count(i64::from(YOUNG_AGE)),
        "đảng viên mới chưa đủ số tuổi này vào ngày kết nạp được tính là đảng viên trẻ".into(),
    );
    f.push(
        "ket_nap_duoi_30",
        "Trong đó: dưới 30 tuổi",
        count(&|n| young_when_admitted(n)),
        "trong số đảng viên mới, người chưa đủ `tuoi_tre` tuổi vào ngày kết nạp (tính từ `ngay_sinh`)".into(),
    );
    f.push(
        "ket_nap_dan_toc_thieu_so",
        "Trong đó: người dân tộc thiểu số",
        count(&|n| n.dan_toc.as_deref().is_some_and(is_ethnic_minority)),
        "trong số đảng viên mới, người có `dan_toc` ghi và không phải Kinh".into(),
    );
    f.push(
        "ket_nap_doan_gioi_thieu",
        "Trong đó: do Đoàn Thanh niên giới thiệu",
        count(&|n| {
            n.gioi_thieu_doan_the
                .as_ref()
                .is_some_and(|g| g.loai == Some(DoanThe::Doan))
        }),
        "trong số đảng viên mới, người có `gioi_thieu_doan_the.loai: doan`".into(),
    );
    f.push(
        "cong_nhan_chinh_thuc",
        "Đảng viên dự bị được công nhận chính thức",
        Value::Count(
            people
                .iter()
                .filter(|n| full_membership_date(n, rules).is_some_and(|d| period.contains(d)))
                .count() as i64,
        ),
        format!(
            "số người có ngày chính thức (hết 12 tháng dự bị khi đã có quyết định công nhận, hoặc `ngay_chinh_thuc`) {in_period}"
        ),
    );
    f.push(
        "ra_khoi_dang",
        "Ra khỏi danh sách (chuyển đi, từ trần, xóa tên...)",
        Value::Count(
            people
                .iter()
                .filter(|n| n.ngay_ra_khoi_dang().is_some_and(|d| period.contains(d)))
                .count() as i64,
        ),
        format!("số đảng viên có `ra_khoi_dang.ngay` {in_period}"),
    );

    let branches = &workspace.org.to_chuc.cac_chi_bo;
    if scope.branch.is_none() && !branches.is_empty() {
        let mut with_admission = 0;
        for b in branches {
            let n = admitted
                .iter()
                .filter(|n| workspace.branch_of(n) == Some(b.ma.as_str()))
                .count();
            if n > 0 {
                with_admission += 1;
            }
            f.branches.push((b.ten.clone(), vn::thousands(n as i64)));
            f.push(
                &format!("ket_nap_chi_bo_{}", b.ma),
                &format!("Kết nạp: {}", b.ten),
                Value::Count(n as i64),
                format!("đảng viên mới có `chi_bo: {}`", b.ma),
            );
        }
        f.push(
            "so_chi_bo",
            "Số chi bộ trực thuộc",
            Value::Count(branches.len() as i64),
            "số mục của `cac_chi_bo` trong `to-chuc.yaml`".into(),
        );
        f.push(
            "chi_bo_co_ket_nap",
            "Số chi bộ kết nạp được đảng viên",
            Value::Count(with_admission),
            format!("số chi bộ có ít nhất một đảng viên mới {in_period}"),
        );
    }

    let previous = period.previous(&terms);
    f.push(
        "ky_truoc",
        "Kỳ so sánh",
        Value::Text(previous.wording(&terms)),
        format!("từ {} đến {}", previous.from.short(), previous.to.short()),
    );
    f.push(
        "ket_nap_ky_truoc",
        "Đảng viên mới kết nạp trong kỳ so sánh",
        Value::Count(
            people
                .iter()
                .filter(|n| n.ngay_ket_nap().is_some_and(|d| previous.contains(d)))
                .count() as i64,
        ),
        format!(
            "như `ket_nap`, từ {} đến {} (chỉ đúng khi hồ sơ có đủ người của kỳ đó)",
            previous.from.short(),
            previous.to.short()
        ),
    );
    if let Some(t) = target(bao_cao, period, &terms, scope) {
        f.push(
            "chi_tieu",
            "Chỉ tiêu kết nạp",
            Value::Count(i64::from(t.count)),
            format!("chỉ tiêu {} ghi trong `bao-cao.yaml`", t.of),
        );
        f.push(
            "chi_tieu_cua",
            "Chỉ tiêu của",
            Value::Text(t.of.clone()),
            "kỳ mà chỉ tiêu được giao".into(),
        );
        for id in ["chi_tieu", "chi_tieu_cua"] {
            if let Some(fig) = f.list.iter_mut().find(|x| x.id == id) {
                fig.source = Source::Recorded;
            }
        }
    }

    if let Some(b) = bao_cao {
        apply_stated(&mut f, b, period);
    }
    derive(&mut f);
    f
}

/// Stated figures of `bao-cao.yaml` for this period: they replace a computed figure of the same
/// id, or are added.
fn apply_stated(f: &mut Figures, bao_cao: &BaoCao, period: &Period) {
    for s in &bao_cao.so_lieu {
        let (Some(id), Some(number)) = (&s.ma, s.gia_tri) else {
            continue;
        };
        let for_period = match (s.tu, s.den) {
            (None, None) => true,
            (from, to) => from == Some(period.from) && to == Some(period.to),
        };
        if !for_period {
            continue;
        }
        let nguon = s.nguon.clone().unwrap_or_default();
        let value = match &s.don_vi {
            None if number.fract() == 0.0 => Value::Count(number as i64),
            unit => Value::Stated {
                number,
                unit: unit.clone(),
            },
        };
        let stated = Figure {
            id: id.clone(),
            label: s.nhan.clone().unwrap_or_else(|| id.clone()),
            value,
            how: format!("số liệu nêu trong `bao-cao.yaml`, theo {nguon}"),
            source: Source::Stated { nguon },
        };
        match f.list.iter_mut().find(|x| &x.id == id) {
            Some(existing) => {
                let label = existing.label.clone();
                *existing = Figure { label, ..stated };
            }
            None => {
                f.stated_added.push(id.clone());
                f.list.push(stated);
            }
        }
    }
}

/// Ratios and comparisons, from the table as it stands.
fn derive(f: &mut Figures) {
    f.ratio(
        "ty_le_ket_nap",
        "Đảng viên mới so với tổng số đảng viên đầu kỳ",
        "ket_nap",
        "dang_vien_dau_ky",
    );
    f.ratio(
        "ty_le_doan_gioi_thieu",
        "Tỷ lệ đảng viên mới do Đoàn Thanh niên giới thiệu",
        "ket_nap_doan_gioi_thieu",
        "ket_nap",
    );
    f.ratio(
        "ty_le_nu",
        "Tỷ lệ nữ trong đảng viên mới",
        "ket_nap_nu",
        "ket_nap",
    );
    f.ratio(
        "ty_le_chi_bo_co_ket_nap",
        "Tỷ lệ chi bộ kết nạp được đảng viên",
        "chi_bo_co_ket_nap",
        "so_chi_bo",
    );
    if let (Some(now), Some(before)) = (f.number("ket_nap"), f.number("ket_nap_ky_truoc")) {
        f.push(
            "chenh_lech_ky_truoc",
            "Chênh lệch so với kỳ so sánh (số người)",
            Value::Count((now - before).abs() as i64),
            "|`ket_nap` − `ket_nap_ky_truoc`|; tăng hay giảm theo dấu của hiệu".into(),
        );
    }
    f.ratio(
        "ty_le_chi_tieu",
        "Tỷ lệ thực hiện chỉ tiêu",
        "ket_nap",
        "chi_tieu",
    );
    if let Some(done) = f.number("ty_le_chi_tieu")
        && done > 100.0
    {
        f.push(
            "vuot_chi_tieu",
            "Vượt chỉ tiêu",
            Value::Percent(done - 100.0),
            "`ty_le_chi_tieu` − 100".into(),
        );
    }
}

/// Younger than [`YOUNG_AGE`] on the day of admission.
fn young_when_admitted(n: &Nguoi) -> bool {
    match (n.ngay_sinh, n.ngay_ket_nap()) {
        (Some(birth), Some(admitted)) => birth
            .0
            .checked_add(YOUNG_AGE.years())
            .is_ok_and(|thirtieth| admitted.0 < thirtieth),
        _ => false,
    }
}

/// Whether an ethnic group is a minority: anything recorded but Kinh, however it was typed.
pub fn is_ethnic_minority(dan_toc: &str) -> bool {
    let folded: String = dan_toc
        .trim()
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect::<String>()
        .to_lowercase();
    !folded.is_empty() && folded != "kinh"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinh_is_the_majority_however_typed() {
        for kinh in ["Kinh", "kinh", " KINH ", "Kính"] {
            assert!(!is_ethnic_minority(kinh), "{kinh}");
        }
        for minority in ["Tày", "Dao", "H'Mông", "Ê Đê"] {
            assert!(is_ethnic_minority(minority), "{minority}");
        }
    }

    #[test]
    fn values_print_in_vietnamese() {
        assert_eq!(Value::Count(1045).display(), "1.045");
        assert_eq!(Value::Percent(60.4878).display(), "60,49%");
        assert_eq!(Value::Percent(45.0).display(), "45%");
        let stated = Value::Stated {
            number: 7.61,
            unit: Some("%".into()),
        };
        assert_eq!(stated.display(), "7,61%");
    }

    #[test]
    fn thirty_is_not_under_thirty() {
        let mut n = Nguoi {
            ngay_sinh: Ngay::parse("10/03/1991"),
            ngay_vao_dang: Ngay::parse("09/03/2021"),
            ..Nguoi::default()
        };
        assert!(young_when_admitted(&n));
        n.ngay_vao_dang = Ngay::parse("10/03/2021");
        assert!(!young_when_admitted(&n));
    }
}
