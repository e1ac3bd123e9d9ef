//! Zero allocation on the hot path, proven: a counting global allocator
//! wraps the system one, and parse (slice and push), classify, decide,
//! cookie decide and rewrite, the one-pass cookie call (direct and through
//! a cookie plan), and writing the full report (every format, every
//! language, with and without profiles) to a `fmt::Write` sink run over
//! the whole corpus while the counter must not move.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::{self, Write};
use std::ptr::null_mut;

use p3p::cookie;
use p3p::ie6::{self, Action, CookieKind, Level, Party};
use p3p::report::{Format, Lang, NamedProfile, Options, ProfileSelect, Report, Select};
use p3p::Mode;

struct Counting;

thread_local! {
    // Per thread: the test harness runs other tests (which allocate) on
    // other threads at the same time.
    static MEASURING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    if MEASURING.with(Cell::get) {
        ALLOCATIONS.with(|a| a.set(a.get() + 1));
    }
}

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A sink that keeps a checksum of what it is given and never allocates.
struct Sink {
    bytes: usize,
    hash: u64,
}

impl Write for Sink {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.bytes += s.len();
        for b in s.bytes() {
            self.hash = (self.hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        Ok(())
    }
}

fn corpus(name: &str) -> Vec<Vec<u8>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    let text = std::fs::read(path).expect("corpus file");
    let mut lines: Vec<Vec<u8>> = text.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    // Hostile inputs the corpus file cannot hold: control bytes, NUL,
    // invalid UTF-8, and a 64 KiB value.
    lines.push(b"CP=\"NOI\x00DSP\r\nCOR\x7f\xff\xfe\"".to_vec());
    lines.push([b"CP=\"".as_slice(), &b"PHY CONa ".repeat(7282)].concat());
    lines
}

