//! The C ABI contract, exercised from Rust: NULL handling, `(NULL, 0)` as
//! the empty input, out-of-range integers, out-parameters untouched on
//! failure, buffer sizing, and static strings for every value.

use std::ffi::CStr;
use std::ptr::{null, null_mut};

use p3p::ffi::types::*;
use p3p::ffi::*;
use p3p::Policy;

const SEED: &[u8] = b"CP=\"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA\"";

fn parse(v: &[u8]) -> Policy {
    let mut p = Policy::default();
    // SAFETY: valid slice and out pointer.
    assert_eq!(unsafe { p3p_policy_parse(v.as_ptr(), v.len(), &mut p) }, P3P_STATUS_OK);
    p
}

fn cstr(p: *const std::ffi::c_char) -> &'static str {
    assert!(!p.is_null());
    // SAFETY: the library returns static NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }.to_str().unwrap()
}

#[test]
fn null_and_empty_inputs() {
    let mut p = Policy { flags: 0xdead, ..Policy::default() };
    // SAFETY: each call passes NULL where the contract allows or forbids it.
    unsafe {
        assert_eq!(p3p_policy_parse(null(), 0, &mut p), P3P_STATUS_OK);
        assert!(!p.is_present());
        let mut q = Policy { flags: 0xdead, ..Policy::default() };
        assert_eq!(p3p_policy_parse(null(), 1, &mut q), P3P_STATUS_NULL_ARGUMENT);
        assert_eq!(q.flags, 0xdead, "out untouched on failure");
        assert_eq!(p3p_policy_parse(SEED.as_ptr(), SEED.len(), null_mut()), P3P_STATUS_NULL_ARGUMENT);
        assert_eq!(p3p_policy_parse_tokens(null(), 0, &mut q), P3P_STATUS_OK);
        assert!(q.is_present() && q.flag(p3p::policy::P3P_POLICY_EMPTY));
    }
}

#[test]
fn decide_checks_its_integers() {
    let p = parse(SEED);
    let mut d = p3p_decision { action: 77, reason: 77 };
    // SAFETY: valid pointers throughout.
    unsafe {
        assert_eq!(p3p_decide(&p, 6, 0, 0, &mut d), P3P_STATUS_INVALID_ARGUMENT);
        assert_eq!(p3p_decide(&p, 0, 2, 0, &mut d), P3P_STATUS_INVALID_ARGUMENT);
        assert_eq!(p3p_decide(&p, 0, 0, 2, &mut d), P3P_STATUS_INVALID_ARGUMENT);
        assert_eq!(p3p_decide(&p, u32::MAX, 0, 0, &mut d), P3P_STATUS_INVALID_ARGUMENT);
        assert_eq!(d, p3p_decision { action: 77, reason: 77 });
        assert_eq!(p3p_decide(&p, P3P_LEVEL_MEDIUM, P3P_PARTY_THIRD, P3P_COOKIE_PERSISTENT, &mut d), P3P_STATUS_OK);
        assert_eq!(d, p3p_decision { action: P3P_ACTION_BLOCK, reason: P3P_REASON_OPT_OUT_MISSING_BLOCK });
        assert_eq!(p3p_decide(null(), P3P_LEVEL_HIGH, P3P_PARTY_FIRST, P3P_COOKIE_SESSION, &mut d), P3P_STATUS_OK);
        assert_eq!(d.reason, P3P_REASON_NO_POLICY_BLOCK);
        assert_eq!(p3p_decide(&p, 0, 0, 0, null_mut()), P3P_STATUS_NULL_ARGUMENT);
    }
}

#[test]
fn grid_agrees_with_single_decisions() {
    let p = parse(SEED);
    let mut g = p3p_grid::default();
    // SAFETY: valid pointers.
    unsafe {
        assert_eq!(p3p_decide_grid(&p, &mut g), P3P_STATUS_OK);
        for party in 0..2 {
            for cookie in 0..2 {
                for level in 0..6 {
                    let mut d = p3p_decision::default();
                    assert_eq!(p3p_decide(&p, level, party, cookie, &mut d), P3P_STATUS_OK);
                    assert_eq!(g.cells[party as usize][cookie as usize][level as usize], d);
                }
            }
        }
    }
}

#[test]
fn class_and_verdict() {
    let p = parse(SEED);
    let (mut c, mut v) = (99, 99);
    // SAFETY: valid pointers.
    unsafe {
        assert_eq!(p3p_policy_class(&p, &mut c), P3P_STATUS_OK);
        assert_eq!(p3p_policy_verdict(&p, &mut v), P3P_STATUS_OK);
        assert_eq!((c, v), (P3P_CLASS_NONE, P3P_VERDICT_UNSATISFACTORY));
        assert_eq!(p3p_policy_class(null(), &mut c), P3P_STATUS_OK);
        assert_eq!(c, P3P_CLASS_NO_POLICY);
        assert_eq!(cstr(p3p_class_str(c)), "no_policy");
        assert_eq!(cstr(p3p_verdict_str(v)), "unsatisfactory");
    }
}

