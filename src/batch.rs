/*!
Batch production: every person's dossier and forms, or the paperwork of one ceremony, in parallel.

Each person is one job: take the person as validation resolved them (checked once, with their
dossier plan), lay out its forms once and export them together once (`dossier::build`): the
dossier `<id>/ho-so.pdf` and, cut from the same pages, each `<id>/<code>.pdf`, so the forms
beside a dossier print its page numbers. Jobs run on all cores
with the fonts, templates and Typst library loaded once for the process. A job that fails is
reported and the others go on.

Incremental: a job ends by writing `<id>/.hoso-inputs`: the workspace files its documents were
made from (what the render read, `TypstSource::reads`), its outputs with their sizes and, on the
last line, the digest of everything they depend on (those files as loaded, the people sharing the
person's decisions, the templates, the fonts, the hoso version). A rerun skips a person whose digest is unchanged and whose outputs are all there with
their sizes; `--force` redoes everyone. Every file is written atomically (a temporary file renamed
over the target) and the list last, so a run killed midway leaves no partial PDF and a rerun
finishes the job. Outputs are not flushed to the disk one by one (thousands of waits for the disk
would slow a batch down for nothing): what a power failure cuts short has the wrong size, or no
list, and is made again by the next run.
*/

use crate::diag::{Diagnostic, Lang, Severity};
use crate::dossier::{self, DOSSIER_FILE};
use crate::engine::Engine;
use crate::facts::{self, DecisionKind};
use crate::forms::Catalogue;
use crate::model::{GiaiDoan, Ngay};
use crate::output::write_rebuildable;
use crate::render::Subject;
use crate::typeset::{self, Export};
use crate::validate::{Checked, CheckedWorkspace, Person};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The file holding a person's input digest.
const INPUTS_FILE: &str = ".hoso-inputs";

/// What to produce.
#[derive(Debug, Clone)]
pub struct Options {
    /// The output folder.
    pub out: PathBuf,
    /// Only people at this stage.
    pub stage: Option<GiaiDoan>,
    /// Only the people admitted at the ceremony of this day, plus the programme and decisions.
    pub ceremony: Option<Ngay>,
    /// Redo everyone, whatever the digests say.
    pub force: bool,
    /// People typeset at the same time.
    pub jobs: usize,
    /// Also write the generated Typst sources (with the layout library) under `typst/`.
    pub emit_typst: bool,
}

/// What happened to one person.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case", tag = "ket_qua")]
pub enum Outcome {
    /// Outputs written, with what Typst warned of on the way.
    Done {
        tep: Vec<PathBuf>,
        #[serde(
            rename = "canh_bao",
            skip_serializing_if = "Vec::is_empty",
            serialize_with = "crate::diag::serialize_json"
        )]
        warnings: Vec<Diagnostic>,
    },
    /// Inputs unchanged since the last run.
    Skipped,
    /// Nothing written; why.
    Failed { ly_do: Failure },
}

/// Why nothing was written for a person (or a ceremony).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case", tag = "ma")]
pub enum Failure {
    /// The record, or the organisation, has errors (their codes); `hoso validate` shows them.
    RecordHasErrors { codes: Vec<&'static str> },
    /// The person's file could not be read.
    Unreadable,
    /// A form could not be filled or typeset: why, located.
    Document {
        #[serde(rename = "detail", serialize_with = "crate::diag::serialize_json")]
        diagnostics: Vec<Diagnostic>,
    },
    /// An output could not be written.
    Write {
        path: PathBuf,
        detail: String,
        /// What stood in the way, when the clerk can remove it (a PDF open in a viewer...).
        #[serde(skip)]
        cause: Option<crate::diag::WriteBlock>,
    },
    /// Nobody's admission ceremony is on that day.
    NoCeremony { day: Ngay },
}

impl Failure {
    /// The reason, in words.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Failure::RecordHasErrors { codes } => lang
                .pick("hồ sơ có lỗi: {}", "the record has errors: {}")
                .replace("{}", &codes.join(", ")),
            Failure::Unreadable => lang
                .pick(
                    "hồ sơ không đọc được (xem `hoso validate`)",
                    "the file cannot be read (see `hoso validate`)",
                )
                .to_string(),
            Failure::Document { diagnostics } => {
                let detail: Vec<String> = diagnostics
                    .iter()
                    .map(|d| d.problem.message(lang))
                    .collect();
                let detail = detail.join("; ");
                match lang {
                    Lang::Vi => format!("không dựng được tài liệu: {detail}"),
                    Lang::En => format!("cannot build a document: {detail}"),
                }
            }
            Failure::Write {
                path,
                detail,
                cause,
            } => {
                let hint = cause.map(|c| format!("; {}", c.hint(path, lang)));
                let hint = hint.unwrap_or_default();
                match lang {
                    Lang::Vi => format!("không ghi được `{}`: {detail}{hint}", path.display()),
                    Lang::En => format!("cannot write `{}`: {detail}{hint}", path.display()),
                }
            }
            Failure::NoCeremony { day } => match lang {
                Lang::Vi => format!("không có ai làm lễ kết nạp ngày {}", day.short()),
                Lang::En => format!("nobody's admission ceremony is on {}", day.short()),
            },
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct PersonReport {
    pub id: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// The whole run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub xong: usize,
    pub loi: usize,
    pub bo_qua: usize,
    pub giay: f64,
    pub nguoi: Vec<PersonReport>,
}

/// The people a batch works on: everyone in the admission process (`ket-nap/`), filtered.
pub fn selected<'a>(checked: &'a CheckedWorkspace, options: &Options) -> Vec<Person<'a>> {
    checked
        .people()
        .filter(|p| p.record().folder == crate::model::Folder::KetNap)
        .filter(|p| options.stage.is_none_or(|s| p.stage() == s))
        .filter(|p| {
            options
                .ceremony
                .is_none_or(|d| facts::ceremony_day(p.nguoi()) == Some(d))
        })
        .collect()
}

