//! JSON strings written in pieces: escaped text, and input bytes that may
//! not be UTF-8 (each invalid sequence becomes U+FFFD, as
//! `String::from_utf8_lossy` does, whatever the pieces). The exact bytes go
//! in base64 (`p3p::report::Base64`).

use std::fmt;
use std::io::Write;

use crate::out::Out;

/// Writes `s` escaped for the inside of a JSON string: quotes, backslashes
/// and control characters.
pub fn escape<W: Write>(out: &mut Out<W>, s: &str) {
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f | 0x7f => b"",
            _ => continue,
        };
        out.bytes(bytes.get(from..i).unwrap_or(&[]));
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.bytes(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        } else {
            out.bytes(esc);
        }
        from = i + 1;
    }
    out.bytes(bytes.get(from..).unwrap_or(&[]));
}

/// A `fmt::Write` that escapes what it is given into a JSON string.
pub struct Escaped<'a, W: Write>(pub &'a mut Out<W>);

impl<W: Write> fmt::Write for Escaped<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape(self.0, s);
        if self.0.failed() {
            Err(fmt::Error)
        } else {
            Ok(())
        }
    }
}

/// Input bytes into a JSON string, fed in pieces. A UTF-8 sequence cut by a
/// piece boundary is carried to the next piece.
#[derive(Debug)]
pub struct Lossy {
    carry: [u8; 4],
    n: usize,
    /// Every byte so far was UTF-8.
    pub valid: bool,
}

impl Default for Lossy {
    fn default() -> Self {
        Lossy { carry: [0; 4], n: 0, valid: true }
    }
}

impl Lossy {
    pub fn feed<W: Write>(&mut self, out: &mut Out<W>, mut data: &[u8]) {
        while self.n > 0 && !data.is_empty() {
            // Complete (or refuse) the carried sequence with the next bytes.
            let take = (self.carry.len() - self.n).min(data.len());
            let mut joined = [0u8; 8];
            let (head, tail) = joined.split_at_mut(self.n);
            head.copy_from_slice(self.carry.get(..self.n).unwrap_or(&[]));
            if let (Some(dst), Some(src)) = (tail.get_mut(..take), data.get(..take)) {
                dst.copy_from_slice(src);
            }
            let joined = joined.get(..self.n + take).unwrap_or(&[]);
            let Some(first) = joined.utf8_chunks().next() else { break };
            let unit = match first.valid().chars().next() {
                Some(c) => {
                    escape(out, c.encode_utf8(&mut [0; 4]));
                    c.len_utf8()
                }
                None if is_incomplete(first.invalid()) && first.invalid().len() == joined.len() => {
                    // Still cut short: carry all of it.
                    if let Some(dst) = self.carry.get_mut(..joined.len()) {
                        dst.copy_from_slice(joined);
                    }
                    self.n = joined.len();
                    return;
                }
                None => {
                    self.replacement(out);
                    first.invalid().len()
                }
            };
            if unit >= self.n {
                data = data.get(unit - self.n..).unwrap_or(&[]);
                self.n = 0;
            } else {
                self.carry.copy_within(unit..self.n, 0);
                self.n -= unit;
            }
        }
        let end = data.as_ptr_range().end;
        for chunk in data.utf8_chunks() {
            escape(out, chunk.valid());
            let bad = chunk.invalid();
            if bad.is_empty() {
                continue;
            }
            if bad.as_ptr_range().end == end && is_incomplete(bad) {
                if let Some(dst) = self.carry.get_mut(..bad.len()) {
                    dst.copy_from_slice(bad);
                }
                self.n = bad.len();
            } else {
                self.replacement(out);
            }
        }
    }

    /// Ends the input: a sequence still cut short is invalid.
    pub fn finish<W: Write>(&mut self, out: &mut Out<W>) {
        if self.n > 0 {
            self.n = 0;
            self.replacement(out);
        }
    }

    fn replacement<W: Write>(&mut self, out: &mut Out<W>) {
        self.valid = false;
        out.bytes("\u{fffd}".as_bytes());
    }
}

/// The start of a UTF-8 sequence that more bytes could complete.
fn is_incomplete(bytes: &[u8]) -> bool {
    matches!(std::str::from_utf8(bytes), Err(e) if e.error_len().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lossy(pieces: &[&[u8]]) -> (String, bool) {
        let mut out = Out::new(Vec::new());
        let mut l = Lossy::default();
        for p in pieces {
            l.feed(&mut out, p);
        }
        l.finish(&mut out);
        (String::from_utf8(out.into_inner()).unwrap(), l.valid)
    }

    #[test]
    fn lossy_text_does_not_depend_on_the_pieces() {
        let samples: [&[u8]; 6] = [
            b"plain \"quoted\" \\ \x01\t\n",
            "caf\u{e9} \u{1f600} \u{20ac}".as_bytes(),
            b"\xff\xfe bad \xe2\x82 cut \xf0\x9f\x98",
            b"\xf0\x90\x28 \xe2\x28\xa1 \xc3",
            b"\xed\xa0\x80 surrogate \xc0\xaf overlong",
            b"",
        ];
        for s in samples {
            let expected = String::from_utf8_lossy(s);
            let mut escaped = Out::new(Vec::new());
            escape(&mut escaped, &expected);
            let expected = (String::from_utf8(escaped.into_inner()).unwrap(), std::str::from_utf8(s).is_ok());
            assert_eq!(lossy(&[s]), expected);
            for a in 0..=s.len() {
                for b in a..=s.len() {
                    assert_eq!(lossy(&[&s[..a], &s[a..b], &s[b..]]), expected, "{s:?} cut at {a}, {b}");
                }
            }
        }
    }

    #[test]
    fn escapes_for_json() {
        let mut out = Out::new(Vec::new());
        escape(&mut out, "a\"b\\c\u{1}\u{7f}\n");
        assert_eq!(out.into_inner(), b"a\\\"b\\\\c\\u0001\\u007f\\n");
    }
}
