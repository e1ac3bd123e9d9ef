//! The report a policy author reads: each token and what it means, the
//! class and verdict, the evaluation grid with a reason per cell, what makes
//! the policy unsatisfactory, how to fix it, and the lint findings. Written
//! as text or JSON to any `fmt::Write`, without allocating.

use core::fmt::{self, Write};

use crate::diag::{Diagnostic, Quoted};
use crate::ie6::{self, Action, Class, CookieKind, Decision, Grid, Level, Party, Unsatisfactory, Verdict};
use crate::lexer::{Lexeme, Words};
use crate::parse::{body_span, parse_with, Mode};
use crate::policy::Policy;
use crate::profile::{self, Outcome, Profile, ProfileClass, P3P_PROFILE_IE6, P3P_PROFILE_IE6_STRICT};
use crate::token::{Form, Suffix, Token, ALL_TOKENS};

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

impl Select {
    fn shows(&self, level: Level, party: Party, cookie: CookieKind) -> bool {
        self.level.is_none_or(|l| l == level)
            && self.party.is_none_or(|p| p == party)
            && self.cookie.is_none_or(|c| c == cookie)
    }

    fn any(&self) -> bool {
        self.level.is_some() || self.party.is_some() || self.cookie.is_some()
    }
}

/// Everything the report says about one input, computed once.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    input: &'a [u8],
    mode: Mode,
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
}

/// One fix: giving `uses` this suffix (or, with no uses, declaring a
/// purpose) turns the cells in `accepted` into accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The suffix the offending uses should carry; `None` means "declare a
    /// purpose" (identifiable data with no purpose).
    pub suffix: Option<Suffix>,
    /// Consent bits of the uses to change.
    pub uses: u32,
    /// The policy would become satisfactory.
    pub satisfactory: bool,
    /// The cells the change turns from a refusal into an accept, indexed
    /// like [`Grid::cells`].
    pub accepted: [[[bool; 6]; 2]; 2],
}

