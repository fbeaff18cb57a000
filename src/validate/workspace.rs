//! The checked workspace: what [`check`](super::check) hands to every later stage.
//!
//! Everything a front end needs about a person is resolved here once: their record and its
//! diagnostics (from reading the file and from the rules), the people their forms name, the
//! decision and the ceremony they share with others, their dossier plan, the facts their dates
//! imply under the rules in force. Fields are private: render, dossier, batch, bulletin, `due`,
//! the command line (and the desk and the importer to come) read through the accessors, and only
//! a [`Checked`] person, one without errors, can be rendered.

use super::Basis;
use crate::calendar::Calendar;
use crate::diag::{Diagnostic, Severity};
use crate::facts::{self, DecisionKey, DecisionKind, Membership};
use crate::model::{FileOutcome, GiaiDoan, Ngay, Nguoi, PathView, Record, ToChuc, Workspace};
use crate::plan::{self, Plan};
use crate::rules::{InForce, RuleSet};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A workspace after validation.
#[derive(Debug, Clone)]
pub struct CheckedWorkspace {
    workspace: Workspace,
    /// The rules in force, the calendar and the document numbers the checks read.
    basis: Basis,
    /// Every problem found while reading, in the order the files were read.
    load: Vec<Diagnostic>,
    /// Problems of `to-chuc.yaml`: from reading it, then from checking it. Every form needs the
    /// organisation, so an error here blocks everyone.
    org_load: Vec<Diagnostic>,
    org_checks: Vec<Diagnostic>,
    /// Problems of `bao-cao.yaml`, which only articles need.
    report_load: Vec<Diagnostic>,
    report_checks: Vec<Diagnostic>,
    /// Aligned with `workspace.people`.
    people: Vec<Resolved>,
    /// Person files that could not be read, in file order.
    unreadable: Vec<Unreadable>,
    /// Everyone named in one decision, in id order.
    decisions: HashMap<(DecisionKind, DecisionKey), Vec<usize>>,
    /// Everyone admitted at the ceremony of a day, in id order.
    ceremonies: HashMap<Ngay, Vec<usize>>,
    /// People by the path of their file, built when first asked for.
    by_path: OnceLock<HashMap<PathBuf, usize>>,
    /// Everyone in the Vietnamese order of their names, built when first asked for and kept
    /// until a name changes or someone comes or goes (sorting thousands by collation is what a
    /// person's page would otherwise wait for).
    by_name: OnceLock<Vec<usize>>,
}

/// What is known of one person beyond the record.
#[derive(Debug, Default, Clone)]
struct Resolved {
    /// Problems found while reading the person's file (unknown keys, bad dates, a duplicate id).
    load: Vec<Diagnostic>,
    /// Problems found by the checks and the admission rules.
    checks: Vec<Diagnostic>,
    /// The time limits still running (`due`), worked out when first asked for: they read only
    /// the person's record, so they hold until it changes.
    due: OnceLock<Vec<crate::due::DueItem>>,
}

/// A person file that could not be read: its problems are its own, the others go on.
#[derive(Debug, Clone)]
pub struct Unreadable {
    /// The id the file would give (its name without `.yaml`).
    pub id: String,
    /// The file.
    pub path: PathBuf,
    /// Why it could not be read.
    pub diagnostics: Vec<Diagnostic>,
}

/// How a person changed, for the name order ([`CheckedWorkspace::reorder`]).
enum Order {
    /// Their name changed.
    Renamed,
    /// They came, at their index (those after them moved one on).
    Came,
    /// They went from their index (those after them moved one back).
    Went,
}

/// Moves `index` from the group of `before` to the group of `after` (groups in index order, as
/// [`CheckedWorkspace::assemble`] builds them; a group left empty is no group).
fn regroup<K: std::hash::Hash + Eq>(
    groups: &mut HashMap<K, Vec<usize>>,
    before: Option<K>,
    after: Option<K>,
    index: usize,
) {
    if before == after {
        return;
    }
    if let Some(key) = before
        && let Some(group) = groups.get_mut(&key)
    {
        group.retain(|&i| i != index);
        if group.is_empty() {
            groups.remove(&key);
        }
    }
    if let Some(key) = after {
        let group = groups.entry(key).or_default();
        if let Err(at) = group.binary_search(&index) {
            group.insert(at, index);
        }
    }
}

/// The groups a person's index is kept in: everyone named in one decision, everyone admitted at
/// one ceremony.
type Groups<'a> = (
    &'a mut HashMap<(DecisionKind, DecisionKey), Vec<usize>>,
    &'a mut HashMap<Ngay, Vec<usize>>,
);

