//! `Set-Cookie` handling for the server: is a cookie persistent, and the
//! rewrites that carry out a decision (docs/set-cookie.md):
//!
//! * accept: the header is left byte for byte;
//! * downgrade: `Expires` and `Max-Age` attributes are removed, so the
//!   browser keeps the cookie for the session only;
//! * leash: `SameSite=Lax` is set (replacing any other SameSite value), so
//!   the cookie is not sent on third-party subrequests but still is on
//!   top-level navigation, as IE's leash did;
//! * block (and prompt): the header is removed; the rewrite writes nothing.
//!
//! Rewrites only delete attribute spans or write one fixed attribute, so the
//! output is never longer than the input plus [`LEASH_EXTRA`], and no text
//! from elsewhere is ever spliced into a cookie. Control bytes are rejected.
//!
//! Attributes are read as a browser reads them (RFC 6265 section 5.2, kept
//! in RFC 6265bis), so that the server and the browser agree on what a
//! cookie is: an attribute's name is everything before its first `=`,
//! without surrounding spaces and tabs, compared without regard to case
//! (`Max-Age junk=0` is an unknown attribute); a `Max-Age` value is an
//! optional `-` and digits, an `Expires` value a date the RFC's cookie-date
//! algorithm accepts (a day that exists in its month, a year from 1601),
//! and any other value makes the browser ignore the attribute; the last
//! valid occurrence counts, and a valid `Max-Age` wins over `Expires`.

use crate::ie6::{Action, CookieKind, Decision, Reason};

mod date;
mod plan;
mod scan;
mod walk;

pub use date::parse_cookie_date;
pub use plan::Plan;

/// Bytes a leash may add: `; SameSite=Lax`.
pub const LEASH_EXTRA: usize = 14;

const LEASH_ATTR: &[u8] = b"; SameSite=Lax";
const LEASH_VALUE: &[u8] = b"SameSite=Lax";

/// Why a `Set-Cookie` value could not be handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CookieError {
    /// A control byte (other than tab) at this offset.
    ControlByte(usize),
    /// The output buffer is smaller than the bound the action needs.
    BufferTooSmall {
        /// The capacity required.
        needed: usize,
    },
}

/// What a `Set-Cookie` value says about its cookie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CookieInfo {
    /// Session or persistent (a valid `Max-Age`, or a valid `Expires`).
    pub kind: CookieKind,
    /// The header removes a cookie: `Max-Age` of zero or less, or an
    /// `Expires` date not after the time given.
    pub deletion: bool,
    /// Offset of the cookie name.
    pub name_offset: usize,
    /// Length of the cookie name (0 for a nameless cookie).
    pub name_len: usize,
}

impl CookieInfo {
    fn of(scan: &scan::Scan) -> CookieInfo {
        // Max-Age wins over Expires; invalid values were ignored.
        let (kind, deletion) = match (scan.max_age_gone, scan.expired) {
            (Some(gone), _) => (CookieKind::Persistent, gone),
            (None, Some(expired)) => (CookieKind::Persistent, expired),
            (None, None) => (CookieKind::Session, false),
        };
        CookieInfo { kind, deletion, name_offset: scan.name_offset, name_len: scan.name_len }
    }
}

/// Reads a cookie's name and lifetime. `now` (seconds since the Unix epoch)
/// lets an `Expires` date in the past count as a deletion; without it only
/// `Max-Age` can mark one.
pub fn inspect(s: &[u8], now: Option<i64>) -> Result<CookieInfo, CookieError> {
    let mut scan = scan::Scan::EMPTY;
    scan::scan(s, now, &mut scan).map_err(CookieError::ControlByte)?;
    Ok(CookieInfo::of(&scan))
}

/// The decision for a cookie read as `info`: a deletion always passes
/// (removing a cookie stores nothing, and blocking it would keep old data
/// alive); otherwise the cell of `decide` for the cookie's kind.
#[inline(always)]
fn decision_for(info: &CookieInfo, decide: impl FnOnce(CookieKind) -> Decision) -> Decision {
    if info.deletion {
        Decision { action: Action::Accept, reason: Reason::CookieDeletion }
    } else {
        decide(info.kind)
    }
}

