/*!
JSON Schemas of the workspace files, for editors: with the YAML language server, a file whose
first line is `# yaml-language-server: $schema=…` gets its keys completed, explained on hover (in
Vietnamese and English) and its mistakes underlined.

The schemas are generated from the key table (`model::keys`, which also makes the table of docs/reference.md),
so a key documented is a key completed. What the table does not say, the shape of a value, is in
[`leaf`]: dates as patterns of the two ways clerks write them, closed sets as enums, counts as
non-negative integers; every other value is text. A test validates every file of the demo and of
the fixtures against these schemas.
*/

use crate::model::keys::{FileKind, KEYS, Key};
use serde_json::{Map, Value, json};

/// The files a schema describes, as `hoso schema` names them.
pub const KINDS: [(FileKind, &str); 3] = [
    (FileKind::ToChuc, "to-chuc"),
    (FileKind::Nguoi, "nguoi"),
    (FileKind::BaoCao, "bao-cao"),
];

/// The folder of a workspace where `hoso init`, `hoso new` and `hoso schema -w` put the schemas.
pub const DIR: &str = "schema";

/// A file's schema name: `nguoi.json`.
pub fn file_name(kind: FileKind) -> String {
    let name = KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("nguoi", |(_, n)| n);
    format!("{name}.json")
}

/// The line that gives a workspace file its schema, for a file `depth` folders below the
/// workspace's top (`to-chuc.yaml`: 0, `ket-nap/x.yaml`: 1).
pub fn modeline(kind: FileKind, depth: usize) -> String {
    format!(
        "# yaml-language-server: $schema={}{DIR}/{}\n",
        "../".repeat(depth),
        file_name(kind)
    )
}

/// A full date: `16/11/2020`, `6/1/2020`, `16-11-2020`, `16.11.2020` or `2020-11-16`.
const DATE: &str = r"^\s*([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\s*$";
/// A point in a history, as precise as known: a date, `09/2018` or `2018`.
const MOMENT: &str = r"^\s*([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{4}|[0-9]{4})\s*$";

/// The shape of a value without keys below it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leaf {
    /// Text (a plain number is read as its text: `so: 12`).
    Text,
    /// A full date.
    Date,
    /// A date, a month or a year.
    Moment,
    /// A count: 0, 1, 2, …
    Count,
    /// A year.
    Year,
    /// A number (margins in mm, a stated figure).
    Number,
    /// `true` or `false`.
    Bool,
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// A list of texts.
    Texts,
    /// A list of dates.
    Dates,
    /// A map of names to numbers, texts or lists (a rule's parameters).
    Parameters,
}

/// The shape of the value of a documented key that has no keys below it.
pub fn leaf(file: FileKind, path: &str) -> Leaf {
    use FileKind::*;
    use Leaf::*;
    let last = path.rsplit(['.', ']']).next().unwrap_or(path);
    match (file, path) {
        (Nguoi, "gioi_tinh") => OneOf(&["nam", "nữ", "Nam", "Nữ", "nu", "Nu"]),
        (Nguoi, "gioi_thieu_doan_the.loai") => OneOf(&["doan", "cong_doan"]),
        (Nguoi, "ngoai_le_hoc_van.loai") => OneOf(&["vung_kho_khan", "uy_tin"]),
        (Nguoi, "ket_nap_lai.hinh_thuc") => OneOf(&[
            "tu_bo_sinh_hoat",
            "xin_ra_khoi_dang",
            "xin_ra_hoan_canh_kho_khan",
            "gay_mat_doan_ket",
            "ket_an_tham_nhung",
            "ket_an_nghiem_trong",
            "ket_an_it_nghiem_trong",
            "xoa_ten",
            "khai_tru",
            "khac",
        ]),
        (ToChuc, "quy_tac_rieng[].muc_do") => OneOf(&["canh_bao", "loi"]),
        (ToChuc, "quy_tac_rieng[].tham_so") => Parameters,
        (ToChuc, "ngay_nghi_bu" | "ngay_lam_bu") => Dates,
        (ToChuc, "so_van_ban[].so") => Count,
        (ToChuc, p) if p.starts_with("le_trang.") => Number,
        (ToChuc, "nhiem_ky_tu") => Date,
        (Nguoi, "chuyen_den.tu") => Text,
        (Nguoi, p)
            if p.starts_with("ly_lich.")
                && matches!(last, "tu" | "den" | "thoi_gian" | "nam_sinh" | "nam_mat") =>
        {
            Moment
        }
        (Nguoi, "nguoi_gioi_thieu[].thay_the" | "ly_lich.gia_dinh[].dang_vien") => Bool,
        (Nguoi, "ton_giao_du_dieu_kien") => Bool,
        (Nguoi, _) if last == "nhieu_nguoi" => Bool,
        (Nguoi, "nguoi_gioi_thieu[].cung_cong_tac_tu") => Date,
        (BaoCao, "bien_phap" | "noi_bat" | "kho_khan" | "phuong_huong") => Texts,
        (BaoCao, p)
            if p.starts_with("cac_don_vi[].")
                && matches!(last, "bien_phap" | "noi_bat" | "kho_khan" | "phuong_huong") =>
        {
            Texts
        }
        (BaoCao, "nhiem_ky[].tu" | "nhiem_ky[].den" | "so_lieu[].tu" | "so_lieu[].den") => Date,
        (BaoCao, "chi_tieu_nam[].nam") => Year,
        (BaoCao, "so_lieu[].gia_tri") => Number,
        (BaoCao, p) if last == "chi_tieu" && p.contains("[]") => Count,
        (_, _) if last.starts_with("ngay") => Date,
        (_, _)
            if matches!(
                last,
                "tan_thanh"
                    | "khong_tan_thanh"
                    | "co_mat"
                    | "tong_so"
                    | "uy_vien"
                    | "so_nguoi"
                    | "khong_trieu_tap"
                    | "chinh_thuc"
                    | "du_bi"
            ) =>
        {
            Count
        }
        _ => Text,
    }
}

