//! Cookie dates (RFC 6265 section 5.1.1), as seconds since the Unix epoch.
//!
//! Nearly every server sends the IMF-fixdate shape `Wdy, DD Mon YYYY
//! HH:MM:SS GMT` (29 bytes, sometimes with `-` between day, month and
//! year). That shape is checked at once (every byte against its range, two
//! 16-byte compares with SSE2), its numbers read from three 8-byte loads,
//! the weekday and the month by a perfect hash, and the days since the
//! epoch come from a table of years. Anything else goes through the RFC's
//! algorithm, which accepts the fixed shape too; the tests check both agree
//! on it.

/// Parses a cookie date with the algorithm of RFC 6265 section 5.1.1 and
/// returns seconds since the Unix epoch.
#[inline]
pub fn parse_cookie_date(v: &[u8]) -> Option<i64> {
    match fixed_date(v) {
        Some(t) => Some(t),
        None => rfc6265_date(v),
    }
}

const fn le8(b: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < b.len() && i < 8 {
        v |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    v
}

/// `n` copies of byte `b` from byte 0 up.
const fn bytes(b: u8, n: u32) -> u64 {
    (u64::MAX >> (64 - 8 * n)) / 0xff * b as u64
}

/// Bytes `at` (a list of byte indexes) of a word set to 0xff.
const fn select(at: &[u32]) -> u64 {
    let mut m = 0u64;
    let mut i = 0;
    while i < at.len() {
        m |= 0xff << (8 * at[i]);
        i += 1;
    }
    m
}

const ZEROS: u64 = bytes(b'0', 8);

/// Two-digit numbers from digit values: byte `i` of the result is
/// `10 * byte i + byte i+1` of `t` (bytes of at most 10 never carry).
#[inline(always)]
fn pairs(t: u64) -> u64 {
    t.wrapping_mul(10).wrapping_add(t >> 8)
}

/// The fixed shape, or `None` (the general algorithm then decides). The
/// first word must be a weekday: a month name or digits there would be
/// read by the general algorithm in another way.
#[inline(always)]
pub(crate) fn fixed_date(v: &[u8]) -> Option<i64> {
    let v: &[u8; 29] = v.try_into().ok()?;
    if !shape(v) {
        return None;
    }
    let w = |at: usize| v.get(at..).and_then(|r| r.first_chunk::<8>()).map_or(0, |c| u64::from_le_bytes(*c));
    // "Wed, 21 " "Oct 2037" "07:28:00" (the shape is checked: digits are
    // digits, the colons are colons).
    let (a, b, c) = (w(0), w(8), w(17));
    // The day's and the year's separators match.
    if (a >> 56) as u8 != (b >> 24) as u8 {
        return None;
    }
    if !is_weekday(a as u32 & 0x00ff_ffff) {
        return None;
    }
    let month = month_of_key(b as u32 & 0x00ff_ffff)?;
    let (pa, pb, pc) = (pairs((a ^ ZEROS) & select(&[5, 6])), pairs((b ^ ZEROS) >> 32), pairs(c ^ ZEROS));
    let day = (pa >> 40 & 0xff) as i64;
    let year = (pb & 0xff) as i64 * 100 + (pb >> 16 & 0xff) as i64;
    let (h, mi, sec) = ((pc & 0xff) as i64, (pc >> 24 & 0xff) as i64, (pc >> 48 & 0xff) as i64);
    epoch(year, month, day, h, mi, sec)
}

/// Whether the bytes have the fixed shape: `, ` after three bytes, digits
/// where digits go, a space or a dash around the month, the colons and
/// ` GMT` (the names are checked apart).
#[inline(always)]
fn shape(v: &[u8; 29]) -> bool {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: SSE2 is enabled for the whole build (the cfg above), so
        // every CPU this code runs on has it.
        unsafe { sse2::shape(v) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        shape_portable(v)
    }
}

/// Each byte's range in the fixed shape, for the two 16-byte halves
/// (bytes 0..16 and 13..29): lower bounds, then upper bounds. Names may be
/// any bytes here; the separators around the month are checked to be a
/// space or a dash by their equality and this range.
const SHAPE: [[u8; 16]; 4] =
    [*b"\0\0\0, 00 \0\0\0 0000", *b"\xff\xff\xff, 99-\xff\xff\xff-9999", *b"000 00:00:00 GMT", *b"999 99:99:99 GMT"];

/// The same check in plain integer arithmetic: for targets without SSE2,
/// and as the reference the SSE2 version is tested against.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
fn shape_portable(v: &[u8; 29]) -> bool {
    let halves = [v.first_chunk::<16>(), v.last_chunk::<16>()];
    halves.iter().enumerate().all(|(h, half)| {
        half.is_some_and(|half| {
            half.iter().enumerate().all(|(i, &b)| {
                let (lo, hi) = (SHAPE[2 * h][i], SHAPE[2 * h + 1][i]);
                lo <= b && b <= hi
            })
        })
    }) && matches!(v[7], b' ' | b'-')
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_setzero_si128, _mm_subs_epu8,
    };

    use super::SHAPE;

    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn shape(v: &[u8; 29]) -> bool {
        let load = |b: &[u8; 16]| {
            // SAFETY: `b` is 16 readable bytes, and the load is unaligned.
            unsafe { _mm_loadu_si128(b.as_ptr().cast::<__m128i>()) }
        };
        let (Some(first), Some(last)) = (v.first_chunk::<16>(), v.last_chunk::<16>()) else {
            return false;
        };
        // Non-zero bytes where `x` is out of range: a saturating
        // subtraction is zero exactly when the byte is not above the bound.
        let outside = |x: __m128i, lo: &[u8; 16], hi: &[u8; 16]| {
            _mm_or_si128(_mm_subs_epu8(x, load(hi)), _mm_subs_epu8(load(lo), x))
        };
        let bad = _mm_or_si128(outside(load(first), &SHAPE[0], &SHAPE[1]), outside(load(last), &SHAPE[2], &SHAPE[3]));
        // A byte from ' ' to '-' around the month: only the two ends.
        _mm_movemask_epi8(_mm_cmpeq_epi8(bad, _mm_setzero_si128())) == 0xffff && matches!(v[7], b' ' | b'-')
    }
}