/// Decides what to do with one cookie: a deletion always passes (removing a
/// cookie stores nothing, and blocking it would keep old data alive);
/// otherwise the cell of `decide` for the cookie's kind.
pub fn decide_cookie(
    s: &[u8],
    now: Option<i64>,
    decide: impl FnOnce(CookieKind) -> Decision,
) -> Result<(Decision, CookieInfo), CookieError> {
    let info = inspect(s, now)?;
    Ok((decision_for(&info, decide), info))
}

/// What [`apply`] did with one cookie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The action and its reason.
    pub decision: Decision,
    /// What the value says about its cookie.
    pub info: CookieInfo,
    /// Bytes of the rewritten value written to the output: the new value
    /// for a downgrade or a leash; 0 for accept (keep the value as it is),
    /// block and prompt (remove the header).
    pub len: usize,
}

/// Decides one `Set-Cookie` value and, when the action needs it, writes
/// the rewrite into `out`, all in one pass over the value: the same
/// decision as [`decide_cookie`] and the same bytes as [`rewrite`].
///
/// `out` must hold [`capacity_for`] the decided action (at most
/// `s.len() + LEASH_EXTRA`); a smaller one gets
/// [`CookieError::BufferTooSmall`] and nothing is written.
pub fn apply(
    s: &[u8],
    now: Option<i64>,
    decide: impl FnOnce(CookieKind) -> Decision,
    out: &mut [u8],
) -> Result<Applied, CookieError> {
    let (decision, info, written) = apply_parts(s, now, decide, out)?;
    let len = written.map_err(|needed| CookieError::BufferTooSmall { needed })?;
    Ok(Applied { decision, info, len })
}

/// [`apply`], with the decision also when the buffer is too small:
/// `Err(needed)` in the last place.
#[inline(always)]
pub(crate) fn apply_parts(
    s: &[u8],
    now: Option<i64>,
    decide: impl FnOnce(CookieKind) -> Decision,
    out: &mut [u8],
) -> Result<(Decision, CookieInfo, Result<usize, usize>), CookieError> {
    let mut scan = scan::Scan::EMPTY;
    scan::scan(s, now, &mut scan).map_err(CookieError::ControlByte)?;
    let info = CookieInfo::of(&scan);
    let decision = decision_for(&info, decide);
    let action = decision.action;
    if !matches!(action, Action::Downgrade | Action::Leash) {
        return Ok((decision, info, Ok(0)));
    }
    let needed = capacity_for(action, s.len());
    if out.len() < needed {
        return Ok((decision, info, Err(needed)));
    }
    let mut w = Writer { out, len: 0 };
    match scan.spans() {
        Some(spans) => write_spans(s, spans, scan.samesite, action, &mut w),
        // More attributes to change than the scan kept: walk them.
        None => walk::rewrite_into(s, action, &mut w),
    }
    Ok((decision, info, Ok(w.len)))
}

/// A downgrade or a leash from the spans a scan kept: the runs between
/// them are copied as they are.
#[inline(always)]
fn write_spans(s: &[u8], spans: &[(u32, u32)], samesite: u32, action: Action, w: &mut Writer<'_>) {
    if let (Action::Downgrade, 0, &[(start, end)]) = (action, samesite, spans) {
        // The common downgrade, one `Expires` or `Max-Age` to drop: the
        // two runs around it, without the loop.
        w.put(s.get(..start as usize).unwrap_or(&[]));
        w.put(s.get(end as usize..).unwrap_or(&[]));
        return;
    }
    let mut kept = 0;
    let mut leashed = false;
    for (i, &(start, end)) in spans.iter().enumerate() {
        let (start, end) = (start as usize, end as usize);
        let is_samesite = samesite >> i & 1 != 0;
        if action == Action::Downgrade && !is_samesite {
            w.put(s.get(kept..start).unwrap_or(&[]));
            kept = end;
        } else if action == Action::Leash && is_samesite {
            if leashed {
                w.put(s.get(kept..start).unwrap_or(&[]));
            } else {
                // The first one keeps its place and spacing: only its name
                // and value change.
                let seg = s.get(start + 1..end).unwrap_or(&[]);
                let name = start + 1 + (seg.len() - seg.trim_ascii_start().len());
                w.put(s.get(kept..name).unwrap_or(&[]));
                w.put(LEASH_VALUE);
                leashed = true;
            }
            kept = end;
        }
    }
    w.put(s.get(kept..).unwrap_or(&[]));
    if action == Action::Leash && !leashed {
        w.put(LEASH_ATTR);
    }
}

