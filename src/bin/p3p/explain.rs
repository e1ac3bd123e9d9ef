//! `p3p explain`: the evaluation report of each value, written to standard
//! output as it is produced. The report is computed from the value held in
//! memory (a value on standard input is read whole first); nothing else
//! grows with it.

use std::io::Write;

use p3p::explain::{NamedProfile, ProfileSelect, Report, Select};

use crate::out::Out;
use crate::shape::Shape;

/// What every value's report shows.
pub struct Options<'p> {
    pub json: bool,
    pub select: Select,
    pub profile: Option<(NamedProfile<'p>, ProfileSelect)>,
}

/// Writes the report of one value; `first` is false for every value after
/// the first (text reports are separated by a line `----`).
pub fn value<W: Write>(out: &mut Out<W>, bytes: &[u8], shape: &Shape, first: bool, opts: &Options<'_>) {
    let text = bytes.get(shape.start..shape.end).unwrap_or(&[]);
    let report = Report::new(text, shape.mode);
    if !first && !opts.json {
        out.bytes(b"\n----\n\n");
    }
    // Output errors stay in `out`; the caller looks there.
    let _ = match (opts.json, opts.profile) {
        (false, None) => report.write_text(out, opts.select),
        (true, None) => report.write_json(out, opts.select),
        (false, Some((p, select))) => report.write_profile_text(out, p, select),
        (true, Some((p, select))) => report.write_profile_json(out, p, select),
    };
    if opts.json {
        out.bytes(b"\n");
    }
}
