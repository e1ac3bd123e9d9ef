//! Findings counted per code, so that text output shows the first few of
//! each code per value and one note for the rest (a value with a million
//! repeated tokens stays readable). `lint` and `explain` share it.

use p3p::{Code, Diagnostic};

/// How many findings of one code a value shows in text before the rest are
/// only counted.
pub const SHOWN_PER_CODE: u64 = 5;

const CODES: usize = Code::ALL.len();

/// The findings of one value, counted per code.
#[derive(Clone, Copy, Debug)]
pub struct Tally {
    all: bool,
    seen: [u64; CODES],
    /// Offset of the first finding of each code that was not shown.
    first_hidden: [usize; CODES],
}

impl Tally {
    /// A tally that shows every finding when `all` is set.
    pub fn new(all: bool) -> Tally {
        Tally { all, seen: [0; CODES], first_hidden: [0; CODES] }
    }

    /// Counts a finding; says whether to show it.
    pub fn show(&mut self, d: &Diagnostic) -> bool {
        let k = Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0);
        let (Some(seen), Some(first_hidden)) = (self.seen.get_mut(k), self.first_hidden.get_mut(k)) else {
            return true;
        };
        *seen += 1;
        if self.all || *seen <= SHOWN_PER_CODE {
            return true;
        }
        if *seen == SHOWN_PER_CODE + 1 {
            *first_hidden = d.offset;
        }
        false
    }

    /// Whether any finding was counted.
    pub fn any(&self) -> bool {
        self.seen.iter().any(|n| *n > 0)
    }

    /// The findings not shown, per code: the offset of the first one, the
    /// code and how many, in input order.
    pub fn hidden(&self) -> Vec<(usize, Code, u64)> {
        let mut hidden: Vec<(usize, Code, u64)> = Code::ALL
            .iter()
            .zip(self.seen.iter().zip(&self.first_hidden))
            .filter(|(_, (seen, _))| **seen > SHOWN_PER_CODE && !self.all)
            .map(|(code, (seen, at))| (*at, *code, seen - SHOWN_PER_CODE))
            .collect();
        hidden.sort_unstable_by_key(|(at, code, _)| (*at, *code as u32));
        hidden
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use p3p::diag::Detail;

    fn d(code: Code, offset: usize) -> Diagnostic {
        Diagnostic { code, offset, len: 3, detail: Detail::None }
    }

    #[test]
    fn shows_five_per_code_and_counts_the_rest() {
        let mut t = Tally::new(false);
        assert!(!t.any());
        let shown: Vec<bool> = (0..8).map(|i| t.show(&d(Code::DuplicateToken, 10 + i))).collect();
        assert_eq!(shown, [true, true, true, true, true, false, false, false]);
        assert!(t.show(&d(Code::UnknownToken, 2)));
        for i in 0..6 {
            t.show(&d(Code::WrongCase, 1 + i));
        }
        assert_eq!(t.hidden(), [(6, Code::WrongCase, 1), (15, Code::DuplicateToken, 3)]);
        let mut all = Tally::new(true);
        assert!((0..8).all(|i| all.show(&d(Code::DuplicateToken, i))));
        assert!(all.hidden().is_empty() && all.any());
    }
}
