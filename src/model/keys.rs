//! Every key of the workspace files, with its meaning in Vietnamese and English.
//!
//! This table is the reference: the README's key table is checked against it, "did you mean"
//! suggestions come from it, and a test checks that it names exactly the keys the types read.

/// Which file a key belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `to-chuc.yaml`.
    ToChuc,
    /// A person's file, in `dang-vien/` or `ket-nap/`.
    Nguoi,
}

/// One documented key.
#[derive(Debug)]
pub struct Key {
    /// The file kind.
    pub file: FileKind,
    /// Dotted path; `[]` marks the items of a list: `nguoi_gioi_thieu[].dang_vien`.
    pub path: &'static str,
    /// Meaning, in Vietnamese.
    pub vi: &'static str,
    /// Meaning, in English.
    pub en: &'static str,
}

macro_rules! keys {
    ($($file:ident $path:literal => $vi:literal, $en:literal;)*) => {
        /// The table.
        pub const KEYS: &[Key] = &[$(Key { file: FileKind::$file, path: $path, vi: $vi, en: $en }),*];
    };
}

keys! {
    ToChuc "dang_bo" => "đảng bộ cấp trên trực tiếp", "the Party organisation directly above";
    ToChuc "dang_uy" => "đảng ủy cấp trên (mặc định suy từ `dang_bo`)", "its committee (derived from `dang_bo` by default)";
    ToChuc "chi_bo" => "tên chi bộ", "the branch";
    ToChuc "ky_hieu" => "ký hiệu cơ quan trong số văn bản (mặc định CB)", "issuer abbreviation in numbers (default CB)";
    ToChuc "dia_danh" => "địa danh ghi ở dòng ngày tháng", "place name of the date line";
    ToChuc "bi_thu" => "bí thư chi bộ (mã người)", "branch secretary (person id)";
    ToChuc "pho_bi_thu" => "phó bí thư (mã người)", "deputy secretary (person id)";
    ToChuc "nhiem_ky" => "nhiệm kỳ", "term of the committee";
    ToChuc "le_trang" => "lề trang (mm)", "page margins (mm)";
    ToChuc "le_trang.tren" => "lề trên", "top margin";
    ToChuc "le_trang.duoi" => "lề dưới", "bottom margin";
    ToChuc "le_trang.trai" => "lề trái", "left margin";
    ToChuc "le_trang.phai" => "lề phải", "right margin";
    ToChuc "so_van_ban" => "sổ đăng ký văn bản", "document register";
    ToChuc "so_van_ban[].so" => "số văn bản", "document number";
    ToChuc "so_van_ban[].loai" => "loại văn bản (NQ, BC, ...)", "document kind (NQ, BC, ...)";
    ToChuc "so_van_ban[].ngay" => "ngày văn bản", "document date";
    ToChuc "so_van_ban[].mau" => "mẫu (6-KNĐ, ...)", "form code (6-KNĐ, ...)";
    ToChuc "so_van_ban[].nguoi" => "người được nói đến (mã người)", "person concerned (person id)";
    ToChuc "so_van_ban[].trich_yeu" => "trích yếu", "summary";

    Nguoi "ho_ten" => "họ và tên", "full name";
    Nguoi "ten_khai_sinh" => "họ tên khai sinh", "birth name";
    Nguoi "bi_danh" => "bí danh", "other names";
    Nguoi "gioi_tinh" => "giới tính: nam, nữ", "sex: nam, nữ";
    Nguoi "ngay_sinh" => "ngày sinh", "date of birth";
    Nguoi "noi_sinh" => "nơi sinh", "place of birth";
    Nguoi "que_quan" => "quê quán", "home town";
    Nguoi "noi_o" => "nơi cư trú", "residence";
    Nguoi "dan_toc" => "dân tộc", "ethnic group";
    Nguoi "ton_giao" => "tôn giáo", "religion";
    Nguoi "nghe_nghiep" => "nghề nghiệp", "occupation";
    Nguoi "noi_lam_viec" => "nơi làm việc, học tập", "place of work or study";
    Nguoi "trinh_do" => "trình độ", "education";
    Nguoi "trinh_do.hoc_van" => "giáo dục phổ thông", "general education";
    Nguoi "trinh_do.chuyen_mon" => "chuyên môn, nghiệp vụ", "professional qualification";
    Nguoi "trinh_do.ly_luan_chinh_tri" => "lý luận chính trị", "political theory";
    Nguoi "trinh_do.ngoai_ngu" => "ngoại ngữ", "foreign languages";
    Nguoi "trinh_do.tin_hoc" => "tin học", "computing";
    Nguoi "chuc_vu" => "chức vụ hiện nay", "current positions";
    Nguoi "chuc_vu.dang" => "chức vụ trong Đảng", "position in the Party";
    Nguoi "chuc_vu.chinh_quyen" => "chức vụ chính quyền", "position in government or at work";
    Nguoi "chuc_vu.doan_the" => "chức vụ đoàn thể", "position in mass organisations";
    Nguoi "ngay_vao_dang" => "ngày vào Đảng (khi không ghi quyết định kết nạp)", "admission date (when the decision is not recorded)";
    Nguoi "ngay_chinh_thuc" => "ngày chính thức (khi không ghi quyết định công nhận)", "full-membership date (when the decision is not recorded)";
    Nguoi "giay_chung_nhan" => "giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng", "Party-awareness class certificate";
    Nguoi "giay_chung_nhan.ngay" => "ngày cấp giấy chứng nhận", "date of the certificate";
    Nguoi "giay_chung_nhan.noi_cap" => "nơi cấp", "issuer";
    Nguoi "don_xin_vao_dang" => "đơn xin vào Đảng (Mẫu 1-KNĐ)", "application (form 1-KNĐ)";
    Nguoi "don_xin_vao_dang.ngay" => "ngày làm đơn", "date of the application";
    Nguoi "don_xin_vao_dang.noi_dung" => "nhận thức và động cơ vào Đảng (cho bản nháp)", "motives, for the draft";
    Nguoi "nguoi_gioi_thieu" => "người giới thiệu (Mẫu 3-KNĐ)", "sponsors (form 3-KNĐ)";
    Nguoi "nguoi_gioi_thieu[].dang_vien" => "đảng viên giới thiệu (mã người)", "sponsoring member (person id)";
    Nguoi "nguoi_gioi_thieu[].ngay_phan_cong" => "ngày chi bộ phân công", "date the branch assigned the sponsor";
    Nguoi "nguoi_gioi_thieu[].cung_cong_tac_tu" => "cùng công tác, học tập, cư trú từ ngày", "together (work, study, residence) since";
    Nguoi "nguoi_gioi_thieu[].ngay_viet" => "ngày viết giấy giới thiệu", "date of the letter";
    Nguoi "nguoi_gioi_thieu[].ly_lich" => "về lý lịch: những đặc điểm chính", "background: main points";
    Nguoi "nguoi_gioi_thieu[].uu_diem" => "ưu điểm chính", "main strengths";
    Nguoi "nguoi_gioi_thieu[].khuyet_diem" => "khuyết điểm chính", "main weaknesses";
    Nguoi "nguoi_gioi_thieu[].thay_the" => "người giới thiệu thay thế (true/false)", "replacement sponsor (true/false)";
    Nguoi "hop_chi_bo" => "họp chi bộ xét đề nghị kết nạp (Mẫu 6-KNĐ)", "branch meeting on the admission (form 6-KNĐ)";
    Nguoi "hop_chi_bo.ngay" => "ngày họp", "date of the meeting";
    Nguoi "hop_chi_bo.dang_vien" => "số đảng viên của chi bộ", "members of the branch";
    Nguoi "hop_chi_bo.dang_vien.chinh_thuc" => "đảng viên chính thức", "official members";
    Nguoi "hop_chi_bo.dang_vien.du_bi" => "đảng viên dự bị", "probationary members";
    Nguoi "hop_chi_bo.co_mat" => "số có mặt", "members present";
    Nguoi "hop_chi_bo.co_mat.chinh_thuc" => "chính thức có mặt", "official members present";
    Nguoi "hop_chi_bo.co_mat.du_bi" => "dự bị có mặt", "probationary members present";
    Nguoi "hop_chi_bo.ly_do_vang" => "lý do vắng mặt", "reasons for absence";
    Nguoi "hop_chi_bo.khong_trieu_tap" => "đảng viên chính thức không triệu tập (sinh hoạt tạm thời nơi khác, miễn sinh hoạt vắng mặt)", "official members not convened";
    Nguoi "hop_chi_bo.chu_tri" => "chủ trì (mã người)", "chair (person id)";
    Nguoi "hop_chi_bo.thu_ky" => "thư ký (mã người)", "secretary of the meeting (person id)";
    Nguoi "hop_chi_bo.ly_lich" => "về lý lịch", "background";
    Nguoi "hop_chi_bo.uu_diem" => "ưu điểm", "strengths";
    Nguoi "hop_chi_bo.khuyet_diem" => "khuyết điểm", "weaknesses";
    Nguoi "hop_chi_bo.tan_thanh" => "số đảng viên chính thức tán thành", "official members in favour";
    Nguoi "hop_chi_bo.khong_tan_thanh" => "số không tán thành", "official members against";
    Nguoi "quyet_dinh_ket_nap" => "quyết định kết nạp (Mẫu 9-KNĐ)", "admission decision (form 9-KNĐ)";
    Nguoi "quyet_dinh_ket_nap.so" => "số quyết định", "number";
    Nguoi "quyet_dinh_ket_nap.ngay" => "ngày ký (ngày vào Đảng)", "date signed (admission date)";
    Nguoi "quyet_dinh_ket_nap.ngay_nhan" => "ngày chi bộ nhận", "date the branch received it";
    Nguoi "quyet_dinh_ket_nap.co_quan" => "cơ quan ra quyết định", "issuing committee";
    Nguoi "le_ket_nap" => "lễ kết nạp", "admission ceremony";
    Nguoi "le_ket_nap.ngay" => "ngày lễ kết nạp", "date of the ceremony";
    Nguoi "le_ket_nap.nguoi_giup_do" => "đảng viên được phân công giúp đỡ (mã người)", "assigned mentor (person id)";
    Nguoi "cong_nhan_chinh_thuc" => "quyết định công nhận đảng viên chính thức (Mẫu 16-KNĐ)", "decision on full membership (form 16-KNĐ)";
    Nguoi "cong_nhan_chinh_thuc.so" => "số quyết định", "number";
    Nguoi "cong_nhan_chinh_thuc.ngay" => "ngày ký", "date signed";
    Nguoi "cong_nhan_chinh_thuc.ngay_nhan" => "ngày chi bộ nhận", "date the branch received it";
    Nguoi "cong_nhan_chinh_thuc.co_quan" => "cơ quan ra quyết định", "issuing committee";
}

