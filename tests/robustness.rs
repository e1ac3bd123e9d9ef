//! Arbitrary bytes never panic and keep the invariants: a deterministic
//! generator (so failures reproduce) mixes real tokens, quotes, commas,
//! suffix letters, control and non-ASCII bytes. The fuzz targets in
//! tests/fuzz explore further; this runs in every `cargo test`.

#[path = "support/json_contract.rs"]
mod json_contract;
#[path = "support/rng.rs"]
mod rng;

use p3p::cookie::{self, LEASH_EXTRA};
use p3p::ie6::{self, Action, CookieKind, Party};
use p3p::report::{NamedProfile, ProfileSelect, Report, Select};
use p3p::Mode;
use rng::Rng;

const PIECES: &[&[u8]] = &[
    b"CP=",
    b"cp=",
    b"\"",
    b"'",
    b",",
    b" ",
    b"\t",
    b"=",
    b";",
    b"policyref=",
    b"NOI",
    b"PHY",
    b"ONL",
    b"CON",
    b"CONa",
    b"CONo",
    b"CONi",
    b"CUR",
    b"TST",
    b"FINa",
    b"FINo",
    b"UNI",
    b"LOC",
    b"DELo",
    b"TELi",
    b"CONx",
    b"noi",
    b"a",
    b"i",
    b"o",
    b"x",
    b"\x00",
    b"\r\n",
    b"\x7f",
    b"\xff",
    b"\xc3\xa9",
    b"Expires=",
    b"Max-Age=",
    b"SameSite=",
    b"Thu, 01 Jan 1970 00:00:00 GMT",
    b"-1",
    b"0",
    b"60",
    b"id=1",
    b"Lax",
    b"Path=/",
    b"loooooooongword",
];

fn generate(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(24);
    let mut v = Vec::new();
    for _ in 0..n {
        if rng.below(8) == 0 {
            v.push(rng.next() as u8);
        } else {
            v.extend_from_slice(PIECES[rng.below(PIECES.len())]);
        }
    }
    v
}

#[test]
fn parsing_and_reports_never_panic_and_stay_in_bounds() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut text = String::new();
    let profiles: Vec<p3p::Profile> = ["ie6", "ie6-strict", "mozilla", "mozilla:frfradaa"]
        .iter()
        .map(|n| p3p::Profile::builtin(n.as_bytes()).unwrap())
        .chain(std::iter::once(
            p3p::Profile::load(
                &std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/ie6-high.xml")).unwrap(),
            )
            .unwrap(),
        ))
        .collect();
    for i in 0..20_000 {
        let input = generate(&mut rng);
        // Every JSON report is checked against the contract; the profile
        // and selected variants on every tenth input (time).
        let all_reports = i % 10 == 0;
        for mode in [Mode::Header, Mode::Tokens] {
            let mut diags = Vec::new();
            let p = p3p::parse_with(&input, mode, &mut |d: p3p::Diagnostic| diags.push(d));
            let fast = match mode {
                Mode::Header => p3p::parse_header(&input),
                Mode::Tokens => p3p::parse_tokens(&input),
            };
            assert_eq!(p, fast, "{input:?}");
            // The push parser, fed the same bytes in random pieces, agrees.
            let mut pushed = Vec::new();
            let mut parser = p3p::parse::PushParser::new(mode);
            let mut rest = &input[..];
            while !rest.is_empty() {
                let (piece, tail) = rest.split_at(1 + rng.below(rest.len()));
                parser.feed(piece, &mut |d: p3p::Diagnostic| pushed.push(d));
                rest = tail;
            }
            assert_eq!(parser.finish(&mut |d: p3p::Diagnostic| pushed.push(d)), p, "{input:?}");
            assert_eq!(pushed, diags, "{input:?}");
            for d in &diags {
                assert!(d.offset + d.len <= input.len(), "{d:?} out of bounds in {input:?}");
                let mut m = String::new();
                d.write_message(&input, &mut m).unwrap();
                assert!(!m.chars().any(char::is_control), "raw control character in {m:?}");
            }
            assert!(p.invalid_count <= p.word_count);
            assert_eq!(p.reserved, 0);
            // The Mozilla view, recomputed word by word from the body.
            if let Some(span) = p3p::parse::body_span(&input, mode) {
                let mut m = 0;
                for w in p3p::lexer::Words::in_span(&input, span.start, span.end) {
                    m |= match w.lexeme {
                        p3p::lexer::Lexeme::Control => p3p::policy::P3P_MOZILLA_INVALID,
                        _ => p3p::Policy::mozilla_word(&input[w.offset..w.offset + w.len]),
                    };
                }
                assert_eq!(p.mozilla, m, "{input:?}");
            } else {
                assert_eq!(p.mozilla, 0);
            }
            for profile in &profiles {
                for party in Party::ALL {
                    for cookie in CookieKind::ALL {
                        profile.decide(Some(&p), 3, party, cookie).unwrap();
                    }
                }
            }
            let _ = ie6::classify(&p);
            let report = Report::new(&input, mode);
            text.clear();
            report.write_text(&mut text, Select::default()).unwrap();
            text.clear();
            report.write_json(&mut text, Select::default()).unwrap();
            assert!(!text.chars().any(|c| c.is_control()), "unescaped control character in JSON");
            json_contract::check(&text, &input, json_contract::Kind::Ie6);
            if !all_reports {
                continue;
            }
            let select = Select { level: Some(ie6::Level::Medium), party: Some(Party::Third), cookie: None };
            text.clear();
            report.write_json(&mut text, select).unwrap();
            json_contract::check(&text, &input, json_contract::Kind::Ie6);
            for profile in &profiles {
                let named = NamedProfile { profile, name: "p\"\u{1}" };
                text.clear();
                report
                    .write_profile_json(&mut text, named, ProfileSelect { level: Some(0), ..Default::default() })
                    .unwrap();
                assert!(!text.chars().any(|c| c.is_control()), "unescaped control character in JSON");
                json_contract::check(&text, &input, json_contract::Kind::Profile(profile.level_keys()));
            }
        }
    }
}

#[test]
fn cookie_rewrites_keep_their_bounds() {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let mut out = vec![0u8; 4096];
    let mut again = vec![0u8; 4096];
    for _ in 0..20_000 {
        let input = generate(&mut rng);
        let inspected = cookie::inspect(&input, Some(1_700_000_000));
        for action in Action::ALL {
            match cookie::rewrite(&input, action, &mut out) {
                Ok(n) => {
                    assert!(inspected.is_ok());
                    assert!(n <= input.len() + if action == Action::Leash { LEASH_EXTRA } else { 0 });
                    let result = out[..n].to_vec();
                    match action {
                        Action::Accept => assert_eq!(result, input),
                        Action::Block | Action::Prompt => assert_eq!(n, 0),
                        Action::Downgrade => {
                            assert_eq!(cookie::inspect(&result, None).unwrap().kind, CookieKind::Session);
                            let m = cookie::rewrite(&result, Action::Downgrade, &mut again).unwrap();
                            assert_eq!(&again[..m], &result[..], "downgrade is idempotent");
                        }
                        Action::Leash => {
                            let m = cookie::rewrite(&result, Action::Leash, &mut again).unwrap();
                            assert_eq!(&again[..m], &result[..], "leash is idempotent");
                        }
                    }
                }
                Err(cookie::CookieError::ControlByte(i)) => {
                    assert!(inspected.is_err());
                    assert!(input[i] < 0x20 || input[i] == 0x7f);
                }
                Err(e) => panic!("{e:?} for {input:?}"),
            }
        }
    }
}
