//! The policy editor's two sections, "compact policy summary" and "policy
//! evaluation", in the order the seed documents print them: what they say,
//! independent of layout. `editor.rs` lays them out as plain text and
//! `html.rs` as HTML, each through [`Markup`].

use core::fmt::{self, Write};

use super::escape::{Echo, Piece};
use super::lang::{Lang, Sentences, Strings};
use super::{consent_tokens_in, grid_levels, tokens_in, Body, Phases, View, WordItem, CP_MEANING, DEPLOYMENT_GUIDE};
use crate::diag::Diagnostic;
use crate::ie6::{CookieKind, Party, Verdict};
use crate::lexer::Lexeme;

/// The blocks and inline pieces of the document, as a layout renders them.
/// Text passed to `text`, `label` and `cell` is escaped by the layout.
pub(super) trait Markup {
    /// Starts the document.
    fn open(&mut self) -> fmt::Result;
    /// Ends it.
    fn close(&mut self) -> fmt::Result;
    /// A section heading.
    fn heading(&mut self, text: &str) -> fmt::Result;
    /// Starts a paragraph...
    fn paragraph(&mut self) -> fmt::Result;
    /// ...and ends it.
    fn paragraph_end(&mut self) -> fmt::Result;
    /// Text inside a block.
    fn text(&mut self, text: &str) -> fmt::Result;
    /// A label and its colon, before the text it introduces.
    fn label(&mut self, label: &str) -> fmt::Result;
    /// A link whose text is its address.
    fn link(&mut self, url: &str) -> fmt::Result;
    /// Starts the policy line (the input echo)...
    fn policy(&mut self) -> fmt::Result;
    /// ...one piece of it...
    fn policy_piece(&mut self, piece: Piece<'_>) -> fmt::Result;
    /// ...and ends it.
    fn policy_end(&mut self) -> fmt::Result;
    /// Starts the token table with its two column headings.
    fn table(&mut self, field: &str, meaning: &str, lang: Lang) -> fmt::Result;
    /// Starts a row with the word as written; its meaning follows as text.
    fn row(&mut self, word: &[u8]) -> fmt::Result;
    /// Ends a row.
    fn row_end(&mut self) -> fmt::Result;
    /// A row with no word, only a remark.
    fn row_note(&mut self, text: &str) -> fmt::Result;
    /// Ends the token table.
    fn table_end(&mut self) -> fmt::Result;
    /// Starts the grid: the corner, then the column headings.
    fn grid(&mut self, corner: &str, columns: &[&str], lang: Lang) -> fmt::Result;
    /// Starts a grid row with its heading.
    fn grid_row(&mut self, heading: &str) -> fmt::Result;
    /// Starts a cell (a list of items)...
    fn grid_cell(&mut self) -> fmt::Result;
    /// ...and ends it.
    fn grid_cell_end(&mut self) -> fmt::Result;
    /// Ends a grid row.
    fn grid_row_end(&mut self) -> fmt::Result;
    /// Ends the grid.
    fn grid_end(&mut self) -> fmt::Result;
    /// Starts a bulleted list.
    fn list(&mut self, lang: Lang) -> fmt::Result;
    /// Starts an item (in a list or a grid cell); its text follows.
    fn item(&mut self) -> fmt::Result;
    /// Ends an item.
    fn item_end(&mut self) -> fmt::Result;
    /// Ends a list.
    fn list_end(&mut self) -> fmt::Result;
}

/// Text written through a layout's escaping.
struct Inline<'m, M: Markup>(&'m mut M);

impl<M: Markup> Write for Inline<'_, M> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.text(s)
    }
}

/// The editor's sections, written through a layout.
pub(super) struct Document<M: Markup> {
    m: M,
    s: &'static Strings,
    lang: Lang,
    echo: Echo,
}

impl<M: Markup> Document<M> {
    pub(super) fn new(m: M, lang: Lang) -> Self {
        Document { m, s: lang.strings(), lang, echo: Echo::default() }
    }

    fn paragraph(&mut self, text: &str) -> fmt::Result {
        self.m.paragraph()?;
        self.m.text(text)?;
        self.m.paragraph_end()
    }
}

impl<M: Markup> Phases for Document<M> {
    fn begin(&mut self) -> fmt::Result {
        let e = &self.s.editor;
        self.m.open()?;
        self.m.heading(e.summary_heading)?;
        self.paragraph(e.policy_intro)?;
        self.m.policy()
    }

    fn input(&mut self, chunk: &[u8]) -> fmt::Result {
        let m = &mut self.m;
        self.echo.feed(chunk, |p| m.policy_piece(p))
    }

    fn body(&mut self, body: Body) -> fmt::Result {
        let m = &mut self.m;
        self.echo.finish(|p| m.policy_piece(p))?;
        self.m.policy_end()?;
        let e = &self.s.editor;
        self.paragraph(e.table_intro)?;
        self.m.table(e.field, e.meaning, e.table_lang)?;
        match body {
            Body::Cp => {
                self.m.row(b"CP=")?;
                self.m.text(CP_MEANING)?;
                self.m.row_end()
            }
            Body::Bare => Ok(()),
            Body::Missing => self.m.row_note(e.table_lang.strings().text.no_cp),
        }
    }

