//! Holds no code: this package exists to pin the nginx-src crate.
