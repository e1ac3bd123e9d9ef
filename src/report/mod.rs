//! The report a policy author reads: each token and what it means, the
//! class and verdict, the evaluation grid with a reason per cell, what makes
//! the policy unsatisfactory, how to fix it, and the lint findings.
//!
//! This file is the model: what the report says, computed once
//! ([`Model`], [`Note`], [`View`]). `phases.rs` holds the order in which a
//! report is written ([`Phases`]) and the list of formats' writers. Each
//! format is one writer (`text.rs`, `json.rs`, and the editor's document in
//! `document.rs`, laid out as plain text by `editor.rs` and as HTML by
//! `html.rs`); each language is one table of strings (`lang/`). Everything
//! is written to any `fmt::Write` without allocating.
//!
//! A report is written in phases, so that a driver can feed it from any
//! source of words: the input echo (in one or more chunks), where the
//! policy body starts, one call per word, the parts about the whole policy,
//! then the findings. [`Report::write`] drives the phases from a byte slice.
//!
//! ```
//! use p3p::report::{Format, Lang, Options, Report};
//!
//! let report = Report::new(b"CP=\"NOI CURa CONa OUR PHY ONL\"", p3p::Mode::Header);
//! let mut out = String::new();
//! report.write(&mut out, Format::Editor, Lang::It, &Options::default()).unwrap();
//! assert!(out.starts_with("Sintesi della Compact Policy\n"));
//! assert!(out.contains("  \u{2022} Medium: Opt-out is not provided"));
//! ```

mod document;
mod editor;
mod escape;
mod html;
mod json;
pub mod lang;
mod phases;
mod text;

use core::fmt::{self, Write};

use crate::diag::Diagnostic;
use crate::ie6::{self, Action, Class, CookieKind, Decision, Grid, Level, Party, Unsatisfactory, Verdict};
use crate::lexer::Words;
use crate::parse::{body_span, parse_with, Mode};
use crate::policy::Policy;
use crate::profile::{self, Outcome, Profile, ProfileClass, P3P_PROFILE_IE6, P3P_PROFILE_IE6_STRICT};
use crate::token::{Suffix, Token, ALL_TOKENS};

pub use escape::{Json, JsonEscape};
pub use lang::Lang;
pub use phases::{writer, Body, Phases, WordItem, Writer};

/// A report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Format {
    /// The text report (`p3p explain`).
    Text = 0,
    /// One JSON object, the contract other tools read.
    Json = 1,
    /// The policy editor's two sections, "compact policy summary" and
    /// "policy evaluation", as plain text laid out like the seed documents.
    Editor = 2,
    /// The same two sections as a self-contained HTML fragment.
    Html = 3,
}

impl Format {
    /// Every format, in the order of their numbers (`P3P_FORMAT_*`).
    pub const ALL: [Format; 4] = [Format::Text, Format::Json, Format::Editor, Format::Html];

    /// The format's name (`editor`).
    pub const fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Editor => "editor",
            Format::Html => "html",
        }
    }

    /// The format for a name (any ASCII case).
    pub fn from_name(name: &[u8]) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name().as_bytes().eq_ignore_ascii_case(name))
    }

    /// The format from its number.
    pub fn from_u32(v: u32) -> Option<Format> {
        Format::ALL.get(v as usize).copied()
    }

    /// Whether the format can show a profile's decisions. The editor's
    /// sections describe Internet Explorer 6, so they take `ie6` and
    /// `ie6-strict` only.
    pub fn takes_profile(self, profile: &Profile) -> bool {
        match self {
            Format::Text | Format::Json => true,
            Format::Editor | Format::Html => is_ie6_family(profile),
        }
    }
}

fn is_ie6_family(profile: &Profile) -> bool {
    matches!(profile.kind, P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT)
}

/// Which cells a report shows; `None` in a field means every value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Select {
    /// Only this level.
    pub level: Option<Level>,
    /// Only this party.
    pub party: Option<Party>,
    /// Only this cookie kind.
    pub cookie: Option<CookieKind>,
}

