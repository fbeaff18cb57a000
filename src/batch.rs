/*!
Batch production: every person's dossier and forms, or the paperwork of one ceremony, in parallel.

Each person is one job: check the record, plan the dossier, typeset its forms once (the same
bytes go into `<id>/<code>.pdf` and into the dossier `<id>/ho-so.pdf`). Jobs run on all cores
with the fonts, templates and Typst library loaded once for the process. A job that fails is
reported and the others go on.

Incremental: a job ends by writing `<id>/.hoso-inputs`, the list of its outputs with their sizes
and, on the last line, the digest of everything they depend on (the person's file, the
organisation's, the files of the people its forms name, the templates, the fonts, the hoso
version). A rerun skips a person whose digest is unchanged and whose outputs are all there with
their sizes; `--force` redoes everyone. Every file is written atomically (a temporary file renamed
over the target) and the list last, so a run killed midway leaves no partial PDF and a rerun
finishes the job. Outputs are not flushed to the disk one by one (thousands of waits for the disk
would slow a batch down for nothing): what a power failure cuts short has the wrong size, or no
list, and is made again by the next run.
*/

use crate::compile::Typesetter;
use crate::diag::{Diagnostic, Severity};
use crate::dossier;
use crate::forms::Catalogue;
use crate::model::{GiaiDoan, Ngay, Record, Workspace};
use crate::output::write_rebuildable;
use crate::render::{Renderer, Subject};
use crate::validate::check_person;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The file holding a person's input digest.
const INPUTS_FILE: &str = ".hoso-inputs";
/// The dossier's file name in a person's folder.
const DOSSIER_FILE: &str = "ho-so.pdf";

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
    /// What else the outputs depend on (fonts in use, hoso version, templates), mixed into every
    /// person's digest.
    pub environment: String,
}

/// What happened to one person.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case", tag = "ket_qua")]
pub enum Outcome {
    /// Outputs written.
    Done { tep: Vec<PathBuf> },
    /// Inputs unchanged since the last run.
    Skipped,
    /// Nothing written; why.
    Failed { ly_do: String },
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
pub fn selected<'a>(workspace: &'a Workspace, options: &Options) -> Vec<&'a Record> {
    workspace
        .people
        .iter()
        .filter(|r| r.folder == crate::model::Folder::KetNap)
        .filter(|r| options.stage.is_none_or(|s| r.nguoi.giai_doan() == s))
        .filter(|r| {
            options
                .ceremony
                .is_none_or(|d| r.nguoi.le_ket_nap.as_ref().and_then(|l| l.ngay) == Some(d))
        })
        .collect()
}

