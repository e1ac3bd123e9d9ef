//! `p3p`: the command-line tool for policy authors.
//!
//! ```text
//! p3p explain [--json] [--profile NAME|FILE] [--level L] [--party first|third] [--cookie session|persistent] VALUE|-
//! p3p lint [--json] [--profile NAME|FILE] VALUE|-
//! p3p profile check FILE
//! p3p audit [--level L] [--profile NAME|FILE] [--json] [--page URL [--url URL]] FILE...|-
//! ```
//!
//! VALUE is a `P3P` header field value (`CP="NOI DSP"`, with or without a
//! leading `P3P:`), or a bare token list when it has no `=` at all. `-` reads
//! one value per line from standard input.

mod audit;

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use clap::Parser as _;

use p3p::explain::{NamedProfile, ProfileSelect, Report, Select};
use p3p::ie6::{CookieKind, Level, Party};
use p3p::{Mode, Profile};

const USAGE: &str = "\
usage:
  p3p explain [--json] [--profile NAME|FILE] [--level L] [--party first|third]
              [--cookie session|persistent] VALUE|-
  p3p lint [--json] [--profile NAME|FILE] VALUE|-
  p3p profile check FILE
  p3p audit [--level L] [--profile NAME|FILE] [--json] [--page URL [--url URL]]
            FILE...|-
  p3p --version

VALUE is a P3P header field value such as 'CP=\"NOI DSP COR\"' (a leading
'P3P:' is allowed), or a bare token list such as 'NOI DSP COR' when it has
no '='. '-' reads one value per line from standard input.

levels: block_all, high, medium_high, medium, low, accept_all; with
--profile mozilla: low, medium, high, default; profiles without levels
(mozilla:LETTERS, files) take none.

profiles: ie6 (the default), ie6-strict, mozilla, mozilla:low|medium|high|default,
mozilla:LETTERS (eight of a, d, f, r), or an IE6 privacy-import FILE.

explain prints the evaluation report (text, or one JSON object per value).
lint prints findings and exits 0 when clean, 1 when there are findings
(profile file errors included), 2 on usage errors.
profile check validates FILE: exit 0 when it loads, 1 with errors printed
as FILE:LINE:COLUMN: message, 2 on usage errors or an unreadable file.
audit prints IE6's Privacy Report for the pages of HAR files (p3p audit --help).";

// `p3p audit`, parsed by clap (its help comes from `AuditArgs`).
#[derive(clap::Parser)]
#[command(name = "p3p audit", bin_name = "p3p audit", version)]
struct AuditCommand {
    #[command(flatten)]
    args: audit::AuditArgs,
}

enum Command {
    Explain,
    Lint,
}

struct Options {
    command: Command,
    json: bool,
    select: Select,
    level: Option<String>,
    profile: Option<String>,
    value: String,
}

/// A `--profile` argument resolved: a built-in profile, a loaded file, or
/// the file's errors.
enum ProfileArg {
    Loaded(Box<Profile>, String),
    Broken(String, Vec<p3p::profile::LoadError>),
}

fn resolve_profile(arg: &str) -> Result<ProfileArg, String> {
    if let Some(p) = Profile::builtin(arg.as_bytes()) {
        return Ok(ProfileArg::Loaded(Box::new(p), arg.to_owned()));
    }
    if arg.get(..8).is_some_and(|h| h.eq_ignore_ascii_case("mozilla:")) {
        return Err(format!("unknown Mozilla profile '{arg}': use low, medium, high, default or eight letters"));
    }
    let bytes = std::fs::read(arg).map_err(|e| format!("profile '{arg}': {e}"))?;
    Ok(match Profile::load(&bytes) {
        Ok(p) => ProfileArg::Loaded(Box::new(p), arg.to_owned()),
        Err(errors) => ProfileArg::Broken(arg.to_owned(), errors),
    })
}

fn print_profile_errors(file: &str, errors: &[p3p::profile::LoadError], out: &mut String) {
    use std::fmt::Write as _;
    for e in errors {
        let _ = writeln!(out, "{file}:{e} [{}]", e.code.name());
    }
}