/// Which cells of a profile report to show: level number (in the profile's
/// numbering), party, cookie kind; `None` means all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProfileSelect {
    /// Only this level number.
    pub level: Option<u32>,
    /// Only this party.
    pub party: Option<Party>,
    /// Only this cookie kind.
    pub cookie: Option<CookieKind>,
}

impl ProfileSelect {
    fn shows(&self, level: u32, party: Party, cookie: CookieKind) -> bool {
        self.level.is_none_or(|l| l == level)
            && self.party.is_none_or(|p| p == party)
            && self.cookie.is_none_or(|c| c == cookie)
    }
}

impl From<Select> for ProfileSelect {
    fn from(s: Select) -> ProfileSelect {
        ProfileSelect { level: s.level.map(|l| l as u32), party: s.party, cookie: s.cookie }
    }
}

/// A profile as the report names it.
#[derive(Clone, Copy, Debug)]
pub struct NamedProfile<'p> {
    /// The profile.
    pub profile: &'p Profile,
    /// Its name (built-in name or file name).
    pub name: &'p str,
}

/// How to write a report besides its format and language: the cells to
/// show, and the profile whose decisions to show.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'p> {
    /// Only these cells; the level is in the profile's numbering
    /// (`Level as u32` for IE6 and without a profile).
    pub select: ProfileSelect,
    /// Decide with this profile; `None` is IE6, reported as the policy
    /// editor did (the text and JSON reports then have no profile fields).
    pub profile: Option<NamedProfile<'p>>,
}

/// Why options do not fit a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionsError {
    /// The level is not one of the profile's (or of IE6's).
    Level,
    /// The format cannot show this profile ([`Format::takes_profile`]).
    Profile,
}

impl Options<'_> {
    /// Options that show the IE6 cells `select`, without a profile.
    pub fn cells(select: Select) -> Options<'static> {
        Options { select: select.into(), profile: None }
    }

    /// Checks the options against a format: the level exists, and the
    /// format can show the profile. [`Report::write`] does not fail on
    /// options that do not fit (an unknown level selects nothing; the
    /// editor's sections ignore a profile they cannot show); callers that
    /// take options from users check them here first.
    pub fn check(&self, format: Format) -> Result<(), OptionsError> {
        let levels = self.profile.map_or(Level::ALL.len() as u32, |p| p.profile.level_keys().len() as u32);
        if self.select.level.is_some_and(|l| l >= levels) {
            return Err(OptionsError::Level);
        }
        match self.profile {
            Some(p) if !format.takes_profile(p.profile) => Err(OptionsError::Profile),
            _ => Ok(()),
        }
    }
}

/// One fix: giving `uses` this suffix (and, with `purpose`, declaring a
/// purpose) turns the cells in `accepted` into accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The suffix the offending uses should carry; `None` when the fix
    /// only declares a purpose.
    pub suffix: Option<Suffix>,
    /// Consent bits of the uses to change.
    pub uses: u32,
    /// The fix declares a purpose (for identifiable data with none).
    pub purpose: bool,
    /// The policy would become satisfactory.
    pub satisfactory: bool,
    /// The cells the change turns from a refusal into an accept, indexed
    /// like [`Grid::cells`].
    pub accepted: [[[bool; 6]; 2]; 2],
}

/// What the report says about a policy as a whole (everything but the
/// input, its words and the findings), computed once.
#[derive(Clone, Copy, Debug)]
pub struct Model {
    /// The parsed policy.
    pub policy: Policy,
    /// Its IE6 class.
    pub class: Class,
    /// Its verdict.
    pub verdict: Verdict,
    /// All 24 cells.
    pub grid: Grid,
    /// What makes it unsatisfactory (empty otherwise).
    pub unsatisfactory: Unsatisfactory,
    fixes: [Option<Fix>; 2],
}

const PURPOSES: u64 = crate::parse::group_mask(crate::token::Group::Purpose);

