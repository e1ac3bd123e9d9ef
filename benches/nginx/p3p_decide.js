// The cookie decision of `p3p_cookies medium` under the site's compact
// policy, written in njs for comparison with ngx_http_p3p_module
// (benches/nginx/run.sh). It does what the module does for this policy:
// adds the P3P header, derives the party from Fetch Metadata, tells session
// from persistent cookies (deletions pass), and per Set-Cookie line
// accepts, downgrades (drops Expires/Max-Age), leashes (SameSite=Lax) or
// blocks. The policy's class is fixed when the script is written, as the
// module fixes it when nginx reads its configuration.

var POLICY = 'CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA"';
var LEVEL = 'medium';

// IE6 cells for that policy's class ("none": identifiable data used
// without consent), [party][kind][level].
var GRID = {
    first: {
        persistent: { block_all: 'block', high: 'block', medium_high: 'block',
                      medium: 'downgrade', low: 'accept', accept_all: 'accept' },
        session:    { block_all: 'block', high: 'block', medium_high: 'accept',
                      medium: 'accept', low: 'accept', accept_all: 'accept' }
    },
    third: {
        persistent: { block_all: 'block', high: 'block', medium_high: 'block',
                      medium: 'block', low: 'downgrade', accept_all: 'accept' },
        session:    { block_all: 'block', high: 'block', medium_high: 'block',
                      medium: 'block', low: 'accept', accept_all: 'accept' }
    }
};

function party(r) {
    var site = (r.headersIn['Sec-Fetch-Site'] || '').trim().toLowerCase();
    var dest = (r.headersIn['Sec-Fetch-Dest'] || '').trim().toLowerCase();
    return (site == 'cross-site' && dest != 'document') ? 'third' : 'first';
}

// 'session', 'persistent' or 'deletion'
function kind(attrs, now) {
    var i, eq, name, value, maxAge = null, expires = null;

    for (i = 1; i < attrs.length; i++) {
        eq = attrs[i].indexOf('=');
        name = (eq < 0 ? attrs[i] : attrs[i].substring(0, eq)).trim().toLowerCase();
        value = eq < 0 ? '' : attrs[i].substring(eq + 1).trim();

        if (name == 'max-age' && /^-?[0-9]+$/.test(value)) {
            maxAge = parseInt(value, 10);
        } else if (name == 'expires') {
            var t = Date.parse(value);
            if (!isNaN(t)) {
                expires = t;
            }
        }
    }

    if (maxAge !== null) {
        return maxAge <= 0 ? 'deletion' : 'persistent';
    }
    if (expires !== null) {
        return expires <= now ? 'deletion' : 'persistent';
    }
    return 'session';
}

function rewrite(attrs, action) {
    var out = [attrs[0]], i, name, eq;

    for (i = 1; i < attrs.length; i++) {
        eq = attrs[i].indexOf('=');
        name = (eq < 0 ? attrs[i] : attrs[i].substring(0, eq)).trim().toLowerCase();
        if (action == 'downgrade' && (name == 'expires' || name == 'max-age')) {
            continue;
        }
        if (action == 'leash' && name == 'samesite') {
            continue;
        }
        out.push(attrs[i]);
    }
    if (action == 'leash') {
        out.push(' SameSite=Lax');
    }
    return out.join(';');
}

function filter(r) {
    var cookies, out, i, attrs, k, action, p, now;

    if (r.headersOut['P3P'] === undefined) {
        r.headersOut['P3P'] = POLICY;
    }

    cookies = r.headersOut['Set-Cookie'];
    if (!cookies || cookies.length == 0) {
        return;
    }

    p = party(r);
    now = Date.now();
    out = [];

    for (i = 0; i < cookies.length; i++) {
        attrs = cookies[i].split(';');
        k = kind(attrs, now);
        action = (k == 'deletion') ? 'accept' : GRID[p][k][LEVEL];

        if (action == 'accept') {
            out.push(cookies[i]);
        } else if (action != 'block') {
            out.push(rewrite(attrs, action));
        }
    }

    r.headersOut['Set-Cookie'] = out;
}

export default { filter };
