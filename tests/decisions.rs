//! The IE6 decision table, row by row, for every class; and every product
//! rule of classification (docs/evaluation-model.md), checked on policies.

use p3p::ie6::{self, Action, Class, CookieKind, Level, Party, Reason, Verdict};
use p3p::Token;

/// The expected action of every cell for every class, written out from the
/// rules (README, "How policies are evaluated") rather than computed: one
/// row per level, columns first-party persistent, first-party session,
/// third-party persistent, third-party session. A accept, B block,
/// D downgrade, L leash.
const EXPECTED: &str = "
    no_policy  block_all    B B B B
    no_policy  high         B B B B
    no_policy  medium_high  L A B B
    no_policy  medium       L A B B
    no_policy  low          L A D A
    no_policy  accept_all   A A A A

    ok         block_all    B B B B
    ok         high         A A A A
    ok         medium_high  A A A A
    ok         medium       A A A A
    ok         low          A A A A
    ok         accept_all   A A A A

    explicit   block_all    B B B B
    explicit   high         A A A A
    explicit   medium_high  A A A A
    explicit   medium       A A A A
    explicit   low          A A A A
    explicit   accept_all   A A A A

    implicit   block_all    B B B B
    implicit   high         B B B B
    implicit   medium_high  A A B B
    implicit   medium       A A A A
    implicit   low          A A A A
    implicit   accept_all   A A A A

    none       block_all    B B B B
    none       high         B B B B
    none       medium_high  B A B B
    none       medium       D A B B
    none       low          A A D A
    none       accept_all   A A A A
";

/// `(class name, level, party, cookie) -> action` from [`EXPECTED`].
fn expected() -> Vec<(String, Level, Party, CookieKind, Action)> {
    let mut v = Vec::new();
    for line in EXPECTED.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let level = Level::from_key(f[1].as_bytes()).unwrap();
        let cells = [
            (Party::First, CookieKind::Persistent),
            (Party::First, CookieKind::Session),
            (Party::Third, CookieKind::Persistent),
            (Party::Third, CookieKind::Session),
        ];
        for ((party, cookie), letter) in cells.into_iter().zip(&f[2..]) {
            let action = match *letter {
                "A" => Action::Accept,
                "B" => Action::Block,
                "D" => Action::Downgrade,
                "L" => Action::Leash,
                other => panic!("{other}"),
            };
            v.push((f[0].to_owned(), level, party, cookie, action));
        }
    }
    assert_eq!(v.len(), 5 * 24);
    v
}

/// Policies for each rule of classification, with the class each must get.
const POLICIES: &[(&str, Class)] = &[
    ("", Class::NoPolicy),
    ("policyref=\"/w3c/p3p.xml\"", Class::NoPolicy),
    ("CP=\"NOI DSP TST PHY CONa\"", Class::NoPolicy),
    ("CP=\"CAO PSA OUR\"", Class::Ok),
    ("CP=\"NON DSP COR CURa ADMa DEVa TAIa OUR BUS IND UNI COM NAV INT\"", Class::Ok),
    ("CP=\"NOI DSP COR CURa ADMa DEVa TAIa OUR BUS IND UNI COM NAV INT\"", Class::Ok),
    ("CP=\"NOI ADM DEV PSAi COM NAV OUR OTRo STP IND DEM\"", Class::Ok),
    ("CP=\"This is not a P3P policy! See https://www.google.com/support/accounts/answer/151657 for more info.\"", Class::Ok),
    ("CP=\"FINa\"", Class::Ok),
    ("CP=\"FINi\"", Class::Ok),
    ("CP=\"\"", Class::Ok),
    ("CP=\"NON DSP COR CUR ADMa DEVa OUR IND PHY ONL UNI FIN DEM\"", Class::Ok),
    ("CP=\"PHY CUR DELa\"", Class::Ok),
    ("CP=\"PHY CUR CUSa HISa\"", Class::Ok),
    ("CP=\"PHY CUR CONA\"", Class::Ok),
    ("CP=\"NOI PHY CUR CONi OUR\"", Class::Explicit),
    ("CP=\"noi PHY CUR CONi TELi SAMi\"", Class::Explicit),
    ("CP=\"ALL IND DSP COR ADM CONo CUR CUSo IVAo IVDo PSA PSD TAI TELo OUR SAMo CNT COM INT NAV ONL PHY PRE PUR UNI\"", Class::Implicit),
    ("CP=\"PHY CUR CONo TELi\"", Class::Implicit),
    ("CP=\"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA\"", Class::None),
    ("CP=\"FIN\"", Class::None),
    ("CP=\"PHY CUR CONo TELa\"", Class::None),
    ("CP=\"PHY CUR CONi CONa\"", Class::None),
    ("CP=\"GOV CUR SAM\"", Class::None),
    ("CP=\"ONL CUR OTRa\"", Class::None),
    ("CP=\"PHY CUR NID CON\"", Class::None),
    ("CP=\"PHY CUR IVD UNRo PUBi\"", Class::None),
];

