//! One function per subcommand. Each returns the exit code; messages are printed here.

use super::{Cli, Command};
use crate::compile::{FontPolicy, Typesetter};
use crate::diag::{self, Diagnostic, Format, Lang, has_errors};
use crate::forms::Catalogue;
use crate::model::{self, LoadError, Loaded, Workspace};
use crate::render::{RenderError, Renderer, Subject};
use crate::validate;
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

/// Exit code: the data or a document failed.
const DATA_FAILED: i32 = 1;
/// Exit code: usage, setup or I/O.
const SETUP_FAILED: i32 = 2;

pub fn dispatch(cli: Cli) -> i32 {
    let lang = cli.lang;
    match cli.command {
        Command::Init { dir } => init(&dir, lang),
        Command::List { workspace, format } => list(&workspace, format, lang),
        Command::Forms { format } => forms(format, lang),
        Command::Validate { workspace, format } => validate_cmd(&workspace, format, lang),
        Command::Render {
            form,
            person,
            workspace,
            output,
            typst,
            blank,
        } => render(
            &RenderArgs {
                form: &form,
                person: person.as_deref(),
                workspace: &workspace,
                output: &output,
                typst: typst.as_deref(),
                blank,
            },
            lang,
        ),
    }
}

/// Prints `error: …` (and `hint: …`) to stderr in the chosen language.
fn error(lang: Lang, vi: &str, en: &str, hint: Option<(&str, &str)>) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}: {}", lang.pick("lỗi", "error"), lang.pick(vi, en));
    if let Some((hvi, hen)) = hint {
        let _ = writeln!(
            err,
            "{}: {}",
            lang.pick("gợi ý", "hint"),
            lang.pick(hvi, hen)
        );
    }
}

/// Writes to stdout; a closed pipe (`hoso list | head`) is not an error.
fn print(text: &str) -> i32 {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(_) => SETUP_FAILED,
    }
}

fn emit_stderr(diagnostics: &[Diagnostic], lang: Lang) {
    let _ = diag::emit(diagnostics, Format::Human, lang, &mut io::stderr().lock());
}

/// Loads a workspace, printing why when it cannot be.
fn load(root: &Path, format: Format, lang: Lang) -> Result<Loaded, i32> {
    match model::load(root) {
        Ok(loaded) => Ok(loaded),
        Err(LoadError::NotAWorkspace(p)) => {
            let p = p.display();
            error(
                lang,
                &format!("`{p}` không phải thư mục hồ sơ: thiếu tệp `to-chuc.yaml`"),
                &format!("`{p}` is not a hoso workspace: it has no `to-chuc.yaml`"),
                Some((
                    "tạo thư mục mẫu bằng `hoso init DIR`",
                    "create a demo workspace with `hoso init DIR`",
                )),
            );
            Err(SETUP_FAILED)
        }
        Err(LoadError::Io { path, source }) => {
            let p = path.display();
            error(
                lang,
                &format!("không đọc được `{p}`: {source}"),
                &format!("cannot read `{p}`: {source}"),
                None,
            );
            Err(SETUP_FAILED)
        }
        Err(LoadError::Organisation(diagnostics)) => {
            match format {
                Format::Json => {
                    let _ = diag::emit(&diagnostics, Format::Json, lang, &mut io::stdout().lock());
                }
                Format::Human => emit_stderr(&diagnostics, lang),
            }
            Err(DATA_FAILED)
        }
    }
}

fn init(dir: &Path, lang: Lang) -> i32 {
    match crate::demo::write(dir) {
        Ok(count) => {
            let d = dir.display();
            eprintln!(
                "{}",
                lang.pick(
                    &format!("đã tạo hồ sơ mẫu ({count} tệp) trong `{d}`; thử `hoso validate {d}`"),
                    &format!(
                        "wrote the demo workspace ({count} files) to `{d}`; try `hoso validate {d}`"
                    ),
                )
            );
            0
        }
        Err(crate::demo::InitError::NotEmpty) => {
            let d = dir.display();
            error(
                lang,
                &format!("`{d}` đã có dữ liệu; không ghi đè"),
                &format!("`{d}` is not empty; nothing was overwritten"),
                Some(("chọn một thư mục mới", "choose a new folder")),
            );
            SETUP_FAILED
        }
        Err(crate::demo::InitError::Io(e)) => {
            error(
                lang,
                &format!("không ghi được: {e}"),
                &format!("cannot write: {e}"),
                None,
            );
            SETUP_FAILED
        }
    }
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    ho_ten: Option<&'a str>,
    giai_doan: &'static str,
    thu_muc: &'static str,
}

