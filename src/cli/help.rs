/*!
`--help` in the language of the messages. The help of every command, option and value is in one
table below, by id, in Vietnamese and English; [`localise`] applies it to clap's `Command` once the
language is known (read from `--lang` / `HOSO_LANG` before clap parses). clap's own words (the
headings, "default", "possible values") are replaced too, so a Vietnamese `--help` has no English
in it but the names of options and values.

Ids: a command by its name (`validate`; the top level is `hoso`), an option or argument by
`command.id` or, when it means the same everywhere, by its id alone (`workspace`); a value by
`id=value` (`format=json`). A test walks the whole command tree and fails on any command, option or
value without both texts, or on any command without an example, so a new one cannot be forgotten.
*/

use super::args::{EmitArg, FormatArg, KindArg, LangArg, PdfStandardArg, StageArg};
use super::completions::ShellArg;
use crate::diag::Lang;
use clap::builder::{EnumValueParser, PossibleValue, StyledStr, TypedValueParser};
use clap::{Arg, Command, ValueEnum};
use std::ffi::{OsStr, OsString};
use std::marker::PhantomData;

/// One help text: `(id, tiếng Việt, English)`.
type Text = (&'static str, &'static str, &'static str);

/// The help of every command, option and value.
const TEXTS: &[Text] = &[
    // The top level and what every command has.
    (
        "hoso",
        "Hồ sơ kết nạp đảng viên: kiểm tra hồ sơ, điền mẫu biểu, in PDF.",
        "Party-member admission paperwork: checks the records, fills the official forms, typesets them to PDF.",
    ),
    (
        "lang",
        "Ngôn ngữ của thông báo và trợ giúp.",
        "Language of messages and help.",
    ),
    ("lang=vi", "tiếng Việt", "Vietnamese"),
    ("lang=en", "tiếng Anh", "English"),
    (
        "help",
        "In trợ giúp (`--help` để xem đầy đủ).",
        "Print help (`--help` for more).",
    ),
    ("version", "In số phiên bản.", "Print the version."),
    (
        "workspace",
        "Thư mục hồ sơ (có tệp to-chuc.yaml).",
        "The workspace folder (the one with to-chuc.yaml).",
    ),
    ("format", "Dạng kết quả.", "Output format."),
    (
        "format=human",
        "cho người đọc: thông báo, tệp và dòng, các dòng YAML quanh chỗ sai",
        "for people: the message, the file and line, the lines of YAML around it",
    ),
    (
        "format=json",
        "cho chương trình: mảng đối tượng JSON",
        "for programs: an array of JSON objects",
    ),
    (
        "person",
        "Mã người (tên tệp, bỏ .yaml).",
        "The person's id (the file name without .yaml).",
    ),
    (
        "form",
        "Mã mẫu: 6-KNĐ (viết 6-KND hay 6 cũng được); xem `hoso forms`.",
        "The form code: 6-KNĐ (6-KND and 6 work too); see `hoso forms`.",
    ),
    ("output", "Tệp PDF sẽ ghi.", "The PDF to write."),
    (
        "pdf_standard",
        "Theo chuẩn PDF lưu trữ.",
        "Conform to an archival PDF standard.",
    ),
    (
        "pdf_standard=a-2b",
        "PDF/A-2b (ISO 19005-2): nhúng phông, màu có output intent, siêu dữ liệu XMP; chuẩn lưu trữ",
        "PDF/A-2b (ISO 19005-2): fonts embedded, colours with an output intent, XMP metadata; for archives",
    ),
    (
        "font_paths",
        "Thêm thư mục phông chữ (tìm cả thư mục con), ưu tiên hơn phông cài sẵn; nhiều thư mục cách nhau bằng dấu `:` (Windows: `;`).",
        "Add a folder of fonts (searched recursively), preferred to the installed ones; several folders separated by `:` (Windows: `;`).",
    ),
    // init
    (
        "init",
        "Ghi hồ sơ mẫu vào thư mục DIR (mới hoặc rỗng).",
        "Write the demo workspace into DIR (a new or empty folder).",
    ),
    ("init.dir", "Thư mục sẽ ghi.", "Where to write it."),
    (
        "init.people",
        "Thay cho hồ sơ mẫu: một thư mục giả lập N người ở mọi giai đoạn (để đo tốc độ), tối đa 100000.",
        "Instead of the demo, a synthetic workspace of N people at every stage (for benchmarks), at most 100000.",
    ),
    // list
    (
        "list",
        "Liệt kê những người trong thư mục hồ sơ và giai đoạn của họ.",
        "List the people of a workspace with their stage.",
    ),
    // forms
    (
        "forms",
        "Liệt kê các mẫu biểu chính thức hoso điền được.",
        "List the official forms hoso can fill.",
    ),
    // validate
    (
        "validate",
        "Kiểm tra thư mục hồ sơ: trường bắt buộc, ngày tháng, tham chiếu, số liệu; các lỗi in ra stderr (JSON ra stdout).",
        "Check a workspace: required fields, dates, references, figures; problems go to stderr (JSON to stdout).",
    ),
    // rules
    (
        "rules",
        "Các quy tắc kết nạp của bộ quy định có hiệu lực vào một ngày: mã, căn cứ, tham số (đánh dấu tham số chưa xác minh), cùng quy tắc riêng của thư mục hồ sơ.",
        "The admission rules of the set in force on a day: code, citation, parameters (UNVERIFIED ones marked), with a workspace's own stricter rules.",
    ),
    (
        "rules.on",
        "Ngày xem (mặc định: hôm nay).",
        "The day (default: today).",
    ),
    (
        "rules.workspace",
        "Thư mục hồ sơ có quy tắc riêng (`quy_tac_rieng`) cần áp dụng.",
        "A workspace whose own rules (`quy_tac_rieng`) apply.",
    ),
    // due
    (
        "due",
        "Các thời hạn quá hạn hoặc sắp đến: quyết định của cấp trên, lễ kết nạp, hết thời gian dự bị, kiểm điểm, giấy chứng nhận hết hạn.",
        "Time limits overdue or coming: decisions from above, ceremonies, end of probation, branch reviews, certificates that expire.",
    ),
    (
        "due.on",
        "Ngày tính từ (mặc định: hôm nay).",
        "The day to count from (default: today).",
    ),
    (
        "due.within",
        "Hiện việc đến hạn trong ngần này ngày (việc quá hạn luôn hiện).",
        "Show what falls due within this many days (overdue items are always shown).",
    ),
    (
        "due.ics",
        "Ghi thêm các thời hạn ra tệp lịch iCalendar (.ics).",
        "Also write the listed time limits as an iCalendar file (.ics).",
    ),
    // render
    (
        "render",
        "Điền một mẫu cho một người và in ra PDF.",
        "Fill a form for a person and typeset it to PDF.",
    ),
    (
        "render.person",
        "Mã người (tên tệp, bỏ .yaml); không cần khi có --blank.",
        "The person's id (file name without .yaml); not needed with --blank.",
    ),
    (
        "render.typst",
        "Ghi thêm mã Typst sinh ra vào đây (kèm thư viện trình bày bên cạnh).",
        "Also write the generated Typst source here (with the layout library beside it).",
    ),
    (
        "render.blank",
        "Mẫu trắng, để viết tay.",
        "The blank form, for handwriting.",
    ),
    // dossier
    (
        "dossier",
        "In hồ sơ của một người: bìa và danh mục, rồi mọi mẫu đã có trong hồ sơ theo thứ tự danh mục, thành một PDF có mục lục.",
        "Typeset a person's dossier: the cover with its checklist, then every form the record holds, in the order of the checklist, as one PDF with bookmarks.",
    ),
    (
        "dossier.kind",
        "Loại hồ sơ (mặc định: theo giai đoạn của người đó).",
        "Which dossier (default: the one the person's stage calls for).",
    ),
    (
        "kind=ket-nap",
        "hồ sơ đề nghị kết nạp đảng viên",
        "the admission dossier",
    ),
    (
        "kind=chinh-thuc",
        "hồ sơ đề nghị công nhận đảng viên chính thức",
        "the full-membership dossier",
    ),
    // batch
    (
        "batch",
        "Hồ sơ và mẫu biểu của mọi người (hoặc giấy tờ của một lễ kết nạp) vào một thư mục, chạy song song; người không có gì thay đổi từ lần trước được bỏ qua.",
        "Every person's dossier and forms (or one ceremony's paperwork) into a folder, in parallel; people whose inputs did not change since the last run are skipped.",
    ),
    ("batch.output", "Thư mục kết quả.", "The output folder."),
    (
        "batch.jobs",
        "Số việc chạy song song (mặc định: mọi lõi), tối đa 256.",
        "Parallel jobs (default: all cores), at most 256.",
    ),
    (
        "batch.stage",
        "Chỉ những người ở giai đoạn này.",
        "Only people at this stage.",
    ),
    (
        "stage=quan-chung",
        "quần chúng: chưa có đơn",
        "no application yet",
    ),
    (
        "stage=xin-vao-dang",
        "đã có đơn xin vào Đảng",
        "the application is in",
    ),
    (
        "stage=chi-bo-de-nghi",
        "chi bộ đã nghị quyết đề nghị kết nạp",
        "the branch has resolved to recommend admission",
    ),
    ("stage=du-bi", "đảng viên dự bị", "on probation"),
    ("stage=chinh-thuc", "đảng viên chính thức", "full member"),
    (
        "batch.ceremony",
        "Chỉ những người kết nạp trong lễ ngày này, kèm chương trình buổi lễ và các quyết định (dd/mm/yyyy).",
        "Only the people admitted at the ceremony of this day, with the programme and the decisions (dd/mm/yyyy).",
    ),
    (
        "batch.force",
        "Làm lại cho mọi người, kể cả khi không có gì thay đổi.",
        "Redo everyone, even when nothing changed.",
    ),
    (
        "batch.emit",
        "Ghi thêm những gì khác.",
        "What else to write.",
    ),
    (
        "emit=typst",
        "mã Typst sinh ra và thư viện trình bày của nó",
        "the generated Typst sources and their layout library",
    ),
    (
        "batch.format",
        "Dạng của bản tổng kết.",
        "Output format of the summary.",
    ),
    // cap-so
    (
        "cap-so",
        "Cấp cho văn bản của một người số tiếp theo còn trống trong sổ văn bản và ghi vào to-chuc.yaml; mẫu in ra sẽ mang số này.",
        "Give a form of a person the next free number of the register (sổ văn bản) and write it into to-chuc.yaml; the form then prints it.",
    ),
    // bulletin
    (
        "bulletin",
        "Viết nháp bài tin về công tác phát triển đảng viên trong một khoảng thời gian, kèm bảng số liệu.",
        "Draft a bulletin article on member development over a period, with its table of figures.",
    ),
    (
        "bulletin.from",
        "Ngày đầu kỳ: 01/01/2021 hoặc 2021-01-01.",
        "First day of the period: 01/01/2021 or 2021-01-01.",
    ),
    ("bulletin.to", "Ngày cuối kỳ.", "Last day of the period."),
    (
        "bulletin.branch",
        "Chỉ một đơn vị: mã trong `cac_chi_bo` hoặc `cac_dang_bo_co_so` của to-chuc.yaml.",
        "One unit only: an id of `cac_chi_bo` or `cac_dang_bo_co_so` in to-chuc.yaml.",
    ),
    (
        "bulletin.template",
        "Mẫu bài: tin-ngan (tin ngắn), tong-hop (bài tổng hợp), hoặc mẫu riêng của thư mục hồ sơ.",
        "The article template: tin-ngan (short news), tong-hop (longer report), or the workspace's own.",
    ),
    (
        "bulletin.output",
        "Bài sẽ ghi: OUT.md, OUT.html, OUT.pdf hoặc OUT.docx.",
        "The article to write: OUT.md, OUT.html, OUT.pdf or OUT.docx.",
    ),
    // completions
    (
        "completions",
        "In mã gợi ý lệnh (tab) cho shell: lệnh, tùy chọn, giá trị, mã mẫu và (bash, zsh, fish) mã người.",
        "Print the shell's tab-completion script: commands, options, values, form codes and (bash, zsh, fish) person ids.",
    ),
    ("completions.shell", "Shell cần mã gợi ý.", "The shell."),
    ("shell=bash", "bash", "bash"),
    ("shell=zsh", "zsh", "zsh"),
    ("shell=fish", "fish", "fish"),
    ("shell=powershell", "PowerShell", "PowerShell"),
    (
        "completions.words",
        "Dùng bởi mã gợi ý: các từ đã gõ; in các giá trị gợi ý cho từ tiếp theo.",
        "Used by the completion script: the words typed so far; prints the candidates for the next one.",
    ),
    // clap's own `help` command
    (
        "help-command",
        "In trợ giúp của hoso hoặc của một lệnh.",
        "Print the help of hoso or of a command.",
    ),
];

/// One example per command (the top level's too), in the words a clerk would type.
const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "hoso",
        &[
            "hoso init demo && hoso validate demo && hoso batch demo -o out",
            "hoso --lang en validate demo",
        ],
    ),
    ("init", &["hoso init demo", "hoso init bench --people 1000"]),
    ("list", &["hoso list demo", "hoso list demo --format json"]),
    ("forms", &["hoso forms"]),
    (
        "validate",
        &["hoso validate demo", "hoso validate demo --format json"],
    ),
    (
        "rules",
        &["hoso rules --on 15/03/2024", "hoso rules -w demo"],
    ),
    ("due", &["hoso due demo --within 90 --ics han.ics"]),
    (
        "render",
        &[
            "hoso render 6-KNĐ tran-thi-binh -w demo -o nq.pdf",
            "hoso render 1-KNĐ --blank -w demo -o don.pdf",
        ],
    ),
    (
        "dossier",
        &["hoso dossier tran-thi-binh -w demo -o ho-so.pdf"],
    ),
    (
        "batch",
        &[
            "hoso batch demo -o in --jobs 2",
            "hoso batch demo -o le --ceremony 19/05/2026",
        ],
    ),
    ("cap-so", &["hoso cap-so 6-KNĐ dang-van-khoa -w demo"]),
    (
        "bulletin",
        &["hoso bulletin demo --from 01/01/2026 --to 31/12/2026 -o bai.md"],
    ),
    (
        "completions",
        &[
            "hoso completions bash > ~/.local/share/bash-completion/completions/hoso",
            "hoso completions zsh > ~/.zfunc/_hoso",
            "hoso completions fish > ~/.config/fish/completions/hoso.fish",
        ],
    ),
    ("help-command", &["hoso help validate"]),
];

