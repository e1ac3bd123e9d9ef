//! The parser's fast path: a well-formed policy (`CP="..."` alone, or a bare
//! token list) in one scan, with no diagnostics.
//!
//! The body is read 128 bytes at a time. A block becomes one bitmask of its
//! spaces, from which the word starts fall out with two shifts, and the
//! lengths of all its words are checked at once (3 or 4 bytes). Each word is
//! then one 4-byte load (a 3-byte word with the space after it), one
//! multiply into a perfect hash over the 110 valid words (53 tokens, and 19
//! consent tokens with each of 3 suffixes), one compare, and one 128-bit OR
//! of everything the word sets in the policy, its Mozilla view included.
//! Duplicates are found at the end by counting bits, not per word.
//!
//! Anything else (a tab, a control byte, a quote inside the body, an
//! unknown or misspelt word, an empty policy, other directives, text after
//! the closing quote) returns `None`, and the caller runs the general path
//! from the start, which gives the same policy for every input the fast path
//! accepts (unit tests here, the robustness tests and the fuzz targets
//! compare the two).

use crate::policy::*;
use crate::token::{Token, CONSENT_TOKEN_COUNT, NAMES, TOKEN_COUNT};

/// Parses `CP="tokens"` followed by nothing but spaces or tabs.
#[inline]
pub(crate) fn header(input: &[u8]) -> Option<Policy> {
    let mut body = input.strip_prefix(b"CP=\"")?;
    // The value must close with the last quote; a quote inside the body is a
    // word byte here, so no word containing one is valid.
    while let Some((&last, rest)) = body.split_last() {
        body = rest;
        match last {
            b'"' => return scan(body),
            b' ' | b'\t' => {}
            _ => return None,
        }
    }
    None
}

/// Parses a bare token list (the whole input is the policy body).
#[inline]
pub(crate) fn tokens(body: &[u8]) -> Option<Policy> {
    scan(body)
}

/// Bit layout of the 128-bit accumulator: token bits 0..53, the Mozilla
/// view (`P3P_MOZILLA_*`) at bits 53..58, then from bit 64 the consent bits
/// of the `a` (or bare), `o` and `i` forms, 19 each, and bit 127 for a
/// suffix on `CUR` or `OUR`.
const MOZILLA_AT: u32 = TOKEN_COUNT as u32;
const ALWAYS_AT: u32 = 64;
const OPT_OUT_AT: u32 = ALWAYS_AT + CONSENT_TOKEN_COUNT as u32;
const OPT_IN_AT: u32 = OPT_OUT_AT + CONSENT_TOKEN_COUNT as u32;
const NONSTANDARD_BIT: u128 = 1 << 127;
const TOKEN_MASK: u64 = (1 << TOKEN_COUNT) - 1;
const CONSENT_MASK: u64 = (1 << CONSENT_TOKEN_COUNT) - 1;
/// Token bits of the purposes and recipients (counted through their forms).
const CONSENT_TOKENS: u64 = CONSENT_MASK << Token::CUR as u32;
/// The consent bits of all three forms.
const FORMS_MASK: u64 = (1 << (3 * CONSENT_TOKEN_COUNT)) - 1;

const BLOCK: usize = 128;
/// A block and the bytes a key load may read past its last word start.
const WINDOW: usize = BLOCK + 4;

/// Folds the words of `body` (spaces between them) into a policy.
#[inline(always)]
fn scan(body: &[u8]) -> Option<Policy> {
    #[cfg(all(target_arch = "x86_64", not(all(target_feature = "popcnt", target_feature = "bmi1"))))]
    if std::is_x86_feature_detected!("popcnt") && std::is_x86_feature_detected!("bmi1") {
        // SAFETY: the CPU has both features (checked just above).
        return unsafe { scan_popcnt_bmi1(body) };
    }
    scan_words(body, spaces)
}

/// [`scan_words`] compiled for CPUs with `popcnt` and `bmi1` (2013 on),
/// which count and walk bits in one instruction each. Not part of the
/// x86_64 baseline, so chosen at run time; the check is a cached load.
#[cfg(all(target_arch = "x86_64", not(all(target_feature = "popcnt", target_feature = "bmi1"))))]
#[target_feature(enable = "popcnt,bmi1")]
fn scan_popcnt_bmi1(body: &[u8]) -> Option<Policy> {
    scan_words(body, spaces)
}