#[test]
fn cookie_rewrite_contract() {
    let c = b"id=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/";
    let mut out = [0xAAu8; 128];
    let mut n = 12345usize;
    // SAFETY: valid pointers and capacities.
    unsafe {
        assert_eq!(
            p3p_cookie_rewrite(c.as_ptr(), c.len(), 9, out.as_mut_ptr(), out.len(), &mut n),
            P3P_STATUS_INVALID_ARGUMENT
        );
        assert_eq!(
            p3p_cookie_rewrite(c.as_ptr(), c.len(), P3P_ACTION_DOWNGRADE, out.as_mut_ptr(), c.len() - 1, &mut n),
            P3P_STATUS_BUFFER_TOO_SMALL
        );
        assert_eq!(
            p3p_cookie_rewrite(
                c.as_ptr(),
                c.len(),
                P3P_ACTION_LEASH,
                out.as_mut_ptr(),
                c.len() + P3P_COOKIE_LEASH_EXTRA - 1,
                &mut n
            ),
            P3P_STATUS_BUFFER_TOO_SMALL
        );
        // A buffer too small: the size needed (the action's capacity), nothing in out.
        assert_eq!(n, c.len() + P3P_COOKIE_LEASH_EXTRA);
        assert!(out.iter().all(|b| *b == 0xAA), "out untouched on failure");
        n = 12345;
        assert_eq!(
            p3p_cookie_rewrite(c.as_ptr(), c.len(), P3P_ACTION_DOWNGRADE, null_mut(), 0, &mut n),
            P3P_STATUS_OK,
            "(NULL, 0) asks for the size"
        );
        assert_eq!(n, c.len());
        assert_eq!(p3p_cookie_rewrite(c.as_ptr(), c.len(), P3P_ACTION_LEASH, null_mut(), 0, &mut n), P3P_STATUS_OK);
        assert_eq!(n, c.len() + P3P_COOKIE_LEASH_EXTRA);
        assert_eq!(
            p3p_cookie_rewrite(c.as_ptr(), c.len(), P3P_ACTION_DOWNGRADE, out.as_mut_ptr(), c.len(), &mut n),
            P3P_STATUS_OK
        );
        assert_eq!(&out[..n], b"id=1; Path=/");
        assert_eq!(p3p_cookie_rewrite(c.as_ptr(), c.len(), P3P_ACTION_BLOCK, null_mut(), 0, &mut n), P3P_STATUS_OK);
        assert_eq!(n, 0);
        let bad = b"id=1\r\nLocation: x";
        n = 777;
        assert_eq!(
            p3p_cookie_rewrite(bad.as_ptr(), bad.len(), P3P_ACTION_ACCEPT, out.as_mut_ptr(), out.len(), &mut n),
            P3P_STATUS_COOKIE_CONTROL_BYTE
        );
        assert_eq!(
            p3p_cookie_rewrite(bad.as_ptr(), bad.len(), P3P_ACTION_ACCEPT, null_mut(), 0, &mut n),
            P3P_STATUS_COOKIE_CONTROL_BYTE
        );
        assert_eq!(n, 777, "*out_len untouched on other failures");
        assert_eq!(
            p3p_cookie_rewrite(null(), 3, P3P_ACTION_ACCEPT, out.as_mut_ptr(), out.len(), &mut n),
            P3P_STATUS_NULL_ARGUMENT
        );
        assert_eq!(
            p3p_cookie_rewrite(c.as_ptr(), c.len(), P3P_ACTION_ACCEPT, null_mut(), 64, &mut n),
            P3P_STATUS_NULL_ARGUMENT
        );
    }
}

#[test]
fn cookie_decide_reads_the_cookie() {
    let p = parse(SEED);
    let mut d = p3p_cookie_decision::default();
    let c = b" tracker = 1; Max-Age=60";
    // SAFETY: valid pointers.
    unsafe {
        assert_eq!(
            p3p_cookie_decide(&p, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, c.as_ptr(), c.len(), 1_700_000_000, &mut d),
            P3P_STATUS_OK
        );
        assert_eq!((d.action, d.kind, d.flags), (P3P_ACTION_DOWNGRADE, P3P_COOKIE_PERSISTENT, 0));
        assert_eq!(&c[d.name_offset..d.name_offset + d.name_len], b"tracker");
        let del = b"tracker=; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
        assert_eq!(
            p3p_cookie_decide(&p, P3P_LEVEL_BLOCK_ALL, P3P_PARTY_THIRD, del.as_ptr(), del.len(), 1_700_000_000, &mut d),
            P3P_STATUS_OK
        );
        assert_eq!(
            (d.action, d.reason, d.flags),
            (P3P_ACTION_ACCEPT, P3P_REASON_COOKIE_DELETION, P3P_COOKIE_FLAG_DELETION)
        );
        // Without a clock, an old Expires is only a persistent cookie.
        assert_eq!(
            p3p_cookie_decide(&p, P3P_LEVEL_BLOCK_ALL, P3P_PARTY_THIRD, del.as_ptr(), del.len(), 0, &mut d),
            P3P_STATUS_OK
        );
        assert_eq!(d.action, P3P_ACTION_BLOCK);
        assert_eq!(p3p_cookie_decide(&p, 7, 0, c.as_ptr(), c.len(), 0, &mut d), P3P_STATUS_INVALID_ARGUMENT);
    }
}

