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
use super::stats::{Figures, Source, Value as FigureValue};

use include_dir::{Dir, include_dir};
use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind, Output, State};
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

/// A unit below the article's one, as a template names it.
#[derive(Debug, Clone, Serialize)]
pub struct UnitView {
    /// Its name: "Đảng bộ phường Hoa Lư", "Chi bộ bản Xá".
    pub ten: String,
    /// Its level in words: "đảng bộ cơ sở", "chi bộ cơ sở", "chi bộ".
    pub cap: String,
    /// The đảng bộ cơ sở it belongs to, for a chi bộ named in an article about the whole đảng bộ.
    pub thuoc: Option<String>,
    /// Its new members, printed.
    pub ket_nap: String,
    /// The number behind it, for conditions only.
    pub so: i64,
    /// Its members at the end of the period, printed.
    pub dang_vien: String,
}

/// Leavers of one kind, as a template writes them.
#[derive(Debug, Clone, Serialize)]
pub struct LeaverView {
    /// How many, printed.
    pub so: String,
    /// Why, as the article says it: "chuyển sinh hoạt đảng đi nơi khác", "từ trần".
    pub ly_do: String,
    /// Both as a phrase: "2 đồng chí chuyển sinh hoạt đảng đi nơi khác".
    pub cum: String,
}

/// Someone's words, for the press form `Đồng chí X, chức vụ, cho biết: “…”`.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    /// What was said, without the quotation marks the clerk may have typed.
    pub loi: String,
    /// Who said it.
    pub nguoi: Option<String>,
    /// Their position.
    pub chuc_vu: Option<String>,
    /// How the words are introduced: "cho biết" unless the clerk wrote another.
    pub cach_noi: String,
}

impl QuoteView {
    /// The view of a quote of `bao-cao.yaml`; `None` without words.
    pub fn of(q: &crate::model::TrichDan) -> Option<QuoteView> {
        let loi = q.loi.as_deref()?.trim();
        // The article puts its own curly quotes around the words.
        let loi = loi
            .trim_start_matches(['"', '“', '\'', '‘'])
            .trim_end_matches(['"', '”', '\'', '’'])
            .trim()
            .to_string();
        if loi.is_empty() {
            return None;
        }
        Some(QuoteView {
            loi: full_stop(&loi),
            nguoi: q.nguoi.clone().filter(|s| !s.trim().is_empty()),
            chuc_vu: q.chuc_vu.clone().filter(|s| !s.trim().is_empty()),
            cach_noi: q
                .cach_noi
                .clone()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| "cho biết".to_string()),
        })
    }
}

/// Everything a template gets.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleContext {
    /// The organisation the article is about: "Đảng bộ xã Thanh Yên", "Chi bộ Khu phố 5".
    pub to_chuc: String,
    /// Whether it is a đảng bộ with units below it (rather than one chi bộ).
    pub la_dang_bo: bool,
    /// Whether its units are đảng bộ cơ sở with their own chi bộ (three levels).
    pub ba_cap: bool,
    /// The units right below it in words: "chi bộ trực thuộc", "tổ chức cơ sở đảng".
    pub cap_duoi: String,
    /// Its leading committee: "Đảng ủy xã Thanh Yên", "Chi ủy".
    pub cap_uy: String,
    /// The period as named ("9 tháng đầu năm 2021"), the value of figure `ky`.
    pub ky: String,
    /// The period after a verb or at the start of a sentence: "trong 9 tháng đầu năm 2021",
    /// "từ đầu năm đến tháng 11/2020" (never "trong từ …").
    pub ky_trong: String,
    /// Every figure by id.
    pub so_lieu: BTreeMap<String, FigureView>,
    /// The units right below, in the order of `to-chuc.yaml`.
    pub don_vi: Vec<UnitView>,
    /// Those of them that admitted the most (at most three, none that admitted nobody).
    pub tieu_bieu: Vec<UnitView>,
    /// Whether the units of `tieu_bieu` admitted as many each.
    pub tieu_bieu_deu: bool,
    /// Three levels: the chi bộ that admitted the most in the whole đảng bộ, with their đảng bộ
    /// cơ sở.
    pub chi_bo_tieu_bieu: Vec<UnitView>,
    /// Leavers by the reason recorded, most first.
    pub ra_khoi: Vec<LeaverView>,
    /// Stated figures that are not replacing a computed one, woven into sentences (one per
    /// sentence given, one per source otherwise).
    pub so_lieu_neu: Vec<String>,
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
    /// The words of the people quoted.
    pub trich_dan: Vec<QuoteView>,
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
    /// A workspace's template that is not a regular file inside the workspace (a link out of it,
    /// a folder, a device): not read.
    #[error("template `{}` is not a regular file inside the workspace", path.display())]
    Refused {
        /// The file.
        path: PathBuf,
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
        let mut env = crate::render::template_environment();
        env.set_formatter(format_value);
        // Auto-escaping on (with our Markdown formatter) marks what a macro returns as already
        // escaped, so that the sentences of `_phan.md.j2` are not escaped a second time.
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Custom("markdown".into()));
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
                // Read as the forms' overrides are: a regular file inside the workspace only.
                let read = || match crate::render::read_override(
                    workspace_root,
                    &format!("bulletin/{name}"),
                ) {
                    Ok(text) => Ok(text.unwrap_or_default()),
                    Err(crate::render::RenderError::Io { path, source }) => {
                        Err(TemplateError::Io { path, source })
                    }
                    Err(_) => Err(TemplateError::Refused { path: path.clone() }),
                };
                if name == LAYOUT {
                    layout = read()?;
                } else if let Some(stem) = name.strip_suffix(TEMPLATE_EXT) {
                    sources.insert(stem.to_string(), read()?);
                }
            }
        }
        // `_phan` and other names starting with `_` are parts that templates import, not articles.
        let names: Vec<String> = sources
            .keys()
            .filter(|n| !n.starts_with('_'))
            .cloned()
            .collect();
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

