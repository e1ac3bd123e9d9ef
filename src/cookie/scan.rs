//! One pass over a `Set-Cookie` value: everything a decision and a rewrite
//! need, read once.
//!
//! The value is read 16 bytes at a time into three bitmasks: its `;`, its
//! `=` and its control bytes (SSE2 on x86_64; a portable word-at-a-time
//! version elsewhere, tested against it). A control byte ends the scan at
//! once. Each `;` closes an attribute, whose name is classified from one
//! 8-byte load folded to lower case; `Expires` and `Max-Age` values are
//! read as they are met, and the spans of those attributes and of
//! `SameSite` ones are remembered (up to [`MAX_SPANS`]), so a rewrite copies
//! the runs between them without reading the value again.
//!
//! Attributes are read as RFC 6265 section 5.2 reads them (see the module
//! documentation of `cookie`); the tests compare this reader with an
//! independent, literal one and with the attribute walk the rewrite uses.

use super::date::{fixed_date, parse_cookie_date};

/// `Expires`, `Max-Age` and `SameSite` attributes one scan remembers for a
/// rewrite; a value with more of them is rewritten by the attribute walk.
pub(super) const MAX_SPANS: usize = 4;

/// What one pass over a value found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Scan {
    /// Offset of the cookie name.
    pub name_offset: usize,
    /// Length of the cookie name (0 for a nameless cookie).
    pub name_len: usize,
    /// The last valid `Max-Age`: whether it is zero or less.
    pub max_age_gone: Option<bool>,
    /// The last valid `Expires`: whether it is not after the time given.
    pub expired: Option<bool>,
    /// The attributes a rewrite changes, in order: from the `;` that starts
    /// each one to one past its last byte.
    pub spans: [(u32, u32); MAX_SPANS],
    /// Bit `i`: span `i` is a `SameSite` attribute (else `Expires` or
    /// `Max-Age`).
    pub samesite: u32,
    /// How many such attributes the value has (may exceed [`MAX_SPANS`]).
    pub count: usize,
    /// The time `Expires` dates are compared with; `i64::MIN` when there
    /// is none, so that no date is expired.
    pub now: i64,
    /// For a value shorter than a chunk: its `=` mask.
    pub short_eq: u32,
}

impl Scan {
    /// Nothing found yet.
    pub const EMPTY: Scan = Scan {
        name_offset: 0,
        name_len: 0,
        max_age_gone: None,
        expired: None,
        spans: [(0, 0); MAX_SPANS],
        samesite: 0,
        count: 0,
        now: i64::MIN,
        short_eq: 0,
    };

    /// The remembered spans, when they are all of them.
    #[inline]
    pub fn spans(&self) -> Option<&[(u32, u32)]> {
        self.spans.get(..self.count)
    }
}

/// Bit `i` set when byte `i` of a 16-byte chunk is a `;`, an `=`, or a
/// byte below 0x20 or 0x7f (`ctl`: tab included, which is allowed; the
/// scan tells it apart when a chunk has such a byte, which is rare).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Masks {
    pub semi: u32,
    pub eq: u32,
    pub ctl: u32,
}

impl Masks {
    #[inline(always)]
    fn shifted(self, by: u32) -> Masks {
        Masks { semi: self.semi >> by, eq: self.eq >> by, ctl: self.ctl >> by }
    }
}

/// Reads a value once into `scan`, which must be [`Scan::EMPTY`]. `Err`
/// holds the offset of its first control byte.
#[inline(always)]
pub(super) fn scan(s: &[u8], now: Option<i64>, scan: &mut Scan) -> Result<(), usize> {
    scan_with(s, now, scan, masks)
}

/// A chunk's masks with the best code the build allows.
#[inline(always)]
fn masks(chunk: &[u8; 16]) -> Masks {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: SSE2 is enabled for the whole build (the cfg above), so
        // every CPU this code runs on has it.
        unsafe { sse2::masks(chunk) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        portable::masks(chunk)
    }
}

