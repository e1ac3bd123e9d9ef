//! Values as given: command-line arguments (any bytes) and lines of
//! standard input (read as bytes, without decoding). A line is held in
//! memory up to [`SPOOL_MEMORY`] and in an unnamed temporary file beyond,
//! so a value of any size is read in bounded memory, and can be read again
//! (the value must be seen whole before it can be parsed: it is a token
//! list only when it has no `=` at all).

use std::fs::File;
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};

use p3p::Mode;

/// How much of a line is kept in memory before it goes to a temporary file.
pub const SPOOL_MEMORY: usize = 1 << 20;

/// The size of the pieces a spooled value is read back in.
pub const CHUNK: usize = 64 << 10;

/// Where the policy lies in a value as given, and how to read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Length of the value.
    pub len: usize,
    /// The policy text is `value[start..end]`: without surrounding white
    /// space and a leading `P3P:`.
    pub start: usize,
    pub end: usize,
    /// A header value (it has an `=`) or a bare token list.
    pub mode: Mode,
    /// Only white space.
    pub blank: bool,
}

/// Finds a value's [`Shape`] from its bytes, fed in pieces.
#[derive(Debug, Default)]
pub struct ShapeReader {
    len: usize,
    /// First byte that is not white space.
    lead: Option<usize>,
    /// How many bytes of `p3p:` matched after `lead` (4: all of it, then
    /// white space up to `start`).
    prefix: Option<usize>,
    start: Option<usize>,
    /// One past the last byte that is not white space.
    end: usize,
    equals: bool,
}

impl ShapeReader {
    pub fn feed(&mut self, chunk: &[u8]) {
        let base = self.len;
        self.len += chunk.len();
        if let Some(k) = chunk.iter().rposition(|b| !b.is_ascii_whitespace()) {
            self.end = base + k + 1;
        }
        self.equals |= chunk.contains(&b'=');
        for (i, &b) in chunk.iter().enumerate() {
            if self.start.is_some() {
                break;
            }
            let at = base + i;
            match (self.lead, self.prefix) {
                (None, _) if b.is_ascii_whitespace() => {}
                (None, _) => {
                    self.lead = Some(at);
                    self.prefix = Some(0);
                    self.prefix_byte(b);
                }
                (Some(_), Some(4)) if b.is_ascii_whitespace() => {}
                (Some(_), Some(4)) => self.start = Some(at),
                (Some(_), _) => self.prefix_byte(b),
            }
        }
    }

    fn prefix_byte(&mut self, b: u8) {
        let matched = self.prefix.unwrap_or(0);
        if b"p3p:".get(matched).is_some_and(|p| p.eq_ignore_ascii_case(&b)) {
            self.prefix = Some(matched + 1);
        } else {
            self.start = self.lead;
        }
    }

    pub fn shape(&self, len: usize) -> Shape {
        let Some(lead) = self.lead else {
            return Shape { len, start: len, end: len, mode: Mode::Tokens, blank: true };
        };
        let start = match (self.start, self.prefix) {
            (Some(s), _) => s,
            // `P3P:` and nothing after it.
            (None, Some(4)) => self.end,
            // A value shorter than `P3P:` that starts like it.
            (None, _) => lead,
        };
        let end = self.end.min(len).max(start);
        Shape { len, start, end, mode: if self.equals { Mode::Header } else { Mode::Tokens }, blank: false }
    }
}

/// The shape of a value held whole.
pub fn shape_of(value: &[u8]) -> Shape {
    let mut r = ShapeReader::default();
    r.feed(value);
    r.shape(value.len())
}

/// A value to read: bytes at hand, or a line of standard input in a spool.
pub enum Value<'a> {
    Bytes(&'a [u8]),
    Spooled(&'a mut Spool),
}

impl Value<'_> {
    /// The whole value, when it is in memory.
    pub fn whole(&self) -> Option<&[u8]> {
        match self {
            Value::Bytes(b) => Some(b),
            Value::Spooled(s) => s.bytes(),
        }
    }

    /// Calls `f` with `value[start..end]`, in pieces.
    pub fn read(&mut self, start: usize, end: usize, mut f: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        match self {
            Value::Bytes(b) => f(b.get(start..end).unwrap_or(&[])),
            Value::Spooled(s) => s.read(start, end, f),
        }
    }
}

/// One line of standard input at a time, with a running line number.
pub struct Lines<R> {
    reader: R,
    pub spool: Spool,
    /// The line number of the line last read (from 1).
    pub number: u64,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R, spool: Spool) -> Self {
        Lines { reader, spool, number: 0 }
    }

    /// Reads the next line into the spool (without its `\n` or `\r\n`);
    /// `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<Shape>> {
        self.spool.clear()?;
        let mut shape = ShapeReader::default();
        let mut any = false;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                if !any {
                    return Ok(None);
                }
                break;
            }
            any = true;
            let (piece, done) = match buf.iter().position(|b| *b == b'\n') {
                Some(k) => (buf.get(..k).unwrap_or(&[]), Some(k + 1)),
                None => (buf, None),
            };
            self.spool.push(piece)?;
            shape.feed(piece);
            let used = done.unwrap_or(buf.len());
            self.reader.consume(used);
            if done.is_some() {
                break;
            }
        }
        self.number += 1;
        if self.spool.last == Some(b'\r') {
            self.spool.len -= 1;
        }
        Ok(Some(shape.shape(self.spool.len)))
    }
}

