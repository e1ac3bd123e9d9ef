//! The push (streaming) parser: the input arrives in chunks of any size,
//! each with its absolute offset, and words and findings are reported as
//! soon as they are complete. The state is bounded whatever the input's
//! size: where the header stands (directive name, `=`, quote, trailing
//! text), the policy folded so far, a word cut by a chunk boundary (its
//! first bytes), and the first bytes of trailing text. The slice functions
//! of [`crate::parse`] run the same machine over one chunk, so both give
//! the same policy and the same findings.

use memchr::memchr;

use crate::diag::{Code, Sink, EXCERPT_LEN};
use crate::lexer::Lexer;
use crate::policy::*;

use super::body::Body;
use super::{diag, parse_body_fast, span, CpSpan, Mode};

/// Where a header value stands between two bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    /// Between directives: spaces, tabs and commas.
    Sep,
    /// In a directive's name.
    Name,
    /// After the name, before `=`.
    AfterName,
    /// After `=`, before the value.
    BeforeValue,
    /// Inside a quoted value.
    Quoted,
    /// Inside an unquoted value, which runs to the next comma.
    Bare,
    /// After a closing quote.
    AfterQuote,
    /// Text after a closing quote, up to the next comma (reported).
    Trailing,
    /// The rest of a directive, up to the next comma (ignored).
    Skip,
    /// A bare token list: every byte is body.
    Tokens,
    /// [`PushParser::finish`] has run.
    Done,
}

/// What the directive being read is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Not `CP`.
    Other,
    /// The first `CP`: its value is the policy body.
    First,
    /// A later `CP`, which is reported and ignored.
    Later,
}

/// Where the policy body stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BodyAt {
    /// Not started (no `CP` value yet).
    Before,
    /// Being read.
    Open,
    /// Ended; `PushParser::policy` holds the result.
    Done,
}

/// Parses a `P3P` header value (or a bare token list) fed in chunks.
///
/// ```
/// use p3p::parse::{Mode, PushParser};
///
/// let mut parser = PushParser::new(Mode::Header);
/// let mut findings = Vec::new();
/// for chunk in [&b"CP=\"NOI DS"[..], b"P CUR", b"R\""] {
///     parser.feed(chunk, &mut |d: p3p::Diagnostic| findings.push(d));
/// }
/// let policy = parser.finish(&mut |d: p3p::Diagnostic| findings.push(d));
/// assert_eq!(policy, p3p::parse_header(b"CP=\"NOI DSP CURR\""));
/// assert_eq!((findings[0].code, findings[0].offset), (p3p::Code::UnknownToken, 12));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct PushParser {
    at: At,
    /// Read the first `CP`'s body (false: only find it, as [`super::find_cp`]).
    lex_body: bool,
    /// Offset of the first byte fed.
    base: usize,
    /// Offset of the next byte to be fed.
    pos: usize,
    // The directive being read.
    role: Role,
    name_start: usize,
    name_len: usize,
    /// The name so far could be `CP`.
    name_cp: bool,
    quote: u8,
    quote_at: usize,
    value_start: usize,
    /// One past the last byte of an unquoted value that is not a space or tab.
    value_end: usize,
    trail_start: usize,
    trail_head: [u8; EXCERPT_LEN],
    // The header as a whole.
    cp_seen: bool,
    duplicate: bool,
    span: Option<CpSpan>,
    // The policy body.
    body_at: BodyAt,
    body: Body,
    lexer: Lexer,
    policy: Policy,
}