/// Moves `index` from the groups of the record `before` (the decisions it shares, its ceremony)
/// to those of the record `after`; `None`: no record there, before or after.
fn regroup_record(
    (decisions, ceremonies): Groups<'_>,
    before: Option<&Nguoi>,
    after: Option<&Nguoi>,
    index: usize,
) {
    for kind in [DecisionKind::Admission, DecisionKind::Recognition] {
        let key = |n: &Nguoi| facts::decision_key(n, kind).map(|k| (kind, k));
        regroup(decisions, before.and_then(key), after.and_then(key), index);
    }
    let day = facts::ceremony_day;
    regroup(ceremonies, before.and_then(day), after.and_then(day), index);
}

/// Moves one on (`up`: someone came before them) or one back (someone before them went) the
/// indices from `from` on.
fn shift<'a>(indices: impl Iterator<Item = &'a mut usize>, from: usize, up: bool) {
    for i in indices.filter(|i| **i >= from) {
        *i = if up { *i + 1 } else { *i - 1 };
    }
}

impl CheckedWorkspace {
    /// Puts the pieces of a validation together (see [`super::check`]).
    pub(super) fn assemble(
        workspace: Workspace,
        basis: Basis,
        (org_load, files, report_load): (Vec<Diagnostic>, Vec<FileOutcome>, Vec<Diagnostic>),
        org_checks: Vec<Diagnostic>,
        person_checks: Vec<Vec<Diagnostic>>,
        report_checks: Vec<Diagnostic>,
    ) -> CheckedWorkspace {
        let mut people: Vec<Resolved> = person_checks
            .into_iter()
            .map(|checks| Resolved {
                checks,
                ..Resolved::default()
            })
            .collect();
        // Every problem of reading, in the order the files were read.
        let load: Vec<Diagnostic> = org_load
            .iter()
            .chain(files.iter().flat_map(|f| &f.diagnostics))
            .chain(&report_load)
            .cloned()
            .collect();
        // Each file's problems go to its record, or make it one that could not be read.
        let mut unreadable: Vec<Unreadable> = Vec::new();
        for file in files {
            let index = file
                .loaded
                .then(|| {
                    workspace
                        .people
                        .binary_search_by(|r| r.id.as_str().cmp(&file.id))
                        .ok()
                })
                .flatten();
            match index {
                Some(i) => people[i].load = file.diagnostics,
                None => unreadable.push(Unreadable {
                    id: file.id,
                    path: file.path,
                    diagnostics: file.diagnostics,
                }),
            }
        }

        let mut decisions: HashMap<(DecisionKind, DecisionKey), Vec<usize>> = HashMap::new();
        let mut ceremonies: HashMap<Ngay, Vec<usize>> = HashMap::new();
        for (i, r) in workspace.people.iter().enumerate() {
            for kind in [DecisionKind::Admission, DecisionKind::Recognition] {
                if let Some(key) = facts::decision_key(&r.nguoi, kind) {
                    decisions.entry((kind, key)).or_default().push(i);
                }
            }
            if let Some(day) = facts::ceremony_day(&r.nguoi) {
                ceremonies.entry(day).or_default().push(i);
            }
        }
        CheckedWorkspace {
            workspace,
            basis,
            load,
            org_load,
            org_checks,
            report_load,
            report_checks,
            people,
            unreadable,
            decisions,
            ceremonies,
            by_path: OnceLock::new(),
            by_name: OnceLock::new(),
        }
    }

    /// Takes the workspace apart again: the records as loaded, and the checks of each person
    /// (aligned with `workspace.people`), for a check that keeps what still holds (`live.rs`).
    pub(super) fn into_parts(self) -> (Workspace, Vec<Vec<Diagnostic>>) {
        let checks = self.people.into_iter().map(|p| p.checks).collect();
        (self.workspace, checks)
    }

    /// The records and what the checks read besides them, for [`super::recheck`].
    pub(super) fn basis(&self) -> (&Workspace, &Basis) {
        (&self.workspace, &self.basis)
    }

    /// The index of the person of this id.
    pub(super) fn index_of(&self, id: &str) -> Option<usize> {
        self.workspace
            .people
            .binary_search_by(|r| r.id.as_str().cmp(id))
            .ok()
    }

