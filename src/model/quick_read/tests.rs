//! The quick reader against serde-saphyr: wherever it accepts a text, the two agree.

use super::super::load::yaml_options;
use super::super::{BaoCao, Nguoi, ToChuc};
use super::read;
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::Path;

/// What serde-saphyr makes of a text on the loader's clean path: the value, if it reads
/// without an error and without an unknown key.
fn saphyr<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut unknown = false;
    let value = serde_saphyr::with_deserializer_from_str_with_options(text, yaml_options(), |de| {
        let mut on_ignored = |_: serde_ignored::Path| unknown = true;
        T::deserialize(serde_ignored::Deserializer::new(de, &mut on_ignored))
    })
    .ok();
    value.filter(|_| !unknown)
}

/// Where the quick reader accepts `text`, serde-saphyr accepts it too, with the same value.
/// Returns whether the quick reader accepted.
fn agree<T: DeserializeOwned + Serialize>(text: &str) -> Result<bool, String> {
    let Some(quick) = read::<T>(text, &yaml_options()) else {
        return Ok(false);
    };
    let Some(full) = saphyr::<T>(text) else {
        return Err(format!(
            "the quick reader took what serde-saphyr refuses:\n{text}"
        ));
    };
    let (quick, full) = (serde_json::to_value(quick), serde_json::to_value(full));
    if quick.map_err(|e| e.to_string())? != full.map_err(|e| e.to_string())? {
        return Err(format!("the two readers disagree on:\n{text}"));
    }
    Ok(true)
}

fn repository_files(kind: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            match kind {
                "to-chuc" | "bao-cao" => name == format!("{kind}.yaml"),
                _ => name != "to-chuc.yaml" && name != "bao-cao.yaml",
            }
        })
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.path().display().to_string(), text)
        })
        .collect()
}

/// The demo's person files, read once for every test case that respells them.
fn demo_people() -> &'static [(String, String)] {
    static DEMO: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    DEMO.get_or_init(|| {
        repository_files("nguoi")
            .into_iter()
            .filter(|(path, _)| path.contains("/demo/"))
            .collect()
    })
}

