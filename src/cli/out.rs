//! What every command shares: printing, the first stages (the outputs refused before any work,
//! then load, then check) in one order, and the lookups whose failure is a problem of the set-up.
//! Failures are returned as an [`Error`], never said here: [`super::run`] says them.

pub use super::error::{Error, emit_stderr};
use crate::diag::{Diagnostic, Format, Lang, Setup};
use crate::model;
use crate::validate::{self, Checked, CheckedWorkspace};
use std::io::{self, Write};
use std::path::Path;

/// Writes to stdout; a closed pipe (`hoso list | head`) is not an error.
pub fn print(text: &str) -> Result<(), Error> {
    // A value with a control character is an error of its record, but a listing still shows the
    // record: escaped, so that it cannot clear the screen or set the clipboard.
    let text = crate::model::chars::printable(text);
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(_) => Err(Error::Stdout),
    }
}

/// An output a command will write: a file with one of these extensions, or a folder.
#[derive(Debug, Clone, Copy)]
pub enum Output<'a> {
    /// A file; its extension must be one of these.
    File(&'a Path, &'static [&'static str]),
    /// A folder of outputs (a batch's).
    Folder(&'a Path),
}

/// The workspace a command works on, checked, once each output it will write has been checked
/// against the workspace's folder: every command takes these steps in this order, so that an
/// output that would replace an input, a link or a device is refused before any work.
pub fn workspace(
    root: &Path,
    outputs: &[Output<'_>],
    format: Format,
) -> Result<CheckedWorkspace, Error> {
    for output in outputs {
        let refused = match *output {
            Output::File(path, extensions) => {
                crate::output::check_file(path, extensions, Some(root))
                    .map_err(|reason| (path, reason))
            }
            Output::Folder(path) => {
                crate::output::check_dir(path, root).map_err(|reason| (path, reason))
            }
        };
        if let Err((path, reason)) = refused {
            let path = path.to_path_buf();
            return Err(Error::from(Setup::OutputRefused { path, reason }).in_format(format));
        }
    }
    checked_workspace(root, format)
}

/// Loads and checks a workspace; why it cannot be loaded at all is the error.
fn checked_workspace(root: &Path, format: Format) -> Result<CheckedWorkspace, Error> {
    let loaded = model::load(root).map_err(|e| Error::Problems {
        diagnostics: e.into_diagnostics(),
        format,
    })?;
    Ok(validate::check(loaded))
}

/// The checked person with this id, their warnings said; their problems are the error when they
/// cannot be used.
pub fn checked_person<'a>(
    checked: &'a CheckedWorkspace,
    id: &str,
    lang: Lang,
) -> Result<Checked<'a>, Error> {
    let Some(person) = checked.person(id) else {
        // A file of that name that could not be read is the problem to show.
        if let Some(u) = checked.unreadable().iter().find(|u| u.id == id) {
            let org = checked.org_diagnostics().cloned();
            return Err(Error::problems(
                org.chain(u.diagnostics.iter().cloned()).collect(),
            ));
        }
        let suggestion = checked.suggest_id(id).map(str::to_string);
        let id = id.to_string();
        return Err(Setup::UnknownPersonId { id, suggestion }.into());
    };
    let problems: Vec<Diagnostic> = person.problems().into_iter().cloned().collect();
    match person.checked() {
        Some(c) => {
            emit_stderr(&problems, lang);
            Ok(c)
        }
        None => Err(Error::problems(problems)),
    }
}

/// Writes an output file atomically.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    crate::output::write_atomic(path, bytes).map_err(|e| Setup::cannot_write(path, &e).into())
}

/// The form with this code.
pub fn find_form(code: &str) -> Result<&'static crate::forms::Form, Error> {
    let catalogue = crate::forms::Catalogue::builtin();
    catalogue.form(code).ok_or_else(|| {
        let setup = Setup::UnknownForm {
            code: code.to_string(),
            suggestion: catalogue.suggest(code).map(str::to_string),
        };
        setup.into()
    })
}

/// Prints a line of information to stderr.
pub fn say(lang: Lang, vi: &str, en: &str) {
    eprintln!("{}", crate::model::chars::printable(lang.pick(vi, en)));
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

/// The engine's configuration for a workspace with the office's font folders; a folder that
/// does not exist is the error.
pub fn engine_config(
    root: &Path,
    fonts: &super::args::FontArgs,
) -> Result<crate::engine::Config, Error> {
    if let Some(path) = fonts.font_paths.iter().find(|p| !p.is_dir()) {
        let path = path.clone();
        return Err(Setup::NoFontFolder { path }.into());
    }
    Ok(crate::engine::Config::for_workspace(root).with_font_folders(&fonts.font_paths))
}
