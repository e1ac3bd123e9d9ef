//! The text report: the input, each word and what it means, the class and
//! verdict, the decision table, a reason per cell, what makes the policy
//! unsatisfactory and how to fix it, and the lint findings. Headings and
//! sentences come from the language's table; token meanings, the grid and
//! the findings are in English in every language.

use core::fmt::{self, Write};

use super::escape::{Echo, Text as Shown};
use super::lang::{self, Lang, Strings};
use super::{
    consent_tokens_in, tokens_in, write_finding_line, Body, Fix, Phases, ProfileGrid, ProfileSelect, View, WordItem,
    CP_MEANING, GRID_LEVELS,
};
use crate::diag::{Diagnostic, Quoted};
use crate::ie6::{Class, CookieKind, Level, Party, Verdict};
use crate::lexer::Lexeme;
use crate::policy::Policy;
use crate::profile::{Profile, ProfileClass, P3P_PROFILE_IE6, P3P_PROFILE_IE6_STRICT};
use crate::token::{Form, Suffix};

pub(super) struct Text<'w, W: Write> {
    w: &'w mut W,
    s: &'static Strings,
    echo: Echo,
    findings: usize,
}

impl<'w, W: Write> Text<'w, W> {
    pub(super) fn new(w: &'w mut W, lang: Lang) -> Self {
        Text { w, s: lang.strings(), echo: Echo::default(), findings: 0 }
    }
}

impl<W: Write> Phases for Text<'_, W> {
    fn begin(&mut self) -> fmt::Result {
        write!(self.w, "{}: ", self.s.text.compact_policy)
    }

    fn input(&mut self, chunk: &[u8]) -> fmt::Result {
        let w = &mut *self.w;
        self.echo.feed(chunk, |p| p.write_plain(w))
    }

    fn body(&mut self, body: Body) -> fmt::Result {
        let w = &mut *self.w;
        self.echo.finish(|p| p.write_plain(w))?;
        writeln!(w)?;
        writeln!(w)?;
        writeln!(w, "{}", self.s.text.tokens)?;
        match body {
            Body::Cp => writeln!(w, "  {:<6} {:<17} {}", "CP=", "", CP_MEANING),
            Body::Bare => Ok(()),
            Body::Missing => writeln!(w, "  {}", self.s.text.no_cp),
        }
    }

    fn word(&mut self, word: WordItem<'_>) -> fmt::Result {
        let (w, t) = (&mut *self.w, &self.s.text);
        let text = Shown(word.text);
        match word.lexeme {
            Lexeme::Token { token, suffix } => {
                write!(w, "  {text:<6} {:<17} ", token.group().name())?;
                token.write_meaning(suffix, w)?;
                writeln!(w)
            }
            Lexeme::Control => writeln!(w, "  {:<6} {:<17} {}", Quoted(word.text), "-", t.control),
            Lexeme::WrongCase(f) => writeln!(w, "  {text:<6} {:<17} {}{f}{}", "-", t.wrong_case.0, t.wrong_case.1),
            Lexeme::SuffixNotAllowed(tok) => {
                writeln!(w, "  {text:<6} {:<17} {}{tok}{}", "-", t.no_suffix.0, t.no_suffix.1)
            }
            Lexeme::Unknown => writeln!(w, "  {text:<6} {:<17} {}", "-", t.unknown),
        }
    }

    fn policy(&mut self, view: &View<'_>) -> fmt::Result {
        writeln!(self.w)?;
        match view.profile {
            Some((p, grid)) => self.profile(view, p.profile, p.name, &grid),
            None => self.ie6(view),
        }
    }

    fn finding(&mut self, d: &Diagnostic, input: &[u8]) -> fmt::Result {
        if self.findings == 0 {
            writeln!(self.w)?;
            writeln!(self.w, "{}", self.s.text.findings)?;
        }
        self.findings += 1;
        write_finding_line(self.w, input, d)
    }

    fn end(&mut self) -> fmt::Result {
        if self.findings == 0 {
            writeln!(self.w)?;
            writeln!(self.w, "{}", self.s.text.findings)?;
            writeln!(self.w, "  {}", self.s.text.no_findings)?;
        }
        Ok(())
    }
}

