//! Diagnostics: what the parser and the linter found, with byte offsets into
//! the input. Codes are stable numbers (they cross the C ABI and appear in
//! JSON); a retired code is never reused.

use crate::lexer::Word;
use crate::token::{Form, Group};
use core::fmt::{self, Write};

/// What kind of problem a diagnostic reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Code {
    /// A word that is not a compact-policy token; ignored by the IE6 profile.
    UnknownToken = 1,
    /// A token written in the wrong case (`noi`, `CONA`); ignored.
    WrongCase = 2,
    /// A suffix on a token that takes none (`FINa`); the word is ignored.
    SuffixNotAllowed = 3,
    /// The same token written twice.
    DuplicateToken = 4,
    /// The same purpose or recipient with two different suffixes.
    ConflictingSuffix = 5,
    /// `CP=""`: a policy with no tokens.
    EmptyPolicy = 6,
    /// A second `CP=` directive, which user agents ignore.
    SecondCpIgnored = 7,
    /// A quoted value with no closing quote.
    UnterminatedQuote = 8,
    /// A control byte inside the policy.
    ControlByte = 9,
    /// A header value with no `CP=` directive.
    NoCompactPolicy = 10,
    /// A suffix on `CUR` or `OUR`, which the grammar forbids (IE accepted it).
    NonstandardSuffix = 11,
    /// A group P3P 1.0 section 4 expects (purposes, recipients, retention,
    /// categories) has no token.
    MissingGroup = 12,
    /// The value is free text rather than a policy.
    NotAPolicy = 13,
    /// `TST`: a test policy, which user agents treat as no policy.
    TestPolicy = 14,
    /// The `CP` value is not in double quotes.
    UnquotedValue = 15,
    /// Text between a closing quote and the next directive.
    TrailingText = 16,
    /// `LOC`, which IE6 and Mozilla did not know and ignored.
    UnknownToIe6 = 17,
    /// Identifiable data (PHY, ONL, GOV, FIN) with no purpose declared: IE6
    /// treats it as used without consent.
    PiiWithoutPurpose = 18,
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u32)]
pub enum Severity {
    /// Spec violation that user agents tolerate, or a likely mistake.
    Warning = 1,
    /// Bytes that are ignored or misread: the policy does not say what was written.
    Error = 2,
}

impl Severity {
    /// Lower-case name.
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl Code {
    /// Every code, in numeric order.
    pub const ALL: [Code; 18] = [
        Code::UnknownToken,
        Code::WrongCase,
        Code::SuffixNotAllowed,
        Code::DuplicateToken,
        Code::ConflictingSuffix,
        Code::EmptyPolicy,
        Code::SecondCpIgnored,
        Code::UnterminatedQuote,
        Code::ControlByte,
        Code::NoCompactPolicy,
        Code::NonstandardSuffix,
        Code::MissingGroup,
        Code::NotAPolicy,
        Code::TestPolicy,
        Code::UnquotedValue,
        Code::TrailingText,
        Code::UnknownToIe6,
        Code::PiiWithoutPurpose,
    ];

    /// The code from its number.
    pub fn from_u32(v: u32) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| *c as u32 == v)
    }

    /// Stable snake-case name (JSON `code`).
    pub const fn name(self) -> &'static str {
        match self {
            Code::UnknownToken => "unknown_token",
            Code::WrongCase => "wrong_case",
            Code::SuffixNotAllowed => "suffix_not_allowed",
            Code::DuplicateToken => "duplicate_token",
            Code::ConflictingSuffix => "conflicting_suffix",
            Code::EmptyPolicy => "empty_policy",
            Code::SecondCpIgnored => "second_cp_ignored",
            Code::UnterminatedQuote => "unterminated_quote",
            Code::ControlByte => "control_byte",
            Code::NoCompactPolicy => "no_compact_policy",
            Code::NonstandardSuffix => "nonstandard_suffix",
            Code::MissingGroup => "missing_group",
            Code::NotAPolicy => "not_a_policy",
            Code::TestPolicy => "test_policy",
            Code::UnquotedValue => "unquoted_value",
            Code::TrailingText => "trailing_text",
            Code::UnknownToIe6 => "unknown_to_ie6",
            Code::PiiWithoutPurpose => "pii_without_purpose",
        }
    }

    /// How serious the finding is.
    pub const fn severity(self) -> Severity {
        match self {
            Code::UnknownToken
            | Code::WrongCase
            | Code::SuffixNotAllowed
            | Code::UnterminatedQuote
            | Code::ControlByte
            | Code::NoCompactPolicy
            | Code::NotAPolicy => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// Extra data a diagnostic carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Nothing more.
    None,
    /// A token form: the one probably meant (unknown, wrong case, suffix not
    /// allowed), or the one repeated (duplicate, conflicting suffix).
    Form(Form),
    /// The missing group.
    Group(Group),
}

impl Detail {
    /// Packs the detail into an integer for the C ABI (0 = none).
    pub fn pack(self) -> u32 {
        match self {
            Detail::None => 0,
            Detail::Form(f) => 1 + f.pack(),
            Detail::Group(g) => 1000 + Group::ALL.iter().position(|x| *x == g).unwrap_or(0) as u32,
        }
    }

    /// The inverse of [`Detail::pack`]; unknown values give `None`.
    pub fn unpack(v: u32) -> Option<Detail> {
        match v {
            0 => Some(Detail::None),
            1..=999 => Form::unpack(v - 1).map(Detail::Form),
            _ => Group::ALL.get((v - 1000) as usize).copied().map(Detail::Group),
        }
    }
}

/// One finding, located in the input by byte offset and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What was found.
    pub code: Code,
    /// Byte offset of the offending text in the input.
    pub offset: usize,
    /// Its length in bytes (0 for findings about the whole policy).
    pub len: usize,
    /// Extra data (suggestion, repeated token, missing group).
    pub detail: Detail,
}

