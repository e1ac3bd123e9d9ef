//! Turning C pointers into references, and the panic boundary every export
//! runs inside. The pointer helpers are `unsafe fn`s: each caller states,
//! in a `SAFETY` comment, why the pointers it passes are valid, so no safe
//! code in the crate can misuse them; debug builds also assert alignment.

use core::num::NonZeroU32;
use core::panic::AssertUnwindSafe;

use super::types::*;

/// Runs an export's body; a panic becomes `P3P_STATUS_INTERNAL` instead of
/// unwinding into C (which would abort the process, killing an nginx worker).
/// The body fails with a `p3p_status` or, on the hottest calls, a
/// [`Failure`], whose result is already the status the call returns.
#[inline(always)]
pub(crate) fn guard<E: Status>(body: impl FnOnce() -> Result<(), E>) -> p3p_status {
    match std::panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => P3P_STATUS_OK,
        Ok(Err(status)) => status.status(),
        Err(_) => P3P_STATUS_INTERNAL,
    }
}

/// What an export's body fails with.
pub(crate) trait Status {
    /// The status the export returns.
    fn status(self) -> p3p_status;
}

impl Status for p3p_status {
    #[inline(always)]
    fn status(self) -> p3p_status {
        self
    }
}

/// A failing status, never `P3P_STATUS_OK`: `Result<(), Failure>` is laid
/// out as one `u32` that is 0 on success, so it is already the status the
/// export returns, where `Result<(), p3p_status>` is a tag and a value to
/// unpack on every call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Failure(NonZeroU32);

impl From<p3p_status> for Failure {
    #[inline(always)]
    fn from(status: p3p_status) -> Failure {
        // Only a failing status is ever converted; 0 would be a bug, and is
        // reported as one rather than as success.
        const INTERNAL: NonZeroU32 = match NonZeroU32::new(P3P_STATUS_INTERNAL) {
            Some(s) => s,
            None => panic!("P3P_STATUS_INTERNAL is 0"),
        };
        Failure(NonZeroU32::new(status).unwrap_or(INTERNAL))
    }
}

impl Status for Failure {
    #[inline(always)]
    fn status(self) -> p3p_status {
        self.0.get()
    }
}

/// Borrows `len` bytes at `ptr`. `(NULL, 0)` is the empty input;
/// `(NULL, n > 0)` is `P3P_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// When `len > 0` and `ptr` is not NULL, `ptr` must point at `len` readable
/// bytes that stay valid and unmodified for `'a` (the export's call).
pub(crate) unsafe fn input<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], p3p_status> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(P3P_STATUS_NULL_ARGUMENT);
    }
    if len > isize::MAX as usize {
        return Err(P3P_STATUS_INVALID_ARGUMENT);
    }
    // SAFETY: non-null, `len` fits an allocation, and the caller promises
    // `len` readable bytes for `'a`.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// Borrows an output array of `cap` elements. `(NULL, 0)` is an empty one.
///
/// # Safety
/// When `cap > 0` and `ptr` is not NULL, `ptr` must point at `cap`
/// writable, aligned `T`s, aliased by nothing else, for `'a`.
pub(crate) unsafe fn output<'a, T>(ptr: *mut T, cap: usize) -> Result<&'a mut [T], p3p_status> {
    if cap == 0 {
        return Ok(&mut []);
    }
    if ptr.is_null() {
        return Err(P3P_STATUS_NULL_ARGUMENT);
    }
    if cap.checked_mul(core::mem::size_of::<T>()).is_none_or(|bytes| bytes > isize::MAX as usize) {
        return Err(P3P_STATUS_INVALID_ARGUMENT);
    }
    debug_assert!(ptr.is_aligned(), "misaligned output array");
    // SAFETY: non-null, the size fits an allocation, and the caller
    // promises `cap` writable, aligned, unaliased elements for `'a`.
    Ok(unsafe { core::slice::from_raw_parts_mut(ptr, cap) })
}

