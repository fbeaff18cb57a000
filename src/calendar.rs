/*!
Working days (ngày làm việc): the deadlines of the admission process count them, not calendar days.

A working day is a weekday that is not a public holiday. The holidays are those of the Labour Code
2019 (Điều 112): 1/1, Tết Nguyên đán (five days), Giỗ Tổ Hùng Vương (10/3 of the lunar calendar),
30/4, 1/5, and 2/9 with a day next to it; a holiday that falls on a weekend gives the next working
day off instead (Điều 111.3). Which Tết days and which day next to 2/9 are set each year by the
Prime Minister: the defaults (the last two days of the lunar year and the first three of the new
one; the day before 2/9 unless it is a weekend, then the day after) are parameters of
`forms/quy-tac.yaml` (`lich:`), and a workspace adds the government's swaps in `to-chuc.yaml`
(`ngay_nghi_bu`: extra days off, `ngay_lam_bu`: Saturdays worked in exchange).

Lunar dates are computed with Hồ Ngọc Đức's algorithm (astronomical new moons and solar terms) at
UTC+7, the time zone of the Vietnamese calendar; nothing is typed in per year.
*/

use crate::model::Ngay;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::f64::consts::PI;

/// The time zone of the Vietnamese lunar calendar, in hours.
const TIME_ZONE: f64 = 7.0;

/// How the national holidays are placed: the parameters of `lich:` in `forms/quy-tac.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HolidayRules {
    /// Fixed solar holidays, as `dd/mm`: 01/01, 30/04, 01/05, 02/09.
    pub duong_lich: Vec<String>,
    /// Fixed lunar holidays, as `dd/mm` of the lunar calendar: 10/03 (Giỗ Tổ Hùng Vương).
    pub am_lich: Vec<String>,
    /// Tết days before the first day of the lunar year (the last days of the old year).
    pub tet_truoc: u8,
    /// Tết days from the first day of the lunar year on (mùng 1 included).
    pub tet_tu_mung_1: u8,
    /// The day off next to 2/9: `truoc` (the day before unless it is a weekend, then the day
    /// after), `sau` (the day after), or `khong` (none).
    pub quoc_khanh_lien_ke: String,
    /// A holiday on a Saturday or Sunday gives the next working day off (nghỉ bù).
    pub nghi_bu_cuoi_tuan: bool,
}

/// The years whose holidays are computed once per process; others are computed when asked.
const YEARS: std::ops::RangeInclusive<i16> = 1950..=2100;

/// The national holidays of a set of holiday rules: every year of [`YEARS`] computed once, other
/// years when asked.
#[derive(Debug)]
pub struct Holidays {
    rules: HolidayRules,
    days: HashSet<Date>,
}

impl Holidays {
    /// The holidays the rules give.
    pub fn new(rules: HolidayRules) -> Holidays {
        let days = YEARS.flat_map(|y| holidays_of_year(&rules, y)).collect();
        Holidays { rules, days }
    }

    /// Whether `d` is a national holiday (or the day off that replaces one).
    pub fn contains(&self, d: Date) -> bool {
        if YEARS.contains(&d.year()) {
            self.days.contains(&d)
        } else {
            holidays_of_year(&self.rules, d.year()).contains(&d)
        }
    }
}

/// The days off of one year: the holidays, their next-working-day replacements, and the day
/// next to 2/9.
pub fn holidays_of_year(rules: &HolidayRules, year: i16) -> Vec<Date> {
    let mut days: Vec<Date> = Vec::new();
    for dm in &rules.duong_lich {
        if let Some((d, m)) = day_month(dm)
            && let Ok(date) = Date::new(year, m, d)
        {
            days.push(date);
        }
    }
    for dm in &rules.am_lich {
        if let Some((d, m)) = day_month(dm)
            && let Some(date) = lunar_to_solar(d, m, year)
        {
            days.push(date);
        }
    }
    if let Some(new_year) = lunar_to_solar(1, 1, year) {
        for k in -i64::from(rules.tet_truoc)..i64::from(rules.tet_tu_mung_1) {
            if let Some(d) = add_days(new_year, k) {
                days.push(d);
            }
        }
    }
    if let Ok(national_day) = Date::new(year, 9, 2) {
        let next_to = match rules.quoc_khanh_lien_ke.as_str() {
            "truoc" => add_days(national_day, -1)
                .filter(|d| !is_weekend(*d))
                .or_else(|| add_days(national_day, 1)),
            "sau" => add_days(national_day, 1),
            _ => None,
        };
        days.extend(next_to);
    }
    days.sort();
    days.dedup();
    if rules.nghi_bu_cuoi_tuan {
        // In date order, so that two weekend holidays in a row give two distinct days off.
        let mut replaced: Vec<Date> = Vec::new();
        for d in days.iter().copied().filter(|d| is_weekend(*d)) {
            let mut next = d;
            while let Some(n) = add_days(next, 1) {
                next = n;
                if !is_weekend(n) && !days.contains(&n) && !replaced.contains(&n) {
                    replaced.push(n);
                    break;
                }
            }
        }
        days.extend(replaced);
        days.sort();
    }
    days
}

