//! The evaluation report in every format (and a language picked by the
//! input), for both input kinds, plain and under every kind of profile:
//! never fails; every JSON report parses and keeps the contract's fields
//! (tests/support/json_contract.rs), with the profile's class and verdict;
//! the HTML holds no markup but its own (every `<` opens one of the
//! writer's tags); the plain formats hold no control characters but line
//! ends; feeding the input in two chunks writes the same report.
#![no_main]

#[path = "../../support/json_contract.rs"]
mod json_contract;

use std::sync::OnceLock;

use json_contract::Kind;
use libfuzzer_sys::fuzz_target;
use p3p::ie6::{CookieKind, Level, Party};
use p3p::lexer::Words;
use p3p::parse::{body_span, Mode};
use p3p::report::{
    Body, Format, Lang, Model, NamedProfile, Options, Phases, ProfileSelect, Report, Select, View, WordItem,
};
use p3p::Profile;

/// The tags the HTML writer emits.
const TAGS: [&str; 14] =
    ["section", "h2", "p", "code", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong", "a"];

fuzz_target!(|data: &[u8]| {
    let (select, input) = match data.split_first() {
        Some((&b, rest)) => (select_from(b), rest),
        None => (Select::default(), data),
    };
    let options = Options::cells(select);
    // One language per input (they differ in strings only), every format.
    let lang = Lang::ALL[input.len() % 5];
    let mut out = String::new();
    for mode in [Mode::Header, Mode::Tokens] {
        let report = Report::new(input, mode);
        // Every format for a header value; one for a token list (the
        // writers differ only in where the body starts).
        let formats = if mode == Mode::Header { &Format::ALL[..] } else { &Format::ALL[input.len() % 4..][..1] };
        for &format in formats {
            out.clear();
            report.write(&mut out, format, lang, &options).expect("report");
            check(&out, format, lang);
            if format == Format::Json {
                json_contract::check(&out, input, Kind::Ie6);
            }
        }
        let _ = report.fixes();
        let _ = report.note();
        report.diagnostics(|d| assert!(d.offset + d.len <= input.len()));
        // The phases fed in two chunks, as a streaming parser would.
        let format = Format::ALL[input.len() / 5 % 4];
        out.clear();
        report.write(&mut out, format, lang, &options).expect("report");
        let cut = input.len() / 3;
        assert_eq!(streamed(input, mode, format, lang, cut, &options), out, "{format:?} cut at {cut}");
    }
    // A profile's report: the editor's formats for ie6-strict, text and
    // JSON for one profile of each kind, the JSON with the profile's view.
    let report = Report::new(input, Mode::Header);
    let strict = NamedProfile { profile: &Profile::IE6_STRICT, name: "ie6-strict" };
    let o = Options { select: ProfileSelect::from(select), profile: Some(strict) };
    let format = [Format::Editor, Format::Html][input.len() % 2];
    out.clear();
    report.write(&mut out, format, lang, &o).expect("ie6-strict report");
    check(&out, format, lang);
    let (name, profile) = &profiles()[input.len() % profiles().len()];
    let named = NamedProfile { profile, name };
    let pselect = ProfileSelect { level: select.level.map(|l| l as u32 % 4), party: select.party, cookie: select.cookie };
    let o = Options { select: pselect, profile: Some(named) };
    for format in [Format::Text, Format::Json] {
        out.clear();
        report.write(&mut out, format, lang, &o).expect("profile report");
        check(&out, format, lang);
    }
    let v = json_contract::check(&out, input, Kind::Profile(profile.level_keys()));
    let policy = Some(&report.policy);
    assert_eq!(v["class"], profile.class_of(policy).expect("class").name());
    assert_eq!(v["verdict"], profile.verdict_of(policy).expect("verdict").name());
});

fn profiles() -> &'static [(&'static str, Profile)] {
    static P: OnceLock<Vec<(&'static str, Profile)>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<(&'static str, Profile)> = ["ie6", "ie6-strict", "mozilla", "mozilla:drdraaaa"]
            .into_iter()
            .map(|n| (n, Profile::builtin(n.as_bytes()).expect("built-in profile")))
            .collect();
        let file = include_bytes!("../../../profiles/no-tracking.xml");
        v.push(("no-tracking.xml", Profile::load(file).expect("shipped profile")));
        v
    })
}

fn check(out: &str, format: Format, lang: Lang) {
    match format {
        Format::Json => {
            assert!(out.starts_with("{\"input\":"), "{out}");
            if let Err(e) = serde_json::from_str::<serde_json::Value>(out) {
                panic!("invalid JSON ({e}): {out}");
            }
        }
        Format::Html => {
            for (i, _) in out.match_indices('<') {
                let rest = &out[i + 1..];
                let rest = rest.strip_prefix('/').unwrap_or(rest);
                let ok =
                    TAGS.iter().any(|t| rest.strip_prefix(t).is_some_and(|r| r.starts_with('>') || r.starts_with(' ')));
                assert!(ok, "markup not written by the HTML writer at {i}: {out}");
            }
            assert!(no_controls(out), "{out:?}");
        }
        Format::Editor => {
            assert!(out.starts_with(lang.strings().editor.summary_heading), "{out}");
            assert!(no_controls(out), "{out:?}");
        }
        Format::Text => assert!(out.starts_with(lang.strings().text.compact_policy), "{out}"),
    }
}

/// No control character but line ends (C0, DEL, and C1 as UTF-8 `C2 80..9F`).
fn no_controls(out: &str) -> bool {
    let b = out.as_bytes();
    !b.iter().enumerate().any(|(i, &c)| {
        (c < 0x20 && c != b'\n') || c == 0x7f || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)))
    })
}

fn streamed(input: &[u8], mode: Mode, format: Format, lang: Lang, cut: usize, options: &Options<'_>) -> String {
    let mut out = String::new();
    let mut p = p3p::report::writer(&mut out, format, lang);
    p.begin().unwrap();
    p.input(&input[..cut]).unwrap();
    p.input(&input[cut..]).unwrap();
    let span = body_span(input, mode);
    p.body(match (span, mode) {
        (None, _) => Body::Missing,
        (Some(_), Mode::Header) => Body::Cp,
        (Some(_), Mode::Tokens) => Body::Bare,
    })
    .unwrap();
    if let Some(span) = span {
        for w in Words::in_span(input, span.start, span.end) {
            p.word(WordItem { text: &input[w.offset..w.offset + w.len], offset: w.offset, lexeme: w.lexeme }).unwrap();
        }
    }
    let model = Model::new(p3p::parse_with(input, mode, &mut ()));
    p.policy(&View::new(&model, options)).unwrap();
    let mut result = Ok(());
    p3p::parse_with(input, mode, &mut |d: p3p::Diagnostic| {
        if result.is_ok() {
            result = p.finding(&d, input);
        }
    });
    result.unwrap();
    p.end().unwrap();
    out
}

fn select_from(b: u8) -> Select {
    Select {
        level: (b & 0x08 != 0).then(|| Level::ALL[usize::from(b & 0x07) % 6]),
        party: (b & 0x10 != 0).then_some(if b & 0x20 != 0 { Party::Third } else { Party::First }),
        cookie: (b & 0x40 != 0).then_some(if b & 0x80 != 0 { CookieKind::Persistent } else { CookieKind::Session }),
    }
}
