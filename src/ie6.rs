//! The Internet Explorer 6 profile: how a compact policy is classified, and
//! what each of the six privacy levels does with a cookie in each context.
//!
//! Classification (docs/evaluation-model.md): identifiable data is PHY, ONL,
//! GOV or FIN; the uses that need consent are IVA IVD CON TEL OTP and SAM
//! UNR PUB OTR. A policy with identifiable data gives *explicit* consent when
//! every such use is opt-in, *implicit* when each is opt-out or opt-in, and
//! *none* when one is always used, or when no purpose is declared at all.
//!
//! The level table (same document) is computed once, at compile time, into a
//! 5 x 6 x 2 x 2 table, so a decision is one index.

use core::ffi::CStr;

use crate::policy::Policy;
use crate::token::Token;

/// How IE6 sees a policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Class {
    /// No `CP` directive, or a test policy (`TST`).
    NoPolicy = 0,
    /// No identifiable data, or none of it used in a way that needs consent.
    Ok = 1,
    /// Identifiable data, and every use that needs consent is opt-in.
    Explicit = 2,
    /// Identifiable data, and every use that needs consent is opt-out or opt-in.
    Implicit = 3,
    /// Identifiable data used without consent (or with no purpose declared).
    None = 4,
}

/// The six privacy levels of IE6's slider, strictest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum Level {
    BlockAll = 0,
    High = 1,
    MediumHigh = 2,
    Medium = 3,
    Low = 4,
    AcceptAll = 5,
}

/// The context a cookie is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum Party {
    First = 0,
    Third = 1,
}

/// Whether a cookie outlives the browser session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum CookieKind {
    Session = 0,
    Persistent = 1,
}

/// What happens to a cookie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Action {
    /// Stored as sent.
    Accept = 0,
    /// Stored as a session cookie (`Expires` and `Max-Age` removed).
    Downgrade = 1,
    /// Stored, but kept to first-party use (`SameSite=Lax` on the server).
    Leash = 2,
    /// Not stored (the `Set-Cookie` header is removed).
    Block = 3,
    /// Ask the user (custom profiles); a server treats it as block.
    Prompt = 4,
}

/// Why a cell has its action. The first five are the IBM editor's sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum Reason {
    Satisfactory = 1,
    OptOutMissingDowngrade = 2,
    OptOutMissingBlock = 3,
    NoOptOutBlock = 4,
    OptInMissingBlock = 5,
    NoPolicyBlock = 6,
    NoPolicyLeash = 7,
    NoPolicyDowngrade = 8,
    NoPolicySessionAccept = 9,
    BlockAll = 10,
    AcceptAll = 11,
    CookieDeletion = 12,
    InvalidPolicyBlock = 13,
    InvalidPolicyLeash = 14,
    InvalidPolicyDowngrade = 15,
    InvalidPolicySessionAccept = 16,
    RuleMatched = 17,
    NoRuleMatched = 18,
    ProfileNoPolicy = 19,
    ProfileSessionAllowed = 20,
    MozillaNoPolicy = 21,
    MozillaNoConsent = 22,
    MozillaInvalid = 23,
    MozillaImplicit = 24,
    MozillaExplicit = 25,
    SessionUnchanged = 26,
}

/// An action and its reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decision {
    /// What happens to the cookie.
    pub action: Action,
    /// Why.
    pub reason: Reason,
}

impl Level {
    /// All levels, strictest first.
    pub const ALL: [Level; 6] =
        [Level::BlockAll, Level::High, Level::MediumHigh, Level::Medium, Level::Low, Level::AcceptAll];
    /// The four levels a verdict and the IBM grid consider, in the grid's order.
    pub const MIDDLE_GRID_ORDER: [Level; 4] = [Level::Low, Level::Medium, Level::MediumHigh, Level::High];