impl<'a> Report<'a> {
    /// Parses and evaluates `input`.
    pub fn new(input: &'a [u8], mode: Mode) -> Report<'a> {
        let policy = parse_with(input, mode, &mut ());
        let class = ie6::classify(&policy);
        Report {
            input,
            mode,
            policy,
            class,
            verdict: ie6::verdict_for(class),
            grid: Grid::for_class(class),
            unsatisfactory: ie6::unsatisfactory(&policy),
        }
    }

    /// Calls `f` for every diagnostic: word findings in input order, then
    /// findings about the whole policy.
    pub fn diagnostics(&self, mut f: impl FnMut(Diagnostic)) {
        parse_with(self.input, self.mode, &mut |d| f(d));
    }

    /// The fixes worth suggesting, most lenient first: opt-out (when it
    /// changes anything), then opt-in; or declaring a purpose.
    pub fn fixes(&self) -> [Option<Fix>; 2] {
        if self.verdict != Verdict::Unsatisfactory {
            return [None, None];
        }
        let uses = self.unsatisfactory.uses;
        if uses == 0 {
            // Identifiable data with no purpose: declaring CUR is the smallest change.
            let mut p = self.policy;
            p.insert(Token::CUR, Suffix::Always);
            return [Some(self.fix_from(p, None, 0)), None];
        }
        let opt_out = (self.class == Class::None)
            .then(|| self.fix_from(self.policy.with_consent(uses, Suffix::OptOut), Some(Suffix::OptOut), uses));
        let opt_in = self.fix_from(self.policy.with_consent(uses, Suffix::OptIn), Some(Suffix::OptIn), uses);
        [opt_out, Some(opt_in)]
    }

    fn fix_from(&self, fixed: Policy, suffix: Option<Suffix>, uses: u32) -> Fix {
        let class = ie6::classify(&fixed);
        let after = Grid::for_class(class);
        let mut accepted = [[[false; 6]; 2]; 2];
        for (pi, row) in accepted.iter_mut().enumerate() {
            for (ki, cells) in row.iter_mut().enumerate() {
                for (li, cell) in cells.iter_mut().enumerate() {
                    *cell = self.grid.cells[pi][ki][li].action != Action::Accept
                        && after.cells[pi][ki][li].action == Action::Accept;
                }
            }
        }
        Fix { suffix, uses, satisfactory: ie6::verdict_for(class) == Verdict::Satisfactory, accepted }
    }

    /// Writes the text report.
    pub fn write_text<W: Write>(&self, w: &mut W, select: Select) -> fmt::Result {
        writeln!(w, "Compact policy: {}", Text(self.input))?;
        self.write_text_tokens(w)?;
        writeln!(w)?;
        writeln!(w, "Class: {} ({})", self.class.name(), class_gloss(self.class))?;
        write_verdict_text(w, self.verdict)?;
        writeln!(w)?;
        self.write_text_table(w, select)?;
        writeln!(w)?;
        self.write_text_reasons(w, select)?;
        if self.verdict == Verdict::Unsatisfactory {
            writeln!(w)?;
            self.write_text_why(w)?;
            writeln!(w)?;
            self.write_text_fixes(w)?;
        }
        writeln!(w)?;
        self.write_text_findings(w)
    }

    fn write_text_tokens<W: Write>(&self, w: &mut W) -> fmt::Result {
        writeln!(w)?;
        writeln!(w, "Tokens")?;
        let Some(span) = body_span(self.input, self.mode) else {
            return writeln!(w, "  (no CP directive: the response carries no compact policy)");
        };
        if self.mode == Mode::Header {
            writeln!(w, "  {:<6} {:<17} {}", "CP=", "", CP_MEANING)?;
        }
        for word in Words::in_span(self.input, span.start, span.end) {
            let text = self.input.get(word.offset..word.offset + word.len).unwrap_or(&[]);
            match word.lexeme {
                Lexeme::Token { token, suffix } => {
                    write!(w, "  {:<6} {:<17} ", Text(text), token.group().name())?;
                    token.write_meaning(suffix, w)?;
                    writeln!(w)?;
                }
                Lexeme::Control => writeln!(w, "  {:<6} {:<17} control bytes (ignored)", Quoted(text), "-")?,
                Lexeme::WrongCase(f) => {
                    writeln!(w, "  {:<6} {:<17} not a token: wrong case for {f} (ignored)", Text(text), "-")?
                }
                Lexeme::SuffixNotAllowed(t) => {
                    writeln!(w, "  {:<6} {:<17} not a token: {t} takes no suffix (ignored)", Text(text), "-")?
                }
                Lexeme::Unknown => writeln!(w, "  {:<6} {:<17} not a compact-policy token (ignored)", Text(text), "-")?,
            }
        }
        Ok(())
    }

    fn write_text_table<W: Write>(&self, w: &mut W, select: Select) -> fmt::Result {
        let levels = || Level::ALL.into_iter().filter(|l| select.level.is_none_or(|s| s == *l));
        write!(w, "{:<25}", "Decisions")?;
        write_columns(w, levels().map(Level::label))?;
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                if select.party.is_some_and(|p| p != party) || select.cookie.is_some_and(|c| c != cookie) {
                    continue;
                }
                write!(w, "  {:<11} {:<11}", party_label(party), cookie.key())?;
                write_columns(w, levels().map(|l| self.grid.get(l, party, cookie).action.name()))?;
            }
        }
        Ok(())
    }

    fn write_text_reasons<W: Write>(&self, w: &mut W, select: Select) -> fmt::Result {
        // The report's own layout: per party, per cookie kind, Low to High;
        // Block All and Accept All only when asked for.
        for party in Party::ALL {
            let mut party_written = false;
            for cookie in CookieKind::ALL {
                let mut kind_written = false;
                for level in GRID_LEVELS {
                    if !select.shows(level, party, cookie)
                        || (!select.any() && !Level::MIDDLE_GRID_ORDER.contains(&level))
                    {
                        continue;
                    }
                    if !party_written {
                        writeln!(
                            w,
                            "{}",
                            if party == Party::First { "First-party usage" } else { "Third-party usage" }
                        )?;
                        party_written = true;
                    }
                    if !kind_written {
                        writeln!(
                            w,
                            "  {}",
                            if cookie == CookieKind::Persistent { "Persistent Cookies" } else { "Session Cookies" }
                        )?;
                        kind_written = true;
                    }
                    let d = self.grid.get(level, party, cookie);
                    writeln!(w, "    {}: {}", level.label(), d.reason.sentence())?;
                }
            }
        }
        Ok(())
    }

    fn write_text_why<W: Write>(&self, w: &mut W) -> fmt::Result {
        writeln!(w, "Why it is unsatisfactory")?;
        writeln!(w, "  These categories of identifiable data are associated with its cookies:")?;
        for t in tokens_in(self.unsatisfactory.categories) {
            writeln!(w, "    - {}", t.meaning())?;
        }
        if self.unsatisfactory.uses != 0 {
            writeln!(w, "  and the data is used in these ways without the consent the levels require:")?;
            for t in consent_tokens_in(self.unsatisfactory.uses) {
                write!(w, "    - ")?;
                t.write_meaning(self.policy.consent(t), w)?;
                writeln!(w)?;
            }
        } else {
            writeln!(w, "  and no purpose is declared for it, which IE6 treats as use without consent.")?;
        }
        Ok(())
    }

    fn write_text_fixes<W: Write>(&self, w: &mut W) -> fmt::Result {
        writeln!(w, "How to fix it")?;
        for fix in self.fixes().into_iter().flatten() {
            write!(w, "  ")?;
            write_fix_action(w, &self.policy, &fix)?;
            if fix.satisfactory {
                writeln!(w, " would make the policy satisfactory at every level.")?;
            } else {
                write!(w, " would accept cookies at ")?;
                write_cells(w, &fix.accepted)?;
                writeln!(w, ".")?;
            }
        }
        Ok(())
    }

    fn write_text_findings<W: Write>(&self, w: &mut W) -> fmt::Result {
        writeln!(w, "Findings")?;
        let mut result = Ok(());
        let mut count = 0usize;
        self.diagnostics(|d| {
            count += 1;
            if result.is_ok() {
                result = write_finding_line(w, self.input, &d);
            }
        });
        result?;
        if count == 0 {
            writeln!(w, "  none")?;
        }
        Ok(())
    }

    /// Writes the report as one JSON object (no trailing newline).
    pub fn write_json<W: Write>(&self, w: &mut W, select: Select) -> fmt::Result {
        self.write_json_head(w, self.class.name(), self.verdict.name())?;
        w.write_str(",\"grid\":{")?;
        for (pi, party) in Party::ALL.into_iter().enumerate() {
            write!(w, "{}\"{}\":{{", if pi > 0 { "," } else { "" }, party.key())?;
            for (ki, cookie) in CookieKind::ALL.into_iter().enumerate() {
                write!(w, "{}\"{}\":{{", if ki > 0 { "," } else { "" }, cookie.key())?;
                for (li, level) in Level::ALL.into_iter().enumerate() {
                    write!(w, "{}\"{}\":", if li > 0 { "," } else { "" }, level.key())?;
                    write_json_decision(w, self.grid.get(level, party, cookie))?;
                }
                w.write_char('}')?;
            }
            w.write_char('}')?;
        }
        w.write_str("},\"unsatisfactory\":{\"categories\":[")?;
        for (i, t) in tokens_in(self.unsatisfactory.categories).enumerate() {
            write!(w, "{}\"{}\"", if i > 0 { "," } else { "" }, t.name())?;
        }
        w.write_str("],\"uses\":[")?;
        for (i, t) in consent_tokens_in(self.unsatisfactory.uses).enumerate() {
            write!(w, "{}\"{}\"", if i > 0 { "," } else { "" }, t.name())?;
        }
        w.write_str("]},\"fixes\":[")?;
        for (i, fix) in self.fixes().into_iter().flatten().enumerate() {
            if i > 0 {
                w.write_char(',')?;
            }
            w.write_str("{\"change\":\"")?;
            write_fix_action(w, &self.policy, &fix)?;
            write!(w, "\",\"satisfactory\":{},\"accepted\":[", fix.satisfactory)?;
            let mut n = 0;
            for_cells(&fix.accepted, |level, party, cookie| {
                let sep = if n > 0 { "," } else { "" };
                n += 1;
                write!(
                    w,
                    "{sep}{{\"level\":\"{}\",\"party\":\"{}\",\"cookie\":\"{}\"}}",
                    level.key(),
                    party.key(),
                    cookie.key()
                )
            })?;
            w.write_str("]}")?;
        }
        w.write_char(']')?;
        if select.any() {
            w.write_str(",\"selected\":[")?;
            let mut n = 0;
            for party in Party::ALL {
                for cookie in CookieKind::ALL {
                    for level in Level::ALL {
                        if select.shows(level, party, cookie) {
                            write!(
                                w,
                                "{}{{\"level\":\"{}\",\"party\":\"{}\",\"cookie\":\"{}\",\"decision\":",
                                if n > 0 { "," } else { "" },
                                level.key(),
                                party.key(),
                                cookie.key()
                            )?;
                            write_json_decision(w, self.grid.get(level, party, cookie))?;
                            w.write_char('}')?;
                            n += 1;
                        }
                    }
                }
            }
            w.write_char(']')?;
        }
        w.write_char('}')
    }

    fn write_json_word<W: Write>(&self, w: &mut W, offset: usize, len: usize, lexeme: Lexeme) -> fmt::Result {
        let text = self.input.get(offset..offset + len).unwrap_or(&[]);
        write!(w, "{{\"token\":{},\"offset\":{offset}", Json(text))?;
        match lexeme {
            Lexeme::Token { token, suffix } => {
                write!(w, ",\"base\":\"{token}\",\"suffix\":")?;
                match suffix {
                    Some(s) => write!(w, "\"{}\"", s.letter() as char)?,
                    None => w.write_str("null")?,
                }
                write!(w, ",\"group\":\"{}\",\"meaning\":\"", token.group().name())?;
                token.write_meaning(suffix, &mut JsonEscape(w))?;
                w.write_str("\",\"valid\":true}")
            }
            _ => w.write_str(",\"base\":null,\"suffix\":null,\"group\":null,\"meaning\":null,\"valid\":false}"),
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

/// A profile as the report names it.
#[derive(Clone, Copy, Debug)]
pub struct NamedProfile<'p> {
    /// The profile.
    pub profile: &'p Profile,
    /// Its name (built-in name or file name).
    pub name: &'p str,
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

fn level_label(profile: &Profile, key: &str) -> &'static str {
    if matches!(profile.kind, P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT) {
        return Level::from_key(key.as_bytes()).map_or("", Level::label);
    }
    match key {
        "low" => "Low",
        "medium" => "Medium",
        "high" => "High",
        "default" => "Default",
        _ => "Profile",
    }
}

impl Report<'_> {
    /// Writes the text report for a profile: tokens, how the profile sees
    /// the policy, its decisions with a reason per cell, and the findings.
    pub fn write_profile_text<W: Write>(&self, w: &mut W, p: NamedProfile<'_>, select: ProfileSelect) -> fmt::Result {
        let grid = ProfileGrid::new(p.profile, &self.policy);
        writeln!(w, "Compact policy: {}", Text(self.input))?;
        self.write_text_tokens(w)?;
        writeln!(w)?;
        writeln!(w, "Profile: {}", p.name)?;
        self.write_profile_class(w, p.profile)?;
        writeln!(w)?;
        write!(w, "{:<25}", "Decisions")?;
        let levels = || (0..grid.keys.len() as u32).filter(|l| select.level.is_none_or(|s| s == *l));
        write_columns(w, levels().map(|l| level_label(p.profile, grid.keys.get(l as usize).copied().unwrap_or(""))))?;
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                if select.party.is_some_and(|x| x != party) || select.cookie.is_some_and(|c| c != cookie) {
                    continue;
                }
                write!(w, "  {:<11} {:<11}", party_label(party), cookie.key())?;
                let cells = &grid.cells[party as usize][cookie as usize];
                write_columns(w, levels().map(|l| cells[l as usize].decision.action.name()))?;
            }
        }
        writeln!(w)?;
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                if !levels().any(|l| select.shows(l, party, cookie)) {
                    continue;
                }
                writeln!(w, "{} {}", party_label(party), cookie.key())?;
                for l in levels().filter(|l| select.shows(*l, party, cookie)) {
                    let o = grid.cells[party as usize][cookie as usize][l as usize];
                    let label = level_label(p.profile, grid.keys.get(l as usize).copied().unwrap_or(""));
                    write!(w, "  {label}: {}: {}", o.decision.action.name(), o.decision.reason.sentence())?;
                    if o.rule > 0 {
                        let line = p.profile.parties[party as usize].rules[o.rule as usize - 1].line;
                        write!(w, " (rule {}, line {line})", o.rule)?;
                    }
                    writeln!(w)?;
                }
            }
        }
        writeln!(w)?;
        self.write_text_findings(w)
    }

    fn write_profile_class<W: Write>(&self, w: &mut W, p: &Profile) -> fmt::Result {
        let class = p.class_of(Some(&self.policy)).unwrap_or(ProfileClass::NoPolicy);
        let gloss = match (p.kind, class) {
            (P3P_PROFILE_IE6_STRICT, ProfileClass::NoPolicy) if self.class != Class::NoPolicy => {
                "the policy is invalid, so it counts as none"
            }
            (P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT, _) => class_gloss(self.class),
            (_, ProfileClass::Rules) => "a compact policy, which the profile's rules test",
            (_, ProfileClass::NoConsent) => "identifiable data without consent, or a word Mozilla does not accept",
            (_, ProfileClass::Implicit) => "identifiable data with opt-out consent",
            (_, ProfileClass::Explicit) => "opt-in consent only, or no identifiable data",
            _ => "no compact policy, or a test policy",
        };
        writeln!(w, "Class: {} ({gloss})", class.name())?;
        let verdict = p.verdict_of(Some(&self.policy)).unwrap_or(Verdict::NoPolicy);
        let gloss = match verdict {
            Verdict::NoPolicy => "the profile sees no policy",
            Verdict::Satisfactory => "every cookie is accepted at every level where the policy matters",
            Verdict::Unsatisfactory => "some cookies are not accepted as sent",
        };
        writeln!(w, "Verdict: {} ({gloss})", verdict.name())
    }

    /// Writes the JSON report for a profile: the fields of
    /// [`Report::write_json`], with `grid` holding the profile's decisions
    /// (`grid[party][cookie][key]`, keys the profile's levels or
    /// `profile`), plus `profile` (its name), `mozilla_class` for Mozilla
    /// profiles and `rule`/`line` on cells a rule decided.
    pub fn write_profile_json<W: Write>(&self, w: &mut W, p: NamedProfile<'_>, select: ProfileSelect) -> fmt::Result {
        let grid = ProfileGrid::new(p.profile, &self.policy);
        let class = p.profile.class_of(Some(&self.policy)).unwrap_or(ProfileClass::NoPolicy);
        let verdict = p.profile.verdict_of(Some(&self.policy)).unwrap_or(Verdict::NoPolicy);
        self.write_json_head(w, class.name(), verdict.name())?;
        write!(w, ",\"profile\":{}", Json(p.name.as_bytes()))?;
        if matches!(p.profile.kind, profile::P3P_PROFILE_MOZILLA | profile::P3P_PROFILE_MOZILLA_LEVELS) {
            write!(w, ",\"mozilla_class\":\"{}\"", profile::mozilla_class(Some(&self.policy)).0.name())?;
        }
        w.write_str(",\"grid\":{")?;
        let cell = |w: &mut W, party: Party, o: Outcome| -> fmt::Result {
            write!(w, "{{\"action\":\"{}\",\"reason\":\"", o.decision.action.name())?;
            JsonEscape(w).write_str(o.decision.reason.sentence())?;
            w.write_char('"')?;
            if o.rule > 0 {
                let line = p.profile.parties[party as usize].rules[o.rule as usize - 1].line;
                write!(w, ",\"rule\":{},\"line\":{line}", o.rule)?;
            }
            w.write_char('}')
        };
        for (pi, party) in Party::ALL.into_iter().enumerate() {
            write!(w, "{}\"{}\":{{", if pi > 0 { "," } else { "" }, party.key())?;
            for (ki, cookie) in CookieKind::ALL.into_iter().enumerate() {
                write!(w, "{}\"{}\":{{", if ki > 0 { "," } else { "" }, cookie.key())?;
                for (li, key) in grid.keys.iter().enumerate() {
                    write!(w, "{}\"{key}\":", if li > 0 { "," } else { "" })?;
                    cell(w, party, grid.cells[party as usize][cookie as usize][li])?;
                }
                w.write_char('}')?;
            }
            w.write_char('}')?;
        }
        w.write_char('}')?;
        if select != ProfileSelect::default() {
            w.write_str(",\"selected\":[")?;
            let mut n = 0;
            for party in Party::ALL {
                for cookie in CookieKind::ALL {
                    for (li, key) in grid.keys.iter().enumerate() {
                        if select.shows(li as u32, party, cookie) {
                            write!(
                                w,
                                "{}{{\"level\":\"{key}\",\"party\":\"{}\",\"cookie\":\"{}\",\"decision\":",
                                if n > 0 { "," } else { "" },
                                party.key(),
                                cookie.key()
                            )?;
                            cell(w, party, grid.cells[party as usize][cookie as usize][li])?;
                            w.write_char('}')?;
                            n += 1;
                        }
                    }
                }
            }
            w.write_char(']')?;
        }
        w.write_char('}')
    }

    /// The JSON fields before `grid`: input, present, class, verdict (as
    /// the profile sees the policy), tokens, diagnostics (no closing brace).
    fn write_json_head<W: Write>(&self, w: &mut W, class: &str, verdict: &str) -> fmt::Result {
        write!(w, "{{\"input\":{}", Json(self.input))?;
        write!(w, ",\"present\":{}", self.policy.is_present())?;
        write!(w, ",\"class\":\"{class}\"")?;
        write!(w, ",\"verdict\":\"{verdict}\"")?;
        w.write_str(",\"tokens\":[")?;
        if let Some(span) = body_span(self.input, self.mode) {
            for (i, word) in Words::in_span(self.input, span.start, span.end).enumerate() {
                if i > 0 {
                    w.write_char(',')?;
                }
                self.write_json_word(w, word.offset, word.len, word.lexeme)?;
            }
        }
        w.write_str("],\"diagnostics\":[")?;
        let mut result = Ok(());
        let mut first = true;
        self.diagnostics(|d| {
            if result.is_ok() {
                result = write_json_diag(w, self.input, &d, first);
            }
            first = false;
        });
        result?;
        w.write_char(']')
    }
}

