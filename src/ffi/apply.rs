//! One pass per cookie: the calls a server makes for every `Set-Cookie`
//! header, deciding it and writing its rewrite at once.

use crate::cookie::{self, CookieError};
use crate::ie6::{self, Action, CookieKind, Decision, Reason};
use crate::policy::Policy;
use crate::profile::Profile;

use super::guard::{check_out, guard, input, optional, output, required, write};
use super::types::*;
use super::{level, party, profile_status};

/// Decides one value with `decide` and writes its rewrite to `buf`; a
/// failure of `decide` wins over what the value says, so a bad level or
/// profile is reported even for a deletion or a control byte. Returns the
/// decision and the bytes written, or `Err(needed)` for a buffer too small.
#[inline(always)]
fn apply_one(
    s: &[u8],
    now: i64,
    buf: &mut [u8],
    decide: impl Fn(CookieKind) -> Result<Decision, p3p_status>,
) -> Result<(p3p_cookie_decision, Result<usize, usize>), p3p_status> {
    let mut failed = None;
    let now = (now > 0).then_some(now);
    let applied = cookie::apply_parts(
        s,
        now,
        |kind| {
            decide(kind).unwrap_or_else(|status| {
                failed = Some(status);
                Decision { action: Action::Block, reason: Reason::BlockAll }
            })
        },
        buf,
    );
    if let Some(status) = failed {
        return Err(status);
    }
    match applied {
        Ok((d, info, written)) => {
            if info.deletion {
                decide(CookieKind::Persistent)?;
            }
            Ok((p3p_cookie_decision::new(d, info), written))
        }
        Err(CookieError::ControlByte(_)) => {
            decide(CookieKind::Persistent)?;
            Err(P3P_STATUS_COOKIE_CONTROL_BYTE)
        }
        Err(CookieError::BufferTooSmall { .. }) => Err(P3P_STATUS_BUFFER_TOO_SMALL),
    }
}

/// Writes the results of [`apply_one`] by the buffer rule: a size query
/// `(NULL, 0)` gets the decision and the size needed; a buffer too small
/// only the size needed.
///
/// # Safety
/// `out_decision` and `out_len` point at a writable `p3p_cookie_decision`
/// and `size_t` (checked non-null by the caller).
#[inline(always)]
unsafe fn finish(
    result: (p3p_cookie_decision, Result<usize, usize>),
    query: bool,
    out_decision: *mut p3p_cookie_decision,
    out_len: *mut usize,
) -> Result<(), p3p_status> {
    let (d, written) = result;
    let n = match written {
        Ok(n) => n,
        Err(needed) if query => needed,
        Err(needed) => {
            // SAFETY: forwarded from the caller.
            unsafe { write(out_len, needed) }?;
            return Err(P3P_STATUS_BUFFER_TOO_SMALL);
        }
    };
    // SAFETY: forwarded from the caller.
    unsafe {
        write(out_decision, d)?;
        write(out_len, n)
    }
}

/// The body of the one-pass exports whose decision cannot fail
/// (`p3p_cookie_apply`, `p3p_cookie_plan_apply`), after their own
/// arguments are checked: the output pointers, the value, the scan with
/// `decide`, and the results by the buffer rule of [`finish`].
///
/// # Safety
/// As the exports' # Safety sections require of these pointers.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(super) unsafe fn apply_infallible(
    set_cookie: *const u8,
    len: usize,
    now: i64,
    out_decision: *mut p3p_cookie_decision,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
    decide: impl FnOnce(CookieKind) -> Decision,
) -> Result<(), p3p_status> {
    check_out(out_decision)?;
    check_out(out_len)?;
    // SAFETY: forwarded from the caller.
    let (s, buf) = unsafe { (input(set_cookie, len)?, output(out, out_cap)?) };
    let now = (now > 0).then_some(now);
    let result = match cookie::apply_parts(s, now, decide, buf) {
        Ok((d, info, written)) => (p3p_cookie_decision::new(d, info), written),
        Err(CookieError::ControlByte(_)) => return Err(P3P_STATUS_COOKIE_CONTROL_BYTE),
        Err(CookieError::BufferTooSmall { .. }) => return Err(P3P_STATUS_BUFFER_TOO_SMALL),
    };
    // SAFETY: forwarded from the caller; both were checked non-null above.
    unsafe { finish(result, out.is_null() && out_cap == 0, out_decision, out_len) }
}

