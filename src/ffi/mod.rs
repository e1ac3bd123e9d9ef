//! The C ABI. Every item here is exported from `libp3p` and declared in
//! `include/p3p.h`, which cbindgen generates from these comments.
//!
//! Conventions (see the README, "C API conventions"):
//! * Inputs are `(const uint8_t *ptr, size_t len)`, never NUL-terminated.
//!   `(NULL, 0)` is the empty input; `(NULL, n > 0)` is
//!   `P3P_STATUS_NULL_ARGUMENT`.
//! * Fallible functions return a `p3p_status`; results go to out-parameters,
//!   which are written only when the status is `P3P_STATUS_OK`. Functions
//!   that write text follow one rule (`text.rs`): `(NULL, 0)` asks for the
//!   size, a buffer too small gets `P3P_STATUS_BUFFER_TOO_SMALL` with the
//!   size needed in `*out_len` and nothing in `out`.
//! * Enum-like arguments are `uint32_t` constants; unknown values give
//!   `P3P_STATUS_INVALID_ARGUMENT`.
//! * No function allocates, keeps a pointer after it returns, or uses global
//!   state: all are reentrant and thread-safe. Panics never cross the
//!   boundary: they become `P3P_STATUS_INTERNAL`.

mod apply;
pub mod explain;
pub mod guard;
mod plan;
mod text;
pub mod types;

use core::ffi::{c_char, CStr};
use core::fmt::Write;

use crate::cookie::{self, CookieError};
use crate::diag::{Detail, Diagnostic};
use crate::ie6::{self, Action, CookieKind, Level, Party, Reason, Verdict};
use crate::lexer::Words;
use crate::parse::{self, Mode};
use crate::policy::Policy;
use crate::profile::{DecideError, Profile, ProfileClass};
pub use apply::{p3p_cookie_apply, p3p_profile_cookie_apply};
pub use explain::*;
use guard::{check_out, guard, input, optional, output, required, write, Failure};
pub use plan::{p3p_cookie_plan, p3p_cookie_plan_apply, p3p_cookie_plan_make, p3p_profile_cookie_plan};
use text::write_text;
use types::*;

/// The ABI version of this header and library. It changes whenever a struct
/// layout, a constant's value or a function signature changes.
pub const P3P_ABI_VERSION: u32 = 3;

fn level(v: u32) -> Result<Level, p3p_status> {
    Level::from_u32(v).ok_or(P3P_STATUS_INVALID_ARGUMENT)
}

fn party(v: u32) -> Result<Party, p3p_status> {
    Party::from_u32(v).ok_or(P3P_STATUS_INVALID_ARGUMENT)
}

fn mode(v: u32) -> Result<Mode, p3p_status> {
    match v {
        P3P_INPUT_HEADER => Ok(Mode::Header),
        P3P_INPUT_TOKENS => Ok(Mode::Tokens),
        _ => Err(P3P_STATUS_INVALID_ARGUMENT),
    }
}

/// Reads one `Set-Cookie` value and decides it with `decide` (skipped for a
/// deletion, which always passes). `now` of 0 or less means no clock.
fn decide_one_cookie(
    s: &[u8],
    now: i64,
    decide: impl Fn(CookieKind) -> Result<ie6::Decision, p3p_status>,
) -> Result<p3p_cookie_decision, p3p_status> {
    let mut failed = None;
    let now = (now > 0).then_some(now);
    let (d, info) = cookie::decide_cookie(s, now, |kind| {
        decide(kind).unwrap_or_else(|status| {
            failed = Some(status);
            ie6::Decision { action: Action::Block, reason: Reason::BlockAll }
        })
    })
    .map_err(cookie_status)?;
    match failed {
        Some(status) => Err(status),
        None => Ok(p3p_cookie_decision::new(d, info)),
    }
}

fn cookie_status(e: CookieError) -> p3p_status {
    match e {
        CookieError::ControlByte(_) => P3P_STATUS_COOKIE_CONTROL_BYTE,
        CookieError::BufferTooSmall { .. } => P3P_STATUS_BUFFER_TOO_SMALL,
    }
}

/// Parses a `P3P` header field value, such as
/// `policyref="/w3c/p3p.xml", CP="NOI DSP COR"`, into `*out`.
///
/// The first `CP` directive counts; a value without one gives a policy that
/// is not present (the "no policy" column). Never fails on any bytes: odd
/// input sets `P3P_POLICY_*` flags in `out->flags` (use `p3p_diagnostics`
/// for the details). Several `P3P` header lines may be passed joined with
/// commas. Does not allocate.
///
/// * `value`: `len` bytes, borrowed for the call; NULL only when `len` is 0.
/// * `out`: written on success.
///
/// Returns `P3P_STATUS_OK`, or `P3P_STATUS_NULL_ARGUMENT` (`out` NULL, or
/// `value` NULL with `len` > 0).
///
/// # Safety
/// `value` must point at `len` readable bytes; `out` at a writable `p3p_policy`.
#[no_mangle]
pub unsafe extern "C" fn p3p_policy_parse(value: *const u8, len: usize, out: *mut Policy) -> p3p_status {
    guard(|| {
        check_out(out)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let p = parse::parse_header(unsafe { input(value, len) }?);
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out, p) }
    })
}

