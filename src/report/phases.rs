//! The phases a report is written in, and the writer of each format.
//! Adding a format: a module with a writer that implements [`Phases`], a
//! [`Format`] variant, and an arm in [`writer`] and `each_writer!`.

use core::fmt::{self, Write};

use super::{document, editor, html, json, text, Format, Lang, View};
use crate::diag::Diagnostic;
use crate::lexer::Lexeme;

/// How the policy body was introduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    /// By a `CP=` directive of a header value.
    Cp,
    /// The input is a bare token list.
    Bare,
    /// The header value has no `CP` directive: no words follow.
    Missing,
}

/// One word of the policy body.
#[derive(Clone, Copy, Debug)]
pub struct WordItem<'a> {
    /// The word as written.
    pub text: &'a [u8],
    /// Its byte offset in the input.
    pub offset: usize,
    /// What it is.
    pub lexeme: Lexeme,
}

/// The phases of a report, in the order a driver calls them: `begin`;
/// `input` once per chunk of the input echo; `body` once; `word` once per
/// word of the policy body; `policy` once; `finding` once per finding;
/// `end`. Each format implements them; [`Report::feed`] drives them from a
/// slice, and a streaming parser can drive them from a stream (only the
/// current chunk or word needs to be in memory until `policy`).
pub trait Phases {
    /// Starts the report.
    fn begin(&mut self) -> fmt::Result;
    /// Echoes a chunk of the input as given (a UTF-8 sequence may be split
    /// between chunks).
    fn input(&mut self, chunk: &[u8]) -> fmt::Result;
    /// Ends the echo; the words follow.
    fn body(&mut self, body: Body) -> fmt::Result;
    /// One word of the policy body.
    fn word(&mut self, word: WordItem<'_>) -> fmt::Result;
    /// The parts about the whole policy: class, verdict, grid, reasons,
    /// what makes it unsatisfactory, fixes.
    fn policy(&mut self, view: &View<'_>) -> fmt::Result;
    /// One finding; `input` holds the bytes its offsets refer to.
    fn finding(&mut self, d: &Diagnostic, input: &[u8]) -> fmt::Result;
    /// Ends the report.
    fn end(&mut self) -> fmt::Result;
}

/// The writer of a format: one of the format modules' writers.
pub struct Writer<'w, W: Write>(AnyWriter<'w, W>);

enum AnyWriter<'w, W: Write> {
    Text(text::Text<'w, W>),
    Json(json::Json<'w, W>),
    Editor(document::Document<editor::Plain<'w, W>>),
    Html(document::Document<html::Html<'w, W>>),
}

/// The writer for a format and language, writing to `w`.
pub fn writer<W: Write>(w: &mut W, format: Format, lang: Lang) -> Writer<'_, W> {
    Writer(match format {
        Format::Text => AnyWriter::Text(text::Text::new(w, lang)),
        Format::Json => AnyWriter::Json(json::Json::new(w)),
        Format::Editor => AnyWriter::Editor(document::Document::new(editor::Plain::new(w, lang), lang)),
        Format::Html => AnyWriter::Html(document::Document::new(html::Html::new(w, lang), lang)),
    })
}

macro_rules! each_writer {
    ($self:ident, $p:ident => $e:expr) => {
        match &mut $self.0 {
            AnyWriter::Text($p) => $e,
            AnyWriter::Json($p) => $e,
            AnyWriter::Editor($p) => $e,
            AnyWriter::Html($p) => $e,
        }
    };
}

impl<W: Write> Phases for Writer<'_, W> {
    fn begin(&mut self) -> fmt::Result {
        each_writer!(self, p => p.begin())
    }
    fn input(&mut self, chunk: &[u8]) -> fmt::Result {
        each_writer!(self, p => p.input(chunk))
    }
    fn body(&mut self, body: Body) -> fmt::Result {
        each_writer!(self, p => p.body(body))
    }
    fn word(&mut self, word: WordItem<'_>) -> fmt::Result {
        each_writer!(self, p => p.word(word))
    }
    fn policy(&mut self, view: &View<'_>) -> fmt::Result {
        each_writer!(self, p => p.policy(view))
    }
    fn finding(&mut self, d: &Diagnostic, input: &[u8]) -> fmt::Result {
        each_writer!(self, p => p.finding(d, input))
    }
    fn end(&mut self) -> fmt::Result {
        each_writer!(self, p => p.end())
    }
}
