/*!
Vietnamese order of people, the one sort of every list of names: the exports (`list`, `due`, the
register) and the lists inside forms (everyone in one decision, everyone at one ceremony).

A Vietnamese list sorts by the given name (the last word of "Trần Thị Bình"), then the family
name (the first word), then the middle names, each in Vietnamese letter order (a ă â b c d đ e ê
… with the tones after the letters: "Anh" < "Ánh" < "Ba"), as the ICU collation for `vi` orders
them. Ties go to the id, so that the order never depends on the order of the files.
*/

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use std::cmp::Ordering;
use std::sync::OnceLock;

/// The Vietnamese collator, built once (its data is compiled into the binary).
fn collator() -> Option<&'static CollatorBorrowed<'static>> {
    static COLLATOR: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    COLLATOR
        .get_or_init(|| {
            let vi = icu_locale_core::locale!("vi");
            Collator::try_new(vi.into(), CollatorOptions::default()).ok()
        })
        .as_ref()
}

/// Compares two words (or texts) in Vietnamese letter order.
pub fn compare_text(a: &str, b: &str) -> Ordering {
    match collator() {
        Some(c) => c.compare(a, b),
        // Compiled data cannot be missing; should it be, code point order still sorts.
        None => a.cmp(b),
    }
}

/// The parts of a full name in the order a list compares them: given name, family name, then
/// the middle names in their order.
fn name_parts(name: &str) -> Vec<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => Vec::new(),
        [only] => vec![*only],
        [family, middle @ .., given] => {
            let mut parts = vec![*given, *family];
            parts.extend(middle);
            parts
        }
    }
}

/// Compares two full names as a Vietnamese list sorts them.
pub fn compare_names(a: &str, b: &str) -> Ordering {
    let (pa, pb) = (name_parts(a), name_parts(b));
    for (x, y) in pa.iter().zip(&pb) {
        match compare_text(x, y) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    pa.len().cmp(&pb.len())
}

/// Compares two people by name (a person without a name last), then by id.
pub fn compare_people(a: (Option<&str>, &str), b: (Option<&str>, &str)) -> Ordering {
    let by_name = match (a.0, b.0) {
        (Some(x), Some(y)) => compare_names(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_name.then_with(|| a.1.cmp(b.1))
}

/// Sorts items in Vietnamese order of the people they are about: `who` gives the name (if known)
/// and the id of an item's person.
pub fn sort_people<T>(items: &mut [T], who: impl Fn(&T) -> (Option<&str>, &str)) {
    items.sort_by(|a, b| compare_people(who(a), who(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<(String, String)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), format!("{i:03}")))
            .collect();
        sort_people(&mut v, |(n, id)| (Some(n.as_str()), id.as_str()));
        v.into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn given_name_first_then_family_name() {
        assert_eq!(
            sorted(&["Trần Văn Bình", "Lê Thị An", "Nguyễn Văn An", "Đặng Bình"]),
            ["Lê Thị An", "Nguyễn Văn An", "Đặng Bình", "Trần Văn Bình"]
        );
    }

    #[test]
    fn vietnamese_letters_and_tones_in_their_order() {
        // đ after d, ă and â after a, ơ after ô, ư after u; a tone after the bare letter.
        assert_eq!(
            sorted(&[
                "Lê Đức",
                "Lê Dũng",
                "Lê Ân",
                "Lê Ăn",
                "Lê Anh",
                "Lê Ánh",
                "Lê Ưng",
                "Lê Uyên",
                "Lê Ơn",
                "Lê Ôn",
            ]),
            [
                "Lê Anh",
                "Lê Ánh",
                "Lê Ăn",
                "Lê Ân",
                "Lê Dũng",
                "Lê Đức",
                "Lê Ôn",
                "Lê Ơn",
                "Lê Uyên",
                "Lê Ưng"
            ]
        );
    }

    #[test]
    fn people_without_a_name_come_last_and_ties_go_to_the_id() {
        let mut v = vec![
            (None, "b"),
            (Some("Lê An"), "z"),
            (None, "a"),
            (Some("Lê An"), "y"),
        ];
        sort_people(&mut v, |(n, id)| (*n, *id));
        assert_eq!(
            v,
            [
                (Some("Lê An"), "y"),
                (Some("Lê An"), "z"),
                (None, "a"),
                (None, "b")
            ]
        );
    }
}
