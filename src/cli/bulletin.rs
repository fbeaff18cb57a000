//! `hoso bulletin`: an article draft on member development over a period.

use super::out::{Error, Output, emit_stderr, engine_config, workspace, write_output};
use crate::bulletin::{self, BulletinError, article::Templates};
use crate::diag::{Format, Lang, Setup};
use crate::model::Ngay;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    #[arg(default_value = ".")]
    workspace: PathBuf,
    /// First day of the period: 01/01/2021 or 2021-01-01.
    #[arg(long, value_parser = super::args::parse_date)]
    from: Ngay,
    /// Last day of the period.
    #[arg(long, value_parser = super::args::parse_date)]
    to: Ngay,
    /// One unit only: an id of `cac_chi_bo` or `cac_dang_bo_co_so` in to-chuc.yaml.
    #[arg(long)]
    branch: Option<String>,
    /// The article template: tin-ngan (short news), tong-hop (longer report), or the workspace's own.
    #[arg(long, default_value = crate::bulletin::DEFAULT_TEMPLATE)]
    template: String,
    /// The article to write: OUT.md, OUT.html, OUT.pdf or OUT.docx.
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    fonts: super::args::FontArgs,
}

/// The formats an article can be written in, from the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArticleFormat {
    Markdown,
    Html,
    Pdf,
    Docx,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let extension = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let format = match extension.as_deref() {
        Some("md") => ArticleFormat::Markdown,
        Some("html" | "htm") => ArticleFormat::Html,
        Some("pdf") => ArticleFormat::Pdf,
        Some("docx") => ArticleFormat::Docx,
        _ => {
            let path = args.output.clone();
            return Err(Setup::UnknownArticleFormat { path }.into());
        }
    };
    let extensions = &["md", "html", "htm", "pdf", "docx"];
    let outputs = [Output::File(&args.output, extensions)];
    let checked = workspace(&args.workspace, &outputs, Format::Human)?;
    // The article needs sound records: every problem of the workspace is shown, and errors stop it.
    emit_stderr(checked.diagnostics(), lang);
    if checked.has_errors() {
        return Err(Setup::ArticleNeedsSoundRecords.into());
    }

    let templates = Templates::load(checked.root()).map_err(BulletinError::from)?;
    let request = bulletin::Request {
        from: args.from,
        to: args.to,
        branch: args.branch.as_deref(),
        template: &args.template,
    };
    let draft = bulletin::draft(&checked, &templates, &request)?;
    {
        let mut err = std::io::stderr().lock();
        for w in &draft.warnings {
            let _ = writeln!(
                err,
                "{}: {}",
                lang.pick("cảnh báo", "warning"),
                w.message(lang)
            );
            let _ = writeln!(err, "{}: {}", lang.pick("gợi ý", "hint"), w.hint(lang));
        }
    }

    let bytes =
        match format {
            ArticleFormat::Markdown => draft.markdown.clone().into_bytes(),
            ArticleFormat::Html => bulletin::markdown::to_html(&draft.markdown).into_bytes(),
            ArticleFormat::Docx => bulletin::docx::to_docx(&draft.markdown, &draft.headline)
                .map_err(|e| Setup::ArticleNotWritten {
                    detail: e.to_string(),
                })?,
            ArticleFormat::Pdf => {
                let source = bulletin::typst_source(&draft, &templates);
                let typesetter = engine_config(checked.root(), &args.fonts)?.typesetter();
                let (warnings, typeset) =
                    crate::typeset::source_to(&typesetter, source, crate::typeset::Export::Pdf)
                        .split();
                emit_stderr(&warnings, lang);
                typeset?.output.into_bytes()
            }
        };
    write_output(&args.output, &bytes)
}
