//! The demo workspace that `hoso init` writes: a chi bộ with its members, candidates at the stages
//! before and after the branch meeting, and a probationary member. It lives in `fixtures/demo/`,
//! where the tests use it too, and is embedded in the binary.

use include_dir::{Dir, include_dir};
use std::path::Path;

static DEMO: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/fixtures/demo");

/// Why the demo could not be written.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder exists and holds files: nothing is overwritten.
    #[error("the folder is not empty")]
    NotEmpty,
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Writes the demo into `dir`, which must be new or empty. Returns the number of files written.
pub fn write(dir: &Path) -> Result<usize, InitError> {
    ensure_empty(dir)?;
    let mut count = 0;
    write_dir(&DEMO, dir, &mut count)?;
    Ok(count)
}

/// The `to-chuc.yaml` of a new workspace: the keys every form needs, left to fill in on the
/// desk or in any editor (the checks say which are still missing).
const BLANK_ORG: &str = "\
# Tổ chức đảng: chi bộ và đảng bộ cấp trên trực tiếp.
# Điền trên bàn làm việc của hoso, hoặc sửa tệp này bằng Notepad (lưu với bảng mã UTF-8).
# Đảng bộ tỉnh, thành phố (in trên các mẫu của đảng ủy), ví dụ: Đảng bộ tỉnh Quảng Ninh
cap_tren:
# Đảng bộ cấp trên trực tiếp, ví dụ: Đảng bộ phường Hồng Gai
dang_bo:
# Chi bộ, ví dụ: Chi bộ Khu phố 5
chi_bo:
# Địa danh ghi ở dòng ngày tháng, ví dụ: Hạ Long
dia_danh:
# Mã của bí thư và phó bí thư chi bộ (tên tệp hồ sơ của họ, không có .yaml)
bi_thu:
pho_bi_thu:
";

/// Writes a new, empty workspace into `dir` (new or empty): its `to-chuc.yaml` to fill in and
/// the two folders of records. What the first start of hoso on a clerk's computer makes.
/// Returns the number of files written.
pub fn write_blank(dir: &Path) -> Result<usize, InitError> {
    ensure_empty(dir)?;
    for folder in [crate::model::Folder::DangVien, crate::model::Folder::KetNap] {
        std::fs::create_dir_all(dir.join(folder.dir()))?;
    }
    crate::output::write_atomic(&dir.join(crate::model::ORG_FILE), BLANK_ORG.as_bytes())?;
    Ok(1)
}

fn ensure_empty(dir: &Path) -> Result<(), InitError> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(InitError::NotEmpty);
    }
    Ok(())
}

/// Family names, middle names and given names for synthetic people.
const HO: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
];
const DEM_NAM: &[&str] = &["Văn", "Đức", "Quang", "Minh", "Hữu"];
const DEM_NU: &[&str] = &["Thị", "Ngọc", "Thu", "Thanh", "Kim"];
const TEN: &[&str] = &[
    "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hằng", "Hiếu", "Hoa", "Hùng", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang",
    "Tuấn", "Vân", "Yến",
];

/// Writes a synthetic workspace of `people` people in the admission process, for benchmarks:
/// the demo's organisation and members, and copies of the demo's candidates at every stage (the
/// application in, the branch's resolution, probation after a shared decision and ceremony, full
/// membership), each with its own id, name, and decision numbers. Deterministic: the same
/// `people` gives the same files. Returns the number of files written.
pub fn write_synthetic(dir: &Path, people: usize) -> Result<usize, InitError> {
    ensure_empty(dir)?;
    let mut count = 0;
    for file in DEMO.files() {
        let name = file.path().to_string_lossy();
        let text = file.contents_utf8().unwrap_or_default();
        // The register names the demo's own people: the synthetic workspace starts a new one.
        let text = match name.as_ref() {
            "to-chuc.yaml" => text
                .split("# Sổ đăng ký văn bản")
                .next()
                .unwrap_or(text)
                .to_string(),
            _ => text.to_string(),
        };
        crate::output::write_atomic(&dir.join(file.path()), text.as_bytes())?;
        count += 1;
    }
    if let Some(members) = DEMO.get_dir("dang-vien") {
        write_dir(members, dir, &mut count)?;
    }
    let mut candidates: Vec<_> = DEMO
        .get_dir("ket-nap")
        .map(|d| d.files().collect())
        .unwrap_or_default();
    candidates.sort_by_key(|f| f.path().to_path_buf());
    for i in 0..people {
        let template = candidates[i % candidates.len()];
        let k = i / candidates.len();
        let stem = template
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = template.contents_utf8().unwrap_or_default();
        let woman = text.contains("gioi_tinh: nữ");
        let name = format!(
            "{} {} {}",
            HO[i % HO.len()],
            if woman { DEM_NU } else { DEM_NAM }[(i / HO.len()) % 5],
            TEN[(i / 7) % TEN.len()]
        );
        let mut out = String::new();
        for line in text.lines() {
            let line = if line.starts_with("ho_ten: ") {
                format!("ho_ten: {name}")
            } else if let Some(number) = line.strip_prefix("  so: ").filter(|n| n.contains("-QĐ/"))
            {
                // Each copy has its own decisions; the two people the demo admits together
                // stay together in theirs.
                let (n, rest) = number.split_once('-').unwrap_or((number, ""));
                let n: u32 = n.parse().unwrap_or(1);
                format!("  so: {}-{rest}", n + 1000 * (k as u32 + 1))
            } else {
                line.to_string()
            };
            out.push_str(&line);
            out.push('\n');
        }
        let path = dir.join("ket-nap").join(format!("{stem}-{k:04}.yaml"));
        crate::output::write_atomic(&path, out.as_bytes())?;
        count += 1;
    }
    Ok(count)
}

fn write_dir(d: &Dir<'_>, root: &Path, count: &mut usize) -> Result<(), InitError> {
    for file in d.files() {
        crate::output::write_atomic(&root.join(file.path()), file.contents())?;
        *count += 1;
    }
    for sub in d.dirs() {
        write_dir(sub, root, count)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_blank_workspace_loads_and_asks_for_its_branch() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("hoso");
        assert_eq!(super::write_blank(&root).unwrap(), 1);
        assert!(root.join("dang-vien").is_dir() && root.join("ket-nap").is_dir());
        let checked = crate::validate::check(crate::model::load(&root).unwrap());
        let mut missing: Vec<String> = checked
            .diagnostics()
            .into_iter()
            .map(|d| d.code().to_string() + " " + &d.problem.message(crate::diag::Lang::En))
            .collect();
        missing.sort();
        assert_eq!(missing.len(), 4, "{missing:?}");
        assert!(
            missing.iter().all(|m| m.starts_with("missing-field")),
            "{missing:?}"
        );
        assert!(matches!(
            super::write_blank(&root),
            Err(super::InitError::NotEmpty)
        ));
    }
}
