/*!
The `hoso` command: clap arguments, then one function per subcommand.

Exit codes: 0 success (warnings allowed), 1 the data or a document failed, 2 usage, setup or I/O.
Messages go to stderr in Vietnamese by default (`--lang en` for English); results go to stdout.
*/

mod commands;
mod rules_due;

use crate::diag::{Format, Lang};
use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;

/// Hồ sơ kết nạp đảng viên: kiểm tra hồ sơ, điền mẫu biểu, in PDF.
///
/// Checks the records of a Party branch, fills the official forms and typesets them to PDF.
#[derive(Debug, Parser)]
#[command(name = "hoso", version, about, long_about = None)]
pub struct Cli {
    /// Language of messages: vi (tiếng Việt) or en.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "vi",
        env = "HOSO_LANG"
    )]
    pub lang: Lang,

    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the demo workspace into DIR (a new or empty folder).
    Init {
        /// Where to write it.
        dir: PathBuf,
        /// Instead of the demo, a synthetic workspace of this many people at every stage (for
        /// benchmarks).
        #[arg(long, value_name = "N")]
        people: Option<usize>,
    },
    /// List the people of a workspace with their stage.
    List {
        /// The workspace folder.
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// List the official forms hoso can fill.
    Forms {
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Check a workspace: required fields, dates, references, figures.
    Validate {
        /// The workspace folder.
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// Output format of the diagnostics.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// The admission rules of the set in force on a day: code, citation, parameters (UNVERIFIED
    /// ones marked), with a workspace's own stricter rules.
    Rules {
        /// The day (default: today).
        #[arg(long, value_parser = parse_date)]
        on: Option<crate::model::Ngay>,
        /// A workspace whose own rules (`quy_tac_rieng`) apply.
        #[arg(short, long)]
        workspace: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Time limits overdue or coming: decisions from above, ceremonies, end of probation, branch
    /// reviews, certificates that expire.
    Due {
        /// The workspace folder.
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// The day to count from (default: today).
        #[arg(long, value_parser = parse_date)]
        on: Option<crate::model::Ngay>,
        /// Show what falls due within this many days (overdue items are always shown).
        #[arg(long, default_value_t = 30, value_name = "DAYS")]
        within: u32,
        /// Also write the listed time limits as an iCalendar file.
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Fill a form for a person and typeset it to PDF.
    Render {
        /// The form code: 6-KNĐ (6-KND and 6 are accepted too).
        form: String,
        /// The person's id (file name without .yaml); not needed with --blank.
        #[arg(required_unless_present = "blank")]
        person: Option<String>,
        /// The workspace folder.
        #[arg(short, long, default_value = ".")]
        workspace: PathBuf,
        /// The PDF to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Also write the generated Typst source here (with the layout library beside it).
        #[arg(long, value_name = "OUT.typ")]
        typst: Option<PathBuf>,
        /// The blank form, for handwriting.
        #[arg(long, conflicts_with = "person")]
        blank: bool,
        /// Conform to an archival PDF standard (PDF/A-2b).
        #[arg(long = "pdf-standard", value_enum, value_name = "STANDARD")]
        pdf_standard: Option<crate::compile::PdfStandard>,
    },
    /// Typeset a person's dossier: the cover with its checklist, then every form the record
    /// holds, in the order of the checklist, as one PDF with bookmarks.
    Dossier {
        /// The person's id.
        person: String,
        /// The workspace folder.
        #[arg(short, long, default_value = ".")]
        workspace: PathBuf,
        /// The PDF to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Which dossier (default: the one the person's stage calls for).
        #[arg(long = "ho-so", value_enum)]
        kind: Option<crate::dossier::Kind>,
        /// Conform to an archival PDF standard (PDF/A-2b).
        #[arg(long = "pdf-standard", value_enum, value_name = "STANDARD")]
        pdf_standard: Option<crate::compile::PdfStandard>,
    },
    /// Every person's dossier and forms (or one ceremony's paperwork) into a folder, in parallel;
    /// people whose inputs did not change since the last run are skipped.
    Batch {
        /// The workspace folder.
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// The output folder.
        #[arg(short, long)]
        output: PathBuf,
        /// Parallel jobs (default: all cores).
        #[arg(short, long)]
        jobs: Option<usize>,
        /// Only people at this stage: xin-vao-dang, chi-bo-de-nghi, du-bi, chinh-thuc.
        #[arg(long)]
        stage: Option<String>,
        /// Only the people admitted at the ceremony of this day, with the programme and the
        /// decisions (dd/mm/yyyy).
        #[arg(long)]
        ceremony: Option<String>,
        /// Redo everyone, even when nothing changed.
        #[arg(long)]
        force: bool,
        /// Also write the generated Typst sources and their layout library (`typst`).
        #[arg(long, value_name = "typst")]
        emit: Option<String>,
        /// Conform to an archival PDF standard (PDF/A-2b).
        #[arg(long = "pdf-standard", value_enum, value_name = "STANDARD")]
        pdf_standard: Option<crate::compile::PdfStandard>,
        /// Output format of the summary.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Give a form of a person the next free number of the register (sổ văn bản) and write it
    /// into to-chuc.yaml; the form then prints it.
    CapSo {
        /// The form code: 6-KNĐ, 13-KNĐ, ...
        form: String,
        /// The person's id.
        person: String,
        /// The workspace folder.
        #[arg(short, long, default_value = ".")]
        workspace: PathBuf,
    },
    /// Draft a bulletin article on member development over a period, with its table of figures.
    Bulletin {
        /// The workspace folder.
        #[arg(default_value = ".")]
        workspace: PathBuf,
        /// First day of the period: 01/01/2021 or 2021-01-01.
        #[arg(long, value_parser = parse_date)]
        from: crate::model::Ngay,
        /// Last day of the period.
        #[arg(long, value_parser = parse_date)]
        to: crate::model::Ngay,
        /// One unit only: an id of `cac_chi_bo` or `cac_dang_bo_co_so` in to-chuc.yaml.
        #[arg(long)]
        branch: Option<String>,
        /// The article template: tin-ngan (short news), tong-hop (longer report), or the workspace's own.
        #[arg(long, default_value = crate::bulletin::DEFAULT_TEMPLATE)]
        template: String,
        /// The article to write: OUT.md, OUT.html, OUT.pdf or OUT.docx.
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Reads a date of the command line the way the records are read.
fn parse_date(text: &str) -> Result<crate::model::Ngay, String> {
    crate::model::Ngay::parse(text).ok_or_else(|| {
        format!("`{text}` không phải ngày; viết 16/11/2020 hoặc 2020-11-16 (not a date; write 16/11/2020 or 2020-11-16)")
    })
}

/// Runs `hoso` with these arguments (the first is the program name) and returns the exit code.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 2,
            };
        }
    };
    commands::dispatch(cli)
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
