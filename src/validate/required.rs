//! Required fields: what every form needs, by who the person is and which events they have.

use crate::diag::Diagnostic;
use crate::model::keys::FileKind;
use crate::model::{Folder, Record, Workspace};

/// The organisation file's required keys.
pub fn org(workspace: &Workspace) -> Vec<Diagnostic> {
    let org = &workspace.org;
    let t = &org.to_chuc;
    let present = [
        ("dang_bo", t.dang_bo.is_some()),
        ("chi_bo", t.chi_bo.is_some()),
        ("dia_danh", t.dia_danh.is_some()),
        ("bi_thu", t.bi_thu.is_some()),
    ];
    missing(FileKind::ToChuc, &present, |p| org.spans.locate(p))
}

/// A person's required keys.
pub fn person(record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let mut present: Vec<(String, bool)> = vec![
        ("ho_ten".into(), n.ho_ten.is_some()),
        ("gioi_tinh".into(), n.gioi_tinh.is_some()),
        ("ngay_sinh".into(), n.ngay_sinh.is_some()),
    ];
    match record.folder {
        // The forms of the admission process print all of these.
        Folder::KetNap => present.extend(
            [
                ("que_quan", n.que_quan.is_some()),
                ("noi_o", n.noi_o.is_some()),
                ("dan_toc", n.dan_toc.is_some()),
                ("ton_giao", n.ton_giao.is_some()),
            ]
            .map(|(k, v)| (k.to_string(), v)),
        ),
        // A member without a recorded admission decision needs the admission date.
        Folder::DangVien => present.push(("ngay_vao_dang".into(), n.ngay_ket_nap().is_some())),
    }
    for (i, s) in n.nguoi_gioi_thieu.iter().enumerate() {
        present.push((
            format!("nguoi_gioi_thieu[{i}].dang_vien"),
            s.dang_vien.is_some(),
        ));
    }
    if let Some(h) = &n.hop_chi_bo {
        let fields = [
            ("ngay", h.ngay.is_some()),
            ("dang_vien", h.dang_vien.is_some()),
            ("co_mat", h.co_mat.is_some()),
            ("chu_tri", h.chu_tri.is_some()),
            ("thu_ky", h.thu_ky.is_some()),
            ("tan_thanh", h.tan_thanh.is_some()),
            ("khong_tan_thanh", h.khong_tan_thanh.is_some()),
        ];
        present.extend(fields.map(|(k, v)| (format!("hop_chi_bo.{k}"), v)));
    }
    if let Some(q) = &n.quyet_dinh_ket_nap {
        present.push(("quyet_dinh_ket_nap.ngay".into(), q.ngay.is_some()));
    }
    if let Some(l) = &n.le_ket_nap {
        present.push(("le_ket_nap.ngay".into(), l.ngay.is_some()));
    }
    if let Some(q) = &n.cong_nhan_chinh_thuc {
        present.push(("cong_nhan_chinh_thuc.ngay".into(), q.ngay.is_some()));
    }
    let present: Vec<(&str, bool)> = present.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    missing(FileKind::Nguoi, &present, |p| record.spans.locate(p))
}

fn missing(
    kind: FileKind,
    present: &[(&str, bool)],
    locate: impl Fn(&str) -> crate::diag::Location,
) -> Vec<Diagnostic> {
    present
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(path, _)| {
            Diagnostic::error(
                crate::model::missing_problem(kind, path),
                Some(locate(path)),
            )
        })
        .collect()
}
