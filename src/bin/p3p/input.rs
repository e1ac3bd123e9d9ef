//! Values as given: command-line arguments (any bytes) and lines of
//! standard input (read as bytes, without decoding). A line is held in
//! memory up to [`SPOOL_MEMORY`] and in an unnamed temporary file beyond,
//! so a value of any size is read in bounded memory, and can be read again
//! (the value must be seen whole before it can be parsed: it is a token
//! list only when it has no `=` at all).

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};

use crate::out::Out;
use crate::shape::{shape_of, Shape, ShapeReader};

/// How much of a line is kept in memory before it goes to a temporary file.
pub const SPOOL_MEMORY: usize = 1 << 20;

/// The size of the pieces a spooled value is read back in.
pub const CHUNK: usize = 64 << 10;

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

/// The outcome of writing the values' output.
pub enum Ended {
    /// Every value was written.
    Done,
    /// Standard output was closed by its reader: stop quietly.
    Closed,
    /// A failure, already reported.
    Failed,
}

/// Runs `each` on every value in order: arguments, and the lines of
/// standard input where a VALUE is `-` (spooled past `spool_limit` bytes).
/// `each` gets the value's line number and whether it is the first one
/// shown; it writes to `out`.
pub fn for_each_value<W: io::Write>(
    values: &[OsString],
    out: &mut Out<W>,
    spool_limit: usize,
    mut each: impl FnMut(&mut Out<W>, &mut Value, &Shape, u64, bool) -> io::Result<()>,
) -> Ended {
    let mut stdin: Option<Lines<BufReader<io::Stdin>>> = None;
    let mut line = 0u64;
    let mut first = true;
    for v in values {
        if v.as_encoded_bytes() == b"-" {
            let base = line;
            let lines = stdin.get_or_insert_with(|| {
                Lines::new(BufReader::with_capacity(CHUNK, io::stdin()), Spool::new(spool_limit))
            });
            let start = lines.number;
            loop {
                let shape = match lines.next_line() {
                    Ok(Some(s)) => s,
                    Ok(None) => break,
                    Err(e) => {
                        eprintln!("p3p: reading standard input: {e}");
                        return Ended::Failed;
                    }
                };
                line = base + (lines.number - start);
                if shape.blank {
                    continue;
                }
                let r = each(out, &mut Value::Spooled(&mut lines.spool), &shape, line, first);
                first = false;
                if let Some(end) = after_value(out, r) {
                    return end;
                }
            }
        } else {
            line += 1;
            let bytes = v.as_encoded_bytes();
            let r = each(out, &mut Value::Bytes(bytes), &shape_of(bytes), line, first);
            first = false;
            if let Some(end) = after_value(out, r) {
                return end;
            }
        }
    }
    Ended::Done
}

/// Flushes one value's output; says how to end when it could not be done.
fn after_value<W: io::Write>(out: &mut Out<W>, r: io::Result<()>) -> Option<Ended> {
    out.flush();
    if let Some(e) = out.take_error() {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Some(Ended::Closed);
        }
        eprintln!("p3p: writing standard output: {e}");
        return Some(Ended::Failed);
    }
    if let Err(e) = r {
        eprintln!("p3p: {e}");
        return Some(Ended::Failed);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