#[test]
fn cookie_apply_decides_and_rewrites_in_one_call() {
    let p = parse(SEED);
    let c = b"id=abc123; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly";
    let apply =
        |level: u32, party: u32, v: &[u8], out: *mut u8, cap: usize, d: &mut p3p_cookie_decision, n: &mut usize| {
            // SAFETY: valid pointers; `out` is NULL only with `cap` 0 or in the NULL-argument checks.
            unsafe { p3p_cookie_apply(&p, level, party, v.as_ptr(), v.len(), 1_700_000_000, d, out, cap, n) }
        };
    let mut out = [0xAAu8; 128];
    let mut d = p3p_cookie_decision::default();
    let mut n = 12345usize;
    // Medium, first party: downgraded, the rewrite in out, the name's span.
    assert_eq!(apply(P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, c, out.as_mut_ptr(), out.len(), &mut d, &mut n), P3P_STATUS_OK);
    assert_eq!((d.action, d.kind), (P3P_ACTION_DOWNGRADE, P3P_COOKIE_PERSISTENT));
    assert_eq!(&out[..n], b"id=abc123; Path=/; HttpOnly");
    assert_eq!(&c[d.name_offset..d.name_offset + d.name_len], b"id");
    // Accepted and blocked cookies: nothing written, length 0.
    out.fill(0xAA);
    assert_eq!(apply(P3P_LEVEL_LOW, P3P_PARTY_FIRST, c, out.as_mut_ptr(), out.len(), &mut d, &mut n), P3P_STATUS_OK);
    assert_eq!((d.action, n), (P3P_ACTION_ACCEPT, 0));
    assert_eq!(apply(P3P_LEVEL_HIGH, P3P_PARTY_THIRD, c, out.as_mut_ptr(), out.len(), &mut d, &mut n), P3P_STATUS_OK);
    assert_eq!((d.action, n), (P3P_ACTION_BLOCK, 0));
    assert!(out.iter().all(|b| *b == 0xAA));
    // The same decision as p3p_cookie_decide, for every level and party.
    for level in 0..6 {
        for party in 0..2 {
            let mut want = p3p_cookie_decision::default();
            // SAFETY: valid pointers.
            let s = unsafe { p3p_cookie_decide(&p, level, party, c.as_ptr(), c.len(), 1_700_000_000, &mut want) };
            assert_eq!(s, P3P_STATUS_OK);
            assert_eq!(apply(level, party, c, out.as_mut_ptr(), out.len(), &mut d, &mut n), P3P_STATUS_OK);
            assert_eq!(d, want);
        }
    }
    // (NULL, 0): the decision and the size the action needs, nothing else.
    n = 0;
    assert_eq!(apply(P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, c, null_mut(), 0, &mut d, &mut n), P3P_STATUS_OK);
    assert_eq!((d.action, n), (P3P_ACTION_DOWNGRADE, c.len()));
    assert_eq!(apply(P3P_LEVEL_HIGH, P3P_PARTY_THIRD, c, null_mut(), 0, &mut d, &mut n), P3P_STATUS_OK);
    assert_eq!((d.action, n), (P3P_ACTION_BLOCK, 0));
    // A buffer too small: the size needed, nothing in out or the decision.
    out.fill(0xAA);
    let mut kept = p3p_cookie_decision { action: 0xdead, ..p3p_cookie_decision::default() };
    assert_eq!(
        apply(P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, c, out.as_mut_ptr(), c.len() - 1, &mut kept, &mut n),
        P3P_STATUS_BUFFER_TOO_SMALL
    );
    assert_eq!((n, kept.action), (c.len(), 0xdead));
    assert!(out.iter().all(|b| *b == 0xAA));
    // A leash (no policy, first party, a persistent cookie at Medium)
    // needs room for `; SameSite=Lax`.
    let session = b"sid=xyz; Path=/; Max-Age=60";
    let none = Policy::default();
    // SAFETY: valid pointers.
    let leash = |cap: usize, d: &mut p3p_cookie_decision, n: &mut usize, out: *mut u8| unsafe {
        p3p_cookie_apply(&none, P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, session.as_ptr(), session.len(), 0, d, out, cap, n)
    };
    assert_eq!(leash(0, &mut d, &mut n, null_mut()), P3P_STATUS_OK);
    assert_eq!((d.action, n), (P3P_ACTION_LEASH, session.len() + P3P_COOKIE_LEASH_EXTRA));
    assert_eq!(leash(session.len(), &mut d, &mut n, out.as_mut_ptr()), P3P_STATUS_BUFFER_TOO_SMALL);
    assert_eq!(leash(out.len(), &mut d, &mut n, out.as_mut_ptr()), P3P_STATUS_OK);
    assert_eq!(&out[..n], b"sid=xyz; Path=/; Max-Age=60; SameSite=Lax");
    // Failures write nothing.
    n = 777;
    kept.action = 0xdead;
    let bad = b"id=1\r\nLocation: x";
    assert_eq!(
        apply(P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, bad, out.as_mut_ptr(), out.len(), &mut kept, &mut n),
        P3P_STATUS_COOKIE_CONTROL_BYTE
    );
    assert_eq!(
        apply(6, P3P_PARTY_FIRST, c, out.as_mut_ptr(), out.len(), &mut kept, &mut n),
        P3P_STATUS_INVALID_ARGUMENT
    );
    assert_eq!(
        apply(P3P_LEVEL_MEDIUM, 2, c, out.as_mut_ptr(), out.len(), &mut kept, &mut n),
        P3P_STATUS_INVALID_ARGUMENT
    );
    assert_eq!(
        apply(P3P_LEVEL_MEDIUM, P3P_PARTY_FIRST, c, null_mut(), 64, &mut kept, &mut n),
        P3P_STATUS_NULL_ARGUMENT
    );
    assert_eq!((n, kept.action), (777, 0xdead));
    // SAFETY: NULL out-parameters and a NULL value with a length, which are refused.
    unsafe {
        let v = c.as_ptr();
        let (o, len) = (out.as_mut_ptr(), out.len());
        assert_eq!(p3p_cookie_apply(&p, 3, 0, v, c.len(), 0, null_mut(), o, len, &mut n), P3P_STATUS_NULL_ARGUMENT);
        assert_eq!(p3p_cookie_apply(&p, 3, 0, v, c.len(), 0, &mut d, o, len, null_mut()), P3P_STATUS_NULL_ARGUMENT);
        assert_eq!(p3p_cookie_apply(&p, 3, 0, null(), 4, 0, &mut d, o, len, &mut n), P3P_STATUS_NULL_ARGUMENT);
        // (NULL, 0) is the empty value: a nameless session cookie.
        assert_eq!(p3p_cookie_apply(null(), 3, 0, null(), 0, 0, &mut d, o, len, &mut n), P3P_STATUS_OK);
        assert_eq!((d.kind, d.name_len), (P3P_COOKIE_SESSION, 0));
    }
}

