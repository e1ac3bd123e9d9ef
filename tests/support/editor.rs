//! The seed documents' editor sections as the product must print them for
//! the seed policy: the in-repository fixtures (`tests/data/editor/`) with
//! the spelling slips the product corrects. Shared by the library's tests
//! (`tests/report.rs`) and the command's (`tests/cli.rs`).

#![allow(dead_code)]

use std::path::Path;

use p3p::report::Lang;

/// The seed policy as the documents print it.
pub const SEED: &str = "CP=NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA";

/// Each seed document's two sections: language, fixture, first line, and
/// the start of the last line (the note).
pub const DOCUMENTS: [(Lang, &str, &str, &str); 4] = [
    (Lang::It, "it.txt", "Sintesi della Compact Policy", "Da notare che"),
    (Lang::Sv, "sv.txt", "Sammanfattning av Kompakt Policy", "Observera att"),
    (Lang::Nl, "nl.txt", "Compact Policy Summary", "Houd er rekening mee"),
    (Lang::De, "de.txt", "Zusammenfassung der Kompaktrichtlinie", "Beachten Sie, dass"),
];

/// Spelling slips of the documents that the product corrects: language,
/// the document's form, ours. Each occurs exactly once in its document.
pub const CORRECTIONS: [(Lang, &str, &str); 4] = [
    (Lang::It, "la poltica dei cookie", "la politica dei cookie"),
    (Lang::De, "dieser Ricthlinie", "dieser Richtlinie"),
    (Lang::De, "des Internet Exloprer 6", "des Internet Explorer 6"),
    (Lang::De, "von Internet Exlorer 6", "von Internet Explorer 6"),
];

/// The Italian document lost the line that holds the policy: after "La
/// compact policy che corrisponde a questa politica è:" it has two empty
/// lines where the others have an empty line, the policy and an empty line.
/// The product prints the policy.
pub const LOST_POLICY_LINE: (Lang, &str) = (Lang::It, "La compact policy che corrisponde a questa politica è:");

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture of one document's sections.
pub fn fixture(file: &str) -> String {
    std::fs::read_to_string(root().join("tests/data/editor").join(file)).unwrap()
}

/// The document's sections as the product must print them: the fixture
/// with the corrections applied.
pub fn expected(lang: Lang, document: &str) -> Vec<String> {
    let mut lines: Vec<String> = document.lines().map(str::to_owned).collect();
    for (l, source, ours) in CORRECTIONS.iter().filter(|c| c.0 == lang) {
        let hits: Vec<usize> = (0..lines.len()).filter(|i| lines[*i].contains(source)).collect();
        assert_eq!(hits.len(), 1, "{l:?}: {source:?} should occur once in the document");
        lines[hits[0]] = lines[hits[0]].replace(source, ours);
    }
    if LOST_POLICY_LINE.0 == lang {
        let at = lines.iter().position(|l| l == LOST_POLICY_LINE.1).expect("the policy introduction") + 1;
        assert_eq!(lines[at..at + 2], ["", ""], "the document's empty policy line");
        lines.splice(at..at + 2, [String::new(), SEED.to_owned(), String::new()]);
    }
    lines
}

/// Compares output with the expected lines, line by line.
pub fn assert_lines(lang: Lang, got: &str, want: &[String], source: &str) {
    let got: Vec<&str> = got.lines().collect();
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "{lang:?} line {} differs from {source}", i + 1);
    }
    assert_eq!(got.len(), want.len(), "{lang:?}: line count differs from {source}");
}
