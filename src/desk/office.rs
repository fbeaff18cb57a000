//! What the desk does beyond one field of one record: a document's number from the register,
//! the branch settings (`to-chuc.yaml`) as a form.

use super::routes::{blocking, checked, not_found, problem};
use super::{Desk, pages};
use crate::forms::Catalogue;
use crate::model::id;
use crate::register::{IssueError, Issued};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::sync::Arc;

/// Gives the person's document its number from the register (what `hoso cap-so` does), then
/// shows the person's page with that form previewed: its number is printed in it.
pub async fn number(
    State(desk): State<Arc<Desk>>,
    Path((pid, code)): Path<(String, String)>,
) -> Response {
    blocking(desk, move |desk| {
        let lang = desk.lang;
        let ws = match checked(desk) {
            Ok(ws) => ws,
            Err(r) => return *r,
        };
        let Some(form) = Catalogue::builtin().form(&code) else {
            return not_found(desk, &code);
        };
        let Some(p) = ws.person(&pid).filter(|_| id::is_id(&pid)) else {
            return super::routes::no_person(desk, &pid);
        };
        let Some(c) = p.checked() else {
            let title = lang.pick(
                "Hồ sơ còn lỗi: chưa cấp số được",
                "The record has errors: no number yet",
            );
            return problem(desk, StatusCode::CONFLICT, title.into(), Vec::new());
        };
        let issued = {
            let _one_at_a_time = desk.one_at_a_time();
            c.issue_number(form)
        };
        let refused = |vi: &str, en: &str| {
            let title = format!(
                "{} {}",
                lang.pick("Chưa cấp số cho mẫu", "No number for form"),
                form.ma
            );
            problem(
                desk,
                StatusCode::UNPROCESSABLE_ENTITY,
                title,
                vec![lang.pick(vi, en).to_string()],
            )
        };
        match issued {
            Ok(Issued::New { .. } | Issued::AlreadyRegistered { .. } | Issued::Recorded { .. }) => {
                Redirect::to(&format!("/person/{pid}?form={}", pages::fold(&form.ma)))
                    .into_response()
            }
            Err(IssueError::NotNumbered) => refused(
                "mẫu này không mang số văn bản",
                "this form carries no document number",
            ),
            Err(IssueError::Undated { .. }) => refused(
                "văn bản chưa có ngày: hãy ghi ngày của văn bản trước khi cấp số",
                "the document has no date yet: give it its date before its number",
            ),
            // What was not written, why and what to do, as the command line says it; the file
            // named inside the workspace.
            Err(IssueError::NotWritten { path, why }) => {
                let said = crate::diag::Setup::RegisterNotWritten { path, why };
                problem(
                    desk,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    lang.pick(
                        "Không ghi được sổ văn bản",
                        "The register cannot be written",
                    )
                    .into(),
                    std::iter::once(said.message(lang))
                        .chain(said.hint(lang))
                        .collect(),
                )
            }
        }
    })
    .await
}

/// The settings page.
#[derive(serde::Serialize)]
struct SettingsPage {
    words: pages::Words,
    version: String,
    sections: Vec<super::fields::Section>,
    diagnostics_json: String,
    words_json: String,
    /// The members the fields naming a person offer (see `fields::Members`).
    members_json: String,
    /// The desk's last edit of the file can be taken back.
    undo: bool,
}

/// The branch settings (`to-chuc.yaml`) as a form, each problem of the file beside its field.
pub async fn settings(State(desk): State<Arc<Desk>>) -> Response {
    blocking(desk, move |desk| {
        let lang = desk.lang;
        let ws = match checked(desk) {
            Ok(ws) => ws,
            Err(r) => return *r,
        };
        let org = &ws.workspace().org;
        let file = org.spans.file().path.clone();
        let bytes = match crate::model::read_bounded(&file) {
            Ok(b) => b,
            Err(e) => return super::routes::cannot_read(desk, &file, &e),
        };
        let text = String::from_utf8_lossy(&bytes);
        let mut data: serde_json::Value = crate::model::from_yaml(&text).unwrap_or_default();
        if let Ok(written) = crate::edit::scalars_as_written(&text) {
            super::fields::as_written(&mut data, &written);
        }
        let members = pages::members(&ws, "", super::routes::today());
        let shown = super::fields::shown(ws.org_diagnostics(), Some(&org.spans), ws.root(), lang);
        let version = super::edits::version(&bytes);
        let page = SettingsPage {
            words: pages::Words::of(lang),
            undo: desk.can_undo(&file, &version),
            version,
            sections: super::fields::settings(&data, &members, lang),
            diagnostics_json: serde_json::to_string(&shown).unwrap_or_else(|_| "[]".into()),
            words_json: pages::script_words(lang),
            members_json: members.json,
        };
        super::routes::page(desk, "settings.html.j2", page)
    })
    .await
}

