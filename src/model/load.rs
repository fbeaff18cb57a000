/*!
Loading a workspace: read each YAML file, normalise it to Unicode NFC, index the positions of its
values, deserialize it into typed records, and turn every problem into a located diagnostic.

A clean record is read by the quick reader ([`super::quick_read`]) and its positions are indexed
only when a later check asks for one; anything the quick reader declines is read by serde-saphyr,
and a file with a problem is read once more with positions, to locate each problem.

A broken person file does not stop the load: it is reported and left out, and every other person
is still loaded. Only a missing or unreadable workspace, or a broken `to-chuc.yaml` (every form
needs it), is fatal.
*/

use super::keys::{self, FileKind};
use super::spans::SpanIndex;
use super::{BAO_CAO_FILE, BaoCao, Nguoi, OrgRecord, Record, ReportRecord, ToChuc, Workspace};
use crate::diag::{
    Diagnostic, Problem, SourceFile, SyntaxFault, TextFault, ValueFault, ValueKind, YamlLimit,
};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The organisation file's name.
pub const ORG_FILE: &str = "to-chuc.yaml";

/// A workspace with what reading each of its files came to.
#[derive(Debug)]
pub struct Loaded {
    /// What could be read.
    pub workspace: Workspace,
    /// Problems of `to-chuc.yaml` it was read despite (unknown keys).
    pub org: Vec<Diagnostic>,
    /// Every entry of the records folders, in the order read (folder, then name), with what
    /// reading it found.
    pub files: Vec<FileOutcome>,
    /// Problems of reading `bao-cao.yaml`.
    pub report: Vec<Diagnostic>,
}

/// What reading one entry of the records folders came to.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    /// The file.
    pub path: PathBuf,
    /// The id its name gives (the name without `.yaml`).
    pub id: String,
    /// Its problems: syntax, unknown keys, wrong types, a duplicate or invalid id.
    pub diagnostics: Vec<Diagnostic>,
    /// Its record is in the workspace, under `id`. Otherwise it takes no part in anything: it
    /// could not be read, is not a record's file, or its name is not an id or is another's.
    pub loaded: bool,
}

impl Loaded {
    /// Every problem of reading, in the order the files were read.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.org
            .iter()
            .chain(self.files.iter().flat_map(|f| &f.diagnostics))
            .chain(&self.report)
    }
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

impl LoadError {
    /// Why the workspace cannot be loaded, as the diagnostics the command line and the desk say.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        match self {
            LoadError::NotAWorkspace(path) => {
                vec![crate::diag::Setup::NotAWorkspace { path }.into()]
            }
            LoadError::Io { path, source } => {
                let detail = source.to_string();
                vec![crate::diag::Setup::CannotRead { path, detail }.into()]
            }
            LoadError::Organisation(diagnostics) => diagnostics,
        }
    }
}

/// Loads the workspace at `root`: the organisation, the records folders listed, each person file
/// read, the bulletin file, gathered. The desk's live workspace (`crate::validate::Live`) takes
/// the same steps, reading again only the files that changed.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    let org = read_org(root)?;
    // Files are independent: read and parsed in parallel, then taken in the listed order, so
    // the result is the same as one after the other. A file that cannot be read is that file's
    // problem: the others are still loaded.
    let read: Vec<(FileOutcome, Option<Record>)> = list(root)
        .into_par_iter()
        .map(|entry| match entry {
            Entry::Person(file) => read_person(&file),
            Entry::Other(outcome) => (outcome, None),
        })
        .collect();
    let report = read_report(root)?;
    Ok(gather(root, org, read, report).0)
}

/// The organisation file, read, with the problems it was read despite: fatal when it cannot be,
/// since every form needs it.
pub(crate) fn read_org(root: &Path) -> Result<(OrgRecord, Vec<Diagnostic>), LoadError> {
    let org_path = root.join(ORG_FILE);
    if !org_path.is_file() {
        return Err(LoadError::NotAWorkspace(root.to_path_buf()));
    }
    let (parsed, org) = parse::<ToChuc>(read_source(&org_path)?, FileKind::ToChuc);
    let Some((to_chuc, spans)) = parsed else {
        return Err(LoadError::Organisation(org));
    };
    Ok((OrgRecord { to_chuc, spans }, org))
}

