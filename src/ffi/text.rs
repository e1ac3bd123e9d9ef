//! Text into caller buffers, by one rule for every text-producing function:
//!
//! * `(NULL, 0)` asks for the size: `P3P_STATUS_OK`, and `*out_len` is the
//!   size needed;
//! * a buffer too small gets `P3P_STATUS_BUFFER_TOO_SMALL`, the size needed
//!   in `*out_len`, and nothing in `out`;
//! * otherwise the text is written and `*out_len` is its length.
//!
//! The text is formatted once to measure it and once more to write it, so
//! `out` is only touched when everything fits: nothing is half-written.

use core::fmt::{self, Write};

use super::guard::{output, write};
use super::types::*;

/// Runs `f` into the caller's buffer by the rule above, writing `*out_len`.
/// A formatter error that is not a full buffer is
/// `P3P_STATUS_INVALID_ARGUMENT`, with nothing written.
///
/// # Safety
/// `out` is NULL or points at `out_cap` writable bytes; `out_len` at a
/// writable `size_t` (checked non-null by the caller).
pub(crate) unsafe fn write_text(
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
    f: impl Fn(&mut SliceWriter<'_>) -> fmt::Result,
) -> Result<(), p3p_status> {
    // SAFETY: forwarded from the caller.
    let buf = unsafe { output(out, out_cap) }?;
    let needed = measure(&f)?;
    let query = out.is_null() && out_cap == 0;
    if query || needed > buf.len() {
        // SAFETY: forwarded from the caller.
        unsafe { write(out_len, needed) }?;
        return if query { Ok(()) } else { Err(P3P_STATUS_BUFFER_TOO_SMALL) };
    }
    let n = fill(buf, &f)?;
    // SAFETY: forwarded from the caller.
    unsafe { write(out_len, n) }
}

fn measure(f: &impl Fn(&mut SliceWriter<'_>) -> fmt::Result) -> Result<usize, p3p_status> {
    let mut w = SliceWriter { buf: &mut [], len: 0, counting: true };
    f(&mut w).map_err(|_| P3P_STATUS_INVALID_ARGUMENT)?;
    Ok(w.len)
}

fn fill(buf: &mut [u8], f: &impl Fn(&mut SliceWriter<'_>) -> fmt::Result) -> Result<usize, p3p_status> {
    let mut w = SliceWriter { buf, len: 0, counting: false };
    // The text was measured and fits; a failure here would be a formatter
    // that is not deterministic.
    f(&mut w).map_err(|_| P3P_STATUS_INTERNAL)?;
    Ok(w.len)
}

/// Writes into a fixed slice and fails when it is full; or, when counting,
/// only adds up lengths.
pub(crate) struct SliceWriter<'a> {
    buf: &'a mut [u8],
    len: usize,
    counting: bool,
}

impl Write for SliceWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        if !self.counting {
            self.buf.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
        }
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_written_unless_it_all_fits() {
        let f = |w: &mut SliceWriter<'_>| w.write_str("hello, world");
        let mut buf = [b'#'; 16];
        let mut n = 99usize;
        // SAFETY: a valid buffer and out-pointer; NULL only with 0.
        unsafe {
            assert_eq!(write_text(core::ptr::null_mut(), 0, &mut n, f), Ok(()));
            assert_eq!(n, 12);
            n = 99;
            assert_eq!(write_text(buf.as_mut_ptr(), 11, &mut n, f), Err(P3P_STATUS_BUFFER_TOO_SMALL));
            assert_eq!((n, buf), (12, [b'#'; 16]));
            assert_eq!(write_text(buf.as_mut_ptr(), 0, &mut n, f), Err(P3P_STATUS_BUFFER_TOO_SMALL));
            assert_eq!(write_text(core::ptr::null_mut(), 5, &mut n, f), Err(P3P_STATUS_NULL_ARGUMENT));
            assert_eq!(write_text(buf.as_mut_ptr(), 12, &mut n, f), Ok(()));
            assert_eq!((n, &buf[..13]), (12, &b"hello, world#"[..]));
            let bad = |w: &mut SliceWriter<'_>| w.write_str("x").and(Err(fmt::Error));
            let mut buf = [b'#'; 4];
            n = 7;
            assert_eq!(write_text(buf.as_mut_ptr(), 4, &mut n, bad), Err(P3P_STATUS_INVALID_ARGUMENT));
            assert_eq!((n, buf), (7, [b'#'; 4]));
        }
    }
}