/// Parses a bare token list such as `NOI DSP COR` (the body of a compact
/// policy, as written in configuration) into `*out`. The result is always a
/// present policy. Same contract as `p3p_policy_parse`.
///
/// # Safety
/// `tokens` must point at `len` readable bytes; `out` at a writable `p3p_policy`.
#[no_mangle]
pub unsafe extern "C" fn p3p_policy_parse_tokens(tokens: *const u8, len: usize, out: *mut Policy) -> p3p_status {
    guard(|| {
        check_out(out)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let p = parse::parse_tokens(unsafe { input(tokens, len) }?);
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out, p) }
    })
}

/// Classifies a policy for the `ie6` profile: writes a `P3P_CLASS_*` to
/// `*out_class`. `policy` may be NULL, meaning no policy. For another
/// profile's view use `p3p_profile_class`.
///
/// Returns `P3P_STATUS_OK` or `P3P_STATUS_NULL_ARGUMENT` (`out_class` NULL).
///
/// # Safety
/// `policy` is NULL or points at a `p3p_policy`; `out_class` at a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_policy_class(policy: *const Policy, out_class: *mut u32) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let class = unsafe { optional(policy) }.map_or(ie6::Class::NoPolicy, ie6::classify);
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_class, class as u32) }
    })
}

/// Writes the policy's `P3P_VERDICT_*` for the `ie6` profile to
/// `*out_verdict`: satisfactory when every cell of the four middle levels
/// accepts. `policy` may be NULL. For another profile's view use
/// `p3p_profile_verdict`.
///
/// Returns `P3P_STATUS_OK` or `P3P_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// `policy` is NULL or points at a `p3p_policy`; `out_verdict` at a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_policy_verdict(policy: *const Policy, out_verdict: *mut u32) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let class = unsafe { optional(policy) }.map_or(ie6::Class::NoPolicy, ie6::classify);
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_verdict, ie6::verdict_for(class) as u32) }
    })
}

/// Decides one cell: what IE6 at `level` (`P3P_LEVEL_*`) does with a cookie
/// of kind `cookie` (`P3P_COOKIE_*`) set in context `party`
/// (`P3P_PARTY_*`) under `policy` (NULL = the response has no policy).
/// Writes the action and reason to `*out`. Constant time, no allocation.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` (`out` NULL) or
/// `P3P_STATUS_INVALID_ARGUMENT` (an integer out of range).
///
/// # Safety
/// `policy` is NULL or points at a `p3p_policy`; `out` at a writable `p3p_decision`.
#[no_mangle]
pub unsafe extern "C" fn p3p_decide(
    policy: *const Policy,
    level: u32,
    party: u32,
    cookie: u32,
    out: *mut p3p_decision,
) -> p3p_status {
    guard(|| -> Result<(), Failure> {
        let (l, p) = (self::level(level)?, self::party(party)?);
        let k = CookieKind::from_u32(cookie).ok_or(P3P_STATUS_INVALID_ARGUMENT)?;
        check_out(out)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        Ok(unsafe { write(out, ie6::decide(optional(policy), l, p, k).into()) }?)
    })
}

/// Decides all 24 cells at once into `*out` (`cells[party][cookie][level]`).
/// `policy` may be NULL (no policy).
///
/// Returns `P3P_STATUS_OK` or `P3P_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// `policy` is NULL or points at a `p3p_policy`; `out` at a writable `p3p_grid`.
#[no_mangle]
pub unsafe extern "C" fn p3p_decide_grid(policy: *const Policy, out: *mut p3p_grid) -> p3p_status {
    guard(|| {
        check_out(out)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let class = unsafe { optional(policy) }.map_or(ie6::Class::NoPolicy, ie6::classify);
        let mut grid = p3p_grid::default();
        for p in Party::ALL {
            for k in [CookieKind::Session, CookieKind::Persistent] {
                for l in Level::ALL {
                    grid.cells[p as usize][k as usize][l as usize] = ie6::decide_class(class, l, p, k).into();
                }
            }
        }
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out, grid) }
    })
}

/// Decides what to do with one `Set-Cookie` header value under `policy`
/// (NULL = no policy) at `level` in context `party`: reads the cookie's
/// name and whether it is persistent, and writes the action to apply to
/// `*out`. A header that deletes a cookie (`Max-Age` <= 0, or `Expires` not
/// after `now`) is always accepted, so blocking never keeps old data alive.
///
/// * `set_cookie`: the header value, `len` bytes, borrowed for the call.
/// * `now`: seconds since the Unix epoch, or 0 or less to skip the
///   `Expires`-in-the-past check.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT`,
/// `P3P_STATUS_INVALID_ARGUMENT` or `P3P_STATUS_COOKIE_CONTROL_BYTE` (the
/// value holds a control byte; the caller decides, the library does not).
///
/// # Safety
/// `policy` is NULL or points at a `p3p_policy`; `set_cookie` at `len`
/// readable bytes; `out` at a writable `p3p_cookie_decision`.
#[no_mangle]
pub unsafe extern "C" fn p3p_cookie_decide(
    policy: *const Policy,
    level: u32,
    party: u32,
    set_cookie: *const u8,
    len: usize,
    now: i64,
    out: *mut p3p_cookie_decision,
) -> p3p_status {
    guard(|| {
        let (l, p) = (self::level(level)?, self::party(party)?);
        // SAFETY: the pointers are valid as the # Safety section requires.
        let s = unsafe { input(set_cookie, len) }?;
        check_out(out)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let policy = unsafe { optional(policy) };
        let d = decide_one_cookie(s, now, |kind| Ok(ie6::decide(policy, l, p, kind)))?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out, d) }
    })
}