/// The documented key of a concrete path (`nguoi_gioi_thieu[1].ngay_viet` → `nguoi_gioi_thieu[].ngay_viet`).
pub fn find(file: FileKind, path: &str) -> Option<&'static Key> {
    let generic = generic_path(path);
    KEYS.iter().find(|k| k.file == file && k.path == generic)
}

/// `a[3].b` → `a[].b`.
pub fn generic_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// The known keys beside an unknown one: the children of its parent path.
pub fn siblings(file: FileKind, path: &str) -> impl Iterator<Item = &'static str> {
    let generic = generic_path(path);
    let parent = match generic.rfind('.') {
        Some(i) => generic[..i].to_string(),
        None => String::new(),
    };
    KEYS.iter()
        .filter(move |k| k.file == file)
        .filter_map(move |k| {
            let (p, last) = match k.path.rfind('.') {
                Some(i) => (&k.path[..i], &k.path[i + 1..]),
                None => ("", k.path),
            };
            (p == parent).then_some(last)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_paths_drop_indices() {
        assert_eq!(
            generic_path("nguoi_gioi_thieu[12].ngay_viet"),
            "nguoi_gioi_thieu[].ngay_viet"
        );
        assert!(find(FileKind::Nguoi, "nguoi_gioi_thieu[0].ly_lich").is_some());
    }

    #[test]
    fn siblings_are_the_keys_of_the_same_block() {
        let s: Vec<_> = siblings(FileKind::Nguoi, "hop_chi_bo.co_matt").collect();
        assert!(s.contains(&"co_mat") && s.contains(&"tan_thanh") && !s.contains(&"ho_ten"));
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;
    use crate::model::{Nguoi, ToChuc};

    /// Every key the types read is in the table, and nothing else: a record with every field
    /// filled, written back to YAML, gives exactly the table's paths.
    #[test]
    fn the_table_names_exactly_the_keys_the_types_read() {
        let nguoi: Nguoi = serde_yaml_ng::from_str(FULL_PERSON).unwrap();
        let to_chuc: ToChuc = serde_yaml_ng::from_str(FULL_ORG).unwrap();
        let mut found = Vec::new();
        paths(
            &serde_json::to_value(&nguoi).unwrap(),
            "",
            FileKind::Nguoi,
            &mut found,
        );
        paths(
            &serde_json::to_value(&to_chuc).unwrap(),
            "",
            FileKind::ToChuc,
            &mut found,
        );
        let table: Vec<(FileKind, String)> =
            KEYS.iter().map(|k| (k.file, k.path.to_string())).collect();
        for f in &found {
            assert!(table.contains(f), "key {f:?} is read but not documented");
        }
        for t in &table {
            assert!(found.contains(t), "key {t:?} is documented but not read");
        }
    }

    fn paths(
        v: &serde_json::Value,
        prefix: &str,
        kind: FileKind,
        out: &mut Vec<(FileKind, String)>,
    ) {
        if let Some(map) = v.as_object() {
            for (k, child) in map {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.push((kind, p.clone()));
                match child {
                    serde_json::Value::Array(items) => {
                        if let Some(first) = items.first() {
                            paths(first, &format!("{p}[]"), kind, out);
                        }
                    }
                    _ => paths(child, &p, kind, out),
                }
            }
        }
    }

    const FULL_ORG: &str = "dang_bo: a\ndang_uy: a\nchi_bo: a\nky_hieu: a\ndia_danh: a\nbi_thu: a\npho_bi_thu: a\nnhiem_ky: a\nle_trang: {tren: 1, duoi: 1, trai: 1, phai: 1}\nso_van_ban: [{so: 1, loai: NQ, ngay: 01/01/2026, mau: a, nguoi: a, trich_yeu: a}]\n";
    const FULL_PERSON: &str = "ho_ten: a\nten_khai_sinh: a\nbi_danh: a\ngioi_tinh: nam\nngay_sinh: 01/01/2000\nnoi_sinh: a\nque_quan: a\nnoi_o: a\ndan_toc: a\nton_giao: a\nnghe_nghiep: a\nnoi_lam_viec: a\ntrinh_do: {hoc_van: a, chuyen_mon: a, ly_luan_chinh_tri: a, ngoai_ngu: a, tin_hoc: a}\nchuc_vu: {dang: a, chinh_quyen: a, doan_the: a}\nngay_vao_dang: 01/01/2020\nngay_chinh_thuc: 01/01/2021\ngiay_chung_nhan: {ngay: 01/01/2020, noi_cap: a}\ndon_xin_vao_dang: {ngay: 01/01/2020, noi_dung: a}\nnguoi_gioi_thieu: [{dang_vien: a, ngay_phan_cong: 01/01/2020, cung_cong_tac_tu: 01/01/2020, ngay_viet: 01/01/2020, ly_lich: a, uu_diem: a, khuyet_diem: a, thay_the: true}]\nhop_chi_bo: {ngay: 01/01/2020, dang_vien: {chinh_thuc: 1, du_bi: 1}, co_mat: {chinh_thuc: 1, du_bi: 1}, ly_do_vang: a, khong_trieu_tap: 0, chu_tri: a, thu_ky: a, ly_lich: a, uu_diem: a, khuyet_diem: a, tan_thanh: 1, khong_tan_thanh: 0}\nquyet_dinh_ket_nap: {so: a, ngay: 01/01/2020, ngay_nhan: 01/01/2020, co_quan: a}\nle_ket_nap: {ngay: 01/01/2020, nguoi_giup_do: a}\ncong_nhan_chinh_thuc: {so: a, ngay: 01/01/2020, ngay_nhan: 01/01/2020, co_quan: a}\n";
}