#[inline(always)]
fn is_ows(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

impl PushParser {
    /// A parser for input of the given kind; offsets count from 0.
    pub const fn new(mode: Mode) -> PushParser {
        PushParser::with_offset(mode, 0)
    }

    /// A parser whose first byte is at `offset` of a larger text: every
    /// offset it reports counts from the start of that text.
    pub const fn with_offset(mode: Mode, offset: usize) -> PushParser {
        let tokens = matches!(mode, Mode::Tokens);
        PushParser {
            at: if tokens { At::Tokens } else { At::Sep },
            lex_body: true,
            base: offset,
            pos: offset,
            role: Role::Other,
            name_start: offset,
            name_len: 0,
            name_cp: false,
            quote: 0,
            quote_at: offset,
            value_start: offset,
            value_end: offset,
            trail_start: offset,
            trail_head: [0; EXCERPT_LEN],
            cp_seen: tokens,
            duplicate: false,
            span: if tokens { Some(span(offset, offset, None, false)) } else { None },
            body_at: if tokens { BodyAt::Open } else { BodyAt::Before },
            body: Body::new(offset),
            lexer: Lexer::new(),
            policy: Policy::ABSENT,
        }
    }

    /// A header parser that finds the `CP` directive and reports the
    /// header's findings, without reading the policy body.
    pub(super) const fn header_only() -> PushParser {
        let mut p = PushParser::new(Mode::Header);
        p.lex_body = false;
        p
    }

    /// Offset of the next byte to be fed.
    pub const fn offset(&self) -> usize {
        self.pos
    }

    /// Where the policy body lies, as far as known: after
    /// [`PushParser::finish`], what [`super::body_span`] gives for the whole
    /// input.
    pub fn span(&self) -> Option<CpSpan> {
        self.span.map(|s| CpSpan { duplicate: self.duplicate, ..s })
    }

    /// Reads the next chunk, reporting to `sink` what it completes.
    pub fn feed<S: Sink>(&mut self, chunk: &[u8], sink: &mut S) {
        let mut i = 0;
        while i < chunk.len() {
            i = self.step(chunk, i, sink);
        }
        self.pos += chunk.len();
    }

    /// Ends the input: reports what was still open and returns the policy.
    /// The parser is then spent: more input is ignored and `finish` returns
    /// the same policy.
    pub fn finish<S: Sink>(&mut self, sink: &mut S) -> Policy {
        let end = self.pos;
        match self.at {
            At::Done => return self.result(),
            At::Tokens => {
                self.end_body(end, sink);
                self.span = Some(span(self.base, end, None, false));
            }
            At::Sep => {}
            At::Name | At::AfterName => {
                if self.at == At::Name {
                    self.name_done();
                }
                self.empty_value(end, sink);
                self.end_directive(end, sink);
            }
            At::Quoted => {
                sink.report_excerpt(diag(Code::UnterminatedQuote, self.quote_at, 1), b"");
                if self.role == Role::First {
                    self.end_body(end, sink);
                    self.span = Some(span(self.value_start, end, Some(self.quote), true));
                }
                self.end_directive(end, sink);
            }
            At::BeforeValue | At::Bare | At::AfterQuote | At::Trailing | At::Skip => self.end_directive(end, sink),
        }
        if !self.cp_seen {
            sink.report_excerpt(diag(Code::NoCompactPolicy, self.base, end - self.base), b"");
        }
        self.at = At::Done;
        self.result()
    }

    fn result(&self) -> Policy {
        if self.body_at != BodyAt::Done {
            return Policy::ABSENT;
        }
        let mut p = self.policy;
        if self.duplicate {
            p.flags |= P3P_POLICY_DUPLICATE_CP;
        }
        if self.span.is_some_and(|s| s.unterminated) {
            p.flags |= P3P_POLICY_UNTERMINATED;
        }
        p
    }

    /// Reads from `chunk[i..]` what the current state consumes; returns
    /// where it stopped.
    #[inline]
    fn step<S: Sink>(&mut self, chunk: &[u8], mut i: usize, sink: &mut S) -> usize {
        let pos = self.pos;
        let abs = |i: usize| pos + i;
        match self.at {
            At::Sep => {
                while let Some(&b) = chunk.get(i) {
                    if !(is_ows(b) || b == b',') {
                        self.name_start = abs(i);
                        self.name_len = 0;
                        self.name_cp = true;
                        self.at = At::Name;
                        break;
                    }
                    i += 1;
                }
            }
            At::Name => {
                while let Some(&b) = chunk.get(i) {
                    if is_ows(b) || b == b'=' || b == b',' {
                        self.name_done();
                        self.at = At::AfterName;
                        break;
                    }
                    self.name_cp &= b"CP".get(self.name_len).is_some_and(|c| c.eq_ignore_ascii_case(&b));
                    self.name_len += 1;
                    i += 1;
                }
            }
            At::AfterName => {
                i = skip_ows(chunk, i);
                match chunk.get(i) {
                    Some(b'=') => {
                        self.at = At::BeforeValue;
                        i += 1;
                    }
                    Some(_) => {
                        self.empty_value(abs(i), sink);
                        self.at = At::Skip;
                    }
                    None => {}
                }
            }
            At::BeforeValue => {
                i = skip_ows(chunk, i);
                match chunk.get(i) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        self.quote = q;
                        self.quote_at = abs(i);
                        self.value_start = abs(i + 1);
                        self.start_body(abs(i + 1));
                        self.at = At::Quoted;
                        i += 1;
                    }
                    Some(_) => {
                        self.value_start = abs(i);
                        self.value_end = abs(i);
                        self.start_body(abs(i));
                        self.at = At::Bare;
                    }
                    None => {}
                }
            }
            At::Quoted => {
                let rest = chunk.get(i..).unwrap_or(&[]);
                let close = memchr(self.quote, rest);
                let seg = rest.get(..close.unwrap_or(rest.len())).unwrap_or(&[]);
                if self.role == Role::First {
                    self.body_bytes(seg, abs(i), close.map(|_| seg), sink);
                }
                i += seg.len();
                if close.is_some() {
                    let end = abs(i);
                    if self.role == Role::First {
                        self.end_body(end, sink);
                        self.span = Some(span(self.value_start, end, Some(self.quote), false));
                        if self.quote != b'"' && sink.wants() {
                            let d = diag(Code::UnquotedValue, self.name_start, end - self.name_start);
                            sink.report_excerpt(d, b"");
                        }
                    }
                    self.at = At::AfterQuote;
                    i += 1;
                }
            }
            At::Bare => {
                let rest = chunk.get(i..).unwrap_or(&[]);
                let comma = memchr(b',', rest);
                let seg = rest.get(..comma.unwrap_or(rest.len())).unwrap_or(&[]);
                if let Some(last) = seg.iter().rposition(|b| !is_ows(*b)) {
                    self.value_end = abs(i + last + 1);
                }
                if self.role == Role::First {
                    self.body_bytes(seg, abs(i), comma.map(|_| trim_end(seg)), sink);
                }
                i += seg.len();
                if comma.is_some() {
                    self.end_directive(abs(i), sink);
                }
            }
            At::AfterQuote => {
                i = skip_ows(chunk, i);
                match chunk.get(i) {
                    Some(b',') => self.end_directive(abs(i), sink),
                    Some(_) => {
                        self.trail_start = abs(i);
                        self.at = At::Trailing;
                    }
                    None => {}
                }
            }
            At::Trailing => {
                let rest = chunk.get(i..).unwrap_or(&[]);
                let comma = memchr(b',', rest);
                let seg = rest.get(..comma.unwrap_or(rest.len())).unwrap_or(&[]);
                let have = abs(i) - self.trail_start;
                if have < EXCERPT_LEN {
                    let n = seg.len().min(EXCERPT_LEN - have);
                    if let (Some(dst), Some(src)) = (self.trail_head.get_mut(have..have + n), seg.get(..n)) {
                        dst.copy_from_slice(src);
                    }
                }
                i += seg.len();
                if comma.is_some() {
                    self.end_directive(abs(i), sink);
                }
            }
            At::Skip => {
                let rest = chunk.get(i..).unwrap_or(&[]);
                match memchr(b',', rest) {
                    Some(k) => {
                        i += k;
                        self.end_directive(abs(i), sink);
                    }
                    None => i = chunk.len(),
                }
            }
            At::Tokens => {
                self.body_bytes(chunk.get(i..).unwrap_or(&[]), abs(i), None, sink);
                i = chunk.len();
            }
            At::Done => i = chunk.len(),
        }
        i
    }

    /// The directive's name has ended: is it the first `CP`, a later one,
    /// or something else?
    fn name_done(&mut self) {
        self.role = if !(self.name_cp && self.name_len == 2) {
            Role::Other
        } else if self.cp_seen {
            self.duplicate = true;
            Role::Later
        } else {
            self.cp_seen = true;
            Role::First
        };
    }

    /// A directive without `=`, whose value would be at `at`: for the first
    /// `CP`, a present, empty policy.
    fn empty_value<S: Sink>(&mut self, at: usize, sink: &mut S) {
        if self.role == Role::First {
            self.start_body(at);
            self.end_body(at, sink);
            self.span = Some(span(at, at, None, false));
            if sink.wants() {
                sink.report_excerpt(diag(Code::UnquotedValue, self.name_start, at - self.name_start), b"");
            }
        }
    }

    /// The directive ends at `next` (a comma, or the end of the input).
    fn end_directive<S: Sink>(&mut self, next: usize, sink: &mut S) {
        match self.at {
            At::BeforeValue | At::Bare if self.role == Role::First => {
                // An unquoted value, without the spaces before the comma.
                let (start, end) = match self.at {
                    At::Bare => (self.value_start, self.value_end),
                    _ => (next, next),
                };
                self.start_body(start);
                self.end_body(end, sink);
                self.span = Some(span(start, end, None, false));
                if sink.wants() {
                    sink.report_excerpt(diag(Code::UnquotedValue, self.name_start, end - self.name_start), b"");
                }
            }
            At::Trailing => {
                let n = (next - self.trail_start).min(EXCERPT_LEN);
                let d = diag(Code::TrailingText, self.trail_start, next - self.trail_start);
                sink.report_excerpt(d, self.trail_head.get(..n).unwrap_or(&[]));
            }
            _ => {}
        }
        if self.role == Role::Later {
            sink.report_excerpt(diag(Code::SecondCpIgnored, self.name_start, next - self.name_start), b"");
        }
        self.role = Role::Other;
        self.at = At::Sep;
    }

    fn start_body(&mut self, at: usize) {
        if self.role == Role::First && self.body_at == BodyAt::Before && self.lex_body {
            self.body = Body::new(at);
            self.lexer = Lexer::new();
            self.body_at = BodyAt::Open;
        }
    }

    /// Bytes of the policy body at offset `at`; `whole` is the body itself
    /// (without trailing spaces for an unquoted value) when `seg` ends it.
    #[inline]
    fn body_bytes<S: Sink>(&mut self, seg: &[u8], at: usize, whole: Option<&[u8]>, sink: &mut S) {
        if self.body_at != BodyAt::Open {
            return;
        }
        // The whole body in one piece, and nobody listening: the plain
        // shapes take the fast loop, which gives the same policy.
        if let (Some(whole), false, true) = (whole, sink.wants(), at == self.value_start) {
            if let Some(p) = parse_body_fast(whole) {
                self.policy = p;
                self.body_at = BodyAt::Done;
                return;
            }
        }
        let body = &mut self.body;
        self.lexer.feed(seg, at, |w, text| body.word(w, text, sink));
    }

    fn end_body<S: Sink>(&mut self, end: usize, sink: &mut S) {
        if self.body_at != BodyAt::Open {
            return;
        }
        let body = &mut self.body;
        self.lexer.finish(|w, text| body.word(w, text, sink));
        self.policy = self.body.finish(end, sink);
        self.body_at = BodyAt::Done;
    }
}

