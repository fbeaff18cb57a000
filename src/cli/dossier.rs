//! `hoso dossier`: a person's dossier, typeset and assembled into one PDF.

use super::args::{KindArg, PdfStandardArg};
use super::out::{
    Error, Output, checked_person, emit_stderr, engine_config, say, workspace, write_output,
};
use crate::diag::{Format, Lang};
use crate::dossier;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person's id.
    person: String,
    /// The workspace folder.
    #[arg(short, long, default_value = ".")]
    workspace: PathBuf,
    /// The PDF to write.
    #[arg(short, long)]
    output: PathBuf,
    /// Which dossier (default: the one the person's stage calls for).
    #[arg(long = "ho-so", value_enum)]
    kind: Option<KindArg>,
    /// Conform to an archival PDF standard (PDF/A-2b).
    #[arg(long = "pdf-standard", value_enum, value_name = "STANDARD")]
    pdf_standard: Option<PdfStandardArg>,
    #[command(flatten)]
    fonts: super::args::FontArgs,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let outputs = [Output::File(&args.output, &["pdf"])];
    let checked = workspace(&args.workspace, &outputs, Format::Human)?;
    let person = checked_person(&checked, &args.person, lang)?;
    let engine = engine_config(checked.root(), &args.fonts)?
        .with_pdf_standard(args.pdf_standard.map(Into::into))
        .build()?;
    let plan = match args.kind {
        Some(kind) => person.plan_of(kind.into()),
        None => person.plan(),
    };
    let (warnings, built) = dossier::build(&engine, person, &plan).split();
    emit_stderr(&warnings, lang);
    let built = built?;
    write_output(&args.output, &built.pdf)?;
    let pages: usize = built.parts.iter().map(|p| p.pages).sum();
    let (name, documents) = (&plan.dossier.ten, built.parts.len());
    say(
        lang,
        &format!("{name}: {documents} tài liệu, {pages} trang"),
        &format!("{name}: {documents} documents, {pages} pages"),
    );
    Ok(())
}
