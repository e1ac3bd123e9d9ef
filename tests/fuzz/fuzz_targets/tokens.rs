//! Bare token lists, as written in configuration: the fast parse, the parse
//! with diagnostics and the push parser fed the list in pieces agree.
#![no_main]

#[path = "push_check.rs"]
mod push_check;

use libfuzzer_sys::fuzz_target;
use p3p::ie6;
use p3p::parse::{parse_with, Mode};
use p3p::Diagnostic;

fuzz_target!(|data: &[u8]| {
    let fast = p3p::parse_tokens(data);
    let slow = parse_with(data, Mode::Tokens, &mut |d: Diagnostic| {
        assert!(d.offset + d.len <= data.len(), "{d:?} ends past the input ({} bytes)", data.len());
        let mut msg = String::new();
        d.write_message(data, &mut msg).expect("diagnostic message");
    });
    assert_eq!(fast, slow, "parse_tokens and parse_with disagree");
    push_check::check(data, Mode::Tokens);
    assert!(fast.is_present(), "a token list is always a present policy");
    assert!(fast.invalid_count <= fast.word_count);
    let _ = ie6::verdict_for(ie6::classify(&fast));
    let _ = ie6::unsatisfactory(&fast);

    // A list that parses the same as a token list and as the body of a header.
    if !data.iter().any(|b| *b == b'"' || *b == b'\\') {
        let mut header = Vec::with_capacity(data.len() + 5);
        header.extend_from_slice(b"CP=\"");
        header.extend_from_slice(data);
        header.push(b'"');
        let via_header = p3p::parse_header(&header);
        assert_eq!(via_header.tokens, fast.tokens);
        assert_eq!(ie6::classify(&via_header), ie6::classify(&fast));
    }
});
