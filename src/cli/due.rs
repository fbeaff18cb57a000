//! `hoso due`: the time limits overdue or falling due, listed and as an iCalendar file.

use super::args::{ListFormatArg, parse_date};
use super::out::{Error, Output, emit_stderr, print, today, workspace, write_output};
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
    format: ListFormatArg,
    /// Also write the list as a clerk's sheet (`.xlsx`, or `.csv`): Vietnamese headers, dates as
    /// dates; by date, then names in Vietnamese order.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let within = args.within;
    let format = match args.format {
        ListFormatArg::Json => Format::Json,
        ListFormatArg::Human | ListFormatArg::Csv => Format::Human,
    };
    let mut outputs: Vec<Output> = super::sheet::output(args.output.as_deref())
        .into_iter()
        .collect();
    if let Some(path) = &args.ics {
        outputs.push(Output::File(path, &["ics"]));
    }
    let checked = workspace(&args.workspace, &outputs, format)?;
    let on = args.on.unwrap_or_else(today);
    // A faulty own rule is not applied (the regulation's value is): say so, and go on.
    let problems = crate::validate::check_local_rules(checked.workspace());
    emit_stderr(&problems, lang);
    let all = crate::due::items(&checked);
    let selected = crate::due::select(&all, on, within);
    if let Some(path) = &args.ics {
        let items: Vec<_> = selected.iter().map(|(i, _)| i.clone()).collect();
        let text = crate::due::ics(&items, lang);
        write_output(path, text.as_bytes())?;
    }
    if super::sheet::emit(
        &table(&selected, lang),
        args.format,
        args.output.as_deref(),
        lang,
    )? {
        return Ok(());
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

/// The time limits as a clerk's sheet: by last day, then names in Vietnamese order.
fn table(selected: &[(crate::due::DueItem, i64)], lang: Lang) -> crate::export::Table {
    use crate::export::Cell;
    let mut items: Vec<&(crate::due::DueItem, i64)> = selected.iter().collect();
    items.sort_by(|(a, _), (b, _)| {
        a.han.cmp(&b.han).then_with(|| {
            crate::collate::compare_people(
                (a.ho_ten.as_deref(), &a.nguoi),
                (b.ho_ten.as_deref(), &b.nguoi),
            )
        })
    });
    let headers = [
        "Hạn",
        "Còn ngày",
        "Mã",
        "Họ và tên",
        "Việc",
        "Tính từ ngày",
        "Quy tắc",
        "Căn cứ",
    ];
    crate::export::Table {
        sheet: "Đến hạn".into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: items
            .iter()
            .map(|(item, left)| {
                vec![
                    Cell::Date(item.han),
                    Cell::Number(*left),
                    Cell::Text(item.nguoi.clone()),
                    Cell::from(item.ho_ten.as_deref()),
                    Cell::Text(item.viec.label(lang).to_string()),
                    Cell::Date(item.tu_ngay),
                    Cell::Text(item.quy_tac.clone()),
                    Cell::Text(item.can_cu.clone()),
                ]
            })
            .collect(),
    }
}