/// Rewrites a `Set-Cookie` header value for `action` into `out`:
/// accept copies it unchanged; downgrade removes `Expires` and `Max-Age`;
/// leash sets `SameSite=Lax` (replacing another SameSite value); block and
/// prompt write nothing (the caller removes the header). Attributes are
/// read as RFC 6265 reads them: the name before the first `=`, trimmed,
/// in any case.
///
/// * The size needed is the capacity the action requires, known from `len`
///   alone, so the caller can size the buffer once: `len` for accept and
///   downgrade, `len + P3P_COOKIE_LEASH_EXTRA` for a leash, 0 for block and
///   prompt. The text written may be shorter.
/// * `(NULL, 0)` for `out` asks for that size: `P3P_STATUS_OK` and
///   `*out_len` is the size. A smaller buffer: `P3P_STATUS_BUFFER_TOO_SMALL`,
///   the size in `*out_len`, nothing in `out`. Otherwise `*out_len` receives
///   the bytes written.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT`,
/// `P3P_STATUS_INVALID_ARGUMENT` (unknown action),
/// `P3P_STATUS_BUFFER_TOO_SMALL` or `P3P_STATUS_COOKIE_CONTROL_BYTE`. On
/// any other failure than a buffer too small, nothing is written to `out`
/// or `*out_len`.
///
/// # Safety
/// `set_cookie` must point at `len` readable bytes, `out` at `out_cap`
/// writable bytes not overlapping the input, `out_len` at a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_cookie_rewrite(
    set_cookie: *const u8,
    len: usize,
    action: u32,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> p3p_status {
    guard(|| {
        let a = Action::from_u32(action).ok_or(P3P_STATUS_INVALID_ARGUMENT)?;
        check_out(out_len)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let (s, buf) = unsafe { (input(set_cookie, len)?, output(out, out_cap)?) };
        let query = out.is_null() && out_cap == 0;
        // `rewrite` checks the bytes and the capacity before it writes.
        let (n, status) = match cookie::rewrite(s, a, buf) {
            Ok(n) => (if query { cookie::capacity_for(a, s.len()) } else { n }, Ok(())),
            Err(CookieError::BufferTooSmall { needed }) if query => (needed, Ok(())),
            Err(CookieError::BufferTooSmall { needed }) => (needed, Err(P3P_STATUS_BUFFER_TOO_SMALL)),
            Err(e) => return Err(cookie_status(e)),
        };
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_len, n) }?;
        status
    })
}

/// Finds every diagnostic in `value` (a header value when `input_kind` is
/// `P3P_INPUT_HEADER`, a token list when `P3P_INPUT_TOKENS`) and writes the
/// first `out_cap` of them to `out`, in the order found: findings about
/// words in input order, then findings about the whole policy (missing
/// groups, not a policy), whose offset is the start of the policy;
/// `*out_count` receives how many there are in all (which may exceed
/// `out_cap`). `(NULL, 0)` for `out` just counts. The findings are counted
/// before any is written, so `out` and `*out_count` are written only when
/// the status is `P3P_STATUS_OK`.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` or
/// `P3P_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `value` must point at `len` readable bytes; `out` at `out_cap` writable
/// `p3p_diagnostic`s; `out_count` at a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_diagnostics(
    value: *const u8,
    len: usize,
    input_kind: u32,
    out: *mut p3p_diagnostic,
    out_cap: usize,
    out_count: *mut usize,
) -> p3p_status {
    guard(|| {
        let m = mode(input_kind)?;
        check_out(out_count)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let (s, buf) = unsafe { (input(value, len)?, output(out, out_cap)?) };
        let mut total = 0usize;
        parse::parse_with(s, m, &mut |_: Diagnostic| total += 1);
        if !buf.is_empty() {
            let mut n = 0usize;
            parse::parse_with(s, m, &mut |d: Diagnostic| {
                if let Some(slot) = buf.get_mut(n) {
                    *slot = d.into();
                }
                n += 1;
            });
        }
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_count, total) }
    })
}

/// Formats a diagnostic as one line of text (no NUL terminator) into `out`,
/// for example `unknown token "CURR"; did you mean "CUR"?`. `value` and
/// `len` must be the input the diagnostic was found in. `(NULL, 0)` for
/// `out` asks for the length: `P3P_STATUS_OK` with it in `*out_len`. A
/// buffer too small gets `P3P_STATUS_BUFFER_TOO_SMALL`, the length needed
/// in `*out_len`, and nothing in `out`.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT`,
/// `P3P_STATUS_INVALID_ARGUMENT` (not a diagnostic this library made) or
/// `P3P_STATUS_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `diag` must point at a `p3p_diagnostic`; `value` at `len` readable bytes;
/// `out` at `out_cap` writable bytes; `out_len` at a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_diagnostic_message(
    diag: *const p3p_diagnostic,
    value: *const u8,
    len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let d = unsafe { required(diag) }?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let s = unsafe { input(value, len) }?;
        check_out(out_len)?;
        let d = Diagnostic {
            code: crate::diag::Code::from_u32(d.code).ok_or(P3P_STATUS_INVALID_ARGUMENT)?,
            offset: d.offset,
            len: d.len,
            detail: Detail::unpack(d.detail).ok_or(P3P_STATUS_INVALID_ARGUMENT)?,
        };
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write_text(out, out_cap, out_len, |w| d.write_message(s, w)) }
    })
}

