//! Reading a response-header dump, as `curl -sD - URL` (with `-L`, across
//! redirects) writes it: a status line, header lines, a blank line, repeated for each
//! redirect or interim response, and possibly the body after the last
//! block (which is not read).
//!
//! The dump does not name the URLs it came from: the first response's URL
//! is given by the caller, and after a redirect (3xx with `Location`) the
//! next response's URL is the `Location` resolved against it. Interim
//! responses (1xx) and proxy `CONNECT` replies keep the URL. A cookie's
//! `Expires` is compared with the response's `Date`, or the current time
//! when it has none.

use std::fmt;
use std::io::BufRead;

use super::model::{Page, Response};

/// A dump that could not be read: the line (from 1) and what was wrong.
#[derive(Debug)]
pub struct DumpError {
    /// Line of the problem (0 when the input could not be read at all).
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for DumpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// One block: a status line and its headers.
#[derive(Debug, Default)]
struct Block {
    status: Option<u16>,
    headers: Vec<(String, String)>,
}

impl Block {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().filter(move |(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Reads the dump into one page at `page_url`, its first response fetched
/// from `url`; `now` (seconds since the Unix epoch) stands in for a missing
/// `Date`.
pub fn read(input: impl BufRead, page_url: &str, url: &str, now: i64) -> Result<Vec<Page>, DumpError> {
    let blocks = blocks(input)?;
    let mut responses = Vec::new();
    let mut current = url.to_owned();
    for b in blocks {
        let next = match (b.status, b.values("location").next()) {
            (Some(300..=399), Some(location)) => Some(resolve(&current, location.trim())),
            _ => None,
        };
        let set_cookie: Vec<String> = b.values("set-cookie").map(str::to_owned).collect();
        if !set_cookie.is_empty() {
            let date = b.values("date").find_map(|d| p3p::cookie::parse_cookie_date(d.as_bytes()));
            responses.push(Response {
                url: current.clone(),
                status: b.status,
                p3p: b.values("p3p").map(str::to_owned).collect(),
                set_cookie,
                now: Some(date.unwrap_or(now)),
            });
        }
        if let Some(n) = next {
            current = n;
        }
    }
    Ok(vec![Page { url: page_url.to_owned(), responses }])
}

fn blocks(mut input: impl BufRead) -> Result<Vec<Block>, DumpError> {
    let mut blocks: Vec<Block> = Vec::new();
    // Between blocks: before the first status line, or after a blank line.
    let mut between = true;
    let mut raw = Vec::new();
    let mut number = 0;
    loop {
        raw.clear();
        let n = input
            .read_until(b'\n', &mut raw)
            .map_err(|e| DumpError { line: number, message: format!("reading the dump: {e}") })?;
        if n == 0 {
            break;
        }
        number += 1;
        let text = String::from_utf8_lossy(&raw);
        let line = text.trim_end_matches(['\n', '\r']);
        if between {
            if line.trim().is_empty() {
                continue;
            }
            let status = status_code(line);
            if status.is_none() {
                if !blocks.is_empty() {
                    break; // the body follows the last block
                }
                let message = if line.starts_with("HTTP/") {
                    format!("the status line {:?} has no status code", shorten(line))
                } else {
                    format!(
                        "expected a status line such as \"HTTP/1.1 200 OK\", found {:?} (write the dump with curl -sD - URL)",
                        shorten(line)
                    )
                };
                return Err(DumpError { line: number, message });
            }
            blocks.push(Block { status, headers: Vec::new() });
            between = false;
            continue;
        }
        let Some(block) = blocks.last_mut() else { break };
        if line.is_empty() {
            between = true;
        } else if line.starts_with([' ', '\t']) {
            // An obsolete folded continuation of the previous header.
            match block.headers.last_mut() {
                Some((_, v)) => {
                    v.push(' ');
                    v.push_str(line.trim());
                }
                None => {
                    return Err(DumpError { line: number, message: "a continuation line before any header".into() })
                }
            }
        } else {
            match line.split_once(':') {
                Some((name, value)) if !name.is_empty() && !name.contains([' ', '\t']) => {
                    block.headers.push((name.to_owned(), value.trim().to_owned()));
                }
                _ => {
                    return Err(DumpError {
                        line: number,
                        message: format!("expected a header line \"Name: value\", found {:?}", shorten(line)),
                    })
                }
            }
        }
    }
    if blocks.is_empty() {
        return Err(DumpError { line: number, message: "the dump is empty: no status line".into() });
    }
    Ok(blocks)
}

/// The code of a status line (`HTTP/1.1 200 OK`, `HTTP/2 302`).
fn status_code(line: &str) -> Option<u16> {
    let mut words = line.split_ascii_whitespace();
    let version = words.next()?;
    let code = words.next()?;
    (version.starts_with("HTTP/") && code.len() == 3).then(|| code.parse().ok()).flatten()
}

fn shorten(line: &str) -> String {
    line.chars().take(60).collect()
}

/// Resolves a `Location` against the URL it answered (RFC 3986 section 5.2,
/// without dot-segment removal, which does not change the host).
pub fn resolve(base: &str, location: &str) -> String {
    let scheme_end = base.find("://").map(|i| i + 3);
    let has_scheme = location
        .split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)));
    if has_scheme {
        return location.to_owned();
    }
    let Some(authority_start) = scheme_end else { return location.to_owned() };
    let scheme = &base[..authority_start - 3];
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    let path_start = base[authority_start..].find(['/', '?', '#']).map_or(base.len(), |i| authority_start + i);
    let origin = &base[..path_start];
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    let path = &base[path_start..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    if location.is_empty() || location.starts_with('#') {
        return format!("{origin}{path}{location}");
    }
    if location.starts_with('?') {
        return format!("{origin}{path}{location}");
    }
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    format!("{origin}{dir}{location}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000;

    #[test]
    fn follows_redirects_and_stops_at_the_body() {
        let dump = b"HTTP/1.1 302 Found\r\n\
                    Location: https://sso.example.net/login?next=1\r\n\
                    Set-Cookie: a=1; Path=/\r\n\
                    P3P: CP=\"NOI DSP\"\r\n\
                    \r\n\
                    HTTP/2 100\r\n\
                    \r\n\
                    HTTP/2 200\r\n\
                    set-cookie: b=2; Expires=Thu, 01 Jan 1970 00:00:00 GMT\r\n\
                    SET-COOKIE: c=3\r\n\
                    date: Tue, 14 Nov 2023 22:13:20 GMT\r\n\
                    \r\n\
                    HTTP/1.1 is what this body says\r\n\
                    <html>\xff\r\n";
        let pages = read(&dump[..], "https://www.example.com/", "https://www.example.com/go", NOW).unwrap();
        assert_eq!(pages.len(), 1);
        let r = &pages[0].responses;
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].url, "https://www.example.com/go");
        assert_eq!(r[0].p3p, ["CP=\"NOI DSP\""]);
        assert_eq!(r[0].now, Some(NOW));
        assert_eq!(r[1].url, "https://sso.example.net/login?next=1");
        assert_eq!(r[1].set_cookie, ["b=2; Expires=Thu, 01 Jan 1970 00:00:00 GMT", "c=3"]);
        assert_eq!(r[1].now, Some(1_700_000_000));
        assert!(r[1].p3p.is_empty());
    }

