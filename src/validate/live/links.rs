//! What links a person's record to others, and who links to what: which people a change of one
//! record can concern.

use crate::model::Record;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// What links a person's record to others: their own id, every value of it that could be the id
/// of someone it names, and every document number it names (`#45-QĐ/ĐU`, as the number index
/// reads them). When a record changes, whoever links to its id, or to a document its old or new
/// version names, is checked again.
pub(crate) fn of(record: &Record) -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => {
                let s = s.trim();
                if crate::model::id::is_id(s) {
                    out.push(s.to_string());
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(fields) => fields.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = vec![record.id.clone()];
    if let Ok(value) = serde_json::to_value(&record.nguoi) {
        walk(&value, &mut out);
    }
    out.extend(super::super::numbers::documents(&record.nguoi).map(|d| format!("#{d}")));
    out.sort();
    out.dedup();
    out
}

/// The links of each person, and the people of each link.
#[derive(Debug, Default)]
pub(super) struct Links {
    /// Each person's links, by id (sorted).
    of: HashMap<String, Vec<String>>,
    /// The people whose records hold each link.
    by: HashMap<String, HashSet<String>>,
}

impl Links {
    /// The links of everyone of `people`.
    pub(super) fn all(people: &[Record]) -> Links {
        let mut links = Links::default();
        let all: Vec<(String, Vec<String>)> =
            people.par_iter().map(|r| (r.id.clone(), of(r))).collect();
        for (id, held) in all {
            links.set(&id, Some(held));
        }
        links
    }

    /// The links of the person `id` as last set.
    pub(super) fn get(&self, id: &str) -> Option<&Vec<String>> {
        self.of.get(id)
    }

    /// Sets the links of the person `id`; `None` when there is no such person any more.
    pub(super) fn set(&mut self, id: &str, held: Option<Vec<String>>) {
        if let Some(old) = self.of.remove(id) {
            for link in old {
                if let Some(people) = self.by.get_mut(&link) {
                    people.remove(id);
                    if people.is_empty() {
                        self.by.remove(&link);
                    }
                }
            }
        }
        if let Some(held) = held {
            for link in &held {
                self.by
                    .entry(link.clone())
                    .or_default()
                    .insert(id.to_string());
            }
            self.of.insert(id.to_string(), held);
        }
    }

    /// Adds to `concerned` what a change of the person `id` concerns, whose record now holds the
    /// links `new` (`None`: gone): their id, and every document their old or new record names.
    /// Call it before [`Links::set`] takes the new links.
    pub(super) fn concerned_by(
        &self,
        id: &str,
        new: Option<&Vec<String>>,
        concerned: &mut HashSet<String>,
    ) {
        let documents = self.get(id).into_iter().chain(new).flatten();
        concerned.extend(documents.filter(|l| l.starts_with('#')).cloned());
        concerned.insert(id.to_string());
    }

    /// The people whose records hold any of `links`.
    pub(super) fn naming<'a>(&'a self, links: &'a HashSet<String>) -> HashSet<&'a str> {
        links
            .iter()
            .filter_map(|l| self.by.get(l))
            .flatten()
            .map(String::as_str)
            .collect()
    }
}
