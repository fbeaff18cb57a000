//! The workspace's own rules (`quy_tac_rieng` in `to-chuc.yaml`): each names a rule and parameter
//! that exist, and is at least as strict as every set it applies to.

use crate::diag::{Diagnostic, Problem};
use crate::model::Workspace;
use crate::rules::{LocalIssueKind, RuleBook};

/// The problems of the organisation's own rules.
pub fn org(workspace: &Workspace) -> Vec<Diagnostic> {
    let own = &workspace.org.to_chuc.quy_tac_rieng;
    if own.is_empty() {
        return Vec::new();
    }
    let (_, issues) = RuleBook::builtin().with_local(own);
    let spans = &workspace.org.spans;
    let mut d: Vec<Diagnostic> = Vec::new();
    let mut seen: Vec<(usize, Option<String>)> = Vec::new();
    for issue in issues {
        let key = (issue.index, issue.param.clone());
        let path = match &issue.param {
            Some(p) => format!("quy_tac_rieng[{}].tham_so.{p}", issue.index),
            None => match issue.kind {
                LocalIssueKind::NotStricter { .. } => {
                    format!("quy_tac_rieng[{}].muc_do", issue.index)
                }
                _ => format!("quy_tac_rieng[{}].ma", issue.index),
            },
        };
        let problem = match issue.kind {
            LocalIssueKind::NotStricter { set, base, local } => {
                // One diagnostic per value, naming every set it would loosen.
                if let Some(i) = seen.iter().position(|k| *k == key) {
                    if let Problem::LocalRuleNotStricter { set: sets, .. } = &mut d[i].problem {
                        sets.push_str(", ");
                        sets.push_str(&set);
                    }
                    continue;
                }
                Problem::LocalRuleNotStricter {
                    field: path.clone(),
                    set,
                    base,
                    local,
                }
            }
            LocalIssueKind::UnknownRule { suggestion } => Problem::UnknownRule {
                field: path.clone(),
                name: own[issue.index].ma.clone(),
                fixed: false,
                suggestion,
            },
            LocalIssueKind::UnknownParam { suggestion } => Problem::UnknownRule {
                field: path.clone(),
                name: issue.param.clone().unwrap_or_default(),
                fixed: false,
                suggestion,
            },
            LocalIssueKind::Fixed => Problem::UnknownRule {
                field: path.clone(),
                name: issue.param.clone().unwrap_or_default(),
                fixed: true,
                suggestion: None,
            },
            LocalIssueKind::WrongKind { base } => Problem::InvalidValue {
                field: path.clone(),
                fault: crate::diag::ValueFault::Text(format!("`{base}`")),
            },
        };
        seen.push(key);
        d.push(Diagnostic::error(problem, Some(spans.locate(&path))));
    }
    d
}
