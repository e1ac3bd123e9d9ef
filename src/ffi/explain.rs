//! `p3p_explain`: the evaluation report in a format and language, for the
//! built-in IE6 model or a profile, with the command's cell selection.
#![allow(non_camel_case_types)]

use super::guard::{check_out, guard, input, optional};
use super::text::write_text;
use super::types::*;
use crate::ie6::{CookieKind, Party};
use crate::parse::Mode;
use crate::profile::{
    Profile, P3P_PROFILE_CUSTOM, P3P_PROFILE_IE6, P3P_PROFILE_IE6_STRICT, P3P_PROFILE_MOZILLA,
    P3P_PROFILE_MOZILLA_LEVELS,
};
use crate::report::{Format, Lang, NamedProfile, Options, ProfileSelect, Report};

/// Report format: the text report for people (`p3p explain`).
pub const P3P_FORMAT_TEXT: u32 = 0;
/// Report format: one JSON object (`p3p explain --json`), the same in
/// every language.
pub const P3P_FORMAT_JSON: u32 = 1;
/// Report format: the policy editor's "compact policy summary" and "policy
/// evaluation" sections as plain text.
pub const P3P_FORMAT_EDITOR: u32 = 2;
/// Report format: the same sections as a self-contained HTML fragment
/// (one `<section>`, escaped text, no script).
pub const P3P_FORMAT_HTML: u32 = 3;

/// Report language: English.
pub const P3P_LANG_EN: u32 = 0;
/// Report language: Italian.
pub const P3P_LANG_IT: u32 = 1;
/// Report language: Swedish.
pub const P3P_LANG_SV: u32 = 2;
/// Report language: Dutch.
pub const P3P_LANG_NL: u32 = 3;
/// Report language: German.
pub const P3P_LANG_DE: u32 = 4;

/// In `p3p_explain_options.level`, `.party` and `.cookie`: every value.
pub const P3P_EXPLAIN_ALL: u32 = 0xffff_ffff;

/// How `p3p_explain` writes its report. Start from
/// `p3p_explain_options_default()` and set the fields you need; a NULL
/// options pointer means those defaults.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct p3p_explain_options {
    /// `P3P_FORMAT_TEXT` (default), `P3P_FORMAT_JSON`, `P3P_FORMAT_EDITOR`
    /// or `P3P_FORMAT_HTML`.
    pub format: u32,
    /// `P3P_LANG_EN` (default), `P3P_LANG_IT`, `P3P_LANG_SV`,
    /// `P3P_LANG_NL` or `P3P_LANG_DE`. JSON ignores it.
    pub lang: u32,
    /// Show only this level, in the profile's numbering (`P3P_LEVEL_*` for
    /// IE6 and `ie6-strict`, `P3P_MOZILLA_LEVEL_*` for `mozilla`, 0 for
    /// profiles without levels), or `P3P_EXPLAIN_ALL` (default).
    pub level: u32,
    /// Show only this party (`P3P_PARTY_*`), or `P3P_EXPLAIN_ALL` (default).
    pub party: u32,
    /// Show only this cookie kind (`P3P_COOKIE_*`), or `P3P_EXPLAIN_ALL`
    /// (default).
    pub cookie: u32,
    /// Decide with this profile (borrowed for the call); NULL (default)
    /// means the built-in IE6 model, reported as the policy editor did.
    /// With a profile the text and JSON reports show the profile's
    /// decisions, as `p3p explain --profile` does; the editor and HTML
    /// formats take only `ie6` and `ie6-strict` profiles.
    pub profile: *const Profile,
    /// The profile's name as the report prints it (`len` bytes of UTF-8,
    /// borrowed for the call); NULL with 0 (default) names it after the
    /// profile (`ie6`, `ie6-strict`, `mozilla`, `mozilla:LETTERS`,
    /// `custom`).
    pub profile_name: *const u8,
    /// Length of `profile_name`.
    pub profile_name_len: usize,
}

impl Default for p3p_explain_options {
    fn default() -> Self {
        p3p_explain_options {
            format: P3P_FORMAT_TEXT,
            lang: P3P_LANG_EN,
            level: P3P_EXPLAIN_ALL,
            party: P3P_EXPLAIN_ALL,
            cookie: P3P_EXPLAIN_ALL,
            profile: core::ptr::null(),
            profile_name: core::ptr::null(),
            profile_name_len: 0,
        }
    }
}

/// The default options: text, English, every cell, the built-in IE6 model.
#[no_mangle]
pub extern "C" fn p3p_explain_options_default() -> p3p_explain_options {
    p3p_explain_options::default()
}

