//! One function per subcommand. Each returns the exit code; messages are printed here.

use super::{Cli, Command};
use crate::compile::{FontPolicy, PdfStandard, Typesetter};
use crate::diag::{self, Diagnostic, Format, Lang, has_errors};
use crate::forms::Catalogue;
use crate::model::{self, LoadError, Loaded, Workspace};
use crate::render::{RenderError, Renderer, Subject};
use crate::validate;
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

/// Exit code: the data or a document failed.
pub(super) const DATA_FAILED: i32 = 1;
/// Exit code: usage, setup or I/O.
pub(super) const SETUP_FAILED: i32 = 2;

pub fn dispatch(cli: Cli) -> i32 {
    let lang = cli.lang;
    match cli.command {
        Command::Batch {
            workspace,
            output,
            jobs,
            stage,
            ceremony,
            force,
            emit,
            format,
            pdf_standard,
        } => batch(
            &BatchArgs {
                workspace: &workspace,
                output: &output,
                jobs,
                stage: stage.as_deref(),
                ceremony: ceremony.as_deref(),
                force,
                emit: emit.as_deref(),
                format,
                pdf_standard,
            },
            lang,
        ),
        Command::Dossier {
            person,
            workspace,
            output,
            kind,
            pdf_standard,
        } => dossier(&person, &workspace, &output, kind, pdf_standard, lang),
        Command::CapSo {
            form,
            person,
            workspace,
        } => cap_so(&form, &person, &workspace, lang),
        Command::Rules {
            on,
            workspace,
            format,
        } => super::rules_due::rules(on, workspace.as_deref(), format, lang),
        Command::Due {
            workspace,
            on,
            within,
            ics,
            format,
        } => super::rules_due::due(&workspace, on, within, ics.as_deref(), format, lang),
        Command::Init { dir, people } => init(&dir, people, lang),
        Command::List { workspace, format } => list(&workspace, format, lang),
        Command::Forms { format } => forms(format, lang),
        Command::Validate { workspace, format } => validate_cmd(&workspace, format, lang),
        Command::Render {
            form,
            person,
            workspace,
            output,
            typst,
            blank,
            pdf_standard,
        } => render(
            &RenderArgs {
                form: &form,
                person: person.as_deref(),
                workspace: &workspace,
                output: &output,
                typst: typst.as_deref(),
                blank,
                pdf_standard,
            },
            lang,
        ),
        Command::Bulletin {
            workspace,
            from,
            to,
            branch,
            template,
            output,
        } => bulletin(
            &workspace,
            &crate::bulletin::Request {
                from,
                to,
                branch: branch.as_deref(),
                template: &template,
            },
            &output,
            lang,
        ),
    }
}

/// Prints `error: …` (and `hint: …`) to stderr in the chosen language.
pub(super) fn error(lang: Lang, vi: &str, en: &str, hint: Option<(&str, &str)>) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}: {}", lang.pick("lỗi", "error"), lang.pick(vi, en));
    if let Some((hvi, hen)) = hint {
        let _ = writeln!(
            err,
            "{}: {}",
            lang.pick("gợi ý", "hint"),
            lang.pick(hvi, hen)
        );
    }
}

/// Writes to stdout; a closed pipe (`hoso list | head`) is not an error.
pub(super) fn print(text: &str) -> i32 {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(_) => SETUP_FAILED,
    }
}

pub(super) fn emit_stderr(diagnostics: &[Diagnostic], lang: Lang) {
    let _ = diag::emit(diagnostics, Format::Human, lang, &mut io::stderr().lock());
}

