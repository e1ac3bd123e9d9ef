//! Compiling an IE6 privacy-import file into a [`Profile`].
//!
//! Accepted shape (docs/import-format.md):
//!
//! ```xml
//! <MSIEPrivacy>
//!   <MSIEPrivacySettings formatVersion="6">
//!     <p3pCookiePolicy zone="internet">
//!       <firstParty noPolicyDefault="forceFirstParty" noRuleDefault="accept" alwaysAllowSession="yes">
//!         <if expr="PHY,CON" action="forceSession"/>
//!       </firstParty>
//!       <thirdParty noPolicyDefault="reject" noRuleDefault="accept" alwaysAllowSession="no">
//!         <if expr="PHY,!CUR" action="reject"/>
//!       </thirdParty>
//!     </p3pCookiePolicy>
//!   </MSIEPrivacySettings>
//! </MSIEPrivacy>
//! ```
//!
//! * `MSIESiteRules` (per-site decisions), `alwaysReplayLegacy`,
//!   `flushCookies` and `flushSiteList` are accepted and ignored: they act on
//!   a browser's stored state, which a server does not have.
//! * `p3pCookiePolicy` elements for the `intranet` and `trustedSites` zones
//!   (Microsoft's spelling; `trusted` is accepted too) are checked like the
//!   internet one and then ignored: a server only sees the internet zone.
//!   Exactly one `internet` policy is required.
//! * Both `firstParty` and `thirdParty` are required, each once, with all
//!   three attributes. Actions: `accept`, `prompt`, `forceFirstParty`
//!   (leash), `forceSession` (downgrade), `reject` (block).
//!   `alwaysAllowSession` is `yes` or `no`.
//! * `expr`: terms separated by `,` (all must hold), each a token,
//!   optionally preceded by `!` (must be absent), with optional spaces.
//!   Tokens are spelt as in compact policies (case-sensitive). A purpose or
//!   recipient without suffix (or with `a`) matches only the plain/`a`
//!   form; `CONo` and `CONi` are separate symbols. `TST` cannot be tested
//!   (a test policy counts as no policy). An empty `expr` is an error.
//! * At most [`P3P_PROFILE_MAX_RULES`] rules per party.
//! * Anything else (unknown elements or attributes, text) is an error.

use core::ffi::CStr;
use core::fmt;

use roxmltree::{Document, Node, ParsingOptions};

use super::{Profile, Rule, RuleSet, P3P_PROFILE_MAX_RULES};
use crate::ie6::Action;
use crate::token::{Suffix, Token, CONSENT_TOKEN_COUNT};

/// The largest import file accepted, in bytes.
pub const MAX_PROFILE_BYTES: usize = 1 << 20;

/// Most errors reported for one file.
const MAX_ERRORS: usize = 100;

/// What is wrong with an import file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ErrorCode {
    /// Not well-formed XML (or not UTF-8).
    Xml = 1,
    /// The file is larger than [`MAX_PROFILE_BYTES`].
    TooLarge = 2,
    /// The root element is not `MSIEPrivacy`.
    Root = 3,
    /// An element that does not belong where it is.
    UnexpectedElement = 4,
    /// Text where only elements belong.
    UnexpectedText = 5,
    /// A required element is missing.
    MissingElement = 6,
    /// An element that may appear once appears again.
    DuplicateElement = 7,
    /// A required attribute is missing.
    MissingAttribute = 8,
    /// An attribute this format does not have.
    UnknownAttribute = 9,
    /// `formatVersion` is not `6`.
    FormatVersion = 10,
    /// `zone` is not `internet`, `intranet` or `trusted`.
    BadZone = 11,
    /// An action that is not `accept`, `prompt`, `forceFirstParty`,
    /// `forceSession` or `reject`.
    UnknownAction = 12,
    /// `alwaysAllowSession` is not `yes` or `no`.
    BadBoolean = 13,
    /// `expr` is empty.
    EmptyExpression = 14,
    /// `expr` has an empty term or a misplaced `!`.
    BadExpression = 15,
    /// A term that is not a compact-policy token.
    UnknownToken = 16,
    /// A suffix on a token that takes none (`FINa`).
    SuffixNotAllowed = 17,
    /// `TST` in an expression.
    TestToken = 18,
    /// More than [`P3P_PROFILE_MAX_RULES`] rules in one party.
    TooManyRules = 19,
    /// The file cannot be opened (missing, no permission, ...).
    Open = 20,
    /// The path is a directory, a device, a FIFO or a socket.
    NotAFile = 21,
    /// Reading the file failed.
    Read = 22,
}

