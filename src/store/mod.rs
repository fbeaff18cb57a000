/*!
The workspace's one writer: every byte that hoso writes into a clerk's workspace (`to-chuc.yaml`,
the records in `dang-vien/` and `ket-nap/`) goes through [`Writer`]. The desk's edits and new
people, `import` (new files and `--update`), `hoso new`, `cap-so` all call it, so that each of
these guarantees has one definition:

- **One writer at a time.** [`Writer::lock`] waits for the workspace's lock (`.hoso.lock` beside
  `to-chuc.yaml`) and holds it until the writer is dropped; another hoso process (a desk, an
  import, a `cap-so`) waits. Read what you decide from *after* taking the lock.
- **Nothing anyone wrote is lost.** [`Writer::read`] gives a file as it is now with its version
  (the digest of its bytes, [`version`]); [`FileText::expect`] refuses ([`WriteError::Stale`]) a
  file that is no longer what the caller's decision was made from (a page's version, or the text
  the loader read); [`Writer::replace`] checks the bytes once more right before writing, since a
  text editor takes no lock.
- **Atomic.** A file is written whole to a temporary `.hoso-*.tmp` beside it, synced, and renamed
  over it. The temporaries of a run killed midway are removed when the lock is next taken (in the
  root and the record folders) or when their folder is next written.
- **Never clobbering.** [`Writer::create`] makes a new file or fails with [`WriteError::Exists`]:
  the temporary is linked in under its name only if nothing has that name (no "exists? then
  rename"). A record's id is its file name without the extension, so `abc.yaml`, `abc.yml` and
  `abc.YAML`, in either record folder or a subfolder, are one id: creating any of them beside
  another is refused, and [`Writer::create_person`] numbers the id on (`abc-2`).
- **The file's shape is kept.** The text a caller gets and gives has no byte-order mark and `\n`
  line breaks; [`Writer::replace`] puts back the file's BOM and, in a file whose lines all end in
  `\r\n` (Notepad), `\r\n` on every line, the added ones included ([`Shape`]).
- **Known at once.** Each file written, created or removed is told to whoever follows the
  workspace in this process ([`Journal`]: the desk's live workspace), before the write returns,
  since the operating system's notification comes a moment later.
- **No write through a link into the workspace.** A file that is a link to another file of the
  workspace (a person's file linked to `to-chuc.yaml`) is refused ([`WriteError::Link`]), never
  written where it points; a link to a file outside the workspace (a `to-chuc.yaml` shared between
  folders) is written where it points and stays a link.

```no_run
# fn main() -> Result<(), hoso::store::WriteError> {
use hoso::store::{Expected, Writer};
# let (root, path, page_version) = (std::path::Path::new("."), std::path::Path::new("ket-nap/a.yaml"), "");
let writer = Writer::lock(root)?; // waits for other writers
let file = writer.read(path)?; // as it is now
file.expect(Expected::Version(page_version))?; // still what the page showed?
let edited = hoso::edit::apply(file.text(), &[hoso::edit::Edit::text("que_quan", "Hà Nội")])
    .expect("the edit places");
let new_version = writer.replace(&file, &edited)?; // in the file's own line endings, atomically
let (id, new_path) = writer.create_person(hoso::model::Folder::KetNap, "nguyen-van-an", "ho_ten: An\n")?;
# Ok(()) }
```

Errors are typed ([`WriteError`]) and say themselves in the clerk's language
([`WriteError::message`]).
*/

mod journal;
mod lock;
mod moves;
mod shape;

pub use journal::Journal;
pub use lock::LOCK_FILE;
pub use moves::{DELETED_DIR, Deleted, NotFollowed, Renamed, deleted};
pub use shape::Shape;

