/*!
`--help` in the language of the messages. The help of every command, option and value is in one
table (`texts.rs`), by id, in Vietnamese and English; [`localise`] applies it to clap's `Command`
once the language is known (read from `--lang` / `HOSO_LANG` before clap parses). clap's own
words (the headings, "default", "possible values") are replaced too, so a Vietnamese `--help` has
no English in it but the names of options and values; the values carry their help in the language
too, for the shells' completions to show.

Ids: a command by its name (`validate`; the top level is `hoso`), an option or argument by
`command.id` or, when it means the same everywhere, by its id alone (`workspace`); a value by
`id=value` (`format=json`). A test walks the whole command tree and fails on any command, option or
value without both texts, or on any command without an example, so a new one cannot be forgotten.
*/

use super::args::{
    EmitArg, FormatArg, KindArg, LangArg, ListFormatArg, PdfStandardArg, ShellArg, StageArg,
};
use super::schema::KindArg as SchemaKindArg;
use crate::diag::Lang;
use clap::builder::{EnumValueParser, PossibleValue, StyledStr, TypedValueParser};
use clap::{Arg, Command, ValueEnum};
use std::ffi::{OsStr, OsString};
use std::marker::PhantomData;

mod texts;

use texts::{EXAMPLES, TEXTS};

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
    let translators: [fn(Arg, &[PossibleValue]) -> Arg; 9] = [
        translate::<FormatArg>,
        translate::<LangArg>,
        translate::<PdfStandardArg>,
        translate::<KindArg>,
        translate::<StageArg>,
        translate::<EmitArg>,
        translate::<ShellArg>,
        translate::<ListFormatArg>,
        translate::<SchemaKindArg>,
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