    /// Puts `record` in place of the person at `index`, read again from the same file (so the
    /// same id) and read without a problem, as the person before it: what is derived from the
    /// records (the document numbers, the decisions and ceremonies shared) follows. Their checks
    /// and everyone's who reads them are [`super::recheck`]'s.
    pub(super) fn replace(&mut self, index: usize, record: Record) {
        let old = std::mem::replace(&mut self.workspace.people[index], record);
        self.people[index].due = OnceLock::new();
        if old.nguoi.ho_ten != self.workspace.people[index].nguoi.ho_ten {
            self.reorder(index, Order::Renamed);
        }
        let new = &self.workspace.people[index];
        debug_assert_eq!(old.id, new.id);
        self.basis.numbers.remove(&old);
        self.basis.numbers.add(new);
        let groups = (&mut self.decisions, &mut self.ceremonies);
        regroup_record(groups, Some(&old.nguoi), Some(&new.nguoi), index);
    }

    /// Adds `record`, read without a problem from a new file, whose id nobody else's file
    /// gives, in its place in id order; returns that place. What is derived from the records
    /// follows, as in [`CheckedWorkspace::replace`]; its checks are [`super::recheck`]'s.
    pub(super) fn insert(&mut self, record: Record) -> usize {
        let at = self
            .workspace
            .people
            .binary_search_by(|r| r.id.as_str().cmp(&record.id));
        let index = match at {
            Err(index) => index,
            // Not for a caller who checked that the id is free; were it taken, the record
            // would take the place of the one it names.
            Ok(taken) => {
                self.replace(taken, record);
                return taken;
            }
        };
        let groups = self
            .decisions
            .values_mut()
            .chain(self.ceremonies.values_mut());
        shift(groups.flatten(), index, true);
        self.basis.numbers.add(&record);
        let groups = (&mut self.decisions, &mut self.ceremonies);
        regroup_record(groups, None, Some(&record.nguoi), index);
        self.workspace.people.insert(index, record);
        self.people.insert(index, Resolved::default());
        self.by_path = OnceLock::new();
        self.reorder(index, Order::Came);
        index
    }

    /// Takes out the person at `index`, whose file is gone and had been read without a problem
    /// (so it added nothing to the problems of reading). What is derived from the records
    /// follows; the checks of those who read them are [`super::recheck`]'s.
    pub(super) fn remove(&mut self, index: usize) {
        let old = self.workspace.people.remove(index);
        self.people.remove(index);
        self.basis.numbers.remove(&old);
        let groups = (&mut self.decisions, &mut self.ceremonies);
        regroup_record(groups, Some(&old.nguoi), None, index);
        let groups = self
            .decisions
            .values_mut()
            .chain(self.ceremonies.values_mut());
        shift(groups.flatten(), index + 1, false);
        self.by_path = OnceLock::new();
        self.reorder(index, Order::Went);
    }

    /// Sets the checks of the people at the indices given, of the organisation and of the
    /// bulletin file (see [`super::recheck`]).
    pub(super) fn set_checks(
        &mut self,
        people: Vec<(usize, Vec<Diagnostic>)>,
        org: Vec<Diagnostic>,
        report: Vec<Diagnostic>,
    ) {
        for (i, checks) in people {
            self.people[i].checks = checks;
        }
        self.org_checks = org;
        self.report_checks = report;
    }

    /// The records as loaded.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The workspace folder.
    pub fn root(&self) -> &Path {
        &self.workspace.root
    }

    /// The organisation (`to-chuc.yaml`).
    pub fn org(&self) -> &ToChuc {
        &self.workspace.org.to_chuc
    }

    /// The rule sets, with the workspace's own rules applied.
    pub fn rules(&self) -> &InForce {
        &self.basis.rules
    }

    /// Working days, with the workspace's days off and make-up days.
    pub fn calendar(&self) -> &Calendar {
        &self.basis.calendar
    }

    /// Every problem of the workspace, in the order a clerk reads them: reading the files (in the
    /// order they were read), checking the organisation, checking each person (in id order),
    /// checking the bulletin file.
    pub fn diagnostics(&self) -> Vec<&Diagnostic> {
        let mut read: Vec<&Diagnostic> = self.load.iter().collect();
        read.extend(&self.org_checks);
        read.extend(self.people.iter().flat_map(|p| &p.checks));
        read.extend(&self.report_checks);
        read
    }

    /// The problems found while reading the files, in the order they were read.
    pub fn read_diagnostics(&self) -> &[Diagnostic] {
        &self.load
    }

