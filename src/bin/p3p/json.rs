//! JSON strings written in pieces: escaped text, input bytes that may not
//! be UTF-8 (each invalid sequence becomes U+FFFD, as
//! `String::from_utf8_lossy` does, whatever the pieces), and base64 for the
//! exact bytes.

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

/// Bytes as base64 (standard alphabet, padded), fed in pieces.
#[derive(Debug, Default)]
pub struct Base64 {
    carry: [u8; 3],
    n: usize,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

impl Base64 {
    pub fn feed<W: Write>(&mut self, out: &mut Out<W>, mut data: &[u8]) {
        while self.n > 0 && self.n < 3 && !data.is_empty() {
            if let (Some(slot), Some(&b)) = (self.carry.get_mut(self.n), data.first()) {
                *slot = b;
            }
            self.n += 1;
            data = data.get(1..).unwrap_or(&[]);
        }
        if self.n == 3 {
            out.bytes(&encode(self.carry));
            self.n = 0;
        }
        let mut text = [0u8; 4 * 1024];
        let whole = data.len() / 3 * 3;
        for group in data.get(..whole).unwrap_or(&[]).chunks(3 * 1024) {
            let mut len = 0;
            for (three, four) in group.chunks_exact(3).zip(text.chunks_exact_mut(4)) {
                four.copy_from_slice(&encode([three[0], three[1], three[2]]));
                len += 4;
            }
            out.bytes(text.get(..len).unwrap_or(&[]));
        }
        for &b in data.get(whole..).unwrap_or(&[]) {
            if let Some(slot) = self.carry.get_mut(self.n) {
                *slot = b;
            }
            self.n += 1;
        }
    }

    pub fn finish<W: Write>(&mut self, out: &mut Out<W>) {
        // Bits past the end are zero.
        for b in self.carry.iter_mut().skip(self.n) {
            *b = 0;
        }
        let mut four = encode(self.carry);
        match self.n {
            1 => four[2..].copy_from_slice(b"=="),
            2 => four[3] = b'=',
            _ => return,
        }
        out.bytes(&four);
        self.n = 0;
    }
}

fn encode(three: [u8; 3]) -> [u8; 4] {
    let v = u32::from(three[0]) << 16 | u32::from(three[1]) << 8 | u32::from(three[2]);
    [18, 12, 6, 0].map(|shift| ALPHABET[(v >> shift & 63) as usize])
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

    #[test]
    fn base64_in_pieces() {
        let data: Vec<u8> = (0..=255u8).cycle().take(7000).collect();
        for (input, expected) in
            [(&b""[..], ""), (b"f", "Zg=="), (b"fo", "Zm8="), (b"foo", "Zm9v"), (b"foob", "Zm9vYg==")]
        {
            let mut out = Out::new(Vec::new());
            let mut b = Base64::default();
            b.feed(&mut out, input);
            b.finish(&mut out);
            assert_eq!(String::from_utf8(out.into_inner()).unwrap(), expected);
        }
        let mut whole = Out::new(Vec::new());
        let mut b = Base64::default();
        b.feed(&mut whole, &data);
        b.finish(&mut whole);
        let whole = whole.into_inner();
        let expect: String = data
            .chunks(3)
            .map(|c| {
                let mut o = Out::new(Vec::new());
                let mut b = Base64::default();
                b.feed(&mut o, c);
                b.finish(&mut o);
                String::from_utf8(o.into_inner()).unwrap()
            })
            .collect();
        assert!(whole == expect.as_bytes(), "in one piece");
        for cut in [1, 2, 3, 4, 5, 3071, 3072, 3073, 6999] {
            let mut out = Out::new(Vec::new());
            let mut b = Base64::default();
            b.feed(&mut out, &data[..cut]);
            b.feed(&mut out, &data[cut..cut.max(cut + 1).min(data.len())]);
            b.feed(&mut out, &data[(cut + 1).min(data.len())..]);
            b.finish(&mut out);
            assert!(out.into_inner() == whole, "cut at {cut}");
        }
    }
}
