//! HAR's `startedDateTime`: an ISO 8601 date and time (HAR 1.2 cites
//! `2009-07-24T19:20:30.45+01:00`), read into microseconds since the Unix
//! epoch, so entries sort in the order they started whatever offset each
//! was written with.

/// Parses `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM|±HH]`. A space may
/// stand for `T`; a missing offset means UTC. Digits past the microsecond
/// are ignored.
pub fn parse_micros(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let year = num(b, 0, 4)?;
    let month = num(b, 5, 2)?;
    let day = num(b, 8, 2)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let hour = num(b, 11, 2)?;
    let minute = num(b, 14, 2)?;
    if b.get(13) != Some(&b':') {
        return None;
    }
    let mut i = 16;
    let mut second = 0;
    let mut micros = 0i64;
    if b.get(i) == Some(&b':') {
        second = num(b, i + 1, 2)?;
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            i += 1;
            let digits = b.get(i..)?.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            let mut scale = 100_000;
            for d in &b[i..i + digits] {
                micros += i64::from(d - b'0') * scale;
                scale /= 10;
            }
            i += digits;
        }
    }
    let offset_minutes = match b.get(i..)? {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, m) = match rest {
                [_, _] => (num(rest, 0, 2)?, 0),
                [_, _, _, _] => (num(rest, 0, 2)?, num(rest, 2, 2)?),
                [_, _, b':', _, _] => (num(rest, 0, 2)?, num(rest, 3, 2)?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let total = h * 60 + m;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    // 60 is a leap second; it sorts as the last second of the minute.
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    // The calendar arithmetic is the library's cookie-date reading, given
    // the date and time (the leap second as :59) in a form it takes.
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let text = format!("{day:02} {} {year:04} {hour:02}:{minute:02}:{:02}", MONTHS[month as usize - 1], second.min(59));
    let seconds = p3p::cookie::parse_cookie_date(text.as_bytes())? - offset_minutes * 60;
    Some(seconds * 1_000_000 + micros)
}

/// `len` ASCII digits at `at`.
fn num(b: &[u8], at: usize, len: usize) -> Option<i64> {
    let digits = b.get(at..at + len)?;
    digits.iter().try_fold(0i64, |acc, d| d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0')))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_micros;

    #[test]
    fn reads_the_forms_browsers_write() {
        assert_eq!(parse_micros("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_micros("1970-01-01T00:00:00.000Z"), Some(0));
        // Chrome
        assert_eq!(parse_micros("2024-05-01T10:20:30.123Z"), Some(1_714_558_830_123_000));
        // Firefox, with an offset: the same instant
        assert_eq!(parse_micros("2024-05-01T12:20:30.123+02:00"), Some(1_714_558_830_123_000));
        assert_eq!(parse_micros("2024-05-01T05:20:30.123-0500"), Some(1_714_558_830_123_000));
        assert_eq!(parse_micros("2009-07-24T19:20:30.45+01:00"), Some(1_248_459_630_450_000));
        assert_eq!(parse_micros("2024-05-01 10:20:30.1234567Z"), Some(1_714_558_830_123_456));
        assert_eq!(parse_micros("2024-02-29T00:00"), Some(1_709_164_800_000_000));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for s in [
            "",
            "yesterday",
            "2024-05-01",
            "2024-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T10:20:30.Z",
            "2024-05-01T10:20:30+2",
            "2024-05-01T10:20:30Zjunk",
            "2024-05-01T10:20:30+25:00",
            "２０２４-05-01T10:20:30Z",
        ] {
            assert_eq!(parse_micros(s), None, "{s:?}");
        }
    }
}