/// Borrows an optional input struct (`NULL` gives `None`).
///
/// # Safety
/// A non-null `ptr` must point at a valid, aligned `T` that stays valid and
/// unmodified for `'a`.
pub(crate) unsafe fn optional<'a, T>(ptr: *const T) -> Option<&'a T> {
    debug_assert!(ptr.is_aligned(), "misaligned input struct");
    // SAFETY: the caller promises a valid, aligned `T` when non-null.
    unsafe { ptr.as_ref() }
}

/// Borrows a required input struct.
///
/// # Safety
/// As [`optional`].
pub(crate) unsafe fn required<'a, T>(ptr: *const T) -> Result<&'a T, p3p_status> {
    // SAFETY: forwarded to the caller.
    unsafe { optional(ptr) }.ok_or(P3P_STATUS_NULL_ARGUMENT)
}

/// Writes an out-parameter; `NULL` is `P3P_STATUS_NULL_ARGUMENT`. Callers
/// compute every result first and write last, so nothing is written on failure.
///
/// # Safety
/// A non-null `ptr` must point at writable, aligned memory for a `T`.
pub(crate) unsafe fn write<T>(ptr: *mut T, value: T) -> Result<(), p3p_status> {
    if ptr.is_null() {
        return Err(P3P_STATUS_NULL_ARGUMENT);
    }
    debug_assert!(ptr.is_aligned(), "misaligned out-parameter");
    // SAFETY: non-null, and the caller promises a writable, aligned `T`.
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
        let s = guard(|| -> Result<(), p3p_status> { panic!("boom") });
        std::panic::set_hook(prev);
        assert_eq!(s, P3P_STATUS_INTERNAL);
        assert_eq!(guard(|| Err(P3P_STATUS_UNKNOWN_NAME)), P3P_STATUS_UNKNOWN_NAME);
        assert_eq!(guard(|| -> Result<(), p3p_status> { Ok(()) }), P3P_STATUS_OK);
    }

    #[test]
    fn null_with_length_is_refused() {
        // SAFETY: NULL pointers, which the helpers check before any use.
        unsafe {
            assert_eq!(input(core::ptr::null(), 0), Ok(&[][..]));
            assert_eq!(input(core::ptr::null(), 3), Err(P3P_STATUS_NULL_ARGUMENT));
            assert!(output(core::ptr::null_mut::<u8>(), 0).is_ok());
            assert_eq!(output(core::ptr::null_mut::<u8>(), 1).err(), Some(P3P_STATUS_NULL_ARGUMENT));
            assert_eq!(output(core::ptr::null_mut::<u64>(), usize::MAX / 4).err(), Some(P3P_STATUS_NULL_ARGUMENT));
            let mut x = [0u64; 1];
            assert_eq!(output(x.as_mut_ptr(), usize::MAX / 4).err(), Some(P3P_STATUS_INVALID_ARGUMENT));
            assert_eq!(write(core::ptr::null_mut::<u32>(), 1), Err(P3P_STATUS_NULL_ARGUMENT));
            assert_eq!(required(core::ptr::null::<u32>()), Err(P3P_STATUS_NULL_ARGUMENT));
        }
    }

    #[test]
    fn a_failure_is_its_status_and_success_is_zero() {
        assert_eq!(core::mem::size_of::<Result<(), Failure>>(), 4);
        for status in [P3P_STATUS_NULL_ARGUMENT, P3P_STATUS_INVALID_ARGUMENT, P3P_STATUS_PROFILE_INVALID] {
            assert_eq!(guard(|| -> Result<(), Failure> { Err(status.into()) }), status);
        }
        assert_eq!(guard(|| -> Result<(), Failure> { Ok(()) }), P3P_STATUS_OK);
        // A status of 0 given as a failure is a bug: it never reads as success.
        assert_eq!(guard(|| -> Result<(), Failure> { Err(P3P_STATUS_OK.into()) }), P3P_STATUS_INTERNAL);
    }
}
