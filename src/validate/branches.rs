//! Branches and leaving: a person's `chi_bo` names a listed branch, a branch's secretary is a
//! person of the workspace, and a member leaves after joining.

use crate::diag::{Diagnostic, Problem};
use crate::model::{Record, Workspace};

/// The organisation's list of branches: ids are unique, secretaries exist.
pub fn org(workspace: &Workspace) -> Vec<Diagnostic> {
    let org = &workspace.org;
    let mut d = Vec::new();
    for (i, branch) in org.to_chuc.cac_chi_bo.iter().enumerate() {
        let earlier = &org.to_chuc.cac_chi_bo[..i];
        if earlier.iter().any(|b| b.ma == branch.ma) {
            let path = format!("cac_chi_bo[{i}].ma");
            d.push(Diagnostic::error(
                Problem::DuplicateId {
                    id: branch.ma.clone(),
                    other: "cac_chi_bo".into(),
                },
                Some(org.spans.locate(&path)),
            ));
        }
        let parents = &org.to_chuc.cac_dang_bo_co_so;
        if let Some(parent) = &branch.thuoc
            && !parents.iter().any(|p| &p.ma == parent)
        {
            let path = format!("cac_chi_bo[{i}].thuoc");
            d.push(Diagnostic::error(
                Problem::UnknownBranch {
                    field: path.clone(),
                    id: parent.clone(),
                    suggestion: crate::suggest::closest(
                        parent,
                        parents.iter().map(|p| p.ma.as_str()),
                    )
                    .map(str::to_string),
                },
                Some(org.spans.locate(&path)),
            ));
        }
        if let Some(id) = &branch.bi_thu
            && workspace.person(id).is_none()
        {
            let path = format!("cac_chi_bo[{i}].bi_thu");
            d.push(Diagnostic::error(
                Problem::UnknownPerson {
                    field: path.clone(),
                    id: id.clone(),
                    suggestion: workspace.suggest_id(id).map(str::to_string),
                },
                Some(org.spans.locate(&path)),
            ));
        }
    }
    d
}

/// A person's branch exists, and their leaving is dated after their admission.
pub fn person(workspace: &Workspace, record: &Record) -> Vec<Diagnostic> {
    let n = &record.nguoi;
    let mut d = Vec::new();
    if let Some(id) = &n.chi_bo {
        d.extend(unknown_branch(workspace, id, "chi_bo", || {
            record.spans.locate("chi_bo")
        }));
    }
    if let Some(left) = &n.ra_khoi_dang {
        match (left.ngay, n.ngay_ket_nap()) {
            (None, _) => d.push(Diagnostic::error(
                crate::model::missing_problem(
                    crate::model::keys::FileKind::Nguoi,
                    "ra_khoi_dang.ngay",
                ),
                Some(record.spans.locate("ra_khoi_dang")),
            )),
            (Some(out), Some(joined)) if out < joined => d.push(Diagnostic::error(
                Problem::DateOrder {
                    earlier: if n.quyet_dinh_ket_nap.as_ref().and_then(|q| q.ngay).is_some() {
                        "quyet_dinh_ket_nap.ngay".into()
                    } else {
                        "ngay_vao_dang".into()
                    },
                    earlier_date: joined.short(),
                    later: "ra_khoi_dang.ngay".into(),
                    later_date: out.short(),
                },
                Some(record.spans.locate("ra_khoi_dang.ngay")),
            )),
            _ => {}
        }
    }
    d
}

/// An `unknown-branch` error when `id` is not listed in `cac_chi_bo`.
pub fn unknown_branch(
    workspace: &Workspace,
    id: &str,
    field: &str,
    locate: impl FnOnce() -> crate::diag::Location,
) -> Option<Diagnostic> {
    if workspace.branch(id).is_some() {
        return None;
    }
    let problem = Problem::UnknownBranch {
        field: field.to_string(),
        id: id.to_string(),
        suggestion: workspace.suggest_branch(id).map(str::to_string),
    };
    Some(Diagnostic::error(problem, Some(locate())))
}