/// The schema of one leaf. `null` is allowed everywhere: `ngay:` with nothing after it is a
/// value not known yet, which the loader reads as absent.
fn leaf_schema(leaf: Leaf) -> Value {
    match leaf {
        Leaf::Text => json!({"type": ["string", "number", "null"]}),
        Leaf::Date => json!({"type": ["string", "null"], "pattern": DATE}),
        Leaf::Moment => json!({
            "anyOf": [
                {"type": "string", "pattern": MOMENT},
                {"type": "integer", "minimum": 1850, "maximum": 9999},
                {"type": "null"}
            ]
        }),
        Leaf::Count => json!({"type": ["integer", "null"], "minimum": 0}),
        Leaf::Year => json!({"type": ["integer", "null"], "minimum": 1900, "maximum": 9999}),
        Leaf::Number => json!({"type": ["number", "null"]}),
        Leaf::Bool => json!({"type": ["boolean", "null"]}),
        Leaf::OneOf(words) => {
            let mut values: Vec<Value> = words.iter().map(|w| json!(w)).collect();
            values.push(Value::Null);
            json!({"enum": values})
        }
        Leaf::Texts => json!({"type": ["array", "null"], "items": {"type": ["string", "number"]}}),
        Leaf::Dates => {
            json!({"type": ["array", "null"], "items": {"type": "string", "pattern": DATE}})
        }
        Leaf::Parameters => json!({
            "type": ["object", "null"],
            "additionalProperties": {
                "type": ["integer", "string", "array"],
                "items": {"type": "string"}
            }
        }),
    }
}

/// The description an editor shows on hover: the Vietnamese meaning, then the English one.
fn description(key: &Key) -> String {
    format!("{}\n\n{}", key.vi, key.en)
}

/// The schema of the value at `path` ("" for the whole file).
fn node(file: FileKind, path: &str) -> Value {
    let own: Vec<&Key> = KEYS.iter().filter(|k| k.file == file).collect();
    let object_prefix = if path.is_empty() {
        String::new()
    } else {
        format!("{path}.")
    };
    let item_prefix = format!("{path}[].");
    let children = |prefix: &str| -> Vec<&Key> {
        own.iter()
            .copied()
            .filter(|k| {
                k.path
                    .strip_prefix(prefix)
                    .is_some_and(|rest| !rest.contains('.') && !rest.contains("[]"))
            })
            .collect()
    };
    let object = |prefix: &str, keys: Vec<&Key>| -> Value {
        let mut properties = Map::new();
        for k in keys {
            let mut schema = node(file, k.path);
            if let Value::Object(map) = &mut schema {
                map.insert("description".into(), json!(description(k)));
            }
            properties.insert(k.path[prefix.len()..].to_string(), schema);
        }
        json!({
            "type": ["object", "null"],
            "properties": properties,
            "additionalProperties": false
        })
    };
    let items = children(&item_prefix);
    if !path.is_empty() && !items.is_empty() {
        let item = object(&item_prefix, items);
        // `trich_dan` is one quote (a map) or a list of them.
        if path.ends_with("trich_dan") {
            return json!({"anyOf": [item.clone(), {"type": "array", "items": item}]});
        }
        return json!({"type": ["array", "null"], "items": item});
    }
    let fields = children(&object_prefix);
    if path.is_empty() || !fields.is_empty() {
        return object(&object_prefix, fields);
    }
    leaf_schema(leaf(file, path))
}

