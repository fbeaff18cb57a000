//! `hoso render`: one form, filled for a checked person or blank, typeset to PDF.

use super::args::PdfStandardArg;
use super::out::{
    Error, Output, checked_person, emit_stderr, engine_config, find_form, workspace, write_output,
};
use crate::diag::{Format, Lang};
use crate::render::Subject;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The form code: 6-KNĐ (6-KND and 6 are accepted too).
    form: String,
    /// The person's id (file name without .yaml); not needed with --blank.
    #[arg(required_unless_present = "blank")]
    person: Option<String>,
    /// The workspace folder.
    #[arg(short, long, default_value = ".")]
    workspace: PathBuf,
    /// The PDF to write.
    #[arg(short, long)]
    output: PathBuf,
    /// Also write the generated Typst source here (with the layout library beside it).
    #[arg(long, value_name = "OUT.typ")]
    typst: Option<PathBuf>,
    /// The blank form, for handwriting.
    #[arg(long, conflicts_with = "person")]
    blank: bool,
    /// Conform to an archival PDF standard (PDF/A-2b).
    #[arg(long = "pdf-standard", value_enum, value_name = "STANDARD")]
    pdf_standard: Option<PdfStandardArg>,
    #[command(flatten)]
    fonts: super::args::FontArgs,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let form = find_form(&args.form)?;
    let mut outputs = vec![Output::File(&args.output, &["pdf"])];
    let library = args
        .typst
        .as_ref()
        .map(|path| path.with_file_name(crate::render::LIBRARY_NAME));
    if let (Some(path), Some(library)) = (&args.typst, &library) {
        outputs.push(Output::File(path, &["typ"]));
        outputs.push(Output::File(library, &["typ"]));
    }
    let checked = workspace(&args.workspace, &outputs, Format::Human)?;
    let subject = if args.blank {
        Subject::Blank(&checked)
    } else {
        let id = args.person.as_deref().unwrap_or_default();
        Subject::Filled(checked_person(&checked, id, lang)?)
    };
    let engine = engine_config(checked.root(), &args.fonts)?
        .with_pdf_standard(args.pdf_standard.map(Into::into))
        .build()?;
    // The source is written before it is typeset: it is what to look at when Typst fails.
    let source = engine.renderer().render(form, subject)?;
    if let (Some(path), Some(library)) = (&args.typst, &library) {
        write_output(path, source.text.as_bytes())?;
        write_output(library, source.library.as_bytes())?;
    }
    let (warnings, typeset) =
        crate::typeset::source_to(engine.typesetter(), source, crate::typeset::Export::Pdf).split();
    emit_stderr(&warnings, lang);
    write_output(&args.output, &typeset?.output.into_bytes())
}
