//! The C-facing types and constants. Everything enum-like is a `uint32_t`
//! with `#define`d values: no Rust enum crosses the boundary, and values
//! coming from C are checked before use.
#![allow(non_camel_case_types)]

/// A status returned by every fallible function. `P3P_STATUS_OK` is 0.
pub type p3p_status = u32;

/// Success.
pub const P3P_STATUS_OK: p3p_status = 0;
/// A required pointer was NULL (or NULL with a non-zero length).
pub const P3P_STATUS_NULL_ARGUMENT: p3p_status = 1;
/// An integer argument is out of range (unknown level, party, action...).
pub const P3P_STATUS_INVALID_ARGUMENT: p3p_status = 2;
/// The output buffer is too small; nothing useful was written.
pub const P3P_STATUS_BUFFER_TOO_SMALL: p3p_status = 3;
/// A name (level, party, action) is not one this library knows.
pub const P3P_STATUS_UNKNOWN_NAME: p3p_status = 4;
/// The `Set-Cookie` value contains a control byte; it was not changed.
pub const P3P_STATUS_COOKIE_CONTROL_BYTE: p3p_status = 100;
/// The token list cannot be sent as a header (a quote or control byte).
pub const P3P_STATUS_POLICY_UNSENDABLE: p3p_status = 200;
/// The profile file has errors; see the `p3p_profile_error`.
pub const P3P_STATUS_PROFILE_INVALID: p3p_status = 300;
/// A panic was caught inside the library (a bug; please report it).
pub const P3P_STATUS_INTERNAL: p3p_status = 999;

/// What an input buffer holds: a `P3P` header field value...
pub const P3P_INPUT_HEADER: u32 = 0;
/// ...or a bare token list (`NOI DSP COR`), as in configuration.
pub const P3P_INPUT_TOKENS: u32 = 1;

/// Privacy levels, strictest first.
pub const P3P_LEVEL_BLOCK_ALL: u32 = 0;
/// High.
pub const P3P_LEVEL_HIGH: u32 = 1;
/// Medium High.
pub const P3P_LEVEL_MEDIUM_HIGH: u32 = 2;
/// Medium (IE6's default).
pub const P3P_LEVEL_MEDIUM: u32 = 3;
/// Low.
pub const P3P_LEVEL_LOW: u32 = 4;
/// Accept All Cookies.
pub const P3P_LEVEL_ACCEPT_ALL: u32 = 5;

/// First-party context.
pub const P3P_PARTY_FIRST: u32 = 0;
/// Third-party context.
pub const P3P_PARTY_THIRD: u32 = 1;

/// A cookie without `Expires`/`Max-Age`.
pub const P3P_COOKIE_SESSION: u32 = 0;
/// A cookie with a valid `Expires` or `Max-Age`.
pub const P3P_COOKIE_PERSISTENT: u32 = 1;

/// Leave the `Set-Cookie` header as it is.
pub const P3P_ACTION_ACCEPT: u32 = 0;
/// Remove `Expires` and `Max-Age`: a session cookie.
pub const P3P_ACTION_DOWNGRADE: u32 = 1;
/// Set `SameSite=Lax`: first-party use only.
pub const P3P_ACTION_LEASH: u32 = 2;
/// Remove the `Set-Cookie` header.
pub const P3P_ACTION_BLOCK: u32 = 3;
/// Ask the user (custom profiles); servers treat it as block.
pub const P3P_ACTION_PROMPT: u32 = 4;

/// Policy classes: how a profile sees a policy (`p3p_profile_class`;
/// `p3p_policy_class` gives the `ie6` profile's view). No policy: no `CP`
/// directive, or a test policy (`TST`); for `ie6-strict` also an invalid
/// policy, for Mozilla also `CP=""`.
pub const P3P_CLASS_NO_POLICY: u32 = 0;
/// (`ie6`, `ie6-strict`) No identifiable data used in a way that needs consent.
pub const P3P_CLASS_OK: u32 = 1;
/// (`ie6`, `ie6-strict`) Identifiable data; every use that needs consent is
/// opt-in. (Mozilla) Opt-in consent only, or no identifiable data at all.
pub const P3P_CLASS_EXPLICIT: u32 = 2;
/// (`ie6`, `ie6-strict`) Identifiable data; every use that needs consent is
/// opt-out or opt-in. (Mozilla) Identifiable data with opt-out consent.
pub const P3P_CLASS_IMPLICIT: u32 = 3;
/// (`ie6`, `ie6-strict`) Identifiable data used without consent.
pub const P3P_CLASS_NONE: u32 = 4;
/// (Mozilla) Identifiable data without consent, or a word Mozilla rejects.
pub const P3P_CLASS_NO_CONSENT: u32 = 5;
/// (custom profiles) A policy, tested by the profile's rules: import files
/// have no classes of their own.
pub const P3P_CLASS_RULES: u32 = 6;

