//! `p3p`: the command-line tool for policy authors.
//!
//! ```text
//! p3p explain [--json] [--profile NAME|FILE] [--level L] [--party P] [--cookie K] VALUE...
//! p3p lint [--json] [--all] [--profile NAME|FILE] VALUE...
//! p3p profile check FILE
//! p3p completions SHELL
//! ```
//!
//! VALUE is a `P3P` header field value (`CP="NOI DSP"`, with or without a
//! leading `P3P:`), or a bare token list when it has no `=` at all; `-`
//! reads one value per line from standard input. `p3p help` and
//! `p3p COMMAND --help` say the rest (from the definitions in `args.rs`).

mod args;
mod explain;
mod input;
mod json;
mod lint;
mod out;
mod profile;

use std::ffi::OsString;
use std::io::{self, BufReader};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, Parser};
use p3p::explain::{NamedProfile, ProfileSelect, Select};
use p3p::ie6::{CookieKind, Level, Party};

use args::{Cli, Command, CookieArg, ExplainArgs, LintArgs, PartyArg, ProfileCommand};
use input::{shape_of, Lines, Shape, Spool, Value, CHUNK, SPOOL_MEMORY};
use out::Out;
use profile::Loaded;

fn main() -> ExitCode {
    match parse_command_line().command {
        Command::Explain(a) => run_explain(a),
        Command::Lint(a) => run_lint(a),
        Command::Profile(ProfileCommand::Check { file }) => profile::check(&file),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "p3p", &mut io::stdout());
            ExitCode::SUCCESS
        }
        Command::Manpages { dir } => {
            let mut cmd = Cli::command().disable_help_subcommand(true);
            cmd.build();
            match std::fs::create_dir_all(&dir).and_then(|()| write_man_pages(&cmd, &dir)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("p3p: {}: {e}", dir.display());
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// Writes `NAME.1` for `cmd` and each subcommand that is not hidden
/// (`p3p.1`, `p3p-lint.1`, `p3p-profile-check.1`, ...).
fn write_man_pages(cmd: &clap::Command, dir: &std::path::Path) -> io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_man_pages(sub, dir)?;
    }
    let man = clap_mangen::Man::new(cmd.clone()).source(format!("p3p {}", p3p::VERSION)).manual("p3p");
    let mut page = Vec::new();
    man.render(&mut page)?;
    std::fs::write(dir.join(man.get_filename()), page)
}

/// Parses the command line; on an error, prints it with the usage line of
/// the (sub)command it concerns and exits with status 2 (help and version
/// go to standard output with status 0).
fn parse_command_line() -> Cli {
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
fn named_usage(cmd: &mut clap::Command) -> clap::builder::StyledStr {
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

fn usage_of(cmd: &mut clap::Command, path: &[String]) -> clap::builder::StyledStr {
    if let Some((name, rest)) = path.split_first() {
        if let Some(sub) = cmd.find_subcommand_mut(name) {
            return usage_of(sub, rest);
        }
    }
    cmd.render_usage()
}

/// A usage error found after parsing, shown like clap's own: the message,
/// the subcommand's usage line, exit status 2.
fn usage_error(subcommand: &str, message: impl std::fmt::Display) -> ExitCode {
    let mut cmd = Cli::command();
    cmd.build();
    let err = match cmd.find_subcommand_mut(subcommand) {
        Some(sub) => sub.error(ErrorKind::ValueValidation, message),
        None => cmd.error(ErrorKind::ValueValidation, message),
    };
    let _ = err.print();
    ExitCode::from(2)
}

/// The outcome of writing the values' output.
enum Ended {
    /// Every value was written.
    Done,
    /// Standard output was closed by its reader: stop quietly.
    Closed,
    /// A failure, already reported.
    Failed,
}

/// Runs `each` on every value in order: arguments, and the lines of
/// standard input where a VALUE is `-` (spooled past `spool_limit` bytes).
/// `each` gets the value's line number and whether it is the first one
/// shown; it writes to `out`.
fn for_each_value<W: io::Write>(
    values: &[OsString],
    out: &mut Out<W>,
    spool_limit: usize,
    mut each: impl FnMut(&mut Out<W>, &mut Value, &Shape, u64, bool) -> io::Result<()>,
) -> Ended {
    let mut stdin: Option<Lines<BufReader<io::Stdin>>> = None;
    let mut line = 0u64;
    let mut first = true;
    for v in values {
        if v.as_encoded_bytes() == b"-" {
            let base = line;
            let lines = stdin.get_or_insert_with(|| {
                Lines::new(BufReader::with_capacity(CHUNK, io::stdin()), Spool::new(spool_limit))
            });
            let start = lines.number;
            loop {
                let shape = match lines.next_line() {
                    Ok(Some(s)) => s,
                    Ok(None) => break,
                    Err(e) => {
                        eprintln!("p3p: reading standard input: {e}");
                        return Ended::Failed;
                    }
                };
                line = base + (lines.number - start);
                if shape.blank {
                    continue;
                }
                let r = each(out, &mut Value::Spooled(&mut lines.spool), &shape, line, first);
                first = false;
                if let Some(end) = after_value(out, r) {
                    return end;
                }
            }
        } else {
            line += 1;
            let bytes = v.as_encoded_bytes();
            let r = each(out, &mut Value::Bytes(bytes), &shape_of(bytes), line, first);
            first = false;
            if let Some(end) = after_value(out, r) {
                return end;
            }
        }
    }
    Ended::Done
}

/// Flushes one value's output; says how to end when it could not be done.
fn after_value<W: io::Write>(out: &mut Out<W>, r: io::Result<()>) -> Option<Ended> {
    out.flush();
    if let Some(e) = out.take_error() {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Some(Ended::Closed);
        }
        eprintln!("p3p: writing standard output: {e}");
        return Some(Ended::Failed);
    }
    if let Err(e) = r {
        eprintln!("p3p: {e}");
        return Some(Ended::Failed);
    }
    None
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
            Err(e) => return usage_error("lint", e),
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
        Err(e) => return usage_error("explain", e),
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
                return usage_error(
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
                    return usage_error("explain", format!("profile {name} has no levels: leave out --level"));
                }
                Some(None) => {
                    let levels = p.level_keys().join(", ");
                    return usage_error(
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
