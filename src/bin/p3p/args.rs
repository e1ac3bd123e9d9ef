//! The command line, declared once: parsing, help, suggestions, shell
//! completions and man pages all come from these definitions.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{OsStringValueParser, StyledStr, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum, ValueHint};

const VALUE_HELP: &str = "\
A P3P header field value, such as 'CP=\"NOI DSP COR\"' (a leading 'P3P:' is \
allowed), or a bare token list such as 'NOI DSP COR' when it has no '='. \
'-' reads one value per line from standard input. Several VALUEs are \
taken in order; any bytes are accepted.";

const PROFILE_HELP: &str = "\
The profile that decides: ie6 (the default), ie6-strict, mozilla, \
mozilla:low|medium|high|default, mozilla:LETTERS (eight of a, d, f, r), or \
an IE6 privacy-import FILE (any other argument is a file name)";

const ABOUT: &str = "Explain and check P3P compact policies the way Internet Explorer 6 read them";

const LONG_ABOUT: &str = "\
Explain and check P3P compact policies (the P3P: CP=\"...\" response header) \
the way Internet Explorer 6 read them: what each token means, how each \
privacy level decided a cookie with the policy, why, and how to fix it.";

const EXPLAIN_AFTER: &str = "\
Levels: block_all, high, medium_high, medium, low, accept_all (IE6, the \
default); low, medium, high, default with --profile mozilla; profiles \
without levels (mozilla:LETTERS, files) take none.

Text reports of several values are separated by a line '----'; --json \
prints one JSON object per value, one per line.

Exit status: 0 when every report was written, 2 on usage errors (an \
unknown option, a bad level for the profile, an unreadable or invalid \
profile file).";

const LINT_AFTER: &str = "\
Output: one line per finding, LINE:COLUMN: severity: message [code]. LINE \
numbers the values in order: each VALUE argument is one line, and '-' adds \
the lines of standard input (blank lines are skipped but counted). COLUMN \
counts bytes from 1 in the value exactly as given, before any 'P3P:' or \
spaces. At most 5 findings of each code are shown per value, then one line \
'LINE:COLUMN: note: N more CODE findings not shown' at the first one left \
out; --all shows every finding. A profile file's errors are printed as \
FILE:LINE:COLUMN: message [code] (on standard error with --json).

