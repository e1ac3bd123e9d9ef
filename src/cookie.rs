//! `Set-Cookie` handling for the server: is a cookie persistent, and the
//! rewrites that carry out a decision (docs/set-cookie.md):
//!
//! * accept: the header is left byte for byte;
//! * downgrade: `Expires` and `Max-Age` attributes are removed, so the
//!   browser keeps the cookie for the session only;
//! * leash: `SameSite=Lax` is set (replacing any other SameSite value), so
//!   the cookie is not sent on third-party subrequests but still is on
//!   top-level navigation, as IE's leash did;
//! * block (and prompt): the header is removed; the rewrite writes nothing.
//!
//! Rewrites only delete attribute spans or write one fixed attribute, so the
//! output is never longer than the input plus [`LEASH_EXTRA`], and no text
//! from elsewhere is ever spliced into a cookie. Control bytes are rejected.
//!
//! Attributes are read as a browser reads them (RFC 6265 section 5.2, kept
//! in RFC 6265bis), so that the server and the browser agree on what a
//! cookie is: an attribute's name is everything before its first `=`,
//! without surrounding spaces and tabs, compared without regard to case
//! (`Max-Age junk=0` is an unknown attribute); a `Max-Age` value is an
//! optional `-` and digits, an `Expires` value a date the RFC's cookie-date
//! algorithm accepts (a day that exists in its month, a year from 1601),
//! and any other value makes the browser ignore the attribute; the last
//! valid occurrence counts, and a valid `Max-Age` wins over `Expires`.

use crate::ie6::{Action, CookieKind, Decision, Reason};

/// Bytes a leash may add: `; SameSite=Lax`.
pub const LEASH_EXTRA: usize = 14;

const LEASH_ATTR: &[u8] = b"; SameSite=Lax";

/// Why a `Set-Cookie` value could not be handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CookieError {
    /// A control byte (other than tab) at this offset.
    ControlByte(usize),
    /// The output buffer is smaller than the bound the action needs.
    BufferTooSmall {
        /// The capacity required.
        needed: usize,
    },
}

/// What a `Set-Cookie` value says about its cookie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CookieInfo {
    /// Session or persistent (a valid `Max-Age`, or a valid `Expires`).
    pub kind: CookieKind,
    /// The header removes a cookie: `Max-Age` of zero or less, or an
    /// `Expires` date not after the time given.
    pub deletion: bool,
    /// Offset of the cookie name.
    pub name_offset: usize,
    /// Length of the cookie name (0 for a nameless cookie).
    pub name_len: usize,
}

/// The attributes the rewrites care about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Expires,
    MaxAge,
    SameSite,
    Other,
}

/// One `;`-separated attribute: its whole span (from its `;`), where its
/// name starts, what it is, and where its value starts (after `=`).
#[derive(Clone, Copy, Debug)]
struct Attr {
    /// Offset of the `;` that starts it.
    start: usize,
    /// One past its last byte.
    end: usize,
    /// Offset of the first byte of its name.
    name: usize,
    kind: Kind,
    /// Offset just after `=`, or `end` when there is none.
    value: usize,
}

fn trim(s: &[u8]) -> &[u8] {
    s.trim_ascii_start().trim_ascii_end()
}

/// Control bytes (other than tab) would let a header carry another header.
/// The common, clean case is one branch-free pass the compiler vectorises.
fn check_bytes(s: &[u8]) -> Result<(), CookieError> {
    let bad = |b: u8| (b < 0x20 && b != b'\t') || b == 0x7f;
    if !s.iter().fold(false, |acc, &b| acc | bad(b)) {
        return Ok(());
    }
    Err(CookieError::ControlByte(s.iter().position(|&b| bad(b)).unwrap_or(0)))
}

/// End of the `name=value` pair (offset of the first `;`, or the length).
fn pair_end(s: &[u8]) -> usize {
    memchr::memchr(b';', s).unwrap_or(s.len())
}

