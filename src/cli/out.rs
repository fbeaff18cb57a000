//! What every command shares: exit codes, printing, reporting diagnostics, and the first two
//! stages (load, then check) with their failures said once.

use crate::diag::{self, Diagnostic, Format, Lang, Setup};
use crate::model::{self, LoadError};
use crate::validate::{self, Checked, CheckedWorkspace};
use std::io::{self, Write};
use std::path::Path;

/// Exit code: the data or a document failed.
pub const DATA_FAILED: i32 = 1;
/// Exit code: usage, setup or I/O.
pub const SETUP_FAILED: i32 = 2;

/// Writes to stdout; a closed pipe (`hoso list | head`) is not an error.
pub fn print(text: &str) -> i32 {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(_) => SETUP_FAILED,
    }
}

/// Prints diagnostics to stderr, for people: coloured on a terminal, plain when piped or when
/// `NO_COLOR` is set (anstream decides, as it does for clap's help, and strips the colours when
/// they are not wanted; `CLICOLOR_FORCE=1` forces them).
pub fn emit_stderr<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>, lang: Lang) {
    let list: Vec<Diagnostic> = diagnostics.into_iter().cloned().collect();
    let mut err = anstream::AutoStream::auto(io::stderr().lock());
    let _ = diag::emit_coloured(&list, lang, &mut err);
}

/// Reports a set-up problem (to stdout as JSON when JSON was asked for) and returns its exit
/// code.
pub fn setup_failed(setup: Setup, format: Format, lang: Lang) -> i32 {
    let d = [Diagnostic::from(setup)];
    match format {
        Format::Json => {
            let _ = diag::emit(&d, Format::Json, lang, &mut io::stdout().lock());
        }
        Format::Human => emit_stderr(&d, lang),
    }
    SETUP_FAILED
}

/// Loads and checks a workspace, printing why when it cannot be loaded at all.
pub fn checked_workspace(root: &Path, format: Format, lang: Lang) -> Result<CheckedWorkspace, i32> {
    let loaded = match model::load(root) {
        Ok(loaded) => loaded,
        Err(LoadError::NotAWorkspace(path)) => {
            return Err(setup_failed(Setup::NotAWorkspace { path }, format, lang));
        }
        Err(LoadError::Io { path, source }) => {
            let detail = source.to_string();
            return Err(setup_failed(
                Setup::CannotRead { path, detail },
                format,
                lang,
            ));
        }
        Err(LoadError::Organisation(diagnostics)) => {
            match format {
                Format::Json => {
                    let _ = diag::emit(&diagnostics, Format::Json, lang, &mut io::stdout().lock());
                }
                Format::Human => emit_stderr(&diagnostics, lang),
            }
            return Err(DATA_FAILED);
        }
    };
    Ok(validate::check(loaded))
}

/// The checked person with this id; prints their problems (warnings too) and, when they cannot
/// be used, returns the exit code instead.
pub fn checked_person<'a>(
    checked: &'a CheckedWorkspace,
    id: &str,
    lang: Lang,
) -> Result<Checked<'a>, i32> {
    let Some(person) = checked.person(id) else {
        // A file of that name that could not be read is the problem to show.
        let org: Vec<&Diagnostic> = checked.org_diagnostics().collect();
        if let Some(u) = checked.unreadable().iter().find(|u| u.id == id) {
            emit_stderr(org.into_iter().chain(&u.diagnostics), lang);
            return Err(DATA_FAILED);
        }
        let suggestion = checked.suggest_id(id).map(str::to_string);
        let id = id.to_string();
        return Err(setup_failed(
            Setup::UnknownPersonId { id, suggestion },
            Format::Human,
            lang,
        ));
    };
    let problems = person.problems();
    if !problems.is_empty() {
        emit_stderr(problems, lang);
    }
    person.checked().ok_or(DATA_FAILED)
}

/// Writes an output file atomically, or says why it could not and gives the exit code.
pub fn write_output(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), i32> {
    crate::output::write_atomic(path, bytes)
        .map_err(|e| setup_failed(Setup::cannot_write(path, &e), Format::Human, lang))
}

/// The form with this code, or the exit code after saying there is none.
pub fn find_form(code: &str, lang: Lang) -> Result<&'static crate::forms::Form, i32> {
    let catalogue = crate::forms::Catalogue::builtin();
    catalogue.form(code).ok_or_else(|| {
        let setup = Setup::UnknownForm {
            code: code.to_string(),
            suggestion: catalogue.suggest(code).map(str::to_string),
        };
        setup_failed(setup, Format::Human, lang)
    })
}

/// Reports a form that could not be rendered and gives the exit code.
pub fn render_failed(e: crate::render::RenderError, lang: Lang) -> i32 {
    use crate::render::RenderError;
    match e {
        RenderError::Data(diagnostics) => {
            emit_stderr(&diagnostics, lang);
            DATA_FAILED
        }
        RenderError::Template { name, source } => {
            let detail = format!("{source:#}");
            setup_failed(Setup::TemplateFailed { name, detail }, Format::Human, lang);
            DATA_FAILED
        }
        RenderError::Refused { path } => {
            setup_failed(Setup::TemplateRefused { path }, Format::Human, lang)
        }
        RenderError::Io { path, source } => {
            let detail = source.to_string();
            setup_failed(Setup::CannotRead { path, detail }, Format::Human, lang)
        }
    }
}

/// Prints a line of information to stderr.
pub fn say(lang: Lang, vi: &str, en: &str) {
    eprintln!("{}", lang.pick(vi, en));
}

/// "1 warning", "3 warnings", "0 errors".
pub fn english_count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Today in Vietnam (UTC+7), the default day of `rules` and `due`.
pub fn today() -> crate::model::Ngay {
    let offset = jiff::tz::TimeZone::fixed(jiff::tz::offset(7));
    crate::model::Ngay(jiff::Timestamp::now().to_zoned(offset).date())
}

/// Refuses an output file that would replace an input, a link or a device, or has the wrong
/// extension, before any work is done.
pub fn check_output(
    path: &Path,
    extensions: &'static [&'static str],
    root: Option<&Path>,
    lang: Lang,
) -> Result<(), i32> {
    crate::output::check_file(path, extensions, root).map_err(|reason| {
        let path = path.to_path_buf();
        setup_failed(Setup::OutputRefused { path, reason }, Format::Human, lang)
    })
}

/// Refuses an output folder that is the workspace or inside its data.
pub fn check_output_dir(path: &Path, root: &Path, format: Format, lang: Lang) -> Result<(), i32> {
    crate::output::check_dir(path, root).map_err(|reason| {
        let path = path.to_path_buf();
        setup_failed(Setup::OutputRefused { path, reason }, format, lang)
    })
}

/// The engine's configuration for a workspace with the office's font folders, or the exit code
/// after saying that a folder does not exist.
pub fn engine_config(
    root: &Path,
    fonts: &super::args::FontArgs,
    lang: Lang,
) -> Result<crate::engine::Config, i32> {
    if let Some(path) = fonts.font_paths.iter().find(|p| !p.is_dir()) {
        let path = path.clone();
        return Err(setup_failed(
            Setup::NoFontFolder { path },
            Format::Human,
            lang,
        ));
    }
    Ok(crate::engine::Config::for_workspace(root).with_font_folders(&fonts.font_paths))
}
