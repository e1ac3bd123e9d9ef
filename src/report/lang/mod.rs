//! The report's languages. Each file beside this one is one language's
//! table of strings (`STRINGS`), and nothing else: a translator reviews and
//! extends a language there without touching the writers. This file holds
//! the shape of the table and the few rules that assemble sentences from it
//! (lists of levels, the opt-out note).
//!
//! The seed documents mix languages as the policy editor did: the token
//! meanings, the grid and its reasons stay in English in every language,
//! and some languages keep the category and use sentences in English too.
//! The tables say so where it applies (`Sentences::TokenMeanings`).

mod de;
mod en;
mod it;
mod nl;
mod sv;

use core::fmt::{self, Write};

use crate::ie6::{Level, Party};
use crate::token::{Suffix, Token};

/// A report language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Lang {
    /// English.
    En = 0,
    /// Italian.
    It = 1,
    /// Swedish.
    Sv = 2,
    /// Dutch.
    Nl = 3,
    /// German.
    De = 4,
}

impl Lang {
    /// Every language, in the order of their numbers (`P3P_LANG_*`).
    pub const ALL: [Lang; 5] = [Lang::En, Lang::It, Lang::Sv, Lang::Nl, Lang::De];

    /// The language's table of strings.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::It => &it::STRINGS,
            Lang::Sv => &sv::STRINGS,
            Lang::Nl => &nl::STRINGS,
            Lang::De => &de::STRINGS,
        }
    }

    /// The ISO 639-1 code (`it`), as HTML's `lang` attribute takes it.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
            Lang::Sv => "sv",
            Lang::Nl => "nl",
            Lang::De => "de",
        }
    }

    /// The language for a code (any ASCII case).
    pub fn from_code(code: &[u8]) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().as_bytes().eq_ignore_ascii_case(code))
    }

    /// The language from its number.
    pub fn from_u32(v: u32) -> Option<Lang> {
        Lang::ALL.get(v as usize).copied()
    }
}

/// One language's strings. Fields are grouped by the part of the report
/// that prints them; `{...}` in a comment names what the writer puts next.
#[derive(Debug)]
pub struct Strings {
    /// The editor's two sections (also the HTML fragment).
    pub editor: Editor,
    /// The evaluation grid's labels (English in every seed document).
    pub grid: GridLabels,
    /// What makes a policy unsatisfactory: one sentence per category and
    /// per use.
    pub sentences: Sentences,
    /// The note on what an opt-out (or a declared purpose) would change.
    pub note: Note,
    /// The default text report.
    pub text: Text,
}

/// The editor's "compact policy summary" and "policy evaluation" sections.
#[derive(Debug)]
pub struct Editor {
    /// Heading of the first section.
    pub summary_heading: &'static str,
    /// Before the policy line.
    pub policy_intro: &'static str,
    /// Before the token table.
    pub table_intro: &'static str,
    /// The token table's column headings: the word, and what it means.
    pub field: &'static str,
    /// See `field`.
    pub meaning: &'static str,
    /// The language of the token table (headings and meanings).
    pub table_lang: Lang,
    /// After the token table: `{before}{address of the deployment guide}{after}`.
    pub deployment: (&'static str, &'static str),
    /// Heading of the second section.
    pub evaluation_heading: &'static str,
    /// What Internet Explorer 6 evaluates.
    pub preamble: &'static str,
    /// The evaluation is experimental.
    pub disclaimer: &'static str,
    /// The verdict paragraph, `{label}: {body}`, indexed by
    /// `Verdict as usize` (no policy, satisfactory, unsatisfactory).
    pub verdicts: [(&'static str, &'static str); 3],
    /// Bullet before each list item in the plain-text layout.
    pub bullet: &'static str,
    /// Before the identifiable-data categories.
    pub categories_intro: &'static str,
    /// Before the uses that lack consent.
    pub uses_intro: &'static str,
    /// Instead of `uses_intro` and its list, when no purpose is declared.
    pub no_purpose: &'static str,
}

/// The grid: column and row headings and the level labels.
#[derive(Debug)]
pub struct GridLabels {
    /// The language of the grid (labels and reasons).
    pub lang: Lang,
    /// The empty corner cell in the plain-text layout.
    pub corner: &'static str,
    /// Column headings, indexed by `Party as usize`.
    pub parties: [&'static str; 2],
    /// Row headings, indexed by `CookieKind as usize` (session, persistent).
    pub cookies: [&'static str; 2],
    /// Level labels, indexed by `Level as usize`.
    pub levels: [&'static str; 6],
}

/// The category and use sentences.
#[derive(Debug)]
pub enum Sentences {
    /// The English token meanings, as the token table prints them.
    TokenMeanings,
    /// Sentences of this language.
    Table {
        /// One sentence per identifiable-data category (PHY ONL FIN GOV).
        categories: &'static [(Token, &'static str)],
        /// One sentence per use that needs consent (IVA IVD CON TEL OTP
        /// SAM UNR PUB OTR), as if always made.
        uses: &'static [(Token, &'static str)],
        /// Replaces a use sentence's final full stop when the use is
        /// opt-out...
        opt_out: &'static str,
        /// ...or opt-in.
        opt_in: &'static str,
    },
}