impl Model {
    /// Evaluates a parsed policy.
    pub fn new(policy: Policy) -> Model {
        let class = ie6::classify(&policy);
        let verdict = ie6::verdict_for(class);
        let grid = Grid::for_class(class);
        let fixes = fixes(&policy, verdict, &grid);
        Model { policy, class, verdict, grid, unsatisfactory: ie6::unsatisfactory(&policy), fixes }
    }

    /// The fixes worth suggesting, most lenient first: opt-out on the uses
    /// made without consent (when there are any), then opt-in on every use
    /// that lacks it; both also declare a purpose when the identifiable
    /// data has none, which alone is the first fix when no use lacks
    /// consent. A first fix that makes the policy satisfactory comes alone.
    pub fn fixes(&self) -> [Option<Fix>; 2] {
        self.fixes
    }

    /// The note on what the first fix would make acceptable and where
    /// opt-in is needed; `None` for a policy that needs no fix.
    pub fn note(&self) -> Option<Note> {
        let now = CellSet::from_fn(|l, p, c| self.grid.get(l, p, c).action == Action::Accept);
        let (change, after) = match self.fixes[0].filter(|f| f.suffix != Some(Suffix::OptIn)) {
            Some(f) => {
                let after = now.union(&CellSet(f.accepted));
                let lead = match (f.purpose, f.suffix) {
                    (true, Some(_)) => Lead::PurposeOptOut,
                    (true, None) => Lead::Purpose,
                    _ => Lead::OptOut,
                };
                (Some(Change { lead, satisfactory: f.satisfactory, acceptable: after }), after)
            }
            None => (None, now),
        };
        let opt_in = self
            .fixes
            .iter()
            .flatten()
            .any(|f| f.suffix == Some(Suffix::OptIn) && f.satisfactory)
            .then(|| after.complement())
            .filter(|rest| !rest.is_empty());
        (change.is_some() || opt_in.is_some()).then_some(Note { change, opt_in })
    }
}

fn fixes(policy: &Policy, verdict: Verdict, grid: &Grid) -> [Option<Fix>; 2] {
    if verdict != Verdict::Unsatisfactory {
        return [None, None];
    }
    let purpose = policy.tokens & ie6::PII_MASK != 0 && policy.tokens & PURPOSES == 0;
    let mut base = *policy;
    if purpose {
        // Identifiable data with no purpose: declaring CUR is the smallest change.
        base.insert(Token::CUR, Suffix::Always);
    }
    let always = base.always & ie6::U_MASK;
    let lacking = (base.always | base.opt_out) & ie6::U_MASK;
    let fix = |fixed: Policy, suffix: Option<Suffix>, uses: u32| {
        let class = ie6::classify(&fixed);
        let after = Grid::for_class(class);
        let accepted = CellSet::from_fn(|l, p, c| {
            grid.get(l, p, c).action != Action::Accept && after.get(l, p, c).action == Action::Accept
        });
        Fix {
            suffix,
            uses,
            purpose,
            satisfactory: ie6::verdict_for(class) == Verdict::Satisfactory,
            accepted: accepted.0,
        }
    };
    let first = if always != 0 {
        Some(fix(base.with_consent(always, Suffix::OptOut), Some(Suffix::OptOut), always))
    } else if purpose {
        Some(fix(base, None, 0))
    } else {
        None
    };
    if first.is_some_and(|f| f.satisfactory) {
        return [first, None];
    }
    let opt_in = (lacking != 0).then(|| fix(base.with_consent(lacking, Suffix::OptIn), Some(Suffix::OptIn), lacking));
    [first, opt_in]
}

/// The change the note's first sentence is about; the number indexes the
/// language tables' `leads` and `satisfactory`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lead {
    /// Allowing an opt-out on the uses made without consent.
    OptOut = 0,
    /// Declaring a purpose for identifiable data that has none.
    Purpose = 1,
    /// Both.
    PurposeOptOut = 2,
}

