//! Standard output as the commands write it: buffered, written as it is
//! produced, with the first write error kept (a reader that went away ends
//! the run quietly).

use std::fmt;
use std::io::{self, Write};

pub struct Out<W: Write> {
    inner: W,
    error: Option<io::Error>,
}

impl<W: Write> Out<W> {
    pub fn new(inner: W) -> Self {
        Out { inner, error: None }
    }

    pub fn bytes(&mut self, b: &[u8]) {
        if self.error.is_none() {
            if let Err(e) = self.inner.write_all(b) {
                self.error = Some(e);
            }
        }
    }

    /// Sends what is buffered, so a reader sees each value's output as soon
    /// as it is complete.
    pub fn flush(&mut self) {
        if self.error.is_none() {
            if let Err(e) = self.inner.flush() {
                self.error = Some(e);
            }
        }
    }

    pub fn failed(&self) -> bool {
        self.error.is_some()
    }

    #[cfg(test)]
    pub fn into_inner(self) -> W {
        self.inner
    }

    /// The first write error, if any.
    pub fn take_error(&mut self) -> Option<io::Error> {
        self.error.take()
    }
}

impl<W: Write> fmt::Write for Out<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.bytes(s.as_bytes());
        if self.failed() {
            Err(fmt::Error)
        } else {
            Ok(())
        }
    }
}