/// The meaning of the `CP=` header prefix, as the evaluation report prints it.
pub const CP_MEANING: &str =
    "This is the compact policy header; it indicates that what follows is a P3P compact policy.";

/// Levels in the order the report's grid lists them.
const GRID_LEVELS: [Level; 6] =
    [Level::BlockAll, Level::Low, Level::Medium, Level::MediumHigh, Level::High, Level::AcceptAll];

/// Writes table cells 13 columns wide and ends the line, with no padding
/// after the last cell.
fn write_columns<'a, W: Write>(w: &mut W, cells: impl Iterator<Item = &'a str>) -> fmt::Result {
    let mut cells = cells.peekable();
    while let Some(cell) = cells.next() {
        if cells.peek().is_some() {
            write!(w, "{cell:<13}")?;
        } else {
            w.write_str(cell)?;
        }
    }
    writeln!(w)
}

fn class_gloss(class: Class) -> &'static str {
    match class {
        Class::NoPolicy => "no compact policy, or a test policy",
        Class::Ok => "no identifiable data used in a way that needs consent",
        Class::Explicit => "identifiable data; every use that needs consent is opt-in",
        Class::Implicit => "identifiable data; every use that needs consent is opt-out or opt-in",
        Class::None => "identifiable data used without consent",
    }
}