/// Writes the evaluation report for `value` into `out`, as the options ask
/// (NULL `options`: see `p3p_explain_options_default`): the text report
/// (tokens and what they mean, class and verdict, the 24 cells with
/// reasons, what makes the policy unsatisfactory, fixes, lint findings),
/// the JSON object the `p3p` command prints, or the policy editor's two
/// sections as plain text or HTML, in English, Italian, Swedish, Dutch or
/// German. `input_kind` is a `P3P_INPUT_*`. No NUL terminator is written.
///
/// Buffer protocol: with `(NULL, 0)` for `out`, returns `P3P_STATUS_OK`
/// and writes only `*out_len`, the length needed. With a buffer smaller
/// than that, returns `P3P_STATUS_BUFFER_TOO_SMALL`, writes the length
/// needed to `*out_len` and writes nothing into `out`. Otherwise writes the
/// report and its length. Off the hot path (the report is computed twice
/// when `out` is given: once to size it), but allocation-free.
///
/// Returns `P3P_STATUS_OK`, `P3P_STATUS_BUFFER_TOO_SMALL`,
/// `P3P_STATUS_NULL_ARGUMENT` (`out_len` NULL, `value` or `out` NULL with a
/// non-zero length) or `P3P_STATUS_INVALID_ARGUMENT` (an unknown input
/// kind, format, language, level, party or cookie kind; a level the
/// profile does not have; a profile value this library did not build; a
/// profile name that is not UTF-8; a profile other than `ie6` or
/// `ie6-strict` with `P3P_FORMAT_EDITOR` or `P3P_FORMAT_HTML`).
///
/// # Safety
/// `value` must point at `len` readable bytes; `options`, when not NULL, at
/// a `p3p_explain_options` whose pointers follow its documentation; `out`
/// at `out_cap` writable bytes; `out_len` at a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn p3p_explain(
    value: *const u8,
    len: usize,
    input_kind: u32,
    options: *const p3p_explain_options,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> p3p_status {
    guard(|| {
        let mode = match input_kind {
            P3P_INPUT_HEADER => Mode::Header,
            P3P_INPUT_TOKENS => Mode::Tokens,
            _ => return Err(P3P_STATUS_INVALID_ARGUMENT),
        };
        // SAFETY: `value` points at `len` readable bytes (# Safety).
        let s = unsafe { input(value, len) }?;
        check_out(out_len)?;
        // SAFETY: `options` is NULL or points at a `p3p_explain_options` (# Safety).
        let o = unsafe { optional(options) }.copied().unwrap_or_default();
        let format = Format::from_u32(o.format).ok_or(P3P_STATUS_INVALID_ARGUMENT)?;
        let lang = Lang::from_u32(o.lang).ok_or(P3P_STATUS_INVALID_ARGUMENT)?;
        let select = ProfileSelect {
            level: all_or(o.level, Some)?,
            party: all_or(o.party, Party::from_u32)?,
            cookie: all_or(o.cookie, CookieKind::from_u32)?,
        };
        let mut name_buf = [0u8; 16];
        // SAFETY: `o.profile` is NULL or points at a `p3p_profile` (the field's documentation).
        let profile = match unsafe { optional(o.profile) } {
            None => None,
            Some(p) => {
                // Also checks that the profile is one this library built.
                let default = default_name(p, &mut name_buf)?;
                // SAFETY: `profile_name` points at `profile_name_len` bytes (the field's documentation).
                let name = match unsafe { input(o.profile_name, o.profile_name_len) }? {
                    [] => default,
                    given => core::str::from_utf8(given).map_err(|_| P3P_STATUS_INVALID_ARGUMENT)?,
                };
                Some(NamedProfile { profile: p, name })
            }
        };
        let options = Options { select, profile };
        options.check(format).map_err(|_| P3P_STATUS_INVALID_ARGUMENT)?;
        let report = Report::new(s, mode);
        // The C API's one buffer rule: size, or fill, or nothing written.
        // SAFETY: `out` points at `out_cap` writable bytes and `out_len` at a `size_t` (# Safety).
        unsafe { write_text(out, out_cap, out_len, |w| report.write(w, format, lang, &options)) }
    })
}

/// `P3P_EXPLAIN_ALL` as `None`, anything else through `parse`.
fn all_or<T>(v: u32, parse: impl FnOnce(u32) -> Option<T>) -> Result<Option<T>, p3p_status> {
    if v == P3P_EXPLAIN_ALL {
        return Ok(None);
    }
    parse(v).map(Some).ok_or(P3P_STATUS_INVALID_ARGUMENT)
}

/// The name a profile is reported under when the caller gives none.
fn default_name<'a>(p: &Profile, buf: &'a mut [u8; 16]) -> Result<&'a str, p3p_status> {
    let fixed = match p.kind {
        P3P_PROFILE_IE6 => "ie6",
        P3P_PROFILE_IE6_STRICT => "ie6-strict",
        P3P_PROFILE_MOZILLA_LEVELS => "mozilla",
        P3P_PROFILE_CUSTOM => "custom",
        P3P_PROFILE_MOZILLA => {
            buf[..8].copy_from_slice(b"mozilla:");
            buf[8..].copy_from_slice(&p.mozilla[0]);
            return core::str::from_utf8(&buf[..]).map_err(|_| P3P_STATUS_INVALID_ARGUMENT);
        }
        _ => return Err(P3P_STATUS_INVALID_ARGUMENT),
    };
    Ok(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Format;

    #[test]
    fn numbers_match_the_rust_enums() {
        for (n, f) in
            [P3P_FORMAT_TEXT, P3P_FORMAT_JSON, P3P_FORMAT_EDITOR, P3P_FORMAT_HTML].into_iter().zip(Format::ALL)
        {
            assert_eq!(Format::from_u32(n), Some(f));
        }
        for (n, l) in [P3P_LANG_EN, P3P_LANG_IT, P3P_LANG_SV, P3P_LANG_NL, P3P_LANG_DE].into_iter().zip(Lang::ALL) {
            assert_eq!(Lang::from_u32(n), Some(l));
        }
        assert_eq!(Format::from_u32(4), None);
        assert_eq!(Lang::from_u32(5), None);
    }

    #[test]
    fn default_names() {
        let mut buf = [0u8; 16];
        let moz = Profile::builtin(b"mozilla:drdraaaa").unwrap();
        assert_eq!(default_name(&moz, &mut buf), Ok("mozilla:drdraaaa"));
        assert_eq!(default_name(&Profile::IE6_STRICT, &mut buf), Ok("ie6-strict"));
        let zeroed = Profile { kind: 0, ..Profile::IE6 };
        assert_eq!(default_name(&zeroed, &mut buf), Err(P3P_STATUS_INVALID_ARGUMENT));
    }
}
