//! `hoso list`: the people of a workspace with their stage.

use super::args::ListFormatArg;
use super::out::{Error, Output, print, say, workspace};
use crate::diag::{Format, Lang};
use crate::export::{Cell, Table};
use crate::validate::{CheckedWorkspace, Person};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    #[arg(default_value = ".")]
    workspace: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: ListFormatArg,
    /// Also write the list as a clerk's sheet (`.xlsx`, or `.csv`): Vietnamese headers, dates as
    /// dates, names in Vietnamese order.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
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

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let format = match args.format {
        ListFormatArg::Json => Format::Json,
        ListFormatArg::Human | ListFormatArg::Csv => Format::Human,
    };
    let outputs: Vec<Output> = super::sheet::output(args.output.as_deref())
        .into_iter()
        .collect();
    let checked = workspace(&args.workspace, &outputs, format)?;
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
    let table = table(&checked, lang);
    if super::sheet::emit(&table, args.format, args.output.as_deref(), lang)? {
        return Ok(());
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

/// The list as a clerk's sheet, in Vietnamese order of names.
fn table(checked: &CheckedWorkspace, lang: Lang) -> Table {
    let mut people: Vec<Person> = checked.people().collect();
    crate::collate::sort_people(&mut people, |p| (p.nguoi().ho_ten.as_deref(), p.id()));
    let ws = checked.workspace();
    let branch = |p: &Person| -> Option<String> {
        match ws.branch_of(p.nguoi()) {
            Some(id) => Some(ws.branch(id).map_or(id.to_string(), |b| b.ten.clone())),
            None => checked.org().chi_bo.clone(),
        }
    };
    let headers = [
        "Mã",
        "Họ và tên",
        "Giới tính",
        "Ngày sinh",
        "Quê quán",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Chi bộ",
        "Giai đoạn",
    ];
    let rows = people
        .iter()
        .map(|p| {
            let n = p.nguoi();
            vec![
                Cell::Text(p.id().to_string()),
                Cell::from(n.ho_ten.as_deref()),
                n.gioi_tinh
                    .map_or(Cell::Empty, |g| Cell::Text(g.to_string())),
                Cell::from(n.ngay_sinh),
                Cell::from(n.que_quan.as_deref()),
                Cell::from(n.ngay_ket_nap()),
                Cell::from(p.full_membership_date()),
                Cell::from(branch(p).as_deref()),
                Cell::Text(p.stage().label(lang).to_string()),
            ]
        })
        .collect();
    Table {
        sheet: "Danh sách".into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}
