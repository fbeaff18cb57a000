//! The desk's addresses. No path on the disk ever comes from a request: a person is named by
//! their id, checked to be one and looked up among the workspace's people, whose files the loader
//! found inside the workspace; a form by its code in the catalogue.

use super::pages::{self, Problem, Words};
use super::{Desk, edits, preview};
use crate::forms::{Catalogue, Form};
use crate::model::{Ngay, id};
use crate::render::Subject;
use crate::typeset::Warned;
use crate::validate::CheckedWorkspace;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Serialize;
use std::sync::Arc;

type Shared = State<Arc<Desk>>;

/// Every route, behind the guard.
pub fn router(desk: Arc<Desk>) -> Router {
    Router::new()
        .route("/", get(branch))
        .route("/person/{id}", get(person))
        .route("/person/{id}/edit", post(edit))
        .route("/person/{id}/preview/{form}", get(preview_svg))
        .route("/person/{id}/pdf/{form}", get(form_pdf))
        .route("/person/{id}/dossier", get(dossier_pdf))
        .route("/person/{id}/number/{form}", post(super::office::number))
        .route("/settings", get(super::office::settings))
        .route("/settings/edit", post(super::office::edit_settings))
        .route("/settings/undo", post(super::office::undo_settings))
        .route("/person/{id}/undo", post(undo))
        .route("/person/{id}/delete", post(super::records::delete))
        .route("/person/{id}/rename", post(super::records::rename))
        .route("/deleted", get(super::records::list))
        .route("/deleted/restore", post(super::records::restore))
        .route("/blank/{form}", get(blank_pdf))
        .route("/new", post(new_person))
        .route("/batch", post(batch))
        .route(
            "/import",
            get(super::import::import_page)
                .post(super::import::import_sheet)
                .layer(axum::extract::DefaultBodyLimit::max(
                    super::import::UPLOAD_LIMIT,
                )),
        )
        .route("/assets/{name}", get(asset))
        .layer(axum::middleware::from_fn_with_state(
            desk.clone(),
            super::security::guard,
        ))
        .with_state(desk)
}

/// Runs the work of a request on a thread that may block (loading, checking, typesetting). A
/// failure of that thread is an error page for this request, never the end of the desk.
pub(super) async fn blocking(
    desk: Arc<Desk>,
    work: impl FnOnce(&Desk) -> Response + Send + 'static,
) -> Response {
    tokio::task::spawn_blocking(move || work(&desk))
        .await
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

pub(super) fn page(desk: &Desk, name: &str, context: impl Serialize) -> Response {
    match pages::render(&desk.pages, name, context) {
        Ok(html) => Html(html).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e).into_response(),
    }
}

/// A page that says what went wrong or what was done: each message in the page's words, its
/// files named inside the workspace.
pub(super) fn problem(
    desk: &Desk,
    status: StatusCode,
    title: String,
    messages: Vec<String>,
) -> Response {
    let context = Problem {
        words: Words::of(desk.lang),
        title,
        messages: messages.iter().map(|m| desk.says(m)).collect(),
    };
    let mut response = page(desk, "problem.html.j2", context);
    *response.status_mut() = status;
    response
}

/// The workspace as it is now, or the page that says why it cannot be read (boxed, as every
/// page a helper returns in place of its result: a response is larger than the result).
pub(super) fn checked(desk: &Desk) -> Result<Arc<CheckedWorkspace>, Box<Response>> {
    desk.check().map_err(|e| {
        if let crate::model::LoadError::Organisation(diagnostics) = &e {
            return Box::new(super::office::broken_settings(desk, diagnostics));
        }
        let lang = desk.lang;
        let messages = e
            .into_diagnostics()
            .iter()
            .map(|d| d.problem.message(lang))
            .collect();
        let title = desk
            .lang
            .pick("Không đọc được hồ sơ", "The workspace cannot be read");
        Box::new(problem(
            desk,
            StatusCode::INTERNAL_SERVER_ERROR,
            title.into(),
            messages,
        ))
    })
}

