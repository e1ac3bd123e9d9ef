//! `Set-Cookie` values: inspection and every rewrite. The kind and whether
//! the cookie deletes agree with an independent, literal reading of RFC
//! 6265 (tests/support/cookie_oracle.rs), with and without a clock;
//! outputs never grow past the documented bound, downgrade and leash are
//! idempotent, and a downgraded cookie has no lifetime attribute left. The
//! one-pass call (`apply`) gives, for every action, the decision and the
//! bytes of deciding then rewriting. A cookie plan (the C calls and
//! `Plan::apply`) gives what the direct calls give, at every level and
//! party, with and without a policy or a profile, in buffers that fit and
//! that do not.
#![no_main]

#[path = "../../support/cookie_oracle.rs"]
mod oracle;

use libfuzzer_sys::fuzz_target;
use p3p::cookie::{apply, capacity_for, decide_cookie, inspect, rewrite, CookieError, Plan, LEASH_EXTRA};
use p3p::ffi::types::*;
use p3p::ffi::{
    p3p_cookie_apply, p3p_cookie_plan, p3p_cookie_plan_apply, p3p_cookie_plan_make, p3p_profile_builtin,
    p3p_profile_cookie_apply, p3p_profile_cookie_plan,
};
use p3p::ie6::{Action, CookieKind, Decision, Level, Party, Reason};
use p3p::{Policy, Profile};

fuzz_target!(|data: &[u8]| {
    for now in [None, Some(1_700_000_000)] {
        let want = oracle::lifetime(data, now);
        let got = inspect(data, now)
            .ok()
            .map(|i| oracle::Lifetime { persistent: i.kind == CookieKind::Persistent, deletion: i.deletion });
        assert_eq!(got, want, "{:?} at {now:?}", String::from_utf8_lossy(data));
    }
    let info = inspect(data, Some(1_700_000_000));
    let bad_byte = data.iter().position(|&b| (b < 0x20 && b != b'\t') || b == 0x7f);
    match (info, bad_byte) {
        (Err(CookieError::ControlByte(i)), Some(j)) => assert_eq!(i, j),
        (Ok(info), None) => {
            assert!(info.name_offset + info.name_len <= data.len());
            if info.deletion {
                assert_eq!(info.kind, CookieKind::Persistent);
            }
        }
        (other, _) => panic!("inspect: {other:?}, control byte at {bad_byte:?}"),
    }

    let blocked = Decision { action: Action::Block, reason: Reason::NoPolicyBlock };
    if let Ok((d, info)) = decide_cookie(data, Some(1_700_000_000), |_| blocked) {
        assert_eq!(d.action == Action::Accept, info.deletion);
    }

    // One pass against two steps, for every action a decision can have.
    for now in [None, Some(1_700_000_000)] {
        for action in Action::ALL {
            let decide = |_| Decision { action, reason: Reason::NoPolicyBlock };
            let mut one = vec![0xA5u8; data.len() + LEASH_EXTRA];
            match (apply(data, now, decide, &mut one), decide_cookie(data, now, decide)) {
                (Err(e), Err(f)) => assert_eq!(e, f),
                (Ok(a), Ok((d, info))) => {
                    assert_eq!((a.decision, a.info), (d, info));
                    let mut two = vec![0u8; data.len() + LEASH_EXTRA];
                    let n = rewrite(data, d.action, &mut two).expect("rewrite");
                    if matches!(d.action, Action::Downgrade | Action::Leash) {
                        assert_eq!(&one[..a.len], &two[..n], "{action:?}");
                    } else {
                        assert_eq!(a.len, 0);
                        assert!(one.iter().all(|b| *b == 0xA5), "{action:?}: written for {:?}", d.action);
                    }
                }
                (a, b) => panic!("{action:?}: one pass {a:?}, two steps {b:?}"),
            }
        }
    }

    plans_agree(data);

    let mut out = vec![0u8; data.len() + LEASH_EXTRA];
    let mut again = vec![0u8; data.len() + 2 * LEASH_EXTRA];
    for action in Action::ALL {
        let cap = capacity_for(action, data.len());
        let n = match rewrite(data, action, &mut out[..cap]) {
            Ok(n) => n,
            Err(CookieError::ControlByte(_)) if bad_byte.is_some() => continue,
            Err(e) => panic!("{action:?}: {e:?}"),
        };
        assert!(bad_byte.is_none(), "{action:?} accepted a control byte");
        let result = &out[..n];
        match action {
            Action::Accept => assert_eq!(result, data),
            Action::Block | Action::Prompt => assert_eq!(n, 0),
            Action::Downgrade => {
                assert!(n <= data.len());
                assert!(!has_attr(result, b"expires"), "{:?}", String::from_utf8_lossy(result));
                assert!(!has_attr(result, b"max-age"), "{:?}", String::from_utf8_lossy(result));
                let info = inspect(result, Some(1_700_000_000)).expect("inspect downgraded");
                assert_eq!(info.kind, CookieKind::Session);
                let m = rewrite(result, Action::Downgrade, &mut again[..n]).expect("downgrade twice");
                assert_eq!(&again[..m], result, "downgrade is not idempotent");
            }
            Action::Leash => {
                assert!(n <= data.len() + LEASH_EXTRA);
                assert_eq!(count_attr(result, b"samesite"), 1, "{:?}", String::from_utf8_lossy(result));
                let m = rewrite(result, Action::Leash, &mut again[..n + LEASH_EXTRA]).expect("leash twice");
                assert_eq!(&again[..m], result, "leash is not idempotent");
            }
        }
        // One byte less than the bound is refused, and nothing is claimed written.
        if cap > 0 {
            assert!(matches!(rewrite(data, action, &mut out[..cap - 1]), Err(CookieError::BufferTooSmall { .. })));
        }
    }
});

