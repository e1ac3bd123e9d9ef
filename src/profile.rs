//! Profiles: the rules a decision follows, as one fixed-size value
//! (`p3p_profile` in C) that is built once and then evaluated without
//! allocating.
//!
//! * `ie6`: the six IE6 levels ([`crate::ie6`]).
//! * `ie6-strict`: the same levels, but a present policy that is invalid
//!   (any word that is not a token, an empty `CP=""`, free text, control
//!   bytes or an unterminated quote) counts as no policy (docs/profiles.md; P3P
//!   1.1 tells user agents to treat erroneous compact policies as absent).
//! * `mozilla` and `mozilla:LETTERS`: Mozilla's classifier and its
//!   8-letter matrix (docs/profiles.md). `mozilla` alone has the four presets as
//!   levels (`low`, `medium`, `high`, `default`); `mozilla:low` (and the
//!   other preset names) or `mozilla:` followed by exactly eight letters is
//!   one matrix, and the level is ignored.
//! * custom profiles, compiled from IE6 privacy-import files
//!   ([`Profile::load`]; docs/import-format.md): per party, `alwaysAllowSession`,
//!   `noPolicyDefault`, ordered rules (first match wins) and
//!   `noRuleDefault`. The level is ignored.
//!
//! Every profile has a *class* and a *verdict* for a policy, its own view
//! ([`Profile::class_of`], [`Profile::verdict_of`]): `ie6` and
//! `ie6-strict` use IE6's classes (strict: an invalid policy is
//! `no_policy`), Mozilla profiles Mozilla's (`no_policy`, `no_consent`,
//! `implicit`, `explicit`), custom profiles only tell `no_policy` from
//! `rules` (a policy their rules test). The verdict is `no_policy` when the
//! class is, `satisfactory` when the profile accepts every cookie at every
//! level where the policy matters (IE6's four middle levels, the four
//! Mozilla presets, or the one rule set), else `unsatisfactory`.
//!
//! A downgrade only changes a persistent cookie: when a Mozilla `d` or a
//! custom `forceSession` meets a session cookie, the decision is accept
//! (the cookie is stored as sent), with the rule that matched kept.
//!
//! A rule is two 128-bit masks over the policy's *symbols*: the 34 tokens
//! without a consent suffix (bit = token index in word 0) and the three
//! forms of each of the 19 purposes and recipients (word 1: bit `c` for the
//! plain or `a` form, `19 + c` for `o`, `38 + c` for `i`, `c` the consent
//! index). A rule matches when every `must` symbol is present and no
//! `must_not` symbol is.

use core::ffi::CStr;

use crate::ie6::{self, Action, Class, CookieKind, Decision, Level, Party, Reason, Verdict};
use crate::policy::*;
use crate::token::{Token, CONSENT_TOKEN_COUNT};

/// cbindgen:ignore
mod file;
/// cbindgen:ignore
mod load;
pub use load::{write_error, ErrorCode, LoadError, MAX_PROFILE_BYTES};

/// `p3p_profile.kind`: the six IE6 levels (`P3P_LEVEL_*`).
pub const P3P_PROFILE_IE6: u32 = 1;
/// `p3p_profile.kind`: the IE6 levels; an invalid policy counts as none.
pub const P3P_PROFILE_IE6_STRICT: u32 = 2;
/// `p3p_profile.kind`: one Mozilla matrix (`mozilla:LETTERS` or a preset);
/// the level is ignored.
pub const P3P_PROFILE_MOZILLA: u32 = 3;
/// `p3p_profile.kind`: the four Mozilla presets as levels
/// (`P3P_MOZILLA_LEVEL_*`).
pub const P3P_PROFILE_MOZILLA_LEVELS: u32 = 4;
/// `p3p_profile.kind`: a custom profile compiled from an import file; the
/// level is ignored.
pub const P3P_PROFILE_CUSTOM: u32 = 5;

