//! Every key of the workspace files, with its meaning in Vietnamese and English.
//!
//! This table is the reference: the key table of docs/reference.md is checked against it, "did you mean"
//! suggestions come from it, and a test checks that it names exactly the keys the types read.

/// Which file a key belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `to-chuc.yaml`.
    ToChuc,
    /// A person's file, in `dang-vien/` or `ket-nap/`.
    Nguoi,
    /// `bao-cao.yaml`, the figures and notes of bulletin articles.
    BaoCao,
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
    ToChuc "nhiem_ky_tu" => "ngày bắt đầu nhiệm kỳ hiện tại (số văn bản đánh lại từ 01)", "first day of the current term (numbers restart at 01)";
    ToChuc "cap_tren" => "tổ chức đảng cấp trên của đảng bộ (dòng trên tên đảng ủy)", "organisation above the đảng bộ (line above the committee's name)";
    ToChuc "co_chi_uy" => "chi bộ có chi ủy (mặc định có); `false`: bí thư lấy ý kiến và ký tổng hợp nhận xét", "the branch has a committee (default yes); `false`: the secretary collects and signs the comments";
    ToChuc "ky_hieu_dang_uy" => "ký hiệu văn bản của đảng ủy (mặc định ĐU)", "issuer abbreviation of the committee (default ĐU)";
    ToChuc "dang_uy_bo_phan" => "đảng ủy bộ phận (nếu có; Mẫu 7, 14-KNĐ)", "sub-committee, if any (forms 7, 14-KNĐ)";
    ToChuc "le_trang" => "lề trang (mm)", "page margins (mm)";
    ToChuc "le_trang.tren" => "lề trên", "top margin";
    ToChuc "le_trang.duoi" => "lề dưới", "bottom margin";
    ToChuc "le_trang.trai" => "lề trái", "left margin";
    ToChuc "le_trang.phai" => "lề phải", "right margin";
    ToChuc "so_van_ban" => "sổ đăng ký văn bản", "document register";
    ToChuc "so_van_ban[].so" => "số văn bản", "document number";
    ToChuc "so_van_ban[].loai" => "loại văn bản (NQ, BC, ...; NQ/ĐU cho văn bản của đảng ủy)", "document kind (NQ, BC, ...; NQ/ĐU for the committee's)";
    ToChuc "so_van_ban[].ngay" => "ngày văn bản", "document date";
    ToChuc "so_van_ban[].mau" => "mẫu (6-KNĐ, ...)", "form code (6-KNĐ, ...)";
    ToChuc "so_van_ban[].nguoi" => "người được nói đến (mã người)", "person concerned (person id)";
    ToChuc "so_van_ban[].trich_yeu" => "trích yếu", "summary";
    ToChuc "cac_chi_bo" => "các chi bộ trực thuộc (đảng bộ có nhiều chi bộ)", "the branches (a đảng bộ with several)";
    ToChuc "cac_chi_bo[].ma" => "mã chi bộ, ghi ở `chi_bo` của mỗi người", "branch id, written on each person's `chi_bo`";
    ToChuc "cac_chi_bo[].ten" => "tên chi bộ", "branch name";
    ToChuc "cac_chi_bo[].bi_thu" => "bí thư chi bộ (mã người)", "branch secretary (person id)";
    ToChuc "cac_chi_bo[].co_chi_uy" => "chi bộ có chi ủy (không ghi: như `co_chi_uy` của hồ sơ)", "the branch has a committee (absent: as the workspace's `co_chi_uy`)";
    ToChuc "cac_chi_bo[].thuoc" => "đảng bộ cơ sở của chi bộ (mã trong `cac_dang_bo_co_so`); không ghi: chi bộ cơ sở", "the branch's đảng bộ cơ sở (id in `cac_dang_bo_co_so`); absent: a chi bộ cơ sở";
    ToChuc "cac_dang_bo_co_so" => "các đảng bộ cơ sở (đảng bộ huyện, thành phố...)", "the đảng bộ cơ sở (of a district's or city's đảng bộ)";
    ToChuc "cac_dang_bo_co_so[].ma" => "mã đảng bộ cơ sở, ghi ở `thuoc` của chi bộ", "id, written on its branches' `thuoc`";
    ToChuc "cac_dang_bo_co_so[].ten" => "tên đảng bộ cơ sở", "its name";
    ToChuc "quy_tac_rieng" => "quy tắc riêng, chặt hơn quy định (xem `hoso rules`)", "own rules, stricter than the regulation (see `hoso rules`)";
    ToChuc "quy_tac_rieng[].ma" => "mã quy tắc (R13, ...)", "rule code (R13, ...)";
    ToChuc "quy_tac_rieng[].tham_so" => "tham số và giá trị riêng (`thang_hieu_luc: 48`)", "parameters and their own values (`thang_hieu_luc: 48`)";
    ToChuc "quy_tac_rieng[].muc_do" => "`loi` để cảnh báo thành lỗi", "`loi` to make a warning an error";
    ToChuc "quy_tac_rieng[].can_cu" => "căn cứ của quy tắc riêng", "source of the own rule";
    ToChuc "ngay_nghi_bu" => "ngày nghỉ thêm, nghỉ bù theo quyết định của Chính phủ", "extra days off granted by the government";
    ToChuc "ngay_lam_bu" => "ngày làm bù (thứ Bảy, Chủ nhật đi làm)", "weekend days worked in exchange";

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
    Nguoi "trinh_do.khoa_hoc_cong_nghe" => "khoa học công nghệ", "science and technology";
    Nguoi "trinh_do.hoc_vi" => "học vị cao nhất", "highest academic degree";
    Nguoi "trinh_do.hoc_ham" => "học hàm cao nhất", "highest academic title";
    Nguoi "trinh_do.tieng_dan_toc" => "tiếng dân tộc thiểu số", "ethnic-minority language";
    Nguoi "chuc_vu" => "chức vụ hiện nay", "current positions";
    Nguoi "chuc_vu.dang" => "chức vụ trong Đảng", "position in the Party";
    Nguoi "chuc_vu.chinh_quyen" => "chức vụ chính quyền", "position in government or at work";
    Nguoi "chuc_vu.doan_the" => "chức vụ đoàn thể", "position in mass organisations";
    Nguoi "ngay_vao_dang" => "ngày vào Đảng (khi không ghi quyết định kết nạp)", "admission date (when the decision is not recorded)";
    Nguoi "ngay_chinh_thuc" => "ngày chính thức (khi không ghi quyết định công nhận)", "full-membership date (when the decision is not recorded)";
    Nguoi "giay_chung_nhan" => "giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng", "Party-awareness class certificate";
    Nguoi "giay_chung_nhan.ngay" => "ngày cấp giấy chứng nhận", "date of the certificate";
    Nguoi "giay_chung_nhan.noi_cap" => "nơi cấp", "issuer";
    Nguoi "giay_chung_nhan_dang_vien_moi" => "giấy chứng nhận học lớp bồi dưỡng đảng viên mới", "new-member class certificate";
    Nguoi "giay_chung_nhan_dang_vien_moi.ngay" => "ngày cấp giấy chứng nhận", "date of the certificate";
    Nguoi "giay_chung_nhan_dang_vien_moi.noi_cap" => "nơi cấp", "issuer";
    Nguoi "ket_nap_lai" => "kết nạp lại: lần vào Đảng trước", "re-admission: the earlier membership";
    Nguoi "ket_nap_lai.ngay_vao_dang_lan_dau" => "ngày vào Đảng lần đầu", "first admission date";
    Nguoi "ket_nap_lai.ngay_chinh_thuc_lan_dau" => "ngày chính thức lần đầu", "first full-membership date";
    Nguoi "ket_nap_lai.noi_ket_nap_lan_dau" => "nơi kết nạp lần đầu", "where first admitted";
    Nguoi "ket_nap_lai.ngay_ra_khoi_dang" => "ngày ra khỏi Đảng", "date of leaving the Party";
    Nguoi "ket_nap_lai.ly_do" => "lý do ra khỏi Đảng", "why";
    Nguoi "ket_nap_lai.dong_y" => "văn bản đồng ý của ban thường vụ tỉnh ủy", "written consent of the provincial standing committee";
    Nguoi "ket_nap_lai.dong_y.so" => "số văn bản", "number";
    Nguoi "ket_nap_lai.dong_y.ngay" => "ngày văn bản", "date";
    Nguoi "ket_nap_lai.dong_y.co_quan" => "cơ quan", "issuer";
    Nguoi "don_xin_vao_dang" => "đơn xin vào Đảng (Mẫu 1-KNĐ)", "application (form 1-KNĐ)";
    Nguoi "don_xin_vao_dang.ngay" => "ngày làm đơn", "date of the application";
    Nguoi "don_xin_vao_dang.noi_dung" => "nhận thức và động cơ vào Đảng (cho bản nháp)", "motives, for the draft";
    Nguoi "ly_lich" => "lý lịch của người xin vào Đảng (Mẫu 2-KNĐ)", "personal history (form 2-KNĐ)";
    Nguoi "ly_lich.ngay_khai" => "ngày khai lý lịch", "date of the declaration";
    Nguoi "ly_lich.noi_dang_ky_khai_sinh" => "nơi đăng ký khai sinh", "where the birth was registered";
    Nguoi "ly_lich.noi_tam_tru" => "nơi tạm trú", "temporary residence";
    Nguoi "ly_lich.ngay_vao_doan" => "ngày vào Đoàn TNCS Hồ Chí Minh", "date of joining the Youth Union";
    Nguoi "ly_lich.noi_vao_doan" => "nơi vào Đoàn", "where";
    Nguoi "ly_lich.to_chuc_chinh_tri_xa_hoi" => "tham gia tổ chức chính trị – xã hội", "socio-political organisations";
    Nguoi "ly_lich.lich_su_ban_than" => "lịch sử bản thân", "own history";
    Nguoi "ly_lich.cong_tac" => "những công tác và chức vụ đã qua", "work and positions held";
    Nguoi "ly_lich.cong_tac[].tu" => "từ (tháng/năm)", "from (month/year)";
    Nguoi "ly_lich.cong_tac[].den" => "đến (bỏ trống: nay)", "to (empty: now)";
    Nguoi "ly_lich.cong_tac[].noi_dung" => "làm gì, ở đâu, chức vụ", "what, where, position";
    Nguoi "ly_lich.dac_diem_lich_su" => "đặc điểm lịch sử", "noteworthy history";
    Nguoi "ly_lich.dao_tao" => "những lớp đào tạo, bồi dưỡng đã qua", "training courses";
    Nguoi "ly_lich.dao_tao[].ten_truong" => "tên trường, lớp", "school or course";
    Nguoi "ly_lich.dao_tao[].nganh_hoc" => "ngành học", "subject";
    Nguoi "ly_lich.dao_tao[].tu" => "từ", "from";
    Nguoi "ly_lich.dao_tao[].den" => "đến", "to";
    Nguoi "ly_lich.dao_tao[].hinh_thuc" => "hình thức học", "mode of study";
    Nguoi "ly_lich.dao_tao[].van_bang" => "văn bằng, chứng chỉ", "degree or certificate";
    Nguoi "ly_lich.di_nuoc_ngoai" => "đi nước ngoài", "travel abroad";
    Nguoi "ly_lich.di_nuoc_ngoai[].tu" => "từ", "from";
    Nguoi "ly_lich.di_nuoc_ngoai[].den" => "đến", "to";
    Nguoi "ly_lich.di_nuoc_ngoai[].noi_dung" => "nội dung, nước", "purpose, country";
    Nguoi "ly_lich.khen_thuong" => "khen thưởng", "awards";
    Nguoi "ly_lich.khen_thuong[].thoi_gian" => "thời gian", "when";
    Nguoi "ly_lich.khen_thuong[].noi_dung" => "hình thức, cấp quyết định", "award and who granted it";
    Nguoi "ly_lich.ky_luat" => "kỷ luật", "disciplinary measures";
    Nguoi "ly_lich.ky_luat[].thoi_gian" => "thời gian", "when";
    Nguoi "ly_lich.ky_luat[].noi_dung" => "hình thức, lý do, cấp quyết định", "measure, reason, who decided";
    Nguoi "ly_lich.gia_dinh" => "hoàn cảnh gia đình", "family";
    Nguoi "ly_lich.gia_dinh[].quan_he" => "quan hệ (Bố đẻ, Mẹ đẻ, Vợ, Con, ...)", "relation";
    Nguoi "ly_lich.gia_dinh[].ho_ten" => "họ và tên", "full name";
    Nguoi "ly_lich.gia_dinh[].nam_sinh" => "năm sinh", "year of birth";
    Nguoi "ly_lich.gia_dinh[].nam_mat" => "năm mất (nếu đã mất)", "year of death, if deceased";
    Nguoi "ly_lich.gia_dinh[].que_quan" => "quê quán", "home town";
    Nguoi "ly_lich.gia_dinh[].noi_o" => "nơi ở", "residence";
    Nguoi "ly_lich.gia_dinh[].nghe_nghiep" => "nghề nghiệp", "occupation";
    Nguoi "ly_lich.gia_dinh[].lich_su" => "lịch sử, thái độ chính trị", "history and political attitude";
    Nguoi "ly_lich.gia_dinh[].dang_vien" => "là đảng viên (true/false)", "a Party member (true/false)";
    Nguoi "ly_lich.gia_dinh[].noi_sinh" => "nơi sinh (cha, mẹ, vợ hoặc chồng)", "place of birth (parents, spouse)";
    Nguoi "ly_lich.gia_dinh[].thanh_phan" => "thành phần giai cấp (cha, mẹ, vợ hoặc chồng)", "class background (parents, spouse)";
    Nguoi "ly_lich.gia_dinh[].quoc_tich" => "quốc tịch (anh chị em, con)", "nationality (siblings, children)";
    Nguoi "ly_lich.gia_dinh[].tien_an" => "tiền án, nếu có (anh chị em, con)", "criminal record, if any (siblings, children)";
    Nguoi "ly_lich.tu_nhan_xet" => "tự nhận xét", "self-assessment";
    Nguoi "ly_lich.nhan_xet_chi_uy" => "nhận xét của chi ủy", "branch committee's comments";
    Nguoi "ly_lich.nhan_xet_chi_uy.ngay" => "ngày", "date";
    Nguoi "ly_lich.nhan_xet_chi_uy.noi_dung" => "nội dung", "text";
    Nguoi "ly_lich.nhan_xet_chi_uy.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "ly_lich.chung_nhan_cap_uy" => "chứng nhận của cấp ủy cơ sở", "grassroots committee's certification";
    Nguoi "ly_lich.chung_nhan_cap_uy.ngay" => "ngày", "date";
    Nguoi "ly_lich.chung_nhan_cap_uy.noi_dung" => "nội dung", "text";
    Nguoi "ly_lich.chung_nhan_cap_uy.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "ly_lich.nhan_xet_tham_tra" => "nhận xét của cấp ủy, tổ chức đảng nơi đến thẩm tra lý lịch", "comments of the committee that verified the declaration";
    Nguoi "ly_lich.nhan_xet_tham_tra.ngay" => "ngày", "date";
    Nguoi "ly_lich.nhan_xet_tham_tra.noi_dung" => "nội dung", "text";
    Nguoi "ly_lich.nhan_xet_tham_tra.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "nguoi_gioi_thieu" => "người giới thiệu (Mẫu 3-KNĐ)", "sponsors (form 3-KNĐ)";
    Nguoi "nguoi_gioi_thieu[].dang_vien" => "đảng viên giới thiệu (mã người)", "sponsoring member (person id)";
    Nguoi "nguoi_gioi_thieu[].ngay_phan_cong" => "ngày chi bộ phân công", "date the branch assigned the sponsor";
    Nguoi "nguoi_gioi_thieu[].cung_cong_tac_tu" => "cùng công tác, học tập, cư trú từ ngày", "together (work, study, residence) since";
    Nguoi "nguoi_gioi_thieu[].ngay_viet" => "ngày viết giấy giới thiệu", "date of the letter";
    Nguoi "nguoi_gioi_thieu[].ly_lich" => "về lý lịch: những đặc điểm chính", "background: main points";
    Nguoi "nguoi_gioi_thieu[].uu_diem" => "ưu điểm chính", "main strengths";
    Nguoi "nguoi_gioi_thieu[].khuyet_diem" => "khuyết điểm chính", "main weaknesses";
    Nguoi "nguoi_gioi_thieu[].thay_the" => "người giới thiệu thay thế (true/false)", "replacement sponsor (true/false)";
    Nguoi "gioi_thieu_doan_the" => "nghị quyết giới thiệu của Đoàn, Công đoàn (Mẫu 4-KNĐ, 4A-KNĐ)", "Youth Union or Trade Union resolution (forms 4-KNĐ, 4A-KNĐ)";
    Nguoi "gioi_thieu_doan_the.loai" => "doan hoặc cong_doan", "doan or cong_doan";
    Nguoi "gioi_thieu_doan_the.tap_the" => "tập thể ra nghị quyết: ban_chap_hanh (mặc định), chi_doan (tập thể chi đoàn cơ sở), ban_thuong_vu (Ban Thường vụ Đoàn xã, phường)", "the resolving body: ban_chap_hanh (default), chi_doan (the grassroots chi đoàn), ban_thuong_vu (the standing committee of the commune or ward Youth Union)";
    Nguoi "gioi_thieu_doan_the.cap_tren" => "tổ chức cấp trên (dòng trên của tiêu đề)", "organisation above the issuer";
    Nguoi "gioi_thieu_doan_the.co_quan" => "tổ chức ra nghị quyết", "issuing organisation";
    Nguoi "gioi_thieu_doan_the.so" => "số nghị quyết", "number";
    Nguoi "gioi_thieu_doan_the.ngay" => "ngày họp, ngày nghị quyết", "date of meeting and resolution";
    Nguoi "gioi_thieu_doan_the.tong_so" => "tổng số ủy viên ban chấp hành", "members of the executive committee";
    Nguoi "gioi_thieu_doan_the.co_mat" => "số có mặt", "present";
    Nguoi "gioi_thieu_doan_the.tan_thanh" => "số tán thành", "in favour";
    Nguoi "gioi_thieu_doan_the.khong_tan_thanh" => "số không tán thành", "against";
    Nguoi "gioi_thieu_doan_the.uu_diem" => "ưu điểm", "strengths";
    Nguoi "gioi_thieu_doan_the.khuyet_diem" => "khuyết điểm", "weaknesses";
    Nguoi "gioi_thieu_doan_the.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "gioi_thieu_doan_the.chuc_vu_ky" => "chức vụ người ký", "signer's position";
    Nguoi "tong_hop_nhan_xet" => "tổng hợp ý kiến nhận xét (Mẫu 5-KNĐ)", "summary of comments (form 5-KNĐ)";
    Nguoi "tong_hop_nhan_xet.ngay" => "ngày tổng hợp", "date of the summary";
    Nguoi "tong_hop_nhan_xet.doan_the" => "ý kiến của các đoàn thể nơi làm việc, sinh hoạt", "comments of mass organisations";
    Nguoi "tong_hop_nhan_xet.doan_the[].to_chuc" => "tên tổ chức", "organisation";
    Nguoi "tong_hop_nhan_xet.doan_the[].ngay" => "ngày họp, lấy ý kiến", "date";
    Nguoi "tong_hop_nhan_xet.doan_the[].so_nguoi" => "số người được hỏi ý kiến", "people consulted";
    Nguoi "tong_hop_nhan_xet.doan_the[].tan_thanh" => "số tán thành", "in favour";
    Nguoi "tong_hop_nhan_xet.doan_the[].uu_diem" => "ưu điểm", "strengths";
    Nguoi "tong_hop_nhan_xet.doan_the[].khuyet_diem" => "khuyết điểm", "weaknesses";
    Nguoi "tong_hop_nhan_xet.noi_cu_tru" => "ý kiến của chi ủy nơi cư trú", "comments of the residence branch committee";
    Nguoi "tong_hop_nhan_xet.noi_cu_tru.to_chuc" => "tên chi ủy, chi bộ", "committee";
    Nguoi "tong_hop_nhan_xet.noi_cu_tru.ngay" => "ngày", "date";
    Nguoi "tong_hop_nhan_xet.noi_cu_tru.so_nguoi" => "số người được hỏi ý kiến", "people consulted";
    Nguoi "tong_hop_nhan_xet.noi_cu_tru.tan_thanh" => "số tán thành", "in favour";
    Nguoi "tong_hop_nhan_xet.noi_cu_tru.uu_diem" => "ưu điểm", "strengths";
    Nguoi "tong_hop_nhan_xet.noi_cu_tru.khuyet_diem" => "khuyết điểm", "weaknesses";
    Nguoi "tong_hop_nhan_xet.ket_luan" => "nhận xét, kết luận của chi ủy", "the branch committee's conclusion";
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
    Nguoi "tham_dinh" => "báo cáo thẩm định của đảng ủy bộ phận (Mẫu 7-KNĐ)", "sub-committee appraisal (form 7-KNĐ)";
    Nguoi "tham_dinh.co_quan" => "đảng ủy bộ phận (mặc định `dang_uy_bo_phan`)", "sub-committee (default `dang_uy_bo_phan`)";
    Nguoi "tham_dinh.so" => "số báo cáo", "number";
    Nguoi "tham_dinh.ngay" => "ngày báo cáo", "date";
    Nguoi "tham_dinh.noi_dung" => "kết quả thẩm định", "findings";
    Nguoi "tham_dinh.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "nghi_quyet_dang_uy" => "nghị quyết đề nghị kết nạp của đảng ủy cơ sở (Mẫu 8-KNĐ)", "grassroots committee resolution (form 8-KNĐ)";
    Nguoi "nghi_quyet_dang_uy.so" => "số nghị quyết", "number";
    Nguoi "nghi_quyet_dang_uy.ngay" => "ngày họp, ngày nghị quyết", "date";
    Nguoi "nghi_quyet_dang_uy.co_quan" => "đảng ủy (mặc định `dang_uy`)", "committee (default `dang_uy`)";
    Nguoi "nghi_quyet_dang_uy.cap_tren" => "tổ chức cấp trên (mặc định `cap_tren`)", "organisation above (default `cap_tren`)";
    Nguoi "nghi_quyet_dang_uy.uy_vien" => "tổng số đảng ủy viên", "committee members";
    Nguoi "nghi_quyet_dang_uy.co_mat" => "số có mặt", "present";
    Nguoi "nghi_quyet_dang_uy.tan_thanh" => "số tán thành", "in favour";
    Nguoi "nghi_quyet_dang_uy.khong_tan_thanh" => "số không tán thành", "against";
    Nguoi "nghi_quyet_dang_uy.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "quyet_dinh_ket_nap" => "quyết định kết nạp (Mẫu 9-KNĐ)", "admission decision (form 9-KNĐ)";
    Nguoi "quyet_dinh_ket_nap.so" => "số quyết định", "number";
    Nguoi "quyet_dinh_ket_nap.ngay" => "ngày ký (ngày vào Đảng)", "date signed (admission date)";
    Nguoi "quyet_dinh_ket_nap.ngay_nhan" => "ngày chi bộ nhận", "date the branch received it";
    Nguoi "quyet_dinh_ket_nap.co_quan" => "cấp ủy ra quyết định (mặc định `dang_uy`)", "issuing committee (default `dang_uy`)";
    Nguoi "quyet_dinh_ket_nap.cap_tren" => "tổ chức cấp trên (mặc định `cap_tren`)", "organisation above (default `cap_tren`)";
    Nguoi "quyet_dinh_ket_nap.tap_the" => "tập thể quyết định (mặc định Ban Thường vụ)", "deciding body (default Ban Thường vụ)";
    Nguoi "quyet_dinh_ket_nap.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "quyet_dinh_ket_nap.chuc_vu_ky" => "chức vụ người ký (Bí thư, Phó Bí thư)", "signer's position";
    Nguoi "quyet_dinh_ket_nap.nhieu_nguoi" => "một quyết định cho nhiều người (true; mặc định mỗi người một quyết định)", "one decision naming several people (true; by default one each)";
    Nguoi "quyet_dinh_ket_nap.gia_han" => "gia hạn thời hạn xem xét, quyết định (R31)", "extension of the time limit to decide (R31)";
    Nguoi "quyet_dinh_ket_nap.gia_han.ly_do" => "lý do gia hạn (bắt buộc để được tính)", "reason for the extension (needed for it to count)";
    Nguoi "quyet_dinh_ket_nap.gia_han.so_ngay" => "số ngày làm việc gia hạn (mặc định: tối đa)", "working days added (default: the most allowed)";
    Nguoi "le_ket_nap" => "lễ kết nạp", "admission ceremony";
    Nguoi "le_ket_nap.ngay" => "ngày lễ kết nạp", "date of the ceremony";
    Nguoi "le_ket_nap.gio" => "giờ bắt đầu", "starting time";
    Nguoi "le_ket_nap.dia_diem" => "địa điểm", "place";
    Nguoi "le_ket_nap.dai_bieu_cap_tren" => "đại biểu cấp ủy cấp trên phát biểu (nếu có)", "representative of the committee above, if any";
    Nguoi "le_ket_nap.nguoi_giup_do" => "đảng viên được phân công giúp đỡ (mã người)", "assigned mentor (person id)";
    Nguoi "tu_kiem_diem" => "bản tự kiểm điểm của đảng viên dự bị (Mẫu 10-KNĐ)", "probationary member's self-review (form 10-KNĐ)";
    Nguoi "tu_kiem_diem.ngay" => "ngày viết", "date";
    Nguoi "tu_kiem_diem.uu_diem" => "ưu điểm", "strengths";
    Nguoi "tu_kiem_diem.khuyet_diem" => "khuyết điểm", "weaknesses";
    Nguoi "tu_kiem_diem.huong_khac_phuc" => "hướng khắc phục", "how to correct them";
    Nguoi "tu_kiem_diem.nhan_xet_chi_uy" => "nhận xét của chi ủy", "branch committee's comments";
    Nguoi "tu_kiem_diem.nhan_xet_chi_uy.ngay" => "ngày", "date";
    Nguoi "tu_kiem_diem.nhan_xet_chi_uy.noi_dung" => "nội dung", "text";
    Nguoi "tu_kiem_diem.nhan_xet_chi_uy.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "nhan_xet_giup_do" => "bản nhận xét của đảng viên giúp đỡ (Mẫu 11-KNĐ)", "mentor's assessment (form 11-KNĐ)";
    Nguoi "nhan_xet_giup_do.ngay" => "ngày viết", "date";
    Nguoi "nhan_xet_giup_do.uu_diem" => "ưu điểm", "strengths";
    Nguoi "nhan_xet_giup_do.khuyet_diem" => "khuyết điểm", "weaknesses";
    Nguoi "nhan_xet_giup_do.de_nghi" => "đề nghị", "recommendation";
    Nguoi "tong_hop_nhan_xet_du_bi" => "tổng hợp ý kiến nhận xét đảng viên dự bị (Mẫu 12-KNĐ)", "summary of comments on the probationary member (form 12-KNĐ)";
    Nguoi "tong_hop_nhan_xet_du_bi.ngay" => "ngày tổng hợp", "date of the summary";
    Nguoi "tong_hop_nhan_xet_du_bi.doan_the" => "ý kiến của các đoàn thể nơi làm việc, sinh hoạt", "comments of mass organisations";
    Nguoi "tong_hop_nhan_xet_du_bi.doan_the[].to_chuc" => "tên tổ chức", "organisation";
    Nguoi "tong_hop_nhan_xet_du_bi.doan_the[].ngay" => "ngày họp, lấy ý kiến", "date";
    Nguoi "tong_hop_nhan_xet_du_bi.doan_the[].so_nguoi" => "số người được hỏi ý kiến", "people consulted";
    Nguoi "tong_hop_nhan_xet_du_bi.doan_the[].tan_thanh" => "số tán thành", "in favour";
    Nguoi "tong_hop_nhan_xet_du_bi.doan_the[].uu_diem" => "ưu điểm", "strengths";
    Nguoi "tong_hop_nhan_xet_du_bi.doan_the[].khuyet_diem" => "khuyết điểm", "weaknesses";
    Nguoi "tong_hop_nhan_xet_du_bi.noi_cu_tru" => "ý kiến của chi ủy nơi cư trú", "comments of the residence branch committee";
    Nguoi "tong_hop_nhan_xet_du_bi.noi_cu_tru.to_chuc" => "tên chi ủy, chi bộ", "committee";
    Nguoi "tong_hop_nhan_xet_du_bi.noi_cu_tru.ngay" => "ngày", "date";
    Nguoi "tong_hop_nhan_xet_du_bi.noi_cu_tru.so_nguoi" => "số người được hỏi ý kiến", "people consulted";
    Nguoi "tong_hop_nhan_xet_du_bi.noi_cu_tru.tan_thanh" => "số tán thành", "in favour";
    Nguoi "tong_hop_nhan_xet_du_bi.noi_cu_tru.uu_diem" => "ưu điểm", "strengths";
    Nguoi "tong_hop_nhan_xet_du_bi.noi_cu_tru.khuyet_diem" => "khuyết điểm", "weaknesses";
    Nguoi "tong_hop_nhan_xet_du_bi.ket_luan" => "nhận xét, kết luận của chi ủy", "the branch committee's conclusion";
    Nguoi "hop_xet_chinh_thuc" => "họp chi bộ xét công nhận đảng viên chính thức (Mẫu 13-KNĐ)", "branch meeting on full membership (form 13-KNĐ)";
    Nguoi "hop_xet_chinh_thuc.ngay" => "ngày họp", "date of the meeting";
    Nguoi "hop_xet_chinh_thuc.dang_vien" => "số đảng viên của chi bộ", "members of the branch";
    Nguoi "hop_xet_chinh_thuc.dang_vien.chinh_thuc" => "đảng viên chính thức", "official members";
    Nguoi "hop_xet_chinh_thuc.dang_vien.du_bi" => "đảng viên dự bị", "probationary members";
    Nguoi "hop_xet_chinh_thuc.co_mat" => "số có mặt", "members present";
    Nguoi "hop_xet_chinh_thuc.co_mat.chinh_thuc" => "chính thức có mặt", "official members present";
    Nguoi "hop_xet_chinh_thuc.co_mat.du_bi" => "dự bị có mặt", "probationary members present";
    Nguoi "hop_xet_chinh_thuc.ly_do_vang" => "lý do vắng mặt", "reasons for absence";
    Nguoi "hop_xet_chinh_thuc.khong_trieu_tap" => "đảng viên chính thức không triệu tập (sinh hoạt tạm thời nơi khác, miễn sinh hoạt vắng mặt)", "official members not convened";
    Nguoi "hop_xet_chinh_thuc.chu_tri" => "chủ trì (mã người)", "chair (person id)";
    Nguoi "hop_xet_chinh_thuc.thu_ky" => "thư ký (mã người)", "secretary of the meeting (person id)";
    Nguoi "hop_xet_chinh_thuc.ly_lich" => "về lý lịch", "background";
    Nguoi "hop_xet_chinh_thuc.uu_diem" => "ưu điểm", "strengths";
    Nguoi "hop_xet_chinh_thuc.khuyet_diem" => "khuyết điểm", "weaknesses";
    Nguoi "hop_xet_chinh_thuc.tan_thanh" => "số đảng viên chính thức tán thành", "official members in favour";
    Nguoi "hop_xet_chinh_thuc.khong_tan_thanh" => "số không tán thành", "official members against";
    Nguoi "tham_dinh_chinh_thuc" => "báo cáo thẩm định công nhận chính thức (Mẫu 14-KNĐ)", "sub-committee appraisal on full membership (form 14-KNĐ)";
    Nguoi "tham_dinh_chinh_thuc.co_quan" => "đảng ủy bộ phận (mặc định `dang_uy_bo_phan`)", "sub-committee (default `dang_uy_bo_phan`)";
    Nguoi "tham_dinh_chinh_thuc.so" => "số báo cáo", "number";
    Nguoi "tham_dinh_chinh_thuc.ngay" => "ngày báo cáo", "date";
    Nguoi "tham_dinh_chinh_thuc.noi_dung" => "kết quả thẩm định", "findings";
    Nguoi "tham_dinh_chinh_thuc.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc" => "nghị quyết đề nghị công nhận chính thức của đảng ủy cơ sở (Mẫu 15-KNĐ)", "grassroots committee resolution on full membership (form 15-KNĐ)";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc.so" => "số nghị quyết", "number";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc.ngay" => "ngày họp, ngày nghị quyết", "date";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc.co_quan" => "đảng ủy (mặc định `dang_uy`)", "committee (default `dang_uy`)";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc.cap_tren" => "tổ chức cấp trên (mặc định `cap_tren`)", "organisation above (default `cap_tren`)";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc.uy_vien" => "tổng số đảng ủy viên", "committee members";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc.co_mat" => "số có mặt", "present";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc.tan_thanh" => "số tán thành", "in favour";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc.khong_tan_thanh" => "số không tán thành", "against";
    Nguoi "nghi_quyet_dang_uy_chinh_thuc.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "cong_nhan_chinh_thuc" => "quyết định công nhận đảng viên chính thức (Mẫu 16-KNĐ)", "decision on full membership (form 16-KNĐ)";
    Nguoi "cong_nhan_chinh_thuc.so" => "số quyết định", "number";
    Nguoi "cong_nhan_chinh_thuc.ngay" => "ngày ký", "date signed";
    Nguoi "cong_nhan_chinh_thuc.ngay_nhan" => "ngày chi bộ nhận", "date the branch received it";
    Nguoi "cong_nhan_chinh_thuc.co_quan" => "cấp ủy ra quyết định (mặc định `dang_uy`)", "issuing committee (default `dang_uy`)";
    Nguoi "cong_nhan_chinh_thuc.cap_tren" => "tổ chức cấp trên (mặc định `cap_tren`)", "organisation above (default `cap_tren`)";
    Nguoi "cong_nhan_chinh_thuc.tap_the" => "tập thể quyết định (mặc định Ban Thường vụ)", "deciding body (default Ban Thường vụ)";
    Nguoi "cong_nhan_chinh_thuc.nguoi_ky" => "người ký (họ tên)", "signer (name)";
    Nguoi "cong_nhan_chinh_thuc.chuc_vu_ky" => "chức vụ người ký (Bí thư, Phó Bí thư)", "signer's position";
    Nguoi "cong_nhan_chinh_thuc.nhieu_nguoi" => "một quyết định cho nhiều người (true; mặc định mỗi người một quyết định)", "one decision naming several people (true; by default one each)";
    Nguoi "cong_nhan_chinh_thuc.gia_han" => "gia hạn thời hạn xem xét, quyết định (R31)", "extension of the time limit to decide (R31)";
    Nguoi "cong_nhan_chinh_thuc.gia_han.ly_do" => "lý do gia hạn (bắt buộc để được tính)", "reason for the extension (needed for it to count)";
    Nguoi "cong_nhan_chinh_thuc.gia_han.so_ngay" => "số ngày làm việc gia hạn (mặc định: tối đa)", "working days added (default: the most allowed)";
    Nguoi "chi_bo" => "chi bộ sinh hoạt (mã trong `cac_chi_bo`; mặc định: chi bộ của hồ sơ)", "branch (id in `cac_chi_bo`; default: the workspace's branch)";
    Nguoi "ra_khoi_dang" => "ra khỏi danh sách đảng viên (chuyển đi, từ trần, xóa tên...)", "left the organisation's books (moved, died, struck off...)";
    Nguoi "ra_khoi_dang.ngay" => "từ ngày", "from the day";
    Nguoi "ra_khoi_dang.ly_do" => "lý do", "why";
    Nguoi "chuyen_den" => "chuyển sinh hoạt đảng đến (đảng viên từ nơi khác)", "transferred in from another organisation";
    Nguoi "chuyen_den.ngay" => "ngày chuyển đến (tính là đảng viên ở đây từ ngày này)", "date (counted here from that day)";
    Nguoi "chuyen_den.tu" => "chuyển từ tổ chức đảng nào", "where from";
    Nguoi "ton_giao_du_dieu_kien" => "người theo tôn giáo: chi bộ đã xem xét đủ điều kiện theo Quy định 06-QĐ/TW (`true`)", "follows a religion: the branch has checked the conditions of Regulation 06-QĐ/TW (`true`)";
    Nguoi "dong_y_tren_60" => "văn bản đồng ý kết nạp người trên 60 tuổi", "written consent to admit someone over 60";
    Nguoi "dong_y_tren_60.so" => "số văn bản", "number";
    Nguoi "dong_y_tren_60.ngay" => "ngày văn bản", "date";
    Nguoi "dong_y_tren_60.co_quan" => "cơ quan", "issuer";
    Nguoi "ngoai_le_hoc_van" => "trường hợp đặc biệt về học vấn", "education exception";
    Nguoi "ngoai_le_hoc_van.loai" => "vung_kho_khan hoặc uy_tin", "vung_kho_khan or uy_tin";
    Nguoi "ngoai_le_hoc_van.dong_y" => "văn bản đồng ý (với uy_tin)", "written consent (for uy_tin)";
    Nguoi "ngoai_le_hoc_van.dong_y.so" => "số văn bản", "number";
    Nguoi "ngoai_le_hoc_van.dong_y.ngay" => "ngày văn bản", "date";
    Nguoi "ngoai_le_hoc_van.dong_y.co_quan" => "cơ quan", "issuer";
    Nguoi "ly_lich_dang_vien" => "lý lịch đảng viên (khai sau lễ kết nạp)", "member's personal history (after the ceremony)";
    Nguoi "ly_lich_dang_vien.ngay" => "ngày khai", "date declared";
    Nguoi "le_ket_nap.dong_y_cap_tren" => "văn bản cấp trên đồng ý tổ chức lễ quá hạn", "consent of the committee above to a late ceremony";
    Nguoi "le_ket_nap.dong_y_cap_tren.so" => "số văn bản", "number";
    Nguoi "le_ket_nap.dong_y_cap_tren.ngay" => "ngày văn bản", "date";
    Nguoi "le_ket_nap.dong_y_cap_tren.co_quan" => "cơ quan", "issuer";
    Nguoi "ket_nap_lai.hinh_thuc" => "hình thức ra khỏi Đảng (xin_ra_khoi_dang, tu_bo_sinh_hoat, ...)", "how the person left (xin_ra_khoi_dang, tu_bo_sinh_hoat, ...)";
    Nguoi "ket_nap_lai.ngay_xoa_an_tich" => "ngày được xóa án tích (nếu bị kết án)", "date a conviction was cleared";

    BaoCao "gioi_thieu" => "giới thiệu tổ chức (thành lập, số chi bộ...) cho bài viết", "the organisation's context, for articles";
    BaoCao "nhiem_ky" => "các nhiệm kỳ và chỉ tiêu kết nạp", "terms and their targets";
    BaoCao "nhiem_ky[].tu" => "ngày bắt đầu nhiệm kỳ", "first day of the term";
    BaoCao "nhiem_ky[].den" => "ngày kết thúc nhiệm kỳ", "last day of the term";
    BaoCao "nhiem_ky[].chi_tieu" => "chỉ tiêu kết nạp đảng viên mới cả nhiệm kỳ", "target of new members for the term";
    BaoCao "chi_tieu_nam" => "chỉ tiêu kết nạp hằng năm", "yearly targets";
    BaoCao "chi_tieu_nam[].nam" => "năm", "year";
    BaoCao "chi_tieu_nam[].chi_tieu" => "số đảng viên mới cần kết nạp trong năm", "new members to admit that year";
    BaoCao "chi_tieu_nam[].chi_bo" => "chi bộ được giao (mã); không ghi: toàn tổ chức", "branch given the target (id); absent: the whole organisation";
    BaoCao "so_lieu" => "số liệu nêu (không tính được từ hồ sơ)", "stated figures (not computable from the records)";
    BaoCao "so_lieu[].ma" => "mã số liệu; trùng mã số liệu tính toán thì thay số đó", "figure id; a computed figure's id replaces it";
    BaoCao "so_lieu[].nhan" => "tên số liệu", "what it counts";
    BaoCao "so_lieu[].gia_tri" => "giá trị", "value";
    BaoCao "so_lieu[].don_vi" => "đơn vị (%, đảng viên...)", "unit (%, members...)";
    BaoCao "so_lieu[].nguon" => "nguồn số liệu", "source";
    BaoCao "so_lieu[].tu" => "áp dụng cho kỳ từ ngày", "for the period starting";
    BaoCao "so_lieu[].den" => "đến ngày", "and ending";
    BaoCao "so_lieu[].cua" => "của đơn vị nào (mã chi bộ, đảng bộ cơ sở); không ghi: toàn tổ chức", "the unit it is about (id); absent: the whole organisation";
    BaoCao "so_lieu[].cau" => "câu nêu số liệu, `{}` là chỗ đặt giá trị", "the sentence stating it, `{}` where the value goes";
    BaoCao "bien_phap" => "biện pháp, cách làm (mỗi dòng một ý)", "methods (one per item)";
    BaoCao "noi_bat" => "điểm nổi bật, điển hình", "highlights, model branches";
    BaoCao "kho_khan" => "khó khăn, hạn chế", "difficulties";
    BaoCao "phuong_huong" => "phương hướng thời gian tới", "next steps";
    BaoCao "trich_dan" => "lời của người được trích dẫn (một hoặc danh sách)", "words of the people quoted (one or a list)";
    BaoCao "trich_dan[].loi" => "lời trích dẫn", "the words";
    BaoCao "trich_dan[].nguoi" => "người nói", "who said them";
    BaoCao "trich_dan[].chuc_vu" => "chức vụ", "their position";
    BaoCao "trich_dan[].cach_noi" => "lời dẫn (mặc định: cho biết)", "how the words are introduced (default: cho biết)";
    BaoCao "tac_gia" => "tác giả bài viết", "author of the article";
    BaoCao "cac_don_vi" => "ghi chép của từng đơn vị, cho bài viết về riêng đơn vị đó (`--branch`)", "notes of one unit, for an article about it alone (`--branch`)";
    BaoCao "cac_don_vi[].ma" => "mã chi bộ hoặc đảng bộ cơ sở", "id of the chi bộ or đảng bộ cơ sở";
    BaoCao "cac_don_vi[].gioi_thieu" => "giới thiệu đơn vị", "its context";
    BaoCao "cac_don_vi[].bien_phap" => "biện pháp", "methods";
    BaoCao "cac_don_vi[].noi_bat" => "điểm nổi bật", "highlights";
    BaoCao "cac_don_vi[].kho_khan" => "khó khăn", "difficulties";
    BaoCao "cac_don_vi[].phuong_huong" => "phương hướng", "next steps";
    BaoCao "cac_don_vi[].trich_dan" => "lời được trích dẫn", "words quoted";
    BaoCao "cac_don_vi[].trich_dan[].loi" => "lời trích dẫn", "the words";
    BaoCao "cac_don_vi[].trich_dan[].nguoi" => "người nói", "who said them";
    BaoCao "cac_don_vi[].trich_dan[].chuc_vu" => "chức vụ", "their position";
    BaoCao "cac_don_vi[].trich_dan[].cach_noi" => "lời dẫn", "how introduced";
}