fn skip_ows(chunk: &[u8], mut i: usize) -> usize {
    while chunk.get(i).is_some_and(|b| is_ows(*b)) {
        i += 1;
    }
    i
}

fn trim_end(seg: &[u8]) -> &[u8] {
    let n = seg.iter().rposition(|b| !is_ows(*b)).map_or(0, |k| k + 1);
    seg.get(..n).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;
    use crate::lexer::Word;
    use crate::parse::parse_with;

    /// Everything a parse reports: words and findings with their excerpts.
    #[derive(Default, Debug, PartialEq)]
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

    fn whole(input: &[u8], mode: Mode) -> (Policy, Log) {
        let mut log = Log::default();
        let p = parse_with(input, mode, &mut log);
        (p, log)
    }

    fn pushed(input: &[u8], mode: Mode, cuts: &[usize]) -> (Policy, Log) {
        let mut log = Log::default();
        let mut parser = PushParser::new(mode);
        let mut from = 0;
        for &cut in cuts.iter().chain([input.len()].iter()) {
            let cut = cut.clamp(from, input.len());
            parser.feed(&input[from..cut], &mut log);
            from = cut;
        }
        let p = parser.finish(&mut log);
        assert_eq!(parser.finish(&mut log), p, "finish twice");
        (p, log)
    }

    const CORPUS: &[&[u8]] = &[
        b"CP=\"NOI DSP COR CUR OUR BUS UNI\"",
        b"policyref=\"/w3c/p3p.xml\", CP=\"NOI CURa ADMa DEVa TAIa CONa OUR\"",
        b"CP='NOI DSP'",
        b"CP=NOI DSP  , policyref=x",
        b"cp = \"NOI noi FINa CURR CONA CONa CONo NOI TST LOC\"",
        b"policyref=\"a,b\", CP=\"NOI DSP\", CP=\"PHY\" , CP",
        b"  ,, CP=\"NOI DSP\" junk and more junk, x",
        b"CP=\"NOI\x00\x01DSP\r\n\"",
        b"CP=\"This is not a P3P policy! See our help pages for more info.\"",
        b"CP=\"NOI DSP",
        b"CP",
        b"CP junk, CP=\"NOI\"",
        b"CP=",
        b"CP=\"\"",
        b"x=\"unterminated, CP=\"NOI\"",
        b"=\"NOI\", CP = 'PHY ONL' tail",
        b"NOI DSP COR",
        b"CP=\"PHY ONL xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx NOI\"",
        b"CP=\"NOI\" \xff\xfe\x01 trailing text that is longer than the forty bytes a message shows, x",
        b"",
    ];

    #[test]
    fn every_split_gives_the_slice_result() {
        for input in CORPUS {
            for mode in [Mode::Header, Mode::Tokens] {
                let expect = whole(input, mode);
                for cut in 0..=input.len() {
                    assert_eq!(
                        pushed(input, mode, &[cut]),
                        expect,
                        "{:?} cut at {cut}",
                        String::from_utf8_lossy(input)
                    );
                }
                let bytes: Vec<usize> = (1..input.len()).collect();
                assert_eq!(pushed(input, mode, &bytes), expect, "{:?} byte by byte", String::from_utf8_lossy(input));
            }
        }
    }

    #[test]
    fn random_inputs_and_splits_agree_with_the_slice_parser() {
        const ALPHABET: &[u8] = b"CPNOIDSURaoi \t,=\"'\x01;x\xff";
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let len = (next() % 48) as usize;
            let input: Vec<u8> = (0..len).map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize]).collect();
            let mut cuts: Vec<usize> = (0..next() % 5).map(|_| (next() % (len as u64 + 1)) as usize).collect();
            cuts.sort_unstable();
            for mode in [Mode::Header, Mode::Tokens] {
                assert_eq!(pushed(&input, mode, &cuts), whole(&input, mode), "{input:?} {cuts:?}");
            }
        }
    }

    #[test]
    fn offsets_count_from_the_given_start() {
        let mut log = Log::default();
        let mut parser = PushParser::with_offset(Mode::Header, 7);
        parser.feed(b"CP=\"NOI CURR\"", &mut log);
        parser.finish(&mut log);
        assert_eq!((log.diags[0].0.code, log.diags[0].0.offset), (Code::UnknownToken, 15));
        assert_eq!(parser.span().map(|s| (s.start, s.end)), Some((11, 19)));
    }

    #[test]
    fn a_long_word_is_carried_by_its_start() {
        let mut input = b"CP=\"NOI ".to_vec();
        input.extend(std::iter::repeat_n(b'x', 100_000));
        input.extend(b" DSP\"");
        let mut log = Log::default();
        let mut parser = PushParser::new(Mode::Header);
        for chunk in input.chunks(7) {
            parser.feed(chunk, &mut log);
        }
        let p = parser.finish(&mut log);
        assert_eq!(p, crate::parse::parse_header(&input));
        let (d, excerpt) = &log.diags[0];
        assert_eq!((d.code, d.offset, d.len, excerpt.len()), (Code::UnknownToken, 8, 100_000, EXCERPT_LEN));
        let mut message = String::new();
        d.write_message_excerpt(excerpt, &mut message).unwrap();
        assert_eq!(message, format!("unknown token \"{}...\"", "x".repeat(EXCERPT_LEN)));
    }
}