/// Verdict: the profile sees no policy (see `P3P_CLASS_NO_POLICY`).
pub const P3P_VERDICT_NO_POLICY: u32 = 0;
/// Verdict: the profile accepts every cookie (first- and third-party,
/// session and persistent) at every level where the policy matters: the
/// four middle IE6 levels, the four Mozilla presets, or the one rule set.
pub const P3P_VERDICT_SATISFACTORY: u32 = 1;
/// Verdict: some such cell does not accept.
pub const P3P_VERDICT_UNSATISFACTORY: u32 = 2;

/// Reason: "Policy satisfactory at this level; cookies will be accepted."
pub const P3P_REASON_SATISFACTORY: u32 = 1;
/// Reason: opt-out missing, downgraded.
pub const P3P_REASON_OPT_OUT_MISSING_DOWNGRADE: u32 = 2;
/// Reason: opt-out missing, blocked.
pub const P3P_REASON_OPT_OUT_MISSING_BLOCK: u32 = 3;
/// Reason: no opt-out, blocked (Medium High, first party).
pub const P3P_REASON_NO_OPT_OUT_BLOCK: u32 = 4;
/// Reason: opt-in not required, blocked.
pub const P3P_REASON_OPT_IN_MISSING_BLOCK: u32 = 5;
/// Reason: no compact policy, blocked.
pub const P3P_REASON_NO_POLICY_BLOCK: u32 = 6;
/// Reason: no compact policy, leashed.
pub const P3P_REASON_NO_POLICY_LEASH: u32 = 7;
/// Reason: no compact policy, downgraded.
pub const P3P_REASON_NO_POLICY_DOWNGRADE: u32 = 8;
/// Reason: no compact policy, but session cookies are accepted at this level.
pub const P3P_REASON_NO_POLICY_SESSION_ACCEPT: u32 = 9;
/// Reason: the Block All level.
pub const P3P_REASON_BLOCK_ALL: u32 = 10;
/// Reason: the Accept All level.
pub const P3P_REASON_ACCEPT_ALL: u32 = 11;
/// Reason: the header deletes a cookie, so it passes unchanged.
pub const P3P_REASON_COOKIE_DELETION: u32 = 12;
/// Reason (ie6-strict): an invalid policy counts as no policy; blocked.
pub const P3P_REASON_INVALID_POLICY_BLOCK: u32 = 13;
/// Reason (ie6-strict): an invalid policy counts as no policy; leashed.
pub const P3P_REASON_INVALID_POLICY_LEASH: u32 = 14;
/// Reason (ie6-strict): an invalid policy counts as no policy; downgraded.
pub const P3P_REASON_INVALID_POLICY_DOWNGRADE: u32 = 15;
/// Reason (ie6-strict): an invalid policy counts as no policy, but session
/// cookies are accepted at this level.
pub const P3P_REASON_INVALID_POLICY_SESSION_ACCEPT: u32 = 16;
/// Reason (custom profile): a rule matched; the decision has its action.
pub const P3P_REASON_RULE_MATCHED: u32 = 17;
/// Reason (custom profile): no rule matched; `noRuleDefault` applies.
pub const P3P_REASON_NO_RULE_MATCHED: u32 = 18;
/// Reason (custom profile): no policy (or `TST`); `noPolicyDefault` applies.
pub const P3P_REASON_PROFILE_NO_POLICY: u32 = 19;
/// Reason (custom profile): a session cookie and `alwaysAllowSession="yes"`.
pub const P3P_REASON_PROFILE_SESSION_ALLOWED: u32 = 20;
/// Reason (Mozilla): no policy; the matrix letter for "no CP" applies.
pub const P3P_REASON_MOZILLA_NO_POLICY: u32 = 21;
/// Reason (Mozilla): no consent; the matrix letter for "no consent" applies.
pub const P3P_REASON_MOZILLA_NO_CONSENT: u32 = 22;
/// Reason (Mozilla): a word Mozilla rejects makes the policy count as no
/// consent; the matrix letter for "no consent" applies.
pub const P3P_REASON_MOZILLA_INVALID: u32 = 23;
/// Reason (Mozilla): implicit consent; the matrix letter for it applies.
pub const P3P_REASON_MOZILLA_IMPLICIT: u32 = 24;
/// Reason (Mozilla): explicit consent or no identifiable data; the matrix
/// letter for it applies.
pub const P3P_REASON_MOZILLA_EXPLICIT: u32 = 25;
/// Reason (Mozilla, custom profiles): the profile's action is a downgrade
/// (`d`, `forceSession`) and the cookie is already a session cookie, so it
/// is accepted as sent; a rule that matched is still reported.
pub const P3P_REASON_SESSION_UNCHANGED: u32 = 26;

