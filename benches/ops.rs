//! Runs one library operation a given number of times, for counting
//! instructions under callgrind (`benches/callgrind.sh`): instruction counts
//! are stable on a shared machine where timings are not.
//!
//! ```text
//! cargo bench --bench ops --no-run; target/release/deps/ops-* OP COUNT
//! ```

use std::hint::black_box;

use p3p::cookie;
use p3p::ie6::{self, Action, CookieKind, Level, Party};
use p3p::report::{Format, Lang, Options, Report};

const SEED: &[u8] = b"CP=\"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA\"";
const LONG: &[u8] =
    b"CP=\"ALL IND DSP COR ADM CONo CUR CUSo IVAo IVDo PSA PSD TAI TELo OUR SAMo CNT COM INT NAV ONL PHY PRE PUR UNI\"";
const FREE_TEXT: &[u8] =
    b"CP=\"This is not a P3P policy! See https://www.google.com/support/accounts/answer/151657 for more info.\"";
/// A `policyref` first, as many sites sent it: the general header path.
const WITH_POLICYREF: &[u8] = b"policyref=\"/w3c/p3p.xml\", CP=\"NOI DSP COR CUR ADM OUR BUS IND PHY ONL UNI PUR NAV\"";
const REQUEST: &[u8] = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: x\r\n\r\n";
const PERSISTENT: &[u8] = b"id=abc123; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly";
const SESSION: &[u8] = b"sid=xyz; Path=/; Secure; HttpOnly";

/// The operations, by name.
const OPS: &[&str] = &[
    "none",
    "parse_seed",
    "parse_classify_seed",
    "parse_long",
    "parse_free_text",
    "parse_policyref",
    "lint_seed",
    "decide_one",
    "decide_grid",
    "cookie_decide_persistent",
    "cookie_decide_session",
    "cookie_downgrade",
    "cookie_leash",
    "cookie_apply_persistent",
    "cookie_apply_session",
    "profile_decide_ie6",
    "profile_decide_custom",
    "httparse_short",
    "explain_text_seed",
    "explain_json_seed",
    "explain_editor_seed_de",
    "explain_html_seed_it",
];

/// Counts what a report writes, so the report itself is all that is measured.
struct Count(usize);

impl std::fmt::Write for Count {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

fn explain(format: Format, lang: Lang) -> u64 {
    let mut n = Count(0);
    let _ = Report::new(black_box(SEED), p3p::Mode::Header).write(&mut n, format, lang, &Options::default());
    n.0 as u64
}

/// One cell through a profile: seed policy, Medium, third party, persistent.
#[inline(always)]
fn profile_decide(profile: &p3p::Profile, policy: &p3p::Policy) -> u64 {
    black_box(profile)
        .decide(Some(black_box(policy)), Level::Medium as u32, Party::Third, CookieKind::Persistent)
        .map_or(0, |o| o.decision.action as u64)
}

fn run(op: &str, n: usize) -> u64 {
    let policy = p3p::parse_header(SEED);
    let ie6 = p3p::Profile::IE6;
    // The Medium level as an import file: for the seed policy the seventh
    // third-party rule matches.
    let custom = p3p::Profile::load(include_bytes!("../profiles/ie6-medium.xml")).unwrap_or(ie6);
    let mut out = [0u8; 256];
    let mut acc = 0u64;
    for i in 0..n {
        acc = acc.wrapping_add(match op {
            "none" => i as u64,
            "parse_seed" => p3p::parse_header(black_box(SEED)).tokens,
            "parse_classify_seed" => ie6::classify(&p3p::parse_header(black_box(SEED))) as u64,
            "parse_long" => p3p::parse_header(black_box(LONG)).tokens,
            "parse_free_text" => u64::from(p3p::parse_header(black_box(FREE_TEXT)).flags),
            "parse_policyref" => p3p::parse_header(black_box(WITH_POLICYREF)).tokens,
            "lint_seed" => {
                let mut findings = 0u64;
                p3p::parse_header_with(black_box(SEED), &mut |_d: p3p::Diagnostic| findings += 1);
                findings
            }
            "decide_one" => {
                let level = Level::ALL[i % 6];
                ie6::decide(Some(black_box(&policy)), level, Party::Third, CookieKind::Persistent).action as u64
            }
            "decide_grid" => ie6::Grid::for_class(ie6::classify(black_box(&policy))).cells[1][1][3].action as u64,
            "cookie_decide_persistent" | "cookie_decide_session" => {
                let c = if op.ends_with("persistent") { PERSISTENT } else { SESSION };
                cookie::decide_cookie(black_box(c), Some(1_700_000_000), |k| {
                    ie6::decide(Some(&policy), Level::Medium, Party::First, k)
                })
                .map_or(0, |(d, info)| d.action as u64 + info.name_len as u64)
            }
            "cookie_downgrade" => {
                cookie::rewrite(black_box(PERSISTENT), Action::Downgrade, &mut out).unwrap_or(0) as u64
            }
            "cookie_leash" => cookie::rewrite(black_box(SESSION), Action::Leash, &mut out).unwrap_or(0) as u64,
            // One pass: decided at Medium, first party (the persistent
            // cookie is downgraded, the session cookie kept).
            "cookie_apply_persistent" | "cookie_apply_session" => {
                let c = if op.ends_with("persistent") { PERSISTENT } else { SESSION };
                cookie::apply(
                    black_box(c),
                    Some(1_700_000_000),
                    |k| ie6::decide(Some(&policy), Level::Medium, Party::First, k),
                    &mut out,
                )
                .map_or(0, |a| a.decision.action as u64 + a.len as u64)
            }
            // One arm each: choosing the profile by the operation's name
            // on every turn cost 20 instructions of the figure.
            "profile_decide_ie6" => profile_decide(&ie6, &policy),
            "profile_decide_custom" => profile_decide(&custom, &policy),
            "explain_text_seed" => explain(Format::Text, Lang::En),
            "explain_json_seed" => explain(Format::Json, Lang::En),
            "explain_editor_seed_de" => explain(Format::Editor, Lang::De),
            "explain_html_seed_it" => explain(Format::Html, Lang::It),
            "httparse_short" => {
                let mut headers = [httparse::EMPTY_HEADER; 16];
                let mut req = httparse::Request::new(&mut headers);
                req.parse(black_box(REQUEST)).map_or(0, |s| s.is_complete() as u64)
            }
            _ => 0,
        });
    }
    acc
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    match (args.first(), args.get(1).and_then(|n| n.parse::<usize>().ok())) {
        (Some(op), Some(n)) if OPS.contains(&op.as_str()) => println!("{}", run(op, n)),
        (Some(list), None) if list == "list" => println!("{}", OPS.join("\n")),
        _ => {
            // Under `cargo bench` with no arguments: run everything briefly.
            for op in OPS {
                black_box(run(op, 1000));
            }
        }
    }
}