/// The language asked for on the command line (`--lang en`, `--lang=en`) or by `HOSO_LANG`,
/// read before clap parses, so that `--help` and clap's errors can be in it.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut asked = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            asked = words.next().map(|w| w.into_owned());
        } else if let Some(value) = word.strip_prefix("--lang=") {
            asked = Some(value.to_string());
        }
    }
    let asked = asked.or_else(|| std::env::var("HOSO_LANG").ok());
    match asked.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Vi,
    }
}

/// The text of `id` in `lang`.
fn text(id: &str, lang: Lang) -> Option<&'static str> {
    TEXTS
        .iter()
        .find(|(i, _, _)| *i == id)
        .map(|(_, vi, en)| lang.pick(vi, en))
}

/// The table id of a command: its name, `hoso` for the top level, `help-command` for clap's `help`.
fn command_id(cmd: &Command, top: bool) -> String {
    match cmd.get_name() {
        _ if top => "hoso".to_string(),
        "help" => "help-command".to_string(),
        name => name.to_string(),
    }
}

/// The help of an option of a command: its own (`render.person`) or the shared one (`person`).
fn arg_text(command: &str, arg: &str, lang: Lang) -> Option<&'static str> {
    text(&format!("{command}.{arg}"), lang).or_else(|| text(arg, lang))
}