/// Seconds since the epoch of a date and time whose fields are in range
/// (0..=99 each, a year of four digits at most): `None` for a day that
/// does not exist in its month, a year before 1601 (RFC 6265 section 5.1.1
/// steps 5 and 6) or a time past 23:59:59.
#[inline(always)]
fn epoch(year: i64, month: i64, day: i64, h: i64, mi: i64, sec: i64) -> Option<i64> {
    if h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    let days = match YEARS.get((year - FIRST_YEAR) as usize) {
        // Years most dates fall in, from a table: the year's first day and
        // whether it is a leap year.
        Some(&entry) => {
            let leap = entry & 1 != 0;
            let (len, before) = *MONTHS_DAYS.get(month as usize)?;
            let len = len + i64::from(leap && month == 2);
            if day < 1 || day > len {
                return None;
            }
            (entry >> 1) as i64 + before + i64::from(leap && month > 2) + day - 1
        }
        None => {
            if !valid_date(year, month, day) {
                return None;
            }
            days_from_civil(year, month, day)
        }
    };
    Some(days * 86_400 + h * 3600 + mi * 60 + sec)
}

/// The years [`YEARS`] covers begin here.
const FIRST_YEAR: i64 = 1900;

/// Days from the epoch to each year's first day, times two, plus one for a
/// leap year; years 1900 to 2155.
static YEARS: [i32; 256] = {
    let mut t = [0i32; 256];
    let mut i = 0;
    while i < 256 {
        let y = FIRST_YEAR + i as i64;
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        t[i] = (days_from_civil(y, 1, 1) * 2) as i32 + leap as i32;
        i += 1;
    }
    t
};

/// Per month (1..=12): its length in a common year and the days before it.
const MONTHS_DAYS: [(i64, i64); 13] = {
    let lens = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut t = [(0i64, 0i64); 13];
    let mut m = 1;
    let mut before = 0;
    while m < 13 {
        t[m] = (lens[m], before);
        before += lens[m];
        m += 1;
    }
    t
};

// ---- weekday and month names by perfect hash -------------------------------

/// Three bytes, little-endian, with ASCII letters folded to lower case. Only
/// letters fold onto lower-case letters with `| 0x20`, so a key equal to a
/// name's key means those three letters in some case.
#[inline(always)]
const fn name_key(k: u32) -> u32 {
    k | 0x0020_2020
}

const DAY_MUL: u32 = 0x8712_b8bd;
const MONTH_MUL: u32 = 0x3b6f_e507;

#[inline(always)]
const fn day_slot(key: u32) -> usize {
    (key.wrapping_mul(DAY_MUL) >> 29) as usize
}

#[inline(always)]
const fn month_slot(key: u32) -> usize {
    (key.wrapping_mul(MONTH_MUL) >> 28) as usize
}