/// Level of the `mozilla` profile: the Low preset (`afafaaaa`).
pub const P3P_MOZILLA_LEVEL_LOW: u32 = 0;
/// Level of the `mozilla` profile: the Medium preset (`ffffaaaa`).
pub const P3P_MOZILLA_LEVEL_MEDIUM: u32 = 1;
/// Level of the `mozilla` profile: the High preset (`frfradaa`).
pub const P3P_MOZILLA_LEVEL_HIGH: u32 = 2;
/// Level of the `mozilla` profile: the shipped default (`drdraaaa`).
pub const P3P_MOZILLA_LEVEL_DEFAULT: u32 = 3;

/// Rules per party a custom profile can hold.
pub const P3P_PROFILE_MAX_RULES: usize = 128;

/// One compiled `<if expr="..." action="..."/>` rule (`p3p_rule` in C).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// Symbols that must all be present.
    pub must: [u64; 2],
    /// Symbols none of which may be present.
    pub must_not: [u64; 2],
    /// `P3P_ACTION_*` when the rule matches.
    pub action: u32,
    /// Line of the rule in its file (1-based; 0 for rules not from a file).
    pub line: u32,
}

/// The rules of one party (`p3p_rule_set` in C).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RuleSet {
    /// `P3P_ACTION_*` for a response without a policy (or with `TST`).
    pub no_policy_default: u32,
    /// `P3P_ACTION_*` when no rule matches.
    pub no_rule_default: u32,
    /// Non-zero: session cookies are accepted whatever the policy.
    pub always_allow_session: u32,
    /// Number of rules used in `rules`.
    pub rule_count: u32,
    /// The rules, in file order; the first that matches decides.
    pub rules: [Rule; P3P_PROFILE_MAX_RULES],
}

/// A profile (`p3p_profile` in C): a plain value of fixed size, built by
/// `p3p_profile_builtin` or `p3p_profile_load` and read by the decide
/// functions. Treat the fields as opaque.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Profile {
    /// `P3P_PROFILE_*`; 0 in a zeroed value, which no function accepts.
    pub kind: u32,
    /// Number of levels the profile has (1 when it ignores the level).
    pub level_count: u32,
    /// Mozilla matrices, one per level, normalised to the letters `a`,
    /// `d`, `f` and `r`.
    pub mozilla: [[u8; 8]; 4],
    /// Custom rules: `parties[P3P_PARTY_*]`.
    pub parties: [RuleSet; 2],
}

/// cbindgen:ignore
const EMPTY_RULE: Rule = Rule { must: [0; 2], must_not: [0; 2], action: 0, line: 0 };

impl RuleSet {
    /// A rule set with no rules that accepts everything.
    ///
    /// cbindgen:ignore
    pub const EMPTY: RuleSet = RuleSet {
        no_policy_default: Action::Accept as u32,
        no_rule_default: Action::Accept as u32,
        always_allow_session: 0,
        rule_count: 0,
        rules: [EMPTY_RULE; P3P_PROFILE_MAX_RULES],
    };

    /// The rules in use.
    pub fn rules(&self) -> &[Rule] {
        self.rules.get(..self.rule_count as usize).unwrap_or(&[])
    }
}

/// The Mozilla presets, in `P3P_MOZILLA_LEVEL_*` order.
///
/// cbindgen:ignore
pub const MOZILLA_PRESETS: [(&str, [u8; 8]); 4] =
    [("low", *b"afafaaaa"), ("medium", *b"ffffaaaa"), ("high", *b"frfradaa"), ("default", *b"drdraaaa")];

/// How Mozilla sees a policy (the `nsICookie` policy classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum MozillaClass {
    /// No `CP`, or an empty one.
    NoPolicy = 1,
    /// Identifiable data without consent, or an invalid policy.
    NoConsent = 2,
    /// Identifiable data with opt-out consent.
    Implicit = 3,
    /// Identifiable data with opt-in consent only, or none at all.
    Explicit = 4,
}

impl MozillaClass {
    /// JSON name (`no_consent`).
    pub const fn name(self) -> &'static str {
        match self {
            MozillaClass::NoPolicy => "no_policy",
            MozillaClass::NoConsent => "no_consent",
            MozillaClass::Implicit => "implicit",
            MozillaClass::Explicit => "explicit",
        }
    }
}

