//! The period of an article, and how Vietnamese papers write it: "9 tháng đầu năm 2021",
//! "năm 2025", "quý III/2026", "nhiệm kỳ 2020–2025", "từ đầu năm đến tháng 11/2020".

use crate::model::Ngay;
use jiff::civil::Date;
use jiff::{Span, ToSpan};

/// A committee term with both ends known (from `bao-cao.yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// First day.
    pub from: Ngay,
    /// Last day.
    pub to: Ngay,
    /// The target of new members for the whole term.
    pub target: Option<u32>,
}

impl Term {
    /// "2020–2025".
    pub fn years(&self) -> String {
        format!("{}–{}", self.from.0.year(), self.to.0.year())
    }
}

/// The days an article reports on, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: Ngay,
    /// Last day.
    pub to: Ngay,
}

impl Period {
    /// The period from `from` to `to`; `None` when `to` comes before `from`.
    pub fn new(from: Ngay, to: Ngay) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// Whether `date` falls in the period.
    pub fn contains(&self, date: Ngay) -> bool {
        self.from <= date && date <= self.to
    }

    /// The last day before the period: members "at the start" are those counted at its end.
    pub fn day_before(&self) -> Ngay {
        Ngay(self.from.0.yesterday().unwrap_or(self.from.0))
    }

