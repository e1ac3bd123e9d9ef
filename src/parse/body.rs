//! Folding the words of a policy body into a [`Policy`], word by word, with
//! the findings about each word and, at the end, about the whole policy.
//! The state is the policy itself and a few counters, so a body of any size
//! is folded in constant space.

use crate::diag::{suggest, Code, Detail, Diagnostic, Sink};
use crate::lexer::{Lexeme, Word};
use crate::policy::*;
use crate::token::{Form, Group, Suffix, Token};

use super::{diag, form_diag, group_mask};

/// A policy body being read.
#[derive(Clone, Copy, Debug)]
pub(super) struct Body {
    /// The policy so far.
    p: Policy,
    /// Some ignored word was longer than a token.
    long_word: bool,
    /// Offset of the first byte of the body.
    start: usize,
}

impl Body {
    pub(super) const fn new(start: usize) -> Body {
        Body { p: Policy { flags: P3P_POLICY_PRESENT, ..Policy::ABSENT }, long_word: false, start }
    }

    /// Folds one word; `text` is the word, or its first
    /// [`EXCERPT_LEN`](crate::diag::EXCERPT_LEN) bytes when longer.
    #[inline]
    pub(super) fn word<S: Sink>(&mut self, w: Word, text: &[u8], sink: &mut S) {
        let p = &mut self.p;
        if sink.wants() {
            sink.word(w, text);
        }
        if w.lexeme == Lexeme::Control {
            p.flags |= P3P_POLICY_CONTROL_BYTES;
            p.mozilla |= P3P_MOZILLA_INVALID;
            sink.report_excerpt(diag(Code::ControlByte, w.offset, w.len), text);
            return;
        }
        p.word_count = p.word_count.saturating_add(1);
        match w.lexeme {
            Lexeme::Token { token, suffix } => {
                let s = suffix.unwrap_or(Suffix::Always);
                let repeated = match token.consent_index() {
                    Some(ci) => {
                        let bit = 1u32 << ci;
                        let same = match s {
                            Suffix::Always => p.always,
                            Suffix::OptOut => p.opt_out,
                            Suffix::OptIn => p.opt_in,
                        } & bit
                            != 0;
                        if !same && (p.always | p.opt_out | p.opt_in) & bit != 0 {
                            let d = form_diag(Code::ConflictingSuffix, w.offset, w.len, Form { token, suffix });
                            sink.report_excerpt(d, text);
                        }
                        same
                    }
                    None => p.has(token),
                };
                if repeated {
                    p.flags |= P3P_POLICY_DUPLICATE_TOKEN;
                    sink.report_excerpt(form_diag(Code::DuplicateToken, w.offset, w.len, Form { token, suffix }), text);
                }
                if suffix.is_some() && !token.suffix_in_grammar() {
                    p.flags |= P3P_POLICY_NONSTANDARD_SUFFIX;
                    let d = form_diag(Code::NonstandardSuffix, w.offset, w.len, Form { token, suffix: None });
                    sink.report_excerpt(d, text);
                }
                match token {
                    Token::TST => sink.report_excerpt(diag(Code::TestPolicy, w.offset, w.len), text),
                    Token::LOC => sink.report_excerpt(diag(Code::UnknownToIe6, w.offset, w.len), text),
                    _ => {}
                }
                p.insert(token, s);
            }
            other => {
                // A word longer than its excerpt is longer than any token.
                let whole = if w.len == text.len() { text } else { b"" };
                p.mozilla |= Policy::mozilla_word(whole);
                p.flags |= P3P_POLICY_HAS_INVALID;
                p.invalid_count = p.invalid_count.saturating_add(1);
                self.long_word |= w.len > 4;
                if sink.wants() {
                    let d = match other {
                        Lexeme::WrongCase(f) => form_diag(Code::WrongCase, w.offset, w.len, f),
                        Lexeme::SuffixNotAllowed(t) => {
                            form_diag(Code::SuffixNotAllowed, w.offset, w.len, Form { token: t, suffix: None })
                        }
                        _ => Diagnostic {
                            code: Code::UnknownToken,
                            offset: w.offset,
                            len: w.len,
                            detail: suggest(whole).map_or(Detail::None, Detail::Form),
                        },
                    };
                    sink.report_excerpt(d, text);
                }
            }
        }
    }

    /// Ends the body at `end` (one past its last byte): the findings about
    /// the whole policy, and the policy.
    pub(super) fn finish<S: Sink>(self, end: usize, sink: &mut S) -> Policy {
        let Body { mut p, long_word, start } = self;
        p.mozilla |= Policy::mozilla_of_tokens(p.tokens, p.always, p.opt_out, p.opt_in);
        let known = p.word_count - p.invalid_count;
        let body_len = end.saturating_sub(start);
        if p.word_count == 0 {
            p.flags |= P3P_POLICY_EMPTY;
            sink.report_excerpt(diag(Code::EmptyPolicy, start, body_len), b"");
        } else if long_word && p.invalid_count > known {
            p.flags |= P3P_POLICY_NOT_A_POLICY;
            sink.report_excerpt(diag(Code::NotAPolicy, start, body_len), b"");
        } else if sink.wants() {
            for (group, tokens) in REQUIRED_GROUPS {
                if p.tokens & tokens == 0 {
                    let d =
                        Diagnostic { code: Code::MissingGroup, offset: start, len: 0, detail: Detail::Group(group) };
                    sink.report_excerpt(d, b"");
                }
            }
            if p.tokens & crate::ie6::PII_MASK != 0 && p.tokens & group_mask(Group::Purpose) == 0 {
                sink.report_excerpt(diag(Code::PiiWithoutPurpose, start, body_len), b"");
            }
        }
        p
    }
}

/// The groups P3P 1.0 section 4.5 expects every compact policy to state.
const REQUIRED_GROUPS: [(Group, u64); 4] = [
    (Group::Purpose, group_mask(Group::Purpose)),
    (Group::Recipient, group_mask(Group::Recipient)),
    (Group::Retention, group_mask(Group::Retention)),
    (Group::Category, group_mask(Group::Category)),
];