    #[test]
    fn folded_headers_and_bare_newlines() {
        let dump = "HTTP/1.0 200 OK\nP3P: CP=\"NOI\n  DSP\"\nSet-Cookie: x=1\n";
        let pages = read(dump.as_bytes(), "http://a.example/", "http://a.example/", NOW).unwrap();
        assert_eq!(pages[0].responses[0].p3p, ["CP=\"NOI DSP\""]);
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for round in 0..2000 {
            let mut bytes = b"HTTP/1.1 302 Found\r\nLocation: /x\r\nSet-Cookie: a=1\r\n\r\n".to_vec();
            for _ in 0..round % 40 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state >> 8) as usize % (bytes.len() + 1);
                let alphabet = b"\r\n :/HTTP 3\xff";
                bytes.insert(at, alphabet[(state % alphabet.len() as u64) as usize]);
            }
            let _ = read(&bytes[..], "http://a.example/", "http://a.example/p?q", NOW);
        }
    }

    #[test]
    fn malformed_dumps_name_the_line() {
        for (dump, line, needle) in [
            ("", 0, "empty"),
            ("\n\n", 2, "empty"),
            ("{\"log\": {}}", 1, "expected a status line"),
            ("HTTP/1.1 OK\r\n", 1, "no status code"),
            ("HTTP/1.1 200 OK\r\nnot a header\r\n", 2, "expected a header line"),
            ("HTTP/1.1 200 OK\r\n folded\r\n", 2, "continuation"),
        ] {
            let e = read(dump.as_bytes(), "http://a/", "http://a/", NOW).unwrap_err();
            assert_eq!(e.line, line, "{dump:?}: {e}");
            assert!(e.message.contains(needle), "{dump:?}: {e}");
        }
    }

    #[test]
    fn locations_resolve_against_the_previous_url() {
        let base = "https://a.example/dir/page?q=1#f";
        assert_eq!(resolve(base, "https://b.example/x"), "https://b.example/x");
        assert_eq!(resolve(base, "//c.example/y"), "https://c.example/y");
        assert_eq!(resolve(base, "/root"), "https://a.example/root");
        assert_eq!(resolve(base, "other"), "https://a.example/dir/other");
        assert_eq!(resolve(base, "?z=2"), "https://a.example/dir/page?z=2");
        assert_eq!(resolve("https://a.example", "x"), "https://a.example/x");
        assert_eq!(resolve("https://a.example?q", "/x"), "https://a.example/x");
    }
}
