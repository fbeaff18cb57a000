/*!
Lossless edits of a record's YAML text: the desk and `import --update` change a value and leave
every other byte of the clerk's file as it was (comments, key order, quoting, blank lines).

An edit is a splice of the text, placed by the positions of the same YAML parser that reads the
records (granit-parser, under serde-saphyr): a value is replaced where it stands, a missing key is
added as a line at the indentation of its siblings, a list item is appended after the last item.
Nothing is ever re-serialised. Each edit is then verified: the new text must parse, the edited path
must read back as the value given, and every other value of the file must read as before. An edit
that would do anything else is refused ([`EditError::WouldDamage`]), never written.
*/

mod scalar;
mod tree;

pub use scalar::scalar_text;
use scalar::{Written, is_one_plain_scalar};

use std::fmt;
use tree::{Node, NodeKind, Tree};

/// One change to a record: the value at `path` (the paths diagnostics carry: `hop_chi_bo.ngay`,
/// `nguoi_gioi_thieu[1].dang_vien`, `gia_dinh[2].ho_ten`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub path: String,
    pub value: NewValue,
}

/// What an edit puts at its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewValue {
    /// A text: written plain when YAML reads it back as that same text, quoted otherwise, so that
    /// `12`, `true` or `a: b` typed into a text field stay texts.
    Text(String),
    /// A plain scalar as typed, for numbers and yes/no fields (`12`, `true`): it must be one plain
    /// YAML scalar, which the record's type then reads.
    Scalar(String),
    /// No value: the key (or the list item) and its lines are removed.
    Remove,
}

impl Edit {
    pub fn text(path: impl Into<String>, value: impl Into<String>) -> Edit {
        Edit {
            path: path.into(),
            value: NewValue::Text(value.into()),
        }
    }

    pub fn remove(path: impl Into<String>) -> Edit {
        Edit {
            path: path.into(),
            value: NewValue::Remove,
        }
    }
}

/// Why an edit was not made. The text is then unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The file is not valid YAML as it stands (line and column, 1-based).
    Syntax { line: usize, column: usize },
    /// The path is not of the form `a.b[2].c`.
    BadPath(String),
    /// The path goes through a value that is not a mapping (or not a list, for `[n]`).
    NotAContainer { path: String },
    /// A text cannot replace a mapping or a list.
    NotAValue { path: String },
    /// A list item past the end (only the item right after the last can be added).
    IndexOutOfRange { path: String, len: usize },
    /// The value is in a flow collection (`{a: 1}`, `[a, b]`) with content, or goes through an
    /// alias: hoso edits block YAML only, and says so rather than rewrite the clerk's layout.
    Unsupported { path: String },
    /// `NewValue::Scalar` that is not one plain scalar.
    NotPlain { value: String },
    /// The edit would have changed something else than its value (found by reading back).
    WouldDamage { path: String },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Syntax { line, column } => {
                write!(
                    f,
                    "the file is not valid YAML at line {line}, column {column}"
                )
            }
            EditError::BadPath(p) => write!(f, "`{p}` is not a key path"),
            EditError::NotAContainer { path } => write!(f, "`{path}` holds no keys or items"),
            EditError::NotAValue { path } => write!(f, "`{path}` is a block, not a value"),
            EditError::IndexOutOfRange { path, len } => {
                write!(f, "`{path}`: the list has {len} items")
            }
            EditError::Unsupported { path } => {
                write!(
                    f,
                    "`{path}` is written in a form hoso does not edit (flow or alias)"
                )
            }
            EditError::NotPlain { value } => write!(f, "`{value}` is not a single plain value"),
            EditError::WouldDamage { path } => {
                write!(
                    f,
                    "editing `{path}` would change other values; nothing was changed"
                )
            }
        }
    }
}

impl std::error::Error for EditError {}

