/*!
Bulletin articles: the records of a period become an article draft whose every figure is right.

```text
CheckedWorkspace + Period ─stats::compute─▶ Figures ─article (minijinja)─▶ Markdown ─markdown─▶ HTML / Typst ─compile─▶ PDF
```

- [`period`]: the period and how Vietnamese papers write it;
- [`stats`]: the figures, each with how it was obtained (computed from the records, or stated in
  `bao-cao.yaml`);
- [`article`]: the templates, the table of figures, and the check that every number of the article
  is in the table;
- [`markdown`]: the one text, and its HTML and Typst forms.
*/

pub mod article;
pub mod markdown;
pub mod period;
pub mod stats;

use crate::diag::Lang;
use crate::model::Ngay;
use crate::validate::CheckedWorkspace;
use article::{ArticleContext, BranchView, QuoteView, TemplateError, Templates};
use period::Period;
use stats::{Figures, Scope};

/// The built-in template used when none is named.
pub const DEFAULT_TEMPLATE: &str = "tin-ngan";

/// What the clerk asks for.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// First day of the period.
    pub from: Ngay,
    /// Last day of the period.
    pub to: Ngay,
    /// One branch only (an id of `cac_chi_bo`).
    pub branch: Option<&'a str>,
    /// The template's name: `tin-ngan`, `tong-hop`, or one of the workspace's.
    pub template: &'a str,
}

/// An article draft.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The whole article in Markdown: the body, then the table of figures.
    pub markdown: String,
    /// The headline (the first level-1 heading).
    pub headline: String,
    /// The period.
    pub period: Period,
    /// The figures.
    pub figures: Figures,
    /// Things the clerk should know; the draft is still usable.
    pub warnings: Vec<Warning>,
}

/// Something worth a look in a draft.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// The workspace has no `bao-cao.yaml`: no target, no notes.
    NoReportFile,
    /// No target is recorded for the period.
    NoTarget {
        /// What the target would be of: "năm 2021", "nhiệm kỳ 2020–2025".
        of: Option<String>,
    },
    /// The body holds a number that is not a value of the table (written in a note or a template).
    UntracedNumber {
        /// The number as written.
        number: String,
    },
}

impl Warning {
    /// The message.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Warning::NoReportFile => lang
                .pick(
                    "hồ sơ chưa có `bao-cao.yaml`: bài viết không có chỉ tiêu, biện pháp, khó khăn",
                    "the workspace has no `bao-cao.yaml`: the article has no target, methods or difficulties",
                )
                .to_string(),
            Warning::NoTarget { of: Some(of) } => match lang {
                Lang::Vi => format!(
                    "chưa có chỉ tiêu {of} trong `bao-cao.yaml`: bài viết không so với chỉ tiêu"
                ),
                Lang::En => format!(
                    "no target for {of} in `bao-cao.yaml`: the article is not compared with a target"
                ),
            },
            Warning::NoTarget { of: None } => lang
                .pick(
                    "kỳ này không trùng một nhiệm kỳ và không nằm trong một năm: bài viết không so với chỉ tiêu",
                    "the period is neither a term nor within one year: the article is not compared with a target",
                )
                .to_string(),
            Warning::UntracedNumber { number } => match lang {
                Lang::Vi => {
                    format!("số `{number}` trong bài không có trong bảng số liệu")
                }
                Lang::En => format!("the number `{number}` of the article is not in the table of figures"),
            },
        }
    }

    /// How to act on it.
    pub fn hint(&self, lang: Lang) -> String {
        match self {
            Warning::NoReportFile => lang
                .pick(
                    "xem mẫu `bao-cao.yaml` của `hoso init` và mục \"hoso bulletin\" trong README",
                    "see the `bao-cao.yaml` written by `hoso init` and \"hoso bulletin\" in the README",
                )
                .to_string(),
            Warning::NoTarget { .. } => lang
                .pick(
                    "thêm `nhiem_ky` (với `chi_tieu`) hoặc `chi_tieu_nam` vào `bao-cao.yaml`",
                    "add `nhiem_ky` (with `chi_tieu`) or `chi_tieu_nam` to `bao-cao.yaml`",
                )
                .to_string(),
            Warning::UntracedNumber { .. } => lang
                .pick(
                    "nếu là số liệu, ghi nó vào `so_lieu` của `bao-cao.yaml` (có nguồn) và in bằng `so_lieu.<mã>.gia_tri`",
                    "if it is a figure, state it in `so_lieu` of `bao-cao.yaml` (with its source) and print it as `so_lieu.<id>.gia_tri`",
                )
                .to_string(),
        }
    }
}