/// The note's first sentence: what a change would make acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    /// Which change.
    pub lead: Lead,
    /// It alone would make the policy satisfactory.
    pub satisfactory: bool,
    /// The cells that would accept after it.
    pub acceptable: CellSet,
}

/// The note under an unsatisfactory verdict, computed from the fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    /// What the first change would make acceptable.
    pub change: Option<Change>,
    /// The cells where every use must be opt-in (when opt-in makes the
    /// policy satisfactory).
    pub opt_in: Option<CellSet>,
}

/// A set of cells, indexed like [`Grid::cells`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellSet(pub [[[bool; 6]; 2]; 2]);

impl CellSet {
    fn from_fn(mut f: impl FnMut(Level, Party, CookieKind) -> bool) -> CellSet {
        let mut s = [[[false; 6]; 2]; 2];
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                for level in Level::ALL {
                    s[party as usize][cookie as usize][level as usize] = f(level, party, cookie);
                }
            }
        }
        CellSet(s)
    }

    fn has(&self, level: Level, party: Party, cookie: CookieKind) -> bool {
        self.0[party as usize][cookie as usize][level as usize]
    }

    fn union(&self, other: &CellSet) -> CellSet {
        CellSet::from_fn(|l, p, c| self.has(l, p, c) || other.has(l, p, c))
    }

    fn complement(&self) -> CellSet {
        CellSet::from_fn(|l, p, c| !self.has(l, p, c))
    }

    fn is_empty(&self) -> bool {
        let (full, partial) = self.groups();
        full.as_slice().is_empty() && partial.as_slice().is_empty()
    }

    /// The set over the four middle levels, as a sentence names it: the
    /// levels it holds whole, then the levels it holds for one party
    /// (both cookie kinds), each Low to High. Cells that are neither are
    /// left out; the IE6 model never produces them in a note.
    pub fn groups(&self) -> (List<Level>, List<(Level, Party)>) {
        let mut full = List::new(Level::Low);
        let mut partial = List::new((Level::Low, Party::First));
        for level in Level::MIDDLE_GRID_ORDER {
            let party_has = |p| CookieKind::ALL.into_iter().all(|c| self.has(level, p, c));
            match (party_has(Party::First), party_has(Party::Third)) {
                (true, true) => full.push(level),
                (true, false) => partial.push((level, Party::First)),
                (false, true) => partial.push((level, Party::Third)),
                (false, false) => {}
            }
        }
        (full, partial)
    }
}

/// A short list (up to four items), in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct List<T> {
    items: [T; 4],
    len: usize,
}

impl<T: Copy> List<T> {
    fn new(fill: T) -> List<T> {
        List { items: [fill; 4], len: 0 }
    }

    fn push(&mut self, x: T) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = x;
            self.len += 1;
        }
    }

    /// The items.
    pub fn as_slice(&self) -> &[T] {
        self.items.get(..self.len).unwrap_or(&[])
    }
}

/// Everything the report says about one input, computed once: the input,
/// how to read it, and the [`Model`] of its policy (reachable through
/// `Deref`, so `report.verdict` reads the model's verdict).
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    input: &'a [u8],
    mode: Mode,
    model: Model,
}

impl core::ops::Deref for Report<'_> {
    type Target = Model;
    fn deref(&self) -> &Model {
        &self.model
    }
}

impl<'a> Report<'a> {
    /// Parses and evaluates `input`.
    pub fn new(input: &'a [u8], mode: Mode) -> Report<'a> {
        Report { input, mode, model: Model::new(parse_with(input, mode, &mut ())) }
    }

    /// The input as given.
    pub fn input(&self) -> &'a [u8] {
        self.input
    }

    /// The model of the policy.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Calls `f` for every diagnostic: word findings in input order, then
    /// findings about the whole policy.
    pub fn diagnostics(&self, mut f: impl FnMut(Diagnostic)) {
        parse_with(self.input, self.mode, &mut |d| f(d));
    }

