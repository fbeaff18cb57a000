//! What the listings share: `--format csv` on stdout and `-o FILE.xlsx|FILE.csv`.

use super::args::ListFormatArg;
use super::out::{check_output, print, write_output};
use crate::diag::Lang;
use crate::export::Table;
use std::path::Path;

/// The extensions a listing can be written to.
pub const EXTENSIONS: &[&str] = &["xlsx", "csv"];

/// Refuses an output a listing cannot be written to, before any work.
pub fn check(output: Option<&Path>, root: Option<&Path>, lang: Lang) -> Result<(), i32> {
    match output {
        Some(path) => check_output(path, EXTENSIONS, root, lang),
        None => Ok(()),
    }
}

/// Writes the table to `output` (by its extension), or prints it as CSV. `None` when neither
/// was asked for: the command prints its own format.
pub fn emit(
    table: &Table,
    format: ListFormatArg,
    output: Option<&Path>,
    lang: Lang,
) -> Option<i32> {
    if let Some(path) = output {
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let bytes = if is_csv {
            // A file for Excel: with the byte-order mark that makes it read UTF-8.
            table.to_csv(true).into_bytes()
        } else {
            match table.to_xlsx() {
                Ok(b) => b,
                Err(e) => {
                    let setup = crate::diag::Setup::CannotWrite {
                        path: path.to_path_buf(),
                        detail: e.to_string(),
                    };
                    return Some(super::out::setup_failed(
                        setup,
                        crate::diag::Format::Human,
                        lang,
                    ));
                }
            }
        };
        if let Err(code) = write_output(path, &bytes, lang) {
            return Some(code);
        }
        super::out::say(
            lang,
            &format!("đã ghi {} dòng vào `{}`", table.rows.len(), path.display()),
            &format!("wrote {} rows to `{}`", table.rows.len(), path.display()),
        );
        if format != ListFormatArg::Csv {
            return Some(0);
        }
    }
    (format == ListFormatArg::Csv).then(|| print(&table.to_csv(false)))
}
