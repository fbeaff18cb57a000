//! What the listings share: `--format csv` on stdout and `-o FILE.xlsx|FILE.csv`.

use super::args::ListFormatArg;
use super::out::{Error, Output, print, write_output};
use crate::diag::Lang;
use crate::export::Table;
use std::path::Path;

/// The extensions a listing can be written to.
pub const EXTENSIONS: &[&str] = &["xlsx", "csv"];

/// The sheet a listing writes, among the outputs checked before any work.
pub fn output(path: Option<&Path>) -> Option<Output<'_>> {
    path.map(|path| Output::File(path, EXTENSIONS))
}

/// Writes the table to `output` (by its extension), or prints it as CSV. `false` when neither
/// was asked for: the command prints its own format.
pub fn emit(
    table: &Table,
    format: ListFormatArg,
    output: Option<&Path>,
    lang: Lang,
) -> Result<bool, Error> {
    if let Some(path) = output {
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let mut incomplete = false;
        let bytes = if is_csv {
            // A file for Excel: with the byte-order mark that makes it read UTF-8.
            table.to_csv(true).into_bytes()
        } else {
            let (bytes, overlong) =
                table
                    .to_xlsx()
                    .map_err(|e| crate::diag::Setup::CannotWrite {
                        path: path.to_path_buf(),
                        detail: e.to_string(),
                    })?;
            for o in &overlong {
                eprintln!("{}: {}", lang.pick("lỗi", "error"), o.message(lang));
            }
            incomplete = !overlong.is_empty();
            bytes
        };
        write_output(path, &bytes)?;
        super::out::say(
            lang,
            &format!("đã ghi {} dòng vào `{}`", table.rows.len(), path.display()),
            &format!("wrote {} rows to `{}`", table.rows.len(), path.display()),
        );
        if incomplete {
            return Err(Error::DataFailed);
        }
        if format != ListFormatArg::Csv {
            return Ok(true);
        }
    }
    if format == ListFormatArg::Csv {
        print(&table.to_csv(false))?;
        return Ok(true);
    }
    Ok(false)
}
