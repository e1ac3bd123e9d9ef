//! The report in every format and language: the editor's sections for the
//! seed policy word for word against the seed documents (kept in
//! `tests/data/editor/`, and read from `../shared/seeds` too when present),
//! the HTML fragment through a real HTML parser (structure, escaping of
//! hostile input), the JSON field order, chunked input, and every format x
//! language x class over the corpus.

use std::path::Path;

use p3p::ie6::{Class, CookieKind, Level, Party, Verdict};
use p3p::lexer::Words;
use p3p::parse::body_span;
use p3p::report::{
    self, Body, Format, Lang, Model, NamedProfile, Options, Phases, ProfileSelect, Report, View, WordItem,
};
use p3p::{Mode, Profile};
use scraper::{ElementRef, Html, Selector};

/// The seed policy as the documents print it.
const SEED: &str = "CP=NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA";

/// Each seed document's two sections: language, fixture, first line, and
/// the start of the last line (the note).
const DOCUMENTS: [(Lang, &str, &str, &str); 4] = [
    (Lang::It, "it.txt", "Sintesi della Compact Policy", "Da notare che"),
    (Lang::Sv, "sv.txt", "Sammanfattning av Kompakt Policy", "Observera att"),
    (Lang::Nl, "nl.txt", "Compact Policy Summary", "Houd er rekening mee"),
    (Lang::De, "de.txt", "Zusammenfassung der Kompaktrichtlinie", "Beachten Sie, dass"),
];

/// Spelling slips of the documents that the product corrects: language,
/// the document's form, ours. Each occurs exactly once in its document.
const CORRECTIONS: [(Lang, &str, &str); 4] = [
    (Lang::It, "la poltica dei cookie", "la politica dei cookie"),
    (Lang::De, "dieser Ricthlinie", "dieser Richtlinie"),
    (Lang::De, "des Internet Exloprer 6", "des Internet Explorer 6"),
    (Lang::De, "von Internet Exlorer 6", "von Internet Explorer 6"),
];

/// The Italian document lost the line that holds the policy: after "La
/// compact policy che corrisponde a questa politica è:" it has two empty
/// lines where the others have an empty line, the policy and an empty line.
/// The product prints the policy.
const LOST_POLICY_LINE: (Lang, &str) = (Lang::It, "La compact policy che corrisponde a questa politica è:");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn write(input: &[u8], mode: Mode, format: Format, lang: Lang, options: &Options<'_>) -> String {
    let mut out = String::new();
    Report::new(input, mode).write(&mut out, format, lang, options).unwrap();
    out
}

fn editor(lang: Lang) -> String {
    write(SEED.as_bytes(), Mode::Header, Format::Editor, lang, &Options::default())
}

/// The document's sections as the product must print them: the fixture
/// with the corrections applied.
fn expected(lang: Lang, document: &str) -> Vec<String> {
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

fn assert_lines(lang: Lang, got: &str, want: &[String], source: &str) {
    let got: Vec<&str> = got.lines().collect();
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "{lang:?} line {} differs from {source}", i + 1);
    }
    assert_eq!(got.len(), want.len(), "{lang:?}: line count differs from {source}");
}

#[test]
fn editor_sections_reproduce_the_seed_documents() {
    for (lang, file, first, _) in DOCUMENTS {
        let fixture = std::fs::read_to_string(root().join("tests/data/editor").join(file)).unwrap();
        assert!(fixture.starts_with(first));
        let out = editor(lang);
        assert!(out.ends_with(".\n"), "{lang:?}");
        assert_lines(lang, &out, &expected(lang, &fixture), file);
    }
}

/// Extracts each document's sections from the seed documents themselves
/// when they are beside the repository, and checks the fixtures (and so
/// the output) against them.
#[test]
fn editor_sections_match_the_seed_documents_when_present() {
    let dir = root().join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("seed documents not found at {}; the in-repository fixtures still ran", dir.display());
        return;
    };
    let mut found = 0;
    for entry in entries {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (lang, file, first, last) in DOCUMENTS {
            let Some(start) = lines.iter().position(|l| *l == first) else { continue };
            let end = start + lines[start..].iter().position(|l| l.starts_with(last)).expect("the note");
            let section = lines[start..=end].join("\n");
            let fixture = std::fs::read_to_string(root().join("tests/data/editor").join(file)).unwrap();
            assert_eq!(fixture.trim_end(), section, "{file} is not the document's text");
            assert_lines(lang, &editor(lang), &expected(lang, &section), "the seed document");
            found += 1;
        }
    }
    assert_eq!(found, 4, "expected the four documents with the editor's sections");
}

