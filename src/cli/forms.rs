//! `hoso forms`: the form catalogue.

use super::args::FormatArg;
use super::out::{Error, print};
use crate::diag::{Format, Lang};
use crate::forms::Catalogue;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: FormatArg,
}

pub fn run(args: &Args, _lang: Lang) -> Result<(), Error> {
    let catalogue = Catalogue::builtin();
    match Format::from(args.format) {
        Format::Json => {
            print(&(serde_json::to_string_pretty(&catalogue.forms).unwrap_or_default() + "\n"))
        }
        Format::Human => {
            let mut out = String::new();
            for f in &catalogue.forms {
                out.push_str(&format!(
                    "{:7}  {}  ({}; {})\n",
                    f.ma,
                    f.ten,
                    f.ban_hanh,
                    f.quy_dinh.join(", ")
                ));
            }
            print(&out)
        }
    }
}
