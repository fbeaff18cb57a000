/*!
Rendering: a checked person and a form become Typst source, through a minijinja template.

Templates never paste a value raw. The environment's formatter escapes every printed value for
Typst markup (`escape.rs`), prints a missing value as a dotted blank for handwriting (`#o()`), and
fails on anything a template names that the context does not have (strict undefined). Filters give
the Vietnamese forms of dates and numbers. Built-in templates are embedded; a workspace can override
any of them by putting a file of the same name in its own `templates/` folder.
*/

mod context;
pub mod escape;

pub use context::{DocView, FormContext, MeetingView, OrgView, PersonView, SponsorView};

use crate::diag::{Diagnostic, Problem};
use crate::forms::{Catalogue, Form};
use crate::model::{Ngay, Workspace};
use crate::validate::Checked;
use include_dir::{Dir, include_dir};
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};
use std::path::Path;

static TEMPLATES_DIR: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The shared Typst library of the Party document layout, imported by every generated source.
pub const LIBRARY_NAME: &str = "hoso.typ";
const LIBRARY_PATH: &str = "lib/hoso.typ";

/// Generated Typst source of one document, with the library it imports.
#[derive(Debug, Clone)]
pub struct TypstSource {
    /// A file name for it: `6-KND-tran-thi-binh.typ`.
    pub name: String,
    /// The template it came from, for error messages.
    pub template: String,
    /// The source text.
    pub text: String,
    /// The layout library's text (built-in or the workspace's override).
    pub library: String,
    /// The date the document bears (none on a blank form): its PDF creation date.
    pub date: Option<Ngay>,
}

/// Why a form could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The record lacks what the form needs.
    #[error("the record lacks fields the form needs")]
    Data(Vec<Diagnostic>),
    /// A template is broken (a bug in a built-in template, or in a workspace's override).
    #[error("template `{name}`: {source:#}")]
    Template {
        /// The template.
        name: String,
        /// minijinja's error, with the template line.
        source: minijinja::Error,
    },
    /// A workspace template could not be read.
    #[error("cannot read template `{}`: {source}", path.display())]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// What to render: a checked person's form, or the blank form.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// The form filled from a checked record.
    Filled(Checked<'a>),
    /// The blank form, with the organisation's header filled in.
    Blank(&'a Workspace),
}

/// The minijinja environment with every template parsed once, and the layout library.
pub struct Renderer {
    env: Environment<'static>,
    library: String,
}

impl Renderer {
    /// Built-in templates, overridden by the files of `<workspace>/templates/` when given.
    pub fn new(workspace_root: Option<&Path>) -> Result<Renderer, RenderError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters are valid");
        env.set_syntax(syntax);
        env.set_auto_escape_callback(|_| AutoEscape::Custom("typst".into()));
        env.set_formatter(format_value);
        env.add_filter("ngay", filter_ngay);
        env.add_filter("ngay_so", filter_ngay_so);
        env.add_filter("cho", filter_cho);
        env.add_filter("so", filter_so);
        env.add_filter("phan_tram", filter_phan_tram);
        env.add_filter("hoa", filter_hoa);
        env.add_filter("chuoi", filter_chuoi);
        env.add_filter("doan", filter_doan);

        let mut library = String::new();
        let mut files = Vec::new();
        collect(&TEMPLATES_DIR, &mut files);
        for (name, builtin) in files {
            let text = match workspace_root.map(|r| r.join("templates").join(&name)) {
                Some(p) if p.is_file() => std::fs::read_to_string(&p)
                    .map_err(|source| RenderError::Io { path: p, source })?,
                _ => builtin.to_string(),
            };
            if name == LIBRARY_PATH {
                library = text;
            } else if name.ends_with(".j2") {
                env.add_template_owned(name.clone(), text)
                    .map_err(|source| RenderError::Template { name, source })?;
            }
        }
        Ok(Renderer { env, library })
    }

    /// Renders `form` for `subject` into Typst source.
    pub fn render(&self, form: &Form, subject: Subject<'_>) -> Result<TypstSource, RenderError> {
        let context = build_context(form, subject)?;
        let template =
            self.env
                .get_template(&form.mau_in)
                .map_err(|source| RenderError::Template {
                    name: form.mau_in.clone(),
                    source,
                })?;
        let text = template
            .render(minijinja::value::Serde(&context))
            .map_err(|source| RenderError::Template {
                name: form.mau_in.clone(),
                source,
            })?;
        let who = match subject {
            Subject::Filled(c) => c.record.id.as_str(),
            Subject::Blank(_) => "mau-trang",
        };
        Ok(TypstSource {
            name: format!("{}-{who}.typ", file_safe_code(&form.ma)),
            template: form.mau_in.clone(),
            text,
            library: self.library.clone(),
            date: context.van_ban.ngay,
        })
    }
}

/// `6-KNĐ` → `6-KND`, for file names.
pub fn file_safe_code(code: &str) -> String {
    code.replace('Đ', "D").replace('đ', "d")
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static str)>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            out.push((file.path().to_string_lossy().replace('\\', "/"), text));
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

