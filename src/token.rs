//! The compact-policy vocabulary: every P3P 1.0 token, IE's `CUS`, their
//! groups, which ones take a consent suffix, and what each one means.
//!
//! Token order is the order of the P3P 1.0 grammar (productions 52-61), with
//! `CUS` after the other purposes. That order is the "spec order" used when a
//! report lists tokens, and it is also the bit position of each token in
//! [`crate::Policy`], so it must never change.

/// One compact-policy token, without its suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
#[rustfmt::skip]
#[allow(missing_docs)] // the names are the P3P tokens themselves
pub enum Token {
    // access
    NOI, ALL, CAO, IDC, OTI, NON,
    // disputes, remedies, non-identifiable
    DSP, COR, MON, LAW, NID,
    // purposes (CUS last: it was dropped before the 2002 Recommendation)
    CUR, ADM, DEV, TAI, PSA, PSD, IVA, IVD, CON, HIS, TEL, OTP, CUS,
    // recipients
    OUR, DEL, SAM, UNR, PUB, OTR,
    // retention
    NOR, STP, LEG, BUS, IND,
    // categories
    PHY, ONL, UNI, PUR, FIN, COM, NAV, INT, DEM, CNT, STA, POL, HEA, PRE, LOC, GOV, OTC,
    // test
    TST,
}

/// Number of tokens in the vocabulary.
pub const TOKEN_COUNT: usize = 53;

/// Number of tokens that carry a consent suffix (purposes and recipients).
pub const CONSENT_TOKEN_COUNT: usize = 19;

/// The group a token belongs to (the P3P element it abbreviates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Group {
    Access,
    Disputes,
    Remedies,
    NonIdentifiable,
    Purpose,
    Recipient,
    Retention,
    Category,
    Test,
}

impl Group {
    /// Every group, in grammar order.
    pub const ALL: [Group; 9] = [
        Group::Access,
        Group::Disputes,
        Group::Remedies,
        Group::NonIdentifiable,
        Group::Purpose,
        Group::Recipient,
        Group::Retention,
        Group::Category,
        Group::Test,
    ];

    /// Lower-case name used in reports and JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Group::Access => "access",
            Group::Disputes => "disputes",
            Group::Remedies => "remedies",
            Group::NonIdentifiable => "non-identifiable",
            Group::Purpose => "purpose",
            Group::Recipient => "recipient",
            Group::Retention => "retention",
            Group::Category => "category",
            Group::Test => "test",
        }
    }
}

/// The consent suffix of a purpose or recipient (`creq` in the grammar).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Suffix {
    /// `a`, or no suffix: always used, the user cannot refuse.
    Always,
    /// `o`: used unless the user opts out.
    OptOut,
    /// `i`: used only when the user opts in.
    OptIn,
}

impl Suffix {
    /// The suffix letter.
    pub const fn letter(self) -> u8 {
        match self {
            Suffix::Always => b'a',
            Suffix::OptOut => b'o',
            Suffix::OptIn => b'i',
        }
    }

    /// Parses a suffix letter (lower case only, as the grammar says).
    pub const fn from_letter(b: u8) -> Option<Suffix> {
        match b {
            b'a' => Some(Suffix::Always),
            b'o' => Some(Suffix::OptOut),
            b'i' => Some(Suffix::OptIn),
            _ => None,
        }
    }

    /// Name used in reports and JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Suffix::Always => "always",
            Suffix::OptOut => "opt-out",
            Suffix::OptIn => "opt-in",
        }
    }
}

/// All tokens, in spec order.
pub const ALL_TOKENS: [Token; TOKEN_COUNT] = {
    use Token::*;
    [
        NOI, ALL, CAO, IDC, OTI, NON, DSP, COR, MON, LAW, NID, CUR, ADM, DEV, TAI, PSA, PSD, IVA, IVD, CON, HIS, TEL,
        OTP, CUS, OUR, DEL, SAM, UNR, PUB, OTR, NOR, STP, LEG, BUS, IND, PHY, ONL, UNI, PUR, FIN, COM, NAV, INT, DEM,
        CNT, STA, POL, HEA, PRE, LOC, GOV, OTC, TST,
    ]
};