/// The bulletin file, read when there is one. It is optional, and a broken one only costs the
/// articles, not the forms.
pub(crate) fn read_report(
    root: &Path,
) -> Result<(Option<ReportRecord>, Vec<Diagnostic>), LoadError> {
    let report_path = root.join(BAO_CAO_FILE);
    if !report_path.is_file() {
        return Ok((None, Vec::new()));
    }
    let (parsed, diags) = parse::<BaoCao>(read_source(&report_path)?, FileKind::BaoCao);
    let record = parsed.map(|(bao_cao, spans)| ReportRecord { bao_cao, spans });
    Ok((record, diags))
}

/// Reads and parses one person's file: its outcome, and its record when it could be read.
fn read_person(file: &PersonFile) -> (FileOutcome, Option<Record>) {
    person_outcome(file, read_bounded(&file.path))
}

/// A person's file as read from the disk (its bytes, or why they could not be had), parsed: its
/// outcome, and its record when it could be read.
pub(crate) fn person_outcome(
    file: &PersonFile,
    bytes: std::io::Result<Vec<u8>>,
) -> (FileOutcome, Option<Record>) {
    let path = &file.path;
    let source = bytes
        .map_err(|source| LoadError::Io {
            path: path.clone(),
            source,
        })
        .and_then(|bytes| source_of(path, bytes));
    let (parsed, diagnostics) = match source {
        Ok(source) => parse::<Nguoi>(source, FileKind::Nguoi),
        Err(e) => (None, vec![unreadable(path, &e)]),
    };
    let record = parsed.map(|(nguoi, spans)| Record {
        id: file.id.clone(),
        folder: file.folder,
        nguoi: Box::new(nguoi),
        spans,
    });
    let outcome = FileOutcome {
        path: path.clone(),
        id: file.id.clone(),
        diagnostics,
        loaded: record.is_some(),
    };
    (outcome, record)
}

/// Puts a loaded workspace together from its parts: the organisation, each entry of the records
/// folders as read (in the listed order) and the bulletin file. Ids must be unique across both
/// folders, since every reference relies on it: the first file of an id (in the listed order) is
/// kept, each later one is reported in its outcome and left out; so is a file whose name is not
/// an id. The records left out are returned beside the workspace.
pub(crate) fn gather(
    root: &Path,
    (org, org_load): (OrgRecord, Vec<Diagnostic>),
    read: Vec<(FileOutcome, Option<Record>)>,
    (bao_cao, report): (Option<ReportRecord>, Vec<Diagnostic>),
) -> (Loaded, Vec<Record>) {
    let mut files: Vec<FileOutcome> = Vec::with_capacity(read.len());
    // Each record with its file's index.
    let mut found: Vec<(usize, Record)> = Vec::with_capacity(read.len());
    for (outcome, record) in read {
        if let Some(record) = record {
            found.push((files.len(), record));
        }
        files.push(outcome);
    }
    // Stable: the files of one id stay in the order read.
    found.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    let mut people: Vec<Record> = Vec::with_capacity(found.len());
    let mut left_out: Vec<Record> = Vec::new();
    // The first file of the last id met: its id and path.
    let mut first: Option<(String, PathBuf)> = None;
    for (file, record) in found {
        let at = crate::diag::Location::file_start(record.spans.file());
        let problem = match &first {
            Some((id, other)) if *id == record.id => Problem::DuplicateId {
                id: record.id.clone(),
                other: other.display().to_string(),
            },
            _ => {
                first = Some((record.id.clone(), record.spans.file().path.clone()));
                // A file whose name is not an id is that file's problem: it takes no part in
                // anything.
                if super::id::is_id(&record.id) {
                    people.push(record);
                    continue;
                }
                Problem::InvalidId {
                    id: record.id.clone(),
                    suggestion: super::id::slug(&record.id).filter(|s| super::id::is_id(s)),
                }
            }
        };
        let outcome = &mut files[file];
        outcome.loaded = false;
        outcome
            .diagnostics
            .push(Diagnostic::error(problem, Some(at)));
        left_out.push(record);
    }
    let loaded = Loaded {
        workspace: Workspace {
            root: root.to_path_buf(),
            org,
            people,
            bao_cao,
        },
        org: org_load,
        files,
        report,
    };
    (loaded, left_out)
}

