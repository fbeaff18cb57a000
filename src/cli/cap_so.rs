//! `hoso cap-so`: the next free number of the register for a person's document.

use super::out::{Error, checked_person, find_form, print, say, workspace};
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

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let form = find_form(&args.form)?;
    let checked = workspace(&args.workspace, &[], Format::Human)?;
    let person = checked_person(&checked, &args.person, lang)?;
    match person.issue_number(form) {
        Ok(Issued::AlreadyRegistered { number }) => {
            print(&format!("Số {number}\n"))?;
            say(
                lang,
                "số này đã có trong sổ văn bản; không ghi thêm",
                "the register already has this number; nothing written",
            );
        }
        Ok(Issued::Recorded { number, field }) => {
            print(&format!("Số {number}\n"))?;
            say(
                lang,
                &format!("hồ sơ đã ghi số của văn bản này (`{field}`); không cấp số mới"),
                &format!(
                    "the record already holds this document's number (`{field}`); no new number"
                ),
            );
        }
        Ok(Issued::New { number, path }) => {
            print(&format!("Số {number}\n"))?;
            let p = path.display();
            say(
                lang,
                &format!("đã ghi vào sổ văn bản ({p})"),
                &format!("written into the register ({p})"),
            );
        }
        Err(IssueError::NotNumbered) => {
            let form = form.ma.clone();
            return Err(Setup::FormHasNoNumber { form }.into());
        }
        Err(IssueError::Undated { field }) => {
            let form = form.ma.clone();
            return Err(Setup::DocumentUndated { form, field }.into());
        }
        Err(IssueError::NotWritten { path, why }) => {
            return Err(Setup::RegisterNotWritten { path, why }.into());
        }
    }
    Ok(())
}
