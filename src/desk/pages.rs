//! The desk's pages: minijinja templates embedded from `templates/desk/`, every value escaped by
//! minijinja's HTML auto-escape, and the data each page shows, built from the checked workspace.

use super::fields::{self, Members, Section, Shown};
use crate::diag::{Lang, Severity};
use crate::facts;
use crate::forms::{Catalogue, Form};
use crate::model::{Folder, GiaiDoan, Ngay};
use crate::plan::Kind;
use crate::validate::{CheckedWorkspace, Person};
use include_dir::{Dir, include_dir};
use minijinja::{AutoEscape, Environment};
use serde::Serialize;

static DESK_DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates/desk");

/// The script and the style sheet, served as they are.
pub fn asset(name: &str) -> Option<(&'static str, &'static [u8])> {
    let kind = match name.rsplit('.').next()? {
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        _ => return None,
    };
    DESK_DIR.get_file(name).map(|f| (kind, f.contents()))
}

/// The environment of the pages, in the desk's language: HTML auto-escape for every template,
/// strict undefined values.
pub fn environment(lang: Lang) -> Environment<'static> {
    let mut env = crate::render::template_environment();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    // `t("tiếng Việt", "English")`: the page's words in its language. The language is the
    // desk's, fixed when it starts, so that macros imported from another template speak it too.
    env.add_function("t", move |vi: String, en: String| -> String {
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    });
    for file in DESK_DIR.files() {
        let name = file.path().to_string_lossy().into_owned();
        if let (true, Some(text)) = (name.ends_with(".html.j2"), file.contents_utf8()) {
            env.add_template_owned(name, text.to_string())
                .unwrap_or_else(|e| panic!("built-in desk template: {e:#}"));
        }
    }
    env
}

/// Renders a page.
pub fn render(
    env: &Environment<'_>,
    name: &str,
    context: impl Serialize,
) -> Result<String, String> {
    env.get_template(name)
        .and_then(|t| t.render(minijinja::value::Serde(&context)))
        .map_err(|e| format!("{e:#}"))
}

/// The words of the pages that are not data.
#[derive(Serialize)]
pub struct Words {
    /// `vi` or `en`: the page's language.
    pub lang: &'static str,
}

impl Words {
    pub fn of(lang: Lang) -> Words {
        Words {
            lang: lang.pick("vi", "en"),
        }
    }
}

/// The key document of the step after `stage`: the top-level key of the record that says the
/// step is done.
fn next_step(stage: GiaiDoan) -> Option<&'static str> {
    match stage {
        GiaiDoan::QuanChung => Some("don_xin_vao_dang"),
        GiaiDoan::XinVaoDang => Some("hop_chi_bo"),
        GiaiDoan::ChiBoDeNghi => Some("quyet_dinh_ket_nap"),
        GiaiDoan::DuBi => Some("cong_nhan_chinh_thuc"),
        GiaiDoan::ChinhThuc => None,
    }
}

/// The top-level key a form's document stands under (`hop_chi_bo` for 6-KNĐ).
fn section_of(form: &Form) -> &str {
    form.ngay_van_ban
        .split(['.', '['])
        .next()
        .unwrap_or(&form.ngay_van_ban)
}

/// What a person still lacks for the next step: the documents of their dossier's checklist
/// (`plan`, the one definition of what a dossier holds) not in the record yet, up to and with
/// the next step's own. Also the section to open first: the first of them.
pub fn lacks(p: Person<'_>) -> (Vec<String>, &'static str) {
    let stage = p.stage();
    let Some(step) = next_step(stage) else {
        return (Vec::new(), "ca-nhan");
    };
    let kind = if stage >= GiaiDoan::DuBi {
        Kind::ChinhThuc
    } else {
        Kind::KetNap
    };
    let plan = p.plan_of(kind);
    let mut out = Vec::new();
    let mut open = None;
    for item in &plan.items {
        let section = item.form.map(section_of);
        if !item.present {
            out.push(item.ten.clone());
            if open.is_none() {
                open = section.and_then(static_section);
            }
        }
        if section == Some(step) {
            break;
        }
    }
    (
        out,
        open.or_else(|| static_section(step)).unwrap_or("ca-nhan"),
    )
}

