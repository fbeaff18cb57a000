use super::*;

fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    crate::demo::write_synthetic(&root, 3).unwrap();
    (dir, root)
}

/// A watch past its first (full) look, with nothing told since.
fn started(root: &Path) -> Watch {
    let mut watch = Watch::start(root).expect("inotify watches this folder");
    assert_eq!(watch.look(), Look::Everything, "the first look is full");
    watch.settle();
    assert_eq!(watch.look(), Look::Only(vec![]));
    watch
}

fn only(root: &Path, rels: &[&str]) -> Look {
    let mut paths: Vec<PathBuf> = rels.iter().map(|r| root.join(r)).collect();
    paths.sort();
    Look::Only(paths)
}

#[test]
fn changes_of_records_and_shared_files_are_told_and_others_passed_by() {
    let (_dir, root) = workspace();
    let mut watch = started(&root);

    // An editor's changes: a record, a misnamed record (its error is shown), the organisation.
    std::fs::write(root.join("ket-nap/moi.yaml"), "ho_ten: Mới\n").unwrap();
    std::fs::write(root.join("ket-nap/ghi.yaml.txt"), "ho_ten: Ghi\n").unwrap();
    let org = std::fs::read_to_string(root.join(ORG_FILE)).unwrap();
    std::fs::write(root.join(ORG_FILE), format!("{org}\n")).unwrap();
    // What no load reads: a photo, an editor's swap file, deleted records, an output.
    std::fs::write(root.join("ket-nap/anh.jpg"), b"\xff\xd8").unwrap();
    std::fs::write(root.join("ket-nap/.moi.yaml.swp"), b"").unwrap();
    std::fs::create_dir_all(root.join("da-xoa/2026-12-07_101010/ket-nap")).unwrap();
    std::fs::write(
        root.join("da-xoa/2026-12-07_101010/ket-nap/cu.yaml"),
        "ho_ten: Cũ\n",
    )
    .unwrap();
    std::fs::write(root.join("1-KND.pdf"), b"%PDF").unwrap();
    // Files read are no change.
    for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
        if entry.file_type().is_file() {
            std::fs::read(entry.path()).unwrap();
        }
    }
    watch.settle();
    assert_eq!(
        watch.look(),
        only(
            &root,
            &["ket-nap/ghi.yaml.txt", "ket-nap/moi.yaml", "to-chuc.yaml"]
        )
    );
    assert_eq!(watch.look(), Look::Only(vec![]));

    // A rename: both names; a removal.
    std::fs::rename(
        root.join("ket-nap/moi.yaml"),
        root.join("dang-vien/moi.yaml"),
    )
    .unwrap();
    std::fs::remove_file(root.join("ket-nap/ghi.yaml.txt")).unwrap();
    watch.settle();
    assert_eq!(
        watch.look(),
        only(
            &root,
            &[
                "dang-vien/moi.yaml",
                "ket-nap/ghi.yaml.txt",
                "ket-nap/moi.yaml"
            ]
        )
    );

    // A folder made in a records folder: everything, then what is made in it is told.
    std::fs::create_dir(root.join("ket-nap/cu")).unwrap();
    watch.settle();
    assert_eq!(watch.look(), Look::Everything);
    std::fs::write(root.join("ket-nap/cu/a.yaml"), "ho_ten: A\n").unwrap();
    watch.settle();
    assert_eq!(watch.look(), only(&root, &["ket-nap/cu/a.yaml"]));

    // A records folder removed, then made again: everything each time, and the new folder is
    // watched.
    std::fs::remove_dir_all(root.join("ket-nap")).unwrap();
    watch.settle();
    assert_eq!(watch.look(), Look::Everything);
    std::fs::create_dir(root.join("ket-nap")).unwrap();
    std::fs::write(root.join("ket-nap/b.yaml"), "ho_ten: B\n").unwrap();
    watch.settle();
    assert_eq!(watch.look(), Look::Everything);
    std::fs::write(root.join("ket-nap/c.yaml"), "ho_ten: C\n").unwrap();
    watch.settle();
    assert_eq!(watch.look(), only(&root, &["ket-nap/c.yaml"]));
}