/// The page of a file that was there a moment ago and cannot be read now (taken away, locked
/// by another program): named inside the workspace, why in the page's language where it can be.
pub(super) fn cannot_read(desk: &Desk, path: &std::path::Path, e: &std::io::Error) -> Response {
    let lang = desk.lang;
    let title = format!(
        "{} {}",
        lang.pick("Không đọc được tệp", "Cannot read the file"),
        desk.file_name(path)
    );
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => lang
            .pick(
                "tệp không còn ở đó (đã bị chuyển đi hoặc xóa)",
                "the file is no longer there (moved or deleted)",
            )
            .to_string(),
        std::io::ErrorKind::PermissionDenied => lang
            .pick(
                "không có quyền đọc tệp này (có thể một chương trình khác đang giữ nó)",
                "no permission to read it (perhaps another program holds it)",
            )
            .to_string(),
        _ => e.to_string(),
    };
    problem(desk, StatusCode::INTERNAL_SERVER_ERROR, title, vec![why])
}

/// Why the record of `pid` is not there: what a page left open meets after the file was deleted,
/// given another id or moved, here or elsewhere.
pub(super) fn no_person_message(pid: &str, lang: crate::diag::Lang) -> String {
    match lang {
        crate::diag::Lang::Vi => format!(
            "không có hồ sơ mang mã {pid} trong thư mục hồ sơ: có thể hồ sơ vừa bị xóa, đổi mã hoặc chuyển đi (ở thẻ khác, trong thư mục). Hồ sơ xóa trên bàn làm việc nằm ở trang “Hồ sơ đã xóa”"
        ),
        crate::diag::Lang::En => format!(
            "there is no record with the id {pid} in the workspace: it may have just been deleted, given another id or moved (in another tab, in the folder). Records deleted on the desk are on the page “Deleted records”"
        ),
    }
}

/// The page for a person who is not (or no longer) in the workspace.
pub(super) fn no_person(desk: &Desk, pid: &str) -> Response {
    let title = desk.lang.pick("Không có hồ sơ này", "No such record");
    problem(
        desk,
        StatusCode::NOT_FOUND,
        title.into(),
        vec![no_person_message(pid, desk.lang)],
    )
}

pub(super) fn not_found(desk: &Desk, what: &str) -> Response {
    let title = desk.lang.pick("Không tìm thấy", "Not found");
    problem(
        desk,
        StatusCode::NOT_FOUND,
        title.into(),
        vec![what.to_string()],
    )
}

/// Today, in Vietnam (UTC+7).
pub(super) fn today() -> Ngay {
    let offset = jiff::tz::TimeZone::fixed(jiff::tz::offset(7));
    Ngay(jiff::Timestamp::now().to_zoned(offset).date())
}

async fn branch(State(desk): Shared, RawQuery(query): RawQuery) -> Response {
    blocking(desk, move |desk| {
        let ws = match checked(desk) {
            Ok(ws) => ws,
            Err(r) => return *r,
        };
        // Each group's page, by the group's id: `/?du-bi=3`.
        let query = query.unwrap_or_default();
        let at = |group: &str| {
            field(query.as_bytes(), group)
                .and_then(|n| n.parse().ok())
                .unwrap_or(1)
        };
        let context = pages::branch(&ws, today(), desk.lang, None, at);
        page(desk, "branch.html.j2", context)
    })
    .await
}