/// One segment of a key path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Result<Vec<Seg>, EditError> {
    let bad = || EditError::BadPath(path.to_string());
    let mut segs = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if key.is_empty() && segs.is_empty() && !rest.is_empty() {
            return Err(bad());
        }
        if !key.is_empty() {
            if !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                return Err(bad());
            }
            segs.push(Seg::Key(key.to_string()));
        } else if rest.is_empty() {
            return Err(bad());
        }
        while !rest.is_empty() {
            let close = rest.find(']').ok_or_else(bad)?;
            let n: usize = rest[1..close].parse().map_err(|_| bad())?;
            segs.push(Seg::Index(n));
            rest = &rest[close + 1..];
            if !rest.is_empty() && !rest.starts_with('[') {
                return Err(bad());
            }
        }
    }
    if segs.is_empty() {
        return Err(bad());
    }
    Ok(segs)
}

fn path_string(segs: &[Seg]) -> String {
    let mut s = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Applies `edits` in order to `text`, the content of a record file. Returns the new text, or the
/// first edit's error (and then nothing is changed). A file with a byte-order mark keeps it, and a
/// file whose lines end in `\r\n` gets `\r\n` on the lines added too.
pub fn apply(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let shape = crate::store::Shape::of(text);
    let mut current = shape.plain(text);
    for edit in edits {
        current = apply_one(&current, edit)?;
    }
    Ok(shape.restore(&current))
}

fn apply_one(text: &str, edit: &Edit) -> Result<String, EditError> {
    let segs = parse_path(&edit.path)?;
    let before = Tree::parse(text)?;
    let written = match &edit.value {
        NewValue::Text(v) => Written::text(v),
        NewValue::Scalar(v) => {
            if !is_one_plain_scalar(v) {
                return Err(EditError::NotPlain { value: v.clone() });
            }
            Written::Inline(v.trim().to_string())
        }
        NewValue::Remove => {
            // The key goes, and with it the parent keys it leaves empty.
            let segs = emptied(&before, &segs);
            return checked(text, &before, &segs, &edit.value, |t| {
                remove(t, &before, &segs)
            });
        }
    };
    let done = checked(text, &before, &segs, &edit.value, |t| {
        set(t, &before, &segs, &written)
    });
    match (done, &edit.value) {
        // Where a block does not fit (a list item written inline), the text on one line.
        (Err(_), NewValue::Text(v)) if written.is_block() => {
            let inline = Written::Inline(scalar_text(v));
            checked(text, &before, &segs, &edit.value, |t| {
                set(t, &before, &segs, &inline)
            })
        }
        (done, _) => done,
    }
}

/// The text `change` makes, if it reads back with exactly the old values and the one change.
fn checked(
    text: &str,
    before: &Tree,
    segs: &[Seg],
    value: &NewValue,
    change: impl FnOnce(&str) -> Result<String, EditError>,
) -> Result<String, EditError> {
    let new_text = change(text)?;
    if new_text == text {
        return Ok(new_text);
    }
    verify(before, &new_text, segs, value).map_err(|()| EditError::WouldDamage {
        path: path_string(segs),
    })?;
    Ok(new_text)
}

/// What removing `segs` removes: the key, or the highest parent key that holds nothing else
/// (clearing `quyet_dinh_ket_nap.so`, the decision's only value, removes `quyet_dinh_ket_nap:`
/// rather than leave it empty). A list's item is removed only when asked for.
fn emptied(tree: &Tree, segs: &[Seg]) -> Vec<Seg> {
    let mut n = segs.len();
    if tree.find_with_parent(segs).is_none() {
        return segs.to_vec();
    }
    while n >= 2 && matches!(segs[n - 2], Seg::Key(_)) {
        let Some((_, parent)) = tree.find_with_parent(&segs[..n - 1]) else {
            break;
        };
        let only_child = match &parent.kind {
            NodeKind::Map {
                block: true,
                entries,
            } => entries.len() == 1,
            NodeKind::Seq { block: true, items } => items.len() == 1,
            _ => false,
        };
        if !only_child {
            break;
        }
        n -= 1;
    }
    segs[..n].to_vec()
}

/// The byte offset of the start of the line holding `byte`.
fn line_start(text: &str, byte: usize) -> usize {
    // By bytes: `byte` may be inside a character (the last byte of a value), `\n` never is.
    let bytes = &text.as_bytes()[..byte.min(text.len())];
    bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

/// The byte offset just past the end of the line holding `byte` (past its `\n`).
fn line_end(text: &str, byte: usize) -> usize {
    let from = byte.min(text.len());
    let bytes = &text.as_bytes()[from..];
    bytes
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |i| from + i + 1)
}

/// The column (in characters) of `byte` in its line: the indentation a sibling must have.
fn column(text: &str, byte: usize) -> usize {
    text[line_start(text, byte)..byte].chars().count()
}

/// Lines that make up a new subtree for the segments `rest`, starting at `indent`, holding
/// `value` at its end.
fn new_subtree(
    rest: &[Seg],
    value: &Written,
    indent: usize,
    path: &str,
) -> Result<String, EditError> {
    let pad = " ".repeat(indent);
    match rest {
        [] => Ok(value.at(indent)),
        [Seg::Key(k)] => Ok(format!("{pad}{k}: {}\n", value.at(indent + 2))),
        [Seg::Key(k), more @ ..] => Ok(format!(
            "{pad}{k}:\n{}",
            new_subtree(more, value, indent + 2, path)?
        )),
        [Seg::Index(0)] => Ok(format!("{pad}- {}\n", value.at(indent + 2))),
        [Seg::Index(0), more @ ..] => {
            // The item's first line shares the dash: `- key: value`.
            let inner = new_subtree(more, value, indent + 2, path)?;
            Ok(format!("{pad}- {}", &inner[indent + 2..]))
        }
        [Seg::Index(_), ..] => Err(EditError::IndexOutOfRange {
            path: path.to_string(),
            len: 0,
        }),
    }
}

/// Sets the value at `segs`, adding keys and items as needed.
fn set(text: &str, tree: &Tree, segs: &[Seg], value: &Written) -> Result<String, EditError> {
    let full = path_string(segs);
    let mut node = tree.root();
    for (depth, seg) in segs.iter().enumerate() {
        let here = path_string(&segs[..depth]);
        let child = match (&node.kind, seg) {
            (NodeKind::Map { entries, .. }, Seg::Key(k)) => {
                entries.iter().find(|e| &e.key == k).map(|e| &e.value)
            }
            (NodeKind::Seq { items, .. }, Seg::Index(i)) => {
                if *i > items.len() {
                    return Err(EditError::IndexOutOfRange {
                        path: full,
                        len: items.len(),
                    });
                }
                items.get(*i)
            }
            (NodeKind::Alias, _) => return Err(EditError::Unsupported { path: here }),
            (NodeKind::Scalar { .. }, _) if node.is_empty_value() => {
                return replace_empty(text, tree, node, &segs[depth..], value, &full);
            }
            _ => return Err(EditError::NotAContainer { path: here }),
        };
        match child {
            Some(c) => node = c,
            None => return add_child(text, tree, node, &segs[depth..], value, &full),
        }
    }
    match &node.kind {
        NodeKind::Scalar { .. } => {
            let (start, end) = node.value_range();
            // `key:` with nothing after it: the value goes after the colon.
            let lead = if start == end { " " } else { "" };
            let Written::Block { .. } = value else {
                return Ok(splice(text, start, end, &format!("{lead}{}", value.at(0))));
            };
            // A block's indicator takes the value's place (what followed it on its line, a
            // comment, stays there); its lines go below, two columns in from the key or the dash.
            let indent = node
                .key_start
                .map_or(column(text, start), |k| column(text, k) + 2);
            let block = value.at(indent);
            let (indicator, lines) = block.split_once('\n').unwrap_or((&block, ""));
            let after = line_end(text, end);
            // After an old block's indicator, its comment (`ghi_chu: | # note`).
            let rest_of_line = match &node.kind {
                NodeKind::Scalar { block: true, .. } => {
                    let header = &text[start..line_end(text, start)];
                    let token = header.find([' ', '\t', '\n']).unwrap_or(header.len());
                    &header[token..]
                }
                _ => &text[end..after],
            };
            let mut out = String::with_capacity(text.len() + block.len() + 2);
            out.push_str(&text[..start]);
            out.push_str(lead);
            out.push_str(indicator);
            out.push_str(rest_of_line.trim_end_matches('\n'));
            out.push('\n');
            out.push_str(lines);
            if text[..after].ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&text[after..]);
            Ok(out)
        }
        NodeKind::Alias => Err(EditError::Unsupported { path: full }),
        _ => Err(EditError::NotAValue { path: full }),
    }
}