    /// The term this period is, or starts, when it lies in one.
    pub fn term<'a>(&self, terms: &'a [Term]) -> Option<&'a Term> {
        terms
            .iter()
            .find(|t| t.from == self.from && self.to <= t.to)
    }

    /// The period as a paper writes it.
    pub fn wording(&self, terms: &[Term]) -> String {
        let (from, to) = (self.from.0, self.to.0);
        if let Some(term) = self.term(terms) {
            return if term.to == self.to {
                format!("nhiệm kỳ {}", term.years())
            } else {
                format!(
                    "từ đầu nhiệm kỳ {} đến tháng {}/{}",
                    term.years(),
                    to.month(),
                    to.year()
                )
            };
        }
        let starts_year = from.month() == 1 && from.day() == 1;
        let ends_month = to == to.last_of_month();
        if starts_year && to.month() == 12 && ends_month {
            return if from.year() == to.year() {
                format!("năm {}", to.year())
            } else {
                format!("giai đoạn {}–{}", from.year(), to.year())
            };
        }
        if from.year() == to.year() && from.day() == 1 && ends_month {
            let months = to.month() - from.month() + 1;
            if months == 3 && (from.month() - 1) % 3 == 0 {
                let quarter = ["I", "II", "III", "IV"][((from.month() - 1) / 3) as usize];
                return format!("quý {quarter}/{}", to.year());
            }
            if months == 1 {
                return format!("tháng {}/{}", to.month(), to.year());
            }
            if starts_year {
                return format!("{months} tháng đầu năm {}", to.year());
            }
        }
        if starts_year && from.year() == to.year() {
            return format!("từ đầu năm đến tháng {}/{}", to.month(), to.year());
        }
        format!("từ {} đến {}", self.from.short(), self.to.short())
    }

    /// How the start of the period is named: "đầu năm 2021", "đầu nhiệm kỳ 2020–2025".
    pub fn start_wording(&self, terms: &[Term]) -> String {
        let from = self.from.0;
        if let Some(term) = self.term(terms) {
            format!("đầu nhiệm kỳ {}", term.years())
        } else if from.month() == 1 && from.day() == 1 {
            format!("đầu năm {}", from.year())
        } else if from.day() == 1 {
            format!("đầu tháng {}/{}", from.month(), from.year())
        } else {
            format!("ngày {}", self.from.short())
        }
    }

    /// How the end of the period is named: "cuối năm 2025", "hết tháng 9/2021".
    pub fn end_wording(&self, terms: &[Term]) -> String {
        let to = self.to.0;
        if self.term(terms).is_some_and(|t| t.to == self.to) {
            "cuối nhiệm kỳ".to_string()
        } else if to.month() == 12 && to.day() == 31 {
            format!("cuối năm {}", to.year())
        } else if to == to.last_of_month() {
            format!("hết tháng {}/{}", to.month(), to.year())
        } else {
            format!("ngày {}", self.to.short())
        }
    }

    /// The period to compare with: the term before a whole term (as recorded, or as long),
    /// otherwise the same days as many whole years earlier as the period lasts ("cùng kỳ năm
    /// trước"). A term not yet over has no such period: the article compares it with its last
    /// year instead ([`Period::this_year`]).
    pub fn previous(&self, terms: &[Term]) -> Option<Period> {
        if let Some(term) = self.term(terms) {
            if term.to != self.to {
                return None;
            }
            if let Some(before) = terms
                .iter()
                .filter(|t| t.to < term.from)
                .max_by_key(|t| t.to)
            {
                return Some(Period {
                    from: before.from,
                    to: before.to,
                });
            }
        }
        // Whole years covering the period: 1 for up to a year, 5 for a term of five years.
        let years = ((i64::from(self.days()) + 365) / 366).max(1);
        let back = |d: Date, whole_month_end: bool| {
            let shifted = d.checked_sub(years.years()).unwrap_or(d);
            // 29/02 goes back to 28/02; a month's last day stays a month's last day.
            if whole_month_end {
                shifted.last_of_month()
            } else {
                shifted
            }
        };
        let to_is_month_end = self.to.0 == self.to.0.last_of_month();
        Some(Period {
            from: Ngay(back(self.from.0, false)),
            to: Ngay(back(self.to.0, to_is_month_end)),
        })
    }

    /// The period after "so với": a term or a year by its name ("nhiệm kỳ 2015–2020", "năm
    /// 2019"), the same days a year before as "cùng kỳ năm 2019", longer spans as "5 năm trước
    /// đó"; never "so với từ … đến …".
    pub fn compared_wording(&self, previous: &Period, terms: &[Term]) -> String {
        let named = previous.wording(terms);
        if named.starts_with("nhiệm kỳ")
            || named.starts_with("năm ")
            || named.starts_with("giai đoạn")
        {
            return named;
        }
        let years = i64::from(self.to.0.year() - previous.to.0.year());
        if years <= 1 {
            if self.from.0.year() == self.to.0.year()
                && previous.from.0.year() == previous.to.0.year()
            {
                format!("cùng kỳ năm {}", previous.to.0.year())
            } else {
                "cùng kỳ năm trước".to_string()
            }
        } else {
            format!("{years} năm trước đó")
        }
    }

    /// The period as it follows a verb or opens a sentence: "trong 9 tháng đầu năm 2021",
    /// "trong nhiệm kỳ 2020–2025", "từ đầu năm đến tháng 11/2020" (which takes no "trong").
    pub fn adverbial(&self, terms: &[Term]) -> String {
        let w = self.wording(terms);
        if w.starts_with("từ ") {
            w
        } else {
            format!("trong {w}")
        }
    }

    /// The last year of a period that spans several, up to the period's end: what an article
    /// about a term so far gives as "riêng năm 2023". `None` within one year.
    pub fn this_year(&self) -> Option<Period> {
        if self.from.0.year() == self.to.0.year() {
            return None;
        }
        let first = Date::new(self.to.0.year(), 1, 1).ok()?;
        Some(Period {
            from: Ngay(first),
            to: self.to,
        })
    }

    /// Length in days, both ends included.
    pub fn days(&self) -> i32 {
        self.from
            .0
            .until(self.to.0)
            .map(|s: Span| s.get_days())
            .unwrap_or(0)
            + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(from: &str, to: &str) -> Period {
        Period::new(Ngay::parse(from).unwrap(), Ngay::parse(to).unwrap()).unwrap()
    }

    fn term(from: &str, to: &str) -> Term {
        Term {
            from: Ngay::parse(from).unwrap(),
            to: Ngay::parse(to).unwrap(),
            target: Some(20),
        }
    }

    #[test]
    fn periods_read_as_papers_write_them() {
        let terms = [term("01/07/2020", "30/06/2025")];
        for (from, to, expected) in [
            ("01/01/2021", "30/09/2021", "9 tháng đầu năm 2021"),
            ("01/01/2026", "30/06/2026", "6 tháng đầu năm 2026"),
            ("01/01/2025", "31/12/2025", "năm 2025"),
            ("01/07/2026", "30/09/2026", "quý III/2026"),
            ("01/01/2026", "31/03/2026", "quý I/2026"),
            ("01/11/2026", "30/11/2026", "tháng 11/2026"),
            ("01/01/2020", "16/11/2020", "từ đầu năm đến tháng 11/2020"),
            ("16/10/2026", "22/11/2026", "từ 16/10/2026 đến 22/11/2026"),
            ("01/07/2020", "30/06/2025", "nhiệm kỳ 2020–2025"),
            (
                "01/07/2020",
                "15/10/2023",
                "từ đầu nhiệm kỳ 2020–2025 đến tháng 10/2023",
            ),
            ("01/01/2021", "31/12/2023", "giai đoạn 2021–2023"),
        ] {
            assert_eq!(p(from, to).wording(&terms), expected, "{from}–{to}");
        }
    }

    #[test]
    fn a_period_is_compared_with_the_same_days_a_year_before_or_the_term_before() {
        let nine_months = p("01/01/2021", "30/09/2021");
        assert_eq!(
            nine_months.previous(&[]),
            Some(p("01/01/2020", "30/09/2020"))
        );
        assert_eq!(
            nine_months.compared_wording(&p("01/01/2020", "30/09/2020"), &[]),
            "cùng kỳ năm 2020"
        );
        let feb = p("01/02/2024", "29/02/2024");
        assert_eq!(feb.previous(&[]), Some(p("01/02/2023", "28/02/2023")));
        let terms = [
            term("01/07/2015", "30/06/2020"),
            term("01/07/2020", "30/06/2025"),
        ];
        let term = p("01/07/2020", "30/06/2025");
        let before = p("01/07/2015", "30/06/2020");
        assert_eq!(term.previous(&terms), Some(before));
        assert_eq!(term.compared_wording(&before, &terms), "nhiệm kỳ 2015–2020");
        // without the earlier term recorded: as many years before as the term spans
        assert_eq!(term.previous(&terms[1..]), Some(before));
        // a term not over yet is compared with its own last year, not with another period
        let so_far = p("01/07/2020", "15/10/2023");
        assert_eq!(so_far.previous(&terms), None);
        assert_eq!(so_far.this_year(), Some(p("01/01/2023", "15/10/2023")));
        assert_eq!(
            p("01/01/2020", "16/11/2020").adverbial(&terms),
            "từ đầu năm đến tháng 11/2020"
        );
        assert_eq!(
            p("01/01/2021", "30/09/2021").adverbial(&terms),
            "trong 9 tháng đầu năm 2021"
        );
        assert_eq!(
            p("01/01/2025", "31/12/2025").compared_wording(&p("01/01/2024", "31/12/2024"), &terms),
            "năm 2024"
        );
        let five = p("01/07/2020", "30/06/2025");
        assert_eq!(
            five.compared_wording(&five.previous(&[]).unwrap(), &[]),
            "5 năm trước đó"
        );
    }

    #[test]
    fn start_and_end_are_named() {
        let terms = [term("01/07/2020", "30/06/2025")];
        let nine = p("01/01/2021", "30/09/2021");
        assert_eq!(nine.start_wording(&terms), "đầu năm 2021");
        assert_eq!(nine.end_wording(&terms), "hết tháng 9/2021");
        let whole = p("01/07/2020", "30/06/2025");
        assert_eq!(whole.start_wording(&terms), "đầu nhiệm kỳ 2020–2025");
        assert_eq!(whole.end_wording(&terms), "cuối nhiệm kỳ");
        assert_eq!(p("16/10/2026", "22/11/2026").days(), 38);
    }
}
