//! A person's record as a form: sections in the order of the process, each field labelled as the
//! key table labels it (`model::keys`, the one list of every key), with the value as the clerk
//! wrote it in the file; and the record's diagnostics put beside the field they concern.

use super::words;
use crate::diag::{Diagnostic, Lang, Severity};
use crate::model::Ngay;
use crate::model::keys::{self, FileKind, Key};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;

/// The sections of a person's form, in the order of the process: who the person is, the class
/// certificate, the application, the personal history, the sponsors, … the recognition. Each is
/// a top-level key of the record (its label is the key table's), but the first and the last,
/// which gather the person's own details and the special cases.
const SECTIONS: &[(&str, &[&str])] = &[
    (
        "ca-nhan",
        &[
            "ho_ten",
            "ten_khai_sinh",
            "bi_danh",
            "gioi_tinh",
            "ngay_sinh",
            "noi_sinh",
            "que_quan",
            "noi_o",
            "dan_toc",
            "ton_giao",
            "ton_giao_du_dieu_kien",
            "nghe_nghiep",
            "noi_lam_viec",
            "trinh_do",
            "chuc_vu",
            "chi_bo",
        ],
    ),
    ("giay_chung_nhan", &["giay_chung_nhan"]),
    ("don_xin_vao_dang", &["don_xin_vao_dang"]),
    ("ly_lich", &["ly_lich"]),
    ("nguoi_gioi_thieu", &["nguoi_gioi_thieu"]),
    ("gioi_thieu_doan_the", &["gioi_thieu_doan_the"]),
    ("tong_hop_nhan_xet", &["tong_hop_nhan_xet"]),
    ("hop_chi_bo", &["hop_chi_bo"]),
    ("tham_dinh", &["tham_dinh"]),
    ("nghi_quyet_dang_uy", &["nghi_quyet_dang_uy"]),
    ("quyet_dinh_ket_nap", &["quyet_dinh_ket_nap"]),
    ("le_ket_nap", &["le_ket_nap"]),
    ("ly_lich_dang_vien", &["ly_lich_dang_vien"]),
    ("tu_kiem_diem", &["tu_kiem_diem"]),
    ("nhan_xet_giup_do", &["nhan_xet_giup_do"]),
    ("tong_hop_nhan_xet_du_bi", &["tong_hop_nhan_xet_du_bi"]),
    ("hop_xet_chinh_thuc", &["hop_xet_chinh_thuc"]),
    ("tham_dinh_chinh_thuc", &["tham_dinh_chinh_thuc"]),
    (
        "nghi_quyet_dang_uy_chinh_thuc",
        &["nghi_quyet_dang_uy_chinh_thuc"],
    ),
    ("cong_nhan_chinh_thuc", &["cong_nhan_chinh_thuc"]),
    (
        "dac-biet",
        &[
            "dong_y_tren_60",
            "ngoai_le_hoc_van",
            "ket_nap_lai",
            "ngay_vao_dang",
            "ngay_chinh_thuc",
            "chuyen_den",
            "ra_khoi_dang",
        ],
    ),
];

/// Keys whose values are paragraphs rather than a line.
const LONG: &[&str] = &[
    "noi_dung",
    "uu_diem",
    "khuyet_diem",
    "huong_khac_phuc",
    "de_nghi",
    "ket_luan",
    "lich_su_ban_than",
    "dac_diem_lich_su",
    "tu_nhan_xet",
    "lich_su",
    "ly_do_vang",
];

/// One section of the form.
#[derive(Debug, Serialize)]
pub struct Section {
    /// Its id: the top-level key, or `ca-nhan`, `dac-biet`.
    pub id: &'static str,
    /// Its title.
    pub label: String,
    /// The record has something in it.
    pub filled: bool,
    /// Open when the page loads.
    pub open: bool,
    /// Its rows, in the key table's order.
    pub rows: Vec<Row>,
}

