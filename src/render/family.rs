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

/// The groups of item (21), in the form's order: the heading the form prints, what it asks more,
/// and, for a group of one relative (a parent, a parent-in-law, the spouse), the words a relation
/// may be written with and still be that relative ("Bố đẻ" and "Cha" are the form's "Cha đẻ";
/// "Bố nuôi" is not).
const GROUPS: [(&str, Extra, &[&str]); 10] = [
    (
        "Ông nội, bà nội, ông ngoại, bà ngoại của bản thân",
        Extra::None,
        &[],
    ),
    (
        "Ông nội, bà nội, ông ngoại, bà ngoại của vợ (chồng)",
        Extra::None,
        &[],
    ),
    ("Cha đẻ", Extra::Birth, &["cha", "bố", "tía", "đẻ", "ruột"]),
    ("Mẹ đẻ", Extra::Birth, &["mẹ", "má", "mạ", "đẻ", "ruột"]),
    (
        "Cha vợ (chồng)",
        Extra::Birth,
        &["cha", "bố", "tía", "vợ", "chồng", "của"],
    ),
    (
        "Mẹ vợ (chồng)",
        Extra::Birth,
        &["mẹ", "má", "mạ", "vợ", "chồng", "của"],
    ),
    ("Vợ (chồng)", Extra::Birth, &["vợ", "chồng"]),
    ("Anh, chị, em ruột của bản thân", Extra::Nationality, &[]),
    ("Anh, chị, em ruột của vợ (chồng)", Extra::Nationality, &[]),
    (
        "Các con (con đẻ, con nuôi có đăng ký hợp pháp)",
        Extra::Nationality,
        &[],
    ),
];

/// The words of a relation written in words, in lower case.
fn words(quan_he: &str) -> Vec<String> {
    quan_he
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether the relatives recorded in group `index` are its one relative, named by the form's own
/// heading: one relative, whose relation has no word but those naming the group. The form then
/// writes the name after the heading ("3. Cha đẻ: Trần Văn Nam"), never a second word for the
/// same person under it ("3. Cha đẻ:" then "Bố đẻ: Trần Văn Nam").
fn named_by_heading(index: usize, relations: &[String]) -> bool {
    let names = GROUPS[index].2;
    match relations {
        [relation] if !names.is_empty() => {
            let words = words(relation);
            !words.is_empty() && words.iter().all(|w| names.contains(&w.as_str()))
        }
        _ => false,
    }
}

/// The group (index into [`GROUPS`]) of a relation written in words, by the words that name it:
/// "ông", "bà" a grandparent; "cha", "bố", "mẹ" a parent; "con" a child; "anh", "chị", "em" a
/// sibling; "vợ", "chồng" the spouse, or, after another relation, the spouse's side ("Mẹ vợ",
/// "Em chồng", "Ông ngoại của vợ"). `None` for words it does not know.
fn group_of(quan_he: &str) -> Option<usize> {
    let words = words(quan_he);
    let has = |names: &[&str]| words.iter().any(|w| names.contains(&w.as_str()));
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
/// number), `ten`, `them` (`noi_sinh`, `quoc_tich` or empty: what more it asks), `nguoi` (the
/// relatives recorded in it, in the record's order) and `ten_o_tieu_de` (its one relative is the
/// one its heading names: the name goes on the heading's line, see [`named_by_heading`]); then,
/// if any, one more group of the relatives whose relation it does not know, under "Người thân
/// khác", so that none is lost.
pub(super) fn filter_nhom_gia_dinh(list: &Value) -> Value {
    let mut members: Vec<Vec<Value>> = vec![Vec::new(); GROUPS.len() + 1];
    let mut relations: Vec<Vec<String>> = vec![Vec::new(); GROUPS.len() + 1];
    if list.kind() == ValueKind::Seq
        && let Ok(items) = list.try_iter()
    {
        for t in items {
            let relation = t
                .get_attr("quan_he")
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let index = group_of(&relation).unwrap_or(GROUPS.len());
            members[index].push(t);
            relations[index].push(relation);
        }
    }
    let other = members.pop().unwrap_or_default();
    let mut groups: Vec<Value> = GROUPS
        .iter()
        .zip(members)
        .enumerate()
        .map(|(i, ((ten, extra, _), nguoi))| {
            group(
                i + 1,
                ten,
                *extra,
                nguoi,
                named_by_heading(i, &relations[i]),
            )
        })
        .collect();
    if !other.is_empty() {
        groups.push(group(
            GROUPS.len() + 1,
            "Người thân khác",
            Extra::None,
            other,
            false,
        ));
    }
    Value::from(groups)
}

fn group(so: usize, ten: &str, extra: Extra, nguoi: Vec<Value>, by_heading: bool) -> Value {
    Value::from_pairs([
        ("so", Value::from(so)),
        ("ten", Value::from(ten)),
        ("them", Value::from(extra.key())),
        ("nguoi", Value::from(nguoi)),
        ("ten_o_tieu_de", Value::from(by_heading)),
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
    fn a_parent_or_spouse_is_named_by_the_heading_unless_the_relation_says_more() {
        let by_heading = |index: usize, relations: &[&str]| {
            named_by_heading(
                index,
                &relations.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
            )
        };
        assert!(by_heading(2, &["Bố đẻ"]));
        assert!(by_heading(2, &["Cha"]));
        assert!(by_heading(3, &["Mẹ đẻ"]));
        assert!(by_heading(4, &["Bố vợ"]));
        assert!(by_heading(5, &["Mẹ chồng"]));
        assert!(by_heading(6, &["Chồng"]));
        // A different person, or two, keep their own words under the heading.
        assert!(!by_heading(2, &["Bố nuôi"]));
        assert!(!by_heading(3, &["Mẹ đẻ", "Mẹ kế"]));
        // Groups of several relatives always list each with its relation.
        assert!(!by_heading(7, &["Em trai"]));
        assert!(!by_heading(0, &["Ông nội"]));
        assert!(!by_heading(2, &[]));
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
