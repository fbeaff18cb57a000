use super::*;

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("to-chuc.yaml"), "chi_bo: A\n").unwrap();
    std::fs::create_dir_all(dir.path().join("ket-nap")).unwrap();
    std::fs::create_dir_all(dir.path().join("dang-vien")).unwrap();
    dir
}

#[test]
fn a_replaced_file_keeps_its_bom_and_crlf_and_a_changed_one_is_stale() {
    let ws = workspace();
    let path = ws.path().join("ket-nap/a.yaml");
    std::fs::write(&path, "\u{feff}ho_ten: A\r\nngay_sinh: 01/01/2000\r\n").unwrap();
    let writer = Writer::lock(ws.path()).unwrap();
    let file = writer.read(&path).unwrap();
    assert_eq!(file.text(), "ho_ten: A\nngay_sinh: 01/01/2000\n");
    file.expect(Expected::Version(&version(&std::fs::read(&path).unwrap())))
        .unwrap();
    file.expect(Expected::Loaded("ho_ten: A\r\nngay_sinh: 01/01/2000\r\n"))
        .unwrap();
    assert!(matches!(
        file.expect(Expected::Version("000000000000000000000000")),
        Err(WriteError::Stale { .. })
    ));
    let new = writer
        .replace(&file, "ho_ten: B\nngay_sinh: 01/01/2000\nque_quan: C\n")
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(
        bytes,
        "\u{feff}ho_ten: B\r\nngay_sinh: 01/01/2000\r\nque_quan: C\r\n".as_bytes()
    );
    assert_eq!(new, version(&bytes));
    // Replaced from the old reading: the file is no longer that.
    assert!(matches!(
        writer.replace(&file, "ho_ten: C\n"),
        Err(WriteError::Stale { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn an_id_is_one_whatever_the_extension_and_a_new_person_is_numbered_on() {
    let ws = workspace();
    std::fs::write(ws.path().join("ket-nap/abc.yml"), "ho_ten: A\n").unwrap();
    std::fs::create_dir_all(ws.path().join("dang-vien/cu")).unwrap();
    std::fs::write(ws.path().join("dang-vien/cu/XYZ.YAML"), "ho_ten: X\n").unwrap();
    let writer = Writer::lock(ws.path()).unwrap();
    for (path, existing) in [
        ("ket-nap/abc.yaml", "ket-nap/abc.yml"),
        ("dang-vien/abc.yaml", "ket-nap/abc.yml"),
        ("ket-nap/xyz.yaml", "dang-vien/cu/XYZ.YAML"),
    ] {
        match writer.create(&ws.path().join(path), "ho_ten: B\n") {
            Err(WriteError::Exists { existing: e, .. }) => {
                assert_eq!(e, ws.path().join(existing))
            }
            other => panic!("{path}: {other:?}"),
        }
    }
    let (id, path) = writer
        .create_person(Folder::KetNap, "abc", "ho_ten: B\n")
        .unwrap();
    assert_eq!(id, "abc-2");
    assert_eq!(std::fs::read_to_string(path).unwrap(), "ho_ten: B\n");
    let (id, _) = writer
        .create_person(Folder::DangVien, "abc", "ho_ten: C\n")
        .unwrap();
    assert_eq!(id, "abc-3");
    // Not a record: only the name itself counts.
    assert!(matches!(
        writer.create(&ws.path().join("to-chuc.yaml"), "x: 1\n"),
        Err(WriteError::Exists { .. })
    ));
    assert_eq!(
        std::fs::read_to_string(ws.path().join("to-chuc.yaml")).unwrap(),
        "chi_bo: A\n"
    );
}

#[cfg(unix)]
#[test]
fn a_link_into_the_workspace_is_not_written_through_and_one_out_of_it_is() {
    let ws = workspace();
    let link = ws.path().join("ket-nap/lien-ket.yaml");
    std::os::unix::fs::symlink("../to-chuc.yaml", &link).unwrap();
    let writer = Writer::lock(ws.path()).unwrap();
    match writer.read(&link) {
        Err(e @ WriteError::Link { .. }) => {
            assert!(e.message(Lang::Vi).contains("to-chuc.yaml"), "{e}");
            assert!(e.message(Lang::En).contains("not written through"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    let outside = tempfile::tempdir().unwrap();
    let shared = outside.path().join("to-chuc.yaml");
    std::fs::write(&shared, "chi_bo: A\r\n").unwrap();
    let org = ws.path().join("to-chuc.yaml");
    std::fs::remove_file(&org).unwrap();
    std::os::unix::fs::symlink(&shared, &org).unwrap();
    let file = writer.read(&org).unwrap();
    writer.replace(&file, "chi_bo: B\n").unwrap();
    assert_eq!(std::fs::read_to_string(&shared).unwrap(), "chi_bo: B\r\n");
    assert!(std::fs::symlink_metadata(&org).unwrap().is_symlink());
}

#[test]
fn the_temporaries_of_a_killed_run_go_when_the_lock_is_taken() {
    let ws = workspace();
    let left = ws.path().join("ket-nap/.hoso-AbC123.tmp");
    std::fs::write(&left, "ho_ten: half").unwrap();
    let young_in_root = ws.path().join(".hoso-Xy.tmp");
    std::fs::write(&young_in_root, "%PDF").unwrap();
    let other = ws.path().join("ket-nap/.hoso-notes.txt");
    std::fs::write(&other, "x").unwrap();
    drop(Writer::lock(ws.path()).unwrap());
    assert!(!left.exists());
    // Beside `to-chuc.yaml` a young one may be an output being written now.
    assert!(young_in_root.exists());
    assert!(other.exists());
}

#[test]
fn a_file_too_large_or_not_text_is_refused_before_anything_is_written() {
    let ws = workspace();
    let path = ws.path().join("ket-nap/a.yaml");
    std::fs::write(&path, b"ho_ten: H\xe0\n").unwrap();
    let writer = Writer::lock(ws.path()).unwrap();
    assert!(matches!(
        writer.read(&path),
        Err(WriteError::NotText { .. })
    ));
    let big = std::fs::File::create(&path).unwrap();
    big.set_len(MAX_FILE_BYTES + 1).unwrap();
    assert!(matches!(
        writer.read(&path),
        Err(WriteError::TooLarge { .. })
    ));
}

#[test]
fn a_deleted_record_waits_in_da_xoa_byte_for_byte_and_comes_back_unless_its_id_is_taken() {
    let ws = workspace();
    let path = ws.path().join("ket-nap/a.yaml");
    let bytes = "\u{feff}# ghi chú\r\nho_ten: A\r\n";
    std::fs::write(&path, bytes).unwrap();
    let writer = Writer::lock(ws.path()).unwrap();
    let file = writer.read(&path).unwrap();
    // Changed in an editor since it was read: not deleted.
    std::fs::write(&path, "ho_ten: B\n").unwrap();
    assert!(matches!(
        writer.delete_record(&file),
        Err(WriteError::Stale { .. })
    ));
    assert!(!ws.path().join(DELETED_DIR).exists() || deleted(ws.path()).is_empty());
    std::fs::write(&path, bytes).unwrap();
    let file = writer.read(&path).unwrap();
    let moved = writer.delete_record(&file).unwrap();
    assert!(!path.exists());
    assert_eq!(std::fs::read(&moved).unwrap(), bytes.as_bytes());
    let listed = deleted(ws.path());
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, "a");
    assert_eq!(listed[0].place, Path::new("ket-nap/a.yaml"));
    assert!(moved.starts_with(ws.path().join(DELETED_DIR)));
    // The loader never reads it: the id is free again, and a new `a` is made.
    assert!(writer.person_file("a").is_none());
    writer
        .create(&ws.path().join("dang-vien/a.yml"), "ho_ten: Khác\n")
        .unwrap();
    match writer.restore(&listed[0]) {
        Err(WriteError::Exists { existing, .. }) => {
            assert_eq!(existing, ws.path().join("dang-vien/a.yml"))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&moved).unwrap(), bytes.as_bytes());
    std::fs::remove_file(ws.path().join("dang-vien/a.yml")).unwrap();
    drop(writer);
    let writer = Writer::lock(ws.path()).unwrap();
    let back = writer.restore(&listed[0]).unwrap();
    assert_eq!(back, path);
    assert_eq!(std::fs::read(&path).unwrap(), bytes.as_bytes());
    assert!(deleted(ws.path()).is_empty());
    assert!(
        !moved.parent().unwrap().exists(),
        "the emptied folder stays"
    );
}

#[test]
fn a_renamed_record_is_followed_by_every_key_that_names_a_person_and_nothing_else() {
    let ws = workspace();
    let org = "chi_bo: A\nbi_thu: le-van-a # bí thư\nso_van_ban:\n  - so: 1\n    nguoi: le-van-a\n";
    std::fs::write(ws.path().join("to-chuc.yaml"), org).unwrap();
    let member = ws.path().join("dang-vien/le-van-a.yaml");
    std::fs::write(&member, "ho_ten: Lê Văn A\n").unwrap();
    let other = ws.path().join("ket-nap/b.yaml");
    let other_text = "ho_ten: B\r\nque_quan: le-van-a\r\nnguoi_gioi_thieu:\r\n  - dang_vien: le-van-a\r\n    ngay_viet: 01/01/2026\r\nhop_chi_bo:\r\n  chu_tri: 'le-van-a'\r\n";
    std::fs::write(&other, other_text).unwrap();
    std::fs::write(ws.path().join("ket-nap/c.yaml"), "ho_ten: C\n").unwrap();
    let writer = Writer::lock(ws.path()).unwrap();
    let file = writer.read(&member).unwrap();
    assert!(matches!(
        writer.rename_record(&file, "Le Van B"),
        Err(WriteError::NotAnId { .. })
    ));
    assert!(matches!(
        writer.rename_record(&file, "c"),
        Err(WriteError::Exists { .. })
    ));
    assert!(member.exists());
    let renamed = writer.rename_record(&file, "le-van-b").unwrap();
    assert_eq!(renamed.path, ws.path().join("dang-vien/le-van-b.yaml"));
    assert!(!member.exists());
    assert_eq!(
        std::fs::read_to_string(&renamed.path).unwrap(),
        "ho_ten: Lê Văn A\n"
    );
    assert_eq!(renamed.updated.len(), 2, "{renamed:?}");
    assert!(renamed.not_updated.is_empty());
    assert_eq!(
        std::fs::read_to_string(ws.path().join("to-chuc.yaml")).unwrap(),
        org.replace("le-van-a", "le-van-b")
    );
    // A place name that happens to be the id is not a reference; the file keeps its CRLF.
    let after = std::fs::read_to_string(&other).unwrap();
    assert!(after.contains("que_quan: le-van-a\r\n"), "{after}");
    assert!(after.contains("dang_vien: le-van-b\r\n"), "{after}");
    assert!(
        after.contains("chu_tri: 'le-van-b'\r\n") || after.contains("chu_tri: le-van-b\r\n"),
        "{after}"
    );
    assert!(!after.replace("\r\n", "").contains('\n'), "{after:?}");
}
