//! Fonts: an office's own font folders first (`--font-path`, `HOSO_FONT_PATHS`, as typst has
//! them), then Times New Roman when installed, then its metric-compatible twins Tinos and
//! Liberation Serif, then the Liberation Serif embedded in the binary, so that a fresh machine works.
//! "Installed" is what fontdb scans: on Windows the system's `%SYSTEMROOT%\Fonts` and the user's
//! own `AppData\Local\Microsoft\Windows\Fonts` (where a font installed "for me only" goes).

use std::path::PathBuf;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

/// The families the layout library asks for, in order of preference.
pub const FAMILIES: [&str; 3] = ["Times New Roman", "Tinos", "Liberation Serif"];

/// Liberation Serif 2.1 (SIL OFL 1.1), covering every Vietnamese letter.
const EMBEDDED: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Where fonts may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FontPolicy {
    /// Installed fonts of the preferred families first, then the embedded ones.
    #[default]
    System,
    /// Only the embedded fonts: the same PDF on every machine (tests, reproducible archives).
    Embedded,
}

impl FontPolicy {
    /// The policy asked for by the environment: `HOSO_FONTS=embedded` means [`FontPolicy::Embedded`].
    pub fn from_env() -> FontPolicy {
        match std::env::var("HOSO_FONTS").as_deref() {
            Ok("embedded") => FontPolicy::Embedded,
            _ => FontPolicy::System,
        }
    }
}

/// The font store of the process.
pub struct Fonts {
    store: FontStore,
    main_family: String,
    /// The files found in the font folders, each `path#index:bytes`, for a batch to tell when
    /// they change.
    own: Vec<String>,
}

impl Fonts {
    /// Scans the font folders (every font in them is kept, and they come first, so that a family
    /// they have is taken from them), then installed fonts (only the preferred families), then
    /// adds the embedded ones. Font folders are used whatever the policy: they are asked for.
    pub fn load(policy: FontPolicy, folders: &[PathBuf]) -> Fonts {
        let mut store = FontStore::new();
        let mut own: Vec<_> = folders
            .iter()
            .flat_map(|d| typst_kit::fonts::scan(d))
            .collect();
        // Typst takes the first of equally good faces: a fixed order keeps the output the same
        // for the same fonts, however the file system lists them.
        own.sort_by(|a, b| a.0.path.cmp(&b.0.path).then(a.0.index.cmp(&b.0.index)));
        own.dedup_by(|a, b| a.0.path == b.0.path && a.0.index == b.0.index);
        let own_names = own
            .iter()
            .map(|(p, _)| {
                let size = std::fs::metadata(&p.path).map_or(0, |m| m.len());
                format!("{}#{}:{size}", p.path.display(), p.index)
            })
            .collect();
        store.extend(own);
        if policy == FontPolicy::System {
            let mut found: Vec<_> = typst_kit::fonts::system()
                .filter(|(_, info)| FAMILIES.iter().any(|f| info.family.eq_ignore_ascii_case(f)))
                .collect();
            // Scan order depends on the file system; sort so the font chosen never does.
            found.sort_by(|a, b| a.0.path.cmp(&b.0.path).then(a.0.index.cmp(&b.0.index)));
            store.extend(found);
        }
        for data in EMBEDDED {
            store.extend(Font::iter(Bytes::new(data)).map(|font| {
                let info = font.info().clone();
                (font, info)
            }));
        }
        let main_family = FAMILIES
            .iter()
            .find(|f| {
                (0..)
                    .map_while(|i| store.book().info(i))
                    .any(|info| info.family.eq_ignore_ascii_case(f))
            })
            .map_or("Liberation Serif", |f| f)
            .to_string();
        Fonts {
            store,
            main_family,
            own: own_names,
        }
    }

    /// The fonts found in the font folders (`path#index:bytes`), in the order they are used.
    pub fn own(&self) -> &[String] {
        &self.own
    }

    /// Metadata of every font.
    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// The font at `index`, loaded on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// The family that will set the text.
    pub fn main_family(&self) -> &str {
        &self.main_family
    }
}
