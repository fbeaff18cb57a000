//! The YAML text as a tree of nodes with byte positions: where each value starts and ends, where
//! each key stands, so that an edit can splice the text and leave the rest of it alone.

use super::{EditError, Seg};
use crate::model::{LineIndex, colon_after};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span, StructureStyle};
use std::collections::BTreeMap;

#[derive(Debug)]
pub(super) struct Node {
    pub kind: NodeKind,
    /// The byte where the node starts (a scalar's first character or quote, a collection's
    /// first token).
    pub start: usize,
    /// The byte after a scalar's last character (block scalars without their final line
    /// breaks); for a flow collection, after its closing bracket.
    pub end: usize,
    /// For the value of a mapping entry: where its key starts, and the byte after its `:`.
    pub key_start: Option<usize>,
    pub colon_end: Option<usize>,
}

#[derive(Debug)]
pub(super) enum NodeKind {
    /// `block`: a literal or folded scalar (`|`, `>`), whose text starts on the line below its
    /// indicator.
    Scalar {
        value: String,
        plain: bool,
        block: bool,
    },
    Alias,
    Map {
        block: bool,
        entries: Vec<Entry>,
    },
    Seq {
        block: bool,
        items: Vec<Node>,
    },
}

#[derive(Debug)]
pub(super) struct Entry {
    pub key: String,
    pub key_start: usize,
    pub value: Node,
}

pub(super) struct Tree {
    root: Node,
}

impl Node {
    /// `key:`, `key: ~`, `key: null` — or an empty flow collection, `{}` / `[]`.
    pub fn is_empty_value(&self) -> bool {
        match &self.kind {
            NodeKind::Scalar { value, plain, .. } => {
                *plain && matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL")
            }
            NodeKind::Map { block, entries } => !block && entries.is_empty(),
            NodeKind::Seq { block, items } => !block && items.is_empty(),
            NodeKind::Alias => false,
        }
    }

    /// The bytes the node's value occupies (empty, just after the colon, for `key:`).
    pub fn value_range(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// The byte range of a parser span, placed as the position index places it.
fn span_bytes(lines: &LineIndex<'_>, span: &Span) -> (usize, usize) {
    let start = lines.byte(&span.start);
    (start, lines.byte(&span.end).max(start))
}

enum Open {
    Map {
        node: Node,
        pending: Option<(String, usize, usize)>,
    },
    Seq {
        node: Node,
    },
}

impl Tree {
    pub fn parse(text: &str) -> Result<Tree, EditError> {
        let mut stack: Vec<Open> = Vec::new();
        let mut root: Option<Node> = None;
        let mut documents = 0;
        let lines = LineIndex::new(text);
        for event in Parser::new_from_str(text) {
            let (event, span) = event.map_err(|e| EditError::Syntax {
                line: e.marker().line(),
                column: e.marker().col() + 1,
            })?;
            let (start, end) = span_bytes(&lines, &span);
            let leaf = match event {
                Event::DocumentStart(..) => {
                    documents += 1;
                    if documents > 1 {
                        // A record is one document; a second one is not edited.
                        return Err(EditError::Unsupported {
                            path: String::new(),
                        });
                    }
                    continue;
                }
                Event::Scalar(value, style, anchor, _) => {
                    if anchor != 0 {
                        return Err(EditError::Unsupported {
                            path: String::new(),
                        });
                    }
                    // Block scalars end after their last line break; the value ends before.
                    let end = start + text[start..end.max(start)].trim_end().len();
                    let plain = style == ScalarStyle::Plain;
                    Node {
                        kind: NodeKind::Scalar {
                            // `key:` with nothing: the parser says `~`, the text holds nothing.
                            value: if plain && start == end {
                                String::new()
                            } else {
                                value.into_owned()
                            },
                            plain,
                            block: matches!(style, ScalarStyle::Literal | ScalarStyle::Folded),
                        },
                        start,
                        end,
                        key_start: None,
                        colon_end: None,
                    }
                }
                Event::Alias(_) => Node {
                    kind: NodeKind::Alias,
                    start,
                    end,
                    key_start: None,
                    colon_end: None,
                },
                Event::MappingStart(style, anchor, _) | Event::SequenceStart(style, anchor, _) => {
                    if anchor != 0 {
                        return Err(EditError::Unsupported {
                            path: String::new(),
                        });
                    }
                    let block = style == StructureStyle::Block;
                    let node = Node {
                        kind: if matches!(event, Event::MappingStart(..)) {
                            NodeKind::Map {
                                block,
                                entries: Vec::new(),
                            }
                        } else {
                            NodeKind::Seq {
                                block,
                                items: Vec::new(),
                            }
                        },
                        start,
                        end: start,
                        key_start: None,
                        colon_end: None,
                    };
                    // A collection in key position is not something a record has.
                    if let Some(Open::Map { pending: None, .. }) = stack.last() {
                        return Err(EditError::Unsupported {
                            path: String::new(),
                        });
                    }
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Open::Map {
                            node,
                            pending: None,
                        }
                    } else {
                        Open::Seq { node }
                    });
                    continue;
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    let Some(open) = stack.pop() else { continue };
                    let mut node = match open {
                        Open::Map { node, .. } | Open::Seq { node } => node,
                    };
                    let flow = matches!(
                        node.kind,
                        NodeKind::Map { block: false, .. } | NodeKind::Seq { block: false, .. }
                    );
                    if flow {
                        node.end = end.max(node.start);
                    }
                    node
                }
                _ => continue,
            };
            place(&mut stack, &mut root, leaf, text);
        }
        let root = root.unwrap_or(Node {
            kind: NodeKind::Scalar {
                value: String::new(),
                plain: true,
                block: false,
            },
            start: text.len(),
            end: text.len(),
            key_start: None,
            colon_end: None,
        });
        Ok(Tree { root })
    }

