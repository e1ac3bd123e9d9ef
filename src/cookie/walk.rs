//! The attribute walk: a `Set-Cookie` value's attributes one at a time,
//! each found by its own search for `;`. [`rewrite`](super::rewrite) uses it
//! on its own, and [`apply`](super::apply) when a value has more attributes
//! to change than one scan remembers. Simple and independent of the
//! scanner, so the tests can hold the two against each other.

use crate::ie6::Action;

use super::{Writer, LEASH_ATTR};

/// The attributes a rewrite changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Lifetime,
    SameSite,
    Other,
}

/// One `;`-separated attribute: its whole span (from its `;`), where its
/// name starts and what it is.
#[derive(Clone, Copy, Debug)]
struct Attr {
    /// Offset of the `;` that starts it.
    start: usize,
    /// One past its last byte.
    end: usize,
    /// Offset of the first byte of its name.
    name: usize,
    kind: Kind,
}

/// Up to eight bytes as a little-endian integer, with ASCII letters folded
/// to lower case (OR 0x20 leaves digits, `-`, `=` and space as they are,
/// and only the three names below are compared against it).
fn folded8(seg: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    for (d, s) in w.iter_mut().zip(seg) {
        *d = *s;
    }
    u64::from_le_bytes(w) | 0x2020_2020_2020_2020
}

const fn name8(n: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < n.len() {
        v |= (n[i] as u64) << (8 * i);
        i += 1;
    }
    v
}

/// What an attribute is, read as RFC 6265 section 5.2 reads it: the name
/// is everything before the first `=` (or the whole attribute), without
/// surrounding white space, compared without regard to case. `seg` starts
/// at the name (leading white space skipped); `Max-Age junk=0` is `Other`.
fn kind_of(seg: &[u8]) -> Kind {
    const SEVEN: u64 = (1 << 56) - 1;
    let w = folded8(seg);
    let (kind, len) = if w & SEVEN == name8(b"expires") || w & SEVEN == name8(b"max-age") {
        (Kind::Lifetime, 7)
    } else if w == name8(b"samesite") {
        (Kind::SameSite, 8)
    } else {
        return Kind::Other;
    };
    // The fold maps only `\r` besides the letters and `-` onto these names,
    // and control bytes were refused before; what follows the name must be
    // white space up to the `=` or the end, or it is another attribute.
    match seg.get(len..) {
        Some(rest) if rest.iter().take_while(|b| **b != b'=').all(|b| *b == b' ' || *b == b'\t') => kind,
        _ => Kind::Other,
    }
}

/// Iterates the attributes after the `name=value` pair.
fn attrs(s: &[u8]) -> impl Iterator<Item = Attr> + '_ {
    let mut pos = memchr::memchr(b';', s).unwrap_or(s.len());
    core::iter::from_fn(move || {
        let rest = s.get(pos + 1..)?;
        let start = pos;
        let end = memchr::memchr(b';', rest).map_or(s.len(), |k| start + 1 + k);
        pos = end;
        let seg = s.get(start + 1..end).unwrap_or(&[]);
        let name = start + 1 + (seg.len() - seg.trim_ascii_start().len());
        let kind = kind_of(s.get(name..end).unwrap_or(&[]));
        Some(Attr { start, end, name, kind })
    })
}

/// Writes the rewrite of `s` (free of control bytes) for `action` to `w`,
/// whose capacity was checked.
pub(super) fn rewrite_into(s: &[u8], action: Action, w: &mut Writer<'_>) {
    match action {
        Action::Block | Action::Prompt => {}
        Action::Accept => w.put(s),
        Action::Downgrade => {
            // Copy runs of kept bytes in one go; skip each lifetime attribute.
            let mut kept = 0;
            for a in attrs(s).filter(|a| a.kind == Kind::Lifetime) {
                w.put(s.get(kept..a.start).unwrap_or(&[]));
                kept = a.end;
            }
            w.put(s.get(kept..).unwrap_or(&[]));
        }
        Action::Leash => {
            let mut kept = 0;
            let mut done = false;
            for a in attrs(s).filter(|a| a.kind == Kind::SameSite) {
                if done {
                    w.put(s.get(kept..a.start).unwrap_or(&[]));
                } else {
                    // Keep the attribute where it stood, with its spacing.
                    w.put(s.get(kept..a.name).unwrap_or(&[]));
                    w.put(b"SameSite=Lax");
                    done = true;
                }
                kept = a.end;
            }
            w.put(s.get(kept..).unwrap_or(&[]));
            if !done {
                w.put(LEASH_ATTR);
            }
        }
    }
}
