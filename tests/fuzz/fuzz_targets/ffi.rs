//! The C ABI on arbitrary bytes and arbitrary enum-like integers: no call
//! ever reports a caught panic, statuses match the argument checks, results
//! match the Rust API, sizing calls agree with the real calls, and a buffer
//! too small gets the size needed and nothing written.
#![no_main]

use core::ffi::CStr;

use libfuzzer_sys::fuzz_target;
use p3p::ffi::types::*;
use p3p::ffi::*;
use p3p::ie6::{self, CookieKind, Level, Party};
use p3p::Policy;

const NOW: i64 = 1_700_000_000;

fn ok(s: p3p_status, what: &str) {
    assert_ne!(s, P3P_STATUS_INTERNAL, "{what}: caught panic");
    assert_eq!(s, P3P_STATUS_OK, "{what}: status {s}");
}

fn not_internal(s: p3p_status, what: &str) -> p3p_status {
    assert_ne!(s, P3P_STATUS_INTERNAL, "{what}: caught panic");
    s
}

fn static_str(p: *const core::ffi::c_char) -> &'static str {
    assert!(!p.is_null());
    // SAFETY: the library returns static NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }.to_str().expect("UTF-8")
}

fuzz_target!(|data: &[u8]| {
    let (ctl, input) = data.split_at(data.len().min(8));
    let byte = |i: usize| u32::from(ctl.get(i).copied().unwrap_or(0));
    // Values slightly past each range, so invalid integers are exercised too.
    let level = byte(0) % 8;
    let party = byte(1) % 3;
    let cookie = byte(2) % 3;
    let action = byte(3) % 6;
    let kind = byte(4) % 3;
    let format = byte(5) % 6;
    let split = (byte(6) as usize).min(input.len());
    let wild = byte(7).wrapping_mul(0x0101_0101);
    let (ptr, len) = (input.as_ptr(), input.len());

    // SAFETY (for every call below): pointers come from live slices and
    // locals with the lengths passed alongside them.
    unsafe {
        let mut policy = Policy::ABSENT;
        ok(p3p_policy_parse(ptr, len, &mut policy), "p3p_policy_parse");
        assert_eq!(policy, p3p::parse_header(input));
        let mut tokens = Policy::ABSENT;
        ok(p3p_policy_parse_tokens(ptr, len, &mut tokens), "p3p_policy_parse_tokens");
        assert_eq!(tokens, p3p::parse_tokens(input));

        let mut class = u32::MAX;
        ok(p3p_policy_class(&policy, &mut class), "p3p_policy_class");
        assert_eq!(class, ie6::classify(&policy) as u32);
        let mut verdict = u32::MAX;
        ok(p3p_policy_verdict(&tokens, &mut verdict), "p3p_policy_verdict");
        static_str(p3p_class_str(class));
        static_str(p3p_verdict_str(verdict));

        let valid = level < 6 && party < 2 && cookie < 2;
        let sentinel = p3p_decision { action: 0xdead, reason: 0xbeef };
        let mut d = sentinel;
        let s = not_internal(p3p_decide(&policy, level, party, cookie, &mut d), "p3p_decide");
        if valid {
            assert_eq!(s, P3P_STATUS_OK);
            let want = ie6::decide(
                Some(&policy),
                Level::from_u32(level).expect("level"),
                Party::from_u32(party).expect("party"),
                CookieKind::from_u32(cookie).expect("cookie"),
            );
            assert_eq!((d.action, d.reason), (want.action as u32, want.reason as u32));
            static_str(p3p_action_str(d.action));
            assert_ne!(static_str(p3p_reason_str(d.reason)), "unknown");
        } else {
            assert_eq!(s, P3P_STATUS_INVALID_ARGUMENT);
            assert_eq!(d, sentinel, "out-parameter written on failure");
        }
        let mut grid = p3p_grid::default();
        ok(p3p_decide_grid(core::ptr::null(), &mut grid), "p3p_decide_grid");
        ok(p3p_decide_grid(&policy, &mut grid), "p3p_decide_grid");
        if valid {
            assert_eq!(grid.cells[party as usize][cookie as usize][level as usize], d);
        }

        // Set-Cookie.
        let mut cd = p3p_cookie_decision::default();
        let s = not_internal(p3p_cookie_decide(&policy, level, party, ptr, len, NOW, &mut cd), "p3p_cookie_decide");
        let control = input.iter().any(|&b| (b < 0x20 && b != b'\t') || b == 0x7f);
        if !(level < 6 && party < 2) {
            assert_eq!(s, P3P_STATUS_INVALID_ARGUMENT);
        } else if control {
            assert_eq!(s, P3P_STATUS_COOKIE_CONTROL_BYTE);
        } else {
            assert_eq!(s, P3P_STATUS_OK);
            assert!(cd.name_offset + cd.name_len <= len);
        }
        let mut out = vec![0u8; len + P3P_COOKIE_LEASH_EXTRA];
        let mut n = usize::MAX;
        let s = not_internal(
            p3p_cookie_rewrite(ptr, len, action, out.as_mut_ptr(), out.len(), &mut n),
            "p3p_cookie_rewrite",
        );
        if action > P3P_ACTION_PROMPT {
            assert_eq!(s, P3P_STATUS_INVALID_ARGUMENT);
            assert_eq!(n, usize::MAX);
        } else if control {
            assert_eq!(s, P3P_STATUS_COOKIE_CONTROL_BYTE);
            assert_eq!(n, usize::MAX);
        } else {
            assert_eq!(s, P3P_STATUS_OK);
            assert!(n <= out.len());
            let cap = p3p::cookie::capacity_for(p3p::ie6::Action::from_u32(action).expect("action"), len);
            let mut query = usize::MAX;
            ok(p3p_cookie_rewrite(ptr, len, action, core::ptr::null_mut(), 0, &mut query), "rewrite size");
            assert_eq!(query, cap);
            if cap > 0 {
                let mut small = vec![0xA5u8; cap - 1];
                let s = p3p_cookie_rewrite(ptr, len, action, small.as_mut_ptr(), small.len(), &mut n);
                assert_eq!((s, n), (P3P_STATUS_BUFFER_TOO_SMALL, cap));
                assert!(small.iter().all(|b| *b == 0xA5), "rewrite wrote into a buffer too small");
            }
        }

        // One pass: p3p_cookie_apply decides as p3p_cookie_decide and writes
        // what p3p_cookie_rewrite writes for that decision; the size query
        // and a buffer one byte short follow the buffer rule.
        let mut ad = p3p_cookie_decision { action: 0xdead, ..p3p_cookie_decision::default() };
        let mut buf = vec![0xA5u8; len + P3P_COOKIE_LEASH_EXTRA];
        let mut alen = usize::MAX;
        let s = not_internal(
            p3p_cookie_apply(&policy, level, party, ptr, len, NOW, &mut ad, buf.as_mut_ptr(), buf.len(), &mut alen),
            "p3p_cookie_apply",
        );
        let decided = p3p_cookie_decide(&policy, level, party, ptr, len, NOW, &mut cd);
        assert_eq!(s, decided, "p3p_cookie_apply and p3p_cookie_decide disagree on the status");
        if s == P3P_STATUS_OK {
            assert_eq!(ad, cd);
            let rewrites = ad.action == P3P_ACTION_DOWNGRADE || ad.action == P3P_ACTION_LEASH;
            if rewrites {
                let mut want = vec![0u8; len + P3P_COOKIE_LEASH_EXTRA];
                let mut wlen = 0usize;
                ok(p3p_cookie_rewrite(ptr, len, ad.action, want.as_mut_ptr(), want.len(), &mut wlen), "rewrite");
                assert_eq!(&buf[..alen], &want[..wlen]);
            } else {
                assert_eq!(alen, 0);
                assert!(buf.iter().all(|b| *b == 0xA5), "p3p_cookie_apply wrote for {}", ad.action);
            }
            let cap = p3p::cookie::capacity_for(p3p::ie6::Action::from_u32(ad.action).expect("action"), len);
            let mut query = usize::MAX;
            let mut qd = p3p_cookie_decision::default();
            ok(
                p3p_cookie_apply(&policy, level, party, ptr, len, NOW, &mut qd, core::ptr::null_mut(), 0, &mut query),
                "apply size",
            );
            assert_eq!((query, qd), (if rewrites { cap } else { 0 }, ad));
            if rewrites && cap > 0 {
                let mut small = vec![0xA5u8; cap - 1];
                let mut sd = p3p_cookie_decision { action: 0xdead, ..p3p_cookie_decision::default() };
                // Its own length: `alen` still holds the rewrite compared below.
                let mut slen = usize::MAX;
                let s = p3p_cookie_apply(&policy, level, party, ptr, len, NOW, &mut sd, small.as_mut_ptr(), small.len(), &mut slen);
                assert_eq!((s, slen, sd.action), (P3P_STATUS_BUFFER_TOO_SMALL, cap, 0xdead));
                assert!(small.iter().all(|b| *b == 0xA5), "p3p_cookie_apply wrote into a buffer too small");
            }
        } else {
            assert_eq!(ad.action, 0xdead, "decision written on failure");
            assert_eq!(alen, usize::MAX);
        }
        // The same through a profile: the built-in ie6 profile decides alike.
        let mut ie6_profile = p3p::profile::Profile::custom();
        ok(p3p_profile_builtin(b"ie6".as_ptr(), 3, &mut ie6_profile), "p3p_profile_builtin");
        let mut pd = p3p_cookie_decision::default();
        let mut pbuf = vec![0u8; len + P3P_COOKIE_LEASH_EXTRA];
        let mut plen = usize::MAX;
        let ps = not_internal(
            p3p_profile_cookie_apply(&ie6_profile, &policy, level, party, ptr, len, NOW, &mut pd, pbuf.as_mut_ptr(), pbuf.len(), &mut plen),
            "p3p_profile_cookie_apply",
        );
        assert_eq!(ps, s);
        if s == P3P_STATUS_OK {
            assert_eq!((pd, &pbuf[..plen]), (ad, &buf[..alen]));
        }

        // Diagnostics: counting, then filling, then each message.
        let mut total = usize::MAX;
        let s = not_internal(p3p_diagnostics(ptr, len, kind, core::ptr::null_mut(), 0, &mut total), "p3p_diagnostics");
        if kind > P3P_INPUT_TOKENS {
            assert_eq!(s, P3P_STATUS_INVALID_ARGUMENT);
            assert_eq!(total, usize::MAX);
        } else {
            assert_eq!(s, P3P_STATUS_OK);
            let mut diags = vec![p3p_diagnostic::default(); total];
            let mut count = 0usize;
            ok(p3p_diagnostics(ptr, len, kind, diags.as_mut_ptr(), diags.len(), &mut count), "p3p_diagnostics");
            assert_eq!(count, total);
            let mut msg = Vec::new();
            for diag in &diags {
                assert!(diag.offset + diag.len <= len, "{diag:?}");
                let mut need = 0usize;
                ok(p3p_diagnostic_message(diag, ptr, len, core::ptr::null_mut(), 0, &mut need), "message size");
                assert!(need > 0);
                msg.resize(need, 0);
                let mut got = 0usize;
                ok(p3p_diagnostic_message(diag, ptr, len, msg.as_mut_ptr(), need, &mut got), "message");
                assert_eq!(got, need);
                assert!(core::str::from_utf8(&msg).is_ok());
                if need > 1 {
                    msg.fill(0xA5);
                    got = 0;
                    let s = p3p_diagnostic_message(diag, ptr, len, msg.as_mut_ptr(), need - 1, &mut got);
                    assert_eq!((s, got), (P3P_STATUS_BUFFER_TOO_SMALL, need));
                    assert!(msg.iter().all(|b| *b == 0xA5), "message written into a buffer too small");
                }
            }
        }

        // The report: sizing, a buffer one byte short (left untouched), then
        // the real call, for every format, language, profile and cell
        // selection, including values past each range.
        let profiles = [
            None,
            Some(p3p::Profile::IE6),
            Some(p3p::Profile::IE6_STRICT),
            Some(p3p::Profile::mozilla_levels()),
            p3p::Profile::builtin(b"mozilla:drdraaaa"),
        ];
        let profile = profiles[(byte(7) % 5) as usize];
        let options = p3p_explain_options {
            format,
            lang: byte(5) / 6 % 7,
            level: if level == 7 { P3P_EXPLAIN_ALL } else { level },
            party: if party == 2 { P3P_EXPLAIN_ALL } else { party },
            cookie: if cookie == 2 { P3P_EXPLAIN_ALL } else { cookie },
            profile: profile.as_ref().map_or(core::ptr::null(), |p| p as *const _),
            ..p3p_explain_options_default()
        };
        let levels = profile.map_or(6, |p| p.level_keys().len() as u32);
        let ie6_family = profile.is_none_or(|p| matches!(p.kind, 1 | 2));
        let valid = kind <= P3P_INPUT_TOKENS
            && format <= P3P_FORMAT_HTML
            && options.lang <= P3P_LANG_DE
            && (options.level == P3P_EXPLAIN_ALL || options.level < levels)
            && (format <= P3P_FORMAT_JSON || ie6_family);
        let mut need = usize::MAX;
        let s = not_internal(p3p_explain(ptr, len, kind, &options, core::ptr::null_mut(), 0, &mut need), "p3p_explain");
        if !valid {
            assert_eq!(s, P3P_STATUS_INVALID_ARGUMENT);
            assert_eq!(need, usize::MAX);
        } else {
            assert_eq!(s, P3P_STATUS_OK);
            let mut report = vec![0x5au8; need];
            let mut got = usize::MAX;
            let s = p3p_explain(ptr, len, kind, &options, report.as_mut_ptr(), need - 1, &mut got);
            assert_eq!((s, got), (P3P_STATUS_BUFFER_TOO_SMALL, need));
            assert!(report.iter().all(|b| *b == 0x5a), "a too-small buffer was written to");
            ok(p3p_explain(ptr, len, kind, &options, report.as_mut_ptr(), need, &mut got), "p3p_explain");
            assert_eq!(got, need);
            let text = core::str::from_utf8(&report).expect("UTF-8 report");
            match format {
                P3P_FORMAT_JSON => {
                    assert!(text.starts_with("{\"input\""));
                    serde_json::from_str::<serde_json::Value>(text).expect("valid JSON");
                }
                P3P_FORMAT_HTML => assert!(text.starts_with("<section ") && text.ends_with("</section>\n")),
                _ => assert!(!text.is_empty()),
            }
        }

        // Header value for a token list.
        let mut need = usize::MAX;
        let s = not_internal(p3p_header_value(ptr, len, core::ptr::null_mut(), 0, &mut need), "p3p_header_value");
        if s == P3P_STATUS_OK {
            let mut hv = vec![0u8; need];
            let mut got = 0usize;
            ok(p3p_header_value(ptr, len, hv.as_mut_ptr(), need, &mut got), "p3p_header_value");
            assert_eq!(got, need);
            assert!(hv.starts_with(b"CP=\"") && hv.ends_with(b"\""));
            let mut small = vec![0xA5u8; need - 1];
            let s = p3p_header_value(ptr, len, small.as_mut_ptr(), small.len(), &mut got);
            assert_eq!((s, got), (P3P_STATUS_BUFFER_TOO_SMALL, need));
            assert!(small.iter().all(|b| *b == 0xA5), "header value written into a buffer too small");
            // What we build parses back to the same tokens.
            let back = p3p::parse_header(&hv);
            assert_eq!(back.tokens, tokens.tokens);
        } else {
            assert_eq!(s, P3P_STATUS_POLICY_UNSENDABLE);
        }

        // Names.
        let mut v = u32::MAX;
        let s = not_internal(p3p_level_parse(ptr, len, &mut v), "p3p_level_parse");
        assert!(s == P3P_STATUS_OK && v < 6 || s == P3P_STATUS_UNKNOWN_NAME && v == u32::MAX);
        let mut v = u32::MAX;
        let s = not_internal(p3p_party_parse(ptr, len, &mut v), "p3p_party_parse");
        assert!(s == P3P_STATUS_OK && v < 2 || s == P3P_STATUS_UNKNOWN_NAME && v == u32::MAX);
        let (site, dest) = input.split_at(split);
        let mut v = u32::MAX;
        ok(p3p_party_from_fetch(site.as_ptr(), site.len(), dest.as_ptr(), dest.len(), &mut v), "p3p_party_from_fetch");
        assert!(v < 2);

        // A diagnostic the caller made up (or corrupted): any fields, any input.
        let forged = p3p_diagnostic {
            code: byte(0) % 24,
            severity: byte(1),
            offset: if byte(6) & 1 != 0 { usize::MAX - split } else { split },
            len: if byte(5) & 4 != 0 { usize::MAX - byte(4) as usize } else { byte(4) as usize },
            detail: if byte(3) & 1 != 0 { wild } else { byte(7) % 64 + 1000 * (byte(3) & 2) },
        };
        let mut need = usize::MAX;
        let s = not_internal(
            p3p_diagnostic_message(&forged, ptr, len, core::ptr::null_mut(), 0, &mut need),
            "p3p_diagnostic_message (forged)",
        );
        if s == P3P_STATUS_OK {
            let mut msg = vec![0u8; need];
            let mut got = 0usize;
            ok(p3p_diagnostic_message(&forged, ptr, len, msg.as_mut_ptr(), need, &mut got), "forged message");
            assert_eq!(got, need);
        } else {
            assert_eq!(s, P3P_STATUS_INVALID_ARGUMENT);
            assert_eq!(need, usize::MAX);
        }

        // Every profile's own class and verdict, as the Rust API gives them.
        for name in ["ie6", "ie6-strict", "mozilla", "mozilla:frfradaa"] {
            let mut profile = p3p::profile::Profile::custom();
            ok(p3p_profile_builtin(name.as_ptr(), name.len(), &mut profile), "p3p_profile_builtin");
            let (mut c, mut v) = (u32::MAX, u32::MAX);
            ok(p3p_profile_class(&profile, &policy, &mut c), "p3p_profile_class");
            ok(p3p_profile_verdict(&profile, &policy, &mut v), "p3p_profile_verdict");
            assert_eq!(c, profile.class_of(Some(&policy)).expect("class") as u32);
            assert_eq!(v, profile.verdict_of(Some(&policy)).expect("verdict") as u32);
            assert_ne!(static_str(p3p_class_str(c)), "unknown");
        }

        for x in [level, party, action, kind, wild, byte(0), byte(0) << 24] {
            static_str(p3p_diagnostic_code_str(x));
            static_str(p3p_action_str(x));
            static_str(p3p_class_str(x));
            static_str(p3p_verdict_str(x));
            static_str(p3p_level_str(x));
            static_str(p3p_reason_str(x));
            static_str(p3p_status_str(x));
        }
    }
});