/// Why no article could be drafted.
#[derive(Debug, thiserror::Error)]
pub enum BulletinError {
    /// `--to` comes before `--from`.
    #[error("the period ends before it starts")]
    PeriodReversed {
        /// First day given.
        from: Ngay,
        /// Last day given.
        to: Ngay,
    },
    /// `--branch` names no branch of `cac_chi_bo`.
    #[error("no branch `{id}`")]
    UnknownBranch {
        /// The id given.
        id: String,
        /// The closest id.
        suggestion: Option<String>,
        /// Whether the workspace lists branches at all.
        has_branches: bool,
    },
    /// The template is unknown or broken.
    #[error(transparent)]
    Template(#[from] TemplateError),
}

impl BulletinError {
    /// The message.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BulletinError::PeriodReversed { from, to } => match lang {
                Lang::Vi => format!(
                    "kỳ báo cáo không hợp lệ: `--to` ({}) trước `--from` ({})",
                    to.short(),
                    from.short()
                ),
                Lang::En => format!(
                    "invalid period: `--to` ({}) is before `--from` ({})",
                    to.short(),
                    from.short()
                ),
            },
            BulletinError::UnknownBranch { id, .. } => match lang {
                Lang::Vi => format!("không có chi bộ mang mã `{id}` trong `cac_chi_bo`"),
                Lang::En => format!("no branch with id `{id}` in `cac_chi_bo`"),
            },
            BulletinError::Template(TemplateError::Unknown { name, available }) => match lang {
                Lang::Vi => format!(
                    "không có mẫu bài viết `{name}`; có: {}",
                    available.join(", ")
                ),
                Lang::En => format!(
                    "no article template `{name}`; there are: {}",
                    available.join(", ")
                ),
            },
            BulletinError::Template(TemplateError::Broken { name, source }) => match lang {
                Lang::Vi => format!("mẫu bài viết `{name}` lỗi: {source:#}"),
                Lang::En => format!("article template `{name}` failed: {source:#}"),
            },
            BulletinError::Template(TemplateError::Io { path, source }) => match lang {
                Lang::Vi => format!("không đọc được `{}`: {source}", path.display()),
                Lang::En => format!("cannot read `{}`: {source}", path.display()),
            },
        }
    }

    /// How to fix it.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        match self {
            BulletinError::PeriodReversed { .. } => Some(
                lang.pick(
                    "đổi chỗ hai ngày: `--from` là ngày đầu kỳ, `--to` là ngày cuối kỳ",
                    "swap the dates: `--from` is the first day, `--to` the last",
                )
                .to_string(),
            ),
            BulletinError::UnknownBranch {
                suggestion: Some(s),
                ..
            } => Some(match lang {
                Lang::Vi => format!("có phải ý là `{s}`?"),
                Lang::En => format!("did you mean `{s}`?"),
            }),
            BulletinError::UnknownBranch {
                has_branches: false,
                ..
            } => Some(
                lang.pick(
                    "hồ sơ chỉ có một chi bộ; liệt kê các chi bộ trong `cac_chi_bo` của `to-chuc.yaml`",
                    "the workspace has a single branch; list branches in `cac_chi_bo` of `to-chuc.yaml`",
                )
                .to_string(),
            ),
            BulletinError::UnknownBranch { .. } => Some(
                lang.pick(
                    "mã chi bộ là khóa `ma` trong `cac_chi_bo` của `to-chuc.yaml`",
                    "a branch id is a `ma` of `cac_chi_bo` in `to-chuc.yaml`",
                )
                .to_string(),
            ),
            BulletinError::Template(TemplateError::Unknown { .. }) => Some(
                lang.pick(
                    "mẫu riêng đặt trong `templates/bulletin/<tên>.md.j2` của hồ sơ",
                    "your own templates go in the workspace's `templates/bulletin/<name>.md.j2`",
                )
                .to_string(),
            ),
            BulletinError::Template(_) => None,
        }
    }
}

