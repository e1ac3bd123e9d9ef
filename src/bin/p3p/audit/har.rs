//! Reading a HAR file (HTTP Archive 1.2) as a stream.
//!
//! The JSON is never built into a tree: a chain of visitors walks
//! `log.entries` and keeps, per entry, only its `pageref`, `startedDateTime`,
//! `request.url`, `response.status` and the values of the response's `P3P`
//! and `Set-Cookie` headers; everything else (bodies, timings, request
//! headers, `log.pages`) is skipped as it is read. Entries go straight into
//! a [`Collector`], which keeps only what the report shows.
//!
//! Required: the top-level object's `log`, its `entries`, and each entry's
//! `startedDateTime` and `request.url`. An entry may lack `response` or its
//! `headers` (it then sets no cookies). `response.cookies` is not read: it
//! loses the attributes that say whether a cookie is persistent.

use std::fmt;
use std::io::{BufReader, Read};
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::model::{Collector, Page, Response};
use super::time;

/// Reads a whole HAR document from `reader` into pages.
pub fn read(reader: impl Read) -> Result<Vec<Page>, serde_json::Error> {
    let mut collector = Collector::default();
    // The parser takes a byte at a time; from a `BufReader` that is a
    // buffer access rather than a call into `reader`.
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(64 * 1024, reader));
    let log =
        Required { field: "entries", what: "the HAR log (an object with \"entries\")", seed: Entries(&mut collector) };
    Required { field: "log", what: "a HAR document (an object with \"log\")", seed: log }.deserialize(&mut de)?;
    de.end()?;
    Ok(collector.finish())
}

/// `DeserializeSeed` for a visitor that reads its value with `method`.
macro_rules! seed {
    ($seed:ty, $value:ty, $method:ident) => {
        impl<'de> DeserializeSeed<'de> for $seed {
            type Value = $value;
            fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<$value, D::Error> {
                d.$method(self)
            }
        }
    };
}

/// A map key, as its index in a list of the names a visitor wants.
#[derive(Clone, Copy)]
struct Key<'k>(&'k [&'k str]);

seed!(Key<'_>, Option<usize>, deserialize_identifier);

impl Visitor<'_> for Key<'_> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|k| *k == v))
    }
}

/// Skips the value of a field nobody asked for.
fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// An object of which one field is read, once, by `seed`, and the others
/// skipped: the document (`log`), the log (`entries`), a request (`url`).
struct Required<S> {
    field: &'static str,
    /// What the object is, for errors.
    what: &'static str,
    seed: S,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Required<S> {
    type Value = S::Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Required<S> {
    type Value = S::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<S::Value, A::Error> {
        let mut seed = Some(self.seed);
        let mut value = None;
        while let Some(k) = map.next_key_seed(Key(&[self.field]))? {
            match (k, seed.take()) {
                (Some(_), Some(s)) => value = Some(map.next_value_seed(s)?),
                (Some(_), None) => return Err(de::Error::duplicate_field(self.field)),
                (None, s) => {
                    seed = s;
                    skip(&mut map)?;
                }
            }
        }
        value.ok_or_else(|| de::Error::missing_field(self.field))
    }
}

/// `log.entries`: an array of entries, each handed to the collector as soon
/// as it is read.
struct Entries<'c>(&'c mut Collector);

seed!(Entries<'_>, (), deserialize_seq);

impl<'de> Visitor<'de> for Entries<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the list of entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some((pageref, started, response)) = seq.next_element_seed(Entry)? {
            self.0.add(pageref, started, response);
        }
        Ok(())
    }
}

/// What a request is, for errors; only its `url` is read.
const REQUEST: &str = "a request (an object with \"url\")";

/// One entry: `pageref`, `startedDateTime`, `request`, `response`.
struct Entry;

type EntryValue = (Option<String>, i64, Response);

seed!(Entry, EntryValue, deserialize_map);

impl<'de> Visitor<'de> for Entry {
    type Value = EntryValue;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an entry (an object with \"startedDateTime\", \"request\" and \"response\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EntryValue, A::Error> {
        let mut pageref = None;
        let mut started = None;
        let mut url = None;
        let mut response = Response::default();
        while let Some(k) = map.next_key_seed(Key(&["pageref", "startedDateTime", "request", "response"]))? {
            match k {
                Some(0) => pageref = map.next_value::<Option<String>>()?,
                Some(1) => started = Some(map.next_value_seed(Started)?),
                Some(2) => {
                    url = Some(map.next_value_seed(Required { field: "url", what: REQUEST, seed: PhantomData })?)
                }
                Some(3) => map.next_value_seed(ResponseSeed(&mut response))?,
                _ => skip(&mut map)?,
            }
        }
        let started = started.ok_or_else(|| de::Error::missing_field("startedDateTime"))?;
        response.url = url.ok_or_else(|| de::Error::missing_field("request"))?;
        // Expires is compared with the moment the request started.
        response.now = Some(started.div_euclid(1_000_000));
        Ok((pageref, started, response))
    }
}