/// The start of a file whose text could not be had: where its problem is shown.
pub(super) fn start_of(path: &Path) -> crate::diag::Location {
    let file = Arc::new(SourceFile {
        path: path.to_path_buf(),
        text: String::new(),
    });
    crate::diag::Location::file_start(&file)
}

/// A record's file that could not be read, as that file's diagnostic.
fn unreadable(path: &Path, e: &LoadError) -> Diagnostic {
    let (detail, text) = match e {
        LoadError::Io { source, .. } => {
            let inner = source.get_ref().map(ToString::to_string);
            let text = if inner.as_deref() == Some(UTF16) {
                TextFault::Utf16
            } else if is_too_large(source) {
                TextFault::TooLarge
            } else if source.kind() == std::io::ErrorKind::InvalidData {
                TextFault::NotUtf8
            } else {
                TextFault::Unreadable
            };
            (source.to_string(), text)
        }
        other => (other.to_string(), TextFault::Unreadable),
    };
    Diagnostic::error(
        Problem::FileUnreadable { detail, text },
        Some(start_of(path)),
    )
}

/// The detail of a read error for a UTF-16 file.
const UTF16: &str = "UTF-16";

/// The largest file of a workspace that is read: far above any record (a long personal history
/// is tens of kilobytes), far below what a file copied there by mistake (a scan, a video renamed
/// `.yaml`) would cost in memory. The loader, the desk's live check and the writer read through
/// [`read_bounded`].
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// The detail of a read error for a file past [`MAX_FILE_BYTES`].
const TOO_LARGE: &str = "too large";

/// Reads a workspace file, never more than [`MAX_FILE_BYTES`] of it: a larger one is an error
/// (`InvalidData`, "too large") before it is held whole.
pub fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            TOO_LARGE,
        ));
    }
    Ok(bytes)
}

/// Whether `e` is [`read_bounded`]'s refusal of a file past [`MAX_FILE_BYTES`].
pub fn is_too_large(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::InvalidData
        && e.get_ref()
            .is_some_and(|inner| inner.to_string() == TOO_LARGE)
}

/// Reads a file as text in NFC, without a byte-order mark.
fn read_source(path: &Path) -> Result<Arc<SourceFile>, LoadError> {
    let bytes = read_bounded(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    source_of(path, bytes)
}

/// A file's bytes as text in NFC, without a byte-order mark.
fn source_of(path: &Path, bytes: Vec<u8>) -> Result<Arc<SourceFile>, LoadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, UTF16),
        });
    }
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
    let text = match super::chars::yaml_nfc(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(composed) => composed,
    };
    Ok(Arc::new(SourceFile {
        path: path.to_path_buf(),
        text,
    }))
}

/// The deepest nesting of blocks and lists a file may have. A record is five levels deep at
/// most (`ly_lich.gia_dinh[0]...`); past this a file is broken or hostile, and is refused
/// (`yaml-too-deep`) before serde recurses into it. The reader's own default (64) is too deep
/// for a loader thread: skipping an unknown nested block costs tens of kilobytes of stack per
/// level, and 60 levels overflowed a 2 MiB worker stack.
const MAX_DEPTH: usize = 24;

/// How every YAML text of hoso is read: the budget that keeps a hostile file from costing more
/// than a diagnostic (nesting, alias expansion, size), and the reading a clerk expects.
pub(crate) fn yaml_options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    // Diagnostics quote the line themselves; the reader's own snippet would be built for nothing.
    options.with_snippet = false;
    // `yes`, `no`, `on`, `off` are words, as in YAML 1.2: only `true` and `false` are booleans.
    options.strict_booleans = true;
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    // A record has a few hundred values; aliases that replay more are an "alias bomb".
    budget.max_aliases = 10_000;
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = 100_000;
    options
}

/// Reads a YAML text into `T` with hoso's options (built-in catalogue, rules, the register's
/// read-back). Workspace files go through [`parse`], which locates every problem.
pub(crate) fn from_yaml<T: DeserializeOwned>(text: &str) -> Result<T, serde_saphyr::Error> {
    serde_saphyr::from_str_with_options(text, yaml_options())
}