impl<W: Write> Text<'_, W> {
    /// The IE6 report: class, verdict, table, reasons, explanation, fixes.
    fn ie6(&mut self, view: &View<'_>) -> fmt::Result {
        let (m, t) = (view.model, &self.s.text);
        writeln!(self.w, "{}: {} ({})", t.class, m.class.name(), t.glosses[m.class as usize])?;
        writeln!(self.w, "{}: {}", t.verdict, t.verdicts[m.verdict as usize])?;
        writeln!(self.w)?;
        let select = view.select;
        let levels = || Level::ALL.into_iter().filter(|l| select.level.is_none_or(|s| s == *l as u32));
        write!(self.w, "{:<25}", t.decisions)?;
        write_columns(self.w, levels().map(|l| self.s.grid.levels[l as usize]))?;
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                if select.party.is_some_and(|p| p != party) || select.cookie.is_some_and(|c| c != cookie) {
                    continue;
                }
                write!(self.w, "  {:<11} {:<11}", party_label(party), cookie.key())?;
                write_columns(self.w, levels().map(|l| m.grid.get(l, party, cookie).action.name()))?;
            }
        }
        writeln!(self.w)?;
        self.reasons(view)?;
        if m.verdict == Verdict::Unsatisfactory {
            writeln!(self.w)?;
            self.why(view)?;
            writeln!(self.w)?;
            writeln!(self.w, "{}", t.fixes)?;
            for fix in m.fixes().into_iter().flatten() {
                self.w.write_str("  ")?;
                write_fix(self.w, &t.fix, &m.policy, &fix)?;
                writeln!(self.w)?;
            }
        }
        Ok(())
    }

    /// The editor's layout: per party, per cookie kind, Low to High; Block
    /// All and Accept All only when selected.
    fn reasons(&mut self, view: &View<'_>) -> fmt::Result {
        let g = &self.s.grid;
        let select = view.select;
        let any = select != ProfileSelect::default();
        for party in Party::ALL {
            let mut party_written = false;
            for cookie in CookieKind::ALL {
                let mut kind_written = false;
                for level in GRID_LEVELS {
                    if !select.shows(level as u32, party, cookie)
                        || (!any && !Level::MIDDLE_GRID_ORDER.contains(&level))
                    {
                        continue;
                    }
                    if !party_written {
                        writeln!(self.w, "{}", g.parties[party as usize])?;
                        party_written = true;
                    }
                    if !kind_written {
                        writeln!(self.w, "  {}", g.cookies[cookie as usize])?;
                        kind_written = true;
                    }
                    let d = view.model.grid.get(level, party, cookie);
                    writeln!(self.w, "    {}: {}", g.levels[level as usize], d.reason.sentence())?;
                }
            }
        }
        Ok(())
    }

    fn why(&mut self, view: &View<'_>) -> fmt::Result {
        let (m, t, sentences) = (view.model, &self.s.text, &self.s.sentences);
        writeln!(self.w, "{}", t.why)?;
        writeln!(self.w, "  {}", t.why_categories)?;
        for token in tokens_in(m.unsatisfactory.categories) {
            self.w.write_str("    - ")?;
            sentences.write_category(token, self.w)?;
            writeln!(self.w)?;
        }
        if m.unsatisfactory.uses == 0 {
            return writeln!(self.w, "  {}", t.why_no_purpose);
        }
        writeln!(self.w, "  {}", t.why_uses)?;
        for token in consent_tokens_in(m.unsatisfactory.uses) {
            self.w.write_str("    - ")?;
            sentences.write_use(token, m.policy.consent(token), self.w)?;
            writeln!(self.w)?;
        }
        Ok(())
    }

    /// A profile's report: its view of the policy, its decisions, a reason
    /// per cell (with the rule that decided it).
    fn profile(&mut self, view: &View<'_>, p: &Profile, name: &str, grid: &ProfileGrid) -> fmt::Result {
        let (m, s, select) = (view.model, self.s, view.select);
        let t = &s.text;
        writeln!(self.w, "{}: {name}", t.profile)?;
        // The profile's own view of the policy, glossed.
        let class = view.class();
        let gloss = match (p.kind, class) {
            (P3P_PROFILE_IE6_STRICT, ProfileClass::NoPolicy) if m.class != Class::NoPolicy => t.strict_invalid,
            (P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT, _) => t.glosses[m.class as usize],
            (_, ProfileClass::NoConsent) => t.profile_glosses[0],
            (_, ProfileClass::Implicit) => t.profile_glosses[1],
            (_, ProfileClass::Explicit) => t.profile_glosses[2],
            (_, ProfileClass::Rules) => t.profile_glosses[3],
            _ => t.glosses[Class::NoPolicy as usize],
        };
        writeln!(self.w, "{}: {} ({gloss})", t.class, class.name())?;
        let verdict = view.verdict();
        writeln!(self.w, "{}: {} ({})", t.verdict, verdict.name(), t.profile_verdicts[verdict as usize])?;
        writeln!(self.w)?;
        let label = |l: u32| level_label(p, s, grid.keys.get(l as usize).copied().unwrap_or(""));
        let levels = || (0..grid.keys.len() as u32).filter(|l| select.level.is_none_or(|s| s == *l));
        write!(self.w, "{:<25}", t.decisions)?;
        write_columns(self.w, levels().map(label))?;
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                if select.party.is_some_and(|x| x != party) || select.cookie.is_some_and(|c| c != cookie) {
                    continue;
                }
                write!(self.w, "  {:<11} {:<11}", party_label(party), cookie.key())?;
                let cells = &grid.cells[party as usize][cookie as usize];
                write_columns(self.w, levels().map(|l| cells[l as usize].decision.action.name()))?;
            }
        }
        writeln!(self.w)?;
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                if !levels().any(|l| select.shows(l, party, cookie)) {
                    continue;
                }
                writeln!(self.w, "{} {}", party_label(party), cookie.key())?;
                for l in levels().filter(|l| select.shows(*l, party, cookie)) {
                    let o = grid.cells[party as usize][cookie as usize][l as usize];
                    write!(self.w, "  {}: {}: {}", label(l), o.decision.action.name(), o.decision.reason.sentence())?;
                    if o.rule > 0 {
                        let line = p.parties[party as usize].rules[o.rule as usize - 1].line;
                        write!(self.w, " ({} {}, {} {line})", t.rule.0, o.rule, t.rule.1)?;
                    }
                    writeln!(self.w)?;
                }
            }
        }
        Ok(())
    }
}

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