/// Runs the batch; `tick` is called once per finished person (for a progress bar).
pub fn run(
    checked: &CheckedWorkspace,
    engine: &Engine,
    options: &Options,
    tick: &(dyn Fn(&str) + Sync),
) -> Report {
    let start = Instant::now();
    let people = selected(checked, options);
    let mut reports = in_parallel(options.jobs, &people, |p| {
        let outcome = person(*p, engine, options);
        // Typst memoises across compiles; keep only recent entries so that memory stays
        // flat however many people the batch holds.
        comemo::evict(10);
        tick(p.id());
        PersonReport {
            id: p.id().to_string(),
            outcome,
        }
    });

    if let Some(day) = options.ceremony {
        let outcome = ceremony(&people, day, engine, options);
        reports.push(PersonReport {
            id: format!("le-ket-nap-{}", day.0),
            outcome,
        });
    }

    // A person file that did not load is a failure of that person, named by the file (a second
    // file of an id already loaded is that id's `duplicate-id`, reported by `validate`).
    let mut unreadable: Vec<&str> = checked
        .unreadable()
        .iter()
        .filter(|u| u.diagnostics.iter().any(|d| d.severity == Severity::Error))
        .map(|u| u.id.as_str())
        .filter(|id| checked.person(id).is_none())
        .collect();
    unreadable.sort();
    unreadable.dedup();
    for id in unreadable {
        reports.push(PersonReport {
            id: id.to_string(),
            outcome: Outcome::Failed {
                ly_do: Failure::Unreadable,
            },
        });
    }

    let count = |f: fn(&Outcome) -> bool| reports.iter().filter(|r| f(&r.outcome)).count();
    Report {
        xong: count(|o| matches!(o, Outcome::Done { .. })),
        loi: count(|o| matches!(o, Outcome::Failed { .. })),
        bo_qua: count(|o| matches!(o, Outcome::Skipped)),
        giay: start.elapsed().as_secs_f64(),
        nguoi: reports,
    }
}

/// Runs `job` on every item with `jobs` worker threads and returns the results in the items'
/// order.
///
/// The workers pull people from a shared counter instead of a rayon work queue: Typst's PDF
/// export runs its own rayon jobs and, while it waits for them, a rayon worker steals queued work
/// onto the same stack. With people queued as rayon jobs, each stolen job was a whole person
/// nested on the stack of the one that waited, and a batch of a thousand people overflowed it.
/// Each worker is a thread of a rayon pool of `jobs` threads (one `broadcast` job each), so
/// Typst's inner jobs stay in that pool (an idle worker helps a busy one) and what a waiting
/// worker can steal is only such a small inner job.
fn in_parallel<T: Sync, R: Send>(jobs: usize, items: &[T], job: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // Typst's layout recurses deeply on nested content; the main thread's 8 MiB is what the typst
    // CLI runs with, so the workers get as much.
    const STACK: usize = 8 << 20;
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let r = job(item);
            results
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push((i, r));
        }
    };
    match rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .stack_size(STACK)
        .thread_name(|i| format!("hoso-batch-{i}"))
        .build()
    {
        Ok(pool) => {
            pool.broadcast(|_| work());
        }
        // No thread could be started: do the work here rather than not at all.
        Err(_) => work(),
    }
    let mut results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// The problems that keep a person's forms from being made, as a failure.
fn blocked(p: Person<'_>) -> Failure {
    Failure::RecordHasErrors {
        codes: p
            .problems()
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.problem.code())
            .collect(),
    }
}