/// Diagnostic severity: a spec violation user agents tolerate.
pub const P3P_SEVERITY_WARNING: u32 = 1;
/// Diagnostic severity: bytes that are ignored or misread.
pub const P3P_SEVERITY_ERROR: u32 = 2;

/// Bytes a leash may add to a `Set-Cookie` value (`; SameSite=Lax`).
pub const P3P_COOKIE_LEASH_EXTRA: usize = 14;

/// Flag of `p3p_cookie_decision.flags`: the header deletes a cookie.
pub const P3P_COOKIE_FLAG_DELETION: u32 = 1;

/// One decision: a `P3P_ACTION_*` and a `P3P_REASON_*`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct p3p_decision {
    /// `P3P_ACTION_*`.
    pub action: u32,
    /// `P3P_REASON_*`; `p3p_reason_str` gives the sentence.
    pub reason: u32,
}

/// All 24 cells: `cells[party][cookie][level]` with `party` a
/// `P3P_PARTY_*`, `cookie` a `P3P_COOKIE_*` and `level` a `P3P_LEVEL_*`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct p3p_grid {
    /// The decisions.
    pub cells: [[[p3p_decision; 6]; 2]; 2],
}

/// What one `Set-Cookie` header needs.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct p3p_cookie_decision {
    /// `P3P_ACTION_*` to apply with `p3p_cookie_rewrite` (or by removing the
    /// header for block and prompt).
    pub action: u32,
    /// `P3P_REASON_*`.
    pub reason: u32,
    /// `P3P_COOKIE_SESSION` or `P3P_COOKIE_PERSISTENT`.
    pub kind: u32,
    /// `P3P_COOKIE_FLAG_*` bits.
    pub flags: u32,
    /// Offset of the cookie name in the `Set-Cookie` value.
    pub name_offset: usize,
    /// Length of the cookie name (0 for a nameless cookie).
    pub name_len: usize,
}

/// One diagnostic, located in the input by byte offset.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct p3p_diagnostic {
    /// `P3P_DIAG_*` code.
    pub code: u32,
    /// `P3P_SEVERITY_*`.
    pub severity: u32,
    /// Byte offset of the offending text.
    pub offset: usize,
    /// Its length in bytes (0 for findings about the whole policy).
    pub len: usize,
    /// Opaque detail (suggestion, repeated token, missing group) used by
    /// `p3p_diagnostic_message`.
    pub detail: u32,
}

