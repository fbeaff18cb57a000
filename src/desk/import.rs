//! A list from a spreadsheet, imported from the desk: the clerk chooses the file, sees what the
//! import would do (who is created, who changes and how, each row kept out and why, the rows read
//! past), then imports it. The sheet is read, planned and written by the same steps as
//! `hoso import` (`crate::import`), under the workspace's writer; the upload is read into a
//! temporary file outside the workspace and gone with the request.

use super::Desk;
use super::pages::Words;
use super::routes::{blocking, checked, page};
use super::words;
use crate::diag::{Lang, Severity};
use crate::import::{self, Action, Plan};
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use std::sync::Arc;

/// The largest upload: a sheet's own bound, and room for the form around it.
pub(super) const UPLOAD_LIMIT: usize = (64 << 20) + (64 << 10);

/// The import page, before a file is chosen.
pub(super) async fn import_page(State(desk): State<Arc<Desk>>) -> Response {
    blocking(desk, |desk| {
        page(desk, "import.html.j2", ImportPage::empty(desk.lang))
    })
    .await
}

/// What the page shows.
#[derive(Serialize)]
struct ImportPage {
    words: Words,
    /// The file's name, once one was sent.
    file: Option<String>,
    /// Whether people already there are updated.
    update: bool,
    /// What the import would do, or did.
    outcome: Option<Outcome>,
    /// Why the sheet could not be read or written.
    refused: Option<String>,
}

impl ImportPage {
    fn empty(lang: Lang) -> ImportPage {
        ImportPage {
            words: Words::of(lang),
            file: None,
            update: false,
            outcome: None,
            refused: None,
        }
    }
}

#[derive(Serialize)]
struct Outcome {
    /// `true` once written; `false` for the preview.
    written: bool,
    /// Who is created and who changes, in sheet order.
    created: Vec<Row>,
    updated: Vec<Row>,
    /// How many are created, updated, left as they are.
    counts: import::Counts,
    problems: Vec<Shown>,
    skipped: Vec<String>,
    /// How many files the import writes.
    writes: usize,
    /// The new files not made because a file of that id is there.
    not_created: Vec<String>,
}

#[derive(Serialize)]
struct Row {
    /// The person's name, as the branch page shows it.
    name: String,
    file: String,
    row: u32,
    changes: Vec<(String, String, String)>,
}

#[derive(Serialize)]
struct Shown {
    severity: &'static str,
    place: String,
    message: String,
}

fn outcome(plan: &Plan, root: &std::path::Path, lang: Lang, written: bool) -> Outcome {
    let rel = |p: &std::path::Path| words::file_name(root, p);
    let (mut created, mut updated) = (Vec::new(), Vec::new());
    for action in &plan.actions {
        match action {
            Action::Create {
                path, row, name, ..
            } => created.push(Row {
                name: name.clone(),
                file: rel(path),
                row: *row,
                changes: Vec::new(),
            }),
            Action::Update {
                path,
                row,
                name,
                changes,
                ..
            } => updated.push(Row {
                name: name.clone(),
                file: rel(path),
                row: *row,
                changes: changes
                    .iter()
                    .map(|(k, old, new)| {
                        let label =
                            crate::model::keys::find(crate::model::keys::FileKind::Nguoi, k)
                                .map_or_else(|| k.to_string(), |key| words::label(key, lang));
                        (
                            label,
                            old.clone().unwrap_or_else(|| "—".into()),
                            new.clone(),
                        )
                    })
                    .collect(),
            }),
            Action::Keep { .. } => {}
        }
    }
    Outcome {
        written,
        created,
        updated,
        counts: plan.counts(),
        problems: plan
            .problems
            .iter()
            .map(|p| Shown {
                severity: match p.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                place: words::in_page_words(&p.place(lang), lang, root),
                message: words::in_page_words(&p.message(lang), lang, root),
            })
            .collect(),
        skipped: plan.skipped.iter().map(|s| s.describe(lang)).collect(),
        writes: plan.files_to_write(),
        not_created: Vec::new(),
    }
}

/// The form the page sends: the file, whether to update, and the step (`preview` or `import`).
struct Sent {
    name: String,
    bytes: Bytes,
    update: bool,
    write: bool,
}

