//! What the name of a file in a records folder makes of it: a record (and its id), a record's
//! file under a name an editor gave it, or something that is not hoso's.

use std::path::Path;

/// The id a file's name gives: its name without `.yaml`.
pub(super) fn id_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What the name of a file in a records folder makes of it.
#[derive(Debug, PartialEq)]
pub(super) enum RecordName {
    /// A record: `.yaml` or `.yml` in any case (Windows does not tell `.YAML` from `.yaml`).
    Record,
    /// A record's file under a name an editor gave it (`x.yaml.txt` from Notepad, `x.yaml.bak`,
    /// `x.yaml.yaml`): not read, and reported with the name it should have.
    Misnamed { rename_to: String },
    /// Anything else (a photo, `desktop.ini`, an editor's hidden file): not hoso's.
    Other,
}

pub(super) fn record_name(path: &Path) -> RecordName {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return RecordName::Other;
    };
    // ASCII only: the byte offsets found in `lower` are offsets in `name`.
    let lower = name.to_ascii_lowercase();
    let is_yaml = |s: &str| s.ends_with(".yaml") || s.ends_with(".yml");
    if is_yaml(&lower) {
        // `x.yaml.yaml`: Notepad's "Save as" added the extension a second time.
        let stem = &lower[..lower.rfind('.').unwrap_or(0)];
        if is_yaml(stem) && !name.starts_with('.') {
            return RecordName::Misnamed {
                rename_to: name[..stem.len()].to_string(),
            };
        }
        return RecordName::Record;
    }
    // Hidden files (an editor's swap file `.x.yaml.swp`) are the editor's business.
    if name.starts_with('.') {
        return RecordName::Other;
    }
    for ext in [".yaml.", ".yml."] {
        if let Some(at) = lower.find(ext) {
            return RecordName::Misnamed {
                rename_to: format!("{}.yaml", &name[..at]),
            };
        }
    }
    RecordName::Other
}