fn write_verdict_text<W: Write>(w: &mut W, v: Verdict) -> fmt::Result {
    match v {
        Verdict::NoPolicy => {
            writeln!(w, "Verdict: No policy. Internet Explorer 6 treats these cookies as having no compact policy.")
        }
        Verdict::Satisfactory => writeln!(
            w,
            "Verdict: Satisfactory policy. Internet Explorer 6 accepts cookies with this policy at the High, \
             Medium High, Medium, Low and Accept All Cookies settings."
        ),
        Verdict::Unsatisfactory => writeln!(
            w,
            "Verdict: Unsatisfactory policy. Under Internet Explorer 6's rules, cookies with this policy \
             are handled as follows."
        ),
    }
}

fn party_label(p: Party) -> &'static str {
    match p {
        Party::First => "first-party",
        Party::Third => "third-party",
    }
}

/// The tokens whose bits are set in a token bitset, in spec order.
pub fn tokens_in(bits: u64) -> impl Iterator<Item = Token> {
    ALL_TOKENS.into_iter().filter(move |t| bits & (1u64 << t.index()) != 0)
}

/// The purposes and recipients whose consent bits are set, in spec order.
pub fn consent_tokens_in(bits: u32) -> impl Iterator<Item = Token> {
    ALL_TOKENS.into_iter().filter(move |t| t.consent_index().is_some_and(|i| bits & (1u32 << i) != 0))
}