/// Loads a workspace, printing why when it cannot be.
pub(super) fn load(root: &Path, format: Format, lang: Lang) -> Result<Loaded, i32> {
    match model::load(root) {
        Ok(loaded) => Ok(loaded),
        Err(LoadError::NotAWorkspace(p)) => {
            let p = p.display();
            error(
                lang,
                &format!("`{p}` không phải thư mục hồ sơ: thiếu tệp `to-chuc.yaml`"),
                &format!("`{p}` is not a hoso workspace: it has no `to-chuc.yaml`"),
                Some((
                    "tạo thư mục mẫu bằng `hoso init DIR`",
                    "create a demo workspace with `hoso init DIR`",
                )),
            );
            Err(SETUP_FAILED)
        }
        Err(LoadError::Io { path, source }) => {
            let p = path.display();
            error(
                lang,
                &format!("không đọc được `{p}`: {source}"),
                &format!("cannot read `{p}`: {source}"),
                None,
            );
            Err(SETUP_FAILED)
        }
        Err(LoadError::Organisation(diagnostics)) => {
            match format {
                Format::Json => {
                    let _ = diag::emit(&diagnostics, Format::Json, lang, &mut io::stdout().lock());
                }
                Format::Human => emit_stderr(&diagnostics, lang),
            }
            Err(DATA_FAILED)
        }
    }
}

fn init(dir: &Path, people: Option<usize>, lang: Lang) -> i32 {
    let written = match people {
        Some(n) => crate::demo::write_synthetic(dir, n),
        None => crate::demo::write(dir),
    };
    match written {
        Ok(count) => {
            let d = dir.display();
            eprintln!(
                "{}",
                lang.pick(
                    &format!("đã tạo hồ sơ mẫu ({count} tệp) trong `{d}`; thử `hoso validate {d}`"),
                    &format!(
                        "wrote the demo workspace ({count} files) to `{d}`; try `hoso validate {d}`"
                    ),
                )
            );
            0
        }
        Err(crate::demo::InitError::NotEmpty) => {
            let d = dir.display();
            error(
                lang,
                &format!("`{d}` đã có dữ liệu; không ghi đè"),
                &format!("`{d}` is not empty; nothing was overwritten"),
                Some(("chọn một thư mục mới", "choose a new folder")),
            );
            SETUP_FAILED
        }
        Err(crate::demo::InitError::Io(e)) => {
            error(
                lang,
                &format!("không ghi được: {e}"),
                &format!("cannot write: {e}"),
                None,
            );
            SETUP_FAILED
        }
    }
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    ho_ten: Option<&'a str>,
    giai_doan: &'static str,
    thu_muc: &'static str,
}

fn list(root: &Path, format: Format, lang: Lang) -> i32 {
    let loaded = match load(root, format, lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let rows: Vec<ListRow> = loaded
        .workspace
        .people
        .iter()
        .map(|r| ListRow {
            id: &r.id,
            ho_ten: r.nguoi.ho_ten.as_deref(),
            giai_doan: r.nguoi.giai_doan().id(),
            thu_muc: r.folder.dir(),
        })
        .collect();
    if !loaded.diagnostics.is_empty() {
        eprintln!(
            "{}",
            lang.pick(
                &format!(
                    "cảnh báo: {} vấn đề khi đọc hồ sơ; chạy `hoso validate` để xem",
                    loaded.diagnostics.len()
                ),
                &format!(
                    "warning: {} problems while reading; run `hoso validate` to see them",
                    loaded.diagnostics.len()
                ),
            )
        );
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
            for (row, record) in rows.iter().zip(&loaded.workspace.people) {
                out.push_str(&format!(
                    "{:id_w$}  {:name_w$}  {}\n",
                    row.id,
                    row.ho_ten.unwrap_or("?"),
                    record.nguoi.giai_doan().label(lang)
                ));
            }
            print(&out)
        }
    }
}

fn forms(format: Format, _lang: Lang) -> i32 {
    let catalogue = Catalogue::builtin();
    match format {
        Format::Json => {
            print(&(serde_json::to_string_pretty(&catalogue.forms).unwrap_or_default() + "\n"))
        }
        Format::Human => {
            let mut out = String::new();
            for f in &catalogue.forms {
                out.push_str(&format!(
                    "{:7}  {}  ({}; {})\n",
                    f.ma,
                    f.ten,
                    f.ban_hanh,
                    f.quy_dinh.join(", ")
                ));
            }
            print(&out)
        }
    }
}

