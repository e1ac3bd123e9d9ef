//! `Set-Cookie` handling for the server: is a cookie persistent, and the
//! rewrites that carry out a decision (product decision 14):
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
//! from elsewhere is ever spliced into a cookie. Attribute names are matched
//! without regard to case and with any spacing; control bytes are rejected.

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

/// One `;`-separated attribute: its whole span (from its `;`) and the
/// trimmed name and value.
#[derive(Clone, Copy, Debug)]
struct Attr {
    /// Offset of the `;` that starts it.
    start: usize,
    /// One past its last byte.
    end: usize,
    name: (usize, usize),
    value: (usize, usize),
}

fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn trim(s: &[u8], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && s.get(a).is_some_and(|c| is_ws(*c)) {
        a += 1;
    }
    while b > a && s.get(b - 1).is_some_and(|c| is_ws(*c)) {
        b -= 1;
    }
    (a, b)
}

fn check_bytes(s: &[u8]) -> Result<(), CookieError> {
    match s.iter().position(|&b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        Some(i) => Err(CookieError::ControlByte(i)),
        None => Ok(()),
    }
}

/// End of the `name=value` pair (offset of the first `;`, or the length).
fn pair_end(s: &[u8]) -> usize {
    s.iter().position(|b| *b == b';').unwrap_or(s.len())
}

/// Iterates the attributes after the `name=value` pair.
fn attrs(s: &[u8]) -> impl Iterator<Item = Attr> + '_ {
    let mut pos = pair_end(s);
    core::iter::from_fn(move || {
        if pos >= s.len() {
            return None;
        }
        let start = pos;
        let body = start + 1;
        let end = s.get(body..).and_then(|r| r.iter().position(|b| *b == b';')).map_or(s.len(), |k| body + k);
        pos = end;
        let eq = s.get(body..end).and_then(|r| r.iter().position(|b| *b == b'=')).map(|k| body + k);
        let (name, value) = match eq {
            Some(e) => (trim(s, body, e), trim(s, e + 1, end)),
            None => (trim(s, body, end), (end, end)),
        };
        Some(Attr { start, end, name, value })
    })
}

fn named(s: &[u8], span: (usize, usize), name: &[u8]) -> bool {
    s.get(span.0..span.1).is_some_and(|n| n.eq_ignore_ascii_case(name))
}

/// Reads a cookie's name and lifetime. `now` (seconds since the Unix epoch)
/// lets an `Expires` date in the past count as a deletion; without it only
/// `Max-Age` can mark one.
pub fn inspect(s: &[u8], now: Option<i64>) -> Result<CookieInfo, CookieError> {
    check_bytes(s)?;
    let pair = pair_end(s);
    let (name_offset, name_end) = match s.get(..pair).and_then(|p| p.iter().position(|b| *b == b'=')) {
        Some(eq) => trim(s, 0, eq),
        None => (0, 0),
    };
    let mut max_age: Option<i64> = None;
    let mut expires: Option<i64> = None;
    for a in attrs(s) {
        let value = s.get(a.value.0..a.value.1).unwrap_or(&[]);
        if named(s, a.name, b"max-age") {
            // RFC 6265 5.2.2: an invalid value is ignored; the last valid one wins.
            if let Some(v) = parse_max_age(value) {
                max_age = Some(v);
            }
        } else if named(s, a.name, b"expires") {
            if let Some(t) = parse_cookie_date(value) {
                expires = Some(t);
            }
        }
    }
    let (kind, deletion) = match (max_age, expires) {
        (Some(v), _) => (CookieKind::Persistent, v <= 0),
        (None, Some(t)) => (CookieKind::Persistent, now.is_some_and(|n| t <= n)),
        (None, None) => (CookieKind::Session, false),
    };
    Ok(CookieInfo { kind, deletion, name_offset, name_len: name_end - name_offset })
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
            w.put(s.get(..pair_end(s)).unwrap_or(&[]));
            for a in attrs(s) {
                if !named(s, a.name, b"expires") && !named(s, a.name, b"max-age") {
                    w.put(s.get(a.start..a.end).unwrap_or(&[]));
                }
            }
        }
        Action::Leash => {
            w.put(s.get(..pair_end(s)).unwrap_or(&[]));
            let mut done = false;
            for a in attrs(s) {
                if !named(s, a.name, b"samesite") {
                    w.put(s.get(a.start..a.end).unwrap_or(&[]));
                } else if !done {
                    // Keep the attribute where it stood, with its spacing.
                    w.put(b";");
                    w.put(s.get(a.start + 1..a.name.0).unwrap_or(&[]));
                    w.put(b"SameSite=Lax");
                    done = true;
                }
            }
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
    if !(1..=31).contains(&day) || year < 1601 || h > 23 || mi > 59 || s > 59 {
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
    const MONTHS: [&[u8; 3]; 12] =
        [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];
    let head = tok.get(..3)?;
    MONTHS.iter().position(|m| head.eq_ignore_ascii_case(*m)).map(|i| i as i64 + 1)
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
