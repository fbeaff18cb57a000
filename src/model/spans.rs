/*!
Where every value of a YAML file stands.

serde gives typed records but forgets positions, and a rule that fails on a value must point at
that value. So the event stream of the same YAML parser that serde reads through (granit-parser,
underneath serde-saphyr) is walked once to map each path (`hop_chi_bo.co_mat.chinh_thuc`,
`nguoi_gioi_thieu[1].dang_vien`) to the position of its key and its value. One parser for both
means the positions can never disagree with what serde read.
*/

use crate::diag::{Location, SourceFile, SyntaxFault};
use serde_saphyr::granit_parser::{ErrorKind, Event, Marker, Parser, ScanError, StructureStyle};
use std::collections::HashMap;
use std::sync::Arc;

/// A position in the text: byte offset and 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    byte: usize,
    line: usize,
    column: usize,
}

/// The positions of one path: the key (absent for the root and list items) and the value.
#[derive(Debug, Clone, Copy)]
struct Entry {
    key: Option<(Pos, usize)>,
    value: (Pos, usize),
}

/// Positions of every key and value of one YAML file, by path.
///
/// Only a file with a problem needs positions, so a clean file's index is built the first time a
/// position is asked for ([`SpanIndex::lazy`]): validating thousands of clean records then parses
/// each file once, not twice.
#[derive(Debug, Clone)]
pub struct SpanIndex {
    file: Arc<SourceFile>,
    entries: std::sync::OnceLock<HashMap<String, Entry>>,
}

/// A YAML syntax error with its position.
#[derive(Debug)]
pub struct SyntaxError {
    /// What is wrong, in hoso's terms (worded in both languages by `Problem`).
    pub fault: SyntaxFault,
    /// The parser's own English text, shown only in English output.
    pub detail: String,
    pub location: Location,
}

impl SpanIndex {
    /// Walks the YAML text of `file`. Fails with the scanner's message and position on bad syntax.
    pub fn build(file: Arc<SourceFile>) -> Result<SpanIndex, SyntaxError> {
        let mut builder = Builder::new(&file.text);
        if let Err(e) = builder.walk() {
            let pos = builder.pos(e.marker());
            return Err(SyntaxError {
                fault: syntax_fault(e.kind()),
                detail: e.kind().to_string(),
                location: Location {
                    file: file.clone(),
                    range: pos.byte..pos.byte,
                    line: pos.line,
                    column: pos.column,
                },
            });
        }
        let entries = std::sync::OnceLock::from(builder.entries);
        Ok(SpanIndex { file, entries })
    }

    /// An index of a file that parsed without errors, built when a position is first asked for.
    /// Should the YAML reader refuse what serde read, positions fall back to the file's start.
    pub fn lazy(file: Arc<SourceFile>) -> SpanIndex {
        SpanIndex {
            file,
            entries: std::sync::OnceLock::new(),
        }
    }

    fn entries(&self) -> &HashMap<String, Entry> {
        self.entries.get_or_init(|| {
            let mut builder = Builder::new(&self.file.text);
            match builder.walk() {
                Ok(()) => builder.entries,
                Err(_) => HashMap::new(),
            }
        })
    }

    /// The file this index describes.
    pub fn file(&self) -> &Arc<SourceFile> {
        &self.file
    }

    /// The location of the value at `path`, if the file has it.
    pub fn value(&self, path: &str) -> Option<Location> {
        self.entries().get(path).map(|e| self.location(e.value))
    }

    /// The location of the key at `path` (or of the value, for list items and the root).
    pub fn key(&self, path: &str) -> Option<Location> {
        self.entries()
            .get(path)
            .map(|e| self.location(e.key.unwrap_or(e.value)))
    }

    /// The path whose value or key starts at byte `start` (the deepest, when a list item and its
    /// first key start together): the field a diagnostic located there is about, for the desk to
    /// show it beside that field.
    pub fn path_at(&self, start: usize) -> Option<String> {
        self.entries()
            .iter()
            .filter(|(_, e)| e.value.0.byte == start || e.key.is_some_and(|k| k.0.byte == start))
            .map(|(path, _)| path)
            .max_by(|a, b| a.len().cmp(&b.len()).then_with(|| b.cmp(a)))
            .filter(|path| !path.is_empty())
            .cloned()
    }

    /// The best place to report a problem about `path`: its value if present, otherwise the key of
    /// the nearest parent that is present (a missing field is reported at its parent block),
    /// otherwise the start of the file.
    pub fn locate(&self, path: &str) -> Location {
        if let Some(loc) = self.value(path) {
            return loc;
        }
        let mut parent = path;
        while let Some(cut) = parent.rfind(['.', '[']) {
            parent = &parent[..cut];
            if let Some(loc) = self.key(parent) {
                return loc;
            }
        }
        self.first_key()
            .unwrap_or_else(|| Location::file_start(&self.file))
    }

