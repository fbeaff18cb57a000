//! The form catalogue, the templates and the demo workspace are embedded in the binary
//! (`include_dir!`); rebuild when any of them changes.
fn main() {
    for dir in ["forms", "templates", "fixtures/demo", "assets/fonts"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
