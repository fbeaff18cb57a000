//! Dates as clerks write them: `16/11/2020` (the Vietnamese habit, also typed `16-11-2020` or
//! `16.11.2020`) or `2020-11-16`. Every reader of a date (the records, the desk, the command
//! line, import) goes through [`Ngay::parse`], and every refusal names [`ACCEPTED_VI`].

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date of the records (no time of day, no time zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ngay(pub Date);

/// Marks a serde error raised by [`Ngay`]'s deserializer, so that the loader can turn it into a
/// proper `invalid-date` diagnostic with both languages (serde errors are plain strings).
pub(crate) const INVALID_DATE_MARK: &str = "hoso:invalid-date:";

/// The forms of a date hoso reads, as a refusal names them.
pub const ACCEPTED_VI: &str = "ngày/tháng/năm: 16/11/2020, 16-11-2020, 16.11.2020 hoặc 2020-11-16";
/// The same, in English.
pub const ACCEPTED_EN: &str = "day/month/year: 16/11/2020, 16-11-2020, 16.11.2020 or 2020-11-16";

impl Ngay {
    /// Reads `16/11/2020`, `6/1/2020`, `16-11-2020`, `16.11.2020` or `2020-11-16`: day first
    /// unless the year comes first; `None` if it is not a real calendar date.
    pub fn parse(text: &str) -> Option<Ngay> {
        let text = text.trim();
        let separator = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
        let mut parts = text.splitn(3, separator);
        let (first, m, last) = (parts.next()?, parts.next()?, parts.next()?);
        // The year is four digits: first in ISO (`2020-11-16`), last in the Vietnamese habit.
        let (y, d) = if separator == '-' && first.len() == 4 {
            (first, last)
        } else {
            (last, first)
        };
        let number = |s: &str, max_len: usize| -> Option<i16> {
            (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (y, m, d) = (number(y, 4)?, number(m, 2)?, number(d, 2)?);
        if y < 1900 {
            return None;
        }
        Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?)
            .ok()
            .map(Ngay)
    }

    /// `16/11/2020`.
    pub fn short(self) -> String {
        format!(
            "{:02}/{:02}/{}",
            self.0.day(),
            self.0.month(),
            self.0.year()
        )
    }

    /// The day and month as Party documents print them in "ngày .. tháng .. năm ..": days below 10
    /// and the months 1 and 2 get a leading zero (36-HD/VPTW example "ngày 20 tháng 02 năm 2018"),
    /// so that nobody can add a digit in front by hand.
    pub fn day_month_padded(self) -> (String, String) {
        let day = format!("{:02}", self.0.day());
        let month = if self.0.month() <= 2 {
            format!("{:02}", self.0.month())
        } else {
            self.0.month().to_string()
        };
        (day, month)
    }

    /// `ngày 16 tháng 11 năm 2020`.
    pub fn long(self) -> String {
        let (d, m) = self.day_month_padded();
        format!("ngày {d} tháng {m} năm {}", self.0.year())
    }

    /// The date in figures as documents print it, padded as in [`Ngay::long`]: "16/3/2026",
    /// "05/02/2026" (and as the regulations are cited: "ngày 09/6/2025", "ngày 18/01/2022").
    pub fn numeric(self) -> String {
        let (d, m) = self.day_month_padded();
        format!("{d}/{m}/{}", self.0.year())
    }

    /// ISO 8601, the form used inside template contexts and JSON.
    pub fn iso(self) -> String {
        self.0.to_string()
    }
}

impl fmt::Display for Ngay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short())
    }
}

impl<'de> Deserialize<'de> for Ngay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // YAML may hand over `2020` as a number; take every scalar as text.
        let text = deserializer.deserialize_any(AsText)?;
        Ngay::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{INVALID_DATE_MARK}{text}")))
    }
}

impl Serialize for Ngay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

/// A point in a person's history, as precise as the clerk knows it: `16/11/2020`, `09/2018` or
/// `2018` (lý lịch entries, relatives' years of birth). Printed as written, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ThoiDiem {
    /// A whole year.
    Nam(i16),
    /// A month of a year.
    Thang(i16, i8),
    /// A day.
    Ngay(Ngay),
}

