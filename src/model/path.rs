/*!
Record paths: the forms catalogue names what a form needs and where a document's date and number
stand as paths into a person's record (`hop_chi_bo.ngay`, `nguoi_gioi_thieu[].ngay_viet`,
`quyet_dinh_ket_nap.so`), so that adding a form needs no Rust. A [`PathView`] is the record made
searchable by such paths, built once per person.
*/

use super::{Ngay, Nguoi};
use serde_json::Value;

/// A person's record as a tree that catalogue paths can be looked up in.
#[derive(Debug, Clone, Default)]
pub struct PathView(Value);

impl PathView {
    /// The view of a record.
    pub fn of(n: &Nguoi) -> PathView {
        // A record is plain data (strings, numbers, lists, maps): it always serializes.
        PathView(serde_json::to_value(n).unwrap_or_default())
    }

    /// Whether the record has a value at `path`; `a[].b` needs at least one item and `b` in each.
    pub fn has(&self, path: &str) -> bool {
        has_path(&self.0, path)
    }

    /// The scalar at `path` as text (`a.b`; `a[1].b` takes that item).
    pub fn text(&self, path: &str) -> Option<String> {
        value_at(&self.0, path)
    }

    /// The first date found at `path` (`a[].b` takes the first item that has one).
    pub fn first_date(&self, path: &str) -> Option<Ngay> {
        first_date(&self.0, path)
    }

    /// Every date at `path`, each with the path of its own value (`a[].b` gives `a[0].b`,
    /// `a[1].b`, ...), in the record's order.
    pub fn dates(&self, path: &str) -> Vec<(String, Ngay)> {
        let mut out = Vec::new();
        all_dates(&self.0, path, String::new(), &mut out);
        out
    }

    /// Every text value of the record, wherever it stands (ids of people among them).
    pub fn strings(&self) -> Vec<&str> {
        let mut out = Vec::new();
        collect_strings(&self.0, &mut out);
        out
    }
}

fn value_at(value: &Value, path: &str) -> Option<String> {
    let mut v = value;
    for part in path.split('.') {
        let (key, index) = split_index(part);
        v = v.get(key)?;
        if let Some(i) = index {
            v = v.get(i)?;
        }
    }
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `a[1]` → (`a`, Some(1)); `a` → (`a`, None).
fn split_index(part: &str) -> (&str, Option<usize>) {
    match part.split_once('[') {
        Some((key, rest)) => (key, rest.trim_end_matches(']').parse().ok()),
        None => (part, None),
    }
}

/// One step of a record path: `a[].b` → (`a`, every item, `Some("b")`).
fn path_step(path: &str) -> (&str, bool, Option<&str>) {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    match head.strip_suffix("[]") {
        Some(key) => (key, true, rest),
        None => (head, false, rest),
    }
}

fn has_path(value: &Value, path: &str) -> bool {
    let (key, each, rest) = path_step(path);
    if let (k, Some(i)) = split_index(key) {
        let item = value.get(k).and_then(|v| v.get(i));
        return item.is_some_and(|v| !v.is_null() && rest.is_none_or(|r| has_path(v, r)));
    }
    let Some(v) = value.get(key).filter(|v| !v.is_null()) else {
        return false;
    };
    match (each, rest) {
        (true, _) => v.as_array().is_some_and(|items| {
            !items.is_empty() && items.iter().all(|i| rest.is_none_or(|r| has_path(i, r)))
        }),
        (false, Some(r)) => has_path(v, r),
        (false, None) => true,
    }
}

fn first_date(value: &Value, path: &str) -> Option<Ngay> {
    let (key, each, rest) = path_step(path);
    let v = value.get(key)?;
    match (each, rest) {
        (true, Some(r)) => v.as_array()?.iter().find_map(|i| first_date(i, r)),
        (false, Some(r)) => first_date(v, r),
        (_, None) => Ngay::parse(v.as_str()?),
    }
}

fn all_dates(value: &Value, path: &str, prefix: String, out: &mut Vec<(String, Ngay)>) {
    let (key, each, rest) = path_step(path);
    let Some(v) = value.get(key) else { return };
    let here = if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    };
    match (each, rest) {
        (true, Some(r)) => {
            for (i, item) in v.as_array().into_iter().flatten().enumerate() {
                all_dates(item, r, format!("{here}[{i}]"), out);
            }
        }
        (false, Some(r)) => all_dates(v, r, here, out),
        (_, None) => {
            if let Some(d) = v.as_str().and_then(Ngay::parse) {
                out.push((here, d));
            }
        }
    }
}

fn collect_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(m) => m.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HopChiBo, NguoiGioiThieu};

    #[test]
    fn paths_find_values_items_and_dates() {
        let n = Nguoi {
            ho_ten: Some("Trần Thị Bình".into()),
            hop_chi_bo: Some(HopChiBo {
                ngay: Ngay::parse("16/11/2020"),
                ..Default::default()
            }),
            nguoi_gioi_thieu: vec![
                NguoiGioiThieu::default(),
                NguoiGioiThieu {
                    dang_vien: Some("le-van-an".into()),
                    ngay_viet: Ngay::parse("01/10/2020"),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let v = PathView::of(&n);
        assert!(v.has("hop_chi_bo.ngay"));
        assert!(!v.has("hop_chi_bo.chu_tri"));
        // `[]` needs the key in every item; `[1]` looks at one.
        assert!(!v.has("nguoi_gioi_thieu[].dang_vien"));
        assert!(v.has("nguoi_gioi_thieu[1].dang_vien"));
        assert_eq!(
            v.text("nguoi_gioi_thieu[1].dang_vien").as_deref(),
            Some("le-van-an")
        );
        assert_eq!(
            v.first_date("nguoi_gioi_thieu[].ngay_viet"),
            Ngay::parse("01/10/2020")
        );
        assert!(v.strings().contains(&"le-van-an"));
        // Every item's date, at its own path.
        assert_eq!(
            v.dates("nguoi_gioi_thieu[].ngay_viet"),
            vec![(
                "nguoi_gioi_thieu[1].ngay_viet".to_string(),
                Ngay::parse("01/10/2020").unwrap()
            )]
        );
        assert_eq!(v.dates("hop_chi_bo.ngay").len(), 1);
        assert!(v.dates("le_ket_nap.ngay").is_empty());
    }
}