    /// The place of a 1-based line and column that the YAML reader reported (a problem that no
    /// path names, such as a limit reached), clamped to the text.
    pub fn at(&self, line: usize, column: usize) -> Location {
        let builder = Builder::new(&self.file.text);
        let pos = builder.pos(&Marker::new(0, line.max(1), column.saturating_sub(1)));
        Location {
            file: self.file.clone(),
            range: pos.byte..pos.byte,
            line: pos.line,
            column: pos.column,
        }
    }

    /// The first key of the file: where a record starts, for problems with the whole record.
    /// Underlines that line's key (top-level keys start at column 1).
    fn first_key(&self) -> Option<Location> {
        let (pos, _) = self
            .entries()
            .values()
            .filter_map(|e| e.key)
            .min_by_key(|(pos, _)| pos.byte)?;
        let text = &self.file.text;
        let start = text[..pos.byte].rfind('\n').map_or(0, |i| i + 1);
        let end = text[start..]
            .find([':', '\n'])
            .map_or(text.len(), |i| start + i);
        Some(Location {
            file: self.file.clone(),
            range: start..end.max(start + 1),
            line: pos.line,
            column: 1,
        })
    }

    fn location(&self, (pos, len): (Pos, usize)) -> Location {
        Location {
            file: self.file.clone(),
            range: pos.byte..pos.byte + len,
            line: pos.line,
            column: pos.column,
        }
    }
}

/// Byte offsets of parser positions. A marker's line and column (in characters) are exact; byte
/// offsets are computed from them, so that ranges always fall on characters. The position index
/// here and the lossless editor (`crate::edit`) both place markers through it.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, line_starts }
    }

    /// The byte offset of `m` (clamped to the text).
    pub(crate) fn byte(&self, m: &Marker) -> usize {
        let Some(&start) = self.line_starts.get(m.line().saturating_sub(1)) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        start
            + line
                .char_indices()
                .nth(m.col())
                .map_or(line.len(), |(b, _)| b)
    }
}

/// The byte of the `:` that follows a key ending at byte `end` of `text`, past spaces on its
/// line: where a key's value begins, for the position index and the lossless editor alike.
pub(crate) fn colon_after(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    rest[gap..].starts_with(':').then_some(end + gap)
}

/// One open container while walking the events.
enum Frame {
    /// A mapping at `path`; `pending_key` holds the key just read, waiting for its value.
    Map {
        path: String,
        pending_key: Option<(String, Pos, usize)>,
        /// A block mapping whose first key is still to come: its position is then moved to
        /// the `:` after that key (see [`Builder::on_event`]).
        awaits_first_key: bool,
    },
    /// A sequence at `path`; `next` is the index of the next item.
    Seq { path: String, next: usize },
}

struct Builder<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    stack: Vec<Frame>,
    entries: HashMap<String, Entry>,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            text,
            lines: LineIndex::new(text),
            stack: Vec::new(),
            entries: HashMap::new(),
        }
    }

    /// Reads the whole event stream, recording every path. Iterative (a stack of open
    /// containers, no recursion), and the parser itself refuses nesting past its limit, so no
    /// input can exhaust the call stack.
    fn walk(&mut self) -> Result<(), ScanError> {
        for event in Parser::new_from_str(self.text) {
            let (event, span) = event?;
            self.on_event(event, span.start, span.end);
        }
        Ok(())
    }

    fn pos(&self, m: &Marker) -> Pos {
        Pos {
            byte: self.lines.byte(m),
            line: m.line(),
            column: m.col() + 1,
        }
    }

    /// The `:` that follows a key ending at `end`, past spaces on the same line.
    fn colon_after(&self, end: Pos) -> Option<Pos> {
        let colon = colon_after(self.text, end.byte)?;
        Some(Pos {
            byte: colon,
            line: end.line,
            column: end.column + (colon - end.byte),
        })
    }

    /// The length in bytes of the scalar starting at `pos`, up to the end of its line: enough to
    /// underline it in a diagnostic.
    fn scalar_len(&self, pos: Pos, value: &str) -> usize {
        let rest = &self.text[pos.byte..];
        let line_len = rest.find('\n').unwrap_or(rest.len());
        let quoted = rest.starts_with('"') || rest.starts_with('\'');
        let len = if quoted { value.len() + 2 } else { value.len() };
        len.clamp(1, line_len.max(1))
    }

    /// Decides the path of the node that starts now, consuming the pending key or list index.
    /// Returns `None` when the node is a mapping key (a scalar read in key position).
    fn place(&mut self) -> Placement {
        match self.stack.last_mut() {
            None => Placement::Value {
                path: String::new(),
                key: None,
            },
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                Placement::Value { path: p, key: None }
            }
            Some(Frame::Map {
                path, pending_key, ..
            }) => match pending_key.take() {
                None => Placement::Key {
                    parent: path.clone(),
                },
                Some((k, pos, len)) => {
                    let p = if path.is_empty() {
                        k
                    } else {
                        format!("{path}.{k}")
                    };
                    Placement::Value {
                        path: p,
                        key: Some((pos, len)),
                    }
                }
            },
        }
    }
}