impl Key {
    /// Whether the key's value names a person by their id (a sponsor, a chair, the secretary):
    /// what follows a person's new id when they are renamed.
    pub fn names_a_person(&self) -> bool {
        self.vi.contains("(mã người)")
    }
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
    use crate::model::{BaoCao, Nguoi, ToChuc};

    /// Every key the types read is in the table, and nothing else: a record with every field
    /// filled, written back to YAML, gives exactly the table's paths.
    #[test]
    fn the_table_names_exactly_the_keys_the_types_read() {
        let nguoi: Nguoi = crate::model::from_yaml(FULL_PERSON).unwrap();
        let to_chuc: ToChuc = crate::model::from_yaml(FULL_ORG).unwrap();
        let bao_cao: BaoCao = crate::model::from_yaml(FULL_REPORT).unwrap();
        let mut found = Vec::new();
        paths(
            &serde_json::to_value(&bao_cao).unwrap(),
            "",
            FileKind::BaoCao,
            &mut found,
        );
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

    const FULL_ORG: &str = "dang_bo: a\ndang_uy: a\nchi_bo: a\nky_hieu: a\ndia_danh: a\nbi_thu: a\npho_bi_thu: a\nnhiem_ky: a\nnhiem_ky_tu: 01/01/2025\ncap_tren: a\nky_hieu_dang_uy: a\nco_chi_uy: false\ndang_uy_bo_phan: a\nle_trang: {tren: 1, duoi: 1, trai: 1, phai: 1}\nso_van_ban: [{so: 1, loai: NQ, ngay: 01/01/2026, mau: a, nguoi: a, trich_yeu: a}]\ncac_chi_bo: [{ma: a, ten: a, bi_thu: a, thuoc: a, co_chi_uy: true}]\ncac_dang_bo_co_so: [{ma: a, ten: a}]\nquy_tac_rieng: [{ma: R13, tham_so: {}, muc_do: loi, can_cu: a}]\nngay_nghi_bu: [01/01/2026]\nngay_lam_bu: [01/01/2026]\n";
    const FULL_REPORT: &str = "gioi_thieu: a\nnhiem_ky: [{tu: 01/01/2020, den: 31/12/2024, chi_tieu: 1}]\nchi_tieu_nam: [{nam: 2021, chi_tieu: 1, chi_bo: a}]\nso_lieu: [{ma: a, nhan: a, gia_tri: 1, don_vi: a, nguon: a, tu: 01/01/2020, den: 01/01/2020, cua: a, cau: a}]\nbien_phap: [a]\nnoi_bat: [a]\nkho_khan: [a]\nphuong_huong: [a]\ntrich_dan: {loi: a, nguoi: a, chuc_vu: a, cach_noi: a}\ntac_gia: a\ncac_don_vi: [{ma: a, gioi_thieu: a, bien_phap: [a], noi_bat: [a], kho_khan: [a], phuong_huong: [a], trich_dan: [{loi: a, nguoi: a, chuc_vu: a, cach_noi: a}]}]\n";
    const FULL_PERSON: &str = "ho_ten: a\nten_khai_sinh: a\nbi_danh: a\ngioi_tinh: nam\nngay_sinh: 01/01/2000\nnoi_sinh: a\nque_quan: a\nnoi_o: a\ndan_toc: a\nton_giao: a\nnghe_nghiep: a\nnoi_lam_viec: a\ntrinh_do: {hoc_van: a, chuyen_mon: a, ly_luan_chinh_tri: a, ngoai_ngu: a, tin_hoc: a}\nchuc_vu: {dang: a, chinh_quyen: a, doan_the: a}\nngay_vao_dang: 01/01/2020\nngay_chinh_thuc: 01/01/2021\ngiay_chung_nhan: {ngay: 01/01/2020, noi_cap: a}\ndon_xin_vao_dang: {ngay: 01/01/2020, noi_dung: a}\nnguoi_gioi_thieu: [{dang_vien: a, ngay_phan_cong: 01/01/2020, cung_cong_tac_tu: 01/01/2020, ngay_viet: 01/01/2020, ly_lich: a, uu_diem: a, khuyet_diem: a, thay_the: true}]\nhop_chi_bo: {ngay: 01/01/2020, dang_vien: {chinh_thuc: 1, du_bi: 1}, co_mat: {chinh_thuc: 1, du_bi: 1}, ly_do_vang: a, khong_trieu_tap: 0, chu_tri: a, thu_ky: a, ly_lich: a, uu_diem: a, khuyet_diem: a, tan_thanh: 1, khong_tan_thanh: 0}\nquyet_dinh_ket_nap: {so: a, ngay: 01/01/2020, ngay_nhan: 01/01/2020, co_quan: a, cap_tren: a, tap_the: a, nguoi_ky: a, chuc_vu_ky: a, gia_han: {ly_do: a, so_ngay: 1}}\nle_ket_nap: {ngay: 01/01/2020, gio: a, dia_diem: a, nguoi_giup_do: a, dai_bieu_cap_tren: a, dong_y_cap_tren: {so: a, ngay: 01/01/2020, co_quan: a}}\ncong_nhan_chinh_thuc: {so: a, ngay: 01/01/2020, ngay_nhan: 01/01/2020, co_quan: a, cap_tren: a, tap_the: a, nguoi_ky: a, chuc_vu_ky: a, gia_han: {ly_do: a, so_ngay: 1}}\nket_nap_lai: {ngay_vao_dang_lan_dau: 01/01/2000, ngay_chinh_thuc_lan_dau: 01/01/2001, noi_ket_nap_lan_dau: a, ngay_ra_khoi_dang: 01/01/2010, ly_do: a, dong_y: {so: a, ngay: 01/01/2019, co_quan: a}, hinh_thuc: khac, ngay_xoa_an_tich: 01/01/2012}\nly_lich: {ngay_khai: 01/01/2020, noi_tam_tru: a, ngay_vao_doan: 01/01/2015, noi_vao_doan: a, to_chuc_chinh_tri_xa_hoi: a, lich_su_ban_than: a, cong_tac: [{tu: 2018, den: 09/2019, noi_dung: a}], dac_diem_lich_su: a, dao_tao: [{ten_truong: a, nganh_hoc: a, tu: 2014, den: 2018, hinh_thuc: a, van_bang: a}], di_nuoc_ngoai: [{tu: 2019, den: 2019, noi_dung: a}], khen_thuong: [{thoi_gian: 2019, noi_dung: a}], ky_luat: [{thoi_gian: 2019, noi_dung: a}], gia_dinh: [{quan_he: a, ho_ten: a, nam_sinh: 1960, nam_mat: 2020, que_quan: a, noi_o: a, nghe_nghiep: a, lich_su: a, dang_vien: true}], tu_nhan_xet: a, nhan_xet_chi_uy: {ngay: 01/01/2020, noi_dung: a, nguoi_ky: a}, chung_nhan_cap_uy: {ngay: 01/01/2020, noi_dung: a, nguoi_ky: a}, nhan_xet_tham_tra: {ngay: 01/01/2020, noi_dung: a, nguoi_ky: a}}\ngioi_thieu_doan_the: {loai: doan, tap_the: chi_doan, cap_tren: a, co_quan: a, so: a, ngay: 01/01/2020, tong_so: 1, co_mat: 1, tan_thanh: 1, khong_tan_thanh: 0, uu_diem: a, khuyet_diem: a, nguoi_ky: a, chuc_vu_ky: a}\ntong_hop_nhan_xet: {ngay: 01/01/2020, doan_the: [{to_chuc: a, ngay: 01/01/2020, so_nguoi: 1, tan_thanh: 1, uu_diem: a, khuyet_diem: a}], noi_cu_tru: {to_chuc: a, ngay: 01/01/2020, so_nguoi: 1, tan_thanh: 1, uu_diem: a, khuyet_diem: a}, ket_luan: a}\ntham_dinh: {co_quan: a, so: a, ngay: 01/01/2020, noi_dung: a, nguoi_ky: a}\nnghi_quyet_dang_uy: {so: a, ngay: 01/01/2020, co_quan: a, cap_tren: a, uy_vien: 1, co_mat: 1, tan_thanh: 1, khong_tan_thanh: 0, nguoi_ky: a}\ngiay_chung_nhan_dang_vien_moi: {ngay: 01/01/2020, noi_cap: a}\ntu_kiem_diem: {ngay: 01/01/2020, uu_diem: a, khuyet_diem: a, huong_khac_phuc: a, nhan_xet_chi_uy: {ngay: 01/01/2020, noi_dung: a, nguoi_ky: a}}\nnhan_xet_giup_do: {ngay: 01/01/2020, uu_diem: a, khuyet_diem: a, de_nghi: a}\ntong_hop_nhan_xet_du_bi: {ngay: 01/01/2020, doan_the: [{to_chuc: a, ngay: 01/01/2020, so_nguoi: 1, tan_thanh: 1, uu_diem: a, khuyet_diem: a}], noi_cu_tru: {to_chuc: a, ngay: 01/01/2020, so_nguoi: 1, tan_thanh: 1, uu_diem: a, khuyet_diem: a}, ket_luan: a}\nhop_xet_chinh_thuc: {ngay: 01/01/2020, dang_vien: {chinh_thuc: 1, du_bi: 1}, co_mat: {chinh_thuc: 1, du_bi: 1}, ly_do_vang: a, khong_trieu_tap: 0, chu_tri: a, thu_ky: a, ly_lich: a, uu_diem: a, khuyet_diem: a, tan_thanh: 1, khong_tan_thanh: 0}\ntham_dinh_chinh_thuc: {co_quan: a, so: a, ngay: 01/01/2020, noi_dung: a, nguoi_ky: a}\nnghi_quyet_dang_uy_chinh_thuc: {so: a, ngay: 01/01/2020, co_quan: a, cap_tren: a, uy_vien: 1, co_mat: 1, tan_thanh: 1, khong_tan_thanh: 0, nguoi_ky: a}\nchi_bo: a\nra_khoi_dang: {ngay: 01/01/2022, ly_do: a}\nchuyen_den: {ngay: 01/01/2021, tu: a}\nton_giao_du_dieu_kien: true\ndong_y_tren_60: {so: a, ngay: 01/01/2020, co_quan: a}\nngoai_le_hoc_van: {loai: uy_tin, dong_y: {so: a, ngay: 01/01/2020, co_quan: a}}\nly_lich_dang_vien: {ngay: 01/01/2020}\n";
}