/// Diagnostic codes (`p3p_diagnostic.code`); see the README for each.
pub const P3P_DIAG_UNKNOWN_TOKEN: u32 = 1;
/// A token in the wrong case.
pub const P3P_DIAG_WRONG_CASE: u32 = 2;
/// A suffix on a token that takes none.
pub const P3P_DIAG_SUFFIX_NOT_ALLOWED: u32 = 3;
/// A repeated token.
pub const P3P_DIAG_DUPLICATE_TOKEN: u32 = 4;
/// A token with two different suffixes.
pub const P3P_DIAG_CONFLICTING_SUFFIX: u32 = 5;
/// A policy with no tokens.
pub const P3P_DIAG_EMPTY_POLICY: u32 = 6;
/// A second CP directive (ignored).
pub const P3P_DIAG_SECOND_CP_IGNORED: u32 = 7;
/// A quote with no closing quote.
pub const P3P_DIAG_UNTERMINATED_QUOTE: u32 = 8;
/// A control byte in the policy.
pub const P3P_DIAG_CONTROL_BYTE: u32 = 9;
/// A header value without a CP directive.
pub const P3P_DIAG_NO_COMPACT_POLICY: u32 = 10;
/// A suffix on CUR or OUR.
pub const P3P_DIAG_NONSTANDARD_SUFFIX: u32 = 11;
/// A group with no token (purposes, recipients, retention, categories).
pub const P3P_DIAG_MISSING_GROUP: u32 = 12;
/// Free text instead of a policy.
pub const P3P_DIAG_NOT_A_POLICY: u32 = 13;
/// TST: a test policy.
pub const P3P_DIAG_TEST_POLICY: u32 = 14;
/// A CP value not in double quotes.
pub const P3P_DIAG_UNQUOTED_VALUE: u32 = 15;
/// Text after a closing quote.
pub const P3P_DIAG_TRAILING_TEXT: u32 = 16;
/// LOC, which IE6 and Mozilla ignore.
pub const P3P_DIAG_UNKNOWN_TO_IE6: u32 = 17;
/// Identifiable data with no purpose.
pub const P3P_DIAG_PII_WITHOUT_PURPOSE: u32 = 18;

/// Longest `p3p_profile_error.detail` kept, in bytes.
pub const P3P_PROFILE_ERROR_DETAIL_MAX: usize = 60;

/// The first error of a profile file that failed to load.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct p3p_profile_error {
    /// `P3P_PROFILE_ERROR_*`; `p3p_profile_error_str` gives its message.
    pub code: u32,
    /// Line, from 1; 0 for an error about the file itself (`_OPEN`,
    /// `_NOT_A_FILE`, `_TOO_LARGE`, `_READ`).
    pub line: u32,
    /// Column in characters, from 1; 0 with line 0.
    pub column: u32,
    /// How many errors the file has in all (at most 100 are counted).
    pub count: u32,
    /// Bytes used in `detail`.
    pub detail_len: u32,
    /// The offending text (a token, value or element name) or the XML
    /// parser's message, UTF-8, cut at `P3P_PROFILE_ERROR_DETAIL_MAX`
    /// bytes; not NUL-terminated.
    pub detail: [u8; P3P_PROFILE_ERROR_DETAIL_MAX],
}