fn html(input: &[u8], lang: Lang, options: &Options<'_>) -> (String, Html) {
    let out = write(input, Mode::Header, Format::Html, lang, options);
    let doc = Html::parse_fragment(&out);
    assert!(doc.errors.is_empty(), "HTML parse errors {:?} in\n{out}", doc.errors);
    (out, doc)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text_of(e: ElementRef<'_>) -> String {
    e.text().collect()
}

#[test]
fn html_is_the_editor_document_in_tables() {
    for lang in Lang::ALL {
        let (_, doc) = html(SEED.as_bytes(), lang, &Options::default());
        let plain = editor(lang);
        let plain_lines: Vec<&str> = plain.lines().collect();
        let section = doc.select(&sel("section")).next().unwrap();
        assert_eq!(section.value().attr("lang"), Some(lang.code()));
        assert_eq!(doc.select(&sel("section")).count(), 1);
        assert_eq!(doc.select(&sel("h2")).count(), 2);
        // Tokens: CP= and the 18 words, in a table with a header row.
        let rows: Vec<_> = doc.select(&sel("table.p3p-tokens tbody tr")).collect();
        assert_eq!(rows.len(), 19);
        assert_eq!(doc.select(&sel("table.p3p-tokens thead th")).count(), 2);
        for row in rows {
            let cells: Vec<String> = row.select(&sel("td")).map(text_of).collect();
            let line = format!("{} {}", cells[0], cells[1]);
            assert!(plain_lines.contains(&line.as_str()), "{lang:?}: {line:?} not in the editor's table");
        }
        // The grid: two columns, two rows, four levels per cell.
        assert_eq!(doc.select(&sel("table.p3p-grid thead th")).count(), 2);
        let grid_rows: Vec<_> = doc.select(&sel("table.p3p-grid tbody tr")).collect();
        assert_eq!(grid_rows.len(), 2);
        for row in grid_rows {
            assert_eq!(row.select(&sel("td")).count(), 2);
            assert_eq!(row.select(&sel("td > ul > li")).count(), 8);
        }
        // Every paragraph, heading and list item is a line of the editor's
        // text (an item after its bullet).
        for e in doc.select(&sel("h2, p, li")) {
            let t = text_of(e);
            let bullet = lang.strings().editor.bullet;
            assert!(
                plain_lines.iter().any(|l| *l == t || l.strip_prefix(bullet) == Some(t.as_str())),
                "{lang:?}: {t:?} is not a line of the editor's text"
            );
        }
        assert_eq!(doc.select(&sel("a")).next().and_then(|a| a.value().attr("href")), Some(report::DEPLOYMENT_GUIDE));
        assert_eq!(doc.select(&sel("script, style, [onclick], [onload]")).count(), 0);
    }
}

#[test]
fn html_escapes_hostile_policies() {
    let hostile: [&[u8]; 5] = [
        b"CP=\"<script>alert(1)</script> NOI PHY CONa\"",
        b"CP='\"><img src=x onerror=alert(1)> CUR' PHY",
        b"CP=\"NOI &amp; &lt;b&gt; ' \\\" \xff\xfe\xc3 CONa PHY\"",
        b"<!-- --><style>p{}</style>CP=\"</code></p></section><script>x</script>\"",
        b"CP=\"NOI\x00\x01\x7f\x1b[31m <svg/onload=alert(1)>\"",
    ];
    for input in hostile {
        for lang in Lang::ALL {
            let (out, doc) = html(input, lang, &Options::default());
            assert_eq!(doc.select(&sel("script, style, img, svg, [onerror], [onload]")).count(), 0, "{out}");
            assert!(!out.contains("<script") && !out.contains("<img") && !out.contains("<svg"), "{out}");
            assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "control characters in {out:?}");
            // The policy line shows the input as text, exactly.
            let code = doc.select(&sel("section > p > code")).next().map(text_of).unwrap();
            assert_eq!(code, editor_policy_line(input));
            // Only the attributes this writer emits.
            for e in doc.select(&sel("*")) {
                for (name, _) in e.value().attrs() {
                    assert!(["class", "lang", "scope", "colspan", "href"].contains(&name), "attribute {name} in {out}");
                }
            }
        }
    }
}

/// The policy line of the plain editor output for `input`.
fn editor_policy_line(input: &[u8]) -> String {
    let plain = write(input, Mode::Header, Format::Editor, Lang::En, &Options::default());
    plain.lines().nth(4).unwrap().to_owned()
}