/// `startedDateTime`, as microseconds since the Unix epoch.
struct Started;

seed!(Started, i64, deserialize_str);

impl Visitor<'_> for Started {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ISO 8601 date and time such as \"2024-05-01T10:20:30.123Z\"")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        time::parse_micros(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

/// `response`: `status` and the `P3P` and `Set-Cookie` header values.
struct ResponseSeed<'r>(&'r mut Response);

seed!(ResponseSeed<'_>, (), deserialize_map);

impl<'de> Visitor<'de> for ResponseSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a response (an object with \"status\" and \"headers\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(k) = map.next_key_seed(Key(&["status", "headers"]))? {
            match k {
                Some(0) => self.0.status = map.next_value_seed(Status)?,
                Some(1) => map.next_value_seed(Headers(&mut *self.0))?,
                _ => skip(&mut map)?,
            }
        }
        Ok(())
    }
}

/// `response.status`: a number; one outside 0..=65535 is kept as unknown.
struct Status;

seed!(Status, Option<u16>, deserialize_i64);

impl Visitor<'_> for Status {
    type Value = Option<u16>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an HTTP status number")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<u16>, E> {
        Ok(u16::try_from(v).ok())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<u16>, E> {
        Ok(u16::try_from(v).ok())
    }
}

/// `response.headers`: a list of `{"name", "value"}`.
struct Headers<'r>(&'r mut Response);

seed!(Headers<'_>, (), deserialize_seq);

impl<'de> Visitor<'de> for Headers<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of headers")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(header) = seq.next_element_seed(Header)? {
            match header {
                Some((Name::P3p, value)) => self.0.p3p.extend(lines(&value).map(str::to_owned)),
                Some((Name::SetCookie, value)) => self.0.set_cookie.extend(lines(&value).map(str::to_owned)),
                _ => {}
            }
        }
        Ok(())
    }
}

/// The lines of a header value: Firefox writes repeated `Set-Cookie`
/// headers as one value with a line per cookie.
fn lines(value: &str) -> impl Iterator<Item = &str> {
    value.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).filter(|l| !l.trim().is_empty())
}

/// The header names the report reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Name {
    P3p,
    SetCookie,
    Other,
}

seed!(Name, Name, deserialize_str);

impl Visitor<'_> for Name {
    type Value = Name;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a header name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
        let v = v.trim();
        Ok(if v.eq_ignore_ascii_case("p3p") {
            Name::P3p
        } else if v.eq_ignore_ascii_case("set-cookie") {
            Name::SetCookie
        } else {
            Name::Other
        })
    }
}

/// One header: its name, and its value when the name is one the report
/// reads (a value written before its name is kept until the name is known).
struct Header;

seed!(Header, Option<(Name, String)>, deserialize_map);