/// The pass itself; `masks` makes a chunk's masks (a parameter so the tests
/// can run the portable masks on any machine).
#[inline(always)]
pub(super) fn scan_with(
    s: &[u8],
    now: Option<i64>,
    scan: &mut Scan,
    masks: impl Fn(&[u8; 16]) -> Masks,
) -> Result<(), usize> {
    let n = s.len();
    if n > u32::MAX as usize {
        // Offsets are kept as u32: a longer value has no usable spans.
        scan.count = MAX_SPANS + 1;
    }
    scan.now = now.unwrap_or(i64::MIN);
    let mut attr = PAIR;
    let mut base = 0;
    let whole = n & !15;
    while base < whole {
        let Some(chunk) = s.get(base..base + 16).and_then(|c| c.first_chunk::<16>()) else { break };
        attr = read_chunk(scan, s, base, masks(chunk), attr, &masks)?;
        base += 16;
    }
    if base < n {
        let m = match s.last_chunk::<16>() {
            // The 16 bytes that end the value, less those already read.
            Some(tail) => masks(tail).shifted((base + 16 - n) as u32),
            // A value shorter than a chunk, padded with a byte that is none
            // of `;`, `=` or a control byte.
            None => {
                let m = masks(&padded(s));
                scan.short_eq = m.eq;
                m
            }
        };
        attr = read_chunk(scan, s, base, m, attr, &masks)?;
    }
    boundary(scan, s, attr, n, &masks);
    Ok(())
}

/// A value shorter than a chunk, padded with a byte that is none of `;`,
/// `=` or a control byte. Copied by overlapping loads of the widest size
/// that fits rather than a call to `memcpy`, which costs more than the
/// scan of such a value.
#[inline(always)]
fn padded(s: &[u8]) -> [u8; 16] {
    /// The first and last `N` bytes of `s` (overlapping when `s` is
    /// shorter than `2 * N`) at their places in `pad`.
    #[inline(always)]
    fn ends<const N: usize>(pad: &mut [u8; 16], s: &[u8]) -> bool {
        let (Some(head), Some(tail)) = (s.first_chunk::<N>(), s.last_chunk::<N>()) else { return false };
        if let Some(end) = pad.get_mut(s.len().wrapping_sub(N)..s.len()) {
            end.copy_from_slice(tail);
        }
        if let Some(start) = pad.get_mut(..N) {
            start.copy_from_slice(head);
        }
        true
    }
    let mut pad = [b'a'; 16];
    let _ = ends::<8>(&mut pad, s) || ends::<4>(&mut pad, s) || ends::<2>(&mut pad, s) || ends::<1>(&mut pad, s);
    pad
}

/// One chunk's masks `m`, its first byte at `base`: refuses a control
/// byte, then closes an attribute at each `;`. Takes and returns the start
/// of the attribute being read.
#[inline(always)]
fn read_chunk(
    scan: &mut Scan,
    s: &[u8],
    base: usize,
    m: Masks,
    mut attr: usize,
    masks: &impl Fn(&[u8; 16]) -> Masks,
) -> Result<usize, usize> {
    if m.ctl != 0 {
        control(s, base, m.ctl)?;
    }
    let mut semi = m.semi;
    while semi != 0 {
        let at = base + semi.trailing_zeros() as usize;
        semi &= semi - 1;
        boundary(scan, s, attr, at, masks);
        attr = at;
    }
    Ok(attr)
}

/// A chunk at `base` with bytes below 0x20 or 0x7f (bits of `ctl`): the
/// first that is not a tab is a control byte.
#[cold]
fn control(s: &[u8], base: usize, mut ctl: u32) -> Result<(), usize> {
    while ctl != 0 {
        let at = base + ctl.trailing_zeros() as usize;
        ctl &= ctl - 1;
        if s.get(at) != Some(&b'\t') {
            return Err(at);
        }
    }
    Ok(())
}

/// The attribute start while the `name=value` pair is being read.
const PAIR: usize = usize::MAX;