impl Diagnostic {
    /// Severity of the finding.
    pub const fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Writes a one-line message; `input` is the text the offsets refer to.
    pub fn write_message<W: Write>(&self, input: &[u8], w: &mut W) -> fmt::Result {
        let text = input.get(self.offset..self.offset.saturating_add(self.len)).unwrap_or(&[]);
        self.write_message_excerpt(text, w)
    }

    /// Writes the same message from the start of the diagnostic's text
    /// alone, as a streaming caller has it: `excerpt` holds the first bytes
    /// of `input[offset..offset + len]`, at least [`EXCERPT_LEN`] of them
    /// when there are that many (what [`Sink::report_excerpt`] is given).
    /// Quoted text is cut at [`EXCERPT_LEN`] bytes, so a message stays short
    /// whatever the size of the word it names.
    pub fn write_message_excerpt<W: Write>(&self, excerpt: &[u8], w: &mut W) -> fmt::Result {
        let quoted =
            QuotedStart { text: excerpt.get(..self.len.min(excerpt.len())).unwrap_or(excerpt), total: self.len };
        match (self.code, self.detail) {
            (Code::UnknownToken, _) => write!(w, "unknown token {quoted}")?,
            (Code::WrongCase, _) => write!(w, "{quoted} is in the wrong case: tokens are case-sensitive")?,
            (Code::SuffixNotAllowed, Detail::Form(f)) => {
                write!(w, "{quoted}: {} takes no suffix (only purposes and recipients do)", f.token)?
            }
            (Code::SuffixNotAllowed, _) => write!(w, "{quoted}: this token takes no suffix")?,
            (Code::DuplicateToken, _) => write!(w, "{quoted} is repeated")?,
            (Code::ConflictingSuffix, Detail::Form(f)) => {
                write!(w, "{quoted}: {} appears with two suffixes; the weaker consent counts", f.token)?
            }
            (Code::ConflictingSuffix, _) => write!(w, "{quoted} appears with two suffixes")?,
            (Code::EmptyPolicy, _) => w.write_str("the compact policy has no tokens")?,
            (Code::SecondCpIgnored, _) => w.write_str("a second CP directive is ignored; only the first counts")?,
            (Code::UnterminatedQuote, _) => w.write_str("the quoted value has no closing quote")?,
            (Code::ControlByte, _) => write!(w, "control byte {quoted} in the policy")?,
            (Code::NoCompactPolicy, _) => w.write_str("no CP= directive: the response has no compact policy")?,
            (Code::NonstandardSuffix, Detail::Form(f)) => {
                write!(w, "{quoted}: the grammar allows no suffix on {} (Internet Explorer accepted it)", f.token)?
            }
            (Code::NonstandardSuffix, _) => write!(w, "{quoted}: the grammar allows no suffix here")?,
            (Code::MissingGroup, Detail::Group(g)) => {
                write!(w, "no {} token: P3P 1.0 expects purposes, recipients, retention and categories", g.name())?
            }
            (Code::MissingGroup, _) => w.write_str("a required group has no token")?,
            (Code::NotAPolicy, _) => w.write_str(
                "this is free text, not a compact policy (IE6 accepted such text as a satisfactory policy)",
            )?,
            (Code::TestPolicy, _) => w.write_str("TST marks a test policy, which user agents treat as no policy")?,
            (Code::UnquotedValue, _) => w.write_str("the CP value should be in double quotes")?,
            (Code::TrailingText, _) => write!(w, "unexpected text {quoted} after the value")?,
            (Code::UnknownToIe6, _) => {
                w.write_str("LOC was added after Internet Explorer 6 and Mozilla were built; both ignore it")?
            }
            (Code::PiiWithoutPurpose, _) => w.write_str(
                "identifiable data is collected but no purpose is declared; IE6 treats that as use without consent",
            )?,
        }
        if let (Code::UnknownToken | Code::WrongCase | Code::SuffixNotAllowed, Detail::Form(f)) =
            (self.code, self.detail)
        {
            write!(w, "; did you mean \"{f}\"?")?;
        }
        Ok(())
    }
}

