//! The phases a report is written in, and the writer of each format.
//! Adding a format: a module with a writer that implements [`Phases`], a
//! [`Format`] variant, and an arm in [`writer`] and `each_writer!`.

use core::fmt::{self, Write};

use super::{document, editor, html, json, text, Format, Lang, View};
use crate::diag::{Code, Diagnostic};
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

/// What a driver left out of a report (see [`Phases::left_out`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// Words of the policy body, after the ones shown.
    Words,
    /// Findings of one code, after the ones shown.
    Findings(Code),
}

/// The phases of a report, in the order a driver calls them: `begin`;
/// `input` once per chunk of the input echo; optionally `input_exact`
/// once per chunk of the input again; `body` once; `word` once per word of
/// the policy body; `policy` once; `finding` (or `finding_excerpt`) once
/// per finding; `end`. Each format implements them; [`Report::feed`]
/// drives them from a slice, and a streaming parser can drive them from a
/// stream (only the current chunk or word needs to be in memory).
///
/// A driver may show only some of many words or findings: it then calls
/// `left_out` after the last word, or after the last finding, with what
/// it did not show.
///
/// [`Report::feed`]: super::Report::feed
pub trait Phases {
    /// Starts the report.
    fn begin(&mut self) -> fmt::Result;
    /// Echoes a chunk of the input as given (a UTF-8 sequence may be split
    /// between chunks).
    fn input(&mut self, chunk: &[u8]) -> fmt::Result;
    /// The input's exact bytes again, in chunks, after the echo: formats
    /// that can carry them use them when the echo had bytes that are not
    /// UTF-8 (JSON's `input_base64`); the others ignore them. Drivers may
    /// leave this out ([`Report::feed`](super::Report::feed) does).
    fn input_exact(&mut self, chunk: &[u8]) -> fmt::Result {
        let _ = chunk;
        Ok(())
    }
    /// Ends the echo; the words follow.
    fn body(&mut self, body: Body) -> fmt::Result;
    /// One word of the policy body.
    fn word(&mut self, word: WordItem<'_>) -> fmt::Result;
    /// The parts about the whole policy: class, verdict, grid, reasons,
    /// what makes it unsatisfactory, fixes.
    fn policy(&mut self, view: &View<'_>) -> fmt::Result;
    /// One finding; `input` holds the bytes its offsets refer to.
    fn finding(&mut self, d: &Diagnostic, input: &[u8]) -> fmt::Result {
        let text = input.get(d.offset..d.offset.saturating_add(d.len)).unwrap_or(&[]);
        self.finding_excerpt(d, text)
    }
    /// One finding, with the start of the text it is about: at least its
    /// first [`EXCERPT_LEN`](crate::diag::EXCERPT_LEN) bytes, as a
    /// streaming parser's [`Sink::report_excerpt`](crate::diag::Sink::report_excerpt) gives them.
    fn finding_excerpt(&mut self, d: &Diagnostic, excerpt: &[u8]) -> fmt::Result;
    /// `count` more items like `what` were left out, the first at `offset`.
    /// Formats that show such items say so; the default ignores it.
    fn left_out(&mut self, what: LeftOut, count: u64, offset: usize) -> fmt::Result {
        let _ = (what, count, offset);
        Ok(())
    }
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
    fn input_exact(&mut self, chunk: &[u8]) -> fmt::Result {
        each_writer!(self, p => p.input_exact(chunk))
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
    fn finding_excerpt(&mut self, d: &Diagnostic, excerpt: &[u8]) -> fmt::Result {
        each_writer!(self, p => p.finding_excerpt(d, excerpt))
    }
    fn left_out(&mut self, what: LeftOut, count: u64, offset: usize) -> fmt::Result {
        each_writer!(self, p => p.left_out(what, count, offset))
    }
    fn end(&mut self) -> fmt::Result {
        each_writer!(self, p => p.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Mode;
    use crate::report::{Options, Report};

    /// The report of `input` with its exact bytes given after the echo.
    fn with_exact(input: &[u8], format: Format, cut: usize) -> String {
        let mut out = String::new();
        Report::new(input, Mode::Header)
            .feed(&mut Exact(writer(&mut out, format, Lang::En), input, cut), &Options::default())
            .unwrap();
        out
    }

    /// Passes every phase on, and the input's exact bytes (in two chunks)
    /// before `body`.
    struct Exact<'a, P: Phases>(P, &'a [u8], usize);

    impl<P: Phases> Phases for Exact<'_, P> {
        fn begin(&mut self) -> fmt::Result {
            self.0.begin()
        }
        fn input(&mut self, chunk: &[u8]) -> fmt::Result {
            self.0.input(chunk)
        }
        fn body(&mut self, body: Body) -> fmt::Result {
            let (a, b) = self.1.split_at(self.2.min(self.1.len()));
            self.0.input_exact(a)?;
            self.0.input_exact(b)?;
            self.0.body(body)
        }
        fn word(&mut self, word: WordItem<'_>) -> fmt::Result {
            self.0.word(word)
        }
        fn policy(&mut self, view: &View<'_>) -> fmt::Result {
            self.0.policy(view)
        }
        fn finding_excerpt(&mut self, d: &Diagnostic, excerpt: &[u8]) -> fmt::Result {
            self.0.finding_excerpt(d, excerpt)
        }
        fn end(&mut self) -> fmt::Result {
            self.0.end()
        }
    }

    #[test]
    fn json_carries_the_exact_bytes_of_input_that_is_not_utf8() {
        let input = b"CP=\"NOI \xff\xe2\x82\"";
        for cut in 0..=input.len() {
            let json = with_exact(input, Format::Json, cut);
            assert!(
                json.starts_with(
                    "{\"input\":\"CP=\\\"NOI \u{fffd}\u{fffd}\\\"\",\"input_base64\":\"Q1A9Ik5PSSD/4oIi\",\"tokens\":["
                ),
                "{json}"
            );
        }
        // UTF-8 input has no `input_base64`, and the other formats ignore the bytes.
        let mut plain = String::new();
        Report::new(b"CP=\"NOI \xc3\xa9\"", Mode::Header)
            .write(&mut plain, Format::Json, Lang::En, &Options::default())
            .unwrap();
        assert_eq!(with_exact(b"CP=\"NOI \xc3\xa9\"", Format::Json, 9), plain);
        for format in [Format::Text, Format::Editor, Format::Html] {
            let mut whole = String::new();
            Report::new(input, Mode::Header).write(&mut whole, format, Lang::En, &Options::default()).unwrap();
            assert_eq!(with_exact(input, format, 3), whole, "{format:?}");
        }
    }

    #[test]
    fn left_out_items_are_noted_where_they_are_shown() {
        let mut text = String::new();
        let mut p = writer(&mut text, Format::Text, Lang::En);
        p.left_out(LeftOut::Words, 3, 40).unwrap();
        p.left_out(LeftOut::Findings(Code::DuplicateToken), 1, 12).unwrap();
        assert_eq!(
            text,
            "  ...    3 more words not shown (--all shows them)\n  note     at 12   1 more duplicate_token finding not shown (--all shows them) [duplicate_token]\n"
        );
        for format in [Format::Json, Format::Editor] {
            let mut out = String::new();
            let mut p = writer(&mut out, format, Lang::En);
            p.left_out(LeftOut::Findings(Code::DuplicateToken), 1, 12).unwrap();
            assert_eq!(out, "", "{format:?} shows no findings");
        }
        let mut editor = String::new();
        writer(&mut editor, Format::Editor, Lang::It).left_out(LeftOut::Words, 2, 0).unwrap();
        assert_eq!(editor, "... 2 more words not shown (--all shows them)\n");
        let mut html = String::new();
        writer(&mut html, Format::Html, Lang::De).left_out(LeftOut::Words, 1, 0).unwrap();
        assert_eq!(html, "<tr><td><code>...</code></td><td>1 more word not shown (--all shows them)</td></tr>\n");
    }
}