/// A `;` at `at`, or the end of the value: closes the pair or the
/// attribute whose `;` is at `attr`.
#[inline(always)]
fn boundary(scan: &mut Scan, s: &[u8], attr: usize, at: usize, masks: &impl Fn(&[u8; 16]) -> Masks) {
    if attr == PAIR {
        pair(scan, s, at, masks);
    } else if let Some(name) = candidate(s, attr) {
        named(scan, s, attr, name, at);
    }
}

/// The name is what precedes the pair's first `=`, without surrounding
/// spaces and tabs; without an `=` the cookie is nameless. The first `=` is
/// looked for in the first chunk at once, then further on.
#[inline(always)]
fn pair(scan: &mut Scan, s: &[u8], end: usize, masks: &impl Fn(&[u8; 16]) -> Masks) {
    let eq = match s.first_chunk::<16>() {
        Some(head) => match masks(head).eq {
            0 => s.get(16..end).and_then(|rest| memchr::memchr(b'=', rest)).map(|i| i + 16),
            bits => Some(bits.trailing_zeros() as usize),
        },
        // A value shorter than a chunk: the mask of its padded copy, kept
        // by the scan.
        None => match scan.short_eq {
            0 => None,
            bits => Some(bits.trailing_zeros() as usize),
        },
    };
    let Some(eq) = eq.filter(|&eq| eq < end) else { return };
    let ws = |at: usize| matches!(s.get(at), Some(b' ' | b'\t'));
    // One comparison per end in the common case: bytes up to a space are
    // white space or control bytes (refused by the scan).
    let plain = |at: usize| s.get(at).is_none_or(|&b| b > b' ');
    if plain(0) && (eq == 0 || plain(eq - 1)) {
        // The common case: nothing to trim.
        scan.name_len = eq;
        return;
    }
    let mut first = 0;
    while first < eq && ws(first) {
        first += 1;
    }
    let mut last = eq;
    while last > first && ws(last - 1) {
        last -= 1;
    }
    scan.name_offset = first;
    scan.name_len = last - first;
}

const fn name8(n: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < n.len() {
        v |= (n[i] as u64) << (8 * i);
        i += 1;
    }
    v
}

const SEVEN: u64 = (1 << 56) - 1;
const EXPIRES: u64 = name8(b"expires");
const MAX_AGE: u64 = name8(b"max-age");
const SAMESITE: u64 = name8(b"samesite");
/// OR-ing 0x20 folds ASCII letters to lower case. Only letters fold onto
/// letters, and the fold maps only control bytes (refused) onto `-` and
/// `=`, so a folded word equals one of the names above exactly when the
/// bytes spell it in some case.
const FOLD: u64 = 0x2020_2020_2020_2020;
/// The first two bytes of each name, folded.
const EX: u16 = EXPIRES as u16;
const MA: u16 = MAX_AGE as u16;
const SA: u16 = SAMESITE as u16;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Expires,
    MaxAge,
    SameSite,
}

/// Bit `c & 31` set for the first bytes of a name that may matter (`e`,
/// `m` and `s` in either case) and for white space (space and tab). Other
/// bytes share these bits (`3`, `-`, `%`, `i`...); [`named`] turns them
/// away.
const CANDIDATE: u32 = 1 << (b'e' & 31) | 1 << (b'm' & 31) | 1 << (b's' & 31) | 1 << (b' ' & 31) | 1 << b'\t';

/// Where the name of the attribute whose `;` is at `start` begins, when
/// its first byte may start a name that matters: most attributes are
/// turned away here, from the two bytes after the `;`.
#[inline(always)]
fn candidate(s: &[u8], start: usize) -> Option<usize> {
    // Fewer than two bytes after the `;` cannot hold a name that matters.
    let &[b1, b2] = s.get(start + 1..start + 3)? else { return None };
    let (c, at) = if b1 == b' ' { (b2, start + 2) } else { (b1, start + 1) };
    if CANDIDATE >> (c & 31) & 1 == 0 {
        return None;
    }
    if c == b' ' || c == b'\t' {
        return candidate_slow(s, start);
    }
    Some(at)
}

