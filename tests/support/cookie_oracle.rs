//! A deliberately plain reading of RFC 6265 section 5.2 (and 5.1.1 for
//! dates), written apart from `src/cookie.rs` and kept slow and literal on
//! purpose: the tests and the cookie fuzz target compare the library's
//! reading of a `Set-Cookie` value with this one. Only what decides a
//! cookie's kind and whether it deletes is modelled.

/// What a browser makes of a `Set-Cookie` value's lifetime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifetime {
    /// A valid `Max-Age` or `Expires` was found.
    pub persistent: bool,
    /// The cookie expires at once: the browser only removes a stored one.
    pub deletion: bool,
}

/// `None` when the value holds a control byte other than tab, which makes
/// a browser ignore the whole header (RFC 6265bis section 5.6 step 1).
/// `now` is seconds since the epoch; without it an `Expires` date never
/// counts as past.
pub fn lifetime(value: &[u8], now: Option<i64>) -> Option<Lifetime> {
    if value.iter().any(|&b| b == 0x7f || (b < 0x20 && b != 0x09)) {
        return None;
    }
    // Last valid Max-Age (as "is it <= 0") and last valid Expires.
    let mut max_age: Option<bool> = None;
    let mut expires: Option<i64> = None;
    let mut pieces = value.split(|&b| b == b';');
    pieces.next(); // the name=value pair
    for av in pieces {
        let (name, val) = match av.iter().position(|&b| b == b'=') {
            Some(i) => (&av[..i], &av[i + 1..]),
            None => (av, &av[av.len()..]),
        };
        let name = strip(name);
        let val = strip(val);
        if lower(name) == "max-age" {
            if let Some(gone) = max_age_gone(val) {
                max_age = Some(gone);
            }
        } else if lower(name) == "expires" {
            if let Some(t) = cookie_date(val) {
                expires = Some(t);
            }
        }
    }
    Some(match (max_age, expires) {
        (Some(gone), _) => Lifetime { persistent: true, deletion: gone },
        (None, Some(t)) => Lifetime { persistent: true, deletion: now.is_some_and(|n| t <= n) },
        (None, None) => Lifetime { persistent: false, deletion: false },
    })
}

fn strip(mut s: &[u8]) -> &[u8] {
    while s.first().is_some_and(|&b| b == b' ' || b == b'\t') {
        s = &s[1..];
    }
    while s.last().is_some_and(|&b| b == b' ' || b == b'\t') {
        s = &s[..s.len() - 1];
    }
    s
}

fn lower(s: &[u8]) -> String {
    s.iter().map(|&b| (b as char).to_ascii_lowercase()).collect()
}

/// Whether a valid Max-Age value is zero or less; `None` when invalid.
fn max_age_gone(v: &[u8]) -> Option<bool> {
    let (negative, digits) = match v {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, v),
    };
    if digits.is_empty() || digits.iter().any(|b| !b.is_ascii_digit()) {
        return None;
    }
    let zero = digits.iter().all(|&b| b == b'0');
    Some(negative || zero)
}

fn is_delimiter(b: u8) -> bool {
    b == 0x09
        || (0x20..=0x2f).contains(&b)
        || (0x3b..=0x40).contains(&b)
        || (0x5b..=0x60).contains(&b)
        || (0x7b..=0x7e).contains(&b)
}

/// The count of leading ASCII digits.
fn digits(t: &[u8]) -> usize {
    t.iter().take_while(|b| b.is_ascii_digit()).count()
}

fn number(t: &[u8]) -> i64 {
    t.iter().fold(0, |n, &b| n * 10 + i64::from(b - b'0'))
}

/// `min*maxDIGIT ( non-digit *OCTET )`: the number, if the token is one.
fn leading_number(t: &[u8], min: usize, max: usize) -> Option<i64> {
    let n = digits(t);
    (n >= min && n <= max).then(|| number(&t[..n]))
}

/// `hms-time ( non-digit *OCTET )`.
fn time(t: &[u8]) -> Option<(i64, i64, i64)> {
    let h = digits(t);
    if !(1..=2).contains(&h) || t.get(h) != Some(&b':') {
        return None;
    }
    let rest = &t[h + 1..];
    let m = digits(rest);
    if !(1..=2).contains(&m) || rest.get(m) != Some(&b':') {
        return None;
    }
    let rest2 = &rest[m + 1..];
    let s = digits(rest2);
    if !(1..=2).contains(&s) {
        return None;
    }
    Some((number(&t[..h]), number(&rest[..m]), number(&rest2[..s])))
}

fn month(t: &[u8]) -> Option<i64> {
    if t.len() < 3 {
        return None;
    }
    let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let head = lower(&t[..3]);
    names.iter().position(|n| *n == head).map(|i| i as i64 + 1)
}

/// RFC 6265 section 5.1.1, step by step; seconds since the epoch.
pub fn cookie_date(v: &[u8]) -> Option<i64> {
    let mut found_time = None;
    let mut found_day = None;
    let mut found_month = None;
    let mut found_year = None;
    for token in v.split(|&b| is_delimiter(b)).filter(|t| !t.is_empty()) {
        if found_time.is_none() {
            if let Some(t) = time(token) {
                found_time = Some(t);
                continue;
            }
        }
        if found_day.is_none() {
            if let Some(d) = leading_number(token, 1, 2) {
                found_day = Some(d);
                continue;
            }
        }
        if found_month.is_none() {
            if let Some(m) = month(token) {
                found_month = Some(m);
                continue;
            }
        }
        if found_year.is_none() {
            if let Some(y) = leading_number(token, 2, 4) {
                found_year = Some(y);
                continue;
            }
        }
    }
    let (hour, minute, second) = found_time?;
    let (day, month, mut year) = (found_day?, found_month?, found_year?);
    if (70..=99).contains(&year) {
        year += 1900;
    } else if (0..=69).contains(&year) {
        year += 2000;
    }
    if !(1..=31).contains(&day) || year < 1601 || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let is_leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let mut lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if is_leap(year) {
        lengths[1] = 29;
    }
    if day > lengths[month as usize - 1] {
        return None;
    }
    // Days from 1 January 1601, counted the slow way, then moved to 1970.
    let days_before = |y: i64| (1601..y).map(|x| if is_leap(x) { 366 } else { 365 }).sum::<i64>();
    let mut days = days_before(year);
    days += lengths[..month as usize - 1].iter().sum::<i64>();
    days += day - 1;
    days -= days_before(1970);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
}
