//! Golden test: the seed documents' evaluation of their own policy. The 16
//! middle-level cells, the token meanings, and the categories and uses that
//! make the policy unsatisfactory must come out word for word.

use p3p::explain::Report;
use p3p::ie6::{self, Action, CookieKind, Level, Party, Verdict};
use p3p::{Mode, Token};

const SEED: &str = "CP=NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA";

const R1: &str = "Policy satisfactory at this level; cookies will be accepted.";
const R2: &str = "Opt-out is not provided for all unsatisfactory purposes and recipients, so the cookie will be downgraded to a session cookie.";
const R3: &str =
    "Opt-out is not provided for all unsatisfactory purposes and recipients, so the cookie will be blocked.";
const R4: &str = "No opt-out is provided, so the cookie will be blocked.";
const R5: &str = "Since opt-in is not required, the cookie will be blocked.";

/// The grid in the order the documents print it: persistent (first-party
/// Low..High, then third-party Low..High), then session likewise.
const GRID: [(CookieKind, Party, Level, Action, &str); 16] = {
    use Action::*;
    use CookieKind::*;
    use Level::*;
    use Party::*;
    [
        (Persistent, First, Low, Accept, R1),
        (Persistent, First, Medium, Downgrade, R2),
        (Persistent, First, MediumHigh, Block, R4),
        (Persistent, First, High, Block, R5),
        (Persistent, Third, Low, Downgrade, R2),
        (Persistent, Third, Medium, Block, R3),
        (Persistent, Third, MediumHigh, Block, R5),
        (Persistent, Third, High, Block, R5),
        (Session, First, Low, Accept, R1),
        (Session, First, Medium, Accept, R1),
        (Session, First, MediumHigh, Accept, R1),
        (Session, First, High, Block, R5),
        (Session, Third, Low, Accept, R1),
        (Session, Third, Medium, Block, R3),
        (Session, Third, MediumHigh, Block, R5),
        (Session, Third, High, Block, R5),
    ]
};

#[test]
fn seed_grid_matches_word_for_word() {
    let policy = p3p::parse_header(SEED.as_bytes());
    for (cookie, party, level, action, sentence) in GRID {
        let d = ie6::decide(Some(&policy), level, party, cookie);
        assert_eq!(d.action, action, "{level:?} {party:?} {cookie:?}");
        assert_eq!(d.reason.sentence(), sentence, "{level:?} {party:?} {cookie:?}");
    }
}