fn validate_cmd(root: &Path, format: Format, lang: Lang) -> i32 {
    let loaded = match load(root, format, lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(validate::validate(&loaded.workspace));
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == diag::Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let code = match format {
        Format::Json => {
            let mut out = io::stdout().lock();
            match diag::emit(&diagnostics, Format::Json, lang, &mut out) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => SETUP_FAILED,
                _ => 0,
            }
        }
        Format::Human => {
            let mut out = io::stdout().lock();
            let _ = diag::emit(&diagnostics, Format::Human, lang, &mut out);
            0
        }
    };
    if format == Format::Human {
        let people = loaded.workspace.people.len();
        eprintln!(
            "{}",
            lang.pick(
                &format!("{people} hồ sơ: {errors} lỗi, {warnings} cảnh báo"),
                &format!(
                    "{}: {}, {}",
                    english_count(people, "record"),
                    english_count(errors, "error"),
                    english_count(warnings, "warning")
                ),
            )
        );
    }
    if code != 0 {
        code
    } else if errors > 0 {
        DATA_FAILED
    } else {
        0
    }
}

struct RenderArgs<'a> {
    form: &'a str,
    person: Option<&'a str>,
    workspace: &'a Path,
    output: &'a Path,
    typst: Option<&'a Path>,
    blank: bool,
    pdf_standard: Option<PdfStandard>,
}

/// The form with this code, or the exit code after saying there is none.
fn find_form(code: &str, lang: Lang) -> Result<&'static crate::forms::Form, i32> {
    let catalogue = Catalogue::builtin();
    catalogue.form(code).ok_or_else(|| {
        let hint = catalogue.suggest(code).map(|s| {
            (
                format!("có phải ý là `{s}`?"),
                format!("did you mean `{s}`?"),
            )
        });
        error(
            lang,
            &format!("không có mẫu `{code}`; xem `hoso forms`"),
            &format!("no form `{code}`; see `hoso forms`"),
            hint.as_ref().map(|(v, e)| (v.as_str(), e.as_str())),
        );
        SETUP_FAILED
    })
}

struct BatchArgs<'a> {
    workspace: &'a Path,
    output: &'a Path,
    jobs: Option<usize>,
    stage: Option<&'a str>,
    ceremony: Option<&'a str>,
    force: bool,
    emit: Option<&'a str>,
    format: Format,
    pdf_standard: Option<PdfStandard>,
}

