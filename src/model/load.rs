/*!
Loading a workspace: read each YAML file, normalise it to Unicode NFC, index the positions of its
values, deserialize it into typed records, and turn every problem into a located diagnostic.

A broken person file does not stop the load: it is reported and left out, and every other person
is still loaded. Only a missing or unreadable workspace, or a broken `to-chuc.yaml` (every form
needs it), is fatal.
*/

use super::keys::{self, FileKind};
use super::spans::SpanIndex;
use super::{
    BAO_CAO_FILE, BaoCao, Folder, Nguoi, OrgRecord, Record, ReportRecord, ToChuc, Workspace,
};
use crate::diag::{Diagnostic, Problem, SourceFile};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The organisation file's name.
pub const ORG_FILE: &str = "to-chuc.yaml";

/// A workspace with the problems found while reading it.
#[derive(Debug)]
pub struct Loaded {
    /// What could be read.
    pub workspace: Workspace,
    /// Problems found while reading: syntax, unknown keys, wrong types, duplicate ids.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a workspace could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The folder has no `to-chuc.yaml`.
    #[error("`{}` is not a hoso workspace: it has no `{ORG_FILE}`", .0.display())]
    NotAWorkspace(PathBuf),
    /// A file could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// `to-chuc.yaml` is broken; these diagnostics say how.
    #[error("`{ORG_FILE}` cannot be read")]
    Organisation(Vec<Diagnostic>),
}

/// Loads the workspace at `root`.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    let org_path = root.join(ORG_FILE);
    if !org_path.is_file() {
        return Err(LoadError::NotAWorkspace(root.to_path_buf()));
    }
    let mut diagnostics = Vec::new();
    let org_file = read_source(&org_path)?;
    let (parsed, mut diags) = parse::<ToChuc>(org_file, FileKind::ToChuc);
    let Some((to_chuc, spans)) = parsed else {
        return Err(LoadError::Organisation(diags));
    };
    diagnostics.append(&mut diags);

    let mut files: Vec<(Folder, PathBuf, String)> = Vec::new();
    for folder in [Folder::DangVien, Folder::KetNap] {
        let dir = root.join(folder.dir());
        if !dir.is_dir() {
            continue;
        }
        // Sorted, so that the order of diagnostics and of people never depends on the file system.
        let walker = walkdir::WalkDir::new(&dir).sort_by_file_name();
        for entry in walker {
            let entry = entry.map_err(|e| LoadError::Io {
                path: e.path().map_or_else(|| dir.clone(), Path::to_path_buf),
                source: e.into(),
            })?;
            let path = entry.path();
            if !entry.file_type().is_file() || !is_yaml(path) {
                continue;
            }
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            files.push((folder, path.to_path_buf(), id));
        }
    }
    // Files are independent: read and parsed in parallel, then taken in the sorted order, so
    // the result (and the first read error) is the same as one after the other.
    let parsed: Vec<Result<ParsedPerson, LoadError>> = files
        .into_par_iter()
        .map(|(folder, path, id)| {
            let file = read_source(&path)?;
            let (parsed, diags) = parse::<Nguoi>(file, FileKind::Nguoi);
            Ok((folder, id, parsed, diags))
        })
        .collect();
    let mut people: Vec<Record> = Vec::new();
    for result in parsed {
        let (folder, id, parsed, mut diags) = result?;
        diagnostics.append(&mut diags);
        if let Some((nguoi, spans)) = parsed {
            people.push(Record {
                id,
                folder,
                nguoi,
                spans,
            });
        }
    }

    people.sort_by(|a, b| a.id.cmp(&b.id));
    // Ids must be unique across both folders: every reference relies on it.
    let mut unique: Vec<Record> = Vec::with_capacity(people.len());
    for record in people {
        match unique.last() {
            Some(prev) if prev.id == record.id => {
                let other = prev.spans.file().path.display().to_string();
                let loc = Some(crate::diag::Location::file_start(record.spans.file()));
                diagnostics.push(Diagnostic::error(
                    Problem::DuplicateId {
                        id: record.id.clone(),
                        other,
                    },
                    loc,
                ));
            }
            _ => unique.push(record),
        }
    }

    // The bulletin file is optional, and a broken one only costs the articles, not the forms.
    let report_path = root.join(BAO_CAO_FILE);
    let bao_cao = if report_path.is_file() {
        let (parsed, mut diags) = parse::<BaoCao>(read_source(&report_path)?, FileKind::BaoCao);
        diagnostics.append(&mut diags);
        parsed.map(|(bao_cao, spans)| ReportRecord { bao_cao, spans })
    } else {
        None
    };

    Ok(Loaded {
        workspace: Workspace {
            root: root.to_path_buf(),
            org: OrgRecord { to_chuc, spans },
            people: unique,
            bao_cao,
        },
        diagnostics,
    })
}