enum Placement {
    Key {
        parent: String,
    },
    Value {
        path: String,
        key: Option<(Pos, usize)>,
    },
}

impl Builder<'_> {
    /// Records the node that starts at `mark` (and ends at `end`).
    ///
    /// A block mapping is placed at the `:` after its first key (`ho_ten: A` → column 7), as
    /// the previous reader placed it: diagnostics about a whole block point there, and the
    /// tests pin those positions. Flow mappings, lists and scalars are placed where they start.
    fn on_event(&mut self, ev: Event<'_>, mark: Marker, end: Marker) {
        let pos = self.pos(&mark);
        if let Event::Scalar(..)
        | Event::Alias(_)
        | Event::MappingStart(..)
        | Event::SequenceStart(..) = ev
            && let Some(Frame::Map {
                path,
                pending_key: None,
                awaits_first_key: awaits @ true,
            }) = self.stack.last_mut()
        {
            *awaits = false;
            let path = path.clone();
            if matches!(ev, Event::Scalar(..))
                && let Some(colon) = self.colon_after(self.pos(&end))
                && let Some(entry) = self.entries.get_mut(&path)
            {
                entry.value.0 = colon;
            }
        }
        match ev {
            Event::Scalar(value, ..) => match self.place() {
                Placement::Key { .. } => {
                    let len = self.scalar_len(pos, &value);
                    if let Some(Frame::Map { pending_key, .. }) = self.stack.last_mut() {
                        *pending_key = Some((value.into_owned(), pos, len));
                    }
                }
                Placement::Value { path, key } => {
                    let len = self.scalar_len(pos, &value);
                    self.entries.insert(
                        path,
                        Entry {
                            key,
                            value: (pos, len),
                        },
                    );
                }
            },
            Event::Alias(_) => {
                if let Placement::Value { path, key } = self.place() {
                    self.entries.insert(
                        path,
                        Entry {
                            key,
                            value: (pos, 1),
                        },
                    );
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let is_map = matches!(ev, Event::MappingStart(..));
                let is_block = matches!(
                    ev,
                    Event::MappingStart(StructureStyle::Block, ..)
                        | Event::SequenceStart(StructureStyle::Block, ..)
                );
                let path = match self.place() {
                    Placement::Value { path, key } => {
                        self.entries.insert(
                            path.clone(),
                            Entry {
                                key,
                                value: (pos, 1),
                            },
                        );
                        path
                    }
                    // A complex mapping key: give it a path nobody asks for.
                    Placement::Key { parent } => format!("{parent}.?"),
                };
                self.stack.push(if is_map {
                    Frame::Map {
                        path,
                        pending_key: None,
                        awaits_first_key: is_block,
                    }
                } else {
                    Frame::Seq { path, next: 0 }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

/// The kind of a parser error, in hoso's terms: a handful that a clerk can act on, the rest
/// "the structure is broken here".
fn syntax_fault(kind: &ErrorKind) -> SyntaxFault {
    use ErrorKind as K;
    match kind {
        K::UnclosedFlowCollection { open } => SyntaxFault::Unclosed { open: *open },
        K::UnexpectedEofFlowSequence => SyntaxFault::Unclosed { open: '[' },
        K::UnexpectedEofFlowMapping | K::UnexpectedEofImplicitFlowMapping => {
            SyntaxFault::Unclosed { open: '{' }
        }
        K::MismatchedFlowCollectionEnd { open, close } => SyntaxFault::Mismatched {
            open: *open,
            close: *close,
        },
        K::MisplacedFlowCollectionEnd => SyntaxFault::StrayClose,
        K::UnclosedQuotedScalar
        | K::InvalidTrailingSingleQuotedScalar
        | K::InvalidTrailingDoubleQuotedScalar => SyntaxFault::UnclosedQuote,
        K::UnknownQuotedScalarEscape
        | K::InvalidQuotedScalarHexEscape
        | K::InvalidLowSurrogateHexEscape
        | K::InvalidLowSurrogate
        | K::MissingLowSurrogate
        | K::UnpairedLowSurrogate
        | K::InvalidUnicodeEscape => SyntaxFault::BadEscape,
        K::TabNotAllowed
        | K::TabInBlockIndentation
        | K::TabInIndentation
        | K::TabAtBlockScalarStart
        | K::TabInPlainScalar => SyntaxFault::Tab,
        K::InvalidColonPlacement | K::MappingValueNotAllowed => SyntaxFault::Colon,
        K::InvalidIndentation
        | K::InvalidBlockScalarIndent
        | K::InvalidQuotedScalarIndent
        | K::InvalidFlowScalarIndent
        | K::ZeroBlockScalarIndent => SyntaxFault::Indentation,
        K::ExpectedBlockMappingKey
        | K::SimpleKeyExpected
        | K::InvalidSimpleKey
        | K::ExpectedBlockSequenceEntry
        | K::BlockSequenceEntryNotAllowed => SyntaxFault::NotKeyValue,
        K::UnknownAnchor => SyntaxFault::UnknownAnchor,
        K::UnexpectedCharacter { character } => SyntaxFault::Character {
            character: *character,
        },
        K::RecursionLimitExceeded => SyntaxFault::TooDeep,
        _ => SyntaxFault::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(text: &str) -> SpanIndex {
        let file = Arc::new(SourceFile {
            path: "t.yaml".into(),
            text: text.into(),
        });
        SpanIndex::build(file).unwrap()
    }

    #[test]
    fn finds_nested_values_and_list_items() {
        let ix = index(
            "# Người xin vào Đảng\nho_ten: Trần Thị Bình\nghi_chu: |\n  Đã học lớp nhận thức về Đảng\nhop_chi_bo:\n  ngay: 12/03/2026\n  co_mat:\n    chinh_thuc: 12\nnguoi_gioi_thieu:\n  - dang_vien: le-van-cuong\n  - dang_vien: \"pham-thi-dung\"\n",
        );
        let at = |p: &str| {
            let l = ix.value(p).unwrap();
            (l.line, l.column)
        };
        assert_eq!(at("ho_ten"), (2, 9));
        assert_eq!(at("hop_chi_bo.ngay"), (6, 9));
        assert_eq!(at("hop_chi_bo.co_mat.chinh_thuc"), (8, 17));
        assert_eq!(at("nguoi_gioi_thieu[1].dang_vien"), (11, 16));
        // byte ranges hold the values, also after multi-byte text and block scalars
        let text = |p: &str| {
            let l = ix.value(p).unwrap();
            ix.file().text[l.range].to_string()
        };
        assert_eq!(text("ho_ten"), "Trần Thị Bình");
        assert_eq!(text("hop_chi_bo.ngay"), "12/03/2026");
        assert_eq!(text("nguoi_gioi_thieu[1].dang_vien"), "\"pham-thi-dung\"");
        let k = ix.key("hop_chi_bo.ngay").unwrap();
        assert_eq!((k.line, k.column), (6, 3));
    }

    #[test]
    fn a_lazy_index_finds_what_an_eager_one_finds() {
        let text = "ho_ten: Trần Thị Bình\nhop_chi_bo:\n  ngay: 12/03/2026\n";
        let file = Arc::new(SourceFile {
            path: "t.yaml".into(),
            text: text.into(),
        });
        let lazy = SpanIndex::lazy(file.clone());
        let eager = SpanIndex::build(file).unwrap();
        for p in ["ho_ten", "hop_chi_bo.ngay", "hop_chi_bo.tan_thanh", "x"] {
            let (a, b) = (lazy.locate(p), eager.locate(p));
            assert_eq!(
                (a.line, a.column, a.range),
                (b.line, b.column, b.range),
                "{p}"
            );
        }
    }

    #[test]
    fn a_missing_field_is_located_at_its_parent() {
        let ix = index("ho_ten: A\nhop_chi_bo:\n  ngay: 12/03/2026\n");
        let l = ix.locate("hop_chi_bo.tan_thanh");
        assert_eq!((l.line, l.column), (2, 1));
        let l = ix.locate("ngay_sinh");
        assert_eq!(l.line, 1);
    }

    #[test]
    fn syntax_errors_carry_their_line() {
        let file = Arc::new(SourceFile {
            path: "t.yaml".into(),
            text: "a: 1\nb: [1, 2\nc: 3\n".into(),
        });
        let err = SpanIndex::build(file).unwrap_err();
        assert!(err.location.line >= 2, "{err:?}");
        assert_eq!(err.fault, SyntaxFault::Colon, "{err:?}");
    }

    #[test]
    fn nesting_past_the_parser_limit_is_an_error_not_a_stack_overflow() {
        let block: String = (0..4000)
            .map(|i| format!("{}a:\n", " ".repeat(i)))
            .collect();
        for text in ["[".repeat(4000), block] {
            let file = Arc::new(SourceFile {
                path: "t.yaml".into(),
                text,
            });
            let err = SpanIndex::build(file).unwrap_err();
            assert_eq!(err.fault, SyntaxFault::TooDeep, "{err:?}");
        }
    }
}
