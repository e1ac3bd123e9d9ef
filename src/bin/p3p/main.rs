//! `p3p`: the command-line tool for policy authors.
//!
//! ```text
//! p3p explain [--json] [--profile NAME|FILE] [--level L] [--party P] [--cookie K] VALUE...
//! p3p lint [--json] [--all] [--profile NAME|FILE] VALUE...
//! p3p audit [--json] [--profile NAME|FILE] [--level L] [--page URL [--url URL]] FILE...
//! p3p profile check FILE
//! p3p completions SHELL
//! ```
//!
//! VALUE is a `P3P` header field value (`CP="NOI DSP"`, with or without a
//! leading `P3P:`), or a bare token list when it has no `=` at all; `-`
//! reads one value per line from standard input. `p3p help` and
//! `p3p COMMAND --help` say the rest (from the definitions in `args.rs`).

mod args;
mod audit;
mod explain;
mod input;
mod json;
mod lint;
mod out;
mod profile;
mod shape;

use std::io;
use std::process::ExitCode;

use clap::CommandFactory;
use p3p::explain::{NamedProfile, ProfileSelect, Select};
use p3p::ie6::{CookieKind, Level, Party};

use args::{Cli, Command, CookieArg, ExplainArgs, LintArgs, PartyArg, ProfileCommand};
use input::{for_each_value, Ended, CHUNK, SPOOL_MEMORY};
use out::Out;
use profile::Loaded;

fn main() -> ExitCode {
    match args::parse_command_line().command {
        Command::Explain(a) => run_explain(a),
        Command::Lint(a) => run_lint(a),
        Command::Audit(a) => audit::run(&a),
        Command::Profile(ProfileCommand::Check { file }) => profile::check(&file),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "p3p", &mut io::stdout());
            ExitCode::SUCCESS
        }
        Command::Manpages { dir } => match args::write_man_pages(&dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("p3p: {}: {e}", dir.display());
                ExitCode::from(2)
            }
        },
    }
}

fn run_lint(a: LintArgs) -> ExitCode {
    let mut out = Out::new(io::BufWriter::with_capacity(CHUNK, io::stdout().lock()));
    let mut failed_profile = false;
    if let Some(arg) = &a.common.profile {
        match profile::load(arg) {
            Ok(Loaded::Ready(..)) => {}
            Ok(Loaded::Broken(file, errors)) => {
                // With --json, standard output stays one JSON object per line.
                if a.common.json {
                    profile::write_errors(&mut Out::new(io::stderr().lock()), &file, &errors);
                } else {
                    profile::write_errors(&mut out, &file, &errors);
                }
                failed_profile = true;
            }
            Err(e) => return args::usage_error("lint", e),
        }
    }
    let opts = lint::Options { json: a.common.json, all: a.all };
    let mut findings = false;
    let ended = for_each_value(&a.common.values, &mut out, SPOOL_MEMORY, |out, value, shape, line, _| {
        findings |= lint::value(out, value, shape, line, &opts)?;
        Ok(())
    });
    match ended {
        Ended::Failed => ExitCode::from(2),
        Ended::Done | Ended::Closed if findings || failed_profile => ExitCode::from(1),
        Ended::Done | Ended::Closed => ExitCode::SUCCESS,
    }
}

fn run_explain(a: ExplainArgs) -> ExitCode {
    let loaded = match a.common.profile.as_ref().map(profile::load).transpose() {
        Ok(l) => l,
        Err(e) => return args::usage_error("explain", e),
    };
    let party = a.party.map(|p| match p {
        PartyArg::First => Party::First,
        PartyArg::Third => Party::Third,
    });
    let cookie = a.cookie.map(|c| match c {
        CookieArg::Session => CookieKind::Session,
        CookieArg::Persistent => CookieKind::Persistent,
    });
    let key = a.level.map(args::LevelArg::key);
    let mut opts =
        explain::Options { json: a.common.json, select: Select { level: None, party, cookie }, profile: None };
    match &loaded {
        None => match key.map(|k| Level::from_key(k.as_bytes())) {
            Some(None) => {
                let levels = Level::ALL.map(Level::key).join(", ");
                return args::usage_error(
                    "explain",
                    format!(
                        "'{}' is not an IE6 level (levels: {levels}); other profiles take --profile",
                        key.unwrap_or("")
                    ),
                );
            }
            level => opts.select.level = level.flatten(),
        },
        Some(Loaded::Broken(file, errors)) => {
            let mut err = Out::new(io::stderr().lock());
            profile::write_errors(&mut err, file, errors);
            return ExitCode::from(2);
        }
        Some(Loaded::Ready(p, name)) => {
            let level = match key.map(|k| p.level_from_key(k.as_bytes())) {
                Some(None) if !p.has_levels() => {
                    return args::usage_error("explain", format!("profile {name} has no levels: leave out --level"));
                }
                Some(None) => {
                    let levels = p.level_keys().join(", ");
                    return args::usage_error(
                        "explain",
                        format!("unknown level '{}' for profile {name} (levels: {levels})", key.unwrap_or("")),
                    );
                }
                level => level.flatten(),
            };
            let named = NamedProfile { profile: p, name };
            opts.profile = Some((named, ProfileSelect { level, party, cookie }));
        }
    }
    let mut out = Out::new(io::BufWriter::with_capacity(CHUNK, io::stdout().lock()));
    // The report needs the whole value: standard input lines stay in memory.
    let ended = for_each_value(&a.common.values, &mut out, usize::MAX, |out, value, shape, _, first| {
        match value.whole() {
            Some(bytes) => explain::value(out, bytes, shape, first, &opts),
            None => return Err(io::Error::other("value not in memory")),
        }
        Ok(())
    });
    match ended {
        Ended::Failed => ExitCode::from(2),
        Ended::Done | Ended::Closed => ExitCode::SUCCESS,
    }
}