#[test]
fn profile_cookie_apply_matches_the_profile_decision() {
    let p = parse(SEED);
    let c = b"id=abc123; Max-Age=3600; SameSite=None; Secure";
    let (del, bad) = (&b"id=; Max-Age=0"[..], &b"id=1\r\nX: y"[..]);
    let mut out = [0u8; 128];
    let mut d = p3p_cookie_decision::default();
    let mut n = 0usize;
    for name in ["ie6", "ie6-strict", "mozilla", "mozilla:dddddddd"] {
        let profile = builtin(name);
        for level in 0..4 {
            for party in 0..2 {
                let mut want = p3p_cookie_decision::default();
                // SAFETY: valid pointers.
                unsafe {
                    let s = p3p_profile_cookie_decide(&*profile, &p, level, party, c.as_ptr(), c.len(), 0, &mut want);
                    let t = p3p_profile_cookie_apply(
                        &*profile,
                        &p,
                        level,
                        party,
                        c.as_ptr(),
                        c.len(),
                        0,
                        &mut d,
                        out.as_mut_ptr(),
                        out.len(),
                        &mut n,
                    );
                    assert_eq!((s, t), (P3P_STATUS_OK, P3P_STATUS_OK));
                }
                assert_eq!(d, want, "{name} {level} {party}");
                if d.action == P3P_ACTION_DOWNGRADE {
                    assert_eq!(&out[..n], b"id=abc123; SameSite=None; Secure");
                }
            }
        }
    }
    // A bad level is reported first, even for a deletion or a control byte.
    let profile = builtin("ie6");
    for v in [c.as_slice(), del, bad] {
        // SAFETY: valid pointers.
        let s = unsafe {
            p3p_profile_cookie_apply(
                &*profile,
                null(),
                99,
                0,
                v.as_ptr(),
                v.len(),
                0,
                &mut d,
                out.as_mut_ptr(),
                128,
                &mut n,
            )
        };
        assert_eq!(s, P3P_STATUS_INVALID_ARGUMENT);
    }
    // SAFETY: a NULL profile, which is refused.
    let s = unsafe {
        p3p_profile_cookie_apply(null(), null(), 0, 0, c.as_ptr(), c.len(), 0, &mut d, out.as_mut_ptr(), 128, &mut n)
    };
    assert_eq!(s, P3P_STATUS_NULL_ARGUMENT);
}

#[test]
fn diagnostics_and_messages() {
    let v = b"NOI CURR CONA";
    let mut n = 0usize;
    let mut diags = [p3p_diagnostic::default(); 1];
    // SAFETY: valid pointers and capacities.
    unsafe {
        assert_eq!(p3p_diagnostics(v.as_ptr(), v.len(), P3P_INPUT_TOKENS, null_mut(), 0, &mut n), P3P_STATUS_OK);
        let total = n;
        assert!(total >= 2);
        assert_eq!(
            p3p_diagnostics(v.as_ptr(), v.len(), P3P_INPUT_TOKENS, diags.as_mut_ptr(), 1, &mut n),
            P3P_STATUS_OK
        );
        assert_eq!(n, total, "the count is the total even when the array is short");
        assert_eq!(
            (diags[0].code, diags[0].severity, diags[0].offset, diags[0].len),
            (P3P_DIAG_UNKNOWN_TOKEN, P3P_SEVERITY_ERROR, 4, 4)
        );
        let mut len = 0usize;
        assert_eq!(p3p_diagnostic_message(&diags[0], v.as_ptr(), v.len(), null_mut(), 0, &mut len), P3P_STATUS_OK);
        let needed = len;
        let mut buf = vec![0xAAu8; len];
        len = 0;
        assert_eq!(
            p3p_diagnostic_message(&diags[0], v.as_ptr(), v.len(), buf.as_mut_ptr(), needed - 1, &mut len),
            P3P_STATUS_BUFFER_TOO_SMALL
        );
        assert_eq!(len, needed, "the size needed on a buffer too small");
        assert!(buf.iter().all(|b| *b == 0xAA), "nothing written on a buffer too small");
        assert_eq!(
            p3p_diagnostic_message(&diags[0], v.as_ptr(), v.len(), buf.as_mut_ptr(), buf.len(), &mut len),
            P3P_STATUS_OK
        );
        assert_eq!(std::str::from_utf8(&buf[..len]).unwrap(), "unknown token \"CURR\"; did you mean \"CUR\"?");
        let bogus = p3p_diagnostic { code: 999, ..diags[0] };
        assert_eq!(
            p3p_diagnostic_message(&bogus, v.as_ptr(), v.len(), buf.as_mut_ptr(), buf.len(), &mut len),
            P3P_STATUS_INVALID_ARGUMENT
        );
        assert_eq!(p3p_diagnostics(v.as_ptr(), v.len(), 5, null_mut(), 0, &mut n), P3P_STATUS_INVALID_ARGUMENT);
        assert_eq!(p3p_diagnostics(v.as_ptr(), v.len(), 0, null_mut(), 3, &mut n), P3P_STATUS_NULL_ARGUMENT);
    }
}

