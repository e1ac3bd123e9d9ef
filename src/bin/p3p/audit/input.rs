//! Reading an input: a file or standard input, what kind of input it looks
//! like, and a reader that lets only UTF-8 through.
//!
//! HAR is UTF-8 JSON. The JSON parser checks the strings it decodes, but
//! not the ones it skips (response bodies, for instance), so [`Utf8Reader`]
//! checks every byte on the way in, a block at a time, and reports the line
//! and column of the first byte that is not UTF-8. A leading UTF-8
//! byte-order mark is skipped; a UTF-16 one is refused with a hint.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// An input, opened and buffered.
pub type Input = BufReader<Box<dyn Read>>;

/// Opens a path, or standard input for `-`.
pub fn open(path: &Path) -> io::Result<Input> {
    let inner: Box<dyn Read> =
        if path.as_os_str() == "-" { Box::new(io::stdin().lock()) } else { Box::new(File::open(path)?) };
    Ok(BufReader::with_capacity(64 * 1024, inner))
}

/// What the first bytes of an input look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A JSON object (`{`), as a HAR file is.
    Json,
    /// An HTTP status line (`HTTP/`), as `curl -sD -` writes.
    HeaderDump,
    /// Anything else (including nothing).
    Other,
}

/// Looks at the start of the input without consuming it.
pub fn sniff(input: &mut Input) -> io::Result<Shape> {
    let head = input.fill_buf()?;
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..];
    Ok(if head.starts_with(b"{") {
        Shape::Json
    } else if head.starts_with(b"HTTP/") {
        Shape::HeaderDump
    } else {
        Shape::Other
    })
}

/// The first byte that is not UTF-8, with its position (line and column
/// from 1, the column counted in bytes as the JSON parser counts it).
#[derive(Debug)]
pub struct NotUtf8 {
    /// Line of the byte.
    pub line: u64,
    /// Column of the byte.
    pub column: u64,
    /// What was found.
    pub what: &'static str,
}

impl fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }
}

impl std::error::Error for NotUtf8 {}

const BLOCK: usize = 64 * 1024;

/// Passes bytes through once they are known to be UTF-8.
pub struct Utf8Reader<R> {
    inner: R,
    buf: Box<[u8]>,
    /// Next byte to hand out.
    pos: usize,
    /// End of the bytes checked; `valid..filled` is at most an incomplete
    /// character waiting for its next bytes.
    valid: usize,
    filled: usize,
    eof: bool,
    started: bool,
    /// Lines before `buf[valid]`, and how far back the last line began.
    lines: u64,
    /// Input offset of `buf[0]`, and of the first byte of the current line.
    base: u64,
    line_start: u64,
}

impl<R: Read> Utf8Reader<R> {
    /// Wraps a reader.
    pub fn new(inner: R) -> Self {
        Utf8Reader {
            inner,
            buf: vec![0; BLOCK].into_boxed_slice(),
            pos: 0,
            valid: 0,
            filled: 0,
            eof: false,
            started: false,
            lines: 0,
            base: 0,
            line_start: 0,
        }
    }

    fn error(&self, at: usize, what: &'static str) -> io::Error {
        let offset = self.base + at as u64;
        let line = self.lines + 1;
        let column = offset - self.line_start + 1;
        io::Error::new(io::ErrorKind::InvalidData, NotUtf8 { line, column, what })
    }

    /// Counts the lines in `buf[from..to]`, about to be handed out.
    fn advance(&mut self, from: usize, to: usize) {
        let region = &self.buf[from..to];
        let newlines = memchr::memchr_iter(b'\n', region).count();
        if newlines > 0 {
            self.lines += newlines as u64;
            let last = memchr::memrchr(b'\n', region).unwrap_or(0);
            self.line_start = self.base + (from + last + 1) as u64;
        }
        self.valid = to;
    }