impl ErrorCode {
    /// Every code, by number.
    pub const ALL: [ErrorCode; 22] = [
        ErrorCode::Xml,
        ErrorCode::TooLarge,
        ErrorCode::Root,
        ErrorCode::UnexpectedElement,
        ErrorCode::UnexpectedText,
        ErrorCode::MissingElement,
        ErrorCode::DuplicateElement,
        ErrorCode::MissingAttribute,
        ErrorCode::UnknownAttribute,
        ErrorCode::FormatVersion,
        ErrorCode::BadZone,
        ErrorCode::UnknownAction,
        ErrorCode::BadBoolean,
        ErrorCode::EmptyExpression,
        ErrorCode::BadExpression,
        ErrorCode::UnknownToken,
        ErrorCode::SuffixNotAllowed,
        ErrorCode::TestToken,
        ErrorCode::TooManyRules,
        ErrorCode::Open,
        ErrorCode::NotAFile,
        ErrorCode::Read,
    ];

    /// The code from its number.
    pub fn from_u32(v: u32) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| *c as u32 == v)
    }

    /// Stable name (`unknown_token`).
    pub const fn name(self) -> &'static str {
        match self {
            ErrorCode::Xml => "xml",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::Root => "root",
            ErrorCode::UnexpectedElement => "unexpected_element",
            ErrorCode::UnexpectedText => "unexpected_text",
            ErrorCode::MissingElement => "missing_element",
            ErrorCode::DuplicateElement => "duplicate_element",
            ErrorCode::MissingAttribute => "missing_attribute",
            ErrorCode::UnknownAttribute => "unknown_attribute",
            ErrorCode::FormatVersion => "format_version",
            ErrorCode::BadZone => "bad_zone",
            ErrorCode::UnknownAction => "unknown_action",
            ErrorCode::BadBoolean => "bad_boolean",
            ErrorCode::EmptyExpression => "empty_expression",
            ErrorCode::BadExpression => "bad_expression",
            ErrorCode::UnknownToken => "unknown_token",
            ErrorCode::SuffixNotAllowed => "suffix_not_allowed",
            ErrorCode::TestToken => "test_token",
            ErrorCode::TooManyRules => "too_many_rules",
            ErrorCode::Open => "open",
            ErrorCode::NotAFile => "not_a_file",
            ErrorCode::Read => "read",
        }
    }

    /// The message, NUL-terminated.
    pub const fn message_c(self) -> &'static CStr {
        match self {
            ErrorCode::Xml => c"malformed XML",
            ErrorCode::TooLarge => c"the file is larger than 1 MiB",
            ErrorCode::Root => c"the root element must be MSIEPrivacy",
            ErrorCode::UnexpectedElement => c"element not allowed here",
            ErrorCode::UnexpectedText => c"text not allowed here",
            ErrorCode::MissingElement => c"required element missing",
            ErrorCode::DuplicateElement => c"element given twice",
            ErrorCode::MissingAttribute => c"required attribute missing",
            ErrorCode::UnknownAttribute => c"unknown attribute",
            ErrorCode::FormatVersion => c"formatVersion must be \"6\"",
            ErrorCode::BadZone => c"zone must be internet, intranet or trustedSites",
            ErrorCode::UnknownAction => c"unknown action (accept, prompt, forceFirstParty, forceSession or reject)",
            ErrorCode::BadBoolean => c"alwaysAllowSession must be yes or no",
            ErrorCode::EmptyExpression => c"empty expression",
            ErrorCode::BadExpression => {
                c"malformed expression (terms separated by ',', each a token with an optional '!')"
            }
            ErrorCode::UnknownToken => c"unknown token",
            ErrorCode::SuffixNotAllowed => c"this token takes no suffix",
            ErrorCode::TestToken => c"TST cannot be tested: a test policy counts as no policy (see noPolicyDefault)",
            ErrorCode::TooManyRules => c"too many rules (at most 128 per party)",
            ErrorCode::Open => c"cannot open the file",
            ErrorCode::NotAFile => c"not a regular file",
            ErrorCode::Read => c"cannot read the file",
        }
    }

    /// Whether the detail is prose (printed as is) rather than text quoted
    /// from the file.
    pub const fn detail_is_prose(self) -> bool {
        matches!(self, ErrorCode::Xml | ErrorCode::TooLarge | ErrorCode::Open | ErrorCode::NotAFile | ErrorCode::Read)
    }

    /// The message.
    pub fn message(self) -> &'static str {
        self.message_c().to_str().unwrap_or("")
    }
}

