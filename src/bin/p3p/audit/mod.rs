//! `p3p audit`: Internet Explorer 6's Privacy Report for the pages in a
//! browser's HAR file, or for a response-header dump.
//!
//! Reading ([`har`], [`dump`], [`input`]), grouping into pages
//! ([`model::Collector`]), sites and parties ([`site`]), decisions with the
//! library ([`report`]) and output ([`text`], [`json`]) are separate steps.

mod dump;
mod har;
mod input;
mod json;
mod model;
mod report;
mod site;
mod text;
mod time;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueHint;
use input::{NotUtf8, Shape, Utf8Reader};
use model::Page;
use report::Decider;

use crate::args::{LevelArg, ProfileArg, ProfileParser};

const ABOUT: &str = "Internet Explorer 6's Privacy Report for the pages of HAR files";

const LONG_ABOUT: &str = "\
Internet Explorer 6's Privacy Report for the pages of HAR files: for every
page, each response that set cookies, its site, whether it is first or third
party, the P3P policy it sent and its class, and what the privacy level (or
profile) does with each cookie, with the reason; then the sites whose
cookies were blocked or restricted, the accepted ones, and counts per action.

FILE is a HAR file (HTTP Archive 1.2, UTF-8 JSON, as browsers' developer
tools save it; '-' reads standard input). It is read as a stream, so its size
does not matter. With --page, FILE is a response-header dump instead.";

const AFTER_LONG_HELP: &str = "\
Levels and profiles:
  --level is one of block_all, high, medium_high, medium (the default, as
  IE6 shipped), low, accept_all; with --profile mozilla one of low, medium,
  high, default (the default). --profile is ie6 (the default), ie6-strict,
  mozilla, mozilla:low|medium|high|default, mozilla:LETTERS (eight of a, d,
  f, r), or an IE6 privacy-import FILE (which takes no level).

Pages:
  A page's URL is the URL of its first entry (by startedDateTime) with that
  pageref; entries without a pageref form one page the same way.

Sites and parties:
  A response is third party when its host's registrable domain differs from
  the page's, by the Public Suffix List: a.example.co.uk and b.example.co.uk
  are one site, a.github.io and b.github.io are two. IP addresses (v4, and
  v6 in brackets), hosts without a known public suffix (localhost) and hosts
  that are a public suffix are compared whole. Hosts are compared without
  regard to case and without a trailing dot; scheme and port do not count.

Cookies and policies:
  Each Set-Cookie header line is one cookie (a value holding several lines,
  as Firefox writes them, is split). Session or persistent, and deletion,
  come from the library's reading of the line (Expires, Max-Age), as on the
  server; an Expires date is compared with the entry's startedDateTime.
  HAR's response.cookies array is not used: it loses the attributes. Several
  P3P header lines count as one, joined with commas in order. Class and
  action are the profile's (IE6's by default). A deletion (Max-Age=0, Expires in the
  past) is always accepted. A line with a control character is reported as
  blocked: browsers ignore it. A profile's prompt counts as block in totals.

Header dumps:
  --page URL reads each FILE as the output of 'curl -sD - URL' (add -L to
  follow redirects): status line, headers, blank line, repeated for
  redirects; a body after them is ignored. The first
  response came from --url (default: the page URL); a redirect's Location
  gives the next one. Expires is compared with the response's Date header,
  or the current time.