fn batch(args: &BatchArgs<'_>, lang: Lang) -> i32 {
    use crate::batch::{self, Outcome};
    use crate::model::GiaiDoan;
    use std::io::IsTerminal;
    let stages = [
        GiaiDoan::QuanChung,
        GiaiDoan::XinVaoDang,
        GiaiDoan::ChiBoDeNghi,
        GiaiDoan::DuBi,
        GiaiDoan::ChinhThuc,
    ];
    let stage = match args.stage {
        None => None,
        Some(s) => match stages.iter().find(|g| g.id() == s) {
            Some(g) => Some(*g),
            None => {
                let all: Vec<_> = stages.iter().map(|g| g.id()).collect();
                error(
                    lang,
                    &format!(
                        "không có giai đoạn `{s}`; chọn một trong: {}",
                        all.join(", ")
                    ),
                    &format!("no stage `{s}`; choose one of: {}", all.join(", ")),
                    None,
                );
                return SETUP_FAILED;
            }
        },
    };
    let ceremony = match args.ceremony {
        None => None,
        Some(text) => match crate::model::Ngay::parse(text) {
            Some(d) => Some(d),
            None => {
                error(
                    lang,
                    &format!("`{text}` không phải ngày (viết dd/mm/yyyy)"),
                    &format!("`{text}` is not a date (write dd/mm/yyyy)"),
                    None,
                );
                return SETUP_FAILED;
            }
        },
    };
    match args.emit {
        None | Some("typst") => {}
        Some(other) => {
            error(
                lang,
                &format!("`--emit {other}`: chỉ có `--emit typst`"),
                &format!("`--emit {other}`: only `--emit typst` exists"),
                None,
            );
            return SETUP_FAILED;
        }
    }
    let loaded = match load(args.workspace, args.format, lang) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let workspace = &loaded.workspace;
    let renderer = match Renderer::new(Some(&workspace.root)) {
        Ok(r) => r,
        Err(e) => return render_failed(e, lang),
    };
    let typesetter = Typesetter::new(FontPolicy::from_env()).with_standard(args.pdf_standard);
    let options = batch::Options {
        out: args.output.to_path_buf(),
        stage,
        ceremony,
        force: args.force,
        jobs: args.jobs.filter(|&n| n > 0).unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        }),
        emit_typst: args.emit.is_some(),
        environment: format!(
            "hoso {} | fonts {} | templates {} | pdf {}",
            env!("CARGO_PKG_VERSION"),
            typesetter.font_family(),
            renderer.digest(),
            args.pdf_standard.map_or("1.7", PdfStandard::name)
        ),
    };
    if options.emit_typst
        && let Err(e) = batch::emit_library(&options.out, renderer.library())
    {
        error(
            lang,
            &format!("không ghi được thư viện Typst: {e}"),
            &format!("cannot write the Typst library: {e}"),
            None,
        );
        return SETUP_FAILED;
    }
    let total = batch::selected(workspace, &options).len() as u64;
    let bar = if std::io::stderr().is_terminal() && args.format == Format::Human {
        indicatif::ProgressBar::new(total)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let tick = |id: &str| {
        bar.set_message(id.to_string());
        bar.inc(1);
    };
    let report = batch::run(
        workspace,
        &loaded.diagnostics,
        &renderer,
        &typesetter,
        &options,
        &tick,
    );
    bar.finish_and_clear();
    match args.format {
        Format::Json => {
            let _ = print(&(serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"));
        }
        Format::Human => {
            let mut err = io::stderr().lock();
            for r in &report.nguoi {
                if let Outcome::Failed { ly_do } = &r.outcome {
                    let _ = writeln!(err, "{}: {}: {ly_do}", lang.pick("lỗi", "error"), r.id);
                }
            }
            let _ = writeln!(
                err,
                "{}",
                lang.pick(
                    &format!(
                        "{} xong, {} lỗi, {} bỏ qua (không đổi), {:.1} giây",
                        report.xong, report.loi, report.bo_qua, report.giay
                    ),
                    &format!(
                        "{} done, {} failed, {} skipped (unchanged), {:.1} s",
                        report.xong, report.loi, report.bo_qua, report.giay
                    ),
                )
            );
        }
    }
    if report.loi > 0 { DATA_FAILED } else { 0 }
}

fn dossier(
    id: &str,
    root: &Path,
    output: &Path,
    kind: Option<crate::dossier::Kind>,
    pdf_standard: Option<PdfStandard>,
    lang: Lang,
) -> i32 {
    use crate::dossier::{self, DossierError};
    let loaded = match load(root, Format::Human, lang) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let workspace = &loaded.workspace;
    let checked = match checked_person(workspace, &loaded.diagnostics, id, lang) {
        Ok(c) => c,
        Err(c) => return c,
    };
    let renderer = match Renderer::new(Some(&workspace.root)) {
        Ok(r) => r,
        Err(e) => return render_failed(e, lang),
    };
    let typesetter = Typesetter::new(FontPolicy::from_env()).with_standard(pdf_standard);
    let plan = dossier::plan(checked, kind);
    let built = match dossier::build(&renderer, &typesetter, checked, &plan) {
        Ok(b) => b,
        Err(DossierError::Render(e)) => return render_failed(e, lang),
        Err(e) => {
            error(
                lang,
                &format!("không dựng được hồ sơ: {e}"),
                &format!("cannot build the dossier: {e}"),
                None,
            );
            return DATA_FAILED;
        }
    };
    if let Err(code) = write_output(output, &built.pdf, lang) {
        return code;
    }
    let pages: usize = built.parts.iter().map(|p| p.pages).sum();
    eprintln!(
        "{}",
        lang.pick(
            &format!(
                "{}: {} tài liệu, {pages} trang",
                plan.dossier.ten,
                built.parts.len()
            ),
            &format!(
                "{}: {} documents, {pages} pages",
                plan.dossier.ten,
                built.parts.len()
            ),
        )
    );
    0
}

/// "1 warning", "3 warnings", "0 errors".
fn english_count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Writes an output file atomically, or says why it could not and gives the exit code.
pub(super) fn write_output(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), i32> {
    crate::output::write_atomic(path, bytes).map_err(|e| {
        let p = path.display();
        error(
            lang,
            &format!("không ghi được `{p}`: {e}"),
            &format!("cannot write `{p}`: {e}"),
            None,
        );
        SETUP_FAILED
    })
}

fn cap_so(code: &str, id: &str, root: &Path, lang: Lang) -> i32 {
    use crate::register;
    let form = match find_form(code, lang) {
        Ok(f) => f,
        Err(c) => return c,
    };
    let loaded = match load(root, Format::Human, lang) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let workspace = &loaded.workspace;
    let checked = match checked_person(workspace, &loaded.diagnostics, id, lang) {
        Ok(c) => c,
        Err(c) => return c,
    };
    let org = &workspace.org.to_chuc;
    let Some(series) = register::form_series(form, org) else {
        error(
            lang,
            &format!("mẫu {} không mang số văn bản", form.ma),
            &format!("form {} carries no document number", form.ma),
            None,
        );
        return DATA_FAILED;
    };
    if let Some(entry) = register::entry_for(org, form, id) {
        print(&format!(
            "Số {:02}-{}\n",
            entry.so,
            register::series(entry, org)
        ));
        eprintln!(
            "{}",
            lang.pick(
                "số này đã có trong sổ văn bản; không ghi thêm",
                "the register already has this number; nothing written",
            )
        );
        return 0;
    }
    if let Some(number) = crate::render::recorded_number(form, &checked.record.nguoi) {
        print(&format!("Số {number}\n"));
        eprintln!(
            "{}",
            lang.pick(
                &format!(
                    "hồ sơ đã ghi số của văn bản này (`{}`); không cấp số mới",
                    form.so_ghi_nhan.as_deref().unwrap_or_default()
                ),
                &format!(
                    "the record already holds this document's number (`{}`); no new number",
                    form.so_ghi_nhan.as_deref().unwrap_or_default()
                ),
            )
        );
        return 0;
    }
    let Some(date) = crate::render::document_date(form, &checked.record.nguoi) else {
        error(
            lang,
            &format!("chưa có ngày văn bản `{}` để vào sổ", form.ngay_van_ban),
            &format!("the document has no date yet (`{}`)", form.ngay_van_ban),
            None,
        );
        return DATA_FAILED;
    };
    let so = register::next_number(org, &series);
    let own = format!("/{}", org.ky_hieu.as_deref().unwrap_or("CB"));
    let entry = register::NewEntry {
        so,
        loai: series.strip_suffix(&own).unwrap_or(&series).to_string(),
        ngay: date,
        mau: form.ma.clone(),
        nguoi: id.to_string(),
        trich_yeu: Some(match &checked.record.nguoi.ho_ten {
            Some(name) => format!("{}: {name}", form.ten),
            None => form.ten.clone(),
        }),
    };
    let path = workspace.root.join("to-chuc.yaml");
    let written = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| register::append_entry(&text, &entry).map_err(|e| e.to_string()))
        .and_then(|text| {
            // Never write a register that no longer reads back with the new entry in it.
            let org: crate::model::ToChuc =
                serde_yaml_ng::from_str(&text).map_err(|e| e.to_string())?;
            if org
                .so_van_ban
                .iter()
                .any(|e| e.so == so && e.nguoi.as_deref() == Some(id))
            {
                crate::output::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())
            } else {
                Err("the register does not read back".into())
            }
        });
    match written {
        Ok(()) => {
            print(&format!("Số {so:02}-{series}\n"));
            eprintln!(
                "{}",
                lang.pick(
                    &format!("đã ghi vào sổ văn bản ({})", path.display()),
                    &format!("written into the register ({})", path.display()),
                )
            );
            0
        }
        Err(e) => {
            error(
                lang,
                &format!("không ghi được sổ văn bản vào `{}`: {e}", path.display()),
                &format!("cannot write the register into `{}`: {e}", path.display()),
                Some((
                    "để danh sách `so_van_ban` ở cuối tệp to-chuc.yaml, hoặc ghi số bằng tay",
                    "keep the `so_van_ban` list at the end of to-chuc.yaml, or add the entry by hand",
                )),
            );
            SETUP_FAILED
        }
    }
}

