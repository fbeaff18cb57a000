//! The shape of the source a reviewer checks: no file of `src/` over 700 lines, so that each stays
//! one stage or one part of a stage that can be read at once.

use std::path::Path;

#[test]
fn no_source_file_is_over_700_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&src)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|e| e == "rs") {
            files += 1;
            let lines = std::fs::read_to_string(entry.path())
                .unwrap()
                .lines()
                .count();
            if lines > 700 {
                long.push(format!("{} ({lines} lines)", entry.path().display()));
            }
        }
    }
    assert!(files > 50, "{files} source files found");
    assert!(long.is_empty(), "over 700 lines: {long:?}");
}
