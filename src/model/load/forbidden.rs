//! The characters no value may hold, found where a file is read: each an error at its line and
//! column, whether written raw or as an escape in quotes.

use super::from_yaml;
use crate::diag::{Diagnostic, Problem, SourceFile};
use crate::model::SpanIndex;
use std::sync::Arc;

/// The characters of a file no value may hold (control, bidi, invisible: see
/// [`crate::model::chars::forbidden`]), each an error at its line and column; at most ten a file. Those
/// written as escapes in quotes (`"An\u202E"`) are found in the values, at the value.
pub(super) fn forbidden_chars(file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    let raw = forbidden_raw(file);
    if raw.is_empty() && file.text.contains('\\') {
        return forbidden_escaped(file);
    }
    raw
}

/// The characters no value may hold written as escapes: only a file with a backslash can have
/// one, and only such a file is read a second time, into plain values, to find them.
fn forbidden_escaped(file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    fn walk(v: &serde_json::Value, path: &str, found: &mut Vec<(String, char)>) {
        let join = |k: &str| {
            if path.is_empty() {
                k.to_string()
            } else {
                format!("{path}.{k}")
            }
        };
        match v {
            serde_json::Value::String(s) => {
                if let Some((_, ch, _)) = crate::model::chars::forbidden_in(s).next() {
                    found.push((path.to_string(), ch));
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), found);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, item) in map {
                    walk(item, &join(k), found);
                }
            }
            _ => {}
        }
    }
    let Ok(value) = from_yaml::<serde_json::Value>(&file.text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    walk(&value, "", &mut found);
    if found.is_empty() {
        return Vec::new();
    }
    let spans = SpanIndex::lazy(file.clone());
    found
        .into_iter()
        .take(10)
        .filter_map(|(path, ch)| {
            let kind = crate::model::chars::forbidden(ch)?;
            let problem = Problem::ForbiddenChar { ch, kind };
            Some(Diagnostic::error(problem, Some(spans.locate(&path))))
        })
        .collect()
}

fn forbidden_raw(file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    crate::model::chars::forbidden_in(&file.text)
        .take(10)
        .map(|(at, ch, kind)| {
            let before = &file.text[..at];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let location = crate::diag::Location {
                file: file.clone(),
                range: at..at + ch.len_utf8(),
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
            };
            Diagnostic::error(Problem::ForbiddenChar { ch, kind }, Some(location))
        })
        .collect()
}
