/*!
Validation: the checks a clerk runs before a meeting or a submission upward.

Every check returns all the problems it finds (it never stops at the first), each located at the
offending value. [`check`] returns a [`CheckedWorkspace`], whose people are resolved once; a person
whose record and organisation have no errors is a [`Checked`] person, the only thing the render
stage accepts.

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
mod limits;
mod local_rules;
mod readmission;
mod references;
mod report;
mod required;
mod sponsors;
mod votes;

mod workspace;

pub use eligibility::grade;
pub use local_rules::org as check_local_rules;
pub use workspace::{Checked, CheckedWorkspace, Person, Unreadable};

use crate::calendar::Calendar;
use crate::diag::{Diagnostic, Problem};
use crate::model::{Loaded, Record, Workspace};
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
            calendar: Calendar::new(
                crate::rules::RuleBook::builtin().holidays(),
                &t.ngay_nghi_bu,
                &t.ngay_lam_bu,
            ),
        }
    }
}

/// Checks a loaded workspace: the organisation once, every person (in parallel), the bulletin
/// file, and resolves what later stages need to know of each person (see [`CheckedWorkspace`]).
pub fn check(loaded: Loaded) -> CheckedWorkspace {
    let Loaded {
        mut workspace,
        diagnostics: mut load,
    } = loaded;
    // A file whose name is not an id is that file's problem: it takes no part in anything.
    workspace.people.retain(|record| {
        if crate::model::id::is_id(&record.id) {
            return true;
        }
        let problem = Problem::InvalidId {
            id: record.id.clone(),
            suggestion: crate::model::id::slug(&record.id),
        };
        let at = crate::diag::Location::file_start(record.spans.file());
        load.push(Diagnostic::error(problem, Some(at)));
        false
    });
    let ctx = Ctx::new(&workspace);
    let org = check_org(&workspace);
    // People are independent: checked in parallel, kept in id order.
    let people: Vec<Vec<Diagnostic>> = workspace
        .people
        .par_iter()
        .map(|record| check_record(&ctx, record))
        .collect();
    // Apart from the people: a broken bulletin file costs the articles, not the forms.
    let mut report = report::check(&workspace);
    report.extend(limits::report(&workspace));
    let Ctx {
        rules, calendar, ..
    } = ctx;
    CheckedWorkspace::assemble(workspace, rules, calendar, load, org, people, report)
}

fn check_org(workspace: &Workspace) -> Vec<Diagnostic> {
    let mut d = required::org(workspace);
    d.extend(references::org(workspace));
    d.extend(register(workspace));
    d.extend(branches::org(workspace));
    d.extend(local_rules::org(workspace));
    d.extend(limits::org(workspace));
    d
}

fn check_record(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let workspace = ctx.workspace;
    let mut d = required::person(record);
    d.extend(limits::person(record));
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