#[test]
fn json_fields_come_in_phase_order() {
    let order = |json: &str, fields: &[&str]| {
        let at: Vec<usize> =
            fields.iter().map(|f| json.find(&format!("\"{f}\":")).unwrap_or_else(|| panic!("{f} in {json}"))).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{fields:?} out of order in {json}");
        assert!(json.ends_with("]}"));
    };
    let seed = write(SEED.as_bytes(), Mode::Header, Format::Json, Lang::It, &Options::default());
    order(&seed, &["input", "tokens", "present", "class", "verdict", "grid", "unsatisfactory", "fixes", "diagnostics"]);
    assert_eq!(seed, write(SEED.as_bytes(), Mode::Header, Format::Json, Lang::En, &Options::default()));
    let moz = Profile::mozilla_levels();
    let o = Options {
        select: ProfileSelect { level: Some(1), ..Default::default() },
        profile: Some(NamedProfile { profile: &moz, name: "mozilla" }),
    };
    let json = write(SEED.as_bytes(), Mode::Header, Format::Json, Lang::En, &o);
    order(
        &json,
        &[
            "input",
            "tokens",
            "present",
            "class",
            "verdict",
            "profile",
            "mozilla_class",
            "grid",
            "selected",
            "diagnostics",
        ],
    );
}

/// Drives the phases as a streaming parser would: the input in chunks,
/// then the words, then the model from the parsed policy.
fn streamed(input: &[u8], format: Format, lang: Lang, cut: usize) -> String {
    let mut out = String::new();
    let mut p = report::writer(&mut out, format, lang);
    p.begin().unwrap();
    let cut = cut.min(input.len());
    p.input(&input[..cut]).unwrap();
    p.input(&input[cut..]).unwrap();
    let span = body_span(input, Mode::Header);
    p.body(if span.is_some() { Body::Cp } else { Body::Missing }).unwrap();
    if let Some(span) = span {
        for w in Words::in_span(input, span.start, span.end) {
            p.word(WordItem { text: &input[w.offset..w.offset + w.len], offset: w.offset, lexeme: w.lexeme }).unwrap();
        }
    }
    let model = Model::new(p3p::parse_header(input));
    let options = Options::default();
    p.policy(&View::new(&model, &options)).unwrap();
    p3p::parse_header_with(input, &mut |d: p3p::Diagnostic| p.finding(&d, input).unwrap());
    p.end().unwrap();
    out
}

#[test]
fn phases_fed_in_chunks_write_the_same_report() {
    let input = b"CP=\"NOI \xc3\xa9 CURa\xe2\x82\xac PHY CONa\"";
    for format in Format::ALL {
        for lang in [Lang::En, Lang::De] {
            let whole = write(input, Mode::Header, format, lang, &Options::default());
            for cut in 0..=input.len() {
                assert_eq!(streamed(input, format, lang, cut), whole, "{format:?} {lang:?} cut at {cut}");
            }
        }
    }
}

fn corpus() -> Vec<Vec<u8>> {
    let text = std::fs::read(root().join("tests/data/policies.txt")).unwrap();
    let mut values: Vec<Vec<u8>> = text.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    for extra in [
        &b"CP=\"PHY SAMa\""[..],
        b"CP=\"PHY SAMo\"",
        b"CP=\"GOV FIN ONL PHY CUR OTRa TELa CONa DELa IVAo IVDa OTPa UNRa PUBo SAMa\"",
        b"CP=\"PHY CUR CONi TELo\"",
        b"CP=\"PHY ONL CUR CONi OTRi\"",
        b"CP=\"NOI TST\"",
        b"<script>alert(1)</script>",
        b"CP=\"\xff\xfe NOI \x00 CURa\"",
    ] {
        values.push(extra.to_vec());
    }
    values
}

