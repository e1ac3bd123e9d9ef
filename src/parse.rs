//! Parsing: a `P3P` header field value (or a bare token list) into a
//! [`Policy`], in one left-to-right pass, without allocating and without
//! failing. Problems become flags on the policy and, for callers that ask,
//! [`Diagnostic`]s with byte offsets.
//!
//! Header form (P3P 1.0 section 2.2.2, with the tolerance IE and Mozilla
//! showed): comma-separated directives; the first `CP` (name matched without
//! regard to case) wins and later ones are reported; `policyref` and other
//! directives are skipped. A value may be double-quoted, single-quoted or
//! bare up to the next comma. Several `P3P` header lines are one value joined
//! with commas, so callers may parse them joined, or parse the first line
//! that carries a `CP`.
//!
//! [`PushParser`] does the same work on input that arrives in chunks, with
//! bounded state; the slice functions here run it over one chunk, after
//! trying the fast loop for the plain shapes, so both give the same policy
//! and findings.

mod body;
mod push;

pub use push::PushParser;

use crate::diag::{Code, Detail, Diagnostic, Sink};
use crate::policy::*;
use crate::token::{Form, Group};

/// Where the compact policy sits in a header value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CpSpan {
    /// Offset of the first byte of the policy body (after any quote).
    pub start: usize,
    /// Offset one past its last byte.
    pub end: usize,
    /// The quote character, if the value was quoted.
    pub quote: Option<u8>,
    /// The value had an opening quote but no closing one.
    pub unterminated: bool,
    /// A later `CP` directive was ignored.
    pub duplicate: bool,
}

/// What an input holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A `P3P` header field value (`CP="..."`, with other directives).
    Header,
    /// A bare token list, the body of a policy (`NOI DSP COR`).
    Tokens,
}

/// Parses `input` as `mode` says, reporting to `sink`.
pub fn parse_with<S: Sink>(input: &[u8], mode: Mode, sink: &mut S) -> Policy {
    match mode {
        Mode::Header => parse_header_with(input, sink),
        Mode::Tokens => parse_tokens_with(input, sink),
    }
}

/// Where the policy body of `input` lies, without reporting anything.
pub fn body_span(input: &[u8], mode: Mode) -> Option<CpSpan> {
    match mode {
        Mode::Header => find_cp(input, &mut ()),
        Mode::Tokens => Some(span(0, input.len(), None, false)),
    }
}

/// Parses a header field value; no diagnostics.
#[inline]
pub fn parse_header(input: &[u8]) -> Policy {
    parse_header_with(input, &mut ())
}

/// Parses a bare token list (a policy body, as in `NOI DSP COR`).
#[inline]
pub fn parse_tokens(input: &[u8]) -> Policy {
    parse_tokens_with(input, &mut ())
}

/// Parses a header field value, reporting what it finds to `sink`.
pub fn parse_header_with<S: Sink>(input: &[u8], sink: &mut S) -> Policy {
    if !sink.wants() {
        if let Some(p) = parse_header_fast(input) {
            return p;
        }
    }
    let mut parser = PushParser::new(Mode::Header);
    parser.feed(input, sink);
    parser.finish(sink)
}

/// Parses a bare token list, reporting what it finds to `sink`.
pub fn parse_tokens_with<S: Sink>(input: &[u8], sink: &mut S) -> Policy {
    if !sink.wants() {
        if let Some(p) = parse_body_fast(input) {
            return p;
        }
    }
    let mut parser = PushParser::new(Mode::Tokens);
    parser.feed(input, sink);
    parser.finish(sink)
}

/// Finds the first `CP` directive of a header value. Reports a missing CP,
/// later CPs, unterminated quotes, unquoted values and trailing text (the
/// header's findings, without the policy body's).
pub fn find_cp<S: Sink>(input: &[u8], sink: &mut S) -> Option<CpSpan> {
    let mut parser = PushParser::header_only();
    parser.feed(input, sink);
    parser.finish(sink);
    parser.span()
}

const fn span(start: usize, end: usize, quote: Option<u8>, unterminated: bool) -> CpSpan {
    CpSpan { start, end, quote, unterminated, duplicate: false }
}

const fn diag(code: Code, offset: usize, len: usize) -> Diagnostic {
    Diagnostic { code, offset, len, detail: Detail::None }
}

