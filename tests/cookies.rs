//! `Set-Cookie` lifetimes against an independent, literal reading of RFC
//! 6265 (tests/support/cookie_oracle.rs): the cases that once passed as
//! fake deletions, every calendar day in several centuries, and random
//! attribute soup. A deletion must be one a browser would see.

#[path = "support/cookie_oracle.rs"]
mod oracle;
#[path = "support/rng.rs"]
mod rng;

use p3p::cookie::{self, decide_cookie, inspect};
use p3p::ie6::{Action, CookieKind, Decision, Reason};
use rng::Rng;

const NOW: i64 = 1_700_000_000;

fn agree(value: &[u8], now: Option<i64>) {
    let want = oracle::lifetime(value, now);
    let got = inspect(value, now).ok();
    let got = got.map(|i| oracle::Lifetime { persistent: i.kind == CookieKind::Persistent, deletion: i.deletion });
    assert_eq!(got, want, "{:?}", String::from_utf8_lossy(value));
}

#[test]
fn fake_deletions_are_blocked_at_block_all() {
    let block = |_| Decision { action: Action::Block, reason: Reason::BlockAll };
    for fake in [
        &b"trk=1; Max-Age junk=0"[..],
        b"trk=1; Expires junk=Thu, 01 Jan 1970 00:00:00 GMT",
        b"trk=1; Expires=Fri, 31 Feb 2000 00:00:00 GMT",
        b"trk=1; Max-Age=0x0",
        b"trk=1; Max-Age=\"0\"",
        b"trk=1; Max-Age=0; Max-Age=3600",
        b"trk=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60",
    ] {
        agree(fake, Some(NOW));
        let (d, info) = decide_cookie(fake, Some(NOW), block).unwrap();
        assert!(!info.deletion, "{}", String::from_utf8_lossy(fake));
        assert_eq!(d.action, Action::Block, "{}", String::from_utf8_lossy(fake));
    }
    for real in [
        &b"trk=; Max-Age=0"[..],
        b"trk=; max-age = -1",
        b"trk=; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        b"trk=; expires=Thursday, 01-Jan-70 00:00:01 GMT; Path=/",
        b"trk=; Max-Age=3600; Max-Age=0",
    ] {
        agree(real, Some(NOW));
        let (d, info) = decide_cookie(real, Some(NOW), block).unwrap();
        assert!(info.deletion, "{}", String::from_utf8_lossy(real));
        assert_eq!((d.action, d.reason), (Action::Accept, Reason::CookieDeletion));
    }
}

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

#[test]
fn every_day_of_the_calendar_agrees() {
    // Every day-of-month 0..=32 of every month of years around the edges
    // (1600, 1601, leap centuries, the epoch, 2038, 9999), in the shape
    // servers send and in two others.
    let years = [1600, 1601, 1700, 1900, 1969, 1970, 1999, 2000, 2004, 2024, 2037, 2038, 2100, 2400, 9999];
    for year in years {
        for (mi, month) in MONTHS.iter().enumerate() {
            for day in 0..=32 {
                let weekday = WEEKDAYS[(day + mi) % 7];
                for date in [
                    format!("{weekday}, {day:02} {month} {year} 12:34:56 GMT"),
                    format!("{weekday}, {day:02}-{month}-{year} 23:59:59 GMT"),
                    format!("{month} {day} 00:00:00 {year}"),
                ] {
                    assert_eq!(
                        cookie::parse_cookie_date(date.as_bytes()),
                        oracle::cookie_date(date.as_bytes()),
                        "{date}"
                    );
                    agree(format!("a=1; Expires={date}").as_bytes(), Some(NOW));
                }
            }
        }
    }
}

#[test]
fn random_attributes_agree_with_the_oracle() {
    let names = [
        "Max-Age",
        "max-age",
        "MAX-AGE",
        "Expires",
        "expires",
        "EXPIRES",
        "Max-Age junk",
        "Expires junk",
        "Max-Agex",
        "xExpires",
        "Path",
        "SameSite",
        "Max Age",
        "",
        "=",
    ];
    let spaces = ["", " ", "  ", "\t", " \t "];
    let values = [
        "0",
        "-1",
        "-",
        "60",
        "00",
        "1e3",
        "",
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "Wed, 21 Oct 2037 07:28:00 GMT",
        "Fri, 31 Feb 2000 00:00:00 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "Jan, 01 Feb 2000 00:00:00 GMT",
        "1:2:3 4 jan 2001",
        "=0",
        "Tue, 29 Feb 2000 00:00:00 GMT",
        "Mon, 29 Feb 2100 00:00:00 GMT",
        "\u{e9}",
    ];
    let mut rng = Rng(0x5eed_c00c_1e5e_ed00);
    for _ in 0..50_000 {
        let mut v = String::from(rng.pick(&["id=1", " id = 1 ", "novalue", "", "a=b=c"]));
        for _ in 0..(rng.next() % 5) {
            v.push(';');
            v.push_str(rng.pick(&spaces));
            v.push_str(rng.pick(&names));
            v.push_str(rng.pick(&spaces));
            if rng.next() % 5 != 0 {
                v.push('=');
                v.push_str(rng.pick(&spaces));
                v.push_str(rng.pick(&values));
                v.push_str(rng.pick(&spaces));
            }
        }
        let now = [None, Some(0), Some(NOW), Some(i64::MAX)][(rng.next() % 4) as usize];
        agree(v.as_bytes(), now);
    }
}

