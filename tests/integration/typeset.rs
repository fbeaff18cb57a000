//! The one typesetting path: what Typst says about a document (a warning, an error) reaches the
//! clerk from every front end that prints, located in the generated source, in the diagnostic
//! model (a code, the message in the clerk's language, JSON on request).

use crate::common::{TestWorkspace, hoso, render_cmd};
use std::process::Output;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The demo, with its own 6-KNĐ: the layout library's header, then `body`.
fn with_own_6knd(body: &str) -> TestWorkspace {
    let ws = TestWorkspace::demo();
    std::fs::create_dir_all(ws.file("templates/forms")).unwrap();
    let text = format!("#import \"hoso.typ\": *\n{body}\n");
    std::fs::write(ws.file("templates/forms/6-knd.typ.j2"), text).unwrap();
    ws
}

/// Empty stars are a Typst warning: the document is made (exit 0) and the warning is said, with
/// its place in the generated source and the template it came from, by `render`, `dossier` and
/// `batch` alike.
#[test]
fn a_typst_warning_reaches_the_clerk_from_render_dossier_and_batch() {
    let ws = with_own_6knd("Nghị quyết ** đề nghị.");
    let warned = |out: &Output, what: &str| {
        let text = stderr(out);
        assert!(out.status.success(), "{what}: {text}");
        assert!(text.contains("warning[typeset]"), "{what}: {text}");
        assert!(
            text.contains("dàn trang: no text within stars"),
            "{what}: {text}"
        );
        assert!(
            text.contains("templates/forms/6-knd.typ.j2"),
            "{what}: {text}"
        );
        assert!(
            text.contains("6-KND-tran-thi-binh.typ:2:"),
            "{what}: {text}"
        );
    };
    let out = render_cmd(&ws, "6-KNĐ", Some("tran-thi-binh"), &ws.file("6.pdf"))
        .output()
        .unwrap();
    warned(&out, "render");
    assert!(
        std::fs::read(ws.file("6.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );

    let out = hoso()
        .args(["dossier", "tran-thi-binh", "-w"])
        .arg(ws.path())
        .arg("-o")
        .arg(ws.file("hs.pdf"))
        .output()
        .unwrap();
    warned(&out, "dossier");

    let out = hoso()
        .arg("batch")
        .arg(ws.path())
        .arg("-o")
        .arg(ws.file("out"))
        .output()
        .unwrap();
    warned(&out, "batch");
    // In the batch's JSON report too, with the person whose document it is.
    let out = hoso()
        .args(["batch", "--force", "--format", "json"])
        .arg(ws.path())
        .arg("-o")
        .arg(ws.file("out"))
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let binh = report["nguoi"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "tran-thi-binh")
        .unwrap();
    assert_eq!(binh["canh_bao"][0]["code"], "typeset", "{report}");
    assert_eq!(binh["canh_bao"][0]["severity"], "warning", "{report}");
    assert_eq!(binh["canh_bao"][0]["line"], 2, "{report}");
}

/// A Typst error is located in the generated source, names the template, and fails the document
/// with exit code 1, in English on request.
#[test]
fn a_typst_error_is_located_in_the_generated_source() {
    let ws = with_own_6knd("#khong-co-ham(1)");
    let out = render_cmd(&ws, "6-KNĐ", Some("tran-thi-binh"), &ws.file("6.pdf"))
        .arg("--lang")
        .arg("en")
        .output()
        .unwrap();
    let text = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("error[typeset]"), "{text}");
    assert!(
        text.contains("typesetting: unknown variable: khong-co-ham"),
        "{text}"
    );
    assert!(text.contains("6-KND-tran-thi-binh.typ:2:2"), "{text}");
    assert!(
        text.contains("generated from `templates/forms/6-knd.typ.j2`"),
        "{text}"
    );
    assert!(!ws.file("6.pdf").exists());
}