#[test]
fn every_policy_gets_its_class() {
    for (input, class) in POLICIES {
        let p = p3p::parse_header(input.as_bytes());
        assert_eq!(ie6::classify(&p), *class, "{input}");
    }
}

#[test]
fn every_row_of_the_table_holds_for_every_class() {
    let table = expected();
    for (input, class) in POLICIES {
        let p = p3p::parse_header(input.as_bytes());
        let mut n = 0;
        for (name, level, party, cookie, want) in &table {
            if name != class.name() {
                continue;
            }
            let d = ie6::decide(Some(&p), *level, *party, *cookie);
            assert_eq!(d.action, *want, "{input}: {level:?} {party:?} {cookie:?}");
            n += 1;
        }
        assert_eq!(n, 24, "{input}");
    }
}

#[test]
fn absent_policy_is_the_no_policy_column() {
    for (name, level, party, cookie, want) in expected() {
        if name == "no_policy" {
            assert_eq!(ie6::decide(None, level, party, cookie).action, want, "{level:?} {party:?} {cookie:?}");
        }
    }
}

#[test]
fn every_class_is_exercised() {
    for class in ie6::Class::ALL {
        assert!(POLICIES.iter().any(|(_, c)| *c == class), "{class:?}");
    }
}

#[test]
fn reasons_follow_the_report_rules() {
    use Reason::*;
    let none = p3p::parse_header(b"CP=\"PHY CUR CONa\"");
    let implicit = p3p::parse_header(b"CP=\"PHY CUR CONo\"");
    let d = |p: &p3p::Policy, l, pa, c| ie6::decide(Some(p), l, pa, c).reason;
    // R4 for every failed Medium High first-party persistent cell (docs/evaluation-model.md, section 4).
    assert_eq!(d(&none, Level::MediumHigh, Party::First, CookieKind::Persistent), NoOptOutBlock);
    // R5 for failed explicit requirements, also for an opt-out policy.
    assert_eq!(d(&implicit, Level::High, Party::First, CookieKind::Session), OptInMissingBlock);
    assert_eq!(d(&implicit, Level::MediumHigh, Party::Third, CookieKind::Persistent), OptInMissingBlock);
    assert_eq!(d(&implicit, Level::Medium, Party::Third, CookieKind::Persistent), Satisfactory);
    // R2 / R3 where opt-out is missing.
    assert_eq!(d(&none, Level::Low, Party::Third, CookieKind::Persistent), OptOutMissingDowngrade);
    assert_eq!(d(&none, Level::Medium, Party::Third, CookieKind::Session), OptOutMissingBlock);
    // Our own sentences where the report printed none.
    assert_eq!(ie6::decide(None, Level::Medium, Party::First, CookieKind::Persistent).reason, NoPolicyLeash);
    assert_eq!(ie6::decide(None, Level::Low, Party::Third, CookieKind::Persistent).reason, NoPolicyDowngrade);
    assert_eq!(ie6::decide(None, Level::Medium, Party::First, CookieKind::Session).reason, NoPolicySessionAccept);
    assert_eq!(ie6::decide(None, Level::High, Party::First, CookieKind::Session).reason, NoPolicyBlock);
    assert_eq!(d(&none, Level::BlockAll, Party::First, CookieKind::Session), BlockAll);
    assert_eq!(d(&none, Level::AcceptAll, Party::Third, CookieKind::Persistent), AcceptAll);
    for r in Reason::ALL {
        assert!(r.sentence().ends_with('.'), "{r:?}");
    }
}

