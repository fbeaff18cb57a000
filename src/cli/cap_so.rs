//! `hoso cap-so`: the next free number of the register for a person's document.

use super::out::{
    DATA_FAILED, checked_person, checked_workspace, find_form, print, say, setup_failed,
};
use crate::diag::{Format, Lang, Setup};
use crate::register::{IssueError, Issued};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The form code: 6-KNĐ, 13-KNĐ, ...
    form: String,
    /// The person's id.
    person: String,
    /// The workspace folder.
    #[arg(short, long, default_value = ".")]
    workspace: PathBuf,
}

pub fn run(args: &Args, lang: Lang) -> i32 {
    let form = match find_form(&args.form, lang) {
        Ok(f) => f,
        Err(c) => return c,
    };
    let checked = match checked_workspace(&args.workspace, Format::Human, lang) {
        Ok(c) => c,
        Err(c) => return c,
    };
    let person = match checked_person(&checked, &args.person, lang) {
        Ok(c) => c,
        Err(c) => return c,
    };
    match person.issue_number(form) {
        Ok(Issued::AlreadyRegistered { number }) => {
            let code = print(&format!("Số {number}\n"));
            say(
                lang,
                "số này đã có trong sổ văn bản; không ghi thêm",
                "the register already has this number; nothing written",
            );
            code
        }
        Ok(Issued::Recorded { number, field }) => {
            let code = print(&format!("Số {number}\n"));
            say(
                lang,
                &format!("hồ sơ đã ghi số của văn bản này (`{field}`); không cấp số mới"),
                &format!(
                    "the record already holds this document's number (`{field}`); no new number"
                ),
            );
            code
        }
        Ok(Issued::New { number, path }) => {
            let code = print(&format!("Số {number}\n"));
            let p = path.display();
            say(
                lang,
                &format!("đã ghi vào sổ văn bản ({p})"),
                &format!("written into the register ({p})"),
            );
            code
        }
        Err(IssueError::NotNumbered) => {
            let form = form.ma.clone();
            setup_failed(Setup::FormHasNoNumber { form }, Format::Human, lang);
            DATA_FAILED
        }
        Err(IssueError::Undated { field }) => {
            let form = form.ma.clone();
            setup_failed(Setup::DocumentUndated { form, field }, Format::Human, lang);
            DATA_FAILED
        }
        Err(IssueError::NotWritten { path, detail }) => setup_failed(
            Setup::RegisterNotWritten { path, detail },
            Format::Human,
            lang,
        ),
    }
}