fn write_fix_action<W: Write>(w: &mut W, policy: &Policy, fix: &Fix) -> fmt::Result {
    let Some(suffix) = fix.suffix else {
        return w.write_str("Declaring the purposes of the data (for example CUR, completion of the current activity)");
    };
    write!(w, "Making ")?;
    for (i, t) in consent_tokens_in(fix.uses).enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        let now = Form { token: t, suffix: policy.consent(t) };
        write!(w, "{sep}{now} {} ({})", suffix.name(), Form { token: t, suffix: Some(suffix) })?;
    }
    Ok(())
}

fn for_cells(cells: &[[[bool; 6]; 2]; 2], mut f: impl FnMut(Level, Party, CookieKind) -> fmt::Result) -> fmt::Result {
    for level in GRID_LEVELS {
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                if cells[party as usize][cookie as usize][level as usize] {
                    f(level, party, cookie)?;
                }
            }
        }
    }
    Ok(())
}

/// Writes a cell set as "Low (third-party persistent); Medium (...)".
fn write_cells<W: Write>(w: &mut W, cells: &[[[bool; 6]; 2]; 2]) -> fmt::Result {
    let mut current: Option<Level> = None;
    for_cells(cells, |level, party, cookie| {
        if current != Some(level) {
            if current.is_some() {
                w.write_str("); ")?;
            }
            write!(w, "{} (", level.label())?;
            current = Some(level);
        } else {
            w.write_str(", ")?;
        }
        write!(w, "{} {}", party_label(party), cookie.key())
    })?;
    if current.is_some() {
        w.write_char(')')?;
    }
    Ok(())
}

