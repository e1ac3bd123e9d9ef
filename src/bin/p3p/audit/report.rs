//! The decisions: every `Set-Cookie` of every page, read by the library's
//! cookie functions and decided by the chosen profile and level, exactly
//! as the server would decide it.

use p3p::ie6::{Action, CookieKind, Decision, Level, Party};
use p3p::profile::{
    ProfileClass, P3P_MOZILLA_LEVEL_DEFAULT, P3P_PROFILE_IE6, P3P_PROFILE_IE6_STRICT, P3P_PROFILE_MOZILLA_LEVELS,
};
use p3p::Profile;

use crate::args::ProfileArg;
use crate::profile::{self, Loaded};

use super::model::{CookieReport, FileReport, Page, PageReport, Response, ResponseReport, Totals};
use super::site;

/// The reason given for a `Set-Cookie` line that no browser would store.
pub const CONTROL_BYTE_REASON: &str =
    "The Set-Cookie line contains a control character, so browsers ignore it and no cookie is stored.";

/// A profile and the level it decides at.
pub struct Decider {
    profile: Box<Profile>,
    /// The profile's name as given (`ie6` by default).
    pub name: String,
    level: u32,
    /// The level's key (`medium`), or `profile` for profiles without levels.
    pub level_key: &'static str,
}

impl Decider {
    /// Resolves `--profile` (a built-in name or an IE6 privacy-import file,
    /// loaded as `explain` and `lint` load it) and `--level` (default:
    /// Medium for the IE6 profiles, as IE6 shipped; `default` for
    /// `mozilla`, Mozilla's own default).
    pub fn new(profile: Option<&ProfileArg>, level: Option<&str>) -> Result<Decider, String> {
        let (profile, name) = match profile.map(profile::load).transpose()? {
            None => (Box::new(Profile::IE6), "ie6".to_owned()),
            Some(Loaded::Ready(p, name)) => (p, name),
            Some(Loaded::Broken(name, errors)) => {
                let lines: Vec<String> = errors.iter().map(|e| format!("{name}:{e} [{}]", e.code.name())).collect();
                return Err(lines.join("\n"));
            }
        };
        let level = match level {
            Some(key) => profile.level_from_key(key.as_bytes()).ok_or_else(|| {
                format!("unknown level '{key}' for profile {name} (levels: {})", profile.level_keys().join(", "))
            })?,
            None => match profile.kind {
                P3P_PROFILE_IE6 | P3P_PROFILE_IE6_STRICT => Level::Medium as u32,
                P3P_PROFILE_MOZILLA_LEVELS => P3P_MOZILLA_LEVEL_DEFAULT,
                _ => 0,
            },
        };
        let level_key = profile.level_keys().get(level as usize).copied().unwrap_or("profile");
        let decider = Decider { profile, name, level, level_key };
        // A profile that cannot decide (a bad level) fails here, once.
        decider.decide(None, Party::First, CookieKind::Session)?;
        Ok(decider)
    }

    fn decide(&self, policy: Option<&p3p::Policy>, party: Party, kind: CookieKind) -> Result<Decision, String> {
        self.profile
            .decide(policy, self.level, party, kind)
            .map(|o| o.decision)
            .map_err(|e| format!("profile {} cannot decide at level {}: {e:?}", self.name, self.level_key))
    }

    /// Decides every cookie of every page.
    pub fn report(&self, pages: Vec<Page>) -> Result<FileReport, String> {
        let mut totals = Totals::default();
        let mut out = Vec::with_capacity(pages.len());
        for page in pages {
            let page_site = site::site_of_url(&page.url);
            let mut page_totals = Totals::default();
            let mut responses = Vec::with_capacity(page.responses.len());
            for r in page.responses {
                let report = self.response(&page_site, r)?;
                report.cookies.iter().for_each(|c| page_totals.count(c.action));
                responses.push(report);
            }
            totals.add(page_totals);
            out.push(PageReport { url: page.url, site: page_site, responses, totals: page_totals });
        }
        Ok(FileReport { pages: out, totals })
    }