/// One error in an import file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// What is wrong.
    pub code: ErrorCode,
    /// Line, from 1; 0 for an error about the file itself (`Open`,
    /// `NotAFile`, `TooLarge`, `Read`).
    pub line: u32,
    /// Column in characters, from 1; 0 with line 0.
    pub column: u32,
    /// The offending text (token, value, element name) or the XML parser's
    /// own message; may be empty.
    pub detail: String,
}

impl fmt::Display for LoadError {
    /// `LINE:COLUMN: message: "detail"`, or `message: detail` for an error
    /// about the file itself (line 0).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_error(f, self.code, self.line, self.column, &self.detail)
    }
}

/// Writes an error from its parts as [`LoadError`] displays it (the C API
/// formats its `p3p_profile_error` with this too).
pub fn write_error(w: &mut impl fmt::Write, code: ErrorCode, line: u32, column: u32, detail: &str) -> fmt::Result {
    if line > 0 {
        write!(w, "{line}:{column}: ")?;
    }
    w.write_str(code.message())?;
    match (detail.is_empty(), code.detail_is_prose()) {
        (true, _) => Ok(()),
        (false, true) => write!(w, ": {detail}"),
        (false, false) => write!(w, ": \"{}\"", detail.escape_debug()),
    }
}

impl LoadError {
    /// An error about the file itself, with no position.
    pub(super) fn file(code: ErrorCode, detail: String) -> LoadError {
        LoadError { code, line: 0, column: 0, detail }
    }

    /// The error after a file name, as compilers print it:
    /// `FILE:LINE:COLUMN: message` or, for the file itself, `FILE: message`.
    pub fn located<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        struct Located<'a>(&'a str, &'a LoadError);
        impl fmt::Display for Located<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let sep = if self.1.line > 0 { ":" } else { ": " };
                write!(f, "{}{sep}{}", self.0, self.1)
            }
        }
        Located(file, self)
    }
}

struct Loader<'a, 'input> {
    doc: &'a Document<'input>,
    text: &'input str,
    errors: Vec<LoadError>,
}

/// Compiles `xml`; see the module documentation.
pub fn load(xml: &[u8]) -> Result<Profile, Vec<LoadError>> {
    if xml.len() > MAX_PROFILE_BYTES {
        return Err(vec![LoadError::file(ErrorCode::TooLarge, format!("{} bytes", xml.len()))]);
    }
    let text = match core::str::from_utf8(xml) {
        Ok(t) => t,
        Err(e) => {
            let good = xml.get(..e.valid_up_to()).unwrap_or(&[]);
            let line = good.iter().filter(|b| **b == b'\n').count() as u32 + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(good.get(line_start..).unwrap_or(&[])).chars().count() as u32 + 1;
            let detail = "the file is not UTF-8".to_owned();
            return Err(vec![LoadError { code: ErrorCode::Xml, line, column, detail }]);
        }
    };
    let options = ParsingOptions { allow_dtd: false, nodes_limit: 100_000, ..ParsingOptions::default() };
    let doc = match Document::parse_with_options(text, options) {
        Ok(d) => d,
        Err(e) => {
            let (line, column) = xml_error_position(text, &e);
            let mut detail = e.to_string();
            if let Some(i) = detail.rfind(" at ") {
                detail.truncate(i);
            }
            return Err(vec![LoadError { code: ErrorCode::Xml, line, column, detail }]);
        }
    };
    let mut l = Loader { doc: &doc, text, errors: Vec::new() };
    let profile = l.document();
    match profile {
        Some(p) if l.errors.is_empty() => Ok(p),
        _ => {
            l.errors.sort_by_key(|e| (e.line, e.column));
            l.errors.truncate(MAX_ERRORS);
            Err(l.errors)
        }
    }
}

