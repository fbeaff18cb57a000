//! The desk's requests that change a file: a field saved (of a person's record or of the branch
//! settings, by the one handler below) and the last edits taken back ("Hoàn tác"). Each writes
//! through the workspace's one writer ([`crate::store`]), one request at a time.

use super::routes::{blocking, checked, not_found};
use super::{Desk, edits, pages};
use crate::model::id;
use crate::model::keys::FileKind;
use crate::store::{Expected, Writer};
use crate::validate::CheckedWorkspace;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::{Arc, PoisonError};

/// The file a page edits: a person's record, or the branch settings.
#[derive(Debug, Clone)]
pub(super) enum Target {
    Person(String),
    Settings,
}

impl Target {
    fn kind(&self) -> FileKind {
        match self {
            Target::Person(_) => FileKind::Nguoi,
            Target::Settings => FileKind::ToChuc,
        }
    }

    /// The file, as the loader found it.
    fn file(&self, ws: &CheckedWorkspace) -> Option<PathBuf> {
        match self {
            Target::Person(pid) => ws
                .person(pid)
                .filter(|_| id::is_id(pid))
                .map(|p| p.record().path().to_path_buf()),
            Target::Settings => Some(ws.workspace().org.spans.file().path.clone()),
        }
    }

    /// The page's address.
    fn page(&self) -> String {
        match self {
            Target::Person(pid) => format!("/person/{pid}"),
            Target::Settings => "/settings".into(),
        }
    }

    /// Why the file is not there, for a page that was open on it.
    fn gone(&self, lang: crate::diag::Lang) -> String {
        match self {
            Target::Person(pid) => super::routes::no_person_message(pid, lang),
            Target::Settings => lang
                .pick(
                    "không còn tệp cài đặt chi bộ (to-chuc.yaml) trong thư mục hồ sơ",
                    "the branch settings file (to-chuc.yaml) is no longer in the workspace",
                )
                .into(),
        }
    }

    fn missing(&self, desk: &Desk) -> Response {
        match self {
            Target::Person(pid) => super::routes::no_person(desk, pid),
            Target::Settings => not_found(desk, crate::model::ORG_FILE),
        }
    }
}

/// An edit as the page sends it.
#[derive(Deserialize)]
struct EditRequest {
    /// The file's version the page holds.
    version: String,
    /// The field.
    path: String,
    /// The new text; `null` or `""` removes the key.
    value: Option<String>,
}

/// What the page gets back.
#[derive(Serialize)]
struct EditAnswer {
    ok: bool,
    /// The file's version now (unchanged when refused).
    version: String,
    /// Why the edit was refused.
    message: Option<String>,
    /// The field the refusal concerns.
    path: String,
    /// The file's problems after the edit, each with its field.
    diagnostics: Vec<super::fields::Shown>,
    /// The record can fill forms (the settings: always).
    checked: bool,
    /// The forms it can fill.
    forms: Vec<pages::FormLink>,
    /// For a stale file: its version now and the value it holds at the edited field.
    on_disk: Option<(String, String)>,
    /// An edit of the file can be taken back.
    undo: bool,
}

/// For a stale file: its version now and its value at `path`, as written.
fn on_disk(file: &std::path::Path, path: &str) -> (String, String) {
    let now = crate::model::read_bounded(file).unwrap_or_default();
    let text = String::from_utf8_lossy(&now);
    let value = crate::edit::scalars_as_written(&text)
        .ok()
        .and_then(|all| all.get(path).cloned())
        .unwrap_or_default();
    (edits::version(&now), value)
}