fn list(root: &Path, format: Format, lang: Lang) -> i32 {
    let loaded = match load(root, format, lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let rows: Vec<ListRow> = loaded
        .workspace
        .people
        .iter()
        .map(|r| ListRow {
            id: &r.id,
            ho_ten: r.nguoi.ho_ten.as_deref(),
            giai_doan: r.nguoi.giai_doan().id(),
            thu_muc: r.folder.dir(),
        })
        .collect();
    if !loaded.diagnostics.is_empty() {
        eprintln!(
            "{}",
            lang.pick(
                &format!(
                    "cảnh báo: {} vấn đề khi đọc hồ sơ; chạy `hoso validate` để xem",
                    loaded.diagnostics.len()
                ),
                &format!(
                    "warning: {} problems while reading; run `hoso validate` to see them",
                    loaded.diagnostics.len()
                ),
            )
        );
    }
    match format {
        Format::Json => print(&(serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n")),
        Format::Human => {
            let id_w = rows
                .iter()
                .map(|r| r.id.chars().count())
                .max()
                .unwrap_or(2)
                .max(2);
            let name_w = rows
                .iter()
                .map(|r| r.ho_ten.unwrap_or("").chars().count())
                .max()
                .unwrap_or(6)
                .max(6);
            let mut out = format!(
                "{:id_w$}  {:name_w$}  {}\n",
                "id",
                lang.pick("họ tên", "name"),
                lang.pick("giai đoạn", "stage")
            );
            for (row, record) in rows.iter().zip(&loaded.workspace.people) {
                out.push_str(&format!(
                    "{:id_w$}  {:name_w$}  {}\n",
                    row.id,
                    row.ho_ten.unwrap_or("?"),
                    record.nguoi.giai_doan().label(lang)
                ));
            }
            print(&out)
        }
    }
}

fn forms(format: Format, _lang: Lang) -> i32 {
    let catalogue = Catalogue::builtin();
    match format {
        Format::Json => {
            print(&(serde_json::to_string_pretty(&catalogue.forms).unwrap_or_default() + "\n"))
        }
        Format::Human => {
            let mut out = String::new();
            for f in &catalogue.forms {
                out.push_str(&format!(
                    "{:7}  {}  ({}; {})\n",
                    f.ma,
                    f.ten,
                    f.ban_hanh,
                    f.quy_dinh.join(", ")
                ));
            }
            print(&out)
        }
    }
}

fn validate_cmd(root: &Path, format: Format, lang: Lang) -> i32 {
    let loaded = match load(root, format, lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(validate::validate(&loaded.workspace));
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == diag::Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let code = match format {
        Format::Json => {
            let mut out = io::stdout().lock();
            match diag::emit(&diagnostics, Format::Json, lang, &mut out) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => SETUP_FAILED,
                _ => 0,
            }
        }
        Format::Human => {
            let mut out = io::stdout().lock();
            let _ = diag::emit(&diagnostics, Format::Human, lang, &mut out);
            0
        }
    };
    if format == Format::Human {
        let people = loaded.workspace.people.len();
        eprintln!(
            "{}",
            lang.pick(
                &format!("{people} hồ sơ: {errors} lỗi, {warnings} cảnh báo"),
                &format!("{people} records: {errors} errors, {warnings} warnings"),
            )
        );
    }
    if code != 0 {
        code
    } else if errors > 0 {
        DATA_FAILED
    } else {
        0
    }
}

struct RenderArgs<'a> {
    form: &'a str,
    person: Option<&'a str>,
    workspace: &'a Path,
    output: &'a Path,
    typst: Option<&'a Path>,
    blank: bool,
}

fn render(args: &RenderArgs, lang: Lang) -> i32 {
    let catalogue = Catalogue::builtin();
    let Some(form) = catalogue.form(args.form) else {
        let hint = catalogue.suggest(args.form).map(|s| {
            (
                format!("có phải ý là `{s}`?"),
                format!("did you mean `{s}`?"),
            )
        });
        error(
            lang,
            &format!("không có mẫu `{}`; xem `hoso forms`", args.form),
            &format!("no form `{}`; see `hoso forms`", args.form),
            hint.as_ref().map(|(v, e)| (v.as_str(), e.as_str())),
        );
        return SETUP_FAILED;
    };
    let loaded = match load(args.workspace, Format::Human, lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let workspace = &loaded.workspace;
    let subject = if args.blank {
        Subject::Blank(workspace)
    } else {
        let id = args.person.unwrap_or_default();
        match checked_person(workspace, &loaded.diagnostics, id, lang) {
            Ok(checked) => Subject::Filled(checked),
            Err(code) => return code,
        }
    };

    let renderer = match Renderer::new(Some(&workspace.root)) {
        Ok(r) => r,
        Err(e) => return render_failed(e, lang),
    };
    let source = match renderer.render(form, subject) {
        Ok(s) => s,
        Err(e) => return render_failed(e, lang),
    };
    if let Some(path) = args.typst {
        let lib = path.with_file_name(crate::render::LIBRARY_NAME);
        if let Err(e) = crate::output::write_atomic(path, source.text.as_bytes())
            .and_then(|()| crate::output::write_atomic(&lib, source.library.as_bytes()))
        {
            error(
                lang,
                &format!("không ghi được `{}`: {e}", path.display()),
                &format!("cannot write `{}`: {e}", path.display()),
                None,
            );
            return SETUP_FAILED;
        }
    }

    let typesetter = Typesetter::new(FontPolicy::from_env());
    let date = source.date.map(|d| d.0);
    let pdf = typesetter.compile(&source, date).and_then(|compiled| {
        for w in &compiled.warnings {
            eprintln!("{w}");
        }
        typesetter.pdf(&compiled, &source.name, date)
    });
    let pdf = match pdf {
        Ok(bytes) => bytes,
        Err(e) => {
            error(
                lang,
                &format!("không dàn trang được mẫu {}:\n{e}", form.ma),
                &format!("cannot typeset form {}:\n{e}", form.ma),
                None,
            );
            return DATA_FAILED;
        }
    };
    if let Err(e) = crate::output::write_atomic(args.output, &pdf) {
        let p = args.output.display();
        error(
            lang,
            &format!("không ghi được `{p}`: {e}"),
            &format!("cannot write `{p}`: {e}"),
            None,
        );
        return SETUP_FAILED;
    }
    0
}

/// Finds and checks the person; prints why not and returns the exit code when they cannot be used.
fn checked_person<'a>(
    workspace: &'a Workspace,
    load_diagnostics: &[Diagnostic],
    id: &str,
    lang: Lang,
) -> Result<validate::Checked<'a>, i32> {
    // Problems found while reading this person's file (or the organisation's) block their forms too.
    let of_file = |d: &&Diagnostic| {
        d.location.as_ref().is_some_and(|l| {
            let stem = l.file.path.file_stem().and_then(|s| s.to_str());
            stem == Some(id)
                || l.file.path.file_name().and_then(|s| s.to_str()) == Some("to-chuc.yaml")
        })
    };
    let mut diagnostics: Vec<Diagnostic> =
        load_diagnostics.iter().filter(of_file).cloned().collect();
    let Some(record) = workspace.person(id) else {
        if has_errors(&diagnostics) {
            emit_stderr(&diagnostics, lang);
            return Err(DATA_FAILED);
        }
        let hint = workspace.suggest_id(id).map(|s| {
            (
                format!("có phải ý là `{s}`?"),
                format!("did you mean `{s}`?"),
            )
        });
        error(
            lang,
            &format!("không có người mang mã `{id}`; xem `hoso list`"),
            &format!("no person with id `{id}`; see `hoso list`"),
            hint.as_ref().map(|(v, e)| (v.as_str(), e.as_str())),
        );
        return Err(SETUP_FAILED);
    };
    let (checked, found) = validate::check_person(workspace, record);
    diagnostics.extend(found);
    if !diagnostics.is_empty() {
        emit_stderr(&diagnostics, lang);
    }
    match checked {
        Some(c) if !has_errors(&diagnostics) => Ok(c),
        _ => Err(DATA_FAILED),
    }
}

fn render_failed(e: RenderError, lang: Lang) -> i32 {
    match e {
        RenderError::Data(diagnostics) => {
            emit_stderr(&diagnostics, lang);
            DATA_FAILED
        }
        RenderError::Template { name, source } => {
            error(
                lang,
                &format!("mẫu in `{name}` lỗi: {source:#}"),
                &format!("template `{name}` failed: {source:#}"),
                None,
            );
            DATA_FAILED
        }
        RenderError::Io { path, source } => {
            let p = path.display();
            error(
                lang,
                &format!("không đọc được `{p}`: {source}"),
                &format!("cannot read `{p}`: {source}"),
                None,
            );
            SETUP_FAILED
        }
    }
}