/// Builds the `P3P` header field value `CP="..."` for a token list (words
/// joined by single spaces) into `out`. `(NULL, 0)` for `out` asks for the
/// length (`P3P_STATUS_OK`, length in `*out_len`); a buffer too small gets
/// `P3P_STATUS_BUFFER_TOO_SMALL`, the length needed in `*out_len` and
/// nothing in `out`. Validate the list first with `p3p_diagnostics`.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT`,
/// `P3P_STATUS_BUFFER_TOO_SMALL`, or `P3P_STATUS_POLICY_UNSENDABLE` when the
/// list holds a quote, backslash, control byte or invalid UTF-8, which would
/// corrupt the header.
///
/// # Safety
/// `tokens` must point at `len` readable bytes; `out` at `out_cap` writable
/// bytes; `out_len` at a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_header_value(
    tokens: *const u8,
    len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let s = unsafe { input(tokens, len) }?;
        check_out(out_len)?;
        if s.iter().any(|&b| b == b'"' || b == b'\\' || b == 0x7f || (b < 0x20 && b != b'\t' && b != b' ')) {
            return Err(P3P_STATUS_POLICY_UNSENDABLE);
        }
        let format = |w: &mut text::SliceWriter<'_>| {
            w.write_str("CP=\"")?;
            for (i, word) in Words::new(s).enumerate() {
                if i > 0 {
                    w.write_char(' ')?;
                }
                let bytes = s.get(word.offset..word.offset + word.len).unwrap_or(&[]);
                for chunk in bytes.utf8_chunks() {
                    w.write_str(chunk.valid())?;
                    if !chunk.invalid().is_empty() {
                        return Err(core::fmt::Error);
                    }
                }
            }
            w.write_char('"')
        };
        // SAFETY: the pointers are valid as the # Safety section requires.
        match unsafe { write_text(out, out_cap, out_len, format) } {
            Err(P3P_STATUS_INVALID_ARGUMENT) => Err(P3P_STATUS_POLICY_UNSENDABLE),
            other => other,
        }
    })
}

fn profile_status(_: DecideError) -> p3p_status {
    P3P_STATUS_INVALID_ARGUMENT
}

/// Compiles an IE6 privacy-import file (`MSIEPrivacy` /
/// `MSIEPrivacySettings formatVersion="6"`) into `*out`, a custom profile.
///
/// Only the `p3pCookiePolicy zone="internet"` policy is used (`intranet` and
/// `trusted` ones are checked, then ignored); it needs `firstParty` and
/// `thirdParty` with `noPolicyDefault`, `noRuleDefault` (`accept`, `prompt`,
/// `forceFirstParty` = leash, `forceSession` = downgrade, `reject` = block)
/// and `alwaysAllowSession` (`yes`/`no`), and up to `P3P_PROFILE_MAX_RULES`
/// ordered `<if expr="..." action="..."/>` rules each. `expr` is terms
/// joined by `,` (all must hold), each a compact-policy token with an
/// optional `!` (must be absent); `CON` matches only the plain/`a` form,
/// `CONo` and `CONi` are separate. `MSIESiteRules`, `alwaysReplayLegacy`,
/// `flushCookies` and `flushSiteList` are ignored. Files over 1 MiB are
/// refused.
///
/// This is the one function that allocates, and only while it runs: the
/// profile it writes is a plain value that deciding never allocates with.
///
/// * `xml`: `len` bytes of UTF-8, borrowed for the call.
/// * `out`: written only on success; on failure it is left untouched, so a
///   previous profile stays in use.
/// * `err`: may be NULL; written only when the status is
///   `P3P_STATUS_PROFILE_INVALID`, with the first error (line and column
///   from 1) and the number of errors.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` (`out` NULL, or
/// `xml` NULL with `len` > 0) or `P3P_STATUS_PROFILE_INVALID`.
///
/// # Safety
/// `xml` must point at `len` readable bytes; `out` at a writable
/// `p3p_profile`; `err` is NULL or points at a writable `p3p_profile_error`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_load(
    xml: *const u8,
    len: usize,
    out: *mut Profile,
    err: *mut p3p_profile_error,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let s = unsafe { input(xml, len) }?;
        check_out(out)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write_loaded(Profile::load(s), out, err) }
    })
}

/// Writes a loaded profile to `*out`, or the first error and the count to
/// `*err` (when not NULL).
///
/// # Safety
/// `out` points at a writable `p3p_profile`; `err` is NULL or points at a
/// writable `p3p_profile_error`.
unsafe fn write_loaded(
    loaded: Result<Profile, Vec<crate::profile::LoadError>>,
    out: *mut Profile,
    err: *mut p3p_profile_error,
) -> Result<(), p3p_status> {
    match loaded {
        // SAFETY: forwarded from the caller.
        Ok(p) => unsafe { write(out, p) },
        Err(errors) => {
            if let (Some(first), false) = (errors.first(), err.is_null()) {
                let mut e = p3p_profile_error::from(first);
                e.count = errors.len() as u32;
                // SAFETY: forwarded from the caller.
                unsafe { write(err, e) }?;
            }
            Err(P3P_STATUS_PROFILE_INVALID)
        }
    }
}

