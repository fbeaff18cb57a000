//! The command line's closed sets of values, each a clap value enum that `--help` lists, and how
//! they map to the library's types (which know nothing of clap).

use crate::compile::PdfStandard;
use crate::diag::{Format, Lang};
use crate::model::{GiaiDoan, Ngay};
use crate::plan::Kind;
use clap::ValueEnum;
use std::path::PathBuf;

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(a: LangArg) -> Lang {
        match a {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// For people: the message, the file and line, the lines of YAML around it.
    Human,
    /// For programs: an array of objects with `file`, `line`, `column`, `code`, `severity`, `message`.
    Json,
}

impl From<FormatArg> for Format {
    fn from(a: FormatArg) -> Format {
        match a {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
        }
    }
}

/// `--format` of the listings (`list`, `due`, `so-van-ban`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormatArg {
    /// For people: aligned columns.
    Human,
    /// For programs: an array of objects.
    Json,
    /// For spreadsheets: CSV with Vietnamese headers, dates as 16/11/2020, names in Vietnamese
    /// order.
    Csv,
}

/// `--pdf-standard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandardArg {
    /// PDF/A-2b (ISO 19005-2, level B): fonts embedded, colours with an output intent, XMP
    /// metadata; what archives ask of scanned-and-born-digital records alike.
    #[value(name = "a-2b")]
    A2b,
}

impl From<PdfStandardArg> for PdfStandard {
    fn from(a: PdfStandardArg) -> PdfStandard {
        match a {
            PdfStandardArg::A2b => PdfStandard::A2b,
        }
    }
}

/// `--ho-so`: which dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Hồ sơ đề nghị kết nạp đảng viên.
    KetNap,
    /// Hồ sơ đề nghị công nhận đảng viên chính thức.
    ChinhThuc,
}

impl From<KindArg> for Kind {
    fn from(a: KindArg) -> Kind {
        match a {
            KindArg::KetNap => Kind::KetNap,
            KindArg::ChinhThuc => Kind::ChinhThuc,
        }
    }
}

/// `--stage`: a stage of the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    /// Quần chúng: no application yet.
    QuanChung,
    /// The application is in.
    XinVaoDang,
    /// The chi bộ has resolved to recommend admission.
    ChiBoDeNghi,
    /// On probation.
    DuBi,
    /// Full member.
    ChinhThuc,
}

impl From<StageArg> for GiaiDoan {
    fn from(a: StageArg) -> GiaiDoan {
        match a {
            StageArg::QuanChung => GiaiDoan::QuanChung,
            StageArg::XinVaoDang => GiaiDoan::XinVaoDang,
            StageArg::ChiBoDeNghi => GiaiDoan::ChiBoDeNghi,
            StageArg::DuBi => GiaiDoan::DuBi,
            StageArg::ChinhThuc => GiaiDoan::ChinhThuc,
        }
    }
}

/// `completions SHELL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    /// bash.
    Bash,
    /// zsh.
    Zsh,
    /// fish.
    Fish,
    /// PowerShell.
    Powershell,
}

/// `--emit`: what else to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EmitArg {
    /// The generated Typst sources and their layout library.
    Typst,
}

/// `--font-path DIR` (and `HOSO_FONT_PATHS`), as typst has it: the office's own fonts, for every
/// command that typesets.
#[derive(Debug, Clone, clap::Args)]
pub struct FontArgs {
    /// Add a folder of fonts, preferred to the installed ones.
    #[arg(
        long = "font-path",
        env = "HOSO_FONT_PATHS",
        value_name = "DIR",
        value_delimiter = PATH_LIST_SEPARATOR
    )]
    pub font_paths: Vec<PathBuf>,
}

/// How a list of folders is written in one variable, as `PATH` is.
const PATH_LIST_SEPARATOR: char = if cfg!(windows) { ';' } else { ':' };

/// Reads a date of the command line the way the records are read.
pub fn parse_date(text: &str) -> Result<Ngay, String> {
    Ngay::parse(text).ok_or_else(|| {
        use crate::model::date::{ACCEPTED_EN, ACCEPTED_VI};
        format!("`{text}` không phải ngày; viết {ACCEPTED_VI} (not a date; write {ACCEPTED_EN})")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every stage of the library can be asked for, under the id `hoso list` prints.
    #[test]
    fn stage_values_are_the_stage_ids() {
        for a in StageArg::value_variants() {
            let name = a.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(name, GiaiDoan::from(*a).id());
        }
    }
}
