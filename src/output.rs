//! Writing outputs safely: to a temporary file beside the target, then renamed over it, so that a
//! run killed midway never leaves a half-written file and never damages an existing one.

use std::io::Write;
use std::path::Path;

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
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hoso-").suffix(".tmp");
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

#[cfg(all(test, unix))]
mod tests {
    use super::write_atomic;
    use std::os::unix::fs::PermissionsExt;

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
}

/// Bytes in lower-case hexadecimal (digests in manifests and file identifiers).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
