//! A copy of a workspace in one dated zip file (`hoso backup`): every file of the folder, under a
//! folder of the workspace's name, so that unpacking it anywhere gives the workspace back.
//!
//! The zip is written whole to a temporary file beside its name and linked in under that name
//! only if none exists: a backup is never written over another, and an interrupted one leaves
//! nothing behind but a temporary file.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why no backup was written.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The folder has no `to-chuc.yaml`.
    #[error("`{}` is not a hoso workspace", .0.display())]
    NotAWorkspace(PathBuf),
    /// The backup's own path would be too long for Windows programs.
    #[error("the path of the backup has {0} characters, more than Windows programs can open")]
    TooLong(usize),
    /// Reading the workspace or writing the zip failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The zip could not be made.
    #[error(transparent)]
    Zip(#[from] zip::result::ZipError),
}

/// What was written.
#[derive(Debug)]
pub struct Written {
    /// The zip file.
    pub path: PathBuf,
    /// How many files it holds.
    pub files: usize,
}

/// The name of the backup of the workspace `name` made on `day`, the `n`th of that day:
/// `hoso-sao-luu-2026-12-07.zip`, then `hoso-sao-luu-2026-12-07-2.zip`.
pub fn file_name(name: &str, day: jiff::civil::Date, n: u32) -> String {
    match n {
        1 => format!("{name}-sao-luu-{day}.zip"),
        n => format!("{name}-sao-luu-{day}-{n}.zip"),
    }
}

/// Writes a backup of the workspace at `root` into the folder `into` (made if missing), named
/// after the workspace and `day`, numbered when that name is taken.
pub fn write(root: &Path, into: &Path, day: jiff::civil::Date) -> Result<Written, BackupError> {
    if !root.join(crate::model::ORG_FILE).is_file() {
        return Err(BackupError::NotAWorkspace(root.to_path_buf()));
    }
    let root = std::path::absolute(root)?;
    let name = root
        .file_name()
        .map_or_else(|| "hoso".into(), |n| n.to_string_lossy().into_owned());
    std::fs::create_dir_all(into)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hoso-").suffix(".tmp");
    let tmp = builder.tempfile_in(into)?;
    let files = write_zip(&root, &name, tmp.as_file(), tmp.path())?;
    tmp.as_file().sync_all()?;
    // The first free name of the day: never over an earlier backup.
    let mut tmp = tmp;
    for n in 1.. {
        let path = into.join(file_name(&name, day, n));
        if let Some(length) = crate::output::too_long_for_windows(&path) {
            return Err(BackupError::TooLong(length));
        }
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok(Written { path, files }),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(e.error.into()),
        }
    }
    unreachable!("the numbers of a day's backups run out")
}

/// Zips every regular file under `root` (links are not followed, hoso's temporary and lock files
/// are left out, and so is the zip being written) under the folder `name`, in a fixed order.
fn write_zip(
    root: &Path,
    name: &str,
    out: &std::fs::File,
    out_path: &Path,
) -> Result<usize, BackupError> {
    let out_path = std::path::absolute(out_path)?;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(out));
    let mut files = 0;
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.map_err(std::io::Error::from)?;
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let file_name = entry.file_name().to_string_lossy();
        let ours = file_name == crate::store::LOCK_FILE
            || (file_name.starts_with(".hoso-") && file_name.ends_with(".tmp"));
        if ours || entry.path() == out_path || rel.as_os_str().is_empty() {
            continue;
        }
        let inside = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let inside = format!("{name}/{inside}");
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(modified(&entry))
            .large_file(entry.metadata().is_ok_and(|m| m.len() >= u32::MAX as u64));
        let kind = entry.file_type();
        if kind.is_dir() {
            zip.add_directory(inside, options)?;
        } else if kind.is_file() {
            zip.start_file(inside, options)?;
            let mut file = std::fs::File::open(entry.path())?;
            std::io::copy(&mut file, &mut zip)?;
            files += 1;
        }
    }
    zip.finish()?.flush()?;
    Ok(files)
}

/// A file's time of last change, on the clock of this machine, as a zip keeps it.
fn modified(entry: &walkdir::DirEntry) -> zip::DateTime {
    let civil = entry
        .metadata()
        .ok()
        .and_then(|m| m.modified().ok())
        .and_then(|t| jiff::Timestamp::try_from(t).ok())
        .map(|t| t.to_zoned(jiff::tz::TimeZone::system()).datetime());
    civil
        .and_then(|t| {
            zip::DateTime::from_date_and_time(
                u16::try_from(t.year()).ok()?,
                t.month() as u8,
                t.day() as u8,
                t.hour() as u8,
                t.minute() as u8,
                t.second() as u8,
            )
            .ok()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_holds_the_workspace_and_never_replaces_another() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("hoso");
        crate::demo::write(&root).unwrap();
        std::fs::write(root.join(crate::store::LOCK_FILE), "").unwrap();
        let into = dir.path().join("sao-luu");
        let day = jiff::civil::date(2026, 12, 7);
        let first = write(&root, &into, day).unwrap();
        let second = write(&root, &into, day).unwrap();
        assert_eq!(first.path, into.join("hoso-sao-luu-2026-12-07.zip"));
        assert_eq!(second.path, into.join("hoso-sao-luu-2026-12-07-2.zip"));
        let demo_files = walkdir::WalkDir::new(&root)
            .into_iter()
            .filter(|e| e.as_ref().unwrap().file_type().is_file())
            .count();
        assert_eq!(first.files, demo_files - 1, "all but the lock file");
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&first.path).unwrap()).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("hoso/to-chuc.yaml").unwrap(), &mut text)
            .unwrap();
        assert_eq!(
            text,
            std::fs::read_to_string(root.join("to-chuc.yaml")).unwrap()
        );
        assert!(zip.by_name("hoso/ket-nap/").is_ok(), "folders are kept");
        assert!(zip.by_name("hoso/.hoso.lock").is_err());
        // Nothing but the two backups is left in the folder.
        assert_eq!(std::fs::read_dir(&into).unwrap().count(), 2);
    }

    #[test]
    fn a_folder_that_is_not_a_workspace_is_not_backed_up() {
        let dir = tempfile::tempdir().unwrap();
        let day = jiff::civil::date(2026, 12, 7);
        let refused = write(dir.path(), &dir.path().join("b"), day);
        assert!(matches!(refused, Err(BackupError::NotAWorkspace(_))));
        assert!(!dir.path().join("b").exists());
    }
}
