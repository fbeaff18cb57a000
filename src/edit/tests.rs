use super::*;

const RECORD: &str = "\
# Hồ sơ của quần chúng: a comment the clerk wrote.
ho_ten: Ngô Thị Mai   # tên khai sinh
ngay_sinh: 14/02/1988
trinh_do:
  hoc_van: 12/12
  chuyen_mon: 'Cử nhân'

nguoi_gioi_thieu:
  - dang_vien: pham-thi-lan
    ngay_viet: 20/03/2023
  # the second sponsor, assigned later
  - dang_vien: do-van-hai
hop_chi_bo:
  ngay: 20/04/2023
  dang_vien:
    chinh_thuc: 12
  ghi_chu: |
    dòng một
    dòng hai
tu_kiem_diem:
";

/// The lines of `after` that are not in `before`, and the reverse: what a reviewer of the diff sees.
fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let b: Vec<&str> = before.lines().collect();
    let a: Vec<&str> = after.lines().collect();
    let removed = b
        .iter()
        .filter(|l| !a.contains(l))
        .map(|l| l.to_string())
        .collect();
    let added = a
        .iter()
        .filter(|l| !b.contains(l))
        .map(|l| l.to_string())
        .collect();
    (removed, added)
}

fn read(text: &str, path: &str) -> Option<String> {
    Tree::parse(text).unwrap().scalars().get(path).cloned()
}

#[test]
fn a_changed_value_changes_only_its_own_line_and_keeps_the_comment_beside_it() {
    let out = apply(RECORD, &[Edit::text("ho_ten", "Ngô Thị Mây")]).unwrap();
    assert_eq!(
        changed_lines(RECORD, &out),
        (
            vec!["ho_ten: Ngô Thị Mai   # tên khai sinh".into()],
            vec!["ho_ten: Ngô Thị Mây   # tên khai sinh".into()]
        )
    );
    let out = apply(RECORD, &[Edit::text("hop_chi_bo.ngay", "21/04/2023")]).unwrap();
    assert_eq!(out, RECORD.replace("ngay: 20/04/2023", "ngay: 21/04/2023"));
    let out = apply(
        RECORD,
        &[Edit::text("nguoi_gioi_thieu[1].dang_vien", "le-minh-tuan")],
    )
    .unwrap();
    assert_eq!(out, RECORD.replace("do-van-hai", "le-minh-tuan"));
}

#[test]
fn a_text_that_yaml_would_read_otherwise_is_quoted_and_reads_back_as_typed() {
    for typed in [
        "12",
        "true",
        "null",
        "a: b",
        "# không",
        "- gạch",
        "'nháy'",
        " cách đầu",
        "dòng một\ndòng hai",
        "tab\there",
        "\u{2028}",
        "",
    ] {
        let out = apply(RECORD, &[Edit::text("trinh_do.chuyen_mon", typed)]).unwrap();
        assert_eq!(
            read(&out, "trinh_do.chuyen_mon").as_deref(),
            Some(typed),
            "{out}"
        );
        let (removed, added) = changed_lines(RECORD, &out);
        assert_eq!(removed, vec!["  chuyen_mon: 'Cử nhân'".to_string()]);
        assert_eq!(added.len(), 1, "{typed:?} → {added:?}");
    }
}

#[test]
fn numbers_are_written_plain_and_only_a_single_plain_value_is_accepted() {
    let out = apply(
        RECORD,
        &[Edit {
            path: "hop_chi_bo.dang_vien.chinh_thuc".into(),
            value: NewValue::Scalar("13".into()),
        }],
    )
    .unwrap();
    assert!(out.contains("    chinh_thuc: 13\n"));
    for bad in ["1\n2", "a: b", "[1]", "", "'x'"] {
        let err = apply(
            RECORD,
            &[Edit {
                path: "hop_chi_bo.dang_vien.chinh_thuc".into(),
                value: NewValue::Scalar(bad.into()),
            }],
        );
        assert!(matches!(err, Err(EditError::NotPlain { .. })), "{bad:?}");
    }
}

