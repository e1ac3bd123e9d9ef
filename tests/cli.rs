//! The `p3p` command as a user runs it: exit codes, text and JSON output,
//! batch mode on standard input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SEED: &str = "CP=NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA";

fn p3p(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_p3p"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run p3p");
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn explain_prints_the_report() {
    let o = p3p(&["explain", SEED], None);
    assert!(o.status.success());
    let t = text(&o);
    for needle in [
        "CURa   purpose           The data is used for completion of the current activity.",
        "Verdict: Unsatisfactory policy.",
        "    Medium High: No opt-out is provided, so the cookie will be blocked.",
        "Making CONa opt-out (CONo)",
        "[nonstandard_suffix]",
    ] {
        assert!(t.contains(needle), "missing {needle:?} in\n{t}");
    }
}

#[test]
fn explain_json_follows_the_contract() {
    let o = p3p(&["explain", "--json", SEED], None);
    assert!(o.status.success());
    let t = text(&o);
    assert!(t.starts_with('{') && t.trim_end().ends_with('}'));
    for needle in [
        "\"present\":true",
        "\"class\":\"none\"",
        "\"verdict\":\"unsatisfactory\"",
        "{\"token\":\"CURa\",\"offset\":7,\"base\":\"CUR\",\"suffix\":\"a\",\"group\":\"purpose\",\"meaning\":\"The data is used for completion of the current activity.\",\"valid\":true}",
        "\"grid\":{\"first_party\":{\"persistent\":{\"block_all\":{\"action\":\"block\"",
        "\"medium\":{\"action\":\"downgrade\",\"reason\":\"Opt-out is not provided for all unsatisfactory purposes and recipients, so the cookie will be downgraded to a session cookie.\"}",
        "\"unsatisfactory\":{\"categories\":[\"PHY\",\"ONL\"],\"uses\":[\"CON\"]}",
        "\"diagnostics\":[{\"code\":\"nonstandard_suffix\"",
        "{\"code\":\"unquoted_value\",\"severity\":\"warning\",\"offset\":0,\"len\":80,",
    ] {
        assert!(t.contains(needle), "missing {needle:?} in\n{t}");
    }
}

#[test]
fn explain_selects_cells() {
    let o = p3p(
        &["explain", "--json", "--level", "medium", "--party", "third", "--cookie", "session", "NOI PHY CUR CONa"],
        None,
    );
    let t = text(&o);
    assert!(t.contains("\"selected\":[{\"level\":\"medium\",\"party\":\"third_party\",\"cookie\":\"session\",\"decision\":{\"action\":\"block\""), "{t}");
    let o = p3p(&["explain", "--level", "high", "NOI PHY CUR CONa"], None);
    let t = text(&o);
    assert!(t.contains("High: Since opt-in is not required") && !t.contains("Low: "), "{t}");
}

#[test]
fn a_value_without_equals_is_a_token_list() {
    let o = p3p(&["explain", "--json", "NOI DSP COR CUR OUR BUS UNI"], None);
    let t = text(&o);
    assert!(t.contains("\"present\":true") && t.contains("\"verdict\":\"satisfactory\""), "{t}");
    let o = p3p(&["explain", "--json", "P3P: CP=\"NOI\""], None);
    assert!(text(&o).contains("\"tokens\":[{\"token\":\"NOI\""));
    let o = p3p(&["explain", "--json", "policyref=\"/w3c/p3p.xml\""], None);
    let t = text(&o);
    assert!(t.contains("\"present\":false") && t.contains("\"verdict\":\"no_policy\""), "{t}");
}

#[test]
fn lint_exit_codes() {
    let clean = p3p(&["lint", "CP=\"NOI DSP COR CUR OUR BUS UNI\""], None);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean));
    assert!(clean.stdout.is_empty());
    let dirty = p3p(&["lint", "CP=\"NOI CURR CONA\""], None);
    assert_eq!(dirty.status.code(), Some(1));
    let t = text(&dirty);
    assert!(t.contains("1:9: error: unknown token \"CURR\"; did you mean \"CUR\"? [unknown_token]"), "{t}");
    assert!(t.contains("did you mean \"CONa\"?"), "{t}");
    for bad in
        [&["lint"][..], &["lint", "--nope", "x"], &["frobnicate", "x"], &["explain", "--level", "extreme", "x"], &[]]
    {
        let o = p3p(bad, None);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("usage:"));
    }
}