/// A line of a section: a field, the title of a group of fields, or a list.
#[derive(Debug, Serialize)]
#[serde(tag = "row", rename_all = "kebab-case")]
pub enum Row {
    /// A value to type or choose.
    Field(Field),
    /// The title of the fields below (`hop_chi_bo.dang_vien`: the branch's members).
    Heading { label: String, path: String },
    /// A list whose items can be added and removed.
    List(ListBlock),
}

/// One field.
#[derive(Debug, Serialize)]
pub struct Field {
    /// The concrete path in the record: `nguoi_gioi_thieu[1].dang_vien`.
    pub path: String,
    /// The key table's label.
    pub label: String,
    /// `text`, `long`, `person`, `check` (a yes/no) or `choice`.
    pub kind: &'static str,
    /// The value as written in the file ("" when absent).
    pub value: String,
    /// For a choice: the values offered, with their labels; for a person, only the value chosen
    /// (the page's script offers the others).
    pub options: Vec<(String, String)>,
    /// For a person: the day of the field's document, on which full members are offered first,
    /// as shown and as `YYYY-MM-DD`.
    pub day: String,
    pub day_iso: String,
    /// The title the full members on that day are offered under.
    pub full_label: String,
    /// A hint of the format (dates), or of what an empty field means.
    pub placeholder: &'static str,
}

/// A list of items (family members, sponsors, posts held).
#[derive(Debug, Serialize)]
pub struct ListBlock {
    /// The concrete path of the list: `ly_lich.gia_dinh`.
    pub path: String,
    /// Its label.
    pub label: String,
    /// The items the record holds.
    pub items: Vec<Item>,
    /// The rows of a new item, with `__i__` in place of its index.
    pub template: Vec<Row>,
}

/// One item of a list.
#[derive(Debug, Serialize)]
pub struct Item {
    /// Its index.
    pub index: usize,
    /// Its concrete path: `ly_lich.gia_dinh[2]`.
    pub path: String,
    /// Its rows.
    pub rows: Vec<Row>,
}

/// A member as the fields naming a person offer them: the id, the name shown (with the id when
/// two people bear the name), and the days on which they are a full member, from and until
/// (`YYYY-MM-DD`; "" for no such day, or for a member who did not leave): those are offered
/// first on a field's document day.
#[derive(Debug, Serialize)]
pub struct Member(pub String, pub String, pub String, pub String);

/// The members the fields naming a person offer: one list, which the page carries once (a
/// đảng ủy's thousands of members, in every such field, made pages of megabytes) and its script
/// offers in a field when the clerk opens it, the full members on the field's document day first.
pub struct Members {
    /// The name shown of each member's id.
    shown: HashMap<String, String>,
    /// The list as the page carries it, in Vietnamese order.
    pub json: String,
    /// The day when a field's document has none yet.
    pub today: Ngay,
}

impl Members {
    /// The members `list` (in the order offered), on a page shown on `today`.
    pub fn new(list: &[Member], today: Ngay) -> Members {
        Members {
            shown: list.iter().map(|m| (m.0.clone(), m.1.clone())).collect(),
            json: serde_json::to_string(list).unwrap_or_else(|_| "[]".into()),
            today,
        }
    }
}

/// Builds the form of a record. `value` is the file read as plain YAML data (what the clerk
/// wrote, not what the types made of it); `open` is the section to open first.
pub fn sections(value: &Value, members: &Members, open: &str, lang: Lang) -> Vec<Section> {
    form(FileKind::Nguoi, SECTIONS, value, members, open, lang)
}

