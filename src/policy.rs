//! The parsed compact policy: a fixed-size, `Copy` value of bitsets.
//!
//! The layout is `#[repr(C)]` and is the `p3p_policy` of the C header, so C
//! callers can keep one on the stack with no allocation. Callers should treat
//! the fields as opaque and use the functions; the flag bits are the only part
//! meant to be read directly.

use crate::token::{Suffix, Token};

/// A `CP` directive was found (or the input was a bare token list).
pub const P3P_POLICY_PRESENT: u32 = 1 << 0;
/// The policy has no tokens (`CP=""`).
pub const P3P_POLICY_EMPTY: u32 = 1 << 1;
/// Some words were ignored: unknown, wrong case, or a suffix not allowed.
pub const P3P_POLICY_HAS_INVALID: u32 = 1 << 2;
/// The header carried more than one `CP` directive; the first one counts.
pub const P3P_POLICY_DUPLICATE_CP: u32 = 1 << 3;
/// The `CP` value had no closing quote; it was read to the end.
pub const P3P_POLICY_UNTERMINATED: u32 = 1 << 4;
/// Control bytes occurred inside the policy (treated as separators).
pub const P3P_POLICY_CONTROL_BYTES: u32 = 1 << 5;
/// `CUR` or `OUR` carried a suffix, which the grammar forbids.
pub const P3P_POLICY_NONSTANDARD_SUFFIX: u32 = 1 << 6;
/// The policy looks like free text rather than tokens.
pub const P3P_POLICY_NOT_A_POLICY: u32 = 1 << 7;
/// Some token was written twice.
pub const P3P_POLICY_DUPLICATE_TOKEN: u32 = 1 << 8;

/// A parsed compact policy (`p3p_policy` in C).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Policy {
    /// Bit `t` is set when token `t` (spec order) appears in a recognised form.
    pub tokens: u64,
    /// Consent bits (bit = index among purposes and recipients) of the forms
    /// written with `a` or with no suffix.
    pub always: u32,
    /// Consent bits of the forms written with `o`.
    pub opt_out: u32,
    /// Consent bits of the forms written with `i`.
    pub opt_in: u32,
    /// `P3P_POLICY_*` flag bits.
    pub flags: u32,
    /// Number of words in the policy (saturates).
    pub word_count: u32,
    /// Number of words that were ignored (saturates).
    pub invalid_count: u32,
}

impl Policy {
    /// The absent policy: what a response without a `CP` directive has.
    ///
    /// cbindgen:ignore
    pub const ABSENT: Policy =
        Policy { tokens: 0, always: 0, opt_out: 0, opt_in: 0, flags: 0, word_count: 0, invalid_count: 0 };

    /// Whether the response carried a compact policy at all.
    #[inline]
    pub const fn is_present(&self) -> bool {
        self.flags & P3P_POLICY_PRESENT != 0
    }

    /// Whether `token` appears in a recognised form.
    #[inline]
    pub const fn has(&self, token: Token) -> bool {
        self.tokens & (1u64 << token as u32) != 0
    }

    /// Whether `flag` (a `P3P_POLICY_*` bit) is set.
    #[inline]
    pub const fn flag(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    /// The weakest consent given for a purpose or recipient (a token seen
    /// with two suffixes counts with the weaker one), or `None` when the
    /// token is absent or takes no suffix.
    #[inline]
    pub fn consent(&self, token: Token) -> Option<Suffix> {
        let bit = 1u32 << token.consent_index()?;
        if self.always & bit != 0 {
            Some(Suffix::Always)
        } else if self.opt_out & bit != 0 {
            Some(Suffix::OptOut)
        } else if self.opt_in & bit != 0 {
            Some(Suffix::OptIn)
        } else {
            None
        }
    }

    /// Iterates the tokens present, in spec order.
    pub fn iter(&self) -> impl Iterator<Item = Token> + '_ {
        crate::token::ALL_TOKENS.into_iter().filter(|t| self.has(*t))
    }

    /// Adds one recognised token form (used by the parser and by fix hints).
    #[inline]
    pub(crate) fn insert(&mut self, token: Token, suffix: Suffix) {
        self.tokens |= 1u64 << token as u32;
        if let Some(ci) = token.consent_index() {
            let bit = 1u32 << ci;
            match suffix {
                Suffix::Always => self.always |= bit,
                Suffix::OptOut => self.opt_out |= bit,
                Suffix::OptIn => self.opt_in |= bit,
            }
        }
    }

    /// A copy in which every form of the consent tokens in `mask` is
    /// replaced by `suffix`. The explainer uses it to compute fix hints.
    pub(crate) fn with_consent(mut self, mask: u32, suffix: Suffix) -> Policy {
        self.always &= !mask;
        self.opt_out &= !mask;
        self.opt_in &= !mask;
        match suffix {
            Suffix::Always => self.always |= mask,
            Suffix::OptOut => self.opt_out |= mask,
            Suffix::OptIn => self.opt_in |= mask,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_what_the_c_header_promises() {
        assert_eq!(core::mem::size_of::<Policy>(), 32);
        assert_eq!(core::mem::align_of::<Policy>(), 8);
    }

    #[test]
    fn weaker_consent_wins() {
        let mut p = Policy::ABSENT;
        p.insert(Token::CON, Suffix::OptIn);
        assert_eq!(p.consent(Token::CON), Some(Suffix::OptIn));
        p.insert(Token::CON, Suffix::OptOut);
        assert_eq!(p.consent(Token::CON), Some(Suffix::OptOut));
        p.insert(Token::CON, Suffix::Always);
        assert_eq!(p.consent(Token::CON), Some(Suffix::Always));
        assert_eq!(p.consent(Token::PHY), None);
        assert_eq!(p.consent(Token::TEL), None);
    }

    #[test]
    fn with_consent_rewrites_only_the_mask() {
        let mut p = Policy::ABSENT;
        p.insert(Token::CON, Suffix::Always);
        p.insert(Token::TEL, Suffix::Always);
        let mask = 1 << Token::CON.consent_index().unwrap();
        let q = p.with_consent(mask, Suffix::OptIn);
        assert_eq!(q.consent(Token::CON), Some(Suffix::OptIn));
        assert_eq!(q.consent(Token::TEL), Some(Suffix::Always));
    }
}