/// Profile error: not well-formed XML, or not UTF-8.
pub const P3P_PROFILE_ERROR_XML: u32 = 1;
/// Profile error: the file is larger than 1 MiB (line 0; `detail` gives
/// the size).
pub const P3P_PROFILE_ERROR_TOO_LARGE: u32 = 2;
/// Profile error: the root element is not `MSIEPrivacy`.
pub const P3P_PROFILE_ERROR_ROOT: u32 = 3;
/// Profile error: an element that does not belong where it is.
pub const P3P_PROFILE_ERROR_UNEXPECTED_ELEMENT: u32 = 4;
/// Profile error: text where only elements belong.
pub const P3P_PROFILE_ERROR_UNEXPECTED_TEXT: u32 = 5;
/// Profile error: a required element is missing (`MSIEPrivacySettings`,
/// the internet `p3pCookiePolicy`, `firstParty`, `thirdParty`).
pub const P3P_PROFILE_ERROR_MISSING_ELEMENT: u32 = 6;
/// Profile error: an element given twice.
pub const P3P_PROFILE_ERROR_DUPLICATE_ELEMENT: u32 = 7;
/// Profile error: a required attribute is missing.
pub const P3P_PROFILE_ERROR_MISSING_ATTRIBUTE: u32 = 8;
/// Profile error: an attribute the format does not have.
pub const P3P_PROFILE_ERROR_UNKNOWN_ATTRIBUTE: u32 = 9;
/// Profile error: `formatVersion` is not `6`.
pub const P3P_PROFILE_ERROR_FORMAT_VERSION: u32 = 10;
/// Profile error: `zone` is not `internet`, `intranet` or `trusted`.
pub const P3P_PROFILE_ERROR_BAD_ZONE: u32 = 11;
/// Profile error: an unknown action name.
pub const P3P_PROFILE_ERROR_UNKNOWN_ACTION: u32 = 12;
/// Profile error: `alwaysAllowSession` is not `yes` or `no`.
pub const P3P_PROFILE_ERROR_BAD_BOOLEAN: u32 = 13;
/// Profile error: an empty `expr`.
pub const P3P_PROFILE_ERROR_EMPTY_EXPRESSION: u32 = 14;
/// Profile error: an empty term or a misplaced `!` in `expr`.
pub const P3P_PROFILE_ERROR_BAD_EXPRESSION: u32 = 15;
/// Profile error: a term that is not a compact-policy token.
pub const P3P_PROFILE_ERROR_UNKNOWN_TOKEN: u32 = 16;
/// Profile error: a suffix on a token that takes none (`FINa`).
pub const P3P_PROFILE_ERROR_SUFFIX_NOT_ALLOWED: u32 = 17;
/// Profile error: `TST` in an expression.
pub const P3P_PROFILE_ERROR_TEST_TOKEN: u32 = 18;
/// Profile error: more than `P3P_PROFILE_MAX_RULES` rules in one party.
pub const P3P_PROFILE_ERROR_TOO_MANY_RULES: u32 = 19;
/// Profile error (`p3p_profile_load_file`, line 0): the file cannot be
/// opened; `detail` holds the system's reason.
pub const P3P_PROFILE_ERROR_OPEN: u32 = 20;
/// Profile error (`p3p_profile_load_file`, line 0): the path is a
/// directory, a device, a FIFO or a socket (`detail` says which).
pub const P3P_PROFILE_ERROR_NOT_A_FILE: u32 = 21;
/// Profile error (`p3p_profile_load_file`, line 0): reading the file
/// failed; `detail` holds the system's reason.
pub const P3P_PROFILE_ERROR_READ: u32 = 22;

impl From<&crate::profile::LoadError> for p3p_profile_error {
    fn from(e: &crate::profile::LoadError) -> Self {
        let mut detail = [0u8; P3P_PROFILE_ERROR_DETAIL_MAX];
        let mut n = e.detail.len().min(P3P_PROFILE_ERROR_DETAIL_MAX);
        while !e.detail.is_char_boundary(n) {
            n -= 1;
        }
        if let (Some(dst), Some(src)) = (detail.get_mut(..n), e.detail.as_bytes().get(..n)) {
            dst.copy_from_slice(src);
        }
        p3p_profile_error {
            code: e.code as u32,
            line: e.line,
            column: e.column,
            count: 1,
            detail_len: n as u32,
            detail,
        }
    }
}

impl From<crate::ie6::Decision> for p3p_decision {
    fn from(d: crate::ie6::Decision) -> Self {
        p3p_decision { action: d.action as u32, reason: d.reason as u32 }
    }
}

impl p3p_cookie_decision {
    /// The C form of a cookie's decision and what was read from it.
    pub fn new(d: crate::ie6::Decision, info: crate::cookie::CookieInfo) -> Self {
        p3p_cookie_decision {
            action: d.action as u32,
            reason: d.reason as u32,
            kind: info.kind as u32,
            flags: if info.deletion { P3P_COOKIE_FLAG_DELETION } else { 0 },
            name_offset: info.name_offset,
            name_len: info.name_len,
        }
    }
}

