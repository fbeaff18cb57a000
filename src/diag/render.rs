//! Renderers of diagnostics: `human` (with a source excerpt, via codespan-reporting), plain or
//! coloured for a terminal, and `json`.

use super::{Diagnostic, Lang, SourceFile};
use crate::model::chars::visible_same_length;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use codespan_reporting::term::termcolor::{Ansi, Color, ColorSpec, NoColor, WriteColor};
use serde::Serialize;
use std::io::{self, Write};
use std::sync::Arc;

/// Output format of diagnostics and listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// For people: the message, the file and line, the lines of YAML around it.
    #[default]
    Human,
    /// For programs: an array of objects with `file`, `line`, `column`, `code`, `severity`, `message`.
    Json,
}

/// One diagnostic as JSON.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    code: &'a str,
    severity: super::Severity,
    message: String,
    hint: Option<String>,
    citation: Option<String>,
}

impl<'a> JsonDiagnostic<'a> {
    fn of(d: &'a Diagnostic, lang: Lang) -> Self {
        JsonDiagnostic {
            file: d
                .location
                .as_ref()
                .map(|l| l.file.path.display().to_string()),
            line: d.location.as_ref().map(|l| l.line),
            column: d.location.as_ref().map(|l| l.column),
            code: d.code(),
            severity: d.severity,
            message: d.problem.message(lang),
            hint: d.problem.hint(lang),
            citation: d.problem.citation(lang),
        }
    }
}

/// Serialises diagnostics as the JSON output writes them (in Vietnamese), for a report that
/// carries them (a batch's).
pub fn serialize_json<S: serde::Serializer>(
    diagnostics: &[Diagnostic],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(diagnostics.iter().map(|d| JsonDiagnostic::of(d, Lang::Vi)))
}

/// Writes the diagnostics to `out` in the given format and language.
pub fn emit(
    diagnostics: &[Diagnostic],
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let items: Vec<JsonDiagnostic> = diagnostics
                .iter()
                .map(|d| JsonDiagnostic::of(d, lang))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &items)?;
            writeln!(out)
        }
        Format::Human => emit_human(diagnostics, lang, &mut NoColor::new(out)),
    }
}

/// Writes the diagnostics for people, coloured with ANSI escapes: for a terminal.
pub fn emit_coloured(
    diagnostics: &[Diagnostic],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    emit_human(diagnostics, lang, &mut Ansi::new(out))
}

/// The colour of a severity's label, as codespan-reporting colours its headers.
fn label_style(severity: super::Severity) -> ColorSpec {
    let mut spec = ColorSpec::new();
    spec.set_bold(true)
        .set_intense(true)
        .set_fg(Some(match severity {
            super::Severity::Error => Color::Red,
            super::Severity::Warning => Color::Yellow,
        }));
    spec
}

/// A path as a terminal may print it: control characters in a file name (a line break, an
/// escape sequence) are shown escaped, never sent to the terminal.
fn printable(path: &std::path::Path) -> String {
    path.display()
        .to_string()
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A message as a terminal may print it: the values it quotes never drive the terminal.
fn escaped(text: String) -> String {
    crate::model::chars::printable(&text).into_owned()
}

fn emit_human(diagnostics: &[Diagnostic], lang: Lang, out: &mut dyn WriteColor) -> io::Result<()> {
    // codespan wants its own file table; the same SourceFile may be shared by many diagnostics.
    let mut files = SimpleFiles::new();
    let mut ids: Vec<(Arc<SourceFile>, usize)> = Vec::new();
    let config = term::Config::default();
    for d in diagnostics {
        // A set-up problem has no file to quote: the one-line form of a command line.
        if let (super::Problem::Setup(setup), None) = (&d.problem, &d.location) {
            let label = match d.severity {
                super::Severity::Error => lang.pick("lỗi", "error"),
                super::Severity::Warning => lang.pick("cảnh báo", "warning"),
            };
            out.set_color(&label_style(d.severity))?;
            write!(out, "{label}")?;
            out.reset()?;
            writeln!(out, ": {}", escaped(setup.message(lang)))?;
            if let Some(hint) = setup.hint(lang) {
                out.set_color(ColorSpec::new().set_bold(true))?;
                write!(out, "{}", lang.pick("gợi ý", "hint"))?;
                out.reset()?;
                writeln!(out, ": {}", escaped(hint))?;
            }
            continue;
        }
        let severity = match d.severity {
            super::Severity::Error => CsSeverity::Error,
            super::Severity::Warning => CsSeverity::Warning,
        };
        let mut cs = CsDiagnostic::new(severity)
            .with_code(d.code())
            .with_message(escaped(d.problem.message(lang)));
        if let Some(loc) = &d.location {
            let id = match ids.iter().find(|(f, _)| Arc::ptr_eq(f, &loc.file)) {
                Some((_, id)) => *id,
                None => {
                    // The quoted line shows a control character as a visible one: its code
                    // point is in the message, and the terminal never receives it.
                    let text = visible_same_length(&loc.file.text).into_owned();
                    let id = files.add(printable(&loc.file.path), text);
                    ids.push((loc.file.clone(), id));
                    id
                }
            };
            cs = cs.with_labels(vec![Label::primary(id, loc.range.clone())]);
        }
        let mut notes = Vec::new();
        if let Some(hint) = d.problem.hint(lang) {
            notes.push(escaped(format!("{}: {hint}", lang.pick("gợi ý", "hint"))));
        }
        if let Some(citation) = d.problem.citation(lang) {
            notes.push(format!("{}: {citation}", lang.pick("căn cứ", "rule")));
        }
        cs = cs.with_notes(notes);
        term::emit_to_write_style(out, &config, &files, &cs)
            .map_err(|e| io::Error::other(e.to_string()))?;
    }
    Ok(())
}