    pub fn root(&self) -> &Node {
        &self.root
    }

    /// The node at `segs` and its parent.
    pub fn find_with_parent(&self, segs: &[Seg]) -> Option<(&Node, &Node)> {
        let mut parent = None;
        let mut node = &self.root;
        for seg in segs {
            let child = match (&node.kind, seg) {
                (NodeKind::Map { entries, .. }, Seg::Key(k)) => {
                    entries.iter().find(|e| &e.key == k).map(|e| &e.value)
                }
                (NodeKind::Seq { items, .. }, Seg::Index(i)) => items.get(*i),
                _ => None,
            }?;
            parent = Some(node);
            node = child;
        }
        parent.map(|p| (p, node))
    }

    /// The byte of the last character of `node`'s content (its last scalar, or the colon of an
    /// empty `key:`): the line holding it is the node's last line.
    pub fn last_byte(&self, node: &Node) -> usize {
        let last = match &node.kind {
            NodeKind::Map {
                block: true,
                entries,
            } => entries.iter().map(|e| self.last_byte(&e.value)).max(),
            NodeKind::Seq { block: true, items } => items.iter().map(|i| self.last_byte(i)).max(),
            _ => None,
        };
        last.unwrap_or(node.end.saturating_sub(1))
    }

    /// Every scalar of the file by path, with its decoded text: what an edit must keep.
    pub fn scalars(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        collect(&self.root, String::new(), &mut out);
        out
    }

    /// The scalar at a top-level key: its text and whether it is plain.
    pub fn scalar_at(&self, key: &str) -> Option<(String, bool)> {
        let NodeKind::Map { entries, .. } = &self.root.kind else {
            return None;
        };
        match &entries.iter().find(|e| e.key == key)?.value.kind {
            NodeKind::Scalar { value, plain, .. } => Some((value.clone(), *plain)),
            _ => None,
        }
    }
}

fn collect(node: &Node, path: String, out: &mut BTreeMap<String, String>) {
    match &node.kind {
        NodeKind::Scalar { value, .. } => {
            out.insert(path, value.clone());
        }
        NodeKind::Alias => {
            out.insert(path, "*".into());
        }
        NodeKind::Map { entries, .. } => {
            for e in entries {
                let p = if path.is_empty() {
                    e.key.clone()
                } else {
                    format!("{path}.{}", e.key)
                };
                collect(&e.value, p, out);
            }
        }
        NodeKind::Seq { items, .. } => {
            for (i, item) in items.iter().enumerate() {
                collect(item, format!("{path}[{i}]"), out);
            }
        }
    }
}

/// Puts a finished node where it belongs: the root, the next item of a list, a mapping's key
/// (a scalar in key position) or that key's value.
fn place(stack: &mut [Open], root: &mut Option<Node>, mut node: Node, text: &str) {
    match stack.last_mut() {
        None => *root = Some(node),
        Some(Open::Seq { node: seq }) => {
            if let NodeKind::Seq { items, .. } = &mut seq.kind {
                let before = text[..node.start.min(text.len())].trim_end();
                if is_implicit_empty(&node) && before.ends_with('-') {
                    // `-` alone: the empty item stands right after its dash.
                    node.start = before.len();
                    node.end = before.len();
                }
                block_scalar_start(&mut node, text);
                items.push(node);
            }
        }
        Some(Open::Map { node: map, pending }) => match pending.take() {
            None => {
                if let NodeKind::Scalar { value, .. } = node.kind {
                    *pending = Some((value, node.start, node.end));
                }
            }
            Some((key, key_start, key_end)) => {
                // The byte after the colon.
                let colon_end = colon_after(text, key_end).map(|c| c + 1);
                node.key_start = Some(key_start);
                node.colon_end = colon_end;
                if is_implicit_empty(&node)
                    && let Some(c) = colon_end
                {
                    // `key:` with nothing after it: the parser places the empty value at the next
                    // token, perhaps lines below; it belongs just after the colon.
                    node.start = c;
                    node.end = c;
                }
                block_scalar_start(&mut node, text);
                if let NodeKind::Map { entries, .. } = &mut map.kind {
                    entries.push(Entry {
                        key,
                        key_start,
                        value: node,
                    });
                }
            }
        },
    }
}

fn is_implicit_empty(node: &Node) -> bool {
    matches!(&node.kind, NodeKind::Scalar { value, plain: true, .. } if value.is_empty())
}

/// A block scalar's text starts below its indicator; the value, for an edit, starts at the
/// indicator: the first `|` or `>` on the last non-blank line above the text (the key's line, or
/// the dash's).
fn block_scalar_start(node: &mut Node, text: &str) {
    if let NodeKind::Scalar { block: true, .. } = node.kind {
        let content_line = text[..node.start].rfind('\n').map_or(0, |i| i + 1);
        let above = text[..content_line].trim_end();
        let header = above.rfind('\n').map_or(0, |i| i + 1);
        if let Some(i) = above[header..].find(['|', '>']) {
            node.start = header + i;
        }
    }
}