/// The value of `name` in a form body or a query (`a=1&b=2`, percent-encoded).
fn field(encoded: &[u8], name: &str) -> Option<String> {
    form_urlencoded::parse(encoded)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

async fn person(
    State(desk): Shared,
    Path(pid): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let wanted = query.and_then(|q| field(q.as_bytes(), "form"));
    blocking(desk, move |desk| {
        let ws = match checked(desk) {
            Ok(ws) => ws,
            Err(r) => return *r,
        };
        let lang = desk.lang;
        let found = ws.person(&pid).filter(|_| id::is_id(&pid));
        // A file that did not load is shown on its own only when no readable file has its id: a
        // second file of a person's id (a copy saved beside the record) is said on their page.
        if let Some(u) = ws.unreadable().iter().find(|u| u.id == pid)
            && found.is_none()
        {
            let title = format!(
                "{} {}",
                lang.pick("Không đọc được tệp", "Cannot read the file"),
                desk.file_name(&u.path)
            );
            let mut messages: Vec<String> = u
                .diagnostics
                .iter()
                .map(|d| d.problem.message(lang))
                .collect();
            messages.push(
                lang.pick(
                    "hãy sửa tệp trong trình soạn thảo văn bản rồi tải lại trang",
                    "fix the file in a text editor, then reload the page",
                )
                .into(),
            );
            return problem(desk, StatusCode::OK, title, messages);
        }
        let Some(p) = found else {
            return no_person(desk, &pid);
        };
        let bytes = match crate::model::read_bounded(p.record().path()) {
            Ok(b) => b,
            Err(e) => return cannot_read(desk, p.record().path(), &e),
        };
        let mut context = pages::person(
            p,
            &bytes,
            lang,
            wanted.as_deref(),
            desk.can_undo(p.record().path(), &edits::version(&bytes)),
        );
        context.others = ws
            .unreadable()
            .iter()
            .filter(|u| u.id == pid)
            .map(|u| other_file(desk, p.record().path(), u))
            .collect();
        page(desk, "person.html.j2", context)
    })
    .await
}

/// What the page of a person says of another file that bears their id and was left out (a copy
/// saved beside the record, the same name in the other folder): which file it is, which one the
/// page shows, its own problems beyond the shared id, and what to do with it.
fn other_file(
    desk: &Desk,
    shown: &std::path::Path,
    u: &crate::validate::Unreadable,
) -> pages::OtherFile {
    let lang = desk.lang;
    let (file, record, id) = (desk.file_name(&u.path), desk.file_name(shown), &u.id);
    let said = match lang {
        crate::diag::Lang::Vi => format!(
            "Tệp “{file}” cũng mang mã {id} nên không được dùng: trang này là hồ sơ trong tệp “{record}”."
        ),
        crate::diag::Lang::En => format!(
            "The file “{file}” bears the id {id} too, so it is not used: this page is the record in the file “{record}”."
        ),
    };
    let problems = u
        .diagnostics
        .iter()
        .filter(|d| !matches!(d.problem, crate::diag::Problem::DuplicateId { .. }))
        .map(|d| said_at(desk, d))
        .collect();
    let todo = match lang {
        crate::diag::Lang::Vi => format!(
            "Nếu “{file}” là bản sao thừa (ví dụ do “Lưu thành” trong trình soạn thảo), hãy xóa nó hoặc chuyển nó ra khỏi thư mục hồ sơ; nếu đó là hồ sơ của một người khác, hãy đổi tên tệp đó theo họ tên người ấy (ví dụ “{id}-2.yaml”). Sau đó tải lại trang này."
        ),
        crate::diag::Lang::En => format!(
            "If “{file}” is a spare copy (from “Save As” in an editor, say), delete it or move it out of the workspace; if it is another person's record, rename that file after that person (“{id}-2.yaml”, say). Then reload this page."
        ),
    };
    pages::OtherFile {
        file,
        said,
        problems,
        todo,
    }
}

/// A problem of a file the page is not about, as the page says it ([`super::words::said_at`]).
pub(super) fn said_at(desk: &Desk, d: &crate::diag::Diagnostic) -> String {
    super::words::said_at(d, desk.lang, desk.root())
}

async fn undo(State(desk): Shared, Path(pid): Path<String>) -> Response {
    super::changes::undo(desk, super::changes::Target::Person(pid)).await
}

async fn edit(State(desk): Shared, Path(pid): Path<String>, body: Bytes) -> Response {
    super::changes::save_field(desk, super::changes::Target::Person(pid), body).await
}

fn find_form(code: &str) -> Option<&'static Form> {
    Catalogue::builtin().form(code)
}