impl ThoiDiem {
    /// Reads `16/11/2020`, `2020-11-16`, `09/2018`, `9/2018` or `2018`.
    pub fn parse(text: &str) -> Option<ThoiDiem> {
        let text = text.trim();
        if let Some(d) = Ngay::parse(text) {
            return Some(ThoiDiem::Ngay(d));
        }
        let year = |s: &str| -> Option<i16> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
                .filter(|y| *y >= 1850)
        };
        match text.split_once('/') {
            Some((m, y)) => {
                let m: i8 =
                    (!m.is_empty() && m.len() <= 2 && m.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| m.parse().ok())
                        .flatten()?;
                (1..=12)
                    .contains(&m)
                    .then_some(ThoiDiem::Thang(year(y)?, m))
            }
            None => year(text).map(ThoiDiem::Nam),
        }
    }

    /// The year.
    pub fn year(self) -> i16 {
        match self {
            ThoiDiem::Nam(y) | ThoiDiem::Thang(y, _) => y,
            ThoiDiem::Ngay(d) => d.0.year(),
        }
    }
}

impl fmt::Display for ThoiDiem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThoiDiem::Nam(y) => write!(f, "{y}"),
            ThoiDiem::Thang(y, m) => write!(f, "{m:02}/{y}"),
            ThoiDiem::Ngay(d) => f.write_str(&d.short()),
        }
    }
}

impl<'de> Deserialize<'de> for ThoiDiem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = deserializer.deserialize_any(AsText)?;
        ThoiDiem::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{INVALID_DATE_MARK}{text}")))
    }
}

impl Serialize for ThoiDiem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Templates print it as the clerk wrote it.
        serializer.serialize_str(&self.to_string())
    }
}

/// Reads any YAML value as the text a clerk wrote: `2020` (a number to YAML), `16/11/2020`, or
/// anything else, which then fails as a date (`invalid-date`) rather than as a type.
struct AsText;

impl<'de> serde::de::Visitor<'de> for AsText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<String, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok("[...]".into())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok("{...}".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_habits() {
        let d = Ngay::parse("16/11/2020").unwrap();
        assert_eq!(d, Ngay::parse("2020-11-16").unwrap());
        assert_eq!(d, Ngay::parse(" 16/11/2020 ").unwrap());
        assert_eq!(Ngay::parse("6/1/2020").unwrap().short(), "06/01/2020");
    }

    #[test]
    fn reads_dashes_and_dots_as_slashes() {
        let d = Ngay::parse("05/03/1998").unwrap();
        for s in ["05-03-1998", "05.03.1998", "5.3.1998", "5-3-1998"] {
            assert_eq!(Ngay::parse(s), Some(d), "{s}");
        }
        assert_eq!(d.short(), "05/03/1998");
        assert_eq!(Ngay::parse("31.02.1998"), None);
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "",
            "31/02/2020",
            "2020",
            "16/11/20201",
            "16/11-2020",
            "2020.11.16",
            "2020/11/16",
            "aa/bb/cccc",
            "0/1/2020",
            "1/1/0099",
        ] {
            assert_eq!(Ngay::parse(bad), None, "{bad}");
        }
        assert!(Ngay::parse("29/02/2024").is_some());
        assert!(Ngay::parse("29/02/2023").is_none());
    }

    #[test]
    fn points_in_history_keep_their_precision() {
        assert_eq!(ThoiDiem::parse("9/2018").unwrap().to_string(), "09/2018");
        assert_eq!(ThoiDiem::parse("2018").unwrap().to_string(), "2018");
        assert_eq!(
            ThoiDiem::parse("2018-03-05").unwrap().to_string(),
            "05/03/2018"
        );
        for bad in ["13/2018", "18", "09/18", "x/2018", "1/1/18"] {
            assert_eq!(ThoiDiem::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn figures_in_documents_pad_as_the_long_form() {
        let n = |s: &str| Ngay::parse(s).unwrap().numeric();
        assert_eq!(n("16/03/2026"), "16/3/2026");
        assert_eq!(n("5/2/2026"), "05/02/2026");
        assert_eq!(n("9/6/2025"), "09/6/2025");
    }

    #[test]
    fn long_form_pads_small_days_and_first_months() {
        assert_eq!(
            Ngay::parse("20/02/2018").unwrap().long(),
            "ngày 20 tháng 02 năm 2018"
        );
        assert_eq!(
            Ngay::parse("5/11/2020").unwrap().long(),
            "ngày 05 tháng 11 năm 2020"
        );
        assert_eq!(
            Ngay::parse("16/3/2026").unwrap().long(),
            "ngày 16 tháng 3 năm 2026"
        );
    }
}