/// How many bytes of a word or text a message quotes; longer text is cut
/// and marked with `...`. Streaming callers keep this many bytes of the
/// text a finding is about (see [`Sink::report_excerpt`]).
pub const EXCERPT_LEN: usize = 40;

/// Displays input bytes in double quotes, escaping what is not printable
/// ASCII and cutting text longer than [`EXCERPT_LEN`] bytes, so a message
/// never carries raw control bytes. Text cut before it is given (an
/// excerpt of a longer word) is marked by the caller's `len`: see
/// [`Diagnostic::write_message_excerpt`].
pub struct Quoted<'a>(pub &'a [u8]);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0, self.0.len())
    }
}

/// The start of `total` bytes of text, quoted like [`Quoted`].
struct QuotedStart<'a> {
    text: &'a [u8],
    total: usize,
}

impl fmt::Display for QuotedStart<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.text, self.total)
    }
}

/// `text` is the start of `total` bytes.
fn write_quoted<W: Write + ?Sized>(f: &mut W, text: &[u8], total: usize) -> fmt::Result {
    f.write_char('"')?;
    for &b in text.iter().take(EXCERPT_LEN) {
        match b {
            b'"' | b'\\' => write!(f, "\\{}", b as char)?,
            0x20..=0x7e => f.write_char(b as char)?,
            _ => write!(f, "\\x{b:02x}")?,
        }
    }
    if total.max(text.len()) > EXCERPT_LEN {
        f.write_str("...")?;
    }
    f.write_char('"')
}

/// Receives diagnostics as the parser finds them. Implemented for closures,
/// and for `()` to discard them (the fast path).
///
/// Findings arrive in input order, each as soon as the text it is about is
/// complete: a word's findings at the end of the word; an unquoted value,
/// trailing text or a later `CP` directive at the end of its directive;
/// findings about the whole policy (empty, free text, missing groups,
/// identifiable data without purpose) at the end of the policy body; an
/// unterminated quote and a missing `CP` at the end of the input.
pub trait Sink {
    /// Called once per finding.
    fn report(&mut self, d: Diagnostic);
    /// Whether anyone listens: the parser skips optional work when not
    /// (and reports nothing, words included).
    fn wants(&self) -> bool {
        true
    }
    /// Called for each finding with the start of the text it is about:
    /// its first [`EXCERPT_LEN`] bytes (all of it when shorter), empty for
    /// findings that quote nothing. Enough for
    /// [`Diagnostic::write_message_excerpt`] when the input is no longer at
    /// hand, as with the push parser. The default passes the finding to
    /// [`Sink::report`].
    fn report_excerpt(&mut self, d: Diagnostic, excerpt: &[u8]) {
        let _ = excerpt;
        self.report(d)
    }
    /// Called for each word of the policy body, in order, with the start of
    /// its text (as for [`Sink::report_excerpt`]), before the word's
    /// findings. The default ignores words.
    fn word(&mut self, word: Word, excerpt: &[u8]) {
        let _ = (word, excerpt);
    }
}

