//! The only unsafe code in the crate: turning C pointers into references,
//! and the panic boundary every export runs inside.

use core::panic::AssertUnwindSafe;

use super::types::*;

/// Runs an export's body; a panic becomes `P3P_STATUS_INTERNAL` instead of
/// unwinding into C (which would abort the process, killing an nginx worker).
pub(crate) fn guard(body: impl FnOnce() -> Result<(), p3p_status>) -> p3p_status {
    match std::panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => P3P_STATUS_OK,
        Ok(Err(status)) => status,
        Err(_) => P3P_STATUS_INTERNAL,
    }
}

/// Borrows `len` bytes at `ptr`. `(NULL, 0)` is the empty input;
/// `(NULL, n > 0)` is `P3P_STATUS_NULL_ARGUMENT`.
pub(crate) fn input<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], p3p_status> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(P3P_STATUS_NULL_ARGUMENT);
    }
    if len > isize::MAX as usize {
        return Err(P3P_STATUS_INVALID_ARGUMENT);
    }
    // SAFETY: the caller promises `ptr` points at `len` readable bytes that
    // stay valid and unmodified for the call (documented on every export);
    // we checked it is non-null and that `len` fits an allocation.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// Borrows an output buffer of `cap` bytes. `(NULL, 0)` is an empty buffer.
pub(crate) fn output<'a>(ptr: *mut u8, cap: usize) -> Result<&'a mut [u8], p3p_status> {
    if cap == 0 {
        return Ok(&mut []);
    }
    if ptr.is_null() {
        return Err(P3P_STATUS_NULL_ARGUMENT);
    }
    if cap > isize::MAX as usize {
        return Err(P3P_STATUS_INVALID_ARGUMENT);
    }
    // SAFETY: the caller promises `ptr` points at `cap` writable bytes, not
    // aliased by any input, for the duration of the call; checked non-null.
    Ok(unsafe { core::slice::from_raw_parts_mut(ptr, cap) })
}

/// Borrows an optional input struct (`NULL` gives `None`).
pub(crate) fn optional<'a, T>(ptr: *const T) -> Option<&'a T> {
    // SAFETY: a non-null pointer must point at a valid, aligned `T` for the
    // call (documented on every export that takes one).
    unsafe { ptr.as_ref() }
}

/// Borrows a required input struct.
pub(crate) fn required<'a, T>(ptr: *const T) -> Result<&'a T, p3p_status> {
    optional(ptr).ok_or(P3P_STATUS_NULL_ARGUMENT)
}

/// Writes an out-parameter; `NULL` is `P3P_STATUS_NULL_ARGUMENT`. Callers
/// compute every result first and write last, so nothing is written on failure.
pub(crate) fn write<T>(ptr: *mut T, value: T) -> Result<(), p3p_status> {
    if ptr.is_null() {
        return Err(P3P_STATUS_NULL_ARGUMENT);
    }
    // SAFETY: non-null, and the caller promises a valid, aligned, writable `T`.
    unsafe { ptr.write(value) };
    Ok(())
}

/// Checks an out-pointer before any work, so a NULL is reported before results are computed.
pub(crate) fn check_out<T>(ptr: *mut T) -> Result<(), p3p_status> {
    if ptr.is_null() {
        Err(P3P_STATUS_NULL_ARGUMENT)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_status() {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let s = guard(|| panic!("boom"));
        std::panic::set_hook(prev);
        assert_eq!(s, P3P_STATUS_INTERNAL);
        assert_eq!(guard(|| Err(P3P_STATUS_UNKNOWN_NAME)), P3P_STATUS_UNKNOWN_NAME);
        assert_eq!(guard(|| Ok(())), P3P_STATUS_OK);
    }

    #[test]
    fn null_with_length_is_refused() {
        assert_eq!(input(core::ptr::null(), 0), Ok(&[][..]));
        assert_eq!(input(core::ptr::null(), 3), Err(P3P_STATUS_NULL_ARGUMENT));
        assert!(output(core::ptr::null_mut(), 0).is_ok());
        assert_eq!(output(core::ptr::null_mut(), 1).err(), Some(P3P_STATUS_NULL_ARGUMENT));
    }
}