/// `30/04` → (30, 4).
fn day_month(text: &str) -> Option<(i8, i8)> {
    let (d, m) = text.trim().split_once('/')?;
    Some((d.parse().ok()?, m.parse().ok()?))
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().days(n)).ok()
}

/// The working-day calendar of a workspace: the national holidays, plus the days off and minus
/// the days worked that the government granted (from `to-chuc.yaml`).
#[derive(Debug, Clone)]
pub struct Calendar {
    national: &'static Holidays,
    extra_off: HashSet<Date>,
    extra_work: HashSet<Date>,
}

impl Calendar {
    /// The national holidays with a workspace's extra days off and make-up working days.
    pub fn new(national: &'static Holidays, extra_off: &[Ngay], extra_work: &[Ngay]) -> Calendar {
        Calendar {
            national,
            extra_off: extra_off.iter().map(|d| d.0).collect(),
            extra_work: extra_work.iter().map(|d| d.0).collect(),
        }
    }

    /// Whether `d` is a public holiday (or a day off that replaces one).
    pub fn is_holiday(&self, d: Date) -> bool {
        if self.extra_off.contains(&d) {
            return true;
        }
        self.national.contains(d)
    }

    /// Whether `d` is a working day.
    pub fn is_working_day(&self, d: Date) -> bool {
        if self.extra_work.contains(&d) {
            return true;
        }
        !is_weekend(d) && !self.is_holiday(d)
    }