/// A class as a profile sees a policy: the `P3P_CLASS_*` numbers. The
/// first five are IE6's ([`Class`]); Mozilla's classes are `NoPolicy`,
/// `NoConsent`, `Implicit` and `Explicit`; custom profiles only have
/// `NoPolicy` and `Rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ProfileClass {
    /// No policy, as the profile sees it.
    NoPolicy = 0,
    /// (IE6) No identifiable data used in a way that needs consent.
    Ok = 1,
    /// (IE6) Every use that needs consent is opt-in. (Mozilla) Opt-in
    /// consent only, or no identifiable data.
    Explicit = 2,
    /// (IE6) Every use that needs consent is opt-out or opt-in. (Mozilla)
    /// Identifiable data with opt-out consent.
    Implicit = 3,
    /// (IE6) Identifiable data used without consent.
    None = 4,
    /// (Mozilla) Identifiable data without consent, or an invalid policy.
    NoConsent = 5,
    /// (custom) A policy, which the profile's rules test.
    Rules = 6,
}

impl ProfileClass {
    /// Every class, by number.
    pub const ALL: [ProfileClass; 7] = [
        ProfileClass::NoPolicy,
        ProfileClass::Ok,
        ProfileClass::Explicit,
        ProfileClass::Implicit,
        ProfileClass::None,
        ProfileClass::NoConsent,
        ProfileClass::Rules,
    ];

    /// JSON name (`no_consent`).
    pub fn name(self) -> &'static str {
        self.name_c().to_str().unwrap_or("")
    }

    /// The same, NUL-terminated, for the C ABI.
    pub const fn name_c(self) -> &'static CStr {
        match self {
            ProfileClass::NoPolicy => c"no_policy",
            ProfileClass::Ok => c"ok",
            ProfileClass::Explicit => c"explicit",
            ProfileClass::Implicit => c"implicit",
            ProfileClass::None => c"none",
            ProfileClass::NoConsent => c"no_consent",
            ProfileClass::Rules => c"rules",
        }
    }
}

impl From<Class> for ProfileClass {
    fn from(c: Class) -> Self {
        match c {
            Class::NoPolicy => ProfileClass::NoPolicy,
            Class::Ok => ProfileClass::Ok,
            Class::Explicit => ProfileClass::Explicit,
            Class::Implicit => ProfileClass::Implicit,
            Class::None => ProfileClass::None,
        }
    }
}

impl From<MozillaClass> for ProfileClass {
    fn from(c: MozillaClass) -> Self {
        match c {
            MozillaClass::NoPolicy => ProfileClass::NoPolicy,
            MozillaClass::NoConsent => ProfileClass::NoConsent,
            MozillaClass::Implicit => ProfileClass::Implicit,
            MozillaClass::Explicit => ProfileClass::Explicit,
        }
    }
}

/// Mozilla's class of a policy (docs/profiles.md, Mozilla), with the
/// reason a decision gives for it. `None` is the absent policy.
pub fn mozilla_class(policy: Option<&Policy>) -> (MozillaClass, Reason) {
    let Some(p) = policy.filter(|p| p.is_present()) else {
        return (MozillaClass::NoPolicy, Reason::MozillaNoPolicy);
    };
    let m = p.mozilla;
    if m & P3P_MOZILLA_INVALID != 0 {
        (MozillaClass::NoConsent, Reason::MozillaInvalid)
    } else if p.word_count == 0 {
        (MozillaClass::NoPolicy, Reason::MozillaNoPolicy)
    } else if m & P3P_MOZILLA_PII == 0 {
        (MozillaClass::Explicit, Reason::MozillaExplicit)
    } else if m & P3P_MOZILLA_NO_CONSENT != 0 {
        (MozillaClass::NoConsent, Reason::MozillaNoConsent)
    } else if m & P3P_MOZILLA_IMPLICIT != 0 {
        (MozillaClass::Implicit, Reason::MozillaImplicit)
    } else if m & P3P_MOZILLA_EXPLICIT != 0 {
        (MozillaClass::Explicit, Reason::MozillaExplicit)
    } else {
        (MozillaClass::NoConsent, Reason::MozillaNoConsent)
    }
}