--json prints one object per value, one per line, with every finding: \
{\"input\": the value as given, \"line\", \"diagnostics\": [{\"code\", \
\"severity\", \"offset\", \"len\", \"message\"}]}; offsets count bytes of the \
value as given, from 0. A value that is not UTF-8 has U+FFFD in \"input\" \
where its bytes are not UTF-8, and its exact bytes in \"input_base64\".

Exit status: 0 when every value is clean, 1 when there are findings \
(profile file errors included), 2 on usage errors.";

const PROFILE_CHECK_AFTER: &str = "\
Exit status: 0 when the file loads, 1 with its errors printed as \
FILE:LINE:COLUMN: message [code], 2 on usage errors or an unreadable file.";

/// `p3p`: the command line.
#[derive(Parser, Debug)]
#[command(name = "p3p", version, about = ABOUT, long_about = LONG_ABOUT)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the evaluation report of each VALUE: tokens, class and
    /// verdict, the decision grid with a reason per cell, fixes, findings
    #[command(after_help = EXPLAIN_AFTER)]
    Explain(ExplainArgs),
    /// Check each VALUE and print its findings (exit 1 when there are any)
    #[command(after_help = LINT_AFTER)]
    Lint(LintArgs),
    /// Internet Explorer 6's Privacy Report for the pages of HAR files (or
    /// of response-header dumps): which sites set cookies, with what
    /// policy, and what the level does with each cookie
    Audit(crate::audit::AuditArgs),
    /// Work with profile files
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Print a shell completion script to standard output
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the man pages (p3p.1, p3p-SUBCOMMAND.1) into DIR
    #[command(hide = true)]
    Manpages {
        /// The directory (created when missing)
        #[arg(value_hint = ValueHint::DirPath)]
        dir: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum ProfileCommand {
    /// Check an IE6 privacy-import FILE: exit 0 when it loads, 1 with its errors
    #[command(after_help = PROFILE_CHECK_AFTER)]
    Check {
        /// The file
        #[arg(value_hint = ValueHint::FilePath)]
        file: PathBuf,
    },
}

/// What `explain` and `lint` share.
#[derive(Args, Debug)]
pub struct Common {
    /// Print one JSON object per value instead of text
    #[arg(long)]
    pub json: bool,
    #[arg(long, value_name = "NAME|FILE", help = PROFILE_HELP, value_parser = ProfileParser, value_hint = ValueHint::FilePath)]
    pub profile: Option<ProfileArg>,
    #[arg(value_name = "VALUE", required = true, help = VALUE_HELP, value_parser = OsStringValueParser::new())]
    pub values: Vec<OsString>,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// Only this level's cells (see the levels below)
    #[arg(long, value_enum, ignore_case = true)]
    pub level: Option<LevelArg>,
    /// Only first- or third-party cells
    #[arg(long, value_enum, ignore_case = true)]
    pub party: Option<PartyArg>,
    /// Only session or persistent cookies
    #[arg(long, value_enum, ignore_case = true)]
    pub cookie: Option<CookieArg>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug)]
pub struct LintArgs {
    /// Show every finding (by default, at most 5 of each code per value)
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub common: Common,
}

/// A level, by the key the library reads (any case, `-` for `_`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    #[value(name = "block_all", alias = "block-all")]
    BlockAll,
    High,
    #[value(name = "medium_high", alias = "medium-high")]
    MediumHigh,
    Medium,
    Low,
    #[value(name = "accept_all", alias = "accept-all")]
    AcceptAll,
    /// Mozilla's default level (--profile mozilla)
    Default,
    /// The one rule set of a profile without levels
    #[value(hide = true)]
    Profile,
}

impl LevelArg {
    pub fn key(self) -> &'static str {
        match self {
            LevelArg::BlockAll => "block_all",
            LevelArg::High => "high",
            LevelArg::MediumHigh => "medium_high",
            LevelArg::Medium => "medium",
            LevelArg::Low => "low",
            LevelArg::AcceptAll => "accept_all",
            LevelArg::Default => "default",
            LevelArg::Profile => "profile",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PartyArg {
    #[value(aliases = ["first_party", "first-party", "1st"])]
    First,
    #[value(aliases = ["third_party", "third-party", "3rd"])]
    Third,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CookieArg {
    Session,
    Persistent,
}

/// A `--profile` argument: a built-in profile's name, or a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileArg {
    Builtin(String),
    File(PathBuf),
}

/// The built-in names, for suggestions.
const BUILTIN_NAMES: [&str; 7] =
    ["ie6", "ie6-strict", "mozilla", "mozilla:low", "mozilla:medium", "mozilla:high", "mozilla:default"];

/// Tells built-in profile names from file names, and suggests the name
/// probably meant when an argument is neither.
#[derive(Clone, Copy, Debug)]
pub struct ProfileParser;

impl TypedValueParser for ProfileParser {
    type Value = ProfileArg;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<ProfileArg, clap::Error> {
        let bytes = value.as_encoded_bytes();
        if let Some(name) = value.to_str().filter(|n| p3p::Profile::builtin(n.as_bytes()).is_some()) {
            return Ok(ProfileArg::Builtin(name.to_owned()));
        }
        let shown = value.to_string_lossy();
        let flag = arg.map_or_else(|| "--profile".to_owned(), ToString::to_string);
        let refuse = |why: &str, tip: Option<&str>| {
            let mut msg = format!("invalid value '{shown}' for '{flag}': {why}");
            if let Some(t) = tip {
                msg.push_str(&format!("\n\n  tip: a similar value exists: '{t}'"));
            }
            clap::Error::raw(ErrorKind::ValueValidation, msg).format(&mut cmd.clone())
        };
        if bytes.get(..8).is_some_and(|h| h.eq_ignore_ascii_case(b"mozilla:")) {
            let tip = closest(&shown);
            return Err(refuse(
                "a Mozilla profile is mozilla:low, medium, high, default or eight letters of a, d, f, r",
                tip,
            ));
        }
        let path = PathBuf::from(value);
        if !path.exists() {
            if let Some(tip) = closest(&shown) {
                return Err(refuse("not a built-in profile, and no such file", Some(tip)));
            }
        }
        Ok(ProfileArg::File(path))
    }
}

/// The built-in name within two edits of `s`, if any.
fn closest(s: &str) -> Option<&'static str> {
    let s = s.to_ascii_lowercase();
    BUILTIN_NAMES.iter().map(|n| (edit_distance(&s, n), *n)).filter(|(d, _)| *d <= 2).min().map(|(_, n)| n)
}

/// Levenshtein distance, for suggestions between short names.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

/// Writes the man pages into `dir` (created when missing).
pub fn write_man_pages(dir: &Path) -> io::Result<()> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    std::fs::create_dir_all(dir)?;
    write_pages(&cmd, dir)
}

