//! The form catalogue, the templates and the demo workspace are embedded in the binary
//! (`include_dir!`); rebuild when any of them changes. The Windows build also carries its
//! properties (product name, version, icon), which Explorer shows and antivirus programs weigh.
use std::path::Path;

fn main() {
    for dir in [
        "forms",
        "templates",
        "fixtures/demo",
        "assets/fonts",
        "assets/windows",
    ] {
        println!("cargo:rerun-if-changed={dir}");
    }
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// Writes the resource script of `hoso.exe` (its version from Cargo.toml) and has
/// `embed-resource` compile and link it (mingw's `x86_64-w64-mingw32-windres` when cross-compiling).
fn windows_resources() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let (major, minor, patch) = (
        var("CARGO_PKG_VERSION_MAJOR"),
        var("CARGO_PKG_VERSION_MINOR"),
        var("CARGO_PKG_VERSION_PATCH"),
    );
    let version = var("CARGO_PKG_VERSION");
    let icon = Path::new(&var("CARGO_MANIFEST_DIR")).join("assets/windows/hoso.ico");
    let icon = icon.to_string_lossy().replace('\\', "/");
    // 0x042A is Vietnamese, 1200 (0x04B0) Unicode: the strings are read as UTF-8 (code page 65001).
    let script = format!(
        r#"#pragma code_page(65001)
#include <winver.h>
1 ICON "{icon}"
1 VERSIONINFO
FILEVERSION {major},{minor},{patch},0
PRODUCTVERSION {major},{minor},{patch},0
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "042A04B0"
    BEGIN
      VALUE "CompanyName", "hoso"
      VALUE "FileDescription", "hoso: Hồ sơ kết nạp đảng viên"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "hoso"
      VALUE "LegalCopyright", "MIT OR Apache-2.0"
      VALUE "OriginalFilename", "hoso.exe"
      VALUE "ProductName", "hoso — Hồ sơ kết nạp đảng viên"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x042A, 1200
  END
END
"#
    );
    let out = Path::new(&var("OUT_DIR")).join("hoso.rc");
    std::fs::write(&out, script).expect("the resource script is written to OUT_DIR");
    embed_resource::compile(&out, embed_resource::NONE)
        .manifest_optional()
        .expect("the Windows resources compile (x86_64-w64-mingw32-windres, from mingw-w64)");
}
