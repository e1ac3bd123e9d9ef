//! `p3p`: the command-line tool for policy authors.
//!
//! ```text
//! p3p explain [--json] [--level L] [--party first|third] [--cookie session|persistent] VALUE|-
//! p3p lint [--json] VALUE|-
//! ```
//!
//! VALUE is a `P3P` header field value (`CP="NOI DSP"`, with or without a
//! leading `P3P:`), or a bare token list when it has no `=` at all. `-` reads
//! one value per line from standard input.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use p3p::explain::{Report, Select};
use p3p::ie6::{CookieKind, Level, Party};
use p3p::Mode;

const USAGE: &str = "\
usage:
  p3p explain [--json] [--level L] [--party first|third] [--cookie session|persistent] VALUE|-
  p3p lint [--json] VALUE|-
  p3p --version

VALUE is a P3P header field value such as 'CP=\"NOI DSP COR\"' (a leading
'P3P:' is allowed), or a bare token list such as 'NOI DSP COR' when it has
no '='. '-' reads one value per line from standard input.

levels: block_all, high, medium_high, medium, low, accept_all

explain prints the evaluation report (text, or one JSON object per value).
lint prints findings and exits 0 when clean, 1 when there are findings,
2 on usage errors.";

enum Command {
    Explain,
    Lint,
}

struct Options {
    command: Command,
    json: bool,
    select: Select,
    value: String,
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
    let mut opts = Options { command, json: false, select: Select::default(), value: String::new() };
    let mut value: Option<String> = None;
    let explain = matches!(opts.command, Command::Explain);
    while let Some(arg) = it.next() {
        let mut take = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--json" => opts.json = true,
            "--level" if explain => {
                let v = take("--level")?;
                opts.select.level = Some(Level::from_key(v.as_bytes()).ok_or_else(|| format!("unknown level '{v}'"))?);
            }
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
fn run_one(opts: &Options, value: &str, line: usize, out: &mut String) -> bool {
    let (text, mode) = input_of(value);
    let report = Report::new(text.as_bytes(), mode);
    let mut findings = 0usize;
    report.diagnostics(|_| findings += 1);
    // Writing to a String cannot fail.
    let _ = match (&opts.command, opts.json) {
        (Command::Explain, false) => report.write_text(out, opts.select),
        (Command::Explain, true) => report.write_json(out, opts.select).map(|()| out.push('\n')),
        (Command::Lint, true) => write_lint_json(&report, text, out),
        (Command::Lint, false) => {
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
        _ => {}
    }
    let opts = match parse_args(&args) {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
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
            any_findings |= run_one(&opts, value, i + 1, &mut out);
            if !emit(&out) {
                return ExitCode::SUCCESS; // the reader went away
            }
        }
    } else {
        let mut out = String::new();
        any_findings = run_one(&opts, &opts.value, 1, &mut out);
        emit(&out);
    }
    match opts.command {
        Command::Lint if any_findings => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}
