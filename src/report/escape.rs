//! How input bytes and text reach each output: as readable text (control
//! characters as `\xNN`, invalid UTF-8 as U+FFFD), inside a JSON string, or
//! as HTML text; and the input echo, which may arrive in chunks that split
//! a UTF-8 sequence.

use core::fmt::{self, Write};

/// Input bytes as text: valid UTF-8 as is, anything else as U+FFFD, control
/// characters as `\xNN`. Honours a width (`{:<6}`), counted in characters.
pub(crate) struct Text<'a>(pub &'a [u8]);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = f.width().unwrap_or(0);
        let mut chars = 0usize;
        for chunk in self.0.utf8_chunks() {
            chars += write_plain(f, chunk.valid())?;
            if !chunk.invalid().is_empty() {
                f.write_char('\u{fffd}')?;
                chars += 1;
            }
        }
        for _ in chars..width {
            f.write_char(' ')?;
        }
        Ok(())
    }
}

/// Writes `s` with control characters as `\xNN`; returns the characters written.
fn write_plain<W: Write + ?Sized>(w: &mut W, s: &str) -> Result<usize, fmt::Error> {
    let mut chars = 0;
    let mut rest = s;
    while let Some((i, c)) = find_special(rest, false) {
        let (head, tail) = rest.split_at(i);
        w.write_str(head)?;
        write!(w, "\\x{:02x}", c as u32)?;
        chars += head.chars().count() + 4;
        rest = tail.get(c.len_utf8()..).unwrap_or("");
    }
    w.write_str(rest)?;
    Ok(chars + rest.chars().count())
}

/// The first control character of `s` (C0, DEL or C1, as `char::is_control`
/// has them), or with `json` also the first `"` or `\`: its byte index and
/// the character. Scans bytes: all of them are ASCII but C1, `C2 80..9F`.
fn find_special(s: &str, json: bool) -> Option<(usize, char)> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            0x00..=0x1f | 0x7f => return Some((i, char::from(c))),
            b'"' | b'\\' if json => return Some((i, char::from(c))),
            0xc2 => {
                if let Some(&n @ 0x80..=0x9f) = b.get(i + 1) {
                    return Some((i, char::from(n)));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// One piece of an echoed input: text, or one invalid UTF-8 sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Invalid,
}

impl Piece<'_> {
    /// Writes the piece as readable text (see [`Text`]).
    pub(crate) fn write_plain<W: Write + ?Sized>(self, w: &mut W) -> fmt::Result {
        match self {
            Piece::Text(s) => write_plain(w, s).map(|_| ()),
            Piece::Invalid => w.write_char('\u{fffd}'),
        }
    }
}

/// The input echo, fed in chunks: a UTF-8 sequence split between two
/// chunks is held back (at most three bytes) and joined with the next, so
/// the pieces are the same however the input is cut.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Echo {
    pending: [u8; 3],
    len: u8,
}

impl Echo {
    /// Feeds one chunk, calling `f` for every complete piece.
    pub(crate) fn feed(&mut self, chunk: &[u8], mut f: impl FnMut(Piece<'_>) -> fmt::Result) -> fmt::Result {
        let mut rest = chunk;
        if self.len > 0 {
            // Complete the held-back sequence with up to three bytes of this chunk.
            let held = usize::from(self.len);
            let mut buf = [0u8; 6];
            let take = rest.len().min(3);
            buf[..held].copy_from_slice(&self.pending[..held]);
            buf[held..held + take].copy_from_slice(&rest[..take]);
            let joined = &buf[..held + take];
            self.len = 0;
            let Some(first) = joined.utf8_chunks().next() else { return Ok(()) };
            let used = if !first.valid().is_empty() {
                // The held bytes completed a character (and maybe more followed).
                f(Piece::Text(first.valid()))?;
                first.valid().len()
            } else if first.invalid().len() == joined.len() && is_incomplete(joined) {
                // Still not complete: the whole chunk was a continuation.
                return self.hold(joined);
            } else {
                f(Piece::Invalid)?;
                first.invalid().len()
            };
            rest = rest.get(used.saturating_sub(held)..).unwrap_or(&[]);
        }
        let mut chunks = rest.utf8_chunks().peekable();
        while let Some(c) = chunks.next() {
            if !c.valid().is_empty() {
                f(Piece::Text(c.valid()))?;
            }
            let bad = c.invalid();
            if bad.is_empty() {
                continue;
            }
            if chunks.peek().is_none() && is_incomplete(bad) {
                return self.hold(bad);
            }
            f(Piece::Invalid)?;
        }
        Ok(())
    }

    /// Ends the echo: a sequence still held back is invalid.
    pub(crate) fn finish(&mut self, mut f: impl FnMut(Piece<'_>) -> fmt::Result) -> fmt::Result {
        if self.len > 0 {
            self.len = 0;
            f(Piece::Invalid)?;
        }
        Ok(())
    }

    fn hold(&mut self, bytes: &[u8]) -> fmt::Result {
        let n = bytes.len().min(3);
        self.pending[..n].copy_from_slice(&bytes[..n]);
        self.len = n as u8;
        Ok(())
    }
}

/// Whether `bytes` is the start of a UTF-8 sequence cut short (rather than
/// an invalid one).
fn is_incomplete(bytes: &[u8]) -> bool {
    bytes.len() < 4 && matches!(core::str::from_utf8(bytes), Err(e) if e.error_len().is_none())
}

/// Input bytes as a JSON string literal (invalid UTF-8 becomes U+FFFD).
pub struct Json<'a>(pub &'a [u8]);

impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        let mut e = JsonEscape(f);
        for chunk in self.0.utf8_chunks() {
            e.write_str(chunk.valid())?;
            if !chunk.invalid().is_empty() {
                e.write_char('\u{fffd}')?;
            }
        }
        f.write_char('"')
    }
}