/// Where an XML error is: the parser's position, except for the errors it
/// places at 1:1 without knowing better: a document that is cut off is
/// reported where it ends, a DTD where it starts.
fn xml_error_position(text: &str, e: &roxmltree::Error) -> (u32, u32) {
    let at = |offset: usize| {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
        (line, column)
    };
    match e {
        roxmltree::Error::UnexpectedEndOfStream | roxmltree::Error::UnclosedRootNode | roxmltree::Error::NoRootNode => {
            at(text.trim_end().len())
        }
        roxmltree::Error::DtdDetected => at(text.find("<!DOCTYPE").unwrap_or(0)),
        _ => (e.pos().row, e.pos().col),
    }
}

impl<'a, 'input> Loader<'a, 'input> {
    fn error_at(&mut self, pos: usize, code: ErrorCode, detail: &str) {
        let p = self.doc.text_pos_at(pos);
        self.errors.push(LoadError { code, line: p.row, column: p.col, detail: detail.to_owned() });
    }

    fn error(&mut self, node: Node<'a, 'input>, code: ErrorCode, detail: &str) {
        self.error_at(node.range().start, code, detail);
    }

    /// Element children of `node`; reports text, skips comments and
    /// processing instructions.
    fn elements(&mut self, node: Node<'a, 'input>) -> Vec<Node<'a, 'input>> {
        let mut v = Vec::new();
        for c in node.children() {
            if c.is_element() {
                v.push(c);
            } else if c.is_text() && c.text().is_some_and(|t| !t.trim().is_empty()) {
                let t = c.text().unwrap_or("").trim();
                let lead = c.text().unwrap_or("").len() - c.text().unwrap_or("").trim_start().len();
                let start = c.range().start + lead;
                // Text ranges cover the raw text; entity-expanded text may
                // differ, in which case the node start is close enough.
                let at = if self.text.get(start..start + t.len()) == Some(t) { start } else { c.range().start };
                self.error_at(at, ErrorCode::UnexpectedText, short(t));
            }
        }
        v
    }

    /// Checks that `node` has only attributes in `known`; reports the rest.
    fn attributes(&mut self, node: Node<'a, 'input>, known: &[&str]) {
        for a in node.attributes() {
            if a.namespace().is_some() || !known.contains(&a.name()) {
                self.error_at(a.range().start, ErrorCode::UnknownAttribute, a.name());
            }
        }
    }

    /// A required attribute's value and the byte offset of the value (when
    /// the raw text is the value itself, so offsets inside it are exact).
    fn required(&mut self, node: Node<'a, 'input>, name: &str) -> Option<(&'a str, usize, bool)> {
        match node.attributes().find(|a| a.name() == name && a.namespace().is_none()) {
            Some(a) => {
                let r = a.range_value();
                let exact = self.text.get(r.clone()) == Some(a.value());
                Some((a.value(), r.start, exact))
            }
            None => {
                self.error(node, ErrorCode::MissingAttribute, name);
                None
            }
        }
    }