    /// Called when every checked byte has been handed out: keeps the
    /// incomplete tail, reads more and checks it.
    fn fill(&mut self) -> io::Result<()> {
        let tail = self.filled - self.valid;
        self.base += self.valid as u64;
        self.buf.copy_within(self.valid..self.filled, 0);
        (self.pos, self.valid, self.filled) = (0, 0, tail);
        loop {
            let n = if self.eof { 0 } else { read_some(&mut self.inner, &mut self.buf[self.filled..])? };
            self.eof |= n == 0;
            self.filled += n;
            if !self.started {
                if self.filled < 3 && !self.eof {
                    continue;
                }
                self.started = true;
                self.skip_byte_order_mark()?;
            }
            match std::str::from_utf8(&self.buf[self.valid..self.filled]) {
                Ok(_) => self.advance(self.valid, self.filled),
                Err(e) => {
                    let good = self.valid + e.valid_up_to();
                    self.advance(self.valid, good);
                    if e.error_len().is_some() {
                        return Err(self.error(good, "the input is not UTF-8 (HAR files are UTF-8 JSON)"));
                    }
                    if self.eof {
                        return Err(self.error(good, "the input ends inside a UTF-8 character"));
                    }
                }
            }
            if self.valid > self.pos || self.eof {
                return Ok(());
            }
        }
    }

    fn skip_byte_order_mark(&mut self) -> io::Result<()> {
        let head = &self.buf[..self.filled];
        if head.starts_with(b"\xEF\xBB\xBF") {
            self.pos = 3;
            self.valid = 3;
            self.base = 0;
            self.line_start = 3;
        } else if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
            return Err(
                self.error(0, "the input is UTF-16; HAR files are UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)")
            );
        }
        Ok(())
    }
}

fn read_some(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match r.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

impl<R: Read> Read for Utf8Reader<R> {
    #[inline]
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.valid {
            self.fill()?;
        }
        let n = out.len().min(self.valid - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out at most `step` bytes per read, as a pipe may.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(self.1).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn read_all(bytes: &[u8], step: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Utf8Reader::new(Trickle(bytes, step)).read_to_end(&mut out)?;
        Ok(out)
    }

    fn position(e: io::Error) -> (u64, u64) {
        let n = e.get_ref().and_then(|e| e.downcast_ref::<NotUtf8>()).expect("a NotUtf8 error");
        (n.line, n.column)
    }

    #[test]
    fn passes_utf8_through_whatever_the_read_sizes() {
        let text = "{\"a\": \"é€𝄞\"}\n".repeat(5000);
        for step in [1, 2, 3, 7, 4096, BLOCK + 5] {
            assert_eq!(read_all(text.as_bytes(), step).unwrap(), text.as_bytes(), "step {step}");
        }
        assert_eq!(read_all(b"", 1).unwrap(), b"");
        assert_eq!(read_all(b"{}", 1).unwrap(), b"{}");
    }

    #[test]
    fn skips_a_utf8_byte_order_mark() {
        assert_eq!(read_all(b"\xEF\xBB\xBF{}", 1).unwrap(), b"{}");
        assert_eq!(read_all(b"\xEF\xBB\xBF", 1).unwrap(), b"");
    }

    #[test]
    fn reports_where_the_first_bad_byte_is() {
        let mut text = "{\n".repeat(3).into_bytes();
        text.extend_from_slice(b"  \"x\": \"caf\xE9\"");
        for step in [1, 5, BLOCK] {
            assert_eq!(position(read_all(&text, step).unwrap_err()), (4, 12), "step {step}");
        }
        // far into the input, past several blocks
        let mut long = "\"abc\",\n".repeat(40_000).into_bytes();
        long.push(0xFF);
        assert_eq!(position(read_all(&long, BLOCK).unwrap_err()), (40_001, 1));
        assert_eq!(position(read_all(b"\xEF\xBB\xBF\xC3", 2).unwrap_err()), (1, 1));
    }

    #[test]
    fn refuses_utf16() {
        let e = read_all(b"\xFF\xFE{\x00}\x00", 64).unwrap_err();
        assert!(e.to_string().contains("UTF-16"));
    }
}
