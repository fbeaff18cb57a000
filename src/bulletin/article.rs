/*!
The article: a minijinja template writes the body in Markdown from the figures, already formatted,
and the clerk's notes; `hoso` appends the table of figures, then checks that every number of the
body is a value of the table.

Templates cannot print a raw number (the formatter refuses it): a figure is printed through its
`gia_tri`, the Vietnamese form of the value, so that "1.045" and "60,49%" are written one way.
Built-in templates live in `templates/bulletin/`; a workspace adds or replaces them in its own
`templates/bulletin/`.
*/

use super::markdown;
use super::stats::{Figures, Source};
use include_dir::{Dir, include_dir};
use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind, Output, State, UndefinedBehavior};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates/bulletin");

/// The extension of article templates.
pub const TEMPLATE_EXT: &str = ".md.j2";
/// The Typst page layout of the PDF, overridable like the templates.
pub const LAYOUT: &str = "bai-viet.typ";

/// A figure as a template sees it.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    /// Its id.
    pub ma: String,
    /// What it is.
    pub nhan: String,
    /// The value as printed: "1.045", "60,49%".
    pub gia_tri: String,
    /// The number behind it, for conditions only (`{% if so_lieu.ket_nap.so > 0 %}`).
    pub so: Option<f64>,
    /// How it was obtained.
    pub cach_tinh: String,
    /// Stated rather than computed.
    pub neu: bool,
    /// The source of a stated figure.
    pub nguon: Option<String>,
}

/// A branch's line in the article.
#[derive(Debug, Clone, Serialize)]
pub struct BranchView {
    /// Its name.
    pub ten: String,
    /// Its new members, printed.
    pub ket_nap: String,
}

/// A leader's words.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    /// What was said.
    pub loi: String,
    /// Who said it.
    pub nguoi: Option<String>,
    /// Their position.
    pub chuc_vu: Option<String>,
}

/// Everything a template gets.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleContext {
    /// The organisation the article is about: "Đảng bộ xã Thanh Yên", "Chi bộ Khu phố 5".
    pub to_chuc: String,
    /// Whether it is a đảng bộ with branches (rather than one chi bộ).
    pub la_dang_bo: bool,
    /// Its leading committee: "Đảng ủy xã Thanh Yên", "Chi ủy".
    pub cap_uy: String,
    /// The period as written ("9 tháng đầu năm 2021"), the value of figure `ky`.
    pub ky: String,
    /// Every figure by id.
    pub so_lieu: BTreeMap<String, FigureView>,
    /// New members per branch (a đảng bộ with branches only).
    pub chi_bo: Vec<BranchView>,
    /// Stated figures that are not replacing a computed one, in the order given.
    pub so_lieu_neu: Vec<FigureView>,
    /// The organisation's context.
    pub gioi_thieu: Option<String>,
    /// Methods.
    pub bien_phap: Vec<String>,
    /// Highlights.
    pub noi_bat: Vec<String>,
    /// Difficulties.
    pub kho_khan: Vec<String>,
    /// Next steps.
    pub phuong_huong: Vec<String>,
    /// A leader's words.
    pub trich_dan: Option<QuoteView>,
    /// The author.
    pub tac_gia: Option<String>,
}

/// Why an article template could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// No template of that name, built-in or in the workspace.
    #[error("no article template `{name}`")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The names there are.
        available: Vec<String>,
    },
    /// The template is broken.
    #[error("template `{name}`: {source:#}")]
    Broken {
        /// The template.
        name: String,
        /// minijinja's error, with the line.
        source: Error,
    },
    /// A workspace file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// The article templates and the PDF layout: built-in, then the workspace's.
pub struct Templates {
    env: Environment<'static>,
    names: Vec<String>,
    layout: String,
}

impl Templates {
    /// Loads the built-in templates and those of `<workspace>/templates/bulletin/`.
    pub fn load(workspace_root: &Path) -> Result<Templates, TemplateError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters are valid");
        env.set_syntax(syntax);
        env.set_formatter(format_value);
        env.add_filter("hoa_dau", filter_hoa_dau);

        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        let mut layout = String::new();
        for file in BUILTIN.files() {
            let name = file.path().to_string_lossy().to_string();
            let text = file.contents_utf8().unwrap_or_default().to_string();
            if name == LAYOUT {
                layout = text;
            } else if let Some(stem) = name.strip_suffix(TEMPLATE_EXT) {
                sources.insert(stem.to_string(), text);
            }
        }
        let dir = workspace_root.join("templates").join("bulletin");
        if dir.is_dir() {
            let entries = std::fs::read_dir(&dir).map_err(|source| TemplateError::Io {
                path: dir.clone(),
                source,
            })?;
            for entry in entries.flatten() {
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().to_string();
                let read = || {
                    std::fs::read_to_string(&path).map_err(|source| TemplateError::Io {
                        path: path.clone(),
                        source,
                    })
                };
                if name == LAYOUT {
                    layout = read()?;
                } else if let Some(stem) = name.strip_suffix(TEMPLATE_EXT) {
                    sources.insert(stem.to_string(), read()?);
                }
            }
        }
        let names: Vec<String> = sources.keys().cloned().collect();
        for (name, text) in sources {
            env.add_template_owned(name.clone(), text)
                .map_err(|source| TemplateError::Broken { name, source })?;
        }
        Ok(Templates { env, names, layout })
    }

    /// The names of the templates there are.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The Typst page layout of the PDF.
    pub fn layout(&self) -> &str {
        &self.layout
    }

    /// The article body written by template `name`.
    pub fn render(&self, name: &str, context: &ArticleContext) -> Result<String, TemplateError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|_| TemplateError::Unknown {
                name: name.to_string(),
                available: self.names.clone(),
            })?;
        template
            .render(minijinja::value::Serde(context))
            .map_err(|source| TemplateError::Broken {
                name: format!("{name}{TEMPLATE_EXT}"),
                source,
            })
    }
}