#[test]
fn agrees_with_serde_saphyr_on_every_record_of_the_repository() {
    let mut taken = 0;
    let people = repository_files("nguoi");
    for (path, text) in &people {
        match agree::<Nguoi>(text) {
            Ok(accepted) => taken += usize::from(accepted),
            Err(e) => panic!("{path}: {e}"),
        }
    }
    for (path, text) in repository_files("to-chuc") {
        agree::<ToChuc>(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    for (path, text) in repository_files("bao-cao") {
        agree::<BaoCao>(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    // The point of the reader: the records clerks write are its common case. (The rule
    // cases include broken files on purpose; nearly all are still plain records.)
    assert!(people.len() > 80, "{} person files", people.len());
    assert!(
        taken * 10 >= people.len() * 9,
        "the quick reader took only {taken} of {} person files",
        people.len()
    );
}

#[test]
fn every_demo_and_synthetic_person_is_read_quickly() {
    let dir = tempfile::tempdir().unwrap();
    crate::demo::write_synthetic(dir.path(), 40).unwrap();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(dir.path())
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let folder = path.parent().and_then(Path::file_name);
        if !folder.is_some_and(|f| f == "ket-nap" || f == "dang-vien") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(agree::<Nguoi>(&text), Ok(true), "{}", path.display());
        files += 1;
    }
    assert!(files >= 40, "{files} files");
    assert_eq!(demo_people().len(), 10);
    for (path, text) in demo_people() {
        assert_eq!(agree::<Nguoi>(text), Ok(true), "{path}");
    }
}

#[test]
fn what_the_quick_reader_declines() {
    let base = "ho_ten: Đặng Văn Khoa\ngioi_tinh: nam\n";
    for tail in [
        // Anchors, aliases, tags and merge keys.
        "que_quan: &q Hạ Long\nnoi_o: *q\n",
        "dan_toc: !!str 12\n",
        "<<: {dan_toc: Kinh}\n",
        // Spellings whose reading depends on the schema.
        "ngay_sinh: 0123\n",
        "ngay_sinh: 2001\n",
        "ngay_sinh: 1e3\n",
        "ngay_sinh: .inf\n",
        "ngay_sinh: 2_020\n",
        "ngay_sinh: +2020\n",
        "ngay_sinh: 0x7E4\n",
        // A null or a word where a yes-or-no, or a block, is asked for.
        "ton_giao_du_dieu_kien: ~\n",
        "ton_giao_du_dieu_kien: yes\n",
        "ton_giao_du_dieu_kien: 'true'\n",
        "nguoi_gioi_thieu: [~]\n",
        // An unknown key, a key given twice, a list where a block belongs.
        "ho_tenn: x\n",
        "ho_ten: again\n",
        "trinh_do: [12/12]\n",
        // A second document, a directive.
        "---\nho_ten: x\n",
    ] {
        let text = format!("{base}{tail}");
        assert!(
            read::<Nguoi>(&text, &yaml_options()).is_none(),
            "taken: {text}"
        );
    }
    assert!(read::<Nguoi>("%YAML 1.2\n---\nho_ten: x\n", &yaml_options()).is_none());
    // And what it takes, as serde-saphyr reads it.
    for tail in [
        "ngay_sinh: 03/01/2001\n",
        "ngay_sinh: '03/01/2001'\n",
        "ly_lich:\n  cong_tac:\n    - tu: 2019\n      den: 09/2021\n      noi_dung: Kỹ sư\n",
        "hop_chi_bo:\n  ngay: 16/10/2026\n  dang_vien:\n    chinh_thuc: 13\n    du_bi: 2\n",
        "dan_toc: \"Kinh\"\n",
        "dan_toc: 'null'\n",
        "nghe_nghiep: |\n  Kỹ sư\n  xây dựng\n",
        "nghe_nghiep: >\n  Kỹ sư\n  xây dựng\n",
        "ton_giao:\n",
        "dan_toc: ~\n",
        "dan_toc: null\n",
        "ton_giao_du_dieu_kien: true\n",
        "nguoi_gioi_thieu: []\n",
    ] {
        let text = format!("{base}{tail}");
        assert_eq!(agree::<Nguoi>(&text), Ok(true), "{text}");
    }
}

/// Scalar spellings that YAML schemas read in different ways, quoted and block forms, YAML
/// syntax inside a value, and ordinary values.
const TRICKY: &[&str] = &[
    "2020",
    "0",
    "00",
    "0123",
    "-5",
    "+5",
    "1e3",
    "1.5",
    ".5",
    "1_000",
    "0x1F",
    "0o17",
    "0b101",
    ".inf",
    "-.inf",
    ".nan",
    "NaN",
    "inf",
    "Infinity",
    "true",
    "True",
    "TRUE",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "~",
    "null",
    "Null",
    "NULL",
    "",
    "16/11/2020",
    "09/2018",
    "2020-01-01",
    "12:30",
    "1:30:00",
    "Nam",
    "nữ",
    "nu",
    "uy_tin",
    "vung_kho_khan",
    "4294967296",
    "18446744073709551616",
    "'quoted'",
    "\"dq\"",
    "'2020'",
    "\"16/11/2020\"",
    "!!str 12",
    "!!int 12",
    "&a x",
    "*a",
    "[1, 2]",
    "{a: 1}",
    "[]",
    "{}",
    "|\n    khối\n    chữ",
    ">-\n    gấp\n    dòng",
    "# chú thích",
    "a # b",
    "a: b",
    "- x",
    "'it''s'",
    "\"\\u0041\\t\"",
    "2020 # năm",
];

/// One field of each kind a record has, with `{}` where its value goes: text, a date, a
/// point in time, a count, a yes-or-no, a named choice, a list.
const FIELDS: &[&str] = &[
    "dan_toc: {}\n",
    "ngay_sinh: {}\n",
    "ly_lich:\n  cong_tac:\n    - tu: {}\n      noi_dung: x\n",
    "hop_chi_bo:\n  ngay: 16/10/2026\n  dang_vien:\n    chinh_thuc: {}\n    du_bi: 2\n",
    "ton_giao_du_dieu_kien: {}\n",
    "ngoai_le_hoc_van:\n  loai: {}\n",
    "nguoi_gioi_thieu: {}\n",
    "gioi_tinh: {}\n",
];

#[test]
fn agrees_with_serde_saphyr_on_every_tricky_spelling_in_every_kind_of_field() {
    let mut taken = 0;
    for field in FIELDS {
        for spelling in TRICKY {
            let text = format!("ho_ten: Khoa\n{}", field.replace("{}", spelling));
            taken += usize::from(agree::<Nguoi>(&text).unwrap_or_else(|e| panic!("{e}")));
        }
    }
    assert!(taken > 50, "{taken} taken");
}

fn spelling() -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(TRICKY.to_vec()).prop_map(str::to_string);
    prop_oneof![
        4 => tricky,
        1 => "[0-9/.:+_eE-]{1,10}",
        1 => "[a-zA-Zđệữ ]{1,10}",
        1 => any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// A demo record with some of its values respelled: wherever the quick reader accepts,
    /// serde-saphyr agrees.
    #[test]
    fn agrees_with_serde_saphyr_on_respelled_records(
        which in 0usize..10,
        edits in prop::collection::vec((any::<prop::sample::Index>(), spelling()), 1..6),
        added in proptest::option::of((
            prop::sample::select(vec!["ton_giao_du_dieu_kien", "ngay_sinh", "chi_bo"]),
            spelling(),
        )),
    ) {
        let demo = demo_people();
        let (_, text) = &demo[which % demo.len()];
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for (index, value) in edits {
            let i = index.index(lines.len());
            if let Some(colon) = lines[i].find(": ") {
                lines[i] = format!("{}: {value}", &lines[i][..colon]);
            }
        }
        // A top-level field of another type than those the demo's lines have (a yes-or-no).
        if let Some((key, value)) = added {
            lines.retain(|l| !l.starts_with(&format!("{key}:")));
            lines.push(format!("{key}: {value}"));
        }
        let text = lines.join("\n") + "\n";
        prop_assert!(agree::<Nguoi>(&text).is_ok(), "{}", agree::<Nguoi>(&text).unwrap_err());
    }
}