/// Parses one file into `T`, reporting syntax errors, unknown keys and type errors with positions,
/// and each character no value may hold ([`forbidden_chars`]). The record is still read, so that
/// its other problems show too; the error holds its forms back.
pub(crate) fn parse<T: DeserializeOwned>(
    file: Arc<SourceFile>,
    kind: FileKind,
) -> (Option<(T, SpanIndex)>, Vec<Diagnostic>) {
    let mut forbidden = forbidden::forbidden_chars(&file);
    let (parsed, mut diagnostics) = parse_text(file, kind);
    if !forbidden.is_empty() {
        forbidden.append(&mut diagnostics);
        diagnostics = forbidden;
    }
    (parsed, diagnostics)
}

fn parse_text<T: DeserializeOwned>(
    file: Arc<SourceFile>,
    kind: FileKind,
) -> (Option<(T, SpanIndex)>, Vec<Diagnostic>) {
    // The common case first: a file that reads cleanly needs no positions until a rule asks for
    // one, so its position index is built lazily. Any problem takes the full path below.
    if !looks_empty(&file.text) {
        // Most records are plain blocks of text, dates and counts: read straight off the parser's
        // events. Anything else is declined, and serde-saphyr reads it as before.
        if let Some(value) = super::quick_read::read::<T>(&file.text, &yaml_options()) {
            return (Some((value, SpanIndex::lazy(file))), Vec::new());
        }
        let mut unknown = false;
        let read = serde_saphyr::with_deserializer_from_str_with_options(
            &file.text,
            yaml_options(),
            |de| {
                let mut on_ignored = |_: serde_ignored::Path| unknown = true;
                T::deserialize(serde_ignored::Deserializer::new(de, &mut on_ignored))
            },
        );
        if let Ok(value) = read
            && !unknown
        {
            return (Some((value, SpanIndex::lazy(file))), Vec::new());
        }
    }
    let mut diagnostics = Vec::new();
    let spans = match SpanIndex::build(file.clone()) {
        Ok(spans) => spans,
        Err(e) => {
            let problem = match e.fault {
                SyntaxFault::TooDeep => Problem::YamlLimit {
                    limit: YamlLimit::Depth { max: MAX_DEPTH },
                },
                fault => Problem::YamlSyntax {
                    fault,
                    detail: e.detail,
                },
            };
            return (None, vec![Diagnostic::error(problem, Some(e.location))]);
        }
    };
    if spans.value("").is_none() {
        let loc = Some(crate::diag::Location::file_start(&file));
        return (None, vec![Diagnostic::error(Problem::EmptyFile, loc)]);
    }

    let mut unknown: Vec<String> = Vec::new();
    let mut track = serde_path_to_error::Track::new();
    let result: Result<T, _> =
        serde_saphyr::with_deserializer_from_str_with_options(&file.text, yaml_options(), |de| {
            let mut on_ignored = |path: serde_ignored::Path| unknown.push(path_string(&path));
            let ignoring = serde_ignored::Deserializer::new(de, &mut on_ignored);
            T::deserialize(serde_path_to_error::Deserializer::new(ignoring, &mut track))
        });

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
            let path = track.path().to_string();
            // `?` stands for a key being read (a key given twice fails there): its block's path.
            let path = path.strip_suffix('?').unwrap_or(&path);
            let path = path.strip_suffix('.').unwrap_or(path);
            let path = if path == "." {
                String::new()
            } else {
                path.to_string()
            };
            let join = |field: &str| {
                if path.is_empty() {
                    field.to_string()
                } else {
                    format!("{path}.{field}")
                }
            };
            let (problem, location) = match read_fault(&e) {
                Fault::Date(value) => (
                    Problem::InvalidDate {
                        field: path.clone(),
                        value,
                    },
                    spans.locate(&path),
                ),
                Fault::Missing(field) => {
                    let full = join(&field);
                    (missing_problem(kind, &full), spans.locate(&full))
                }
                // A key given twice: named in full, and pointed at its second occurrence (the
                // one the index keeps).
                Fault::Value(ValueFault::DuplicateKey { key }) => {
                    let field = join(&key);
                    let location = spans.key(&field).unwrap_or_else(|| spans.locate(&path));
                    let fault = ValueFault::DuplicateKey { key };
                    (Problem::InvalidValue { field, fault }, location)
                }
                Fault::Value(fault) => {
                    let field = path.clone();
                    (Problem::InvalidValue { field, fault }, spans.locate(&path))
                }
                // Problems of the text, not of a field: where the reader stopped.
                Fault::Text(problem) => {
                    let location = e.location().map_or_else(
                        || spans.locate(&path),
                        |l| spans.at(l.line() as usize, l.column() as usize),
                    );
                    (problem, location)
                }
            };
            diagnostics.push(Diagnostic::error(problem, Some(location)));
            (None, diagnostics)
        }
    }
}