/// The note: a first sentence on what the smallest change would make
/// acceptable (or satisfactory), a second on where opt-in is needed.
#[derive(Debug)]
pub struct Note {
    /// Opening of the first sentence, before the levels, per change:
    /// allowing an opt-out, declaring a purpose, both.
    pub leads: [&'static str; 3],
    /// The first sentence when the change alone makes the policy
    /// satisfactory, per change.
    pub satisfactory: [&'static str; 3],
    /// The levels of the first sentence (after the lead).
    pub acceptable: Cells,
    /// The second sentence.
    pub opt_in: Cells,
}

/// A sentence naming cells of the grid: whole levels, then levels for one
/// party only:
/// `{one|many}{levels}{full_end}{partial_after_full|partial_only}{level party, ...}{partial_end}{end}`.
#[derive(Debug)]
pub struct Cells {
    /// Before a single whole level.
    pub one: &'static str,
    /// Before several whole levels.
    pub many: &'static str,
    /// After the whole levels.
    pub full_end: &'static str,
    /// Before the one-party levels, after whole levels.
    pub partial_after_full: &'static str,
    /// Before the one-party levels, when there are no whole levels.
    pub partial_only: &'static str,
    /// After the one-party levels.
    pub partial_end: &'static str,
    /// Closes the sentence.
    pub end: &'static str,
    /// The four middle levels as this sentence names them (Low, Medium,
    /// Medium High, High).
    pub levels: [&'static str; 4],
    /// What follows a one-party level, indexed by `Party as usize`.
    pub parties: [&'static str; 2],
    /// Joins the last two items of a list (`, ` joins the others).
    pub and: &'static str,
}

/// The default text report.
#[derive(Debug)]
pub struct Text {
    /// `{compact_policy}: {input}`.
    pub compact_policy: &'static str,
    /// Heading of the token list.
    pub tokens: &'static str,
    /// In the token list when the value has no `CP` directive.
    pub no_cp: &'static str,
    /// A run of control bytes.
    pub control: &'static str,
    /// A token in the wrong case: `{0}{token}{1}`.
    pub wrong_case: (&'static str, &'static str),
    /// A suffix on a token that takes none: `{0}{token}{1}`.
    pub no_suffix: (&'static str, &'static str),
    /// A word that is no token.
    pub unknown: &'static str,
    /// `{class}: {name} ({gloss})`.
    pub class: &'static str,
    /// Indexed by `Class as usize`.
    pub glosses: [&'static str; 5],
    /// `{verdict}: {sentence}`.
    pub verdict: &'static str,
    /// Indexed by `Verdict as usize`.
    pub verdicts: [&'static str; 3],
    /// Heading of the decision table.
    pub decisions: &'static str,
    /// Heading of the explanation.
    pub why: &'static str,
    /// Before the categories.
    pub why_categories: &'static str,
    /// Before the uses.
    pub why_uses: &'static str,
    /// Instead of the uses, when no purpose is declared.
    pub why_no_purpose: &'static str,
    /// Heading of the fixes.
    pub fixes: &'static str,
    /// One fix line.
    pub fix: Fix,
    /// Heading of the lint findings.
    pub findings: &'static str,
    /// When there are none.
    pub no_findings: &'static str,
    /// `{profile}: {name}`.
    pub profile: &'static str,
    /// Glosses of the classes only other profiles have: Mozilla's no
    /// consent, implicit and explicit, and an import file's `rules`.
    pub profile_glosses: [&'static str; 4],
    /// A profile's verdict, indexed by `Verdict as usize`.
    pub profile_verdicts: [&'static str; 3],
    /// The gloss of `no_policy` when `ie6-strict` rejects the policy.
    pub strict_invalid: &'static str,
    /// ` ({rule} N, {line} L)` after a cell a rule decided.
    pub rule: (&'static str, &'static str),
}

/// One fix line:
/// `[{purpose}[{purpose_alone_end}]][{making}{changes}{making_end}]{satisfactory | accepts cells end}`,
/// a change being `{now}{change}{suffix} ({new})`.
#[derive(Debug)]
pub struct Fix {
    /// Declaring a purpose.
    pub purpose: &'static str,
    /// After `purpose` when no consent changes follow.
    pub purpose_alone_end: &'static str,
    /// Before the consent changes: at the start of the line, and after `purpose`.
    pub making: [&'static str; 2],
    /// Between a token as written and its new consent.
    pub change: &'static str,
    /// The consent names: opt-out, opt-in.
    pub suffixes: [&'static str; 2],
    /// After the consent changes.
    pub making_end: &'static str,
    /// When the fix makes the policy satisfactory.
    pub satisfactory: &'static str,
    /// Before the cells it would accept.
    pub accepts: &'static str,
    /// Closes the line.
    pub end: &'static str,
    /// Level labels, indexed by `Level as usize`.
    pub levels: [&'static str; 6],
    /// Indexed by `Party as usize`.
    pub parties: [&'static str; 2],
    /// Indexed by `CookieKind as usize` (session, persistent).
    pub cookies: [&'static str; 2],
    /// Between a party and a cookie kind.
    pub cell_join: &'static str,
}

impl Sentences {
    /// Writes the sentence for an identifiable-data category.
    pub fn write_category<W: Write>(&self, token: Token, w: &mut W) -> fmt::Result {
        match self {
            Sentences::Table { categories, .. } => match find(categories, token) {
                Some(s) => w.write_str(s),
                None => w.write_str(token.meaning()),
            },
            Sentences::TokenMeanings => w.write_str(token.meaning()),
        }
    }

    /// Writes the sentence for a use with its consent.
    pub fn write_use<W: Write>(&self, token: Token, suffix: Option<Suffix>, w: &mut W) -> fmt::Result {
        let Sentences::Table { uses, opt_out, opt_in, .. } = self else {
            return token.write_meaning(suffix, w);
        };
        let Some(base) = find(uses, token) else {
            return token.write_meaning(suffix, w);
        };
        match suffix {
            None | Some(Suffix::Always) => w.write_str(base),
            Some(s) => {
                w.write_str(base.strip_suffix('.').unwrap_or(base))?;
                w.write_str(if s == Suffix::OptOut { opt_out } else { opt_in })
            }
        }
    }
}

fn find(table: &[(Token, &'static str)], token: Token) -> Option<&'static str> {
    table.iter().find(|(t, _)| *t == token).map(|(_, s)| *s)
}

/// Writes `items` as a list: `a`, `a{and}b`, `a, b{and}c`.
pub(crate) fn write_list<W: Write + ?Sized, T: Copy>(
    w: &mut W,
    items: &[T],
    and: &str,
    mut item: impl FnMut(&mut W, T) -> fmt::Result,
) -> fmt::Result {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            w.write_str(if i + 1 == items.len() { and } else { ", " })?;
        }
        item(w, *x)?;
    }
    Ok(())
}

impl Cells {
    /// Writes the sentence for whole levels `full` and one-party levels
    /// `partial` (each in Low-to-High order); nothing when both are empty.
    pub fn write<W: Write + ?Sized>(&self, w: &mut W, full: &[Level], partial: &[(Level, Party)]) -> fmt::Result {
        if full.is_empty() && partial.is_empty() {
            return Ok(());
        }
        if !full.is_empty() {
            w.write_str(if full.len() == 1 { self.one } else { self.many })?;
            write_list(w, full, self.and, |w, l| w.write_str(self.level(l)))?;
            w.write_str(self.full_end)?;
        }
        if !partial.is_empty() {
            w.write_str(if full.is_empty() { self.partial_only } else { self.partial_after_full })?;
            write_list(w, partial, self.and, |w, (l, p)| {
                w.write_str(self.level(l))?;
                w.write_char(' ')?;
                w.write_str(self.parties[p as usize])
            })?;
            w.write_str(self.partial_end)?;
        }
        w.write_str(self.end)
    }

    fn level(&self, level: Level) -> &'static str {
        match level {
            Level::Low => self.levels[0],
            Level::Medium => self.levels[1],
            Level::MediumHigh => self.levels[2],
            _ => self.levels[3],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code().as_bytes()), Some(l));
            assert_eq!(Lang::from_u32(l as u32), Some(l));
        }
        assert_eq!(Lang::from_code(b"IT"), Some(Lang::It));
        assert_eq!(Lang::from_code(b"fr"), None);
    }

    #[test]
    fn every_table_covers_every_category_and_use() {
        use crate::ie6::{PII_MASK, U_MASK};
        for l in Lang::ALL {
            if let Sentences::Table { categories, uses, .. } = &l.strings().sentences {
                for t in crate::token::ALL_TOKENS {
                    let is_category = PII_MASK & (1 << t.index()) != 0;
                    let is_use = t.consent_index().is_some_and(|i| U_MASK & (1 << i) != 0);
                    assert_eq!(find(categories, t).is_some(), is_category, "{l:?} category {t}");
                    assert_eq!(find(uses, t).is_some(), is_use, "{l:?} use {t}");
                }
            }
        }
    }
}
