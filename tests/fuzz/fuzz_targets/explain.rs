//! The evaluation report, as text and JSON, for both input kinds, plain
//! and under every kind of profile: never fails, and every JSON report
//! parses and keeps the contract's fields (tests/support/json_contract.rs).
#![no_main]

#[path = "../../support/json_contract.rs"]
mod json_contract;

use std::sync::OnceLock;

use json_contract::Kind;
use libfuzzer_sys::fuzz_target;
use p3p::explain::{NamedProfile, ProfileSelect, Report, Select};
use p3p::ie6::{CookieKind, Level, Party};
use p3p::parse::Mode;
use p3p::Profile;

fn profiles() -> &'static [(&'static str, Profile)] {
    static P: OnceLock<Vec<(&'static str, Profile)>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<(&'static str, Profile)> = ["ie6-strict", "mozilla", "mozilla:drdraaaa"]
            .into_iter()
            .map(|n| (n, Profile::builtin(n.as_bytes()).expect("built-in profile")))
            .collect();
        let file = include_bytes!("../../../profiles/no-tracking.xml");
        v.push(("no-tracking.xml", Profile::load(file).expect("shipped profile")));
        v
    })
}

fuzz_target!(|data: &[u8]| {
    let (selector, input) = match data.split_first() {
        Some((&b, rest)) => (b, rest),
        None => (0, data),
    };
    let select = select_from(selector);
    let mut out = String::new();
    for mode in [Mode::Header, Mode::Tokens] {
        let report = Report::new(input, mode);
        out.clear();
        report.write_text(&mut out, select).expect("text report");
        assert!(out.starts_with("Compact policy: "), "{out}");
        out.clear();
        report.write_json(&mut out, select).expect("JSON report");
        json_contract::check(&out, input, Kind::Ie6);
        let _ = report.fixes();
        report.diagnostics(|d| assert!(d.offset + d.len <= input.len()));

        let (name, profile) = &profiles()[usize::from(selector) % profiles().len()];
        let named = NamedProfile { profile, name };
        let pselect = ProfileSelect { level: select.level.map(|l| l as u32 % 4), party: select.party, cookie: select.cookie };
        out.clear();
        report.write_profile_text(&mut out, named, pselect).expect("profile text report");
        out.clear();
        report.write_profile_json(&mut out, named, pselect).expect("profile JSON report");
        let v = json_contract::check(&out, input, Kind::Profile(profile.level_keys()));
        let policy = Some(&report.policy);
        assert_eq!(v["class"], profile.class_of(policy).expect("class").name());
        assert_eq!(v["verdict"], profile.verdict_of(policy).expect("verdict").name());
    }
});

fn select_from(b: u8) -> Select {
    Select {
        level: (b & 0x08 != 0).then(|| Level::ALL[usize::from(b & 0x07) % 6]),
        party: (b & 0x10 != 0).then_some(if b & 0x20 != 0 { Party::Third } else { Party::First }),
        cookie: (b & 0x40 != 0).then_some(if b & 0x80 != 0 { CookieKind::Persistent } else { CookieKind::Session }),
    }
}
