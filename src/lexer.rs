//! Splits a policy body into words and recognises each one.
//!
//! Words are separated by runs of spaces or tabs; a control byte also ends a
//! word and is reported on its own. Recognition is case-sensitive, as P3P 1.1
//! requires: a word is a token when it is exactly three letters of the
//! vocabulary, or four where the fourth is `a`, `i` or `o` on a purpose or
//! recipient.
//!
//! [`Words`] iterates the words of a slice; [`Lexer`] takes the same bytes
//! in chunks, as a stream arrives, and carries a word cut by a chunk
//! boundary (its offset, length and first [`EXCERPT_LEN`] bytes) to the
//! next chunk. Both find runs with [`next_run`], so they split alike.

use crate::diag::EXCERPT_LEN;
use crate::token::{Form, Suffix, Token};

/// What one word of a policy is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lexeme {
    /// A recognised token; `suffix` is `None` when none was written.
    Token {
        /// The token.
        token: Token,
        /// The suffix as written.
        suffix: Option<Suffix>,
    },
    /// A token in the wrong case; the form meant.
    WrongCase(Form),
    /// A known token followed by a suffix letter it does not take (`FINa`).
    SuffixNotAllowed(Token),
    /// Anything else.
    Unknown,
    /// A run of control bytes (a separator, reported).
    Control,
}

/// One word of a policy, located in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte offset in the input.
    pub offset: usize,
    /// Length in bytes.
    pub len: usize,
    /// What the word is.
    pub lexeme: Lexeme,
}

/// Byte classes: 0 word byte, 1 space or tab, 2 control byte.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = 2;
        i += 1;
    }
    t[0x7f] = 2;
    t[b' ' as usize] = 1;
    t[b'\t' as usize] = 1;
    t
};

#[inline(always)]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// Iterates the words of `input[start..end]`, with offsets into `input`.
#[derive(Clone, Debug)]
pub struct Words<'a> {
    input: &'a [u8],
    pos: usize,
    end: usize,
}

impl<'a> Words<'a> {
    /// Words of the whole input.
    pub fn new(input: &'a [u8]) -> Words<'a> {
        Words { input, pos: 0, end: input.len() }
    }

    /// Words of `input[start..end]` (clamped to the input).
    pub fn in_span(input: &'a [u8], start: usize, end: usize) -> Words<'a> {
        let end = end.min(input.len());
        Words { input, pos: start.min(end), end }
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    #[inline]
    fn next(&mut self) -> Option<Word> {
        let bytes = self.input.get(..self.end)?;
        let run = next_run(bytes, self.pos)?;
        self.pos = run.end;
        let word = bytes.get(run.start..run.end).unwrap_or(&[]);
        let lexeme = if run.control { Lexeme::Control } else { classify(word) };
        Some(Word { offset: run.start, len: run.end - run.start, lexeme })
    }
}

/// A run of word bytes or of control bytes in a slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// Index of its first byte.
    pub start: usize,
    /// Index one past its last byte (the slice's length when the run may
    /// go on in the next chunk).
    pub end: usize,
    /// A run of control bytes rather than a word.
    pub control: bool,
}

/// The next run of `bytes` from `from`, after any spaces and tabs.
#[inline]
pub fn next_run(bytes: &[u8], from: usize) -> Option<Run> {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if class(b) != 1 {
            break;
        }
        i += 1;
    }
    let start = i;
    let control = class(*bytes.get(i)?) == 2;
    i = run_end(bytes, i, control);
    Some(Run { start, end: i, control })
}

/// Where a run of the given kind that goes on at `from` ends.
#[inline]
fn run_end(bytes: &[u8], mut i: usize, control: bool) -> usize {
    let want = if control { 2 } else { 0 };
    while let Some(&b) = bytes.get(i) {
        if class(b) != want {
            break;
        }
        i += 1;
    }
    i
}

/// The streaming lexer: takes a policy body in chunks and calls back for
/// each word with the word and its first [`EXCERPT_LEN`] bytes. A word cut
/// by a chunk boundary is carried (bounded: its offset, length, kind and
/// first bytes) and reported when it ends, so the words are the ones
/// [`Words`] finds in the whole body, whatever the chunks. No allocation.
#[derive(Clone, Copy, Debug)]
pub struct Lexer {
    /// The word in progress at the end of the last chunk, if any.
    open: Option<Open>,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    offset: usize,
    len: usize,
    control: bool,
    head: [u8; EXCERPT_LEN],
}

impl Default for Lexer {
    fn default() -> Self {
        Lexer::new()
    }
}

impl Lexer {
    /// A lexer at the start of a body.
    pub const fn new() -> Lexer {
        Lexer { open: None }
    }

    /// Lexes the next chunk of the body; `offset` is where `chunk` starts
    /// in the input (the chunks of one body are consecutive).
    #[inline]
    pub fn feed(&mut self, chunk: &[u8], offset: usize, mut f: impl FnMut(Word, &[u8])) {
        let mut i = 0;
        if let Some(open) = self.open.as_mut() {
            i = run_end(chunk, 0, open.control);
            let more = chunk.get(..i).unwrap_or(&[]);
            let have = open.len.min(EXCERPT_LEN);
            if let (Some(dst), Some(src)) = (open.head.get_mut(have..), more.get(..(EXCERPT_LEN - have).min(i))) {
                if let Some(dst) = dst.get_mut(..src.len()) {
                    dst.copy_from_slice(src);
                }
            }
            open.len += i;
            if i == chunk.len() {
                return;
            }
            self.finish(&mut f);
        }
        while let Some(run) = next_run(chunk, i) {
            let text = chunk.get(run.start..run.end).unwrap_or(&[]);
            if run.end == chunk.len() {
                // The word may go on in the next chunk.
                let mut head = [0u8; EXCERPT_LEN];
                let n = text.len().min(EXCERPT_LEN);
                if let (Some(dst), Some(src)) = (head.get_mut(..n), text.get(..n)) {
                    dst.copy_from_slice(src);
                }
                self.open = Some(Open { offset: offset + run.start, len: text.len(), control: run.control, head });
                return;
            }
            emit(offset + run.start, text.len(), run.control, text, &mut f);
            i = run.end;
        }
    }