/// A line's bytes: in memory, then in a temporary file past a limit.
pub struct Spool {
    memory: Vec<u8>,
    limit: usize,
    file: Option<File>,
    in_file: bool,
    /// The value's length.
    pub len: usize,
    last: Option<u8>,
    buf: Vec<u8>,
}

impl Spool {
    /// A spool that keeps up to `limit` bytes in memory.
    pub fn new(limit: usize) -> Spool {
        Spool { memory: Vec::new(), limit, file: None, in_file: false, len: 0, last: None, buf: Vec::new() }
    }

    /// The whole value, when it is in memory.
    pub fn bytes(&self) -> Option<&[u8]> {
        (!self.in_file).then(|| self.memory.get(..self.len).unwrap_or(&[]))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.memory.clear();
        if self.in_file {
            if let Some(f) = self.file.as_mut() {
                f.set_len(0)?;
                f.rewind()?;
            }
        }
        self.in_file = false;
        self.len = 0;
        self.last = None;
        Ok(())
    }

    fn push(&mut self, piece: &[u8]) -> io::Result<()> {
        if piece.is_empty() {
            return Ok(());
        }
        self.len += piece.len();
        self.last = piece.last().copied();
        if !self.in_file && self.memory.len() + piece.len() <= self.limit {
            self.memory.extend_from_slice(piece);
            return Ok(());
        }
        if !self.in_file {
            let file = match self.file.as_mut() {
                Some(f) => f,
                None => self.file.insert(temporary_file()?),
            };
            file.write_all(&self.memory)?;
            self.memory.clear();
            self.memory.shrink_to(self.limit);
            self.in_file = true;
        }
        match self.file.as_mut() {
            Some(f) => f.write_all(piece),
            None => Err(io::Error::other("spool file missing")),
        }
    }

    fn read(&mut self, start: usize, end: usize, mut f: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        let end = end.min(self.len);
        if !self.in_file {
            return f(self.memory.get(start..end).unwrap_or(&[]));
        }
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        file.seek(SeekFrom::Start(start as u64))?;
        self.buf.resize(CHUNK, 0);
        let mut at = start;
        while at < end {
            let want = (end - at).min(CHUNK);
            let piece = self.buf.get_mut(..want).unwrap_or(&mut []);
            file.read_exact(piece)?;
            f(piece)?;
            at += want;
        }
        Ok(())
    }
}

/// A file in the temporary directory that no other process can open: it is
/// created readable by its owner only and removed at once (on Unix the open
/// file lives on until it is closed).
fn temporary_file() -> io::Result<File> {
    let dir = std::env::temp_dir();
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    for attempt in 0..100u32 {
        let path = dir.join(format!(".p3p-{}-{attempt}", std::process::id()));
        match options.open(&path) {
            Ok(file) => {
                let _ = std::fs::remove_file(&path);
                return Ok(file);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io::Error::new(e.kind(), format!("temporary file in {}: {e}", dir.display()))),
        }
    }
    Err(io::Error::other(format!("no temporary file could be created in {}", dir.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let s = shape_of(b"  P3P: CP=\"NOI CURR\"  ");
        assert_eq!((s.start, s.end, s.mode), (7, 20, Mode::Header));
        let s = shape_of(b"p3p:NOI DSP");
        assert_eq!((s.start, s.end, s.mode), (4, 11, Mode::Tokens));
        let s = shape_of(b"P3");
        assert_eq!((s.start, s.end), (0, 2));
        let s = shape_of(b"P3P:  ");
        assert_eq!((s.start, s.end, s.blank), (4, 4, false));
        assert!(shape_of(b" \t\r").blank);
        assert_eq!(shape_of(b"").len, 0);
        let s = shape_of(b"P3Px: a=b");
        assert_eq!((s.start, s.mode), (0, Mode::Header));
    }

    #[test]
    fn shapes_do_not_depend_on_pieces() {
        for v in [&b"  P3P: CP=\"NOI CURR\"  "[..], b"p3p:NOI", b"  p3", b" P3P:  x ", b"\xffP3P:="] {
            for cut in 0..=v.len() {
                let mut r = ShapeReader::default();
                r.feed(&v[..cut]);
                r.feed(&v[cut..]);
                assert_eq!(r.shape(v.len()), shape_of(v), "{v:?} at {cut}");
            }
        }
    }

    #[test]
    fn lines_are_read_as_bytes_and_spooled_past_the_limit() {
        let long = vec![b'x'; 3000];
        let mut input = b"CP=\"NOI\"\r\n\n\xff\xfe\n".to_vec();
        input.extend(&long);
        let mut lines = Lines::new(io::BufReader::with_capacity(16, &input[..]), Spool::new(100));
        let mut got = Vec::new();
        while let Some(shape) = lines.next_line().unwrap() {
            let mut bytes = Vec::new();
            Value::Spooled(&mut lines.spool)
                .read(0, shape.len, |p| {
                    bytes.extend(p);
                    Ok(())
                })
                .unwrap();
            got.push((lines.number, bytes, shape.blank));
            if lines.number == 4 {
                let mut middle: Vec<u8> = Vec::new();
                Value::Spooled(&mut lines.spool)
                    .read(10, 20, |p| {
                        middle.extend(p);
                        Ok(())
                    })
                    .unwrap();
                assert_eq!(middle, vec![b'x'; 10]);
            }
        }
        assert_eq!(
            got,
            vec![
                (1, b"CP=\"NOI\"".to_vec(), false),
                (2, vec![], true),
                (3, b"\xff\xfe".to_vec(), false),
                (4, long.clone(), false)
            ]
        );
    }
}