#[test]
fn the_writers_own_writes_are_told_at_once_and_the_backstop_looks_at_everything() {
    let (_dir, root) = workspace();
    let mut watch = started(&root);
    // The system's word is lost from now on: only the writer's own journal tells.
    watch.deafen();
    let path = root.join("ket-nap/dang-van-khoa-0000.yaml");
    {
        let writer = crate::store::Writer::lock(&root).unwrap();
        let file = writer.read(&path).unwrap();
        let text = format!("{}# sửa ở bàn làm việc\n", file.text());
        writer.replace(&file, &text).unwrap();
        writer
            .create_person(Folder::KetNap, "le-van-moi", "ho_ten: Lê Văn Mới\n")
            .unwrap();
        let deleted = writer.read(&root.join("ket-nap/le-van-moi.yaml")).unwrap();
        writer.delete_record(&deleted).unwrap();
    }
    assert_eq!(
        watch.look(),
        only(
            &root,
            &["ket-nap/dang-van-khoa-0000.yaml", "ket-nap/le-van-moi.yaml"]
        )
    );
    // A text editor's write, its notification lost: seen by the backstop's full look.
    std::fs::write(&path, "ho_ten: Đặng Văn Khoa\n").unwrap();
    assert_eq!(watch.look(), Look::Only(vec![]));
    watch.backstop_due();
    assert_eq!(watch.look(), Look::Everything);
    assert_eq!(watch.look(), Look::Only(vec![]));
}

#[cfg(unix)]
#[test]
fn a_shared_organisation_file_is_followed_through_its_link() {
    let (dir, root) = workspace();
    let shared = dir.path().join("chung");
    std::fs::create_dir(&shared).unwrap();
    let org = std::fs::read_to_string(root.join(ORG_FILE)).unwrap();
    std::fs::write(shared.join(ORG_FILE), &org).unwrap();
    std::fs::remove_file(root.join(ORG_FILE)).unwrap();
    std::os::unix::fs::symlink(shared.join(ORG_FILE), root.join(ORG_FILE)).unwrap();
    let mut watch = started(&root);
    // Changed where it is kept, atomically as an editor saves: told under the workspace's name.
    std::fs::write(shared.join("moi.tmp"), format!("{org}\n")).unwrap();
    std::fs::rename(shared.join("moi.tmp"), shared.join(ORG_FILE)).unwrap();
    watch.settle();
    // (The mark is made beside `to-chuc.yaml`, not beside its target: the target's folder is
    // told by the same system queue, before it.)
    assert_eq!(watch.look(), only(&root, &[ORG_FILE]));
    std::fs::write(shared.join("khac.yaml"), "x: 1\n").unwrap();
    watch.settle();
    assert_eq!(watch.look(), Look::Only(vec![]));
}

#[test]
fn looks_add_up() {
    let a = Look::Only(vec!["a".into(), "c".into()]);
    let b = Look::Only(vec!["b".into(), "a".into()]);
    assert_eq!(
        a.clone().and(b),
        Look::Only(vec!["a".into(), "b".into(), "c".into()])
    );
    assert_eq!(a.clone().and(Look::Everything), Look::Everything);
    assert_eq!(Look::Everything.and(a), Look::Everything);
}

/// `hoso serve ws`: the system tells changes under the absolute name the watch was given
/// (Windows under `Z:\…\ws`, Linux under the working folder's path and `..`), not `ws`.
#[cfg(unix)]
#[test]
fn a_workspace_named_by_a_relative_path_is_told() {
    let (_dir, root) = workspace();
    let here = std::env::current_dir().unwrap();
    let up = "../".repeat(here.components().count() - 1);
    let relative = PathBuf::from(up).join(root.strip_prefix("/").unwrap());
    assert!(relative.is_relative() && relative.join(ORG_FILE).is_file());
    let mut watch = started(&relative);
    std::fs::write(root.join("ket-nap/moi.yaml"), "ho_ten: Mới\n").unwrap();
    watch.settle();
    assert_eq!(watch.look(), only(&relative, &["ket-nap/moi.yaml"]));
}
