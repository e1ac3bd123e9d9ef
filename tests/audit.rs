//! `p3p audit` as a user runs it: HAR files in the shapes Chrome and Firefox
//! export and hand-written ones, response-header dumps, malformed input,
//! and a reference model of the IE6 rules, written here independently of
//! the library, checked against `--json` at every level.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn data(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "data", "audit", name].iter().collect();
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_p3p"))
        .arg("audit")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run p3p");
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // A child that fails early closes its end; that is not this test's concern.
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The one JSON object `--json` prints for a single input.
fn report(args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let o = run(&all, None);
    assert!(o.status.success(), "{all:?}: {}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 1, "one line per input: {text}");
    serde_json::from_str(&text).unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().expect("an object").keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

// ---------------------------------------------------------------------------
// The reference model: IE6's decisions as the project's README states them
// (levels, consent required per party, the session-cookie exceptions, the
// no-policy row, the failing actions), for the classes the fixtures use.

const LEVELS: [&str; 6] = ["block_all", "high", "medium_high", "medium", "low", "accept_all"];

fn ie6_action(level: &str, class: &str, party: &str, kind: &str) -> &'static str {
    match level {
        "block_all" => return "block",
        "accept_all" => return "accept",
        _ => {}
    }
    let first = party == "first";
    let session = kind == "session";
    // Session cookies: first party accepted below High, third party at Low.
    if session && ((first && level != "high") || (!first && level == "low")) {
        return "accept";
    }
    if class == "no_policy" {
        return match (first, session, level) {
            (true, false, "high") => "block",
            (true, false, _) => "leash",
            (false, false, "low") => "downgrade",
            _ => "block",
        };
    }
    // Consent a cell requires: 0 none, 1 implicit (opt-out), 2 explicit (opt-in).
    let required = match (level, first) {
        ("high", _) | ("medium_high", false) => 2,
        ("low", true) => 0,
        _ => 1,
    };
    let given = match class {
        "ok" | "explicit" => 2,
        "implicit" => 1,
        "none" => 0,
        other => panic!("class {other} is not in the reference table"),
    };
    if given >= required {
        "accept"
    } else if !session && ((level == "medium" && first) || (level == "low" && !first)) {
        "downgrade"
    } else {
        "block"
    }
}

/// What a cookie is, as the fixture's author knows it.
#[derive(Clone, Copy)]
enum Cookie {
    Session(&'static str),
    Persistent(&'static str),
    /// Max-Age=0 or an Expires before the request: always passes.
    Deletion(&'static str),
    /// A control character: no browser stores it.
    Control(&'static str),
}

struct Resp {
    url: &'static str,
    site: &'static str,
    party: &'static str,
    policy: Option<&'static str>,
    class: &'static str,
    cookies: &'static [Cookie],
}

struct PageSpec {
    url: &'static str,
    site: &'static str,
    responses: &'static [Resp],
}

const NONE_POLICY: &str = "CP=\"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA\"";
const IMPLICIT_POLICY: &str = "CP=\"NOI CUR CONo OUR PHY ONL\"";
const EXPLICIT_POLICY: &str = "CP=\"NOI CUR CONi OUR PHY ONL\"";

use Cookie::*;

const CHROME: &[PageSpec] = &[
    PageSpec {
        url: "http://example.com/",
        site: "example.com",
        responses: &[
            Resp {
                url: "http://example.com/",
                site: "example.com",
                party: "first",
                policy: None,
                class: "no_policy",
                cookies: &[Session("visited")],
            },
            Resp {
                url: "https://www.example.com/",
                site: "example.com",
                party: "first",
                policy: Some("CP=\"NOI DSP COR NID CURa ADMa DEVa OUR NOR\""),
                class: "ok",
                cookies: &[Session("sid"), Persistent("prefs")],
            },
            Resp {
                url: "https://ads.example.net/pixel?id=7",
                site: "example.net",
                party: "third",
                policy: Some(NONE_POLICY),
                class: "none",
                cookies: &[Persistent("uid"), Session("sess")],
            },
        ],
    },
    PageSpec {
        url: "https://shop.example.co.uk/basket",
        site: "example.co.uk",
        responses: &[
            Resp {
                url: "https://shop.example.co.uk/basket",
                site: "example.co.uk",
                party: "first",
                policy: None,
                class: "no_policy",
                cookies: &[Persistent("cart")],
            },
            Resp {
                url: "https://pay.example.co.uk/widget",
                site: "example.co.uk",
                party: "first",
                policy: Some(IMPLICIT_POLICY),
                class: "implicit",
                cookies: &[Persistent("pay")],
            },
            Resp {
                url: "https://a.github.io/badge.svg",
                site: "a.github.io",
                party: "third",
                policy: Some(EXPLICIT_POLICY),
                class: "explicit",
                cookies: &[Persistent("gh")],
            },
            Resp {
                url: "https://ads.example.net/pixel?id=8",
                site: "example.net",
                party: "third",
                policy: None,
                class: "no_policy",
                cookies: &[Deletion("uid")],
            },
        ],
    },
];

const FIREFOX: &[PageSpec] = &[PageSpec {
    url: "https://news.example.com/",
    site: "example.com",
    responses: &[
        Resp {
            url: "https://news.example.com/",
            site: "example.com",
            party: "first",
            policy: Some("policyref=\"/w3c/p3p.xml\", CP=\"NOI DSP COR CURa ADMa OUR NOR\""),
            class: "ok",
            cookies: &[Session("a"), Persistent("b"), Deletion("c")],
        },
        Resp {
            url: "https://widgets.example.org/w.js",
            site: "example.org",
            party: "third",
            policy: Some(IMPLICIT_POLICY),
            class: "implicit",
            cookies: &[Persistent("w")],
        },
        Resp {
            url: "http://192.0.2.10/ip.gif",
            site: "192.0.2.10",
            party: "third",
            policy: None,
            class: "no_policy",
            cookies: &[Session("ip")],
        },
        Resp {
            url: "https://NEWS.Example.COM./api/session",
            site: "example.com",
            party: "first",
            policy: None,
            class: "no_policy",
            cookies: &[Persistent("tok")],
        },
    ],
}];

const EVERY_ACTION: &[PageSpec] = &[PageSpec {
    url: "https://www.example.com/",
    site: "example.com",
    responses: &[
        Resp {
            url: "https://www.example.com/",
            site: "example.com",
            party: "first",
            policy: None,
            class: "no_policy",
            cookies: &[Session("s1"), Persistent("p1"), Deletion("gone"), Deletion("old"), Control("bad")],
        },
        Resp {
            url: "https://login.example.com/",
            site: "example.com",
            party: "first",
            policy: Some(NONE_POLICY),
            class: "none",
            cookies: &[Persistent("p2"), Session("s2")],
        },
        Resp {
            url: "https://ads.example.net/px",
            site: "example.net",
            party: "third",
            policy: None,
            class: "no_policy",
            cookies: &[Persistent("t1"), Session("t2")],
        },
        Resp {
            url: "https://ads.example.net/px2",
            site: "example.net",
            party: "third",
            policy: Some(NONE_POLICY),
            class: "none",
            cookies: &[Persistent("t3"), Session("t4")],
        },
        Resp {
            url: "https://cdn.example.org/x",
            site: "example.org",
            party: "third",
            policy: Some(IMPLICIT_POLICY),
            class: "implicit",
            cookies: &[Persistent("t5")],
        },
        Resp {
            url: "https://b.github.io/x",
            site: "b.github.io",
            party: "third",
            policy: Some(EXPLICIT_POLICY),
            class: "explicit",
            cookies: &[Persistent("t6"), Session("t7")],
        },
    ],
}];

const MANY_PAGES: &[PageSpec] = &[
    PageSpec {
        url: "https://loose.example.com/",
        site: "example.com",
        responses: &[Resp {
            url: "https://loose.example.com/",
            site: "example.com",
            party: "first",
            policy: None,
            class: "no_policy",
            cookies: &[Session("loose")],
        }],
    },
    PageSpec {
        url: "https://one.example.com/",
        site: "example.com",
        responses: &[
            Resp {
                url: "https://one.example.com/",
                site: "example.com",
                party: "first",
                policy: None,
                class: "no_policy",
                cookies: &[Persistent("one")],
            },
            Resp {
                url: "https://ads.example.net/one",
                site: "example.net",
                party: "third",
                policy: None,
                class: "no_policy",
                cookies: &[Persistent("ad")],
            },
        ],
    },
    PageSpec {
        url: "https://ads.example.net/two",
        site: "example.net",
        responses: &[Resp {
            url: "https://ads.example.net/two",
            site: "example.net",
            party: "first",
            policy: Some("policyref=\"/w3c/p3p.xml\", CP=\"NOI CUR CONo OUR PHY ONL\""),
            class: "implicit",
            cookies: &[Persistent("ad")],
        }],
    },
    PageSpec {
        url: "https://three.example.org/",
        site: "example.org",
        responses: &[Resp {
            url: "https://ads.example.net/three",
            site: "example.net",
            party: "third",
            policy: None,
            class: "no_policy",
            cookies: &[Session("ad")],
        }],
    },
];

const NO_PAGES: &[PageSpec] = &[PageSpec {
    url: "https://www.example.com/",
    site: "example.com",
    responses: &[
        Resp {
            url: "https://www.example.com/",
            site: "example.com",
            party: "first",
            policy: Some("CP=\"NOI DSP COR CURa ADMa OUR NOR\""),
            class: "ok",
            cookies: &[Session("home")],
        },
        Resp {
            url: "https://cdn.example.org/a.js",
            site: "example.org",
            party: "third",
            policy: None,
            class: "no_policy",
            cookies: &[Persistent("cdn")],
        },
    ],
}];

const CURL_REDIRECT: &[PageSpec] = &[PageSpec {
    url: "https://www.example.com/",
    site: "example.com",
    responses: &[
        Resp {
            url: "https://www.example.com/login",
            site: "example.com",
            party: "first",
            policy: None,
            class: "no_policy",
            cookies: &[Session("next")],
        },
        Resp {
            url: "https://sso.example.net/auth?from=www",
            site: "example.net",
            party: "third",
            policy: Some(IMPLICIT_POLICY),
            class: "implicit",
            cookies: &[Persistent("sso"), Persistent("track"), Deletion("stale")],
        },
    ],
}];

/// Compares one `--json` object with the fixture's facts and the reference
/// model's actions at `level`.
fn check(got: &Value, want: &[PageSpec], level: &str) {
    let mut totals = [0u64; 4];
    let pages = got["pages"].as_array().unwrap();
    assert_eq!(pages.len(), want.len(), "pages: {got}");
    for (p, w) in pages.iter().zip(want) {
        assert_eq!(p["url"], w.url);
        assert_eq!(p["site"], w.site, "site of page {}", w.url);
        let responses = p["responses"].as_array().unwrap();
        let urls: Vec<&str> = responses.iter().map(|r| r["url"].as_str().unwrap()).collect();
        let want_urls: Vec<&str> = w.responses.iter().map(|r| r.url).collect();
        assert_eq!(urls, want_urls, "responses of page {}", w.url);
        for (r, wr) in responses.iter().zip(w.responses) {
            let ctx = format!("{} on {} at {level}", wr.url, w.url);
            assert_eq!(r["site"], wr.site, "{ctx}");
            assert_eq!(r["party"], wr.party, "{ctx}");
            assert_eq!(r["policy"], wr.policy.map_or(Value::Null, Value::from), "{ctx}");
            assert_eq!(r["class"], wr.class, "{ctx}");
            let cookies = r["cookies"].as_array().unwrap();
            assert_eq!(cookies.len(), wr.cookies.len(), "{ctx}");
            for (c, wc) in cookies.iter().zip(wr.cookies) {
                let (name, kind, action) = match *wc {
                    Session(n) => (n, "session", ie6_action(level, wr.class, wr.party, "session")),
                    Persistent(n) => (n, "persistent", ie6_action(level, wr.class, wr.party, "persistent")),
                    Deletion(n) => (n, "persistent", "accept"),
                    Control(n) => (n, "session", "block"),
                };
                assert_eq!(c["name"], name, "{ctx}");
                assert_eq!(c["kind"], kind, "{ctx}: {name}");
                assert_eq!(c["action"], action, "{ctx}: {name} ({kind}, class {})", wr.class);
                assert!(!c["reason"].as_str().unwrap().is_empty());
                totals[["accept", "downgrade", "leash", "block"].iter().position(|a| *a == action).unwrap()] += 1;
            }
        }
    }
    let t = &got["totals"];
    assert_eq!(
        [&t["accept"], &t["downgrade"], &t["leash"], &t["block"]],
        totals.map(Value::from).each_ref(),
        "totals at {level}"
    );
}

#[test]
fn reference_model_agrees_at_every_level() {
    for (file, want, extra) in [
        ("chrome.har", CHROME, &[][..]),
        ("firefox.har", FIREFOX, &[]),
        ("every-action.har", EVERY_ACTION, &[]),
        ("many-pages.har", MANY_PAGES, &[]),
        ("no-pages.har", NO_PAGES, &[]),
        (
            "curl-redirect.txt",
            CURL_REDIRECT,
            &["--page", "https://www.example.com/", "--url", "https://www.example.com/login"],
        ),
    ] {
        let path = data(file);
        for level in LEVELS {
            let mut args = vec!["--level", level];
            args.extend_from_slice(extra);
            args.push(&path);
            check(&report(&args), want, level);
        }
    }
}

#[test]
fn the_default_level_is_medium() {
    check(&report(&[&data("every-action.har")]), EVERY_ACTION, "medium");
    check(&report(&["--profile", "ie6", &data("chrome.har")]), CHROME, "medium");
}

#[test]
fn every_action_occurs_and_totals_add_up() {
    let r = report(&["--level", "medium", &data("every-action.har")]);
    let actions: Vec<&str> = r["pages"][0]["responses"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["cookies"].as_array().unwrap().iter().map(|c| c["action"].as_str().unwrap()))
        .collect();
    for a in ["accept", "downgrade", "leash", "block"] {
        assert!(actions.contains(&a), "{a} missing from {actions:?}");
    }
    let low = report(&["--level", "low", &data("every-action.har")]);
    assert_eq!(low["totals"]["downgrade"], 2, "{low}");
}

#[test]
fn json_is_exactly_the_contract() {
    let r = report(&[&data("chrome.har")]);
    assert_eq!(keys(&r), ["pages", "totals"]);
    assert_eq!(keys(&r["totals"]), ["accept", "block", "downgrade", "leash"]);
    for p in r["pages"].as_array().unwrap() {
        assert_eq!(keys(p), ["responses", "site", "url"]);
        for resp in p["responses"].as_array().unwrap() {
            assert_eq!(keys(resp), ["class", "cookies", "party", "policy", "site", "url"]);
            for c in resp["cookies"].as_array().unwrap() {
                assert_eq!(keys(c), ["action", "kind", "name", "reason"]);
            }
        }
    }
    // Reasons are the library's sentences.
    let first = &r["pages"][0]["responses"][1]["cookies"][0];
    assert_eq!(first["reason"], "Policy satisfactory at this level; cookies will be accepted.");
    let deletion = &r["pages"][1]["responses"][3]["cookies"][0];
    assert_eq!(deletion["reason"], "The cookie only deletes a stored cookie, so it is passed through unchanged.");
}

#[test]
fn one_json_object_per_file() {
    let o = run(&["--json", &data("chrome.har"), &data("firefox.har"), &data("many-pages.har")], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let objects: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objects.len(), 3);
    check(&objects[1], FIREFOX, "medium");
}

#[test]
fn an_empty_log_is_an_empty_report() {
    let o = run(&["--json", "-"], Some(br#"{"log": {"version": "1.2", "pages": [], "entries": []}}"#));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), r#"{"pages":[],"totals":{"accept":0,"downgrade":0,"leash":0,"block":0}}"#);
    let o = run(&["-"], Some(br#"{"log": {"entries": []}}"#));
    assert!(stdout(&o).contains("The input has no entries."), "{}", stdout(&o));
}

#[test]
fn standard_input_reads_a_har() {
    let bytes = std::fs::read(data("firefox.har")).unwrap();
    let o = run(&["--json", "-"], Some(&bytes));
    assert!(o.status.success(), "{}", stderr(&o));
    check(&serde_json::from_str(stdout(&o).trim()).unwrap(), FIREFOX, "medium");
}

#[test]
fn text_reads_at_80_columns_with_blocked_sites_first() {
    let o = run(&[&data("chrome.har"), &data("firefox.har")], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "wider than 80 columns: {line:?}");
    }
    for needle in [
        "Privacy report for ",
        "Profile ie6, level medium; 2 pages.",
        "Page http://example.com/\nSite example.com\n",
        "  https://ads.example.net/pixel?id=7\n    status 200, site example.net, third party, class none\n",
        "    Cookie uid: persistent, block\n      Opt-out is not provided for all unsatisfactory purposes and recipients,",
        "    Cookie sess: session, block\n",
        "Totals: 6 accept, 0 downgrade, 1 leash, 2 block",
        "Page https://news.example.com/",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    // Summary of the first page: the blocked third party above the accepted site.
    let summary = &text[text.find("Sites that set cookies").unwrap()..];
    let blocked = summary.find("example.net").unwrap();
    let accepted = summary.find("Accepted:").unwrap();
    assert!(summary.starts_with("Sites that set cookies\n    Blocked or restricted:\n"), "{summary}");
    assert!(blocked < accepted, "{summary}");
    // The entry blocked by the browser (status 0, no headers) set no cookie.
    assert!(!text.contains("tracker.example.org"), "{text}");
}

#[test]
fn profiles_and_levels_are_those_of_the_other_commands() {
    // A custom profile that prompts for third-party cookies without a policy.
    let r = report(&["--profile", &data("prompt-third-party.xml"), &data("every-action.har")]);
    let third = &r["pages"][0]["responses"][2];
    assert_eq!(third["cookies"][0]["action"], "prompt", "{third}");
    assert_eq!(
        third["cookies"][0]["reason"],
        "No compact policy is provided, so the profile's action for that case applies."
    );
    // Prompts count as blocks in the totals.
    let blocks = r["totals"]["block"].as_u64().unwrap();
    assert!(blocks >= 2, "{r}");

    let m = report(&["--profile", "mozilla", &data("every-action.har")]);
    assert!(m["totals"]["accept"].as_u64().unwrap() > 0);
    let strict = report(&["--profile", "ie6-strict", "--level", "medium", &data("chrome.har")]);
    check(&strict, CHROME, "medium");

    for (args, needle) in [
        // The same arguments as explain and lint: clap's suggestions.
        (&["--level", "loud"][..], "a similar value exists: 'low'"),
        (&["--profile", "mozilla", "--level", "medium_high"], "levels: low, medium, high, default"),
        (&["--profile", "mozilla:xyz"], "a Mozilla profile is mozilla:low, medium, high, default or eight letters"),
        (&["--profile", "no-such-profile.xml"], "profile no-such-profile.xml: cannot open the file"),
        (&["--profile", "/dev/zero"], "not a regular file"),
    ] {
        let mut all = args.to_vec();
        let path = data("chrome.har");
        all.push(&path);
        let o = run(&all, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn header_dumps_need_a_page() {
    let dump = data("curl-redirect.txt");
    let o = run(&[&dump], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--page URL"), "{}", stderr(&o));

    let o = run(&["--page", "https://www.example.com/", &data("chrome.har")], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("looks like a HAR file"), "{}", stderr(&o));

    let o = run(&["--url", "https://x.example.com/", &dump], None);
    assert_eq!(o.status.code(), Some(2), "--url needs --page");

    // Folded header lines join; the page's own URL is the default.
    let r = report(&["--page", "https://www.example.com/", &data("curl-folded.txt")]);
    let resp = &r["pages"][0]["responses"][0];
    assert_eq!(resp["url"], "https://www.example.com/");
    assert_eq!(resp["policy"], "CP=\"NOI DSP COR CURa ADMa OUR NOR\"");
    assert_eq!(resp["party"], "first");

    // A dump on standard input, with the body after the headers.
    let bytes = std::fs::read(&dump).unwrap();
    let o = run(
        &["--json", "--page", "https://www.example.com/", "--url", "https://www.example.com/login", "-"],
        Some(&bytes),
    );
    check(&serde_json::from_str(stdout(&o).trim()).unwrap(), CURL_REDIRECT, "medium");
}

// ---------------------------------------------------------------------------
// Malformed input: exit 2, a message naming the file, line and column, and
// never a panic.

fn fails(input: &[u8], needle: &str, position: Option<&str>) {
    let o = run(&["-"], Some(input));
    let err = stderr(&o);
    let shown = String::from_utf8_lossy(&input[..input.len().min(60)]).into_owned();
    assert_eq!(o.status.code(), Some(2), "{shown:?}: {err}");
    assert!(err.contains(needle), "{shown:?}: expected {needle:?} in {err}");
    if let Some(p) = position {
        assert!(err.contains(&format!("p3p audit: standard input:{p}: ")), "{shown:?}: expected {p} in {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.stdout.is_empty(), "{shown:?}");
}

#[test]
fn malformed_har_gets_a_clear_error() {
    let chrome = std::fs::read(data("chrome.har")).unwrap();
    let cut = &chrome[..chrome.len() / 2];
    fails(cut, "the JSON ends too early", None);
    fails(b"", "the JSON ends too early", Some("1:0"));
    fails(b"<html><body>Not a HAR</body></html>", "not valid JSON: expected value", Some("1:1"));
    fails(b"{\"log\": {\"entries\": [}]}}", "not valid JSON", Some("1:22"));
    fails(b"[1, 2]", "not a HAR file as expected: invalid type: sequence, expected a HAR document", Some("1:1"));
    fails(b"{\"log\": []}", "expected the HAR log", None);
    fails(b"{\"log\": {\"entries\": {\"0\": {}}}}", "expected the list of entries", None);
    fails(b"{\"log\": {\"version\": \"1.2\"}}", "missing field `entries`", Some("1:26"));
    fails(
        b"{\"log\": {\"entries\": [\n  {\"startedDateTime\": \"last tuesday\", \"request\": {\"url\": \"https://a.example.com/\"}}]}}",
        "invalid value: string \"last tuesday\", expected an ISO 8601 date",
        Some("2:36"),
    );
    fails(b"{\"log\": {\"entries\": []}}\n{\"log\": {}}", "trailing characters", Some("2:1"));
    // Bytes that are not UTF-8, inside a body the parser would otherwise skip.
    fails(
        b"{\"log\": {\"entries\": [\n{\"startedDateTime\": \"2024-05-01T10:00:00Z\", \"request\": {\"url\": \"x\"},\n \"response\": {\"content\": {\"text\": \"caf\xe9\"}}}]}}",
        "not UTF-8",
        Some("3:39"),
    );
    fails(b"\xff\xfe{\x00}\x00", "UTF-16", Some("1:1"));
    // Nesting far deeper than any HAR, in a skipped value: an error, not a stack overflow.
    let mut deep = b"{\"log\": {\"entries\": [], \"x\": ".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 200_000));
    fails(&deep, "the JSON ends too early", None);
    let mut deep = b"{\"log\": {\"entries\": [{\"startedDateTime\": ".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 200_000));
    fails(&deep, "not a HAR file as expected", None);
}

#[test]
fn a_bad_file_does_not_hide_the_others() {
    let missing = data("no-such-file.har");
    let o = run(&["--json", &missing, &data("firefox.har")], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-file.har: No such file or directory"), "{}", stderr(&o));
    check(&serde_json::from_str(stdout(&o).trim()).unwrap(), FIREFOX, "medium");

    let o = run(&["-", "-"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("only once"), "{}", stderr(&o));
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(data("no-pages.har")).unwrap());
    let o = run(&["--json", "-"], Some(&bytes));
    assert!(o.status.success(), "{}", stderr(&o));
    check(&serde_json::from_str(stdout(&o).trim()).unwrap(), NO_PAGES, "medium");
}
