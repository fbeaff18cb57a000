/*!
Bulletin articles: the records of a period become an article draft whose every figure is right.

```text
CheckedWorkspace + Period ─stats::compute─▶ Figures ─article (minijinja)─▶ Markdown ─markdown─▶ HTML / Typst ─compile─▶ PDF
```

- [`tree`]: the organisation's levels (đảng bộ → đảng bộ cơ sở / chi bộ cơ sở → chi bộ);
- [`period`]: the period and how Vietnamese papers write it;
- [`stats`]: the figures, each with how it was obtained (computed from the records, or stated in
  `bao-cao.yaml`);
- [`article`]: the templates, the table of figures, and the check that every number of the article
  is in the table;
- [`markdown`]: the one text, and its HTML and Typst forms;
- [`docx`]: the same text as a Word document, for the editor who works in Word.
*/

pub mod article;
pub mod docx;
pub mod markdown;
pub mod period;
pub mod stats;
pub mod tree;

use crate::diag::Lang;
use crate::model::{GhiChepDonVi, Ngay};
use crate::validate::CheckedWorkspace;
use crate::vn;
use article::{ArticleContext, LeaverView, QuoteView, TemplateError, Templates, UnitView};
use period::Period;
use stats::{Figures, Scope};
use tree::{Level, Tree};

/// The built-in template used when none is named.
pub const DEFAULT_TEMPLATE: &str = "tin-ngan";