    /// Writes the report in a format and language:
    /// `report.write(&mut out, Format::Editor, Lang::It, &Options::default())`.
    /// JSON is the same in every language.
    pub fn write<W: Write>(&self, w: &mut W, format: Format, lang: Lang, options: &Options<'_>) -> fmt::Result {
        self.feed(&mut writer(w, format, lang), options)
    }

    /// Feeds the report's phases to a writer from the input slice.
    pub fn feed<P: Phases>(&self, p: &mut P, options: &Options<'_>) -> fmt::Result {
        p.begin()?;
        p.input(self.input)?;
        let span = body_span(self.input, self.mode);
        p.body(match (span, self.mode) {
            (None, _) => Body::Missing,
            (Some(_), Mode::Header) => Body::Cp,
            (Some(_), Mode::Tokens) => Body::Bare,
        })?;
        if let Some(span) = span {
            for word in Words::in_span(self.input, span.start, span.end) {
                let text = self.input.get(word.offset..word.offset + word.len).unwrap_or(&[]);
                p.word(WordItem { text, offset: word.offset, lexeme: word.lexeme })?;
            }
        }
        p.policy(&View::new(&self.model, options))?;
        let mut result = Ok(());
        self.diagnostics(|d| {
            if result.is_ok() {
                result = p.finding(&d, self.input);
            }
        });
        result?;
        p.end()
    }

    /// Writes the English text report.
    pub fn write_text<W: Write>(&self, w: &mut W, select: Select) -> fmt::Result {
        self.write(w, Format::Text, Lang::En, &Options::cells(select))
    }

    /// Writes the report as one JSON object (no trailing newline).
    pub fn write_json<W: Write>(&self, w: &mut W, select: Select) -> fmt::Result {
        self.write(w, Format::Json, Lang::En, &Options::cells(select))
    }

    /// Writes the English text report for a profile: tokens, how the
    /// profile sees the policy, its decisions with a reason per cell, and
    /// the findings.
    pub fn write_profile_text<W: Write>(&self, w: &mut W, p: NamedProfile<'_>, select: ProfileSelect) -> fmt::Result {
        self.write(w, Format::Text, Lang::En, &Options { select, profile: Some(p) })
    }

    /// Writes the JSON report for a profile: the fields of
    /// [`Report::write_json`], with `grid` holding the profile's decisions
    /// (`grid[party][cookie][key]`, keys the profile's levels or
    /// `profile`), plus `profile` (its name), `mozilla_class` for Mozilla
    /// profiles and `rule`/`line` on cells a rule decided.
    pub fn write_profile_json<W: Write>(&self, w: &mut W, p: NamedProfile<'_>, select: ProfileSelect) -> fmt::Result {
        self.write(w, Format::Json, Lang::En, &Options { select, profile: Some(p) })
    }
}

/// What the policy-wide phase writes from: the model, the options, and the
/// profile's decisions when there is a profile, decided once.
#[derive(Clone, Copy, Debug)]
pub struct View<'a> {
    /// The model.
    pub model: &'a Model,
    /// The cells to show.
    pub select: ProfileSelect,
    /// The profile and its decisions.
    pub profile: Option<(NamedProfile<'a>, ProfileGrid)>,
}