/// The help of a value of an option (`format=json`).
fn value_text(arg: &str, value: &str, lang: Lang) -> Option<&'static str> {
    text(&format!("{arg}={value}"), lang)
}

/// Applies the table to the whole command tree: every about, option, value, heading and example
/// in `lang`. The command is built first, so that clap's `--help`, `--version` and `help` are
/// there to be translated, and global options have reached every command.
pub fn localise(mut cmd: Command, lang: Lang) -> Command {
    cmd.build();
    localise_command(cmd, lang, true)
}

fn localise_command(cmd: Command, lang: Lang, top: bool) -> Command {
    let id = command_id(&cmd, top);
    let usage_style = cmd.get_styles().get_usage();
    let header = cmd.get_styles().get_header();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage_style}{}{usage_style:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        lang.pick("Cách dùng:", "Usage:")
    );
    let mut examples = StyledStr::new();
    if let Some((_, lines)) = EXAMPLES.iter().find(|(c, _)| *c == id) {
        let heading = lang.pick("Ví dụ:", "Examples:");
        let body: String = lines.iter().map(|l| format!("\n  {l}")).collect();
        examples = format!("{header}{heading}{header:#}{body}").into();
    }
    let about = text(&id, lang).unwrap_or_default();
    let cmd = cmd
        .about(about)
        .long_about(None::<&str>)
        .help_template(template)
        .subcommand_help_heading(lang.pick("Lệnh", "Commands"))
        .after_help(examples)
        .mut_args(|arg| localise_arg(arg, &id, lang));
    cmd.mut_subcommands(|sub| localise_command(sub, lang, false))
}