/// The action of a Mozilla matrix letter: `a` accept, `d` downgrade, `f`
/// accept (Mozilla showed a warning icon, which a server cannot), anything
/// else block.
pub const fn mozilla_action(letter: u8) -> Action {
    match letter {
        b'a' | b'f' => Action::Accept,
        b'd' => Action::Downgrade,
        _ => Action::Block,
    }
}

const fn normalise_letters(s: [u8; 8]) -> [u8; 8] {
    let mut out = [b'r'; 8];
    let mut i = 0;
    while i < 8 {
        if matches!(s[i], b'a' | b'd' | b'f') {
            out[i] = s[i];
        }
        i += 1;
    }
    out
}

/// Flags that make a present policy invalid for `ie6-strict`.
///
/// cbindgen:ignore
pub const STRICT_INVALID: u32 = P3P_POLICY_HAS_INVALID
    | P3P_POLICY_EMPTY
    | P3P_POLICY_NOT_A_POLICY
    | P3P_POLICY_CONTROL_BYTES
    | P3P_POLICY_UNTERMINATED;

/// A decision with the rule that made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Outcome {
    /// The action and reason.
    pub decision: Decision,
    /// 1-based index of the matching rule of a custom profile; 0 otherwise.
    pub rule: u32,
}

/// Why a profile could not decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecideError {
    /// The level is not one of the profile's.
    Level,
    /// The profile value is not one this library built (a zeroed or
    /// damaged `p3p_profile`).
    Profile,
}

/// The symbols of a policy, as rule masks test them.
#[inline]
pub const fn symbols(p: &Policy) -> [u64; 2] {
    let n = CONSENT_TOKEN_COUNT as u32;
    [p.tokens, p.always as u64 | (p.opt_out as u64) << n | (p.opt_in as u64) << (2 * n)]
}

impl Rule {
    /// Whether the rule matches a policy's symbols.
    ///
    /// Four tests, each a branch that most rules fail early: the
    /// purposes and recipients (word 1) first, since policies differ most
    /// there, while the data categories of word 0 are in nearly every
    /// policy. Written as separate tests, each compiles to one `test`
    /// against memory and a branch; folding them into one expression
    /// (`(must & !s) | (must_not & s) == 0`) costs every rule the full
    /// work (measured slower).
    #[inline]
    pub const fn matches(&self, s: &[u64; 2]) -> bool {
        self.must[1] & !s[1] == 0
            && self.must_not[1] & s[1] == 0
            && self.must[0] & !s[0] == 0
            && self.must_not[0] & s[0] == 0
    }
}

const fn plain(action: Action, reason: Reason) -> Outcome {
    Outcome { decision: Decision { action, reason }, rule: 0 }
}

/// A downgrade leaves a session cookie as it is: say so (accept), and keep
/// the rule that matched.
#[inline]
const fn as_stored(o: Outcome, cookie: CookieKind) -> Outcome {
    match (o.decision.action, cookie) {
        (Action::Downgrade, CookieKind::Session) => {
            Outcome { decision: Decision { action: Action::Accept, reason: Reason::SessionUnchanged }, rule: o.rule }
        }
        _ => o,
    }
}

impl Profile {
    const fn with_kind(kind: u32, level_count: u32) -> Profile {
        Profile { kind, level_count, mozilla: [[b'r'; 8]; 4], parties: [RuleSet::EMPTY, RuleSet::EMPTY] }
    }

    /// The `ie6` profile.
    ///
    /// cbindgen:ignore
    pub const IE6: Profile = Profile::with_kind(P3P_PROFILE_IE6, 6);

    /// The `ie6-strict` profile.
    ///
    /// cbindgen:ignore
    pub const IE6_STRICT: Profile = Profile::with_kind(P3P_PROFILE_IE6_STRICT, 6);

    /// A Mozilla profile with one matrix; letters other than `a`, `d` and
    /// `f` mean reject.
    pub const fn mozilla_letters(letters: [u8; 8]) -> Profile {
        let mut p = Profile::with_kind(P3P_PROFILE_MOZILLA, 1);
        p.mozilla[0] = normalise_letters(letters);
        p
    }

    /// The `mozilla` profile: the four presets as levels.
    pub const fn mozilla_levels() -> Profile {
        let mut p = Profile::with_kind(P3P_PROFILE_MOZILLA_LEVELS, 4);
        let mut i = 0;
        while i < 4 {
            p.mozilla[i] = MOZILLA_PRESETS[i].1;
            i += 1;
        }
        p
    }

