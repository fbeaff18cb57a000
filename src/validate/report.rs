//! `bao-cao.yaml`: terms have both ends in order, targets say for what and how many, stated
//! figures say what they count, how much and where they come from.

use super::branches::unknown_branch;
use crate::diag::{Diagnostic, Problem};
use crate::model::Workspace;
use crate::model::keys::FileKind;

/// An `unknown-branch` error when `id` names neither a chi bộ nor a đảng bộ cơ sở: targets,
/// notes and stated figures may be given to either.
fn unknown_unit(
    workspace: &Workspace,
    id: &str,
    field: &str,
    locate: impl FnOnce() -> crate::diag::Location,
) -> Option<Diagnostic> {
    let org = &workspace.org.to_chuc;
    if org.cac_dang_bo_co_so.iter().any(|p| p.ma == id) {
        return None;
    }
    unknown_branch(workspace, id, field, locate)
}

/// Every problem of the bulletin file, if the workspace has one.
pub fn check(workspace: &Workspace) -> Vec<Diagnostic> {
    let Some(report) = &workspace.bao_cao else {
        return Vec::new();
    };
    let spans = &report.spans;
    let b = &report.bao_cao;
    let mut present: Vec<(String, bool)> = Vec::new();
    let mut d = Vec::new();
    for (i, term) in b.nhiem_ky.iter().enumerate() {
        present.push((format!("nhiem_ky[{i}].tu"), term.tu.is_some()));
        // A term without its last day ends where the next one starts; only the latest needs it.
        let has_next = term
            .tu
            .is_some_and(|from| b.nhiem_ky.iter().any(|t| t.tu.is_some_and(|f| f > from)));
        present.push((format!("nhiem_ky[{i}].den"), term.den.is_some() || has_next));
        if let (Some(from), Some(to)) = (term.tu, term.den)
            && to < from
        {
            d.push(Diagnostic::error(
                Problem::DateOrder {
                    earlier: format!("nhiem_ky[{i}].tu"),
                    earlier_date: from.short(),
                    later: format!("nhiem_ky[{i}].den"),
                    later_date: to.short(),
                },
                Some(spans.locate(&format!("nhiem_ky[{i}].den"))),
            ));
        }
    }
    for (i, target) in b.chi_tieu_nam.iter().enumerate() {
        present.push((format!("chi_tieu_nam[{i}].nam"), target.nam.is_some()));
        present.push((
            format!("chi_tieu_nam[{i}].chi_tieu"),
            target.chi_tieu.is_some(),
        ));
        if let Some(id) = &target.chi_bo {
            let path = format!("chi_tieu_nam[{i}].chi_bo");
            d.extend(unknown_unit(workspace, id, &path, || spans.locate(&path)));
        }
    }
    for (i, notes) in b.cac_don_vi.iter().enumerate() {
        let path = format!("cac_don_vi[{i}].ma");
        match &notes.ma {
            Some(id) => d.extend(unknown_unit(workspace, id, &path, || spans.locate(&path))),
            None => present.push((path, false)),
        }
    }
    for (i, figure) in b.so_lieu.iter().enumerate() {
        if let Some(id) = &figure.cua {
            let path = format!("so_lieu[{i}].cua");
            d.extend(unknown_unit(workspace, id, &path, || spans.locate(&path)));
        }
        for (key, ok) in [
            ("ma", figure.ma.is_some()),
            ("nhan", figure.nhan.is_some()),
            ("gia_tri", figure.gia_tri.is_some()),
            ("nguon", figure.nguon.is_some()),
        ] {
            present.push((format!("so_lieu[{i}].{key}"), ok));
        }
    }
    d.extend(present.iter().filter(|(_, ok)| !ok).map(|(path, _)| {
        Diagnostic::error(
            crate::model::missing_problem(FileKind::BaoCao, path),
            Some(spans.locate(path)),
        )
    }));
    d
}
