/*!
Rendering: a checked person and a form become Typst source, through a minijinja template.

Templates never paste a value raw. The environment's formatter escapes every printed value for
Typst markup (`escape.rs`), prints a missing value as a dotted blank for handwriting (`#o()`), and
fails on anything a template names that the context does not have (strict undefined). Filters give
the Vietnamese forms of dates and numbers. Built-in templates are embedded; a workspace can override
any of them by putting a file of the same name in its own `templates/` folder.
*/

mod article;
mod context;
pub mod escape;
mod family;
mod filters;

pub use article::{article_source, markdown_events};
pub use context::DossierLine;
use context::{CeremonyPerson, ProbationView, SelfReviewView, meeting};
pub use context::{
    CeremonyView, CommitteeView, DecidedPerson, DecisionView, DoanTheView, DocView, DossierView,
    FormContext, MeetingView, NhanXetView, OrgView, PersonView, SponsorView,
};

use crate::diag::{Diagnostic, Problem};
use crate::facts::DecisionKind;
use crate::forms::{Catalogue, Form, Unfillable};
use crate::model::{LyLich, Ngay, PathView};
use crate::plan;
use crate::validate::{Checked, CheckedWorkspace, Person};
use include_dir::{Dir, include_dir};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

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
    /// The workspace files whose data the document was made from (the organisation's, the
    /// person's, those of the people it names), as loaded: what a batch must watch for changes.
    pub reads: Vec<PathBuf>,
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
    /// A workspace's template is not a regular file inside the workspace (a link out of it, a
    /// folder, a device): it is not read.
    #[error("template `{}` is not a regular file inside the workspace", path.display())]
    Refused {
        /// The file.
        path: std::path::PathBuf,
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
    Blank(&'a CheckedWorkspace),
}

/// The minijinja environment with every template parsed once, and the layout library.
pub struct Renderer {
    env: Environment<'static>,
    library: String,
    /// A digest of every template and the library, for the batch's incremental runs.
    digest: String,
}

impl Renderer {
    /// Built-in templates, overridden by the files of `<workspace>/templates/` when given.
    pub fn new(workspace_root: Option<&Path>) -> Result<Renderer, RenderError> {
        let mut env = template_environment();
        env.set_auto_escape_callback(|_| AutoEscape::Custom("typst".into()));
        env.set_formatter(filters::format_value);
        env.add_filter("ngay", filters::filter_ngay);
        env.add_filter("ngay_so", filters::filter_ngay_so);
        env.add_filter("cho", filters::filter_cho);
        env.add_filter("so", filters::filter_so);
        env.add_filter("phan_tram", filters::filter_phan_tram);
        env.add_filter("hoa", filters::filter_hoa);
        env.add_filter("chuoi", filters::filter_chuoi);
        env.add_filter("doan", filters::filter_doan);
        env.add_filter("doan_cuoi", filters::filter_doan_cuoi);
        env.add_filter("nhom_gia_dinh", family::filter_nhom_gia_dinh);

        let mut library = String::new();
        let mut files = Vec::new();
        collect(&TEMPLATES_DIR, &mut files);
        files.sort();
        let mut digest = sha2::Sha256::default();
        for (name, builtin) in files {
            // Article templates write Markdown, not Typst: the bulletin stage has its own environment;
            // the desk's pages are HTML, in the desk's.
            if name.starts_with("bulletin/") || name.starts_with("desk/") {
                continue;
            }
            let own = match workspace_root {
                Some(root) => read_override(root, &name)?,
                None => None,
            };
            let text = own.unwrap_or_else(|| builtin.to_string());
            sha2::Digest::update(&mut digest, name.as_bytes());
            sha2::Digest::update(&mut digest, text.as_bytes());
            if name == LIBRARY_PATH {
                library = text;
            } else if name.ends_with(".j2") {
                env.add_template_owned(name.clone(), text)
                    .map_err(|source| RenderError::Template { name, source })?;
            }
        }
        let digest = crate::output::hex(&sha2::Digest::finalize(digest));
        Ok(Renderer {
            env,
            library,
            digest,
        })
    }

    /// The layout library's text (built-in or the workspace's override).
    pub fn library(&self) -> &str {
        &self.library
    }

    /// A digest of every template and the library in use.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// Renders `form` for `subject` into Typst source.
    pub fn render(&self, form: &Form, subject: Subject<'_>) -> Result<TypstSource, RenderError> {
        self.render_with(form, subject, |_| {})
    }

    /// Renders `form` for `subject`, letting `amend` complete the context first (the dossier
    /// puts the page numbers of its documents on the cover).
    pub fn render_with(
        &self,
        form: &Form,
        subject: Subject<'_>,
        amend: impl FnOnce(&mut FormContext),
    ) -> Result<TypstSource, RenderError> {
        let (mut context, reads) = build_context(form, subject)?;
        amend(&mut context);
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
            Subject::Filled(c) => c.id(),
            Subject::Blank(_) => "mau-trang",
        };
        Ok(TypstSource {
            name: format!("{}-{who}.typ", file_safe_code(&form.ma)),
            template: form.mau_in.clone(),
            text,
            library: self.library.clone(),
            date: context.van_ban.ngay,
            reads,
        })
    }
}

