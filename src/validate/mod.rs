/*!
Validation: the checks a clerk runs before a meeting or a submission upward.

Every check returns all the problems it finds (it never stops at the first), each located at the
offending value. [`check`] returns a [`CheckedWorkspace`], whose people are resolved once; a person
whose record and organisation have no errors is a [`Checked`] person, the only thing the render
stage accepts.

Two kinds of checks: the shape of the records (`required`, `dates`, `references`, `branches`,
`report`), and the admission rules of the set in force on the date of each event
(`eligibility` R2–R16, `order` R8 over the sequence of the rule book, `numbers` one number
one document, `sponsors` R20–R23, `votes` R25–R29, `deadlines` R31–R38, `readmission`
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
mod numbers;
mod order;
mod readmission;
mod references;
mod report;
mod required;
mod sponsors;
mod votes;

mod live;
mod workspace;

pub use eligibility::grade;
pub use live::Live;
pub use local_rules::org as check_local_rules;
pub use numbers::recorded as recorded_numbers;
pub use workspace::{Checked, CheckedWorkspace, Person, Unreadable};

use crate::calendar::Calendar;
use crate::diag::{Diagnostic, Problem};
use crate::model::{Loaded, Record, Workspace};
use crate::rules::InForce;
use rayon::prelude::*;

/// What the admission rules need besides the record: the workspace, the rule sets in force with
/// its own rules, its working-day calendar and its document numbers. Built once per validation
/// ([`Basis`]) and kept with the checked workspace, so that checking a few people again after an
/// edit (the desk's [`Live`]) does not build it again.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The workspace (other people, for sponsors).
    pub workspace: &'a Workspace,
    /// The rule sets, with the workspace's own rules applied.
    pub rules: &'a InForce,
    /// Working days, with the workspace's days off and make-up days.
    pub calendar: &'a Calendar,
    /// Every document number of the workspace, the register's and the people's.
    pub numbers: &'a numbers::NumberIndex,
}

/// What [`Ctx`] borrows besides the workspace, owned.
#[derive(Debug, Clone)]
pub(crate) struct Basis {
    rules: InForce,
    calendar: Calendar,
    numbers: numbers::NumberIndex,
}

impl Basis {
    /// The basis of a workspace.
    fn new(workspace: &Workspace) -> Basis {
        let t = &workspace.org.to_chuc;
        Basis {
            rules: InForce::new(&t.quy_tac_rieng),
            calendar: Calendar::new(
                crate::rules::RuleBook::builtin().holidays(),
                &t.ngay_nghi_bu,
                &t.ngay_lam_bu,
            ),
            numbers: numbers::NumberIndex::new(workspace),
        }
    }

    /// The context of `workspace`, whose basis this is.
    fn ctx<'a>(&'a self, workspace: &'a Workspace) -> Ctx<'a> {
        Ctx {
            workspace,
            rules: &self.rules,
            calendar: &self.calendar,
            numbers: &self.numbers,
        }
    }
}

/// A rule that cannot be judged because the fact it turns on (`field`) is not recorded: said, at
/// `at` (where the fact belongs), never left silent. A warning: the fact may only not be kept
/// here; a clerk records it, and the rule is then judged.
fn fact_missing(
    set: &crate::rules::RuleSet,
    rule: &str,
    record: &Record,
    field: &str,
    at: &str,
) -> Diagnostic {
    Diagnostic::warning(
        Problem::FactMissing {
            field: field.to_string(),
            rule: rule.to_string(),
            cite: set.cite(rule),
        },
        Some(record.spans.locate(at)),
    )
}

/// Checks a loaded workspace: the organisation once, every person (in parallel), the bulletin
/// file, and resolves what later stages need to know of each person (see [`CheckedWorkspace`]).
pub fn check(loaded: Loaded) -> CheckedWorkspace {
    check_reusing(loaded, |_| None)
}

/// [`check`], taking from `earlier` the checks of each person whose results still hold (the
/// desk's [`Live`] workspace knows which: see `live.rs`); everyone else, the organisation and the
/// bulletin file are checked afresh.
pub(crate) fn check_reusing(
    loaded: Loaded,
    mut earlier: impl FnMut(&Record) -> Option<Vec<Diagnostic>>,
) -> CheckedWorkspace {
    let Loaded {
        workspace,
        org: org_load,
        files,
        report: report_load,
    } = loaded;
    let reused: Vec<Option<Vec<Diagnostic>>> = workspace.people.iter().map(&mut earlier).collect();
    let basis = Basis::new(&workspace);
    let ctx = basis.ctx(&workspace);
    let org = check_org(&ctx);
    // People are independent: checked in parallel, kept in id order.
    let people: Vec<Vec<Diagnostic>> = workspace
        .people
        .par_iter()
        .zip(reused)
        .map(|(record, reused)| reused.unwrap_or_else(|| check_record(&ctx, record)))
        .collect();
    let report = check_report(&workspace);
    CheckedWorkspace::assemble(
        workspace,
        basis,
        (org_load, files, report_load),
        org,
        people,
        report,
    )
}

/// Checks again, in a checked workspace whose records changed in place (`live.rs`), the people
/// at `who` (indices into its people), the organisation and the bulletin file: the checks that
/// read others. Everyone else keeps their checks.
pub(crate) fn recheck(checked: &mut CheckedWorkspace, who: &[usize]) {
    let (workspace, basis) = checked.basis();
    let ctx = basis.ctx(workspace);
    let people: Vec<(usize, Vec<Diagnostic>)> = who
        .par_iter()
        .map(|&i| (i, check_record(&ctx, &workspace.people[i])))
        .collect();
    let org = check_org(&ctx);
    let report = check_report(workspace);
    checked.set_checks(people, org, report);
}

/// The bulletin file's problems. Apart from the people: a broken bulletin file costs the
/// articles, not the forms.
fn check_report(workspace: &Workspace) -> Vec<Diagnostic> {
    let mut report = report::check(workspace);
    report.extend(limits::report(workspace));
    report
}

fn check_org(ctx: &Ctx) -> Vec<Diagnostic> {
    let workspace = ctx.workspace;
    let mut d = required::org(workspace);
    d.extend(references::org(workspace));
    d.extend(ctx.numbers.register(workspace));
    d.extend(branches::org(workspace));
    d.extend(local_rules::org(workspace));
    d.extend(limits::org(workspace));
    d
}

fn check_record(ctx: &Ctx, record: &Record) -> Vec<Diagnostic> {
    let workspace = ctx.workspace;
    // The documents' dates, looked up once for the two checks that compare them.
    let view = crate::model::PathView::of(&record.nguoi);
    let documents = order::recorded(&crate::rules::RuleBook::builtin().trinh_tu, &view);
    let mut d = eligibility::dossier_documents(ctx, record, &view);
    drop(view);
    d.extend(required::person(record));
    d.extend(limits::person(record));
    d.extend(dates::person(record, &documents));
    d.extend(order::person(ctx, record, &documents));
    d.extend(ctx.numbers.person(record));
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
