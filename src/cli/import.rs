//! `hoso import`: a member or candidate list from a spreadsheet, one file per person.

use super::out::{Error, say, workspace};
use super::progress::Progress;
use crate::diag::{Format, Lang, Setup, Severity};
use crate::import::{self, Action, SheetError};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The list: `.xlsx`, `.ods`, `.xls` or `.csv`, one person a row, Vietnamese headers on the
    /// first row ("Họ và tên", "Ngày sinh", "Giới tính", "Quê quán", "Ngày vào Đảng", ...).
    file: PathBuf,
    /// The workspace to import into; a new or empty folder becomes a new workspace.
    #[arg(short, long, default_value = ".")]
    workspace: PathBuf,
    /// The sheet to read (default: the first).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// Show what would be written, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Change, in the files of people already there, the fields the sheet gives (and only
    /// those; comments and every other value are kept).
    #[arg(long)]
    update: bool,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    // A sheet of many thousand rows takes minutes: each stage says what it is doing.
    let progress = Progress::new(Format::Human);
    let name = args.file.display().to_string();
    let name = crate::model::chars::printable(&name);
    progress.stage(&match lang {
        Lang::Vi => format!("Đang đọc bảng tính {name}"),
        Lang::En => format!("Reading the sheet {name}"),
    });
    let grid = import::sheet::read(&args.file, args.sheet.as_deref())
        .map_err(|e| sheet_failed(&args.file, e, lang))?;
    let root = &args.workspace;
    let existing = root.join("to-chuc.yaml").is_file();
    if !existing
        && root.exists()
        && std::fs::read_dir(root).map_or(true, |mut d| d.next().is_some())
    {
        return Err(Setup::NotAWorkspace { path: root.clone() }.into());
    }
    let source = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let load = || -> Result<_, Error> {
        let checked = match existing {
            true => {
                progress.stage(lang.pick(
                    "Đang đọc và kiểm tra hồ sơ trong thư mục",
                    "Reading and checking the workspace's records",
                ));
                Some(workspace(root, &[], Format::Human)?)
            }
            false => None,
        };
        progress.stage(&match lang {
            Lang::Vi => format!("Đang xem {} dòng của bảng tính", grid.rows.len()),
            Lang::En => format!("Going through the sheet's {} rows", grid.rows.len()),
        });
        Ok(checked)
    };
    let sheet = import::Import {
        grid: &grid,
        root,
        source: &source,
        update: args.update,
    };
    let mut prepared = sheet.prepare(!args.dry_run, load).map_err(|e| match e {
        import::Unprepared::Load(e) => e,
        import::Unprepared::Lock(e) => write_failed(root, &e, lang),
    })?;
    progress.done();
    let plan = &prepared.plan;
    for p in &plan.problems {
        let label = match p.severity {
            Severity::Error => lang.pick("lỗi", "error"),
            Severity::Warning => lang.pick("cảnh báo", "warning"),
        };
        let line = format!(
            "{label}[{}]: {}: {}: {}",
            p.code(),
            args.file.display(),
            p.place(lang),
            p.message(lang)
        );
        eprintln!("{}", crate::model::chars::printable(&line));
    }
    let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
    let mut report = String::new();
    if let Some((path, _)) = &plan.new_org {
        report.push_str(&format!("+ {}\n", rel(path)));
    }
    for a in &plan.actions {
        match a {
            Action::Create { path, row, .. } => {
                report.push_str(&format!(
                    "+ {}  ({} {row})\n",
                    rel(path),
                    lang.pick("dòng", "row")
                ));
            }
            Action::Update {
                path, row, changes, ..
            } => {
                report.push_str(&format!(
                    "~ {}  ({} {row})\n",
                    rel(path),
                    lang.pick("dòng", "row")
                ));
                for (key, old, new) in changes {
                    report.push_str(&format!(
                        "    {key}: {} → {new}\n",
                        old.as_deref().unwrap_or("—")
                    ));
                }
            }
            Action::Keep { .. } => {}
        }
    }
    let mut had_refusals = false;
    if args.dry_run {
        super::out::print(&report)?;
    } else {
        // The writer is let go once the plan is written: the check below reads only.
        if prepared.writes() {
            progress.counted(
                lang.pick("Đang ghi hồ sơ", "Writing the records"),
                prepared.plan.files_to_write() as u64,
            );
            let written_one = |p: &Path| progress.step(&rel(p));
            let applied = prepared.write(&written_one);
            progress.done();
            let applied = applied.map_err(|e| match e {
                import::ApplyError::Write(e) => write_failed(root, &e, lang),
                e @ import::ApplyError::Edit { .. } => {
                    let detail = e.to_string();
                    let path = e.path().map_or(root.clone(), Path::to_path_buf);
                    Setup::CannotWrite { path, detail }.into()
                }
            })?;
            for e in &applied.not_created {
                let label = lang.pick("lỗi", "error");
                eprintln!("{label}[cannot-write]: {}", e.message(lang));
            }
            had_refusals = !applied.not_created.is_empty();
        }
        eprint!("{}", crate::model::chars::printable(&report));
    }
    let plan = &prepared.plan;
    let import::Counts {
        created,
        updated,
        kept,
        differ,
        rows_kept_out,
    } = plan.counts();
    let would = if args.dry_run {
        lang.pick("sẽ ", "would be ")
    } else {
        ""
    };
    say(
        lang,
        &format!(
            "{would}tạo {created} hồ sơ, {would}cập nhật {updated}; {kept} người đã có giữ nguyên{}; {} dòng không nhập",
            if differ > 0 && !args.update {
                format!(" ({differ} khác bảng tính: thêm `--update` để cập nhật)")
            } else {
                String::new()
            },
            rows_kept_out
        ),
        &format!(
            "{created} files {would}created, {updated} {would}updated; {kept} people already there left as they are{}; {} rows not imported",
            if differ > 0 && !args.update {
                format!(" ({differ} differ from the sheet: add `--update` to update them)")
            } else {
                String::new()
            },
            rows_kept_out
        ),
    );
    let kept_out = if plan.has_errors() || had_refusals {
        Err(Error::DataFailed)
    } else {
        Ok(())
    };
    if !plan.skipped.is_empty() {
        let rows: Vec<String> = plan.skipped.iter().map(|s| s.describe(lang)).collect();
        let rows = rows.join(", ");
        say(
            lang,
            &format!("bỏ qua: {rows}"),
            &format!("read past: {rows}"),
        );
    }
    if args.dry_run {
        return kept_out;
    }
    if prepared.workspace.is_none() && plan.new_org.is_none() {
        // Nobody to write into a new workspace: nothing was written, not even its organisation.
        return kept_out;
    }
    // The imported workspace is checked at once, as `hoso validate` would.
    progress.stage(lang.pick("Đang kiểm tra hồ sơ", "Checking the records"));
    let checked = workspace(root, &[], Format::Human)?;
    progress.done();
    let all = checked.diagnostics();
    let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = all.len() - errors;
    say(
        lang,
        &format!(
            "kiểm tra: {} hồ sơ, {errors} lỗi, {warnings} cảnh báo{}",
            checked.people().len(),
            if all.is_empty() {
                ""
            } else {
                "; chạy `hoso validate` để xem"
            }
        ),
        &format!(
            "checked: {} records, {errors} errors, {warnings} warnings{}",
            checked.people().len(),
            if all.is_empty() {
                ""
            } else {
                "; run `hoso validate` to see them"
            }
        ),
    );
    kept_out
}

/// A refusal of the workspace's writer, as the clerk reads it.
fn write_failed(root: &Path, e: &crate::store::WriteError, lang: Lang) -> Error {
    let path = e.path().map_or(root.to_path_buf(), Path::to_path_buf);
    let detail = e.message(lang);
    Setup::CannotWrite { path, detail }.into()
}

fn sheet_failed(path: &Path, e: SheetError, lang: Lang) -> Error {
    Setup::CannotRead {
        path: path.to_path_buf(),
        detail: e.message(lang),
    }
    .into()
}