pub(crate) const NAMES: [&str; TOKEN_COUNT] = [
    "NOI", "ALL", "CAO", "IDC", "OTI", "NON", "DSP", "COR", "MON", "LAW", "NID", "CUR", "ADM", "DEV", "TAI", "PSA",
    "PSD", "IVA", "IVD", "CON", "HIS", "TEL", "OTP", "CUS", "OUR", "DEL", "SAM", "UNR", "PUB", "OTR", "NOR", "STP",
    "LEG", "BUS", "IND", "PHY", "ONL", "UNI", "PUR", "FIN", "COM", "NAV", "INT", "DEM", "CNT", "STA", "POL", "HEA",
    "PRE", "LOC", "GOV", "OTC", "TST",
];

/// What each token means in its plain (`a`) form. The sentences for the
/// tokens the seed policy lists are the seed documents' own wording, kept as
/// printed there (including the missing full stop after `STA`).
const MEANINGS: [&str; TOKEN_COUNT] = [
    "No identifiable information is collected, so no access is possible.",
    "Access is available to all identified data.",
    "Access is available to contact and other information.",
    "Access is available to identified online and physical contact information.",
    "Access is available to certain other identified information.",
    "No access is available to collected information.",
    "The policy contains at least one dispute-resolution mechanism.",
    "Violations of this policy will be corrected.",
    "Violations of this policy will be compensated with money.",
    "Remedies for violations of this policy are provided by law.",
    "The policy declares that no identifiable data is collected.",
    "The data is used for completion of the current activity.",
    "The data is used for site administration.",
    "The data is used for research and development.",
    "The data is used for tailoring the site.",
    "The data is used for pseudonymous analysis.",
    "The data is used for pseudonymous decisions.",
    "The data is used for individual analysis.",
    "The data is used for individual decisions.",
    "The data is used for contacting the user.",
    "The data is used for historical preservation.",
    "The data is used for telemarketing.",
    "The data is used for other purposes.",
    "The data is used for customizing the site.",
    "The data is given to ourselves and our agents.",
    "The data is given to delivery services.",
    "The data is given to legal entities following our practices.",
    "The data is given to unrelated third parties.",
    "The data is given to public forums.",
    "The data is given to legal entities following different practices.",
    "The data is not kept beyond the current interaction.",
    "The data is kept for the stated purpose only.",
    "The data is kept as long as the law requires.",
    "Our business practices specify how long the data will be kept.",
    "The data will be kept indefinitely.",
    "Physical contact information is collected.",
    "Online contact information is collected.",
    "Unique identifiers are collected.",
    "Purchase information is collected.",
    "Financial information is collected.",
    "Computer information is collected.",
    "Navigation and clickstream data is collected.",
    "Interactive data is collected.",
    "Demographic and socioeconomic data is collected.",
    "Content of communications is collected.",
    "State-management data is collected",
    "Political information is collected.",
    "Health information is collected.",
    "Preference information is collected.",
    "Location data is collected.",
    "Government-issued identifiers are collected.",
    "Other kinds of data are collected.",
    "This is a test policy, which must be treated as no policy.",
];

/// Perfect hash of the 53 tokens: the three bytes packed little-endian into
/// a `u32`, multiplied by [`HASH_MUL`], top 7 bits. Each slot holds the
/// packed key in its low 24 bits and token index + 1 in its top 8 (0 =
/// empty), so a lookup is one multiply, one load and one compare. The
/// multiplier was searched for offline; the table builder refuses to
/// compile if two tokens ever share a slot.
const HASH_MUL: u32 = 0xc095_6ccd;

static LOOKUP: [u32; 128] = build_lookup();

#[inline(always)]
const fn pack(b: [u8; 3]) -> u32 {
    b[0] as u32 | (b[1] as u32) << 8 | (b[2] as u32) << 16
}

#[inline(always)]
const fn slot(key: u32) -> usize {
    (key.wrapping_mul(HASH_MUL) >> 25) as usize
}

const fn build_lookup() -> [u32; 128] {
    let mut table = [0u32; 128];
    let mut i = 0;
    while i < TOKEN_COUNT {
        let n = NAMES[i].as_bytes();
        let key = pack([n[0], n[1], n[2]]);
        let s = slot(key);
        assert!(table[s] == 0, "two tokens share a hash slot: pick another HASH_MUL");
        table[s] = key | ((i as u32 + 1) << 24);
        assert!(i + 1 < 64, "the token index must fit six bits");
        i += 1;
    }
    table
}

