//! `P3P` header field values: the fast parse and the parse with diagnostics
//! agree, every diagnostic lies inside the input, the push parser fed the
//! value in pieces agrees with both, and evaluation is total.
#![no_main]

#[path = "push_check.rs"]
mod push_check;

use libfuzzer_sys::fuzz_target;
use p3p::ie6::{self, CookieKind, Grid, Level, Party};
use p3p::parse::{body_span, parse_with, Mode};
use p3p::Diagnostic;

fuzz_target!(|data: &[u8]| {
    let fast = p3p::parse_header(data);
    let mut count = 0usize;
    let slow = parse_with(data, Mode::Header, &mut |d: Diagnostic| {
        assert!(d.offset <= data.len(), "{d:?} starts past the input ({} bytes)", data.len());
        assert!(d.offset + d.len <= data.len(), "{d:?} ends past the input ({} bytes)", data.len());
        let mut msg = String::new();
        d.write_message(data, &mut msg).expect("diagnostic message");
        assert!(!msg.is_empty());
        count += 1;
    });
    assert_eq!(fast, slow, "parse_header and parse_with disagree");
    push_check::check(data, Mode::Header);
    assert!(fast.invalid_count <= fast.word_count);
    match body_span(data, Mode::Header) {
        Some(span) => {
            assert!(fast.is_present());
            assert!(span.start <= span.end && span.end <= data.len(), "{span:?}");
        }
        None => {
            assert!(!fast.is_present());
            assert!(count >= 1, "a value without CP must be reported");
        }
    }

    let class = ie6::classify(&fast);
    let grid = Grid::for_class(class);
    for level in Level::ALL {
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                assert_eq!(grid.get(level, party, cookie), ie6::decide(Some(&fast), level, party, cookie));
            }
        }
    }
});