    /// The `n`-th working day after `from` (the day itself is not counted): the last day of a
    /// time limit of `n` working days "from" an event.
    pub fn add_working_days(&self, from: Ngay, n: u32) -> Ngay {
        let mut d = from.0;
        let mut left = n;
        while left > 0 {
            match d.tomorrow() {
                Ok(next) => d = next,
                Err(_) => break,
            }
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        Ngay(d)
    }

    /// Working days after `from` up to and including `to` (0 when `to` is not after `from`).
    pub fn working_days_between(&self, from: Ngay, to: Ngay) -> u32 {
        let mut n = 0;
        let mut d = from.0;
        while d < to.0 {
            match d.tomorrow() {
                Ok(next) => d = next,
                Err(_) => break,
            }
            if self.is_working_day(d) {
                n += 1;
            }
        }
        n
    }
}

/// `d` plus `n` months, clamped to the end of a shorter month: 29/02/2024 + 12 months is
/// 28/02/2025, as a period counted in months ends under the Civil Code 2015 (Điều 148.4).
pub fn add_months(d: Ngay, n: i64) -> Ngay {
    Ngay(d.0.checked_add(jiff::Span::new().months(n)).unwrap_or(d.0))
}

/// Whole months from `from` to `to` (an age "tính theo tháng"): the largest `n` with
/// `from + n months <= to`. A 29 February birthday completes its months on the 28th in other years.
pub fn whole_months(from: Ngay, to: Ngay) -> i64 {
    let (f, t) = (from.0, to.0);
    let mut n = (i64::from(t.year()) - i64::from(f.year())) * 12
        + (i64::from(t.month()) - i64::from(f.month()));
    if add_months(from, n) > to {
        n -= 1;
    }
    n
}

/// The solar date of a day of the lunar calendar (`day`/`month` of the lunar year that starts in
/// solar `year`; never the leap month). `None` for a day the lunar month does not have.
pub fn lunar_to_solar(day: i8, month: i8, year: i16) -> Option<Date> {
    if !(1..=30).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    let year = i64::from(year);
    let month = i64::from(month);
    let (a11, b11) = if month < 11 {
        (lunar_month_11(year - 1), lunar_month_11(year))
    } else {
        (lunar_month_11(year), lunar_month_11(year + 1))
    };
    let k = (0.5 + (a11 as f64 - 2415021.076998695) / 29.530588853).floor() as i64;
    let mut off = month - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 {
        let leap_off = leap_month_offset(a11);
        if off >= leap_off {
            off += 1;
        }
    }
    let month_start = new_moon_day(k + off);
    let next_start = new_moon_day(k + off + 1);
    let jd = month_start + i64::from(day) - 1;
    (jd < next_start).then(|| jd_to_date(jd)).flatten()
}

/// The lunar date (day, month, year) of a solar date; the month is negative in a leap month.
pub fn solar_to_lunar(date: Date) -> (i8, i8, i16) {
    let jd = jd_from_date(date);
    let year = i64::from(date.year());
    let k = ((jd as f64 - 2415021.076998695) / 29.530588853).floor() as i64;
    let mut month_start = new_moon_day(k + 1);
    if month_start > jd {
        month_start = new_moon_day(k);
    }
    let mut a11 = lunar_month_11(year);
    let mut b11 = a11;
    let lunar_year;
    if a11 >= month_start {
        lunar_year = year;
        a11 = lunar_month_11(year - 1);
    } else {
        lunar_year = year + 1;
        b11 = lunar_month_11(year + 1);
    }
    let day = jd - month_start + 1;
    let diff = (month_start - a11) / 29;
    let mut leap = false;
    let mut month = diff + 11;
    if b11 - a11 > 365 {
        let leap_diff = leap_month_offset(a11);
        if diff >= leap_diff {
            month = diff + 10;
            if diff == leap_diff {
                leap = true;
            }
        }
    }
    if month > 12 {
        month -= 12;
    }
    let lunar_year = if month >= 11 && diff < 4 {
        lunar_year - 1
    } else {
        lunar_year
    };
    let month = if leap { -month } else { month };
    (day as i8, month as i8, lunar_year as i16)
}

/// Julian day number of a Gregorian date.
fn jd_from_date(d: Date) -> i64 {
    let (dd, mm, yy) = (
        i64::from(d.day()),
        i64::from(d.month()),
        i64::from(d.year()),
    );
    let a = (14 - mm) / 12;
    let y = yy + 4800 - a;
    let m = mm + 12 * a - 3;
    dd + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
}

/// The Gregorian date of a Julian day number.
fn jd_to_date(jd: i64) -> Option<Date> {
    // 2440588 is 1970-01-01.
    add_days(Date::constant(1970, 1, 1), jd - 2440588)
}

/// The day (Julian day number, local time) of the `k`-th new moon after 1900-01-01.
fn new_moon_day(k: i64) -> i64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin();
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    let mut c1 = (0.1734 - 0.000393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    let jd_new = jd1 + c1 - delta_t;
    (jd_new + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// The sun's longitude at the start of a day, as one of the 12 sectors of 30°.
fn sun_longitude(jdn: i64) -> i64 {
    let t = (jdn as f64 - 2451545.5 - TIME_ZONE / 24.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    let mut dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin();
    dl += (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin() + 0.000290 * (dr * 3.0 * m).sin();
    let mut l = (l0 + dl) * dr;
    l -= PI * 2.0 * (l / (PI * 2.0)).floor();
    (l / PI * 6.0).floor() as i64
}

/// The first day of the 11th lunar month (the one holding the winter solstice) of solar `year`.
fn lunar_month_11(year: i64) -> i64 {
    let off = jd_from_date(Date::new(year as i16, 12, 31).unwrap_or(Date::constant(2000, 12, 31)))
        - 2415021;
    let k = (off as f64 / 29.530588853).floor() as i64;
    let nm = new_moon_day(k);
    if sun_longitude(nm) >= 9 {
        new_moon_day(k - 1)
    } else {
        nm
    }
}

/// Which month after the 11th is the leap month, in a lunar year of 13 months.
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - 2415021.076998695) / 29.530588853 + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_longitude(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_longitude(new_moon_day(k + i));
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Ngay::parse(text).unwrap().0
    }

    #[test]
    fn tet_is_computed_not_typed_in() {
        assert_eq!(lunar_to_solar(1, 1, 2024), Some(d("10/02/2024")));
        assert_eq!(lunar_to_solar(1, 1, 2025), Some(d("29/01/2025")));
        assert_eq!(lunar_to_solar(1, 1, 2026), Some(d("17/02/2026")));
        assert_eq!(lunar_to_solar(1, 1, 2023), Some(d("22/01/2023")));
        // Giỗ Tổ Hùng Vương, 10/3 lunar.
        assert_eq!(lunar_to_solar(10, 3, 2024), Some(d("18/04/2024")));
        assert_eq!(lunar_to_solar(10, 3, 2025), Some(d("07/04/2025")));
        assert_eq!(lunar_to_solar(10, 3, 2026), Some(d("26/04/2026")));
        // 2023 had a leap 2nd month: Giỗ Tổ fell on 29/4/2023.
        assert_eq!(lunar_to_solar(10, 3, 2023), Some(d("29/04/2023")));
    }

    #[test]
    fn months_are_whole_and_clamp_at_the_end_of_short_months() {
        let n = |t: &str| Ngay::parse(t).unwrap();
        assert_eq!(add_months(n("29/02/2024"), 12), n("28/02/2025"));
        assert_eq!(add_months(n("31/01/2026"), 1), n("28/02/2026"));
        assert_eq!(whole_months(n("29/02/2008"), n("28/02/2026")), 216);
        assert_eq!(whole_months(n("29/02/2008"), n("27/02/2026")), 215);
        assert_eq!(whole_months(n("16/11/2008"), n("16/10/2026")), 215);
        assert_eq!(whole_months(n("16/11/2008"), n("15/11/2026")), 215);
        assert_eq!(whole_months(n("16/11/2008"), n("16/11/2026")), 216);
        assert_eq!(whole_months(n("10/03/2023"), n("10/03/2024")), 12);
        assert_eq!(whole_months(n("10/03/2023"), n("09/03/2024")), 11);
    }

    #[test]
    fn solar_to_lunar_round_trips() {
        assert_eq!(solar_to_lunar(d("10/02/2024")), (1, 1, 2024));
        assert_eq!(solar_to_lunar(d("09/02/2024")), (30, 12, 2023));
        assert_eq!(solar_to_lunar(d("28/01/2025")), (29, 12, 2024));
    }
}