/// The tokens in spec order, as a static (a `const` array indexed at run
/// time may be rebuilt on the stack at every use).
static TOKENS_BY_INDEX: [Token; TOKEN_COUNT] = ALL_TOKENS;

impl Token {
    /// The token's index in spec order (its bit in a policy).
    #[inline]
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The token at `index` in spec order.
    #[inline]
    pub fn from_index(index: usize) -> Option<Token> {
        TOKENS_BY_INDEX.get(index).copied()
    }

    /// The three-letter name.
    pub fn name(self) -> &'static str {
        NAMES.get(self.index()).copied().unwrap_or("")
    }

    /// Looks up an exact (case-sensitive) three-letter token.
    #[inline]
    pub fn lookup(b: [u8; 3]) -> Option<Token> {
        let key = pack(b);
        let entry = LOOKUP.get(slot(key)).copied().unwrap_or(0);
        if entry & 0x00ff_ffff == key && entry != 0 {
            Token::from_index((entry >> 24) as usize - 1)
        } else {
            None
        }
    }

    /// Looks up three letters ignoring ASCII case.
    pub fn lookup_ignore_case(b: [u8; 3]) -> Option<Token> {
        Token::lookup([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase(), b[2].to_ascii_uppercase()])
    }

    /// The group the token belongs to.
    pub const fn group(self) -> Group {
        let i = self as u8;
        if i <= Token::NON as u8 {
            Group::Access
        } else if i == Token::DSP as u8 {
            Group::Disputes
        } else if i <= Token::LAW as u8 {
            Group::Remedies
        } else if i == Token::NID as u8 {
            Group::NonIdentifiable
        } else if i <= Token::CUS as u8 {
            Group::Purpose
        } else if i <= Token::OTR as u8 {
            Group::Recipient
        } else if i <= Token::IND as u8 {
            Group::Retention
        } else if i <= Token::OTC as u8 {
            Group::Category
        } else {
            Group::Test
        }
    }

    /// The index among purposes and recipients (0..19) for tokens that take
    /// a consent suffix; `None` for every other token.
    #[inline]
    pub const fn consent_index(self) -> Option<usize> {
        let i = self as usize;
        if i >= Token::CUR as usize && i <= Token::OTR as usize {
            Some(i - Token::CUR as usize)
        } else {
            None
        }
    }

    /// The token with consent index `i` (see [`Token::consent_index`]).
    pub fn from_consent_index(i: usize) -> Option<Token> {
        if i < CONSENT_TOKEN_COUNT {
            Token::from_index(Token::CUR as usize + i)
        } else {
            None
        }
    }

    /// Whether the grammar allows a suffix on this token. `CUR` and `OUR`
    /// take none in the grammar, but IE accepted one, and so do we (the
    /// linter reports it).
    pub const fn takes_suffix(self) -> bool {
        self.consent_index().is_some()
    }

    /// Whether the grammar itself allows a suffix (false for `CUR`, `OUR`).
    pub const fn suffix_in_grammar(self) -> bool {
        self.takes_suffix() && !matches!(self, Token::CUR | Token::OUR)
    }

    /// The plain-form meaning, as one sentence.
    pub fn meaning(self) -> &'static str {
        MEANINGS.get(self.index()).copied().unwrap_or("")
    }

    /// Writes the meaning of the token with an optional suffix: the `o` and
    /// `i` forms add the condition under which the data is used or shared.
    pub fn write_meaning<W: core::fmt::Write>(self, suffix: Option<Suffix>, w: &mut W) -> core::fmt::Result {
        let base = self.meaning();
        match suffix {
            None | Some(Suffix::Always) => w.write_str(base),
            Some(s) => {
                w.write_str(base.strip_suffix('.').unwrap_or(base))?;
                w.write_str(match s {
                    Suffix::OptOut => ", unless the user opts out.",
                    _ => ", only when the user opts in.",
                })
            }
        }
    }
}

impl core::fmt::Display for Token {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// A token as it may be written, with or without a suffix letter. Used for
/// suggestions ("did you mean `CONa`?").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Form {
    /// The token.
    pub token: Token,
    /// The suffix letter written after it, if any.
    pub suffix: Option<Suffix>,
}