    fn document(&mut self) -> Option<Profile> {
        let root = self.doc.root_element();
        if root.tag_name().name() != "MSIEPrivacy" || root.tag_name().namespace().is_some() {
            self.error(root, ErrorCode::Root, root.tag_name().name());
            return None;
        }
        self.attributes(root, &[]);
        let mut settings = None;
        for e in self.elements(root) {
            match e.tag_name().name() {
                "MSIEPrivacySettings" if settings.is_none() => settings = Some(e),
                "MSIEPrivacySettings" => self.error(e, ErrorCode::DuplicateElement, "MSIEPrivacySettings"),
                "MSIESiteRules" => {}
                other => self.error(e, ErrorCode::UnexpectedElement, other),
            }
        }
        let Some(settings) = settings else {
            self.error(root, ErrorCode::MissingElement, "MSIEPrivacySettings");
            return None;
        };
        self.attributes(settings, &["formatVersion"]);
        if let Some((v, at, _)) = self.required(settings, "formatVersion") {
            if v != "6" {
                self.error_at(at, ErrorCode::FormatVersion, v);
            }
        }
        let mut internet: Option<Profile> = None;
        let mut seen_internet = false;
        for e in self.elements(settings) {
            match e.tag_name().name() {
                "alwaysReplayLegacy" | "flushCookies" | "flushSiteList" => {}
                "p3pCookiePolicy" => {
                    self.attributes(e, &["zone"]);
                    let zone = self.required(e, "zone");
                    let compiled = self.cookie_policy(e);
                    match zone {
                        Some(("internet", _, _)) if seen_internet => {
                            self.error(e, ErrorCode::DuplicateElement, "internet p3pCookiePolicy")
                        }
                        Some(("internet", _, _)) => {
                            seen_internet = true;
                            internet = compiled;
                        }
                        Some(("intranet" | "trustedSites" | "trusted", _, _)) | None => {}
                        Some((other, at, _)) => self.error_at(at, ErrorCode::BadZone, other),
                    }
                }
                other => self.error(e, ErrorCode::UnexpectedElement, other),
            }
        }
        if !seen_internet {
            self.error(settings, ErrorCode::MissingElement, "internet p3pCookiePolicy");
        }
        internet
    }

    fn cookie_policy(&mut self, node: Node<'a, 'input>) -> Option<Profile> {
        let mut sets: [Option<RuleSet>; 2] = [None, None];
        let mut seen = [false; 2];
        for e in self.elements(node) {
            let name = e.tag_name().name();
            let i = match name {
                "firstParty" => 0,
                "thirdParty" => 1,
                other => {
                    self.error(e, ErrorCode::UnexpectedElement, other);
                    continue;
                }
            };
            if seen[i] {
                self.error(e, ErrorCode::DuplicateElement, name);
                continue;
            }
            seen[i] = true;
            sets[i] = self.party(e);
        }
        for (i, name) in ["firstParty", "thirdParty"].into_iter().enumerate() {
            if !seen[i] {
                self.error(node, ErrorCode::MissingElement, name);
            }
        }
        let [Some(first), Some(third)] = sets else {
            return None;
        };
        let mut p = Profile::custom();
        p.parties = [first, third];
        Some(p)
    }

    fn action(&mut self, node: Node<'a, 'input>, attr: &str) -> Option<Action> {
        let (v, at, _) = self.required(node, attr)?;
        let a = match v {
            "accept" => Action::Accept,
            "prompt" => Action::Prompt,
            "forceFirstParty" => Action::Leash,
            "forceSession" => Action::Downgrade,
            "reject" => Action::Block,
            other => {
                self.error_at(at, ErrorCode::UnknownAction, other);
                return None;
            }
        };
        Some(a)
    }

    fn party(&mut self, node: Node<'a, 'input>) -> Option<RuleSet> {
        self.attributes(node, &["noPolicyDefault", "noRuleDefault", "alwaysAllowSession"]);
        let no_policy = self.action(node, "noPolicyDefault");
        let no_rule = self.action(node, "noRuleDefault");
        let session = match self.required(node, "alwaysAllowSession") {
            Some(("yes", _, _)) => Some(true),
            Some(("no", _, _)) => Some(false),
            Some((other, at, _)) => {
                self.error_at(at, ErrorCode::BadBoolean, other);
                None
            }
            None => None,
        };
        let mut set = RuleSet::EMPTY;
        let mut ok = true;
        let mut count = 0usize;
        for e in self.elements(node) {
            if e.tag_name().name() != "if" {
                self.error(e, ErrorCode::UnexpectedElement, e.tag_name().name());
                ok = false;
                continue;
            }
            self.attributes(e, &["expr", "action"]);
            let expr = self.required(e, "expr").and_then(|(v, at, exact)| self.expression(e, v, at, exact));
            let action = self.action(e, "action");
            count += 1;
            if count == P3P_PROFILE_MAX_RULES + 1 {
                self.error(e, ErrorCode::TooManyRules, "");
            }
            let (Some((must, must_not)), Some(action)) = (expr, action) else {
                ok = false;
                continue;
            };
            if let Some(slot) = set.rules.get_mut(count - 1) {
                let line = self.doc.text_pos_at(e.range().start).row;
                *slot = Rule { must, must_not, action: action as u32, line };
            }
        }
        let (Some(no_policy), Some(no_rule), Some(session)) = (no_policy, no_rule, session) else {
            return None;
        };
        if !ok || count > P3P_PROFILE_MAX_RULES {
            return None;
        }
        set.no_policy_default = no_policy as u32;
        set.no_rule_default = no_rule as u32;
        set.always_allow_session = u32::from(session);
        set.rule_count = count as u32;
        Some(set)
    }