    /// Ends the body: reports a word still open.
    #[inline]
    pub fn finish(&mut self, mut f: impl FnMut(Word, &[u8])) {
        if let Some(open) = self.open.take() {
            let head = open.head.get(..open.len.min(EXCERPT_LEN)).unwrap_or(&[]);
            emit(open.offset, open.len, open.control, head, &mut f);
        }
    }
}

/// Reports one word; `text` is the word or, for a long one, its start.
#[inline(always)]
fn emit(offset: usize, len: usize, control: bool, text: &[u8], f: &mut impl FnMut(Word, &[u8])) {
    let lexeme = if control {
        Lexeme::Control
    } else if len == text.len() {
        classify(text)
    } else {
        Lexeme::Unknown
    };
    f(Word { offset, len, lexeme }, text.get(..EXCERPT_LEN).unwrap_or(text))
}

/// Recognises one word (no separators inside).
#[inline]
pub fn classify(word: &[u8]) -> Lexeme {
    match *word {
        [a, b, c] => match Token::lookup([a, b, c]) {
            Some(token) => Lexeme::Token { token, suffix: None },
            None => match Token::lookup_ignore_case([a, b, c]) {
                Some(t) => Lexeme::WrongCase(Form { token: t, suffix: None }),
                None => Lexeme::Unknown,
            },
        },
        [a, b, c, d] => match (Token::lookup([a, b, c]), Suffix::from_letter(d)) {
            (Some(token), Some(s)) if token.takes_suffix() => Lexeme::Token { token, suffix: Some(s) },
            (Some(token), Some(_)) => Lexeme::SuffixNotAllowed(token),
            (Some(_), None) => match Suffix::from_letter(d.to_ascii_lowercase()) {
                Some(s) => wrong_case_form([a, b, c], s),
                None => Lexeme::Unknown,
            },
            (None, _) => match Suffix::from_letter(d.to_ascii_lowercase()) {
                Some(s) => wrong_case_form([a, b, c], s),
                None => Lexeme::Unknown,
            },
        },
        _ => Lexeme::Unknown,
    }
}

fn wrong_case_form(base: [u8; 3], s: Suffix) -> Lexeme {
    match Token::lookup_ignore_case(base) {
        Some(t) if t.takes_suffix() => Lexeme::WrongCase(Form { token: t, suffix: Some(s) }),
        _ => Lexeme::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(s: &str) -> Vec<(usize, usize, Lexeme)> {
        Words::new(s.as_bytes()).map(|w| (w.offset, w.len, w.lexeme)).collect()
    }

    const fn tok(token: Token, suffix: Option<Suffix>) -> Lexeme {
        Lexeme::Token { token, suffix }
    }

    #[test]
    fn splits_on_runs_of_spaces_and_tabs() {
        assert_eq!(
            lex("  NOI\t\tDSP  COR "),
            vec![(2, 3, tok(Token::NOI, None)), (7, 3, tok(Token::DSP, None)), (12, 3, tok(Token::COR, None))]
        );
        assert!(lex("").is_empty());
        assert!(lex(" \t ").is_empty());
    }

    #[test]
    fn control_bytes_are_separate_words() {
        assert_eq!(
            lex("NOI\r\nDSP"),
            vec![(0, 3, tok(Token::NOI, None)), (3, 2, Lexeme::Control), (5, 3, tok(Token::DSP, None))]
        );
    }

    #[test]
    fn recognises_suffixes_where_allowed() {
        assert_eq!(classify(b"CONa"), tok(Token::CON, Some(Suffix::Always)));
        assert_eq!(classify(b"CONo"), tok(Token::CON, Some(Suffix::OptOut)));
        assert_eq!(classify(b"CONi"), tok(Token::CON, Some(Suffix::OptIn)));
        assert_eq!(classify(b"CURa"), tok(Token::CUR, Some(Suffix::Always)));
        assert_eq!(classify(b"OURo"), tok(Token::OUR, Some(Suffix::OptOut)));
        assert_eq!(classify(b"CUSi"), tok(Token::CUS, Some(Suffix::OptIn)));
        assert_eq!(classify(b"FINa"), Lexeme::SuffixNotAllowed(Token::FIN));
        assert_eq!(classify(b"CONx"), Lexeme::Unknown);
        assert_eq!(classify(b"CONaa"), Lexeme::Unknown);
    }

    #[test]
    fn reports_wrong_case_with_the_form_meant() {
        assert_eq!(classify(b"noi"), Lexeme::WrongCase(Form { token: Token::NOI, suffix: None }));
        assert_eq!(classify(b"CONA"), Lexeme::WrongCase(Form { token: Token::CON, suffix: Some(Suffix::Always) }));
        assert_eq!(classify(b"cono"), Lexeme::WrongCase(Form { token: Token::CON, suffix: Some(Suffix::OptOut) }));
        assert_eq!(classify(b"fina"), Lexeme::Unknown);
        assert_eq!(classify(b"CURR"), Lexeme::Unknown);
    }

    #[test]
    fn non_ascii_bytes_are_word_bytes() {
        assert_eq!(lex("N\u{e9}I"), vec![(0, 4, Lexeme::Unknown)]);
    }
}