fn write_failure(path: &Path, e: &std::io::Error) -> Failure {
    Failure::Write {
        path: path.to_path_buf(),
        detail: e.to_string(),
        cause: crate::diag::WriteBlock::of(path, e),
    }
}

/// Whether the forms beside each dossier are cut from the dossier's export, printing its page
/// numbers, instead of from a second export with their own (`HOSO_BATCH_ALONE=dossier`). Only
/// `benches/alone.sh` sets it, to measure what the second export costs; a clerk's batch never
/// does.
fn forms_cut_from_the_dossier() -> bool {
    static SET: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *SET.get_or_init(|| std::env::var("HOSO_BATCH_ALONE").as_deref() == Ok("dossier"))
}

/// One person's dossier and forms.
fn person(p: Person<'_>, engine: &Engine, options: &Options) -> Outcome {
    let Some(checked) = p.checked() else {
        return Outcome::Failed { ly_do: blocked(p) };
    };
    let dir = options.out.join(p.id());
    if !options.force
        && let Some(last) = LastRun::read(&dir)
        && last.digest == inputs_digest(checked, &last.reads, engine, options)
        && last.outputs_present(&options.out)
    {
        return Outcome::Skipped;
    }

    let (warnings, built) = dossier::build(engine, checked, &checked.plan()).split();
    let built = match built {
        Ok(b) => b,
        Err(diagnostics) => {
            return Outcome::Failed {
                ly_do: Failure::Document { diagnostics },
            };
        }
    };
    let reads = reads_of(&built, checked.workspace().root());
    let digest = inputs_digest(checked, &reads, engine, options);
    let mut written = Vec::new();
    fn write(
        written: &mut Vec<(PathBuf, usize)>,
        path: PathBuf,
        bytes: &[u8],
    ) -> Result<(), Failure> {
        write_rebuildable(&path, bytes).map_err(|e| write_failure(&path, &e))?;
        written.push((path, bytes.len()));
        Ok(())
    }
    let result = (|| {
        for (i, part) in built.parts.iter().enumerate() {
            let pdf = if forms_cut_from_the_dossier() {
                built.part_pdf_with_dossier_numbers(i)
            } else {
                built.part_pdf(engine, i)
            }
            .map_err(|diagnostics| Failure::Document { diagnostics })?;
            write(
                &mut written,
                dir.join(format!("{}.pdf", crate::render::file_safe_code(&part.code))),
                &pdf,
            )?;
        }
        write(&mut written, dir.join(DOSSIER_FILE), &built.pdf)?;
        if options.emit_typst {
            let typst_dir = options.out.join("typst");
            for part in &built.parts {
                write(
                    &mut written,
                    typst_dir.join(&part.source.name),
                    part.source.text.as_bytes(),
                )?;
            }
        }
        // What the documents were made from, the outputs with their sizes, then the digest on
        // the last line, written last: a person counts as done only when the whole list is there.
        let mut list = String::new();
        for rel in &reads {
            list.push_str(&format!("read\t{rel}\n"));
        }
        for (path, size) in &written {
            if let Ok(rel) = path.strip_prefix(&options.out) {
                list.push_str(&format!("{size}\t{}\n", rel.to_string_lossy()));
            }
        }
        list.push_str(&digest);
        list.push('\n');
        let path = dir.join(INPUTS_FILE);
        write_rebuildable(&path, list.as_bytes()).map_err(|e| write_failure(&path, &e))
    })();
    match result {
        Ok(()) => Outcome::Done {
            tep: written.into_iter().map(|(path, _)| path).collect(),
            warnings,
        },
        Err(e) => Outcome::Failed { ly_do: e },
    }
}

