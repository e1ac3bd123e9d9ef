//! Cookie plans: the decisions every `Set-Cookie` header of a response
//! shares (policy, level and party are the same for all of them), made
//! once, so that each cookie costs only its scan and rewrite.

use crate::cookie::Plan;
use crate::ie6::{self, Action, CookieKind, Decision, Reason};
use crate::policy::Policy;
use crate::profile::Profile;

use super::apply::apply_infallible;
use super::guard::{check_out, guard, optional, required, write};
use super::types::*;
use super::{level, party, profile_status};

/// The decisions for the cookies of one response, made once by
/// `p3p_cookie_plan_make` or `p3p_profile_cookie_plan` and read by
/// `p3p_cookie_plan_apply` for each `Set-Cookie` header. A plain value:
/// copy it, keep it in configuration; it holds no pointer. The fields are
/// for reading only: a plan the library did not make (a zeroed one, or
/// one holding a check value or decisions the library never writes) is
/// refused.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct p3p_cookie_plan {
    /// The decision for a session cookie.
    pub session: p3p_decision,
    /// The decision for a persistent cookie.
    pub persistent: p3p_decision,
    /// A constant the library sets, so that a zeroed plan is refused.
    pub check: u32,
}

/// The check value of every plan. A constant rather than a digest of the
/// decisions: the decisions are checked one by one anyway (nothing out of
/// range is ever used), and a digest would cost every cookie more than the
/// decision the plan saves.
const PLAN_MARK: u32 = 0x7033_7050;

impl From<Plan> for p3p_cookie_plan {
    fn from(plan: Plan) -> Self {
        p3p_cookie_plan { session: plan.session.into(), persistent: plan.persistent.into(), check: PLAN_MARK }
    }
}

impl p3p_cookie_plan {
    /// The plan this value holds, or `None` for one the library did not
    /// make (a wrong check value, or a decision out of range).
    #[inline(always)]
    pub fn to_plan(&self) -> Option<Plan> {
        if self.check != PLAN_MARK {
            return None;
        }
        Some(Plan { session: decision(self.session)?, persistent: decision(self.persistent)? })
    }
}

impl p3p_cookie_plan {
    /// The decision for a cookie of `kind`, read when the scan asks for it
    /// from a plan checked before: reading it again costs less than
    /// keeping both decisions in registers across the scan.
    #[inline(always)]
    fn decision(&self, kind: CookieKind) -> Decision {
        let d = match kind {
            CookieKind::Session => self.session,
            CookieKind::Persistent => self.persistent,
        };
        decision(d).unwrap_or(Decision { action: Action::Block, reason: Reason::BlockAll })
    }
}

/// A C decision read back, checked: reasons are numbered from 1 in the
/// order of `Reason::ALL` (a test below holds that).
#[inline(always)]
fn decision(d: p3p_decision) -> Option<Decision> {
    let action = Action::from_u32(d.action)?;
    let reason = *Reason::ALL.get((d.reason as usize).wrapping_sub(1))?;
    Some(Decision { action, reason })
}

/// Makes the plan for the cookies of a response under `policy` (NULL = no
/// policy) at the IE6 `level` in context `party`: the decisions
/// `p3p_cookie_decide` makes for a session and for a persistent cookie.
/// `p3p_cookie_plan_apply` with it does what `p3p_cookie_apply` with the
/// same arguments does. The plan copies what it needs: `policy` may go
/// away afterwards.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` (`out` NULL) or
/// `P3P_STATUS_INVALID_ARGUMENT` (`level` or `party` out of range); `*out`
/// is written only on success. Does not allocate.
///
/// # Safety
/// `policy` is NULL or points at a `p3p_policy`; `out` at a writable
/// `p3p_cookie_plan`.
#[no_mangle]
pub unsafe extern "C" fn p3p_cookie_plan_make(
    policy: *const Policy,
    level: u32,
    party: u32,
    out: *mut p3p_cookie_plan,
) -> p3p_status {
    guard(|| {
        let (l, p) = (self::level(level)?, self::party(party)?);
        check_out(out)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let class = unsafe { optional(policy) }.map_or(ie6::Class::NoPolicy, ie6::classify);
        let plan = Plan::new(|kind| ie6::decide_class(class, l, p, kind));
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out, plan.into()) }
    })
}

