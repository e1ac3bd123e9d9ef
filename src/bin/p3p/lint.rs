//! `p3p lint`: the findings of each value, written as the push parser
//! reports them, so a value of any size is checked in bounded memory.
//!
//! Text shows at most [`SHOWN_PER_CODE`] findings of each code per value
//! and then one note with the number left out (a value with a million
//! repeated tokens stays readable); `--all` shows every one. JSON is
//! complete: every finding, streamed.

use std::fmt::Write as _;
use std::io::{self, Write};

use p3p::diag::Sink;
use p3p::parse::PushParser;
use p3p::{Code, Diagnostic};

use crate::input::Value;
use crate::json::{self, Base64, Lossy};
use crate::out::Out;
use crate::shape::Shape;

/// How many findings of one code a value shows in text before the rest are
/// only counted.
pub const SHOWN_PER_CODE: u64 = 5;

const CODES: usize = Code::ALL.len();

fn index(code: Code) -> usize {
    Code::ALL.iter().position(|c| *c == code).unwrap_or(0)
}

pub struct Options {
    pub json: bool,
    pub all: bool,
}

/// Lints one value, numbered `line`; returns whether it had findings.
pub fn value<W: Write>(
    out: &mut Out<W>,
    value: &mut Value,
    shape: &Shape,
    line: u64,
    opts: &Options,
) -> io::Result<bool> {
    if opts.json {
        json_value(out, value, shape, line)
    } else {
        text_value(out, value, shape, line, opts.all)
    }
}

/// Feeds the policy text of `value` to a push parser reporting to `sink`.
fn parse<W: Write, S: Sink + Output<W>>(value: &mut Value, shape: &Shape, sink: &mut S) -> io::Result<()> {
    let mut parser = PushParser::with_offset(shape.mode, shape.start);
    value.read(shape.start, shape.end, |piece| {
        parser.feed(piece, sink);
        stop_if_closed(sink.out())
    })?;
    parser.finish(sink);
    Ok(())
}

/// Sinks that write to an [`Out`].
trait Output<W: Write> {
    fn out(&mut self) -> &mut Out<W>;
}

/// Stops reading a value once its output cannot be written (the error
/// itself stays in `out` for the caller).
fn stop_if_closed<W: Write>(out: &Out<W>) -> io::Result<()> {
    if out.failed() {
        Err(io::Error::other("standard output closed"))
    } else {
        Ok(())
    }
}

/// `LINE:COLUMN: severity: message [code]` per finding, aggregated per code.
struct Text<'o, W: Write> {
    out: &'o mut Out<W>,
    line: u64,
    all: bool,
    seen: [u64; CODES],
    /// Offset of the first finding of each code that was not shown.
    first_hidden: [usize; CODES],
}

impl<W: Write> Output<W> for Text<'_, W> {
    fn out(&mut self) -> &mut Out<W> {
        self.out
    }
}

impl<W: Write> Sink for Text<'_, W> {
    fn report(&mut self, d: Diagnostic) {
        self.report_excerpt(d, b"");
    }

    fn report_excerpt(&mut self, d: Diagnostic, excerpt: &[u8]) {
        let k = index(d.code);
        let (Some(seen), Some(first_hidden)) = (self.seen.get_mut(k), self.first_hidden.get_mut(k)) else {
            return;
        };
        *seen += 1;
        if !self.all && *seen > SHOWN_PER_CODE {
            if *seen == SHOWN_PER_CODE + 1 {
                *first_hidden = d.offset;
            }
            return;
        }
        let _ = write!(self.out, "{}:{}: {}: ", self.line, d.offset + 1, d.severity().name());
        let _ = d.write_message_excerpt(excerpt, self.out);
        let _ = writeln!(self.out, " [{}]", d.code.name());
    }
}

fn text_value<W: Write>(out: &mut Out<W>, value: &mut Value, shape: &Shape, line: u64, all: bool) -> io::Result<bool> {
    let mut sink = Text { out, line, all, seen: [0; CODES], first_hidden: [0; CODES] };
    parse(value, shape, &mut sink)?;
    let mut hidden: Vec<(usize, Code, u64)> = Code::ALL
        .iter()
        .zip(sink.seen.iter().zip(&sink.first_hidden))
        .filter(|(_, (seen, _))| **seen > SHOWN_PER_CODE && !all)
        .map(|(code, (seen, at))| (*at, *code, seen - SHOWN_PER_CODE))
        .collect();
    hidden.sort_unstable_by_key(|(at, code, _)| (*at, *code as u32));
    for (at, code, more) in hidden {
        let name = code.name();
        let s = if more == 1 { "" } else { "s" };
        let _ = writeln!(
            sink.out,
            "{line}:{}: note: {more} more {name} finding{s} not shown (--all shows them) [{name}]",
            at + 1
        );
    }
    Ok(sink.seen.iter().any(|n| *n > 0))
}

/// One JSON object per value: the value as given, then every finding.
struct Json<'o, W: Write> {
    out: &'o mut Out<W>,
    findings: u64,
}

impl<W: Write> Output<W> for Json<'_, W> {
    fn out(&mut self) -> &mut Out<W> {
        self.out
    }
}

impl<W: Write> Sink for Json<'_, W> {
    fn report(&mut self, d: Diagnostic) {
        self.report_excerpt(d, b"");
    }

    fn report_excerpt(&mut self, d: Diagnostic, excerpt: &[u8]) {
        let comma = if self.findings == 0 { "" } else { "," };
        self.findings += 1;
        let _ = write!(
            self.out,
            "{comma}{{\"code\":\"{}\",\"severity\":\"{}\",\"offset\":{},\"len\":{},\"message\":\"",
            d.code.name(),
            d.severity().name(),
            d.offset,
            d.len
        );
        let _ = d.write_message_excerpt(excerpt, &mut json::Escaped(self.out));
        self.out.bytes(b"\"}");
    }
}

fn json_value<W: Write>(out: &mut Out<W>, value: &mut Value, shape: &Shape, line: u64) -> io::Result<bool> {
    out.bytes(b"{\"input\":\"");
    let mut text = Lossy::default();
    value.read(0, shape.len, |piece| {
        text.feed(out, piece);
        stop_if_closed(out)
    })?;
    text.finish(out);
    out.bytes(b"\"");
    if !text.valid {
        out.bytes(b",\"input_base64\":\"");
        let mut b64 = Base64::default();
        value.read(0, shape.len, |piece| {
            b64.feed(out, piece);
            stop_if_closed(out)
        })?;
        b64.finish(out);
        out.bytes(b"\"");
    }
    let _ = write!(out, ",\"line\":{line},\"diagnostics\":[");
    let mut sink = Json { out, findings: 0 };
    parse(value, shape, &mut sink)?;
    sink.out.bytes(b"]}\n");
    Ok(sink.findings > 0)
}