    /// The problems of the organisation file, which concern every form.
    pub fn org_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.org_load.iter().chain(&self.org_checks)
    }

    /// The problems of `bao-cao.yaml`, which only articles need.
    pub fn report_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.report_load.iter().chain(&self.report_checks)
    }

    /// Whether anything in the workspace is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics()
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    fn org_has_errors(&self) -> bool {
        self.org_diagnostics()
            .any(|d| d.severity == Severity::Error)
    }

    /// Every person whose file could be read, in id order.
    pub fn people(&self) -> impl ExactSizeIterator<Item = Person<'_>> + Clone {
        (0..self.people.len()).map(|index| Person { ws: self, index })
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<Person<'_>> {
        self.workspace
            .people
            .binary_search_by(|r| r.id.as_str().cmp(id))
            .ok()
            .map(|index| Person { ws: self, index })
    }

    /// The id closest to `id`, for "did you mean".
    pub fn suggest_id(&self, id: &str) -> Option<&str> {
        self.workspace.suggest_id(id)
    }

    /// Person files that could not be read.
    pub fn unreadable(&self) -> &[Unreadable] {
        &self.unreadable
    }

    /// The text of a workspace file as it was loaded (after NFC), by its path: the organisation's,
    /// the bulletin's, or a person's. `None` for a file that is not part of the workspace's data.
    pub fn file_text(&self, path: &Path) -> Option<&str> {
        let ws = &self.workspace;
        if path == ws.org.spans.file().path {
            return Some(&ws.org.spans.file().text);
        }
        if let Some(r) = ws.bao_cao.as_ref().filter(|r| r.spans.file().path == path) {
            return Some(&r.spans.file().text);
        }
        let by_path = self.by_path.get_or_init(|| {
            ws.people
                .iter()
                .enumerate()
                .map(|(i, r)| (r.path().to_path_buf(), i))
                .collect()
        });
        by_path
            .get(path)
            .map(|&i| ws.people[i].spans.file().text.as_str())
    }

    /// Keeps the name order, when it was built, as the person at `index` changed: finds their
    /// place in it (a binary search, not a sort of everyone), or takes them out.
    fn reorder(&mut self, index: usize, change: Order) {
        let Some(order) = self.by_name.get_mut() else {
            return;
        };
        match change {
            Order::Renamed => order.retain(|&i| i != index),
            Order::Came => shift(order.iter_mut(), index, true),
            Order::Went => {
                order.retain(|&i| i != index);
                shift(order.iter_mut(), index + 1, false);
                return;
            }
        }
        let people = &self.workspace.people;
        let who = |i: usize| (people[i].nguoi.ho_ten.as_deref(), people[i].id.as_str());
        let before = |&i: &usize| crate::collate::compare_people(who(i), who(index)).is_lt();
        let at = order.partition_point(before);
        order.insert(at, index);
    }

    /// Everyone, in the Vietnamese order of their names (the one order of every list of people,
    /// `crate::collate`).
    pub fn people_by_name(&self) -> impl ExactSizeIterator<Item = Person<'_>> + Clone {
        let order = self.by_name.get_or_init(|| {
            let people = &self.workspace.people;
            let mut order: Vec<usize> = (0..people.len()).collect();
            let who = |i: usize| (people[i].nguoi.ho_ten.as_deref(), people[i].id.as_str());
            order.sort_by(|&a, &b| crate::collate::compare_people(who(a), who(b)));
            order
        });
        order.iter().map(move |&index| Person { ws: self, index })
    }

    /// The people of a decision or a ceremony, in the Vietnamese order of their names (the one
    /// order of every list of people, `crate::collate`).
    fn group(&self, indices: Option<&Vec<usize>>, me: usize) -> Vec<Person<'_>> {
        let mut people: Vec<Person<'_>> = match indices {
            Some(all) => all
                .iter()
                .map(|&index| Person { ws: self, index })
                .collect(),
            None => vec![Person {
                ws: self,
                index: me,
            }],
        };
        crate::collate::sort_people(&mut people, |p| (p.nguoi().ho_ten.as_deref(), p.id()));
        people
    }
}

/// A person of a checked workspace, with everything resolved about them.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a> {
    ws: &'a CheckedWorkspace,
    index: usize,
}