impl Sink for () {
    #[inline(always)]
    fn report(&mut self, _: Diagnostic) {}
    #[inline(always)]
    fn wants(&self) -> bool {
        false
    }
}

impl<F: FnMut(Diagnostic)> Sink for F {
    fn report(&mut self, d: Diagnostic) {
        self(d)
    }
}

/// Returns the form a mistyped word probably meant: a token at edit
/// distance one (insertion, deletion, substitution, or swap of neighbours),
/// ignoring case. Prefers the plain three-letter form on ties.
pub fn suggest(word: &[u8]) -> Option<Form> {
    if word.len() < 2 || word.len() > 5 {
        return None;
    }
    let mut best: Option<(usize, Form)> = None;
    for t in crate::token::ALL_TOKENS {
        if !near_start(word, t.name().as_bytes()) {
            continue; // no form of this token is one edit away
        }
        let suffixes: &[Option<crate::token::Suffix>] = if t.takes_suffix() {
            &[
                None,
                Some(crate::token::Suffix::Always),
                Some(crate::token::Suffix::OptOut),
                Some(crate::token::Suffix::OptIn),
            ]
        } else {
            &[None]
        };
        for &s in suffixes {
            let form = Form { token: t, suffix: s };
            let (bytes, n) = form.bytes();
            let candidate = bytes.get(..n).unwrap_or(&[]);
            let d = distance(word, candidate);
            // Rank: distance, then keeping the written base letters, then the plain form.
            let rank = d * 4 + usize::from(word.get(..3) != candidate.get(..3)) * 2 + usize::from(s.is_some());
            if d <= 1 && best.is_none_or(|(br, _)| rank < br) {
                best = Some((rank, form));
            }
        }
    }
    best.map(|(_, f)| f)
}

/// Whether `a` and `b` (at least two bytes each) can be one edit apart
/// judging by their first two bytes: one edit leaves a match among them
/// (case-insensitive, as in token letters). Most candidates fail this.
#[inline]
fn near_start(a: &[u8], b: &[u8]) -> bool {
    match (a, b) {
        ([a0, a1, ..], [b0, b1, ..]) => {
            a0.eq_ignore_ascii_case(b0)
                || a1.eq_ignore_ascii_case(b1)
                || a0.eq_ignore_ascii_case(b1)
                || a1.eq_ignore_ascii_case(b0)
        }
        _ => true,
    }
}

