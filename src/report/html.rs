//! The editor's sections as a self-contained HTML fragment a site can
//! paste into its privacy page: one `<section>` with a `lang` attribute,
//! real tables for the tokens and the grid, every text escaped, no script,
//! no style. Parts in another language than the section (the English token
//! table and grid, for instance) carry their own `lang`.

use core::fmt::{self, Write};

use super::document::Markup;
use super::escape::{HtmlEscape, Piece, Text};
use super::lang::Lang;

pub(super) struct Html<'w, W: Write> {
    w: &'w mut W,
    lang: Lang,
}

impl<'w, W: Write> Html<'w, W> {
    pub(super) fn new(w: &'w mut W, lang: Lang) -> Self {
        Html { w, lang }
    }

    /// ` lang="xx"` when `lang` differs from the section's.
    fn lang_attr(&mut self, lang: Lang) -> fmt::Result {
        if lang != self.lang {
            write!(self.w, " lang=\"{}\"", lang.code())?;
        }
        Ok(())
    }

    fn escaped(&mut self, text: &str) -> fmt::Result {
        HtmlEscape(self.w).write_str(text)
    }
}

impl<W: Write> Markup for Html<'_, W> {
    fn open(&mut self) -> fmt::Result {
        writeln!(self.w, "<section class=\"p3p-report\" lang=\"{}\">", self.lang.code())
    }
    fn close(&mut self) -> fmt::Result {
        writeln!(self.w, "</section>")
    }
    fn heading(&mut self, text: &str) -> fmt::Result {
        self.w.write_str("<h2>")?;
        self.escaped(text)?;
        writeln!(self.w, "</h2>")
    }
    fn paragraph(&mut self) -> fmt::Result {
        self.w.write_str("<p>")
    }
    fn paragraph_end(&mut self) -> fmt::Result {
        writeln!(self.w, "</p>")
    }
    fn text(&mut self, text: &str) -> fmt::Result {
        self.escaped(text)
    }
    fn label(&mut self, label: &str) -> fmt::Result {
        self.w.write_str("<strong>")?;
        self.escaped(label)?;
        self.w.write_str(":</strong> ")
    }
    fn link(&mut self, url: &str) -> fmt::Result {
        self.w.write_str("<a href=\"")?;
        self.escaped(url)?;
        self.w.write_str("\">")?;
        self.escaped(url)?;
        self.w.write_str("</a>")
    }
    fn policy(&mut self) -> fmt::Result {
        self.w.write_str("<p><code>")
    }
    fn policy_piece(&mut self, piece: Piece<'_>) -> fmt::Result {
        piece.write_plain(&mut HtmlEscape(self.w))
    }
    fn policy_end(&mut self) -> fmt::Result {
        writeln!(self.w, "</code></p>")
    }
    fn table(&mut self, field: &str, meaning: &str, lang: Lang) -> fmt::Result {
        self.w.write_str("<table class=\"p3p-tokens\"")?;
        self.lang_attr(lang)?;
        self.w.write_str(">\n<thead><tr><th scope=\"col\">")?;
        self.escaped(field)?;
        self.w.write_str("</th><th scope=\"col\">")?;
        self.escaped(meaning)?;
        self.w.write_str("</th></tr></thead>\n<tbody>\n")
    }
    fn row(&mut self, word: &[u8]) -> fmt::Result {
        self.w.write_str("<tr><td><code>")?;
        write!(HtmlEscape(self.w), "{}", Text(word))?;
        self.w.write_str("</code></td><td>")
    }
    fn row_end(&mut self) -> fmt::Result {
        writeln!(self.w, "</td></tr>")
    }
    fn row_note(&mut self, text: &str) -> fmt::Result {
        self.w.write_str("<tr><td colspan=\"2\">")?;
        self.escaped(text)?;
        writeln!(self.w, "</td></tr>")
    }
    fn table_end(&mut self) -> fmt::Result {
        writeln!(self.w, "</tbody>\n</table>")
    }
    fn grid(&mut self, _corner: &str, columns: &[&str], lang: Lang) -> fmt::Result {
        self.w.write_str("<table class=\"p3p-grid\"")?;
        self.lang_attr(lang)?;
        self.w.write_str(">\n<thead><tr><td></td>")?;
        for c in columns {
            self.w.write_str("<th scope=\"col\">")?;
            self.escaped(c)?;
            self.w.write_str("</th>")?;
        }
        self.w.write_str("</tr></thead>\n<tbody>\n")
    }
    fn grid_row(&mut self, heading: &str) -> fmt::Result {
        self.w.write_str("<tr><th scope=\"row\">")?;
        self.escaped(heading)?;
        self.w.write_str("</th>")
    }
    fn grid_cell(&mut self) -> fmt::Result {
        self.w.write_str("<td><ul>")
    }
    fn grid_cell_end(&mut self) -> fmt::Result {
        self.w.write_str("</ul></td>")
    }
    fn grid_row_end(&mut self) -> fmt::Result {
        writeln!(self.w, "</tr>")
    }
    fn grid_end(&mut self) -> fmt::Result {
        writeln!(self.w, "</tbody>\n</table>")
    }
    fn list(&mut self, lang: Lang) -> fmt::Result {
        self.w.write_str("<ul")?;
        self.lang_attr(lang)?;
        writeln!(self.w, ">")
    }
    fn item(&mut self) -> fmt::Result {
        self.w.write_str("<li>")
    }
    fn item_end(&mut self) -> fmt::Result {
        self.w.write_str("</li>\n")
    }
    fn list_end(&mut self) -> fmt::Result {
        writeln!(self.w, "</ul>")
    }
}
