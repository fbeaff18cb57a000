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

/// What a branch meeting states: the chi bộ's members on the day of the meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// The chi bộ.
    pub branch: String,
    /// The day of the meeting.
    pub date: Ngay,
    /// Its members that day, as the resolution prints them (official + probationary).
    pub stated: i64,
    /// The form that prints it: "6-KNĐ", "13-KNĐ".
    pub form: &'static str,
}

/// The members of a unit at the end of a day, and what the count rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberCount {
    /// How many.
    pub count: i64,
    /// The branch meetings the count starts from (none: counted from the records alone).
    pub anchors: Vec<Anchor>,
}

/// **The members of unit `unit` at the end of `day`**, counted as the forms count them; every
/// member figure of an article comes from here.
///
/// A branch resolution (6-KNĐ, 13-KNĐ) prints the chi bộ's members on the day of its meeting
/// (`hop_chi_bo.dang_vien`, `hop_xet_chinh_thuc.dang_vien`), and a workspace seldom keeps a file
/// for every member, so counting files alone would contradict the branch's own resolution. Each
/// chi bộ is therefore counted from the meeting nearest to `day` (the last one on or before it,
/// else the first after it): the members the resolution states, plus those who came (admitted,
/// or transferred in) and minus those who left between the meeting and `day`, as the records
/// show ([`crate::facts::counted_here_on`]: probationary members count, leavers do not from the day
/// they left). A chi bộ with no such meeting is counted from its records alone. When the records
/// are complete, both ways give the same number.
pub fn members_on(checked: &CheckedWorkspace, tree: &Tree, unit: usize, day: Ngay) -> MemberCount {
    let (workspace, rules) = (checked.workspace(), checked.rules());
    let mut groups: Vec<(String, Vec<&Nguoi>)> = Vec::new();
    let branches = tree.branches_under(unit);
    let listed: Vec<&str> = tree.ids().collect();
    for &b in &branches {
        let id = tree.units[b].id.as_deref();
        let people = workspace
            .people
            .iter()
            .map(|r| &r.nguoi)
            .filter(|n| workspace.branch_of(n) == id)
            .collect();
        groups.push((tree.units[b].name.clone(), people));
    }
    if unit == 0 {
        // The people of no listed branch: everyone, in a workspace of one chi bộ.
        let people: Vec<&Nguoi> = workspace
            .people
            .iter()
            .map(|r| &r.nguoi)
            .filter(|n| workspace.branch_of(n).is_none_or(|b| !listed.contains(&b)))
            .collect();
        if !people.is_empty() || branches.is_empty() {
            groups.push((tree.units[0].name.clone(), people));
        }
    }
    let mut total = 0;
    let mut anchors = Vec::new();
    for (name, people) in groups {
        let records_on = |d: Ngay| {
            people
                .iter()
                .filter(|n| counted_here_on(n, rules, d))
                .count() as i64
        };
        let meetings = people.iter().flat_map(|n| {
            [(&n.hop_chi_bo, "6-KNĐ"), (&n.hop_xet_chinh_thuc, "13-KNĐ")]
                .into_iter()
                .filter_map(|(h, form)| {
                    let h = h.as_ref()?;
                    let counted = h.dang_vien?;
                    Some((h.ngay?, i64::from(counted.chinh_thuc + counted.du_bi), form))
                })
        });
        let mut before: Option<(Ngay, i64, &'static str)> = None;
        let mut after: Option<(Ngay, i64, &'static str)> = None;
        for m in meetings {
            if m.0 <= day {
                if before.is_none_or(|b| m.0 > b.0) {
                    before = Some(m);
                }
            } else if after.is_none_or(|a| m.0 < a.0) {
                after = Some(m);
            }
        }
        match before.or(after) {
            Some((date, stated, form)) => {
                total += (stated + records_on(day) - records_on(date)).max(0);
                anchors.push(Anchor {
                    branch: name,
                    date,
                    stated,
                    form,
                });
            }
            None => total += records_on(day),
        }
    }
    MemberCount {
        count: total,
        anchors,
    }
}

/// How a member count was made, in words for the table.
fn members_how(count: &MemberCount, day: Ngay) -> String {
    let d = day.short();
    match count.anchors.as_slice() {
        [] => format!(
            "đếm hồ sơ: người đã vào Đảng (kể cả đảng viên dự bị) đến hết ngày {d}, trừ người đã ra khỏi danh sách"
        ),
        [a] => format!(
            "{} ghi {} đảng viên trong nghị quyết ngày {} (Mẫu {}); cộng người được kết nạp, chuyển đến và trừ người ra khỏi danh sách theo hồ sơ, đến hết ngày {d}",
            a.branch,
            vn::thousands(a.stated),
            a.date.short(),
            a.form
        ),
        many => format!(
            "cộng từng chi bộ đến hết ngày {d}: chi bộ có nghị quyết (Mẫu 6-KNĐ, 13-KNĐ) tính từ số đảng viên ghi trong nghị quyết gần nhất ({} chi bộ), cộng người được kết nạp, chuyển đến và trừ người ra khỏi danh sách theo hồ sơ; chi bộ khác đếm hồ sơ",
            many.len()
        ),
    }
}

/// The kinds of leaving an article names, from the reason recorded (`ra_khoi_dang.ly_do`).
/// Each kind is said as it is: a transfer is not a striking-off.
fn leaving_kind(reason: Option<&str>) -> (&'static str, String) {
    let folded = fold(reason.unwrap_or(""));
    let kinds: [(&[&str], &str, &str); 6] = [
        (
            &["tu tran", "qua doi", "tu the", "hy sinh"],
            "tu_tran",
            "từ trần",
        ),
        (
            &["chuyen"],
            "chuyen_di",
            "chuyển sinh hoạt đảng đi nơi khác",
        ),
        (&["xoa ten"], "xoa_ten", "bị xóa tên"),
        (&["khai tru"], "khai_tru", "bị khai trừ"),
        (&["xin ra"], "xin_ra", "xin ra khỏi Đảng"),
        (
            &["mien sinh hoat", "mien cong tac"],
            "mien",
            "được miễn sinh hoạt",
        ),
    ];
    for (words, id, said) in kinds {
        if words.iter().any(|w| folded.contains(w)) {
            return (id, said.to_string());
        }
    }
    match reason.map(str::trim).filter(|r| !r.is_empty()) {
        // An unclassified reason is said as recorded, never guessed.
        Some(r) => ("khac", r.to_string()),
        None => (
            "khong_ro",
            "ra khỏi danh sách (hồ sơ không ghi lý do)".to_string(),
        ),
    }
}

/// Whether a professional qualification is a university degree or above.
fn has_degree(chuyen_mon: &str) -> bool {
    let f = fold(chuyen_mon);
    [
        "dai hoc",
        "cu nhan",
        "ky su",
        "thac si",
        "tien si",
        "bac si",
        "duoc si",
        "kien truc su",
    ]
    .iter()
    .any(|w| f.contains(w))
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
        .map(|r| &r.nguoi)
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
    kinds.sort_by(|a, b| b.2.cmp(&a.2));
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

/// The figures of the units below the article's unit: new members and members of each, how
/// many admitted someone and how many none (one figure, never a list of zeros).
fn units(
    f: &mut Figures,
    checked: &CheckedWorkspace,
    period: &Period,
    scope: Scope,
    admitted: &[&Nguoi],
    in_period: &str,
) {
    let workspace = checked.workspace();
    let tree = scope.tree;
    let top = &tree.units[scope.unit];
    if top.children.is_empty() {
        return;
    }
    let admitted_by = |i: usize| {
        admitted
            .iter()
            .filter(|n| tree.counts(i, workspace.branch_of(n)))
            .count() as i64
    };
    let mut rows: Vec<UnitRow> = Vec::new();
    let mut add = |f: &mut Figures, i: usize, direct: bool| {
        let u = &tree.units[i];
        let id = u.id.clone().unwrap_or_default();
        let ket_nap = admitted_by(i);
        let ket_nap_id = format!("don_vi.{id}.ket_nap");
        f.push_about(
            &ket_nap_id,
            &format!("Đảng viên mới: {}", u.name),
            Value::Count(ket_nap),
            format!("đảng viên mới của {} {in_period}", u.name),
            &u.name,
        );
        let members = members_on(checked, tree, i, period.to);
        let dang_vien_id = format!("don_vi.{id}.dang_vien");
        f.push_about(
            &dang_vien_id,
            &format!("Đảng viên {}: {}", period.end_wording(&[]), u.name),
            Value::Count(members.count),
            members_how(&members, period.to),
            &u.name,
        );
        let parent = u
            .parent
            .filter(|&p| p != scope.unit)
            .map(|p| tree.units[p].name.clone());
        rows.push(UnitRow {
            index: i,
            name: u.name.clone(),
            level: u.level,
            parent,
            direct,
            ket_nap,
            ket_nap_id,
            dang_vien: members.count,
            dang_vien_id,
        });
    };
    for &c in &top.children {
        add(f, c, true);
    }
    // Three levels: the chi bộ of the đảng bộ cơ sở are named too, at their own level.
    for &c in &top.children {
        if tree.units[c].level == Level::DangBoCoSo {
            for &g in &tree.units[c].children {
                add(f, g, false);
            }
        }
    }

    let direct: Vec<&UnitRow> = rows.iter().filter(|r| r.direct).collect();
    let count = |rows: &[&UnitRow], pred: &dyn Fn(&UnitRow) -> bool| {
        Value::Count(rows.iter().filter(|r| pred(r)).count() as i64)
    };
    let is_branch = |r: &UnitRow| matches!(r.level, Level::ChiBo | Level::ChiBoCoSo);
    let (word, how_word) = if tree.three_levels && scope.unit == 0 {
        ("tổ chức cơ sở đảng", "đảng bộ cơ sở và chi bộ cơ sở")
    } else {
        ("chi bộ trực thuộc", "chi bộ trực thuộc")
    };
    f.push(
        "so_don_vi",
        &format!("Số {word}"),
        count(&direct, &|_| true),
        format!("số {how_word} ghi trong danh sách tổ chức"),
    );
    f.push(
        "don_vi_co_ket_nap",
        &format!("Số {word} kết nạp được đảng viên"),
        count(&direct, &|r| r.ket_nap > 0),
        format!("số {how_word} có ít nhất một đảng viên mới {in_period}"),
    );
    f.push(
        "don_vi_chua_ket_nap",
        &format!("Số {word} chưa kết nạp được đảng viên"),
        count(&direct, &|r| r.ket_nap == 0),
        format!("số {how_word} không có đảng viên mới nào {in_period}"),
    );
    if tree.three_levels && scope.unit == 0 {
        f.push(
            "so_dang_bo_co_so",
            "Số đảng bộ cơ sở",
            count(&direct, &|r| r.level == Level::DangBoCoSo),
            "số đảng bộ cơ sở ghi trong danh sách tổ chức".into(),
        );
        f.push(
            "so_chi_bo_co_so",
            "Số chi bộ cơ sở",
            count(&direct, &|r| r.level == Level::ChiBoCoSo),
            "số chi bộ trực thuộc thẳng đảng bộ, không qua đảng bộ cơ sở".into(),
        );
        let below: Vec<&UnitRow> = rows.iter().filter(|r| !r.direct).collect();
        f.push(
            "so_chi_bo_truc_thuoc",
            "Số chi bộ trực thuộc đảng ủy cơ sở",
            count(&below, &|_| true),
            "số chi bộ ghi trong danh sách tổ chức thuộc một đảng bộ cơ sở".into(),
        );
        let all_branches: Vec<&UnitRow> = rows.iter().filter(|r| is_branch(r)).collect();
        f.push(
            "so_chi_bo",
            "Tổng số chi bộ",
            count(&all_branches, &|_| true),
            "chi bộ trực thuộc đảng ủy cơ sở và chi bộ cơ sở".into(),
        );
        f.push(
            "chi_bo_co_ket_nap",
            "Số chi bộ kết nạp được đảng viên",
            count(&all_branches, &|r| r.ket_nap > 0),
            format!("trong tổng số chi bộ, chi bộ có ít nhất một đảng viên mới {in_period}"),
        );
        f.push(
            "chi_bo_chua_ket_nap",
            "Số chi bộ chưa kết nạp được đảng viên",
            count(&all_branches, &|r| r.ket_nap == 0),
            format!("trong tổng số chi bộ, chi bộ không có đảng viên mới nào {in_period}"),
        );
    }
    f.units = rows;
}

/// Stated figures of `bao-cao.yaml` for this period and this unit: they replace a computed
/// figure of the same id, or are added.
fn apply_stated(f: &mut Figures, bao_cao: &BaoCao, period: &Period, unit: Option<&str>) {
    for s in &bao_cao.so_lieu {
        let (Some(id), Some(number)) = (&s.ma, s.gia_tri) else {
            continue;
        };
        let for_period = match (s.tu, s.den) {
            (None, None) => true,
            (from, to) => from == Some(period.from) && to == Some(period.to),
        };
        if !for_period || s.cua.as_deref() != unit {
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
            how: format!("số liệu nêu, theo {nguon}"),
            source: Source::Stated { nguon },
            about: None,
        };
        match f.list.iter_mut().find(|x| &x.id == id) {
            Some(existing) => {
                let label = existing.label.clone();
                *existing = Figure { label, ..stated };
            }
            // The id of a computed figure that this period has not (no comparison period for a
            // term not over): stating it would read as a stray figure ("… nhiệm kỳ trước là 18").
            None if COMPUTED_ONLY_SOMETIMES.contains(&id.as_str()) => {}
            None => {
                f.stated_added.push(id.clone());
                f.list.push(stated);
            }
        }
    }
}

/// Ratios and comparisons, from the table as it stands.
fn derive(f: &mut Figures) {
    let base = SHARE_MIN_BASE as f64;
    f.ratio(
        "ty_le_doan_gioi_thieu",
        "Tỷ lệ đảng viên mới do Đoàn Thanh niên giới thiệu",
        "ket_nap_doan_gioi_thieu",
        "ket_nap",
        base,
    );
    f.ratio(
        "ty_le_nu",
        "Tỷ lệ nữ trong đảng viên mới",
        "ket_nap_nu",
        "ket_nap",
        base,
    );
    f.ratio(
        "ty_le_duoi_30",
        "Tỷ lệ đảng viên mới dưới 30 tuổi",
        "ket_nap_duoi_30",
        "ket_nap",
        base,
    );
    f.ratio(
        "ty_le_dai_hoc",
        "Tỷ lệ đảng viên mới có trình độ đại học trở lên",
        "ket_nap_dai_hoc",
        "ket_nap",
        base,
    );
    if let (Some(now), Some(before)) = (f.number("ket_nap"), f.number("ket_nap_ky_truoc")) {
        f.push(
            "chenh_lech_ky_truoc",
            "Chênh lệch so với thời gian so sánh (số người)",
            Value::Count((now - before).abs() as i64),
            "hiệu giữa đảng viên mới và đảng viên mới của thời gian so sánh, không kể dấu".into(),
        );
    }
    f.ratio(
        "ty_le_chi_tieu",
        "Tỷ lệ thực hiện chỉ tiêu",
        "ket_nap",
        "chi_tieu",
        0.0,
    );
    if let Some(done) = f.number("ty_le_chi_tieu")
        && done > 100.0
    {
        f.push(
            "vuot_chi_tieu",
            "Vượt chỉ tiêu",
            Value::Percent(done - 100.0),
            "tỷ lệ thực hiện chỉ tiêu trừ 100".into(),
        );
    }
}

/// Whole years of age on the day of admission.
fn age_when_admitted(n: &Nguoi) -> Option<i64> {
    let (birth, admitted) = (n.ngay_sinh?, n.ngay_ket_nap()?);
    let mut years = i64::from(admitted.0.year() - birth.0.year());
    if (admitted.0.month(), admitted.0.day()) < (birth.0.month(), birth.0.day()) {
        years -= 1;
    }
    Some(years)
}

/// Text without diacritics, in lower case, for matching words however they were typed.
fn fold(text: &str) -> String {
    text.trim()
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect::<String>()
        .to_lowercase()
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
    let folded = fold(dan_toc);
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
        // Papers round percentages; the table keeps the exact value.
        assert_eq!(Value::Percent(59.7143).display(), "gần 60%");
        assert_eq!(Value::Percent(33.333).display(), "hơn 33%");
        assert_eq!(Value::Percent(45.0).display(), "45%");
        assert_eq!(Value::Percent(59.7143).exact(), "59,71%");
        let stated = Value::Stated {
            number: 7.61,
            unit: Some("%".into()),
        };
        assert_eq!(stated.display(), "7,61%");
    }

    #[test]
    fn leavers_are_named_by_their_recorded_reason() {
        for (reason, kind) in [
            (Some("Từ trần ngày 10/3"), "tu_tran"),
            (
                Some("chuyển sinh hoạt đảng đến Đảng bộ xã Tiên Yên"),
                "chuyen_di",
            ),
            (Some("Xoá tên theo Điều 8"), "xoa_ten"),
            (Some("đi lao động nước ngoài"), "khac"),
            (None, "khong_ro"),
        ] {
            assert_eq!(leaving_kind(reason).0, kind, "{reason:?}");
        }
        // A reason hoso cannot classify is said as the clerk wrote it, never guessed.
        assert_eq!(
            leaving_kind(Some("đi lao động nước ngoài")).1,
            "đi lao động nước ngoài"
        );
    }

    #[test]
    fn degrees_are_recognised_however_typed() {
        assert!(
            has_degree("Cử nhân Sư phạm Toán")
                && has_degree("ĐẠI HỌC Kế toán")
                && has_degree("Kỹ sư Xây dựng")
        );
        assert!(!has_degree("Trung cấp Y") && !has_degree("12/12"));
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