/// Adds the missing `rest` under the existing container `node`.
fn add_child(
    text: &str,
    tree: &Tree,
    node: &Node,
    rest: &[Seg],
    value: &Written,
    full: &str,
) -> Result<String, EditError> {
    match &node.kind {
        NodeKind::Map { block, entries } => {
            if !*block {
                if entries.is_empty() {
                    return replace_empty(text, tree, node, rest, value, full);
                }
                return Err(EditError::Unsupported {
                    path: full.to_string(),
                });
            }
            let indent = column(text, entries[0].key_start);
            let at = line_end(text, tree.last_byte(node));
            Ok(insert_lines(
                text,
                at,
                &new_subtree(rest, value, indent, full)?,
            ))
        }
        NodeKind::Seq { block, items } => {
            if !*block {
                if items.is_empty() {
                    return replace_empty(text, tree, node, rest, value, full);
                }
                return Err(EditError::Unsupported {
                    path: full.to_string(),
                });
            }
            // The new item is `rest[0] == Index(len)`: written like the first, at its dash.
            let dash_indent = column(text, dash_of(text, node, &items[0]));
            let mut item = rest.to_vec();
            item[0] = Seg::Index(0);
            let at = line_end(text, tree.last_byte(node));
            Ok(insert_lines(
                text,
                at,
                &new_subtree(&item, value, dash_indent, full)?,
            ))
        }
        _ => Err(EditError::NotAContainer {
            path: full.to_string(),
        }),
    }
}

