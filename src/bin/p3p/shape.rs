//! Where the policy lies in a value as given: without surrounding white
//! space and a leading `P3P:`, and whether it is a header value (it has an
//! `=`) or a bare token list. Found from the bytes fed in pieces, so a value
//! of any size is measured without being held.

use p3p::Mode;

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
}