#[test]
fn a_missing_key_is_added_beside_its_siblings_and_missing_parents_are_created() {
    let out = apply(
        RECORD,
        &[Edit::text("trinh_do.ly_luan_chinh_tri", "Sơ cấp")],
    )
    .unwrap();
    assert!(
        out.contains("  chuyen_mon: 'Cử nhân'\n  ly_luan_chinh_tri: Sơ cấp\n\nnguoi_gioi_thieu:"),
        "{out}"
    );
    let out = apply(RECORD, &[Edit::text("hop_chi_bo.co_mat.chinh_thuc", "11")]).unwrap();
    assert!(
        out.contains("    dòng hai\n  co_mat:\n    chinh_thuc: '11'\ntu_kiem_diem:"),
        "{out}"
    );
    let out = apply(RECORD, &[Edit::text("le_ket_nap.ngay", "30/06/2023")]).unwrap();
    assert!(
        out.ends_with("tu_kiem_diem:\nle_ket_nap:\n  ngay: 30/06/2023\n"),
        "{out}"
    );
    assert!(out.starts_with(RECORD));
}

#[test]
fn an_empty_value_becomes_a_block_and_keeps_its_comment() {
    let text = "a: 1\nb: ~ # điền sau\nc: []\n";
    let out = apply(text, &[Edit::text("b.ngay", "01/01/2025")]).unwrap();
    assert_eq!(out, "a: 1\nb: # điền sau\n  ngay: 01/01/2025\nc: []\n");
    let out = apply(text, &[Edit::text("c[0].ho_ten", "Lan")]).unwrap();
    assert_eq!(out, "a: 1\nb: ~ # điền sau\nc:\n  - ho_ten: Lan\n");
    let out = apply(RECORD, &[Edit::text("tu_kiem_diem.ngay", "02/07/2024")]).unwrap();
    assert!(
        out.ends_with("tu_kiem_diem:\n  ngay: 02/07/2024\n"),
        "{out}"
    );
    let out = apply("", &[Edit::text("ho_ten", "A")]).unwrap();
    assert_eq!(out, "ho_ten: A\n");
}

#[test]
fn a_list_grows_by_an_item_written_like_the_others() {
    let out = apply(
        RECORD,
        &[
            Edit::text("nguoi_gioi_thieu[2].dang_vien", "le-minh-tuan"),
            Edit::text("nguoi_gioi_thieu[2].ngay_viet", "01/04/2023"),
        ],
    )
    .unwrap();
    assert!(
        out.contains(
            "  - dang_vien: do-van-hai\n  - dang_vien: le-minh-tuan\n    ngay_viet: 01/04/2023\nhop_chi_bo:"
        ),
        "{out}"
    );
    let err = apply(RECORD, &[Edit::text("nguoi_gioi_thieu[5].dang_vien", "x")]);
    assert_eq!(
        err,
        Err(EditError::IndexOutOfRange {
            path: "nguoi_gioi_thieu[5].dang_vien".into(),
            len: 2
        })
    );
}

#[test]
fn removing_takes_away_exactly_the_lines_of_the_key_or_item() {
    let out = apply(RECORD, &[Edit::remove("hop_chi_bo.ghi_chu")]).unwrap();
    assert_eq!(
        out,
        RECORD.replace("  ghi_chu: |\n    dòng một\n    dòng hai\n", "")
    );
    let out = apply(RECORD, &[Edit::remove("nguoi_gioi_thieu[0]")]).unwrap();
    assert_eq!(
        out,
        RECORD.replace(
            "  - dang_vien: pham-thi-lan\n    ngay_viet: 20/03/2023\n",
            ""
        )
    );
    assert_eq!(
        read(&out, "nguoi_gioi_thieu[0].dang_vien").as_deref(),
        Some("do-van-hai")
    );
    // The first key of an item: the next one moves up beside the dash.
    let out = apply(RECORD, &[Edit::remove("nguoi_gioi_thieu[0].dang_vien")]).unwrap();
    assert!(
        out.contains("  - ngay_viet: 20/03/2023\n  # the second"),
        "{out}"
    );
    // What is not there is already removed.
    assert_eq!(
        apply(RECORD, &[Edit::remove("le_ket_nap.ngay")]).unwrap(),
        RECORD
    );
}