/// The JSON Schema of one kind of workspace file.
pub fn schema(file: FileKind) -> Value {
    let (title, about) = match file {
        FileKind::ToChuc => (
            "to-chuc.yaml",
            "tổ chức đảng: đảng bộ, chi bộ, sổ văn bản / the organisation",
        ),
        FileKind::Nguoi => (
            "dang-vien/*.yaml, ket-nap/*.yaml",
            "hồ sơ một người / one person's record",
        ),
        FileKind::BaoCao => (
            "bao-cao.yaml",
            "số liệu và ghi chép cho bài viết / figures and notes for articles",
        ),
    };
    let mut root = node(file, "");
    if let Value::Object(map) = &mut root {
        map.insert("type".into(), json!("object"));
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        head.insert("title".into(), json!(format!("hoso: {title}")));
        head.insert("description".into(), json!(about));
        head.extend(std::mem::take(map));
        *map = head;
    }
    root
}

/// The schema as `hoso schema` prints it and writes it: pretty JSON with a final line break.
pub fn text(file: FileKind) -> String {
    serde_json::to_string_pretty(&schema(file)).unwrap_or_default() + "\n"
}

/// Writes the three schemas into `root/schema/`, atomically; returns the files written.
pub fn write_all(root: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut written = Vec::new();
    for (kind, _) in KINDS {
        let path = root.join(DIR).join(file_name(kind));
        crate::output::write_atomic(&path, text(kind).as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// A new person's file (`hoso new`): the schema line, the name, and what to write next.
pub fn new_person(ho_ten: Option<&str>) -> String {
    let mut out = modeline(FileKind::Nguoi, 1);
    out.push_str("# Hồ sơ một người: gõ tên khóa (ngay_sinh, que_quan, don_xin_vao_dang...) để được gợi ý.\n");
    match ho_ten {
        Some(name) => out.push_str(&format!(
            "ho_ten: {}\n",
            crate::edit::scalar_text(name.trim())
        )),
        None => out.push_str("ho_ten:\n"),
    }
    out
}

/// Gives every file of a workspace its schema line, where it has none: the organisation, the
/// report, each person. Returns the number of files changed.
pub fn add_modelines(root: &std::path::Path) -> std::io::Result<usize> {
    let mut files = vec![
        (root.join("to-chuc.yaml"), FileKind::ToChuc, 0),
        (root.join(crate::model::BAO_CAO_FILE), FileKind::BaoCao, 0),
    ];
    for dir in ["dang-vien", "ket-nap"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut people: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        people.sort();
        files.extend(people.into_iter().map(|p| (p, FileKind::Nguoi, 1)));
    }
    // Through the workspace's writer: under its lock, each file in its own line endings and BOM.
    let writer = crate::store::Writer::lock(root).map_err(std::io::Error::other)?;
    let mut changed = 0;
    for (path, kind, depth) in files {
        let Ok(file) = writer.read(&path) else {
            continue;
        };
        if file.text().starts_with("# yaml-language-server:") {
            continue;
        }
        let text = modeline(kind, depth) + file.text();
        writer
            .replace(&file, &text)
            .map_err(std::io::Error::other)?;
        changed += 1;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_table_is_in_its_schema_with_its_description() {
        for kind in [FileKind::ToChuc, FileKind::Nguoi, FileKind::BaoCao] {
            let text = text(kind);
            for k in KEYS.iter().filter(|k| k.file == kind) {
                let last = k.path.rsplit(['.', ']']).next().unwrap();
                assert!(text.contains(&format!("\"{last}\"")), "{}", k.path);
                assert!(text.contains(&serde_json::to_string(&description(k)).unwrap()));
            }
        }
    }

    #[test]
    fn dates_are_patterns_and_closed_sets_are_enums() {
        let s = schema(FileKind::Nguoi);
        let p = &s["properties"];
        assert_eq!(p["ngay_sinh"]["pattern"], json!(DATE));
        assert_eq!(
            p["hop_chi_bo"]["properties"]["ngay"]["pattern"],
            json!(DATE)
        );
        assert_eq!(
            p["gioi_thieu_doan_the"]["properties"]["loai"]["enum"][0],
            json!("doan")
        );
        assert_eq!(
            p["hop_chi_bo"]["properties"]["tan_thanh"]["type"][0],
            json!("integer")
        );
        assert_eq!(
            p["nguoi_gioi_thieu"]["items"]["properties"]["thay_the"]["type"][0],
            json!("boolean")
        );
        assert_eq!(s["additionalProperties"], json!(false));
    }

    #[test]
    fn the_modeline_points_up_to_the_schema_folder() {
        assert_eq!(
            modeline(FileKind::Nguoi, 1),
            "# yaml-language-server: $schema=../schema/nguoi.json\n"
        );
        assert_eq!(
            modeline(FileKind::ToChuc, 0),
            "# yaml-language-server: $schema=schema/to-chuc.json\n"
        );
    }
}
