//! Cookie plans against the direct calls: for every level, party and kind,
//! under many policies and profiles, `p3p_cookie_plan_apply` must give what
//! `p3p_cookie_apply` / `p3p_profile_cookie_apply` give (status, decision,
//! length, bytes), for buffers that fit, are too small, or ask for the size.

#[path = "support/rng.rs"]
mod rng;

use std::path::Path;
use std::ptr::{null, null_mut};

use p3p::ffi::types::*;
use p3p::ffi::*;
use p3p::{Policy, Profile};
use rng::Rng;

const NOW: i64 = 1_700_000_000;

/// What one call gave: status, decision, length and the bytes written
/// (the whole buffer, so a write where none belongs shows too).
type Outcome = (p3p_status, p3p_cookie_decision, usize, Vec<u8>);

/// A direct call: `(value, now, out, out_cap, out_decision, out_len)`.
type Direct<'a> = &'a dyn Fn(&[u8], i64, *mut u8, usize, &mut p3p_cookie_decision, &mut usize) -> p3p_status;

/// The buffers each value is tried with: room for any action, exactly
/// the value's length, one byte, and the `(NULL, 0)` size query.
fn caps(len: usize) -> [Option<usize>; 4] {
    [Some(len + P3P_COOKIE_LEASH_EXTRA), Some(len), Some(1), None]
}

/// Runs `call(out, cap, decision, len)` with a fresh, marked buffer.
fn run(cap: Option<usize>, call: impl FnOnce(*mut u8, usize, &mut p3p_cookie_decision, &mut usize) -> u32) -> Outcome {
    let mut buf = vec![0xa5u8; cap.unwrap_or(0)];
    let mut d = p3p_cookie_decision { action: 77, ..Default::default() };
    let mut n = 12345usize;
    let (ptr, cap) = match cap {
        Some(c) => (buf.as_mut_ptr(), c),
        None => (null_mut(), 0),
    };
    let s = call(ptr, cap, &mut d, &mut n);
    (s, d, n, buf)
}

fn parse(v: &[u8]) -> Policy {
    let mut p = Policy::default();
    // SAFETY: a valid slice and out pointer.
    assert_eq!(unsafe { p3p_policy_parse(v.as_ptr(), v.len(), &mut p) }, P3P_STATUS_OK);
    p
}

fn policies() -> Vec<Option<Policy>> {
    let text = include_str!("data/policies.txt");
    let mut all: Vec<Option<Policy>> = text.lines().map(|l| Some(parse(l.as_bytes()))).collect();
    all.push(None);
    all
}