/// Calls `p3p_explain` with `options` (NULL when `None`): the size query,
/// a buffer one byte short, then the exact buffer; returns the report.
fn explain(value: &[u8], kind: u32, options: Option<&p3p_explain_options>) -> Result<String, p3p_status> {
    let opts = options.map_or(null(), |o| o as *const _);
    let mut need = usize::MAX;
    // SAFETY: valid pointers and capacities.
    unsafe {
        let s = p3p_explain(value.as_ptr(), value.len(), kind, opts, null_mut(), 0, &mut need);
        if s != P3P_STATUS_OK {
            assert_eq!(need, usize::MAX, "*out_len written on failure");
            return Err(s);
        }
        assert!(need > 0);
        // Too small: the size needed, and nothing written.
        let mut buf = vec![0xa5u8; need];
        let mut got = 0usize;
        assert_eq!(
            p3p_explain(value.as_ptr(), value.len(), kind, opts, buf.as_mut_ptr(), need - 1, &mut got),
            P3P_STATUS_BUFFER_TOO_SMALL
        );
        assert_eq!(got, need);
        assert!(buf.iter().all(|b| *b == 0xa5), "a too-small buffer was written to");
        got = 0;
        assert_eq!(
            p3p_explain(value.as_ptr(), value.len(), kind, opts, buf.as_mut_ptr(), 0, &mut got),
            P3P_STATUS_BUFFER_TOO_SMALL
        );
        assert_eq!(got, need);
        assert_eq!(
            p3p_explain(value.as_ptr(), value.len(), kind, opts, buf.as_mut_ptr(), need, &mut got),
            P3P_STATUS_OK
        );
        assert_eq!(got, need);
        Ok(String::from_utf8(buf).unwrap())
    }
}

fn options(format: u32, lang: u32) -> p3p_explain_options {
    p3p_explain_options { format, lang, ..p3p_explain_options_default() }
}

#[test]
fn explain_sizes_then_writes() {
    let json = explain(SEED, P3P_INPUT_HEADER, Some(&options(P3P_FORMAT_JSON, P3P_LANG_EN))).unwrap();
    assert!(json.starts_with("{\"input\":"));
    let text = explain(SEED, P3P_INPUT_HEADER, None).unwrap();
    assert!(text.starts_with("Compact policy: ") && text.len() > 1000);
    assert_eq!(explain(SEED, P3P_INPUT_HEADER, Some(&p3p_explain_options_default())).unwrap(), text);
    let tokens = explain(b"NOI DSP COR", P3P_INPUT_TOKENS, None).unwrap();
    assert!(tokens.contains("Satisfactory policy"));
    assert!(explain(b"", P3P_INPUT_HEADER, None).unwrap().contains("no CP directive"));
    let mut n = 0usize;
    // SAFETY: valid pointers and capacities (or deliberately NULL).
    unsafe {
        let mut buf = [0u8; 8];
        assert_eq!(
            p3p_explain(SEED.as_ptr(), SEED.len(), 7, null(), buf.as_mut_ptr(), buf.len(), &mut n),
            P3P_STATUS_INVALID_ARGUMENT
        );
        assert_eq!(p3p_explain(null(), 3, 0, null(), buf.as_mut_ptr(), 8, &mut n), P3P_STATUS_NULL_ARGUMENT);
        assert_eq!(p3p_explain(SEED.as_ptr(), SEED.len(), 0, null(), null_mut(), 10, &mut n), P3P_STATUS_NULL_ARGUMENT);
        assert_eq!(
            p3p_explain(SEED.as_ptr(), SEED.len(), 0, null(), buf.as_mut_ptr(), 8, null_mut()),
            P3P_STATUS_NULL_ARGUMENT
        );
    }
}

