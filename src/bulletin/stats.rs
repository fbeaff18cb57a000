/*!
The figures of an article, each with how it was obtained.

Counts come from the records (admission, full membership, transfers, leaving, branch); what the
records cannot give comes from `bao-cao.yaml` as stated figures, marked with their source. A
stated figure with the id of a computed one replaces it, and every ratio is computed from the
table as it then stands, so that the article and its table can never disagree.

Figures are computed for the unit the article is about and for each unit below it (see
[`super::tree`]); members are counted by [`members_on`], the one definition that agrees with the
branch resolutions (6-KNĐ, 13-KNĐ) of the same records.
*/

use super::period::{Period, Term};
use super::tree::{Level, Tree};
use crate::facts::{counted_here_on, full_membership_date};
use crate::model::{BaoCao, DoanThe, GioiTinh, Ngay, Nguoi};
use crate::validate::CheckedWorkspace;
use crate::vn;
use jiff::ToSpan;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

mod members;
mod people;
mod stated;
mod units;

use members::members_how;
pub use members::{Anchor, MemberCount, members_on};
pub use people::is_ethnic_minority;
use people::{age_when_admitted, has_degree, leaving_kind, young_when_admitted};
use stated::{apply_stated, derive};
use units::units;

/// New members younger than this on the day of admission count as young (đảng viên trẻ).
pub const YOUNG_AGE: i16 = 30;

/// Below this many new members, a share of them ("5 of 9 are women") is not given as a
/// percentage: a newspaper gives the count, and "55,56%" of nine people is false precision.
pub const SHARE_MIN_BASE: i64 = 20;

/// Computed figures that some periods do not have; a stated figure with one of these ids only
/// ever replaces it.
const COMPUTED_ONLY_SOMETIMES: &[&str] = &[
    "ky_truoc",
    "ket_nap_ky_truoc",
    "chenh_lech_ky_truoc",
    "ky_nam_nay",
    "ket_nap_nam_nay",
    "chi_tieu",
    "chi_tieu_cua",
    "tuoi_binh_quan",
];

/// How many units of a level an article names as examples.
pub const NAMED_UNITS: usize = 3;

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
    /// The value as the article prints it: "1.045", "gần 60%", "9 tháng đầu năm 2021". A
    /// computed percentage is rounded the way papers round it ("gần 60%" for 59,71%, "hơn 33%"
    /// for 33,33%); a stated one is printed as stated.
    pub fn display(&self) -> String {
        match self {
            Value::Count(n) => vn::thousands(*n),
            Value::Percent(x) => {
                let whole = x.round();
                if (x - whole).abs() < 0.005 {
                    format!("{}%", vn::thousands(whole as i64))
                } else if x.fract() >= 0.5 {
                    format!("gần {}%", vn::thousands(x.ceil() as i64))
                } else {
                    format!("hơn {}%", vn::thousands(x.floor() as i64))
                }
            }
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

    /// The exact value, for the table of figures: "59,71%" where the article says "gần 60%".
    pub fn exact(&self) -> String {
        match self {
            Value::Percent(x) => format!("{}%", vn::decimal(*x, 2)),
            other => other.display(),
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
    /// Stable id, used by templates: `ket_nap`, `dang_vien_dau_ky`. Never printed.
    pub id: String,
    /// What it is, in Vietnamese.
    pub label: String,
    /// The value.
    pub value: Value,
    /// How it was obtained, in plain Vietnamese (no keys, no ids).
    pub how: String,
    /// Computed or stated.
    pub source: Source,
    /// The unit below the article's one that it is about, by name: such a figure is listed in
    /// the table only when the article names the unit.
    pub about: Option<String>,
}

/// A unit below the article's one, with its figures (as printed), for the article to name.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    /// Its index in the tree.
    pub index: usize,
    /// Its name.
    pub name: String,
    /// Its level.
    pub level: Level,
    /// The name of the unit above it when that is not the article's unit (a chi bộ of a đảng bộ
    /// cơ sở, in an article about the whole đảng bộ).
    pub parent: Option<String>,
    /// Whether it is right below the article's unit (rather than two levels down).
    pub direct: bool,
    /// Its new members in the period.
    pub ket_nap: i64,
    /// The id of its figure of new members.
    pub ket_nap_id: String,
    /// Its members at the end of the period.
    pub dang_vien: i64,
    /// The id of that figure.
    pub dang_vien_id: String,
}

/// Leavers of one kind, by the reason their records give.
#[derive(Debug, Clone, PartialEq)]
pub struct Leavers {
    /// How many.
    pub count: i64,
    /// The reason as an article says it: "chuyển sinh hoạt đảng đi nơi khác", "từ trần".
    pub reason: String,
    /// The id of the figure.
    pub id: String,
}

/// The table of figures, in the order an article's reader would want them.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Every figure.
    pub list: Vec<Figure>,
    /// The units below the article's unit: those right below it, then (three levels) the chi bộ
    /// of its đảng bộ cơ sở, in the order of `to-chuc.yaml`.
    pub units: Vec<UnitRow>,
    /// Leavers by reason, most first.
    pub leavers: Vec<Leavers>,
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
            about: None,
        });
    }

    fn push_about(&mut self, id: &str, label: &str, value: Value, how: String, about: &str) {
        self.push(id, label, value, how);
        if let Some(last) = self.list.last_mut() {
            last.about = Some(about.to_string());
        }
    }

    /// `part / whole × 100` as a new figure, when both are in the table and `whole` is at least
    /// `min_whole` (and not zero).
    fn ratio(&mut self, id: &str, label: &str, part: &str, whole: &str, min_whole: f64) {
        if let (Some(p), Some(w)) = (self.number(part), self.number(whole))
            && w != 0.0
            && w >= min_whole
        {
            let (pl, wl) = (self.label_of(part), self.label_of(whole));
            let how = format!("({pl}) chia cho ({wl}), nhân 100");
            self.push(id, label, Value::Percent(p / w * 100.0), how);
        }
    }

    fn label_of(&self, id: &str) -> String {
        self.get(id).map(|f| f.label.clone()).unwrap_or_default()
    }
}

