//! The evaluation report, as text and JSON, for both input kinds: never
//! fails, and the JSON parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use p3p::explain::{Report, Select};
use p3p::ie6::{CookieKind, Level, Party};
use p3p::parse::Mode;

fuzz_target!(|data: &[u8]| {
    let (select, input) = match data.split_first() {
        Some((&b, rest)) => (select_from(b), rest),
        None => (Select::default(), data),
    };
    let mut out = String::new();
    for mode in [Mode::Header, Mode::Tokens] {
        let report = Report::new(input, mode);
        out.clear();
        report.write_text(&mut out, select).expect("text report");
        assert!(out.starts_with("Compact policy: "), "{out}");
        out.clear();
        report.write_json(&mut out, select).expect("JSON report");
        assert!(out.starts_with("{\"input\":"), "{out}");
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&out) {
            panic!("invalid JSON ({e}): {out}");
        }
        let _ = report.fixes();
        report.diagnostics(|d| assert!(d.offset + d.len <= input.len()));
    }
});

fn select_from(b: u8) -> Select {
    Select {
        level: (b & 0x08 != 0).then(|| Level::ALL[usize::from(b & 0x07) % 6]),
        party: (b & 0x10 != 0).then_some(if b & 0x20 != 0 { Party::Third } else { Party::First }),
        cookie: (b & 0x40 != 0).then_some(if b & 0x80 != 0 { CookieKind::Persistent } else { CookieKind::Session }),
    }
}
