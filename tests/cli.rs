//! The `p3p` command as a user runs it: exit codes, text and JSON output,
//! batch mode on standard input, the conventions of a Unix command line
//! (help, `--opt=value`, `--`, suggestions, any bytes), positions in the
//! value as given, aggregated findings, and memory on a 50 MB value.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SEED: &str = "CP=NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA";

fn run<S: AsRef<OsStr>>(args: &[S], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_p3p"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run p3p");
    let input = stdin.map(<[u8]>::to_vec);
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = input {
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn p3p(args: &[&str], stdin: Option<&str>) -> Output {
    run(args, stdin.map(str::as_bytes))
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn errors(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
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
        // Findings in input order: the word, then the unquoted directive.
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
    // The `=` forms, other spellings and any case select the same cells.
    let same = p3p(&["explain", "--level=HIGH", "--party=1st", "--cookie=persistent", "NOI PHY CUR CONa"], None);
    let long =
        p3p(&["explain", "--level", "high", "--party", "first", "--cookie", "persistent", "NOI PHY CUR CONa"], None);
    assert!(same.status.success());
    assert_eq!(text(&same), text(&long));
    assert_eq!(
        text(&p3p(&["explain", "--level=medium-high", "NOI"], None)),
        text(&p3p(&["explain", "--level", "medium_high", "NOI"], None))
    );
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
    for bad in [
        &["lint"][..],
        &["lint", "--nope", "x"],
        &["frobnicate", "x"],
        &["explain", "--level", "extreme", "x"],
        &["lint", "--level", "high", "x"],
        &["profile"],
        &["profile", "check"],
        &[],
    ] {
        let o = p3p(bad, None);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(errors(&o).contains("Usage: p3p"), "{bad:?}: {}", errors(&o));
        assert!(o.stdout.is_empty(), "{bad:?}");
    }
}

#[test]
fn usage_errors_are_short_and_name_the_subcommand() {
    let o = p3p(&["lint", "--jsno", "x"], None);
    let e = errors(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(e.starts_with("error: unexpected argument '--jsno' found"), "{e}");
    assert!(e.contains("tip: a similar argument exists: '--json'"), "{e}");
    assert!(e.contains("Usage: p3p lint "), "{e}");
    assert!(!e.contains("Options:") && e.lines().count() < 10, "the whole help in an error:\n{e}");
}

#[test]
fn suggestions_for_mistyped_commands_options_and_values() {
    for (args, tip) in [
        (&["explan", "x"][..], "a similar subcommand exists: 'explain'"),
        (&["profile", "chek", "f"], "a similar subcommand exists: 'check'"),
        (&["explain", "--levl", "high", "x"], "a similar argument exists: '--level'"),
        (&["explain", "--level", "hihg", "x"], "a similar value exists: 'high'"),
        (&["explain", "--level=meduim", "x"], "a similar value exists: 'medium'"),
        (&["explain", "--party", "thrid", "x"], "a similar value exists: 'third'"),
        (&["explain", "--cookie", "sesion", "x"], "a similar value exists: 'session'"),
        (&["lint", "--profile", "ie6-strct", "x"], "a similar value exists: 'ie6-strict'"),
        (&["explain", "--profile=mozila", "x"], "a similar value exists: 'mozilla'"),
        (&["completions", "bsh"], "a similar value exists: 'bash'"),
    ] {
        let o = p3p(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(errors(&o).contains(tip), "{args:?}: {}", errors(&o));
    }
    // Levels are checked against the profile's own.
    let o = p3p(&["explain", "--profile", "mozilla", "--level", "medium_high", "x"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(errors(&o).contains("levels: low, medium, high, default"), "{}", errors(&o));
    let o = p3p(&["explain", "--level", "default", "x"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(errors(&o).contains("not an IE6 level"), "{}", errors(&o));
    assert!(p3p(&["explain", "--profile", "mozilla", "--level", "default", "x"], None).status.success());
}

#[test]
fn help_per_command() {
    for args in [&["help"][..], &["--help"], &["-h"]] {
        let o = p3p(args, None);
        assert!(o.status.success(), "{args:?}");
        let t = text(&o);
        assert!(t.contains("Usage: p3p <COMMAND>") && t.contains("explain") && t.contains("lint"), "{t}");
        assert!(!t.contains("manpages"), "the man page generator is hidden");
    }
    for (args, usage) in [
        (&["explain", "-h"][..], "Usage: p3p explain [OPTIONS] <VALUE>..."),
        (&["explain", "--help"], "Usage: p3p explain [OPTIONS] <VALUE>..."),
        (&["help", "explain"], "Usage: p3p explain [OPTIONS] <VALUE>..."),
        (&["lint", "--help"], "Usage: p3p lint [OPTIONS] <VALUE>..."),
        (&["profile", "check", "-h"], "Usage: p3p profile check <FILE>"),
        (&["completions", "--help"], "Usage: p3p completions <SHELL>"),
    ] {
        let o = p3p(args, None);
        assert!(o.status.success(), "{args:?}");
        assert!(text(&o).contains(usage), "{args:?}: {}", text(&o));
    }
    let t = text(&p3p(&["lint", "--help"], None));
    assert!(t.contains("COLUMN counts bytes"), "{t}");
    assert!(t.contains("Exit status: 0 when every value is clean, 1 when there are findings"), "{t}");
}

#[test]
fn several_values_and_the_double_dash() {
    let o = p3p(&["lint", "CP=\"NOI\"", "--", "CP=\"FOO\""], None);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(t.contains("1:5: warning: no purpose token"), "the first value is checked too:\n{t}");
    assert!(t.contains("2:5: error: unknown token \"FOO\""), "{t}");
    // After `--`, what looks like an option is a value.
    let o = p3p(&["explain", "--", "-h"], None);
    assert!(o.status.success());
    assert!(text(&o).starts_with("Compact policy: -h\n"), "{}", text(&o));
    // Values and standard input, numbered in order; text reports separated.
    let o = p3p(&["lint", "CP=\"X\"", "-", "CP=\"Y\""], Some("CP=\"CURR\"\n\nCP=\"NOI\"\n"));
    let t = text(&o);
    for needle in [
        "1:5: error: unknown token \"X\"",
        "2:5: error: unknown token \"CURR\"",
        "4:5: warning",
        "5:5: error: unknown token \"Y\"",
    ] {
        assert!(t.contains(needle), "missing {needle:?} in\n{t}");
    }
    let o = p3p(&["explain", "NOI", "DSP"], None);
    assert_eq!(text(&o).matches("\n----\n\n").count(), 1);
    let o = p3p(&["explain", "--json", "NOI", "DSP"], None);
    assert_eq!(text(&o).lines().count(), 2, "one JSON object per value");
}

#[test]
fn positions_and_input_are_the_value_as_given() {
    let value = "  P3P: CP=\"NOI CURR\"";
    let o = p3p(&["lint", value], None);
    assert!(text(&o).starts_with("1:16: error: unknown token \"CURR\""), "{}", text(&o));
    let o = p3p(&["lint", "-"], Some(&format!("\n{value}\r\n")));
    assert!(text(&o).starts_with("2:16: error: unknown token \"CURR\""), "{}", text(&o));
    let o = p3p(&["lint", "--json", value], None);
    let t = text(&o);
    assert!(t.starts_with("{\"input\":\"  P3P: CP=\\\"NOI CURR\\\"\",\"line\":1,\"diagnostics\":[{\"code\":\"unknown_token\",\"severity\":\"error\",\"offset\":15,\"len\":4,"), "{t}");
    assert!(!t.contains("input_base64"), "UTF-8 input needs no base64");
    // A token list after `P3P:` too.
    let o = p3p(&["lint", "p3p:  NOI  CURR"], None);
    assert!(text(&o).starts_with("1:12: error: unknown token \"CURR\""), "{}", text(&o));
}

#[test]
fn bytes_that_are_not_utf8() {
    // As an argument: read as bytes, no panic; columns count bytes.
    let value = OsStr::from_bytes(b"CP=\"NOI \xff\xfe CURR\"");
    let o = run(&[OsStr::new("lint"), value], None);
    assert_eq!(o.status.code(), Some(1), "{}", errors(&o));
    let t = text(&o);
    assert!(
        t.starts_with("1:9: error: unknown token \"\\xff\\xfe\" [unknown_token]\n1:12: error: unknown token \"CURR\""),
        "{t}"
    );
    // On standard input: the same columns (no lossy decoding).
    let o = run(&["lint", "-"], Some(b"CP=\"NOI \xff\xfe CURR\"\n"));
    assert_eq!(text(&o), t);
    // JSON: U+FFFD in `input`, the exact bytes in `input_base64`.
    let o = run(&[OsStr::new("lint"), OsStr::new("--json"), value], None);
    let t = text(&o);
    assert!(t.starts_with("{\"input\":\"CP=\\\"NOI \u{fffd}\u{fffd} CURR\\\"\",\"input_base64\":\"Q1A9Ik5PSSD//iBDVVJSIg==\",\"line\":1,"), "{t}");
    // Explain and the other commands take any bytes too.
    let o = run(&[OsStr::new("explain"), OsStr::new("--json"), value], None);
    assert!(o.status.success());
    let o = run(&[OsStr::new("explain"), OsStr::new("--level"), OsStr::from_bytes(b"hi\xffgh"), OsStr::new("x")], None);
    assert_eq!(o.status.code(), Some(2));
    let o = run(
        &[OsStr::new("lint"), OsStr::new("--profile"), OsStr::from_bytes(b"/nonexistent/\xff.xml"), OsStr::new("x")],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(errors(&o).contains("profile /nonexistent/\u{fffd}.xml: cannot open the file"), "{}", errors(&o));
}

#[test]
fn profile_files_are_checked_before_they_are_read() {
    // A device would be read forever, a directory cannot be: both are
    // refused from their metadata, with the same exit as a missing file.
    for (path, says) in [("/dev/zero", "character device"), ("/", "directory")] {
        let o = p3p(&["profile", "check", path], None);
        assert_eq!(o.status.code(), Some(2), "{path}");
        assert!(errors(&o).contains(says), "{}", errors(&o));
        let o = p3p(&["lint", "--profile", path, "CP=\"NOI\""], None);
        assert_eq!(o.status.code(), Some(2), "{path}");
        assert!(errors(&o).contains(&format!("profile {path}: not a regular file")), "{}", errors(&o));
    }
}

#[test]
fn many_findings_of_a_kind_are_counted_not_listed() {
    let value = format!("CP=\"NOI DSP COR CUR OUR BUS UNI{}\"", " NOI".repeat(20));
    let o = p3p(&["lint", &value], None);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines.len(), 6, "{t}");
    assert!(lines[..5].iter().all(|l| l.ends_with("\"NOI\" is repeated [duplicate_token]")), "{t}");
    assert_eq!(lines[5], "1:53: note: 15 more duplicate_token findings not shown (--all shows them) [duplicate_token]");
    let o = p3p(&["lint", "--all", &value], None);
    assert_eq!(text(&o).lines().count(), 20);
    let o = p3p(&["lint", "--json", &value], None);
    assert_eq!(text(&o).matches("\"code\":\"duplicate_token\"").count(), 20, "JSON has every finding");
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
    let o = p3p(&["explain", "-"], Some("\nNOI\nDSP\n"));
    assert!(text(&o).starts_with("Compact policy: NOI\n"), "no separator before the first report");
    let o = p3p(&["lint", "--json", "-"], Some("CP=\"CURR\"\n"));
    assert!(
        text(&o).starts_with("{\"input\":\"CP=\\\"CURR\\\"\",\"line\":1,\"diagnostics\":[{\"code\":\"unknown_token\"")
    );
    let o = p3p(&["lint", "-"], Some(""));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn version() {
    for flag in ["--version", "-V"] {
        let o = p3p(&[flag], None);
        assert_eq!(text(&o).trim(), format!("p3p {}", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn completions_and_man_pages() {
    for (shell, marker) in [("bash", "complete -F _p3p"), ("zsh", "#compdef p3p"), ("fish", "complete -c p3p")] {
        let o = p3p(&["completions", shell], None);
        assert!(o.status.success(), "{shell}");
        let t = text(&o);
        assert!(t.contains(marker) && t.contains("explain") && t.contains("--profile"), "{shell}:\n{t}");
    }
    let dir = temp_dir("man");
    let o = run(&[OsStr::new("manpages"), dir.join("man1").as_os_str()], None);
    assert!(o.status.success(), "{}", errors(&o));
    let mut pages: Vec<String> =
        std::fs::read_dir(dir.join("man1")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "p3p-audit.1",
            "p3p-completions.1",
            "p3p-explain.1",
            "p3p-lint.1",
            "p3p-profile-check.1",
            "p3p-profile.1",
            "p3p.1"
        ]
    );
    let lint = std::fs::read_to_string(dir.join("man1/p3p-lint.1")).unwrap();
    assert!(lint.contains(".TH p3p-lint 1") && lint.contains("\\-\\-profile"), "{lint}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn manifest_path(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel).to_str().unwrap().to_owned()
}

fn temp_dir(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("p3p-cli-{what}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
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
    let dir = temp_dir("profiles");
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
    let o = p3p(&["lint", "--json", "--profile", bad, "CP=\"NOI DSP COR CUR OUR BUS UNI\""], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(errors(&o).contains(":2:37: formatVersion"), "JSON output stays JSON");
    assert!(text(&o).starts_with("{\"input\":"), "{}", text(&o));
    let o = p3p(&["explain", "--profile", bad, "NOI"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(errors(&o).contains(":2:37: formatVersion"));
    let good = manifest_path("profiles/ie6-medium.xml");
    assert_eq!(p3p(&["profile", "check", &good], None).status.code(), Some(0));
    assert_eq!(p3p(&["lint", "--profile", &good, "CP=\"NOI DSP COR CUR OUR BUS UNI\""], None).status.code(), Some(0));
    assert_eq!(
        p3p(&["lint", &format!("--profile={good}"), "CP=\"NOI DSP COR CUR OUR BUS UNI\""], None).status.code(),
        Some(0)
    );
    assert_eq!(p3p(&["profile", "check"], None).status.code(), Some(2));
    assert_eq!(p3p(&["profile", "check", dir.join("missing.xml").to_str().unwrap()], None).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Runs `p3p ARGS` under GNU time with a value of `size` bytes on standard
/// input; returns the exit code, the first `keep` bytes of the output with
/// its length, and the maximum resident set size in KiB.
fn measured(args: &[&str], value: impl Fn(&mut dyn Write) + Send + 'static, keep: usize) -> (i32, Vec<u8>, u64, u64) {
    let time = Path::new("/usr/bin/time");
    assert!(time.exists(), "GNU time (Debian's `time` package, installed by `make setup`) measures memory");
    let report = temp_dir("rss").join("maxrss");
    let mut child = Command::new(time)
        .args([OsString::from("-f"), "%M".into(), "-o".into(), report.clone().into()])
        .arg(env!("CARGO_BIN_EXE_p3p"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || value(&mut pipe));
    let mut stdout = child.stdout.take().unwrap();
    let (mut head, mut total, mut buf) = (Vec::new(), 0u64, vec![0u8; 1 << 16]);
    loop {
        let n = stdout.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        total += n as u64;
        let room = keep.saturating_sub(head.len()).min(n);
        head.extend_from_slice(&buf[..room]);
    }
    writer.join().unwrap();
    let status = child.wait().unwrap();
    let rss = std::fs::read_to_string(&report).unwrap();
    std::fs::remove_dir_all(report.parent().unwrap()).unwrap();
    let rss = rss.lines().last().unwrap().trim().parse().unwrap();
    (status.code().unwrap_or(-1), head, total, rss)
}

/// Writes `head`, then `piece` repeated (the last one cut short), then
/// `"\n`: one line of `size` bytes and its newline.
fn one_line(w: &mut dyn Write, head: &[u8], piece: &[u8], size: usize) {
    let pieces = piece.repeat((1 << 16) / piece.len());
    let mut left = size - head.len() - 1;
    let _ = w.write_all(head);
    while left > 0 {
        let n = left.min(pieces.len());
        if w.write_all(&pieces[..n]).is_err() {
            return;
        }
        left -= n;
    }
    let _ = w.write_all(b"\"\n");
}

/// One 50 MB value on one line of standard input, linted in bounded
/// memory: the value is spooled, parsed in pieces, and the output written
/// as it is produced. The bound is a quarter of 64 MiB.
#[test]
fn a_50_mb_value_is_linted_in_bounded_memory() {
    const SIZE: usize = 50_000_000;
    const BOUND_KIB: u64 = 16 * 1024;
    // 12.5 million words, nearly all repeated tokens: millions of findings.
    let many = |w: &mut dyn Write| one_line(w, b"CP=\"", b"NOI DSP ", SIZE);
    let (code, out, _, rss) = measured(&["lint", "-"], many, 1 << 16);
    let out = String::from_utf8(out).unwrap();
    assert_eq!(code, 1);
    assert!(out.contains("1:13: warning: \"NOI\" is repeated [duplicate_token]"), "{out}");
    assert!(out.contains("1:33: note: 12499992 more duplicate_token findings not shown"), "{out}");
    assert!(out.lines().count() < 20, "{out}");
    assert!(rss < BOUND_KIB, "p3p lint used {rss} KiB for a 50 MB value");
    eprintln!("p3p lint - on a 50 MB value: max RSS {rss} KiB");

    // JSON repeats the value as given, streamed: one 50 MB word.
    let word = |w: &mut dyn Write| one_line(w, b"  P3P: CP=\"", b"x", SIZE);
    let (code, out, total, rss) = measured(&["lint", "--json", "-"], word, 64);
    assert_eq!(code, 1);
    assert!(out.starts_with(b"{\"input\":\"  P3P: CP=\\\"xxxx"), "{}", String::from_utf8_lossy(&out));
    assert!(total > SIZE as u64, "the input is repeated whole ({total} bytes)");
    assert!(total < SIZE as u64 + 1000, "the finding quotes the 50 MB word shortened ({total} bytes)");
    assert!(rss < BOUND_KIB, "p3p lint --json used {rss} KiB for a 50 MB value");
    eprintln!("p3p lint --json - on a 50 MB value: max RSS {rss} KiB");
}
