//! Class and verdict are the profile's view everywhere: the text report,
//! the JSON report, the Rust API and the C API agree, for every built-in
//! profile and a custom one, on policies where the profiles disagree.

use p3p::explain::{NamedProfile, ProfileSelect, Report};
use p3p::{Mode, Profile};

const INPUTS: &[&str] = &[
    r#"CP="FINa NAV""#,
    r#"CP="This is not a P3P policy! See our help pages for more info.""#,
    r#"CP="noi cura phy cona""#,
    r#"CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA""#,
    r#"CP="NOI CUR OUR STA""#,
    r#"CP="PHY CUR CONo OUR""#,
    r#"CP="NOI CUR TST""#,
    r#"CP="""#,
    "policyref=\"/w3c/p3p.xml\"",
];

fn profiles() -> Vec<(String, Profile)> {
    let mut v: Vec<(String, Profile)> = ["ie6", "ie6-strict", "mozilla", "mozilla:high", "mozilla:drdraaaa"]
        .iter()
        .map(|n| (n.to_string(), Profile::builtin(n.as_bytes()).unwrap()))
        .collect();
    for f in ["essential-only.xml", "no-tracking.xml", "ie6-low.xml"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles").join(f);
        v.push((f.to_string(), Profile::load_file(path).unwrap()));
    }
    v
}

#[test]
fn text_json_rust_and_c_agree() {
    for (name, profile) in profiles() {
        for input in INPUTS {
            let report = Report::new(input.as_bytes(), Mode::Header);
            let policy = report.policy;
            let class = profile.class_of(Some(&policy)).unwrap();
            let verdict = profile.verdict_of(Some(&policy)).unwrap();
            let named = NamedProfile { profile: &profile, name: &name };

            let mut json = String::new();
            report.write_profile_json(&mut json, named, ProfileSelect::default()).unwrap();
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(v["class"], class.name(), "{name} {input}");
            assert_eq!(v["verdict"], verdict.name(), "{name} {input}");

            let mut text = String::new();
            report.write_profile_text(&mut text, named, ProfileSelect::default()).unwrap();
            let line = |key: &str| {
                text.lines().find_map(|l| l.strip_prefix(key)).map(|l| l.split(' ').next().unwrap().to_owned())
            };
            assert_eq!(line("Class: ").as_deref(), Some(class.name()), "{name} {input}\n{text}");
            assert_eq!(line("Verdict: ").as_deref(), Some(verdict.name()), "{name} {input}\n{text}");

            let (mut c, mut d) = (99u32, 99u32);
            // SAFETY: valid pointers for the call.
            unsafe {
                assert_eq!(p3p::ffi::p3p_profile_class(&profile, &policy, &mut c), 0);
                assert_eq!(p3p::ffi::p3p_profile_verdict(&profile, &policy, &mut d), 0);
            }
            assert_eq!((c, d), (class as u32, verdict as u32), "{name} {input}");

            // Every cell the JSON shows is the profile's own decision.
            if verdict == p3p::ie6::Verdict::Satisfactory {
                let grid = &v["grid"];
                for party in ["first_party", "third_party"] {
                    for cookie in ["persistent", "session"] {
                        for (level, cell) in grid[party][cookie].as_object().unwrap() {
                            if !matches!(level.as_str(), "block_all" | "accept_all") {
                                assert_eq!(cell["action"], "accept", "{name} {input} {party} {cookie} {level}");
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_plain_report_is_the_ie6_profile() {
    let ie6 = Profile::builtin(b"ie6").unwrap();
    for input in INPUTS {
        let report = Report::new(input.as_bytes(), Mode::Header);
        let mut json = String::new();
        report.write_json(&mut json, Default::default()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["class"], ie6.class_of(Some(&report.policy)).unwrap().name(), "{input}");
        assert_eq!(v["verdict"], ie6.verdict_of(Some(&report.policy)).unwrap().name(), "{input}");
    }
}