/// The scan itself; `spaces` makes a block's space mask (a parameter so the
/// tests can run the portable mask on any machine).
#[inline(always)]
fn scan_words(body: &[u8], spaces: impl Fn(&[u8; WINDOW]) -> u128) -> Option<Policy> {
    if body.len() > u32::MAX as usize {
        return None; // the word count could overflow
    }
    let (mut acc, mut words, mut base) = (0u128, 0u32, 0usize);
    let mut tail: [u8; WINDOW];
    loop {
        // A block straight from the input while one fits, else the rest.
        let (block, last): (&[u8; WINDOW], bool) = match body.get(base..base + WINDOW) {
            Some(b) => (b.try_into().ok()?, false),
            // A copy padded with spaces: its last word is followed by one.
            None => {
                let rest = body.get(base..)?;
                tail = [b' '; WINDOW];
                tail.get_mut(..rest.len())?.copy_from_slice(rest);
                (&tail, rest.len() <= BLOCK)
            }
        };
        let mut w = !spaces(block);
        let mut next = base + BLOCK;
        if !last && w >> (BLOCK - 1) != 0 {
            // The last word may run into the next block: start that block
            // at it.
            let run = (!w).leading_zeros();
            if run >= 5 {
                return None; // longer than any token
            }
            w &= u128::MAX >> run;
            next -= run as usize;
        }
        let starts = w & !(w << 1);
        // Every word is 3 or 4 bytes: the last byte of each is 2 or 3 after
        // a start (words are apart, so that start is its own).
        let lasts = w & !(w >> 1);
        if lasts & !(starts << 2 | starts << 3) != 0 {
            return None;
        }
        words += starts.count_ones();
        for (half, offset) in [(starts as u64, 0), ((starts >> 64) as u64, 64)] {
            let mut bits = half;
            while let Some(nz) = core::num::NonZeroU64::new(bits) {
                let s = (nz.trailing_zeros() as usize & 63) + offset;
                bits &= bits - 1;
                let four = block.get(s..s + 4)?;
                acc |= entry(u32::from_le_bytes([four[0], four[1], four[2], four[3]]))?;
            }
        }
        if last {
            return (words > 0).then(|| finish(acc, words));
        }
        base = next;
    }
}

/// The policy from the accumulator.
#[inline(always)]
fn finish(acc: u128, words: u32) -> Policy {
    let lo = acc as u64;
    let hi = (acc >> 64) as u64;
    let tokens = lo & TOKEN_MASK;
    let mut flags = P3P_POLICY_PRESENT;
    if acc & NONSTANDARD_BIT != 0 {
        flags |= P3P_POLICY_NONSTANDARD_SUFFIX;
    }
    // Every word sets a bit of its own unless it repeats a token (for
    // purposes and recipients: a token with the same consent).
    if (tokens & !CONSENT_TOKENS).count_ones() + (hi & FORMS_MASK).count_ones() != words {
        flags |= P3P_POLICY_DUPLICATE_TOKEN;
    }
    Policy {
        tokens,
        always: (hi & CONSENT_MASK) as u32,
        opt_out: (hi >> (OPT_OUT_AT - ALWAYS_AT) & CONSENT_MASK) as u32,
        opt_in: (hi >> (OPT_IN_AT - ALWAYS_AT) & CONSENT_MASK) as u32,
        flags,
        word_count: words,
        invalid_count: 0,
        mozilla: (lo >> MOZILLA_AT) as u32,
        reserved: 0,
    }
}

// ---- the space mask of a block -------------------------------------------

/// Bit `i` is set when byte `i` of the block is a space.
#[inline(always)]
fn spaces(block: &[u8; WINDOW]) -> u128 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: SSE2 is enabled for the whole build (the cfg above), so
        // every CPU this code runs on has it.
        unsafe { sse2::spaces(block) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        portable::spaces(block)
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use core::arch::x86_64::{__m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};

    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn spaces(block: &[u8; super::WINDOW]) -> u128 {
        let space = _mm_set1_epi8(b' ' as i8);
        let mut mask = 0u128;
        for (i, chunk) in block.chunks_exact(16).take(super::BLOCK / 16).enumerate() {
            // SAFETY: `chunk` is 16 readable bytes, and the load is unaligned.
            let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
            mask |= (_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)) as u16 as u128) << (16 * i);
        }
        mask
    }
}

/// The same mask eight bytes at a time in plain integer arithmetic, for
/// targets without SSE2 (and as the reference the SSE2 version is tested
/// against).
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
mod portable {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const SPACES: u64 = 0x2020_2020_2020_2020;

