//! A person's record as a whole, from the desk: deleted (recoverably: the file waits in
//! `da-xoa/`, listed on the page of deleted records), restored from there, renamed (a new id,
//! which every record and the settings that name the person follow). Each through the
//! workspace's one writer ([`crate::store`]), checked against the version the page showed.

use super::routes::{blocking, checked, not_found, page};
use super::{Desk, pages};
use crate::model::{Folder, id};
use crate::store::{Deleted, WriteError};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;
use std::io::Read;
use std::sync::Arc;

type Shared = State<Arc<Desk>>;

/// The value of `name` in a form body.
fn field(body: &[u8], name: &str) -> String {
    form_urlencoded::parse(body)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// A page that says why nothing was done, with the way back to where the clerk was; each message
/// in the page's words, its files named inside the workspace.
pub(super) fn refused(desk: &Desk, title: &str, messages: Vec<String>, back: &str) -> Response {
    #[derive(Serialize)]
    struct Refusal {
        #[serde(flatten)]
        problem: pages::Problem,
        back: String,
    }
    let lang = desk.lang;
    let context = Refusal {
        problem: pages::Problem {
            words: pages::Words::of(lang),
            title: title.to_string(),
            messages: messages.iter().map(|m| desk.says(m)).collect(),
        },
        back: back.to_string(),
    };
    let mut response = page(desk, "problem.html.j2", context);
    *response.status_mut() = StatusCode::CONFLICT;
    response
}

/// The file of person `pid`, and the page they are on.
fn person_file(desk: &Desk, pid: &str) -> Result<std::path::PathBuf, Box<Response>> {
    let ws = checked(desk)?;
    ws.person(pid)
        .filter(|_| id::is_id(pid))
        .map(|p| p.record().path().to_path_buf())
        .ok_or_else(|| Box::new(super::routes::no_person(desk, pid)))
}

/// Deletes the person: their file moves into `da-xoa/`, then the page of deleted records, where
/// it can be restored.
pub async fn delete(State(desk): Shared, Path(pid): Path<String>, body: Bytes) -> Response {
    blocking(desk, move |desk| {
        let lang = desk.lang;
        let file = match person_file(desk, &pid) {
            Ok(f) => f,
            Err(r) => return *r,
        };
        let version = field(&body, "version");
        let done = desk.write_file(&file, &version, |w, now| w.delete_record(now));
        match done {
            Ok(_) => Redirect::to("/deleted").into_response(),
            Err(e) => refused(
                desk,
                lang.pick("Chưa xóa", "Not deleted"),
                vec![write_message(&e, lang)],
                &format!("/person/{pid}"),
            ),
        }
    })
    .await
}

/// A refusal of the writer, said on the page of a refusal (a stale file: go back and look again).
fn write_message(e: &WriteError, lang: crate::diag::Lang) -> String {
    match e {
        WriteError::Stale { .. } => lang
            .pick(
                "tệp của hồ sơ đã được sửa ở nơi khác (trình soạn thảo, thẻ khác) từ khi trang \
                 được mở, nên chưa làm gì: bấm “Quay lại” để xem hồ sơ như bây giờ, rồi làm lại",
                "the record's file was changed elsewhere (an editor, another tab) since the page \
                 was opened, so nothing was done: press “Go back” to see the record as it is \
                 now, then try again",
            )
            .into(),
        other => other.message(lang),
    }
}

/// A deleted record as the page lists it.
#[derive(Serialize)]
struct DeletedRow {
    key: String,
    id: String,
    name: String,
    /// Quần chúng or đảng viên.
    kind: &'static str,
    /// `07/12/2026 14:30:05`.
    when: String,
}

#[derive(Serialize)]
struct DeletedPage {
    words: pages::Words,
    rows: Vec<DeletedRow>,
}

/// The name written in a deleted record (read bounded: it is a clerk's file like any other).
fn name_in(path: &std::path::Path) -> Option<String> {
    let mut text = String::new();
    std::fs::File::open(path)
        .ok()?
        .take(crate::store::MAX_FILE_BYTES)
        .read_to_string(&mut text)
        .ok()?;
    let scalars = crate::edit::scalars_as_written(text.trim_start_matches('\u{feff}')).ok()?;
    scalars.get("ho_ten").cloned()
}

/// `2026-12-07_143005` → `07/12/2026 14:30:05`.
fn when_shown(when: &str) -> String {
    let b = when.as_bytes();
    if when.len() >= 17 && b[4] == b'-' && b[7] == b'-' && b[10] == b'_' {
        format!(
            "{}/{}/{} {}:{}:{}",
            &when[8..10],
            &when[5..7],
            &when[0..4],
            &when[11..13],
            &when[13..15],
            &when[15..17]
        )
    } else {
        when.to_string()
    }
}

/// The page of deleted records, each with its button to restore it.
pub async fn list(State(desk): Shared) -> Response {
    blocking(desk, move |desk| {
        let lang = desk.lang;
        let rows = crate::store::deleted(desk.root())
            .into_iter()
            .map(|d| {
                let member = d
                    .place
                    .components()
                    .next()
                    .is_some_and(|c| c.as_os_str() == Folder::DangVien.dir());
                DeletedRow {
                    name: name_in(&d.path).unwrap_or_else(|| d.id.clone()),
                    kind: if member {
                        lang.pick("Đảng viên", "Member")
                    } else {
                        lang.pick("Quần chúng", "Candidate")
                    },
                    when: when_shown(&d.when),
                    key: d.key,
                    id: d.id,
                }
            })
            .collect();
        let context = DeletedPage {
            words: pages::Words::of(lang),
            rows,
        };
        page(desk, "deleted.html.j2", context)
    })
    .await
}

/// Restores a deleted record where it was, unless its id is taken again.
pub async fn restore(State(desk): Shared, body: Bytes) -> Response {
    blocking(desk, move |desk| {
        let lang = desk.lang;
        let key = field(&body, "key");
        // The request names a record of the listing, never a path.
        let Some(entry) = crate::store::deleted(desk.root())
            .into_iter()
            .find(|d: &Deleted| d.key == key)
        else {
            return not_found(desk, &key);
        };
        // The restored file has no edits to take back: they went when it was deleted.
        let done = desk.write(|w| w.restore(&entry), |_, _| {});
        match done {
            Ok(_) => Redirect::to(&format!("/person/{}", entry.id)).into_response(),
            Err(WriteError::Exists { existing, .. }) => {
                let existing = desk.file_name(&existing);
                let message = match lang {
                    crate::diag::Lang::Vi => format!(
                        "mã {} nay đã là của hồ sơ “{existing}”: hãy đổi mã của hồ sơ đó (trên trang của người ấy) rồi khôi phục lại",
                        entry.id,
                    ),
                    crate::diag::Lang::En => format!(
                        "the id {} now belongs to the record “{existing}”: give that record another id (on that person's page), then restore again",
                        entry.id,
                    ),
                };
                refused(
                    desk,
                    lang.pick("Chưa khôi phục", "Not restored"),
                    vec![message],
                    "/deleted",
                )
            }
            Err(e) => refused(
                desk,
                lang.pick("Chưa khôi phục", "Not restored"),
                vec![write_message(&e, lang)],
                "/deleted",
            ),
        }
    })
    .await
}

/// Gives the person a new id (what the clerk typed, as an id: `Nguyễn Văn An 2` is
/// `nguyen-van-an-2`); the records and settings that name them follow.
pub async fn rename(State(desk): Shared, Path(pid): Path<String>, body: Bytes) -> Response {
    blocking(desk, move |desk| {
        let lang = desk.lang;
        let file = match person_file(desk, &pid) {
            Ok(f) => f,
            Err(r) => return *r,
        };
        let typed = field(&body, "ma_moi");
        let new_id = id::slug(&typed).unwrap_or_else(|| typed.trim().to_string());
        let version = field(&body, "version");
        let title = lang.pick("Chưa đổi mã hồ sơ", "The id is not changed");
        // Changed, but some files that name the person could not follow.
        let half_done = lang.pick(
            "Đã đổi mã hồ sơ, còn vài tệp ghi mã cũ",
            "The id is changed; some files still name the old one",
        );
        let back = format!("/person/{pid}");
        if new_id == pid {
            return Redirect::to(&back).into_response();
        }
        let done = desk.write_file(&file, &version, |w, now| w.rename_record(now, &new_id));
        match done {
            Ok(renamed) if renamed.not_updated.is_empty() => {
                Redirect::to(&format!("/person/{new_id}")).into_response()
            }
            Ok(renamed) => {
                let mut messages = vec![match lang {
                    crate::diag::Lang::Vi => format!(
                        "đã đổi mã thành {new_id}, nhưng các tệp sau đã được sửa ở nơi khác nên vẫn ghi mã cũ {pid}: hãy chọn lại người này trong các tệp đó"
                    ),
                    crate::diag::Lang::En => format!(
                        "the id is now {new_id}, but these files were changed elsewhere and still name the old id {pid}: choose the person again in them"
                    ),
                }];
                for (path, _) in &renamed.not_updated {
                    messages.push(desk.file_name(path));
                }
                refused(desk, half_done, messages, &format!("/person/{new_id}"))
            }
            Err(WriteError::Exists { existing, .. }) => {
                let existing = desk.file_name(&existing);
                let message = match lang {
                    crate::diag::Lang::Vi => {
                        format!("mã {new_id} đã là của hồ sơ “{existing}”: hãy chọn mã khác")
                    }
                    crate::diag::Lang::En => {
                        format!("the id {new_id} belongs to the record “{existing}”: choose another")
                    }
                };
                refused(desk, title, vec![message], &back)
            }
            // A file that names them cannot follow: named inside the workspace (by `refused`),
            // and why, under a title that already says the id is not changed.
            Err(WriteError::CannotFollow { path, id, why }) => {
                let (path, why) = (path.display(), why.reason(&id, lang));
                let message = match lang {
                    crate::diag::Lang::Vi => format!(
                        "`{path}` {why}. Đổi mã lúc này thì tệp đó vẫn ghi mã cũ, một mã không còn là của ai. Hãy sửa tệp đó trước (hoặc đưa nó ra khỏi thư mục hồ sơ), rồi đổi mã"
                    ),
                    crate::diag::Lang::En => format!(
                        "`{path}` {why}. Changed now, the id would leave that file naming no one. Fix that file first (or move it out of the workspace), then change the id"
                    ),
                };
                refused(desk, title, vec![message], &back)
            }
            Err(e) => refused(desk, title, vec![write_message(&e, lang)], &back),
        }
    })
    .await
}