/// The records a form's context read: the organisation's, the person's, and the people it names,
/// each found through this and nowhere else, so that what a document shows is what it says it read.
struct Reads<'a> {
    ws: &'a CheckedWorkspace,
    paths: RefCell<BTreeSet<&'a Path>>,
}

impl<'a> Reads<'a> {
    fn new(ws: &'a CheckedWorkspace) -> Self {
        let org: &'a Path = &ws.workspace().org.spans.file().path;
        Reads {
            ws,
            paths: RefCell::new(BTreeSet::from([org])),
        }
    }

    /// The person with this id, read.
    fn person(&self, id: Option<&str>) -> Option<Person<'a>> {
        let p = self.ws.person(id?)?;
        self.paths.borrow_mut().insert(p.record().path());
        Some(p)
    }

    /// These people, read.
    fn group(&self, people: Vec<Person<'a>>) -> Vec<Person<'a>> {
        let mut paths = self.paths.borrow_mut();
        paths.extend(people.iter().map(|p| p.record().path()));
        people
    }

    fn into_paths(self) -> Vec<PathBuf> {
        self.paths
            .into_inner()
            .into_iter()
            .map(Path::to_path_buf)
            .collect()
    }
}

/// Instructions a template may execute for one document.
pub const TEMPLATE_FUEL: u64 = 5_000_000;

/// The minijinja environment every template of hoso runs in (forms here, articles in the
/// bulletin stage): strict about undefined names, block tags that leave no blank lines, and
/// bounded fuel. A template is a program: a loop in a workspace's override must end with an
/// error, not hang a batch (the largest built-in form, a personal history of 30 entries, uses a
/// few thousand instructions).
pub fn template_environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .expect("the default delimiters are valid");
    env.set_syntax(syntax);
    env.set_fuel(Some(TEMPLATE_FUEL));
    env
}

/// The largest template a workspace may bring.
const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

/// The workspace's own version of a built-in template (`<root>/templates/<name>`), if it has one.
///
/// Only a regular file inside the workspace is read: a link may point within it, but one that
/// leads out of it (to `/proc/self/environ`, a private key) is refused, as is a folder, a FIFO or
/// a device under the template's name. The bulletin's templates are read the same way.
pub fn read_override(root: &Path, name: &str) -> Result<Option<String>, RenderError> {
    use std::io::Read;
    let path = root.join("templates").join(name);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| RenderError::Io { path, source }
    };
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(&path)(e)),
        Ok(_) => {}
    }
    let refused = || RenderError::Refused { path: path.clone() };
    let real = std::fs::canonicalize(&path).map_err(io(&path))?;
    let inside = std::fs::canonicalize(root).is_ok_and(|r| real.starts_with(r));
    if !inside || !std::fs::metadata(&real).is_ok_and(|m| m.is_file()) {
        return Err(refused());
    }
    let mut text = String::new();
    std::fs::File::open(&real)
        .and_then(|f| f.take(MAX_TEMPLATE_BYTES + 1).read_to_string(&mut text))
        .map_err(io(&path))?;
    if text.len() as u64 > MAX_TEMPLATE_BYTES {
        return Err(refused());
    }
    Ok(Some(text))
}

/// `6-KNĐ` → `6-KND`, for file names.
pub fn file_safe_code(code: &str) -> String {
    code.replace('Đ', "D").replace('đ', "d")
}

