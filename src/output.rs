//! Writing outputs safely: to a temporary file beside the target, then renamed over it, so that a
//! run killed midway never leaves a half-written file and never damages an existing one.

use std::io::Write;
use std::path::Path;

/// How the temporary file of an atomic write is named, here and by the workspace's writer:
/// `.hoso-XXXXXX.tmp` beside the file it becomes.
pub(crate) const TEMP_PREFIX: &str = ".hoso-";
pub(crate) const TEMP_SUFFIX: &str = ".tmp";

/// Whether `path` is named as the temporary file of an atomic write (always a file, never a
/// folder, never a record).
pub(crate) fn is_temporary(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(TEMP_PREFIX) && n.ends_with(TEMP_SUFFIX))
}

/// Writes `bytes` to `path` atomically and waits until they are on the disk: for what cannot be
/// made again (a workspace, the register of document numbers) and for single outputs.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, true)
}

/// Writes `bytes` to `path` atomically and leaves flushing to the operating system: for the
/// thousands of files of a batch, which are rebuilt from the records and whose sizes the next run
/// checks (a file cut short by a power failure is made again), so that no file waits for the disk.
pub fn write_rebuildable(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, false)
}

fn write(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    if let Some(length) = too_long_for_windows(path) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "the full path has {length} characters, more than the {WINDOWS_MAX_PATH} Windows programs can open"
            ),
        ));
    }
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        // A rename replaces whatever has the name: never a link, a FIFO, a device or a folder.
        if !meta.file_type().is_file() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file",
            ));
        }
        // Nor a file marked read-only, on any system: Windows refuses to replace one, and
        // elsewhere a rename asks only the folder (root not even that), which would make the
        // mark a clerk set to protect a file mean nothing.
        if meta.permissions().readonly() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the file is read-only",
            ));
        }
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // A temporary file is private (0600); the file it becomes must not be. A file that is
    // replaced keeps its permissions (`to-chuc.yaml` after `cap-so`); a new one gets what any
    // program's new file gets (0666 less the umask), so that a shared office folder can read it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(match std::fs::metadata(path) {
            Ok(existing) => existing.permissions(),
            Err(_) => std::fs::Permissions::from_mode(0o666),
        });
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if sync {
        tmp.as_file().sync_all()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The longest full path, in UTF-16 units, that Windows programs open: `MAX_PATH` (260) less
/// the terminating NUL. hoso itself could write past it (the standard library falls back to
/// `\\?\` paths), but Explorer, Word and PDF readers could then not open what it wrote.
pub const WINDOWS_MAX_PATH: usize = 259;

/// On Windows, the length of `path` made absolute when it is longer than [`WINDOWS_MAX_PATH`];
/// elsewhere `None`, since there is no such limit.
pub fn too_long_for_windows(path: &Path) -> Option<usize> {
    if !cfg!(windows) {
        return None;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    windows_length_over(&absolute.to_string_lossy(), WINDOWS_MAX_PATH)
}

/// The length of a Windows path as Windows counts it (UTF-16 units) when it is over `limit`.
fn windows_length_over(path: &str, limit: usize) -> Option<usize> {
    let length = path.encode_utf16().count();
    (length > limit).then_some(length)
}

/// Why an output path is refused before anything is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The name does not end in what the output is (`.pdf` for a PDF).
    WrongExtension { expected: &'static [&'static str] },
    /// Something other than a regular file has that name: a folder, a link, a FIFO, a device.
    NotARegularFile,
    /// The path is one of the workspace's own files or folders (`to-chuc.yaml`, `ket-nap/`, …).
    WorkspaceData,
    /// On Windows, the full path is longer than its programs can open ([`WINDOWS_MAX_PATH`]).
    TooLongForWindows { length: usize },
}

/// The files and folders of a workspace that hold its data: no output may go there.
const DATA: &[&str] = &[
    "to-chuc.yaml",
    "bao-cao.yaml",
    "dang-vien",
    "ket-nap",
    "templates",
];

/// `path` with its existing part resolved (links followed), the rest appended as it is.
fn resolved(path: &Path) -> std::path::PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            let mut out = real;
            out.extend(rest.iter().rev());
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// Whether `path` lies in the data of the workspace at `root`.
fn in_workspace_data(path: &Path, root: &Path) -> bool {
    let (path, root) = (resolved(path), resolved(root));
    match path.strip_prefix(&root) {
        Ok(rel) => rel
            .components()
            .next()
            .is_some_and(|first| DATA.iter().any(|d| first.as_os_str() == *d)),
        Err(_) => false,
    }
}

/// Checks an output file before anything is made: its extension is one of `extensions` (lower
/// case, without the dot), it is not something other than a regular file, and it is not the
/// data of the workspace at `root`.
pub fn check_file(
    path: &Path,
    extensions: &'static [&'static str],
    root: Option<&Path>,
) -> Result<(), Refusal> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    if !extension.is_some_and(|e| extensions.contains(&e.as_str())) {
        return Err(Refusal::WrongExtension {
            expected: extensions,
        });
    }
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && !meta.file_type().is_file()
    {
        return Err(Refusal::NotARegularFile);
    }
    if root.is_some_and(|r| in_workspace_data(path, r)) {
        return Err(Refusal::WorkspaceData);
    }
    if let Some(length) = too_long_for_windows(path) {
        return Err(Refusal::TooLongForWindows { length });
    }
    Ok(())
}

