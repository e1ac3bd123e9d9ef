//! Sites and parties: which host a URL names, the site it belongs to, and
//! whether a response is first or third party to its page.
//!
//! The site of a host is its registrable domain by the Public Suffix List
//! (ICANN and private sections, compiled into the `psl` crate):
//! `a.example.co.uk` and `b.example.co.uk` are both `example.co.uk`, while
//! `a.github.io` and `b.github.io` are two sites. IP addresses, hosts whose
//! last label is not a known public suffix (`localhost`, `printer.lan`) and
//! hosts that are themselves a public suffix are their own site. Hosts are
//! compared without regard to ASCII case and without a trailing dot; the
//! scheme, port and user information play no part.

use std::net::Ipv4Addr;

use p3p::ie6::Party;

/// The host of a URL as written (brackets kept for IPv6), or `None` when
/// the URL has no authority (`data:`, `about:blank`, `file:///x`).
pub fn host(url: &str) -> Option<&str> {
    let rest = match url.find("//") {
        // "//" must follow the scheme directly ("https://"), or start the
        // URL (a scheme-relative reference).
        Some(0) => &url[2..],
        Some(i) if url[..i].ends_with(':') && is_scheme(&url[..i - 1]) => &url[i + 2..],
        _ => return None,
    };
    let authority = &rest[..rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len())];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        host_port.find(']').map_or(host_port, |end| &host_port[..=end])
    } else {
        host_port.split_once(':').map_or(host_port, |(h, _)| h)
    };
    (!host.is_empty()).then_some(host)
}

fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// A host in the form sites are compared in: ASCII lower case, without a
/// trailing dot.
pub fn normalise_host(host: &str) -> String {
    let h = host.strip_suffix('.').unwrap_or(host);
    h.to_ascii_lowercase()
}

/// The site of a URL: the registrable domain of its host, or the whole
/// host (see the module documentation); the empty string when the URL has
/// no host.
pub fn site_of_url(url: &str) -> String {
    host(url).map(|h| site_of_host(&normalise_host(h))).unwrap_or_default()
}

/// The site of a normalised host.
pub fn site_of_host(host: &str) -> String {
    if host.starts_with('[') || host.parse::<Ipv4Addr>().is_ok() {
        return host.to_owned();
    }
    let bytes = host.as_bytes();
    match psl::suffix(bytes) {
        Some(s) if s.is_known() => match psl::domain(bytes) {
            Some(d) => String::from_utf8_lossy(d.as_bytes()).into_owned(),
            None => host.to_owned(),
        },
        _ => host.to_owned(),
    }
}

/// First party when the response's site is the page's.
pub fn party(page_site: &str, response_site: &str) -> Party {
    if page_site == response_site {
        Party::First
    } else {
        Party::Third
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_found_in_every_url_shape() {
        assert_eq!(host("https://www.example.com/a?b#c"), Some("www.example.com"));
        assert_eq!(host("https://user:pw@Host.Example:8443"), Some("Host.Example"));
        assert_eq!(host("http://[2001:db8::1]:8080/x"), Some("[2001:db8::1]"));
        assert_eq!(host("//cdn.example.net/x.js"), Some("cdn.example.net"));
        assert_eq!(host("https://example.com?q=//x"), Some("example.com"));
        assert_eq!(host("data:text/html,//x"), None);
        assert_eq!(host("about:blank"), None);
        assert_eq!(host("file:///etc/hosts"), None);
        assert_eq!(host("/relative//path"), None);
    }

    #[test]
    fn registrable_domains_follow_the_public_suffix_list() {
        assert_eq!(site_of_url("https://a.example.co.uk/"), "example.co.uk");
        assert_eq!(site_of_url("https://b.example.co.uk/"), "example.co.uk");
        assert_eq!(site_of_url("https://a.github.io/"), "a.github.io");
        assert_eq!(site_of_url("https://b.github.io/"), "b.github.io");
        assert_eq!(site_of_url("https://WWW.Example.COM./"), "example.com");
        assert_eq!(site_of_url("https://ads.tracker.example.com:8443/px"), "example.com");
    }

    #[test]
    fn addresses_and_unknown_suffixes_compare_by_the_whole_host() {
        assert_eq!(site_of_url("http://192.0.2.10/"), "192.0.2.10");
        assert_eq!(site_of_url("http://[2001:DB8::1]/"), "[2001:db8::1]");
        assert_eq!(site_of_url("http://localhost:8080/"), "localhost");
        assert_eq!(site_of_url("http://a.intranet.lan/"), "a.intranet.lan");
        assert_eq!(site_of_url("https://co.uk/"), "co.uk");
        assert_eq!(site_of_url("about:blank"), "");
    }

    #[test]
    fn party_is_site_equality() {
        assert_eq!(party("example.com", "example.com"), Party::First);
        assert_eq!(party("example.com", "tracker.example"), Party::Third);
        assert_eq!(party("192.0.2.10", "192.0.2.11"), Party::Third);
    }
}