/// The section id (a `'static` name of the form's sections) for a top-level key.
fn static_section(key: &str) -> Option<&'static str> {
    crate::model::keys::KEYS
        .iter()
        .find(|k| k.path == key)
        .map(|k| k.path)
}

/// A person in the branch's list.
#[derive(Serialize)]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub stage: &'static str,
    pub stage_label: &'static str,
    pub errors: usize,
    pub warnings: usize,
    pub lacks: Vec<String>,
}

/// A group of the branch page (the people of one stage, the branch's members, the time limits),
/// a page of it at a time: a đảng ủy keeps thousands of people, and a page of them all would be
/// long to build and to read.
#[derive(Serialize)]
pub struct Paged<T> {
    /// The group's id, in the page's address (`/?du-bi=2`) and its elements' ids.
    pub id: &'static str,
    pub label: String,
    /// The rows of this page.
    pub rows: Vec<T>,
    /// How many rows the group has in all.
    pub total: usize,
    /// This page's number, from 1, and the number of pages.
    pub page: usize,
    pub pages: usize,
}

/// The people of one stage.
pub type StageGroup = Paged<PersonRow>;

/// The id of the members' group.
pub const MEMBERS: &str = "dang-vien";
/// The id of the time limits' group.
pub const DUE: &str = "thoi-han";

/// How many rows a group of the branch page shows at once.
pub const PAGE: usize = 50;

impl<T> Paged<T> {
    /// The group `id` of the rows `all`, at page `page` (from 1; past the last is the last): only
    /// that page's rows are built, by `row`.
    fn of<I: Iterator + Clone>(
        (id, label): (&'static str, String),
        all: I,
        page: usize,
        row: impl FnMut(I::Item) -> T,
    ) -> Paged<T> {
        let total = all.clone().count();
        let pages = total.div_ceil(PAGE).max(1);
        let page = page.clamp(1, pages);
        let rows = all.skip((page - 1) * PAGE).take(PAGE).map(row).collect();
        Paged {
            id,
            label,
            rows,
            total,
            page,
            pages,
        }
    }
}

/// A time limit on the branch page.
#[derive(Serialize)]
pub struct DueRow {
    pub date: String,
    pub days: i64,
    pub overdue: bool,
    pub person: String,
    pub name: String,
    pub what: &'static str,
    pub rule: String,
}

/// A file that could not be read.
#[derive(Serialize)]
pub struct BrokenFile {
    pub id: String,
    pub file: String,
    pub messages: Vec<String>,
}

/// The branch page.
#[derive(Serialize)]
pub struct Branch {
    pub words: Words,
    pub chi_bo: String,
    pub dang_bo: String,
    pub today: String,
    pub stages: Vec<StageGroup>,
    pub members: StageGroup,
    pub due: Paged<DueRow>,
    pub errors: usize,
    pub warnings: usize,
    pub broken: Vec<BrokenFile>,
    pub org_problems: Vec<Shown>,
    pub ceremonies: Vec<(String, String)>,
    pub forms: Vec<(String, String)>,
    pub message: Option<String>,
}

fn counts<'a>(diags: impl IntoIterator<Item = &'a crate::diag::Diagnostic>) -> (usize, usize) {
    diags
        .into_iter()
        .fold((0, 0), |(e, w), d| match d.severity {
            Severity::Error => (e + 1, w),
            Severity::Warning => (e, w + 1),
        })
}

fn person_row(p: Person<'_>, lang: Lang) -> PersonRow {
    let (errors, warnings) = counts(p.diagnostics());
    let stage = p.stage();
    PersonRow {
        id: p.id().to_string(),
        name: p
            .nguoi()
            .ho_ten
            .clone()
            .unwrap_or_else(|| p.id().to_string()),
        stage: stage.id(),
        stage_label: stage.label(lang),
        errors,
        warnings,
        lacks: lacks(p).0,
    }
}

