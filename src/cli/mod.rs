/*!
The `hoso` command: parse the arguments (clap lives here and nowhere else), resolve them into the
library's types, dispatch to the command's file (`init.rs`, `validate.rs`, `render.rs`, …). Each
command refuses its outputs, loads and checks the workspace, in that order (`out::workspace`),
runs the library and prints what it gets back; a failure is returned as an `error::Error`, which
`run` alone says and turns into the exit code.

Exit codes: 0 success (warnings allowed), 1 the data or a document failed, 2 usage, setup or I/O.
Messages go to stderr in Vietnamese by default (`--lang en` for English); results go to stdout.
*/

mod args;
mod backup;
mod batch;
mod bulletin;
mod cap_so;
mod completions;
mod dossier;
mod due;
mod error;
mod forms;
mod help;
mod import;
mod init;
mod list;
mod new;
mod out;
mod progress;
mod render;
mod rules;
mod schema;
mod serve;
mod sheet;
mod so_van_ban;
mod start;
mod validate;

use args::LangArg;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;

/// Hồ sơ kết nạp đảng viên: kiểm tra hồ sơ, điền mẫu biểu, in PDF.
///
/// Checks the records of a Party branch, fills the official forms and typesets them to PDF.
#[derive(Debug, Parser)]
#[command(name = "hoso", version, about, long_about = None)]
struct Cli {
    /// Language of messages: vi (tiếng Việt) or en.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "vi",
        env = "HOSO_LANG"
    )]
    lang: LangArg,

    /// The command.
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Write the demo workspace into DIR (a new or empty folder).
    Init(init::Args),
    /// List the people of a workspace with their stage.
    List(list::Args),
    /// List the official forms hoso can fill.
    Forms(forms::Args),
    /// Check a workspace: required fields, dates, references, figures.
    Validate(validate::Args),
    /// The admission rules of the set in force on a day: code, citation, parameters (UNVERIFIED
    /// ones marked), with a workspace's own stricter rules.
    Rules(rules::Args),
    /// Time limits overdue or coming: decisions from above, ceremonies, end of probation, branch
    /// reviews, certificates that expire.
    Due(due::Args),
    /// Fill a form for a person and typeset it to PDF.
    Render(render::Args),
    /// Typeset a person's dossier: the cover with its checklist, then every form the record
    /// holds, in the order of the checklist, as one PDF with bookmarks.
    Dossier(dossier::Args),
    /// Every person's dossier and forms (or one ceremony's paperwork) into a folder, in parallel;
    /// people whose inputs did not change since the last run are skipped.
    Batch(batch::Args),
    /// Give a form of a person the next free number of the register (sổ văn bản) and write it
    /// into to-chuc.yaml; the form then prints it.
    CapSo(cap_so::Args),
    /// Draft a bulletin article on member development over a period, with its table of figures.
    Bulletin(bulletin::Args),
    /// Import a member or candidate list from a spreadsheet (.xlsx, .ods, .csv): one file per
    /// person, never over an existing one (`--update` changes only the fields the sheet gives).
    Import(import::Args),
    /// The document register (sổ văn bản) of to-chuc.yaml, listed or as a sheet.
    SoVanBan(so_van_ban::Args),
    /// The JSON Schema of the workspace files, for editors with the YAML language server.
    Schema(schema::Args),
    /// A new person's file, with the line that gives editors its schema.
    New(new::Args),
    /// The clerk's desk: a web page on this machine (127.0.0.1) to keep the records, check them
    /// as they are typed and preview the forms.
    Serve(serve::Args),
    /// The desk on the clerk's own workspace (`hoso` in the Documents folder, made on the first
    /// start), in the browser; what `hoso.exe` does when double-clicked.
    Start(start::Args),
    /// Copy the workspace into one dated zip file.
    Backup(backup::Args),
    /// Print the shell's tab-completion script.
    Completions(completions::Args),
}

/// Runs `hoso` with these arguments (the first is the program name) and returns the exit code.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // Explorer starts a double-clicked `hoso.exe` with no arguments: that starts the desk.
    if cfg!(windows) && args.len() == 1 {
        return start::double_clicked(help::lang_of(&args));
    }
    // `--help` speaks the language of the messages, so the language is known before clap parses.
    let command = help::localise(Cli::command(), help::lang_of(&args));
    let parsed = command
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => error::SETUP_FAILED,
            };
        }
    };
    let lang = cli.lang.into();
    let ran = match cli.command {
        Command::Init(a) => init::run(&a, lang),
        Command::List(a) => list::run(&a, lang),
        Command::Forms(a) => forms::run(&a, lang),
        Command::Validate(a) => validate::run(&a, lang),
        Command::Rules(a) => rules::run(&a, lang),
        Command::Due(a) => due::run(&a, lang),
        Command::Render(a) => render::run(&a, lang),
        Command::Dossier(a) => dossier::run(&a, lang),
        Command::Batch(a) => batch::run(&a, lang),
        Command::CapSo(a) => cap_so::run(&a, lang),
        Command::Bulletin(a) => bulletin::run(&a, lang),
        Command::Import(a) => import::run(&a, lang),
        Command::SoVanBan(a) => so_van_ban::run(&a, lang),
        Command::Schema(a) => schema::run(&a, lang),
        Command::New(a) => new::run(&a, lang),
        Command::Serve(a) => serve::run(&a, lang),
        Command::Start(a) => start::run(&a, lang),
        Command::Backup(a) => backup::run(&a, lang),
        Command::Completions(a) => completions::run(&a, lang),
    };
    // The one place where a failure is said and becomes an exit code.
    match ran {
        Ok(()) => 0,
        Err(e) => {
            e.report(lang);
            e.code()
        }
    }
}

/// The names of the commands (`cap-so`, `forms`...): for the tests that look for advice naming
/// one where nobody types commands.
#[cfg(test)]
pub(crate) fn command_names() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