/// What one C call returned and wrote: status, decision, length, buffer.
type Called = (p3p_status, p3p_cookie_decision, usize, Vec<u8>);

/// One C call on `data` into a fresh, marked buffer of `cap` bytes.
fn call(
    data: &[u8],
    cap: usize,
    f: impl FnOnce(*const u8, usize, &mut p3p_cookie_decision, *mut u8, usize, &mut usize) -> p3p_status,
) -> Called {
    let mut buf = vec![0xA5u8; cap];
    let mut d = p3p_cookie_decision { action: 77, ..Default::default() };
    let mut n = usize::MAX;
    let s = f(data.as_ptr(), data.len(), &mut d, buf.as_mut_ptr(), cap, &mut n);
    (s, d, n, buf)
}

/// The plan path against the direct one: the C calls (status, decision,
/// length, every byte of the buffer) and the Rust `Plan`.
fn plans_agree(data: &[u8]) {
    let seed =
        p3p::parse_header(br#"CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA""#);
    let mut mozilla = Profile::custom();
    // SAFETY: a valid name and out pointer.
    assert_eq!(unsafe { p3p_profile_builtin(b"mozilla:dadfradf".as_ptr(), 16, &mut mozilla) }, P3P_STATUS_OK);
    let now = 1_700_000_000;
    for policy in [None, Some(&seed)] {
        let pp = policy.map_or(core::ptr::null(), |p| p as *const Policy);
        for level in 0..6 {
            let moz_level = level % 4;
            for party in 0..2 {
                let (mut plan, mut moz_plan) = (p3p_cookie_plan::default(), p3p_cookie_plan::default());
                // SAFETY (this block and the calls below): valid pointers,
                // the buffers from `call`.
                unsafe {
                    assert_eq!(p3p_cookie_plan_make(pp, level, party, &mut plan), P3P_STATUS_OK);
                    assert_eq!(p3p_profile_cookie_plan(&mozilla, pp, moz_level, party, &mut moz_plan), P3P_STATUS_OK);
                }
                for cap in [data.len() + LEASH_EXTRA, data.len()] {
                    let direct = call(data, cap, |v, len, d, o, c, n| unsafe {
                        p3p_cookie_apply(pp, level, party, v, len, now, d, o, c, n)
                    });
                    let planned = call(data, cap, |v, len, d, o, c, n| unsafe {
                        p3p_cookie_plan_apply(&plan, v, len, now, d, o, c, n)
                    });
                    assert_eq!(direct, planned, "level {level} party {party} cap {cap}");
                    let direct = call(data, cap, |v, len, d, o, c, n| unsafe {
                        p3p_profile_cookie_apply(&mozilla, pp, moz_level, party, v, len, now, d, o, c, n)
                    });
                    let planned = call(data, cap, |v, len, d, o, c, n| unsafe {
                        p3p_cookie_plan_apply(&moz_plan, v, len, now, d, o, c, n)
                    });
                    assert_eq!(direct, planned, "mozilla level {moz_level} party {party} cap {cap}");
                }
                // The Rust plan, against `apply` with the same decisions.
                let (l, p) = (Level::from_u32(level).unwrap(), Party::from_u32(party).unwrap());
                let decide = |kind| p3p::ie6::decide(policy, l, p, kind);
                let (mut a, mut b) = (vec![0u8; data.len() + LEASH_EXTRA], vec![0u8; data.len() + LEASH_EXTRA]);
                let x = apply(data, Some(now), decide, &mut a);
                let y = Plan::new(decide).apply(data, Some(now), &mut b);
                assert_eq!((x, a), (y, b));
            }
        }
    }
}

/// The attribute names after the `name=value` pair, trimmed as RFC 6265 does.
fn attr_names(s: &[u8]) -> impl Iterator<Item = &[u8]> {
    s.split(|b| *b == b';').skip(1).map(|a| {
        let name = a.split(|b| *b == b'=').next().unwrap_or(&[]);
        trim(name)
    })
}

fn trim(mut s: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = s {
        s = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = s {
        s = rest;
    }
    s
}

fn has_attr(s: &[u8], name: &[u8]) -> bool {
    count_attr(s, name) > 0
}

fn count_attr(s: &[u8], name: &[u8]) -> usize {
    attr_names(s).filter(|n| n.eq_ignore_ascii_case(name)).count()
}
