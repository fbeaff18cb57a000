//! Item (21) of the personal history under 38-HD/BTCTW, "Hoàn cảnh gia đình": ten groups of
//! relatives, each asking its own facts (parents and spouse their place of birth and class
//! background; siblings and children their nationality and criminal record). A record lists
//! relatives one by one with the relation in words ("Bố đẻ", "Em gái", "Mẹ vợ"); this sorts them
//! into the form's groups, so that a filled form shows all ten, with dotted lines where nothing is
//! recorded, as the blank form does.

use minijinja::Value;
use minijinja::value::ValueKind;

/// What a group asks of each relative beyond name, years, home town, residence, occupation and
/// history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extra {
    /// Nothing more (grandparents).
    None,
    /// Place of birth and class background (parents, parents-in-law, spouse).
    Birth,
    /// Nationality and criminal record, if any (siblings, children).
    Nationality,
}

impl Extra {
    fn key(self) -> &'static str {
        match self {
            Extra::None => "",
            Extra::Birth => "noi_sinh",
            Extra::Nationality => "quoc_tich",
        }
    }
}

/// The groups of item (21), in the form's order.
const GROUPS: [(&str, Extra); 10] = [
    (
        "Ông nội, bà nội, ông ngoại, bà ngoại của bản thân",
        Extra::None,
    ),
    (
        "Ông nội, bà nội, ông ngoại, bà ngoại của vợ (chồng)",
        Extra::None,
    ),
    ("Cha đẻ", Extra::Birth),
    ("Mẹ đẻ", Extra::Birth),
    ("Cha vợ (chồng)", Extra::Birth),
    ("Mẹ vợ (chồng)", Extra::Birth),
    ("Vợ (chồng)", Extra::Birth),
    ("Anh, chị, em ruột của bản thân", Extra::Nationality),
    ("Anh, chị, em ruột của vợ (chồng)", Extra::Nationality),
    (
        "Các con (con đẻ, con nuôi có đăng ký hợp pháp)",
        Extra::Nationality,
    ),
];

/// The group (index into [`GROUPS`]) of a relation written in words, by the words that name it:
/// "ông", "bà" a grandparent; "cha", "bố", "mẹ" a parent; "con" a child; "anh", "chị", "em" a
/// sibling; "vợ", "chồng" the spouse, or, after another relation, the spouse's side ("Mẹ vợ",
/// "Em chồng", "Ông ngoại của vợ"). `None` for words it does not know.
fn group_of(quan_he: &str) -> Option<usize> {
    let lower = quan_he.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |names: &[&str]| words.iter().any(|w| names.contains(w));
    let spouse_side = has(&["vợ", "chồng"]);
    let side = |own: usize| if spouse_side { own + 1 } else { own };
    if has(&["ông", "bà"]) {
        Some(side(0))
    } else if has(&["cha", "bố", "tía"]) {
        Some(if spouse_side { 4 } else { 2 })
    } else if has(&["mẹ", "má", "mạ"]) {
        Some(if spouse_side { 5 } else { 3 })
    } else if has(&["con"]) {
        Some(9)
    } else if has(&["anh", "chị", "em"]) {
        Some(side(7))
    } else if spouse_side {
        Some(6)
    } else {
        None
    }
}

/// `{{ ly_lich.gia_dinh | nhom_gia_dinh }}`: the ten groups of item (21), each a map of `so` (its
/// number), `ten`, `them` (`noi_sinh`, `quoc_tich` or empty: what more it asks) and `nguoi` (the
/// relatives recorded in it, in the record's order); then, if any, one more group of the
/// relatives whose relation it does not know, under "Người thân khác", so that none is lost.
pub(super) fn filter_nhom_gia_dinh(list: &Value) -> Value {
    let mut members: Vec<Vec<Value>> = vec![Vec::new(); GROUPS.len() + 1];
    if list.kind() == ValueKind::Seq
        && let Ok(items) = list.try_iter()
    {
        for t in items {
            let relation = t
                .get_attr("quan_he")
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            members[group_of(&relation).unwrap_or(GROUPS.len())].push(t);
        }
    }
    let other = members.pop().unwrap_or_default();
    let mut groups: Vec<Value> = GROUPS
        .iter()
        .zip(members)
        .enumerate()
        .map(|(i, ((ten, extra), nguoi))| group(i + 1, ten, *extra, nguoi))
        .collect();
    if !other.is_empty() {
        groups.push(group(
            GROUPS.len() + 1,
            "Người thân khác",
            Extra::None,
            other,
        ));
    }
    Value::from(groups)
}

fn group(so: usize, ten: &str, extra: Extra, nguoi: Vec<Value>) -> Value {
    Value::from_pairs([
        ("so", Value::from(so)),
        ("ten", Value::from(ten)),
        ("them", Value::from(extra.key())),
        ("nguoi", Value::from(nguoi)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_in_words_fall_into_the_forms_groups() {
        let cases = [
            ("Bố đẻ", Some(2)),
            ("Cha đẻ", Some(2)),
            ("Mẹ đẻ", Some(3)),
            ("Bố vợ", Some(4)),
            ("Mẹ chồng", Some(5)),
            ("Vợ", Some(6)),
            ("Chồng", Some(6)),
            ("Em trai", Some(7)),
            ("Chị gái", Some(7)),
            ("Anh vợ", Some(8)),
            ("Em chồng", Some(8)),
            ("Con trai", Some(9)),
            ("Con nuôi", Some(9)),
            ("Ông nội", Some(0)),
            ("Bà ngoại", Some(0)),
            ("Ông nội của vợ", Some(1)),
            ("Bà ngoại (chồng)", Some(1)),
            ("Người giám hộ", None),
        ];
        for (words, group) in cases {
            assert_eq!(group_of(words), group, "{words}");
        }
    }

    #[test]
    fn every_group_is_there_even_with_nothing_recorded() {
        let groups = filter_nhom_gia_dinh(&Value::from(Vec::<Value>::new()));
        assert_eq!(groups.len(), Some(10));
        let recorded = Value::from(vec![
            Value::from_pairs([("quan_he", Value::from("Mẹ đẻ"))]),
            Value::from_pairs([("quan_he", Value::from("Người giám hộ"))]),
        ]);
        let groups = filter_nhom_gia_dinh(&recorded);
        assert_eq!(groups.len(), Some(11), "the unknown relation is kept");
        let mother = groups.get_item(&Value::from(3)).unwrap();
        assert_eq!(mother.get_attr("nguoi").unwrap().len(), Some(1));
        assert_eq!(mother.get_attr("them").unwrap().as_str(), Some("noi_sinh"));
    }
}