#[test]
fn explain_takes_format_language_profile_and_cells() {
    let seed = b"CP=NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA";
    let it = explain(seed, P3P_INPUT_HEADER, Some(&options(P3P_FORMAT_EDITOR, P3P_LANG_IT))).unwrap();
    assert!(it.starts_with("Sintesi della Compact Policy\n"));
    let html = explain(seed, P3P_INPUT_HEADER, Some(&options(P3P_FORMAT_HTML, P3P_LANG_DE))).unwrap();
    assert!(html.starts_with("<section class=\"p3p-report\" lang=\"de\">"));
    let sv = explain(seed, P3P_INPUT_HEADER, Some(&options(P3P_FORMAT_TEXT, P3P_LANG_SV))).unwrap();
    assert!(sv.starts_with("Kompakt policy: "));
    // JSON is the same in every language.
    assert_eq!(
        explain(seed, P3P_INPUT_HEADER, Some(&options(P3P_FORMAT_JSON, P3P_LANG_NL))),
        explain(seed, P3P_INPUT_HEADER, Some(&options(P3P_FORMAT_JSON, P3P_LANG_EN)))
    );
    // Cells, as the command selects them.
    let o = p3p_explain_options {
        format: P3P_FORMAT_JSON,
        level: P3P_LEVEL_MEDIUM,
        party: P3P_PARTY_THIRD,
        cookie: P3P_COOKIE_SESSION,
        ..p3p_explain_options_default()
    };
    let json = explain(seed, P3P_INPUT_HEADER, Some(&o)).unwrap();
    assert!(json.contains(
        "\"selected\":[{\"level\":\"medium\",\"party\":\"third_party\",\"cookie\":\"session\",\"decision\":{\"action\":\"block\""
    ));
    // A profile, named after itself or as the caller says.
    let mut moz = p3p::Profile::mozilla_levels();
    let o = p3p_explain_options {
        format: P3P_FORMAT_JSON,
        level: p3p::profile::P3P_MOZILLA_LEVEL_DEFAULT,
        profile: &moz,
        ..p3p_explain_options_default()
    };
    let json = explain(seed, P3P_INPUT_HEADER, Some(&o)).unwrap();
    assert!(json.contains("\"profile\":\"mozilla\",\"mozilla_class\":\"no_consent\""), "{json}");
    let name = b"site profile";
    let named = p3p_explain_options { profile_name: name.as_ptr(), profile_name_len: name.len(), ..o };
    assert!(explain(seed, P3P_INPUT_HEADER, Some(&named)).unwrap().contains("\"profile\":\"site profile\""));
    let text = p3p_explain_options { format: P3P_FORMAT_TEXT, ..o };
    assert!(explain(seed, P3P_INPUT_HEADER, Some(&text)).unwrap().contains("Profile: mozilla\n"));
    // ie6-strict in the editor's sections: an invalid policy counts as none.
    let strict = p3p::Profile::IE6_STRICT;
    let o = p3p_explain_options { format: P3P_FORMAT_EDITOR, profile: &strict, ..p3p_explain_options_default() };
    assert!(explain(b"CP=\"FINa NAV\"", P3P_INPUT_HEADER, Some(&o)).unwrap().contains("No compact policy: "));

    // Refusals: nothing written, not even the length.
    let bad = [
        options(4, P3P_LANG_EN),
        options(P3P_FORMAT_TEXT, 5),
        p3p_explain_options { level: 6, ..p3p_explain_options_default() },
        p3p_explain_options { party: 2, ..p3p_explain_options_default() },
        p3p_explain_options { cookie: 2, ..p3p_explain_options_default() },
        // Mozilla has four levels; the editor's sections are IE6's.
        p3p_explain_options { level: 4, profile: &moz, ..p3p_explain_options_default() },
        p3p_explain_options { format: P3P_FORMAT_EDITOR, profile: &moz, ..p3p_explain_options_default() },
        p3p_explain_options { format: P3P_FORMAT_HTML, profile: &moz, ..p3p_explain_options_default() },
        // A name that is not UTF-8, a name pointer that is NULL with a length.
        p3p_explain_options { profile: &moz, profile_name: b"\xff".as_ptr(), profile_name_len: 1, ..o },
        p3p_explain_options { profile: &moz, profile_name: null(), profile_name_len: 3, ..o },
    ];
    for (i, o) in bad.iter().enumerate() {
        let want = if i == bad.len() - 1 { P3P_STATUS_NULL_ARGUMENT } else { P3P_STATUS_INVALID_ARGUMENT };
        assert_eq!(explain(seed, P3P_INPUT_HEADER, Some(o)), Err(want), "options #{i}");
    }
    // A profile value this library did not build.
    moz.kind = 0;
    let o = p3p_explain_options { profile: &moz, ..p3p_explain_options_default() };
    assert_eq!(explain(seed, P3P_INPUT_HEADER, Some(&o)), Err(P3P_STATUS_INVALID_ARGUMENT));
}

#[test]
fn header_value_and_names() {
    let mut buf = [0u8; 64];
    let mut n = 0usize;
    let mut v = 0u32;
    // SAFETY: valid pointers and capacities.
    unsafe {
        let t = b"  NOI\tDSP   COR ";
        assert_eq!(p3p_header_value(t.as_ptr(), t.len(), buf.as_mut_ptr(), buf.len(), &mut n), P3P_STATUS_OK);
        assert_eq!(&buf[..n], b"CP=\"NOI DSP COR\"");
        let q = b"NOI\" X";
        assert_eq!(
            p3p_header_value(q.as_ptr(), q.len(), buf.as_mut_ptr(), buf.len(), &mut n),
            P3P_STATUS_POLICY_UNSENDABLE
        );
        let q = b"NOI\r\nX: y";
        assert_eq!(
            p3p_header_value(q.as_ptr(), q.len(), buf.as_mut_ptr(), buf.len(), &mut n),
            P3P_STATUS_POLICY_UNSENDABLE
        );
        buf = [0xAA; 64];
        assert_eq!(p3p_header_value(t.as_ptr(), t.len(), buf.as_mut_ptr(), 4, &mut n), P3P_STATUS_BUFFER_TOO_SMALL);
        assert_eq!(n, 16);
        assert!(buf.iter().all(|b| *b == 0xAA), "nothing written on a buffer too small");
        n = 0;
        assert_eq!(p3p_header_value(t.as_ptr(), t.len(), null_mut(), 0, &mut n), P3P_STATUS_OK);
        assert_eq!(n, 16);
        // Invalid UTF-8 is found before anything is written.
        let q = b"NOI \xff";
        n = 5;
        assert_eq!(
            p3p_header_value(q.as_ptr(), q.len(), buf.as_mut_ptr(), buf.len(), &mut n),
            P3P_STATUS_POLICY_UNSENDABLE
        );
        assert_eq!(n, 5);
        assert!(buf.iter().all(|b| *b == 0xAA));

        assert_eq!(p3p_level_parse(b"medium-high".as_ptr(), 11, &mut v), P3P_STATUS_OK);
        assert_eq!(v, P3P_LEVEL_MEDIUM_HIGH);
        assert_eq!(p3p_level_parse(b"meduim".as_ptr(), 6, &mut v), P3P_STATUS_UNKNOWN_NAME);
        assert_eq!(p3p_party_parse(b"third".as_ptr(), 5, &mut v), P3P_STATUS_OK);
        assert_eq!(v, P3P_PARTY_THIRD);
        assert_eq!(p3p_party_from_fetch(b"cross-site".as_ptr(), 10, b"image".as_ptr(), 5, &mut v), P3P_STATUS_OK);
        assert_eq!(v, P3P_PARTY_THIRD);
        assert_eq!(p3p_party_from_fetch(b"cross-site".as_ptr(), 10, b"document".as_ptr(), 8, &mut v), P3P_STATUS_OK);
        assert_eq!(v, P3P_PARTY_FIRST);
        assert_eq!(p3p_party_from_fetch(b"same-site".as_ptr(), 9, null(), 0, &mut v), P3P_STATUS_OK);
        assert_eq!(v, P3P_PARTY_FIRST);
        assert_eq!(p3p_party_from_fetch(b"Cross-Site ".as_ptr(), 11, null(), 0, &mut v), P3P_STATUS_OK);
        assert_eq!(v, P3P_PARTY_THIRD);
    }
}

