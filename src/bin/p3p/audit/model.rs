//! What an audit reads (pages and the responses on them that set cookies)
//! and what it reports (the decision for every cookie).

use std::collections::HashMap;

use p3p::ie6::{Action, CookieKind, Party};
use p3p::profile::ProfileClass;

/// A response that set cookies, reduced to what the report needs.
#[derive(Debug, Default)]
pub struct Response {
    /// The request URL.
    pub url: String,
    /// The HTTP status, when known.
    pub status: Option<u16>,
    /// Every `P3P` header value, in order.
    pub p3p: Vec<String>,
    /// Every `Set-Cookie` line, in order.
    pub set_cookie: Vec<String>,
    /// The time a cookie's `Expires` is compared with (seconds since the
    /// Unix epoch): when the request started, or the response's `Date`.
    pub now: Option<i64>,
}

/// A page: the URL of its first request and its responses that set cookies.
#[derive(Debug)]
pub struct Page {
    /// The URL of the page's first request.
    pub url: String,
    /// Responses with at least one `Set-Cookie`, in the order they started.
    pub responses: Vec<Response>,
}

/// Groups entries into pages while they are read, keeping only the first
/// URL of each page and the responses that set cookies: memory grows with
/// what the report shows, not with the input.
#[derive(Default)]
pub struct Collector {
    pages: Vec<Slot>,
    by_ref: HashMap<Option<String>, usize>,
    seen: usize,
}

struct Slot {
    /// (started, input position) of the page's earliest entry.
    first: (i64, usize),
    url: String,
    responses: Vec<(i64, usize, Response)>,
}

impl Collector {
    /// Adds one entry: its page reference (`None` for entries without one,
    /// which form a page of their own), when it started (microseconds), and
    /// its response, whose `url` is the entry's.
    pub fn add(&mut self, pageref: Option<String>, started: i64, response: Response) {
        let key = (started, self.seen);
        self.seen += 1;
        let i = match self.by_ref.get(&pageref) {
            Some(&i) => i,
            None => {
                let i = self.pages.len();
                self.by_ref.insert(pageref, i);
                self.pages.push(Slot { first: key, url: response.url.clone(), responses: Vec::new() });
                i
            }
        };
        let slot = &mut self.pages[i];
        if key < slot.first {
            slot.first = key;
            slot.url.clone_from(&response.url);
        }
        if !response.set_cookie.is_empty() {
            slot.responses.push((key.0, key.1, response));
        }
    }

    /// The pages in the order their first entries started, each with its
    /// responses in the order they started (ties keep the input order).
    pub fn finish(self) -> Vec<Page> {
        let mut slots = self.pages;
        slots.sort_by_key(|s| s.first);
        slots
            .into_iter()
            .map(|mut s| {
                s.responses.sort_by_key(|r| (r.0, r.1));
                Page { url: s.url, responses: s.responses.into_iter().map(|r| r.2).collect() }
            })
            .collect()
    }
}

/// The report for one input.
#[derive(Debug)]
pub struct FileReport {
    /// Every page, in the order it started.
    pub pages: Vec<PageReport>,
    /// Cookies per action over all pages.
    pub totals: Totals,
}

/// One page of the report.
#[derive(Debug)]
pub struct PageReport {
    /// The page URL.
    pub url: String,
    /// Its site.
    pub site: String,
    /// The responses that set cookies.
    pub responses: Vec<ResponseReport>,
    /// Cookies per action on this page.
    pub totals: Totals,
}

/// One response that set cookies.
#[derive(Debug)]
pub struct ResponseReport {
    /// The request URL.
    pub url: String,
    /// Its site.
    pub site: String,
    /// First or third party to the page.
    pub party: Party,
    /// The HTTP status, when known.
    pub status: Option<u16>,
    /// The `P3P` header value (several lines joined with `, `), if any.
    pub policy: Option<String>,
    /// The policy's class, as the deciding profile sees it.
    pub class: ProfileClass,
    /// One per `Set-Cookie` line.
    pub cookies: Vec<CookieReport>,
}

/// The decision for one `Set-Cookie` line.
#[derive(Debug)]
pub struct CookieReport {
    /// The cookie's name (empty for a nameless cookie).
    pub name: String,
    /// Session or persistent.
    pub kind: CookieKind,
    /// What the level or profile does with it.
    pub action: Action,
    /// Why.
    pub reason: &'static str,
}

/// Cookies per action. A custom profile's `prompt` counts as block, as on
/// the server.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Accepted as sent.
    pub accept: usize,
    /// Turned into session cookies.
    pub downgrade: usize,
    /// Restricted to first-party use.
    pub leash: usize,
    /// Not stored (block and prompt).
    pub block: usize,
}

impl Totals {
    /// Counts one action.
    pub fn count(&mut self, action: Action) {
        match action {
            Action::Accept => self.accept += 1,
            Action::Downgrade => self.downgrade += 1,
            Action::Leash => self.leash += 1,
            Action::Block | Action::Prompt => self.block += 1,
        }
    }

    /// Adds another count.
    pub fn add(&mut self, other: Totals) {
        self.accept += other.accept;
        self.downgrade += other.downgrade;
        self.leash += other.leash;
        self.block += other.block;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(url: &str, cookies: &[&str]) -> Response {
        Response { url: url.into(), set_cookie: cookies.iter().map(|c| c.to_string()).collect(), ..Response::default() }
    }

    #[test]
    fn a_page_is_its_earliest_entry_whatever_the_input_order() {
        let mut c = Collector::default();
        c.add(Some("p2".into()), 30, entry("https://two.example/", &[]));
        c.add(Some("p1".into()), 20, entry("https://one.example/img", &["a=1"]));
        c.add(Some("p1".into()), 10, entry("https://one.example/", &[]));
        c.add(None, 5, entry("https://loose.example/", &["b=2"]));
        c.add(Some("p1".into()), 20, entry("https://one.example/late-tie", &["c=3"]));
        let pages = c.finish();
        let urls: Vec<_> = pages.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(urls, ["https://loose.example/", "https://one.example/", "https://two.example/"]);
        let one: Vec<_> = pages[1].responses.iter().map(|r| r.url.as_str()).collect();
        assert_eq!(one, ["https://one.example/img", "https://one.example/late-tie"]);
        assert!(pages[2].responses.is_empty());
    }
}