/// Up to eight bytes as a little-endian integer, with ASCII letters folded
/// to lower case (OR 0x20 leaves digits, `-`, `=` and space as they are,
/// and only the three names below are compared against it).
fn folded8(seg: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    for (d, s) in w.iter_mut().zip(seg) {
        *d = *s;
    }
    u64::from_le_bytes(w) | 0x2020_2020_2020_2020
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

/// What an attribute is, read as RFC 6265 section 5.2 reads it: the name
/// is everything before the first `=` (or the whole attribute), without
/// surrounding white space, compared without regard to case. `seg` starts
/// at the name (leading white space skipped). Returns the kind and, for
/// the three names that matter, the offset in `seg` just after the `=`
/// (`seg.len()` when there is none); `Max-Age junk=0` is `Other`.
fn kind_of(seg: &[u8]) -> (Kind, usize) {
    const SEVEN: u64 = (1 << 56) - 1;
    let w = folded8(seg);
    let (kind, len) = if w & SEVEN == name8(b"expires") {
        (Kind::Expires, 7)
    } else if w & SEVEN == name8(b"max-age") {
        (Kind::MaxAge, 7)
    } else if w == name8(b"samesite") {
        (Kind::SameSite, 8)
    } else {
        return (Kind::Other, seg.len());
    };
    // The fold maps only `\r` besides the letters and `-` onto these names,
    // and control bytes were refused before; what follows the name must be
    // white space up to the `=` or the end, or it is another attribute.
    if seg.len() < len {
        return (Kind::Other, seg.len());
    }
    let mut i = len;
    while let Some(&b) = seg.get(i) {
        match b {
            b'=' => return (kind, i + 1),
            b' ' | b'\t' => i += 1,
            _ => return (Kind::Other, seg.len()),
        }
    }
    (kind, seg.len())
}

/// Iterates the attributes after the `name=value` pair.
fn attrs(s: &[u8]) -> impl Iterator<Item = Attr> + '_ {
    let mut pos = pair_end(s);
    core::iter::from_fn(move || {
        let rest = s.get(pos + 1..)?;
        let start = pos;
        let end = memchr::memchr(b';', rest).map_or(s.len(), |k| start + 1 + k);
        pos = end;
        let seg = s.get(start + 1..end).unwrap_or(&[]);
        let lead = seg.len() - seg.trim_ascii_start().len();
        let name = start + 1 + lead;
        let (kind, value) = kind_of(s.get(name..end).unwrap_or(&[]));
        Some(Attr { start, end, name, kind, value: name + value })
    })
}

/// Reads a cookie's name and lifetime. `now` (seconds since the Unix epoch)
/// lets an `Expires` date in the past count as a deletion; without it only
/// `Max-Age` can mark one.
pub fn inspect(s: &[u8], now: Option<i64>) -> Result<CookieInfo, CookieError> {
    check_bytes(s)?;
    let pair = pair_end(s);
    let (name_offset, name_len) = match s.get(..pair).and_then(|p| memchr::memchr(b'=', p)) {
        Some(eq) => {
            let raw = s.get(..eq).unwrap_or(&[]);
            let name = trim(raw);
            (raw.len() - raw.trim_ascii_start().len(), name.len())
        }
        None => (0, 0),
    };
    let mut max_age: Option<i64> = None;
    let mut expires: Option<i64> = None;
    for a in attrs(s) {
        match a.kind {
            // RFC 6265 5.2.2: an invalid value is ignored; the last valid one wins.
            Kind::MaxAge => {
                if let Some(v) = parse_max_age(trim(s.get(a.value..a.end).unwrap_or(&[]))) {
                    max_age = Some(v);
                }
            }
            Kind::Expires => {
                if let Some(t) = parse_cookie_date(trim(s.get(a.value..a.end).unwrap_or(&[]))) {
                    expires = Some(t);
                }
            }
            _ => {}
        }
    }
    // Max-Age wins over Expires; an invalid date was ignored.
    let (kind, deletion) = match (max_age, expires) {
        (Some(v), _) => (CookieKind::Persistent, v <= 0),
        (None, Some(t)) => (CookieKind::Persistent, now.is_some_and(|n| t <= n)),
        (None, None) => (CookieKind::Session, false),
    };
    Ok(CookieInfo { kind, deletion, name_offset, name_len })
}

/// Decides what to do with one cookie: a deletion always passes (removing a
/// cookie stores nothing, and blocking it would keep old data alive);
/// otherwise the cell of `decide` for the cookie's kind.
pub fn decide_cookie(
    s: &[u8],
    now: Option<i64>,
    decide: impl FnOnce(CookieKind) -> Decision,
) -> Result<(Decision, CookieInfo), CookieError> {
    let info = inspect(s, now)?;
    let decision = if info.deletion {
        Decision { action: Action::Accept, reason: Reason::CookieDeletion }
    } else {
        decide(info.kind)
    };
    Ok((decision, info))
}

/// The output capacity an action needs for an input of `len` bytes.
pub const fn capacity_for(action: Action, len: usize) -> usize {
    match action {
        Action::Leash => len.saturating_add(LEASH_EXTRA),
        Action::Block | Action::Prompt => 0,
        Action::Accept | Action::Downgrade => len,
    }
}