/// Optimal-string-alignment distance on short words, case-insensitive for
/// the three token letters (by position in `b`), capped at 2: 0, 1 (one
/// substitution, insertion, deletion or swap of exactly equal neighbours),
/// or 2 for anything further. Checked directly rather than with the full
/// table, since a linter may ask for millions of unknown words.
fn distance(a: &[u8], b: &[u8]) -> usize {
    const N: usize = 6;
    if a.len() >= N || b.len() >= N {
        return 2;
    }
    // `x` of `a` against `y` at index `j` of `b`.
    let eq = |x: u8, y: u8, j: usize| if j < 3 { x.eq_ignore_ascii_case(&y) } else { x == y };
    if !near_start(a, b) {
        return 2;
    }
    let one = if a.len() == b.len() {
        let mut differ = (0..b.len()).filter(|&j| !eq(a[j], b[j], j));
        match (differ.next(), differ.next(), differ.next()) {
            (None, _, _) => return 0,
            (Some(_), None, _) => true,
            (Some(j), Some(k), None) => k == j + 1 && a[j] == b[k] && a[k] == b[j],
            _ => false,
        }
    } else if a.len() == b.len() + 1 {
        // Some byte of `a` left out gives `b`.
        (0..a.len()).any(|i| (0..b.len()).all(|j| eq(a[if j < i { j } else { j + 1 }], b[j], j)))
    } else if a.len() + 1 == b.len() {
        // Some byte of `b` left out gives `a`.
        (0..b.len()).any(|k| {
            (0..a.len()).all(|t| {
                let j = if t < k { t } else { t + 1 };
                eq(a[t], b[j], j)
            })
        })
    } else {
        false
    };
    if one {
        1
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::{Suffix, Token};

    #[test]
    fn suggests_the_token_probably_meant() {
        assert_eq!(suggest(b"CURR"), Some(Form { token: Token::CUR, suffix: None }));
        assert_eq!(suggest(b"PYH"), Some(Form { token: Token::PHY, suffix: None }));
        assert_eq!(suggest(b"CONx"), Some(Form { token: Token::CON, suffix: None }));
        assert_eq!(suggest(b"COMa"), Some(Form { token: Token::COM, suffix: None }));
        assert_eq!(suggest(b"DELo"), Some(Form { token: Token::DEL, suffix: Some(Suffix::OptOut) }));
        assert_eq!(suggest(b"This"), Some(Form { token: Token::HIS, suffix: None }));
        assert_eq!(suggest(b"Hello"), None);
        assert_eq!(suggest(b"policy!"), None);
    }

    /// The distance by the full optimal-string-alignment table.
    fn table_distance(a: &[u8], b: &[u8]) -> usize {
        const N: usize = 6;
        if a.len() >= N || b.len() >= N {
            return 2;
        }
        let eq = |x: u8, y: u8, i: usize| if i < 3 { x.eq_ignore_ascii_case(&y) } else { x == y };
        let mut d = [[0usize; N]; N];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(!eq(a[i - 1], b[j - 1], j - 1));
                let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[a.len()][b.len()].min(2)
    }

    #[test]
    fn the_direct_distance_is_the_table_distance() {
        const LETTERS: &[u8] = b"CONURPHYSaoiconurphysX";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let forms: Vec<Vec<u8>> = crate::token::ALL_TOKENS
            .iter()
            .flat_map(|t| {
                [None, Some(Suffix::Always), Some(Suffix::OptOut), Some(Suffix::OptIn)]
                    .map(|s| Form { token: *t, suffix: s })
            })
            .map(|f| {
                let (bytes, n) = f.bytes();
                bytes[..n].to_vec()
            })
            .collect();
        for _ in 0..20_000 {
            let len = (next() % 7) as usize;
            let word: Vec<u8> = (0..len).map(|_| LETTERS[(next() % LETTERS.len() as u64) as usize]).collect();
            for f in &forms {
                assert_eq!(distance(&word, f), table_distance(&word, f), "{word:?} {f:?}");
                // Words one or two edits from a form, where the answers are near.
                let mut near = f.clone();
                let k = (next() % near.len() as u64) as usize;
                match next() % 4 {
                    0 => near[k] = LETTERS[(next() % LETTERS.len() as u64) as usize],
                    1 => near.swap(k, (k + 1) % f.len()),
                    2 => {
                        near.remove(k);
                    }
                    _ => near.insert(k, LETTERS[(next() % LETTERS.len() as u64) as usize]),
                }
                assert_eq!(distance(&near, f), table_distance(&near, f), "{near:?} {f:?}");
            }
        }
    }

    #[test]
    fn codes_round_trip_and_have_distinct_names() {
        for c in Code::ALL {
            assert_eq!(Code::from_u32(c as u32), Some(c));
            assert_eq!(Code::ALL.iter().filter(|x| x.name() == c.name()).count(), 1);
        }
        assert_eq!(Code::from_u32(0), None);
    }

    #[test]
    fn details_round_trip() {
        for d in [
            Detail::None,
            Detail::Group(Group::Retention),
            Detail::Form(Form { token: Token::OTC, suffix: None }),
            Detail::Form(Form { token: Token::OTR, suffix: Some(Suffix::OptIn) }),
        ] {
            assert_eq!(Detail::unpack(d.pack()), Some(d));
        }
    }

    #[test]
    fn messages_escape_bytes() {
        let d = Diagnostic { code: Code::UnknownToken, offset: 0, len: 3, detail: Detail::None };
        let mut s = String::new();
        d.write_message(b"a\"\x01", &mut s).unwrap();
        assert_eq!(s, "unknown token \"a\\\"\\x01\"");
    }
}
