//! `hoso dossier`: a person's dossier, typeset and assembled into one PDF.

use super::args::{KindArg, PdfStandardArg};
use super::out::{
    DATA_FAILED, check_output, checked_person, checked_workspace, render_failed, say, setup_failed,
    write_output,
};
use crate::diag::{Format, Lang, Setup};
use crate::dossier::{self, DossierError};
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

pub fn run(args: &Args, lang: Lang) -> i32 {
    let checked = match checked_workspace(&args.workspace, Format::Human, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Err(code) = check_output(&args.output, &["pdf"], Some(checked.root()), lang) {
        return code;
    }
    let person = match checked_person(&checked, &args.person, lang) {
        Ok(c) => c,
        Err(c) => return c,
    };
    let config = match super::out::engine_config(checked.root(), &args.fonts, lang) {
        Ok(c) => c.with_pdf_standard(args.pdf_standard.map(Into::into)),
        Err(code) => return code,
    };
    let engine = match config.build() {
        Ok(e) => e,
        Err(e) => return render_failed(e, lang),
    };
    let plan = match args.kind {
        Some(kind) => person.plan_of(kind.into()),
        None => person.plan(),
    };
    let built = match dossier::build(&engine, person, &plan) {
        Ok(b) => b,
        Err(DossierError::Render(e)) => return render_failed(e, lang),
        Err(e) => {
            let setup = Setup::DossierFailed {
                detail: e.to_string(),
            };
            setup_failed(setup, Format::Human, lang);
            return DATA_FAILED;
        }
    };
    if let Err(code) = write_output(&args.output, &built.pdf, lang) {
        return code;
    }
    let pages: usize = built.parts.iter().map(|p| p.pages).sum();
    let (name, documents) = (&plan.dossier.ten, built.parts.len());
    say(
        lang,
        &format!("{name}: {documents} tài liệu, {pages} trang"),
        &format!("{name}: {documents} documents, {pages} pages"),
    );
    0
}
