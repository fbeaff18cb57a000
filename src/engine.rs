/*!
The machinery a run shares: the template renderer and the Typst typesetter, built from one
configuration (which workspace's template overrides, which fonts, which PDF standard).

Every front end that prints (the command line's `render`, `dossier`, `batch`; the desk to come)
builds one [`Engine`] per process and hands it to the stages: fonts are loaded and templates parsed
once, and the same configuration gives the same bytes whoever asks.
*/

use crate::compile::{FontPolicy, PdfStandard, Probe, Typesetter};
use crate::render::{RenderError, Renderer};
use std::path::{Path, PathBuf};

/// How to build the engine.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The workspace whose `templates/` override the built-in templates, if any.
    pub workspace_root: Option<PathBuf>,
    /// Which fonts.
    pub fonts: FontPolicy,
    /// An archival standard every PDF conforms to, if any.
    pub pdf_standard: Option<PdfStandard>,
    /// Folders of the office's own fonts (`--font-path`), preferred to the installed ones.
    pub font_folders: Vec<PathBuf>,
}

impl Config {
    /// The configuration for a workspace, with the fonts the environment asks for
    /// (`HOSO_FONTS=embedded`).
    pub fn for_workspace(root: &Path) -> Config {
        Config {
            workspace_root: Some(root.to_path_buf()),
            fonts: FontPolicy::from_env(),
            pdf_standard: None,
            font_folders: Vec::new(),
        }
    }

    /// The same, with the fonts of these folders first.
    pub fn with_font_folders(mut self, folders: &[PathBuf]) -> Config {
        self.font_folders = folders.to_vec();
        self
    }

    /// The same, with PDFs conforming to `standard`.
    pub fn with_pdf_standard(mut self, standard: Option<PdfStandard>) -> Config {
        self.pdf_standard = standard;
        self
    }

    /// The typesetter alone (for documents that are not forms: bulletin articles).
    pub fn typesetter(&self) -> Typesetter {
        Typesetter::with_font_folders(self.fonts, &self.font_folders)
            .with_standard(self.pdf_standard)
            .with_probe(self.probe())
    }

    /// Bounds on typesetting when the workspace has templates of its own: their Typst code is not
    /// hoso's, and a loop in it must not hang the run (the built-in templates always finish).
    fn probe(&self) -> Option<Probe> {
        let root = self.workspace_root.as_deref()?;
        crate::render::has_own_templates(root).then(Probe::from_env)
    }

    /// Parses the templates and loads the fonts.
    pub fn build(&self) -> Result<Engine, RenderError> {
        let renderer = Renderer::new(self.workspace_root.as_deref())?;
        Ok(Engine {
            renderer,
            typesetter: self.typesetter(),
        })
    }
}

/// The renderer and the typesetter of a run.
pub struct Engine {
    renderer: Renderer,
    typesetter: Typesetter,
}

impl Engine {
    /// The template renderer.
    pub fn renderer(&self) -> &Renderer {
        &self.renderer
    }

    /// The typesetter.
    pub fn typesetter(&self) -> &Typesetter {
        &self.typesetter
    }

    /// What every output depends on besides the records: hoso's version, the fonts in use, the
    /// templates, the PDF standard. A batch mixes it into every person's digest, so that a new
    /// template or font redoes everyone.
    pub fn environment(&self) -> String {
        format!(
            "hoso {} | fonts {}{} | templates {} | pdf {}",
            env!("CARGO_PKG_VERSION"),
            self.typesetter.font_family(),
            self.typesetter
                .own_fonts()
                .iter()
                .map(|f| format!(" {f}"))
                .collect::<String>(),
            self.renderer.digest(),
            self.typesetter.standard().map_or("1.7", PdfStandard::name)
        )
    }
}
