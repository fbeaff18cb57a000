//! Golden Typst sources: each form rendered from the demo workspace (filled and blank) is compared
//! with `tests/golden/<name>.typ`. `HOSO_BLESS=1 cargo test golden` rewrites them; a golden file
//! that no case produces any more fails the test, so stale goldens cannot linger.

use crate::common::fixtures;
use hoso::forms::Catalogue;
use hoso::model::load;
use hoso::render::{Renderer, Subject};
use hoso::validate::check_person;
use std::path::Path;

/// (form, person or None for the blank form).
const CASES: &[(&str, Option<&str>)] = &[
    ("1-KNĐ", Some("tran-thi-binh")),
    ("1-KNĐ", None),
    ("3-KNĐ", Some("tran-thi-binh")),
    ("3-KNĐ", None),
    ("6-KNĐ", Some("tran-thi-binh")),
    ("6-KNĐ", None),
];

#[test]
fn generated_typst_matches_the_goldens() {
    let loaded = load(&fixtures().join("demo")).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let ws = &loaded.workspace;
    let renderer = Renderer::new(None).unwrap();
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("HOSO_BLESS").is_some();
    let mut expected_files = Vec::new();
    let mut failures = Vec::new();
    for (code, person) in CASES {
        let form = Catalogue::builtin().form(code).unwrap();
        let source = match person {
            Some(id) => {
                let (checked, diags) = check_person(ws, ws.person(id).unwrap());
                assert!(diags.is_empty(), "{diags:?}");
                renderer
                    .render(form, Subject::Filled(checked.unwrap()))
                    .unwrap()
            }
            None => renderer.render(form, Subject::Blank(ws)).unwrap(),
        };
        let path = golden_dir.join(&source.name);
        expected_files.push(source.name.clone());
        if bless {
            std::fs::write(&path, &source.text).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == source.text => {}
            Ok(_) => failures.push(format!(
                "{} differs (HOSO_BLESS=1 to accept)",
                path.display()
            )),
            Err(_) => failures.push(format!(
                "{} is missing (HOSO_BLESS=1 to write it)",
                path.display()
            )),
        }
    }
    for entry in std::fs::read_dir(&golden_dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".typ") && !expected_files.contains(&name) {
            failures.push(format!(
                "stale golden file tests/golden/{name}: no case produces it"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The README's key table lists exactly the keys of `src/model/keys.rs`.
#[test]
fn readme_documents_every_key() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for key in hoso::model::keys::KEYS {
        assert!(
            readme.contains(&format!("| `{}` |", key.path)),
            "README lacks key `{}`",
            key.path
        );
    }
}
