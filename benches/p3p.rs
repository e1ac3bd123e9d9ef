//! Benchmarks of every entry point: parsing (typical, long and free-text
//! policies), classification, decisions, `Set-Cookie` handling, the C ABI
//! boundary and the explainer, with an HTTP request parse as a yardstick.
//!
//! `cargo bench --bench p3p -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use p3p::ffi::types::p3p_decision;
use p3p::ie6::{self, Action, CookieKind, Grid, Level, Party};
use p3p::report::{Format, Lang, Options, Report, Select};
use p3p::{Mode, Policy};

/// The seed policy: identifiable data used for contact without consent.
const SEED: &[u8] = br#"CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA""#;

/// microsoft.com's compact policy: 26 tokens, several opt-out suffixes.
const LONG_REAL: &[u8] = br#"CP="ALL IND DSP COR ADM CONo CUR CUSo IVAo IVDo PSA PSD TAI TELo OUR SAMo CNT COM INT NAV ONL PHY PRE PUR UNI""#;

/// Free text sent in place of a policy.
const FREE_TEXT: &[u8] =
    br#"CP="This is not a P3P policy! See https://www.google.com/support/accounts/answer/151657 for more info.""#;

const COOKIE: &[u8] = b"id=abc123; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly";

/// A short HTTP/1.1 request (68 bytes), parsed into 16 header slots.
const REQUEST: &[u8] = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: p3p/0.1\r\n\r\n";

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (id, input) in [("seed", SEED), ("long_real", LONG_REAL), ("free_text", FREE_TEXT)] {
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function(id, |b| b.iter(|| p3p::parse_header(black_box(input))));
    }
    g.finish();

    let mut g = c.benchmark_group("parse_classify");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("seed", |b| b.iter(|| ie6::classify(&p3p::parse_header(black_box(SEED)))));
    g.finish();
}

fn decide(c: &mut Criterion) {
    let policy = p3p::parse_header(SEED);
    let mut g = c.benchmark_group("decide");
    g.bench_function("one_cell", |b| {
        b.iter(|| {
            ie6::decide(
                Some(black_box(&policy)),
                black_box(Level::Medium),
                black_box(Party::Third),
                black_box(CookieKind::Persistent),
            )
        })
    });
    g.bench_function("all_24", |b| b.iter(|| Grid::for_class(ie6::classify(black_box(&policy)))));
    g.finish();
}

/// Deciding with profiles; loading an import file of 100 rules.
fn profile(c: &mut Criterion) {
    let policy = p3p::parse_header(SEED);
    // The Medium level written as an import file: for the seed policy the
    // seventh third-party rule (PHY,CON) matches.
    let custom = p3p::Profile::load(include_bytes!("../profiles/ie6-medium.xml")).expect("profile");
    let mozilla = p3p::Profile::builtin(b"mozilla:default").expect("profile");
    let mut g = c.benchmark_group("profile");
    g.bench_function("decide_custom", |b| {
        b.iter(|| {
            black_box(&custom).decide(Some(black_box(&policy)), 0, black_box(Party::Third), CookieKind::Persistent)
        })
    });
    g.bench_function("decide_mozilla", |b| {
        b.iter(|| {
            black_box(&mozilla).decide(Some(black_box(&policy)), 0, black_box(Party::Third), CookieKind::Persistent)
        })
    });
    let mut xml = String::from(
        "<MSIEPrivacy><MSIEPrivacySettings formatVersion=\"6\"><p3pCookiePolicy zone=\"internet\">\n\
         <firstParty noPolicyDefault=\"reject\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\">\n",
    );
    let tokens = ["PHY", "ONL", "GOV", "FIN"];
    let uses = ["IVA", "IVD", "CON", "TEL", "OTP", "SAM", "OTR", "UNR", "PUB", "TAI", "PSA", "PSD", "CUS"];
    for i in 0..100 {
        let (t, u) = (tokens[i % 4], uses[i % 13]);
        let form = ["", "o", "i"][i % 3];
        xml.push_str(&format!("<if expr=\"{t},{u}{form},!CUR\" action=\"reject\"/>\n"));
    }
    xml.push_str(
        "</firstParty>\n<thirdParty noPolicyDefault=\"reject\" noRuleDefault=\"reject\" alwaysAllowSession=\"no\"/>\n\
         </p3pCookiePolicy></MSIEPrivacySettings></MSIEPrivacy>\n",
    );
    let loaded = p3p::Profile::load(xml.as_bytes()).expect("100 rules");
    assert_eq!(loaded.parties[0].rule_count, 100);
    g.throughput(Throughput::Bytes(xml.len() as u64));
    g.bench_function("load_100_rules", |b| b.iter(|| p3p::Profile::load(black_box(xml.as_bytes()))));
    g.finish();
}