/// Writes one finding as a text line: `  error    at 12: message [code]`.
pub fn write_finding_line<W: Write>(w: &mut W, input: &[u8], d: &Diagnostic) -> fmt::Result {
    write!(w, "  {:<8} at {:<4} ", d.severity().name(), d.offset)?;
    d.write_message(input, w)?;
    writeln!(w, " [{}]", d.code.name())
}

fn write_json_diag<W: Write>(w: &mut W, input: &[u8], d: &Diagnostic, first: bool) -> fmt::Result {
    write!(
        w,
        "{}{{\"code\":\"{}\",\"severity\":\"{}\",\"offset\":{},\"len\":{},\"message\":\"",
        if first { "" } else { "," },
        d.code.name(),
        d.severity().name(),
        d.offset,
        d.len
    )?;
    d.write_message(input, &mut JsonEscape(w))?;
    w.write_str("\"}")
}

fn write_json_decision<W: Write>(w: &mut W, d: Decision) -> fmt::Result {
    write!(w, "{{\"action\":\"{}\",\"reason\":\"", d.action.name())?;
    JsonEscape(w).write_str(d.reason.sentence())?;
    w.write_str("\"}")
}

/// Input bytes as text: valid UTF-8 as is, anything else as U+FFFD, control
/// characters as `\xNN`.
struct Text<'a>(&'a [u8]);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = f.width();
        let mut out = Padded { f, width };
        out.run(self.0)
    }
}

