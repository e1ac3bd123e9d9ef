//! A cookie plan: the decisions for a session and for a persistent cookie
//! under one policy, level and party. Every `Set-Cookie` header of a
//! response shares them, so they are made once and each cookie only reads
//! its cell: the scan and the rewrite are those of [`super::apply`].

use super::{apply, Applied, CookieError};
use crate::ie6::{CookieKind, Decision};

/// The decisions for the two kinds of cookie; a deletion still passes
/// whatever they say (see [`super::decide_cookie`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Plan {
    /// For a cookie without a valid `Expires` or `Max-Age`.
    pub session: Decision,
    /// For a cookie with one.
    pub persistent: Decision,
}

impl Plan {
    /// Makes a plan by asking `decide` once for each kind.
    pub fn new(mut decide: impl FnMut(CookieKind) -> Decision) -> Plan {
        Plan { session: decide(CookieKind::Session), persistent: decide(CookieKind::Persistent) }
    }

    /// Makes a plan by asking `decide` once for each kind (persistent
    /// first); the first failure is returned.
    pub fn try_new<E>(mut decide: impl FnMut(CookieKind) -> Result<Decision, E>) -> Result<Plan, E> {
        let persistent = decide(CookieKind::Persistent)?;
        let session = decide(CookieKind::Session)?;
        Ok(Plan { session, persistent })
    }

    /// The decision for a cookie of `kind`.
    #[inline(always)]
    pub fn decision(&self, kind: CookieKind) -> Decision {
        match kind {
            CookieKind::Session => self.session,
            CookieKind::Persistent => self.persistent,
        }
    }

    /// [`apply`] with the decision read from the plan.
    #[inline]
    pub fn apply(&self, s: &[u8], now: Option<i64>, out: &mut [u8]) -> Result<Applied, CookieError> {
        apply(s, now, |kind| self.decision(kind), out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ie6::{self, Action, Level, Party, Reason};

    #[test]
    fn a_plan_applies_as_the_direct_call() {
        let values: [&[u8]; 5] = [
            b"id=1; Path=/",
            b"id=1; Max-Age=60; SameSite=None",
            b"id=; Max-Age=0",
            b"id=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT",
            b"id=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        ];
        for level in Level::ALL {
            for party in Party::ALL {
                let decide = |kind| ie6::decide(None, level, party, kind);
                let plan = Plan::new(decide);
                for s in values {
                    let (mut a, mut b) = ([0u8; 64], [0u8; 64]);
                    let direct = apply(s, Some(1_700_000_000), decide, &mut a).unwrap();
                    let planned = plan.apply(s, Some(1_700_000_000), &mut b).unwrap();
                    assert_eq!(direct, planned);
                    assert_eq!(a[..direct.len], b[..planned.len]);
                }
            }
        }
    }

    #[test]
    fn a_failing_decision_fails_the_plan() {
        let mut asked = Vec::new();
        let r = Plan::try_new(|kind| {
            asked.push(kind);
            if kind == CookieKind::Session {
                Err("no")
            } else {
                Ok(Decision { action: Action::Accept, reason: Reason::AcceptAll })
            }
        });
        assert_eq!(r, Err("no"));
        assert_eq!(asked, [CookieKind::Persistent, CookieKind::Session]);
    }
}
