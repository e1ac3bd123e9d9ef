//! # p3p
//!
//! A zero-allocation engine for P3P compact policies: the `P3P: CP="..."`
//! response header that Internet Explorer 6 read with every cookie.
//!
//! A compact policy is a list of three-letter tokens (P3P 1.0, section 4):
//! who may access the data (`NOI`, `CAO`, ...), remedies (`DSP`, `COR`),
//! purposes (`CUR`, `ADM`, `CON`, ...) and recipients (`OUR`, `DEL`, ...)
//! which may carry a consent suffix (`a` always, `o` opt-out, `i` opt-in),
//! retention (`BUS`, `IND`, ...) and data categories (`PHY`, `ONL`, ...).
//! IE6 classified the policy and, by the user's privacy level, the context
//! (first or third party) and the cookie's lifetime, accepted the cookie,
//! downgraded it to a session cookie, leashed it to first-party use, or
//! blocked it.
//!
//! The library does that work on the server:
//!
//! * [`parse_header`] / [`parse_tokens`]: bytes to a fixed-size [`Policy`],
//!   one pass, no allocation, no failure; [`parse_with`] also reports
//!   [`Diagnostic`]s with byte offsets.
//! * [`ie6::classify`] and [`ie6::decide`]: the IE6 profile's class and the
//!   decision for each of the 24 cells (6 levels x party x cookie kind).
//! * [`report::Report`]: the evaluation report as text, JSON, or the
//!   policy editor's sections as plain text or HTML, in five languages.
//! * [`cookie`]: is a `Set-Cookie` persistent, and the downgrade and leash
//!   rewrites into a caller buffer.
//! * A C ABI (`include/p3p.h`) over all of it, for the nginx module.
//!
//! ```
//! use p3p::ie6::{Action, CookieKind, Level, Party};
//!
//! let policy = p3p::parse_header(br#"CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA""#);
//! let d = p3p::ie6::decide(Some(&policy), Level::Medium, Party::Third, CookieKind::Persistent);
//! assert_eq!(d.action, Action::Block);
//! assert_eq!(d.reason.sentence(), "Opt-out is not provided for all unsatisfactory purposes and recipients, so the cookie will be blocked.");
//! ```
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(clippy::undocumented_unsafe_blocks)]
// Nothing in the library may panic on purpose: every fallible path returns.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

/// cbindgen:ignore
pub mod cookie;
/// cbindgen:ignore
pub mod diag;
mod fast;
pub mod ffi;
/// cbindgen:ignore
pub mod ie6;
/// cbindgen:ignore
pub mod lexer;
/// cbindgen:ignore
pub mod parse;
pub mod policy;
pub mod profile;
/// cbindgen:ignore
pub mod report;
/// cbindgen:ignore
pub mod token;

/// The report under its earlier name: everything [`report`] exports, for
/// callers written before the module was renamed.
///
/// cbindgen:ignore
pub mod explain {
    pub use crate::report::*;
}

pub use diag::{Code, Diagnostic, Severity};
pub use parse::{parse_header, parse_header_with, parse_tokens, parse_tokens_with, parse_with, Mode};
pub use policy::Policy;
pub use profile::Profile;
pub use token::{Suffix, Token};

/// The library version (from Cargo.toml).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
