//! `p3p explain`: the report of each value, in a format and language,
//! written to standard output as it is produced. A value is read in passes
//! (a line of standard input past 1 MiB waits in a temporary file, see
//! `input.rs`), so a value of any size is explained in bounded memory:
//!
//! 1. the policy and where its body lies (a push parser reporting nothing);
//! 2. the echo: the value as given for JSON (then its exact bytes again, for
//!    `input_base64` when they are not UTF-8), the policy text otherwise;
//! 3. the words, for the token table;
//! 4. the parts about the whole policy, from the policy of pass 1;
//! 5. the findings (text and JSON), from a last parse.
//!
//! Offsets count bytes of the value as given. Text, editor and HTML show at
//! most [`SHOWN_WORDS`] words and, in text, [`SHOWN_PER_CODE`] findings of
//! each code, each with a note for the rest (`--all` shows every one); JSON
//! has every word and finding.
//!
//! [`SHOWN_PER_CODE`]: crate::tally::SHOWN_PER_CODE

use std::io::{self, Write};

use p3p::diag::{Sink, EXCERPT_LEN};
use p3p::lexer::Word;
use p3p::parse::PushParser;
use p3p::report::{self, Body, Format, Lang, LeftOut, Model, Phases, View, WordItem};
use p3p::{Diagnostic, Mode};

use crate::input::Value;
use crate::out::Out;
use crate::shape::Shape;
use crate::tally::Tally;

/// How many words of a value the token table shows (without `--all`):
/// more than any real policy has, few enough that a value of a million
/// words stays readable.
pub const SHOWN_WORDS: u64 = 1000;

/// What every value's report shows.
pub struct Options<'p> {
    pub format: Format,
    pub lang: Lang,
    /// Every word and finding.
    pub all: bool,
    pub report: report::Options<'p>,
}

/// Writes the report of one value; `first` is false for every value after
/// the first (text and editor reports are separated by a line `----`).
pub fn value<W: Write>(
    out: &mut Out<W>,
    value: &mut Value,
    shape: &Shape,
    first: bool,
    opts: &Options<'_>,
) -> io::Result<()> {
    if !first {
        match opts.format {
            Format::Text | Format::Editor => out.bytes(b"\n----\n\n"),
            Format::Html => out.bytes(b"\n"),
            Format::Json => {}
        }
    }
    // A value in memory shows its words whole; a spooled one by their start.
    match value.whole() {
        Some(bytes) => write_report(out, &mut Value::Bytes(bytes), Some(bytes), shape, opts)?,
        None => write_report(out, value, None, shape, opts)?,
    }
    if opts.format == Format::Json {
        out.bytes(b"\n");
    }
    Ok(())
}

/// A write error from the report writers: the error itself stays in `out`
/// (the caller looks there); this only stops the reading.
fn written(r: std::fmt::Result) -> io::Result<()> {
    r.map_err(|_| io::Error::other("standard output closed"))
}

fn write_report<W: Write>(
    out: &mut Out<W>,
    value: &mut Value,
    whole: Option<&[u8]>,
    shape: &Shape,
    opts: &Options<'_>,
) -> io::Result<()> {
    let json = opts.format == Format::Json;
    let mut policy_parser = PushParser::with_offset(shape.mode, shape.start);
    value.read(shape.start, shape.end, |piece| {
        policy_parser.feed(piece, &mut ());
        Ok(())
    })?;
    let model = Model::new(policy_parser.finish(&mut ()));
    let body = match (policy_parser.span(), shape.mode) {
        (None, _) => Body::Missing,
        (Some(_), Mode::Header) => Body::Cp,
        (Some(_), Mode::Tokens) => Body::Bare,
    };

    let mut p = report::writer(out, opts.format, opts.lang);
    written(p.begin())?;
    let (from, to) = if json { (0, shape.len) } else { (shape.start, shape.end) };
    value.read(from, to, |piece| written(p.input(piece)))?;
    if json {
        value.read(0, shape.len, |piece| written(p.input_exact(piece)))?;
    }
    written(p.body(body))?;

    let limit = if json || opts.all { u64::MAX } else { SHOWN_WORDS };
    let mut words = Words { p: &mut p, whole, limit, shown: 0, hidden: 0, first_hidden: 0, result: Ok(()) };
    parse(value, shape, &mut words, |w| w.result)?;
    let (hidden, at) = (words.hidden, words.first_hidden);
    if hidden > 0 {
        written(p.left_out(LeftOut::Words, hidden, at))?;
    }
    written(p.policy(&View::new(&model, &opts.report)))?;

    if matches!(opts.format, Format::Text | Format::Json) {
        let tally = (!json).then(|| Tally::new(opts.all));
        let mut findings = Findings { p: &mut p, tally, result: Ok(()) };
        parse(value, shape, &mut findings, |f| f.result)?;
        if let Some(tally) = findings.tally {
            for (at, code, more) in tally.hidden() {
                written(p.left_out(LeftOut::Findings(code), more, at))?;
            }
        }
    }
    written(p.end())
}

/// Feeds the policy text of `value` to a push parser reporting to `sink`,
/// until `failed` says the sink could not write.
fn parse<S: Sink>(
    value: &mut Value,
    shape: &Shape,
    sink: &mut S,
    failed: impl Fn(&S) -> std::fmt::Result,
) -> io::Result<()> {
    let mut parser = PushParser::with_offset(shape.mode, shape.start);
    value.read(shape.start, shape.end, |piece| {
        parser.feed(piece, sink);
        written(failed(sink))
    })?;
    parser.finish(sink);
    written(failed(sink))
}

/// The words of the policy body, to the token table.
struct Words<'a, P: Phases> {
    p: &'a mut P,
    /// The value, when it is in memory.
    whole: Option<&'a [u8]>,
    limit: u64,
    shown: u64,
    hidden: u64,
    first_hidden: usize,
    result: std::fmt::Result,
}

impl<P: Phases> Sink for Words<'_, P> {
    fn report(&mut self, _: Diagnostic) {}

    fn word(&mut self, w: Word, excerpt: &[u8]) {
        if self.result.is_err() {
            return;
        }
        if self.shown >= self.limit {
            if self.hidden == 0 {
                self.first_hidden = w.offset;
            }
            self.hidden += 1;
            return;
        }
        self.shown += 1;
        // A word of a spooled value longer than its excerpt: its start and "...".
        let mut cut = [0u8; EXCERPT_LEN + 3];
        let text = match self.whole.and_then(|b| b.get(w.offset..w.offset + w.len)) {
            Some(text) => text,
            None if excerpt.len() >= w.len => excerpt,
            None => {
                let n = excerpt.len().min(EXCERPT_LEN);
                cut[..n].copy_from_slice(&excerpt[..n]);
                cut[n..n + 3].copy_from_slice(b"...");
                &cut[..n + 3]
            }
        };
        self.result = self.p.word(WordItem { text, offset: w.offset, lexeme: w.lexeme });
    }
}

/// The findings, to the report; in text, the first few of each code.
struct Findings<'a, P: Phases> {
    p: &'a mut P,
    tally: Option<Tally>,
    result: std::fmt::Result,
}

impl<P: Phases> Sink for Findings<'_, P> {
    fn report(&mut self, d: Diagnostic) {
        self.report_excerpt(d, b"");
    }

    fn report_excerpt(&mut self, d: Diagnostic, excerpt: &[u8]) {
        if self.result.is_err() || self.tally.as_mut().is_some_and(|t| !t.show(&d)) {
            return;
        }
        self.result = self.p.finding_excerpt(&d, excerpt);
    }
}
