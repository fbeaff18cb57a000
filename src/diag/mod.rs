/*!
Diagnostics: one model for every problem found in the data, several renderers.

A [`Diagnostic`] is a [`Problem`] (what is wrong, with its stable code and its wording in
Vietnamese and English, see `problem.rs`), a severity and the place in a YAML file where the
offending value stands. Loading, validation and rendering all produce them; `render.rs` turns a list
of them into the clerk's terminal output or into JSON.
*/

mod hint;
mod limits;
mod message;
mod problem;
mod render;
mod setup;
mod yaml;

pub use limits::Limit;
pub use problem::{AgeDay, Deadline, Introducer, NotFull, Occasion, Problem, TextFault};
pub use render::{Format, emit, emit_coloured, serialize_json};
pub use setup::{Setup, WriteBlock};
pub use yaml::{SyntaxFault, ValueFault, ValueKind, YamlLimit};

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// The language of messages. Vietnamese is the default; English on request (`--lang en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Picks the wording of the current language.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// How serious a diagnostic is. Errors make `validate` and `render` exit with 1; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look, does not stop anything.
    Warning,
    /// The record cannot be used as it is.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A YAML file of the workspace, kept whole so that diagnostics can quote it.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it (workspace folder joined with the file's relative path).
    pub path: PathBuf,
    /// The text after Unicode NFC normalisation, which is what line and column numbers refer to.
    pub text: String,
}

/// Where a value stands: a file and a byte range in it, with the 1-based line and column of its start.
#[derive(Debug, Clone)]
pub struct Location {
    /// The file the value comes from.
    pub file: Arc<SourceFile>,
    /// Byte range of the value (or of the key, for a missing or unknown key) in `file.text`.
    pub range: std::ops::Range<usize>,
    /// 1-based line of the start of `range`.
    pub line: usize,
    /// 1-based column (in characters) of the start of `range`.
    pub column: usize,
}

impl Location {
    /// The start of a file, for problems that concern the file as a whole.
    pub fn file_start(file: &Arc<SourceFile>) -> Self {
        Location {
            file: file.clone(),
            range: 0..0,
            line: 1,
            column: 1,
        }
    }
}

/// One problem found in the data, located in its file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// What is wrong; carries the code and the wording.
    pub problem: Problem,
    /// Error or warning.
    pub severity: Severity,
    /// Where it is; `None` only for problems without a file (for example a missing workspace file).
    pub location: Option<Location>,
}

impl Diagnostic {
    /// An error at a location.
    pub fn error(problem: Problem, location: Option<Location>) -> Self {
        Diagnostic {
            problem,
            severity: Severity::Error,
            location,
        }
    }

    /// A warning at a location.
    pub fn warning(problem: Problem, location: Option<Location>) -> Self {
        Diagnostic {
            problem,
            severity: Severity::Warning,
            location,
        }
    }

    /// The stable kebab-case code, e.g. `date-order`.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }
}

impl From<Setup> for Diagnostic {
    /// A set-up problem is an error without a place in a file.
    fn from(setup: Setup) -> Diagnostic {
        Diagnostic::error(Problem::Setup(setup), None)
    }
}

/// What a diagnostic cites: the rule and its source in the set that applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Cite {
    /// `R13`.
    pub rule: String,
    /// "06-HD/TW §5.4".
    pub text: String,
    /// The set: `294-QĐ/TW`.
    pub set: String,
    /// The workspace's own source, when its own version of the rule applied.
    pub local: Option<String>,
    /// The rule or one of its numbers is UNVERIFIED in that set (`chua_xac_minh` in the rule
    /// book): the citation says so, for a person to check.
    pub unverified: bool,
}

impl Cite {
    /// The citation in a language: "R31 · 294-QĐ/TW §4.3.1 [294-QĐ/TW]", with "(chưa xác minh)"
    /// ("UNVERIFIED") when its text or number was not found in the official text.
    pub fn in_lang(&self, lang: Lang) -> String {
        let mut s = format!("{} · {} [{}]", self.rule, self.text, self.set);
        if self.unverified {
            s.push_str(&format!(" ({})", lang.pick("chưa xác minh", "UNVERIFIED")));
        }
        if let Some(l) = &self.local {
            s.push_str(&format!("; {l}"));
        }
        s
    }
}

impl fmt::Display for Cite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::Vi))
    }
}

/// Whether any of the diagnostics is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}
