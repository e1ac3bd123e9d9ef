//! The text report, laid out for an 80-column terminal: per page its
//! responses that set cookies and a decision per cookie, then a summary in
//! the manner of Internet Explorer 6's Privacy Report (sites whose cookies
//! were blocked or restricted first, then the accepted ones) and the
//! counts per action. URLs longer than a line are shortened (`--json` has
//! them whole); sentences wrap; control characters from the input are
//! escaped so they cannot drive the terminal.

use std::fmt::Write as _;

use p3p::ie6::{Action, Party};

use super::model::{FileReport, PageReport, ResponseReport, Totals};

const WIDTH: usize = 80;

/// Appends the report for one input.
pub fn write(out: &mut String, input: &str, profile: &str, level: &str, report: &FileReport) {
    let _ = writeln!(out, "Privacy report for {}", clean(input));
    let pages = match report.pages.len() {
        1 => "1 page".to_owned(),
        n => format!("{n} pages"),
    };
    let _ = writeln!(out, "Profile {}, level {level}; {pages}.", clean(profile));
    if report.pages.is_empty() {
        out.push_str("\nThe input has no entries.\n");
    }
    for page in &report.pages {
        write_page(out, page);
    }
    let _ = writeln!(out, "\nTotals: {}", counts(report.totals));
}

fn write_page(out: &mut String, page: &PageReport) {
    let _ = writeln!(out, "\nPage {}", line(&page.url, 5));
    let _ = writeln!(out, "Site {}", site(&page.site));
    if page.responses.is_empty() {
        out.push_str("\n  No response on this page set a cookie.\n");
        return;
    }
    for r in &page.responses {
        write_response(out, r);
    }
    write_summary(out, page);
}

fn write_response(out: &mut String, r: &ResponseReport) {
    let _ = writeln!(out, "\n  {}", line(&r.url, 2));
    let status = r.status.filter(|s| *s != 0).map_or_else(|| "no status".to_owned(), |s| format!("status {s}"));
    let facts = format!("{status}, site {}, {} party, class {}", site(&r.site), r.party.name(), r.class.name());
    wrap(out, 4, 6, &facts);
    let policy = r.policy.as_deref().map_or_else(|| "none".to_owned(), clean);
    wrap(out, 4, 6, &format!("Policy: {policy}"));
    for c in &r.cookies {
        let name = if c.name.is_empty() { "(no name)".to_owned() } else { clean(&c.name) };
        let head = format!("Cookie {name}: {}, {}", c.kind.key(), c.action.name());
        wrap(out, 4, 8, &head);
        wrap(out, 6, 6, c.reason);
    }
}

/// One site of a page's summary: what happened to its cookies.
struct SiteLine<'a> {
    site: &'a str,
    party: Party,
    totals: Totals,
}

fn write_summary(out: &mut String, page: &PageReport) {
    let mut sites: Vec<SiteLine<'_>> = Vec::new();
    for r in &page.responses {
        let i = match sites.iter().position(|s| s.site == r.site) {
            Some(i) => i,
            None => {
                sites.push(SiteLine { site: &r.site, party: r.party, totals: Totals::default() });
                sites.len() - 1
            }
        };
        r.cookies.iter().for_each(|c| sites[i].totals.count(c.action));
    }
    // Blocked first, then restricted (downgraded or leashed), then accepted;
    // in order of appearance within each.
    sites.sort_by_key(|s| match s.totals {
        t if t.block > 0 => 0,
        t if t.leash + t.downgrade > 0 => 1,
        _ => 2,
    });
    let (held, accepted): (Vec<_>, Vec<_>) = sites.iter().partition(|s| s.totals != only_accepted(s.totals));
    out.push_str("\n  Sites that set cookies\n");
    for (title, group) in [("Blocked or restricted", held), ("Accepted", accepted)] {
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    {title}:");
        for s in group {
            let name = site(s.site);
            let party = format!("{} party", s.party.name());
            let _ = writeln!(out, "      {name:<34} {party:<12} {}", site_counts(s.totals));
        }
    }
    let _ = writeln!(out, "  Cookies on this page: {}", counts(page.totals));
}

fn only_accepted(t: Totals) -> Totals {
    Totals { accept: t.accept, ..Totals::default() }
}