#[test]
fn static_strings_exist_for_every_value() {
    for v in [0, 1, 2, 3, 4, 5, 6, 12, 100, 200, 999, 1000, u32::MAX] {
        for f in [p3p_action_str, p3p_class_str, p3p_verdict_str, p3p_level_str, p3p_reason_str, p3p_status_str] {
            assert!(!cstr(f(v)).is_empty());
        }
    }
    assert_eq!(cstr(p3p_action_str(P3P_ACTION_LEASH)), "leash");
    assert_eq!(cstr(p3p_level_str(P3P_LEVEL_MEDIUM_HIGH)), "medium_high");
    assert_eq!(
        cstr(p3p_reason_str(P3P_REASON_NO_OPT_OUT_BLOCK)),
        "No opt-out is provided, so the cookie will be blocked."
    );
    assert_eq!(cstr(p3p_status_str(12345)), "unknown status");
    assert_eq!(cstr(p3p_version()), env!("CARGO_PKG_VERSION"));
    assert_eq!(p3p_abi_version(), P3P_ABI_VERSION);
}

#[test]
fn profile_cookie_decide_reports_a_bad_level_before_the_cookie() {
    let mut profile = std::mem::MaybeUninit::<p3p::profile::Profile>::uninit();
    let mut d = p3p_cookie_decision::default();
    let (del, bad, ok) = (&b"id=; Max-Age=0"[..], &b"id=1\r\nX: y"[..], &b"id=1; Max-Age=60"[..]);
    // SAFETY: valid pointers; the profile is written by p3p_profile_builtin before use.
    unsafe {
        assert_eq!(p3p_profile_builtin(b"ie6".as_ptr(), 3, profile.as_mut_ptr()), P3P_STATUS_OK);
        let pr = profile.as_ptr();
        let decide = |level: u32, c: &[u8], out: &mut p3p_cookie_decision| {
            p3p_profile_cookie_decide(pr, null(), level, P3P_PARTY_THIRD, c.as_ptr(), c.len(), 0, out)
        };
        assert_eq!(decide(P3P_LEVEL_BLOCK_ALL, del, &mut d), P3P_STATUS_OK);
        assert_eq!((d.action, d.flags), (P3P_ACTION_ACCEPT, P3P_COOKIE_FLAG_DELETION));
        assert_eq!(decide(P3P_LEVEL_BLOCK_ALL, ok, &mut d), P3P_STATUS_OK);
        assert_eq!(d.action, P3P_ACTION_BLOCK);
        assert_eq!(decide(P3P_LEVEL_BLOCK_ALL, bad, &mut d), P3P_STATUS_COOKIE_CONTROL_BYTE);
        let bad_level = decide(99, ok, &mut d);
        assert_ne!(bad_level, P3P_STATUS_OK);
        assert_eq!(decide(99, del, &mut d), bad_level);
        assert_eq!(decide(99, bad, &mut d), bad_level);
    }
}

fn builtin(name: &str) -> Box<p3p::profile::Profile> {
    let mut profile = Box::new(p3p::profile::Profile::custom());
    // SAFETY: valid name and out pointer.
    assert_eq!(unsafe { p3p_profile_builtin(name.as_ptr(), name.len(), &mut *profile) }, P3P_STATUS_OK);
    profile
}