/// The output capacity an action needs for an input of `len` bytes.
pub const fn capacity_for(action: Action, len: usize) -> usize {
    match action {
        Action::Leash => len.saturating_add(LEASH_EXTRA),
        Action::Block | Action::Prompt => 0,
        Action::Accept | Action::Downgrade => len,
    }
}

/// Rewrites a `Set-Cookie` value for `action` into `out` and returns the
/// number of bytes written. `out` must hold [`capacity_for`] bytes.
pub fn rewrite(s: &[u8], action: Action, out: &mut [u8]) -> Result<usize, CookieError> {
    check_bytes(s)?;
    let needed = capacity_for(action, s.len());
    if out.len() < needed {
        return Err(CookieError::BufferTooSmall { needed });
    }
    let mut w = Writer { out, len: 0 };
    walk::rewrite_into(s, action, &mut w);
    Ok(w.len)
}

/// Control bytes (other than tab) would let a header carry another header.
/// The common, clean case is one branch-free pass the compiler vectorises.
fn check_bytes(s: &[u8]) -> Result<(), CookieError> {
    let bad = |b: u8| (b < 0x20 && b != b'\t') || b == 0x7f;
    if !s.iter().fold(false, |acc, &b| acc | bad(b)) {
        return Ok(());
    }
    Err(CookieError::ControlByte(s.iter().position(|&b| bad(b)).unwrap_or(0)))
}

/// Appends to a buffer whose size was checked beforehand.
struct Writer<'a> {
    out: &'a mut [u8],
    len: usize,
}

impl Writer<'_> {
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        if n > self.out.len() - self.len {
            return; // never: the capacity was checked before writing
        }
        // SAFETY: `len + n <= out.len()` (checked just above), so the
        // destination run is inside `out`; `bytes` is `n` readable bytes,
        // which cannot overlap `out` (borrowed mutably here).
        unsafe { copy_run(bytes.as_ptr(), self.out.as_mut_ptr().add(self.len), n) };
        self.len += n;
    }
}