/// Rewrites a `Set-Cookie` value for `action` into `out` and returns the
/// number of bytes written. `out` must hold [`capacity_for`] bytes.
pub fn rewrite(s: &[u8], action: Action, out: &mut [u8]) -> Result<usize, CookieError> {
    check_bytes(s)?;
    let needed = capacity_for(action, s.len());
    if out.len() < needed {
        return Err(CookieError::BufferTooSmall { needed });
    }
    let mut w = Writer { out, len: 0 };
    match action {
        Action::Block | Action::Prompt => {}
        Action::Accept => w.put(s),
        Action::Downgrade => {
            // Copy runs of kept bytes in one go; skip each lifetime attribute.
            let mut kept = 0;
            for a in attrs(s) {
                if matches!(a.kind, Kind::Expires | Kind::MaxAge) {
                    w.put(s.get(kept..a.start).unwrap_or(&[]));
                    kept = a.end;
                }
            }
            w.put(s.get(kept..).unwrap_or(&[]));
        }
        Action::Leash => {
            let mut kept = 0;
            let mut done = false;
            for a in attrs(s).filter(|a| a.kind == Kind::SameSite) {
                if done {
                    w.put(s.get(kept..a.start).unwrap_or(&[]));
                } else {
                    // Keep the attribute where it stood, with its spacing.
                    w.put(s.get(kept..a.name).unwrap_or(&[]));
                    w.put(b"SameSite=Lax");
                    done = true;
                }
                kept = a.end;
            }
            w.put(s.get(kept..).unwrap_or(&[]));
            if !done {
                w.put(LEASH_ATTR);
            }
        }
    }
    Ok(w.len)
}

/// Appends to a buffer whose size was checked beforehand.
struct Writer<'a> {
    out: &'a mut [u8],
    len: usize,
}

impl Writer<'_> {
    fn put(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        if let Some(dst) = self.out.get_mut(self.len..end) {
            dst.copy_from_slice(bytes);
            self.len = end;
        }
    }
}

fn parse_max_age(v: &[u8]) -> Option<i64> {
    let (neg, digits) = match v.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, v),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits.iter().fold(0i64, |acc, d| acc.saturating_mul(10).saturating_add(i64::from(d - b'0')));
    Some(if neg { -n } else { n })
}

/// Parses a cookie date with the algorithm of RFC 6265 section 5.1.1 and
/// returns seconds since the Unix epoch.
pub fn parse_cookie_date(v: &[u8]) -> Option<i64> {
    fixed_date(v).or_else(|| rfc6265_date(v))
}

/// The shape nearly every server sends, `Wdy, DD Mon YYYY HH:MM:SS GMT`
/// (or with `-` between day, month and year), read at fixed positions.
/// Anything else goes through the general algorithm, which accepts these
/// too; the tests check both agree. The first word must be a weekday: a
/// month name or digits there would be read by the general algorithm.
fn fixed_date(v: &[u8]) -> Option<i64> {
    let &[w0, w1, w2, b',', b' ', d0, d1, s1, m0, m1, m2, s2, y0, y1, y2, y3, b' ', h0, h1, b':', i0, i1, b':', c0, c1, b' ', b'G', b'M', b'T'] =
        v
    else {
        return None;
    };
    if s1 != s2 || !(s1 == b' ' || s1 == b'-') || !is_weekday([w0, w1, w2]) {
        return None;
    }
    let num = |digits: &[u8]| {
        digits.iter().try_fold(0i64, |acc, d| d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0')))
    };
    let (day, year) = (num(&[d0, d1])?, num(&[y0, y1, y2, y3])?);
    let (h, mi, sec) = (num(&[h0, h1])?, num(&[i0, i1])?, num(&[c0, c1])?);
    let month = month_of(&[m0, m1, m2])?;
    if !valid_date(year, month, day) || h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + mi * 60 + sec)
}

/// Only ASCII letters fold onto lower-case letters with `| 0x20`, so one
/// compare per name checks all three bytes, in any case.
fn is_weekday(w: [u8; 3]) -> bool {
    const DAYS: [[u8; 3]; 7] = [*b"mon", *b"tue", *b"wed", *b"thu", *b"fri", *b"sat", *b"sun"];
    DAYS.contains(&w.map(|b| b | 0x20))
}

/// RFC 6265 section 5.1.1 steps 5 and 6: a day that exists in its month
/// (no 31 February), and no year before 1601.
fn valid_date(year: i64, month: i64, day: i64) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    year >= 1601 && (1..=days).contains(&day)
}

fn rfc6265_date(v: &[u8]) -> Option<i64> {
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
    if !valid_date(year, month, day) || h > 23 || mi > 59 || s > 59 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + h * 3600 + mi * 60 + s)
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