/// Prints `{{ value }}`: text escaped for Markdown; a raw number or a missing value is a template
/// error, so that every number printed is a formatted figure.
fn format_value(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    let text = if value.is_safe() {
        value.to_string()
    } else if let Some(s) = value.as_str() {
        markdown::escape(s)
    } else if value.is_number() {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "`{}` prints a raw number; print a figure's `gia_tri` (formatted, and in the table)",
                state.name()
            ),
        ));
    } else {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "`{}` prints a {} value; test it with `{{% if … %}}` first",
                state.name(),
                value.kind()
            ),
        ));
    };
    out.write_str(&text).map_err(Error::from)
}

/// `{{ ky | hoa_dau }}`: the first letter in upper case, the rest as it is ("Năm 2025").
fn filter_hoa_dau(value: &str) -> String {
    let mut chars = value.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The views of the figures for a template.
pub fn figure_views(figures: &Figures) -> BTreeMap<String, FigureView> {
    figures
        .list
        .iter()
        .map(|f| {
            let (neu, nguon) = match &f.source {
                Source::Computed | Source::Recorded => (false, None),
                Source::Stated { nguon } => (true, Some(nguon.clone())),
            };
            let view = FigureView {
                ma: f.id.clone(),
                nhan: f.label.clone(),
                gia_tri: f.value.display(),
                so: f.value.number(),
                cach_tinh: f.how.clone(),
                neu,
                nguon,
            };
            (f.id.clone(), view)
        })
        .collect()
}

/// The table of figures in Markdown: id, label, value, how, source.
pub fn figures_table(figures: &Figures) -> String {
    let mut out = String::from(
        "## Bảng số liệu\n\n| Mã | Số liệu | Giá trị | Cách tính | Nguồn |\n|---|---|---|---|---|\n",
    );
    for f in &figures.list {
        let source = match &f.source {
            Source::Computed => "hoso tính".to_string(),
            Source::Recorded => "ghi trong bao-cao.yaml".to_string(),
            Source::Stated { nguon } => format!("số liệu nêu: {nguon}"),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            markdown::escape(&f.id),
            markdown::escape(&f.label),
            markdown::escape(&f.value.display()),
            markdown::escape(&f.how),
            markdown::escape(&source),
        ));
    }
    out
}

/// The numbers of a text: runs of digits, with the dots and commas inside them ("1.045",
/// "60,49"). Dates written in full (16/10/2026, 1-7-2025) are not figures and are skipped.
pub fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], '.' | ',' | '/' | '-')
                    && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let date_parts: Vec<&str> = token.split(['/', '-']).collect();
        let is_date = date_parts.len() == 3
            && date_parts[2].len() == 4
            && date_parts
                .iter()
                .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !is_date {
            for part in date_parts {
                let part = part.trim_end_matches(['.', ',']);
                if !part.is_empty() {
                    found.push(part.to_string());
                }
            }
        }
    }
    found
}

/// The numbers of `body` that are not values of the table, once the proper names (which may hold
/// digits, as "Chi bộ Khu phố 5" does) are set aside. Empty when every number is traceable.
pub fn untraced_numbers(body: &str, figures: &Figures, names: &[String]) -> Vec<String> {
    let mut text = markdown::plain_text(body);
    let mut names: Vec<&String> = names.iter().filter(|n| !n.is_empty()).collect();
    // Longest first, so that "Chi bộ Khu phố 5" goes before "Khu phố 5".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in names {
        text = text.replace(name.as_str(), " ");
    }
    let known: Vec<String> = figures
        .list
        .iter()
        .flat_map(|f| numbers(&f.value.display()))
        .collect();
    let mut untraced: Vec<String> = numbers(&text)
        .into_iter()
        .filter(|n| !known.contains(n))
        .collect();
    untraced.dedup();
    untraced
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulletin::stats::{Figure, Value};

    #[test]
    fn numbers_are_read_the_vietnamese_way() {
        assert_eq!(
            numbers("kết nạp 1.045 đảng viên, đạt 60,49%; 9 tháng đầu năm 2021."),
            ["1.045", "60,49", "9", "2021"]
        );
        assert_eq!(
            numbers("tháng 11/2020, nhiệm kỳ 2020–2025"),
            ["11", "2020", "2020", "2025"]
        );
        assert_eq!(
            numbers("thành lập ngày 1-7-2025 và 16/10/2026"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_number_missing_from_the_table_is_found() {
        let figures = Figures {
            list: vec![Figure {
                id: "ket_nap".into(),
                label: "Kết nạp".into(),
                value: Value::Count(12),
                how: "đếm".into(),
                source: Source::Computed,
            }],
            branches: vec![],
            stated_added: vec![],
        };
        let names = vec!["Chi bộ Khu phố 5".to_string()];
        assert!(
            untraced_numbers("Chi bộ Khu phố 5 kết nạp 12 người.", &figures, &names).is_empty()
        );
        assert_eq!(
            untraced_numbers("Chi bộ Khu phố 5 kết nạp 13 người.", &figures, &names),
            ["13"]
        );
    }
}
