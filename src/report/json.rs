//! The JSON report: one object, the contract other tools read. The field
//! names are the contract, not their order; the order follows the phases,
//! so `input` and `tokens` come before the fields about the whole policy
//! and `diagnostics` comes last. JSON is the same in every language.

use core::fmt::{self, Write};

use super::escape::{Echo, Json as JsonStr, JsonEscape, Piece};
use super::lang::Lang;
use super::text::write_change;
use super::{consent_tokens_in, tokens_in, Body, Phases, ProfileGrid, ProfileSelect, View, WordItem, GRID_LEVELS};
use crate::diag::Diagnostic;
use crate::ie6::{CookieKind, Decision, Level, Party};
use crate::lexer::Lexeme;
use crate::profile::{self, Outcome, Profile};

pub(super) struct Json<'w, W: Write> {
    w: &'w mut W,
    echo: Echo,
    words: usize,
    findings: usize,
}

impl<'w, W: Write> Json<'w, W> {
    pub(super) fn new(w: &'w mut W) -> Self {
        Json { w, echo: Echo::default(), words: 0, findings: 0 }
    }
}

fn escaped<W: Write>(w: &mut W, p: Piece<'_>) -> fmt::Result {
    match p {
        Piece::Text(s) => JsonEscape(w).write_str(s),
        Piece::Invalid => w.write_char('\u{fffd}'),
    }
}

impl<W: Write> Phases for Json<'_, W> {
    fn begin(&mut self) -> fmt::Result {
        self.w.write_str("{\"input\":\"")
    }

    fn input(&mut self, chunk: &[u8]) -> fmt::Result {
        let w = &mut *self.w;
        self.echo.feed(chunk, |p| escaped(w, p))
    }

    fn body(&mut self, _: Body) -> fmt::Result {
        let w = &mut *self.w;
        self.echo.finish(|p| escaped(w, p))?;
        w.write_str("\",\"tokens\":[")
    }

    fn word(&mut self, word: WordItem<'_>) -> fmt::Result {
        let w = &mut *self.w;
        if self.words > 0 {
            w.write_char(',')?;
        }
        self.words += 1;
        write!(w, "{{\"token\":{},\"offset\":{}", JsonStr(word.text), word.offset)?;
        match word.lexeme {
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

    fn policy(&mut self, view: &View<'_>) -> fmt::Result {
        let (w, m) = (&mut *self.w, view.model);
        w.write_char(']')?;
        write!(w, ",\"present\":{}", m.policy.is_present())?;
        // Under a profile, the profile's view (README, "Class and verdict of a profile").
        write!(w, ",\"class\":\"{}\"", view.class().name())?;
        write!(w, ",\"verdict\":\"{}\"", view.verdict().name())?;
        match view.profile {
            Some((p, grid)) => {
                write!(w, ",\"profile\":{}", JsonStr(p.name.as_bytes()))?;
                if matches!(p.profile.kind, profile::P3P_PROFILE_MOZILLA | profile::P3P_PROFILE_MOZILLA_LEVELS) {
                    write!(w, ",\"mozilla_class\":\"{}\"", profile::mozilla_class(Some(&m.policy)).0.name())?;
                }
                profile_grid(w, p.profile, &grid, view.select)
            }
            None => self.ie6(view),
        }
    }

    fn finding(&mut self, d: &Diagnostic, input: &[u8]) -> fmt::Result {
        let w = &mut *self.w;
        w.write_str(if self.findings == 0 { ",\"diagnostics\":[" } else { "," })?;
        self.findings += 1;
        write!(
            w,
            "{{\"code\":\"{}\",\"severity\":\"{}\",\"offset\":{},\"len\":{},\"message\":\"",
            d.code.name(),
            d.severity().name(),
            d.offset,
            d.len
        )?;
        d.write_message(input, &mut JsonEscape(w))?;
        w.write_str("\"}")
    }

    fn end(&mut self) -> fmt::Result {
        if self.findings == 0 {
            self.w.write_str(",\"diagnostics\":[")?;
        }
        self.w.write_str("]}")
    }
}

impl<W: Write> Json<'_, W> {
    /// `grid`, `unsatisfactory`, `fixes` and `selected` of the IE6 report.
    fn ie6(&mut self, view: &View<'_>) -> fmt::Result {
        let (w, m) = (&mut *self.w, view.model);
        write_grid(w, Level::ALL.len(), |w, party, cookie, li| {
            let level = Level::ALL[li];
            write!(w, "\"{}\":", level.key())?;
            decision(w, m.grid.get(level, party, cookie))
        })?;
        w.write_str(",\"unsatisfactory\":{\"categories\":[")?;
        for (i, t) in tokens_in(m.unsatisfactory.categories).enumerate() {
            write!(w, "{}\"{}\"", if i > 0 { "," } else { "" }, t.name())?;
        }
        w.write_str("],\"uses\":[")?;
        for (i, t) in consent_tokens_in(m.unsatisfactory.uses).enumerate() {
            write!(w, "{}\"{}\"", if i > 0 { "," } else { "" }, t.name())?;
        }
        w.write_str("]},\"fixes\":[")?;
        let strings = &Lang::En.strings().text.fix;
        for (i, fix) in m.fixes().into_iter().flatten().enumerate() {
            w.write_str(if i > 0 { ",{\"change\":\"" } else { "{\"change\":\"" })?;
            write_change(&mut JsonEscape(w), strings, &m.policy, &fix)?;
            write!(w, "\",\"satisfactory\":{},\"accepted\":[", fix.satisfactory)?;
            let mut n = 0;
            for level in GRID_LEVELS {
                for party in Party::ALL {
                    for cookie in CookieKind::ALL {
                        if fix.accepted[party as usize][cookie as usize][level as usize] {
                            w.write_str(if n > 0 { "," } else { "" })?;
                            n += 1;
                            cell(w, level.key(), party, cookie)?;
                            w.write_char('}')?;
                        }
                    }
                }
            }
            w.write_str("]}")?;
        }
        w.write_char(']')?;
        let select = view.select;
        if select != ProfileSelect::default() {
            selected(w, Level::ALL.len(), select, |w, li, party, cookie| {
                cell(w, Level::ALL[li].key(), party, cookie)?;
                w.write_str(",\"decision\":")?;
                decision(w, m.grid.get(Level::ALL[li], party, cookie))
            })?;
        }
        Ok(())
    }
}