fn build_context(form: &Form, subject: Subject<'_>) -> Result<FormContext, RenderError> {
    let workspace = match subject {
        Subject::Filled(c) => c.workspace,
        Subject::Blank(w) => w,
    };
    let org = &workspace.org.to_chuc;
    let name_of = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| workspace.person(id))
            .and_then(|r| r.nguoi.ho_ten.clone())
    };
    let to_chuc = OrgView {
        dang_bo: org.dang_bo.clone(),
        dang_uy: org.dang_uy.clone().or_else(|| {
            org.dang_bo
                .as_ref()
                .map(|b| b.replacen("Đảng bộ", "Đảng ủy", 1))
        }),
        chi_bo: org.chi_bo.clone(),
        dia_danh: org.dia_danh.clone(),
        bi_thu: name_of(&org.bi_thu),
    };
    let symbol = form
        .ky_hieu
        .as_ref()
        .map(|k| format!("{k}/{}", org.ky_hieu.as_deref().unwrap_or("CB")));
    let le_trang = org.le_trang.unwrap_or_default();

    let Subject::Filled(checked) = subject else {
        let regulation = crate::forms::Catalogue::builtin()
            .regulation_on(None)
            .cloned();
        return Ok(FormContext {
            mau: form.clone(),
            to_chuc,
            van_ban: DocView {
                so: None,
                ky_hieu: symbol,
                ngay: None,
            },
            nguoi: PersonView::default(),
            gioi_thieu: vec![SponsorView::default()],
            hop: MeetingView::default(),
            quy_dinh: regulation,
            le_trang,
            ban_nhap: false,
            mau_trang: true,
        });
    };

    let record = checked.record;
    let n = &record.nguoi;
    let json = serde_json::to_value(n).unwrap_or_default();
    let missing: Vec<Diagnostic> = form
        .bat_buoc
        .iter()
        .filter(|path| !has_path(&json, path))
        .map(|path| {
            let problem = Problem::FormNeedsField {
                form: form.ma.clone(),
                field: path.replace("[]", "[0]"),
            };
            Diagnostic::error(
                problem,
                Some(record.spans.locate(&path.replace("[]", "[0]"))),
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(RenderError::Data(missing));
    }

    let date = first_date(&json, &form.ngay_van_ban);
    let number = form.ky_hieu.as_ref().and_then(|kind| {
        org.so_van_ban
            .iter()
            .find(|e| {
                &e.loai == kind
                    && e.nguoi.as_deref() == Some(&record.id)
                    && e.mau.as_deref().is_some_and(|m| {
                        Catalogue::builtin()
                            .form(m)
                            .is_some_and(|f| f.ma == form.ma)
                    })
            })
            .map(|e| format!("{:02}", e.so))
    });
    let gioi_thieu = n
        .nguoi_gioi_thieu
        .iter()
        .map(|s| SponsorView {
            dang_vien: s
                .dang_vien
                .as_deref()
                .and_then(|id| workspace.person(id))
                .map(|r| PersonView::of(&r.nguoi))
                .unwrap_or_default(),
            thu: s.clone(),
        })
        .collect();
    Ok(FormContext {
        mau: form.clone(),
        to_chuc,
        van_ban: DocView {
            so: number,
            ky_hieu: symbol,
            ngay: date,
        },
        nguoi: PersonView::of(n),
        gioi_thieu,
        hop: n
            .hop_chi_bo
            .as_ref()
            .map(|h| MeetingView::of(h, workspace))
            .unwrap_or_default(),
        quy_dinh: Catalogue::builtin().regulation_on(date).cloned(),
        le_trang,
        ban_nhap: form.tu_viet,
        mau_trang: false,
    })
}

/// One step of a record path: `a[].b` → (`a`, every item, `Some("b")`).
fn path_step(path: &str) -> (&str, bool, Option<&str>) {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    match head.strip_suffix("[]") {
        Some(key) => (key, true, rest),
        None => (head, false, rest),
    }
}

/// Whether the record has a value at `path`; `a[].b` needs at least one item and `b` in each.
fn has_path(value: &serde_json::Value, path: &str) -> bool {
    let (key, each, rest) = path_step(path);
    let Some(v) = value.get(key).filter(|v| !v.is_null()) else {
        return false;
    };
    match (each, rest) {
        (true, _) => v.as_array().is_some_and(|items| {
            !items.is_empty() && items.iter().all(|i| rest.is_none_or(|r| has_path(i, r)))
        }),
        (false, Some(r)) => has_path(v, r),
        (false, None) => true,
    }
}

/// The first date found at `path` (`a[].b` takes the first item that has one).
fn first_date(value: &serde_json::Value, path: &str) -> Option<Ngay> {
    let (key, each, rest) = path_step(path);
    let v = value.get(key)?;
    match (each, rest) {
        (true, Some(r)) => v.as_array()?.iter().find_map(|i| first_date(i, r)),
        (false, Some(r)) => first_date(v, r),
        (_, None) => Ngay::parse(v.as_str()?),
    }
}

// ---- formatter and filters ----

/// Prints every `{{ value }}`: escaped text, plain numbers, a dotted blank for a missing value.
fn format_value(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    let text = if value.is_safe() {
        value.to_string()
    } else if value.is_undefined() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "printed an undefined value",
        ));
    } else if value.is_none() {
        BLANK.to_string()
    } else if value.kind() == minijinja::value::ValueKind::Bool {
        // minijinja writes `True`/`False`; Typst reads `true`/`false`.
        value.is_true().to_string()
    } else if value.is_number() {
        value.to_string()
    } else if let Some(s) = value.as_str() {
        escape::markup(s)
    } else {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "cannot print a {} in `{}`; print its fields",
                value.kind(),
                state.name()
            ),
        ));
    };
    out.write_str(&text).map_err(Error::from)
}