/// `p3p_profile_load` from a file: checks `path` before reading it, then
/// compiles it. A path that is not a regular file (a directory, a device
/// such as `/dev/zero`, a FIFO, a socket) is refused after a `stat`, before
/// anything is opened for reading (`P3P_PROFILE_ERROR_NOT_A_FILE`); a file
/// larger than 1 MiB is refused by its size (`P3P_PROFILE_ERROR_TOO_LARGE`),
/// and no more than 1 MiB and one byte is ever read; a file that cannot be
/// opened or read gives `P3P_PROFILE_ERROR_OPEN` or `_READ` with the
/// system's reason in `detail`. These errors about the file itself have
/// line and column 0. Memory stays bounded whatever the path names.
///
/// * `path`: `len` bytes, not NUL-terminated, relative to the working
///   directory unless absolute.
/// * `out`, `err`: as `p3p_profile_load` (`out` written only on success;
///   `err` may be NULL).
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` or
/// `P3P_STATUS_PROFILE_INVALID` (any error, in the file or about it).
///
/// # Safety
/// `path` must point at `len` readable bytes; `out` at a writable
/// `p3p_profile`; `err` is NULL or points at a writable `p3p_profile_error`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_load_file(
    path: *const u8,
    len: usize,
    out: *mut Profile,
    err: *mut p3p_profile_error,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let path = unsafe { input(path, len) }?;
        check_out(out)?;
        let path = std::path::Path::new(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(path));
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write_loaded(Profile::load_file(path), out, err) }
    })
}

/// `sizeof(p3p_profile)` as this library was built: for bindings that
/// allocate the value themselves (it is larger than most stacks like).
#[no_mangle]
pub extern "C" fn p3p_profile_size() -> usize {
    core::mem::size_of::<Profile>()
}

/// The class of `policy` (NULL = no policy) as `profile` sees it, a
/// `P3P_CLASS_*`: for `ie6` as `p3p_policy_class`; for `ie6-strict` the
/// same, except that an invalid policy is `P3P_CLASS_NO_POLICY`; for
/// Mozilla profiles Mozilla's classes (`_NO_POLICY`, `_NO_CONSENT`,
/// `_IMPLICIT`, `_EXPLICIT`); for custom profiles `_NO_POLICY` (no policy,
/// or `TST`) or `_RULES`.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` or
/// `P3P_STATUS_INVALID_ARGUMENT` (not a profile this library built).
///
/// # Safety
/// `profile` must point at a `p3p_profile`; `policy` is NULL or points at a
/// `p3p_policy`; `out_class` at a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_class(
    profile: *const Profile,
    policy: *const Policy,
    out_class: *mut u32,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let (pr, policy) = unsafe { (required(profile)?, optional(policy)) };
        check_out(out_class)?;
        let class = pr.class_of(policy).map_err(profile_status)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_class, class as u32) }
    })
}

/// The verdict on `policy` (NULL = no policy) as `profile` sees it, a
/// `P3P_VERDICT_*`: `_NO_POLICY` when its class is `P3P_CLASS_NO_POLICY`;
/// `_SATISFACTORY` when the profile accepts every cookie, first- and
/// third-party, session and persistent, at every level where the policy
/// matters (the four middle IE6 levels, the four Mozilla presets, or the
/// one rule set); `_UNSATISFACTORY` otherwise. For `ie6` this is
/// `p3p_policy_verdict`.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` or
/// `P3P_STATUS_INVALID_ARGUMENT` (not a profile this library built).
///
/// # Safety
/// `profile` must point at a `p3p_profile`; `policy` is NULL or points at a
/// `p3p_policy`; `out_verdict` at a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_verdict(
    profile: *const Profile,
    policy: *const Policy,
    out_verdict: *mut u32,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let (pr, policy) = unsafe { (required(profile)?, optional(policy)) };
        check_out(out_verdict)?;
        let verdict = pr.verdict_of(policy).map_err(profile_status)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_verdict, verdict as u32) }
    })
}

/// Writes a built-in profile into `*out`. `name` is one of:
///
/// * `ie6`: the six IE6 levels (`P3P_LEVEL_*`), as `p3p_decide`;
/// * `ie6-strict`: the same, but a present policy that is invalid (a word
///   that is not a token, `CP=""`, free text, control bytes, an
///   unterminated quote: `P3P_POLICY_HAS_INVALID`, `_EMPTY`,
///   `_NOT_A_POLICY`, `_CONTROL_BYTES`, `_UNTERMINATED`) counts as no policy;
/// * `mozilla`: Mozilla's classifier with the four presets as levels
///   (`P3P_MOZILLA_LEVEL_LOW`, `_MEDIUM`, `_HIGH`, `_DEFAULT`);
/// * `mozilla:low`, `mozilla:medium`, `mozilla:high`, `mozilla:default`
///   (`afafaaaa`, `ffffaaaa`, `frfradaa`, `drdraaaa`), or `mozilla:` and
///   exactly eight letters: one matrix, indexed `2 * (class - 1) + party`
///   with classes no policy, no consent, implicit, explicit (or no
///   identifiable data); `a` accept, `d` downgrade, `f` accept (Mozilla's
///   flag), anything else block. The level is ignored.
///
/// Names ignore ASCII case; the eight letters do not. Does not allocate.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` or
/// `P3P_STATUS_UNKNOWN_NAME` (also for a letter string not exactly eight
/// long).
///
/// # Safety
/// `name` must point at `len` readable bytes; `out` at a writable `p3p_profile`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_builtin(name: *const u8, len: usize, out: *mut Profile) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let n = unsafe { input(name, len) }?;
        check_out(out)?;
        let p = Profile::builtin(n).ok_or(P3P_STATUS_UNKNOWN_NAME)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out, p) }
    })
}