/// What the statistics are about: a unit of the organisation's tree.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    /// The tree.
    pub tree: &'a Tree,
    /// The unit (an index of the tree; 0 is the whole organisation).
    pub unit: usize,
}

impl Scope<'_> {
    /// The unit's id, `None` for the whole organisation.
    pub fn id(&self) -> Option<&str> {
        self.tree.units[self.unit].id.as_deref()
    }
}

/// A target found for the period, with what it is the target of.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// New members to admit.
    pub count: u32,
    /// "nhiệm kỳ 2020–2025", "năm 2021".
    pub of: String,
}

/// The terms recorded in `bao-cao.yaml`. A term written without its last day ends the day
/// before the next one starts (a congress ends one term and opens the next), so that an earlier
/// term is still named "nhiệm kỳ 2010–2015" when only its first day was recorded.
pub fn terms(bao_cao: Option<&BaoCao>) -> Vec<Term> {
    let Some(b) = bao_cao else {
        return Vec::new();
    };
    let mut starts: Vec<(Ngay, Option<Ngay>, Option<u32>)> = b
        .nhiem_ky
        .iter()
        .filter_map(|t| Some((t.tu?, t.den, t.chi_tieu)))
        .collect();
    starts.sort_by_key(|t| t.0);
    let next_starts: Vec<Option<Ngay>> = starts
        .iter()
        .skip(1)
        .map(|t| Some(t.0))
        .chain([None])
        .collect();
    starts
        .iter()
        .zip(next_starts)
        .filter_map(|(&(from, to, target), next)| {
            let to = to.or_else(|| next.and_then(|n| n.0.yesterday().ok().map(Ngay)))?;
            Some(Term { from, to, target })
        })
        .collect()
}

/// The target the period is measured against: the term's for a term (or from its start), the
/// year's for a period within one year; a unit below the top only has yearly targets of its own.
pub fn target(
    bao_cao: Option<&BaoCao>,
    period: &Period,
    terms: &[Term],
    scope: Scope,
) -> Option<Target> {
    if scope.unit == 0
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
        .find(|t| t.nam == Some(year) && t.chi_bo.as_deref() == scope.id())
        .and_then(|t| t.chi_tieu)
        .map(|count| Target {
            count,
            of: format!("năm {year}"),
        })
}

/// What the target of a period would be, named for a message when it is missing.
pub fn target_wanted(period: &Period, terms: &[Term], scope: Scope) -> Option<String> {
    if scope.unit == 0
        && let Some(term) = period.term(terms)
    {
        return Some(format!("nhiệm kỳ {}", term.years()));
    }
    (period.from.0.year() == period.to.0.year()).then(|| format!("năm {}", period.from.0.year()))
}