impl<'de> Visitor<'de> for Header {
    type Value = Option<(Name, String)>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a header (an object with \"name\" and \"value\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut name = None;
        let mut value = None;
        let mut has_value = false;
        while let Some(k) = map.next_key_seed(Key(&["name", "value"]))? {
            match k {
                Some(0) => name = Some(map.next_value_seed(Name::Other)?),
                Some(1) if name == Some(Name::Other) => {
                    skip(&mut map)?;
                    has_value = true;
                }
                Some(1) => {
                    value = Some(map.next_value::<String>()?);
                    has_value = true;
                }
                _ => skip(&mut map)?,
            }
        }
        let name = name.ok_or_else(|| de::Error::missing_field("name"))?;
        if !has_value {
            return Err(de::Error::missing_field("value"));
        }
        Ok(value.filter(|_| name != Name::Other).map(|v| (name, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(json: &str) -> Vec<Page> {
        read(json.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn error(json: &str) -> String {
        read(json.as_bytes()).unwrap_err().to_string()
    }

    #[test]
    fn keeps_only_what_the_report_needs() {
        let p = pages(
            r#"{"log": {"version": "1.2", "pages": [{"id": "p", "title": "T"}], "entries": [
              {"pageref": "p", "startedDateTime": "2024-05-01T10:00:00Z", "time": 3,
               "request": {"method": "GET", "url": "https://a.example/", "headers": [{"name": "Cookie", "value": "x=1"}]},
               "response": {"status": 200, "headers": [
                 {"value": "NOI DSP", "name": "P3P"},
                 {"name": "set-cookie", "value": "a=1\nb=2; Max-Age=60\r\n"},
                 {"name": "Content-Type", "value": "text/html"},
                 {"name": "SET-COOKIE", "value": "c=3"}],
                 "cookies": [{"name": "ignored", "value": "1"}],
                 "content": {"text": "<html>{\"log\": 1}</html>"}}}]}}"#,
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].url, "https://a.example/");
        let r = &p[0].responses[0];
        assert_eq!(r.status, Some(200));
        assert_eq!(r.p3p, ["NOI DSP"]);
        assert_eq!(r.set_cookie, ["a=1", "b=2; Max-Age=60", "c=3"]);
        assert_eq!(r.now, Some(1_714_557_600));
    }

    #[test]
    fn entries_may_lack_a_response_or_headers() {
        let p = pages(
            r#"{"log": {"entries": [
              {"startedDateTime": "2024-05-01T10:00:00Z", "request": {"url": "https://a.example/"}},
              {"startedDateTime": "2024-05-01T10:00:01Z", "request": {"url": "https://a.example/x"}, "response": {"status": 0}}
            ]}}"#,
        );
        assert_eq!(p.len(), 1);
        assert!(p[0].responses.is_empty());
        assert!(pages(r#"{"log": {"entries": []}}"#).is_empty());
    }

    #[test]
    fn wrong_shapes_are_named_with_their_position() {
        for (json, needle) in [
            ("[]", "expected a HAR document"),
            ("{}", "missing field `log`"),
            (r#"{"log": {}}"#, "missing field `entries`"),
            (r#"{"log": {"entries": {}}}"#, "expected the list of entries"),
            (r#"{"log": {"entries": [1]}}"#, "expected an entry"),
            (r#"{"log": {"entries": [{"request": {"url": "x"}}]}}"#, "missing field `startedDateTime`"),
            (
                r#"{"log": {"entries": [{"startedDateTime": "today", "request": {"url": "x"}}]}}"#,
                "expected an ISO 8601",
            ),
            (r#"{"log": {"entries": [{"startedDateTime": "2024-05-01T10:00:00Z"}]}}"#, "missing field `request`"),
            (
                r#"{"log": {"entries": [{"startedDateTime": "2024-05-01T10:00:00Z", "request": {}}]}}"#,
                "missing field `url`",
            ),
            (
                r#"{"log": {"entries": [{"startedDateTime": "2024-05-01T10:00:00Z", "request": {"url": "x"}, "response": {"headers": [{"name": "P3P"}]}}]}}"#,
                "missing field `value`",
            ),
            (
                r#"{"log": {"entries": [{"startedDateTime": "2024-05-01T10:00:00Z", "request": {"url": "x"}, "response": {"headers": [{"name": 3, "value": ""}]}}]}}"#,
                "expected a header name",
            ),
            (
                r#"{"log": {"entries": [{"startedDateTime": "2024-05-01T10:00:00Z", "request": {"url": "x"}, "response": {"status": "200"}}]}}"#,
                "expected an HTTP status number",
            ),
            (r#"{"log": {"entries": []}} {}"#, "trailing characters"),
            (r#"{"log": {"entries": [], "entries": []}}"#, "duplicate field `entries`"),
            (r#"{"log": {"entries": ["#, "EOF while parsing"),
            ("", "EOF while parsing"),
        ] {
            let e = error(json);
            assert!(e.contains(needle), "{json}: {e}");
            assert!(e.contains(" at line 1 column "), "{json}: {e}");
        }
    }

    /// Damaged copies of a browser's export (bytes changed, cut out or
    /// doubled, through the UTF-8 check as the command reads them) give a
    /// report or an error, never a panic.
    #[test]
    fn damaged_files_never_panic() {
        let original: &[u8] = include_bytes!("../../../../tests/data/audit/chrome.har");
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let (mut ok, mut failed) = (0, 0);
        for _ in 0..3000 {
            let mut bytes = original.to_vec();
            for _ in 0..1 + next(4) {
                if bytes.is_empty() {
                    break;
                }
                let at = next(bytes.len());
                match next(4) {
                    0 => bytes[at] = b"{}[]\",:0a\xc3\xff"[next(11)],
                    1 => drop(bytes.drain(at..(at + next(64)).min(bytes.len()))),
                    2 => bytes.truncate(at),
                    _ => {
                        let piece = bytes[at..(at + next(64)).min(bytes.len())].to_vec();
                        bytes.splice(at..at, piece);
                    }
                }
            }
            match read(super::super::input::Utf8Reader::new(&bytes[..])) {
                Ok(_) => ok += 1,
                Err(_) => failed += 1,
            }
        }
        assert!(ok > 0 && failed > 0, "{ok} read, {failed} refused");
    }
}