    /// An empty custom profile (every cell accepts) to fill in.
    pub const fn custom() -> Profile {
        Profile::with_kind(P3P_PROFILE_CUSTOM, 1)
    }

    /// A built-in profile by name: `ie6`, `ie6-strict`, `mozilla`,
    /// `mozilla:low`, `mozilla:medium`, `mozilla:high`, `mozilla:default`,
    /// or `mozilla:` and exactly eight matrix letters. Names ignore ASCII
    /// case; the letters do not.
    pub fn builtin(name: &[u8]) -> Option<Profile> {
        if name.eq_ignore_ascii_case(b"ie6") {
            return Some(Profile::IE6);
        }
        if name.eq_ignore_ascii_case(b"ie6-strict") {
            return Some(Profile::IE6_STRICT);
        }
        if name.eq_ignore_ascii_case(b"mozilla") {
            return Some(Profile::mozilla_levels());
        }
        let (head, rest) = name.split_at_checked(8)?;
        if !head.eq_ignore_ascii_case(b"mozilla:") {
            return None;
        }
        if let Some((_, letters)) = MOZILLA_PRESETS.iter().find(|(n, _)| rest.eq_ignore_ascii_case(n.as_bytes())) {
            return Some(Profile::mozilla_letters(*letters));
        }
        let letters: [u8; 8] = rest.try_into().ok()?;
        Some(Profile::mozilla_letters(letters))
    }

    /// Compiles an IE6 privacy-import file (see the module documentation
    /// of `load` in the README's "Profiles" section). Allocates while
    /// loading; the result does not. Every error found is returned, in
    /// document order.
    pub fn load(xml: &[u8]) -> Result<Profile, Vec<LoadError>> {
        load::load(xml)
    }

    /// Loads an import file from a path, checking it before reading it: a
    /// directory, a device, a FIFO or a socket is refused after a `stat`
    /// (nothing is opened for reading), a file over [`MAX_PROFILE_BYTES`]
    /// is refused by its size, and at most that many bytes plus one are
    /// ever read. Errors about the file itself (`Open`, `NotAFile`,
    /// `TooLarge`, `Read`) have line and column 0; print them with
    /// [`LoadError::located`].
    pub fn load_file(path: impl AsRef<std::path::Path>) -> Result<Profile, Vec<LoadError>> {
        file::load_file(path.as_ref())
    }