/// Saves one field of `target`'s file: the same editor, version check and writer for a record
/// and for the settings; the answer carries the file's problems after it, each with its field.
pub(super) async fn save_field(
    desk: Arc<Desk>,
    target: Target,
    body: axum::body::Bytes,
) -> Response {
    blocking(desk, move |desk| {
        let lang = desk.lang;
        let Ok(req) = serde_json::from_slice::<EditRequest>(&body) else {
            return StatusCode::BAD_REQUEST.into_response();
        };
        let ws = match checked(desk) {
            Ok(ws) => ws,
            Err(r) => return r,
        };
        // The file went away while the page was open (deleted, renamed, moved): the page says so
        // beside the field, as it says any other refusal.
        let Some(file) = target.file(&ws) else {
            let answer = EditAnswer {
                ok: false,
                version: req.version.clone(),
                message: Some(target.gone(lang)),
                path: req.path.clone(),
                diagnostics: Vec::new(),
                checked: false,
                forms: Vec::new(),
                on_disk: None,
                undo: false,
            };
            return json(StatusCode::NOT_FOUND, &answer);
        };
        let value = req.value.as_deref().filter(|v| !v.trim().is_empty());
        let result = {
            let _one_at_a_time = desk.writing.lock().unwrap_or_else(PoisonError::into_inner);
            let result = edits::apply_in(
                target.kind(),
                desk.root(),
                &file,
                &req.version,
                &req.path,
                value,
            );
            if let Ok(applied) = &result {
                let mut history = desk.history.lock().unwrap_or_else(PoisonError::into_inner);
                history.record(&file, applied.before.clone(), applied.version.clone());
            }
            result
        };
        let refused = result.as_ref().err();
        let status = refused.map_or(StatusCode::OK, edits::Refused::status);
        let message = refused.map(|r| desk.says(&r.message(lang)));
        // A stale file: the page keeps its version (it must not write over what it has not
        // seen) and gets the file's version and value now, to show beside what the clerk typed
        // and let them choose: keep theirs (sent again against the file's version) or the file's.
        let stale = matches!(refused, Some(edits::Refused::Stale));
        let version = match &result {
            Ok(applied) => applied.version.clone(),
            Err(_) if stale => req.version.clone(),
            Err(_) => crate::model::read_bounded(&file)
                .map(|b| edits::version(&b))
                .unwrap_or_default(),
        };
        // The workspace again, as the edit left it: the same checks as every page.
        let ws = if result.is_ok() {
            drop(ws);
            match checked(desk) {
                Ok(ws) => ws,
                Err(r) => return r,
            }
        } else {
            ws
        };
        let (diagnostics, is_checked, forms) = match &target {
            Target::Person(pid) => match ws.person(pid) {
                Some(p) => (
                    super::fields::shown(p.problems(), Some(&p.record().spans), ws.root(), lang),
                    p.checked().is_some(),
                    pages::FormLink::all(p),
                ),
                None => (Vec::new(), false, Vec::new()),
            },
            Target::Settings => {
                let org = &ws.workspace().org;
                let shown =
                    super::fields::shown(ws.org_diagnostics(), Some(&org.spans), ws.root(), lang);
                (shown, true, Vec::new())
            }
        };
        let undo = desk.can_undo(&file, &version);
        let answer = EditAnswer {
            ok: result.is_ok(),
            version,
            message,
            path: req.path.clone(),
            diagnostics,
            checked: is_checked,
            forms,
            on_disk: stale.then(|| on_disk(&file, &req.path)),
            undo,
        };
        json(status, &answer)
    })
    .await
}

/// The answer to an edit, as the page's script reads it.
fn json(status: StatusCode, answer: &EditAnswer) -> Response {
    let json = serde_json::to_string(answer).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], json).into_response()
}

impl Desk {
    /// Whether the last edit of `file` can be taken back while the file is at `version`.
    pub(super) fn can_undo(&self, file: &std::path::Path, version: &str) -> bool {
        let history = self.history.lock().unwrap_or_else(PoisonError::into_inner);
        history.last(file, version).is_some()
    }
}

/// Takes back the last edit of `target`'s file, made from this desk: the text before it is put
/// back if the file is still what the edit wrote; otherwise nothing changes and the page says
/// why. Then the page again.
pub(super) async fn undo(desk: Arc<Desk>, target: Target) -> Response {
    blocking(desk, move |desk| {
        let lang = desk.lang;
        let ws = match checked(desk) {
            Ok(ws) => ws,
            Err(r) => return r,
        };
        let Some(file) = target.file(&ws) else {
            return target.missing(desk);
        };
        drop(ws);
        let refusal = {
            let _one_at_a_time = desk.writing.lock().unwrap_or_else(PoisonError::into_inner);
            let mut history = desk.history.lock().unwrap_or_else(PoisonError::into_inner);
            match history.any_last(&file).cloned() {
                None => Some(lang.pick(
                    "chưa có lần sửa nào trên trang này để hoàn tác",
                    "no edit made on this page to undo",
                ).to_string()),
                Some(step) => {
                    let undone = Writer::lock(desk.root()).and_then(|writer| {
                        let now = writer.read(&file)?;
                        now.expect(Expected::Version(&step.after))?;
                        writer.replace(&now, &step.before)
                    });
                    match undone {
                        Ok(_) => {
                            history.pop(&file);
                            None
                        }
                        Err(crate::store::WriteError::Stale { .. }) => {
                            // Whatever changed it since is newer than every edit remembered.
                            history.forget(&file);
                            Some(lang.pick(
                                "tệp đã được sửa ở nơi khác (trình soạn thảo, thẻ khác, lệnh khác) \
                                 sau lần sửa cuối trên trang này; hoàn tác lúc này sẽ làm mất những \
                                 gì đã sửa ở đó, nên tệp được giữ nguyên",
                                "the file was changed elsewhere (an editor, another tab, another \
                                 command) after the last edit on this page; undoing now would lose \
                                 what was changed there, so the file is left as it is",
                            ).to_string())
                        }
                        Err(e) => Some(e.message(lang)),
                    }
                }
            }
        };
        match refusal {
            None => Redirect::to(&target.page()).into_response(),
            Some(message) => super::records::refused(
                desk,
                lang.pick("Chưa hoàn tác", "Nothing undone"),
                vec![message],
                &target.page(),
            ),
        }
    })
    .await
}
