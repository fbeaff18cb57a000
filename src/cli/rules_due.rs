//! `hoso rules` and `hoso due`: the rules in force and the time limits that fall due.

use super::commands::{emit_stderr, load, print, write_output};
use crate::diag::{Format, Lang};
use crate::model::Ngay;
use crate::rules::{InForce, MucDo, RuleBook};
use std::path::Path;

/// Today in Vietnam (UTC+7), the default day of `rules` and `due`.
fn today() -> Ngay {
    let offset = jiff::tz::TimeZone::fixed(jiff::tz::offset(7));
    Ngay(jiff::Timestamp::now().to_zoned(offset).date())
}

pub fn rules(on: Option<Ngay>, workspace: Option<&Path>, format: Format, lang: Lang) -> i32 {
    let on = on.unwrap_or_else(today);
    let in_force = match workspace {
        Some(root) => {
            let loaded = match load(root, Format::Human, lang) {
                Ok(l) => l,
                Err(code) => return code,
            };
            let problems = crate::validate::check_local_rules(&loaded.workspace);
            if !problems.is_empty() {
                emit_stderr(&problems, lang);
            }
            InForce::new(&loaded.workspace.org.to_chuc.quy_tac_rieng)
        }
        None => InForce::new(&[]),
    };
    let set = in_force.on(on);
    if format == Format::Json {
        return print(&(serde_json::to_string_pretty(set).unwrap_or_default() + "\n"));
    }
    let unverified = lang.pick("chưa xác minh", "UNVERIFIED");
    let mut out = format!(
        "{} {} ({} {}): {}\n",
        lang.pick("Bộ quy tắc", "Rule set"),
        set.ma,
        lang.pick("hiệu lực từ", "in force from"),
        set.hieu_luc_tu.short(),
        set.van_ban.join(", ")
    );
    if let Some(next) = RuleBook::builtin().sets.iter().find(|s| s.hieu_luc_tu > on) {
        out.push_str(&format!(
            "{} {} {}\n",
            lang.pick("bộ sau:", "next set:"),
            next.ma,
            next.hieu_luc_tu.short()
        ));
    }
    out.push('\n');
    for r in &set.quy_tac {
        let level = match r.muc_do {
            MucDo::Loi => lang.pick("lỗi", "error"),
            MucDo::CanhBao => lang.pick("cảnh báo", "warning"),
        };
        out.push_str(&format!(
            "{:4} {:9} {}{}\n",
            r.ma,
            level,
            lang.pick(&r.ten, &r.ten_en),
            if r.chua_xac_minh {
                format!(" ({unverified})")
            } else {
                String::new()
            }
        ));
        out.push_str(&format!(
            "               {}: {}\n",
            lang.pick("căn cứ", "source"),
            r.can_cu
        ));
        if let Some(own) = &r.rieng {
            out.push_str(&format!(
                "               {}: {own}\n",
                lang.pick("quy tắc riêng", "own rule")
            ));
        }
        if !r.tham_so.is_empty() {
            let params: Vec<String> = r
                .tham_so
                .iter()
                .map(|p| {
                    let mut s = format!("{} = {}", p.ten, p.gia_tri);
                    if p.chua_xac_minh {
                        s.push_str(&format!(" ({unverified})"));
                    }
                    if p.rieng {
                        s.push_str(&format!(" ({})", lang.pick("riêng", "own")));
                    }
                    s
                })
                .collect();
            out.push_str(&format!(
                "               {}: {}\n",
                lang.pick("tham số", "parameters"),
                params.join("; ")
            ));
        }
    }
    print(&out)
}

pub fn due(
    root: &Path,
    on: Option<Ngay>,
    within: u32,
    ics: Option<&Path>,
    format: Format,
    lang: Lang,
) -> i32 {
    let loaded = match load(root, format, lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let on = on.unwrap_or_else(today);
    // A faulty own rule is not applied (the regulation's value is): say so, and go on.
    let problems = crate::validate::check_local_rules(&loaded.workspace);
    if !problems.is_empty() {
        emit_stderr(&problems, lang);
    }
    let all = crate::due::items(&loaded.workspace);
    let selected = crate::due::select(&all, on, within);
    if let Some(path) = ics {
        let items: Vec<_> = selected.iter().map(|(i, _)| i.clone()).collect();
        let text = crate::due::ics(&items, lang);
        if let Err(code) = write_output(path, text.as_bytes(), lang) {
            return code;
        }
    }
    match format {
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Row<'a> {
                #[serde(flatten)]
                item: &'a crate::due::DueItem,
                ma: &'static str,
                viec_mo_ta: &'static str,
                con_ngay: i64,
                qua_han: bool,
            }
            let rows: Vec<Row> = selected
                .iter()
                .map(|(item, left)| Row {
                    item,
                    ma: item.viec.code(),
                    viec_mo_ta: item.viec.label(lang),
                    con_ngay: *left,
                    qua_han: *left < 0,
                })
                .collect();
            print(&(serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"))
        }
        Format::Human => {
            let mut out = String::new();
            let id_w = selected
                .iter()
                .map(|(i, _)| i.nguoi.chars().count())
                .max()
                .unwrap_or(0);
            for (item, left) in &selected {
                let status = match *left {
                    l if l < 0 => lang
                        .pick("quá hạn {} ngày", "{} days overdue")
                        .replace("{}", &(-l).to_string()),
                    0 => lang.pick("hôm nay", "today").to_string(),
                    l => lang
                        .pick("còn {} ngày", "{} days left")
                        .replace("{}", &l.to_string()),
                };
                out.push_str(&format!(
                    "{}  {:16}  {:id_w$}  {}: {} ({})\n",
                    item.han.short(),
                    status,
                    item.nguoi,
                    item.ho_ten.as_deref().unwrap_or("?"),
                    item.viec.label(lang),
                    item.quy_tac
                ));
            }
            eprintln!(
                "{}",
                lang.pick(
                    &format!(
                        "{} việc quá hạn hoặc đến hạn trong {within} ngày kể từ {}",
                        selected.len(),
                        on.short()
                    ),
                    &format!(
                        "{} items overdue or due within {within} days of {}",
                        selected.len(),
                        on.short()
                    ),
                )
            );
            print(&out)
        }
    }
}