#[test]
fn every_profile_gives_its_own_class_and_verdict() {
    let (mut c, mut v) = (99u32, 99u32);
    // The three answers ie6-strict once gave two ways.
    for bogus in
        [&br#"CP="FINa NAV""#[..], br#"CP="This is not a P3P policy! See our help.""#, br#"CP="noi cura phy cona""#]
    {
        let p = parse(bogus);
        let strict = builtin("ie6-strict");
        let ie6 = builtin("ie6");
        // SAFETY: valid pointers.
        unsafe {
            assert_eq!(p3p_profile_class(&*strict, &p, &mut c), P3P_STATUS_OK);
            assert_eq!(p3p_profile_verdict(&*strict, &p, &mut v), P3P_STATUS_OK);
            assert_eq!((c, v), (P3P_CLASS_NO_POLICY, P3P_VERDICT_NO_POLICY));
            assert_eq!(p3p_profile_class(&*ie6, &p, &mut c), P3P_STATUS_OK);
            assert_eq!(p3p_profile_verdict(&*ie6, &p, &mut v), P3P_STATUS_OK);
            let (mut c2, mut v2) = (0, 0);
            assert_eq!(p3p_policy_class(&p, &mut c2), P3P_STATUS_OK);
            assert_eq!(p3p_policy_verdict(&p, &mut v2), P3P_STATUS_OK);
            assert_eq!((c, v), (c2, v2), "ie6 is p3p_policy_class/verdict");
            assert_eq!((c, v), (P3P_CLASS_OK, P3P_VERDICT_SATISFACTORY));
        }
    }
    let p = parse(SEED);
    let moz = builtin("mozilla:high");
    // SAFETY: valid pointers; NULL where allowed or to check refusals.
    unsafe {
        assert_eq!(p3p_profile_class(&*moz, &p, &mut c), P3P_STATUS_OK);
        assert_eq!(cstr(p3p_class_str(c)), "no_consent");
        assert_eq!(p3p_profile_verdict(&*moz, &p, &mut v), P3P_STATUS_OK);
        assert_eq!(v, P3P_VERDICT_UNSATISFACTORY);
        assert_eq!(p3p_profile_class(&*moz, null(), &mut c), P3P_STATUS_OK);
        assert_eq!(c, P3P_CLASS_NO_POLICY);
        c = 99;
        assert_eq!(p3p_profile_class(null(), &p, &mut c), P3P_STATUS_NULL_ARGUMENT);
        assert_eq!(p3p_profile_class(&*moz, &p, null_mut()), P3P_STATUS_NULL_ARGUMENT);
        let mut zeroed = p3p::profile::Profile::custom();
        zeroed.kind = 0;
        assert_eq!(p3p_profile_verdict(&zeroed, &p, &mut v), P3P_STATUS_INVALID_ARGUMENT);
        assert_eq!(c, 99, "out untouched on failure");
    }
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/essential-only.xml");
    let mut custom = Box::new(p3p::profile::Profile::custom());
    let path = file.to_str().unwrap();
    // SAFETY: valid pointers.
    unsafe {
        assert_eq!(p3p_profile_load_file(path.as_ptr(), path.len(), &mut *custom, null_mut()), P3P_STATUS_OK);
        assert_eq!(p3p_profile_class(&*custom, &p, &mut c), P3P_STATUS_OK);
        assert_eq!(cstr(p3p_class_str(c)), "rules");
        assert_eq!(p3p_profile_verdict(&*custom, &p, &mut v), P3P_STATUS_OK);
        assert_eq!(v, P3P_VERDICT_UNSATISFACTORY);
    }
    assert_eq!(p3p_profile_size(), std::mem::size_of::<p3p::profile::Profile>());
    assert_eq!(cstr(p3p_diagnostic_code_str(P3P_DIAG_DUPLICATE_TOKEN)), "duplicate_token");
    assert_eq!(cstr(p3p_diagnostic_code_str(0)), "unknown");
}

#[test]
fn profile_files_are_checked_before_they_are_read() {
    let mut profile = Box::new(p3p::profile::Profile::custom());
    let untouched = *profile;
    let message = |e: &p3p_profile_error| {
        let mut n = 0usize;
        // SAFETY: valid pointers; the first call only asks for the size.
        unsafe {
            assert_eq!(p3p_profile_error_message(e, null_mut(), 0, &mut n), P3P_STATUS_OK);
            let mut buf = vec![0xAAu8; n];
            let needed = n;
            if needed > 0 {
                assert_eq!(
                    p3p_profile_error_message(e, buf.as_mut_ptr(), needed - 1, &mut n),
                    P3P_STATUS_BUFFER_TOO_SMALL
                );
                assert_eq!(n, needed);
                assert!(buf.iter().all(|b| *b == 0xAA));
            }
            assert_eq!(p3p_profile_error_message(e, buf.as_mut_ptr(), buf.len(), &mut n), P3P_STATUS_OK);
            String::from_utf8(buf[..n].to_vec()).unwrap()
        }
    };
    for (path, code, text) in [
        ("/dev/zero", P3P_PROFILE_ERROR_NOT_A_FILE, "not a regular file: it is a character device"),
        ("/", P3P_PROFILE_ERROR_NOT_A_FILE, "not a regular file: it is a directory"),
        ("/nonexistent.xml", P3P_PROFILE_ERROR_OPEN, "cannot open the file: No such file or directory"),
    ] {
        let mut err = p3p_profile_error {
            code: 0,
            line: 9,
            column: 9,
            count: 0,
            detail_len: 0,
            detail: [0; P3P_PROFILE_ERROR_DETAIL_MAX],
        };
        // SAFETY: valid pointers.
        let status = unsafe { p3p_profile_load_file(path.as_ptr(), path.len(), &mut *profile, &mut err) };
        assert_eq!(status, P3P_STATUS_PROFILE_INVALID, "{path}");
        assert_eq!((err.code, err.line, err.column, err.count), (code, 0, 0, 1), "{path}");
        assert_eq!(message(&err), text);
        assert_eq!(*profile, untouched, "out untouched on failure");
    }
    // SAFETY: NULL path with a length is refused.
    assert_eq!(unsafe { p3p_profile_load_file(null(), 3, &mut *profile, null_mut()) }, P3P_STATUS_NULL_ARGUMENT);
}

#[test]
fn diagnostics_write_nothing_on_failure() {
    let v = b"NOI CURR CONA NOI NOI";
    let mut diags = [p3p_diagnostic { code: 77, ..p3p_diagnostic::default() }; 4];
    let mut n = 99usize;
    // SAFETY: valid pointers; NULL only where the contract refuses it.
    unsafe {
        assert_eq!(p3p_diagnostics(v.as_ptr(), v.len(), 9, diags.as_mut_ptr(), 4, &mut n), P3P_STATUS_INVALID_ARGUMENT);
        assert_eq!(
            p3p_diagnostics(v.as_ptr(), v.len(), P3P_INPUT_TOKENS, diags.as_mut_ptr(), 4, null_mut()),
            P3P_STATUS_NULL_ARGUMENT
        );
        assert_eq!(
            p3p_diagnostics(null(), 4, P3P_INPUT_TOKENS, diags.as_mut_ptr(), 4, &mut n),
            P3P_STATUS_NULL_ARGUMENT
        );
        assert_eq!(n, 99);
        assert!(diags.iter().all(|d| d.code == 77));
        assert_eq!(
            p3p_diagnostics(v.as_ptr(), v.len(), P3P_INPUT_TOKENS, diags.as_mut_ptr(), 2, &mut n),
            P3P_STATUS_OK
        );
        assert!(n > 2);
        assert_ne!(diags[1].code, 77);
        assert_eq!(diags[2].code, 77, "only out_cap entries are written");
    }
}
