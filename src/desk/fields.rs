//! A person's record as a form: sections in the order of the process, each field labelled as the
//! key table labels it (`model::keys`, the one list of every key), with the value as the clerk
//! wrote it in the file; and the record's diagnostics put beside the field they concern.

use crate::diag::{Diagnostic, Lang, Severity};
use crate::model::keys::{self, FileKind, Key};
use serde::Serialize;
use serde_json::Value;

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

/// Values a field can take when the key table names them.
const CHOICES: &[(&str, &[&str])] = &[
    ("gioi_tinh", &["nam", "nữ"]),
    ("gioi_thieu_doan_the.loai", &["doan", "cong_doan"]),
    ("ngoai_le_hoc_van.loai", &["vung_kho_khan", "uy_tin"]),
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
    /// `text`, `long`, `person`, `bool` or `choice`.
    pub kind: &'static str,
    /// The value as written in the file ("" when absent).
    pub value: String,
    /// For a choice, a person or a yes/no: the values offered, with their labels.
    pub options: Vec<(String, String)>,
    /// A hint of the format (dates).
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

/// A member the reference fields offer: id and name.
pub type Member = (String, String);

/// Builds the form of a record. `value` is the file read as plain YAML data (what the clerk
/// wrote, not what the types made of it); `open` is the section to open first.
pub fn sections(value: &Value, members: &[Member], open: &str, lang: Lang) -> Vec<Section> {
    let builder = Builder { members, lang };
    SECTIONS
        .iter()
        .map(|(id, tops)| {
            let rows: Vec<Row> = tops
                .iter()
                .filter_map(|top| keys::find(FileKind::Nguoi, top))
                .flat_map(|key| builder.rows(key, top_path(key), value, tops.len() > 1))
                .collect();
            let filled = tops
                .iter()
                .any(|t| value.get(t).is_some_and(|v| !v.is_null()));
            Section {
                id,
                label: section_label(id, lang),
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

fn section_label(id: &str, lang: Lang) -> String {
    match id {
        "ca-nhan" => lang.pick("Bản thân", "The person").to_string(),
        "dac-biet" => lang
            .pick("Trường hợp đặc biệt", "Special cases")
            .to_string(),
        top => keys::find(FileKind::Nguoi, top).map_or_else(|| top.to_string(), |k| label(k, lang)),
    }
}

/// The key's label without the notes meant for someone typing YAML ("(mã người)").
fn label(key: &Key, lang: Lang) -> String {
    let text = lang.pick(key.vi, key.en);
    let mut out = text.to_string();
    for note in [
        " (mã người)",
        " (person id)",
        " (true/false)",
        " (`true`)",
        ": nam, nữ",
        ": nam, nữ",
    ] {
        out = out.replace(note, "");
    }
    capitalise(&out)
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The keys directly under the generic path `prefix` (`hop_chi_bo.`, `ly_lich.gia_dinh[].`).
fn children(prefix: &str) -> impl Iterator<Item = &'static Key> + '_ {
    keys::KEYS.iter().filter(move |k| {
        k.file == FileKind::Nguoi
            && k.path
                .strip_prefix(prefix)
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(['.', '[']))
    })
}

fn is_list(generic: &str) -> bool {
    children(&format!("{generic}[].")).next().is_some()
}

fn is_object(generic: &str) -> bool {
    children(&format!("{generic}.")).next().is_some()
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
    members: &'a [Member],
    lang: Lang,
}

impl Builder<'_> {
    /// The rows of `key` at the concrete path `path`. `heading`: an object gets a title row
    /// (not when it is the whole section, whose title says it).
    fn rows(&self, key: &'static Key, path: String, data: &Value, heading: bool) -> Vec<Row> {
        let generic = key.path;
        if is_list(generic) {
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
        if is_object(generic) {
            let mut rows = Vec::new();
            if heading {
                rows.push(Row::Heading {
                    label: label(key, self.lang),
                    path: path.clone(),
                });
            }
            for child in children(&format!("{generic}.")) {
                let name = &child.path[generic.len() + 1..];
                rows.extend(self.rows(child, format!("{path}.{name}"), data, true));
            }
            return rows;
        }
        vec![Row::Field(self.field(key, path, data))]
    }

    fn item_rows(&self, generic: &str, item_path: &str, data: &Value) -> Vec<Row> {
        let prefix = format!("{generic}[].");
        children(&prefix)
            .flat_map(|child| {
                let name = &child.path[prefix.len()..];
                self.rows(child, format!("{item_path}.{name}"), data, true)
            })
            .collect()
    }

    fn field(&self, key: &'static Key, path: String, data: &Value) -> Field {
        let value = scalar_text(value_at(data, &path));
        let last = key.path.rsplit(['.', ']']).next().unwrap_or(key.path);
        let (kind, mut options) = if key.vi.contains("(mã người)") {
            let options = self
                .members
                .iter()
                .map(|(id, name)| (id.clone(), format!("{name} ({id})")))
                .collect();
            ("person", options)
        } else if key.vi.contains("true/false") || key.vi.contains("(`true`)") {
            let options = vec![
                ("true".to_string(), self.lang.pick("có", "yes").to_string()),
                (
                    "false".to_string(),
                    self.lang.pick("không", "no").to_string(),
                ),
            ];
            ("bool", options)
        } else if let Some((_, values)) = CHOICES.iter().find(|(p, _)| *p == key.path) {
            let options = values
                .iter()
                .map(|v| (v.to_string(), v.to_string()))
                .collect();
            ("choice", options)
        } else if LONG.contains(&last) || value.contains('\n') {
            ("long", Vec::new())
        } else {
            ("text", Vec::new())
        };
        // A value the choices do not offer (a misspelling, an id not a member) stays shown.
        if !options.is_empty() && !value.is_empty() && !options.iter().any(|(v, _)| *v == value) {
            options.push((value.clone(), value.clone()));
        }
        let placeholder = if last.starts_with("ngay") || last == "cung_cong_tac_tu" {
            "dd/mm/yyyy"
        } else {
            ""
        };
        Field {
            path,
            label: label(key, self.lang),
            kind,
            value,
            options,
            placeholder,
        }
    }
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

/// The diagnostics of a person's page, each with its field: the field whose value (or key) the
/// diagnostic points at in the person's file.
pub fn shown<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    record: Option<&crate::model::Record>,
    root: &std::path::Path,
    lang: Lang,
) -> Vec<Shown> {
    diagnostics
        .into_iter()
        .map(|d| {
            let own = d
                .location
                .as_ref()
                .filter(|l| record.is_some_and(|r| l.file.path == r.path()));
            let path = match (own, record) {
                (Some(l), Some(r)) => r.spans.path_at(l.range.start).unwrap_or_default(),
                _ => String::new(),
            };
            let place = d.location.as_ref().filter(|_| own.is_none()).map(|l| {
                let file = l.file.path.strip_prefix(root).unwrap_or(&l.file.path);
                format!("{}:{}", file.display(), l.line)
            });
            Shown {
                path,
                severity: d.severity,
                code: d.code(),
                message: d.problem.message(lang),
                hint: d.problem.hint(lang),
                citation: d.problem.citation(lang),
                place,
            }
        })
        .collect()
}

/// Whether `path` (a concrete path from a request) names a key of the table: the only paths an
/// edit may touch. `a[3].b` is `a[].b`; an item itself (`a[3]`, to remove it) is a list's.
pub fn editable(path: &str) -> bool {
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
        Some(list) => is_list(list),
        None => keys::find(FileKind::Nguoi, path).is_some() && !is_object(&generic),
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
            assert!(editable(ok), "{ok}");
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
            assert!(!editable(bad), "{bad}");
        }
    }

    #[test]
    fn the_form_follows_the_key_table_and_the_file() {
        let data: Value = serde_json::json!({
            "ho_ten": "Trần Thị Bình",
            "hop_chi_bo": {"ngay": "16/10/2026", "dang_vien": {"chinh_thuc": 13}},
            "ly_lich": {"gia_dinh": [{"ho_ten": "A"}, {"ho_ten": "B", "dang_vien": true}]},
        });
        let members = vec![("le-minh-tuan".to_string(), "Lê Minh Tuấn".to_string())];
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
        assert!(json.contains(r#""kind":"person","value":"","options":[["le-minh-tuan","Lê Minh Tuấn (le-minh-tuan)"]]"#), "{json}");
        let ly_lich =
            serde_json::to_string(&s.iter().find(|s| s.id == "ly_lich").unwrap().rows).unwrap();
        assert!(ly_lich.contains(r#""path":"ly_lich.gia_dinh[1].dang_vien","label":"Là đảng viên","kind":"bool","value":"true""#), "{ly_lich}");
        assert!(ly_lich.contains(r#""path":"ly_lich.gia_dinh[__i__].ho_ten""#));
    }
}
