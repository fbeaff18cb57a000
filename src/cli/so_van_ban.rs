//! `hoso so-van-ban`: the document register (sổ đăng ký văn bản) of `to-chuc.yaml`, listed, as
//! CSV or as a clerk's sheet.

use super::args::ListFormatArg;
use super::out::{Error, Output, print, workspace};
use crate::diag::{Format, Lang};
use crate::export::{Cell, Table};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    #[arg(default_value = ".")]
    workspace: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: ListFormatArg,
    /// Also write the register as a clerk's sheet (`.xlsx`, or `.csv`).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let format = match args.format {
        ListFormatArg::Json => Format::Json,
        ListFormatArg::Human | ListFormatArg::Csv => Format::Human,
    };
    let outputs: Vec<Output> = super::sheet::output(args.output.as_deref())
        .into_iter()
        .collect();
    let checked = workspace(&args.workspace, &outputs, format)?;
    let org = checked.org();
    let mut entries: Vec<_> = org.so_van_ban.iter().collect();
    // In the order the documents were issued; a series' numbers in their order on one day.
    entries.sort_by(|a, b| {
        (a.ngay, crate::register::series(a, org), a.so).cmp(&(
            b.ngay,
            crate::register::series(b, org),
            b.so,
        ))
    });
    let name = |id: Option<&str>| -> Option<String> {
        checked.person(id?).and_then(|p| p.nguoi().ho_ten.clone())
    };
    let number =
        |e: &crate::model::SoVanBan| format!("{:02}-{}", e.so, crate::register::series(e, org));
    let table = Table {
        sheet: "Sổ văn bản".into(),
        headers: ["Số", "Ngày", "Mẫu", "Mã", "Họ và tên", "Trích yếu"]
            .iter()
            .map(|h| h.to_string())
            .collect(),
        rows: entries
            .iter()
            .map(|e| {
                vec![
                    Cell::Text(number(e)),
                    Cell::from(e.ngay),
                    Cell::from(e.mau.as_deref()),
                    Cell::from(e.nguoi.as_deref()),
                    Cell::from(name(e.nguoi.as_deref()).as_deref()),
                    Cell::from(e.trich_yeu.as_deref()),
                ]
            })
            .collect(),
    };
    if super::sheet::emit(&table, args.format, args.output.as_deref(), lang)? {
        return Ok(());
    }
    match format {
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Row<'a> {
                so: String,
                ngay: Option<String>,
                mau: Option<&'a str>,
                nguoi: Option<&'a str>,
                ho_ten: Option<String>,
                trich_yeu: Option<&'a str>,
            }
            let rows: Vec<Row> = entries
                .iter()
                .map(|e| Row {
                    so: number(e),
                    ngay: e.ngay.map(|d| d.iso()),
                    mau: e.mau.as_deref(),
                    nguoi: e.nguoi.as_deref(),
                    ho_ten: name(e.nguoi.as_deref()),
                    trich_yeu: e.trich_yeu.as_deref(),
                })
                .collect();
            print(&(serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"))
        }
        Format::Human => {
            let cells: Vec<[String; 4]> = table
                .rows
                .iter()
                .map(|r| {
                    let text = |c: &Cell| match c {
                        Cell::Text(t) => t.clone(),
                        Cell::Date(d) => d.short(),
                        Cell::Number(n) => n.to_string(),
                        Cell::Empty => String::new(),
                    };
                    [text(&r[0]), text(&r[1]), text(&r[2]), text(&r[4])]
                })
                .collect();
            let width = |i: usize, min: usize| {
                cells
                    .iter()
                    .map(|c| c[i].chars().count())
                    .max()
                    .unwrap_or(0)
                    .max(min)
            };
            let (w0, w1, w2) = (width(0, 3), width(1, 4), width(2, 3));
            let mut out = format!(
                "{:w0$}  {:w1$}  {:w2$}  {}\n",
                lang.pick("số", "no."),
                lang.pick("ngày", "date"),
                lang.pick("mẫu", "form"),
                lang.pick("người", "person"),
            );
            for c in &cells {
                out.push_str(&format!(
                    "{:w0$}  {:w1$}  {:w2$}  {}\n",
                    c[0], c[1], c[2], c[3]
                ));
            }
            print(&out)
        }
    }
}
