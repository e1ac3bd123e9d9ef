//! The JSON report, a contract other tools rely on: one object per input,
//! on one line,
//!
//! ```text
//! {"pages": [{"url", "site", "responses": [{"url", "site", "party": "first"|"third",
//!   "policy": <header value or null>, "class", "cookies": [{"name",
//!   "kind": "session"|"persistent", "action", "reason"}]}]}],
//!  "totals": {"accept": n, "downgrade": n, "leash": n, "block": n}}
//! ```
//!
//! Nothing else is added: new fields would be a new version of the contract.

use serde::Serialize;

use super::model::{FileReport, Totals};

#[derive(Serialize)]
struct Document<'a> {
    pages: Vec<Page<'a>>,
    totals: Counts,
}

#[derive(Serialize)]
struct Page<'a> {
    url: &'a str,
    site: &'a str,
    responses: Vec<Response<'a>>,
}

#[derive(Serialize)]
struct Response<'a> {
    url: &'a str,
    site: &'a str,
    party: &'static str,
    policy: Option<&'a str>,
    class: &'static str,
    cookies: Vec<Cookie<'a>>,
}

#[derive(Serialize)]
struct Cookie<'a> {
    name: &'a str,
    kind: &'static str,
    action: &'static str,
    reason: &'static str,
}

#[derive(Serialize)]
struct Counts {
    accept: usize,
    downgrade: usize,
    leash: usize,
    block: usize,
}

impl From<Totals> for Counts {
    fn from(t: Totals) -> Counts {
        Counts { accept: t.accept, downgrade: t.downgrade, leash: t.leash, block: t.block }
    }
}

/// Appends the object for one input and a newline.
pub fn write(out: &mut Vec<u8>, report: &FileReport) -> serde_json::Result<()> {
    let doc = Document {
        pages: report
            .pages
            .iter()
            .map(|p| Page {
                url: &p.url,
                site: &p.site,
                responses: p
                    .responses
                    .iter()
                    .map(|r| Response {
                        url: &r.url,
                        site: &r.site,
                        party: r.party.name(),
                        policy: r.policy.as_deref(),
                        class: r.class.name(),
                        cookies: r
                            .cookies
                            .iter()
                            .map(|c| Cookie {
                                name: &c.name,
                                kind: c.kind.key(),
                                action: c.action.name(),
                                reason: c.reason,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        totals: report.totals.into(),
    };
    serde_json::to_writer(&mut *out, &doc)?;
    out.push(b'\n');
    Ok(())
}
