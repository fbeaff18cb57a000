use super::*;

#[test]
fn kinh_is_the_majority_however_typed() {
    for kinh in ["Kinh", "kinh", " KINH ", "Kính"] {
        assert!(!is_ethnic_minority(kinh), "{kinh}");
    }
    for minority in ["Tày", "Dao", "H'Mông", "Ê Đê"] {
        assert!(is_ethnic_minority(minority), "{minority}");
    }
}

#[test]
fn values_print_in_vietnamese() {
    assert_eq!(Value::Count(1045).display(), "1.045");
    // Papers round percentages; the table keeps the exact value.
    assert_eq!(Value::Percent(59.7143).display(), "gần 60%");
    assert_eq!(Value::Percent(33.333).display(), "hơn 33%");
    assert_eq!(Value::Percent(45.0).display(), "45%");
    assert_eq!(Value::Percent(59.7143).exact(), "59,71%");
    let stated = Value::Stated {
        number: 7.61,
        unit: Some("%".into()),
    };
    assert_eq!(stated.display(), "7,61%");
}

#[test]
fn leavers_are_named_by_their_recorded_reason() {
    for (reason, kind) in [
        (Some("Từ trần ngày 10/3"), "tu_tran"),
        (
            Some("chuyển sinh hoạt đảng đến Đảng bộ xã Tiên Yên"),
            "chuyen_di",
        ),
        (Some("Xoá tên theo Điều 8"), "xoa_ten"),
        (Some("đi lao động nước ngoài"), "khac"),
        (None, "khong_ro"),
    ] {
        assert_eq!(leaving_kind(reason).0, kind, "{reason:?}");
    }
    // A reason hoso cannot classify is said as the clerk wrote it, never guessed.
    assert_eq!(
        leaving_kind(Some("đi lao động nước ngoài")).1,
        "đi lao động nước ngoài"
    );
}

#[test]
fn degrees_are_recognised_however_typed() {
    assert!(
        has_degree("Cử nhân Sư phạm Toán")
            && has_degree("ĐẠI HỌC Kế toán")
            && has_degree("Kỹ sư Xây dựng")
    );
    assert!(!has_degree("Trung cấp Y") && !has_degree("12/12"));
}

#[test]
fn thirty_is_not_under_thirty() {
    let mut n = Nguoi {
        ngay_sinh: Ngay::parse("10/03/1991"),
        ngay_vao_dang: Ngay::parse("09/03/2021"),
        ..Nguoi::default()
    };
    assert!(young_when_admitted(&n));
    n.ngay_vao_dang = Ngay::parse("10/03/2021");
    assert!(!young_when_admitted(&n));
}