    /// Compiles an expression whose value starts at byte `at`; when `exact`
    /// is false (entities in the value) errors point at the value's start.
    fn expression(
        &mut self,
        node: Node<'a, 'input>,
        value: &str,
        at: usize,
        exact: bool,
    ) -> Option<([u64; 2], [u64; 2])> {
        let pos = |offset: usize| if exact { at + offset } else { at };
        if value.trim().is_empty() {
            self.error_at(at, ErrorCode::EmptyExpression, "");
            let _ = node;
            return None;
        }
        let mut must = [0u64; 2];
        let mut must_not = [0u64; 2];
        let mut ok = true;
        let mut offset = 0usize;
        for term in value.split(',') {
            let term_start = offset;
            offset += term.len() + 1;
            let lead = term.len() - term.trim_start().len();
            let t = term.trim();
            let start = term_start + lead;
            let (negated, word, word_start) = match t.strip_prefix('!') {
                Some(rest) => {
                    let l2 = rest.len() - rest.trim_start().len();
                    (true, rest.trim_start(), start + 1 + l2)
                }
                None => (false, t, start),
            };
            if word.is_empty() || word.starts_with('!') || word.contains(char::is_whitespace) {
                self.error_at(pos(start), ErrorCode::BadExpression, short(t));
                ok = false;
                continue;
            }
            match symbol(word) {
                Ok((w, bit)) => {
                    let target = if negated { &mut must_not } else { &mut must };
                    if let Some(x) = target.get_mut(w) {
                        *x |= 1u64 << bit;
                    }
                }
                Err(code) => {
                    self.error_at(pos(word_start), code, short(word));
                    ok = false;
                }
            }
        }
        ok.then_some((must, must_not))
    }
}

/// The symbol (word, bit) a rule token stands for.
fn symbol(word: &str) -> Result<(usize, u32), ErrorCode> {
    let b = word.as_bytes();
    let (base, suffix) = match *b {
        [x, y, z] => ([x, y, z], None),
        [x, y, z, s] => ([x, y, z], Some(s)),
        _ => return Err(ErrorCode::UnknownToken),
    };
    let token = Token::lookup(base).ok_or(ErrorCode::UnknownToken)?;
    if token == Token::TST {
        return Err(ErrorCode::TestToken);
    }
    let n = CONSENT_TOKEN_COUNT as u32;
    match (token.consent_index(), suffix) {
        (None, None) => Ok((0, token as u32)),
        (None, Some(s)) if Suffix::from_letter(s).is_some() => Err(ErrorCode::SuffixNotAllowed),
        (None, Some(_)) => Err(ErrorCode::UnknownToken),
        (Some(ci), s) => {
            let form = match s.map(Suffix::from_letter) {
                None | Some(Some(Suffix::Always)) => 0,
                Some(Some(Suffix::OptOut)) => 1,
                Some(Some(Suffix::OptIn)) => 2,
                Some(None) => return Err(ErrorCode::UnknownToken),
            };
            Ok((1, ci as u32 + form * n))
        }
    }
}

/// At most 60 bytes of `s`, cut at a character boundary.
fn short(s: &str) -> &str {
    let mut end = s.len().min(60);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}