/// Whether the workspace overrides any built-in template (layout library, form, article).
pub fn has_own_templates(root: &Path) -> bool {
    let mut files = Vec::new();
    collect(&TEMPLATES_DIR, &mut files);
    files
        .iter()
        .any(|(name, _)| matches!(read_override(root, name), Ok(Some(_))))
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

fn build_context(
    form: &Form,
    subject: Subject<'_>,
) -> Result<(FormContext, Vec<PathBuf>), RenderError> {
    let checked_ws = match subject {
        Subject::Filled(c) => c.workspace(),
        Subject::Blank(w) => w,
    };
    let reads = Reads::new(checked_ws);
    let org = checked_ws.org();
    let lookup = |id: Option<&str>| reads.person(id).map(Person::nguoi);
    let name_of = |id: &Option<String>| lookup(id.as_deref()).and_then(|n| n.ho_ten.clone());
    // A person of a đảng bộ's branch (`chi_bo` in their record, listed in `cac_chi_bo`) has that
    // branch's name and secretary on their forms; the workspace's secretary signs only for the
    // workspace's own chi bộ. A blank form is the workspace's.
    let branch = match subject {
        Subject::Filled(c) => {
            let ws = checked_ws.workspace();
            ws.branch_of(c.nguoi()).and_then(|id| ws.branch(id))
        }
        Subject::Blank(_) => None,
    };
    let (chi_bo, bi_thu) = match branch {
        Some(b) if org.chi_bo.as_deref() == Some(b.ten.as_str()) => (
            Some(b.ten.clone()),
            name_of(&b.bi_thu).or_else(|| name_of(&org.bi_thu)),
        ),
        Some(b) => (Some(b.ten.clone()), name_of(&b.bi_thu)),
        None => (org.chi_bo.clone(), name_of(&org.bi_thu)),
    };
    let to_chuc = OrgView {
        cap_tren: org.cap_tren.clone(),
        dang_uy_bo_phan: org.dang_uy_bo_phan.clone(),
        dang_bo: org.dang_bo.clone(),
        dang_uy: org.dang_uy.clone().or_else(|| {
            org.dang_bo
                .as_ref()
                .map(|b| b.replacen("Đảng bộ", "Đảng ủy", 1))
        }),
        chi_bo,
        dia_danh: org.dia_danh.clone(),
        bi_thu,
        co_chi_uy: checked_ws.workspace().has_chi_uy(match subject {
            Subject::Filled(c) => Some(c.nguoi()),
            Subject::Blank(_) => None,
        }),
    };
    let issuer = crate::register::issuer_symbol(form, org);
    let symbol = form.ky_hieu.as_ref().map(|k| match &issuer {
        Some(i) => format!("{k}/{i}"),
        None => k.clone(),
    });
    let le_trang = org.le_trang.unwrap_or_default();
    let chinh_thuc = form.ve == "dang-vien-du-bi";

    let Subject::Filled(checked) = subject else {
        // A blank form is printed as the newest set that has it (3A-KNĐ: the sets before 38-HD).
        let regulation = Catalogue::builtin().newest_set_with(form).cloned();
        let ho_so =
            (form.ve == "ho-so").then(|| DossierView::of(&plan::blank(plan::Kind::KetNap), None));
        let context = FormContext {
            mau: form.clone(),
            van_ban: DocView {
                so: None,
                ky_hieu: symbol,
                ngay: None,
            },
            nguoi: PersonView::default(),
            gioi_thieu: vec![SponsorView::default(), SponsorView::default()],
            hop: MeetingView::default(),
            nq_chi_bo: None,
            quy_dinh: regulation,
            le_trang,
            ban_nhap: false,
            mau_trang: true,
            trang_dau: None,
            chinh_thuc,
            ket_nap_lai: None,
            ly_lich: LyLich::default(),
            doan_the: DoanTheView {
                cong_doan: form.dieu_kien.values().any(|v| v == "cong_doan"),
                ..DoanTheView::default()
            },
            nhan_xet: NhanXetView::default(),
            tham_dinh: crate::model::BaoCaoThamDinh {
                co_quan: to_chuc.dang_uy_bo_phan.clone(),
                ..Default::default()
            },
            nq_dang_uy: CommitteeView::of(&Default::default(), &to_chuc),
            quyet_dinh: DecisionView::of(&Default::default(), &to_chuc, vec![]),
            ket_nap: DecisionView::of(&Default::default(), &to_chuc, vec![]),
            le_ket_nap: CeremonyView::default(),
            du_bi: ProbationView::default(),
            tu_kiem_diem: SelfReviewView::default(),
            nhan_xet_giup_do: Default::default(),
            giup_do: PersonView::default(),
            ho_so,
            to_chuc,
        };
        return Ok((context, reads.into_paths()));
    };

    let record = checked.record();
    let n = &record.nguoi;
    let view = checked.view();
    let date = view.first_date(&form.ngay_van_ban);
    let problems: Vec<Diagnostic> = form
        .unfillable(&view)
        .into_iter()
        .map(|u| {
            let (problem, at) = match u {
                Unfillable::NeedsField { field } => {
                    let at = record.spans.locate(&field);
                    let form = form.ma.clone();
                    (Problem::FormNeedsField { form, field }, at)
                }
                Unfillable::NotApplicable {
                    field,
                    expected,
                    found,
                } => (
                    Problem::FormNotApplicable {
                        form: form.ma.clone(),
                        field: field.clone(),
                        expected,
                        found,
                    },
                    record.spans.locate(&field),
                ),
                Unfillable::NotInForce { date, set, field } => (
                    Problem::FormNotInForce {
                        form: form.ma.clone(),
                        date: date.short(),
                        set,
                        field: field.clone(),
                    },
                    record.spans.locate(&field),
                ),
            };
            Diagnostic::error(problem, Some(at))
        })
        .collect();
    if !problems.is_empty() {
        return Err(RenderError::Data(problems));
    }

    let (so, ky_hieu) = document_number(form, org, &record.id, Some(&view), symbol);

    let gioi_thieu = n
        .nguoi_gioi_thieu
        .iter()
        .map(|s| SponsorView {
            dang_vien: reads
                .person(s.dang_vien.as_deref())
                .map(PersonView::of)
                .unwrap_or_default(),
            thu: s.clone(),
        })
        .collect();

    // The events of this form's stage: admission, or full membership.
    let (hop, nhan_xet, tham_dinh, nq_dang_uy) = if chinh_thuc {
        (
            n.hop_xet_chinh_thuc.as_ref(),
            n.tong_hop_nhan_xet_du_bi.as_ref(),
            n.tham_dinh_chinh_thuc.as_ref(),
            n.nghi_quyet_dang_uy_chinh_thuc.as_ref(),
        )
    } else {
        (
            n.hop_chi_bo.as_ref(),
            n.tong_hop_nhan_xet.as_ref(),
            n.tham_dinh.as_ref(),
            n.nghi_quyet_dang_uy.as_ref(),
        )
    };
    let decided = |p: crate::validate::Person<'_>, chinh_thuc: bool| {
        let mut view = DecidedPerson::of(p, chinh_thuc);
        let proposal = if chinh_thuc { "13-KNĐ" } else { "6-KNĐ" };
        view.nghi_quyet_chi_bo = registered_number(org, proposal, p.id());
        view
    };
    let decision_of = |chinh_thuc: bool| {
        let kind = if chinh_thuc {
            DecisionKind::Recognition
        } else {
            DecisionKind::Admission
        };
        let mine = kind.of(n).cloned().unwrap_or_default();
        // Everyone in the same decision is named in it (one definition: `facts::decision_key`).
        let group = reads
            .group(checked.decision_group(kind))
            .into_iter()
            .map(|p| decided(p, chinh_thuc))
            .collect();
        DecisionView::of(&mine, &to_chuc, group)
    };
    let quyet_dinh_view = decision_of(chinh_thuc);
    let ceremony = n.le_ket_nap.as_ref();
    // Only the ceremony's own paperwork names everyone admitted that day.
    let at_ceremony = if form.ve == "le-ket-nap" {
        reads.group(checked.ceremony_group())
    } else {
        vec![checked.person()]
    };
    let le_ket_nap = ceremony_view(checked, at_ceremony, &reads);
    let du_bi = ProbationView {
        tu: ceremony.and_then(|c| c.ngay),
        den: checked.probation_end(),
    };
    let tu_kiem_diem = n
        .tu_kiem_diem
        .as_ref()
        .map(|t| SelfReviewView {
            chi_uy: t.nhan_xet_chi_uy.clone().unwrap_or_default(),
            ban_kiem_diem: t.clone(),
        })
        .unwrap_or_default();
    let mentor = reads
        .person(ceremony.and_then(|c| c.nguoi_giup_do.as_deref()))
        .map(PersonView::of)
        .unwrap_or_default();
    let ho_so = (form.ve == "ho-so").then(|| DossierView::of(&checked.plan(), None));

    let context = FormContext {
        mau: form.clone(),
        van_ban: DocView {
            so,
            ky_hieu,
            ngay: date,
        },
        nguoi: PersonView::of(checked.person()),
        gioi_thieu,
        hop: meeting(hop, &lookup),
        nq_chi_bo: registered_number(org, if chinh_thuc { "13-KNĐ" } else { "6-KNĐ" }, &record.id),
        quy_dinh: Catalogue::builtin().regulation_on(date).cloned(),
        le_trang,
        ban_nhap: form.tu_viet,
        mau_trang: false,
        trang_dau: None,
        chinh_thuc,
        ket_nap_lai: n.ket_nap_lai.clone(),
        ly_lich: n.ly_lich.clone().unwrap_or_default(),
        doan_the: n
            .gioi_thieu_doan_the
            .as_ref()
            .map(DoanTheView::of)
            .unwrap_or_default(),
        nhan_xet: nhan_xet.map(NhanXetView::of).unwrap_or_default(),
        tham_dinh: {
            let mut t = tham_dinh.cloned().unwrap_or_default();
            t.co_quan = t.co_quan.or_else(|| to_chuc.dang_uy_bo_phan.clone());
            t
        },
        nq_dang_uy: CommitteeView::of(&nq_dang_uy.cloned().unwrap_or_default(), &to_chuc),
        quyet_dinh: quyet_dinh_view,
        ket_nap: decision_of(false),
        le_ket_nap,
        du_bi,
        tu_kiem_diem,
        nhan_xet_giup_do: n.nhan_xet_giup_do.clone().unwrap_or_default(),
        giup_do: mentor,
        ho_so,
        to_chuc,
    };
    Ok((context, reads.into_paths()))
}