    /// Key used in configuration and JSON (`medium_high`).
    pub fn key(self) -> &'static str {
        self.key_c().to_str().unwrap_or("")
    }

    /// The same, NUL-terminated, for the C ABI.
    pub const fn key_c(self) -> &'static CStr {
        match self {
            Level::BlockAll => c"block_all",
            Level::High => c"high",
            Level::MediumHigh => c"medium_high",
            Level::Medium => c"medium",
            Level::Low => c"low",
            Level::AcceptAll => c"accept_all",
        }
    }

    /// Label used in reports (`Medium High`).
    pub const fn label(self) -> &'static str {
        match self {
            Level::BlockAll => "Block All",
            Level::High => "High",
            Level::MediumHigh => "Medium High",
            Level::Medium => "Medium",
            Level::Low => "Low",
            Level::AcceptAll => "Accept All",
        }
    }

    /// Parses a key; `-` may stand for `_` and case is ignored
    /// (`medium-high`, `MEDIUM_HIGH`).
    pub fn from_key(s: &[u8]) -> Option<Level> {
        Level::ALL.into_iter().find(|l| key_eq(l.key().as_bytes(), s))
    }

    /// The level from its number.
    pub fn from_u32(v: u32) -> Option<Level> {
        Level::ALL.get(v as usize).copied()
    }
}

fn key_eq(key: &[u8], s: &[u8]) -> bool {
    key.len() == s.len()
        && key.iter().zip(s).all(|(k, c)| {
            let c = if *c == b'-' { b'_' } else { c.to_ascii_lowercase() };
            *k == c
        })
}

impl Party {
    /// Both parties, first-party first.
    pub const ALL: [Party; 2] = [Party::First, Party::Third];
    /// Key used in JSON (`first_party`).
    pub const fn key(self) -> &'static str {
        match self {
            Party::First => "first_party",
            Party::Third => "third_party",
        }
    }
    /// Short name (`first`).
    pub const fn name(self) -> &'static str {
        match self {
            Party::First => "first",
            Party::Third => "third",
        }
    }
    /// Parses `first`/`third` (also `first_party`, `1st`, any case).
    pub fn from_name(s: &[u8]) -> Option<Party> {
        Party::ALL.into_iter().find(|p| {
            key_eq(p.name().as_bytes(), s)
                || key_eq(p.key().as_bytes(), s)
                || key_eq(if *p == Party::First { b"1st" } else { b"3rd" }, s)
        })
    }
    /// The party from its number (a `match`, which compiles to a range
    /// check, where a table lookup would load a byte).
    pub const fn from_u32(v: u32) -> Option<Party> {
        match v {
            0 => Some(Party::First),
            1 => Some(Party::Third),
            _ => None,
        }
    }
}

impl CookieKind {
    /// Persistent first, as the report's grid shows them.
    pub const ALL: [CookieKind; 2] = [CookieKind::Persistent, CookieKind::Session];
    /// Key used in JSON.
    pub const fn key(self) -> &'static str {
        match self {
            CookieKind::Session => "session",
            CookieKind::Persistent => "persistent",
        }
    }
    /// Parses `session`/`persistent` (any case).
    pub fn from_name(s: &[u8]) -> Option<CookieKind> {
        CookieKind::ALL.into_iter().find(|k| key_eq(k.key().as_bytes(), s))
    }
    /// The kind from its number.
    pub fn from_u32(v: u32) -> Option<CookieKind> {
        match v {
            0 => Some(CookieKind::Session),
            1 => Some(CookieKind::Persistent),
            _ => None,
        }
    }
}

impl Action {
    /// All actions.
    pub const ALL: [Action; 5] = [Action::Accept, Action::Downgrade, Action::Leash, Action::Block, Action::Prompt];
    /// Lower-case name (`downgrade`).
    pub fn name(self) -> &'static str {
        self.name_c().to_str().unwrap_or("")
    }

    /// The same, NUL-terminated, for the C ABI.
    pub const fn name_c(self) -> &'static CStr {
        match self {
            Action::Accept => c"accept",
            Action::Downgrade => c"downgrade",
            Action::Leash => c"leash",
            Action::Block => c"block",
            Action::Prompt => c"prompt",
        }
    }
    /// The action from its number (a `match`, which compiles to compares:
    /// custom profiles check their stored actions on every call).
    pub const fn from_u32(v: u32) -> Option<Action> {
        match v {
            0 => Some(Action::Accept),
            1 => Some(Action::Downgrade),
            2 => Some(Action::Leash),
            3 => Some(Action::Block),
            4 => Some(Action::Prompt),
            _ => None,
        }
    }
    /// Parses a name (any case).
    pub fn from_name(s: &[u8]) -> Option<Action> {
        Action::ALL.into_iter().find(|a| key_eq(a.name().as_bytes(), s))
    }
}

