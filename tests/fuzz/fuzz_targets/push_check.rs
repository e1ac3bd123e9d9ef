//! Shared by the header and tokens targets: the push parser, fed the input
//! in pieces, reports exactly what the slice parser reports (policy, words,
//! findings, the excerpts handed with them, the body's span), whatever the
//! pieces: one byte at a time, and cuts derived from the input's hash.

use p3p::diag::{Sink, EXCERPT_LEN};
use p3p::lexer::Word;
use p3p::parse::{body_span, parse_with, Mode, PushParser};
use p3p::{Diagnostic, Policy};

#[derive(Default, PartialEq, Debug)]
struct Log {
    words: Vec<(Word, Vec<u8>)>,
    diags: Vec<(Diagnostic, Vec<u8>)>,
}

impl Sink for Log {
    fn report(&mut self, d: Diagnostic) {
        self.report_excerpt(d, b"");
    }
    fn report_excerpt(&mut self, d: Diagnostic, excerpt: &[u8]) {
        self.diags.push((d, excerpt.to_vec()));
    }
    fn word(&mut self, w: Word, excerpt: &[u8]) {
        self.words.push((w, excerpt.to_vec()));
    }
}

fn pushed(data: &[u8], mode: Mode, cuts: impl Iterator<Item = usize>) -> (Policy, Log, Policy) {
    let (mut log, mut parser, mut quiet) = (Log::default(), PushParser::new(mode), PushParser::new(mode));
    let mut from = 0;
    for cut in cuts.chain(std::iter::once(data.len())) {
        let cut = cut.clamp(from, data.len());
        parser.feed(&data[from..cut], &mut log);
        quiet.feed(&data[from..cut], &mut ());
        from = cut;
    }
    let p = parser.finish(&mut log);
    if mode == Mode::Header {
        assert_eq!(parser.span(), body_span(data, mode), "span");
    }
    (p, log, quiet.finish(&mut ()))
}

pub fn check(data: &[u8], mode: Mode) {
    let mut whole = Log::default();
    let policy = parse_with(data, mode, &mut whole);
    for (d, excerpt) in &whole.diags {
        let text = &data[d.offset..d.offset + d.len];
        assert!(excerpt.is_empty() || excerpt[..] == text[..text.len().min(EXCERPT_LEN)], "{d:?} {excerpt:?}");
        let (mut from_input, mut from_excerpt) = (String::new(), String::new());
        d.write_message(data, &mut from_input).unwrap();
        d.write_message_excerpt(excerpt, &mut from_excerpt).unwrap();
        assert_eq!(from_input, from_excerpt, "{d:?}");
    }
    let expected = (policy, whole, policy);
    if data.len() <= 128 {
        assert_eq!(pushed(data, mode, 1..data.len()), expected, "byte by byte");
    }
    // Cuts from the input's hash (FNV-1a, then xorshift).
    let mut h = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)) | 1;
    let mut next = move || {
        h ^= h << 13;
        h ^= h >> 7;
        h ^= h << 17;
        h
    };
    let n = data.len() as u64 + 1;
    let mut cuts: Vec<usize> = (0..next() % 8).map(|_| (next() % n) as usize).collect();
    cuts.sort_unstable();
    assert_eq!(pushed(data, mode, cuts.iter().copied()), expected, "cut at {cuts:?}");
}