/// The number of the document: the workspace's register first (an entry for this form and this
/// person), then the number recorded on the person ("125-QĐ/ĐU"), else none
/// (a dotted blank). Returns the number and the symbol after it.
fn document_number(
    form: &Form,
    org: &crate::model::ToChuc,
    person: &str,
    view: Option<&PathView>,
    symbol: Option<String>,
) -> (Option<String>, Option<String>) {
    let registered = crate::register::entry_for(org, form, person);
    if let Some(entry) = registered {
        return (
            Some(format!("{:02}", entry.so)),
            Some(crate::register::series(entry, org)),
        );
    }
    if let Some(recorded) = form
        .so_ghi_nhan
        .as_deref()
        .and_then(|p| view.and_then(|v| v.text(p)))
    {
        return match recorded.split_once('-') {
            Some((number, kind)) => (
                Some(number.trim().to_string()),
                Some(kind.trim().to_string()),
            ),
            None => (Some(recorded), symbol),
        };
    }
    (None, symbol)
}

/// The number the register gives to form `code` about `person`: "05-NQ/CB".
fn registered_number(org: &crate::model::ToChuc, code: &str, person: &str) -> Option<String> {
    let catalogue = Catalogue::builtin();
    let form = catalogue.form(code)?;
    let symbol = crate::register::form_series(form, org);
    match document_number(form, org, person, None, symbol) {
        (Some(so), Some(kind)) => Some(format!("{so}-{kind}")),
        _ => None,
    }
}