fn localise_arg(arg: Arg, command: &str, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let heading = if arg.is_positional() {
        lang.pick("Đối số", "Arguments")
    } else {
        lang.pick("Tùy chọn", "Options")
    };
    let help = arg_text(command, &id, lang).unwrap_or_default().to_string();
    // clap would add "[default: …]", "[possible values: …]", "[env: …]" in English: say them here.
    let mut short = vec![help.clone()];
    let mut long = vec![help];
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short.push(format!(
            "[{}: {}]",
            lang.pick("giá trị", "values"),
            names.join(", ")
        ));
        let mut list = lang.pick("Giá trị:", "Values:").to_string();
        for v in &values {
            let name = v.get_name();
            let what = value_text(&id, name, lang).unwrap_or_default();
            list.push_str(&format!("\n- {name}: {what}"));
        }
        long.push(format!("\n{list}\n"));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if arg.get_action().takes_values() && !defaults.is_empty() {
        let default = format!(
            "[{}: {}]",
            lang.pick("mặc định", "default"),
            defaults.join(" ")
        );
        short.push(default.clone());
        long.push(default);
    }
    if let Some(env) = arg.get_env() {
        let env = format!(
            "[{}: {}]",
            lang.pick("biến môi trường", "environment"),
            env.to_string_lossy()
        );
        short.push(env.clone());
        long.push(env);
    }
    // The values keep their help in the language too: shell completions show it.
    let translated: Vec<PossibleValue> = values
        .iter()
        .map(|v| {
            let what = value_text(&id, v.get_name(), lang).unwrap_or_default();
            v.clone().help(what)
        })
        .collect();
    let translators: [fn(Arg, &[PossibleValue]) -> Arg; 7] = [
        translate::<FormatArg>,
        translate::<LangArg>,
        translate::<PdfStandardArg>,
        translate::<KindArg>,
        translate::<StageArg>,
        translate::<EmitArg>,
        translate::<ShellArg>,
    ];
    let arg = translators.iter().fold(arg, |arg, f| f(arg, &translated));
    let long_help = if id == "help" {
        lang.pick(
            "In trợ giúp (`-h` để xem tóm tắt).",
            "Print help (`-h` for a summary).",
        )
        .to_string()
    } else {
        long.join("\n")
    };
    arg.help(short.join(" "))
        .long_help(long_help)
        .help_heading(heading)
        .hide_default_value(true)
        .hide_possible_values(true)
        .hide_env(true)
}