impl<'a> View<'a> {
    /// Decides the profile's cells, if any.
    pub fn new(model: &'a Model, options: &Options<'a>) -> View<'a> {
        View {
            model,
            select: options.select,
            profile: options.profile.map(|p| (p, ProfileGrid::new(p.profile, &model.policy))),
        }
    }

    /// Whether `ie6-strict` counts the policy as none.
    fn strict_invalid(&self) -> bool {
        self.profile.is_some_and(|(p, _)| {
            p.profile.kind == P3P_PROFILE_IE6_STRICT
                && self.model.policy.is_present()
                && self.model.policy.flags & profile::STRICT_INVALID != 0
        })
    }

    /// The class as the report's profile sees the policy (IE6's without a
    /// profile): text, JSON, the C API and nginx all give this one.
    pub fn class(&self) -> ProfileClass {
        match self.profile {
            Some((p, _)) => p.profile.class_of(Some(&self.model.policy)).unwrap_or(ProfileClass::NoPolicy),
            None => self.model.class.into(),
        }
    }

    /// The verdict as the report's profile sees the policy (IE6's without
    /// a profile).
    pub fn verdict(&self) -> Verdict {
        match self.profile {
            Some((p, _)) => p.profile.verdict_of(Some(&self.model.policy)).unwrap_or(Verdict::NoPolicy),
            None => self.model.verdict,
        }
    }

    /// The IE6 verdict the editor's sections show (`ie6-strict` may turn
    /// it into no policy).
    pub fn ie6_verdict(&self) -> Verdict {
        if self.strict_invalid() {
            Verdict::NoPolicy
        } else {
            self.model.verdict
        }
    }

    /// The IE6 decision for a cell, from the profile when it is `ie6` or
    /// `ie6-strict`.
    pub fn ie6_decision(&self, level: Level, party: Party, cookie: CookieKind) -> Decision {
        match self.profile {
            Some((p, grid)) if is_ie6_family(p.profile) => {
                grid.cells[party as usize][cookie as usize][level as usize].decision
            }
            _ => self.model.grid.get(level, party, cookie),
        }
    }
}

/// A profile's decisions for one policy: `cells[party][cookie][level]`,
/// with the profile's own levels (`keys`; one, `profile`, for profiles
/// that ignore the level).
#[derive(Clone, Copy, Debug)]
pub struct ProfileGrid {
    /// The level keys, in level-number order.
    pub keys: &'static [&'static str],
    /// The outcomes; only the first `keys.len()` levels are used.
    pub cells: [[[Outcome; 6]; 2]; 2],
}

impl ProfileGrid {
    /// Decides every cell of `profile` for `policy`.
    pub fn new(profile: &Profile, policy: &Policy) -> ProfileGrid {
        let keys = profile.level_keys();
        let blank = Outcome { decision: Decision { action: Action::Block, reason: ie6::Reason::BlockAll }, rule: 0 };
        let mut cells = [[[blank; 6]; 2]; 2];
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                for (li, cell) in cells[party as usize][cookie as usize].iter_mut().enumerate().take(keys.len()) {
                    if let Ok(o) = profile.decide(Some(policy), li as u32, party, cookie) {
                        *cell = o;
                    }
                }
            }
        }
        ProfileGrid { keys, cells }
    }
}

/// The meaning of the `CP=` header prefix, as the evaluation report prints it.
pub const CP_MEANING: &str =
    "This is the compact policy header; it indicates that what follows is a P3P compact policy.";

/// The address of the P3P deployment guide the editor's note points to.
pub const DEPLOYMENT_GUIDE: &str = "https://www.w3.org/TR/p3pdeployment";

/// Levels in the order the report's grid lists them.
const GRID_LEVELS: [Level; 6] =
    [Level::BlockAll, Level::Low, Level::Medium, Level::MediumHigh, Level::High, Level::AcceptAll];

/// The levels a grid shows: the selected one, or the four middle levels.
fn grid_levels(select: &ProfileSelect) -> impl Iterator<Item = Level> + '_ {
    GRID_LEVELS.into_iter().filter(move |l| match select.level {
        Some(s) => s == *l as u32,
        None => Level::MIDDLE_GRID_ORDER.contains(l),
    })
}

/// The tokens whose bits are set in a token bitset, in spec order.
pub fn tokens_in(bits: u64) -> impl Iterator<Item = Token> {
    ALL_TOKENS.into_iter().filter(move |t| bits & (1u64 << t.index()) != 0)
}

/// The purposes and recipients whose consent bits are set, in spec order.
pub fn consent_tokens_in(bits: u32) -> impl Iterator<Item = Token> {
    ALL_TOKENS.into_iter().filter(move |t| t.consent_index().is_some_and(|i| bits & (1u32 << i) != 0))
}