fn render(args: &RenderArgs, lang: Lang) -> i32 {
    let form = match find_form(args.form, lang) {
        Ok(f) => f,
        Err(c) => return c,
    };
    let loaded = match load(args.workspace, Format::Human, lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let workspace = &loaded.workspace;
    let subject = if args.blank {
        Subject::Blank(workspace)
    } else {
        let id = args.person.unwrap_or_default();
        match checked_person(workspace, &loaded.diagnostics, id, lang) {
            Ok(checked) => Subject::Filled(checked),
            Err(code) => return code,
        }
    };

    let renderer = match Renderer::new(Some(&workspace.root)) {
        Ok(r) => r,
        Err(e) => return render_failed(e, lang),
    };
    let source = match renderer.render(form, subject) {
        Ok(s) => s,
        Err(e) => return render_failed(e, lang),
    };
    if let Some(path) = args.typst {
        let lib = path.with_file_name(crate::render::LIBRARY_NAME);
        if let Err(e) = crate::output::write_atomic(path, source.text.as_bytes())
            .and_then(|()| crate::output::write_atomic(&lib, source.library.as_bytes()))
        {
            error(
                lang,
                &format!("không ghi được `{}`: {e}", path.display()),
                &format!("cannot write `{}`: {e}", path.display()),
                None,
            );
            return SETUP_FAILED;
        }
    }

    let typesetter = Typesetter::new(FontPolicy::from_env()).with_standard(args.pdf_standard);
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
            error(
                lang,
                &format!("không dàn trang được mẫu {}:\n{e}", form.ma),
                &format!("cannot typeset form {}:\n{e}", form.ma),
                None,
            );
            return DATA_FAILED;
        }
    };
    if let Err(code) = write_output(args.output, &pdf, lang) {
        return code;
    }
    0
}