/// The sections of the branch settings (`to-chuc.yaml`): the names, the committee and its term,
/// the branches of a đảng bộ, the pages' margins, the year's days off, the own rules. The
/// register of numbers is `cap-so`'s, not typed.
const SETTINGS: &[(&str, &[&str])] = &[
    (
        "to-chuc",
        &[
            "chi_bo",
            "dang_bo",
            "dang_uy",
            "cap_tren",
            "dia_danh",
            "ky_hieu",
            "ky_hieu_dang_uy",
            "dang_uy_bo_phan",
        ],
    ),
    (
        "cap-uy",
        &["bi_thu", "pho_bi_thu", "nhiem_ky", "nhiem_ky_tu"],
    ),
    ("cac_chi_bo", &["cac_chi_bo"]),
    ("cac_dang_bo_co_so", &["cac_dang_bo_co_so"]),
    ("le_trang", &["le_trang"]),
    ("ngay-nghi", &["ngay_nghi_bu", "ngay_lam_bu"]),
    ("quy_tac_rieng", &["quy_tac_rieng"]),
];

/// The form of the branch settings.
pub fn settings(value: &Value, members: &Members, lang: Lang) -> Vec<Section> {
    form(FileKind::ToChuc, SETTINGS, value, members, "to-chuc", lang)
}

fn form(
    kind: FileKind,
    layout: &[(&'static str, &[&str])],
    value: &Value,
    members: &Members,
    open: &str,
    lang: Lang,
) -> Vec<Section> {
    let builder = Builder {
        members,
        lang,
        kind,
    };
    layout
        .iter()
        .map(|(id, tops)| {
            let rows: Vec<Row> = tops
                .iter()
                .filter_map(|top| keys::find(kind, top))
                .flat_map(|key| builder.rows(key, top_path(key), value, tops.len() > 1))
                .collect();
            let filled = tops
                .iter()
                .any(|t| value.get(t).is_some_and(|v| !v.is_null()));
            Section {
                id,
                label: section_label(kind, id, lang),
                filled,
                open: *id == open,
                rows,
            }
        })
        .collect()
}

fn top_path(key: &Key) -> String {
    key.path.to_string()
}

fn section_label(kind: FileKind, id: &str, lang: Lang) -> String {
    match id {
        "to-chuc" => lang.pick("Tên và địa danh", "Names and place").to_string(),
        "cap-uy" => lang
            .pick("Bí thư, phó bí thư, nhiệm kỳ", "Secretary, deputy, term")
            .to_string(),
        "ngay-nghi" => lang
            .pick(
                "Ngày nghỉ bù, làm bù trong năm",
                "The year's swapped days off",
            )
            .to_string(),
        "ca-nhan" => lang.pick("Bản thân", "The person").to_string(),
        "dac-biet" => lang
            .pick("Trường hợp đặc biệt", "Special cases")
            .to_string(),
        top => keys::find(kind, top).map_or_else(|| top.to_string(), |k| label(k, lang)),
    }
}

fn label(key: &Key, lang: Lang) -> String {
    words::label(key, lang)
}

pub use words::capitalise;

/// The keys directly under the generic path `prefix` (`hop_chi_bo.`, `ly_lich.gia_dinh[].`).
fn children(kind: FileKind, prefix: &str) -> impl Iterator<Item = &'static Key> + '_ {
    keys::KEYS.iter().filter(move |k| {
        k.file == kind
            && k.path
                .strip_prefix(prefix)
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(['.', '[']))
    })
}

fn is_list(kind: FileKind, generic: &str) -> bool {
    children(kind, &format!("{generic}[].")).next().is_some()
}

fn is_object(kind: FileKind, generic: &str) -> bool {
    children(kind, &format!("{generic}.")).next().is_some()
}

/// A list of plain values (the days off of `ngay_nghi_bu`): each item is a field.
fn is_value_list(kind: FileKind, generic: &str) -> bool {
    kind == FileKind::ToChuc && matches!(generic, "ngay_nghi_bu" | "ngay_lam_bu")
}

/// The value at a concrete path of the file's data.
pub fn value_at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut at = root;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        at = at.get(name)?;
        if let Some(i) = index {
            at = at.get(i)?;
        }
    }
    Some(at)
}