/// Makes the plan for the cookies of a response under `policy` (NULL = no
/// policy) with `profile` at `level` (as `p3p_profile_decide` takes it) in
/// context `party`: the decisions `p3p_profile_cookie_decide` makes for a
/// session and for a persistent cookie. `p3p_cookie_plan_apply` with it
/// does what `p3p_profile_cookie_apply` with the same arguments does. The
/// plan copies the decisions: `profile` and `policy` may go away afterwards.
///
/// A decision the profile cannot make (a level it does not have, a damaged
/// profile) fails here, once, with the status `p3p_profile_cookie_apply`
/// would give for every cookie: the plan needs both kinds' decisions, so
/// either one failing fails it.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` (`profile` or `out`
/// NULL) or `P3P_STATUS_INVALID_ARGUMENT` (`party` out of range, or the
/// profile cannot decide at `level`); `*out` is written only on success.
/// Does not allocate.
///
/// # Safety
/// `profile` must point at a `p3p_profile`; `policy` is NULL or points at
/// a `p3p_policy`; `out` at a writable `p3p_cookie_plan`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_cookie_plan(
    profile: *const Profile,
    policy: *const Policy,
    level: u32,
    party: u32,
    out: *mut p3p_cookie_plan,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let (pr, policy) = unsafe { (required(profile)?, optional(policy)) };
        let p = self::party(party)?;
        check_out(out)?;
        let plan = Plan::try_new(|kind| pr.decide(policy, level, p, kind).map(|o| o.decision).map_err(profile_status))?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out, plan.into()) }
    })
}

/// Decides one `Set-Cookie` header value with a plan and writes its
/// rewrite: exactly what `p3p_cookie_apply` (for a plan from
/// `p3p_cookie_plan_make`) or `p3p_profile_cookie_apply` (for one from
/// `p3p_profile_cookie_plan`) does with the arguments the plan was made
/// with: the same decision in `*out_decision`, the same bytes in `out`,
/// the same buffer rule (`(NULL, 0)` asks for the size; a buffer too small
/// gets `P3P_STATUS_BUFFER_TOO_SMALL`, the size in `*out_len` and nothing
/// else), and a deletion is always accepted.
///
/// * `plan`: borrowed for the call.
/// * `set_cookie`, `now`, `out`, `out_cap`, `out_len`: as for
///   `p3p_cookie_apply`; `len + P3P_COOKIE_LEASH_EXTRA` bytes always fit.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` (`plan`,
/// `out_decision` or `out_len` NULL, or a NULL pointer with a non-zero
/// length), `P3P_STATUS_INVALID_ARGUMENT` (a plan the library did not
/// make, such as a zeroed one), `P3P_STATUS_BUFFER_TOO_SMALL` or
/// `P3P_STATUS_COOKIE_CONTROL_BYTE` (nothing written; the caller decides).
/// Does not allocate.
///
/// # Safety
/// `plan` must point at a `p3p_cookie_plan`; `set_cookie` at `len`
/// readable bytes; `out_decision` at a writable `p3p_cookie_decision`;
/// `out` at `out_cap` writable bytes not overlapping the value; `out_len`
/// at a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_cookie_plan_apply(
    plan: *const p3p_cookie_plan,
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
        let plan = unsafe { required(plan) }?;
        if plan.to_plan().is_none() {
            return Err(P3P_STATUS_INVALID_ARGUMENT);
        }
        let decide = |kind| plan.decision(kind);
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { apply_infallible(set_cookie, len, now, out_decision, out, out_cap, out_len, decide) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ie6::{Level, Party};

    #[test]
    fn a_plan_survives_the_c_form_and_a_damaged_one_does_not() {
        for level in Level::ALL {
            for party in Party::ALL {
                let plan = Plan::new(|kind| ie6::decide(None, level, party, kind));
                let c = p3p_cookie_plan::from(plan);
                assert_eq!(c.to_plan(), Some(plan));
                let mut changed = c;
                changed.persistent.action = 5;
                assert_eq!(changed.to_plan(), None);
                let mut changed = c;
                changed.session.reason = 0;
                assert_eq!(changed.to_plan(), None);
                let mut changed = c;
                changed.check ^= 1 << 20;
                assert_eq!(changed.to_plan(), None);
            }
        }
        assert_eq!(p3p_cookie_plan::default().to_plan(), None);
    }

    #[test]
    fn reasons_are_numbered_in_their_list_order() {
        for (i, r) in Reason::ALL.into_iter().enumerate() {
            assert_eq!(r as usize, i + 1);
            let d = p3p_decision { action: 0, reason: r as u32 };
            assert_eq!(decision(d), Some(Decision { action: Action::Accept, reason: r }));
        }
    }

    #[test]
    fn decisions_out_of_range_are_refused_whatever_the_check() {
        for (action, reason) in [(5, 1), (0, 0), (0, 27), (u32::MAX, 1), (0, u32::MAX)] {
            let bad = p3p_decision { action, reason };
            let good = p3p_decision { action: 0, reason: 11 };
            let c = p3p_cookie_plan { session: bad, persistent: good, check: PLAN_MARK };
            assert_eq!(c.to_plan(), None, "{action} {reason}");
        }
    }
}