/// `grid` and `selected` of a profile's report.
fn profile_grid<W: Write>(w: &mut W, p: &Profile, grid: &ProfileGrid, select: ProfileSelect) -> fmt::Result {
    let outcome = |w: &mut W, party: Party, o: Outcome| -> fmt::Result {
        write!(w, "{{\"action\":\"{}\",\"reason\":\"", o.decision.action.name())?;
        JsonEscape(w).write_str(o.decision.reason.sentence())?;
        w.write_char('"')?;
        if o.rule > 0 {
            let line = p.parties[party as usize].rules[o.rule as usize - 1].line;
            write!(w, ",\"rule\":{},\"line\":{line}", o.rule)?;
        }
        w.write_char('}')
    };
    write_grid(w, grid.keys.len(), |w, party, cookie, li| {
        write!(w, "\"{}\":", grid.keys[li])?;
        outcome(w, party, grid.cells[party as usize][cookie as usize][li])
    })?;
    if select != ProfileSelect::default() {
        selected(w, grid.keys.len(), select, |w, li, party, cookie| {
            cell(w, grid.keys[li], party, cookie)?;
            w.write_str(",\"decision\":")?;
            outcome(w, party, grid.cells[party as usize][cookie as usize][li])
        })?;
    }
    Ok(())
}

/// `,"grid":{party:{cookie:{...}}}`, the innermost entries by `entry`.
fn write_grid<W: Write>(
    w: &mut W,
    levels: usize,
    mut entry: impl FnMut(&mut W, Party, CookieKind, usize) -> fmt::Result,
) -> fmt::Result {
    w.write_str(",\"grid\":{")?;
    for (pi, party) in Party::ALL.into_iter().enumerate() {
        write!(w, "{}\"{}\":{{", if pi > 0 { "," } else { "" }, party.key())?;
        for (ki, cookie) in CookieKind::ALL.into_iter().enumerate() {
            write!(w, "{}\"{}\":{{", if ki > 0 { "," } else { "" }, cookie.key())?;
            for li in 0..levels {
                if li > 0 {
                    w.write_char(',')?;
                }
                entry(w, party, cookie, li)?;
            }
            w.write_char('}')?;
        }
        w.write_char('}')?;
    }
    w.write_char('}')
}

/// `,"selected":[...]`, one object per selected cell.
fn selected<W: Write>(
    w: &mut W,
    levels: usize,
    select: ProfileSelect,
    mut entry: impl FnMut(&mut W, usize, Party, CookieKind) -> fmt::Result,
) -> fmt::Result {
    w.write_str(",\"selected\":[")?;
    let mut n = 0;
    for party in Party::ALL {
        for cookie in CookieKind::ALL {
            for li in 0..levels {
                if select.shows(li as u32, party, cookie) {
                    w.write_str(if n > 0 { "," } else { "" })?;
                    n += 1;
                    entry(w, li, party, cookie)?;
                    w.write_char('}')?;
                }
            }
        }
    }
    w.write_char(']')
}

/// `{"level":"...","party":"...","cookie":"..."` (no closing brace).
fn cell<W: Write>(w: &mut W, level: &str, party: Party, cookie: CookieKind) -> fmt::Result {
    write!(w, "{{\"level\":\"{level}\",\"party\":\"{}\",\"cookie\":\"{}\"", party.key(), cookie.key())
}

fn decision<W: Write>(w: &mut W, d: Decision) -> fmt::Result {
    write!(w, "{{\"action\":\"{}\",\"reason\":\"", d.action.name())?;
    JsonEscape(w).write_str(d.reason.sentence())?;
    w.write_str("\"}")
}