/// The cookie corpus, values built from attribute pieces, and control bytes.
fn cookies() -> Vec<Vec<u8>> {
    let mut all: Vec<Vec<u8>> = include_str!("data/cookies.txt").lines().map(|l| l.as_bytes().to_vec()).collect();
    let pieces: [&[u8]; 14] = [
        b"; Max-Age=60",
        b"; Max-Age=0",
        b"; max-age=-3",
        b"; Max-Age=x",
        b"; Expires=Wed, 21 Oct 2037 07:28:00 GMT",
        b"; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        b"; Expires=Fri, 31 Feb 2000 00:00:00 GMT",
        b"; SameSite=None",
        b";samesite=Strict",
        b"; Path=/",
        b"; Secure",
        b"; HttpOnly",
        b"\r\nX: y",
        b";\t",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..300 {
        let mut v = if i % 7 == 0 { Vec::new() } else { b"c=v".to_vec() };
        for _ in 0..rng.below(6) {
            v.extend_from_slice(pieces[rng.below(pieces.len())]);
        }
        all.push(v);
    }
    all.push(b"a=1".to_vec());
    all.push(Vec::new());
    all
}

/// Compares the plan path with `direct` for every value, clock and
/// buffer; `made` is the plan and the status making it gave.
fn compare(what: &str, made: (p3p_status, &p3p_cookie_plan), direct: Direct<'_>, values: &[Vec<u8>]) -> usize {
    let mut compared = 0;
    for v in values {
        for now in [NOW, 0] {
            for cap in caps(v.len()) {
                let want = run(cap, |o, c, d, n| direct(v, now, o, c, d, n));
                if made.0 != P3P_STATUS_OK {
                    // The plan's failure is the status every cookie gets.
                    assert_eq!(want.0, made.0, "{what}: {:?}", String::from_utf8_lossy(v));
                    continue;
                }
                let got = run(cap, |o, c, d, n| {
                    // SAFETY: the pointers come from `run`, valid for `c` bytes.
                    unsafe { p3p_cookie_plan_apply(made.1, v.as_ptr(), v.len(), now, d, o, c, n) }
                });
                assert_eq!(got, want, "{what}: {:?} now {now} cap {cap:?}", String::from_utf8_lossy(v));
                compared += 1;
            }
        }
    }
    compared
}

#[test]
fn the_plan_path_is_the_direct_path_for_the_ie6_levels() {
    let values = cookies();
    let mut compared = 0;
    let mut actions = [0usize; 5];
    for policy in policies() {
        let pp = policy.as_ref().map_or(null(), |p| p as *const Policy);
        // Levels and parties out of range too: the plan refuses them as the call does.
        for level in 0..7 {
            for party in 0..3 {
                let mut plan = p3p_cookie_plan::default();
                // SAFETY: valid pointers.
                let s = unsafe { p3p_cookie_plan_make(pp, level, party, &mut plan) };
                if s == P3P_STATUS_OK {
                    actions[plan.session.action as usize] += 1;
                    actions[plan.persistent.action as usize] += 1;
                } else {
                    assert_eq!(plan, p3p_cookie_plan::default(), "nothing written on failure");
                }
                let direct = |v: &[u8], now, o, c, d: &mut _, n: &mut _| {
                    // SAFETY: valid pointers, from `run`.
                    unsafe { p3p_cookie_apply(pp, level, party, v.as_ptr(), v.len(), now, d, o, c, n) }
                };
                compared += compare(&format!("level {level} party {party}"), (s, &plan), &direct, &values);
            }
        }
    }
    // Every action was planned somewhere, and many cookies went through.
    assert!(actions[..4].iter().all(|&n| n > 0), "{actions:?}");
    assert!(compared > 100_000, "{compared}");
}

fn builtin(name: &str) -> Box<Profile> {
    let mut profile = Box::new(Profile::custom());
    // SAFETY: a valid name and out pointer.
    assert_eq!(unsafe { p3p_profile_builtin(name.as_ptr(), name.len(), &mut *profile) }, P3P_STATUS_OK);
    profile
}

#[test]
fn the_plan_path_is_the_direct_path_for_profiles() {
    let values: Vec<Vec<u8>> = cookies().into_iter().step_by(3).collect();
    let mut profiles: Vec<(String, Box<Profile>)> =
        ["ie6", "ie6-strict", "mozilla", "mozilla:dddddddd"].iter().map(|n| (n.to_string(), builtin(n))).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let profile = Box::new(Profile::load_file(&path).unwrap());
        profiles.push((path.display().to_string(), profile));
    }
    // A profile value the library never made: every decision fails.
    let mut damaged = builtin("mozilla");
    // SAFETY: the profile is plain bytes; a byte pattern the library does not use.
    unsafe { std::ptr::write_bytes(&mut *damaged as *mut Profile as *mut u8, 0xee, 8) };
    profiles.push(("damaged".into(), damaged));

    let mut failed = 0;
    for (name, profile) in &profiles {
        for policy in policies().into_iter().step_by(2) {
            let pp = policy.as_ref().map_or(null(), |p| p as *const Policy);
            for level in [0, 1, 2, 3, 4, 5, 9] {
                for party in 0..3 {
                    let pr: &Profile = profile;
                    let mut plan = p3p_cookie_plan::default();
                    // SAFETY: valid pointers.
                    let s = unsafe { p3p_profile_cookie_plan(pr, pp, level, party, &mut plan) };
                    failed += usize::from(s != P3P_STATUS_OK);
                    let direct = |v: &[u8], now, o, c, d: &mut _, n: &mut _| {
                        // SAFETY: valid pointers, from `run`.
                        unsafe { p3p_profile_cookie_apply(pr, pp, level, party, v.as_ptr(), v.len(), now, d, o, c, n) }
                    };
                    compare(&format!("{name} level {level} party {party}"), (s, &plan), &direct, &values);
                }
            }
        }
    }
    assert!(failed > 0);
}

#[test]
fn plans_not_made_by_the_library_are_refused() {
    let v = b"id=1; Max-Age=60";
    let mut out = [0u8; 64];
    let mut d = p3p_cookie_decision::default();
    let mut n = 0usize;
    let mut good = p3p_cookie_plan::default();
    // SAFETY: valid pointers.
    assert_eq!(unsafe { p3p_cookie_plan_make(null(), P3P_LEVEL_ACCEPT_ALL, P3P_PARTY_FIRST, &mut good) }, 0);
    let mut wild_action = good;
    wild_action.persistent.action = 5;
    let mut wild_reason = good;
    wild_reason.session.reason = 4000;
    let mut unmarked = good;
    unmarked.check = 0;
    for bad in [p3p_cookie_plan::default(), wild_action, wild_reason, unmarked] {
        // SAFETY: valid pointers.
        let s = unsafe { p3p_cookie_plan_apply(&bad, v.as_ptr(), v.len(), 0, &mut d, out.as_mut_ptr(), 64, &mut n) };
        assert_eq!(s, P3P_STATUS_INVALID_ARGUMENT);
    }
    assert_eq!((d, n), (p3p_cookie_decision::default(), 0), "nothing written");
    // SAFETY: NULL pointers, which are refused.
    unsafe {
        let o = out.as_mut_ptr();
        assert_eq!(p3p_cookie_plan_apply(null(), v.as_ptr(), v.len(), 0, &mut d, o, 64, &mut n), 1);
        assert_eq!(p3p_cookie_plan_apply(&good, v.as_ptr(), v.len(), 0, null_mut(), o, 64, &mut n), 1);
        assert_eq!(p3p_cookie_plan_apply(&good, v.as_ptr(), v.len(), 0, &mut d, o, 64, null_mut()), 1);
        assert_eq!(p3p_cookie_plan_apply(&good, null(), 3, 0, &mut d, o, 64, &mut n), 1);
        assert_eq!(p3p_cookie_plan_make(null(), 3, 0, null_mut()), 1);
        assert_eq!(p3p_profile_cookie_plan(null(), null(), 3, 0, &mut good), 1);
        // The empty value with (NULL, 0) everywhere is a session cookie.
        assert_eq!(p3p_cookie_plan_apply(&good, null(), 0, 0, &mut d, null_mut(), 0, &mut n), 0);
        assert_eq!((d.kind, d.action, n), (P3P_COOKIE_SESSION, P3P_ACTION_ACCEPT, 0));
    }
}