/// Drafts the article the request asks for.
pub fn draft(
    checked: &CheckedWorkspace,
    templates: &Templates,
    request: &Request,
) -> Result<Draft, BulletinError> {
    let period = Period::new(request.from, request.to).ok_or(BulletinError::PeriodReversed {
        from: request.from,
        to: request.to,
    })?;
    let workspace = checked.workspace();
    let org = &workspace.org.to_chuc;
    let branch = match request.branch {
        Some(id) => Some(
            workspace
                .branch(id)
                .ok_or_else(|| BulletinError::UnknownBranch {
                    id: id.to_string(),
                    suggestion: workspace.suggest_branch(id).map(str::to_string),
                    has_branches: !org.cac_chi_bo.is_empty(),
                })?,
        ),
        None => None,
    };
    let scope = Scope {
        branch: branch.map(|b| b.ma.as_str()),
    };
    let figures = stats::compute(checked, &period, scope);

    let bao_cao = workspace.bao_cao.as_ref().map(|r| &r.bao_cao);
    let mut warnings = Vec::new();
    if bao_cao.is_none() {
        warnings.push(Warning::NoReportFile);
    } else if figures.get("chi_tieu").is_none() {
        let terms = stats::terms(bao_cao);
        warnings.push(Warning::NoTarget {
            of: stats::target_wanted(&period, &terms, scope),
        });
    }

    let la_dang_bo = branch.is_none() && !org.cac_chi_bo.is_empty();
    let dang_uy = org.dang_uy.clone().or_else(|| {
        org.dang_bo
            .as_ref()
            .map(|b| b.replacen("Đảng bộ", "Đảng ủy", 1))
    });
    let (to_chuc, cap_uy) = match branch {
        Some(b) => (b.ten.clone(), "Chi ủy".to_string()),
        None if la_dang_bo => {
            let name = org
                .dang_bo
                .clone()
                .or_else(|| org.chi_bo.clone())
                .unwrap_or_default();
            (name, dang_uy.clone().unwrap_or_else(|| "Đảng ủy".into()))
        }
        None => (
            org.chi_bo
                .clone()
                .or_else(|| org.dang_bo.clone())
                .unwrap_or_default(),
            "Chi ủy".to_string(),
        ),
    };
    let so_lieu = article::figure_views(&figures);
    let so_lieu_neu = figures
        .stated_added
        .iter()
        .filter_map(|id| so_lieu.get(id))
        .cloned()
        .collect();
    let notes = bao_cao.cloned().unwrap_or_default();
    let trich_dan = notes.trich_dan.as_ref().and_then(|q| {
        Some(QuoteView {
            loi: q.loi.clone()?,
            nguoi: q.nguoi.clone(),
            chuc_vu: q.chuc_vu.clone(),
        })
    });
    let context = ArticleContext {
        ky: figures
            .get("ky")
            .map(|f| f.value.display())
            .unwrap_or_default(),
        to_chuc: to_chuc.clone(),
        la_dang_bo,
        cap_uy: cap_uy.clone(),
        so_lieu,
        chi_bo: figures
            .branches
            .iter()
            .map(|(ten, ket_nap)| BranchView {
                ten: ten.clone(),
                ket_nap: ket_nap.clone(),
            })
            .collect(),
        so_lieu_neu,
        gioi_thieu: notes.gioi_thieu.clone(),
        bien_phap: notes.bien_phap.clone(),
        noi_bat: notes.noi_bat.clone(),
        kho_khan: notes.kho_khan.clone(),
        phuong_huong: notes.phuong_huong.clone(),
        trich_dan: trich_dan.clone(),
        tac_gia: notes.tac_gia.clone(),
    };
    let body = templates.render(request.template, &context)?;

    // Proper names may hold digits ("Chi bộ Khu phố 5"); they are not figures.
    let mut names = vec![to_chuc, cap_uy];
    names.extend(org.dang_bo.clone());
    names.extend(dang_uy);
    names.extend(org.chi_bo.clone());
    names.extend(org.cac_chi_bo.iter().map(|b| b.ten.clone()));
    if let Some(q) = &trich_dan {
        names.extend(q.nguoi.clone());
        names.extend(q.chuc_vu.clone());
    }
    names.extend(notes.tac_gia.clone());
    warnings.extend(
        article::untraced_numbers(&body, &figures, &names)
            .into_iter()
            .map(|number| Warning::UntracedNumber { number }),
    );

    let headline = markdown::headline(&body).unwrap_or_default();
    let mut text = body.trim_end().to_string();
    text.push_str("\n\n");
    text.push_str(&article::figures_table(&figures));
    Ok(Draft {
        markdown: text,
        headline,
        period,
        figures,
        warnings,
    })
}

/// The Typst source of the PDF of a draft.
pub fn typst_source(draft: &Draft, templates: &Templates) -> crate::render::TypstSource {
    let title = crate::render::escape::string_literal(&draft.headline);
    let preamble = format!("#set document(title: {title})\n{}", templates.layout());
    crate::render::TypstSource {
        name: format!(
            "bai-viet-{}-{}.typ",
            draft.period.from.iso(),
            draft.period.to.iso()
        ),
        template: format!("bulletin/{}", article::LAYOUT),
        text: markdown::to_typst(&draft.markdown, &preamble),
        library: String::new(),
        date: Some(draft.period.to),
        reads: Vec::new(),
    }
}