#[test]
fn every_format_language_and_class_over_the_corpus() {
    let mut classes = Vec::new();
    let strict = Profile::IE6_STRICT;
    let ie6 = Profile::IE6;
    let custom = Profile::load(&std::fs::read(root().join("profiles/no-tracking.xml")).unwrap()).unwrap();
    let profiles = [None, Some(("ie6", &ie6)), Some(("ie6-strict", &strict)), Some(("no-tracking", &custom))];
    let selects = [
        ProfileSelect::default(),
        ProfileSelect { level: Some(Level::Medium as u32), party: Some(Party::Third), cookie: None },
        ProfileSelect { level: Some(Level::BlockAll as u32), party: None, cookie: Some(CookieKind::Session) },
    ];
    for value in corpus() {
        for mode in [Mode::Header, Mode::Tokens] {
            let report = Report::new(&value, mode);
            classes.push(report.class);
            for format in Format::ALL {
                for lang in Lang::ALL {
                    for profile in profiles {
                        for select in selects {
                            let options = Options {
                                select,
                                profile: profile.map(|(name, profile)| NamedProfile { profile, name }),
                            };
                            if options.check(format).is_err() {
                                continue;
                            }
                            let mut out = String::new();
                            report.write(&mut out, format, lang, &options).unwrap();
                            check_shape(&out, format, lang, &report);
                        }
                    }
                }
            }
        }
    }
    for class in Class::ALL {
        assert!(classes.contains(&class), "the corpus has no {class:?} policy");
    }
}

fn check_shape(out: &str, format: Format, lang: Lang, report: &Report<'_>) {
    let s = lang.strings();
    match format {
        Format::Text => assert!(out.starts_with(&format!("{}: ", s.text.compact_policy)), "{out}"),
        Format::Json => assert!(out.starts_with("{\"input\":\"") && out.ends_with("]}"), "{out}"),
        Format::Editor => {
            assert!(out.starts_with(s.editor.summary_heading) && out.ends_with('\n'), "{out}");
            assert!(out.contains(s.editor.evaluation_heading), "{out}");
            if report.verdict == Verdict::Unsatisfactory && report.note().is_some() {
                assert!(!out.ends_with(".\n\n"), "{out}");
            }
        }
        Format::Html => {
            let doc = Html::parse_fragment(out);
            assert!(doc.errors.is_empty(), "{:?} in {out}", doc.errors);
            assert_eq!(doc.select(&sel("section")).count(), 1);
        }
    }
}

#[test]
fn the_template_for_other_policies() {
    // A satisfactory policy: the verdict paragraph, no grid.
    for lang in Lang::ALL {
        let e = &lang.strings().editor;
        let out = write(b"CP=\"CAO PSA OUR\"", Mode::Header, Format::Editor, lang, &Options::default());
        assert!(out.trim_end().ends_with(e.verdicts[Verdict::Satisfactory as usize].1), "{out}");
        assert!(!out.contains("Persistent Cookies"));
        // No policy: its verdict and the grid, no explanation.
        let out = write(b"policyref=\"/w3c/p3p.xml\"", Mode::Header, Format::Editor, lang, &Options::default());
        assert!(out.contains(e.verdicts[Verdict::NoPolicy as usize].1), "{out}");
        assert!(out.contains("No compact policy is provided, so the cookie will be restricted to first-party use."));
        assert!(!out.contains(e.categories_intro));
        // Identifiable data with no purpose: the no-purpose sentence, the purpose note.
        let out = write(b"CP=\"FIN\"", Mode::Header, Format::Editor, lang, &Options::default());
        assert!(out.contains(e.no_purpose) && out.contains(lang.strings().note.satisfactory[1]), "{out}");
    }
    // An opt-out policy: the uses with their consent, the opt-in note only.
    let out = write(b"CP=\"PHY CUR CONo\"", Mode::Header, Format::Editor, Lang::En, &Options::default());
    assert!(out.contains("  \u{2022} The data is used for contacting the user, unless the user opts out.\n"), "{out}");
    assert!(out.ends_with(
        "\nAt High, and at Medium High for third-party cookies, all of these data uses must be opt-in for the \
         policy to be considered satisfactory.\n"
    ));
    let out = write(b"CP=\"PHY CUR CONo\"", Mode::Header, Format::Editor, Lang::De, &Options::default());
    assert!(out
        .contains("Die Daten werden verwendet, um den Nutzer zu kontaktieren, sofern der Nutzer nicht widerspricht."));
    // A selection narrows the grid.
    let o = Options {
        select: ProfileSelect { level: Some(Level::Medium as u32), party: Some(Party::Third), cookie: None },
        profile: None,
    };
    let out = write(SEED.as_bytes(), Mode::Header, Format::Editor, Lang::It, &o);
    assert!(out.contains(
        "\u{a0} Third-party usage\nPersistent Cookies\n  \u{2022} Medium: Opt-out is not provided for all \
         unsatisfactory purposes and recipients, so the cookie will be blocked.\nSession Cookies\n"
    ));
    assert!(!out.contains("First-party usage"));
    // ie6-strict: an invalid policy counts as none.
    let strict = Profile::IE6_STRICT;
    let o = Options { select: ProfileSelect::default(), profile: Some(NamedProfile { profile: &strict, name: "s" }) };
    let out = write(b"CP=\"FINa NAV\"", Mode::Header, Format::Editor, Lang::En, &o);
    assert!(out.contains("No compact policy: ") && out.contains("The compact policy is invalid"), "{out}");
}