/// What a deserialization error means for the clerk.
enum Fault {
    /// A date that cannot be read: the text as written.
    Date(String),
    /// A required key that is absent.
    Missing(String),
    /// A value that does not fit its field.
    Value(ValueFault),
    /// A problem of the whole text (a limit reached, an unknown alias), with its own position.
    Text(Problem),
}

/// Maps the reader's error kinds to hoso's: the wording is hoso's, in both languages, and the
/// reader's English text survives only in [`ValueFault::Other`] (shown in English output).
fn read_fault(e: &serde_saphyr::Error) -> Fault {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    let limit = |limit| Fault::Text(Problem::YamlLimit { limit });
    match e.without_snippet() {
        E::AliasError { error, .. } => read_fault(error),
        E::Message { msg, .. } => match msg.strip_prefix(crate::model::INVALID_DATE_MARK) {
            Some(value) => Fault::Date(value.to_string()),
            None => match missing_field(msg) {
                Some(field) => Fault::Missing(field.to_string()),
                None => Fault::Value(ValueFault::Other { en: msg.clone() }),
            },
        },
        E::SerdeMissingField { field, .. } => Fault::Missing(field.to_string()),
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | E::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => Fault::Value(ValueFault::WrongKind {
            found: ValueKind::from_serde(unexpected),
            expected: ValueKind::from_serde(expected),
        }),
        E::InvalidScalar { ty, .. } => Fault::Value(ValueFault::NotA {
            expected: ValueKind::from_serde(ty),
        }),
        E::Unexpected { expected, .. } => Fault::Value(ValueFault::NotA {
            expected: ValueKind::from_serde(expected),
        }),
        E::InvalidBooleanStrict { .. } => Fault::Value(ValueFault::NotA {
            expected: ValueKind::Bool,
        }),
        E::NullIntoString { .. } => Fault::Value(ValueFault::WrongKind {
            found: ValueKind::Empty,
            expected: ValueKind::Text,
        }),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => Fault::Value(ValueFault::NotOneOf {
            value: variant.clone(),
            allowed: expected.iter().map(|s| s.to_string()).collect(),
        }),
        E::SerdeInvalidLength { len, .. } => Fault::Value(ValueFault::Length { len: *len }),
        E::DuplicateMappingKey { key, .. } => Fault::Value(ValueFault::DuplicateKey {
            key: key.clone().unwrap_or_default(),
        }),
        E::Budget { breach, .. } => match breach {
            B::Depth { .. } => limit(YamlLimit::Depth { max: MAX_DEPTH }),
            B::Aliases { .. } | B::Anchors { .. } => limit(YamlLimit::Aliases),
            _ => limit(YamlLimit::Size),
        },
        E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => limit(YamlLimit::Aliases),
        E::UnknownAnchor { .. } => Fault::Text(Problem::YamlSyntax {
            fault: SyntaxFault::UnknownAnchor,
            detail: "unknown anchor".into(),
        }),
        other => Fault::Value(ValueFault::Other {
            en: serde_message(&other.to_string()),
        }),
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

/// The reader may put the path before its messages and " at line L column C" after them; the
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

mod forbidden;
mod listing;
mod names;
pub(crate) use listing::{Entry, PersonFile, considers, list, plain_person_file};
#[cfg(test)]
mod tests;