/// The actions a site's cookies met, the strictest first (`block 2, accept 1`).
fn site_counts(t: Totals) -> String {
    let parts = [
        (Action::Block, t.block),
        (Action::Leash, t.leash),
        (Action::Downgrade, t.downgrade),
        (Action::Accept, t.accept),
    ];
    parts.iter().filter(|(_, n)| *n > 0).map(|(a, n)| format!("{} {n}", a.name())).collect::<Vec<_>>().join(", ")
}

fn counts(t: Totals) -> String {
    format!("{} accept, {} downgrade, {} leash, {} block", t.accept, t.downgrade, t.leash, t.block)
}

fn site(s: &str) -> String {
    if s.is_empty() {
        "(no host)".to_owned()
    } else {
        clean(s)
    }
}

/// Escapes control characters, so that text from the input cannot move the
/// cursor or change colours.
fn clean(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// A URL shortened to fit the rest of a line after `indent` columns.
fn line(url: &str, indent: usize) -> String {
    let url = clean(url);
    let room = WIDTH - indent;
    if url.chars().count() <= room {
        return url;
    }
    let mut short: String = url.chars().take(room - 3).collect();
    short.push_str("...");
    short
}

/// Writes `text` word by word: the first line indented by `first`, the
/// others by `rest`, none past [`WIDTH`] unless a single word is longer.
fn wrap(out: &mut String, first: usize, rest: usize, text: &str) {
    let mut col = first;
    out.extend(std::iter::repeat_n(' ', first));
    let mut at_start = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = word.chars().count();
        if !at_start && col + 1 + len > WIDTH {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', rest));
            col = rest;
            at_start = true;
        }
        if !at_start {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        at_start = false;
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::super::model::CookieReport;
    use super::*;
    use p3p::ie6::CookieKind;
    use p3p::profile::ProfileClass as Class;

    fn cookie(name: &str, kind: CookieKind, action: Action) -> CookieReport {
        CookieReport {
            name: name.into(),
            kind,
            action,
            reason: "No compact policy is provided, so the cookie will be restricted to first-party use.",
        }
    }

    #[test]
    fn every_line_fits_in_80_columns_and_blocked_sites_come_first() {
        let long = format!("https://www.news.example/{}", "a".repeat(200));
        let page = PageReport {
            url: long.clone(),
            site: "news.example".into(),
            responses: vec![
                ResponseReport {
                    url: long,
                    site: "news.example".into(),
                    party: Party::First,
                    status: Some(200),
                    policy: Some(
                        "CP=\"NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA\"".into(),
                    ),
                    class: Class::None,
                    cookies: vec![cookie("sid", CookieKind::Session, Action::Accept)],
                },
                ResponseReport {
                    url: "https://ads.tracker.example/px".into(),
                    site: "tracker.example".into(),
                    party: Party::Third,
                    status: None,
                    policy: None,
                    class: Class::NoPolicy,
                    cookies: vec![cookie("uid\u{1b}[31m", CookieKind::Persistent, Action::Block)],
                },
            ],
            totals: Totals { accept: 1, block: 1, ..Totals::default() },
        };
        let report = FileReport { pages: vec![page], totals: Totals { accept: 1, block: 1, ..Totals::default() } };
        let mut out = String::new();
        write(&mut out, "capture.har", "ie6", "medium", &report);
        for l in out.lines() {
            assert!(l.chars().count() <= WIDTH, "too wide: {l:?}\n{out}");
        }
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(out.contains("Cookie uid\\u{1b}[31m: persistent, block"), "{out}");
        let blocked = out.find("Blocked or restricted:").unwrap();
        let accepted = out.find("Accepted:").unwrap();
        assert!(blocked < accepted, "{out}");
        assert!(out[blocked..accepted].contains("tracker.example"), "{out}");
        assert!(out.contains("Totals: 1 accept, 0 downgrade, 0 leash, 1 block"), "{out}");
    }

    #[test]
    fn wrap_breaks_between_words() {
        let mut out = String::new();
        wrap(&mut out, 2, 4, &"word ".repeat(30));
        let lines: Vec<_> = out.lines().collect();
        assert!(lines.len() > 1 && lines.iter().all(|l| l.len() <= WIDTH));
        assert!(lines[1].starts_with("    word"));
    }
}