    #[inline]
    pub(super) fn spaces(block: &[u8; super::WINDOW]) -> u128 {
        let mut mask = 0u128;
        for (i, c) in block.chunks_exact(8).take(super::BLOCK / 8).enumerate() {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) ^ SPACES;
            // A byte of `v` is zero exactly when neither its low 7 bits nor
            // its top bit is set (no borrow crosses bytes this way); then
            // the high bits are gathered into the low 8 by one multiply.
            let zero = !(((v & LOW7) + LOW7) | v) & !LOW7;
            let packed = ((zero >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
            mask |= (packed as u128) << (8 * i);
        }
        mask
    }
}

// ---- the perfect hash over the valid words --------------------------------

/// Number of valid words: every token, and every consent token with each of
/// its three suffixes.
const WORDS: usize = TOKEN_COUNT + 3 * CONSENT_TOKEN_COUNT;

/// `key * HASH_MUL`, top [`SLOT_BITS`] bits, is a slot of the index. The
/// multiplier was found by a search; [`build`] refuses to compile if two
/// words ever share a slot.
const HASH_MUL: u32 = 0xbe50_c8bb;
const SLOT_BITS: u32 = 9;
/// Entries: one per possible index byte, so no lookup needs a bounds check.
const TABLE: usize = 256;

/// The lookup tables, in one static so a lookup needs one base address.
#[repr(C, align(64))]
struct Lookup {
    /// Slot -> word number (0 = no word).
    index: [u8; 1 << SLOT_BITS],
    /// Word number -> its four bytes packed little-endian (a 3-byte word
    /// with a space after it). Unused numbers hold the key of a word that
    /// lives in another slot, so no input reaching them can match.
    keys: [u32; TABLE],
    /// Word number -> what it sets in the accumulator.
    bits: [u128; TABLE],
}

static LOOKUP: Lookup = build();

#[inline(always)]
const fn slot(key: u32) -> usize {
    (key.wrapping_mul(HASH_MUL) >> (32 - SLOT_BITS)) as usize
}

/// What a word sets in the accumulator, or `None` when it is not a valid
/// word (the general path then reports it).
#[inline(always)]
fn entry(key: u32) -> Option<u128> {
    let n = LOOKUP.index[slot(key)] as usize;
    (LOOKUP.keys[n] == key).then_some(LOOKUP.bits[n])
}

const fn build() -> Lookup {
    let mut index = [0u8; 1 << SLOT_BITS];
    let mut keys = [0u32; TABLE];
    let mut bits = [0u128; TABLE];
    let mut n = 1;
    let mut t = 0;
    while t < TOKEN_COUNT {
        let name = NAMES[t].as_bytes();
        let letters = name[0] as u32 | (name[1] as u32) << 8 | (name[2] as u32) << 16;
        let token_bit = 1u64 << t;
        let consent = t >= Token::CUR as usize && t < Token::CUR as usize + CONSENT_TOKEN_COUNT;
        // The token's consent bit (none for tokens without consent forms;
        // a shift past 31 would not compile with overflow checks on).
        let cbit = if consent { 1u32 << (t - Token::CUR as usize) } else { 0 };
        let nonstandard = if t == Token::CUR as usize || t == Token::OUR as usize { NONSTANDARD_BIT } else { 0 };
        // (key, consent bits by form, whether a suffix was written)
        let forms: [(u32, [u32; 3], bool); 4] = [
            (letters | (b' ' as u32) << 24, [cbit, 0, 0], false),
            (letters | (b'a' as u32) << 24, [cbit, 0, 0], true),
            (letters | (b'o' as u32) << 24, [0, cbit, 0], true),
            (letters | (b'i' as u32) << 24, [0, 0, cbit], true),
        ];
        let count = if consent { 4 } else { 1 };
        let mut f = 0;
        while f < count {
            let (key, [a, o, i], suffixed) = forms[f];
            let (a, o, i) = if consent { (a, o, i) } else { (0, 0, 0) };
            let mozilla = Policy::mozilla_of_tokens(token_bit, a, o, i) as u128;
            let set = token_bit as u128
                | mozilla << MOZILLA_AT
                | (a as u128) << ALWAYS_AT
                | (o as u128) << OPT_OUT_AT
                | (i as u128) << OPT_IN_AT
                | if suffixed { nonstandard } else { 0 };
            let s = slot(key);
            assert!(index[s] == 0, "two words share a hash slot: search another HASH_MUL");
            index[s] = n as u8;
            keys[n] = key;
            bits[n] = set;
            n += 1;
            f += 1;
        }
        t += 1;
    }
    assert!(n == WORDS + 1 && n <= TABLE, "every valid word has an entry");
    let mut k = 0;
    while k < TABLE {
        if k == 0 || k > WORDS {
            keys[k] = keys[1];
        }
        k += 1;
    }
    Lookup { index, keys, bits }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn general(input: &[u8], mode: crate::Mode) -> Policy {
        // A sink that wants diagnostics keeps the general path.
        crate::parse::parse_with(input, mode, &mut |_: crate::Diagnostic| {})
    }

    #[test]
    fn every_valid_word_and_nothing_else_has_an_entry() {
        let mut found = 0;
        for t in crate::token::ALL_TOKENS {
            let name = t.name().as_bytes();
            let base = u32::from_le_bytes([name[0], name[1], name[2], 0]);
            assert!(entry(base | (b' ' as u32) << 24).is_some(), "{t:?}");
            found += 1;
            for s in [b'a', b'o', b'i'] {
                let e = entry(base | (s as u32) << 24);
                assert_eq!(e.is_some(), t.consent_index().is_some(), "{t:?}{}", s as char);
                found += e.is_some() as usize;
            }
            for odd in [b'A', b'x', b'\t', b'"', 0, 0xff] {
                assert!(entry(base | (odd as u32) << 24).is_none(), "{t:?} {odd}");
            }
        }
        assert_eq!(found, WORDS);
        assert!(entry(u32::from_le_bytes(*b"noi ")).is_none());
        assert!(entry(0).is_none());
    }

    #[test]
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    fn sse2_and_portable_masks_agree() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            let mut block = [0u8; WINDOW];
            for b in block.iter_mut() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *b = match state % 4 {
                    0 => b' ',
                    1 => (state >> 8) as u8,
                    _ => b'A' + (state >> 16) as u8 % 26,
                };
            }
            // SAFETY: this test only runs where SSE2 is enabled (cfg above).
            let fast = unsafe { sse2::spaces(&block) };
            assert_eq!(fast, portable::spaces(&block));
        }
    }

    #[test]
    fn accepts_plain_policies_and_sends_the_rest_away() {
        let seed = b"CP=\"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA\"";
        assert_eq!(header(seed), Some(general(seed, crate::Mode::Header)));
        assert_eq!(header(b"CP=\"NOI\" \t"), Some(general(b"CP=\"NOI\" \t", crate::Mode::Header)));
        for odd in [
            &b"CP=\"NOI"[..],
            b"CP=\"\"",
            b"CP=\"   \"",
            b"CP=\"NOI\tDSP\"",
            b"CP=\"NOI X\"",
            b"CP=\"FINa\"",
            b"CP=\"NOI\" x",
            b"CP=\"NOI\" DSP\"",
            b"CP=\"NOI\"\"",
            b"CP=\"NOIDSPCOR\"",
            b"CP=\"noi\"",
            b"CP=\"NOI\x00\"",
        ] {
            assert_eq!(header(odd), None, "{}", String::from_utf8_lossy(odd));
        }
        assert!(tokens(b"NOI DSP").is_some());
        assert!(tokens(b"NOI \"DSP").is_none());
        assert!(tokens(b"").is_none());
        assert!(tokens(b"   ").is_none());
    }

    /// Well-formed policies of every length around the block size, with
    /// runs of spaces and an occasional corrupted byte: the fast path either
    /// declines or gives exactly what the general path gives.
    #[test]
    fn agrees_with_the_general_path_across_block_boundaries() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut accepted = 0;
        for round in 0..20_000 {
            let mut body = Vec::new();
            for _ in 0..next(90) {
                let spaces = 1 + next(4) as usize / 3;
                body.resize(body.len() + spaces, b' ');
                let t = crate::token::ALL_TOKENS[next(TOKEN_COUNT as u64) as usize];
                body.extend_from_slice(t.name().as_bytes());
                if t.consent_index().is_some() && next(2) == 0 {
                    body.push([b'a', b'o', b'i'][next(3) as usize]);
                }
            }
            if round % 4 == 0 && !body.is_empty() {
                let at = next(body.len() as u64) as usize;
                body[at] = next(256) as u8;
            }
            if let Some(p) = tokens(&body) {
                assert_eq!(p, general(&body, crate::Mode::Tokens), "{}", String::from_utf8_lossy(&body));
                accepted += 1;
            }
            // The baseline build (no run-time feature choice) and the
            // portable mask give the same answers.
            assert_eq!(scan_words(&body, spaces), tokens(&body));
            assert_eq!(scan_words(&body, portable::spaces), tokens(&body));
            let mut input = b"CP=\"".to_vec();
            input.extend_from_slice(&body);
            input.push(b'"');
            if let Some(p) = header(&input) {
                assert_eq!(p, general(&input, crate::Mode::Header), "{}", String::from_utf8_lossy(&input));
                accepted += 1;
            }
        }
        assert!(accepted > 20_000, "the fast path took only {accepted} inputs");
    }
}
