#!/usr/bin/env bash
# Shows ngx_http_p3p_module at work: starts nginx on 127.0.0.1 with
# examples/nginx.conf, sends requests as a browser would in first- and
# third-party contexts (Sec-Fetch-* headers), prints each response's
# Set-Cookie lines before (straight from the upstream) and after (through
# the module), and stops nginx by its pid file.
#
#   bash examples/demo.sh [path/to/ngx_http_p3p_module.so]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
. "$root/tests/nginx/lib.sh"

module=${1:-${CARGO_TARGET_DIR:-$root/target}/nginx/ngx_http_p3p_module.so}
if [ ! -f "$module" ]; then
    echo "demo: $module not found; run: make nginx-module" >&2
    exit 1
fi
module=$(cd "$(dirname "$module")" && pwd)/$(basename "$module")

trap ngx_cleanup EXIT
ngx_prefix_init
P=$NGX_PREFIX
FRONT=$(ngx_free_port)
BACK=$(ngx_free_port)

mkdir -p "$P/modules"
ln -s "$module" "$P/modules/ngx_http_p3p_module.so"
sed -e "s/127\.0\.0\.1:18080/127.0.0.1:$FRONT/g" \
    -e "s/127\.0\.0\.1:18081/127.0.0.1:$BACK/g" \
    "$here/nginx.conf" >"$P/conf/nginx.conf"

# nginx -t shows the library's findings on p3p_policy (warnings here)
if ! ngx_test_config >"$P/t.out" 2>&1; then
    cat "$P/t.out" >&2
    echo "demo: nginx -t failed" >&2
    exit 1
fi
sed "s|$P/||" "$P/t.out"
ngx_start "$FRONT"
echo "nginx $("$NGINX_BIN" -v 2>&1 | sed 's/.*\///') on 127.0.0.1:$FRONT (site) and 127.0.0.1:$BACK (upstream), pid $(cat "$P/logs/nginx.pid")"

# What a browser sends.
NAVIGATE=(-H 'Sec-Fetch-Site: none' -H 'Sec-Fetch-Mode: navigate' -H 'Sec-Fetch-Dest: document')
FROM_OTHER_SITE=(-H 'Sec-Fetch-Site: cross-site' -H 'Sec-Fetch-Mode: navigate' -H 'Sec-Fetch-Dest: document')
EMBEDDED_IMAGE=(-H 'Sec-Fetch-Site: cross-site' -H 'Sec-Fetch-Mode: no-cors' -H 'Sec-Fetch-Dest: image')
EMBEDDED_IFRAME=(-H 'Sec-Fetch-Site: cross-site' -H 'Sec-Fetch-Mode: navigate' -H 'Sec-Fetch-Dest: iframe')
GPC=(-H 'Sec-GPC: 1')

# lines HEADER-FILE: the Set-Cookie and P3P lines, indented
lines() {
    local out
    out=$(tr -d '\r' <"$1" | grep -a -i -E '^(set-cookie|p3p):' | sed 's/^/      /' || true)
    if [ -n "$out" ]; then
        printf '%s\n' "$out"
    else
        echo "      (none)"
    fi
}

n=0
# show TITLE PATH UPSTREAM-PATH [curl options...]
show() {
    local title=$1 path=$2 upath=$3 before=$P/before after=$P/after count
    shift 3
    n=$((n + 1))
    echo
    echo "$n. $title"
    echo "   GET $path  [$(printf '%s\n' "$@" | grep -v '^-H$' | paste -s -d ',' - | sed 's/,/, /g')]"
    curl -sS --max-time 10 -o /dev/null -D "$before" "http://127.0.0.1:$BACK$upath"
    curl -sS --max-time 10 -o /dev/null -D "$after" "$@" "http://127.0.0.1:$FRONT$path"
    echo "   before (upstream):"
    lines "$before"
    echo "   after (p3p):"
    lines "$after"
    # the access log line is written just after the response
    count=0
    while [ "$(wc -l <"$P/logs/access.log" 2>/dev/null || echo 0)" -lt $n ] && [ $count -lt 20 ]; do
        sleep 0.05
        count=$((count + 1))
    done
    echo "   log: $(sed -n "${n}p" "$P/logs/access.log")"
}

show "The shop, opened in a tab (first party, Medium)" \
    /shop/ /shop/ "${NAVIGATE[@]}"
show "The shop's page embedded as an image on another site (third party, Medium)" \
    /shop/ /shop/ "${EMBEDDED_IMAGE[@]}"
show "A link from another site to the shop (top-level navigation: first party)" \
    /shop/ /shop/ "${FROM_OTHER_SITE[@]}"
show "The shop with Global Privacy Control (Sec-GPC: 1 maps to High)" \
    /shop/ /shop/ "${NAVIGATE[@]}" "${GPC[@]}"
show "The ad server in an iframe on another site (third party; its own P3P decides)" \
    /ads/ /ads/ "${EMBEDDED_IFRAME[@]}"
show "A tracker without a policy, embedded (third party, no policy)" \
    /tracker/ /tracker/ "${EMBEDDED_IMAGE[@]}"
show "The same tracker opened directly (first party, no policy: leashed)" \
    /tracker/ /tracker/ "${NAVIGATE[@]}"
show "Cookies nginx adds itself (add_header), first party" \
    /local /local "${NAVIGATE[@]}"
show "The shop at High (location with p3p_cookies high)" \
    /high/ /shop/ "${NAVIGATE[@]}"
show "The tracker at Low, embedded (third party persistent: downgraded)" \
    /low/ /tracker/ "${EMBEDDED_IMAGE[@]}"
show "The module off (p3p_policy off; p3p_cookies off)" \
    /plain/ /shop/ "${EMBEDDED_IMAGE[@]}"

echo
pid=$(cat "$P/logs/nginx.pid")
ngx_stop
echo "stopped nginx (pid $pid)"
if grep -E '\[(alert|crit|emerg)\]' "$P/logs/error.log"; then
    exit 1
fi