/// The `-` of a block list's item: on the item's first line, else where the list starts.
fn dash_of(text: &str, seq: &Node, item: &Node) -> usize {
    let from = line_start(text, item.start);
    text[from..item.start]
        .rfind('-')
        .map_or(seq.start, |d| from + d)
}

/// Replaces an empty value (`key:`, `key: ~`, `key: {}`, `key: []`, a bare `-`) with a new block
/// holding `rest`. A comment after the empty value stays on its line.
fn replace_empty(
    text: &str,
    tree: &Tree,
    node: &Node,
    rest: &[Seg],
    value: &Written,
    full: &str,
) -> Result<String, EditError> {
    let (start, end) = node.value_range();
    if std::ptr::eq(node, tree.root()) {
        // The file has no keys yet.
        let mut out = splice(text, start, end, "");
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&new_subtree(rest, value, 0, full)?);
        return Ok(out);
    }
    match node.key_start {
        Some(key_start) => {
            // `key: ~` → `key:` and the block on the lines below, two columns in.
            let body = new_subtree(rest, value, column(text, key_start) + 2, full)?;
            let after = line_end(text, end);
            let mut out = String::with_capacity(text.len() + body.len() + 1);
            // From the colon: `b: ~ # note` becomes `b: # note`.
            out.push_str(&text[..node.colon_end.unwrap_or(start).min(start)]);
            out.push_str(&text[end..after]);
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&body);
            out.push_str(&text[after..]);
            Ok(out)
        }
        None => {
            // A list item, `-` or `- {}`: the block starts beside the dash.
            let indent = column(text, start) + usize::from(start == end);
            let body = new_subtree(rest, value, indent, full)?;
            let inline = body[indent..].trim_end_matches('\n');
            let lead = if start == end { " " } else { "" };
            Ok(splice(text, start, end, &format!("{lead}{inline}")))
        }
    }
}

fn insert_lines(text: &str, at: usize, lines: &str) -> String {
    let mut out = String::with_capacity(text.len() + lines.len() + 1);
    out.push_str(&text[..at]);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(lines);
    out.push_str(&text[at..]);
    out
}

fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..start]);
    out.push_str(with);
    out.push_str(&text[end..]);
    out
}

/// Removes the key or item at `segs` with its lines. A path that is not there is already removed.
fn remove(text: &str, tree: &Tree, segs: &[Seg]) -> Result<String, EditError> {
    let full = path_string(segs);
    let Some((parent, node)) = tree.find_with_parent(segs) else {
        return Ok(text.to_string());
    };
    let block = match &parent.kind {
        NodeKind::Map { block, .. } | NodeKind::Seq { block, .. } => *block,
        _ => false,
    };
    if !block {
        return Err(EditError::Unsupported { path: full });
    }
    let first = node.key_start.unwrap_or(node.start);
    let end = line_end(text, tree.last_byte(node).max(first));
    let start_line = line_start(text, first);
    let lead = &text[start_line..first];
    if lead.trim().is_empty() || matches!(segs.last(), Some(Seg::Index(_))) {
        // The key stands at the start of its line (or this is a whole list item): its lines go.
        // A list item's lines start at its dash.
        let from = if matches!(segs.last(), Some(Seg::Index(_))) {
            line_start(text, node.start)
        } else {
            start_line
        };
        return Ok(splice(text, from, end, ""));
    }
    // `- key: value`, the first key of a list item: the next key moves up beside the dash.
    let NodeKind::Map { entries, .. } = &parent.kind else {
        return Err(EditError::Unsupported { path: full });
    };
    let pos = entries.iter().position(|e| e.key_start == first);
    match pos.and_then(|p| entries.get(p + 1)) {
        Some(next) => Ok(splice(text, first, next.key_start, "")),
        None => Ok(splice(text, first, end, "{}\n")),
    }
}

/// Reads `new_text` back and checks that it holds exactly the old values with the one change.
fn verify(before: &Tree, new_text: &str, segs: &[Seg], value: &NewValue) -> Result<(), ()> {
    let after = Tree::parse(new_text).map_err(|_| ())?;
    let edited = path_string(segs);
    let under = |p: &str| {
        p == edited || p.starts_with(&format!("{edited}.")) || p.starts_with(&format!("{edited}["))
    };
    // An ancestor of the edited path: an empty value that became a block, or a block emptied.
    let above = |p: &str| {
        p.is_empty() || edited.starts_with(&format!("{p}.")) || edited.starts_with(&format!("{p}["))
    };
    let mut expected = before.scalars();
    expected.retain(|p, _| !under(p) && !above(p));
    match value {
        NewValue::Text(v) => {
            expected.insert(edited.clone(), v.clone());
        }
        NewValue::Scalar(v) => {
            expected.insert(edited.clone(), v.trim().to_string());
        }
        NewValue::Remove => {
            if let Some(Seg::Index(i)) = segs.last() {
                // Later items of the same list move up by one.
                let prefix = format!("{}[", path_string(&segs[..segs.len() - 1]));
                expected = expected
                    .into_iter()
                    .map(|(p, v)| (renumber(&p, &prefix, *i).unwrap_or(p), v))
                    .collect();
            }
        }
    }
    let mut got = after.scalars();
    if matches!(value, NewValue::Remove) {
        got.retain(|p, v| !(above(p) && v.is_empty()));
    }
    if got == expected { Ok(()) } else { Err(()) }
}

/// `list[j]…` with j > i becomes `list[j-1]…`.
fn renumber(path: &str, prefix: &str, removed: usize) -> Option<String> {
    let rest = path.strip_prefix(prefix)?;
    let close = rest.find(']')?;
    let j: usize = rest[..close].parse().ok()?;
    (j > removed).then(|| format!("{prefix}{}{}", j - 1, &rest[close..]))
}

#[cfg(test)]
mod tests;

/// Every scalar of a record's text by its concrete path (`ly_lich.gia_dinh[1].ho_ten`), as the
/// clerk wrote it: `0123` stays `0123`, where reading it as data would make it the number 123.
pub fn scalars_as_written(
    text: &str,
) -> Result<std::collections::BTreeMap<String, String>, EditError> {
    Ok(Tree::parse(text)?.scalars())
}