#[test]
fn verdicts_and_what_makes_a_policy_unsatisfactory() {
    let check = |input: &str, verdict: Verdict, cats: &[Token], uses: &[Token]| {
        let p = p3p::parse_header(input.as_bytes());
        assert_eq!(ie6::verdict_for(ie6::classify(&p)), verdict, "{input}");
        let u = ie6::unsatisfactory(&p);
        assert_eq!(p3p::explain::tokens_in(u.categories).collect::<Vec<_>>(), cats, "{input}");
        assert_eq!(p3p::explain::consent_tokens_in(u.uses).collect::<Vec<_>>(), uses, "{input}");
    };
    check("CP=\"CAO PSA OUR\"", Verdict::Satisfactory, &[], &[]);
    check("CP=\"NOI PHY CUR CONi OUR\"", Verdict::Satisfactory, &[], &[]);
    check("", Verdict::NoPolicy, &[], &[]);
    // Spec order for categories (PHY ONL FIN GOV) and uses (purposes, then recipients).
    check(
        "CP=\"GOV FIN ONL PHY CUR OTRa TELa CONa DELa\"",
        Verdict::Unsatisfactory,
        &[Token::PHY, Token::ONL, Token::FIN, Token::GOV],
        &[Token::CON, Token::TEL, Token::OTR],
    );
    // A no-consent policy lists the uses without opt-out only.
    check("CP=\"PHY CUR CONa TELo\"", Verdict::Unsatisfactory, &[Token::PHY], &[Token::CON]);
    // An opt-out policy lists the uses that lack opt-in.
    check("CP=\"PHY CUR CONo TELi\"", Verdict::Unsatisfactory, &[Token::PHY], &[Token::CON]);
    // Identifiable data with no purpose: no uses to list.
    check("CP=\"FIN\"", Verdict::Unsatisfactory, &[Token::FIN], &[]);
}

#[test]
fn fixes_are_computed_from_the_rules() {
    use p3p::explain::Report;
    let r = Report::new(b"CP=\"PHY CUR CONa\"", p3p::Mode::Header);
    let [opt_out, opt_in] = r.fixes();
    let opt_out = opt_out.expect("an opt-out fix");
    assert!(!opt_out.satisfactory);
    // Opt-out fixes Low, Medium and first-party Medium High (seed note).
    let cell = |f: &p3p::explain::Fix, party: Party, kind: CookieKind, level: Level| {
        f.accepted[party as usize][kind as usize][level as usize]
    };
    assert!(cell(&opt_out, Party::First, CookieKind::Persistent, Level::Medium));
    assert!(cell(&opt_out, Party::Third, CookieKind::Session, Level::Medium));
    assert!(cell(&opt_out, Party::First, CookieKind::Persistent, Level::MediumHigh));
    assert!(!cell(&opt_out, Party::Third, CookieKind::Persistent, Level::MediumHigh));
    assert!(!cell(&opt_out, Party::First, CookieKind::Persistent, Level::High));
    assert!(opt_in.expect("an opt-in fix").satisfactory);
    let r = Report::new(b"CP=\"PHY CUR CONo\"", p3p::Mode::Header);
    let [a, b] = r.fixes();
    assert!(a.is_none() && b.expect("opt-in").satisfactory);
    let r = Report::new(b"CP=\"FIN\"", p3p::Mode::Header);
    let [a, _] = r.fixes();
    let a = a.expect("declare a purpose");
    assert!(a.suffix.is_none() && a.satisfactory);
    assert_eq!(Report::new(b"CP=\"CAO\"", p3p::Mode::Header).fixes(), [None, None]);
}