/// A writer that escapes what it is given for the inside of a JSON string.
pub struct JsonEscape<'a, W: Write + ?Sized>(pub &'a mut W);

impl<W: Write + ?Sized> Write for JsonEscape<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        while let Some((i, c)) = find_special(rest, true) {
            let (head, tail) = rest.split_at(i);
            self.0.write_str(head)?;
            match c {
                '"' => self.0.write_str("\\\"")?,
                '\\' => self.0.write_str("\\\\")?,
                '\n' => self.0.write_str("\\n")?,
                '\t' => self.0.write_str("\\t")?,
                '\r' => self.0.write_str("\\r")?,
                c => write!(self.0, "\\u{:04x}", c as u32)?,
            }
            rest = tail.get(c.len_utf8()..).unwrap_or("");
        }
        self.0.write_str(rest)
    }
}

/// A writer that escapes what it is given as HTML text (also safe inside
/// a quoted attribute value).
pub(crate) struct HtmlEscape<'a, W: Write + ?Sized>(pub &'a mut W);

impl<W: Write + ?Sized> Write for HtmlEscape<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        // The characters to escape are ASCII, so a byte index is a char boundary.
        while let Some(i) = rest.bytes().position(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
            let (head, tail) = rest.split_at(i);
            self.0.write_str(head)?;
            self.0.write_str(match tail.as_bytes().first() {
                Some(b'&') => "&amp;",
                Some(b'<') => "&lt;",
                Some(b'>') => "&gt;",
                Some(b'"') => "&quot;",
                _ => "&#39;",
            })?;
            rest = tail.get(1..).unwrap_or("");
        }
        self.0.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo_in_chunks(input: &[u8], cuts: &[usize]) -> String {
        let mut out = String::new();
        let mut echo = Echo::default();
        let mut start = 0;
        for &cut in cuts.iter().chain(core::iter::once(&input.len())) {
            let cut = cut.clamp(start, input.len());
            echo.feed(&input[start..cut], |p| p.write_plain(&mut out)).unwrap();
            start = cut;
        }
        echo.finish(|p| p.write_plain(&mut out)).unwrap();
        out
    }

    #[test]
    fn chunked_echo_equals_the_whole_echo() {
        let inputs: [&[u8]; 6] = [
            "CP=\"NOI é € 😀\"".as_bytes(),
            b"a\xe2\x82\xacb\xf0\x9f\x98\x80c",
            b"\xe2\x82x\xf0\x9f\x98y\xff\xfe\xc3",
            b"\xf0\x9f\x98",
            b"\xed\xa0\x80\xc0\xaf\x00\x7f",
            b"",
        ];
        for input in inputs {
            let whole = Text(input).to_string();
            for a in 0..=input.len() {
                for b in a..=input.len() {
                    assert_eq!(echo_in_chunks(input, &[a, b]), whole, "{input:?} cut at {a}, {b}");
                }
            }
            let every: Vec<usize> = (0..=input.len()).collect();
            assert_eq!(echo_in_chunks(input, &every), whole, "{input:?} byte by byte");
        }
    }

    #[test]
    fn escapes_find_every_control_character() {
        for c in (0u32..0x250).filter_map(char::from_u32) {
            let s = format!("a{c}b\u{e9}");
            let mut json = String::new();
            JsonEscape(&mut json).write_str(&s).unwrap();
            let special = c.is_control() || c == '"' || c == '\\';
            assert_eq!(json.len() != s.len(), special, "{c:?}: {json}");
            assert_eq!(Text(s.as_bytes()).to_string() != s, c.is_control(), "{c:?}");
        }
        assert_eq!(format!("{:<8}|", Text(b"a\x00\xc2\x85")), "a\\x00\\x85|");
    }

    #[test]
    fn html_escape_covers_markup_and_quotes() {
        let mut s = String::new();
        HtmlEscape(&mut s).write_str("<a href=\"x\">'&'</a>").unwrap();
        assert_eq!(s, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
