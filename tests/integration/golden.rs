//! Golden Typst sources: every form of the catalogue rendered from the demo workspace, filled
//! and blank, is compared with `tests/golden/<name>.typ`. The filled case of a form is the first
//! demo person (in id order) whose record holds what the form needs; every form must have one, so
//! the demo covers the whole catalogue. `HOSO_BLESS=1 cargo test golden` rewrites them; a golden
//! file that no case produces any more fails the test, so stale goldens cannot linger.

use crate::common::fixtures;
use hoso::forms::Catalogue;
use hoso::model::load;
use hoso::render::{Renderer, Subject};
use hoso::validate::check;
use std::path::Path;

#[test]
fn generated_typst_matches_the_goldens() {
    let loaded = load(&fixtures().join("demo")).unwrap();
    let read: Vec<_> = loaded.diagnostics().collect();
    assert!(read.is_empty(), "{read:?}");
    let ws = &check(loaded);
    let earlier_dir = crate::common::demo_with_person_moved("tran-thi-binh", -365);
    let earlier = &check(load(earlier_dir.path()).unwrap());
    let renderer = Renderer::new(None).unwrap();
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("HOSO_BLESS").is_some();
    let mut expected_files = Vec::new();
    let mut failures = Vec::new();
    for form in &Catalogue::builtin().forms {
        let filled = ws.people().find_map(|person| {
            let diags = person.problems();
            assert!(diags.is_empty(), "{}: {diags:?}", person.id());
            renderer
                .render(form, Subject::Filled(person.checked()?))
                .ok()
        });
        // A form that no set in force on the demo's dates has (3A-KNĐ, of the sets before
        // 38-HD/BTCTW) is filled from the demo with Trần Thị Bình's process a year earlier.
        let filled = filled.or_else(|| {
            let p = earlier.person("tran-thi-binh")?;
            renderer.render(form, Subject::Filled(p.checked()?)).ok()
        });
        let Some(filled) = filled else {
            failures.push(format!("no demo person can fill {}", form.ma));
            continue;
        };
        let blank = renderer.render(form, Subject::Blank(ws)).unwrap();
        for source in [filled, blank] {
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
    }
    for entry in std::fs::read_dir(&golden_dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".typ") && !expected_files.contains(&name) {
            if bless {
                std::fs::remove_file(entry_path(&golden_dir, &name)).unwrap();
                continue;
            }
            failures.push(format!(
                "stale golden file tests/golden/{name}: no case produces it"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn entry_path(dir: &Path, name: &str) -> std::path::PathBuf {
    dir.join(name)
}

/// The key table of docs/reference.md is exactly the table generated from `src/model/keys.rs`, in its order;
/// `HOSO_BLESS=1` rewrites it.
#[test]
fn readme_key_table_is_generated_from_the_keys() {
    use hoso::model::keys::{FileKind, KEYS};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/reference.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let header = "| tệp / file | khóa / key | nghĩa | meaning |\n|---|---|---|---|\n";
    let mut table = String::from(header);
    for key in KEYS {
        let file = match key.file {
            FileKind::ToChuc => "to-chuc.yaml",
            FileKind::Nguoi => "người / person",
            FileKind::BaoCao => "bao-cao.yaml",
        };
        table += &format!("| {file} | `{}` | {} | {} |\n", key.path, key.vi, key.en);
    }
    let start = readme
        .find(header)
        .expect("docs/reference.md has the key table header");
    let end = readme[start..]
        .find("\n\n")
        .map_or(readme.len(), |i| start + i + 1);
    if std::env::var_os("HOSO_BLESS").is_some() {
        let updated = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert!(
        readme[start..end] == table,
        "the key table of docs/reference.md differs from src/model/keys.rs (HOSO_BLESS=1 cargo test readme rewrites it)"
    );
}