#[test]
fn stdin_batch_mode() {
    let input = "CP=\"NOI DSP COR CUR OUR BUS UNI\"\n\nCP=\"CURR\"\r\nNOI DSP COR CUR OUR BUS UNI\n";
    let o = p3p(&["lint", "-"], Some(input));
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(t.lines().all(|l| l.starts_with("3:")), "only line 3 has findings:\n{t}");
    let o = p3p(&["explain", "--json", "-"], Some(input));
    assert!(o.status.success());
    assert_eq!(text(&o).lines().count(), 3, "one JSON object per value");
    let o = p3p(&["lint", "--json", "-"], Some("CP=\"CURR\"\n"));
    assert!(text(&o).starts_with("{\"input\":\"CP=\\\"CURR\\\"\",\"diagnostics\":[{\"code\":\"unknown_token\""));
}

#[test]
fn version() {
    let o = p3p(&["--version"], None);
    assert_eq!(text(&o).trim(), format!("p3p {}", env!("CARGO_PKG_VERSION")));
}

fn manifest_path(rel: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel).to_str().unwrap().to_owned()
}

#[test]
fn explain_with_profiles() {
    let o = p3p(&["explain", "--json", "--profile", "mozilla", "CP=\"NOI CUR CONo PHY\""], None);
    assert!(o.status.success());
    let t = text(&o);
    assert!(t.contains("\"profile\":\"mozilla\",\"mozilla_class\":\"implicit\""), "{t}");
    assert!(t.contains("\"third_party\":{\"persistent\":{\"low\":{\"action\":\"accept\""), "{t}");
    assert!(t.contains("\"high\":{\"action\":\"downgrade\""), "{t}");
    let file = manifest_path("profiles/no-tracking.xml");
    let o = p3p(&["explain", "--json", "--profile", &file, "NOI CUR TAI OUR"], None);
    let t = text(&o);
    assert!(
        t.contains("\"grid\":{\"first_party\":{\"persistent\":{\"profile\":{\"action\":\"block\",\"reason\":\"A rule of the profile matches the policy, so the rule's action applies.\",\"rule\":1,\"line\":20}"),
        "{t}"
    );
    let o = p3p(&["explain", "--profile", "ie6-strict", "--level", "medium", "CP=\"This is not a P3P policy!\""], None);
    let t = text(&o);
    assert!(t.contains("Class: no_policy (the policy is invalid, so it counts as none)"), "{t}");
    assert!(
        t.contains(
            "Medium: block: The compact policy is invalid, so it counts as no policy and the cookie will be blocked."
        ),
        "{t}"
    );
    let o = p3p(&["explain", "--profile", "mozilla:drdraaaa", "--level", "medium", "x"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = p3p(&["explain", "--profile", "mozilla:drdra", "x"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn profile_check_and_lint_report_file_errors() {
    let dir = std::env::temp_dir().join(format!("p3p-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.xml");
    std::fs::write(&bad, "<MSIEPrivacy>\n<MSIEPrivacySettings formatVersion=\"6.0\"/>\n</MSIEPrivacy>\n").unwrap();
    let bad = bad.to_str().unwrap();
    let o = p3p(&["profile", "check", bad], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o),
        format!(
            "{bad}:2:1: required element missing: \"internet p3pCookiePolicy\" [missing_element]\n\
             {bad}:2:37: formatVersion must be \"6\": \"6.0\" [format_version]\n"
        )
    );
    let o = p3p(&["lint", "--profile", bad, "CP=\"NOI DSP COR CUR OUR BUS UNI\""], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains(":2:37: formatVersion"));
    let o = p3p(&["explain", "--profile", bad, "NOI"], None);
    assert_eq!(o.status.code(), Some(2));
    let good = manifest_path("profiles/ie6-medium.xml");
    assert_eq!(p3p(&["profile", "check", &good], None).status.code(), Some(0));
    assert_eq!(p3p(&["lint", "--profile", &good, "CP=\"NOI DSP COR CUR OUR BUS UNI\""], None).status.code(), Some(0));
    assert_eq!(p3p(&["profile", "check"], None).status.code(), Some(2));
    assert_eq!(p3p(&["profile", "check", dir.join("missing.xml").to_str().unwrap()], None).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
