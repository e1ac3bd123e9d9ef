//! The import-file loader: any bytes either load into a profile that decides
//! every cell (never downgrading a session cookie) and states its class and
//! verdict, or give errors with sane positions; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use p3p::ie6::{CookieKind, Party};
use p3p::Profile;

fuzz_target!(|data: &[u8]| {
    match Profile::load(data) {
        Ok(profile) => {
            for set in &profile.parties {
                assert!(set.rule_count as usize <= p3p::profile::P3P_PROFILE_MAX_RULES);
            }
            let policy = p3p::parse_tokens(b"NOI CUR CONo PHY OUR SAMi");
            for party in Party::ALL {
                for cookie in CookieKind::ALL {
                    for p in [Some(&policy), None] {
                        let o = profile.decide(p, 0, party, cookie).expect("a loaded profile decides");
                        if cookie == CookieKind::Session {
                            assert_ne!(o.decision.action, p3p::ie6::Action::Downgrade, "a session cookie downgraded");
                        }
                    }
                }
            }
            profile.class_of(Some(&policy)).expect("class");
            profile.verdict_of(Some(&policy)).expect("verdict");
        }
        Err(errors) => {
            assert!(!errors.is_empty() && errors.len() <= 100);
            let lines = data.iter().filter(|b| **b == b'\n').count() as u32 + 1;
            for e in &errors {
                assert!(e.line >= 1 && e.column >= 1, "{e:?}");
                assert!(e.line <= lines, "{e:?} past line {lines}");
                let _ = e.to_string();
            }
        }
    }
});