/// The ceremony of the person, with `people` admitted at it (everyone of that day, in id order,
/// for the ceremony's own paperwork; the person alone for their other forms).
fn ceremony_view<'a>(
    checked: Checked<'a>,
    people: Vec<Person<'a>>,
    reads: &Reads<'a>,
) -> CeremonyView {
    let Some(le) = checked.nguoi().le_ket_nap.as_ref() else {
        return CeremonyView::default();
    };
    let nguoi = people
        .into_iter()
        .map(|p| {
            let r = p.nguoi();
            let q = r.quyet_dinh_ket_nap.clone().unwrap_or_default();
            let mentor = r
                .le_ket_nap
                .as_ref()
                .and_then(|l| l.nguoi_giup_do.as_deref());
            CeremonyPerson {
                ho_ten: r.ho_ten.clone(),
                quyet_dinh_so: q.so,
                quyet_dinh_ngay: q.ngay,
                quyet_dinh_co_quan: q.co_quan,
                giup_do: reads.person(mentor).and_then(|m| m.nguoi().ho_ten.clone()),
                ket_nap_lai: r.ket_nap_lai.is_some(),
            }
        })
        .collect();
    CeremonyView {
        ngay: le.ngay,
        gio: le.gio.clone(),
        dia_diem: le.dia_diem.clone(),
        dai_bieu_cap_tren: le.dai_bieu_cap_tren.clone(),
        nguoi,
    }
}