    fn response(&self, page_site: &str, r: Response) -> Result<ResponseReport, String> {
        let site = site::site_of_url(&r.url);
        let party = site::party(page_site, &site);
        // Several P3P header lines count as one, joined in order.
        let policy = (!r.p3p.is_empty()).then(|| r.p3p.join(", "));
        let parsed = policy.as_deref().map(|v| p3p::parse_header(v.as_bytes()));
        // The class as the deciding profile sees the policy, as everywhere.
        let class = self.profile.class_of(parsed.as_ref()).unwrap_or(ProfileClass::NoPolicy);
        let session = self.decide(parsed.as_ref(), party, CookieKind::Session)?;
        let persistent = self.decide(parsed.as_ref(), party, CookieKind::Persistent)?;
        let cookies = r
            .set_cookie
            .iter()
            .map(|line| {
                let cell = |kind| if kind == CookieKind::Session { session } else { persistent };
                match p3p::cookie::decide_cookie(line.as_bytes(), r.now, cell) {
                    Ok((d, info)) => CookieReport {
                        name: line.get(info.name_offset..info.name_offset + info.name_len).unwrap_or("").to_owned(),
                        kind: info.kind,
                        action: d.action,
                        reason: d.reason.sentence(),
                    },
                    Err(_) => CookieReport {
                        name: name_of(line),
                        kind: CookieKind::Session,
                        action: Action::Block,
                        reason: CONTROL_BYTE_REASON,
                    },
                }
            })
            .collect();
        Ok(ResponseReport { url: r.url, site, party, status: r.status, policy, class, cookies })
    }
}

/// The name of a cookie the library would not read (it has a control
/// character), for display only.
fn name_of(line: &str) -> String {
    let pair = line.split(';').next().unwrap_or("");
    pair.split_once('=').map_or("", |(n, _)| n.trim()).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(url: &str, responses: Vec<Response>) -> Page {
        Page { url: url.into(), responses }
    }

    fn response(url: &str, p3p: &[&str], cookies: &[&str]) -> Response {
        Response {
            url: url.into(),
            status: Some(200),
            p3p: p3p.iter().map(|s| s.to_string()).collect(),
            set_cookie: cookies.iter().map(|s| s.to_string()).collect(),
            now: Some(1_700_000_000),
        }
    }

    #[test]
    fn levels_default_per_profile_and_bad_ones_are_refused() {
        let named = |n: &str| ProfileArg::Builtin(n.to_owned());
        assert_eq!(Decider::new(None, None).unwrap().level_key, "medium");
        assert_eq!(Decider::new(Some(&named("ie6-strict")), Some("HIGH")).unwrap().level_key, "high");
        assert_eq!(Decider::new(Some(&named("mozilla")), None).unwrap().level_key, "default");
        assert_eq!(Decider::new(Some(&named("mozilla:afafaaaa")), None).unwrap().level_key, "profile");
        let e = Decider::new(Some(&named("mozilla")), Some("medium_high")).err().unwrap();
        assert!(e.contains("levels: low, medium, high, default"), "{e}");
        let missing = ProfileArg::File("/nonexistent/profile.xml".into());
        assert!(Decider::new(Some(&missing), None).err().unwrap().contains("cannot open"));
    }

    #[test]
    fn p3p_lines_join_and_cookies_are_read_by_the_library() {
        let d = Decider::new(None, Some("medium")).unwrap();
        let r = d
            .report(vec![page(
                "https://www.example.com/",
                vec![
                    response(
                        "https://img.example.com/a",
                        &["policyref=\"/w3c/p3p.xml\"", "CP=\"NOI DSP COR\""],
                        &["a=1; Max-Age=60"],
                    ),
                    response(
                        "https://ads.example.net/px",
                        &[],
                        &["uid=9; Expires=Wed, 21 Oct 2037 07:28:00 GMT", "sid=1", "old=; Max-Age=0", "bad=\u{1}x"],
                    ),
                ],
            )])
            .unwrap();
        let p = &r.pages[0];
        assert_eq!(p.site, "example.com");
        let first = &p.responses[0];
        assert_eq!((first.party, first.class), (Party::First, ProfileClass::Ok));
        assert_eq!(first.policy.as_deref(), Some("policyref=\"/w3c/p3p.xml\", CP=\"NOI DSP COR\""));
        let third = &p.responses[1];
        assert_eq!(
            (third.site.as_str(), third.party, third.class),
            ("example.net", Party::Third, ProfileClass::NoPolicy)
        );
        let got: Vec<_> = third.cookies.iter().map(|c| (c.name.as_str(), c.kind, c.action)).collect();
        assert_eq!(
            got,
            [
                ("uid", CookieKind::Persistent, Action::Block),
                ("sid", CookieKind::Session, Action::Block),
                ("old", CookieKind::Persistent, Action::Accept),
                ("bad", CookieKind::Session, Action::Block),
            ]
        );
        assert_eq!(third.cookies[3].reason, CONTROL_BYTE_REASON);
        assert_eq!(r.totals, Totals { accept: 2, downgrade: 0, leash: 0, block: 3 });
        assert_eq!(p.totals, r.totals);
    }
}