/// A value enum's parser whose values carry the table's help: the enum's own parser for the
/// parsing, the translated values for `--help` and completions.
#[derive(Clone)]
struct Translated<E> {
    values: Vec<PossibleValue>,
    of: PhantomData<E>,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Translated<E> {
    type Value = E;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<E, clap::Error> {
        EnumValueParser::<E>::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().cloned()))
    }
}

/// `arg` with its values translated, when it takes values of `E` (else as it is).
fn translate<E: ValueEnum + Clone + Send + Sync + 'static>(
    arg: Arg,
    values: &[PossibleValue],
) -> Arg {
    if values.is_empty() || arg.get_value_parser().type_id() != std::any::TypeId::of::<E>() {
        return arg;
    }
    arg.value_parser(Translated::<E> {
        values: values.to_vec(),
        of: PhantomData,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command, option and value of the tree, each with the texts it resolves to, by
    /// language; `None` where the table has nothing.
    fn walk(cmd: &Command, top: bool, lang: Lang, out: &mut Vec<(String, Option<&'static str>)>) {
        let id = command_id(cmd, top);
        out.push((id.clone(), text(&id, lang)));
        for arg in cmd.get_arguments() {
            let a = arg.get_id().as_str();
            out.push((format!("{id} {a}"), arg_text(&id, a, lang)));
            for v in arg.get_possible_values() {
                let key = format!("{id} {a}={}", v.get_name());
                out.push((key, value_text(a, v.get_name(), lang)));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, false, lang, out);
        }
    }

    fn tree() -> Command {
        let mut cmd = <super::super::Cli as clap::CommandFactory>::command();
        cmd.build();
        cmd
    }

    /// A command, option or value without its Vietnamese or English help fails here, and so
    /// does a command without an example.
    #[test]
    fn every_command_option_and_value_has_both_texts_and_every_command_an_example() {
        let cmd = tree();
        for lang in [Lang::Vi, Lang::En] {
            let mut found = Vec::new();
            walk(&cmd, true, lang, &mut found);
            let missing: Vec<&String> = found
                .iter()
                .filter(|(_, t)| t.is_none_or(str::is_empty))
                .map(|(k, _)| k)
                .collect();
            assert!(missing.is_empty(), "no {lang:?} help for {missing:?}");
        }
        let mut commands = vec!["hoso".to_string()];
        commands.extend(cmd.get_subcommands().map(|c| command_id(c, false)));
        for c in commands {
            assert!(
                EXAMPLES
                    .iter()
                    .any(|(e, lines)| *e == c && !lines.is_empty()),
                "no example for `{c}`"
            );
        }
    }

    /// Every entry of the table is used: a text left behind by a removed option fails here.
    #[test]
    fn every_text_is_used() {
        let cmd = tree();
        let mut used = std::collections::BTreeSet::new();
        fn mark(cmd: &Command, top: bool, used: &mut std::collections::BTreeSet<String>) {
            let id = command_id(cmd, top);
            used.insert(id.clone());
            for arg in cmd.get_arguments() {
                let a = arg.get_id().as_str();
                let own = format!("{id}.{a}");
                used.insert(if text(&own, Lang::En).is_some() {
                    own
                } else {
                    a.to_string()
                });
                for v in arg.get_possible_values() {
                    used.insert(format!("{a}={}", v.get_name()));
                }
            }
            for sub in cmd.get_subcommands() {
                mark(sub, false, used);
            }
        }
        mark(&cmd, true, &mut used);
        let unused: Vec<&str> = TEXTS
            .iter()
            .map(|(id, _, _)| *id)
            .filter(|id| !used.contains(*id))
            .collect();
        assert!(unused.is_empty(), "unused help texts: {unused:?}");
        let unknown: Vec<&str> = EXAMPLES
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| !used.contains(*c))
            .collect();
        assert!(unknown.is_empty(), "examples of no command: {unknown:?}");
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_of(&args(&["hoso", "--lang", "en", "list"])), Lang::En);
        assert_eq!(lang_of(&args(&["hoso", "list", "--lang=en"])), Lang::En);
        assert_eq!(lang_of(&args(&["hoso", "--lang", "vi", "list"])), Lang::Vi);
        assert_eq!(
            lang_of(&args(&[
                "hoso",
                "completions",
                "--",
                "hoso",
                "--lang",
                "en"
            ])),
            lang_of(&args(&["hoso"]))
        );
    }

    /// The values themselves carry the table's help (shell completions show it): a value enum
    /// that `localise` does not know fails here.
    #[test]
    fn every_value_carries_the_help_of_its_language() {
        fn check(cmd: &Command, lang: Lang) {
            for arg in cmd.get_arguments() {
                for v in arg.get_possible_values() {
                    let a = arg.get_id().as_str();
                    let expected = value_text(a, v.get_name(), lang);
                    let help = v.get_help().map(|h| h.to_string());
                    assert_eq!(
                        help.as_deref(),
                        expected,
                        "{} {a}={}",
                        cmd.get_name(),
                        v.get_name()
                    );
                }
            }
            for sub in cmd.get_subcommands() {
                check(sub, lang);
            }
        }
        for lang in [Lang::Vi, Lang::En] {
            let cmd = localise(<super::super::Cli as clap::CommandFactory>::command(), lang);
            check(&cmd, lang);
        }
    }

    /// The localised tree is still a valid command line, in both languages.
    #[test]
    fn the_localised_command_is_valid() {
        for lang in [Lang::Vi, Lang::En] {
            let cmd = <super::super::Cli as clap::CommandFactory>::command();
            localise(cmd, lang).debug_assert();
        }
    }
}