fn cookie(c: &mut Criterion) {
    let policy = p3p::parse_header(SEED);
    let mut g = c.benchmark_group("cookie");
    g.throughput(Throughput::Bytes(COOKIE.len() as u64));
    g.bench_function("downgrade", |b| {
        b.iter(|| {
            let mut out = [0u8; 128];
            let n = p3p::cookie::rewrite(black_box(COOKIE), black_box(Action::Downgrade), &mut out);
            black_box((n, out[0]))
        })
    });
    g.bench_function("decide", |b| {
        b.iter(|| {
            let p = black_box(&policy);
            p3p::cookie::decide_cookie(black_box(COOKIE), black_box(Some(1_700_000_000)), |kind| {
                ie6::decide(Some(p), Level::Medium, Party::Third, kind)
            })
        })
    });
    g.finish();
}

fn ffi(c: &mut Criterion) {
    use p3p::ffi::types::{P3P_COOKIE_PERSISTENT, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD};
    use p3p::ffi::{p3p_decide, p3p_policy_parse};

    let mut g = c.benchmark_group("ffi");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("parse_decide", |b| {
        b.iter(|| {
            let input = black_box(SEED);
            let mut policy = Policy::ABSENT;
            let mut d = p3p_decision { action: 0, reason: 0 };
            // SAFETY: the input and both out-parameters are live locals of the right types.
            let s1 = unsafe { p3p_policy_parse(input.as_ptr(), input.len(), &mut policy) };
            // SAFETY: as above.
            let s2 = unsafe {
                p3p_decide(
                    &policy,
                    black_box(P3P_LEVEL_MEDIUM),
                    black_box(P3P_PARTY_THIRD),
                    black_box(P3P_COOKIE_PERSISTENT),
                    &mut d,
                )
            };
            black_box((s1, s2, d.action))
        })
    });
    g.finish();
}

fn explain(c: &mut Criterion) {
    let mut g = c.benchmark_group("explain");
    let mut out = String::with_capacity(8192);
    g.bench_function("text_seed", |b| {
        b.iter(|| {
            out.clear();
            let r = Report::new(black_box(SEED), Mode::Header).write_text(&mut out, Select::default());
            black_box((r, out.len()))
        })
    });
    for (name, format, lang) in [
        ("json_seed", Format::Json, Lang::En),
        ("editor_seed_de", Format::Editor, Lang::De),
        ("html_seed_it", Format::Html, Lang::It),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                out.clear();
                let r = Report::new(black_box(SEED), Mode::Header).write(&mut out, format, lang, &Options::default());
                black_box((r, out.len()))
            })
        });
    }
    g.finish();
}

fn http(c: &mut Criterion) {
    let mut g = c.benchmark_group("httparse");
    g.throughput(Throughput::Bytes(REQUEST.len() as u64));
    g.bench_function("short_request", |b| {
        b.iter(|| {
            let mut headers = [httparse::EMPTY_HEADER; 16];
            let mut req = httparse::Request::new(&mut headers);
            let status = req.parse(black_box(REQUEST));
            black_box((status.is_ok(), req.headers.len()))
        })
    });
    g.finish();
}

/// Sanity checks, so a benchmark never times a path that fails.
fn check_inputs() {
    let seed = p3p::parse_header(SEED);
    let d = ie6::decide(Some(&seed), Level::Medium, Party::Third, CookieKind::Persistent);
    assert_eq!(d.action, Action::Block);
    assert!(p3p::parse_header(LONG_REAL).is_present());
    let mut out = [0u8; 128];
    let n = p3p::cookie::rewrite(COOKIE, Action::Downgrade, &mut out).expect("downgrade");
    assert_eq!(out.get(..n), Some(&b"id=abc123; Path=/; HttpOnly"[..]));
    let mut text = String::new();
    Report::new(SEED, Mode::Header).write_text(&mut text, Select::default()).expect("explain");
    assert!(text.starts_with("Compact policy: "));
    let mut headers = [httparse::EMPTY_HEADER; 16];
    assert!(httparse::Request::new(&mut headers).parse(REQUEST).expect("request").is_complete());
}

fn all(c: &mut Criterion) {
    check_inputs();
    parse(c);
    decide(c);
    profile(c);
    cookie(c);
    ffi(c);
    explain(c);
    http(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