use crate::diag::Lang;
use crate::model::{Folder, id};
use lock::WorkspaceLock;
use sha2::Digest;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The largest file the writer reads: far above any record or register (a few kilobytes to a
/// few hundred), so that a huge file is refused before it is read into memory.
pub const MAX_FILE_BYTES: u64 = crate::model::MAX_FILE_BYTES;

/// The version of a file's bytes (the first 12 bytes of their SHA-256, in hex): what a desk page
/// keeps and sends back with each edit.
pub fn version(bytes: &[u8]) -> String {
    let digest = sha2::Sha256::digest(bytes);
    crate::output::hex(&digest[..12])
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file changed on disk since the decision to write was made.
    #[error("{}: changed on disk since it was read; nothing written", .path.display())]
    Stale { path: PathBuf },
    /// A file of that name, or a record of that id (`existing`, perhaps `.yml`), is there.
    #[error("{}: {} exists; nothing overwritten", .path.display(), .existing.display())]
    Exists { path: PathBuf, existing: PathBuf },
    /// The file is a link to another file of the workspace.
    #[error("{}: a link to {}, another file of the workspace; not written through", .path.display(), .target.display())]
    Link { path: PathBuf, target: PathBuf },
    /// Something other than a regular file has that name (a folder, a device).
    #[error("{}: not a regular file", .path.display())]
    NotAFile { path: PathBuf },
    /// The file is not UTF-8 text.
    #[error("{}: not UTF-8 text", .path.display())]
    NotText { path: PathBuf },
    /// The file is larger than any workspace file should be.
    #[error("{}: larger than {MAX_FILE_BYTES} bytes", .path.display())]
    TooLarge { path: PathBuf },
    /// Every id from `base` to `base-999` is taken.
    #[error("no free id from `{base}`")]
    NoFreeId { base: String },
    /// A new id that cannot be one (see [`crate::model::id::is_id`]).
    #[error("`{id}` is not a person id")]
    NotAnId { id: String },
    /// The operating system refused.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file that names the record being renamed (or cannot be read to tell) cannot follow
    /// its new id: renamed, the record would leave that file naming no one.
    #[error("{}", .why.message(&.path.display().to_string(), .id, Lang::En))]
    CannotFollow {
        path: PathBuf,
        /// The record's id.
        id: String,
        why: Box<moves::NotFollowed>,
    },
}

impl WriteError {
    /// The file the error is about.
    pub fn path(&self) -> Option<&Path> {
        match self {
            WriteError::Stale { path }
            | WriteError::Exists { path, .. }
            | WriteError::Link { path, .. }
            | WriteError::NotAFile { path }
            | WriteError::NotText { path }
            | WriteError::TooLarge { path }
            | WriteError::Io { path, .. }
            | WriteError::CannotFollow { path, .. } => Some(path),
            WriteError::NoFreeId { .. } | WriteError::NotAnId { .. } => None,
        }
    }

    /// What the clerk reads, in their language.
    pub fn message(&self, lang: Lang) -> String {
        let shown = |p: &Path| p.display().to_string();
        match (self, lang) {
            (WriteError::Stale { path }, Lang::Vi) => format!(
                "`{}` đã được sửa ở nơi khác (trình soạn thảo, thẻ khác, lệnh khác) từ khi đọc: chưa ghi gì",
                shown(path)
            ),
            (WriteError::Stale { path }, Lang::En) => format!(
                "`{}` was changed elsewhere (an editor, another tab, another command) since it was read: nothing written",
                shown(path)
            ),
            (WriteError::Exists { path, existing }, Lang::Vi) if path == existing => {
                format!("`{}` đã có; không ghi đè", shown(path))
            }
            (WriteError::Exists { path, existing }, Lang::En) if path == existing => {
                format!("`{}` exists; nothing overwritten", shown(path))
            }
            (WriteError::Exists { path, existing }, Lang::Vi) => format!(
                "không tạo `{}`: mã người này đã có ở `{}`",
                shown(path),
                shown(existing)
            ),
            (WriteError::Exists { path, existing }, Lang::En) => format!(
                "`{}` not created: `{}` has this person id",
                shown(path),
                shown(existing)
            ),
            (WriteError::Link { path, target }, Lang::Vi) => format!(
                "`{}` là liên kết tới `{}`, một tệp khác của thư mục làm việc: không ghi qua liên kết; hãy thay liên kết bằng tệp thật",
                shown(path),
                shown(target)
            ),
            (WriteError::Link { path, target }, Lang::En) => format!(
                "`{}` is a link to `{}`, another file of the workspace: not written through; replace the link with a real file",
                shown(path),
                shown(target)
            ),
            (WriteError::NotAFile { path }, Lang::Vi) => {
                format!("`{}` không phải tệp thường: không ghi", shown(path))
            }
            (WriteError::NotAFile { path }, Lang::En) => {
                format!("`{}` is not a regular file: not written", shown(path))
            }
            (WriteError::NotText { path }, Lang::Vi) => format!(
                "`{}` không phải văn bản UTF-8: hãy lưu lại với bảng mã UTF-8",
                shown(path)
            ),
            (WriteError::NotText { path }, Lang::En) => {
                format!("`{}` is not UTF-8 text: save it as UTF-8", shown(path))
            }
            (WriteError::TooLarge { path }, Lang::Vi) => format!(
                "`{}` lớn hơn {} MB: không phải tệp của hồ sơ",
                shown(path),
                MAX_FILE_BYTES >> 20
            ),
            (WriteError::TooLarge { path }, Lang::En) => format!(
                "`{}` is larger than {} MB: not a workspace file",
                shown(path),
                MAX_FILE_BYTES >> 20
            ),
            (WriteError::NoFreeId { base }, Lang::Vi) => {
                format!("không còn mã trống từ `{base}` (đến `{base}-999`)")
            }
            (WriteError::NoFreeId { base }, Lang::En) => {
                format!("no free id from `{base}` (up to `{base}-999`)")
            }
            (WriteError::NotAnId { id }, Lang::Vi) if crate::model::id::windows_reserved(id) => {
                format!(
                    "`{id}` không dùng làm mã người được: Windows dành tên này cho thiết bị; thêm số, ví dụ `{id}-2`"
                )
            }
            (WriteError::NotAnId { id }, Lang::En) if crate::model::id::windows_reserved(id) => {
                format!(
                    "`{id}` cannot be a person id: Windows keeps that name for a device; add a number, for example `{id}-2`"
                )
            }
            (WriteError::NotAnId { id }, Lang::Vi) => format!(
                "`{id}` không dùng làm mã người được: chỉ chữ thường không dấu, chữ số và dấu gạch nối (nguyen-van-an-2)"
            ),
            (WriteError::NotAnId { id }, Lang::En) => format!(
                "`{id}` cannot be a person id: lower-case letters without marks, digits and hyphens only (nguyen-van-an-2)"
            ),
            (WriteError::Io { path, source }, Lang::Vi) => {
                format!("không ghi được `{}`: {source}", shown(path))
            }
            (WriteError::Io { path, source }, Lang::En) => {
                format!("cannot write `{}`: {source}", shown(path))
            }
            (WriteError::CannotFollow { path, id, why }, lang) => {
                why.message(&shown(path), id, lang)
            }
        }
    }
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a file must still be for a write to go ahead.
#[derive(Debug, Clone, Copy)]
pub enum Expected<'a> {
    /// The version a page was given ([`version`] of the bytes it was made from).
    Version(&'a str),
    /// The text as the loader read it (`SourceFile::text`: without BOM, in NFC).
    Loaded(&'a str),
}

/// A workspace file as it is now, read under the lock.
#[derive(Debug, Clone)]
pub struct FileText {
    /// The path as the caller named it.
    path: PathBuf,
    /// Where it is written: the path, or the target of a link that points out of the workspace.
    real: PathBuf,
    /// Without BOM, with `\n` line breaks where the file's are all `\r\n`.
    text: String,
    version: String,
    shape: Shape,
}

impl FileText {
    /// The text to read and edit: without BOM, `\n` line breaks (the file's shape comes back when
    /// it is written).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The version of its bytes.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The path as the caller named it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its BOM and line endings.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// Refuses ([`WriteError::Stale`]) a file that is no longer what the caller's decision was
    /// made from.
    pub fn expect(&self, expected: Expected<'_>) -> Result<(), WriteError> {
        let same = match expected {
            Expected::Version(v) => self.version == v,
            Expected::Loaded(loaded) => {
                let as_loaded = Shape {
                    bom: false,
                    ..self.shape
                }
                .restore(&self.text);
                crate::model::chars::yaml_nfc(&as_loaded) == loaded
            }
        };
        if same {
            Ok(())
        } else {
            Err(WriteError::Stale {
                path: self.path.clone(),
            })
        }
    }
}

/// The workspace while this process holds its lock: the only way to write into it. See the
/// module's documentation.
#[derive(Debug)]
pub struct Writer {
    root: PathBuf,
    /// The root with links resolved: a link whose target lies under it is not written through.
    real_root: PathBuf,
    /// Every record's id (lower case) and file, read when first needed, kept up to date by
    /// [`Writer::create`].
    ids: RefCell<Option<HashMap<String, PathBuf>>>,
    _lock: WorkspaceLock,
}

impl Writer {
    /// Waits for the lock of the workspace at `root` (a folder that exists), then removes the
    /// temporaries a killed run left there (unless this process did lately: see [`SWEPT`]).
    pub fn lock(root: &Path) -> Result<Writer, WriteError> {
        let lock = WorkspaceLock::take(root).map_err(io_error(&root.join(LOCK_FILE)))?;
        let real_root = std::fs::canonicalize(root).map_err(io_error(root))?;
        let writer = Writer {
            root: root.to_path_buf(),
            real_root,
            ids: RefCell::new(None),
            _lock: lock,
        };
        // Beside `to-chuc.yaml` an output may be being written by a command that takes no lock
        // (`render -o out.pdf`): only temporaries old enough to be a dead run's go. In the record
        // folders only this writer writes, and it holds the lock: whatever is there is dead.
        writer.sweep(root);
        for folder in [Folder::DangVien, Folder::KetNap] {
            writer.sweep(&root.join(folder.dir()));
        }
        Ok(writer)
    }

    /// The workspace's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Tells whoever follows the workspace in this process ([`Journal`]) that `path` was written,
    /// created or removed: every change this writer makes goes through here.
    fn wrote(&self, path: &Path) {
        journal::wrote(&self.root, &self.real_root, path);
    }

    /// Reads the file at `path` as it is now.
    pub fn read(&self, path: &Path) -> Result<FileText, WriteError> {
        let real = self.destination(path)?;
        let bytes = read_bounded(path, &real)?;
        let version = version(&bytes);
        let text = String::from_utf8(bytes).map_err(|_| WriteError::NotText {
            path: path.to_path_buf(),
        })?;
        let shape = Shape::of(&text);
        Ok(FileText {
            path: path.to_path_buf(),
            real,
            text: shape.plain(&text),
            version,
            shape,
        })
    }

    /// Replaces `file` (as [`Writer::read`] gave it) with `text` (without BOM, `\n` line
    /// breaks), written in the file's own shape, if its bytes are still those read. Returns the
    /// new version.
    pub fn replace(&self, file: &FileText, text: &str) -> Result<String, WriteError> {
        // A text editor takes no lock: the file is checked again right before it is replaced.
        let now = read_bounded(&file.path, &file.real)?;
        if version(&now) != file.version {
            return Err(WriteError::Stale {
                path: file.path.clone(),
            });
        }
        let bytes = file.shape.restore(text).into_bytes();
        if let Some(dir) = file.real.parent() {
            self.sweep(dir);
        }
        let written = crate::output::write_atomic(&file.real, &bytes);
        self.wrote(&file.path);
        written.map_err(io_error(&file.path))?;
        Ok(version(&bytes))
    }

    /// Creates the file `path` with `text`, never over anything: fails with
    /// [`WriteError::Exists`] when something has that name or, for a record, when a file of the
    /// same id is in either record folder. Returns the new version.
    pub fn create(&self, path: &Path, text: &str) -> Result<String, WriteError> {
        self.create_bytes(path, text.as_bytes())
    }

    /// [`Writer::create`] with these bytes as they are.
    fn create_bytes(&self, path: &Path, bytes: &[u8]) -> Result<String, WriteError> {
        let record_id = self.record_id(path);
        if let Some(existing) = record_id.as_deref().and_then(|id| self.person_file(id)) {
            return Err(WriteError::Exists {
                path: path.to_path_buf(),
                existing,
            });
        }
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(WriteError::Exists {
                path: path.to_path_buf(),
                existing: path.to_path_buf(),
            });
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let io = io_error(path);
        std::fs::create_dir_all(dir).map_err(&io)?;
        self.sweep(dir);
        let mut builder = tempfile::Builder::new();
        builder
            .prefix(crate::output::TEMP_PREFIX)
            .suffix(crate::output::TEMP_SUFFIX);
        // A new file is readable as any program's new file is (0666 less the umask), not private.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let mut tmp = builder.tempfile_in(dir).map_err(&io)?;
        tmp.write_all(bytes).map_err(&io)?;
        tmp.as_file().sync_all().map_err(&io)?;
        // Linked in under its name only if nothing has it, in one step of the file system.
        let persisted = tmp.persist_noclobber(path);
        self.wrote(path);
        persisted.map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists {
                    path: path.to_path_buf(),
                    existing: path.to_path_buf(),
                }
            } else {
                io(e.error)
            }
        })?;
        if let (Some(id), Some(ids)) = (record_id, self.ids.borrow_mut().as_mut()) {
            ids.insert(id, path.to_path_buf());
        }
        Ok(version(bytes))
    }

    /// Creates `<folder>/<id>.yaml` under the first free id of `base`, `base-2`, `base-3`… (free
    /// in both folders, with either extension). Returns the id and the file.
    pub fn create_person(
        &self,
        folder: Folder,
        base: &str,
        text: &str,
    ) -> Result<(String, PathBuf), WriteError> {
        let dir = self.root.join(folder.dir());
        let candidates =
            std::iter::once(base.to_string()).chain((2..1000).map(|n| format!("{base}-{n}")));
        for id in candidates.filter(|id| id::is_id(id)) {
            if self.person_file(&id).is_some() {
                continue;
            }
            let path = dir.join(format!("{id}.yaml"));
            match self.create(&path, text) {
                Ok(_) => return Ok((id, path)),
                // Taken by a text editor since the folders were listed: the next one.
                Err(WriteError::Exists { .. }) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(WriteError::NoFreeId {
            base: base.to_string(),
        })
    }

    /// The file of the record `id` (`id.yaml` or `id.yml`, any case, in either record folder or a
    /// subfolder), if there is one.
    pub fn person_file(&self, id: &str) -> Option<PathBuf> {
        let mut ids = self.ids.borrow_mut();
        let ids = ids.get_or_insert_with(|| self.list_ids());
        ids.get(&id.to_lowercase()).cloned()
    }

    fn list_ids(&self) -> HashMap<String, PathBuf> {
        let mut out = HashMap::new();
        for folder in [Folder::DangVien, Folder::KetNap] {
            let walker = walkdir::WalkDir::new(self.root.join(folder.dir())).sort_by_file_name();
            for entry in walker.into_iter().flatten() {
                if let Some(id) = yaml_stem(entry.path()) {
                    out.entry(id).or_insert_with(|| entry.path().to_path_buf());
                }
            }
        }
        out
    }

    /// The id of a record's file: a YAML file under a record folder of this workspace.
    fn record_id(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.root).ok()?;
        let first = rel.components().next()?.as_os_str();
        [Folder::DangVien, Folder::KetNap]
            .iter()
            .any(|f| first == f.dir())
            .then(|| yaml_stem(path))
            .flatten()
    }

    /// Removes the dead temporaries of `dir`, unless this process did lately (see [`SWEPT`]).
    fn sweep(&self, dir: &Path) {
        let now = Instant::now();
        {
            let mut swept = SWEPT.lock().unwrap_or_else(PoisonError::into_inner);
            match swept.get(dir) {
                Some(last) if now.duration_since(*last) < SWEEP_AGAIN => return,
                _ => swept.insert(dir.to_path_buf(), now),
            };
        }
        remove_temporaries(dir, self.temporaries_age(dir));
    }

    /// How old a temporary in `dir` must be to be a dead run's: any age in a record folder.
    fn temporaries_age(&self, dir: &Path) -> Duration {
        let in_records = [Folder::DangVien, Folder::KetNap]
            .iter()
            .any(|f| dir.starts_with(self.root.join(f.dir())));
        if in_records { Duration::ZERO } else { STALE }
    }

    /// Where a write of `path` goes: the path itself, or the target of a link that points out
    /// of the workspace. A link into the workspace, or something not a file, is refused.
    fn destination(&self, path: &Path) -> Result<PathBuf, WriteError> {
        let meta = std::fs::symlink_metadata(path).map_err(io_error(path))?;
        if meta.file_type().is_symlink() {
            let target = std::fs::canonicalize(path).map_err(io_error(path))?;
            if target.starts_with(&self.real_root) {
                let target = target
                    .strip_prefix(&self.real_root)
                    .map(Path::to_path_buf)
                    .unwrap_or(target);
                return Err(WriteError::Link {
                    path: path.to_path_buf(),
                    target,
                });
            }
            if !target.is_file() {
                return Err(WriteError::NotAFile {
                    path: path.to_path_buf(),
                });
            }
            return Ok(target);
        }
        if !meta.is_file() {
            return Err(WriteError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        Ok(path.to_path_buf())
    }
}

/// A YAML file's stem in lower case: `abc` for `abc.yaml`, `abc.yml`, `ABC.YAML`.
fn yaml_stem(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext != "yaml" && ext != "yml" {
        return None;
    }
    Some(path.file_stem()?.to_string_lossy().to_lowercase())
}

/// Reads at most [`MAX_FILE_BYTES`] of `real` (named `path` in errors).
fn read_bounded(path: &Path, real: &Path) -> Result<Vec<u8>, WriteError> {
    crate::model::read_bounded(real).map_err(|e| {
        if crate::model::is_too_large(&e) {
            WriteError::TooLarge {
                path: path.to_path_buf(),
            }
        } else {
            io_error(path)(e)
        }
    })
}

/// How old a temporary must be, where a run that takes no lock may be writing one, to be a dead
/// run's.
const STALE: Duration = Duration::from_secs(60);

/// When this process last removed the dead temporaries of each folder it wrote in. A folder is
/// listed for them at most every [`SWEEP_AGAIN`]: an import writes thousands of files in one
/// folder, and the desk takes the lock for each edit; listing a folder of thousands of records
/// each time was most of an edit's time. A temporary another run left meanwhile, killed, is
/// harmless until then: no load reads it.
static SWEPT: Mutex<BTreeMap<PathBuf, Instant>> = Mutex::new(BTreeMap::new());
const SWEEP_AGAIN: Duration = Duration::from_secs(600);

/// Removes the temporaries (`.hoso-*.tmp`) in `dir` at least `age` old.
pub(crate) fn remove_temporaries(dir: &Path, age: Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !crate::output::is_temporary(Path::new(&entry.file_name())) {
            continue;
        }
        let old_enough = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .is_some_and(|t| age.is_zero() || t.elapsed().is_ok_and(|a| a >= age));
        if old_enough {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests;