/// One person's file, read: its folder, id, record (if it could be read) and problems.
type ParsedPerson = (Folder, String, Option<(Nguoi, SpanIndex)>, Vec<Diagnostic>);

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Reads a file as text in NFC, without a byte-order mark.
fn read_source(path: &Path) -> Result<Arc<SourceFile>, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return Err(LoadError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
            });
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    // Names typed on different keyboards come decomposed or composed; compare and print them one way.
    let text = if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    };
    Ok(Arc::new(SourceFile {
        path: path.to_path_buf(),
        text,
    }))
}

/// Parses one file into `T`, reporting syntax errors, unknown keys and type errors with positions.
pub(crate) fn parse<T: DeserializeOwned>(
    file: Arc<SourceFile>,
    kind: FileKind,
) -> (Option<(T, SpanIndex)>, Vec<Diagnostic>) {
    // The common case first: a file that reads cleanly needs no positions until a rule asks for
    // one, so its position index is built lazily. Any problem takes the full path below.
    if !looks_empty(&file.text) {
        let mut unknown = false;
        let de = serde_yaml_ng::Deserializer::from_str(&file.text);
        let mut on_ignored = |_: serde_ignored::Path| unknown = true;
        let ignoring = serde_ignored::Deserializer::new(de, &mut on_ignored);
        if let Ok(value) = T::deserialize(ignoring)
            && !unknown
        {
            return (Some((value, SpanIndex::lazy(file))), Vec::new());
        }
    }
    let mut diagnostics = Vec::new();
    let spans = match SpanIndex::build(file.clone()) {
        Ok(spans) => spans,
        Err(e) => {
            let problem = Problem::YamlSyntax { detail: e.message };
            return (None, vec![Diagnostic::error(problem, Some(e.location))]);
        }
    };
    if spans.value("").is_none() {
        let loc = Some(crate::diag::Location::file_start(&file));
        return (None, vec![Diagnostic::error(Problem::EmptyFile, loc)]);
    }

    let mut unknown: Vec<String> = Vec::new();
    let de = serde_yaml_ng::Deserializer::from_str(&file.text);
    let mut on_ignored = |path: serde_ignored::Path| unknown.push(path_string(&path));
    let ignoring = serde_ignored::Deserializer::new(de, &mut on_ignored);
    let result: Result<T, _> = serde_path_to_error::deserialize(ignoring);

    for path in &unknown {
        let last = path.rsplit(['.', ']']).next().unwrap_or(path);
        let suggestion =
            crate::suggest::closest(last, keys::siblings(kind, path)).map(str::to_string);
        let problem = Problem::UnknownKey {
            key: path.clone(),
            suggestion,
        };
        diagnostics.push(Diagnostic::error(
            problem,
            spans.key(path).or_else(|| Some(spans.locate(path))),
        ));
    }

    match result {
        Ok(value) => (Some((value, spans)), diagnostics),
        Err(e) => {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            let detail = serde_message(&e.inner().to_string());
            let problem = if let Some(value) = detail.strip_prefix(crate::model::INVALID_DATE_MARK)
            {
                Problem::InvalidDate {
                    field: path.clone(),
                    value: value.to_string(),
                }
            } else if let Some(field) = missing_field(&detail) {
                let full = if path.is_empty() {
                    field.to_string()
                } else {
                    format!("{path}.{field}")
                };
                missing_problem(kind, &full)
            } else {
                Problem::InvalidValue {
                    field: path.clone(),
                    detail,
                }
            };
            let location = match &problem {
                Problem::MissingField { field, .. } => spans.locate(field),
                _ => spans.locate(&path),
            };
            diagnostics.push(Diagnostic::error(problem, Some(location)));
            (None, diagnostics)
        }
    }
}