/// [`candidate`] for any white space, and near the end of the value.
/// `s[end]` is a `;` or past the end, so skipping white space never leaves
/// the attribute.
#[cold]
fn candidate_slow(s: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    while matches!(s.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    let two = u16::from_le_bytes(*s.get(at..)?.first_chunk::<2>()?) | 0x2020;
    matches!(two, EX | MA | SA).then_some(at)
}

/// An attribute from its `;` at `start` to `end` whose name, at `at`, may
/// be one that matters: records its span and reads its value.
#[inline(never)]
fn named(scan: &mut Scan, s: &[u8], start: usize, at: usize, end: usize) {
    // Each name is 7 or 8 bytes; shorter attributes are none of them.
    if end < at + 7 {
        return;
    }
    // Eight bytes from the name; when fewer remain, the name is exactly the
    // last seven bytes of the value (at >= 1): load the word ending there
    // and drop its first byte.
    let word = match s.get(at..at + 8) {
        Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => s.last_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w) >> 8),
    } | FOLD;
    const EXPIRES_EQ: u64 = name8(b"expires=");
    const MAX_AGE_EQ: u64 = name8(b"max-age=");
    let (kind, v) = if word == EXPIRES_EQ {
        // The common case: `=` right after the name.
        (Kind::Expires, at + 8)
    } else if word == MAX_AGE_EQ {
        (Kind::MaxAge, at + 8)
    } else {
        let (kind, len) = if word & SEVEN == EXPIRES {
            (Kind::Expires, 7)
        } else if word & SEVEN == MAX_AGE {
            (Kind::MaxAge, 7)
        } else if word == SAMESITE {
            (Kind::SameSite, 8)
        } else {
            return;
        };
        // Only spaces and tabs may follow the name, up to `=` or the end;
        // anything else makes it another attribute (`Max-Age junk=0`).
        let mut v = at + len;
        while v < end {
            match s.get(v) {
                Some(b'=') => {
                    v += 1;
                    break;
                }
                Some(b' ' | b'\t') => v += 1,
                _ => return,
            }
        }
        (kind, v)
    };
    let i = scan.count;
    if let Some(span) = scan.spans.get_mut(i) {
        *span = (start as u32, end as u32);
        if kind == Kind::SameSite {
            scan.samesite |= 1 << i;
        }
    }
    scan.count = i + 1;
    // RFC 6265 5.2.1, 5.2.2: an invalid value is ignored; the last valid one counts.
    let raw = || s.get(v..end).unwrap_or(&[]);
    match kind {
        Kind::MaxAge => {
            if let Some(gone) = max_age_digits(s, v, end).or_else(|| max_age_gone(raw().trim_ascii())) {
                scan.max_age_gone = Some(gone);
            }
        }
        Kind::Expires => {
            let raw = raw();
            // A date of the fixed shape has no white space around it.
            if let Some(t) = fixed_date(raw).or_else(|| parse_cookie_date(raw.trim_ascii())) {
                scan.expired = Some(t <= scan.now);
            }
        }
        Kind::SameSite => {}
    }
}

/// The common `Max-Age` value, one to eight digits from `v` to `end`
/// (`v >= 8`: the name precedes it), read as one word: whether it is
/// zero, or `None` for anything else (the general reader decides).
#[inline(always)]
fn max_age_digits(s: &[u8], v: usize, end: usize) -> Option<bool> {
    let len = end.checked_sub(v).filter(|len| (1..=8).contains(len))?;
    // The eight bytes that end the value, its first byte and those before
    // it shifted out.
    let w = u64::from_le_bytes(*s.get(end.checked_sub(8)?..end)?.first_chunk::<8>()?) >> (8 * (8 - len));
    let mask = u64::MAX >> (8 * (8 - len));
    // '0'..='9' become 0..=9 and nothing else does.
    let t = (w ^ 0x3030_3030_3030_3030) & mask;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The top bit of a byte is set when the byte is 10 or more (no carry
    // crosses bytes: at most 0x7f + 0x76).
    if (((t & LOW7) + 0x7676_7676_7676_7676) | t) & HIGH & mask != 0 {
        return None;
    }
    Some(t == 0)
}

/// A `Max-Age` value: an optional `-` and digits. Whether it is zero or
/// less, or `None` when it is not a valid value.
#[inline(always)]
fn max_age_gone(v: &[u8]) -> Option<bool> {
    let (neg, digits) = match v.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, v),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(neg || digits.iter().all(|d| *d == b'0'))
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn masks(chunk: &[u8; 16]) -> super::Masks {
        // SAFETY: `chunk` is 16 readable bytes, and the load is unaligned.
        let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
        let is = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        // Unsigned v <= 0x1f is min(v, 0x1f) == v.
        let low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
        let ctl = _mm_or_si128(low, is(0x7f));
        super::Masks {
            semi: _mm_movemask_epi8(is(b';')) as u32 & 0xffff,
            eq: _mm_movemask_epi8(is(b'=')) as u32 & 0xffff,
            ctl: _mm_movemask_epi8(ctl) as u32 & 0xffff,
        }
    }
}

