//! References between records (sponsors, chair, secretary, mentor are members) and meeting
//! figures that must add up.

use crate::diag::{Diagnostic, Location, Problem};
use crate::model::{Record, Workspace};

/// The organisation's references to people.
pub fn org(workspace: &Workspace) -> Vec<Diagnostic> {
    let t = &workspace.org.to_chuc;
    let spans = &workspace.org.spans;
    let mut refs: Vec<(String, &str)> = Vec::new();
    for (key, id) in [("bi_thu", &t.bi_thu), ("pho_bi_thu", &t.pho_bi_thu)] {
        if let Some(id) = id {
            refs.push((key.into(), id));
        }
    }
    for (i, e) in t.so_van_ban.iter().enumerate() {
        if let Some(id) = &e.nguoi {
            refs.push((format!("so_van_ban[{i}].nguoi"), id));
        }
    }
    refs.into_iter()
        .filter_map(|(path, id)| unknown(workspace, &path, id, || spans.locate(&path)))
        .chain(members_only(
            workspace,
            &[
                ("bi_thu", t.bi_thu.as_deref()),
                ("pho_bi_thu", t.pho_bi_thu.as_deref()),
            ],
            |p| spans.locate(p),
        ))
        .collect()
}

/// A person's references to other people: they must exist, and be members where the role needs it.
pub fn person(workspace: &Workspace, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let mut roles: Vec<(String, Option<&str>)> = Vec::new();
    for (i, s) in n.nguoi_gioi_thieu.iter().enumerate() {
        roles.push((
            format!("nguoi_gioi_thieu[{i}].dang_vien"),
            s.dang_vien.as_deref(),
        ));
    }
    if let Some(h) = &n.hop_chi_bo {
        roles.push(("hop_chi_bo.chu_tri".into(), h.chu_tri.as_deref()));
        roles.push(("hop_chi_bo.thu_ky".into(), h.thu_ky.as_deref()));
    }
    if let Some(l) = &n.le_ket_nap {
        roles.push((
            "le_ket_nap.nguoi_giup_do".into(),
            l.nguoi_giup_do.as_deref(),
        ));
    }
    let mut d: Vec<Diagnostic> = roles
        .iter()
        .filter_map(|(path, id)| unknown(workspace, path, (*id)?, || record.spans.locate(path)))
        .collect();
    let roles: Vec<(&str, Option<&str>)> = roles.iter().map(|(p, id)| (p.as_str(), *id)).collect();
    d.extend(members_only(workspace, &roles, |p| record.spans.locate(p)));

    if let (Some(recorded), Some(decision)) = (
        n.ngay_vao_dang,
        n.quyet_dinh_ket_nap.as_ref().and_then(|q| q.ngay),
    ) && recorded != decision
    {
        let problem = Problem::AdmissionDateConflict {
            recorded: recorded.short(),
            decision: decision.short(),
        };
        d.push(Diagnostic::error(
            problem,
            Some(record.spans.locate("ngay_vao_dang")),
        ));
    }
    d
}

/// The figures of the branch meeting add up: nobody present who is not a member, no more votes
/// than official members present.
pub fn meeting_counts(record: &Record) -> Vec<Diagnostic> {
    let Some(h) = &record.nguoi.hop_chi_bo else {
        return Vec::new();
    };
    let mut d = Vec::new();
    let mut fail = |path: &str, vi: String, en: String| {
        d.push(Diagnostic::error(
            Problem::CountMismatch {
                detail_vi: vi,
                detail_en: en,
            },
            Some(record.spans.locate(path)),
        ));
    };
    if let (Some(all), Some(present)) = (h.dang_vien, h.co_mat) {
        if present.chinh_thuc > all.chinh_thuc {
            fail(
                "hop_chi_bo.co_mat.chinh_thuc",
                format!(
                    "có mặt {} đảng viên chính thức, nhiều hơn số đảng viên chính thức của chi bộ ({})",
                    present.chinh_thuc, all.chinh_thuc
                ),
                format!(
                    "{} official members present, more than the branch has ({})",
                    present.chinh_thuc, all.chinh_thuc
                ),
            );
        }
        if present.du_bi > all.du_bi {
            fail(
                "hop_chi_bo.co_mat.du_bi",
                format!(
                    "có mặt {} đảng viên dự bị, nhiều hơn số đảng viên dự bị của chi bộ ({})",
                    present.du_bi, all.du_bi
                ),
                format!(
                    "{} probationary members present, more than the branch has ({})",
                    present.du_bi, all.du_bi
                ),
            );
        }
        let absent = all.chinh_thuc.saturating_sub(present.chinh_thuc);
        if h.khong_trieu_tap > absent {
            fail(
                "hop_chi_bo.khong_trieu_tap",
                format!(
                    "{} đảng viên không triệu tập nhưng chỉ {absent} đảng viên chính thức vắng mặt",
                    h.khong_trieu_tap
                ),
                format!(
                    "{} members not convened but only {absent} official members absent",
                    h.khong_trieu_tap
                ),
            );
        }
    }
    if let (Some(present), Some(yes)) = (h.co_mat, h.tan_thanh) {
        let votes = yes + h.khong_tan_thanh.unwrap_or(0);
        if votes > present.chinh_thuc {
            fail(
                "hop_chi_bo.tan_thanh",
                format!(
                    "{votes} phiếu (tán thành {yes}, không tán thành {}) nhiều hơn số đảng viên chính thức có mặt ({}); đảng viên dự bị không biểu quyết",
                    h.khong_tan_thanh.unwrap_or(0),
                    present.chinh_thuc
                ),
                format!(
                    "{votes} votes ({yes} for, {} against) exceed the official members present ({}); probationary members do not vote",
                    h.khong_tan_thanh.unwrap_or(0),
                    present.chinh_thuc
                ),
            );
        }
    }
    d
}

/// An `unknown-person` error when `id` is nobody of the workspace. The location is only looked up
/// then: a clean record's positions are never indexed.
fn unknown(
    workspace: &Workspace,
    path: &str,
    id: &str,
    location: impl FnOnce() -> Location,
) -> Option<Diagnostic> {
    if workspace.person(id).is_some() {
        return None;
    }
    let suggestion = workspace.suggest_id(id).map(str::to_string);
    let problem = Problem::UnknownPerson {
        field: path.to_string(),
        id: id.to_string(),
        suggestion,
    };
    Some(Diagnostic::error(problem, Some(location())))
}

/// People in these roles must be members (sponsors, chair, secretary, mentor).
fn members_only(
    workspace: &Workspace,
    roles: &[(&str, Option<&str>)],
    locate: impl Fn(&str) -> Location,
) -> Vec<Diagnostic> {
    roles
        .iter()
        .filter_map(|(path, id)| {
            let id = (*id)?;
            let person = workspace.person(id)?;
            person.nguoi.ngay_ket_nap().is_none().then(|| {
                Diagnostic::error(
                    Problem::NotAMember {
                        field: path.to_string(),
                        id: id.to_string(),
                    },
                    Some(locate(path)),
                )
            })
        })
        .collect()
}