    /// The level keys of this profile, in level-number order: the six IE6
    /// levels, the four Mozilla presets, or `profile` for profiles that
    /// ignore the level.
    pub fn level_keys(&self) -> &'static [&'static str] {
        match self.kind {
            P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT => &IE6_KEYS,
            P3P_PROFILE_MOZILLA_LEVELS => &MOZILLA_KEYS,
            _ => &["profile"],
        }
    }

    /// Whether the profile has levels (rather than one rule set).
    pub const fn has_levels(&self) -> bool {
        matches!(self.kind, P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT | P3P_PROFILE_MOZILLA_LEVELS)
    }

    /// The level number for a key of this profile (any ASCII case, `-` for
    /// `_`); profiles without levels accept `profile` only.
    pub fn level_from_key(&self, key: &[u8]) -> Option<u32> {
        if matches!(self.kind, P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT) {
            return Level::from_key(key).map(|l| l as u32);
        }
        self.level_keys().iter().position(|k| k.as_bytes().eq_ignore_ascii_case(key)).map(|i| i as u32)
    }

    /// Decides one cell. `policy` `None` is the absent policy; `level` is a
    /// `P3P_LEVEL_*` for the IE6 profiles, a `P3P_MOZILLA_LEVEL_*` for
    /// `mozilla`, and ignored otherwise. Does not allocate.
    #[inline(always)]
    pub fn decide(
        &self,
        policy: Option<&Policy>,
        level: u32,
        party: Party,
        cookie: CookieKind,
    ) -> Result<Outcome, DecideError> {
        // Custom rule sets first and inline: they cost the most, and the
        // built-in kinds are constant time behind one call.
        match self.rule_set(party) {
            Some(set) => set.decide(policy, cookie),
            None => self.decide_builtin(policy, level, party, cookie),
        }
    }

    /// The rules of `party` when this is a custom profile; `None` for the
    /// built-in kinds (and for a value that is not a profile).
    #[inline(always)]
    pub fn rule_set(&self, party: Party) -> Option<&RuleSet> {
        if self.kind == P3P_PROFILE_CUSTOM {
            self.parties.get(party as usize)
        } else {
            None
        }
    }

    #[inline]
    fn decide_builtin(
        &self,
        policy: Option<&Policy>,
        level: u32,
        party: Party,
        cookie: CookieKind,
    ) -> Result<Outcome, DecideError> {
        match self.kind {
            P3P_PROFILE_IE6 => {
                let l = Level::from_u32(level).ok_or(DecideError::Level)?;
                Ok(Outcome { decision: ie6::decide(policy, l, party, cookie), rule: 0 })
            }
            P3P_PROFILE_IE6_STRICT => {
                let l = Level::from_u32(level).ok_or(DecideError::Level)?;
                Ok(Outcome { decision: decide_strict(policy, l, party, cookie), rule: 0 })
            }
            P3P_PROFILE_MOZILLA | P3P_PROFILE_MOZILLA_LEVELS => {
                let row = if self.kind == P3P_PROFILE_MOZILLA {
                    0
                } else if level < 4 {
                    level as usize
                } else {
                    return Err(DecideError::Level);
                };
                let (class, reason) = mozilla_class(policy);
                let index = 2 * (class as usize - 1) + party as usize;
                let letter = self.mozilla.get(row).and_then(|m| m.get(index)).copied().unwrap_or(b'r');
                Ok(as_stored(plain(mozilla_action(letter), reason), cookie))
            }
            _ => Err(DecideError::Profile),
        }
    }

    /// How the profile sees `policy` (`None`: no policy); see the module
    /// documentation. Fails only for a profile value this library did not
    /// build.
    pub fn class_of(&self, policy: Option<&Policy>) -> Result<ProfileClass, DecideError> {
        match self.kind {
            P3P_PROFILE_IE6 => Ok(policy.map_or(Class::NoPolicy, ie6::classify).into()),
            P3P_PROFILE_IE6_STRICT => Ok(match policy {
                Some(p) if p.is_present() && p.flags & STRICT_INVALID != 0 => ProfileClass::NoPolicy,
                _ => policy.map_or(Class::NoPolicy, ie6::classify).into(),
            }),
            P3P_PROFILE_MOZILLA | P3P_PROFILE_MOZILLA_LEVELS => Ok(mozilla_class(policy).0.into()),
            P3P_PROFILE_CUSTOM => {
                Ok(if custom_sees(policy).is_some() { ProfileClass::Rules } else { ProfileClass::NoPolicy })
            }
            _ => Err(DecideError::Profile),
        }
    }

    /// The profile's verdict on `policy`: `NoPolicy` when it sees none,
    /// `Satisfactory` when it accepts every cookie (both parties, both
    /// kinds) at every level where the policy matters (IE6's four middle
    /// levels, Mozilla's four presets, or the one rule set), else
    /// `Unsatisfactory`. For `ie6` this is [`ie6::verdict_for`].
    pub fn verdict_of(&self, policy: Option<&Policy>) -> Result<Verdict, DecideError> {
        if self.class_of(policy)? == ProfileClass::NoPolicy {
            return Ok(Verdict::NoPolicy);
        }
        let levels = match self.kind {
            P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT => Level::High as u32..Level::AcceptAll as u32,
            _ => 0..self.level_count,
        };
        for level in levels {
            for party in Party::ALL {
                for cookie in CookieKind::ALL {
                    if self.decide(policy, level, party, cookie)?.decision.action != Action::Accept {
                        return Ok(Verdict::Unsatisfactory);
                    }
                }
            }
        }
        Ok(Verdict::Satisfactory)
    }
}

/// The policy a custom profile's rules test: `None` for no policy or `TST`.
#[inline]
fn custom_sees(policy: Option<&Policy>) -> Option<&Policy> {
    policy.filter(|p| p.is_present() && !p.has(Token::TST))
}