#[test]
fn hot_path_and_report_do_not_allocate() {
    let policies = corpus("policies.txt");
    // Loading may allocate; deciding with what was loaded may not.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut profiles: Vec<p3p::Profile> = ["ie6", "ie6-strict", "mozilla", "mozilla:drdraaaa"]
        .iter()
        .map(|n| p3p::Profile::builtin(n.as_bytes()).unwrap())
        .collect();
    for f in ["ie6-high.xml", "essential-only.xml", "no-tracking.xml"] {
        profiles.push(p3p::Profile::load(&std::fs::read(root.join("profiles").join(f)).unwrap()).unwrap());
    }
    let cookies = corpus("cookies.txt");
    let mut out = vec![0u8; 8 << 20];
    let mut sink = Sink { bytes: 0, hash: 0xcbf2_9ce4_8422_2325 };
    let mut decisions = 0usize;
    let mut diags = 0usize;

    MEASURING.with(|m| m.set(true));
    let before = allocations();
    for value in &policies {
        for mode in [Mode::Header, Mode::Tokens] {
            let p = p3p::parse_with(value, mode, &mut |_d: p3p::Diagnostic| diags += 1);
            // The push parser, in 7-byte chunks, with and without listening.
            let mut parser = p3p::parse::PushParser::new(mode);
            let mut quiet = p3p::parse::PushParser::new(mode);
            for chunk in value.chunks(7) {
                parser.feed(chunk, &mut |_d: p3p::Diagnostic| diags += 1);
                quiet.feed(chunk, &mut ());
            }
            assert_eq!(parser.finish(&mut |_d: p3p::Diagnostic| diags += 1), p);
            assert_eq!(quiet.finish(&mut ()), p);
            let class = ie6::classify(&p);
            for level in Level::ALL {
                for party in Party::ALL {
                    for kind in [CookieKind::Session, CookieKind::Persistent] {
                        decisions += ie6::decide(Some(&p), level, party, kind).action as usize;
                    }
                }
            }
            let _ = ie6::Grid::for_class(class);
            for profile in &profiles {
                for level in 0..4 {
                    for party in Party::ALL {
                        for kind in [CookieKind::Session, CookieKind::Persistent] {
                            let o = profile.decide(Some(&p), level, party, kind).unwrap();
                            decisions += o.decision.action as usize + o.rule as usize;
                        }
                    }
                }
                decisions += profile.class_of(Some(&p)).unwrap() as usize;
                decisions += profile.verdict_of(Some(&p)).unwrap() as usize;
            }
            let report = Report::new(value, mode);
            report.write_text(&mut sink, Select::default()).unwrap();
            report.write_json(&mut sink, Select { level: Some(Level::Medium), ..Select::default() }).unwrap();
            for profile in &profiles {
                let named = NamedProfile { profile, name: "p" };
                report.write_profile_text(&mut sink, named, ProfileSelect::default()).unwrap();
                report.write_profile_json(&mut sink, named, ProfileSelect::default()).unwrap();
            }
            let third = ProfileSelect { party: Some(Party::Third), ..ProfileSelect::default() };
            for format in Format::ALL {
                for lang in Lang::ALL {
                    for select in [ProfileSelect::default(), third] {
                        report.write(&mut sink, format, lang, &Options { select, profile: None }).unwrap();
                    }
                    for profile in &profiles {
                        let options = Options { select: third, profile: Some(NamedProfile { profile, name: "p" }) };
                        if options.check(format).is_ok() {
                            report.write(&mut sink, format, lang, &options).unwrap();
                        }
                    }
                }
            }
            for c in &cookies {
                if let Ok((d, _)) = cookie::decide_cookie(c, Some(1_700_000_000), |k| {
                    ie6::decide(Some(&p), Level::Medium, Party::Third, k)
                }) {
                    decisions += d.action as usize;
                }
                for level in [Level::Medium, Level::Low] {
                    let decide = |k| ie6::decide(Some(&p), level, Party::First, k);
                    if let Ok(a) = cookie::apply(c, Some(1_700_000_000), decide, &mut out) {
                        decisions += a.decision.action as usize + a.len;
                    }
                }
            }
        }
    }
    for c in &cookies {
        for action in Action::ALL {
            if let Ok(n) = cookie::rewrite(c, action, &mut out) {
                sink.bytes += n;
            }
        }
    }
    // The C entry points add only the panic guard, which must not allocate either.
    for value in &policies {
        let mut p = p3p::Policy::default();
        let mut n = 0usize;
        // SAFETY: every pointer below points at live, correctly sized memory.
        unsafe {
            assert_eq!(p3p::ffi::p3p_policy_parse(value.as_ptr(), value.len(), &mut p), 0);
            for format in 0..4 {
                for lang in 0..5 {
                    let mut options = p3p::ffi::p3p_explain_options_default();
                    options.format = format;
                    options.lang = lang;
                    options.profile = &profiles[1];
                    let mut need = 0usize;
                    let (ptr, len) = (value.as_ptr(), value.len());
                    assert_eq!(p3p::ffi::p3p_explain(ptr, len, 0, &options, null_mut(), 0, &mut need), 0);
                    assert_eq!(p3p::ffi::p3p_explain(ptr, len, 0, &options, out.as_mut_ptr(), need - 1, &mut n), 3);
                    assert_eq!(p3p::ffi::p3p_explain(ptr, len, 0, &options, out.as_mut_ptr(), out.len(), &mut n), 0);
                    assert_eq!(n, need);
                }
            }
            for c in &cookies {
                let mut d = p3p::ffi::types::p3p_cookie_decision::default();
                for profile in &profiles {
                    let mut pd = p3p::ffi::types::p3p_cookie_decision::default();
                    if p3p::ffi::p3p_profile_cookie_decide(profile, &p, 2, 1, c.as_ptr(), c.len(), 0, &mut pd) == 0 {
                        decisions += pd.action as usize;
                    }
                    let mut one = p3p::ffi::types::p3p_decision::default();
                    assert_eq!(p3p::ffi::p3p_profile_decide(profile, &p, 1, 0, 1, &mut one), 0);
                    let (mut class, mut verdict) = (0u32, 0u32);
                    assert_eq!(p3p::ffi::p3p_profile_class(profile, &p, &mut class), 0);
                    assert_eq!(p3p::ffi::p3p_profile_verdict(profile, &p, &mut verdict), 0);
                    decisions += (class + verdict) as usize;
                }
                for (level, party) in [(3, 0), (4, 1), (3, 1)] {
                    let mut len = 0usize;
                    let (o, cap) = (out.as_mut_ptr(), out.len());
                    let v = c.as_ptr();
                    if p3p::ffi::p3p_cookie_apply(&p, level, party, v, c.len(), 1, &mut d, o, cap, &mut len) == 0 {
                        decisions += d.action as usize + len;
                    }
                    let mut plan = p3p::ffi::p3p_cookie_plan::default();
                    assert_eq!(p3p::ffi::p3p_cookie_plan_make(&p, level, party, &mut plan), 0);
                    if p3p::ffi::p3p_cookie_plan_apply(&plan, v, c.len(), 1, &mut d, o, cap, &mut len) == 0 {
                        decisions += d.action as usize + len;
                    }
                    for profile in &profiles {
                        if p3p::ffi::p3p_profile_cookie_plan(profile, &p, 2, party, &mut plan) == 0
                            && p3p::ffi::p3p_cookie_plan_apply(&plan, v, c.len(), 1, &mut d, o, cap, &mut len) == 0
                        {
                            decisions += d.action as usize + len;
                        }
                    }
                    for profile in &profiles {
                        let r = p3p::ffi::p3p_profile_cookie_apply(
                            profile,
                            &p,
                            2,
                            party,
                            v,
                            c.len(),
                            1,
                            &mut d,
                            o,
                            cap,
                            &mut len,
                        );
                        if r == 0 {
                            decisions += d.action as usize + len;
                        }
                    }
                }
                if p3p::ffi::p3p_cookie_decide(&p, 3, 1, c.as_ptr(), c.len(), 0, &mut d) == 0 {
                    let mut len = 0usize;
                    let _ = p3p::ffi::p3p_cookie_rewrite(
                        c.as_ptr(),
                        c.len(),
                        d.action,
                        out.as_mut_ptr(),
                        out.len(),
                        &mut len,
                    );
                }
            }
        }
        sink.bytes += n;
    }
    let after = allocations();
    MEASURING.with(|m| m.set(false));

    assert_eq!(after - before, 0, "the hot path allocated {} times", after - before);
    // The work really happened (and cannot have been optimised away).
    assert!(sink.bytes > 100_000, "report bytes: {}", sink.bytes);
    assert!(decisions > 0 && diags > 0);
    assert_ne!(sink.hash, 0);
}

#[test]
fn the_counter_sees_allocations() {
    MEASURING.with(|m| m.set(true));
    let before = allocations();
    let v = std::hint::black_box(vec![1u8; 32]);
    drop(v);
    let after = allocations();
    MEASURING.with(|m| m.set(false));
    assert!(after > before);
}