    fn word(&mut self, word: WordItem<'_>) -> fmt::Result {
        // Remarks on words that are no tokens are in the table's language.
        let t = &self.s.editor.table_lang.strings().text;
        self.m.row(word.text)?;
        let mut w = Inline(&mut self.m);
        match word.lexeme {
            Lexeme::Token { token, suffix } => token.write_meaning(suffix, &mut w)?,
            Lexeme::Control => w.write_str(t.control)?,
            Lexeme::WrongCase(f) => write!(w, "{}{f}{}", t.wrong_case.0, t.wrong_case.1)?,
            Lexeme::SuffixNotAllowed(tok) => write!(w, "{}{tok}{}", t.no_suffix.0, t.no_suffix.1)?,
            Lexeme::Unknown => w.write_str(t.unknown)?,
        }
        self.m.row_end()
    }

    fn policy(&mut self, view: &View<'_>) -> fmt::Result {
        let e = &self.s.editor;
        self.m.table_end()?;
        self.m.paragraph()?;
        self.m.text(e.deployment.0)?;
        self.m.link(DEPLOYMENT_GUIDE)?;
        self.m.text(e.deployment.1)?;
        self.m.paragraph_end()?;
        self.m.heading(e.evaluation_heading)?;
        self.paragraph(e.preamble)?;
        self.paragraph(e.disclaimer)?;
        let verdict = view.ie6_verdict();
        let (label, body) = e.verdicts[verdict as usize];
        self.m.paragraph()?;
        self.m.label(label)?;
        self.m.text(body)?;
        self.m.paragraph_end()?;
        if verdict == Verdict::Satisfactory {
            // The editor shows no grid for a satisfactory policy.
            return Ok(());
        }
        self.grid(view)?;
        if verdict == Verdict::Unsatisfactory {
            self.explanation(view)?;
        }
        Ok(())
    }

    fn finding(&mut self, _: &Diagnostic, _: &[u8]) -> fmt::Result {
        Ok(())
    }

    fn end(&mut self) -> fmt::Result {
        self.m.close()
    }
}

impl<M: Markup> Document<M> {
    /// The grid: first-party column, then third-party; persistent row, then
    /// session; Low to High (or the selected level) in each cell.
    fn grid(&mut self, view: &View<'_>) -> fmt::Result {
        let g = &self.s.grid;
        let select = view.select;
        let parties = Party::ALL.into_iter().filter(|p| select.party.is_none_or(|s| s == *p));
        let mut columns = [""; 2];
        let mut n = 0;
        for (slot, p) in columns.iter_mut().zip(parties) {
            *slot = g.parties[p as usize];
            n += 1;
        }
        if n == 0 || grid_levels(&select).next().is_none() {
            return Ok(());
        }
        self.m.grid(g.corner, &columns[..n], g.lang)?;
        for cookie in CookieKind::ALL.into_iter().filter(|c| select.cookie.is_none_or(|s| s == *c)) {
            self.m.grid_row(g.cookies[cookie as usize])?;
            for party in Party::ALL.into_iter().filter(|p| select.party.is_none_or(|s| s == *p)) {
                self.m.grid_cell()?;
                for level in grid_levels(&select) {
                    self.m.item()?;
                    self.m.label(g.levels[level as usize])?;
                    self.m.text(view.ie6_decision(level, party, cookie).reason.sentence())?;
                    self.m.item_end()?;
                }
                self.m.grid_cell_end()?;
            }
            self.m.grid_row_end()?;
        }
        self.m.grid_end()
    }

    /// What makes the policy unsatisfactory, and the note on how to change that.
    fn explanation(&mut self, view: &View<'_>) -> fmt::Result {
        let (s, m) = (self.s, view.model);
        let sentences_lang = match s.sentences {
            Sentences::TokenMeanings => Lang::En,
            Sentences::Table { .. } => self.lang,
        };
        self.paragraph(s.editor.categories_intro)?;
        self.m.list(sentences_lang)?;
        for token in tokens_in(m.unsatisfactory.categories) {
            self.m.item()?;
            s.sentences.write_category(token, &mut Inline(&mut self.m))?;
            self.m.item_end()?;
        }
        self.m.list_end()?;
        if m.unsatisfactory.uses == 0 {
            self.paragraph(s.editor.no_purpose)?;
        } else {
            self.paragraph(s.editor.uses_intro)?;
            self.m.list(sentences_lang)?;
            for token in consent_tokens_in(m.unsatisfactory.uses) {
                self.m.item()?;
                s.sentences.write_use(token, m.policy.consent(token), &mut Inline(&mut self.m))?;
                self.m.item_end()?;
            }
            self.m.list_end()?;
        }
        let Some(note) = m.note() else { return Ok(()) };
        let n = &s.note;
        self.m.paragraph()?;
        let mut w = Inline(&mut self.m);
        if let Some(change) = note.change {
            let lead = change.lead as usize;
            if change.satisfactory {
                w.write_str(n.satisfactory[lead])?;
            } else {
                w.write_str(n.leads[lead])?;
                let (full, partial) = change.acceptable.groups();
                n.acceptable.write(&mut w, full.as_slice(), partial.as_slice())?;
            }
            if note.opt_in.is_some() {
                w.write_char(' ')?;
            }
        }
        if let Some(rest) = note.opt_in {
            let (full, partial) = rest.groups();
            n.opt_in.write(&mut w, full.as_slice(), partial.as_slice())?;
        }
        self.m.paragraph_end()
    }
}