/// Runs the batch. `broken` are the files the loader could not read (each becomes a failure named
/// by its file); `tick` is called once per finished person (for a progress bar).
pub fn run(
    workspace: &Workspace,
    broken: &[Diagnostic],
    renderer: &Renderer,
    typesetter: &Typesetter,
    options: &Options,
    tick: &(dyn Fn(&str) + Sync),
) -> Report {
    let start = Instant::now();
    let people = selected(workspace, options);
    let mut reports = in_parallel(options.jobs, &people, |record| {
        let outcome = person(workspace, record, renderer, typesetter, options);
        // Typst memoises across compiles; keep only recent entries so that memory stays
        // flat however many people the batch holds.
        comemo::evict(10);
        tick(&record.id);
        PersonReport {
            id: record.id.clone(),
            outcome,
        }
    });

    if let Some(day) = options.ceremony {
        let outcome = ceremony(workspace, &people, day, renderer, typesetter, options);
        reports.push(PersonReport {
            id: format!("le-ket-nap-{}", day.0),
            outcome,
        });
    }

    // A person file that did not load is a failure of that person, named by the file.
    let mut unreadable: Vec<String> = broken
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter_map(|d| d.location.as_ref())
        .filter(|l| l.file.path.file_name().is_some_and(|n| n != "to-chuc.yaml"))
        .map(|l| {
            l.file
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .filter(|id| workspace.person(id).is_none())
        .collect();
    unreadable.sort();
    unreadable.dedup();
    for id in unreadable {
        reports.push(PersonReport {
            id,
            outcome: Outcome::Failed {
                ly_do: "hồ sơ không đọc được (xem `hoso validate`)".into(),
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

/// One person's dossier and forms.
fn person(
    workspace: &Workspace,
    record: &Record,
    renderer: &Renderer,
    typesetter: &Typesetter,
    options: &Options,
) -> Outcome {
    let (checked, diagnostics) = check_person(workspace, record);
    let Some(checked) = checked else {
        let codes: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.problem.code())
            .collect();
        return Outcome::Failed {
            ly_do: format!("hồ sơ có lỗi: {}", codes.join(", ")),
        };
    };
    let dir = options.out.join(&record.id);
    let digest = inputs_digest(workspace, record, options);
    if !options.force && up_to_date(&dir, &digest) {
        return Outcome::Skipped;
    }

    let plan = dossier::plan(checked, None);
    let built = match dossier::build(renderer, typesetter, checked, &plan) {
        Ok(b) => b,
        Err(e) => {
            return Outcome::Failed {
                ly_do: e.to_string(),
            };
        }
    };
    let mut written = Vec::new();
    fn write(
        written: &mut Vec<(PathBuf, usize)>,
        path: PathBuf,
        bytes: &[u8],
    ) -> Result<(), String> {
        write_rebuildable(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push((path, bytes.len()));
        Ok(())
    }
    let result = (|| {
        for part in &built.parts {
            write(
                &mut written,
                dir.join(format!("{}.pdf", crate::render::file_safe_code(&part.code))),
                &part.pdf,
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
        // The outputs with their sizes, then the digest on the last line, written last: a
        // person counts as done only when the whole list is there.
        let mut list = String::new();
        for (path, size) in &written {
            if let Ok(rel) = path.strip_prefix(&options.out) {
                list.push_str(&format!("{size}\t{}\n", rel.to_string_lossy()));
            }
        }
        list.push_str(&digest);
        list.push('\n');
        write_rebuildable(&dir.join(INPUTS_FILE), list.as_bytes()).map_err(|e| e.to_string())
    })();
    match result {
        Ok(()) => Outcome::Done {
            tep: written.into_iter().map(|(path, _)| path).collect(),
        },
        Err(e) => Outcome::Failed { ly_do: e },
    }
}

/// The programme of the ceremony of `day` and the decisions of everyone admitted that day, in
/// `le-ket-nap-<date>/`.
fn ceremony(
    workspace: &Workspace,
    people: &[&Record],
    day: Ngay,
    renderer: &Renderer,
    typesetter: &Typesetter,
    options: &Options,
) -> Outcome {
    let dir = options.out.join(format!("le-ket-nap-{}", day.0));
    let catalogue = Catalogue::builtin();
    let checked: Vec<_> = people
        .iter()
        .filter_map(|r| check_person(workspace, r).0)
        .collect();
    let Some(first) = checked.first() else {
        return Outcome::Failed {
            ly_do: format!("không có ai làm lễ kết nạp ngày {}", day.short()),
        };
    };
    let mut jobs: Vec<(&crate::forms::Form, crate::validate::Checked<'_>)> = Vec::new();
    if let Some(programme) = catalogue.form("CT-LKN") {
        jobs.push((programme, *first));
    }
    // One decision per number: people named in the same decision share its PDF.
    let mut seen = Vec::new();
    if let Some(decision) = catalogue.form("9-KNĐ") {
        for c in &checked {
            let key = c
                .record
                .nguoi
                .quyet_dinh_ket_nap
                .as_ref()
                .and_then(|q| q.so.clone())
                .unwrap_or_else(|| c.record.id.clone());
            if !seen.contains(&key) {
                seen.push(key);
                jobs.push((decision, *c));
            }
        }
    }
    let mut written = Vec::new();
    for (form, c) in jobs {
        let result = renderer
            .render(form, Subject::Filled(c))
            .map_err(|e| e.to_string())
            .and_then(|source| {
                let date = source.date.map(|d| d.0);
                let compiled = typesetter
                    .compile(&source, date)
                    .map_err(|e| e.to_string())?;
                let pdf = typesetter
                    .pdf(&compiled, &source.name, date)
                    .map_err(|e| e.to_string())?;
                // The programme is the day's; a decision is named after its first person.
                let name = if form.ma == "CT-LKN" {
                    "CT-LKN.pdf".to_string()
                } else {
                    source.name.replace(".typ", ".pdf")
                };
                let path = dir.join(name);
                write_rebuildable(&path, &pdf).map_err(|e| e.to_string())?;
                Ok(path)
            });
        match result {
            Ok(path) => written.push(path),
            Err(e) => return Outcome::Failed { ly_do: e },
        }
    }
    Outcome::Done { tep: written }
}

/// Whether `dir` holds the outputs of inputs with this digest: the list ends with the digest and
/// every output it names is there with the size it was written with.
fn up_to_date(dir: &Path, digest: &str) -> bool {
    let Ok(text) = std::fs::read_to_string(dir.join(INPUTS_FILE)) else {
        return false;
    };
    let mut lines: Vec<&str> = text.lines().collect();
    if lines.pop() != Some(digest) {
        return false;
    }
    let out = dir.parent().unwrap_or(dir);
    lines.into_iter().all(|line| {
        let Some((size, rel)) = line.split_once('\t') else {
            return false;
        };
        let on_disk = std::fs::metadata(out.join(rel))
            .ok()
            .filter(|m| m.is_file());
        on_disk.is_some_and(|m| size.parse() == Ok(m.len()))
    })
}

/// The digest of everything a person's outputs depend on.
fn inputs_digest(workspace: &Workspace, record: &Record, options: &Options) -> String {
    let mut h = Sha256::new();
    h.update(options.environment.as_bytes());
    h.update([0, u8::from(options.emit_typst)]);
    let file = |h: &mut Sha256, rel: &Path| {
        h.update(rel.to_string_lossy().as_bytes());
        h.update(std::fs::read(workspace.root.join(rel)).unwrap_or_default());
    };
    file(&mut h, Path::new("to-chuc.yaml"));
    for r in related(workspace, record) {
        file(
            &mut h,
            &Path::new(r.folder.dir()).join(format!("{}.yaml", r.id)),
        );
    }
    crate::output::hex(&h.finalize())
}

/// The person and everyone whose data the person's forms print: people named by id in the
/// record (sponsors, chair, secretary, mentor), the branch secretary, and the people of the same
/// decision or ceremony.
fn related<'a>(workspace: &'a Workspace, record: &'a Record) -> Vec<&'a Record> {
    let mut ids: Vec<String> = vec![record.id.clone()];
    let mut strings = Vec::new();
    collect_strings(
        &serde_json::to_value(&record.nguoi).unwrap_or_default(),
        &mut strings,
    );
    // The organisation's secretary signs; its register is in to-chuc.yaml, hashed whole.
    let org = &workspace.org.to_chuc;
    strings.extend(org.bi_thu.iter().chain(&org.pho_bi_thu).cloned());
    ids.extend(
        strings
            .into_iter()
            .filter(|s| workspace.person(s).is_some()),
    );
    let n = &record.nguoi;
    let decision = n.quyet_dinh_ket_nap.as_ref().and_then(|q| q.so.clone());
    let ceremony = n.le_ket_nap.as_ref().and_then(|l| l.ngay);
    for other in &workspace.people {
        let o = &other.nguoi;
        let same_decision = decision.is_some()
            && o.quyet_dinh_ket_nap.as_ref().and_then(|q| q.so.clone()) == decision;
        let same_ceremony =
            ceremony.is_some() && o.le_ket_nap.as_ref().and_then(|l| l.ngay) == ceremony;
        if same_decision || same_ceremony {
            ids.push(other.id.clone());
        }
    }
    ids.sort();
    ids.dedup();
    ids.iter().filter_map(|id| workspace.person(id)).collect()
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// Writes the layout library beside emitted sources, so that `typst compile` works on them.
pub fn emit_library(out: &Path, library: &str) -> std::io::Result<()> {
    write_rebuildable(
        &out.join("typst").join(crate::render::LIBRARY_NAME),
        library.as_bytes(),
    )
}