/// Copies `n` bytes. The runs a rewrite copies are mostly 8 to 32 bytes
/// long: those are two overlapping moves, not a call to `memcpy`.
///
/// # Safety
/// `src` must be `n` readable bytes and `dst` `n` writable bytes, not
/// overlapping.
#[inline(always)]
unsafe fn copy_run(src: *const u8, dst: *mut u8, n: usize) {
    // SAFETY: each load and store is of `K` bytes at offset 0 or `n - K`
    // with `K <= n`, so inside both runs; other lengths go to the plain copy.
    unsafe {
        if (16..=32).contains(&n) {
            let (a, b) = (src.cast::<[u8; 16]>().read_unaligned(), src.add(n - 16).cast::<[u8; 16]>().read_unaligned());
            dst.cast::<[u8; 16]>().write_unaligned(a);
            dst.add(n - 16).cast::<[u8; 16]>().write_unaligned(b);
        } else if (8..16).contains(&n) {
            let (a, b) = (src.cast::<u64>().read_unaligned(), src.add(n - 8).cast::<u64>().read_unaligned());
            dst.cast::<u64>().write_unaligned(a);
            dst.add(n - 8).cast::<u64>().write_unaligned(b);
        } else {
            core::ptr::copy_nonoverlapping(src, dst, n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rw(s: &str, a: Action) -> String {
        let mut out = vec![0u8; s.len() + LEASH_EXTRA];
        let n = rewrite(s.as_bytes(), a, &mut out).unwrap();
        String::from_utf8(out[..n].to_vec()).unwrap()
    }

    #[test]
    fn downgrade_removes_expires_and_max_age_only() {
        assert_eq!(rw("id=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/", Action::Downgrade), "id=1; Path=/");
        assert_eq!(rw("id=1;Max-Age=60;HttpOnly", Action::Downgrade), "id=1;HttpOnly");
        assert_eq!(rw("id=1 ;  eXpIrEs = x ; max-AGE=3; Secure", Action::Downgrade), "id=1 ; Secure");
        assert_eq!(rw("id=1; Path=/", Action::Downgrade), "id=1; Path=/");
        assert_eq!(rw("id=a=b; Max-Age=1", Action::Downgrade), "id=a=b");
        assert_eq!(rw("", Action::Downgrade), "");
    }

    #[test]
    fn leash_sets_samesite_lax_once() {
        assert_eq!(rw("id=1; Path=/", Action::Leash), "id=1; Path=/; SameSite=Lax");
        assert_eq!(rw("id=1; samesite=None; Secure", Action::Leash), "id=1; SameSite=Lax; Secure");
        assert_eq!(rw("id=1;SameSite=Strict;SameSite=None", Action::Leash), "id=1;SameSite=Lax");
        assert_eq!(rw("id=1;  SAMESITE", Action::Leash), "id=1;  SameSite=Lax");
    }

    #[test]
    fn accept_and_block() {
        assert_eq!(rw("id=1; Max-Age=5", Action::Accept), "id=1; Max-Age=5");
        assert_eq!(rw("id=1; Max-Age=5", Action::Block), "");
        assert_eq!(rw("id=1; Max-Age=5", Action::Prompt), "");
    }

    #[test]
    fn control_bytes_are_rejected() {
        let mut out = [0u8; 64];
        assert_eq!(rewrite(b"id=1\r\nX: y", Action::Accept, &mut out), Err(CookieError::ControlByte(4)));
        assert_eq!(inspect(b"id=\x001", None), Err(CookieError::ControlByte(3)));
        assert!(rewrite(b"id=1;\tPath=/", Action::Accept, &mut out).is_ok());
    }

    #[test]
    fn small_buffers_are_refused() {
        let mut out = [0u8; 4];
        assert_eq!(rewrite(b"id=12", Action::Accept, &mut out), Err(CookieError::BufferTooSmall { needed: 5 }));
        let mut out = [0u8; 5];
        assert_eq!(rewrite(b"id=12", Action::Leash, &mut out), Err(CookieError::BufferTooSmall { needed: 19 }));
    }

    #[test]
    fn inspect_reads_name_and_lifetime() {
        let i = inspect(b" sid = x; Path=/", None).unwrap();
        assert_eq!((i.kind, i.deletion, i.name_offset, i.name_len), (CookieKind::Session, false, 1, 3));
        let i = inspect(b"a=1; max-age=100", None).unwrap();
        assert_eq!((i.kind, i.deletion), (CookieKind::Persistent, false));
        let i = inspect(b"a=1; Max-Age=0", None).unwrap();
        assert!(i.deletion);
        let i = inspect(b"a=1; Max-Age=-5; Expires=Wed, 21 Oct 2037 07:28:00 GMT", None).unwrap();
        assert!(i.deletion);
        let i = inspect(b"a=1; Max-Age=soon", None).unwrap();
        assert_eq!(i.kind, CookieKind::Session);
        let i = inspect(b"a=1; Expires=not a date", None).unwrap();
        assert_eq!(i.kind, CookieKind::Session);
        let i = inspect(b"a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", Some(1_700_000_000)).unwrap();
        assert_eq!((i.kind, i.deletion), (CookieKind::Persistent, true));
        let i = inspect(b"a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", None).unwrap();
        assert!(!i.deletion);
        let i = inspect(b"novalue", None).unwrap();
        assert_eq!(i.name_len, 0);
    }

    #[test]
    fn attribute_names_are_whole_words_before_the_equals_sign() {
        let now = Some(1_700_000_000);
        let kind = |s: &[u8]| inspect(s, now).map(|i| (i.kind, i.deletion)).unwrap();
        // Unknown attributes to a browser: a session cookie, not a deletion.
        for fake in [
            &b"trk=1; Max-Age junk=0"[..],
            b"trk=1; Expires junk=Thu, 01 Jan 1970 00:00:00 GMT",
            b"trk=1; Max-Agex=0",
            b"trk=1; Max Age=0",
            b"trk=1; xMax-Age=0",
            b"trk=1; Max-Age\t junk=0",
            b"trk=1; Expires; Max-Age",
        ] {
            assert_eq!(kind(fake), (CookieKind::Session, false), "{}", String::from_utf8_lossy(fake));
        }
        // Spaces and tabs around the name and the value are not part of them.
        assert_eq!(kind(b"a=1; Max-Age =0"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1;\tmAX-aGE\t=\t0\t"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1;  expires  =  Thu, 01 Jan 1970 00:00:00 GMT "), (CookieKind::Persistent, true));
        // The value is everything after the first `=`.
        assert_eq!(kind(b"a=1; Max-Age==0"), (CookieKind::Session, false));
        assert_eq!(kind(b"a=1; Max-Age=0=0"), (CookieKind::Session, false));
    }

    #[test]
    fn max_age_is_an_optional_minus_and_digits() {
        let kind = |s: &[u8]| inspect(s, None).map(|i| (i.kind, i.deletion)).unwrap();
        assert_eq!(kind(b"a=1; Max-Age=-1"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=-0"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=000"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=99999999999999999999999"), (CookieKind::Persistent, false));
        for bad in
            [&b"a=1; Max-Age=-"[..], b"a=1; Max-Age=+5", b"a=1; Max-Age=5s", b"a=1; Max-Age=", b"a=1; Max-Age=0 0"]
        {
            assert_eq!(kind(bad), (CookieKind::Session, false), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn the_last_valid_occurrence_counts_and_max_age_wins() {
        let kind = |s: &[u8]| inspect(s, Some(1_700_000_000)).map(|i| (i.kind, i.deletion)).unwrap();
        assert_eq!(kind(b"a=1; Max-Age=0; Max-Age=60"), (CookieKind::Persistent, false));
        assert_eq!(kind(b"a=1; Max-Age=60; Max-Age=0"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=0; Max-Age=soon"), (CookieKind::Persistent, true));
        assert_eq!(kind(b"a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT"), (CookieKind::Persistent, false));
        assert_eq!(kind(b"a=1; Max-Age=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT"), (CookieKind::Persistent, true));
        assert_eq!(
            kind(b"a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires=Wed, 21 Oct 2037 07:28:00 GMT"),
            (CookieKind::Persistent, false)
        );
        assert_eq!(
            kind(b"a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Expires=Fri, 31 Feb 2000 00:00:00 GMT"),
            (CookieKind::Persistent, false)
        );
    }

    #[test]
    fn an_impossible_date_is_no_lifetime() {
        let i = inspect(b"trk=1; Expires=Fri, 31 Feb 2000 00:00:00 GMT", Some(1_700_000_000)).unwrap();
        assert_eq!((i.kind, i.deletion), (CookieKind::Session, false));
    }

    #[test]
    fn rewrites_act_on_real_attributes_only() {
        assert_eq!(rw("a=1; Max-Age junk=0; Max-Age=5", Action::Downgrade), "a=1; Max-Age junk=0");
        assert_eq!(rw("a=1; SameSite junk=None", Action::Leash), "a=1; SameSite junk=None; SameSite=Lax");
        assert_eq!(rw("a=1; samesite = None", Action::Leash), "a=1; SameSite=Lax");
    }

    #[test]
    fn deletions_pass_whatever_the_decision() {
        let block = |_| Decision { action: Action::Block, reason: Reason::BlockAll };
        let (d, _) = decide_cookie(b"a=; Max-Age=0", None, block).unwrap();
        assert_eq!(d.action, Action::Accept);
        let (d, _) = decide_cookie(b"a=1; Max-Age=9", None, block).unwrap();
        assert_eq!(d.action, Action::Block);
    }
}