/// Writes one finding as a text line: `  error    at 12: message [code]`.
pub fn write_finding_line<W: Write>(w: &mut W, input: &[u8], d: &Diagnostic) -> fmt::Result {
    write!(w, "  {:<8} at {:<4} ", d.severity().name(), d.offset)?;
    d.write_message(input, w)?;
    writeln!(w, " [{}]", d.code.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note_of(value: &str) -> Option<Note> {
        Report::new(value.as_bytes(), Mode::Header).note()
    }

    #[test]
    fn the_seed_note_names_what_opt_out_and_opt_in_change() {
        let note = note_of("CP=NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA").unwrap();
        let change = note.change.unwrap();
        assert_eq!(change.lead, Lead::OptOut);
        assert!(!change.satisfactory);
        let (full, partial) = change.acceptable.groups();
        assert_eq!(full.as_slice(), [Level::Low, Level::Medium]);
        assert_eq!(partial.as_slice(), [(Level::MediumHigh, Party::First)]);
        let (full, partial) = note.opt_in.unwrap().groups();
        assert_eq!(full.as_slice(), [Level::High]);
        assert_eq!(partial.as_slice(), [(Level::MediumHigh, Party::Third)]);
    }

    #[test]
    fn notes_for_other_policies() {
        assert_eq!(note_of("CP=\"NOI CUR OUR\""), None);
        assert_eq!(note_of(""), None);
        // Opt-out only: the second sentence alone.
        let n = note_of("CP=\"PHY CUR CONo\"").unwrap();
        assert!(n.change.is_none() && n.opt_in.is_some());
        // No purpose: declaring one is enough.
        let n = note_of("CP=\"FIN\"").unwrap();
        let c = n.change.unwrap();
        assert_eq!((c.lead, c.satisfactory, n.opt_in), (Lead::Purpose, true, None));
        // No purpose and a use always made: both changes.
        let n = note_of("CP=\"PHY SAMa\"").unwrap();
        assert_eq!(n.change.unwrap().lead, Lead::PurposeOptOut);
        assert!(n.opt_in.is_some());
    }

    #[test]
    fn every_note_is_whole_levels_or_whole_parties() {
        // The sentences only name whole levels and one party's two cookie
        // kinds; every class the fixes can reach gives such sets.
        for class in [Class::Ok, Class::Explicit, Class::Implicit] {
            let grid = Grid::for_class(class);
            for set in [
                CellSet::from_fn(|l, p, c| grid.get(l, p, c).action == Action::Accept),
                CellSet::from_fn(|l, p, c| grid.get(l, p, c).action != Action::Accept),
            ] {
                let (full, partial) = set.groups();
                let covered = |l: Level, p: Party| full.as_slice().contains(&l) || partial.as_slice().contains(&(l, p));
                for level in Level::MIDDLE_GRID_ORDER {
                    for party in Party::ALL {
                        for cookie in CookieKind::ALL {
                            assert_eq!(set.has(level, party, cookie), covered(level, party), "{class:?} {level:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn options_are_checked_against_the_format() {
        let moz = Profile::mozilla_levels();
        let named = NamedProfile { profile: &moz, name: "mozilla" };
        let o = Options { select: ProfileSelect { level: Some(3), ..Default::default() }, profile: Some(named) };
        assert_eq!(o.check(Format::Text), Ok(()));
        assert_eq!(o.check(Format::Editor), Err(OptionsError::Profile));
        let o = Options { select: ProfileSelect { level: Some(4), ..Default::default() }, profile: Some(named) };
        assert_eq!(o.check(Format::Json), Err(OptionsError::Level));
        let o = Options { select: ProfileSelect { level: Some(5), ..Default::default() }, profile: None };
        assert_eq!(o.check(Format::Html), Ok(()));
        let o = Options { select: ProfileSelect { level: Some(6), ..Default::default() }, profile: None };
        assert_eq!(o.check(Format::Html), Err(OptionsError::Level));
    }
}