impl Class {
    /// All classes.
    pub const ALL: [Class; 5] = [Class::NoPolicy, Class::Ok, Class::Explicit, Class::Implicit, Class::None];
    /// JSON name (`no_policy`).
    pub fn name(self) -> &'static str {
        self.name_c().to_str().unwrap_or("")
    }

    /// The same, NUL-terminated, for the C ABI.
    pub const fn name_c(self) -> &'static CStr {
        match self {
            Class::NoPolicy => c"no_policy",
            Class::Ok => c"ok",
            Class::Explicit => c"explicit",
            Class::Implicit => c"implicit",
            Class::None => c"none",
        }
    }
}

impl Reason {
    /// All reasons.
    pub const ALL: [Reason; 26] = [
        Reason::Satisfactory,
        Reason::OptOutMissingDowngrade,
        Reason::OptOutMissingBlock,
        Reason::NoOptOutBlock,
        Reason::OptInMissingBlock,
        Reason::NoPolicyBlock,
        Reason::NoPolicyLeash,
        Reason::NoPolicyDowngrade,
        Reason::NoPolicySessionAccept,
        Reason::BlockAll,
        Reason::AcceptAll,
        Reason::CookieDeletion,
        Reason::InvalidPolicyBlock,
        Reason::InvalidPolicyLeash,
        Reason::InvalidPolicyDowngrade,
        Reason::InvalidPolicySessionAccept,
        Reason::RuleMatched,
        Reason::NoRuleMatched,
        Reason::ProfileNoPolicy,
        Reason::ProfileSessionAllowed,
        Reason::MozillaNoPolicy,
        Reason::MozillaNoConsent,
        Reason::MozillaInvalid,
        Reason::MozillaImplicit,
        Reason::MozillaExplicit,
        Reason::SessionUnchanged,
    ];

    /// The reason from its number.
    pub fn from_u32(v: u32) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| *r as u32 == v)
    }

    /// The sentence printed for the cell. R1-R5 are the evaluation report's
    /// own sentences, word for word.
    pub fn sentence(self) -> &'static str {
        self.sentence_c().to_str().unwrap_or("")
    }

    /// [`Reason::sentence`] with a terminating NUL, for the C ABI.
    pub const fn sentence_c(self) -> &'static CStr {
        match self {
            Reason::Satisfactory => c"Policy satisfactory at this level; cookies will be accepted.",
            Reason::OptOutMissingDowngrade => c"Opt-out is not provided for all unsatisfactory purposes and recipients, so the cookie will be downgraded to a session cookie.",
            Reason::OptOutMissingBlock => c"Opt-out is not provided for all unsatisfactory purposes and recipients, so the cookie will be blocked.",
            Reason::NoOptOutBlock => c"No opt-out is provided, so the cookie will be blocked.",
            Reason::OptInMissingBlock => c"Since opt-in is not required, the cookie will be blocked.",
            Reason::NoPolicyBlock => c"No compact policy is provided, so the cookie will be blocked.",
            Reason::NoPolicyLeash => c"No compact policy is provided, so the cookie will be restricted to first-party use.",
            Reason::NoPolicyDowngrade => c"No compact policy is provided, so the cookie will be downgraded to a session cookie.",
            Reason::NoPolicySessionAccept => c"No compact policy is provided, but session cookies are accepted at this level.",
            Reason::BlockAll => c"All cookies are blocked at this level.",
            Reason::AcceptAll => c"All cookies are accepted at this level.",
            Reason::CookieDeletion => c"The cookie only deletes a stored cookie, so it is passed through unchanged.",
            Reason::InvalidPolicyBlock => c"The compact policy is invalid, so it counts as no policy and the cookie will be blocked.",
            Reason::InvalidPolicyLeash => c"The compact policy is invalid, so it counts as no policy and the cookie will be restricted to first-party use.",
            Reason::InvalidPolicyDowngrade => c"The compact policy is invalid, so it counts as no policy and the cookie will be downgraded to a session cookie.",
            Reason::InvalidPolicySessionAccept => c"The compact policy is invalid and counts as no policy, but session cookies are accepted at this level.",
            Reason::RuleMatched => c"A rule of the profile matches the policy, so the rule's action applies.",
            Reason::NoRuleMatched => c"No rule of the profile matches the policy, so the profile's default action applies.",
            Reason::ProfileNoPolicy => c"No compact policy is provided, so the profile's action for that case applies.",
            Reason::ProfileSessionAllowed => c"The profile always allows session cookies, so the cookie will be accepted.",
            Reason::MozillaNoPolicy => c"No compact policy is provided, so the Mozilla setting for that case applies.",
            Reason::MozillaNoConsent => c"Identifiable data is used without consent, so the Mozilla setting for that case applies.",
            Reason::MozillaInvalid => c"The policy has a word Mozilla does not accept, so it counts as giving no consent and the Mozilla setting for that case applies.",
            Reason::MozillaImplicit => c"Identifiable data is used with opt-out consent, so the Mozilla setting for that case applies.",
            Reason::MozillaExplicit => c"Identifiable data is used only with opt-in consent, or none is collected, so the Mozilla setting for that case applies.",
            Reason::SessionUnchanged => c"The profile would make it a session cookie, which it already is, so the cookie will be accepted as sent.",
        }
    }
}