/// The same masks eight bytes at a time in plain integer arithmetic, for
/// targets without SSE2 (and as the reference the SSE2 version is tested
/// against).
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
pub(super) mod portable {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ONES: u64 = 0x0101_0101_0101_0101;

    /// 0x80 in each byte of `v` that is zero, 0 in the others (the low
    /// seven bits are added apart from the top one, so no carry crosses
    /// bytes and no byte is reported wrongly).
    #[inline(always)]
    fn zeros(v: u64) -> u64 {
        !(((v & LOW7) + LOW7) | v) & !LOW7
    }

    /// The top bits of the eight bytes, gathered into the low eight bits.
    #[inline(always)]
    fn gather(high: u64) -> u32 {
        (((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56) as u32
    }

    #[inline(always)]
    fn half(v: u64) -> (u32, u32, u32) {
        let semi = zeros(v ^ (ONES * b';' as u64));
        let eq = zeros(v ^ (ONES * b'=' as u64));
        // Below 0x20: the top three bits are clear.
        let ctl = zeros(v & (ONES * 0xe0)) | zeros(v ^ (ONES * 0x7f));
        (gather(semi), gather(eq), gather(ctl))
    }

    #[inline]
    pub(in super::super) fn masks(chunk: &[u8; 16]) -> super::Masks {
        let (lo, hi) = chunk.split_at(8);
        let word = |h: &[u8]| h.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w));
        let (s0, e0, c0) = half(word(lo));
        let (s1, e1, c1) = half(word(hi));
        super::Masks { semi: s0 | s1 << 8, eq: e0 | e1 << 8, ctl: c0 | c1 << 8 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    fn sse2_and_portable_masks_agree() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..20_000 {
            let mut chunk = [0u8; 16];
            for b in chunk.iter_mut() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *b = match state % 5 {
                    0 => b";= \t"[(state >> 8) as usize % 4],
                    1 => (state >> 8) as u8,
                    2 => [0, 0x1f, 0x20, 0x7f, 0x80, 0x9f, 0xff, 0x09][(state >> 8) as usize % 8],
                    _ => b'a' + (state >> 16) as u8 % 26,
                };
            }
            if round < 256 {
                chunk = [round as u8; 16];
            }
            // SAFETY: this test only runs where SSE2 is enabled (cfg above).
            let fast = unsafe { sse2::masks(&chunk) };
            assert_eq!(fast, portable::masks(&chunk), "{chunk:?}");
        }
    }

