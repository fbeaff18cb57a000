//! The order of the documents of a dossier (R8): one check over the sequence the rule book
//! declares (`trinh_tu` in `forms/quy-tac.yaml`). Every pair of recorded documents one of which
//! comes after the other is compared, however far apart they stand and whatever lies between them
//! unrecorded; the one dated before what it follows is reported at its own date.

use super::Ctx;
use crate::diag::{Diagnostic, Problem};
use crate::model::{Ngay, PathView, Record};
use crate::rules::Sequence;

/// Each step's recorded dates, at the path of each value, in the order of the sequence.
pub type Recorded = Vec<Vec<(String, Ngay)>>;

/// What [`Recorded`] says of a record.
pub fn recorded(sequence: &Sequence, view: &PathView) -> Recorded {
    sequence
        .steps
        .iter()
        .map(|step| step.ngay.iter().flat_map(|p| view.dates(p)).collect())
        .collect()
}

/// The document-order problems of one person, whose documents' dates are `dates` (the
/// [`recorded`] of the built-in sequence).
pub fn person(ctx: &Ctx, record: &Record, dates: &Recorded) -> Vec<Diagnostic> {
    let sequence = &crate::rules::RuleBook::builtin().trinh_tu;
    let mut d = Vec::new();
    for (e, l) in sequence.pairs() {
        if dates[e].is_empty() || dates[l].is_empty() {
            continue;
        }
        for (later_path, later_date) in &dates[l] {
            for (earlier_path, earlier_date) in &dates[e] {
                if later_date >= earlier_date {
                    continue;
                }
                let set = ctx.rules.on(*later_date);
                d.push(Diagnostic {
                    problem: Problem::DocumentOrder {
                        earlier: earlier_path.clone(),
                        earlier_date: earlier_date.short(),
                        later: later_path.clone(),
                        later_date: later_date.short(),
                        cite: set.cite("R8"),
                    },
                    severity: set.severity("R8"),
                    location: Some(record.spans.locate(later_path)),
                });
            }
        }
    }
    d
}