/// Parses a level name of `profile` into the number `p3p_profile_decide`
/// takes: for `ie6` and `ie6-strict` the `P3P_LEVEL_*` names (as
/// `p3p_level_parse`), for `mozilla` `low`, `medium`, `high`, `default`
/// (`P3P_MOZILLA_LEVEL_*`); profiles that ignore the level accept only
/// `profile` (giving 0). Any ASCII case.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT`,
/// `P3P_STATUS_UNKNOWN_NAME` or `P3P_STATUS_INVALID_ARGUMENT` (not a
/// profile this library built).
///
/// # Safety
/// `profile` must point at a `p3p_profile`; `name` at `len` readable bytes;
/// `out_level` at a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_level_parse(
    profile: *const Profile,
    name: *const u8,
    len: usize,
    out_level: *mut u32,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let p = unsafe { required(profile) }?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let n = unsafe { input(name, len) }?;
        check_out(out_level)?;
        if !(crate::profile::P3P_PROFILE_IE6..=crate::profile::P3P_PROFILE_CUSTOM).contains(&p.kind) {
            return Err(P3P_STATUS_INVALID_ARGUMENT);
        }
        let l = p.level_from_key(n).ok_or(P3P_STATUS_UNKNOWN_NAME)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_level, l) }
    })
}

/// Decides one cell with a profile: what `profile` at `level` does with a
/// cookie of kind `cookie` (`P3P_COOKIE_*`) set in context `party`
/// (`P3P_PARTY_*`) under `policy` (NULL = the response has no policy).
/// `level` is a `P3P_LEVEL_*` for `ie6`/`ie6-strict`, a
/// `P3P_MOZILLA_LEVEL_*` for `mozilla`, and ignored (pass 0) by
/// `mozilla:LETTERS` and custom profiles. Writes the action and reason to
/// `*out`. Custom profiles: a session cookie with `alwaysAllowSession`
/// accepts (`P3P_REASON_PROFILE_SESSION_ALLOWED`); no policy, or `TST`,
/// gives `noPolicyDefault` (`P3P_REASON_PROFILE_NO_POLICY`); else the first
/// matching rule (`P3P_REASON_RULE_MATCHED`), else `noRuleDefault`
/// (`P3P_REASON_NO_RULE_MATCHED`). Constant time for the built-in
/// profiles, one pass over the rules for custom ones; no allocation.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` (`profile` or `out`
/// NULL) or `P3P_STATUS_INVALID_ARGUMENT` (an integer out of range, or a
/// profile value this library did not build).
///
/// # Safety
/// `profile` must point at a `p3p_profile`; `policy` is NULL or points at a
/// `p3p_policy`; `out` at a writable `p3p_decision`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_decide(
    profile: *const Profile,
    policy: *const Policy,
    level: u32,
    party: u32,
    cookie: u32,
    out: *mut p3p_decision,
) -> p3p_status {
    guard(|| -> Result<(), Failure> {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let pr = unsafe { required(profile) }?;
        // Both are 0 or 1: one compare for the two.
        if (party | cookie) > 1 {
            return Err(P3P_STATUS_INVALID_ARGUMENT.into());
        }
        let p = if party == P3P_PARTY_FIRST { Party::First } else { Party::Third };
        let k = if cookie == P3P_COOKIE_SESSION { CookieKind::Session } else { CookieKind::Persistent };
        check_out(out)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let policy = unsafe { optional(policy) };
        // A custom rule set is decided inline and written from its own
        // branch (a shared tail would pack and unpack the result); the
        // built-in kinds are one call.
        let o = match pr.rule_set(p) {
            Some(set) => set.decide(policy, k).map_err(profile_status)?,
            None => {
                let o = pr.decide(policy, level, p, k).map_err(profile_status)?;
                // SAFETY: the pointers are valid as the # Safety section requires.
                return Ok(unsafe { write(out, o.decision.into()) }?);
            }
        };
        // SAFETY: the pointers are valid as the # Safety section requires.
        Ok(unsafe { write(out, o.decision.into()) }?)
    })
}

/// `p3p_cookie_decide` with a profile: reads one `Set-Cookie` header
/// value's name and kind and writes the action `profile` takes at `level`
/// (as `p3p_profile_decide`) in context `party` under `policy` (NULL = no
/// policy) to `*out`. A header that deletes a cookie (`Max-Age` <= 0, or
/// `Expires` not after `now`) is always accepted. `now`: seconds since the
/// Unix epoch, or 0 or less to skip the `Expires` check. No allocation.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT`,
/// `P3P_STATUS_INVALID_ARGUMENT` or `P3P_STATUS_COOKIE_CONTROL_BYTE`.
///
/// # Safety
/// `profile` must point at a `p3p_profile`; `policy` is NULL or points at a
/// `p3p_policy`; `set_cookie` at `len` readable bytes; `out` at a writable
/// `p3p_cookie_decision`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_cookie_decide(
    profile: *const Profile,
    policy: *const Policy,
    level: u32,
    party: u32,
    set_cookie: *const u8,
    len: usize,
    now: i64,
    out: *mut p3p_cookie_decision,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let pr = unsafe { required(profile) }?;
        let p = self::party(party)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let s = unsafe { input(set_cookie, len) }?;
        check_out(out)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        let policy = unsafe { optional(policy) };
        let decide = |kind| pr.decide(policy, level, p, kind).map(|o| o.decision).map_err(profile_status);
        let d = decide_one_cookie(s, now, decide);
        // A deletion passes, and an unreadable cookie fails, without a
        // decision: a bad level or profile is still reported first.
        if d.as_ref().map_or_else(|e| *e == P3P_STATUS_COOKIE_CONTROL_BYTE, |d| d.flags & P3P_COOKIE_FLAG_DELETION != 0)
        {
            decide(CookieKind::Persistent)?;
        }
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out, d?) }
    })
}