async fn sent(request: Request) -> Result<Sent, String> {
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|e| e.body_text())?;
    let (mut name, mut bytes, mut update, mut write) = (None, None, false, false);
    while let Some(field) = form.next_field().await.map_err(|e| e.body_text())? {
        match field.name() {
            Some("file") => {
                name = field.file_name().map(str::to_string);
                bytes = Some(field.bytes().await.map_err(|e| e.body_text())?);
            }
            Some("update") => update = true,
            Some("step") => write = field.text().await.is_ok_and(|t| t == "import"),
            _ => {}
        }
    }
    match (name, bytes) {
        (Some(name), Some(bytes)) if !name.is_empty() => Ok(Sent {
            name,
            bytes,
            update,
            write,
        }),
        _ => Err(String::new()),
    }
}

/// The file's name as the page shows it and the import records it in the files it makes: its
/// last part, a character no record may hold shown as `?` (the browser sends the name it has).
fn source_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    crate::model::chars::visible_same_length(last).into_owned()
}

/// The import's preview, or the import itself (`step=import`).
pub(super) async fn import_sheet(State(desk): State<Arc<Desk>>, request: Request) -> Response {
    let sent = sent(request).await;
    blocking(desk, move |desk| {
        let lang = desk.lang;
        let mut shown = ImportPage::empty(lang);
        let refuse = |mut shown: ImportPage, why: String| {
            shown.refused = Some(desk.says(&why));
            let mut r = page(desk, "import.html.j2", shown);
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            r
        };
        let sent = match sent {
            Ok(s) => s,
            Err(_) => {
                let why = lang.pick(
                    "chưa chọn tệp danh sách (.xlsx, .xls, .ods, .csv)",
                    "no list file chosen (.xlsx, .xls, .ods, .csv)",
                );
                return refuse(shown, why.into());
            }
        };
        let source = source_name(&sent.name);
        shown.file = Some(source.clone());
        shown.update = sent.update;
        // The sheet readers take a file, known by its extension: a temporary one, outside the
        // workspace, removed when this request ends.
        let extension = std::path::Path::new(&source)
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy().to_lowercase()))
            .unwrap_or_default();
        let stored = tempfile::Builder::new()
            .prefix("hoso-nhap-")
            .suffix(&extension)
            .tempfile()
            .and_then(|mut f| {
                std::io::Write::write_all(&mut f, &sent.bytes)?;
                Ok(f)
            });
        let stored = match stored {
            Ok(f) => f,
            Err(e) => return refuse(shown, e.to_string()),
        };
        let mut grid = match import::sheet::read(stored.path(), None) {
            Ok(g) => g,
            Err(e) => return refuse(shown, e.message(lang)),
        };
        // A CSV file's one sheet is named after the file: the clerk's, not the temporary's.
        if grid.csv.is_some() {
            grid.name = source.clone();
        }
        let root = desk.root().to_path_buf();
        let sheet = import::Import {
            grid: &grid,
            root: &root,
            source: &source,
            update: sent.update,
        };
        // Imported as `hoso import` imports; one import or edit of the desk at a time.
        let _one_at_a_time = sent.write.then(|| desk.one_at_a_time());
        let mut prepared = match sheet.prepare(sent.write, || checked(desk).map(Some)) {
            Ok(p) => p,
            Err(import::Unprepared::Load(r)) => return *r,
            Err(import::Unprepared::Lock(e)) => return refuse(shown, e.message(lang)),
        };
        if !sent.write {
            shown.outcome = Some(outcome(&prepared.plan, &root, lang, false));
            return page(desk, "import.html.j2", shown);
        }
        match prepared.write(&|_| {}) {
            Ok(applied) => {
                let mut done = outcome(&prepared.plan, &root, lang, true);
                done.not_created = applied
                    .not_created
                    .iter()
                    .map(|e| desk.says(&e.message(lang)))
                    .collect();
                shown.outcome = Some(done);
                page(desk, "import.html.j2", shown)
            }
            Err(import::ApplyError::Write(e)) => refuse(shown, e.message(lang)),
            Err(import::ApplyError::Edit { path, detail }) => {
                refuse(shown, format!("`{}`: {detail}", path.display()))
            }
        }
    })
    .await
}