const fn bit(t: Token) -> u64 {
    1u64 << t as u32
}

const fn cbit(t: Token) -> u32 {
    match t.consent_index() {
        Some(i) => 1u32 << i,
        None => 0,
    }
}

/// Identifiable-data categories: PHY, ONL, GOV, FIN.
pub const PII_MASK: u64 = bit(Token::PHY) | bit(Token::ONL) | bit(Token::GOV) | bit(Token::FIN);

/// Uses that need consent, as consent bits: purposes IVA IVD CON TEL OTP and
/// recipients SAM UNR PUB OTR.
pub const U_MASK: u32 = cbit(Token::IVA)
    | cbit(Token::IVD)
    | cbit(Token::CON)
    | cbit(Token::TEL)
    | cbit(Token::OTP)
    | cbit(Token::SAM)
    | cbit(Token::UNR)
    | cbit(Token::PUB)
    | cbit(Token::OTR);

const PURPOSE_MASK: u64 = crate::parse::group_mask(crate::token::Group::Purpose);

/// Classifies a policy for the IE6 profile.
#[inline]
pub fn classify(p: &Policy) -> Class {
    if !p.is_present() || p.has(Token::TST) {
        return Class::NoPolicy;
    }
    if p.tokens & PII_MASK == 0 {
        return Class::Ok;
    }
    if p.tokens & PURPOSE_MASK == 0 {
        return Class::None;
    }
    if p.always & U_MASK != 0 {
        Class::None
    } else if p.opt_out & U_MASK != 0 {
        Class::Implicit
    } else if p.opt_in & U_MASK != 0 {
        Class::Explicit
    } else {
        Class::Ok
    }
}

/// The consent a cell demands of a policy.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Requirement {
    Nothing,
    Implicit,
    Explicit,
}

const fn requirement(level: Level, party: Party) -> Requirement {
    match (level, party) {
        (Level::High, _) | (Level::MediumHigh, Party::Third) => Requirement::Explicit,
        (Level::Low, Party::First) => Requirement::Nothing,
        _ => Requirement::Implicit,
    }
}

/// Whether the row accepts session cookies whatever the policy says
/// (`alwaysAllowSession`): first-party at Low, Medium and Medium High,
/// third-party at Low.
const fn always_allows_session(level: Level, party: Party) -> bool {
    matches!(
        (level, party),
        (Level::Low | Level::Medium | Level::MediumHigh, Party::First) | (Level::Low, Party::Third)
    )
}

