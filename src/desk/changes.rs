//! The desk's requests that change a file: a field saved (of a person's record or of the branch
//! settings, by the one handler below) and the last edits taken back ("Hoàn tác"). Each writes
//! through the workspace's one writer ([`crate::store`]), one request at a time.

use super::history::History;
use super::routes::{blocking, checked, not_found};
use super::{Desk, edits, pages};
use crate::model::id;
use crate::model::keys::FileKind;
use crate::store::{Expected, FileText, Renamed, WriteError, Writer};
use crate::validate::CheckedWorkspace;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError};

/// What a change of a file a page showed means for the edits of the desk that can be taken back
/// ([`History`]).
pub(super) trait Written {
    /// Puts it into `history`; `file` is the file the page showed.
    fn remember(&self, file: &Path, history: &mut History);
}

/// A field saved: the edit can be taken back.
impl Written for edits::Applied {
    fn remember(&self, file: &Path, history: &mut History) {
        history.record(file, self.before.clone(), self.version.clone());
    }
}

/// A record given a new id: its file and the files that now name the new id changed otherwise
/// than by an edit, which can no longer be taken back.
impl Written for Renamed {
    fn remember(&self, file: &Path, history: &mut History) {
        history.forget(file);
        for path in &self.updated {
            history.forget(path);
        }
    }
}

/// A record deleted (moved to this path): its edits go with it.
impl Written for PathBuf {
    fn remember(&self, file: &Path, history: &mut History) {
        history.forget(file);
    }
}

impl Desk {
    /// The turn of one change of the workspace: a page's requests arrive on several connections,
    /// and the desk's changes (and the undo history they keep) go one at a time. Held by
    /// [`Desk::write`], and around the library's own writes that take the workspace's lock
    /// themselves (a new person, a number from the register, an import).
    pub(super) fn one_at_a_time(&self) -> std::sync::MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Every change the desk makes in the workspace: one at a time (a page's requests arrive on
    /// several connections), through the workspace's one writer ([`crate::store`], under its
    /// lock); then `remember` puts what was done into the history of edits, before the next
    /// change can begin.
    pub(super) fn write<T, E: From<WriteError>>(
        &self,
        change: impl FnOnce(&Writer) -> Result<T, E>,
        remember: impl FnOnce(&Result<T, E>, &mut History),
    ) -> Result<T, E> {
        let _one_at_a_time = self.one_at_a_time();
        let done = Writer::lock(self.root())
            .map_err(E::from)
            .and_then(|writer| change(&writer));
        let mut history = self.history.lock().unwrap_or_else(PoisonError::into_inner);
        remember(&done, &mut history);
        done
    }

    /// A change of `file`, the file a page showed at `version`: refused
    /// ([`WriteError::Stale`]) unless the file, read under the lock, is still at it; when done,
    /// the history learns of it ([`Written`]).
    pub(super) fn write_file<T: Written, E: From<WriteError>>(
        &self,
        file: &Path,
        version: &str,
        change: impl FnOnce(&Writer, &FileText) -> Result<T, E>,
    ) -> Result<T, E> {
        self.write(
            |writer| {
                let now = writer.read(file)?;
                now.expect(Expected::Version(version))?;
                change(writer, &now)
            },
            |done, history| {
                if let Ok(done) = done {
                    done.remember(file, history);
                }
            },
        )
    }
}

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
    /// Each field naming a person, with its document's day now (see
    /// [`pages::person_field_days`]).
    days: Vec<(String, String, String)>,
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
            Err(r) => return *r,
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
                days: Vec::new(),
            };
            return json(StatusCode::NOT_FOUND, &answer);
        };
        let value = req.value.as_deref().filter(|v| !v.trim().is_empty());
        let kind = target.kind();
        let result = edits::editable(kind, &req.path).and_then(|()| {
            desk.write_file(&file, &req.version, |writer, now| {
                edits::apply_in(kind, writer, now, &req.path, value)
            })
        });
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
                Err(r) => return *r,
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
        let days = match result.is_ok() {
            true => crate::model::read_bounded(&file)
                .map(|bytes| {
                    let text = String::from_utf8_lossy(&bytes);
                    pages::person_field_days(kind, &text, super::routes::today(), lang)
                })
                .unwrap_or_default(),
            false => Vec::new(),
        };
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
            days,
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
            Err(r) => return *r,
        };
        let Some(file) = target.file(&ws) else {
            return target.missing(desk);
        };
        drop(ws);
        /// Why nothing was undone.
        enum NotUndone {
            /// No edit of this page is remembered.
            NoEdit,
            Write(WriteError),
        }
        impl From<WriteError> for NotUndone {
            fn from(e: WriteError) -> NotUndone {
                NotUndone::Write(e)
            }
        }
        let undone = desk.write(
            |writer| {
                let step = {
                    let history = desk.history.lock().unwrap_or_else(PoisonError::into_inner);
                    history.any_last(&file).cloned()
                };
                let step = step.ok_or(NotUndone::NoEdit)?;
                let now = writer.read(&file)?;
                now.expect(Expected::Version(&step.after))?;
                writer.replace(&now, &step.before)?;
                Ok(())
            },
            |undone, history| match undone {
                Ok(()) => history.pop(&file),
                // Whatever changed it since is newer than every edit remembered.
                Err(NotUndone::Write(WriteError::Stale { .. })) => history.forget(&file),
                Err(_) => {}
            },
        );
        let refusal = match undone {
            Ok(()) => None,
            Err(NotUndone::NoEdit) => Some(
                lang.pick(
                    "chưa có lần sửa nào trên trang này để hoàn tác",
                    "no edit made on this page to undo",
                )
                .to_string(),
            ),
            Err(NotUndone::Write(WriteError::Stale { .. })) => Some(
                lang.pick(
                    "tệp đã được sửa ở nơi khác (trình soạn thảo, thẻ khác, lệnh khác) \
                     sau lần sửa cuối trên trang này; hoàn tác lúc này sẽ làm mất những \
                     gì đã sửa ở đó, nên tệp được giữ nguyên",
                    "the file was changed elsewhere (an editor, another tab, another \
                     command) after the last edit on this page; undoing now would lose \
                     what was changed there, so the file is left as it is",
                )
                .to_string(),
            ),
            Err(NotUndone::Write(e)) => Some(e.message(lang)),
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