#[test]
fn seed_is_unsatisfactory_for_phy_onl_and_con() {
    let report = Report::new(SEED.as_bytes(), Mode::Header);
    assert_eq!(report.verdict, Verdict::Unsatisfactory);
    let cats: Vec<Token> = p3p::explain::tokens_in(report.unsatisfactory.categories).collect();
    let uses: Vec<Token> = p3p::explain::consent_tokens_in(report.unsatisfactory.uses).collect();
    assert_eq!(cats, [Token::PHY, Token::ONL]);
    assert_eq!(uses, [Token::CON]);
    let mut text = String::new();
    report.write_text(&mut text, Default::default()).unwrap();
    for line in [
        "    - Physical contact information is collected.",
        "    - Online contact information is collected.",
        "    - The data is used for contacting the user.",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

/// The token table of the seed documents (their wording is the product's).
const MEANINGS: [(&str, &str); 18] = [
    ("NOI", "No identifiable information is collected, so no access is possible."),
    ("CURa", "The data is used for completion of the current activity."),
    ("ADMa", "The data is used for site administration."),
    ("DEVa", "The data is used for research and development."),
    ("TAIa", "The data is used for tailoring the site."),
    ("CONa", "The data is used for contacting the user."),
    ("OUR", "The data is given to ourselves and our agents."),
    ("DELa", "The data is given to delivery services."),
    ("BUS", "Our business practices specify how long the data will be kept."),
    ("IND", "The data will be kept indefinitely."),
    ("PHY", "Physical contact information is collected."),
    ("ONL", "Online contact information is collected."),
    ("UNI", "Unique identifiers are collected."),
    ("PUR", "Purchase information is collected."),
    ("COM", "Computer information is collected."),
    ("NAV", "Navigation and clickstream data is collected."),
    ("DEM", "Demographic and socioeconomic data is collected."),
    ("STA", "State-management data is collected"),
];

#[test]
fn token_meanings_are_the_seed_wording() {
    let report = Report::new(SEED.as_bytes(), Mode::Header);
    let mut json = String::new();
    report.write_json(&mut json, Default::default()).unwrap();
    for (token, meaning) in MEANINGS {
        let base = Token::lookup(token.as_bytes()[..3].try_into().unwrap()).unwrap();
        assert_eq!(base.meaning(), meaning, "{token}");
        let entry = format!("\"token\":\"{token}\"");
        let at = json.find(&entry).unwrap_or_else(|| panic!("{token} not in JSON"));
        assert!(json[at..].contains(&format!("\"meaning\":\"{meaning}\"")), "{token}");
    }
    assert!(
        json.contains(p3p::explain::CP_MEANING) || {
            let mut t = String::new();
            report.write_text(&mut t, Default::default()).unwrap();
            t.contains(p3p::explain::CP_MEANING)
        }
    );
}

/// Checks the seed documents' own text: each document's grid and token
/// table against the library. The documents are translations of one
/// policy: the grid and the table are the same in all of them. Returns how
/// many documents had a grid and how many printed the policy itself.
fn check_documents(texts: &[(String, String)]) -> (usize, usize) {
    let policy = p3p::parse_header(SEED.as_bytes());
    let mut documents_with_grid = 0;
    let mut documents_with_policy = 0;
    for (name, text) in texts {
        let cells: Vec<(&str, &str)> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("\u{2022} "))
            .filter_map(|l| l.split_once(": "))
            .filter(|(level, _)| ["Low", "Medium", "Medium High", "High"].contains(level))
            .collect();
        if cells.is_empty() {
            continue;
        }
        documents_with_grid += 1;
        assert_eq!(cells.len(), 16, "{name}");
        for ((label, sentence), (cookie, party, level, _, _)) in cells.iter().zip(GRID) {
            assert_eq!(*label, level.label(), "{name}");
            assert_eq!(ie6::decide(Some(&policy), level, party, cookie).reason.sentence(), *sentence, "{name}");
        }
        documents_with_policy += usize::from(text.contains(SEED));
        for (token, meaning) in MEANINGS {
            assert!(text.contains(&format!("{token} {meaning}")), "{token} meaning in {name}");
        }
        assert!(text.contains(&format!("CP= {}", p3p::explain::CP_MEANING)), "{name}");
    }
    (documents_with_grid, documents_with_policy)
}

fn read_dir(dir: &std::path::Path, ext: &str) -> Option<Vec<(String, String)>> {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == ext) {
            texts.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    Some(texts)
}

/// The seed documents' evaluation sections, kept in the repository
/// (`tests/data/seeds/`), so every clone runs this.
#[test]
fn seed_fixtures_agree_with_the_library() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seeds");
    let texts = read_dir(&dir, "txt").expect("tests/data/seeds");
    assert_eq!(texts.len(), 4, "four translations with a grid");
    let (grids, policies) = check_documents(&texts);
    assert_eq!(grids, 4);
    // One translation lost the policy line; the others print it as we parse it.
    assert_eq!(policies, 3);
}

/// A second source: the whole seed documents, when they are beside the
/// repository (`../shared/seeds`).
#[test]
fn seed_documents_agree_with_the_library() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Some(texts) = read_dir(&dir, "txt") else {
        eprintln!("seed documents not found at {}; the in-repository fixtures still ran", dir.display());
        return;
    };
    let (grids, policies) = check_documents(&texts);
    assert!(grids >= 4, "expected the seed grid in at least four documents");
    assert!(policies >= 3, "expected the policy itself in the documents");
}
