//! `hoso batch`: every person's dossier and forms, or one ceremony's paperwork, in parallel.

use super::args::{EmitArg, FormatArg, PdfStandardArg, StageArg, parse_date};
use super::out::{Error, Output, emit_stderr, engine_config, print, workspace};
use crate::batch::{self, Outcome};
use crate::diag::{Format, Lang, Setup};
use crate::model::Ngay;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    #[arg(default_value = ".")]
    workspace: PathBuf,
    /// The output folder.
    #[arg(short, long)]
    output: PathBuf,
    /// Parallel jobs (default: all cores), at most 256.
    #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    /// Only people at this stage.
    #[arg(long, value_enum)]
    stage: Option<StageArg>,
    /// Only the people admitted at the ceremony of this day, with the programme and the
    /// decisions (dd/mm/yyyy).
    #[arg(long, value_parser = parse_date)]
    ceremony: Option<Ngay>,
    /// Redo everyone, even when nothing changed.
    #[arg(long)]
    force: bool,
    /// Also write the generated Typst sources and their layout library.
    #[arg(long, value_enum)]
    emit: Option<EmitArg>,
    /// Conform to an archival PDF standard (PDF/A-2b).
    #[arg(long = "pdf-standard", value_enum, value_name = "STANDARD")]
    pdf_standard: Option<PdfStandardArg>,
    #[command(flatten)]
    fonts: super::args::FontArgs,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let format = Format::from(args.format);
    let checked = workspace(&args.workspace, &[Output::Folder(&args.output)], format)?;
    let engine = engine_config(checked.root(), &args.fonts)
        .map_err(|e| e.in_format(format))?
        .with_pdf_standard(args.pdf_standard.map(Into::into))
        .build()
        .map_err(|e| Error::from(e).in_format(format))?;
    let options = batch::Options {
        out: args.output.clone(),
        stage: args.stage.map(Into::into),
        ceremony: args.ceremony,
        force: args.force,
        jobs: args.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            usize::from,
        ),
        emit_typst: args.emit == Some(EmitArg::Typst),
    };
    if options.emit_typst
        && let Err(e) = batch::emit_library(&options.out, engine.renderer().library())
    {
        let detail = e.to_string();
        return Err(Error::from(Setup::CannotWriteLibrary { detail }).in_format(format));
    }
    let total = batch::selected(&checked, &options).len() as u64;
    let progress = super::progress::Progress::new(format);
    progress.counted(lang.pick("Đang làm giấy tờ", "Making the paperwork"), total);
    let tick = |id: &str| progress.step(id);
    let report = batch::run(&checked, &engine, &options, &tick);
    progress.done();
    match format {
        Format::Json => {
            print(&(serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"))?;
        }
        Format::Human => {
            for r in &report.nguoi {
                match &r.outcome {
                    Outcome::Failed { ly_do } => {
                        let label = lang.pick("lỗi", "error");
                        let _ = writeln!(
                            std::io::stderr(),
                            "{label}: {}: {}",
                            r.id,
                            ly_do.message(lang)
                        );
                        // Where each problem stands, as `render` shows it.
                        if let batch::Failure::Document { diagnostics } = ly_do {
                            emit_stderr(diagnostics, lang);
                        }
                    }
                    Outcome::Done { warnings, .. } => emit_stderr(warnings, lang),
                    Outcome::Skipped => {}
                }
            }
            let mut err = std::io::stderr().lock();
            let (done, failed, skipped, s) = (report.xong, report.loi, report.bo_qua, report.giay);
            let _ = writeln!(
                err,
                "{}",
                lang.pick(
                    &format!(
                        "{done} xong, {failed} lỗi, {skipped} bỏ qua (không đổi), {s:.1} giây"
                    ),
                    &format!(
                        "{done} done, {failed} failed, {skipped} skipped (unchanged), {s:.1} s"
                    ),
                )
            );
        }
    }
    if report.loi > 0 {
        Err(Error::DataFailed)
    } else {
        Ok(())
    }
}
