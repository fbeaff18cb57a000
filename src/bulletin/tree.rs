/*!
The organisation as a tree, as `to-chuc.yaml` describes it, so that an article counts at each
level and names each unit at its own level.

```text
one chi bộ                     Chi bộ Khu phố 5
a đảng bộ cơ sở                Đảng bộ xã Thanh Yên → its chi bộ (chi bộ trực thuộc)
a đảng bộ above the grassroots Đảng bộ thành phố Pleiku → đảng bộ cơ sở → their chi bộ
                                                       → chi bộ cơ sở (a `cac_chi_bo` without `thuoc`)
```

A person belongs to the chi bộ of their record ([`Workspace::branch_of`]); a đảng bộ counts the
people of every chi bộ under it, and the workspace's own đảng bộ counts everyone.
*/

use crate::model::Workspace;

/// The level of a unit, which decides how an article names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The workspace's own organisation, at the top.
    Top,
    /// A đảng bộ cơ sở under the top.
    DangBoCoSo,
    /// A chi bộ cơ sở: a chi bộ directly under a đảng bộ that has đảng bộ cơ sở.
    ChiBoCoSo,
    /// A chi bộ under a đảng bộ cơ sở (or under the top when the top is itself grassroots).
    ChiBo,
}

/// One unit of the tree.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Its id in `to-chuc.yaml` (`ma`); `None` for the top.
    pub id: Option<String>,
    /// Its name as written in sentences: "Đảng bộ phường Hoa Lư".
    pub name: String,
    /// Its level.
    pub level: Level,
    /// The unit above it (an index of [`Tree::units`]).
    pub parent: Option<usize>,
    /// The units right below it, in the order of `to-chuc.yaml`.
    pub children: Vec<usize>,
}

/// The whole organisation.
#[derive(Debug, Clone)]
pub struct Tree {
    /// Every unit; the top is the first.
    pub units: Vec<Unit>,
    /// Whether the top has đảng bộ cơ sở under it (three levels).
    pub three_levels: bool,
}

impl Tree {
    /// The tree of the workspace's `to-chuc.yaml`.
    pub fn of(workspace: &Workspace) -> Tree {
        let org = &workspace.org.to_chuc;
        let three_levels = !org.cac_dang_bo_co_so.is_empty();
        let top_name = if org.cac_chi_bo.is_empty() && !three_levels {
            org.chi_bo.clone().or_else(|| org.dang_bo.clone())
        } else {
            org.dang_bo.clone().or_else(|| org.chi_bo.clone())
        };
        let mut units = vec![Unit {
            id: None,
            name: top_name.unwrap_or_default(),
            level: Level::Top,
            parent: None,
            children: Vec::new(),
        }];
        for d in &org.cac_dang_bo_co_so {
            let i = units.len();
            units.push(Unit {
                id: Some(d.ma.clone()),
                name: d.ten.clone(),
                level: Level::DangBoCoSo,
                parent: Some(0),
                children: Vec::new(),
            });
            units[0].children.push(i);
        }
        for b in &org.cac_chi_bo {
            // A chi bộ naming an unknown đảng bộ cơ sở is reported by `validate`; here it hangs
            // from the top so that its people are still counted once.
            let parent = b
                .thuoc
                .as_deref()
                .and_then(|p| units.iter().position(|u| u.id.as_deref() == Some(p)))
                .unwrap_or(0);
            let level = if three_levels && parent == 0 {
                Level::ChiBoCoSo
            } else {
                Level::ChiBo
            };
            let i = units.len();
            units.push(Unit {
                id: Some(b.ma.clone()),
                name: b.ten.clone(),
                level,
                parent: Some(parent),
                children: Vec::new(),
            });
            units[parent].children.push(i);
        }
        Tree {
            units,
            three_levels,
        }
    }

    /// The unit with this id (a chi bộ or a đảng bộ cơ sở).
    pub fn find(&self, id: &str) -> Option<usize> {
        self.units.iter().position(|u| u.id.as_deref() == Some(id))
    }

    /// The ids of every unit, for "did you mean".
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.units.iter().filter_map(|u| u.id.as_deref())
    }

    /// The chi bộ of the unit `i` (itself when it is one), in order.
    pub fn branches_under(&self, i: usize) -> Vec<usize> {
        let unit = &self.units[i];
        if matches!(unit.level, Level::ChiBo | Level::ChiBoCoSo) {
            return vec![i];
        }
        unit.children
            .iter()
            .flat_map(|&c| self.branches_under(c))
            .collect()
    }

    /// Whether the person with branch id `branch` (as [`Workspace::branch_of`] gives it) is
    /// counted by unit `i`. The top counts everyone, also people of no listed branch.
    pub fn counts(&self, i: usize, branch: Option<&str>) -> bool {
        if i == 0 {
            return true;
        }
        let Some(branch) = branch else {
            return false;
        };
        self.branches_under(i)
            .iter()
            .any(|&b| self.units[b].id.as_deref() == Some(branch))
    }

    /// The committee that leads unit `i`: "Đảng ủy xã Thanh Yên", "Chi ủy".
    pub fn committee(&self, i: usize, workspace: &Workspace) -> String {
        let unit = &self.units[i];
        let org = &workspace.org.to_chuc;
        let is_dang_bo = match unit.level {
            Level::Top => !org.cac_chi_bo.is_empty() || self.three_levels,
            Level::DangBoCoSo => true,
            Level::ChiBoCoSo | Level::ChiBo => false,
        };
        if !is_dang_bo {
            return "Chi ủy".to_string();
        }
        if unit.level == Level::Top
            && let Some(dang_uy) = &org.dang_uy
        {
            return dang_uy.clone();
        }
        if unit.name.starts_with("Đảng bộ") {
            unit.name.replacen("Đảng bộ", "Đảng ủy", 1)
        } else {
            "Đảng ủy".to_string()
        }
    }
}
