/*!
Validation: the checks a clerk runs before a meeting or a submission upward.

Every check returns all the problems it finds (it never stops at the first), each located at the
offending value. A person whose record and organisation have no errors becomes a [`Checked`]
person: the only thing the render stage accepts.

Two kinds of checks: the shape of the records (`required`, `dates`, `references`, `branches`,
`report`), and the admission rules of the set in force on the date of each event
(`eligibility` R2–R16, `sponsors` R20–R22, `votes` R25–R29, `deadlines` R31–R38, `readmission`
R40–R41), whose parameters, severities and citations come from [`crate::rules`] and whose
working days come from [`crate::calendar`]. A rule only judges the facts a record holds: a time
limit still running is `hoso due`'s business.
*/

mod branches;
mod dates;
mod deadlines;
mod eligibility;
mod local_rules;
mod readmission;
mod references;
mod report;
mod required;
mod sponsors;
mod votes;

pub use deadlines::probation_end;
pub use eligibility::grade;
pub use local_rules::org as check_local_rules;

use crate::calendar::Calendar;
use crate::diag::{Diagnostic, Problem, has_errors};
use crate::model::{Record, Workspace};
use crate::rules::InForce;
use rayon::prelude::*;

/// What the admission rules need besides the record: the workspace, the rule sets in force with
/// its own rules, and its working-day calendar. Built once per validation.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// The workspace (other people, for sponsors).
    pub workspace: &'a Workspace,
    /// The rule sets, with the workspace's own rules applied.
    pub rules: InForce,
    /// Working days, with the workspace's days off and make-up days.
    pub calendar: Calendar,
}

impl<'a> Ctx<'a> {
    /// The context of a workspace.
    pub fn new(workspace: &'a Workspace) -> Self {
        let t = &workspace.org.to_chuc;
        Ctx {
            workspace,
            rules: InForce::new(&t.quy_tac_rieng),
            calendar: Calendar::new(&t.ngay_nghi_bu, &t.ngay_lam_bu),
        }
    }
}

/// A person whose record passed validation without errors, with the workspace around them.
/// Only `validate` makes one, so nothing downstream sees unchecked data.
#[derive(Debug, Clone, Copy)]
pub struct Checked<'a> {
    /// The workspace (organisation, other people for references).
    pub workspace: &'a Workspace,
    /// The person.
    pub record: &'a Record,
}

/// Every problem of the workspace: the organisation, then each person in id order.
pub fn validate(workspace: &Workspace) -> Vec<Diagnostic> {
    let mut diagnostics = check_org(workspace);
    let ctx = Ctx::new(workspace);
    // People are independent: checked in parallel, reported in id order.
    let per_person: Vec<Vec<Diagnostic>> = workspace
        .people
        .par_iter()
        .map(|record| check_record(&ctx, record))
        .collect();
    diagnostics.extend(per_person.into_iter().flatten());
    // Last, and not in `check_person`: a broken bulletin file costs the articles, not the forms.
    diagnostics.extend(check_report(workspace));
    diagnostics
}

/// The problems of `bao-cao.yaml`, which only bulletin articles need.
pub fn check_report(workspace: &Workspace) -> Vec<Diagnostic> {
    report::check(workspace)
}

/// Validates one person (and the organisation their forms need). Returns the checked person when
/// there is no error, and every diagnostic, warnings included, either way.
pub fn check_person<'a>(
    workspace: &'a Workspace,
    record: &'a Record,
) -> (Option<Checked<'a>>, Vec<Diagnostic>) {
    let mut diagnostics = check_org(workspace);
    diagnostics.extend(check_record(&Ctx::new(workspace), record));
    let checked = (!has_errors(&diagnostics)).then_some(Checked { workspace, record });
    (checked, diagnostics)
}

fn check_org(workspace: &Workspace) -> Vec<Diagnostic> {
    let mut d = required::org(workspace);
    d.extend(references::org(workspace));
    d.extend(register(workspace));
    d.extend(branches::org(workspace));
    d.extend(local_rules::org(workspace));
    d
}

fn check_record(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let workspace = ctx.workspace;
    let mut d = required::person(record);
    d.extend(dates::person(record));
    d.extend(references::person(workspace, record));
    d.extend(references::meeting_counts(record));
    d.extend(branches::person(workspace, record));
    // The admission rules of the set in force (`forms/quy-tac.yaml`).
    d.extend(eligibility::person(ctx, record));
    d.extend(sponsors::person(ctx, record));
    d.extend(votes::person(ctx, record));
    d.extend(deadlines::person(ctx, record));
    d.extend(deadlines::recorded_member(ctx, record));
    d.extend(readmission::person(ctx, record));
    d
}

/// Numbers of the register are never reused in one series ("NQ/CB") within one term of the
/// committee (36-HD/VPTW §1.3.1.a): an earlier term's numbers do not clash with this term's.
fn register(workspace: &Workspace) -> Vec<Diagnostic> {
    let org = &workspace.org;
    let mut seen: Vec<(String, u32, bool)> = Vec::new();
    let mut d = Vec::new();
    for (i, entry) in org.to_chuc.so_van_ban.iter().enumerate() {
        let series = crate::register::series(entry, &org.to_chuc);
        let key = (
            series.clone(),
            entry.so,
            crate::register::in_current_term(entry, &org.to_chuc),
        );
        if seen.contains(&key) {
            let problem = Problem::NumberReused {
                number: format!("{:02}-{series}", entry.so),
                kind: entry.loai.clone(),
            };
            d.push(Diagnostic::error(
                problem,
                Some(org.spans.locate(&format!("so_van_ban[{i}].so"))),
            ));
        } else {
            seen.push(key);
        }
    }
    d
}
