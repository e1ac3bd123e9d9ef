//! Profiles against hand-checked tables: Mozilla's classifier and matrix
//! (docs/profiles.md, with policies where the two classifiers differ), ie6-strict on
//! bogus policies, the shipped IE6 import files against the built-in
//! levels on a large generated set of policies, the shipped example
//! profiles, and import-file errors with their exact positions.

use std::path::Path;

use p3p::ie6::{self, Action, CookieKind, Level, Party, Reason, Verdict};
use p3p::profile::{self, ErrorCode, LoadError, MozillaClass};
use p3p::{Policy, Profile};

fn file(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles").join(name)).expect("profile file")
}

fn load(name: &str) -> Profile {
    match Profile::load(&file(name)) {
        Ok(p) => p,
        Err(e) => panic!("{name}: {}", e.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
    }
}

fn header(s: &str) -> Policy {
    p3p::parse_header(s.as_bytes())
}

fn decide(p: &Profile, policy: Option<&Policy>, level: u32, party: Party, cookie: CookieKind) -> ie6::Decision {
    p.decide(policy, level, party, cookie).expect("decide").decision
}

// ---- Mozilla -------------------------------------------------------------

#[test]
fn mozilla_classifies_like_nscompactpolicy() {
    use MozillaClass::*;
    let cases: &[(&str, MozillaClass, Reason)] = &[
        // V1: PII (PHY ONL UNI), CONa and DELa give no consent.
        (
            r#"CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA""#,
            NoConsent,
            Reason::MozillaNoConsent,
        ),
        // V4 and V5: UNI is PII for Mozilla and no consent token is present.
        (r#"CP="NON DSP COR CURa ADMa DEVa TAIa OUR BUS IND UNI COM NAV INT""#, NoConsent, Reason::MozillaNoConsent),
        (r#"CP="NOI DSP COR CURa ADMa DEVa TAIa OUR BUS IND UNI COM NAV INT""#, NoConsent, Reason::MozillaNoConsent),
        // V6: no PII is treated as explicit consent.
        (r#"CP="CAO PSA OUR""#, Explicit, Reason::MozillaExplicit),
        // V8: free text is invalid, hence no consent.
        (r#"CP="This is not a P3P policy! See our help pages for more info.""#, NoConsent, Reason::MozillaInvalid),
        // V9: FIN and its suffixed forms are all FIN for Mozilla.
        (r#"CP="FIN""#, NoConsent, Reason::MozillaNoConsent),
        (r#"CP="FINa""#, NoConsent, Reason::MozillaNoConsent),
        (r#"CP="NOI CUR FINi OUR""#, NoConsent, Reason::MozillaNoConsent),
        // V10: every consent token opt-out.
        (
            r#"CP="ALL IND DSP COR ADM CONo CUR CUSo IVAo IVDo PSA PSD TAI TELo OUR SAMo CNT COM INT NAV ONL PHY PRE PUR UNI""#,
            Implicit,
            Reason::MozillaImplicit,
        ),
        (r#"CP="PHY CUR CONi""#, Explicit, Reason::MozillaExplicit),
        (r#"CP="PHY CUR CONo CONi""#, Implicit, Reason::MozillaImplicit),
        (r#"CP="PHY CUR CONi CONa""#, NoConsent, Reason::MozillaNoConsent),
        // DEL is a consent token for Mozilla.
        (r#"CP="PHY CUR DELo""#, Implicit, Reason::MozillaImplicit),
        (r#"CP="PHY CUR DEL CONi""#, NoConsent, Reason::MozillaNoConsent),
        // The fourth byte of a consent token: anything but o or i is no consent.
        (r#"CP="PHY CUR CONx""#, NoConsent, Reason::MozillaNoConsent),
        (r#"CP="NOI CONx""#, Explicit, Reason::MozillaExplicit),
        // Not in Mozilla's table: LOC, TST, wrong case, odd lengths, control bytes.
        (r#"CP="NOI LOC""#, NoConsent, Reason::MozillaInvalid),
        (r#"CP="NOI TST""#, NoConsent, Reason::MozillaInvalid),
        (r#"CP="noi""#, NoConsent, Reason::MozillaInvalid),
        (r#"CP="NOI CONaa""#, NoConsent, Reason::MozillaInvalid),
        ("CP=\"NOI\x01DSP\"", NoConsent, Reason::MozillaInvalid),
        // The fourth byte is ignored on other tokens.
        (r#"CP="NOI CURx""#, Explicit, Reason::MozillaExplicit),
        (r#"CP="""#, NoPolicy, Reason::MozillaNoPolicy),
        (r#"policyref="/w3c/p3p.xml""#, NoPolicy, Reason::MozillaNoPolicy),
    ];
    for (input, class, reason) in cases {
        let p = header(input);
        assert_eq!(profile::mozilla_class(Some(&p)), (*class, *reason), "{input}");
        // The fast and the diagnosing parser agree on the Mozilla view.
        let mut n = 0;
        assert_eq!(p3p::parse_header_with(input.as_bytes(), &mut |_| n += 1), p, "{input}");
    }
    assert_eq!(profile::mozilla_class(None), (NoPolicy, Reason::MozillaNoPolicy));
}

#[test]
fn mozilla_presets_follow_the_matrix() {
    use Action::{Accept as A, Block as B, Downgrade as D};
    // Policies of each class: no policy, no consent, implicit, explicit.
    let policies: [Option<Policy>; 4] = [
        None,
        Some(header(r#"CP="PHY CUR CONa""#)),
        Some(header(r#"CP="PHY CUR CONo""#)),
        Some(header(r#"CP="PHY CUR CONi""#)),
    ];
    // [class][party]: hand-read from the eight letters; a `d` leaves a
    // session cookie as it is (accept), checked below.
    let tables: [(&str, u32, [[Action; 2]; 4]); 4] = [
        ("low", 0, [[A, A], [A, A], [A, A], [A, A]]),     // afafaaaa
        ("medium", 1, [[A, A], [A, A], [A, A], [A, A]]),  // ffffaaaa
        ("high", 2, [[A, B], [A, B], [A, D], [A, A]]),    // frfradaa
        ("default", 3, [[D, B], [D, B], [A, A], [A, A]]), // drdraaaa
    ];
    let levels = Profile::builtin(b"mozilla").unwrap();
    for (name, level, table) in tables {
        let one = Profile::builtin(format!("mozilla:{name}").as_bytes()).unwrap();
        assert_eq!(levels.level_from_key(name.as_bytes()), Some(level));
        for (ci, policy) in policies.iter().enumerate() {
            for party in Party::ALL {
                for cookie in CookieKind::ALL {
                    let want = match (table[ci][party as usize], cookie) {
                        (D, CookieKind::Session) => A,
                        (w, _) => w,
                    };
                    assert_eq!(decide(&one, policy.as_ref(), 99, party, cookie).action, want, "{name} {ci} {party:?}");
                    assert_eq!(decide(&levels, policy.as_ref(), level, party, cookie).action, want, "{name}");
                }
            }
        }
    }
    // Custom letters: r and anything unknown reject.
    let custom = Profile::builtin(b"mozilla:adrfxAda").unwrap();
    let want = [A, D, B, A, B, B, D, A];
    for (i, w) in want.iter().enumerate() {
        let party = if i % 2 == 0 { Party::First } else { Party::Third };
        assert_eq!(decide(&custom, policies[i / 2].as_ref(), 0, party, CookieKind::Persistent).action, *w, "{i}");
    }
}

#[test]
fn mozilla_and_ie6_diverge_where_the_evidence_says() {
    let def = Profile::builtin(b"mozilla:default").unwrap();
    // V4: satisfactory for IE6, no consent for Mozilla (UNI).
    let v4 = header(r#"CP="NON DSP COR CURa ADMa DEVa TAIa OUR BUS IND UNI COM NAV INT""#);
    assert_eq!(ie6::decide(Some(&v4), Level::Medium, Party::Third, CookieKind::Persistent).action, Action::Accept);
    assert_eq!(decide(&def, Some(&v4), 0, Party::Third, CookieKind::Persistent).action, Action::Block);
    // V9: FINa is unknown (ignored) for IE6 and FIN for Mozilla.
    let fina = header(r#"CP="FINa""#);
    assert_eq!(ie6::decide(Some(&fina), Level::Medium, Party::Third, CookieKind::Persistent).action, Action::Accept);
    assert_eq!(decide(&def, Some(&fina), 0, Party::Third, CookieKind::Persistent).action, Action::Block);
    let fin = header(r#"CP="FIN""#);
    assert_eq!(ie6::decide(Some(&fin), Level::Medium, Party::Third, CookieKind::Persistent).action, Action::Block);
}

// ---- ie6-strict ------------------------------------------------------------

#[test]
fn strict_treats_bogus_policies_as_no_policy() {
    let strict = Profile::builtin(b"ie6-strict").unwrap();
    for bogus in [
        r#"CP="This is not a P3P policy! See our help pages for more info.""#,
        r#"CP="Facebook does not have a P3P policy. Learn why here""#,
        r#"CP="NOI DSP COR CURR OUR""#,
        r#"CP="NOI CONA OUR""#,
        r#"CP="NOI FINa OUR""#,
        r#"CP="""#,
        "CP=\"NOI\x01DSP\"",
        r#"CP="NOI DSP"#,
    ] {
        let p = header(bogus);
        assert!(p.is_present());
        for level in Level::ALL {
            for party in Party::ALL {
                for cookie in CookieKind::ALL {
                    let d = decide(&strict, Some(&p), level as u32, party, cookie);
                    let none = ie6::decide(None, level, party, cookie);
                    assert_eq!(d.action, none.action, "{bogus} {level:?} {party:?} {cookie:?}");
                    let want = match none.reason {
                        Reason::NoPolicyBlock => Reason::InvalidPolicyBlock,
                        Reason::NoPolicyLeash => Reason::InvalidPolicyLeash,
                        Reason::NoPolicyDowngrade => Reason::InvalidPolicyDowngrade,
                        Reason::NoPolicySessionAccept => Reason::InvalidPolicySessionAccept,
                        r => r,
                    };
                    assert_eq!(d.reason, want, "{bogus}");
                }
            }
        }
        // Where plain ie6 accepts it (Medium, third-party), strict blocks it.
        assert_eq!(
            decide(&strict, Some(&p), Level::Medium as u32, Party::Third, CookieKind::Persistent).action,
            Action::Block
        );
    }
    // Tolerated spec violations and valid policies decide as in ie6.
    for fine in [
        r#"CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA""#,
        r#"CP="NOI DSP", CP="PHY""#,
        r#"CP="NOI DSP DSP LOC""#,
        r#"CP="PHY CUR CONo OURi""#,
    ] {
        let p = header(fine);
        for level in Level::ALL {
            for party in Party::ALL {
                for cookie in CookieKind::ALL {
                    assert_eq!(
                        decide(&strict, Some(&p), level as u32, party, cookie),
                        ie6::decide(Some(&p), level, party, cookie),
                        "{fine}"
                    );
                }
            }
        }
    }
}

// ---- the shipped IE6 files against the built-in levels ------------------------

/// Every combination that matters: subsets of the PII categories (and UNI),
/// four uses that need consent each absent, plain, `a`, `o`, `i` or with two
/// suffixes, with or without a purpose outside U, a recipient outside U, and
/// the no-policy, test-policy and bogus variants.
fn generated() -> Vec<Option<Policy>> {
    let cats = ["PHY", "ONL", "GOV", "FIN", "UNI"];
    let uses = ["CON", "IVA", "SAM", "PUB"];
    let forms = ["", "a", "o", "i", "o i", "a o"];
    let others = ["", "CUR", "ADMo OUR", "DELa"];
    let mut out = vec![None];
    for mask in 0..(1 << cats.len()) {
        for combo in 0..forms.len().pow(uses.len() as u32) {
            let mut words: Vec<String> = vec!["NOI".into()];
            for (i, c) in cats.iter().enumerate() {
                if mask & (1 << i) != 0 {
                    words.push((*c).into());
                }
            }
            let mut k = combo;
            for u in uses {
                let f = k % forms.len();
                k /= forms.len();
                if f == 0 {
                    continue;
                }
                for s in forms[f].split(' ') {
                    words.push(format!("{u}{s}"));
                }
            }
            // Thin out the largest product a little, keeping every shape.
            let other = others[(mask + combo) % others.len()];
            if !other.is_empty() {
                words.push(other.into());
            }
            let body = words.join(" ");
            out.push(Some(p3p::parse_tokens(body.as_bytes())));
            if combo % 97 == 0 {
                out.push(Some(p3p::parse_tokens(format!("{body} TST").as_bytes())));
                out.push(Some(p3p::parse_tokens(format!("{body} FINa CONA HONK").as_bytes())));
            }
        }
    }
    out.push(Some(header(r#"CP="""#)));
    out.push(Some(header(r#"CP="This is not a P3P policy!""#)));
    out
}

#[test]
fn shipped_ie6_files_give_the_builtin_cells() {
    let policies = generated();
    assert!(policies.len() > 40_000, "{}", policies.len());
    let files = [
        ("ie6-block-all.xml", Level::BlockAll),
        ("ie6-high.xml", Level::High),
        ("ie6-medium-high.xml", Level::MediumHigh),
        ("ie6-medium.xml", Level::Medium),
        ("ie6-low.xml", Level::Low),
        ("ie6-accept-all.xml", Level::AcceptAll),
    ];
    for (name, level) in files {
        let custom = load(name);
        let mut differing = 0usize;
        let mut actions = [0usize; 5];
        for p in &policies {
            for party in Party::ALL {
                for cookie in CookieKind::ALL {
                    let mine = decide(&custom, p.as_ref(), 0, party, cookie).action;
                    let builtin = ie6::decide(p.as_ref(), level, party, cookie).action;
                    actions[mine as usize] += 1;
                    if mine != builtin {
                        differing += 1;
                        if differing < 5 {
                            eprintln!("{name}: {p:?} {party:?} {cookie:?}: file {mine:?}, built-in {builtin:?}");
                        }
                    }
                }
            }
        }
        assert_eq!(differing, 0, "{name}");
        // The generated set really exercises the level's different outcomes.
        let kinds = actions.iter().filter(|n| **n > 0).count();
        let want = match level {
            Level::BlockAll | Level::AcceptAll => 1,
            Level::High => 2,
            _ => 3,
        };
        assert!(kinds >= want, "{name}: {actions:?}");
    }
}

// ---- the shipped example profiles --------------------------------------------

#[test]
fn essential_only_accepts_only_essential_uses() {
    let p = load("essential-only.xml");
    let cases = [
        ("NOI CUR ADM OUR STA", Action::Accept),
        ("NOI CURa ADMo OURi NOR STA", Action::Accept),
        ("NOI CUR TAIi OUR SAMi STA", Action::Accept),
        ("NOI CUR TAI OUR STA", Action::Block),
        ("NOI CUR TAIo OUR STA", Action::Block),
        ("NOI CUR OUR DEL STA", Action::Block),
        ("NOI CUR OUR UNRo", Action::Block),
        ("NOI DSP OUR STA", Action::Block),
        ("CAO PSA OUR", Action::Block),
    ];
    for (tokens, want) in cases {
        let policy = p3p::parse_tokens(tokens.as_bytes());
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                assert_eq!(decide(&p, Some(&policy), 0, party, cookie).action, want, "{tokens} {party:?} {cookie:?}");
            }
        }
    }
    assert_eq!(decide(&p, None, 0, Party::First, CookieKind::Session).action, Action::Block);
    let tst = p3p::parse_tokens(b"NOI CUR OUR TST");
    assert_eq!(decide(&p, Some(&tst), 0, Party::First, CookieKind::Session).reason, Reason::ProfileNoPolicy);
}

#[test]
fn no_tracking_blocks_tracking_uses_unless_opt_in() {
    let p = load("no-tracking.xml");
    let cases = [
        ("NOI CUR ADM OUR STA", Action::Accept),
        ("NOI CUR OUR DELa PHY ONL", Action::Accept),
        ("NOI CUR TAIi CONi OUR SAMi", Action::Accept),
        ("NOI CUR TAI OUR", Action::Block),
        ("NOI CUR CUSo OUR", Action::Block),
        ("NOI CUR PSA OUR", Action::Block),
        ("NOI CUR IVDo OUR", Action::Block),
        ("NOI CUR CONo OUR", Action::Block),
        ("NOI CUR TEL OUR", Action::Block),
        ("NOI CUR OUR OTR", Action::Block),
        ("NOI CUR OUR PUBo", Action::Block),
        ("NOI CUR OUR UNR", Action::Block),
    ];
    for (tokens, want) in cases {
        let policy = p3p::parse_tokens(tokens.as_bytes());
        for party in Party::ALL {
            for cookie in CookieKind::ALL {
                assert_eq!(decide(&p, Some(&policy), 0, party, cookie).action, want, "{tokens} {party:?} {cookie:?}");
            }
        }
    }
    assert_eq!(decide(&p, None, 0, Party::First, CookieKind::Persistent).action, Action::Accept);
    assert_eq!(decide(&p, None, 0, Party::Third, CookieKind::Session).action, Action::Block);
}

#[test]
fn rules_report_which_rule_matched() {
    let p = load("no-tracking.xml");
    let policy = p3p::parse_tokens(b"NOI CUR CONo OUR");
    let o = p.decide(Some(&policy), 0, Party::Third, CookieKind::Persistent).unwrap();
    assert_eq!(o.decision.reason, Reason::RuleMatched);
    // TAI TAIo CUS CUSo PSA PSAo PSD PSDo IVA IVAo IVD IVDo CON CONo: the 14th rule.
    assert_eq!(o.rule, 14);
    assert_eq!(p.parties[1].rules[13].line, 65);
}

// ---- import-file errors ----------------------------------------------------------

fn errors(xml: &str) -> Vec<(ErrorCode, u32, u32, String)> {
    match Profile::load(xml.as_bytes()) {
        Ok(_) => panic!("loaded:\n{xml}"),
        Err(v) => v.into_iter().map(|e: LoadError| (e.code, e.line, e.column, e.detail)).collect(),
    }
}

fn doc(first: &str, third: &str) -> String {
    format!(
        "<MSIEPrivacy>\n<MSIEPrivacySettings formatVersion=\"6\">\n<p3pCookiePolicy zone=\"internet\">\n\
         <firstParty noPolicyDefault=\"reject\" noRuleDefault=\"accept\" alwaysAllowSession=\"yes\">\n{first}</firstParty>\n\
         <thirdParty noPolicyDefault=\"reject\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\">\n{third}</thirdParty>\n\
         </p3pCookiePolicy>\n</MSIEPrivacySettings>\n</MSIEPrivacy>\n"
    )
}

#[test]
fn a_valid_document_loads() {
    let p = Profile::load(doc("<if expr=\"PHY, !CUR\" action=\"prompt\"/>\n", "").as_bytes()).unwrap();
    assert_eq!(p.kind, profile::P3P_PROFILE_CUSTOM);
    assert_eq!(p.parties[0].rule_count, 1);
    assert_eq!(p.parties[0].rules[0].line, 5);
    assert_eq!(p.parties[0].always_allow_session, 1);
    assert_eq!(p.parties[1].no_policy_default, Action::Block as u32);
}

#[test]
fn expression_errors_point_at_the_term() {
    // Line 5 is the first rule line; columns count from 1.
    let rules = "<if expr=\"PHY,CURR\" action=\"reject\"/>\n\
                 <if expr=\"PHY,,CON\" action=\"reject\"/>\n\
                 <if expr=\"FINa, ! TST\" action=\"reject\"/>\n\
                 <if expr=\"  \" action=\"block\"/>\n\
                 <if expr=\"CONx\" action=\"reject\" extra=\"1\"/>\n\
                 <if action=\"accept\"/>\n\
                 <when expr=\"PHY\" action=\"accept\"/>\n";
    let got = errors(&doc(rules, ""));
    let want = vec![
        (ErrorCode::UnknownToken, 5, 15, "CURR".to_owned()),
        (ErrorCode::BadExpression, 6, 15, String::new()),
        (ErrorCode::SuffixNotAllowed, 7, 11, "FINa".to_owned()),
        (ErrorCode::TestToken, 7, 19, "TST".to_owned()),
        (ErrorCode::EmptyExpression, 8, 11, String::new()),
        (ErrorCode::UnknownAction, 8, 23, "block".to_owned()),
        (ErrorCode::UnknownToken, 9, 11, "CONx".to_owned()),
        (ErrorCode::UnknownAttribute, 9, 33, "extra".to_owned()),
        (ErrorCode::MissingAttribute, 10, 1, "expr".to_owned()),
        (ErrorCode::UnexpectedElement, 11, 1, "when".to_owned()),
    ];
    assert_eq!(got, want);
}

#[test]
fn structure_errors_have_positions() {
    let bad_attrs = "<MSIEPrivacy>\n<MSIEPrivacySettings formatVersion=\"6.0\">\n<p3pCookiePolicy zone=\"extranet\">\n\
        <firstParty noPolicyDefault=\"deny\" noRuleDefault=\"accept\" alwaysAllowSession=\"true\"/>\n\
        <firstParty noPolicyDefault=\"reject\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\"/>\n\
        </p3pCookiePolicy>\nstray\n</MSIEPrivacySettings>\n</MSIEPrivacy>";
    let got = errors(bad_attrs);
    let want = vec![
        (ErrorCode::MissingElement, 2, 1, "internet p3pCookiePolicy".to_owned()),
        (ErrorCode::FormatVersion, 2, 37, "6.0".to_owned()),
        (ErrorCode::MissingElement, 3, 1, "thirdParty".to_owned()),
        (ErrorCode::BadZone, 3, 24, "extranet".to_owned()),
        (ErrorCode::UnknownAction, 4, 30, "deny".to_owned()),
        (ErrorCode::BadBoolean, 4, 79, "true".to_owned()),
        (ErrorCode::DuplicateElement, 5, 1, "firstParty".to_owned()),
        (ErrorCode::UnexpectedText, 7, 1, "stray".to_owned()),
    ];
    assert_eq!(got, want);
    assert_eq!(errors("<Privacy/>"), vec![(ErrorCode::Root, 1, 1, "Privacy".to_owned())]);
    assert_eq!(errors("<MSIEPrivacy/>"), vec![(ErrorCode::MissingElement, 1, 1, "MSIEPrivacySettings".to_owned())]);
}

#[test]
fn malformed_xml_and_sizes() {
    let e = errors("<MSIEPrivacy>\n  <MSIEPrivacySettings>\n</MSIEPrivacy>");
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].0, e[0].1, e[0].2), (ErrorCode::Xml, 3, 1), "{e:?}");
    let e = Profile::load(b"<MSIEPrivacy>\n\xc3\xa9\xff</MSIEPrivacy>").unwrap_err();
    assert_eq!((e[0].code, e[0].line, e[0].column), (ErrorCode::Xml, 2, 2));
    assert_eq!(e[0].to_string(), "2:2: malformed XML: the file is not UTF-8");
    let e = Profile::load(&vec![b' '; profile::MAX_PROFILE_BYTES + 1]).unwrap_err();
    assert_eq!(e[0].code, ErrorCode::TooLarge);
    let e = errors("<!DOCTYPE x [<!ENTITY a \"b\">]><MSIEPrivacy/>");
    assert_eq!(e[0].0, ErrorCode::Xml);
}

#[test]
fn at_most_128_rules_per_party() {
    let rule = "<if expr=\"PHY\" action=\"reject\"/>\n";
    let p = Profile::load(doc(&rule.repeat(128), &rule.repeat(128)).as_bytes()).unwrap();
    assert_eq!(p.parties[0].rule_count, 128);
    let got = errors(&doc(&rule.repeat(130), ""));
    assert_eq!(got, vec![(ErrorCode::TooManyRules, 5 + 128, 1, String::new())]);
}

#[test]
fn other_zones_and_ignored_elements() {
    let zone = |z: &str, first: &str| {
        format!(
            "<p3pCookiePolicy zone=\"{z}\">\n\
             <firstParty noPolicyDefault=\"{first}\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\"/>\n\
             <thirdParty noPolicyDefault=\"reject\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\"/>\n\
             </p3pCookiePolicy>\n"
        )
    };
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<!-- comment -->\n<MSIEPrivacy>\n<MSIESiteRules><site domain=\"x\" action=\"accept\"/></MSIESiteRules>\n\
         <MSIEPrivacySettings formatVersion=\"6\">\n<alwaysReplayLegacy/>\n<flushCookies/>\n{}{}{}\
         </MSIEPrivacySettings>\n</MSIEPrivacy>",
        zone("trusted", "accept"),
        zone("internet", "forceFirstParty"),
        zone("intranet", "accept")
    );
    let p = Profile::load(xml.as_bytes()).unwrap();
    assert_eq!(p.parties[0].no_policy_default, Action::Leash as u32);
    // Errors in an ignored zone are still errors.
    let broken = xml.replace(
        "zone=\"intranet\">\n<firstParty noPolicyDefault=\"accept\"",
        "zone=\"intranet\">\n<firstParty noPolicyDefault=\"acept\"",
    );
    assert_eq!(errors(&broken)[0].0, ErrorCode::UnknownAction);
    let twice = format!(
        "<MSIEPrivacy><MSIEPrivacySettings formatVersion=\"6\">{}{}</MSIEPrivacySettings></MSIEPrivacy>",
        zone("internet", "accept"),
        zone("internet", "accept")
    );
    assert_eq!(errors(&twice)[0].0, ErrorCode::DuplicateElement);
}

#[test]
fn every_shipped_profile_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "xml") {
            load(path.file_name().unwrap().to_str().unwrap());
            n += 1;
        }
    }
    assert_eq!(n, 8);
}

// ---- a downgrade of a session cookie -----------------------------------------

#[test]
fn force_session_on_a_session_cookie_accepts_and_keeps_the_rule() {
    let low = load("ie6-low.xml");
    let policy = p3p::parse_tokens(b"PHY CON CUR");
    let o = low.decide(Some(&policy), 0, Party::Third, CookieKind::Session).unwrap();
    assert_eq!(o.decision, ie6::Decision { action: Action::Accept, reason: Reason::SessionUnchanged });
    // The rule that matched (`PHY,CON`) is still reported, with its line.
    assert!(o.rule > 0);
    assert_eq!(low.parties[1].rules[o.rule as usize - 1].line, 21);
    assert_eq!(ie6::decide(Some(&policy), Level::Low, Party::Third, CookieKind::Session).action, Action::Accept);
    // The persistent cookie is still downgraded by the same rule.
    let p = low.decide(Some(&policy), 0, Party::Third, CookieKind::Persistent).unwrap();
    assert_eq!((p.decision.action, p.rule), (Action::Downgrade, o.rule));
    // A noPolicyDefault of forceSession, and Mozilla's `d`, likewise.
    let none = low.decide(None, 0, Party::Third, CookieKind::Session).unwrap();
    assert_eq!((none.decision.action, none.decision.reason, none.rule), (Action::Accept, Reason::SessionUnchanged, 0));
    let moz = Profile::builtin(b"mozilla:default").unwrap();
    assert_eq!(decide(&moz, None, 0, Party::First, CookieKind::Session).action, Action::Accept);
    assert_eq!(decide(&moz, None, 0, Party::First, CookieKind::Persistent).action, Action::Downgrade);
}

// ---- class and verdict, as each profile sees a policy ---------------------------

#[test]
fn every_profile_reports_its_own_class_and_verdict() {
    use profile::ProfileClass as C;
    use Verdict::{NoPolicy as N, Satisfactory as S, Unsatisfactory as U};
    let ie6 = Profile::builtin(b"ie6").unwrap();
    let strict = Profile::builtin(b"ie6-strict").unwrap();
    let moz = Profile::builtin(b"mozilla").unwrap();
    let moz_low = Profile::builtin(b"mozilla:low").unwrap();
    let moz_high = Profile::builtin(b"mozilla:high").unwrap();
    let ess = load("essential-only.xml");
    let notrack = load("no-tracking.xml");
    // Hand-derived from the class definitions, the level tables, the
    // Mozilla letters and the two files' rules.
    let cases: &[(&str, [(C, Verdict); 7])] = &[
        (
            "",
            [
                (C::NoPolicy, N),
                (C::NoPolicy, N),
                (C::NoPolicy, N),
                (C::NoPolicy, N),
                (C::NoPolicy, N),
                (C::NoPolicy, N),
                (C::NoPolicy, N),
            ],
        ),
        (
            r#"CP="FINa NAV""#,
            [
                (C::Ok, S),
                (C::NoPolicy, N),
                (C::NoConsent, U),
                (C::NoConsent, S),
                (C::NoConsent, U),
                (C::Rules, U),
                (C::Rules, S),
            ],
        ),
        (
            r#"CP="noi cura phy cona""#,
            [
                (C::Ok, S),
                (C::NoPolicy, N),
                (C::NoConsent, U),
                (C::NoConsent, S),
                (C::NoConsent, U),
                (C::Rules, U),
                (C::Rules, S),
            ],
        ),
        (
            r#"CP="This is not a P3P policy! See our help pages.""#,
            [
                (C::Ok, S),
                (C::NoPolicy, N),
                (C::NoConsent, U),
                (C::NoConsent, S),
                (C::NoConsent, U),
                (C::Rules, U),
                (C::Rules, S),
            ],
        ),
        (
            r#"CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA""#,
            [
                (C::None, U),
                (C::None, U),
                (C::NoConsent, U),
                (C::NoConsent, S),
                (C::NoConsent, U),
                (C::Rules, U),
                (C::Rules, U),
            ],
        ),
        (
            r#"CP="NOI CUR OUR STA""#,
            [
                (C::Ok, S),
                (C::Ok, S),
                (C::Explicit, S),
                (C::Explicit, S),
                (C::Explicit, S),
                (C::Rules, S),
                (C::Rules, S),
            ],
        ),
        (
            r#"CP="PHY CUR CONo OUR""#,
            [
                (C::Implicit, U),
                (C::Implicit, U),
                (C::Implicit, U),
                (C::Implicit, S),
                (C::Implicit, U),
                (C::Rules, U),
                (C::Rules, U),
            ],
        ),
        (
            r#"CP="PHY CUR CONi OUR""#,
            [
                (C::Explicit, S),
                (C::Explicit, S),
                (C::Explicit, S),
                (C::Explicit, S),
                (C::Explicit, S),
                (C::Rules, S),
                (C::Rules, S),
            ],
        ),
        (
            r#"CP="NOI CUR TST""#,
            [
                (C::NoPolicy, N),
                (C::NoPolicy, N),
                (C::NoConsent, U),
                (C::NoConsent, S),
                (C::NoConsent, U),
                (C::NoPolicy, N),
                (C::NoPolicy, N),
            ],
        ),
    ];
    let profiles = [&ie6, &strict, &moz, &moz_low, &moz_high, &ess, &notrack];
    for (input, want) in cases {
        let policy = header(input);
        let policy = (!input.is_empty()).then_some(&policy);
        for (i, (p, (class, verdict))) in profiles.iter().zip(want).enumerate() {
            assert_eq!(p.class_of(policy), Ok(*class), "{input} profile {i}");
            assert_eq!(p.verdict_of(policy), Ok(*verdict), "{input} profile {i}");
        }
    }
    // For ie6 the verdict is IE6's, on every generated policy.
    for p in generated() {
        let class = p.as_ref().map_or(ie6::Class::NoPolicy, ie6::classify);
        assert_eq!(ie6.verdict_of(p.as_ref()), Ok(ie6::verdict_for(class)));
        assert_eq!(ie6.class_of(p.as_ref()), Ok(class.into()));
    }
    let mut damaged = Profile::custom();
    damaged.kind = 0;
    assert_eq!(damaged.class_of(None), Err(profile::DecideError::Profile));
    assert_eq!(damaged.verdict_of(None), Err(profile::DecideError::Profile));
}

// ---- Microsoft's spelling, cut-off files, files on disk ------------------------------

#[test]
fn trusted_sites_is_microsofts_zone_name() {
    let zone = |z: &str| {
        format!(
            "<MSIEPrivacy><MSIEPrivacySettings formatVersion=\"6\">\
             <p3pCookiePolicy zone=\"{z}\">\
             <firstParty noPolicyDefault=\"accept\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\"/>\
             <thirdParty noPolicyDefault=\"reject\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\"/>\
             </p3pCookiePolicy>\
             <p3pCookiePolicy zone=\"internet\">\
             <firstParty noPolicyDefault=\"reject\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\"/>\
             <thirdParty noPolicyDefault=\"reject\" noRuleDefault=\"accept\" alwaysAllowSession=\"no\"/>\
             </p3pCookiePolicy></MSIEPrivacySettings></MSIEPrivacy>"
        )
    };
    for ok in ["trustedSites", "trusted", "intranet"] {
        let p = Profile::load(zone(ok).as_bytes()).unwrap_or_else(|e| panic!("{ok}: {e:?}"));
        assert_eq!(p.parties[0].no_policy_default, Action::Block as u32, "{ok}: the internet zone is used");
    }
    assert_eq!(errors(&zone("TrustedSites"))[0].0, ErrorCode::BadZone);
}

#[test]
fn a_cut_off_file_is_reported_where_it_ends() {
    let full = doc("<if expr=\"PHY\" action=\"reject\"/>\n", "");
    // Cut inside a tag, after a complete tag, and inside an attribute value.
    for cut in [full.find("noRuleDefault").unwrap(), full.find("</firstParty>").unwrap(), 40] {
        let text = &full[..cut];
        let e = errors(text);
        let line = text.trim_end().matches('\n').count() as u32 + 1;
        let column = text.trim_end().rsplit('\n').next().unwrap().chars().count() as u32 + 1;
        assert_eq!((e[0].0, e[0].1, e[0].2), (ErrorCode::Xml, line, column), "{text:?}: {e:?}");
        assert!(e[0].1 > 1, "not 1:1");
    }
}

#[test]
fn files_are_checked_before_they_are_read() {
    let dir = std::env::temp_dir().join(format!("p3p-profile-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let first = |path: &Path| Profile::load_file(path).unwrap_err().remove(0);

    // A shipped file loads by path, as from memory.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/ie6-medium.xml");
    assert_eq!(Profile::load_file(&path).unwrap(), load("ie6-medium.xml"));

    let e = first(&dir);
    assert_eq!((e.code, e.line, e.column), (ErrorCode::NotAFile, 0, 0));
    assert_eq!(e.located("dir").to_string(), "dir: not a regular file: it is a directory");
    assert_eq!(first(Path::new("/dev/zero")).detail, "it is a character device");
    assert_eq!(first(&dir.join("missing.xml")).code, ErrorCode::Open);

    // A FIFO is refused without waiting for a writer.
    let fifo = dir.join("fifo");
    let _ = std::fs::remove_file(&fifo);
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    assert_eq!(first(&fifo).detail, "it is a FIFO");

    // A 256 MiB (sparse) file is refused by its size, not read.
    let big = dir.join("big.xml");
    std::fs::File::create(&big).unwrap().set_len(256 << 20).unwrap();
    let e = first(&big);
    assert_eq!((e.code, e.detail.as_str()), (ErrorCode::TooLarge, "268435456 bytes"));
    assert_eq!(e.to_string(), "the file is larger than 1 MiB: 268435456 bytes");
    // One byte over the limit, one byte under.
    std::fs::File::create(&big).unwrap().set_len(profile::MAX_PROFILE_BYTES as u64 + 1).unwrap();
    assert_eq!(first(&big).code, ErrorCode::TooLarge);
    std::fs::File::create(&big).unwrap().set_len(profile::MAX_PROFILE_BYTES as u64).unwrap();
    assert_eq!(first(&big).code, ErrorCode::Xml);

    // Errors inside the file keep their positions.
    let bad = dir.join("bad.xml");
    std::fs::write(&bad, "<MSIEPrivacy>\n  <Nope/>\n</MSIEPrivacy>\n").unwrap();
    let e = Profile::load_file(&bad).unwrap_err();
    assert_eq!(e[1].located("bad.xml").to_string(), "bad.xml:2:3: element not allowed here: \"Nope\"");
    std::fs::remove_dir_all(&dir).unwrap();
}