const fn met(req: Requirement, class: Class) -> bool {
    match req {
        Requirement::Nothing => true,
        Requirement::Implicit => matches!(class, Class::Ok | Class::Explicit | Class::Implicit),
        Requirement::Explicit => matches!(class, Class::Ok | Class::Explicit),
    }
}

const fn d(action: Action, reason: Reason) -> Decision {
    Decision { action, reason }
}

/// One cell of the level table (docs/evaluation-model.md, section 3).
const fn cell(class: Class, level: Level, party: Party, cookie: CookieKind) -> Decision {
    use Action::*;
    let session = matches!(cookie, CookieKind::Session);
    match level {
        Level::BlockAll => return d(Block, Reason::BlockAll),
        Level::AcceptAll => return d(Accept, Reason::AcceptAll),
        _ => {}
    }
    if matches!(class, Class::NoPolicy) {
        return match (level, party) {
            (Level::High, _) | (Level::MediumHigh | Level::Medium, Party::Third) => d(Block, Reason::NoPolicyBlock),
            _ if session => d(Accept, Reason::NoPolicySessionAccept),
            (_, Party::First) => d(Leash, Reason::NoPolicyLeash),
            _ => d(Downgrade, Reason::NoPolicyDowngrade),
        };
    }
    if (session && always_allows_session(level, party)) || met(requirement(level, party), class) {
        return d(Accept, Reason::Satisfactory);
    }
    match (level, party) {
        (Level::MediumHigh, Party::First) => d(Block, Reason::NoOptOutBlock),
        (Level::Medium, Party::First) | (Level::Low, _) => d(Downgrade, Reason::OptOutMissingDowngrade),
        (Level::Medium, Party::Third) => d(Block, Reason::OptOutMissingBlock),
        _ => d(Block, Reason::OptInMissingBlock),
    }
}

/// Index into [`TABLE`]: `((class * 6 + level) * 2 + party) * 2 + cookie`.
const CELLS: usize = 5 * 6 * 2 * 2;

static TABLE: [Decision; CELLS] = {
    let classes = Class::ALL;
    let mut t = [d(Action::Accept, Reason::Satisfactory); CELLS];
    let mut i = 0;
    while i < CELLS {
        let cookie = if i % 2 == 0 { CookieKind::Session } else { CookieKind::Persistent };
        let party = if (i / 2) % 2 == 0 { Party::First } else { Party::Third };
        let level = Level::ALL[(i / 4) % 6];
        let class = classes[i / 24];
        t[i] = cell(class, level, party, cookie);
        i += 1;
    }
    t
};

/// The decision for one cell, given a class.
#[inline]
pub fn decide_class(class: Class, level: Level, party: Party, cookie: CookieKind) -> Decision {
    let i = (((class as usize * 6 + level as usize) * 2 + party as usize) * 2) + cookie as usize;
    match TABLE.get(i) {
        Some(x) => *x,
        None => d(Action::Block, Reason::BlockAll),
    }
}

/// The decision for one cell. `None` is the absent policy.
#[inline]
pub fn decide(policy: Option<&Policy>, level: Level, party: Party, cookie: CookieKind) -> Decision {
    let class = policy.map_or(Class::NoPolicy, classify);
    decide_class(class, level, party, cookie)
}

/// All 24 cells: `cells[party as usize][cookie as usize][level as usize]`,
/// the same layout as the C `p3p_grid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grid {
    /// The cells.
    pub cells: [[[Decision; 6]; 2]; 2],
}

impl Grid {
    /// Evaluates every cell for a class.
    pub fn for_class(class: Class) -> Grid {
        let mut cells = [[[d(Action::Accept, Reason::Satisfactory); 6]; 2]; 2];
        for (pi, party) in Party::ALL.into_iter().enumerate() {
            for cookie in CookieKind::ALL {
                for (li, level) in Level::ALL.into_iter().enumerate() {
                    cells[pi][cookie as usize][li] = decide_class(class, level, party, cookie);
                }
            }
        }
        Grid { cells }
    }