Output:
  Text for 80 columns, or with --json one object per FILE, one per line:
  {\"pages\": [{\"url\", \"site\", \"responses\": [{\"url\", \"site\",
  \"party\": \"first\"|\"third\", \"policy\": VALUE|null, \"class\", \"cookies\":
  [{\"name\", \"kind\": \"session\"|\"persistent\", \"action\", \"reason\"}]}]}],
  \"totals\": {\"accept\": N, \"downgrade\": N, \"leash\": N, \"block\": N}}

Exit status: 0 when every FILE was read, 2 on a usage error or when a FILE
could not be read (its error names FILE:LINE:COLUMN; the others are still
reported).";

/// `p3p audit [--level L] [--profile P] [--json] [--page URL [--url URL]] FILE...`
#[derive(clap::Args, Debug)]
#[command(about = ABOUT, long_about = LONG_ABOUT, after_long_help = AFTER_LONG_HELP)]
pub struct AuditArgs {
    /// Privacy level (default: medium; with mozilla: default)
    #[arg(long, value_enum, ignore_case = true)]
    pub level: Option<LevelArg>,

    /// ie6 (default), ie6-strict, mozilla[:...], or a FILE
    #[arg(long, value_name = "NAME|FILE", value_parser = ProfileParser, value_hint = ValueHint::FilePath)]
    pub profile: Option<ProfileArg>,

    /// One JSON object per FILE instead of text
    #[arg(long)]
    pub json: bool,

    /// Read FILEs as header dumps (curl -sD -) of page URL
    #[arg(long, value_name = "URL")]
    pub page: Option<String>,

    /// With --page: the URL the dump came from
    #[arg(long, value_name = "URL", requires = "page")]
    pub url: Option<String>,

    /// HAR files ('-' for standard input)
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// Why one input could not be reported: where (line and column from 1,
/// when known) and what.
#[derive(Debug)]
struct InputError {
    position: Option<(u64, u64)>,
    message: String,
}

impl InputError {
    fn plain(message: String) -> Self {
        InputError { position: None, message }
    }
}

/// Runs the command; the exit code is 0, or 2 on a usage error or an input
/// that could not be read.
pub fn run(args: &AuditArgs) -> ExitCode {
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        eprintln!("p3p audit: standard input ('-') can be read only once");
        return ExitCode::from(2);
    }
    let decider = match Decider::new(args.profile.as_ref(), args.level.map(LevelArg::key)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("p3p audit: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut stdout = stdout.lock();
    let mut failed = false;
    for (i, path) in args.files.iter().enumerate() {
        let name = if path.as_os_str() == "-" { "standard input".into() } else { path.display().to_string() };
        let pages = match read_input(path, args) {
            Ok(p) => p,
            Err(e) => {
                match e.position {
                    Some((line, column)) => eprintln!("p3p audit: {name}:{line}:{column}: {}", e.message),
                    None => eprintln!("p3p audit: {name}: {}", e.message),
                }
                failed = true;
                continue;
            }
        };
        let report = match decider.report(pages) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("p3p audit: {e}");
                return ExitCode::from(2);
            }
        };
        let mut out = Vec::new();
        if args.json {
            if let Err(e) = json::write(&mut out, &report) {
                eprintln!("p3p audit: {name}: {e}");
                return ExitCode::from(2);
            }
        } else {
            let mut s = String::new();
            if i > 0 {
                s.push('\n');
            }
            text::write(&mut s, &name, &decider.name, decider.level_key, &report);
            out = s.into_bytes();
        }
        if stdout.write_all(&out).and_then(|()| stdout.flush()).is_err() {
            // The reader went away (a closed pipe): nothing more to say.
            return if failed { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn read_input(path: &Path, args: &AuditArgs) -> Result<Vec<Page>, InputError> {
    let mut input = input::open(path).map_err(|e| InputError::plain(e.to_string()))?;
    let shape = input::sniff(&mut input).map_err(|e| InputError::plain(e.to_string()))?;
    match (&args.page, shape) {
        (Some(page), Shape::Json) => Err(InputError::plain(format!(
            "this looks like a HAR file, but --page {page} reads header dumps: leave out --page"
        ))),
        (Some(page), _) => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
            let url = args.url.as_deref().unwrap_or(page);
            dump::read(input, page, url, now).map_err(|e| InputError {
                position: (e.line > 0).then_some((e.line as u64, 1)),
                message: format!("not a header dump: {}", e.message),
            })
        }
        (None, Shape::HeaderDump) => Err(InputError::plain(
            "this looks like a response-header dump: say which page it belongs to with --page URL".into(),
        )),
        (None, _) => har::read(Utf8Reader::new(input)).map_err(json_error),
    }
}

/// A JSON error as the user needs it: what kind of problem, where.
fn json_error(e: serde_json::Error) -> InputError {
    use serde_json::error::Category;
    let (line, column) = (e.line() as u64, e.column() as u64);
    let category = e.classify();
    let text = e.to_string();
    let text = text.strip_suffix(&format!(" at line {line} column {column}")).unwrap_or(&text).to_owned();
    match category {
        Category::Io => {
            let io = io::Error::from(e);
            match io.get_ref().and_then(|inner| inner.downcast_ref::<NotUtf8>()) {
                Some(n) => InputError { position: Some((n.line, n.column)), message: n.what.to_owned() },
                None => InputError::plain(format!("reading: {io}")),
            }
        }
        Category::Syntax => InputError { position: Some((line, column)), message: format!("not valid JSON: {text}") },
        Category::Eof => InputError {
            position: Some((line, column)),
            message: format!("the JSON ends too early (a truncated file?): {text}"),
        },
        Category::Data => {
            InputError { position: Some((line, column)), message: format!("not a HAR file as expected: {text}") }
        }
    }
}