/// What the clerk asks for.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// First day of the period.
    pub from: Ngay,
    /// Last day of the period.
    pub to: Ngay,
    /// One unit only: an id of `cac_chi_bo` or of `cac_dang_bo_co_so`.
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
                    "xem mẫu `bao-cao.yaml` của `hoso init` và mục \"hoso bulletin\" trong docs/reference.md",
                    "see the `bao-cao.yaml` written by `hoso init` and \"hoso bulletin\" in docs/reference.md",
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
            BulletinError::Template(TemplateError::Refused { path }) => match lang {
                Lang::Vi => format!(
                    "không đọc mẫu bài viết `{}`: đó không phải tệp thường nằm trong thư mục hồ sơ",
                    path.display()
                ),
                Lang::En => format!(
                    "article template `{}` not read: it is not a regular file inside the workspace",
                    path.display()
                ),
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
                    "mã đơn vị là khóa `ma` trong `cac_chi_bo` hoặc `cac_dang_bo_co_so` của `to-chuc.yaml`",
                    "a unit id is a `ma` of `cac_chi_bo` or `cac_dang_bo_co_so` in `to-chuc.yaml`",
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
    let tree = Tree::of(workspace);
    let unit = match request.branch {
        Some(id) => tree.find(id).ok_or_else(|| BulletinError::UnknownBranch {
            id: id.to_string(),
            suggestion: crate::suggest::closest(id, tree.ids()).map(str::to_string),
            has_branches: tree.units.len() > 1,
        })?,
        None => 0,
    };
    let scope = Scope { tree: &tree, unit };
    let figures = stats::compute(checked, &period, scope);

    let bao_cao = workspace.bao_cao.as_ref().map(|r| &r.bao_cao);
    let terms = stats::terms(bao_cao);
    let mut warnings = Vec::new();
    if bao_cao.is_none() {
        warnings.push(Warning::NoReportFile);
    } else if figures.get("chi_tieu").is_none() {
        warnings.push(Warning::NoTarget {
            of: stats::target_wanted(&period, &terms, scope),
        });
    }

    let here = &tree.units[unit];
    let la_dang_bo = !here.children.is_empty();
    let ba_cap = tree.three_levels && unit == 0;
    let to_chuc = here.name.clone();
    let cap_uy = tree.committee(unit, workspace);
    let cap_duoi = if ba_cap {
        "tổ chức cơ sở đảng"
    } else {
        "chi bộ trực thuộc"
    };
    let so_lieu = article::figure_views(&figures);

    // The notes of `bao-cao.yaml` speak for the whole organisation; an article about one unit
    // takes that unit's own notes (`cac_don_vi`), never the organisation's.
    let report = bao_cao.cloned().unwrap_or_default();
    let notes: GhiChepDonVi = match here.id.as_deref() {
        None => GhiChepDonVi {
            ma: None,
            gioi_thieu: report.gioi_thieu.clone(),
            bien_phap: report.bien_phap.clone(),
            noi_bat: report.noi_bat.clone(),
            kho_khan: report.kho_khan.clone(),
            phuong_huong: report.phuong_huong.clone(),
            trich_dan: report.trich_dan.clone(),
        },
        Some(id) => report
            .cac_don_vi
            .iter()
            .find(|n| n.ma.as_deref() == Some(id))
            .cloned()
            .unwrap_or_default(),
    };
    let trich_dan: Vec<QuoteView> = notes.trich_dan.iter().filter_map(QuoteView::of).collect();

    let level_word = |level: Level| match level {
        Level::DangBoCoSo => "đảng bộ cơ sở",
        Level::ChiBoCoSo => "chi bộ cơ sở",
        Level::ChiBo | Level::Top => "chi bộ",
    };
    let view = |r: &stats::UnitRow| UnitView {
        ten: r.name.clone(),
        cap: level_word(r.level).to_string(),
        // "Chi bộ Tổ dân phố 3 phường Hoa Lư" already says where it is: no "(Đảng bộ phường Hoa Lư)".
        thuoc: r.parent.clone().filter(|p| {
            let place = p.strip_prefix("Đảng bộ ").unwrap_or(p);
            !r.name.contains(place)
        }),
        ket_nap: vn::thousands(r.ket_nap),
        so: r.ket_nap,
        dang_vien: vn::thousands(r.dang_vien),
    };
    let best = |rows: Vec<&stats::UnitRow>| -> Vec<UnitView> {
        let mut rows: Vec<&stats::UnitRow> = rows.into_iter().filter(|r| r.ket_nap > 0).collect();
        // Most first; a tie keeps the order of `to-chuc.yaml`.
        rows.sort_by_key(|r| std::cmp::Reverse(r.ket_nap));
        rows.into_iter()
            .take(stats::NAMED_UNITS)
            .map(view)
            .collect()
    };
    let don_vi: Vec<UnitView> = figures
        .units
        .iter()
        .filter(|r| r.direct)
        .map(view)
        .collect();
    let tieu_bieu = best(figures.units.iter().filter(|r| r.direct).collect());
    let tieu_bieu_deu = tieu_bieu.len() > 1 && tieu_bieu.iter().all(|u| u.so == tieu_bieu[0].so);
    let chi_bo_tieu_bieu = if ba_cap {
        best(
            figures
                .units
                .iter()
                .filter(|r| matches!(r.level, Level::ChiBo | Level::ChiBoCoSo))
                .collect(),
        )
    } else {
        Vec::new()
    };
    let context = ArticleContext {
        ky: figures
            .get("ky")
            .map(|f| f.value.display())
            .unwrap_or_default(),
        ky_trong: period.adverbial(&terms),
        to_chuc: to_chuc.clone(),
        la_dang_bo,
        ba_cap,
        cap_duoi: cap_duoi.to_string(),
        cap_uy: cap_uy.clone(),
        so_lieu,
        don_vi,
        tieu_bieu,
        tieu_bieu_deu,
        chi_bo_tieu_bieu,
        ra_khoi: figures
            .leavers
            .iter()
            .map(|l| LeaverView {
                so: vn::thousands(l.count),
                ly_do: l.reason.clone(),
                cum: format!("{} đồng chí {}", vn::thousands(l.count), l.reason),
            })
            .collect(),
        so_lieu_neu: article::stated_sentences(&figures, bao_cao),
        gioi_thieu: notes.gioi_thieu.clone(),
        bien_phap: notes.bien_phap.clone(),
        noi_bat: notes.noi_bat.clone(),
        kho_khan: notes.kho_khan.clone(),
        phuong_huong: notes.phuong_huong.clone(),
        trich_dan: trich_dan.clone(),
        tac_gia: report.tac_gia.clone(),
    };
    let body = tidy(&templates.render(request.template, &context)?);

    // Proper names may hold digits ("Chi bộ Khu phố 5"); they are not figures.
    let mut names = vec![to_chuc, cap_uy];
    names.extend(org.dang_bo.clone());
    names.extend(org.dang_uy.clone());
    names.extend(org.chi_bo.clone());
    names.extend(tree.units.iter().map(|u| u.name.clone()));
    names.extend(
        tree.units
            .iter()
            .map(|u| u.name.replacen("Đảng bộ", "Đảng ủy", 1)),
    );
    for q in &trich_dan {
        names.extend(q.nguoi.clone());
        names.extend(q.chuc_vu.clone());
    }
    names.extend(report.tac_gia.clone());
    warnings.extend(
        article::untraced_numbers(&body, &figures, &names)
            .into_iter()
            .map(|number| Warning::UntracedNumber { number }),
    );

    let headline = markdown::headline(&body).unwrap_or_default();
    let mut text = body.trim_end().to_string();
    text.push_str("\n\n");
    text.push_str(&article::figures_table(&figures, &body));
    Ok(Draft {
        markdown: text,
        headline,
        period,
        figures,
        warnings,
    })
}

/// The Markdown of a template with its lines trimmed and runs of blank lines made one: what
/// templates leave around their conditions is not part of the text (and a line indented by four
/// spaces would become code).
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = true;
    for line in markdown.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    out
}

/// The Typst source of the PDF of a draft (written by the render stage, as all Typst is).
pub fn typst_source(draft: &Draft, templates: &Templates) -> crate::render::TypstSource {
    crate::render::article_source(
        format!(
            "bai-viet-{}-{}.typ",
            draft.period.from.iso(),
            draft.period.to.iso()
        ),
        &draft.headline,
        &draft.markdown,
        templates.layout(),
        format!("bulletin/{}", article::LAYOUT),
        draft.period.to,
    )
}