/// An edit of the branch settings, as a person's page edits a record: the same handler.
pub async fn edit_settings(State(desk): State<Arc<Desk>>, body: axum::body::Bytes) -> Response {
    super::changes::save_field(desk, super::changes::Target::Settings, body).await
}

/// The last edit of the branch settings taken back.
pub async fn undo_settings(State(desk): State<Arc<Desk>>) -> Response {
    super::changes::undo(desk, super::changes::Target::Settings).await
}

/// A line of a broken file as the page quotes it: its number, its text (each character no value
/// may hold written as its escape), and whether the problem is on it.
#[derive(serde::Serialize)]
struct Quoted {
    /// Right-aligned, so that the lines' texts start under each other.
    number: String,
    text: String,
    at: bool,
}

/// One problem of the settings file: where, what, and the lines around it.
#[derive(serde::Serialize)]
struct Fault {
    message: String,
    lines: Vec<Quoted>,
}

#[derive(serde::Serialize)]
struct BrokenSettings {
    #[serde(flatten)]
    problem: pages::Problem,
    faults: Vec<Fault>,
    /// How to mend it.
    advice: Vec<String>,
}

/// The page every address shows while the settings (`to-chuc.yaml`) cannot be read: each problem
/// with its file, line and column, the lines around it as the file has them, and how to mend it
/// (in Notepad at that line, or from a backup). Nothing is read from the request: the desk reads
/// the file again at the next request, so the page after the file is saved is the desk again.
pub(super) fn broken_settings(desk: &Desk, diagnostics: &[crate::diag::Diagnostic]) -> Response {
    let lang = desk.lang;
    let file = crate::model::ORG_FILE;
    let faults: Vec<Fault> = diagnostics
        .iter()
        .map(|d| {
            let message = format!("“{file}”, {}", super::routes::said_at(desk, d));
            let Some(at) = &d.location else {
                return Fault {
                    message,
                    lines: Vec::new(),
                };
            };
            let first = at.line.saturating_sub(2).max(1);
            let lines = at
                .file
                .text
                .lines()
                .enumerate()
                .skip(first - 1)
                .take(at.line + 2 - first)
                .map(|(i, text)| Quoted {
                    number: format!("{:>4}", i + 1),
                    text: crate::model::chars::printable(text).into_owned(),
                    at: i + 1 == at.line,
                })
                .collect();
            Fault { message, lines }
        })
        .collect();
    let line = diagnostics
        .iter()
        .find_map(|d| d.location.as_ref())
        .map_or(1, |l| l.line);
    let advice = match lang {
        crate::diag::Lang::Vi => vec![
            format!(
                "Cách sửa: trong thư mục hồ sơ, nhấp chuột phải vào tệp “{file}” → Open with → Notepad; bấm Ctrl+G, gõ {line} để đến dòng {line}, sửa như trên rồi lưu (Ctrl+S). Tải lại trang này (F5): hoso đọc lại tệp ngay, không cần mở lại hoso."
            ),
            format!(
                "Nếu không sửa được: lấy tệp “{file}” từ bản sao lưu gần nhất (tệp zip của thư mục hồ sơ, ví dụ “hoso.zip” hay “hoso-sao-luu-….zip”: xem mục “Sao lưu” của hướng dẫn) chép vào thư mục hồ sơ thay cho tệp này; trước đó đổi tên tệp hỏng (ví dụ thành “to-chuc-hong.yaml”) để còn xem lại những gì đã sửa sau ngày sao lưu."
            ),
        ],
        crate::diag::Lang::En => vec![
            format!(
                "To mend it: in the workspace folder, right-click the file “{file}” → Open with → Notepad; press Ctrl+G and type {line} to go to line {line}, fix it as said above, and save (Ctrl+S). Reload this page (F5): hoso reads the file again at once, without being restarted."
            ),
            format!(
                "If it cannot be mended: copy “{file}” from the latest backup (a zip of the workspace folder, such as “hoso.zip” or “hoso-sao-luu-….zip”: see “Sao lưu” in the guide) into the workspace folder in place of this one; first rename the broken file (to “to-chuc-broken.yaml”, say) to keep what was changed since the backup."
            ),
        ],
    };
    let context = BrokenSettings {
        problem: pages::Problem {
            words: pages::Words::of(lang),
            title: format!(
                "{} “{file}”",
                lang.pick(
                    "Không đọc được tệp cài đặt chi bộ",
                    "The branch settings file cannot be read:"
                )
            ),
            messages: Vec::new(),
        },
        faults,
        advice,
    };
    let mut response = super::routes::page(desk, "problem.html.j2", context);
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response
}