/// Puts back each number and yes/no of the data as the text the clerk wrote (`0123`, not 123):
/// the field shows it, and saving the field again writes it unchanged.
pub fn as_written(data: &mut Value, written: &std::collections::BTreeMap<String, String>) {
    for (path, text) in written {
        if let Some(v) = value_at_mut(data, path)
            && matches!(v, Value::Number(_) | Value::Bool(_))
        {
            *v = Value::String(text.clone());
        }
    }
}

fn value_at_mut<'a>(root: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut at = root;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        at = at.get_mut(name)?;
        if let Some(i) = index {
            at = at.get_mut(i)?;
        }
    }
    Some(at)
}

/// A scalar as the clerk wrote it.
fn scalar_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        // A list or a mapping where a value should be: shown as data, the validator says why.
        Some(other) => other.to_string(),
    }
}

struct Builder<'a> {
    members: &'a Members,
    lang: Lang,
    kind: FileKind,
}

impl Builder<'_> {
    /// The rows of `key` at the concrete path `path`. `heading`: an object gets a title row
    /// (not when it is the whole section, whose title says it).
    fn rows(&self, key: &'static Key, path: String, data: &Value, heading: bool) -> Vec<Row> {
        let generic = key.path;
        let kind = self.kind;
        if is_value_list(kind, generic) {
            let len = value_at(data, &path)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            let item = |p: String| {
                let mut f = self.field(key, p, data);
                f.label = String::new();
                f.placeholder = "dd/mm/yyyy";
                vec![Row::Field(f)]
            };
            let items = (0..len)
                .map(|i| {
                    let item_path = format!("{path}[{i}]");
                    Item {
                        index: i,
                        rows: item(item_path.clone()),
                        path: item_path,
                    }
                })
                .collect();
            return vec![Row::List(ListBlock {
                label: label(key, self.lang),
                template: item(format!("{path}[__i__]")),
                path,
                items,
            })];
        }
        if is_list(kind, generic) {
            let len = value_at(data, &path)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            let items = (0..len)
                .map(|i| {
                    let item_path = format!("{path}[{i}]");
                    Item {
                        index: i,
                        rows: self.item_rows(generic, &item_path, data),
                        path: item_path,
                    }
                })
                .collect();
            let template = self.item_rows(generic, &format!("{path}[__i__]"), &Value::Null);
            return vec![Row::List(ListBlock {
                label: label(key, self.lang),
                path,
                items,
                template,
            })];
        }
        if is_object(kind, generic) {
            let mut rows = Vec::new();
            if heading {
                rows.push(Row::Heading {
                    label: label(key, self.lang),
                    path: path.clone(),
                });
            }
            for child in children(kind, &format!("{generic}.")) {
                let name = &child.path[generic.len() + 1..];
                rows.extend(self.rows(child, format!("{path}.{name}"), data, true));
            }
            return rows;
        }
        vec![Row::Field(self.field(key, path, data))]
    }

    fn item_rows(&self, generic: &str, item_path: &str, data: &Value) -> Vec<Row> {
        let prefix = format!("{generic}[].");
        children(self.kind, &prefix)
            .flat_map(|child| {
                let name = &child.path[prefix.len()..];
                self.rows(child, format!("{item_path}.{name}"), data, true)
            })
            .collect()
    }

    fn field(&self, key: &'static Key, path: String, data: &Value) -> Field {
        let value = scalar_text(value_at(data, &path));
        let last = key.path.rsplit(['.', ']']).next().unwrap_or(key.path);
        let mut day = None;
        let (kind, mut options) = if key.names_a_person() {
            // The page's script offers the members, the full members on the document's day
            // first: the field carries its value and that day.
            day = Some(document_day(data, &path).unwrap_or(self.members.today));
            let shown = self.members.shown.get(&value);
            let chosen = shown.map(|name| (value.clone(), name.clone()));
            ("person", chosen.into_iter().collect())
        } else if words::is_yes_no(key) {
            ("check", Vec::new())
        } else if let Some(options) = words::choices(key.path, self.lang) {
            ("choice", options)
        } else if LONG.contains(&last) || value.contains('\n') {
            ("long", Vec::new())
        } else {
            ("text", Vec::new())
        };
        // A value the choices do not offer (a misspelling, an id not a member) stays shown.
        let offered = !options.is_empty() || kind == "person";
        if offered && !value.is_empty() && !options.iter().any(|(v, _)| *v == value) {
            options.push((value.clone(), value.clone()));
        }
        let placeholder = if last.starts_with("ngay") || last == "cung_cong_tac_tu" {
            "dd/mm/yyyy"
        } else {
            words::default_note(key, self.lang).unwrap_or("")
        };
        Field {
            path,
            label: label(key, self.lang),
            kind,
            value,
            options,
            day: day.map(Ngay::short).unwrap_or_default(),
            day_iso: day.map(Ngay::iso).unwrap_or_default(),
            full_label: day.map_or_else(String::new, |d| {
                let words = self
                    .lang
                    .pick("Đảng viên chính thức ngày", "Full members on");
                format!("{words} {}", d.short())
            }),
            placeholder,
        }
    }
}

