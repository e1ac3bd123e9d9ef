//! The import-file loader: any bytes either load into a profile that decides
//! every cell (never downgrading a session cookie) and states its class and
//! verdict, or give errors with sane positions; never a panic. A loaded
//! profile picks the rule the definition picks (the first whose `must`
//! symbols are all present and `must_not` symbols all absent), and the C
//! ABI decides as the Rust API does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use p3p::ffi::p3p_profile_decide;
use p3p::ffi::types::{p3p_decision, P3P_STATUS_OK};
use p3p::ie6::{CookieKind, Party};
use p3p::profile::{symbols, RuleSet};
use p3p::{Policy, Profile};

/// The 1-based number of the first rule that matches, by the definition.
fn first_rule(set: &RuleSet, policy: &Policy) -> u32 {
    let s = symbols(policy);
    let hit = set
        .rules()
        .iter()
        .position(|r| (r.must[0] & !s[0]) | (r.must[1] & !s[1]) | (r.must_not[0] & s[0]) | (r.must_not[1] & s[1]) == 0);
    hit.map_or(0, |i| i as u32 + 1)
}

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
                        let set = &profile.parties[party as usize];
                        let session_allowed = cookie == CookieKind::Session && set.always_allow_session != 0;
                        if let Some(p) = p.filter(|_| !session_allowed) {
                            assert_eq!(o.rule, first_rule(set, p), "{party:?} {cookie:?}");
                        }
                        let mut out = p3p_decision { action: 99, reason: 99 };
                        let ptr = p.map_or(core::ptr::null(), core::ptr::from_ref);
                        // SAFETY: valid pointers to values that live through the call.
                        let status =
                            unsafe { p3p_profile_decide(&profile, ptr, 0, party as u32, cookie as u32, &mut out) };
                        assert_eq!(status, P3P_STATUS_OK);
                        assert_eq!(out, p3p_decision::from(o.decision), "C ABI against Rust, {party:?} {cookie:?}");
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