/// Finds and checks the person; prints why not and returns the exit code when they cannot be used.
fn checked_person<'a>(
    workspace: &'a Workspace,
    load_diagnostics: &[Diagnostic],
    id: &str,
    lang: Lang,
) -> Result<validate::Checked<'a>, i32> {
    // Problems found while reading this person's file (or the organisation's) block their forms too.
    let of_file = |d: &&Diagnostic| {
        d.location.as_ref().is_some_and(|l| {
            let stem = l.file.path.file_stem().and_then(|s| s.to_str());
            stem == Some(id)
                || l.file.path.file_name().and_then(|s| s.to_str()) == Some("to-chuc.yaml")
        })
    };
    let mut diagnostics: Vec<Diagnostic> =
        load_diagnostics.iter().filter(of_file).cloned().collect();
    let Some(record) = workspace.person(id) else {
        if has_errors(&diagnostics) {
            emit_stderr(&diagnostics, lang);
            return Err(DATA_FAILED);
        }
        let hint = workspace.suggest_id(id).map(|s| {
            (
                format!("có phải ý là `{s}`?"),
                format!("did you mean `{s}`?"),
            )
        });
        error(
            lang,
            &format!("không có người mang mã `{id}`; xem `hoso list`"),
            &format!("no person with id `{id}`; see `hoso list`"),
            hint.as_ref().map(|(v, e)| (v.as_str(), e.as_str())),
        );
        return Err(SETUP_FAILED);
    };
    let (checked, found) = validate::check_person(workspace, record);
    diagnostics.extend(found);
    if !diagnostics.is_empty() {
        emit_stderr(&diagnostics, lang);
    }
    match checked {
        Some(c) if !has_errors(&diagnostics) => Ok(c),
        _ => Err(DATA_FAILED),
    }
}