fn party_label(p: Party) -> &'static str {
    match p {
        Party::First => "first-party",
        Party::Third => "third-party",
    }
}

fn level_label(profile: &Profile, s: &Strings, key: &str) -> &'static str {
    if matches!(profile.kind, P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT) {
        return Level::from_key(key.as_bytes()).map_or("", |l| s.grid.levels[l as usize]);
    }
    match key {
        "low" => "Low",
        "medium" => "Medium",
        "high" => "High",
        "default" => "Default",
        _ => "Profile",
    }
}

/// Writes what a fix changes: `Making CONa opt-out (CONo)`, or declaring a
/// purpose (the JSON `change`, and the start of a fix line).
pub(super) fn write_change<W: Write + ?Sized>(w: &mut W, s: &lang::Fix, policy: &Policy, fix: &Fix) -> fmt::Result {
    if fix.purpose {
        w.write_str(s.purpose)?;
        if fix.suffix.is_none() {
            w.write_str(s.purpose_alone_end)?;
        }
    }
    let Some(suffix) = fix.suffix else { return Ok(()) };
    w.write_str(s.making[usize::from(fix.purpose)])?;
    let name = s.suffixes[usize::from(suffix == Suffix::OptIn)];
    for (i, t) in consent_tokens_in(fix.uses).enumerate() {
        let now = Form { token: t, suffix: policy.consent(t) };
        write!(
            w,
            "{}{now}{}{name} ({})",
            if i == 0 { "" } else { ", " },
            s.change,
            Form { token: t, suffix: Some(suffix) }
        )?;
    }
    w.write_str(s.making_end)
}

/// Writes one fix line: the change, then what it would make acceptable.
fn write_fix<W: Write>(w: &mut W, s: &lang::Fix, policy: &Policy, fix: &Fix) -> fmt::Result {
    write_change(w, s, policy, fix)?;
    if fix.satisfactory {
        return w.write_str(s.satisfactory);
    }
    w.write_str(s.accepts)?;
    // "Low (third-party persistent); Medium (...)".
    let mut current: Option<Level> = None;
    for level in GRID_LEVELS {
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                if !fix.accepted[party as usize][cookie as usize][level as usize] {
                    continue;
                }
                if current == Some(level) {
                    w.write_str(", ")?;
                } else {
                    if current.is_some() {
                        w.write_str("); ")?;
                    }
                    write!(w, "{} (", s.levels[level as usize])?;
                    current = Some(level);
                }
                write!(w, "{}{}{}", s.parties[party as usize], s.cell_join, s.cookies[cookie as usize])?;
            }
        }
    }
    if current.is_some() {
        w.write_char(')')?;
    }
    w.write_str(s.end)
}