/// The day of the document a field belongs to: the first date among the field's siblings (the
/// sponsor's letter, the meeting), as the clerk wrote it.
fn document_day(data: &Value, path: &str) -> Option<Ngay> {
    let parent = path.rsplit_once('.').map(|(p, _)| p)?;
    let siblings = value_at(data, parent)?.as_object()?;
    siblings
        .iter()
        .filter(|(k, _)| k.starts_with("ngay"))
        .find_map(|(_, v)| v.as_str().and_then(Ngay::parse))
}

/// A diagnostic as the page shows it, with the path of the field it concerns ("" for the record
/// as a whole or another file).
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    /// The field: `hop_chi_bo.ngay`.
    pub path: String,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The stable code.
    pub code: &'static str,
    /// The message.
    pub message: String,
    /// The hint, if any.
    pub hint: Option<String>,
    /// The citation, if any.
    pub citation: Option<String>,
    /// Where, for a problem of another file: `to-chuc.yaml:12`.
    pub place: Option<String>,
}

/// The diagnostics of a page, each with its field: the field whose value (or key) the
/// diagnostic points at in the page's file (whose positions are `file`).
pub fn shown<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    file: Option<&crate::model::SpanIndex>,
    root: &std::path::Path,
    lang: Lang,
) -> Vec<Shown> {
    diagnostics
        .into_iter()
        .map(|d| {
            let own = d
                .location
                .as_ref()
                .filter(|l| file.is_some_and(|f| l.file.path == f.file().path));
            let spoken = words::speak(d, lang, root);
            let path = match (own, file, spoken.path) {
                // A missing value is about its own field, in the page's file.
                (_, Some(_), Some(field)) if own.is_some() || d.location.is_none() => field,
                (Some(l), Some(f), _) => f.path_at(l.range.start).unwrap_or_default(),
                _ => String::new(),
            };
            let place = d
                .location
                .as_ref()
                .filter(|_| own.is_none())
                .map(|l| format!("{}:{}", words::file_name(root, &l.file.path), l.line));
            Shown {
                path,
                severity: d.severity,
                code: d.code(),
                message: spoken.message,
                hint: spoken.hint,
                citation: d.problem.citation(lang),
                place,
            }
        })
        .collect()
}