impl RuleSet {
    /// Decides one cell with these rules: [`Profile::decide`] for a custom
    /// profile, without the dispatch by kind. The actions stored in the set
    /// are checked on use (a compare), so a damaged value is refused
    /// rather than trusted. Always inlined, so a caller that drops the
    /// rule's number does not compute it.
    #[inline(always)]
    pub fn decide(&self, policy: Option<&Policy>, cookie: CookieKind) -> Result<Outcome, DecideError> {
        if cookie == CookieKind::Session && self.always_allow_session != 0 {
            return Ok(plain(Action::Accept, Reason::ProfileSessionAllowed));
        }
        let (action, reason, rule) = match custom_sees(policy) {
            None => (self.no_policy_default, Reason::ProfileNoPolicy, 0),
            Some(p) => {
                let rules = self.rules.get(..self.rule_count as usize).ok_or(DecideError::Profile)?;
                // What is kept of the rule is read where it matched, so the
                // walk's two exits do not merge into one pointer first.
                match first_match(rules, &symbols(p), |r| (r.action, rule_number(rules, r))) {
                    Some((action, number)) => (action, Reason::RuleMatched, number),
                    None => (self.no_rule_default, Reason::NoRuleMatched, 0),
                }
            }
        };
        // A downgrade leaves a session cookie as it is (as `as_stored`),
        // decided on the stored number so that checking it is one compare.
        let (action, reason) = match (action, cookie) {
            (DOWNGRADE, CookieKind::Session) => (Action::Accept as u32, Reason::SessionUnchanged),
            other => (other.0, reason),
        };
        let action = Action::from_u32(action).ok_or(DecideError::Profile)?;
        Ok(Outcome { decision: Decision { action, reason }, rule })
    }
}

/// cbindgen:ignore
const DOWNGRADE: u32 = Action::Downgrade as u32;

/// What `keep` takes of the first rule that matches `s` (taken at each
/// exit, which costs less than one exit with the rule's address). Two
/// rules a turn: the loop's own add and branch cost as much as a failing
/// rule's tests. With an odd count the first rule is tested alone before
/// the pairs.
#[inline(always)]
fn first_match<T>(rules: &[Rule], s: &[u64; 2], keep: impl Fn(&Rule) -> T) -> Option<T> {
    let pairs = match rules {
        [first, rest @ ..] if rules.len() % 2 == 1 => {
            if first.matches(s) {
                return Some(keep(first));
            }
            rest
        }
        _ => rules,
    };
    for pair in pairs.chunks_exact(2) {
        if let [a, b] = pair {
            if a.matches(s) {
                return Some(keep(a));
            }
            if b.matches(s) {
                return Some(keep(b));
            }
        }
    }
    None
}

/// The 1-based number of `rule`, an element of `rules`.
#[inline]
fn rule_number(rules: &[Rule], rule: &Rule) -> u32 {
    let offset = core::ptr::from_ref(rule).addr() - rules.as_ptr().addr();
    (offset / core::mem::size_of::<Rule>()) as u32 + 1
}

/// The `ie6-strict` decision: an invalid present policy counts as no policy.
pub fn decide_strict(policy: Option<&Policy>, level: Level, party: Party, cookie: CookieKind) -> Decision {
    match policy {
        Some(p) if p.is_present() && p.flags & STRICT_INVALID != 0 => {
            let d = ie6::decide_class(Class::NoPolicy, level, party, cookie);
            let reason = match d.reason {
                Reason::NoPolicyBlock => Reason::InvalidPolicyBlock,
                Reason::NoPolicyLeash => Reason::InvalidPolicyLeash,
                Reason::NoPolicyDowngrade => Reason::InvalidPolicyDowngrade,
                Reason::NoPolicySessionAccept => Reason::InvalidPolicySessionAccept,
                other => other,
            };
            Decision { action: d.action, reason }
        }
        _ => ie6::decide(policy, level, party, cookie),
    }
}

const IE6_KEYS: [&str; 6] = ["block_all", "high", "medium_high", "medium", "low", "accept_all"];
const MOZILLA_KEYS: [&str; 4] = ["low", "medium", "high", "default"];