impl From<crate::diag::Diagnostic> for p3p_diagnostic {
    fn from(d: crate::diag::Diagnostic) -> Self {
        p3p_diagnostic {
            code: d.code as u32,
            severity: d.severity() as u32,
            offset: d.offset,
            len: d.len,
            detail: d.detail.pack(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn enum_constants_match_the_rust_enums() {
        use crate::ie6::{Action, Class, CookieKind, Level, Party, Reason, Verdict};
        assert_eq!(P3P_LEVEL_BLOCK_ALL, Level::BlockAll as u32);
        assert_eq!(P3P_LEVEL_HIGH, Level::High as u32);
        assert_eq!(P3P_LEVEL_MEDIUM_HIGH, Level::MediumHigh as u32);
        assert_eq!(P3P_LEVEL_MEDIUM, Level::Medium as u32);
        assert_eq!(P3P_LEVEL_LOW, Level::Low as u32);
        assert_eq!(P3P_LEVEL_ACCEPT_ALL, Level::AcceptAll as u32);
        assert_eq!(P3P_PARTY_FIRST, Party::First as u32);
        assert_eq!(P3P_PARTY_THIRD, Party::Third as u32);
        assert_eq!(P3P_COOKIE_SESSION, CookieKind::Session as u32);
        assert_eq!(P3P_COOKIE_PERSISTENT, CookieKind::Persistent as u32);
        assert_eq!(P3P_ACTION_ACCEPT, Action::Accept as u32);
        assert_eq!(P3P_ACTION_DOWNGRADE, Action::Downgrade as u32);
        assert_eq!(P3P_ACTION_LEASH, Action::Leash as u32);
        assert_eq!(P3P_ACTION_BLOCK, Action::Block as u32);
        assert_eq!(P3P_ACTION_PROMPT, Action::Prompt as u32);
        assert_eq!(P3P_CLASS_NO_POLICY, Class::NoPolicy as u32);
        assert_eq!(P3P_CLASS_OK, Class::Ok as u32);
        assert_eq!(P3P_CLASS_EXPLICIT, Class::Explicit as u32);
        assert_eq!(P3P_CLASS_IMPLICIT, Class::Implicit as u32);
        assert_eq!(P3P_CLASS_NONE, Class::None as u32);
        assert_eq!(P3P_VERDICT_NO_POLICY, Verdict::NoPolicy as u32);
        assert_eq!(P3P_VERDICT_SATISFACTORY, Verdict::Satisfactory as u32);
        assert_eq!(P3P_VERDICT_UNSATISFACTORY, Verdict::Unsatisfactory as u32);
        assert_eq!(P3P_REASON_SATISFACTORY, Reason::Satisfactory as u32);
        assert_eq!(P3P_REASON_OPT_OUT_MISSING_DOWNGRADE, Reason::OptOutMissingDowngrade as u32);
        assert_eq!(P3P_REASON_OPT_OUT_MISSING_BLOCK, Reason::OptOutMissingBlock as u32);
        assert_eq!(P3P_REASON_NO_OPT_OUT_BLOCK, Reason::NoOptOutBlock as u32);
        assert_eq!(P3P_REASON_OPT_IN_MISSING_BLOCK, Reason::OptInMissingBlock as u32);
        assert_eq!(P3P_REASON_NO_POLICY_BLOCK, Reason::NoPolicyBlock as u32);
        assert_eq!(P3P_REASON_NO_POLICY_LEASH, Reason::NoPolicyLeash as u32);
        assert_eq!(P3P_REASON_NO_POLICY_DOWNGRADE, Reason::NoPolicyDowngrade as u32);
        assert_eq!(P3P_REASON_NO_POLICY_SESSION_ACCEPT, Reason::NoPolicySessionAccept as u32);
        assert_eq!(P3P_REASON_BLOCK_ALL, Reason::BlockAll as u32);
        assert_eq!(P3P_REASON_ACCEPT_ALL, Reason::AcceptAll as u32);
        assert_eq!(P3P_REASON_COOKIE_DELETION, Reason::CookieDeletion as u32);
        let profile_reasons = [
            P3P_REASON_INVALID_POLICY_BLOCK,
            P3P_REASON_INVALID_POLICY_LEASH,
            P3P_REASON_INVALID_POLICY_DOWNGRADE,
            P3P_REASON_INVALID_POLICY_SESSION_ACCEPT,
            P3P_REASON_RULE_MATCHED,
            P3P_REASON_NO_RULE_MATCHED,
            P3P_REASON_PROFILE_NO_POLICY,
            P3P_REASON_PROFILE_SESSION_ALLOWED,
            P3P_REASON_MOZILLA_NO_POLICY,
            P3P_REASON_MOZILLA_NO_CONSENT,
            P3P_REASON_MOZILLA_INVALID,
            P3P_REASON_MOZILLA_IMPLICIT,
            P3P_REASON_MOZILLA_EXPLICIT,
            P3P_REASON_SESSION_UNCHANGED,
        ];
        for (c, r) in profile_reasons.iter().zip(&Reason::ALL[12..]) {
            assert_eq!(*c, *r as u32);
        }
        assert_eq!(profile_reasons.len(), Reason::ALL.len() - 12);
        assert_eq!(P3P_COOKIE_LEASH_EXTRA, crate::cookie::LEASH_EXTRA);
    }

    #[test]
    fn profile_error_constants_match_the_codes() {
        use crate::profile::ErrorCode;
        let consts = [
            P3P_PROFILE_ERROR_XML,
            P3P_PROFILE_ERROR_TOO_LARGE,
            P3P_PROFILE_ERROR_ROOT,
            P3P_PROFILE_ERROR_UNEXPECTED_ELEMENT,
            P3P_PROFILE_ERROR_UNEXPECTED_TEXT,
            P3P_PROFILE_ERROR_MISSING_ELEMENT,
            P3P_PROFILE_ERROR_DUPLICATE_ELEMENT,
            P3P_PROFILE_ERROR_MISSING_ATTRIBUTE,
            P3P_PROFILE_ERROR_UNKNOWN_ATTRIBUTE,
            P3P_PROFILE_ERROR_FORMAT_VERSION,
            P3P_PROFILE_ERROR_BAD_ZONE,
            P3P_PROFILE_ERROR_UNKNOWN_ACTION,
            P3P_PROFILE_ERROR_BAD_BOOLEAN,
            P3P_PROFILE_ERROR_EMPTY_EXPRESSION,
            P3P_PROFILE_ERROR_BAD_EXPRESSION,
            P3P_PROFILE_ERROR_UNKNOWN_TOKEN,
            P3P_PROFILE_ERROR_SUFFIX_NOT_ALLOWED,
            P3P_PROFILE_ERROR_TEST_TOKEN,
            P3P_PROFILE_ERROR_TOO_MANY_RULES,
            P3P_PROFILE_ERROR_OPEN,
            P3P_PROFILE_ERROR_NOT_A_FILE,
            P3P_PROFILE_ERROR_READ,
        ];
        assert_eq!(consts.len(), ErrorCode::ALL.len());
        for (c, code) in consts.iter().zip(ErrorCode::ALL) {
            assert_eq!(*c, code as u32);
        }
        assert_eq!(crate::profile::P3P_PROFILE_MAX_RULES, 128);
    }

    #[test]
    fn diagnostic_constants_match_the_codes() {
        let consts = [
            P3P_DIAG_UNKNOWN_TOKEN,
            P3P_DIAG_WRONG_CASE,
            P3P_DIAG_SUFFIX_NOT_ALLOWED,
            P3P_DIAG_DUPLICATE_TOKEN,
            P3P_DIAG_CONFLICTING_SUFFIX,
            P3P_DIAG_EMPTY_POLICY,
            P3P_DIAG_SECOND_CP_IGNORED,
            P3P_DIAG_UNTERMINATED_QUOTE,
            P3P_DIAG_CONTROL_BYTE,
            P3P_DIAG_NO_COMPACT_POLICY,
            P3P_DIAG_NONSTANDARD_SUFFIX,
            P3P_DIAG_MISSING_GROUP,
            P3P_DIAG_NOT_A_POLICY,
            P3P_DIAG_TEST_POLICY,
            P3P_DIAG_UNQUOTED_VALUE,
            P3P_DIAG_TRAILING_TEXT,
            P3P_DIAG_UNKNOWN_TO_IE6,
            P3P_DIAG_PII_WITHOUT_PURPOSE,
        ];
        assert_eq!(consts.len(), Code::ALL.len());
        for (c, code) in consts.iter().zip(Code::ALL) {
            assert_eq!(*c, code as u32);
        }
        assert_eq!(P3P_SEVERITY_ERROR, crate::diag::Severity::Error as u32);
        assert_eq!(P3P_SEVERITY_WARNING, crate::diag::Severity::Warning as u32);
    }
}