/// A missing value: a dotted blank of the library's default width.
const BLANK: &str = "#o()";

fn blank(width: &str) -> Value {
    Value::from_safe_string(format!("#o(width: {width})"))
}

fn date_of(value: &Value) -> Result<Option<Ngay>, Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(None);
    }
    let text = value
        .as_str()
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, "a date must be a string"))?;
    Ngay::parse(text).map(Some).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("`{text}` is not a date"),
        )
    })
}

/// `{{ d | ngay }}` → "ngày 16 tháng 11 năm 2020"; missing → dotted blanks in each slot.
/// `{{ d | ngay(true) }}` starts a sentence: "Ngày 16 tháng 11 năm 2020".
fn filter_ngay(value: &Value, sentence_start: Option<bool>) -> Result<Value, Error> {
    let text = match date_of(value)? {
        Some(d) => d.long(),
        None => "ngày #o(width: 0.9cm) tháng #o(width: 0.9cm) năm #o(width: 1.3cm)".into(),
    };
    let text = if sentence_start == Some(true) {
        text.replacen("ngày", "Ngày", 1)
    } else {
        text
    };
    Ok(Value::from_safe_string(text))
}

/// `{{ d | ngay_so }}` → "16/11/2020"; missing → a dotted blank.
fn filter_ngay_so(value: &Value) -> Result<Value, Error> {
    Ok(match date_of(value)? {
        Some(d) => Value::from_safe_string(d.short()),
        None => blank("2.6cm"),
    })
}

/// A width a template may ask for: a number and a Typst unit.
fn checked_width(width: &str) -> Result<&str, Error> {
    let unit_at = width
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(width.len());
    let (number, unit) = width.split_at(unit_at);
    let ok = !number.is_empty()
        && number.parse::<f64>().is_ok()
        && matches!(unit, "cm" | "mm" | "pt" | "em" | "fr" | "%");
    if ok {
        Ok(width)
    } else {
        Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("`{width}` is not a width"),
        ))
    }
}

/// `{{ x | cho("4cm") }}`: the value, or a dotted blank of that width.
fn filter_cho(value: &Value, width: &str) -> Result<Value, Error> {
    let width = checked_width(width)?;
    if value.is_none() || value.is_undefined() {
        return Ok(blank(width));
    }
    match value.as_str() {
        Some(s) => Ok(Value::from_safe_string(escape::markup(s))),
        None => Ok(Value::from_safe_string(escape::markup(&value.to_string()))),
    }
}

/// `{{ n | so }}`: a count in Vietnamese style (1.045); missing → a short dotted blank.
fn filter_so(value: &Value) -> Result<Value, Error> {
    if value.is_none() {
        return Ok(blank("1.2cm"));
    }
    let n = i64::try_from(value.clone())
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, "`so` needs a whole number"))?;
    Ok(Value::from_safe_string(crate::vn::thousands(n)))
}

/// `{{ a | phan_tram(b) }}`: a / b as a percentage with a decimal comma ("92,31%").
fn filter_phan_tram(value: &Value, of: &Value) -> Result<Value, Error> {
    if value.is_none() || of.is_none() {
        return Ok(blank("1.5cm"));
    }
    let a = f64::try_from(value.clone())
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, "`phan_tram` needs numbers"))?;
    let b = f64::try_from(of.clone())
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, "`phan_tram` needs numbers"))?;
    if b == 0.0 {
        return Ok(blank("1.5cm"));
    }
    Ok(Value::from_safe_string(format!(
        "{}%",
        crate::vn::decimal(a / b * 100.0, 2)
    )))
}

/// `{{ s | hoa }}`: upper case (Vietnamese letters included), still escaped when printed.
fn filter_hoa(value: &Value) -> Value {
    match value.as_str() {
        Some(s) => Value::from(s.to_uppercase()),
        None => value.clone(),
    }
}

/// `{{ s | chuoi }}`: a Typst string literal, for code positions such as document metadata.
fn filter_chuoi(value: &Value) -> Value {
    match value.as_str() {
        Some(s) => Value::from_safe_string(escape::string_literal(s)),
        None => Value::from_safe_string("none".into()),
    }
}

/// `{{ s | doan }}`: free text of several lines and paragraphs; missing → two dotted lines.
fn filter_doan(value: &Value) -> Value {
    match value.as_str() {
        Some(s) => Value::from_safe_string(escape::paragraphs(s)),
        None => Value::from_safe_string("#dong-trong(2)".into()),
    }
}