/// Writes `NAME.1` for `cmd` and each subcommand that is not hidden
/// (`p3p.1`, `p3p-lint.1`, `p3p-profile-check.1`, ...).
fn write_pages(cmd: &clap::Command, dir: &Path) -> io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    let man = clap_mangen::Man::new(cmd.clone()).source(format!("p3p {}", p3p::VERSION)).manual("p3p");
    let mut page = Vec::new();
    man.render(&mut page)?;
    std::fs::write(dir.join(man.get_filename()), page)
}

/// Parses the command line; on an error, prints it with the usage line of
/// the (sub)command it concerns and exits with status 2 (help and version
/// go to standard output with status 0).
pub fn parse_command_line() -> Cli {
    Cli::try_parse().unwrap_or_else(|mut e| {
        if e.use_stderr() && e.get(ContextKind::Usage).is_none() {
            let mut cmd = Cli::command();
            cmd.build();
            let usage = named_usage(&mut cmd);
            e.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
        }
        e.exit()
    })
}

/// The usage line of the deepest subcommand named on the command line.
fn named_usage(cmd: &mut clap::Command) -> StyledStr {
    let mut path = Vec::new();
    let mut at: &clap::Command = cmd;
    for arg in std::env::args_os().skip(1) {
        let Some(name) = arg.to_str() else { break };
        if name.starts_with('-') {
            continue;
        }
        let Some(sub) = at.find_subcommand(name) else { break };
        path.push(sub.get_name().to_owned());
        at = sub;
    }
    usage_of(cmd, &path)
}

fn usage_of(cmd: &mut clap::Command, path: &[String]) -> StyledStr {
    if let Some((name, rest)) = path.split_first() {
        if let Some(sub) = cmd.find_subcommand_mut(name) {
            return usage_of(sub, rest);
        }
    }
    cmd.render_usage()
}

/// A usage error found after parsing, shown like clap's own: the message,
/// the subcommand's usage line, exit status 2.
pub fn usage_error(subcommand: &str, message: impl std::fmt::Display) -> ExitCode {
    let mut cmd = Cli::command();
    cmd.build();
    let err = match cmd.find_subcommand_mut(subcommand) {
        Some(sub) => sub.error(ErrorKind::ValueValidation, message),
        None => cmd.error(ErrorKind::ValueValidation, message),
    };
    let _ = err.print();
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn suggests_builtin_names() {
        assert_eq!(closest("ie6-strct"), Some("ie6-strict"));
        assert_eq!(closest("mozila"), Some("mozilla"));
        assert_eq!(closest("profiles/my.xml"), None);
    }
}