/// Checks an output folder: not a file, not the workspace itself, not inside its data.
pub fn check_dir(path: &Path, root: &Path) -> Result<(), Refusal> {
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && !meta.is_dir()
    {
        return Err(Refusal::NotARegularFile);
    }
    if resolved(path) == resolved(root) || in_workspace_data(path, root) {
        return Err(Refusal::WorkspaceData);
    }
    // A folder's files are longer still: its own path must leave room for them.
    if let Some(length) = too_long_for_windows(&path.join("x".repeat(FILE_NAME_ROOM))) {
        let length = length - FILE_NAME_ROOM - 1;
        return Err(Refusal::TooLongForWindows { length });
    }
    Ok(())
}

/// The room an output folder leaves for the names of the files put in it (a person's id, up to
/// 100 characters, then the form's name).
const FILE_NAME_ROOM: usize = 130;

/// Removes the temporary files that a run killed midway left in `dir` (`.hoso-*.tmp`), once they
/// are a minute old: a younger one may belong to a run still writing it.
pub fn remove_stale_temporaries(dir: &Path) {
    const STALE: std::time::Duration = std::time::Duration::from_secs(60);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= STALE);
        if name.starts_with(".hoso-") && name.ends_with(".tmp") && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod limit_tests {
    #[test]
    fn windows_counts_utf16_units() {
        use super::{WINDOWS_MAX_PATH, windows_length_over};
        let folder = r"C:\Users\Thư ký\Documents\hoso\out\";
        let room = WINDOWS_MAX_PATH - folder.encode_utf16().count() - ".pdf".len();
        let fits = format!("{folder}{}.pdf", "a".repeat(room));
        // `ư` and `ý` are two bytes in UTF-8 but one unit each for Windows.
        assert_eq!(fits.encode_utf16().count(), WINDOWS_MAX_PATH);
        assert_eq!(windows_length_over(&fits, WINDOWS_MAX_PATH), None);
        let over = format!("{folder}{}.pdf", "a".repeat(WINDOWS_MAX_PATH));
        assert!(windows_length_over(&over, WINDOWS_MAX_PATH).is_some_and(|n| n > 260));
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::write_atomic;
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    #[test]
    fn new_outputs_get_the_usual_mode_and_replaced_files_keep_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("a.pdf");
        write_atomic(&new, b"x").unwrap();
        // The same mode as a file any program creates there (0666 less the umask).
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&new), mode(&plain));

        let kept = dir.path().join("to-chuc.yaml");
        std::fs::write(&kept, b"old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&kept, b"new").unwrap();
        assert_eq!(mode(&kept), 0o640);
        assert_eq!(std::fs::read(&kept).unwrap(), b"new");
    }

    /// As on Windows, whoever runs hoso (root too): the file stays as it was.
    #[test]
    fn a_file_marked_read_only_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("to-chuc.yaml");
        std::fs::write(&path, b"old").unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).unwrap();
        let e = write_atomic(&path, b"new").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied);
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary left beside it");
    }

    #[test]
    fn outputs_never_replace_links_special_files_or_the_workspace() {
        use super::{Refusal, check_dir, check_file};
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ws");
        std::fs::create_dir_all(root.join("ket-nap")).unwrap();
        std::fs::write(root.join("to-chuc.yaml"), "chi_bo: x\n").unwrap();
        let pdf: &[&str] = &["pdf"];
        assert_eq!(
            check_file(&root.join("to-chuc.yaml"), pdf, Some(&root)),
            Err(Refusal::WrongExtension { expected: pdf })
        );
        assert_eq!(
            check_file(&root.join("ket-nap/x.pdf"), pdf, Some(&root)),
            Err(Refusal::WorkspaceData)
        );
        // Reached another way (through `..` or a link), still the workspace.
        let via = root.join("ket-nap/../ket-nap/y.pdf");
        assert_eq!(
            check_file(&via, pdf, Some(&root)),
            Err(Refusal::WorkspaceData)
        );
        std::os::unix::fs::symlink(root.join("to-chuc.yaml"), dir.path().join("l.pdf")).unwrap();
        assert_eq!(
            check_file(&dir.path().join("l.pdf"), pdf, Some(&root)),
            Err(Refusal::NotARegularFile)
        );
        assert!(write_atomic(&dir.path().join("l.pdf"), b"%PDF").is_err());
        assert_eq!(
            std::fs::read(root.join("to-chuc.yaml")).unwrap(),
            b"chi_bo: x\n"
        );
        assert_eq!(check_file(Path::new("/dev/null.pdf"), pdf, None), Ok(()));
        assert!(check_file(Path::new("/dev/null"), pdf, None).is_err());
        assert_eq!(
            check_file(&root.join("out/a.PDF"), pdf, Some(&root)),
            Ok(())
        );
        assert_eq!(check_dir(&root, &root), Err(Refusal::WorkspaceData));
        assert_eq!(
            check_dir(&root.join("ket-nap"), &root),
            Err(Refusal::WorkspaceData)
        );
        assert_eq!(check_dir(&root.join("out"), &root), Ok(()));
        assert_eq!(
            check_dir(&root.join("to-chuc.yaml"), &root),
            Err(Refusal::NotARegularFile)
        );
    }
}

/// Bytes in lower-case hexadecimal (digests in manifests and file identifiers).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