/// The message of a `P3P_PROFILE_ERROR_*` (`"unknown token"`), or
/// `"unknown"`. Static, NUL-terminated; never NULL.
#[no_mangle]
pub extern "C" fn p3p_profile_error_str(code: u32) -> *const c_char {
    crate::profile::error_message_c(code).unwrap_or(UNKNOWN).as_ptr()
}

/// Formats a profile error as one line, `LINE:COLUMN: message: "detail"`
/// (no NUL terminator), into `out`; an error about the file itself (line
/// 0) is `message: detail`, for example `not a regular file: it is a
/// directory`. `(NULL, 0)` for `out` asks for the length (`P3P_STATUS_OK`,
/// length in `*out_len`); a buffer too small gets
/// `P3P_STATUS_BUFFER_TOO_SMALL`, the length needed in `*out_len` and
/// nothing in `out`.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT`,
/// `P3P_STATUS_INVALID_ARGUMENT` (an unknown code or a detail that is not
/// UTF-8) or `P3P_STATUS_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `err` must point at a `p3p_profile_error`; `out` at `out_cap` writable
/// bytes; `out_len` at a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_profile_error_message(
    err: *const p3p_profile_error,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let e = unsafe { required(err) }?;
        check_out(out_len)?;
        let code = crate::profile::ErrorCode::from_u32(e.code).ok_or(P3P_STATUS_INVALID_ARGUMENT)?;
        let detail = e.detail.get(..e.detail_len as usize).ok_or(P3P_STATUS_INVALID_ARGUMENT)?;
        let detail = core::str::from_utf8(detail).map_err(|_| P3P_STATUS_INVALID_ARGUMENT)?;
        let format = |w: &mut text::SliceWriter<'_>| crate::profile::write_error(w, code, e.line, e.column, detail);
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write_text(out, out_cap, out_len, format) }
    })
}

/// Parses a level name (`block_all`, `high`, `medium_high`, `medium`, `low`,
/// `accept_all`; any case, `-` for `_`) into a `P3P_LEVEL_*`.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` or
/// `P3P_STATUS_UNKNOWN_NAME`.
///
/// # Safety
/// `name` must point at `len` readable bytes; `out_level` at a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_level_parse(name: *const u8, len: usize, out_level: *mut u32) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let l = Level::from_key(unsafe { input(name, len) }?).ok_or(P3P_STATUS_UNKNOWN_NAME)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_level, l as u32) }
    })
}

/// Parses a party name (`first`, `third`; also `first_party`, `1st`, ...)
/// into a `P3P_PARTY_*`.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_NULL_ARGUMENT` or
/// `P3P_STATUS_UNKNOWN_NAME`.
///
/// # Safety
/// `name` must point at `len` readable bytes; `out_party` at a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_party_parse(name: *const u8, len: usize, out_party: *mut u32) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let p = Party::from_name(unsafe { input(name, len) }?).ok_or(P3P_STATUS_UNKNOWN_NAME)?;
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_party, p as u32) }
    })
}

/// Derives the party from a request's Fetch Metadata: third-party when
/// `Sec-Fetch-Site` is `cross-site` and `Sec-Fetch-Dest` is not `document`
/// (a top-level navigation from another site is first-party, as in IE);
/// first-party otherwise, including when the headers are absent (pass
/// `(NULL, 0)`). Values are compared without regard to case or surrounding
/// spaces.
///
/// Returns `P3P_STATUS_OK` or `P3P_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// `site` and `dest` must point at their lengths of readable bytes;
/// `out_party` at a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_party_from_fetch(
    site: *const u8,
    site_len: usize,
    dest: *const u8,
    dest_len: usize,
    out_party: *mut u32,
) -> p3p_status {
    guard(|| {
        // SAFETY: the pointers are valid as the # Safety section requires.
        let p = party_from_fetch(unsafe { input(site, site_len) }?, unsafe { input(dest, dest_len) }?);
        // SAFETY: the pointers are valid as the # Safety section requires.
        unsafe { write(out_party, p as u32) }
    })
}

/// The party of a request from its `Sec-Fetch-*` headers (docs/party.md).
pub fn party_from_fetch(site: &[u8], dest: &[u8]) -> Party {
    if site.trim_ascii().eq_ignore_ascii_case(b"cross-site") && !dest.trim_ascii().eq_ignore_ascii_case(b"document") {
        Party::Third
    } else {
        Party::First
    }
}

/// The name of a `P3P_ACTION_*` (`"downgrade"`), or `"unknown"`. Static,
/// NUL-terminated; never NULL.
#[no_mangle]
pub extern "C" fn p3p_action_str(action: u32) -> *const c_char {
    Action::from_u32(action).map_or(UNKNOWN, |a| a.name_c()).as_ptr()
}

