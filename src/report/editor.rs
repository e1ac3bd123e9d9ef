//! The editor's sections as plain text, laid out as the seed documents
//! show them: one block per line group with a blank line between blocks,
//! the token table as `TOKEN meaning` lines under its heading line, the
//! grid as a heading line, then per row its heading and the bullets of the
//! first-party column followed by those of the third-party column.

use core::fmt::{self, Write};

use super::document::Markup;
use super::escape::{Piece, Text};
use super::lang::Lang;

pub(super) struct Plain<'w, W: Write> {
    w: &'w mut W,
    bullet: &'static str,
    blocks: usize,
}

impl<'w, W: Write> Plain<'w, W> {
    pub(super) fn new(w: &'w mut W, lang: Lang) -> Self {
        Plain { w, bullet: lang.strings().editor.bullet, blocks: 0 }
    }

    /// Starts a block: a blank line after the previous one.
    fn block(&mut self) -> fmt::Result {
        self.blocks += 1;
        if self.blocks > 1 {
            self.w.write_char('\n')?;
        }
        Ok(())
    }
}

impl<W: Write> Markup for Plain<'_, W> {
    fn open(&mut self) -> fmt::Result {
        Ok(())
    }
    fn close(&mut self) -> fmt::Result {
        Ok(())
    }
    fn heading(&mut self, text: &str) -> fmt::Result {
        self.block()?;
        writeln!(self.w, "{text}")
    }
    fn paragraph(&mut self) -> fmt::Result {
        self.block()
    }
    fn paragraph_end(&mut self) -> fmt::Result {
        self.w.write_char('\n')
    }
    fn text(&mut self, text: &str) -> fmt::Result {
        self.w.write_str(text)
    }
    fn label(&mut self, label: &str) -> fmt::Result {
        write!(self.w, "{label}: ")
    }
    fn link(&mut self, url: &str) -> fmt::Result {
        self.w.write_str(url)
    }
    fn policy(&mut self) -> fmt::Result {
        self.block()
    }
    fn policy_piece(&mut self, piece: Piece<'_>) -> fmt::Result {
        piece.write_plain(self.w)
    }
    fn policy_end(&mut self) -> fmt::Result {
        self.w.write_char('\n')
    }
    fn table(&mut self, field: &str, meaning: &str, _: Lang) -> fmt::Result {
        self.block()?;
        writeln!(self.w, "{field} {meaning}")
    }
    fn row(&mut self, word: &[u8]) -> fmt::Result {
        write!(self.w, "{} ", Text(word))
    }
    fn row_end(&mut self) -> fmt::Result {
        self.w.write_char('\n')
    }
    fn row_note(&mut self, text: &str) -> fmt::Result {
        writeln!(self.w, "{text}")
    }
    fn table_end(&mut self) -> fmt::Result {
        Ok(())
    }
    fn grid(&mut self, corner: &str, columns: &[&str], _: Lang) -> fmt::Result {
        self.block()?;
        self.w.write_str(corner)?;
        for c in columns {
            write!(self.w, " {c}")?;
        }
        self.w.write_char('\n')
    }
    fn grid_row(&mut self, heading: &str) -> fmt::Result {
        writeln!(self.w, "{heading}")
    }
    fn grid_cell(&mut self) -> fmt::Result {
        Ok(())
    }
    fn grid_cell_end(&mut self) -> fmt::Result {
        Ok(())
    }
    fn grid_row_end(&mut self) -> fmt::Result {
        Ok(())
    }
    fn grid_end(&mut self) -> fmt::Result {
        Ok(())
    }
    fn list(&mut self, _: Lang) -> fmt::Result {
        self.block()
    }
    fn item(&mut self) -> fmt::Result {
        self.w.write_str(self.bullet)
    }
    fn item_end(&mut self) -> fmt::Result {
        self.w.write_char('\n')
    }
    fn list_end(&mut self) -> fmt::Result {
        Ok(())
    }
}