/// Whether a file holds nothing but blank lines, comments and document markers.
fn looks_empty(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// A `missing-field` problem for `path`, with the key's meaning from the key table.
pub(crate) fn missing_problem(kind: FileKind, path: &str) -> Problem {
    let (label_vi, label_en) = keys::find(kind, path).map_or(("", ""), |k| (k.vi, k.en));
    Problem::MissingField {
        field: path.to_string(),
        label_vi,
        label_en,
    }
}

/// serde_yaml puts the path before its messages and " at line L column C" after them; the
/// diagnostic has both already.
fn serde_message(message: &str) -> String {
    let message = match message.find(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    match message.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => rest.to_string(),
        _ => message.to_string(),
    }
}

/// The field of a serde "missing field `x`" message.
fn missing_field(message: &str) -> Option<&str> {
    let at = message.find("missing field `")?;
    message[at + "missing field `".len()..].strip_suffix('`')
}

/// `serde_ignored`'s path as a dotted path with `[i]` for list items.
fn path_string(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path as P;
    match path {
        P::Root => String::new(),
        P::Seq { parent, index } => format!("{}[{index}]", path_string(parent)),
        P::Map { parent, key } => {
            let p = path_string(parent);
            if p.is_empty() {
                key.clone()
            } else {
                format!("{p}.{key}")
            }
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            path_string(parent)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str) -> (Option<Nguoi>, Vec<(String, usize)>) {
        let file = Arc::new(SourceFile {
            path: "p.yaml".into(),
            text: text.into(),
        });
        let (parsed, diags) = parse::<Nguoi>(file, FileKind::Nguoi);
        let found = diags
            .iter()
            .map(|d| (d.code().to_string(), d.location.as_ref().unwrap().line))
            .collect();
        (parsed.map(|p| p.0), found)
    }

    #[test]
    fn every_unknown_key_is_reported_with_its_line() {
        let (p, d) = person(
            "ho_ten: A\nngay_snh: 01/01/2000\nhop_chi_bo:\n  ngay: 01/01/2026\n  tan_thnh: 3\n",
        );
        assert!(p.is_some());
        assert_eq!(
            d,
            vec![("unknown-key".into(), 2), ("unknown-key".into(), 5)]
        );
    }

    #[test]
    fn a_bad_date_is_an_invalid_date_at_its_line() {
        let (p, d) = person("ho_ten: A\nhop_chi_bo:\n  ngay: 31/02/2026\n");
        assert!(p.is_none());
        assert_eq!(d, vec![("invalid-date".into(), 3)]);
    }

    #[test]
    fn a_wrong_type_names_the_field() {
        let file = Arc::new(SourceFile {
            path: "p.yaml".into(),
            text: "hop_chi_bo:\n  tan_thanh: nhiều\n".into(),
        });
        let (_, d) = parse::<Nguoi>(file, FileKind::Nguoi);
        assert_eq!(d[0].code(), "invalid-value");
        assert!(
            d[0].problem
                .message(crate::diag::Lang::En)
                .contains("hop_chi_bo.tan_thanh"),
            "{:?}",
            d[0]
        );
        assert_eq!(d[0].location.as_ref().unwrap().line, 2);
    }

    #[test]
    fn decomposed_text_is_composed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.yaml");
        std::fs::write(&p, "ho_ten: Tra\u{0302}\u{0300}n\n").unwrap();
        let f = read_source(&p).unwrap();
        assert_eq!(f.text, "ho_ten: Trần\n");
    }
}