#[test]
fn the_text_report_speaks_the_language() {
    for lang in Lang::ALL {
        let t = &lang.strings().text;
        let out = write(SEED.as_bytes(), Mode::Header, Format::Text, lang, &Options::default());
        for heading in [t.tokens, t.why, t.fixes, t.findings] {
            assert!(out.lines().any(|l| l == heading), "{lang:?}: no {heading:?} in\n{out}");
        }
        assert!(out.lines().any(|l| l.starts_with(t.decisions)), "{lang:?}: no {:?} in\n{out}", t.decisions);
        assert!(out.contains(&format!("{}: {}", t.verdict, t.verdicts[Verdict::Unsatisfactory as usize])));
        assert!(out.contains(t.why_categories) && out.contains(t.fix.satisfactory));
    }
    let de = write(SEED.as_bytes(), Mode::Header, Format::Text, Lang::De, &Options::default());
    assert!(de.contains("    - Physische Kontaktinformationen werden gesammelt.\n"), "{de}");
    assert!(de.contains("  CONa als Opt-out (CONo) zu kennzeichnen, würde Cookies annehmen lassen in Niedrig (Drittanbieter, dauerhaft);"), "{de}");
    // English stays as it was.
    let en = write(SEED.as_bytes(), Mode::Header, Format::Text, Lang::En, &Options::default());
    let mut legacy = String::new();
    Report::new(SEED.as_bytes(), Mode::Header).write_text(&mut legacy, Default::default()).unwrap();
    assert_eq!(en, legacy);
    assert!(en.contains("  Making CONa opt-out (CONo) would accept cookies at Low (third-party persistent); Medium (first-party persistent, third-party persistent, third-party session); Medium High (first-party persistent).\n"), "{en}");
}

#[test]
fn formats_and_languages_by_name() {
    for f in Format::ALL {
        assert_eq!(Format::from_name(f.name().as_bytes()), Some(f));
    }
    assert_eq!(Format::from_name(b"HTML"), Some(Format::Html));
    assert_eq!(Format::from_name(b"pdf"), None);
    assert_eq!(Lang::from_code(b"sv"), Some(Lang::Sv));
}

#[test]
fn fixes_cover_a_missing_purpose_and_every_use_without_opt_in() {
    let change = |value: &str| {
        let r = Report::new(value.as_bytes(), Mode::Header);
        r.fixes()
            .into_iter()
            .flatten()
            .map(|f| {
                let uses: Vec<String> = report::consent_tokens_in(f.uses).map(|t| t.to_string()).collect();
                (f.purpose, f.suffix.map(|s| s.name()), uses.join(" "), f.satisfactory)
            })
            .collect::<Vec<_>>()
    };
    // A use always made and one opt-out: opt-in is needed on both.
    assert_eq!(
        change("CP=\"PHY CUR CONa TELo\""),
        [(false, Some("opt-out"), "CON".into(), false), (false, Some("opt-in"), "CON TEL".into(), true)]
    );
    // No purpose: every fix declares one, with the consent the uses lack.
    assert_eq!(
        change("CP=\"PHY SAMa\""),
        [(true, Some("opt-out"), "SAM".into(), false), (true, Some("opt-in"), "SAM".into(), true)]
    );
    assert_eq!(
        change("CP=\"PHY SAMo\""),
        [(true, None, String::new(), false), (true, Some("opt-in"), "SAM".into(), true)]
    );
    assert_eq!(change("CP=\"FIN\""), [(true, None, String::new(), true)]);
    // Each suggested change really gives the verdict it claims.
    for (value, fixed) in [
        ("CP=\"PHY CUR CONa TELo\"", "CP=\"PHY CUR CONi TELi\""),
        ("CP=\"PHY SAMa\"", "CP=\"PHY CUR SAMi\""),
        ("CP=\"PHY SAMo\"", "CP=\"PHY CUR SAMi\""),
    ] {
        assert_eq!(change(value).last().map(|c| c.3), Some(true));
        assert_eq!(Report::new(fixed.as_bytes(), Mode::Header).verdict, Verdict::Satisfactory, "{fixed}");
    }
}