fn profile_check(args: &[String]) -> ExitCode {
    let file = match args {
        [check, file] if check == "check" => file,
        _ => return usage_error("usage: p3p profile check FILE"),
    };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("p3p: {file}: {e}");
            return ExitCode::from(2);
        }
    };
    match Profile::load(&bytes) {
        Ok(_) => ExitCode::SUCCESS,
        Err(errors) => {
            let mut out = String::new();
            print_profile_errors(file, &errors, &mut out);
            print!("{out}");
            ExitCode::from(1)
        }
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("p3p: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut it = args.iter();
    let command = match it.next().map(String::as_str) {
        Some("explain") => Command::Explain,
        Some("lint") => Command::Lint,
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("missing command".into()),
    };
    let mut opts =
        Options { command, json: false, select: Select::default(), level: None, profile: None, value: String::new() };
    let mut value: Option<String> = None;
    let explain = matches!(opts.command, Command::Explain);
    while let Some(arg) = it.next() {
        let mut take = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--json" => opts.json = true,
            "--level" if explain => opts.level = Some(take("--level")?),
            "--profile" => opts.profile = Some(take("--profile")?),
            "--party" if explain => {
                let v = take("--party")?;
                opts.select.party = Some(Party::from_name(v.as_bytes()).ok_or_else(|| format!("unknown party '{v}'"))?);
            }
            "--cookie" if explain => {
                let v = take("--cookie")?;
                opts.select.cookie =
                    Some(CookieKind::from_name(v.as_bytes()).ok_or_else(|| format!("unknown cookie kind '{v}'"))?);
            }
            "--" => {
                value = it.next().cloned();
                if it.next().is_some() {
                    return Err("only one VALUE is allowed".into());
                }
            }
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'")),
            s => {
                if value.replace(s.to_owned()).is_some() {
                    return Err("only one VALUE is allowed (quote the policy)".into());
                }
            }
        }
    }
    opts.value = value.ok_or("missing VALUE")?;
    if let (Some(v), None) = (&opts.level, &opts.profile) {
        opts.select.level = Some(Level::from_key(v.as_bytes()).ok_or_else(|| format!("unknown level '{v}'"))?);
    }
    Ok(opts)
}

/// Splits a user's value into the bytes to parse and how to read them.
fn input_of(value: &str) -> (&str, Mode) {
    let v = value.trim();
    let v = match v.get(..4) {
        Some(head) if head.eq_ignore_ascii_case("p3p:") => v.get(4..).unwrap_or("").trim_start(),
        _ => v,
    };
    if v.contains('=') {
        (v, Mode::Header)
    } else {
        (v, Mode::Tokens)
    }
}

/// Runs the command on one value; returns whether it had findings.
fn run_one(opts: &Options, profile: Option<NamedProfile<'_>>, value: &str, line: usize, out: &mut String) -> bool {
    let (text, mode) = input_of(value);
    let report = Report::new(text.as_bytes(), mode);
    let mut findings = 0usize;
    report.diagnostics(|_| findings += 1);
    let psel = ProfileSelect {
        level: profile.and_then(|p| opts.level.as_ref().and_then(|l| p.profile.level_from_key(l.as_bytes()))),
        party: opts.select.party,
        cookie: opts.select.cookie,
    };
    // Writing to a String cannot fail.
    let _ = match (&opts.command, opts.json, profile) {
        (Command::Explain, false, Some(p)) => report.write_profile_text(out, p, psel),
        (Command::Explain, true, Some(p)) => report.write_profile_json(out, p, psel).map(|()| out.push('\n')),
        (Command::Explain, false, None) => report.write_text(out, opts.select),
        (Command::Explain, true, None) => report.write_json(out, opts.select).map(|()| out.push('\n')),
        (Command::Lint, true, _) => write_lint_json(&report, text, out),
        (Command::Lint, false, _) => {
            let mut r = Ok(());
            report.diagnostics(|d| {
                if r.is_ok() {
                    r = write_lint_line(out, line, text.as_bytes(), &d);
                }
            });
            r
        }
    };
    findings > 0
}