fn month_of(tok: &[u8]) -> Option<i64> {
    const MONTHS: [u32; 12] = {
        let names: [&[u8; 3]; 12] =
            [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];
        let mut m = [0u32; 12];
        let mut i = 0;
        while i < 12 {
            m[i] = names[i][0] as u32 | (names[i][1] as u32) << 8 | (names[i][2] as u32) << 16;
            i += 1;
        }
        m
    };
    let &[a, b, c, ..] = tok else { return None };
    if !(a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic()) {
        return None;
    }
    let key = (a as u32 | (b as u32) << 8 | (c as u32) << 16) | 0x0020_2020;
    MONTHS.iter().position(|m| *m == key).map(|i| i as i64 + 1)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rw(s: &str, a: Action) -> String {
        let mut out = vec![0u8; s.len() + LEASH_EXTRA];
        let n = rewrite(s.as_bytes(), a, &mut out).unwrap();
        String::from_utf8(out[..n].to_vec()).unwrap()
    }

    #[test]
    fn downgrade_removes_expires_and_max_age_only() {
        assert_eq!(rw("id=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/", Action::Downgrade), "id=1; Path=/");
        assert_eq!(rw("id=1;Max-Age=60;HttpOnly", Action::Downgrade), "id=1;HttpOnly");
        assert_eq!(rw("id=1 ;  eXpIrEs = x ; max-AGE=3; Secure", Action::Downgrade), "id=1 ; Secure");
        assert_eq!(rw("id=1; Path=/", Action::Downgrade), "id=1; Path=/");
        assert_eq!(rw("id=a=b; Max-Age=1", Action::Downgrade), "id=a=b");
        assert_eq!(rw("", Action::Downgrade), "");
    }

    #[test]
    fn leash_sets_samesite_lax_once() {
        assert_eq!(rw("id=1; Path=/", Action::Leash), "id=1; Path=/; SameSite=Lax");
        assert_eq!(rw("id=1; samesite=None; Secure", Action::Leash), "id=1; SameSite=Lax; Secure");
        assert_eq!(rw("id=1;SameSite=Strict;SameSite=None", Action::Leash), "id=1;SameSite=Lax");
        assert_eq!(rw("id=1;  SAMESITE", Action::Leash), "id=1;  SameSite=Lax");
    }

    #[test]
    fn accept_and_block() {
        assert_eq!(rw("id=1; Max-Age=5", Action::Accept), "id=1; Max-Age=5");
        assert_eq!(rw("id=1; Max-Age=5", Action::Block), "");
        assert_eq!(rw("id=1; Max-Age=5", Action::Prompt), "");
    }

    #[test]
    fn control_bytes_are_rejected() {
        let mut out = [0u8; 64];
        assert_eq!(rewrite(b"id=1\r\nX: y", Action::Accept, &mut out), Err(CookieError::ControlByte(4)));
        assert_eq!(inspect(b"id=\x001", None), Err(CookieError::ControlByte(3)));
        assert!(rewrite(b"id=1;\tPath=/", Action::Accept, &mut out).is_ok());
    }

    #[test]
    fn small_buffers_are_refused() {
        let mut out = [0u8; 4];
        assert_eq!(rewrite(b"id=12", Action::Accept, &mut out), Err(CookieError::BufferTooSmall { needed: 5 }));
        let mut out = [0u8; 5];
        assert_eq!(rewrite(b"id=12", Action::Leash, &mut out), Err(CookieError::BufferTooSmall { needed: 19 }));
    }

    #[test]
    fn inspect_reads_name_and_lifetime() {
        let i = inspect(b" sid = x; Path=/", None).unwrap();
        assert_eq!((i.kind, i.deletion, i.name_offset, i.name_len), (CookieKind::Session, false, 1, 3));
        let i = inspect(b"a=1; max-age=100", None).unwrap();
        assert_eq!((i.kind, i.deletion), (CookieKind::Persistent, false));
        let i = inspect(b"a=1; Max-Age=0", None).unwrap();
        assert!(i.deletion);
        let i = inspect(b"a=1; Max-Age=-5; Expires=Wed, 21 Oct 2037 07:28:00 GMT", None).unwrap();
        assert!(i.deletion);
        let i = inspect(b"a=1; Max-Age=soon", None).unwrap();
        assert_eq!(i.kind, CookieKind::Session);
        let i = inspect(b"a=1; Expires=not a date", None).unwrap();
        assert_eq!(i.kind, CookieKind::Session);
        let i = inspect(b"a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", Some(1_700_000_000)).unwrap();
        assert_eq!((i.kind, i.deletion), (CookieKind::Persistent, true));
        let i = inspect(b"a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", None).unwrap();
        assert!(!i.deletion);
        let i = inspect(b"novalue", None).unwrap();
        assert_eq!(i.name_len, 0);
    }

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
        ] {
            assert_eq!(fixed_date(d).or(rfc6265_date(d)), rfc6265_date(d), "{}", String::from_utf8_lossy(d));
            if let Some(t) = fixed_date(d) {
                assert_eq!(Some(t), rfc6265_date(d));
            }
        }
    }

    #[test]
    fn attribute_names_are_whole_words_before_the_equals_sign() {
        let now = Some(1_700_000_000);
        let kind = |s: &[u8]| inspect(s, now).map(|i| (i.kind, i.deletion)).unwrap();
        // Unknown attributes to a browser: a session cookie, not a deletion.
        for fake in [
            &b"trk=1; Max-Age junk=0"[..],
            b"trk=1; Expires junk=Thu, 01 Jan 1970 00:00:00 GMT",
            b"trk=1; Max-Agex=0",
            b"trk=1; Max Age=0",
            b"trk=1; xMax-Age=0",
            b"trk=1; Max-Age\t junk=0",
            b"trk=1; Expires; Max-Age",
        ] {
            assert_eq!(kind(fake), (CookieKind::Session, false), "{}", String::from_utf8_lossy(fake));
        }
        // Spaces and tabs around the name and the value are not part of them.
        assert_eq!(kind(b"a=1; Max-Age =0"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1;\tmAX-aGE\t=\t0\t"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1;  expires  =  Thu, 01 Jan 1970 00:00:00 GMT "), (CookieKind::Persistent, true));
        // The value is everything after the first `=`.
        assert_eq!(kind(b"a=1; Max-Age==0"), (CookieKind::Session, false));
        assert_eq!(kind(b"a=1; Max-Age=0=0"), (CookieKind::Session, false));
    }

    #[test]
    fn max_age_is_an_optional_minus_and_digits() {
        let kind = |s: &[u8]| inspect(s, None).map(|i| (i.kind, i.deletion)).unwrap();
        assert_eq!(kind(b"a=1; Max-Age=-1"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=-0"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=000"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=99999999999999999999999"), (CookieKind::Persistent, false));
        for bad in
            [&b"a=1; Max-Age=-"[..], b"a=1; Max-Age=+5", b"a=1; Max-Age=5s", b"a=1; Max-Age=", b"a=1; Max-Age=0 0"]
        {
            assert_eq!(kind(bad), (CookieKind::Session, false), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn the_last_valid_occurrence_counts_and_max_age_wins() {
        let kind = |s: &[u8]| inspect(s, Some(1_700_000_000)).map(|i| (i.kind, i.deletion)).unwrap();
        assert_eq!(kind(b"a=1; Max-Age=0; Max-Age=60"), (CookieKind::Persistent, false));
        assert_eq!(kind(b"a=1; Max-Age=60; Max-Age=0"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=0; Max-Age=soon"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT"), (CookieKind::Persistent, false));
        assert_eq!(kind(b"a=1; Max-Age=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT"), (CookieKind::Persistent, true));
        assert_eq!(
            kind(b"a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires=Wed, 21 Oct 2037 07:28:00 GMT"),
            (CookieKind::Persistent, false)
        );
        assert_eq!(
            kind(b"a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Expires=Fri, 31 Feb 2000 00:00:00 GMT"),
            (CookieKind::Persistent, false)
        );
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
        let i = inspect(b"trk=1; Expires=Fri, 31 Feb 2000 00:00:00 GMT", Some(1_700_000_000)).unwrap();
        assert_eq!((i.kind, i.deletion), (CookieKind::Session, false));
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

    #[test]
    fn rewrites_act_on_real_attributes_only() {
        assert_eq!(rw("a=1; Max-Age junk=0; Max-Age=5", Action::Downgrade), "a=1; Max-Age junk=0");
        assert_eq!(rw("a=1; SameSite junk=None", Action::Leash), "a=1; SameSite junk=None; SameSite=Lax");
        assert_eq!(rw("a=1; samesite = None", Action::Leash), "a=1; SameSite=Lax");
    }

    #[test]
    fn deletions_pass_whatever_the_decision() {
        let block = |_| Decision { action: Action::Block, reason: Reason::BlockAll };
        let (d, _) = decide_cookie(b"a=; Max-Age=0", None, block).unwrap();
        assert_eq!(d.action, Action::Accept);
        let (d, _) = decide_cookie(b"a=1; Max-Age=9", None, block).unwrap();
        assert_eq!(d.action, Action::Block);
    }
}