/// Every decision applied in one pass (`apply`) gives what deciding and
/// then rewriting gives (`decide_cookie`, then `rewrite`): the decision,
/// what was read, and the same bytes; a buffer too small is refused with
/// the size the action needs and nothing written. Random attribute soup
/// with the names that matter in every case and spacing, more of them
/// than one scan remembers, control bytes, and values of every length
/// around the 16-byte chunks.
#[test]
fn one_pass_agrees_with_decide_then_rewrite() {
    let names = [
        "Max-Age",
        "max-age",
        "Expires",
        "EXPIRES",
        "SameSite",
        "samesite",
        "SAMESITE",
        "Max-Age junk",
        "Secure",
        "Path",
        "HttpOnly",
        "Same Site",
        "expiresx",
        "",
        "=",
    ];
    let spaces = ["", " ", "  ", "\t", " \t"];
    let values = [
        "0",
        "-1",
        "60",
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "Wed, 21 Oct 2037 07:28:00 GMT",
        "Lax",
        "None",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "/",
        "",
        "=x",
        "\u{e9}t\u{e9}",
    ];
    let mut rng = Rng(0x0e9a_55ed_c00c_1e00);
    let mut compared = 0usize;
    for round in 0..60_000 {
        let mut v = String::from(rng.pick(&[
            "id=1",
            " id = 1 ",
            "novalue",
            "",
            "a=b=c",
            "session=abcdefghijklmnopqrstuvwxyz0123456789",
        ]));
        for _ in 0..rng.below(9) {
            v.push(';');
            v.push_str(rng.pick(&spaces));
            v.push_str(rng.pick(&names));
            v.push_str(rng.pick(&spaces));
            if rng.below(5) != 0 {
                v.push('=');
                v.push_str(rng.pick(&spaces));
                v.push_str(rng.pick(&values));
                v.push_str(rng.pick(&spaces));
            }
        }
        let mut bytes = v.into_bytes();
        if round % 50 == 0 && !bytes.is_empty() {
            let at = rng.below(bytes.len());
            bytes[at] = [b'\r', b'\n', 0, 0x7f, b'\t'][rng.below(5)];
        }
        let now = [None, Some(NOW)][rng.below(2)];
        for action in Action::ALL {
            let decide = |_| Decision { action, reason: Reason::NoPolicyBlock };
            let two_step = decide_cookie(&bytes, now, decide);
            let mut out = vec![0xA5u8; bytes.len() + cookie::LEASH_EXTRA];
            let one = cookie::apply(&bytes, now, decide, &mut out);
            match (two_step, one) {
                (Err(e), Err(f)) => assert_eq!(e, f),
                (Ok((d, info)), Ok(a)) => {
                    assert_eq!((a.decision, a.info), (d, info), "{:?}", String::from_utf8_lossy(&bytes));
                    let mut want = vec![0u8; bytes.len() + cookie::LEASH_EXTRA];
                    let n = cookie::rewrite(&bytes, d.action, &mut want).unwrap();
                    if matches!(d.action, Action::Downgrade | Action::Leash) {
                        assert_eq!(&out[..a.len], &want[..n], "{:?} {action:?}", String::from_utf8_lossy(&bytes));
                        // One byte short of the bound: refused, nothing written.
                        let cap = cookie::capacity_for(d.action, bytes.len());
                        if cap > 0 {
                            let mut small = vec![0xA5u8; cap - 1];
                            let got = cookie::apply(&bytes, now, decide, &mut small);
                            assert_eq!(got, Err(cookie::CookieError::BufferTooSmall { needed: cap }));
                            assert!(small.iter().all(|b| *b == 0xA5));
                        }
                    } else {
                        assert_eq!(a.len, 0);
                        assert!(out.iter().all(|b| *b == 0xA5), "{:?} wrote for {:?}", action, d.action);
                    }
                    compared += 1;
                }
                (two, one) => panic!("{:?}: two steps {two:?}, one pass {one:?}", String::from_utf8_lossy(&bytes)),
            }
        }
    }
    assert!(compared > 250_000, "{compared}");
}