/// `LINE:COLUMN: severity: message [code]`, the shape editors and CI read.
fn write_lint_line(out: &mut String, line: usize, input: &[u8], d: &p3p::Diagnostic) -> std::fmt::Result {
    use std::fmt::Write as _;
    write!(out, "{line}:{}: {}: ", d.offset + 1, d.severity().name())?;
    d.write_message(input, out)?;
    writeln!(out, " [{}]", d.code.name())
}

fn write_lint_json(report: &Report<'_>, text: &str, out: &mut String) -> std::fmt::Result {
    use std::fmt::Write as _;
    write!(out, "{{\"input\":{},\"diagnostics\":[", p3p::explain::Json(text.as_bytes()))?;
    let mut first = true;
    let mut r = Ok(());
    report.diagnostics(|d| {
        if r.is_err() {
            return;
        }
        let mut msg = String::new();
        let _ = d.write_message(text.as_bytes(), &mut msg);
        r = write!(
            out,
            "{}{{\"code\":\"{}\",\"severity\":\"{}\",\"offset\":{},\"len\":{},\"message\":{}}}",
            if first { "" } else { "," },
            d.code.name(),
            d.severity().name(),
            d.offset,
            d.len,
            p3p::explain::Json(msg.as_bytes())
        );
        first = false;
    });
    r?;
    out.push_str("]}\n");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version" | "-V" | "version") => {
            println!("p3p {}", p3p::VERSION);
            return ExitCode::SUCCESS;
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("profile") => return profile_check(args.get(1..).unwrap_or(&[])),
        Some("audit") => return audit::run(&AuditCommand::parse_from(std::env::args_os().skip(1)).args),
        _ => {}
    }
    let opts = match parse_args(&args) {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
    let resolved = match opts.profile.as_deref().map(resolve_profile).transpose() {
        Ok(r) => r,
        Err(e) => return usage_error(&e),
    };
    let mut profile_failed = false;
    let profile = match &resolved {
        Some(ProfileArg::Loaded(p, name)) => Some(NamedProfile { profile: p, name }),
        Some(ProfileArg::Broken(file, errors)) => {
            let mut out = String::new();
            print_profile_errors(file, errors, &mut out);
            if matches!(opts.command, Command::Explain) {
                eprint!("{out}");
                return ExitCode::from(2);
            }
            print!("{out}");
            profile_failed = true;
            None
        }
        None => None,
    };
    if let (Some(p), Some(l)) = (profile, &opts.level) {
        if p.profile.level_from_key(l.as_bytes()).is_none() {
            let keys = p.profile.level_keys().join(", ");
            return usage_error(&format!("unknown level '{l}' for profile {} (levels: {keys})", p.name));
        }
    }
    let stdout = io::stdout();
    let mut stdout = stdout.lock();
    let mut any_findings = false;
    let mut emit = |out: &str| stdout.write_all(out.as_bytes()).is_ok();
    if opts.value == "-" {
        let stdin = io::stdin();
        for (i, line) in stdin.lock().split(b'\n').enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("p3p: reading standard input: {e}");
                    return ExitCode::from(2);
                }
            };
            let value = String::from_utf8_lossy(&line);
            let value = value.trim_end_matches('\r');
            if value.trim().is_empty() {
                continue;
            }
            let mut out = String::new();
            if i > 0 && matches!(opts.command, Command::Explain) && !opts.json {
                out.push_str("\n----\n\n");
            }
            any_findings |= run_one(&opts, profile, value, i + 1, &mut out);
            if !emit(&out) {
                return ExitCode::SUCCESS; // the reader went away
            }
        }
    } else {
        let mut out = String::new();
        any_findings = run_one(&opts, profile, &opts.value, 1, &mut out);
        emit(&out);
    }
    match opts.command {
        Command::Lint if any_findings || profile_failed => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}