/// Every figure of the period for the unit of `scope`.
pub fn compute(checked: &CheckedWorkspace, period: &Period, scope: Scope) -> Figures {
    let (workspace, rules) = (checked.workspace(), checked.rules());
    let bao_cao = workspace.bao_cao.as_ref().map(|r| &r.bao_cao);
    let terms = terms(bao_cao);
    let tree = scope.tree;
    let unit = scope.unit;
    let people: Vec<&Nguoi> = workspace
        .people
        .iter()
        .map(|r| &*r.nguoi)
        .filter(|n| tree.counts(unit, workspace.branch_of(n)))
        .collect();
    // A member transferred in was admitted elsewhere: not a new member of this organisation.
    let admitted_in = |p: &Period, n: &Nguoi| {
        n.chuyen_den.is_none() && n.ngay_ket_nap().is_some_and(|d| p.contains(d))
    };
    let admitted: Vec<&Nguoi> = people
        .iter()
        .copied()
        .filter(|n| admitted_in(period, n))
        .collect();
    let count = |pred: &dyn Fn(&Nguoi) -> bool| -> Value {
        Value::Count(admitted.iter().filter(|n| pred(n)).count() as i64)
    };
    let (from, to) = (period.from.short(), period.to.short());
    let in_period = format!("từ {from} đến {to}");
    let mut f = Figures::default();

    f.push(
        "ky",
        "Thời gian",
        Value::Text(period.wording(&terms)),
        in_period.clone(),
    );
    f.push(
        "moc_dau_ky",
        "Mốc đầu",
        Value::Text(period.start_wording(&terms)),
        format!("hết ngày {}", period.day_before().short()),
    );
    f.push(
        "moc_cuoi_ky",
        "Mốc cuối",
        Value::Text(period.end_wording(&terms)),
        format!("hết ngày {to}"),
    );
    let start = members_on(checked, tree, unit, period.day_before());
    let end = members_on(checked, tree, unit, period.to);
    f.push(
        "dang_vien_dau_ky",
        &format!("Đảng viên {}", period.start_wording(&terms)),
        Value::Count(start.count),
        members_how(&start, period.day_before()),
    );
    f.push(
        "dang_vien_cuoi_ky",
        &format!("Đảng viên {}", period.end_wording(&terms)),
        Value::Count(end.count),
        members_how(&end, period.to),
    );
    f.push(
        "ket_nap",
        "Đảng viên mới kết nạp",
        count(&|_| true),
        format!("số người có quyết định kết nạp (hoặc ngày vào Đảng) {in_period}"),
    );
    f.push(
        "ket_nap_nu",
        "Trong đó: nữ",
        count(&|n| n.gioi_tinh == Some(GioiTinh::Nu)),
        "trong số đảng viên mới, người có giới tính nữ".into(),
    );
    f.push(
        "tuoi_tre",
        "Tuổi của đảng viên trẻ (dưới)",
        Value::Count(i64::from(YOUNG_AGE)),
        "đảng viên mới chưa đủ số tuổi này vào ngày kết nạp được tính là đảng viên trẻ".into(),
    );
    f.push(
        "ket_nap_duoi_30",
        "Trong đó: dưới 30 tuổi",
        count(&|n| young_when_admitted(n)),
        "trong số đảng viên mới, người chưa đủ 30 tuổi vào ngày kết nạp (theo ngày sinh)".into(),
    );
    let ages: Vec<i64> = admitted
        .iter()
        .filter_map(|n| age_when_admitted(n))
        .collect();
    if !ages.is_empty() && ages.len() == admitted.len() {
        let mean = ages.iter().sum::<i64>() as f64 / ages.len() as f64;
        f.push(
            "tuoi_binh_quan",
            "Tuổi bình quân của đảng viên mới",
            Value::Count(mean.round() as i64),
            "trung bình tuổi tròn vào ngày kết nạp, làm tròn đến năm".into(),
        );
    }
    f.push(
        "ket_nap_dan_toc_thieu_so",
        "Trong đó: người dân tộc thiểu số",
        count(&|n| n.dan_toc.as_deref().is_some_and(is_ethnic_minority)),
        "trong số đảng viên mới, người có dân tộc ghi trong hồ sơ khác Kinh".into(),
    );
    f.push(
        "ket_nap_dai_hoc",
        "Trong đó: trình độ đại học trở lên",
        count(&|n| {
            n.trinh_do
                .as_ref()
                .and_then(|t| t.chuyen_mon.as_deref())
                .is_some_and(has_degree)
        }),
        "trong số đảng viên mới, người có trình độ chuyên môn đại học, cử nhân, kỹ sư, thạc sĩ, tiến sĩ, bác sĩ".into(),
    );
    let introduced_by = |kind: DoanThe| {
        move |n: &Nguoi| {
            n.gioi_thieu_doan_the
                .as_ref()
                .is_some_and(|g| g.loai == Some(kind))
        }
    };
    f.push(
        "ket_nap_doan_gioi_thieu",
        "Trong đó: do Đoàn Thanh niên giới thiệu",
        count(&introduced_by(DoanThe::Doan)),
        "trong số đảng viên mới, người có nghị quyết giới thiệu của Đoàn (Mẫu 4-KNĐ)".into(),
    );
    f.push(
        "ket_nap_cong_doan_gioi_thieu",
        "Trong đó: do Công đoàn giới thiệu",
        count(&introduced_by(DoanThe::CongDoan)),
        "trong số đảng viên mới, người có nghị quyết giới thiệu của Công đoàn (Mẫu 4A-KNĐ)".into(),
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
            "số người có ngày chính thức (hết 12 tháng dự bị khi đã có quyết định công nhận) {in_period}"
        ),
    );
    f.push(
        "chuyen_den",
        "Đảng viên chuyển sinh hoạt đến",
        Value::Count(
            people
                .iter()
                .filter(|n| n.ngay_chuyen_den().is_some_and(|d| period.contains(d)))
                .count() as i64,
        ),
        format!("số đảng viên có ngày chuyển đến {in_period}"),
    );
    let leavers: Vec<&Nguoi> = people
        .iter()
        .copied()
        .filter(|n| n.ngay_ra_khoi_dang().is_some_and(|d| period.contains(d)))
        .collect();
    f.push(
        "ra_khoi_dang",
        "Ra khỏi danh sách đảng viên",
        Value::Count(leavers.len() as i64),
        format!("số đảng viên có ngày ra khỏi danh sách {in_period}"),
    );
    let mut kinds: Vec<(&'static str, String, i64)> = Vec::new();
    for n in &leavers {
        let (kind, said) = leaving_kind(n.ra_khoi_dang.as_ref().and_then(|r| r.ly_do.as_deref()));
        match kinds.iter_mut().find(|k| k.0 == kind && k.1 == said) {
            Some(k) => k.2 += 1,
            None => kinds.push((kind, said, 1)),
        }
    }
    kinds.sort_by_key(|k| std::cmp::Reverse(k.2));
    for (i, (kind, said, n)) in kinds.into_iter().enumerate() {
        let id = format!("ra_khoi_dang_{kind}_{i}");
        f.push(
            &id,
            &format!("Ra khỏi danh sách: {said}"),
            Value::Count(n),
            format!("theo lý do ghi trong hồ sơ, {in_period}"),
        );
        f.leavers.push(Leavers {
            count: n,
            reason: said,
            id,
        });
    }

    units(&mut f, checked, period, scope, &admitted, &in_period);

    if let Some(previous) = period.previous(&terms) {
        f.push(
            "ky_truoc",
            "Thời gian so sánh",
            Value::Text(period.compared_wording(&previous, &terms)),
            format!("từ {} đến {}", previous.from.short(), previous.to.short()),
        );
        f.push(
            "ket_nap_ky_truoc",
            "Đảng viên mới kết nạp trong thời gian so sánh",
            Value::Count(people.iter().filter(|n| admitted_in(&previous, n)).count() as i64),
            format!(
                "đếm như đảng viên mới, từ {} đến {} (chỉ đúng khi hồ sơ có đủ người của thời gian đó)",
                previous.from.short(),
                previous.to.short()
            ),
        );
    }
    if let Some(this_year) = period.this_year() {
        f.push(
            "ky_nam_nay",
            "Riêng năm cuối",
            Value::Text(this_year.wording(&terms)),
            format!("từ {} đến {}", this_year.from.short(), this_year.to.short()),
        );
        f.push(
            "ket_nap_nam_nay",
            "Đảng viên mới kết nạp riêng năm cuối",
            Value::Count(people.iter().filter(|n| admitted_in(&this_year, n)).count() as i64),
            format!(
                "đếm như đảng viên mới, từ {} đến {}",
                this_year.from.short(),
                this_year.to.short()
            ),
        );
    }
    if let Some(t) = target(bao_cao, period, &terms, scope) {
        f.push(
            "chi_tieu",
            "Chỉ tiêu kết nạp",
            Value::Count(i64::from(t.count)),
            format!("chỉ tiêu {} được giao", t.of),
        );
        f.push(
            "chi_tieu_cua",
            "Chỉ tiêu của",
            Value::Text(t.of.clone()),
            "thời gian mà chỉ tiêu được giao".into(),
        );
        for id in ["chi_tieu", "chi_tieu_cua"] {
            if let Some(fig) = f.list.iter_mut().find(|x| x.id == id) {
                fig.source = Source::Recorded;
            }
        }
    }

    if let Some(b) = bao_cao {
        apply_stated(&mut f, b, period, scope.id());
    }
    derive(&mut f);
    f
}

#[cfg(test)]
mod tests;