const NAMES_OF_DAYS: [&[u8; 3]; 7] = [b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun"];
const NAMES_OF_MONTHS: [&[u8; 3]; 12] =
    [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];

/// Slot -> the key of the weekday there (0: none; no input key is 0,
/// since keys have bit 5 of each byte set).
static DAYS: [u32; 8] = {
    let mut t = [0u32; 8];
    let mut i = 0;
    while i < 7 {
        let k = le8(NAMES_OF_DAYS[i]) as u32;
        assert!(t[day_slot(k)] == 0, "two weekdays share a slot: search another DAY_MUL");
        t[day_slot(k)] = k;
        i += 1;
    }
    t
};

/// Slot -> (key, month number) of the month there.
static MONTHS: [(u32, u8); 16] = {
    let mut t = [(0u32, 0u8); 16];
    let mut i = 0;
    while i < 12 {
        let k = le8(NAMES_OF_MONTHS[i]) as u32;
        assert!(t[month_slot(k)].0 == 0, "two months share a slot: search another MONTH_MUL");
        t[month_slot(k)] = (k, i as u8 + 1);
        i += 1;
    }
    t
};

/// `k`: three bytes, little-endian.
#[inline(always)]
fn is_weekday(k: u32) -> bool {
    let key = name_key(k);
    DAYS.get(day_slot(key)).is_some_and(|d| *d == key)
}

/// `k`: three bytes, little-endian; the month (1..=12) they name.
#[inline(always)]
fn month_of_key(k: u32) -> Option<i64> {
    let key = name_key(k);
    let (want, m) = MONTHS.get(month_slot(key)).copied()?;
    (want == key).then_some(m as i64)
}

/// RFC 6265 section 5.1.1 steps 5 and 6: a day that exists in its month
/// (no 31 February), and no year before 1601.
fn valid_date(year: i64, month: i64, day: i64) -> bool {
    const DAYS: [i64; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = |y: i64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match DAYS.get(month as usize) {
        Some(28) if leap(year) => 29,
        Some(&d) => d,
        None => 0,
    };
    year >= 1601 && 1 <= day && day <= days
}

/// Days since 1970-01-01 of a proleptic Gregorian date from 1601 on (as
/// `valid_date` checked), so that plain division is floor division.
const fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = (y - (m <= 2) as i64) as u64;
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (if m > 2 { m - 3 } else { m + 9 }) as u64;
    let doy = (153 * mp + 2) / 5 + d as u64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe) as i64 - 719_468
}

// ---- the general algorithm ---------------------------------------------------

pub(crate) fn rfc6265_date(v: &[u8]) -> Option<i64> {
    let is_delim = |b: u8| matches!(b, 0x09 | 0x20..=0x2f | 0x3b..=0x40 | 0x5b..=0x60 | 0x7b..=0x7e);
    let (mut time, mut day, mut month, mut year) = (None, None, None, None);
    for tok in v.split(|b| is_delim(*b)).filter(|t| !t.is_empty()) {
        if time.is_none() {
            if let Some(t) = parse_time(tok) {
                time = Some(t);
                continue;
            }
        }
        if day.is_none() {
            if let Some((d, 1..=2)) = leading_digits(tok) {
                day = Some(d);
                continue;
            }
        }
        if month.is_none() {
            if let Some(m) = month_of(tok) {
                month = Some(m);
                continue;
            }
        }
        if year.is_none() {
            if let Some((y, 2..=4)) = leading_digits(tok) {
                year = Some(y);
            }
        }
    }
    let (h, mi, s) = time?;
    let (day, month, mut year) = (day?, month?, year?);
    if (70..=99).contains(&year) {
        year += 1900;
    } else if year <= 69 {
        year += 2000;
    }
    epoch(year, month, day, h, mi, s)
}

/// Up to `max` leading digits followed by a non-digit or the end; returns
/// the value and the digit count (`1*4DIGIT ( non-digit *OCTET )`).
fn leading_digits(tok: &[u8]) -> Option<(i64, usize)> {
    let n = tok.iter().take_while(|b| b.is_ascii_digit()).count();
    if n == 0 || n > 4 {
        return None;
    }
    let v = tok.get(..n)?.iter().fold(0i64, |a, d| a * 10 + i64::from(d - b'0'));
    Some((v, n))
}

fn parse_time(tok: &[u8]) -> Option<(i64, i64, i64)> {
    // time = hms-time ( non-digit *OCTET ); hms-time = 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT
    let mut parts = tok.splitn(3, |b| *b == b':');
    let field = |p: &[u8]| match leading_digits(p) {
        Some((v, n @ 1..=2)) if n == p.len() => Some(v),
        _ => None,
    };
    let h = field(parts.next()?)?;
    let m = field(parts.next()?)?;
    let s = match leading_digits(parts.next()?)? {
        (v, 1..=2) => v,
        _ => return None,
    };
    Some((h, m, s))
}

