//! `hoso bulletin`: an article draft on member development over a period.

use super::out::{
    DATA_FAILED, SETUP_FAILED, check_output, checked_workspace, emit_stderr, setup_failed,
    write_output,
};
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

pub fn run(args: &Args, lang: Lang) -> i32 {
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
            return setup_failed(Setup::UnknownArticleFormat { path }, Format::Human, lang);
        }
    };
    let checked = match checked_workspace(&args.workspace, Format::Human, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let extensions = &["md", "html", "htm", "pdf", "docx"];
    if let Err(code) = check_output(&args.output, extensions, Some(checked.root()), lang) {
        return code;
    }
    // The article needs sound records: every problem of the workspace is shown, and errors stop it.
    let diagnostics = checked.diagnostics();
    if !diagnostics.is_empty() {
        emit_stderr(diagnostics, lang);
    }
    if checked.has_errors() {
        setup_failed(Setup::ArticleNeedsSoundRecords, Format::Human, lang);
        return DATA_FAILED;
    }

    let fail = |e: BulletinError| {
        let hint = e.hint(lang);
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{}: {}", lang.pick("lỗi", "error"), e.message(lang));
        if let Some(h) = hint {
            let _ = writeln!(err, "{}: {h}", lang.pick("gợi ý", "hint"));
        }
        match e {
            BulletinError::Template(bulletin::article::TemplateError::Broken { .. }) => DATA_FAILED,
            _ => SETUP_FAILED,
        }
    };
    let templates = match Templates::load(checked.root()) {
        Ok(t) => t,
        Err(e) => return fail(e.into()),
    };
    let request = bulletin::Request {
        from: args.from,
        to: args.to,
        branch: args.branch.as_deref(),
        template: &args.template,
    };
    let draft = match bulletin::draft(&checked, &templates, &request) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
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

    let bytes = match format {
        ArticleFormat::Markdown => draft.markdown.clone().into_bytes(),
        ArticleFormat::Html => bulletin::markdown::to_html(&draft.markdown).into_bytes(),
        ArticleFormat::Docx => match bulletin::docx::to_docx(&draft.markdown, &draft.headline) {
            Ok(bytes) => bytes,
            Err(e) => {
                let detail = e.to_string();
                setup_failed(Setup::ArticleNotWritten { detail }, Format::Human, lang);
                return DATA_FAILED;
            }
        },
        ArticleFormat::Pdf => {
            let source = bulletin::typst_source(&draft, &templates);
            let typesetter = match super::out::engine_config(checked.root(), &args.fonts, lang) {
                Ok(config) => config.typesetter(),
                Err(code) => return code,
            };
            let date = source.date.map(|d| d.0);
            let pdf = typesetter.compile(&source, date).and_then(|compiled| {
                for w in &compiled.warnings {
                    eprintln!("{w}");
                }
                typesetter.pdf(&compiled, &source.name, date)
            });
            match pdf {
                Ok(bytes) => bytes,
                Err(e) => {
                    let what = lang.pick("bài viết", "the article").to_string();
                    let detail = e.to_string();
                    setup_failed(Setup::TypesetFailed { what, detail }, Format::Human, lang);
                    return DATA_FAILED;
                }
            }
        }
    };
    match write_output(&args.output, &bytes, lang) {
        Ok(()) => 0,
        Err(code) => code,
    }
}
