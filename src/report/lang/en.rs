//! English. The grid labels and the deployment note are the policy
//! editor's own wording (the German seed document keeps that note in
//! English); the other paragraphs render the seed documents' sections in
//! English.

use super::{Cells, Editor, Fix, GridLabels, Lang, Note, Sentences, Strings, Text};

pub static STRINGS: Strings = Strings {
    editor: Editor {
        summary_heading: "Compact Policy Summary",
        policy_intro: "The compact policy that corresponds to this policy is:",
        table_intro: "The following table explains the meaning of each field of the compact policy.",
        field: "Field",
        meaning: "Meaning",
        table_lang: Lang::En,
        deployment: (
            "The compact policy is sent by the Web server along with the cookies it describes. \
             For more information, see the P3P deployment guide at ",
            ".",
        ),
        evaluation_heading: "Policy Evaluation",
        preamble: "Microsoft Internet Explorer 6 evaluates the compact policy of this policy whenever it is used \
                   with a cookie. What IE does depends on the privacy level the user has chosen in the browser \
                   (Low, Medium, Medium High or High; the default is Medium). IE also considers whether the \
                   cookie's policy is satisfactory or unsatisfactory, whether the cookie is a session cookie or a \
                   persistent one, and whether it is used in a first-party or a third-party context. This section \
                   compares the compact policy of this policy with the behaviour Microsoft states for IE6.",
        disclaimer: "Note: this evaluation is experimental and is no substitute for testing with a real web browser.",
        verdicts: [
            (
                "No compact policy",
                "the response carries no compact policy (or only a test policy), so Internet Explorer 6 treats \
                 its cookies as cookies without a policy, as follows:",
            ),
            (
                "Satisfactory policy",
                "this compact policy is considered satisfactory under the rules defined by Internet Explorer 6. \
                 Internet Explorer 6 accepts the cookies set under this compact policy at every privacy level \
                 except Block All Cookies.",
            ),
            (
                "Unsatisfactory policy",
                "this compact policy is considered unsatisfactory under the rules defined by Internet Explorer 6. \
                 Internet Explorer 6 handles the cookies set under this compact policy as follows:",
            ),
        ],
        bullet: "  \u{2022} ",
        categories_intro: "A policy that Internet Explorer 6 considers unsatisfactory contains certain categories \
                           of data that are used or shared in a particular way. This policy is placed in the \
                           unsatisfactory category because the following categories of data are associated with \
                           its cookies:",
        uses_intro: "In addition, the data is used in the following ways, which mark the policy as unsatisfactory:",
        no_purpose: "In addition, the policy declares no purpose for this data, which Internet Explorer 6 treats as \
                     use without consent and which marks the policy as unsatisfactory.",
    },
    grid: GRID,
    sentences: Sentences::TokenMeanings,
    note: Note {
        leads: [
            "Note that allowing an opt-out would make this policy acceptable ",
            "Note that declaring a purpose for the data would make this policy acceptable ",
            "Note that declaring a purpose for the data and allowing an opt-out would make this policy acceptable ",
        ],
        satisfactory: [
            "Note that allowing an opt-out would make this policy satisfactory.",
            "Note that declaring a purpose for the data would make this policy satisfactory.",
            "Note that declaring a purpose for the data and allowing an opt-out would make this policy satisfactory.",
        ],
        acceptable: Cells {
            one: "at ",
            many: "at ",
            full_end: "",
            partial_after_full: ", and at ",
            partial_only: "at ",
            partial_end: "",
            end: ".",
            levels: ["Low", "Medium", "Medium High", "High"],
            parties: ["for first-party cookie usage", "for third-party cookie usage"],
            and: " and ",
        },
        opt_in: Cells {
            one: "At ",
            many: "At ",
            full_end: "",
            partial_after_full: ", and at ",
            partial_only: "At ",
            partial_end: "",
            end: ", all of these data uses must be opt-in for the policy to be considered satisfactory.",
            levels: ["Low", "Medium", "Medium High", "High"],
            parties: ["for first-party cookies", "for third-party cookies"],
            and: " and ",
        },
    },
    text: Text {
        compact_policy: "Compact policy",
        tokens: "Tokens",
        no_cp: "(no CP directive: the response carries no compact policy)",
        control: "control bytes (ignored)",
        wrong_case: ("not a token: wrong case for ", " (ignored)"),
        no_suffix: ("not a token: ", " takes no suffix (ignored)"),
        unknown: "not a compact-policy token (ignored)",
        class: "Class",
        glosses: [
            "no compact policy, or a test policy",
            "no identifiable data used in a way that needs consent",
            "identifiable data; every use that needs consent is opt-in",
            "identifiable data; every use that needs consent is opt-out or opt-in",
            "identifiable data used without consent",
        ],
        verdict: "Verdict",
        verdicts: [
            "No policy. Internet Explorer 6 treats these cookies as having no compact policy.",
            "Satisfactory policy. Internet Explorer 6 accepts cookies with this policy at the High, Medium High, \
             Medium, Low and Accept All Cookies settings.",
            "Unsatisfactory policy. Under Internet Explorer 6's rules, cookies with this policy are handled as \
             follows.",
        ],
        decisions: "Decisions",
        why: "Why it is unsatisfactory",
        why_categories: "These categories of identifiable data are associated with its cookies:",
        why_uses: "and the data is used in these ways without the consent the levels require:",
        why_no_purpose: "and no purpose is declared for it, which IE6 treats as use without consent.",
        fixes: "How to fix it",
        fix: Fix {
            purpose: "Declaring the purposes of the data (for example CUR, completion of the current activity)",
            purpose_alone_end: "",
            making: ["Making ", " and making "],
            change: " ",
            suffixes: ["opt-out", "opt-in"],
            making_end: "",
            satisfactory: " would make the policy satisfactory at every level.",
            accepts: " would accept cookies at ",
            end: ".",
            levels: ["Block All", "High", "Medium High", "Medium", "Low", "Accept All"],
            parties: ["first-party", "third-party"],
            cookies: ["session", "persistent"],
            cell_join: " ",
        },
        findings: "Findings",
        no_findings: "none",
        profile: "Profile",
        profile_glosses: [
            "identifiable data without consent, or a word Mozilla does not accept",
            "identifiable data with opt-out consent",
            "opt-in consent only, or no identifiable data",
            "a compact policy, which the profile's rules test",
        ],
        profile_verdicts: [
            "the profile sees no policy",
            "every cookie is accepted at every level where the policy matters",
            "some cookies are not accepted as sent",
        ],
        strict_invalid: "the policy is invalid, so it counts as none",
        rule: ("rule", "line"),
    },
};

/// The grid as every seed document prints it: in English.
pub(super) const GRID: GridLabels = GridLabels {
    lang: Lang::En,
    corner: "\u{a0}",
    parties: ["First-party usage", "Third-party usage"],
    cookies: ["Session Cookies", "Persistent Cookies"],
    levels: ["Block All", "High", "Medium High", "Medium", "Low", "Accept All"],
};
