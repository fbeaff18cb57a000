/*!
`hoso completions SHELL`: the shell's tab-completion script.

clap_complete writes what the command line knows by itself (commands, options, the values of value
enums, with their help in the language of the messages). What depends on data, the form codes of
the catalogue and the person ids of a workspace, is asked of `hoso` at each TAB: the script calls
`hoso completions -- WORDS…` with the words typed so far, and `hoso` parses them as it would a
command line, with a probe in place of the word being typed; if the probe lands on a `FORM` or a
`PERSON`, it prints the codes or the ids (of the workspace named by `-w`, or the current folder).

bash, zsh and fish can call a command from their completion functions and take its answer; the
PowerShell script is clap_complete's alone (commands, options and values), because its completer
is a single script block that clap_complete generates whole, with no place to ask `hoso` first.
clap_complete's fully dynamic engine would cover PowerShell too, but it sits behind the unstable
features of both clap and clap_complete, which may change in any release.
*/

use super::args::ShellArg;
use super::out::{Error, print};
use clap::CommandFactory;
use clap_complete::Shell;
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell.
    #[arg(value_enum, required_unless_present = "words")]
    shell: Option<ShellArg>,
    /// For the script: the words typed so far; prints the candidates for the next one.
    #[arg(last = true, hide = true, value_name = "WORDS")]
    words: Vec<OsString>,
}

/// What stands for the word being completed while the words before it are parsed.
const PROBE: &str = "\u{1}hoso-completion-probe";

pub fn run(args: &Args, lang: crate::diag::Lang) -> Result<(), Error> {
    let Some(shell) = args.shell else {
        let mut out = String::new();
        for c in candidates(&args.words) {
            out.push_str(&c);
            out.push('\n');
        }
        return print(&out);
    };
    let mut cmd = super::help::localise(super::Cli::command(), lang);
    let mut script = Vec::new();
    let generator = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Powershell => Shell::PowerShell,
    };
    clap_complete::generate(generator, &mut cmd, "hoso", &mut script);
    let script = String::from_utf8(script).map_err(|e| Error::Setup(e.to_string()))?;
    print(&with_data_hook(shell, script))
}

/// The script with the call back to `hoso` for form codes and person ids, where the shell allows.
fn with_data_hook(shell: ShellArg, script: String) -> String {
    match shell {
        ShellArg::Bash => script + BASH_HOOK,
        ShellArg::Zsh => {
            // The script ends by calling or registering `_hoso`; that must be the function that
            // asks `hoso` first, so the ending is moved after it.
            let ending = script.rfind("if [ \"$funcstack[1]\" = \"_hoso\" ]; then");
            let (body, ending) = match ending {
                Some(at) => script.split_at(at),
                None => (script.as_str(), ""),
            };
            format!("{body}{ZSH_HOOK}{ending}")
        }
        ShellArg::Fish => script + FISH_HOOK,
        ShellArg::Powershell => script,
    }
}

const BASH_HOOK: &str = r#"
# Form codes and person ids come from hoso itself (`hoso completions -- WORDS`).
_hoso_with_data() {
    local cur="${COMP_WORDS[COMP_CWORD]}" values
    values="$(hoso completions -- "${COMP_WORDS[@]:0:COMP_CWORD}" 2>/dev/null)"
    if [[ -n "${values}" ]]; then
        local IFS=$'\n'
        COMPREPLY=( $(compgen -W "${values}" -- "${cur}") )
        return 0
    fi
    _hoso "$@"
}
complete -F _hoso_with_data -o bashdefault -o default hoso
"#;

const ZSH_HOOK: &str = r#"
# Form codes and person ids come from hoso itself (`hoso completions -- WORDS`).
functions[_hoso_options]=$functions[_hoso]
_hoso() {
    local -a values
    values=("${(@f)$(hoso completions -- "${(@)words[1,CURRENT-1]}" 2>/dev/null)}")
    if [[ -n "${values[1]}" ]]; then
        compadd -a values
    else
        _hoso_options "$@"
    fi
}

"#;

const FISH_HOOK: &str = r#"
# Form codes and person ids come from hoso itself (`hoso completions -- WORDS`).
function __hoso_data_values
    hoso completions -- (commandline -opc) 2>/dev/null
end
complete -c hoso -f -n 'test (count (__hoso_data_values)) -gt 0' -a '(__hoso_data_values)'
"#;

/// The form codes or person ids that may stand where the word after `words` is being typed;
/// nothing when that place takes something else (the shell then offers what it would).
fn candidates(words: &[OsString]) -> Vec<String> {
    if words.is_empty() {
        return Vec::new();
    }
    let mut argv = words.to_vec();
    argv.push(PROBE.into());
    let cmd = super::Cli::command().ignore_errors(true);
    let Ok(matches) = cmd.try_get_matches_from(argv) else {
        return Vec::new();
    };
    let Some((_, sub)) = matches.subcommand() else {
        return Vec::new();
    };
    let probed = |id: &str| {
        sub.try_get_one::<String>(id)
            .ok()
            .flatten()
            .is_some_and(|v| v == PROBE)
    };
    if probed("form") {
        crate::forms::Catalogue::builtin()
            .forms
            .iter()
            .map(|f| f.ma.to_string())
            .collect()
    } else if probed("person") {
        let root = sub
            .try_get_one::<PathBuf>("workspace")
            .ok()
            .flatten()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        match crate::model::load(&root) {
            Ok(loaded) => loaded
                .workspace
                .people
                .iter()
                .map(|r| r.id.to_string())
                .collect(),
            Err(_) => Vec::new(),
        }
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<OsString> {
        w.iter().map(OsString::from).collect()
    }

    #[test]
    fn form_codes_where_a_form_goes_and_nothing_elsewhere() {
        let forms = candidates(&words(&["hoso", "render"]));
        assert!(forms.contains(&"6-KNĐ".to_string()), "{forms:?}");
        assert!(candidates(&words(&["hoso", "cap-so"])).contains(&"9-KNĐ".to_string()));
        assert!(candidates(&words(&["hoso", "--lang", "en", "render"])).len() > 10);
        // The value of an option, a command name, a folder: the shell's own business.
        assert!(candidates(&words(&["hoso", "render", "6-KNĐ", "x", "-o"])).is_empty());
        assert!(candidates(&words(&["hoso"])).is_empty());
        assert!(candidates(&words(&["hoso", "validate"])).is_empty());
    }

    #[test]
    fn person_ids_of_the_workspace_named_by_w() {
        let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo");
        let ids = candidates(&words(&["hoso", "render", "6-KNĐ", "-w", demo]));
        assert!(ids.contains(&"tran-thi-binh".to_string()), "{ids:?}");
        let ids = candidates(&words(&["hoso", "dossier", "--workspace", demo]));
        assert!(ids.contains(&"tran-thi-binh".to_string()), "{ids:?}");
        // A folder that is not a workspace has no ids.
        let ids = candidates(&words(&["hoso", "dossier", "-w", "/nonexistent"]));
        assert!(ids.is_empty());
    }
}