impl Form {
    /// Packs the form into one integer: `token_index * 4 + suffix code`
    /// (0 none, 1 `a`, 2 `o`, 3 `i`). Used by the C diagnostics.
    pub const fn pack(self) -> u32 {
        let s = match self.suffix {
            None => 0,
            Some(Suffix::Always) => 1,
            Some(Suffix::OptOut) => 2,
            Some(Suffix::OptIn) => 3,
        };
        self.token as u32 * 4 + s
    }

    /// The inverse of [`Form::pack`].
    pub fn unpack(v: u32) -> Option<Form> {
        let token = Token::from_index((v / 4) as usize)?;
        let suffix = match v % 4 {
            0 => None,
            1 => Some(Suffix::Always),
            2 => Some(Suffix::OptOut),
            _ => Some(Suffix::OptIn),
        };
        Some(Form { token, suffix })
    }

    /// The bytes of the form (3 or 4) in a small array, and its length.
    pub fn bytes(self) -> ([u8; 4], usize) {
        let n = self.token.name().as_bytes();
        let mut out = [0u8; 4];
        for (o, b) in out.iter_mut().zip(n) {
            *o = *b;
        }
        match self.suffix {
            Some(s) => {
                out[3] = s.letter();
                (out, 4)
            }
            None => (out, 3),
        }
    }
}

impl core::fmt::Display for Form {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.token.name())?;
        if let Some(s) = self.suffix {
            f.write_char(s.letter() as char)?;
        }
        Ok(())
    }
}

use core::fmt::Write as _;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips_through_the_lookup() {
        for t in ALL_TOKENS {
            let n = t.name().as_bytes();
            assert_eq!(Token::lookup([n[0], n[1], n[2]]), Some(t));
            assert_eq!(Token::from_index(t.index()), Some(t));
        }
        assert_eq!(ALL_TOKENS.len(), TOKEN_COUNT);
        assert_eq!(Token::TST as usize, TOKEN_COUNT - 1);
    }

    #[test]
    fn lookup_is_case_sensitive() {
        assert_eq!(Token::lookup(*b"noi"), None);
        assert_eq!(Token::lookup_ignore_case(*b"noi"), Some(Token::NOI));
        assert_eq!(Token::lookup(*b"XYZ"), None);
        assert_eq!(Token::lookup(*b"\xff\x00A"), None);
    }

    #[test]
    fn groups_follow_the_grammar() {
        assert_eq!(Token::NON.group(), Group::Access);
        assert_eq!(Token::DSP.group(), Group::Disputes);
        assert_eq!(Token::LAW.group(), Group::Remedies);
        assert_eq!(Token::NID.group(), Group::NonIdentifiable);
        assert_eq!(Token::CUS.group(), Group::Purpose);
        assert_eq!(Token::OUR.group(), Group::Recipient);
        assert_eq!(Token::OTR.group(), Group::Recipient);
        assert_eq!(Token::IND.group(), Group::Retention);
        assert_eq!(Token::LOC.group(), Group::Category);
        assert_eq!(Token::TST.group(), Group::Test);
    }

    #[test]
    fn consent_indices_cover_purposes_and_recipients() {
        let n = ALL_TOKENS.iter().filter(|t| t.takes_suffix()).count();
        assert_eq!(n, CONSENT_TOKEN_COUNT);
        assert_eq!(Token::CUR.consent_index(), Some(0));
        assert_eq!(Token::OTR.consent_index(), Some(18));
        assert_eq!(Token::from_consent_index(8), Some(Token::CON));
        assert!(!Token::CUR.suffix_in_grammar());
        assert!(!Token::OUR.suffix_in_grammar());
        assert!(Token::DEL.suffix_in_grammar());
        assert!(!Token::FIN.takes_suffix());
    }

    #[test]
    fn suffixed_meanings_keep_the_base_sentence() {
        let mut s = String::new();
        Token::CON.write_meaning(Some(Suffix::OptOut), &mut s).unwrap();
        assert_eq!(s, "The data is used for contacting the user, unless the user opts out.");
        s.clear();
        Token::CON.write_meaning(Some(Suffix::Always), &mut s).unwrap();
        assert_eq!(s, "The data is used for contacting the user.");
    }

    #[test]
    fn forms_pack_and_unpack() {
        for t in ALL_TOKENS {
            for s in [None, Some(Suffix::Always), Some(Suffix::OptOut), Some(Suffix::OptIn)] {
                let f = Form { token: t, suffix: s };
                assert_eq!(Form::unpack(f.pack()), Some(f));
            }
        }
    }
}