/// Builds the branch page of `ws` on `today`, each group at the page `page` gives it (by the
/// group's id; the first when not given).
pub fn branch(
    ws: &CheckedWorkspace,
    today: Ngay,
    lang: Lang,
    message: Option<String>,
    page: impl Fn(&str) -> usize,
) -> Branch {
    const STAGES: [GiaiDoan; 5] = [
        GiaiDoan::QuanChung,
        GiaiDoan::XinVaoDang,
        GiaiDoan::ChiBoDeNghi,
        GiaiDoan::DuBi,
        GiaiDoan::ChinhThuc,
    ];
    // Everyone sorted into their group in one pass, each person's stage worked out once.
    let mut groups: [Vec<Person<'_>>; 5] = Default::default();
    let mut members: Vec<Person<'_>> = Vec::new();
    for p in ws.people() {
        match p.record().folder {
            Folder::DangVien => members.push(p),
            Folder::KetNap => {
                let stage = p.stage();
                if let Some(i) = STAGES.iter().position(|s| *s == stage) {
                    groups[i].push(p);
                }
            }
        }
    }
    let stages = STAGES
        .into_iter()
        .zip(groups)
        .map(|(stage, people)| {
            let label = fields::capitalise(stage.label(lang));
            let row = |p| person_row(p, lang);
            Paged::of(
                (stage.id(), label),
                people.iter().copied(),
                page(stage.id()),
                row,
            )
        })
        .filter(|g| g.total > 0)
        .collect();
    let row = |p| person_row(p, lang);
    let members = Paged::of(
        (MEMBERS, String::new()),
        members.iter().copied(),
        page(MEMBERS),
        row,
    );
    let all = crate::due::items(ws);
    let mut due = crate::due::select(&all, today, 30);
    // Overdue first (the longest overdue at the top), then by date.
    due.sort_by_key(|(_, days)| (*days >= 0, *days));
    let row = |(item, days): &(crate::due::DueItem, i64)| DueRow {
        date: item.han.short(),
        days: *days,
        overdue: *days < 0,
        name: item.ho_ten.clone().unwrap_or_else(|| item.nguoi.clone()),
        person: item.nguoi.clone(),
        what: item.viec.label(lang),
        rule: item.quy_tac.clone(),
    };
    let due = Paged::of((DUE, String::new()), due.iter(), page(DUE), row);
    let (errors, warnings) = counts(ws.diagnostics());
    let broken = ws
        .unreadable()
        .iter()
        .map(|u| BrokenFile {
            id: u.id.clone(),
            file: super::words::file_name(ws.root(), &u.path),
            messages: u
                .diagnostics
                .iter()
                .map(|d| super::words::said_at(d, lang, ws.root()))
                .collect(),
        })
        .collect();
    let mut days: Vec<Ngay> = ws
        .people()
        .filter_map(|p| facts::ceremony_day(p.nguoi()))
        .collect();
    // The latest ceremony first: the one whose paperwork is wanted now.
    days.sort_by(|a, b| b.cmp(a));
    days.dedup();
    let org = &ws.org();
    Branch {
        words: Words::of(lang),
        chi_bo: org.chi_bo.clone().unwrap_or_default(),
        dang_bo: org.dang_bo.clone().unwrap_or_default(),
        today: today.short(),
        stages,
        members,
        due,
        errors,
        warnings,
        broken,
        org_problems: fields::shown(ws.org_diagnostics(), None, ws.root(), lang),
        ceremonies: days.iter().map(|d| (d.iso(), d.short())).collect(),
        forms: Catalogue::builtin()
            .forms
            .iter()
            .map(|f| (fold(&f.ma), format!("{} — {}", f.ma, f.ten)))
            .collect(),
        message,
    }
}

/// A form code as it goes into an address: `6-KND`.
pub fn fold(code: &str) -> String {
    code.replace('Đ', "D").replace('đ', "d")
}

/// A form offered for preview and download.
#[derive(Serialize)]
pub struct FormLink {
    pub code: String,
    pub slug: String,
    pub title: String,
    /// The document takes a number from the register (`cap-so`).
    pub numbered: bool,
}

impl FormLink {
    /// The link of `form` for a person of the workspace whose settings are `org`.
    pub fn of(form: &Form, org: &crate::model::ToChuc) -> FormLink {
        FormLink {
            code: form.ma.clone(),
            slug: fold(&form.ma),
            title: form.ten.clone(),
            numbered: crate::register::form_series(form, org).is_some(),
        }
    }

    /// The forms `p` can fill now.
    pub fn all(p: Person<'_>) -> Vec<FormLink> {
        let org = p.workspace().org();
        p.checked()
            .map(|c| {
                super::preview::forms_of(c)
                    .into_iter()
                    .map(|f| FormLink::of(f, org))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A person's page.
#[derive(Serialize)]
pub struct PersonPage {
    pub words: Words,
    pub id: String,
    pub name: String,
    pub stage_label: &'static str,
    pub version: String,
    pub sections: Vec<Section>,
    /// The diagnostics as JSON, for the script to place beside their fields.
    pub diagnostics_json: String,
    /// The script's words, as JSON.
    pub words_json: String,
    /// The members the fields naming a person offer (see [`Members`]).
    pub members_json: String,
    pub lacks: Vec<String>,
    pub forms: Vec<FormLink>,
    pub preview: Option<String>,
    pub checked: bool,
    pub chi_bo: String,
    /// The desk's last edit of the file can be taken back.
    pub undo: bool,
    /// Other files that bear the person's id, left out of the workspace.
    pub others: Vec<OtherFile>,
}

/// Another file with a person's id, as their page says it.
#[derive(Serialize)]
pub struct OtherFile {
    /// Its name inside the workspace: `ket-nap/x.yml`.
    pub file: String,
    /// That it bears the id, and which file the page shows.
    pub said: String,
    /// Its own problems beyond the shared id, in the page's words.
    pub problems: Vec<String>,
    /// What to do with it.
    pub todo: String,
}

/// Everyone admitted but `except`, in Vietnamese order (the exports' collation), as the fields
/// naming a person offer them: a name two people share is told apart by the id.
pub fn members(ws: &CheckedWorkspace, except: &str, today: Ngay) -> Members {
    let admitted: Vec<Person<'_>> = ws
        .people_by_name()
        .filter(|m| m.stage() >= GiaiDoan::DuBi && m.id() != except)
        .collect();
    fn name_of<'a>(m: &Person<'a>) -> &'a str {
        m.nguoi().ho_ten.as_deref().unwrap_or(m.id())
    }
    // How many bear each name, counted once (a đảng ủy has thousands to compare).
    let mut bearers: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for m in &admitted {
        *bearers.entry(name_of(m)).or_default() += 1;
    }
    let rules = ws.rules();
    let list: Vec<fields::Member> = admitted
        .iter()
        .map(|m| {
            let name = name_of(m);
            let shown = match bearers.get(name).is_some_and(|&n| n > 1) {
                true => format!("{name} ({})", m.id()),
                false => name.to_string(),
            };
            let (from, until) = match facts::full_membership_days(m.nguoi(), rules) {
                Some((from, until)) => (from.iso(), until.map(Ngay::iso).unwrap_or_default()),
                None => Default::default(),
            };
            fields::Member(m.id().to_string(), shown, from, until)
        })
        .collect();
    Members::new(&list, today)
}

/// The day of each field naming a person in the file `text` (a person's record, or the
/// settings), as its page would show it now: `(path, YYYY-MM-DD, the title of the full members
/// on that day)`. An edit's answer carries them, so that a document's date just typed orders the
/// members offered in its fields at once.
pub fn person_field_days(
    kind: crate::model::keys::FileKind,
    text: &str,
    today: Ngay,
    lang: Lang,
) -> Vec<(String, String, String)> {
    fn walk(rows: &[fields::Row], out: &mut Vec<(String, String, String)>) {
        for row in rows {
            match row {
                fields::Row::Field(f) if f.kind == "person" => {
                    out.push((f.path.clone(), f.day_iso.clone(), f.full_label.clone()));
                }
                fields::Row::List(list) => list.items.iter().for_each(|i| walk(&i.rows, out)),
                _ => {}
            }
        }
    }
    let mut data: serde_json::Value = crate::model::from_yaml(text).unwrap_or_default();
    if let Ok(written) = crate::edit::scalars_as_written(text) {
        fields::as_written(&mut data, &written);
    }
    let members = Members::new(&[], today);
    let sections = match kind {
        crate::model::keys::FileKind::ToChuc => fields::settings(&data, &members, lang),
        _ => fields::sections(&data, &members, "", lang),
    };
    let mut out = Vec::new();
    sections.iter().for_each(|s| walk(&s.rows, &mut out));
    out
}

/// Builds the page of `p`, whose file has the bytes `bytes` (read once, for both the values shown
/// and the version the edits will name).
pub fn person(
    p: Person<'_>,
    bytes: &[u8],
    lang: Lang,
    preview: Option<&str>,
    undo: bool,
) -> PersonPage {
    let text = String::from_utf8_lossy(bytes);
    let mut data: serde_json::Value = crate::model::from_yaml(&text).unwrap_or_default();
    if let Ok(written) = crate::edit::scalars_as_written(&text) {
        fields::as_written(&mut data, &written);
    }
    let ws = p.workspace();
    let members = members(ws, p.id(), super::routes::today());
    let (lacking, open) = lacks(p);
    let forms = FormLink::all(p);
    let preview = preview
        .and_then(|wanted| Catalogue::builtin().form(wanted))
        .map(|f| fold(&f.ma))
        .filter(|slug| forms.iter().any(|f| f.slug == *slug))
        .or_else(|| {
            // The form of the next step's section when the record holds it, else the last one.
            forms
                .iter()
                .find(|f| {
                    Catalogue::builtin()
                        .form(&f.slug)
                        .is_some_and(|g| section_of(g) == open)
                })
                .or(forms.last())
                .map(|f| f.slug.clone())
        });
    PersonPage {
        words: Words::of(lang),
        id: p.id().to_string(),
        name: p
            .nguoi()
            .ho_ten
            .clone()
            .unwrap_or_else(|| p.id().to_string()),
        stage_label: p.stage().label(lang),
        version: super::edits::version(bytes),
        sections: fields::sections(&data, &members, open, lang),
        diagnostics_json: serde_json::to_string(&fields::shown(
            p.problems(),
            Some(&p.record().spans),
            ws.root(),
            lang,
        ))
        .unwrap_or_else(|_| "[]".into()),
        words_json: script_words(lang),
        members_json: members.json,
        lacks: lacking,
        forms,
        preview,
        checked: p.checked().is_some(),
        chi_bo: ws.org().chi_bo.clone().unwrap_or_default(),
        undo,
        others: Vec::new(),
    }
}

/// The words of the page's script, as JSON.
pub fn script_words(lang: Lang) -> String {
    serde_json::json!({
        "saved": lang.pick("đã lưu", "saved"),
        "refused": lang.pick("không ghi", "not written"),
        // No answer at all: the desk is not running any more (its window was closed).
        "no_answer": lang.pick(
            "hoso không trả lời (cửa sổ của hoso đã đóng?): hãy mở lại hoso, rồi mở lại trang này",
            "hoso does not answer (was its window closed?): start hoso again, then open this page again",
        ),
        // An answer that is not the desk's (an error of the desk itself).
        "failed": lang.pick(
            "hoso gặp lỗi khi ghi ô này; tệp không đổi",
            "hoso failed to save this field; the file is unchanged",
        ),
        "confirm_remove": lang.pick("Xóa mục này khỏi tệp?", "Remove this item from the file?"),
    })
    .to_string()
}

/// What a page says of a file that could not be read, or an error of the desk itself.
#[derive(Serialize)]
pub struct Problem {
    pub words: Words,
    pub title: String,
    pub messages: Vec<String>,
}