#[test]
fn what_hoso_does_not_edit_is_refused_and_the_text_is_left_alone() {
    let flow = "a: {x: 1}\nb: [1, 2]\n";
    assert!(matches!(
        apply(flow, &[Edit::text("a.y", "2")]),
        Err(EditError::Unsupported { .. })
    ));
    assert!(matches!(
        apply(flow, &[Edit::remove("b[0]")]),
        Err(EditError::Unsupported { .. })
    ));
    // A value in a flow collection can still be replaced where it stands.
    assert_eq!(
        apply(flow, &[Edit::text("a.x", "3")]).unwrap(),
        "a: {x: '3'}\nb: [1, 2]\n"
    );
    assert!(matches!(
        apply("a: &x 1\nb: *x\n", &[Edit::text("b", "2")]),
        Err(EditError::Unsupported { .. })
    ));
    assert!(matches!(
        apply("a: [1\n", &[Edit::text("a", "2")]),
        Err(EditError::Syntax { .. })
    ));
    assert!(matches!(
        apply(RECORD, &[Edit::text("trinh_do", "x")]),
        Err(EditError::NotAValue { .. })
    ));
    assert!(matches!(
        apply(RECORD, &[Edit::text("ho_ten.x", "x")]),
        Err(EditError::NotAContainer { .. })
    ));
    for bad in ["", ".", "a..b", "a[x]", "[0]", "a[0", "a]", "a b"] {
        assert!(
            matches!(
                apply(RECORD, &[Edit::text(bad, "x")]),
                Err(EditError::BadPath(_))
            ),
            "{bad:?}"
        );
    }
}

/// Every value of every demo record, changed one at a time: the file differs in that value's line
/// only (one line out, one line in) and reads back with that one value changed.
#[test]
fn every_value_of_the_demo_records_can_be_changed_alone() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&demo) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let before = Tree::parse(&text).unwrap().scalars();
        for (path, old) in &before {
            let new = format!("{old} (sửa)");
            let out = apply(&text, &[Edit::text(path.clone(), new.clone())])
                .unwrap_or_else(|e| panic!("{}: {path}: {e}", entry.path().display()));
            let mut expected = before.clone();
            expected.insert(path.clone(), new);
            assert_eq!(Tree::parse(&out).unwrap().scalars(), expected);
            if !old.contains('\n') && !old.is_empty() {
                let (removed, added) = changed_lines(&text, &out);
                assert!(removed.len() <= 1 && added.len() == 1, "{path}: {added:?}");
            }
            let out = apply(&text, &[Edit::remove(path.clone())])
                .unwrap_or_else(|e| panic!("{}: remove {path}: {e}", entry.path().display()));
            assert!(out.len() < text.len());
        }
    }
    assert!(files >= 10);
}

#[test]
fn a_block_text_is_replaced_from_its_indicator_and_can_become_one() {
    let text = "a: | # ghi chú\n  x\n\n  y\nb:\n  - |-\n    z\n  - w\n";
    assert_eq!(
        apply(text, &[Edit::text("a", "một")]).unwrap(),
        "a: một\nb:\n  - |-\n    z\n  - w\n"
    );
    assert_eq!(
        apply(text, &[Edit::text("b[0]", "hai")]).unwrap(),
        "a: | # ghi chú\n  x\n\n  y\nb:\n  - hai\n  - w\n"
    );
    // Lines typed in a text box are written as a person writes them: a literal block.
    let out = apply(text, &[Edit::text("b[1]", "dòng 1\ndòng 2")]).unwrap();
    assert!(out.ends_with("  - |-\n    dòng 1\n    dòng 2\n"), "{out}");
}