fn render_failed(e: RenderError, lang: Lang) -> i32 {
    match e {
        RenderError::Data(diagnostics) => {
            emit_stderr(&diagnostics, lang);
            DATA_FAILED
        }
        RenderError::Template { name, source } => {
            error(
                lang,
                &format!("mẫu in `{name}` lỗi: {source:#}"),
                &format!("template `{name}` failed: {source:#}"),
                None,
            );
            DATA_FAILED
        }
        RenderError::Io { path, source } => {
            let p = path.display();
            error(
                lang,
                &format!("không đọc được `{p}`: {source}"),
                &format!("cannot read `{p}`: {source}"),
                None,
            );
            SETUP_FAILED
        }
    }
}

/// The formats an article can be written in, from the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArticleFormat {
    Markdown,
    Html,
    Pdf,
    Docx,
}

fn bulletin(root: &Path, request: &crate::bulletin::Request, output: &Path, lang: Lang) -> i32 {
    use crate::bulletin::{self, article::Templates};
    let format = match output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("md") => ArticleFormat::Markdown,
        Some("html" | "htm") => ArticleFormat::Html,
        Some("pdf") => ArticleFormat::Pdf,
        Some("docx") => ArticleFormat::Docx,
        _ => {
            let p = output.display();
            error(
                lang,
                &format!(
                    "không biết ghi `{p}` dạng gì: đuôi tệp phải là .md, .html, .pdf hoặc .docx"
                ),
                &format!(
                    "cannot tell how to write `{p}`: the extension must be .md, .html, .pdf or .docx"
                ),
                None,
            );
            return SETUP_FAILED;
        }
    };
    let loaded = match load(root, Format::Human, lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let workspace = &loaded.workspace;
    // The article needs sound records: every problem of the workspace is shown, and errors stop it.
    let mut diagnostics = loaded.diagnostics.clone();
    diagnostics.extend(validate::validate(workspace));
    if !diagnostics.is_empty() {
        emit_stderr(&diagnostics, lang);
    }
    if has_errors(&diagnostics) {
        error(
            lang,
            "hồ sơ còn lỗi nên chưa tính được số liệu cho bài viết",
            "the records have errors, so the figures of the article cannot be trusted",
            Some((
                "sửa các lỗi trên rồi chạy lại",
                "fix the errors above and run again",
            )),
        );
        return DATA_FAILED;
    }

    let fail = |e: bulletin::BulletinError| {
        let hint = e.hint(lang);
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "{}: {}", lang.pick("lỗi", "error"), e.message(lang));
        if let Some(h) = hint {
            let _ = writeln!(err, "{}: {h}", lang.pick("gợi ý", "hint"));
        }
        match e {
            bulletin::BulletinError::Template(bulletin::article::TemplateError::Broken {
                ..
            }) => DATA_FAILED,
            _ => SETUP_FAILED,
        }
    };
    let templates = match Templates::load(&workspace.root) {
        Ok(t) => t,
        Err(e) => return fail(e.into()),
    };
    let draft = match bulletin::draft(workspace, &templates, request) {
        Ok(d) => d,
        Err(e) => return fail(e),
    };
    {
        let mut err = io::stderr().lock();
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
                error(
                    lang,
                    &format!("không ghi được bài viết dạng .docx: {e}"),
                    &e.to_string(),
                    None,
                );
                return DATA_FAILED;
            }
        },
        ArticleFormat::Pdf => {
            let source = bulletin::typst_source(&draft, &templates);
            let typesetter = Typesetter::new(FontPolicy::from_env());
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
                    error(
                        lang,
                        &format!("không dàn trang được bài viết:\n{e}"),
                        &format!("cannot typeset the article:\n{e}"),
                        None,
                    );
                    return DATA_FAILED;
                }
            }
        }
    };
    if let Err(code) = write_output(output, &bytes, lang) {
        return code;
    }
    0
}