/// The programme of the ceremony of `day` and the decisions of everyone admitted that day, in
/// `le-ket-nap-<date>/`.
fn ceremony(people: &[Person<'_>], day: Ngay, engine: &Engine, options: &Options) -> Outcome {
    let dir = options.out.join(format!("le-ket-nap-{}", day.0));
    let catalogue = Catalogue::builtin();
    let checked: Vec<Checked<'_>> = people.iter().filter_map(|p| p.checked()).collect();
    let Some(first) = checked.first() else {
        return Outcome::Failed {
            ly_do: Failure::NoCeremony { day },
        };
    };
    let mut jobs: Vec<(&crate::forms::Form, Checked<'_>)> = Vec::new();
    if let Some(programme) = catalogue.form("CT-LKN") {
        jobs.push((programme, *first));
    }
    // One document per decision: the people it names share its PDF.
    if let Some(decision) = catalogue.form("9-KNĐ") {
        let mut seen = Vec::new();
        for c in &checked {
            let group = c.decision_group(DecisionKind::Admission);
            let lead = group.first().map_or(c.id(), |p| p.id());
            if !seen.contains(&lead) {
                seen.push(lead);
                jobs.push((decision, *c));
            }
        }
    }
    let mut written = Vec::new();
    let mut warnings = Vec::new();
    for (form, c) in jobs {
        let (mut said, typeset) =
            typeset::form(engine, form, Subject::Filled(c), |_| {}, Export::Pdf).split();
        warnings.append(&mut said);
        let typeset = match typeset {
            Ok(t) => t,
            Err(diagnostics) => {
                return Outcome::Failed {
                    ly_do: Failure::Document { diagnostics },
                };
            }
        };
        // The programme is the day's; a decision is named after its first person.
        let name = if form.ma == "CT-LKN" {
            "CT-LKN.pdf".to_string()
        } else {
            typeset.source.name.replace(".typ", ".pdf")
        };
        let path = dir.join(name);
        if let Err(e) = write_rebuildable(&path, &typeset.output.into_bytes()) {
            return Outcome::Failed {
                ly_do: write_failure(&path, &e),
            };
        }
        written.push(path);
    }
    Outcome::Done {
        tep: written,
        warnings,
    }
}

/// A person's last run, as `<id>/.hoso-inputs` holds it: the workspace files its documents were
/// made from (`read<TAB>path`, relative to the workspace), its outputs with their sizes
/// (`size<TAB>path`, relative to the output folder), and on the last line the digest.
struct LastRun {
    reads: Vec<String>,
    outputs: Vec<(u64, String)>,
    digest: String,
}

impl LastRun {
    fn read(dir: &Path) -> Option<LastRun> {
        // In the output folder, where anything may be put: bounded as a workspace file is.
        let bytes = crate::model::read_bounded(&dir.join(INPUTS_FILE)).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let mut lines: Vec<&str> = text.lines().collect();
        let digest = lines.pop()?.to_string();
        let mut run = LastRun {
            reads: Vec::new(),
            outputs: Vec::new(),
            digest,
        };
        for line in lines {
            let (head, rel) = line.split_once('\t')?;
            match head {
                "read" => run.reads.push(rel.to_string()),
                size => run.outputs.push((size.parse().ok()?, rel.to_string())),
            }
        }
        Some(run)
    }

    /// Every output it names is there, with the size it was written with.
    fn outputs_present(&self, out: &Path) -> bool {
        self.outputs.iter().all(|(size, rel)| {
            std::fs::metadata(out.join(rel))
                .ok()
                .filter(std::fs::Metadata::is_file)
                .is_some_and(|m| m.len() == *size)
        })
    }
}

/// The digest of what a person's documents were made from: the workspace files the render read
/// (`reads`, as the loaded texts: a file gone or changed changes it), the people who share the
/// person's decisions (someone joining one changes the decision without changing a file it read),
/// and what every output depends on (hoso's version, fonts, templates).
fn inputs_digest(
    checked: Checked<'_>,
    reads: &[String],
    engine: &Engine,
    options: &Options,
) -> String {
    let ws = checked.workspace();
    let mut h = Sha256::new();
    h.update(engine.environment().as_bytes());
    h.update([0, u8::from(options.emit_typst)]);
    // Forms cut from the dossier are other outputs: a run without the setting makes them again.
    if forms_cut_from_the_dossier() {
        h.update(b"\0forms-cut-from-the-dossier");
    }
    for rel in reads {
        h.update(rel.as_bytes());
        h.update([0]);
        match ws.file_text(&ws.root().join(rel)) {
            Some(text) => h.update(text.as_bytes()),
            None => h.update([0xff]),
        }
        h.update([0]);
    }
    for kind in [DecisionKind::Admission, DecisionKind::Recognition] {
        for p in checked.decision_group(kind) {
            h.update(p.id().as_bytes());
            h.update([0]);
        }
        h.update([1]);
    }
    crate::output::hex(&h.finalize())
}

/// The files the parts of a dossier were made from, relative to the workspace, in order.
fn reads_of(built: &dossier::Built, root: &Path) -> Vec<String> {
    let mut reads: Vec<String> = built
        .parts
        .iter()
        .flat_map(|p| &p.source.reads)
        .map(|path| {
            path.strip_prefix(root)
                .unwrap_or(path)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    reads.sort();
    reads.dedup();
    reads
}

/// Writes the layout library beside emitted sources, so that `typst compile` works on them.
pub fn emit_library(out: &Path, library: &str) -> std::io::Result<()> {
    write_rebuildable(
        &out.join("typst").join(crate::render::LIBRARY_NAME),
        library.as_bytes(),
    )
}
