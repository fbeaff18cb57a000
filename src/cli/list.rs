//! `hoso list`: the people of a workspace with their stage.

use super::args::FormatArg;
use super::out::{checked_workspace, print, say};
use crate::diag::{Format, Lang};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    #[arg(default_value = ".")]
    workspace: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    ho_ten: Option<&'a str>,
    giai_doan: &'static str,
    thu_muc: &'static str,
    #[serde(skip)]
    label: &'static str,
}

pub fn run(args: &Args, lang: Lang) -> i32 {
    let format = Format::from(args.format);
    let checked = match checked_workspace(&args.workspace, format, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let rows: Vec<Row> = checked
        .people()
        .map(|p| Row {
            id: p.id(),
            ho_ten: p.nguoi().ho_ten.as_deref(),
            giai_doan: p.stage().id(),
            thu_muc: p.record().folder.dir(),
            label: p.stage().label(lang),
        })
        .collect();
    // Problems of reading the files; the rules are `validate`'s business.
    let load_problems = checked.read_diagnostics().len();
    if load_problems > 0 {
        say(
            lang,
            &format!("cảnh báo: {load_problems} vấn đề khi đọc hồ sơ; chạy `hoso validate` để xem"),
            &format!(
                "warning: {load_problems} problems while reading; run `hoso validate` to see them"
            ),
        );
    }
    match format {
        Format::Json => print(&(serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n")),
        Format::Human => {
            let id_w = rows
                .iter()
                .map(|r| r.id.chars().count())
                .max()
                .unwrap_or(2)
                .max(2);
            let name_w = rows
                .iter()
                .map(|r| r.ho_ten.unwrap_or("").chars().count())
                .max()
                .unwrap_or(6)
                .max(6);
            let mut out = format!(
                "{:id_w$}  {:name_w$}  {}\n",
                "id",
                lang.pick("họ tên", "name"),
                lang.pick("giai đoạn", "stage")
            );
            for row in &rows {
                out.push_str(&format!(
                    "{:id_w$}  {:name_w$}  {}\n",
                    row.id,
                    row.ho_ten.unwrap_or("?"),
                    row.label
                ));
            }
            print(&out)
        }
    }
}