/// The name of a `P3P_CLASS_*` (`"implicit"`, `"no_consent"`), or
/// `"unknown"`. Static, NUL-terminated; never NULL.
#[no_mangle]
pub extern "C" fn p3p_class_str(class: u32) -> *const c_char {
    ProfileClass::ALL.get(class as usize).map_or(UNKNOWN, |c| c.name_c()).as_ptr()
}

/// The stable name of a `P3P_DIAG_*` code (`"duplicate_token"`, as the
/// command's JSON and the README's table give it), or `"unknown"`. Static,
/// NUL-terminated; never NULL.
#[no_mangle]
pub extern "C" fn p3p_diagnostic_code_str(code: u32) -> *const c_char {
    crate::diag::Code::from_u32(code).map_or(UNKNOWN, diag_code_c).as_ptr()
}

fn diag_code_c(code: crate::diag::Code) -> &'static CStr {
    use crate::diag::Code::*;
    match code {
        UnknownToken => c"unknown_token",
        WrongCase => c"wrong_case",
        SuffixNotAllowed => c"suffix_not_allowed",
        DuplicateToken => c"duplicate_token",
        ConflictingSuffix => c"conflicting_suffix",
        EmptyPolicy => c"empty_policy",
        SecondCpIgnored => c"second_cp_ignored",
        UnterminatedQuote => c"unterminated_quote",
        ControlByte => c"control_byte",
        NoCompactPolicy => c"no_compact_policy",
        NonstandardSuffix => c"nonstandard_suffix",
        MissingGroup => c"missing_group",
        NotAPolicy => c"not_a_policy",
        TestPolicy => c"test_policy",
        UnquotedValue => c"unquoted_value",
        TrailingText => c"trailing_text",
        UnknownToIe6 => c"unknown_to_ie6",
        PiiWithoutPurpose => c"pii_without_purpose",
    }
}

/// The name of a `P3P_VERDICT_*` (`"satisfactory"`), or `"unknown"`. Static,
/// NUL-terminated; never NULL.
#[no_mangle]
pub extern "C" fn p3p_verdict_str(verdict: u32) -> *const c_char {
    [Verdict::NoPolicy, Verdict::Satisfactory, Verdict::Unsatisfactory]
        .get(verdict as usize)
        .map_or(UNKNOWN, |v| v.name_c())
        .as_ptr()
}

/// The key of a `P3P_LEVEL_*` (`"medium_high"`), or `"unknown"`. Static,
/// NUL-terminated; never NULL.
#[no_mangle]
pub extern "C" fn p3p_level_str(level: u32) -> *const c_char {
    Level::from_u32(level).map_or(UNKNOWN, |l| l.key_c()).as_ptr()
}

/// The sentence for a `P3P_REASON_*`, as the evaluation report prints it,
/// or `"unknown"`. Static, NUL-terminated; never NULL.
#[no_mangle]
pub extern "C" fn p3p_reason_str(reason: u32) -> *const c_char {
    Reason::from_u32(reason).map_or(UNKNOWN, |r| r.sentence_c()).as_ptr()
}

/// A short description of a status, for logs (`"output buffer too small"`).
/// Static, NUL-terminated, never NULL, for any value.
#[no_mangle]
pub extern "C" fn p3p_status_str(status: u32) -> *const c_char {
    let s: &CStr = match status {
        P3P_STATUS_OK => c"ok",
        P3P_STATUS_NULL_ARGUMENT => c"a required pointer argument is NULL",
        P3P_STATUS_INVALID_ARGUMENT => c"an argument is out of range",
        P3P_STATUS_BUFFER_TOO_SMALL => c"output buffer too small",
        P3P_STATUS_UNKNOWN_NAME => c"unknown name",
        P3P_STATUS_COOKIE_CONTROL_BYTE => c"the Set-Cookie value contains a control byte",
        P3P_STATUS_POLICY_UNSENDABLE => c"the token list holds a quote, backslash or control byte",
        P3P_STATUS_PROFILE_INVALID => c"the profile file has errors",
        P3P_STATUS_INTERNAL => c"internal error in libp3p (a caught panic)",
        _ => c"unknown status",
    };
    s.as_ptr()
}

/// The library version, such as `"0.1.0"`. Static, NUL-terminated.
#[no_mangle]
pub extern "C" fn p3p_version() -> *const c_char {
    VERSION_C.as_ptr()
}

/// The ABI version the library was built with; compare it with the
/// `P3P_ABI_VERSION` macro of the header you compiled against.
#[no_mangle]
pub extern "C" fn p3p_abi_version() -> u32 {
    P3P_ABI_VERSION
}

const UNKNOWN: &CStr = c"unknown";

const VERSION_C: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
    Ok(c) => c,
    Err(_) => c"unknown",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_code_names_are_the_stable_names() {
        for c in crate::diag::Code::ALL {
            assert_eq!(diag_code_c(c).to_str().unwrap(), c.name());
        }
    }

    #[test]
    fn class_names_extend_the_ie6_names() {
        for c in ie6::Class::ALL {
            assert_eq!(ProfileClass::from(c) as u32, c as u32);
            assert_eq!(ProfileClass::from(c).name(), c.name());
        }
        assert_eq!(ProfileClass::NoConsent as u32, P3P_CLASS_NO_CONSENT);
        assert_eq!(ProfileClass::Rules as u32, P3P_CLASS_RULES);
        for (i, c) in ProfileClass::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
    }
}