/// A month token: three letters naming a month, then anything.
fn month_of(tok: &[u8]) -> Option<i64> {
    let &[a, b, c, ..] = tok else { return None };
    if !(a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic()) {
        return None;
    }
    month_of_key(u32::from_le_bytes([a, b, c, 0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_dates_follow_rfc_6265() {
        assert_eq!(parse_cookie_date(b"Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(parse_cookie_date(b"Wed, 21 Oct 2015 07:28:00 GMT"), Some(1_445_412_480));
        assert_eq!(parse_cookie_date(b"Wednesday, 21-Oct-15 07:28:00 GMT"), Some(1_445_412_480));
        assert_eq!(parse_cookie_date(b"Wed Oct 21 07:28:00 2015"), Some(1_445_412_480));
        assert_eq!(parse_cookie_date(b"Sun, 29 Feb 2032 23:59:59 GMT"), Some(1_961_711_999));
        assert_eq!(parse_cookie_date(b"21 Oct 2015"), None);
        assert_eq!(parse_cookie_date(b"Wed, 41 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_cookie_date(b"Wed, 21 Oct 1500 07:28:00 GMT"), None);
        assert_eq!(parse_cookie_date(b""), None);
        assert_eq!(parse_cookie_date(b"Wed, 21-Oct-2015 07:28:00 GMT"), Some(1_445_412_480));
        assert_eq!(parse_cookie_date(b"Wed, 21-Oct 2015 07:28:00 GMT"), Some(1_445_412_480));
    }

    #[test]
    fn the_fixed_shape_agrees_with_the_general_algorithm() {
        for d in [
            &b"Thu, 01 Jan 1970 00:00:00 GMT"[..],
            b"Wed, 21 Oct 2015 07:28:00 GMT",
            b"Sun, 29 Feb 2032 23:59:59 GMT",
            b"Mon, 31-Dec-9999 23:59:59 GMT",
            b"Mon, 32 Dec 2000 00:00:00 GMT",
            b"Mon, 01 Foo 2000 00:00:00 GMT",
            b"Mon, 01 Jan 2000 24:00:00 GMT",
            b"Mon, 01 Jan 1600 00:00:00 GMT",
            b"Fri, 31 Feb 2000 00:00:00 GMT",
            b"Tue, 29 Feb 2000 00:00:00 GMT",
            b"Jan, 01 Feb 2000 00:00:00 GMT",
            b"Sep, 01 Feb 2000 00:00:00 GMT",
            b"mON, 01 jAN 2000 00:00:00 GMT",
            b"Mon, 0a Jan 2000 00:00:00 GMT",
            b"Mon, 01 Jan 20:0 00:00:00 GMT",
            b"Mon, 01 Jan 2000 00:00:0/ GMT",
            b"Mon, 01 Jan 2000 00:00:00 gmt",
            b"Mon, 01\xa0Jan\xa02000 00:00:00 GMT",
            b"Mon, 01 J\xe1n 2000 00:00:00 GMT",
        ] {
            assert_eq!(fixed_date(d).or(rfc6265_date(d)), rfc6265_date(d), "{}", String::from_utf8_lossy(d));
            if let Some(t) = fixed_date(d) {
                assert_eq!(Some(t), rfc6265_date(d));
            }
        }
    }

    /// Every byte value at every position of a fixed-shape date: the fast
    /// reader either declines or agrees with the general algorithm.
    #[test]
    fn the_fixed_shape_agrees_byte_by_byte() {
        let base = *b"Sat, 29 Feb 2020 23:59:58 GMT";
        let mut accepted = 0;
        for at in 0..base.len() {
            for b in 0..=255u8 {
                let mut d = base;
                d[at] = b;
                if let Some(t) = fixed_date(&d) {
                    assert_eq!(Some(t), rfc6265_date(&d), "{}", String::from_utf8_lossy(&d));
                    accepted += 1;
                }
            }
        }
        assert!(accepted > 29 * 2, "{accepted}");
    }

    #[test]
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    fn sse2_and_portable_shapes_agree() {
        let base = *b"Sat, 29-Feb-2020 23:59:58 GMT";
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for round in 0..200_000 {
            let mut d = base;
            for _ in 0..1 + round % 3 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                d[(state % 29) as usize] = (state >> 8) as u8;
            }
            // SAFETY: this test only runs where SSE2 is enabled (cfg above).
            assert_eq!(unsafe { sse2::shape(&d) }, shape_portable(&d), "{}", String::from_utf8_lossy(&d));
        }
        assert!(shape_portable(&base) && shape_portable(b"Sat, 29 Feb 2020 23:59:58 GMT"));
    }

    #[test]
    fn the_year_table_is_the_calendar() {
        for y in FIRST_YEAR - 5..FIRST_YEAR + 300 {
            for m in 1..=12 {
                for d in 0..=32 {
                    let want = valid_date(y, m, d).then(|| days_from_civil(y, m, d) * 86_400 + 3661);
                    assert_eq!(epoch(y, m, d, 1, 1, 1), want, "{y}-{m}-{d}");
                }
            }
        }
        assert_eq!(epoch(2000, 1, 1, 24, 0, 0), None);
    }

    #[test]
    fn names_by_hash_are_the_names() {
        for (i, m) in NAMES_OF_MONTHS.iter().enumerate() {
            assert_eq!(month_of(&m[..]), Some(i as i64 + 1));
            let upper = m.map(|b| b.to_ascii_uppercase());
            assert_eq!(month_of(&upper), Some(i as i64 + 1));
        }
        for d in NAMES_OF_DAYS {
            assert!(is_weekday(u32::from_le_bytes([d[0], d[1], d[2], 0])));
        }
        for bad in [&b"jun\0"[..], b"ja@", b"j@n", b"`an", b"JAn", b"Mom"] {
            let k = u32::from_le_bytes([bad[0], bad[1], bad[2], 0]);
            let want = NAMES_OF_DAYS.contains(&&bad[..3].to_ascii_lowercase().try_into().unwrap())
                && bad[..3].iter().all(u8::is_ascii_alphabetic);
            assert_eq!(is_weekday(k), want, "{bad:?}");
        }
        // Every three-byte key: the hash finds exactly the names.
        for k in 0..1u32 << 24 {
            let bytes = k.to_le_bytes();
            let folded = [bytes[0] | 0x20, bytes[1] | 0x20, bytes[2] | 0x20];
            let letters = bytes[..3].iter().all(u8::is_ascii_alphabetic);
            let month = NAMES_OF_MONTHS.iter().position(|m| **m == folded).map(|i| i as i64 + 1);
            let day = NAMES_OF_DAYS.iter().any(|d| **d == folded);
            assert_eq!(month_of_key(k), month, "{bytes:?}");
            assert_eq!(is_weekday(k), day, "{bytes:?}");
            // Only letters fold onto letters: no other bytes reach a name.
            if month.is_some() || day {
                assert!(letters, "{bytes:?}");
            }
        }
    }

    #[test]
    fn impossible_dates_are_invalid() {
        for bad in [
            &b"Fri, 31 Feb 2000 00:00:00 GMT"[..],
            b"Tue, 29 Feb 2100 00:00:00 GMT",
            b"Sat, 31 Apr 2000 00:00:00 GMT",
            b"Sat, 31-Jun-2000 00:00:00 GMT",
            b"31 Sep 2000 00:00:00",
            b"Sat, 31 Nov 2000 00:00:00 GMT",
            b"Mon, 00 Jan 2000 00:00:00 GMT",
            b"Sun, 31 Dec 1600 23:59:59 GMT",
        ] {
            assert_eq!(parse_cookie_date(bad), None, "{}", String::from_utf8_lossy(bad));
        }
        assert_eq!(parse_cookie_date(b"Tue, 29 Feb 2000 00:00:00 GMT"), Some(951_782_400));
        assert_eq!(parse_cookie_date(b"Mon, 01 Jan 1601 00:00:00 GMT"), Some(-11_644_473_600));
    }

    #[test]
    fn the_fixed_shape_needs_a_weekday() {
        // A month or digits in the first word are what the general
        // algorithm reads first; the fixed-position reader must not guess.
        assert_eq!(parse_cookie_date(b"Jan, 01 Feb 2000 00:00:00 GMT"), rfc6265_date(b"Jan, 01 Feb 2000 00:00:00 GMT"));
        assert_eq!(parse_cookie_date(b"1:2, 01 Jan 2000 00:00:00 GMT"), rfc6265_date(b"1:2, 01 Jan 2000 00:00:00 GMT"));
        assert_eq!(fixed_date(b"Jan, 01 Feb 2000 00:00:00 GMT"), None);
        assert_eq!(fixed_date(b"THU, 01 Jan 1970 00:00:00 GMT"), Some(0));
    }
}