struct Padded<'a, 'b> {
    f: &'a mut fmt::Formatter<'b>,
    width: Option<usize>,
}

impl Padded<'_, '_> {
    fn run(&mut self, bytes: &[u8]) -> fmt::Result {
        let mut chars = 0usize;
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                if c.is_control() {
                    write!(self.f, "\\x{:02x}", c as u32)?;
                    chars += 4;
                } else {
                    self.f.write_char(c)?;
                    chars += 1;
                }
            }
            if !chunk.invalid().is_empty() {
                self.f.write_char('\u{fffd}')?;
                chars += 1;
            }
        }
        for _ in chars..self.width.unwrap_or(0) {
            self.f.write_char(' ')?;
        }
        Ok(())
    }
}

/// Input bytes as a JSON string literal (invalid UTF-8 becomes U+FFFD).
pub struct Json<'a>(pub &'a [u8]);

impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        let mut e = JsonEscape(f);
        for chunk in self.0.utf8_chunks() {
            e.write_str(chunk.valid())?;
            if !chunk.invalid().is_empty() {
                e.write_char('\u{fffd}')?;
            }
        }
        f.write_char('"')
    }
}

/// A writer that escapes what it is given for the inside of a JSON string.
pub struct JsonEscape<'a, W: Write + ?Sized>(pub &'a mut W);

impl<W: Write + ?Sized> Write for JsonEscape<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        while let Some(i) = rest.find(|c: char| c == '"' || c == '\\' || c.is_control()) {
            let (head, tail) = rest.split_at(i);
            self.0.write_str(head)?;
            let mut it = tail.chars();
            if let Some(c) = it.next() {
                match c {
                    '"' => self.0.write_str("\\\"")?,
                    '\\' => self.0.write_str("\\\\")?,
                    '\n' => self.0.write_str("\\n")?,
                    '\t' => self.0.write_str("\\t")?,
                    '\r' => self.0.write_str("\\r")?,
                    c => write!(self.0, "\\u{:04x}", c as u32)?,
                }
            }
            rest = it.as_str();
        }
        self.0.write_str(rest)
    }
}