/// The table of figures in Markdown, for the editor to check each figure: what it counts, its
/// value (exact, where the article rounds it), how it was obtained and where it comes from. No
/// internal id: the ids are for templates. A figure about one unit is listed only when `body`
/// names that unit, so that the table of a đảng bộ of 375 chi bộ is not 375 rows long.
pub fn figures_table(figures: &Figures, body: &str) -> String {
    let text = markdown::plain_text(body);
    let mut out = String::from(
        "## Bảng số liệu\n\n| Số liệu | Giá trị | Cách tính | Nguồn |\n|---|---|---|---|\n",
    );
    for f in &figures.list {
        if f.about
            .as_ref()
            .is_some_and(|name| !text.contains(name.as_str()))
        {
            continue;
        }
        // A count of nobody that the article does not use only lengthens the table.
        if f.value == FigureValue::Count(0) && f.id != "ket_nap" && f.source == Source::Computed {
            continue;
        }
        let source = match &f.source {
            Source::Computed => "tính từ hồ sơ".to_string(),
            Source::Recorded => "chỉ tiêu được giao".to_string(),
            Source::Stated { nguon } => format!("số liệu nêu: {nguon}"),
        };
        let (shown, exact) = (f.value.display(), f.value.exact());
        let value = if shown == exact {
            shown
        } else {
            format!("{shown} ({exact})")
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            markdown::escape(&f.label),
            markdown::escape(&value),
            markdown::escape(&f.how),
            markdown::escape(&source),
        ));
    }
    out
}

/// The stated figures added by `bao-cao.yaml`, woven into sentences: a figure with its own
/// sentence (`cau`) takes it; the others are said together, once per source ("Theo …, … là …").
pub fn stated_sentences(figures: &Figures, bao_cao: Option<&crate::model::BaoCao>) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut by_source: Vec<(String, Vec<String>)> = Vec::new();
    for id in &figures.stated_added {
        let Some(f) = figures.get(id) else { continue };
        let cau = bao_cao
            .and_then(|b| b.so_lieu.iter().find(|s| s.ma.as_deref() == Some(id)))
            .and_then(|s| s.cau.clone())
            .filter(|c| c.contains("{}"));
        let value = f.value.display();
        if let Some(cau) = cau {
            sentences.push(full_stop(&cau.replacen("{}", &value, 1)));
            continue;
        }
        let nguon = match &f.source {
            Source::Stated { nguon } => nguon.clone(),
            _ => String::new(),
        };
        let part = format!("{} là {value}", f.label);
        match by_source.iter_mut().find(|(n, _)| *n == nguon) {
            Some((_, parts)) => parts.push(part),
            None => by_source.push((nguon, vec![part])),
        }
    }
    for (nguon, parts) in by_source {
        let joined = join_vi(&parts);
        let sentence = if nguon.is_empty() {
            filter_hoa_dau(&joined)
        } else {
            format!("Theo {nguon}, {joined}")
        };
        sentences.push(full_stop(&sentence));
    }
    sentences
}

/// "a", "a và b", "a, b và c".
fn join_vi(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// The sentence ending with a full stop (or the mark it already has).
fn full_stop(sentence: &str) -> String {
    let s = sentence.trim();
    if s.ends_with(['.', '!', '?', '…']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
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

/// The numbers of a text that may be figures: [`numbers`], less the years ("năm 2019",
/// "2010–2015", "tháng 3/2019") and the numbers of documents ("Nghị quyết số 21-NQ/TW",
/// "Chỉ thị 03-CT/TWĐTN"), which a note or a template writes without them being figures. A
/// count that happens to look like a year (2.019 is written with its dot) is not lost.
pub fn figure_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
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
        // "21-NQ/TW": a document number, as is anything right after "số".
        let document = (chars.get(i) == Some(&'-')
            && chars.get(i + 1).is_some_and(|c| c.is_alphabetic()))
            || chars[..start]
                .iter()
                .rev()
                .skip_while(|c| c.is_whitespace())
                .take(2)
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
                .to_lowercase()
                == "số";
        if document {
            continue;
        }
        let parts: Vec<&str> = token.split(['/', '-']).collect();
        let is_year =
            |p: &str| p.len() == 4 && p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
        let is_month = |p: &str| p.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
        let all_digits = parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        let is_date = all_digits && parts.len() == 3 && parts[2].len() == 4;
        let is_month_year =
            all_digits && parts.len() == 2 && is_month(parts[0]) && is_year(parts[1]);
        if is_date || is_month_year {
            continue;
        }
        for part in parts {
            let part = part.trim_end_matches(['.', ',']);
            if !part.is_empty() && !is_year(part) {
                found.push(part.to_string());
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
    let mut untraced: Vec<String> = figure_numbers(&text)
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
                about: None,
            }],
            ..Figures::default()
        };
        let names = vec!["Chi bộ Khu phố 5".to_string()];
        assert!(
            untraced_numbers("Chi bộ Khu phố 5 kết nạp 12 người.", &figures, &names).is_empty()
        );
        assert_eq!(
            untraced_numbers("Chi bộ Khu phố 5 kết nạp 13 người.", &figures, &names),
            ["13"]
        );
        // Years and document numbers written in a note are not figures.
        assert!(
            untraced_numbers(
                "Thành lập năm 1930, nhiệm kỳ 2010–2015, tháng 3/2019, theo Nghị quyết số 21 và Chỉ thị 03-CT/TWĐTN, kết nạp 12 người.",
                &figures,
                &names
            )
            .is_empty()
        );
    }
}
