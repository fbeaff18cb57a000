//! Why a command did not succeed, and the one place that says it and decides the exit code: a
//! command returns an [`Error`] and [`super::run`] reports it ([`Error::report`]) and exits with
//! [`Error::code`]. Nothing else in the command line turns a failure into a number.
//!
//! Exit codes: 0 success (warnings allowed), 1 the data or a document failed, 2 usage, setup or
//! I/O.

use crate::diag::{self, Diagnostic, Format, Lang, Problem, Setup};
use std::io;

/// Exit code: the data or a document failed.
pub const DATA_FAILED: i32 = 1;
/// Exit code: usage, setup or I/O.
pub const SETUP_FAILED: i32 = 2;

/// Why a command failed.
#[derive(Debug)]
pub enum Error {
    /// Problems to tell, in the diagnostic model: to stderr for people, or on stdout as the JSON
    /// the command was asked for.
    Problems {
        diagnostics: Vec<Diagnostic>,
        format: Format,
    },
    /// The data or a document failed, and the command's own result already says so (the errors
    /// `validate` lists, the failures in a batch's summary, the rows an import kept out).
    DataFailed,
    /// A bulletin article could not be drafted.
    Bulletin(crate::bulletin::BulletinError),
    /// Something the command runs on failed, said in a line (the desk's server, the shell's
    /// completion script).
    Setup(String),
    /// The result could not be written to stdout (a closed pipe is not an error).
    Stdout,
}

impl Error {
    /// Problems for people, on stderr.
    pub fn problems(diagnostics: Vec<Diagnostic>) -> Error {
        Error::Problems {
            diagnostics,
            format: Format::Human,
        }
    }

    /// The same problems, told in `format`.
    pub fn in_format(self, format: Format) -> Error {
        match self {
            Error::Problems { diagnostics, .. } => Error::Problems {
                diagnostics,
                format,
            },
            other => other,
        }
    }

    /// The exit code.
    pub fn code(&self) -> i32 {
        match self {
            Error::Problems { diagnostics, .. } => {
                if diagnostics.iter().any(of_setup) {
                    SETUP_FAILED
                } else {
                    DATA_FAILED
                }
            }
            Error::DataFailed => DATA_FAILED,
            Error::Bulletin(crate::bulletin::BulletinError::Template(
                crate::bulletin::article::TemplateError::Broken { .. },
            )) => DATA_FAILED,
            Error::Bulletin(_) | Error::Setup(_) | Error::Stdout => SETUP_FAILED,
        }
    }

    /// Says why, in `lang`.
    pub fn report(&self, lang: Lang) {
        match self {
            Error::Problems {
                diagnostics,
                format: Format::Json,
            } => {
                let _ = diag::emit(diagnostics, Format::Json, lang, &mut io::stdout().lock());
            }
            Error::Problems { diagnostics, .. } => emit_stderr(diagnostics, lang),
            Error::Bulletin(e) => {
                eprintln!("{}: {}", lang.pick("lỗi", "error"), e.message(lang));
                if let Some(h) = e.hint(lang) {
                    eprintln!("{}: {h}", lang.pick("gợi ý", "hint"));
                }
            }
            Error::Setup(line) => eprintln!("{}: {line}", lang.pick("lỗi", "error")),
            Error::DataFailed | Error::Stdout => {}
        }
    }
}

/// Whether a diagnostic is a problem of the set-up or of reading and writing files (exit 2),
/// rather than of the data or of a document (a template, Typst: exit 1).
fn of_setup(d: &Diagnostic) -> bool {
    let Problem::Setup(setup) = &d.problem else {
        return false;
    };
    !matches!(
        setup,
        Setup::TemplateFailed { .. }
            | Setup::TypesetFailed { .. }
            | Setup::TypesetStopped { .. }
            | Setup::DossierFailed { .. }
            | Setup::FormHasNoNumber { .. }
            | Setup::DocumentUndated { .. }
            | Setup::ArticleNeedsSoundRecords
            | Setup::ArticleNotWritten { .. }
    )
}

impl From<Setup> for Error {
    fn from(setup: Setup) -> Error {
        Error::problems(vec![setup.into()])
    }
}

impl From<Vec<Diagnostic>> for Error {
    fn from(diagnostics: Vec<Diagnostic>) -> Error {
        Error::problems(diagnostics)
    }
}

impl From<crate::render::RenderError> for Error {
    fn from(e: crate::render::RenderError) -> Error {
        Error::problems(crate::typeset::render_diagnostics(e))
    }
}

impl From<crate::bulletin::BulletinError> for Error {
    fn from(e: crate::bulletin::BulletinError) -> Error {
        Error::Bulletin(e)
    }
}

/// Prints diagnostics to stderr, for people: coloured on a terminal, plain when piped or when
/// `NO_COLOR` is set (anstream decides, as it does for clap's help, and strips the colours when
/// they are not wanted; `CLICOLOR_FORCE=1` forces them).
pub fn emit_stderr<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>, lang: Lang) {
    let list: Vec<Diagnostic> = diagnostics.into_iter().cloned().collect();
    if list.is_empty() {
        return;
    }
    let mut err = anstream::AutoStream::auto(io::stderr().lock());
    let _ = diag::emit_coloured(&list, lang, &mut err);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_or_the_data_is_1_a_file_or_the_setup_is_2() {
        let data = Error::from(Setup::TemplateFailed {
            name: "x".into(),
            detail: "y".into(),
        });
        assert_eq!(data.code(), DATA_FAILED);
        let setup = Error::from(Setup::NotAWorkspace { path: "w".into() });
        assert_eq!(setup.code(), SETUP_FAILED);
        // One problem of the set-up among others makes it a set-up failure.
        let mut both = crate::typeset::render_diagnostics(crate::render::RenderError::Refused {
            path: "t".into(),
        });
        both.push(Setup::DossierFailed { detail: "d".into() }.into());
        assert_eq!(Error::from(both).code(), SETUP_FAILED);
        assert_eq!(Error::DataFailed.code(), DATA_FAILED);
        assert_eq!(Error::Stdout.code(), SETUP_FAILED);
    }
}
