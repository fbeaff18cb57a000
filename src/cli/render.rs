//! `hoso render`: one form, filled for a checked person or blank, typeset to PDF.

use super::args::PdfStandardArg;
use super::out::{
    DATA_FAILED, check_output, checked_person, checked_workspace, find_form, render_failed,
    setup_failed, write_output,
};
use crate::diag::{Format, Lang, Setup};
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

pub fn run(args: &Args, lang: Lang) -> i32 {
    let form = match find_form(&args.form, lang) {
        Ok(f) => f,
        Err(c) => return c,
    };
    let checked = match checked_workspace(&args.workspace, Format::Human, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let root = Some(checked.root());
    if let Err(code) = check_output(&args.output, &["pdf"], root, lang) {
        return code;
    }
    if let Some(path) = &args.typst {
        let lib = path.with_file_name(crate::render::LIBRARY_NAME);
        for p in [path, &lib] {
            if let Err(code) = check_output(p, &["typ"], root, lang) {
                return code;
            }
        }
    }
    let subject = if args.blank {
        Subject::Blank(&checked)
    } else {
        let id = args.person.as_deref().unwrap_or_default();
        match checked_person(&checked, id, lang) {
            Ok(person) => Subject::Filled(person),
            Err(code) => return code,
        }
    };
    let config = match super::out::engine_config(checked.root(), &args.fonts, lang) {
        Ok(c) => c.with_pdf_standard(args.pdf_standard.map(Into::into)),
        Err(code) => return code,
    };
    let engine = match config.build() {
        Ok(e) => e,
        Err(e) => return render_failed(e, lang),
    };
    let source = match engine.renderer().render(form, subject) {
        Ok(s) => s,
        Err(e) => return render_failed(e, lang),
    };
    if let Some(path) = &args.typst {
        let lib = path.with_file_name(crate::render::LIBRARY_NAME);
        if let Err(e) = crate::output::write_atomic(path, source.text.as_bytes())
            .and_then(|()| crate::output::write_atomic(&lib, source.library.as_bytes()))
        {
            let setup = Setup::CannotWrite {
                path: path.clone(),
                detail: e.to_string(),
            };
            return setup_failed(setup, Format::Human, lang);
        }
    }

    let typesetter = engine.typesetter();
    let date = source.date.map(|d| d.0);
    let pdf = typesetter.compile(&source, date).and_then(|compiled| {
        for w in &compiled.warnings {
            eprintln!("{w}");
        }
        typesetter.pdf(&compiled, &source.name, date)
    });
    let pdf = match pdf {
        Ok(bytes) => bytes,
        Err(e) => {
            let setup = Setup::TypesetFailed {
                what: lang.pick("mẫu", "form").to_string() + " " + &form.ma,
                detail: e.to_string(),
            };
            setup_failed(setup, Format::Human, lang);
            return DATA_FAILED;
        }
    };
    match write_output(&args.output, &pdf, lang) {
        Ok(()) => 0,
        Err(code) => code,
    }
}
