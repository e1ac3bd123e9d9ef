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

use crate::diag::{suggest, Code, Detail, Diagnostic, Sink};
use crate::lexer::{Lexeme, Words};
use crate::policy::*;
use crate::token::{Form, Group, Suffix, Token};

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
    match find_cp(input, sink) {
        Some(span) => {
            let mut p = parse_body(input, span.start, span.end, sink);
            if span.duplicate {
                p.flags |= P3P_POLICY_DUPLICATE_CP;
            }
            if span.unterminated {
                p.flags |= P3P_POLICY_UNTERMINATED;
            }
            p
        }
        None => Policy::ABSENT,
    }
}

/// Parses a bare token list, reporting what it finds to `sink`.
pub fn parse_tokens_with<S: Sink>(input: &[u8], sink: &mut S) -> Policy {
    parse_body(input, 0, input.len(), sink)
}

#[inline(always)]
fn is_ows(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn skip_ows(input: &[u8], mut i: usize) -> usize {
    while input.get(i).is_some_and(|b| is_ows(*b)) {
        i += 1;
    }
    i
}

fn find_byte(input: &[u8], from: usize, needle: u8) -> Option<usize> {
    input.get(from..)?.iter().position(|b| *b == needle).map(|k| from + k)
}

/// Finds the first `CP` directive of a header value. Reports a missing CP,
/// later CPs, unterminated quotes, unquoted values and trailing text.
pub fn find_cp<S: Sink>(input: &[u8], sink: &mut S) -> Option<CpSpan> {
    let n = input.len();
    let mut found: Option<CpSpan> = None;
    let mut i = 0;
    loop {
        while input.get(i).is_some_and(|b| is_ows(*b) || *b == b',') {
            i += 1;
        }
        if i >= n {
            break;
        }
        let name_start = i;
        while input.get(i).is_some_and(|b| !is_ows(*b) && *b != b'=' && *b != b',') {
            i += 1;
        }
        let is_cp = input.get(name_start..i).is_some_and(|name| name.eq_ignore_ascii_case(b"CP"));
        let mut j = skip_ows(input, i);
        let mut value: Option<CpSpan> = None;
        let mut after_quote = false;
        if input.get(j) == Some(&b'=') {
            j = skip_ows(input, j + 1);
            match input.get(j) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let start = j + 1;
                    match find_byte(input, start, q) {
                        Some(close) => {
                            value = Some(span(start, close, Some(q), false));
                            j = close + 1;
                            after_quote = true;
                        }
                        None => {
                            sink.report(diag(Code::UnterminatedQuote, j, 1));
                            value = Some(span(start, n, Some(q), true));
                            j = n;
                        }
                    }
                }
                _ => {
                    let end = find_byte(input, j, b',').unwrap_or(n);
                    let mut trimmed = end;
                    while trimmed > j && input.get(trimmed - 1).is_some_and(|b| is_ows(*b)) {
                        trimmed -= 1;
                    }
                    value = Some(span(j, trimmed, None, false));
                    j = end;
                }
            }
        } else if is_cp {
            // `CP` with no `=`: a present, empty policy.
            value = Some(span(j, j, None, false));
        }
        let next = find_byte(input, j, b',').unwrap_or(n);
        if after_quote {
            let rest_start = skip_ows(input, j);
            if rest_start < next {
                sink.report(diag(Code::TrailingText, rest_start, next - rest_start));
            }
        }
        if is_cp {
            match found.as_mut() {
                None => {
                    if let Some(v) = value {
                        if v.quote != Some(b'"') && !v.unterminated && sink.wants() {
                            sink.report(diag(Code::UnquotedValue, name_start, v.end.max(name_start) - name_start));
                        }
                    }
                    found = value;
                }
                Some(first) => {
                    first.duplicate = true;
                    sink.report(diag(Code::SecondCpIgnored, name_start, next - name_start));
                }
            }
        }
        i = next;
    }
    if found.is_none() {
        sink.report(diag(Code::NoCompactPolicy, 0, n));
    }
    found
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

/// The plainest header, `CP="tokens"` alone, in one pass. `None` sends
/// anything else (other directives, odd spacing) to the general path.
#[inline]
fn parse_header_fast(input: &[u8]) -> Option<Policy> {
    crate::fast::header(input)
}

