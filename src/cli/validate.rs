//! `hoso validate`: every problem of a workspace, located: to stderr for people, as every command
//! prints its diagnostics; as JSON, the result, to stdout.

use super::args::FormatArg;
use super::out::{Error, emit_stderr, english_count, say, workspace};
use crate::diag::{self, Format, Lang, Severity};
use std::io;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    #[arg(default_value = ".")]
    workspace: PathBuf,
    /// Output format of the diagnostics.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let format = Format::from(args.format);
    let checked = workspace(&args.workspace, &[], format)?;
    let diagnostics: Vec<diag::Diagnostic> = checked.diagnostics().into_iter().cloned().collect();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    if format == Format::Json {
        // JSON is the result, on stdout; for people the diagnostics go to stderr, as every
        // command's do.
        let written = diag::emit(&diagnostics, format, lang, &mut io::stdout().lock());
        if let Err(e) = written
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            return Err(Error::Stdout);
        }
    } else {
        emit_stderr(&diagnostics, lang);
        let people = checked.people().len();
        say(
            lang,
            &format!("{people} hồ sơ: {errors} lỗi, {warnings} cảnh báo"),
            &format!(
                "{}: {}, {}",
                english_count(people, "record"),
                english_count(errors, "error"),
                english_count(warnings, "warning")
            ),
        );
    }
    if errors > 0 {
        Err(Error::DataFailed)
    } else {
        Ok(())
    }
}
