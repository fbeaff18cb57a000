//! `hoso due`: the time limits overdue or falling due, listed and as an iCalendar file.

use super::args::{FormatArg, parse_date};
use super::out::{check_output, checked_workspace, emit_stderr, print, today, write_output};
use crate::diag::{Format, Lang};
use crate::model::Ngay;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    #[arg(default_value = ".")]
    workspace: PathBuf,
    /// The day to count from (default: today).
    #[arg(long, value_parser = parse_date)]
    on: Option<Ngay>,
    /// Show what falls due within this many days (overdue items are always shown).
    #[arg(long, default_value_t = 30, value_name = "DAYS")]
    within: u32,
    /// Also write the listed time limits as an iCalendar file.
    #[arg(long, value_name = "FILE")]
    ics: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
}

pub fn run(args: &Args, lang: Lang) -> i32 {
    let (format, within) = (Format::from(args.format), args.within);
    let checked = match checked_workspace(&args.workspace, format, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Some(path) = &args.ics
        && let Err(code) = check_output(path, &["ics"], Some(checked.root()), lang)
    {
        return code;
    }
    let on = args.on.unwrap_or_else(today);
    // A faulty own rule is not applied (the regulation's value is): say so, and go on.
    let problems = crate::validate::check_local_rules(checked.workspace());
    if !problems.is_empty() {
        emit_stderr(&problems, lang);
    }
    let all = crate::due::items(&checked);
    let selected = crate::due::select(&all, on, within);
    if let Some(path) = &args.ics {
        let items: Vec<_> = selected.iter().map(|(i, _)| i.clone()).collect();
        let text = crate::due::ics(&items, lang);
        if let Err(code) = write_output(path, text.as_bytes(), lang) {
            return code;
        }
    }
    match format {
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Row<'a> {
                #[serde(flatten)]
                item: &'a crate::due::DueItem,
                ma: &'static str,
                viec_mo_ta: &'static str,
                con_ngay: i64,
                qua_han: bool,
            }
            let rows: Vec<Row> = selected
                .iter()
                .map(|(item, left)| Row {
                    item,
                    ma: item.viec.code(),
                    viec_mo_ta: item.viec.label(lang),
                    con_ngay: *left,
                    qua_han: *left < 0,
                })
                .collect();
            print(&(serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"))
        }
        Format::Human => {
            let mut out = String::new();
            let id_w = selected
                .iter()
                .map(|(i, _)| i.nguoi.chars().count())
                .max()
                .unwrap_or(0);
            for (item, left) in &selected {
                let status = match *left {
                    l if l < 0 => lang
                        .pick("quá hạn {} ngày", "{} days overdue")
                        .replace("{}", &(-l).to_string()),
                    0 => lang.pick("hôm nay", "today").to_string(),
                    l => lang
                        .pick("còn {} ngày", "{} days left")
                        .replace("{}", &l.to_string()),
                };
                out.push_str(&format!(
                    "{}  {:16}  {:id_w$}  {}: {} ({})\n",
                    item.han.short(),
                    status,
                    item.nguoi,
                    item.ho_ten.as_deref().unwrap_or("?"),
                    item.viec.label(lang),
                    item.quy_tac
                ));
            }
            eprintln!(
                "{}",
                lang.pick(
                    &format!(
                        "{} việc quá hạn hoặc đến hạn trong {within} ngày kể từ {}",
                        selected.len(),
                        on.short()
                    ),
                    &format!(
                        "{} items overdue or due within {within} days of {}",
                        selected.len(),
                        on.short()
                    ),
                )
            );
            print(&out)
        }
    }
}