/// Folds the words of `input[start..end]` into a policy.
fn parse_body<S: Sink>(input: &[u8], start: usize, end: usize, sink: &mut S) -> Policy {
    if !sink.wants() {
        if let Some(p) = input.get(start..end).and_then(crate::fast::tokens) {
            return p;
        }
    }
    let mut p = Policy { flags: P3P_POLICY_PRESENT, ..Policy::ABSENT };
    let mut long_word = false;
    for w in Words::in_span(input, start, end) {
        if w.lexeme == Lexeme::Control {
            p.flags |= P3P_POLICY_CONTROL_BYTES;
            p.mozilla |= P3P_MOZILLA_INVALID;
            sink.report(diag(Code::ControlByte, w.offset, w.len));
            continue;
        }
        p.word_count = p.word_count.saturating_add(1);
        match w.lexeme {
            Lexeme::Token { token, suffix } => {
                let s = suffix.unwrap_or(Suffix::Always);
                let repeated = match token.consent_index() {
                    Some(ci) => {
                        let bit = 1u32 << ci;
                        let same = match s {
                            Suffix::Always => p.always,
                            Suffix::OptOut => p.opt_out,
                            Suffix::OptIn => p.opt_in,
                        } & bit
                            != 0;
                        if !same && (p.always | p.opt_out | p.opt_in) & bit != 0 {
                            sink.report(form_diag(Code::ConflictingSuffix, w.offset, w.len, Form { token, suffix }));
                        }
                        same
                    }
                    None => p.has(token),
                };
                if repeated {
                    p.flags |= P3P_POLICY_DUPLICATE_TOKEN;
                    sink.report(form_diag(Code::DuplicateToken, w.offset, w.len, Form { token, suffix }));
                }
                if suffix.is_some() && !token.suffix_in_grammar() {
                    p.flags |= P3P_POLICY_NONSTANDARD_SUFFIX;
                    sink.report(form_diag(Code::NonstandardSuffix, w.offset, w.len, Form { token, suffix: None }));
                }
                match token {
                    Token::TST => sink.report(diag(Code::TestPolicy, w.offset, w.len)),
                    Token::LOC => sink.report(diag(Code::UnknownToIe6, w.offset, w.len)),
                    _ => {}
                }
                p.insert(token, s);
            }
            other => {
                p.mozilla |= Policy::mozilla_word(input.get(w.offset..w.offset + w.len).unwrap_or(&[]));
                p.flags |= P3P_POLICY_HAS_INVALID;
                p.invalid_count = p.invalid_count.saturating_add(1);
                long_word |= w.len > 4;
                if sink.wants() {
                    let word = input.get(w.offset..w.offset + w.len).unwrap_or(&[]);
                    sink.report(match other {
                        Lexeme::WrongCase(f) => form_diag(Code::WrongCase, w.offset, w.len, f),
                        Lexeme::SuffixNotAllowed(t) => {
                            form_diag(Code::SuffixNotAllowed, w.offset, w.len, Form { token: t, suffix: None })
                        }
                        _ => Diagnostic {
                            code: Code::UnknownToken,
                            offset: w.offset,
                            len: w.len,
                            detail: suggest(word).map_or(Detail::None, Detail::Form),
                        },
                    });
                }
            }
        }
    }
    p.mozilla |= Policy::mozilla_of_tokens(p.tokens, p.always, p.opt_out, p.opt_in);
    let known = p.word_count - p.invalid_count;
    let body_len = end.saturating_sub(start);
    if p.word_count == 0 {
        p.flags |= P3P_POLICY_EMPTY;
        sink.report(diag(Code::EmptyPolicy, start, body_len));
    } else if long_word && p.invalid_count > known {
        p.flags |= P3P_POLICY_NOT_A_POLICY;
        sink.report(diag(Code::NotAPolicy, start, body_len));
    } else if sink.wants() {
        for (group, tokens) in REQUIRED_GROUPS {
            if p.tokens & tokens == 0 {
                sink.report(Diagnostic {
                    code: Code::MissingGroup,
                    offset: start,
                    len: 0,
                    detail: Detail::Group(group),
                });
            }
        }
        if p.tokens & crate::ie6::PII_MASK != 0 && p.tokens & group_mask(Group::Purpose) == 0 {
            sink.report(diag(Code::PiiWithoutPurpose, start, body_len));
        }
    }
    p
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

/// The groups P3P 1.0 section 4.5 expects every compact policy to state.
const REQUIRED_GROUPS: [(Group, u64); 4] = [
    (Group::Purpose, group_mask(Group::Purpose)),
    (Group::Recipient, group_mask(Group::Recipient)),
    (Group::Retention, group_mask(Group::Retention)),
    (Group::Category, group_mask(Group::Category)),
];

#[cfg(test)]
mod tests {
    use super::*;

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
        let (p, d) = diags_header(r#"CP="NOI" junk, policyref="x""#);
        assert!(p.has(Token::NOI));
        assert_eq!(d[0].code, Code::TrailingText);
    }

    #[test]
    fn unquoted_values_are_accepted_and_reported() {
        let (p, d) = diags_header("CP=NOI CURa ADMa");
        assert!(p.has(Token::ADM));
        assert_eq!(d[0].code, Code::UnquotedValue);
        assert!(codes(&d).contains(&Code::NonstandardSuffix));
    }

    #[test]
    fn fast_paths_take_the_plain_shapes() {
        let seed = b"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA";
        assert!(crate::fast::tokens(seed).is_some());
        assert!(parse_header_fast(&[b"CP=\"".as_slice(), seed, b"\"  "].concat()).is_some());
        for odd in ["NOI\tDSP", "NOI X", "FINa", "", " ", "NOI\x00"] {
            assert_eq!(crate::fast::tokens(odd.as_bytes()), None, "{odd:?}");
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
