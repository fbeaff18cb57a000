//! `hoso rules`: the admission rules of the set in force on a day.

use super::args::{FormatArg, parse_date};
use super::out::{Error, emit_stderr, print, today, workspace};
use crate::diag::{Format, Lang};
use crate::model::Ngay;
use crate::rules::{InForce, MucDo, RuleBook};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The day (default: today).
    #[arg(long, value_parser = parse_date)]
    on: Option<Ngay>,
    /// A workspace whose own rules (`quy_tac_rieng`) apply.
    #[arg(short, long)]
    workspace: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
}

pub fn run(args: &Args, lang: Lang) -> Result<(), Error> {
    let format = Format::from(args.format);
    let on = args.on.unwrap_or_else(today);
    let in_force = match &args.workspace {
        Some(root) => {
            let checked = workspace(root, &[], Format::Human)?;
            let problems = crate::validate::check_local_rules(checked.workspace());
            emit_stderr(&problems, lang);
            checked.rules().clone()
        }
        None => InForce::new(&[]),
    };
    let set = in_force.on(on);
    if format == Format::Json {
        return print(&(serde_json::to_string_pretty(set).unwrap_or_default() + "\n"));
    }
    let unverified = lang.pick("chưa xác minh", "UNVERIFIED");
    let verified = lang.pick("đã xác minh với văn bản", "verified against the text");
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
            } else if r.xac_minh {
                format!(" ({verified})")
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
                    } else if p.xac_minh {
                        s.push_str(&format!(" ({verified})"));
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