    /// The cell for one level, party and cookie kind.
    pub fn get(&self, level: Level, party: Party, cookie: CookieKind) -> Decision {
        self.cells[party as usize][cookie as usize][level as usize]
    }
}

/// The overall judgement of a policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Verdict {
    /// The response has no compact policy.
    NoPolicy = 0,
    /// Every cell of the four middle levels accepts.
    Satisfactory = 1,
    /// Some middle-level cell does not accept.
    Unsatisfactory = 2,
}

impl Verdict {
    /// JSON name.
    pub fn name(self) -> &'static str {
        self.name_c().to_str().unwrap_or("")
    }

    /// The same, NUL-terminated, for the C ABI.
    pub const fn name_c(self) -> &'static CStr {
        match self {
            Verdict::NoPolicy => c"no_policy",
            Verdict::Satisfactory => c"satisfactory",
            Verdict::Unsatisfactory => c"unsatisfactory",
        }
    }
}

/// The verdict for a class (docs/evaluation-model.md, section 5).
pub fn verdict_for(class: Class) -> Verdict {
    if class == Class::NoPolicy {
        return Verdict::NoPolicy;
    }
    let accepts_everywhere = Level::MIDDLE_GRID_ORDER.into_iter().all(|level| {
        Party::ALL.into_iter().all(|party| {
            CookieKind::ALL.into_iter().all(|cookie| decide_class(class, level, party, cookie).action == Action::Accept)
        })
    });
    if accepts_everywhere {
        Verdict::Satisfactory
    } else {
        Verdict::Unsatisfactory
    }
}

/// What makes a policy unsatisfactory: the identifiable-data categories
/// present (token bits) and the uses that lack the consent a failing cell
/// required (consent bits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unsatisfactory {
    /// Token bits of the PII categories present.
    pub categories: u64,
    /// Consent bits of the offending purposes and recipients.
    pub uses: u32,
}

/// The categories and uses behind an unsatisfactory verdict; empty for any
/// other verdict. For a policy that gives no consent these are the uses
/// always made; for one that gives only implicit consent, the opt-out ones.
pub fn unsatisfactory(p: &Policy) -> Unsatisfactory {
    let class = classify(p);
    if verdict_for(class) != Verdict::Unsatisfactory {
        return Unsatisfactory::default();
    }
    let uses = match class {
        Class::None => p.always & U_MASK,
        Class::Implicit => p.opt_out & U_MASK & !p.always,
        _ => 0,
    };
    Unsatisfactory { categories: p.tokens & PII_MASK, uses }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_matches_the_cell_function() {
        for class in Class::ALL {
            for level in Level::ALL {
                for party in Party::ALL {
                    for cookie in CookieKind::ALL {
                        assert_eq!(decide_class(class, level, party, cookie), cell(class, level, party, cookie));
                    }
                }
            }
        }
    }

    #[test]
    fn keys_parse_back() {
        for l in Level::ALL {
            assert_eq!(Level::from_key(l.key().as_bytes()), Some(l));
        }
        assert_eq!(Level::from_key(b"Medium-High"), Some(Level::MediumHigh));
        assert_eq!(Level::from_key(b"mediumhigh"), None);
        assert_eq!(Party::from_name(b"3rd"), Some(Party::Third));
        assert_eq!(Party::from_name(b"first_party"), Some(Party::First));
        assert_eq!(CookieKind::from_name(b"Session"), Some(CookieKind::Session));
        assert_eq!(Action::from_name(b"LEASH"), Some(Action::Leash));
    }

    #[test]
    fn verdicts_per_class() {
        assert_eq!(verdict_for(Class::NoPolicy), Verdict::NoPolicy);
        assert_eq!(verdict_for(Class::Ok), Verdict::Satisfactory);
        assert_eq!(verdict_for(Class::Explicit), Verdict::Satisfactory);
        assert_eq!(verdict_for(Class::Implicit), Verdict::Unsatisfactory);
        assert_eq!(verdict_for(Class::None), Verdict::Unsatisfactory);
    }
}