/// The message of a load error code, NUL-terminated (for the C ABI).
pub fn error_message_c(code: u32) -> Option<&'static CStr> {
    ErrorCode::from_u32(code).map(ErrorCode::message_c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_what_the_c_header_promises() {
        assert_eq!(core::mem::size_of::<Rule>(), 40);
        assert_eq!(core::mem::size_of::<RuleSet>(), 16 + 40 * P3P_PROFILE_MAX_RULES);
        assert_eq!(core::mem::size_of::<Profile>(), 40 + 2 * core::mem::size_of::<RuleSet>());
        assert_eq!(core::mem::align_of::<Profile>(), 8);
    }

    #[test]
    fn builtin_names() {
        assert_eq!(Profile::builtin(b"ie6"), Some(Profile::IE6));
        assert_eq!(Profile::builtin(b"IE6-Strict"), Some(Profile::IE6_STRICT));
        assert_eq!(Profile::builtin(b"mozilla").map(|p| p.kind), Some(P3P_PROFILE_MOZILLA_LEVELS));
        assert_eq!(Profile::builtin(b"mozilla:high").map(|p| p.mozilla[0]), Some(*b"frfradaa"));
        assert_eq!(Profile::builtin(b"mozilla:adfrxyzA").map(|p| p.mozilla[0]), Some(*b"adfrrrrr"));
        for bad in [&b""[..], b"ie7", b"mozilla:", b"mozilla:aaaaaaa", b"mozilla:aaaaaaaaa", b"mozillaxaaaaaaaa"] {
            assert_eq!(Profile::builtin(bad), None, "{bad:?}");
        }
    }

    /// The rule walk (four early-exit tests, an odd rule first, then two
    /// rules a turn) against the definition, for every count from 0 to 9 and
    /// rules over a few symbols, so that many match.
    #[test]
    fn the_rule_walk_finds_the_first_matching_rule() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let bits = |r: u64| [r & 0b1011, (r >> 8) & 0b0110_0001];
        for round in 0..400 {
            let count = round % 10;
            let mut set = RuleSet::EMPTY;
            set.rule_count = count as u32;
            for (i, r) in set.rules.iter_mut().take(count).enumerate() {
                *r = Rule { must: bits(next()), must_not: bits(next()), action: (i % 5) as u32, line: 0 };
            }
            let policy = crate::parse_tokens(b"NOI");
            for _ in 0..8 {
                let s = bits(next() | next());
                let mut p = policy;
                p.tokens = s[0];
                p.always = s[1] as u32;
                assert_eq!(symbols(&p), s);
                let defined = set.rules().iter().position(|r| {
                    (r.must[0] & !s[0]) | (r.must[1] & !s[1]) | (r.must_not[0] & s[0]) | (r.must_not[1] & s[1]) == 0
                });
                let o = set.decide(Some(&p), CookieKind::Persistent).map(|o| o.rule);
                assert_eq!(o, Ok(defined.map_or(0, |i| i as u32 + 1)), "{count} rules, symbols {s:?}");
                assert_eq!(set.rules().iter().position(|r| r.matches(&s)), defined);
            }
        }
    }

    #[test]
    fn zeroed_or_damaged_profiles_are_refused() {
        let mut p = Profile::custom();
        p.kind = 0;
        assert_eq!(p.decide(None, 0, Party::First, CookieKind::Session), Err(DecideError::Profile));
        let mut p = Profile::custom();
        p.parties[0].rule_count = 1000;
        let pol = crate::parse_tokens(b"NOI");
        assert_eq!(p.decide(Some(&pol), 0, Party::First, CookieKind::Persistent), Err(DecideError::Profile));
        let mut p = Profile::custom();
        p.parties[0].no_policy_default = 77;
        assert_eq!(p.decide(None, 0, Party::First, CookieKind::Persistent), Err(DecideError::Profile));
        assert_eq!(Profile::IE6.decide(None, 6, Party::First, CookieKind::Persistent), Err(DecideError::Level));
        assert_eq!(
            Profile::mozilla_levels().decide(None, 4, Party::First, CookieKind::Persistent),
            Err(DecideError::Level)
        );
    }
}