/// Decides one `Set-Cookie` header value under `policy` (NULL = no
/// policy) at `level` in context `party`, as `p3p_cookie_decide` does, and
/// in the same pass over the value writes the value the action calls for:
///
/// * accept: nothing is written and `*out_len` is 0: keep the header as it is;
/// * block (and prompt): nothing is written and `*out_len` is 0: remove the header;
/// * downgrade and leash: the rewritten value (as `p3p_cookie_rewrite`
///   writes it) goes to `out` and its length to `*out_len`.
///
/// `*out_decision` receives the action, reason, kind, flags and the
/// cookie name's span in the value (which a rewrite never moves). A header
/// that deletes a cookie (`Max-Age` <= 0, or `Expires` not after `now`)
/// is always accepted.
///
/// * `set_cookie`: the header value, `len` bytes, borrowed for the call.
/// * `now`: seconds since the Unix epoch, or 0 or less to skip the
///   `Expires`-in-the-past check.
/// * `out`: a buffer of `out_cap` bytes, not overlapping the value. The
///   size needed is the bound of the decided action, known from `len`:
///   `len` for a downgrade, `len + P3P_COOKIE_LEASH_EXTRA` for a leash, 0
///   otherwise; a buffer of `len + P3P_COOKIE_LEASH_EXTRA` bytes always
///   fits. `(NULL, 0)` asks for the size: `P3P_STATUS_OK`, the decision
///   in `*out_decision` and the size in `*out_len`, nothing else written. A
///   buffer smaller than the action needs gets
///   `P3P_STATUS_BUFFER_TOO_SMALL` with the size in `*out_len`, and nothing
///   in `out` or `*out_decision`.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` (`out_decision` or
/// `out_len` NULL, or a NULL pointer with a non-zero length),
/// `P3P_STATUS_INVALID_ARGUMENT` (`level` or `party` out of range),
/// `P3P_STATUS_BUFFER_TOO_SMALL` or `P3P_STATUS_COOKIE_CONTROL_BYTE` (the
/// value holds a control byte: nothing is written; the caller decides
/// whether to keep or drop the header). Does not allocate.
///
/// # Safety
/// `policy` is NULL or points at a `p3p_policy`; `set_cookie` at `len`
/// readable bytes; `out_decision` at a writable `p3p_cookie_decision`;
/// `out` at `out_cap` writable bytes; `out_len` at a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_cookie_apply(
    policy: *const Policy,
    level: u32,
    party: u32,
    set_cookie: *const u8,
    len: usize,
    now: i64,
    out_decision: *mut p3p_cookie_decision,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> p3p_status {
    guard(|| {
        let (l, p) = (self::level(level)?, self::party(party)?);
        // SAFETY: the pointer is valid as the # Safety section requires.
        let class = unsafe { optional(policy) }.map_or(ie6::Class::NoPolicy, ie6::classify);
        // The built-in decision cannot fail: no need for apply_one's
        // bookkeeping of a failed decision.
        let decide = |kind| ie6::decide_class(class, l, p, kind);
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { apply_infallible(set_cookie, len, now, out_decision, out, out_cap, out_len, decide) }
    })
}

/// `p3p_cookie_apply` with a profile: the decision is the one
/// `p3p_profile_cookie_decide` makes (`profile` at `level`, as
/// `p3p_profile_decide` takes it), and the rewrite, the buffer rule and
/// the statuses are those of `p3p_cookie_apply`. A bad level or profile is
/// reported (`P3P_STATUS_INVALID_ARGUMENT`) before anything about the
/// value. Does not allocate.
///
/// # Safety
/// `profile` must point at a `p3p_profile`; `policy` is NULL or points at
/// a `p3p_policy`; `set_cookie` at `len` readable bytes; `out_decision` at
/// a writable `p3p_cookie_decision`; `out` at `out_cap` writable bytes;
/// `out_len` at a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_cookie_apply(
    profile: *const Profile,
    policy: *const Policy,
    level: u32,
    party: u32,
    set_cookie: *const u8,
    len: usize,
    now: i64,
    out_decision: *mut p3p_cookie_decision,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let pr = unsafe { required(profile) }?;
        let p = self::party(party)?;
        check_out(out_decision)?;
        check_out(out_len)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let (s, buf, policy) = unsafe { (input(set_cookie, len)?, output(out, out_cap)?, optional(policy)) };
        let decide = |kind| pr.decide(policy, level, p, kind).map(|o| o.decision).map_err(profile_status);
        let result = apply_one(s, now, buf, decide)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { finish(result, out.is_null() && out_cap == 0, out_decision, out_len) }
    })
}