#[test]
fn lines_from_a_text_box_become_a_literal_block_also_where_one_was() {
    // Replacing a block keeps the comment beside its indicator.
    let out = apply(
        RECORD,
        &[Edit::text("hop_chi_bo.ghi_chu", "một\nhai\nba\n")],
    )
    .unwrap();
    assert!(
        out.contains("  ghi_chu: |\n    một\n    hai\n    ba\ntu_kiem_diem:\n"),
        "{out}"
    );
    let text = "a: | # ghi chú\n  x\n  y\nb: 1\n";
    assert_eq!(
        apply(text, &[Edit::text("a", "x\n\nz")]).unwrap(),
        "a: |- # ghi chú\n  x\n\n  z\nb: 1\n"
    );
    // A one-line value with a comment beside it: the comment stays on the key's line.
    let out = apply(RECORD, &[Edit::text("ho_ten", "Ngô\nThị Mai")]).unwrap();
    assert!(
        out.contains("ho_ten: |-   # tên khai sinh\n  Ngô\n  Thị Mai\nngay_sinh:"),
        "{out}"
    );
    // A new key, deep.
    let out = apply(RECORD, &[Edit::text("le_ket_nap.ghi_chu", "a\nb")]).unwrap();
    assert!(
        out.ends_with("le_ket_nap:\n  ghi_chu: |-\n    a\n    b\n"),
        "{out}"
    );
    assert_eq!(read(&out, "le_ket_nap.ghi_chu").as_deref(), Some("a\nb"));
    // What a block cannot hold as it is stays quoted on one line.
    for awkward in ["  lề\nx", "a\n\n", "a\n   \nb", "a\u{7}\nb"] {
        let out = apply("a: 1\n", &[Edit::text("a", awkward)]).unwrap();
        assert!(out.starts_with("a: \""), "{awkward:?}: {out}");
        assert_eq!(read(&out, "a").as_deref(), Some(awkward));
    }
}

#[test]
fn a_windows_file_keeps_its_bom_and_crlf_on_every_line_added() {
    let text = "\u{feff}ho_ten: A\r\nquyet_dinh_ket_nap:\r\n  so: 12\r\n";
    let out = apply(
        text,
        &[
            Edit::text("que_quan", "Hà Nội"),
            Edit::text("le_ket_nap.ngay", "01/02/2026"),
            Edit::text("ghi_chu", "a\nb"),
        ],
    )
    .unwrap();
    assert!(out.starts_with('\u{feff}'), "{out:?}");
    assert_eq!(
        out.matches('\n').count(),
        out.matches("\r\n").count(),
        "{out:?}"
    );
    assert_eq!(
        out,
        "\u{feff}ho_ten: A\r\nquyet_dinh_ket_nap:\r\n  so: 12\r\nque_quan: Hà Nội\r\nle_ket_nap:\r\n  ngay: 01/02/2026\r\nghi_chu: |-\r\n  a\r\n  b\r\n"
    );
}

#[test]
fn removing_the_last_value_of_a_block_removes_the_keys_it_leaves_empty() {
    let text = "ho_ten: A\n# quyết định\nquyet_dinh_ket_nap:\n  so: 12\nle_ket_nap:\n  ngay: 01/02/2026\n  noi: B\n";
    assert_eq!(
        apply(text, &[Edit::remove("quyet_dinh_ket_nap.so")]).unwrap(),
        "ho_ten: A\n# quyết định\nle_ket_nap:\n  ngay: 01/02/2026\n  noi: B\n"
    );
    // A block with other values keeps them.
    assert_eq!(
        apply(text, &[Edit::remove("le_ket_nap.ngay")]).unwrap(),
        "ho_ten: A\n# quyết định\nquyet_dinh_ket_nap:\n  so: 12\nle_ket_nap:\n  noi: B\n"
    );
    // Up through every level that is left empty, and a list with its last item.
    let deep = "a:\n  b:\n    c: 1\nl:\n  - x\nm: 2\n";
    assert_eq!(
        apply(deep, &[Edit::remove("a.b.c")]).unwrap(),
        "l:\n  - x\nm: 2\n"
    );
    assert_eq!(
        apply(deep, &[Edit::remove("l[0]")]).unwrap(),
        "a:\n  b:\n    c: 1\nm: 2\n"
    );
    // The only key of a list's item leaves the item, as `{}`: an item goes only when asked.
    let item = "l:\n  - x: 1\n  - y: 2\n";
    assert_eq!(
        apply(item, &[Edit::remove("l[0].x")]).unwrap(),
        "l:\n  - {}\n  - y: 2\n"
    );
}
