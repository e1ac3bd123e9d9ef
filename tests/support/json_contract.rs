//! The JSON report's contract (README, "The `p3p` command", `--json`),
//! checked on the parsed output field by field: the property tests and the
//! explain fuzz target run every report they write through [`check`].

use serde_json::{Map, Value};

const IE6_LEVELS: [&str; 6] = ["block_all", "high", "medium_high", "medium", "low", "accept_all"];
const IE6_CLASSES: [&str; 5] = ["no_policy", "ok", "explicit", "implicit", "none"];
const PROFILE_CLASSES: [&str; 7] = ["no_policy", "ok", "explicit", "implicit", "none", "no_consent", "rules"];
const VERDICTS: [&str; 3] = ["satisfactory", "unsatisfactory", "no_policy"];
const ACTIONS: [&str; 5] = ["accept", "downgrade", "leash", "block", "prompt"];
const PARTIES: [&str; 2] = ["first_party", "third_party"];
const COOKIES: [&str; 2] = ["persistent", "session"];

/// Which report: the plain IE6 one, or a profile's with its level keys.
#[derive(Clone, Copy)]
pub enum Kind<'a> {
    /// `Report::write_json`.
    Ie6,
    /// `Report::write_profile_json`, with the profile's level keys.
    Profile(&'a [&'a str]),
}

/// Parses `json` and checks every field the contract names; panics with
/// the report on the first violation.
pub fn check(json: &str, input: &[u8], kind: Kind<'_>) -> Value {
    let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("invalid JSON ({e}): {json}"));
    let why = |what: &str| -> String { format!("{what} in {json}") };
    let o = v.as_object().unwrap_or_else(|| panic!("{}", why("not an object")));

    let given = o.get("input").and_then(Value::as_str).unwrap_or_else(|| panic!("{}", why("input")));
    if let Ok(text) = std::str::from_utf8(input) {
        assert_eq!(given, text, "{}", why("input is not the value as given"));
    }
    assert!(o.get("present").is_some_and(Value::is_boolean), "{}", why("present"));
    let classes: &[&str] = match kind {
        Kind::Ie6 => &IE6_CLASSES,
        Kind::Profile(_) => &PROFILE_CLASSES,
    };
    one_of(o, "class", classes, json);
    one_of(o, "verdict", &VERDICTS, json);

    for t in array(o, "tokens", json) {
        let t = t.as_object().unwrap_or_else(|| panic!("{}", why("token entry")));
        assert!(t.get("token").is_some_and(Value::is_string), "{}", why("tokens[].token"));
        let offset = t.get("offset").and_then(Value::as_u64).unwrap_or_else(|| panic!("{}", why("tokens[].offset")));
        assert!(offset as usize <= input.len(), "{}", why("tokens[].offset out of range"));
        for key in ["base", "suffix", "group", "meaning"] {
            assert!(t.get(key).is_some_and(|x| x.is_string() || x.is_null()), "{}", why(key));
        }
        assert!(t.get("valid").is_some_and(Value::is_boolean), "{}", why("tokens[].valid"));
    }
    for d in array(o, "diagnostics", json) {
        let d = d.as_object().unwrap_or_else(|| panic!("{}", why("diagnostic entry")));
        assert!(d.get("code").and_then(Value::as_str).is_some_and(|c| !c.is_empty()), "{}", why("code"));
        one_of(d, "severity", &["warning", "error"], json);
        let offset = d.get("offset").and_then(Value::as_u64).unwrap_or_else(|| panic!("{}", why("offset")));
        let len = d.get("len").and_then(Value::as_u64).unwrap_or_else(|| panic!("{}", why("len")));
        assert!((offset + len) as usize <= input.len(), "{}", why("diagnostic out of range"));
        assert!(d.get("message").and_then(Value::as_str).is_some_and(|m| !m.is_empty()), "{}", why("message"));
    }

    let levels: &[&str] = match kind {
        Kind::Ie6 => &IE6_LEVELS,
        Kind::Profile(keys) => keys,
    };
    let grid = o.get("grid").and_then(Value::as_object).unwrap_or_else(|| panic!("{}", why("grid")));
    assert_eq!(keys(grid), PARTIES, "{}", why("grid parties"));
    for party in PARTIES {
        let by_cookie = grid[party].as_object().unwrap_or_else(|| panic!("{}", why("grid party")));
        assert_eq!(keys(by_cookie), COOKIES, "{}", why("grid cookies"));
        for cookie in COOKIES {
            let by_level = by_cookie[cookie].as_object().unwrap_or_else(|| panic!("{}", why("grid cookie")));
            assert_eq!(keys(by_level), sorted(levels), "{}", why("grid levels"));
            for cell in by_level.values() {
                decision(cell, json);
            }
        }
    }

    if let Kind::Ie6 = kind {
        let u =
            o.get("unsatisfactory").and_then(Value::as_object).unwrap_or_else(|| panic!("{}", why("unsatisfactory")));
        for key in ["categories", "uses"] {
            assert!(array(u, key, json).iter().all(Value::is_string), "{}", why(key));
        }
        for f in array(o, "fixes", json) {
            let f = f.as_object().unwrap_or_else(|| panic!("{}", why("fix")));
            assert!(f.get("change").is_some_and(Value::is_string), "{}", why("fixes[].change"));
            assert!(f.get("satisfactory").is_some_and(Value::is_boolean), "{}", why("fixes[].satisfactory"));
            for cell in array(f, "accepted", json) {
                place(cell.as_object().unwrap_or_else(|| panic!("{}", why("accepted"))), levels, json);
            }
        }
    }
    if o.contains_key("selected") {
        for s in array(o, "selected", json) {
            let s = s.as_object().unwrap_or_else(|| panic!("{}", why("selected")));
            place(s, levels, json);
            decision(&s["decision"], json);
        }
    }
    v
}

/// The keys, sorted (the map may not keep the document's order).
fn keys(m: &Map<String, Value>) -> Vec<&str> {
    let mut k: Vec<&str> = m.keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

fn sorted<'a>(v: &[&'a str]) -> Vec<&'a str> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}

fn array<'a>(o: &'a Map<String, Value>, key: &str, json: &str) -> &'a Vec<Value> {
    o.get(key).and_then(Value::as_array).unwrap_or_else(|| panic!("{key} is not an array in {json}"))
}

fn one_of(o: &Map<String, Value>, key: &str, allowed: &[&str], json: &str) {
    let v = o.get(key).and_then(Value::as_str);
    assert!(v.is_some_and(|v| allowed.contains(&v)), "{key} = {v:?} in {json}");
}

fn place(o: &Map<String, Value>, levels: &[&str], json: &str) {
    one_of(o, "level", levels, json);
    one_of(o, "party", &PARTIES, json);
    one_of(o, "cookie", &COOKIES, json);
}

fn decision(cell: &Value, json: &str) {
    let c = cell.as_object().unwrap_or_else(|| panic!("cell in {json}"));
    one_of(c, "action", &ACTIONS, json);
    assert!(c.get("reason").and_then(Value::as_str).is_some_and(|r| r.ends_with('.')), "reason in {json}");
    let rule = c.get("rule").map(|r| r.as_u64().filter(|n| *n > 0));
    let line = c.get("line").map(|l| l.as_u64().filter(|n| *n > 0));
    match (rule, line) {
        (None, None) | (Some(Some(_)), Some(Some(_))) => {}
        _ => panic!("rule and line go together, from 1, in {json}"),
    }
}