    /// The whole scan with the portable masks gives what it gives with the
    /// masks of the build, on values of every length around the chunks.
    #[test]
    fn the_portable_scan_agrees() {
        let mut state = 0x5eed_0fc0_c0a5_a5a5_u64;
        let parts: [&[u8]; 12] = [
            b"; Expires=Wed, 21 Oct 2037 07:28:00 GMT",
            b"; Max-Age=0",
            b";max-age = 60 ",
            b"; SameSite=None",
            b"; Path=/",
            b";\tSecure",
            b"; HttpOnly",
            b"=",
            b"id=abc",
            b" ",
            b"\x01",
            b"\xc3\xa9",
        ];
        for _ in 0..20_000 {
            let mut v = Vec::new();
            for _ in 0..state % 7 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                v.extend_from_slice(parts[(state >> 20) as usize % parts.len()]);
            }
            let (mut a, mut b) = (Scan::EMPTY, Scan::EMPTY);
            let fast = scan_with(&v, Some(1_700_000_000), &mut a, masks);
            let slow = scan_with(&v, Some(1_700_000_000), &mut b, portable::masks);
            assert_eq!(fast, slow, "{}", String::from_utf8_lossy(&v));
            if fast.is_ok() {
                assert_eq!(a, b, "{}", String::from_utf8_lossy(&v));
            }
        }
    }

    /// The one-word `Max-Age` reader agrees with the general one whenever
    /// it answers, and answers for every plain run of one to eight digits.
    #[test]
    fn max_age_digits_agree_with_the_general_reader() {
        let mut state = 0x0dd_ba11_u64;
        for _ in 0..50_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 11) as usize;
            let mut v = b"max-age=".to_vec();
            for i in 0..len {
                let r = (state >> (8 + 5 * i)) as usize;
                v.push(b"0000123456789 -a/:"[r % 18]);
            }
            let raw = &v[8..];
            let fast = max_age_digits(&v, 8, v.len());
            let general = max_age_gone(raw.trim_ascii());
            if let Some(gone) = fast {
                assert_eq!(Some(gone), general, "{}", String::from_utf8_lossy(raw));
            }
            if (1..=8).contains(&raw.len()) && raw.iter().all(u8::is_ascii_digit) {
                assert_eq!(fast, general, "{}", String::from_utf8_lossy(raw));
            }
        }
    }

    #[test]
    fn a_short_value_is_padded_in_place() {
        let bytes: Vec<u8> = (0..16).map(|i| b'0' + i).collect();
        for n in 1..16 {
            let mut want = [b'a'; 16];
            want[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(padded(&bytes[..n]), want, "{n}");
        }
    }

    #[test]
    fn every_byte_is_classified() {
        for b in 0..=255u8 {
            let m = portable::masks(&[b; 16]);
            assert_eq!(m.semi, if b == b';' { 0xffff } else { 0 });
            assert_eq!(m.eq, if b == b'=' { 0xffff } else { 0 });
            let ctl = b < 0x20 || b == 0x7f;
            assert_eq!(m.ctl, if ctl { 0xffff } else { 0 }, "{b:#x}");
        }
    }

    #[test]
    fn spans_cover_the_attributes_a_rewrite_changes() {
        let s = b"id=1; Expires=x; Path=/;SameSite=Lax ;max-age=5";
        let mut scan = Scan::EMPTY;
        super::scan(s, None, &mut scan).unwrap();
        let spans: Vec<&[u8]> = scan.spans().unwrap().iter().map(|&(a, b)| &s[a as usize..b as usize]).collect();
        assert_eq!(spans, [&b"; Expires=x"[..], b";SameSite=Lax ", b";max-age=5"]);
        assert_eq!(scan.samesite, 0b010);
        assert_eq!(scan.max_age_gone, Some(false));
        assert_eq!(scan.expired, None);
        assert_eq!((scan.name_offset, scan.name_len), (0, 2));
    }

    #[test]
    fn a_control_byte_anywhere_stops_the_scan() {
        for n in 0..70 {
            for at in 0..n {
                let mut v = vec![b'x'; n];
                v[at] = b'\n';
                let mut scan = Scan::EMPTY;
                assert_eq!(super::scan(&v, None, &mut scan).err(), Some(at), "{n} {at}");
                v[at] = b'\t';
                let mut scan = Scan::EMPTY;
                assert!(super::scan(&v, None, &mut scan).is_ok());
            }
        }
    }

    #[test]
    fn more_spans_than_kept_are_counted() {
        let mut v = b"a=1".to_vec();
        for _ in 0..MAX_SPANS + 3 {
            v.extend_from_slice(b"; Max-Age=1");
        }
        let mut scan = Scan::EMPTY;
        super::scan(&v, None, &mut scan).unwrap();
        assert_eq!(scan.count, MAX_SPANS + 3);
        assert!(scan.spans().is_none());
    }
}
