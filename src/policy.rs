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

/// Bit of `p3p_policy.mozilla`: some word is not a token for Mozilla's
/// classifier (not 3 or 4 bytes, first three not in its table, `LOC`,
/// `TST`, or a control byte), so Mozilla treats the whole policy as invalid.
pub const P3P_MOZILLA_INVALID: u32 = 1 << 0;
/// Bit of `p3p_policy.mozilla`: identifiable data for Mozilla (`PHY ONL GOV
/// FIN UNI`, whatever the fourth byte, so `FINa` counts).
pub const P3P_MOZILLA_PII: u32 = 1 << 1;
/// Bit of `p3p_policy.mozilla`: a consent token (`CON DEL IVA IVD OTP OTR
/// PUB SAM TEL UNR`) whose fourth byte is neither `o` nor `i`.
pub const P3P_MOZILLA_NO_CONSENT: u32 = 1 << 2;
/// Bit of `p3p_policy.mozilla`: a consent token ending in `o` (opt-out).
pub const P3P_MOZILLA_IMPLICIT: u32 = 1 << 3;
/// Bit of `p3p_policy.mozilla`: a consent token ending in `i` (opt-in).
pub const P3P_MOZILLA_EXPLICIT: u32 = 1 << 4;

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
    /// The policy as Mozilla's classifier reads it: `P3P_MOZILLA_*` bits,
    /// so a Mozilla profile can decide from the parsed value alone.
    pub mozilla: u32,
    /// Always 0.
    pub reserved: u32,
}

impl Policy {
    /// The absent policy: what a response without a `CP` directive has.
    ///
    /// cbindgen:ignore
    pub const ABSENT: Policy = Policy {
        tokens: 0,
        always: 0,
        opt_out: 0,
        opt_in: 0,
        flags: 0,
        word_count: 0,
        invalid_count: 0,
        mozilla: 0,
        reserved: 0,
    };

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

    /// The Mozilla bits one word contributes (see `P3P_MOZILLA_*`): what
    /// Mozilla's classifier makes of it, from its length, its first three
    /// bytes (matched exactly against Mozilla's 52 tokens: ours without
    /// `LOC`) and, for consent tokens, its fourth byte.
    pub fn mozilla_word(word: &[u8]) -> u32 {
        let (&[a, b, c], fourth) = match word {
            [a, b, c] => (&[*a, *b, *c], None),
            [a, b, c, d] => (&[*a, *b, *c], Some(*d)),
            _ => return P3P_MOZILLA_INVALID,
        };
        match Token::lookup([a, b, c]) {
            None | Some(Token::LOC | Token::TST) => P3P_MOZILLA_INVALID,
            Some(t) if MOZILLA_PII & (1u64 << t as u32) != 0 => P3P_MOZILLA_PII,
            Some(t) if MOZILLA_CONSENT & (1u64 << t as u32) != 0 => match fourth {
                Some(b'o') => P3P_MOZILLA_IMPLICIT,
                Some(b'i') => P3P_MOZILLA_EXPLICIT,
                _ => P3P_MOZILLA_NO_CONSENT,
            },
            Some(_) => 0,
        }
    }

    /// The Mozilla bits of the recognised tokens: the same as OR-ing
    /// [`Policy::mozilla_word`] over words that are all valid tokens.
    #[inline]
    pub(crate) const fn mozilla_of_tokens(tokens: u64, always: u32, opt_out: u32, opt_in: u32) -> u32 {
        let consent_shift = Token::CUR as u32;
        let consent = (MOZILLA_CONSENT >> consent_shift) as u32;
        let mut m = 0;
        if tokens & (1u64 << Token::LOC as u32 | 1u64 << Token::TST as u32) != 0 {
            m |= P3P_MOZILLA_INVALID;
        }
        if tokens & MOZILLA_PII != 0 {
            m |= P3P_MOZILLA_PII;
        }
        if always & consent != 0 {
            m |= P3P_MOZILLA_NO_CONSENT;
        }
        if opt_out & consent != 0 {
            m |= P3P_MOZILLA_IMPLICIT;
        }
        if opt_in & consent != 0 {
            m |= P3P_MOZILLA_EXPLICIT;
        }
        m
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

/// Mozilla's identifiable-data tokens (token bits): PHY ONL UNI FIN GOV.
const MOZILLA_PII: u64 = 1 << Token::PHY as u32
    | 1 << Token::ONL as u32
    | 1 << Token::UNI as u32
    | 1 << Token::FIN as u32
    | 1 << Token::GOV as u32;

/// Mozilla's consent tokens (token bits): CON DEL IVA IVD OTP OTR PUB SAM TEL UNR.
const MOZILLA_CONSENT: u64 = 1 << Token::CON as u32
    | 1 << Token::DEL as u32
    | 1 << Token::IVA as u32
    | 1 << Token::IVD as u32
    | 1 << Token::OTP as u32
    | 1 << Token::OTR as u32
    | 1 << Token::PUB as u32
    | 1 << Token::SAM as u32
    | 1 << Token::TEL as u32
    | 1 << Token::UNR as u32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_what_the_c_header_promises() {
        assert_eq!(core::mem::size_of::<Policy>(), 40);
        assert_eq!(core::mem::align_of::<Policy>(), 8);
    }

    #[test]
    fn mozilla_reads_words_by_their_first_three_bytes() {
        assert_eq!(Policy::mozilla_word(b"FINa"), P3P_MOZILLA_PII);
        assert_eq!(Policy::mozilla_word(b"UNI"), P3P_MOZILLA_PII);
        assert_eq!(Policy::mozilla_word(b"CONx"), P3P_MOZILLA_NO_CONSENT);
        assert_eq!(Policy::mozilla_word(b"CONA"), P3P_MOZILLA_NO_CONSENT);
        assert_eq!(Policy::mozilla_word(b"DELo"), P3P_MOZILLA_IMPLICIT);
        assert_eq!(Policy::mozilla_word(b"TELi"), P3P_MOZILLA_EXPLICIT);
        assert_eq!(Policy::mozilla_word(b"CURx"), 0);
        for w in [&b"LOC"[..], b"TST", b"noi", b"NO", b"CONaa", b"XYZ"] {
            assert_eq!(Policy::mozilla_word(w), P3P_MOZILLA_INVALID, "{w:?}");
        }
        // Valid tokens: the set-based computation agrees word by word.
        for t in crate::token::ALL_TOKENS {
            let n = t.name().as_bytes();
            for s in [None, Some(Suffix::Always), Some(Suffix::OptOut), Some(Suffix::OptIn)] {
                if s.is_some() && !t.takes_suffix() {
                    continue;
                }
                let mut p = Policy::ABSENT;
                p.insert(t, s.unwrap_or(Suffix::Always));
                let mut w = n.to_vec();
                w.extend(s.map(Suffix::letter));
                assert_eq!(
                    Policy::mozilla_of_tokens(p.tokens, p.always, p.opt_out, p.opt_in),
                    Policy::mozilla_word(&w),
                    "{t} {s:?}"
                );
            }
        }
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