/// The typeset result of a form, for a checked person.
fn with_checked(
    desk: &Desk,
    pid: &str,
    code: &str,
    work: impl FnOnce(&Desk, &Form, crate::validate::Checked<'_>) -> Warned<Vec<u8>>,
) -> Result<Vec<u8>, Box<Response>> {
    let ws = checked(desk)?;
    let form = find_form(code).ok_or_else(|| Box::new(not_found(desk, code)))?;
    let p = ws
        .person(pid)
        .filter(|_| id::is_id(pid))
        .ok_or_else(|| Box::new(no_person(desk, pid)))?;
    let Some(c) = p.checked() else {
        let title = desk.lang.pick(
            "Hồ sơ còn lỗi: chưa in được",
            "The record has errors: nothing can be printed yet",
        );
        let messages =
            super::fields::shown(p.problems(), Some(&p.record().spans), ws.root(), desk.lang)
                .into_iter()
                .filter(|s| s.severity == crate::diag::Severity::Error)
                .map(|s| s.message)
                .collect();
        return Err(Box::new(problem(
            desk,
            StatusCode::CONFLICT,
            title.into(),
            messages,
        )));
    };
    typeset_answer(
        desk,
        Some(&p.record().spans),
        ws.root(),
        code,
        work(desk, form, c),
    )
}

/// A typeset document, or the page of why there is none: the diagnostics of the typesetting,
/// each with its field or place, in the page's language. Data the form lacks is the request's
/// problem (422); a template or Typst failing is the desk's (500). Warnings are said where the
/// desk was started, as the command line says them.
fn typeset_answer(
    desk: &Desk,
    record: Option<&crate::model::SpanIndex>,
    root: &std::path::Path,
    title: &str,
    warned: Warned<Vec<u8>>,
) -> Result<Vec<u8>, Box<Response>> {
    let (warnings, output) = warned.split();
    if !warnings.is_empty() {
        let mut err = anstream::AutoStream::auto(std::io::stderr().lock());
        let _ = crate::diag::emit_coloured(&warnings, desk.lang, &mut err);
    }
    output.map_err(|diagnostics| {
        let of_data = diagnostics.iter().all(|d| {
            !matches!(
                d.problem,
                crate::diag::Problem::Setup(_) | crate::diag::Problem::Typeset { .. }
            )
        });
        let status = if of_data {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        };
        let messages = super::fields::shown(&diagnostics, record, root, desk.lang)
            .into_iter()
            .map(|s| located(&s, desk.lang))
            .collect();
        Box::new(problem(desk, status, title.into(), messages))
    })
}

/// One diagnostic as a line of the problem page: the message (in the page's words, it names the
/// field by its label), the file and line when it is about another file, and the hint.
fn located(s: &super::fields::Shown, lang: crate::diag::Lang) -> String {
    let mut line = match &s.place {
        Some(place) => format!("{place}: {}", s.message),
        None => s.message.clone(),
    };
    if let Some(hint) = &s.hint {
        line.push_str(&format!(" ({}: {hint})", lang.pick("gợi ý", "hint")));
    }
    line
}

fn pdf_response(bytes: Vec<u8>, name: &str) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

async fn preview_svg(State(desk): Shared, Path((pid, code)): Path<(String, String)>) -> Response {
    blocking(desk, move |desk| {
        match with_checked(desk, &pid, &code, |desk, form, c| {
            preview::svg(&desk.engine, form, Subject::Filled(c))
        }) {
            Ok(svg) => ([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response(),
            Err(r) => *r,
        }
    })
    .await
}

async fn form_pdf(State(desk): Shared, Path((pid, code)): Path<(String, String)>) -> Response {
    blocking(desk, move |desk| {
        match with_checked(desk, &pid, &code, |desk, form, c| {
            preview::pdf(&desk.engine, form, Subject::Filled(c))
        }) {
            Ok(pdf) => pdf_response(pdf, &format!("{}-{pid}.pdf", pages::fold(&code))),
            Err(r) => *r,
        }
    })
    .await
}

async fn dossier_pdf(State(desk): Shared, Path(pid): Path<String>) -> Response {
    blocking(desk, move |desk| {
        match with_checked(desk, &pid, "BIA-HS", |desk, _, c| {
            preview::dossier(&desk.engine, c)
        }) {
            Ok(pdf) => pdf_response(pdf, &format!("ho-so-{pid}.pdf")),
            Err(r) => *r,
        }
    })
    .await
}

async fn blank_pdf(State(desk): Shared, Path(code): Path<String>) -> Response {
    blocking(desk, move |desk| {
        let ws = match checked(desk) {
            Ok(ws) => ws,
            Err(r) => return *r,
        };
        let Some(form) = find_form(&code) else {
            return not_found(desk, &code);
        };
        let typeset = preview::pdf(&desk.engine, form, Subject::Blank(&ws));
        match typeset_answer(desk, None, ws.root(), &code, typeset) {
            Ok(pdf) => pdf_response(pdf, &format!("{}-mau-trang.pdf", pages::fold(&form.ma))),
            Err(r) => *r,
        }
    })
    .await
}

async fn new_person(State(desk): Shared, body: Bytes) -> Response {
    blocking(desk, move |desk| {
        let name = field(&body, "ho_ten").unwrap_or_default();
        let born = field(&body, "ngay_sinh").unwrap_or_default();
        let sex = field(&body, "gioi_tinh");
        let admitted = field(&body, "ngay_vao_dang");
        let full = field(&body, "ngay_chinh_thuc");
        let folder = match field(&body, "loai").as_deref() {
            Some("dang-vien") => crate::model::Folder::DangVien,
            _ => crate::model::Folder::KetNap,
        };
        let new = edits::NewPerson {
            folder,
            name: &name,
            born: &born,
            sex: sex.as_deref(),
            admitted: admitted.as_deref(),
            full: full.as_deref(),
        };
        let made = {
            let _one_at_a_time = desk.one_at_a_time();
            edits::new_person(desk.root(), &new)
        };
        match made {
            Ok(id) => Redirect::to(&format!("/person/{id}")).into_response(),
            Err(e) => {
                let ws = match checked(desk) {
                    Ok(ws) => ws,
                    Err(r) => return *r,
                };
                let refusal = desk.says(&e.message(desk.lang));
                let context = pages::branch(&ws, today(), desk.lang, Some(refusal), |_| 1);
                let mut r = page(desk, "branch.html.j2", context);
                *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
                r
            }
        }
    })
    .await
}

/// The folder, beside the data in the workspace, where the desk's batches go.
const BATCH_DIR: &str = "ban-in";

/// A batch into `ban-in/`; with `ceremony=2026-03-28`, that day's paperwork only.
async fn batch(State(desk): Shared, body: Bytes) -> Response {
    blocking(desk, move |desk| {
        let ceremony = field(&body, "ceremony");
        let ws = match checked(desk) {
            Ok(ws) => ws,
            Err(r) => return *r,
        };
        let lang = desk.lang;
        let ceremony = match ceremony.as_deref().filter(|s| !s.is_empty()) {
            Some(text) => match Ngay::parse(text) {
                Some(day) => Some(day),
                None => return not_found(desk, text),
            },
            None => None,
        };
        let out = desk.root().join(BATCH_DIR);
        let options = crate::batch::Options {
            out: out.clone(),
            stage: None,
            ceremony,
            force: false,
            jobs: 2,
            emit_typst: false,
        };
        let report = crate::batch::run(&ws, &desk.engine, &options, &|_| {});
        let mut messages = vec![format!(
            "{}: {} · {}: {} · {}: {}",
            lang.pick("xong", "done"),
            report.xong,
            lang.pick("bỏ qua (không đổi)", "skipped (unchanged)"),
            report.bo_qua,
            lang.pick("lỗi", "failed"),
            report.loi
        )];
        // Each person not printed, by name, and why in the page's words: where to mend it on
        // the desk, not the codes and commands the command line gives.
        for p in &report.nguoi {
            if let crate::batch::Outcome::Failed { ly_do } = &p.outcome {
                let who = ws
                    .person(&p.id)
                    .and_then(|x| x.nguoi().ho_ten.clone())
                    .unwrap_or_else(|| p.id.clone());
                let why = super::words::not_printed(ly_do, lang);
                messages.push(format!("{who}: {why}"));
            }
        }
        let title = if report.xong + report.bo_qua == 0 && report.loi > 0 {
            lang.pick("Chưa in được hồ sơ nào", "Nothing printed")
                .to_string()
        } else {
            format!(
                "{} {}",
                lang.pick("Đã in vào thư mục", "Printed into the folder"),
                desk.file_name(&out)
            )
        };
        problem(desk, StatusCode::OK, title, messages)
    })
    .await
}

async fn asset(Path(name): Path<String>) -> Response {
    match pages::asset(&name) {
        Some((kind, bytes)) => ([(header::CONTENT_TYPE, kind)], bytes).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