/// Whether `path` (a concrete path from a request) names a key of the table: the only paths an
/// edit may touch. `a[3].b` is `a[].b`; an item itself (`a[3]`, to remove it) is a list's.
pub fn editable_in(kind: FileKind, path: &str) -> bool {
    if path.is_empty() || path.len() > 200 {
        return false;
    }
    let well_formed = path.split('.').all(|part| {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, Some(rest)),
            None => (part, None),
        };
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && index.is_none_or(|r| {
                r.strip_suffix(']').is_some_and(|n| {
                    !n.is_empty() && n.len() < 5 && n.bytes().all(|b| b.is_ascii_digit())
                })
            })
    });
    if !well_formed {
        return false;
    }
    let generic = keys::generic_path(path);
    match generic.strip_suffix("[]") {
        Some(list) => is_list(kind, list) || is_value_list(kind, list),
        None => keys::find(kind, path).is_some() && !is_object(kind, &generic),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_keys_of_the_table_are_editable() {
        for ok in [
            "hop_chi_bo.ngay",
            "nguoi_gioi_thieu[1].dang_vien",
            "ly_lich.gia_dinh[2].ho_ten",
            "ly_lich.gia_dinh[2]",
            "ho_ten",
        ] {
            assert!(editable_in(FileKind::Nguoi, ok), "{ok}");
        }
        for bad in [
            "",
            "hop_chi_bo",
            "khoa_la",
            "ho_ten[0]",
            "hop_chi_bo..ngay",
            "nguoi_gioi_thieu[-1].dang_vien",
            "nguoi_gioi_thieu[x].dang_vien",
            "../to-chuc",
            "ly_lich.gia_dinh[99999].ho_ten",
        ] {
            assert!(!editable_in(FileKind::Nguoi, bad), "{bad}");
        }
    }

    #[test]
    fn the_form_follows_the_key_table_and_the_file() {
        let data: Value = serde_json::json!({
            "ho_ten": "Trần Thị Bình",
            "hop_chi_bo": {"ngay": "16/10/2026", "dang_vien": {"chinh_thuc": 13}},
            "ly_lich": {"gia_dinh": [{"ho_ten": "A"}, {"ho_ten": "B", "dang_vien": true}]},
        });
        let member = |id: &str, name: &str, from: &str| {
            Member(id.into(), name.into(), from.into(), String::new())
        };
        let members = Members::new(
            &[
                member("le-minh-tuan", "Lê Minh Tuấn", "2001-05-19"),
                member("an-du-bi", "An Dự Bị", ""),
            ],
            Ngay::parse("07/12/2026").unwrap(),
        );
        assert_eq!(
            members.json,
            r#"[["le-minh-tuan","Lê Minh Tuấn","2001-05-19",""],["an-du-bi","An Dự Bị","",""]]"#
        );
        let s = sections(&data, &members, "hop_chi_bo", Lang::Vi);
        assert_eq!(s.first().map(|s| s.id), Some("ca-nhan"));
        assert_eq!(s.last().map(|s| s.id), Some("dac-biet"));
        let hop = s.iter().find(|s| s.id == "hop_chi_bo").unwrap();
        assert!(hop.open && hop.filled);
        assert_eq!(hop.label, "Họp chi bộ xét đề nghị kết nạp (Mẫu 6-KNĐ)");
        let json = serde_json::to_string(&hop.rows).unwrap();
        assert!(
            json.contains(
                r#""path":"hop_chi_bo.ngay","label":"Ngày họp","kind":"text","value":"16/10/2026""#
            ),
            "{json}"
        );
        assert!(json.contains(r#""path":"hop_chi_bo.dang_vien.chinh_thuc""#));
        assert!(json.contains(r#""value":"13""#));
        // A field naming a person carries its document's day; the members are the page's.
        assert!(json.contains(r#""kind":"person","value":"","options":[],"day":"16/10/2026","day_iso":"2026-10-16","full_label":"Đảng viên chính thức ngày 16/10/2026""#), "{json}");
        let ly_lich =
            serde_json::to_string(&s.iter().find(|s| s.id == "ly_lich").unwrap().rows).unwrap();
        assert!(ly_lich.contains(r#""path":"ly_lich.gia_dinh[1].dang_vien","label":"Là đảng viên","kind":"check","value":"true""#), "{ly_lich}");
        assert!(ly_lich.contains(r#""path":"ly_lich.gia_dinh[__i__].ho_ten""#));
    }
}
