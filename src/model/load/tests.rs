//! Loading: located diagnostics, duplicate ids, text normalisation.

use super::names::{RecordName, record_name};
use super::*;

/// A person's file of this text, parsed: the record, if it could be read, and the problems.
fn parse_person(text: &str) -> (Option<Nguoi>, Vec<Diagnostic>) {
    let file = Arc::new(SourceFile {
        path: "p.yaml".into(),
        text: text.into(),
    });
    let (parsed, diags) = parse::<Nguoi>(file, FileKind::Nguoi);
    (parsed.map(|p| p.0), diags)
}

/// As [`parse_person`], each problem as its code and line.
fn person(text: &str) -> (Option<Nguoi>, Vec<(String, usize)>) {
    let (parsed, diags) = parse_person(text);
    let found = diags
        .iter()
        .map(|d| (d.code().to_string(), d.location.as_ref().unwrap().line))
        .collect();
    (parsed, found)
}

#[test]
fn every_unknown_key_is_reported_with_its_line() {
    let (p, d) =
        person("ho_ten: A\nngay_snh: 01/01/2000\nhop_chi_bo:\n  ngay: 01/01/2026\n  tan_thnh: 3\n");
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
    let (_, d) = parse_person("hop_chi_bo:\n  tan_thanh: nhiều\n");
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
fn a_key_given_twice_is_located_at_its_second_line() {
    let (parsed, d) =
        parse_person("ho_ten: A\nhop_chi_bo:\n  ngay: 01/01/2026\n  ngay: 02/01/2026\n");
    assert!(parsed.is_none());
    assert_eq!(d[0].code(), "invalid-value");
    assert_eq!(d[0].location.as_ref().unwrap().line, 4);
    assert_eq!(
        d[0].problem.message(crate::diag::Lang::Vi),
        "giá trị của `hop_chi_bo.ngay` không hợp lệ: khóa `ngay` được ghi hai lần"
    );
}

#[test]
fn an_id_in_both_folders_keeps_the_first_file_and_reports_the_second() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join(ORG_FILE), "ten: Chi bộ A\n").unwrap();
    for (folder, name) in [("dang-vien", "Đảng viên"), ("ket-nap", "Quần chúng")] {
        std::fs::create_dir(root.join(folder)).unwrap();
        for id in ["an", "binh", "chi"] {
            let text = format!("ho_ten: {name} {id}\n");
            std::fs::write(root.join(folder).join(format!("{id}.yaml")), text).unwrap();
        }
    }
    std::fs::remove_file(root.join("dang-vien/an.yaml")).unwrap();
    std::fs::remove_file(root.join("ket-nap/chi.yaml")).unwrap();
    let loaded = load(root).unwrap();
    let people: Vec<(&str, Option<&str>)> = loaded
        .workspace
        .people
        .iter()
        .map(|r| (r.id.as_str(), r.nguoi.ho_ten.as_deref()))
        .collect();
    assert_eq!(
        people,
        vec![
            ("an", Some("Quần chúng an")),
            ("binh", Some("Đảng viên binh")),
            ("chi", Some("Đảng viên chi")),
        ]
    );
    let duplicates: Vec<(&str, String)> = loaded
        .diagnostics()
        .filter(|d| d.code() == "duplicate-id")
        .map(|d| {
            let at = d
                .location
                .as_ref()
                .unwrap()
                .file
                .path
                .strip_prefix(root)
                .unwrap();
            (d.code(), at.display().to_string())
        })
        .collect();
    assert_eq!(
        duplicates,
        vec![("duplicate-id", "ket-nap/binh.yaml".to_string())]
    );
}

#[test]
fn decomposed_text_is_composed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.yaml");
    std::fs::write(&p, "ho_ten: Tra\u{0302}\u{0300}n\n").unwrap();
    let f = read_source(&p).unwrap();
    assert_eq!(f.text, "ho_ten: Trần\n");
}

#[test]
fn file_names_as_windows_makes_them() {
    let name = |n: &str| record_name(Path::new(n));
    for record in [
        "a.yaml",
        "a.YAML",
        "b.Yml",
        "c.yml",
        "Phạm Văn Bình.yaml",
        ".an.yaml",
    ] {
        assert_eq!(name(record), RecordName::Record, "{record}");
    }
    let misnamed = |n: &str, to: &str| {
        let rename_to = to.to_string();
        assert_eq!(name(n), RecordName::Misnamed { rename_to }, "{n}");
    };
    misnamed("c.yaml.txt", "c.yaml");
    misnamed("c.yaml.bak", "c.yaml");
    misnamed("c.yaml.yaml", "c.yaml");
    misnamed("c.YAML.TXT", "c.yaml");
    misnamed("Trần Bình.yml.txt", "Trần Bình.yaml");
    misnamed("c.yml.yaml", "c.yml");
    for other in [
        "anh.jpg",
        "desktop.ini",
        "ds.xlsx",
        ".c.yaml.swp",
        "c.yaml~",
        "yaml",
    ] {
        assert_eq!(name(other), RecordName::Other, "{other}");
    }
}