impl<'a> Person<'a> {
    /// The workspace around the person.
    pub fn workspace(self) -> &'a CheckedWorkspace {
        self.ws
    }

    /// The record: id, folder, data, positions.
    pub fn record(self) -> &'a Record {
        &self.ws.workspace.people[self.index]
    }

    /// The data.
    pub fn nguoi(self) -> &'a Nguoi {
        &self.record().nguoi
    }

    /// The stable id (the file name).
    pub fn id(self) -> &'a str {
        &self.record().id
    }

    fn resolved(self) -> &'a Resolved {
        &self.ws.people[self.index]
    }

    /// The person's own problems: reading their file, then the checks of their record.
    pub fn diagnostics(self) -> impl Iterator<Item = &'a Diagnostic> {
        let r = self.resolved();
        r.load.iter().chain(&r.checks)
    }

    /// Everything that concerns the person's forms, in the order a clerk reads it: reading the
    /// organisation and the person's file, then checking them.
    pub fn problems(self) -> Vec<&'a Diagnostic> {
        let r = self.resolved();
        self.ws
            .org_load
            .iter()
            .chain(&r.load)
            .chain(&self.ws.org_checks)
            .chain(&r.checks)
            .collect()
    }

    /// The person, checked: `None` when their record or the organisation has an error.
    pub fn checked(self) -> Option<Checked<'a>> {
        let r = self.resolved();
        let own = r
            .load
            .iter()
            .chain(&r.checks)
            .any(|d| d.severity == Severity::Error);
        (!own && !self.ws.org_has_errors()).then_some(Checked(self))
    }

    /// The stage reached.
    pub fn stage(self) -> GiaiDoan {
        facts::stage(self.nguoi(), self.ws.rules())
    }

    /// The day the person became a full member, if they did.
    pub fn full_membership_date(self) -> Option<Ngay> {
        facts::full_membership_date(self.nguoi(), self.ws.rules())
    }

    /// What the person was on `day`.
    pub fn membership_on(self, day: Ngay) -> Membership {
        facts::membership_on(self.nguoi(), self.ws.rules(), day)
    }

    /// The last day of probation, once the ceremony is recorded.
    pub fn probation_end(self) -> Option<Ngay> {
        facts::ceremony_day(self.nguoi()).map(|c| facts::probation_end(self.ws.rules(), c))
    }

    /// The rule set in force on the day of an event of the person's.
    pub fn rules_on(self, day: Ngay) -> &'a RuleSet {
        self.ws.rules().on(day)
    }

    /// The time limits still running for the person, in the order of the table of limits.
    pub fn due(self) -> &'a [crate::due::DueItem] {
        let (rules, calendar) = (self.ws.rules(), self.ws.calendar());
        self.resolved()
            .due
            .get_or_init(|| crate::due::of_person(self.record(), rules, calendar))
    }

    /// The record as a tree searched by the catalogue's paths. Built when asked for and not
    /// kept: it costs microseconds to build, and kept for each of 10,000 people it would double a
    /// batch's memory.
    pub fn view(self) -> PathView {
        PathView::of(self.nguoi())
    }

    /// The dossier the person's stage calls for.
    pub fn plan(self) -> Plan {
        plan::plan(self.nguoi(), &self.view(), None)
    }

    /// The dossier of a given kind.
    pub fn plan_of(self, kind: plan::Kind) -> Plan {
        plan::plan(self.nguoi(), &self.view(), Some(kind))
    }

    /// Everyone named in the person's decision of `kind` (the person among them), in Vietnamese
    /// order of names; the person alone when the decision is not recorded with a number.
    pub fn decision_group(self, kind: DecisionKind) -> Vec<Person<'a>> {
        let key = facts::decision_key(self.nguoi(), kind);
        self.ws.group(
            key.and_then(|k| self.ws.decisions.get(&(kind, k))),
            self.index,
        )
    }

    /// Everyone admitted at the person's ceremony (the same day), in Vietnamese order of names;
    /// the person alone when no ceremony is recorded.
    pub fn ceremony_group(self) -> Vec<Person<'a>> {
        let day = facts::ceremony_day(self.nguoi());
        self.ws
            .group(day.and_then(|d| self.ws.ceremonies.get(&d)), self.index)
    }

    /// The person named by id in one of the person's fields (a sponsor, the chair, the mentor).
    pub fn named(self, id: Option<&str>) -> Option<Person<'a>> {
        self.ws.person(id?)
    }
}

/// A person whose record and organisation passed validation without errors: the only thing the
/// render stage fills a form from.
#[derive(Debug, Clone, Copy)]
pub struct Checked<'a>(Person<'a>);

impl<'a> std::ops::Deref for Checked<'a> {
    type Target = Person<'a>;
    fn deref(&self) -> &Person<'a> {
        &self.0
    }
}

impl<'a> Checked<'a> {
    /// The person.
    pub fn person(self) -> Person<'a> {
        self.0
    }

    /// Gives the person's document `form` its number from the register (see
    /// [`crate::register::issue`]): only a checked record gets one.
    pub fn issue_number(
        self,
        form: &crate::forms::Form,
    ) -> Result<crate::register::Issued, crate::register::IssueError> {
        crate::register::issue(self.ws.workspace(), form, self.id(), &self.view())
    }
}

impl Record {
    /// The file the record was read from.
    pub fn path(&self) -> &Path {
        &self.spans.file().path
    }
}

#[cfg(test)]
mod tests;