const fn form_diag(code: Code, offset: usize, len: usize, form: Form) -> Diagnostic {
    Diagnostic { code, offset, len, detail: Detail::Form(form) }
}

/// The common case, well-formed tokens separated by spaces, through the
/// block-at-a-time loop in `crate::fast`. `None` (a tab, a control byte, an
/// unknown or misspelt word, an empty policy) sends the caller to the
/// general path, which gives the same policy; the robustness tests and the
/// fuzz targets compare the two on random input.
#[inline]
fn parse_body_fast(body: &[u8]) -> Option<Policy> {
    crate::fast::tokens(body)
}

/// The plainest header, `CP="tokens"` alone, in one pass. `None` sends
/// anything else (other directives, odd spacing) to the general path.
#[inline]
fn parse_header_fast(input: &[u8]) -> Option<Policy> {
    crate::fast::header(input)
}

/// The token bits of one group.
pub const fn group_mask(group: Group) -> u64 {
    let mut mask = 0u64;
    let mut i = 0;
    while i < crate::token::TOKEN_COUNT {
        let t = crate::token::ALL_TOKENS[i];
        if t.group() as u8 == group as u8 {
            mask |= 1u64 << i;
        }
        i += 1;
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::{Suffix, Token};

    fn diags_header(s: &str) -> (Policy, Vec<Diagnostic>) {
        let mut v = Vec::new();
        let p = parse_header_with(s.as_bytes(), &mut |d| v.push(d));
        (p, v)
    }

    fn codes(v: &[Diagnostic]) -> Vec<Code> {
        v.iter().map(|d| d.code).collect()
    }

    #[test]
    fn finds_the_cp_in_every_header_form() {
        for (input, body) in [
            (r#"CP="NOI DSP""#, "NOI DSP"),
            (r#"policyref="/w3c/p3p.xml", CP="NOI DSP""#, "NOI DSP"),
            (r#"CP='NOI DSP'"#, "NOI DSP"),
            ("CP=NOI DSP", "NOI DSP"),
            ("CP=NOI DSP  , policyref=x", "NOI DSP"),
            (r#"cp = "NOI DSP""#, "NOI DSP"),
            (r#"policyref="a,b", CP="NOI DSP""#, "NOI DSP"),
            (r#"CP="NOI DSP", CP="PHY""#, "NOI DSP"),
            (r#"  ,, CP="NOI DSP""#, "NOI DSP"),
        ] {
            let s = find_cp(input.as_bytes(), &mut ()).expect(input);
            assert_eq!(&input[s.start..s.end], body, "{input}");
        }
    }

    #[test]
    fn a_header_without_cp_is_no_policy() {
        for input in ["", "policyref=\"/p3p.xml\"", "NOI DSP COR", "xCP=\"NOI\"", "CPX=\"NOI\""] {
            let (p, d) = diags_header(input);
            assert!(!p.is_present(), "{input}");
            assert_eq!(codes(&d), vec![Code::NoCompactPolicy], "{input}");
        }
    }

    #[test]
    fn only_the_first_cp_counts() {
        let (p, d) = diags_header(r#"CP="NOI", CP="PHY ONL CONa""#);
        assert!(p.has(Token::NOI) && !p.has(Token::PHY));
        assert!(p.flag(P3P_POLICY_DUPLICATE_CP));
        assert!(codes(&d).contains(&Code::SecondCpIgnored));
    }

    #[test]
    fn an_unterminated_quote_reads_to_the_end() {
        let (p, d) = diags_header("CP=\"NOI DSP");
        assert!(p.has(Token::DSP));
        assert!(p.flag(P3P_POLICY_UNTERMINATED));
        assert_eq!(d[0].code, Code::UnterminatedQuote);
        assert_eq!(d[0].offset, 3);
    }

    #[test]
    fn empty_cp_is_present_and_empty() {
        for input in [r#"CP="""#, "CP=", "CP", "CP=''"] {
            let (p, d) = diags_header(input);
            assert!(p.is_present() && p.flag(P3P_POLICY_EMPTY), "{input}");
            assert!(codes(&d).contains(&Code::EmptyPolicy), "{input}");
        }
    }

    #[test]
    fn reports_word_problems_with_offsets() {
        let input = r#"CP="NOI noi FINa CURR CONA CONa CONo NOI""#;
        let (p, d) = diags_header(input);
        let found: Vec<(Code, &str)> = d.iter().map(|d| (d.code, &input[d.offset..d.offset + d.len])).collect();
        assert_eq!(
            found[..7],
            [
                (Code::WrongCase, "noi"),
                (Code::SuffixNotAllowed, "FINa"),
                (Code::UnknownToken, "CURR"),
                (Code::WrongCase, "CONA"),
                (Code::ConflictingSuffix, "CONo"),
                (Code::DuplicateToken, "NOI"),
                (Code::MissingGroup, ""),
            ]
        );
        assert_eq!(p.invalid_count, 4);
        assert_eq!(p.word_count, 8);
        assert!(p.flag(P3P_POLICY_HAS_INVALID) && p.flag(P3P_POLICY_DUPLICATE_TOKEN));
        assert!(!p.has(Token::FIN));
        assert_eq!(p.consent(Token::CON), Some(Suffix::Always));
    }

    #[test]
    fn free_text_is_not_a_policy() {
        let (p, d) = diags_header(r#"CP="This is not a P3P policy! See our help pages for more info.""#);
        assert!(p.is_present() && p.flag(P3P_POLICY_NOT_A_POLICY));
        assert_eq!(p.tokens, 0);
        assert!(codes(&d).contains(&Code::NotAPolicy));
    }

    #[test]
    fn control_bytes_separate_and_are_flagged() {
        let (p, d) = diags_header("CP=\"NOI\x00DSP\"");
        assert!(p.has(Token::NOI) && p.has(Token::DSP));
        assert!(p.flag(P3P_POLICY_CONTROL_BYTES));
        assert_eq!(d[0].code, Code::ControlByte);
    }

    #[test]
    fn trailing_text_after_the_quote_is_reported() {
        let input = r#"CP="NOI" junk, policyref="x""#;
        let (p, d) = diags_header(input);
        assert!(p.has(Token::NOI));
        // The policy's own findings come at its end, before the text after it.
        let last = d.last().unwrap();
        assert_eq!((last.code, &input[last.offset..last.offset + last.len]), (Code::TrailingText, "junk"));
        assert_eq!(codes(&d[..d.len() - 1]), [Code::MissingGroup; 4]);
    }

    #[test]
    fn unquoted_values_are_accepted_and_reported() {
        let (p, d) = diags_header("CP=NOI CURa ADMa  , x=1");
        assert!(p.has(Token::ADM));
        // In input order as each is complete: the word, the policy, the directive.
        assert_eq!(
            codes(&d),
            [Code::NonstandardSuffix, Code::MissingGroup, Code::MissingGroup, Code::MissingGroup, Code::UnquotedValue]
        );
        assert_eq!((d[4].offset, d[4].len), (0, 16));
        let (_, d) = diags_header("CP='NOI'");
        assert_eq!(d.last().map(|d| (d.code, d.offset, d.len)), Some((Code::UnquotedValue, 0, 7)));
    }

    #[test]
    fn fast_paths_take_the_plain_shapes() {
        let seed = b"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA";
        assert!(parse_body_fast(seed).is_some());
        assert!(parse_header_fast(&[b"CP=\"".as_slice(), seed, b"\"  "].concat()).is_some());
        for odd in ["NOI\tDSP", "NOI X", "FINa", "", " ", "NOI\x00"] {
            assert_eq!(parse_body_fast(odd.as_bytes()), None, "{odd:?}");
        }
        assert!(parse_header_fast(b"CP=\"NOI").is_none());
        assert!(parse_header_fast(b"CP=\"NOI\" x").is_none());
    }

    #[test]
    fn the_fast_path_and_the_diagnosing_path_agree() {
        for input in [
            r#"CP="NOI noi FINa CURR CONA CONa CONo NOI""#,
            "CP=\"x\x01y\"",
            r#"CP="" CP="NOI""#,
            r#"CP="NOI CURa OURo CONa CONa DSP DSP""#,
            r#"CP="NOI CONo CONa""#,
        ] {
            assert_eq!(parse_header(input.as_bytes()), diags_header(input).0);
        }
    }

    #[test]
    fn group_masks_partition_the_vocabulary() {
        let all = Group::ALL.iter().fold(0u64, |acc, g| {
            assert_eq!(acc & group_mask(*g), 0);
            acc | group_mask(*g)
        });
        assert_eq!(all, (1u64 << crate::token::TOKEN_COUNT) - 1);
    }
}
