#!/usr/bin/env bash
# Soak test of ngx_http_p3p_module: nginx (two workers, 127.0.0.1) under
# wrk for SOAK_SECONDS with "nginx -s reload" every SOAK_RELOAD seconds,
# serving local (add_header) and proxied responses with many cookies, under
# the IE6 levels and a profile; then the same load and reloads against the
# same configuration without the module.
#
#   bash tests/nginx/soak.sh path/to/ngx_http_p3p_module.so
#
# Reports, for each run: requests, non-2xx responses and socket errors,
# reloads, the workers' and the master's RSS before and after. While the
# load runs, a sample of responses is fetched with curl after each reload
# and checked against the expected decisions (written out below).
# Fails on a wrong decision, on more errors with the module than without,
# on an [alert], [crit], [emerg] or crashed worker in the error log, or on
# the master growing by more than SOAK_RSS_GROWTH_KB (65536).
#
# SOAK_SECONDS (60 per run), SOAK_RELOAD (3), SOAK_CONNECTIONS (32),
# SOAK_THREADS (2). Servers are stopped by their pid (lib.sh).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 path/to/ngx_http_p3p_module.so" >&2
    exit 2
fi
module=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

SECONDS_PER_RUN=${SOAK_SECONDS:-60}
RELOAD=${SOAK_RELOAD:-3}
CONNECTIONS=${SOAK_CONNECTIONS:-32}
THREADS=${SOAK_THREADS:-2}
GROWTH_KB=${SOAK_RSS_GROWTH_KB:-65536}

command -v wrk >/dev/null || { echo "soak-nginx: wrk is not installed (make setup)"; exit 1; }

SEED='NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA'

# 40 cookies per response: session, persistent, deletions, fake deletions.
COOKIES=()
for i in $(seq 1 10); do
    COOKIES+=("s$i=v$i; Path=/; HttpOnly")
    COOKIES+=("p$i=v$i; Max-Age=3600; Path=/")
    COOKIES+=("d$i=; Max-Age=0; Path=/")
    COOKIES+=("f$i=v$i; Max-Age junk=0; Path=/")
done

# What the module must do with each, by the README's rules, for the seed
# policy (class none; Mozilla: no consent):
#   /local, /proxy/  IE6 medium, first party: session cookies (s, f) kept,
#                    persistent ones downgraded, deletions kept
#   /profile/        mozilla:high, third party ("r"): everything blocked
#                    except the deletions
expected_action() { # PATH NAME
    case "$1:${2%%[0-9]*}" in
        /profile/*:d) echo accept ;;
        /profile/*:*) echo block ;;
        *:p) echo downgrade ;;
        *) echo accept ;;
    esac
}

trap ngx_cleanup EXIT
ngx_prefix_init
P=$NGX_PREFIX
FRONT=$(ngx_free_port)
BACK=$(ngx_free_port)

# write_conf VARIANT: "module" or "plain" (no module, the same servers)
write_conf() {
    local v=$1 c p3p_local="" p3p_proxy="" p3p_profile=""
    if [ "$v" = module ]; then
        p3p_local="p3p_policy \"$SEED\"; p3p_cookies medium;"
        p3p_proxy=$p3p_local
        p3p_profile="p3p_policy \"$SEED\"; p3p_cookies moz:high;"
    fi
    {
        echo "pid logs/nginx.pid;"
        echo "error_log logs/error.log warn;"
        echo "worker_processes 2;"
        [ "$v" = module ] && echo "load_module $module;"
        echo "events { worker_connections 1024; }"
        echo "http {"
        ngx_temp_paths
        echo "    access_log off;"
        echo "    default_type text/plain;"
        [ "$v" = module ] && echo "    p3p_profile moz mozilla;"
        echo "    upstream back { server 127.0.0.1:$BACK; keepalive 16; }"
        echo "    server {"
        echo "        listen 127.0.0.1:$BACK;"
        echo "        location / {"
        for c in "${COOKIES[@]}"; do echo "            add_header Set-Cookie \"$c\";"; done
        echo "            return 200 \"backend\\n\";"
        echo "        }"
        echo "    }"
        echo "    server {"
        echo "        listen 127.0.0.1:$FRONT;"
        echo "        proxy_buffer_size 16k;"
        echo "        proxy_buffers 4 16k;"
        echo "        proxy_busy_buffers_size 16k;"
        echo "        location = /local {"
        echo "            $p3p_local"
        for c in "${COOKIES[@]}"; do echo "            add_header Set-Cookie \"$c\";"; done
        echo "            return 200 \"local\\n\";"
        echo "        }"
        for loc in proxy profile; do
            echo "        location /$loc/ {"
            if [ $loc = proxy ]; then echo "            $p3p_proxy"; else echo "            $p3p_profile"; fi
            echo "            proxy_http_version 1.1;"
            echo "            proxy_set_header Connection \"\";"
            echo "            proxy_pass http://back/;"
            echo "        }"
        done
        echo "    }"
        echo "}"
    } >"$P/conf/nginx.conf"
}

# wrk cycles through the three paths; the profile one as a third-party
# subresource, so that mozilla:high blocks.
cat >"$P/paths.lua" <<'EOF'
local paths = { "/local", "/proxy/many", "/profile/many" }
local third = { ["Sec-Fetch-Site"] = "cross-site", ["Sec-Fetch-Dest"] = "image" }
local i = 0
request = function()
    i = i + 1
    local path = paths[(i % #paths) + 1]
    if path == "/profile/many" then
        return wrk.format("GET", path, third)
    end
    return wrk.format("GET", path)
end
EOF

rss_kb() { # PID...: the sum of VmRSS
    local pid total=0 kb
    for pid in "$@"; do
        kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

master_pid() { cat "$P/logs/nginx.pid"; }

workers() { # the current workers: children of the master
    cat "/proc/$(master_pid)/task/$(master_pid)/children" 2>/dev/null || true
}

# check_sample VARIANT PATH: one response, every Set-Cookie line as
# expected; appends "ok PATH" or "WRONG ..." lines to $P/samples.VARIANT
check_sample() {
    local v=$1 path=$2 headers c name want got bad=0
    local curl_args=(-sS --max-time 10 -D - -o /dev/null)
    [ "$path" = /profile/many ] && curl_args+=(-H 'Sec-Fetch-Site: cross-site' -H 'Sec-Fetch-Dest: image')
    if ! headers=$(curl "${curl_args[@]}" "http://127.0.0.1:$FRONT$path" | tr -d '\r'); then
        echo "WRONG: $v $path: no response" >>"$P/samples.$v"
        return
    fi
    for c in "${COOKIES[@]}"; do
        name=${c%%=*}
        got=$(grep -i "^set-cookie: $name=" <<<"$headers" | sed 's/^[^:]*: //' || true)
        want=accept
        [ "$v" = module ] && want=$(expected_action "$path" "$name")
        case $want in
            accept) [ "$got" = "$c" ] ;;
            block) [ -z "$got" ] ;;
            downgrade) [ "$got" = "${c%%;*}; Path=/" ] ;;
        esac || {
            bad=1
            echo "WRONG: $v $path $name: want $want, got '${got:-nothing}'" >>"$P/samples.$v"
        }
    done
    [ $bad = 1 ] || echo "ok $path" >>"$P/samples.$v"
}

declare -A RESULT
failed=0
SAMPLE_BAD=0

run() { # VARIANT
    local v=$1 wrk_pid start k reloads=0 samples out sampler=""
    write_conf "$v"
    : >"$P/logs/error.log"
    ngx_start "$FRONT"
    # warm up, then take the "before" figures
    wrk -t1 -c4 -d2s -s "$P/paths.lua" "http://127.0.0.1:$FRONT" >/dev/null 2>&1 || true
    local m_before w_before
    m_before=$(rss_kb "$(master_pid)")
    # shellcheck disable=SC2046
    w_before=$(rss_kb $(workers))

    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 5s -s "$P/paths.lua" \
        "http://127.0.0.1:$FRONT" >"$P/wrk.$v" 2>&1 &
    wrk_pid=$!
    start=$(date +%s)
    # The same reloads in both runs: at start + k * RELOAD, up to two
    # seconds before the end. After each, a sample of responses is checked
    # in the background (skipped while the previous sample still runs), so
    # that slow responses under load never delay a reload.
    : >"$P/samples.$v"
    for k in $(seq 1 $(((SECONDS_PER_RUN - 2) / RELOAD))); do
        while [ "$(date +%s)" -lt $((start + k * RELOAD)) ] && kill -0 "$wrk_pid" 2>/dev/null; do
            sleep 0.1
        done
        kill -0 "$wrk_pid" 2>/dev/null || break
        if ! "$NGINX_BIN" -p "$P/" -c conf/nginx.conf -e logs/error.log -s reload 2>>"$P/logs/reload.log"; then
            echo "FAIL: $v: nginx -s reload failed"
            failed=1
        fi
        reloads=$((reloads + 1))
        if [ -z "$sampler" ] || ! kill -0 "$sampler" 2>/dev/null; then
            (sleep 0.3; for path in /local /proxy/many /profile/many; do check_sample "$v" "$path"; done) &
            sampler=$!
        fi
    done
    [ -z "$sampler" ] || wait "$sampler" || true
    wait "$wrk_pid" || true
    sleep 1
    local m_after w_after
    m_after=$(rss_kb "$(master_pid)")
    # shellcheck disable=SC2046
    w_after=$(rss_kb $(workers))
    ngx_stop

    out=$(cat "$P/wrk.$v")
    local reqs non2xx sock
    reqs=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")
    non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' <<<"$out")
    sock=$(sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' <<<"$out" |
           awk '{ print $1 + $2 + $3 + $4 }')
    samples=$(wc -l <"$P/samples.$v")
    if grep -q '^WRONG' "$P/samples.$v"; then
        sed 's/^/   /' <"$P/samples.$v" | grep WRONG | head -n 20
        SAMPLE_BAD=$((SAMPLE_BAD + $(grep -c '^WRONG' "$P/samples.$v")))
    fi
    RESULT[$v]="${reqs:-0} ${non2xx:-0} ${sock:-0} $reloads $samples $w_before $w_after $m_before $m_after"
    if grep -E '\[(alert|crit|emerg)\]|exited on signal' "$P/logs/error.log"; then
        echo "FAIL: $v: alerts or a crashed worker in the error log"
        failed=1
    fi
    if [ $((m_after - m_before)) -gt "$GROWTH_KB" ]; then
        echo "FAIL: $v: the master grew by $((m_after - m_before)) KiB"
        failed=1
    fi
    if [ "${reqs:-0}" -eq 0 ]; then
        echo "FAIL: $v: no requests completed"
        sed 's/^/   /' <<<"$out"
        failed=1
    fi
}

echo "== soak: ${SECONDS_PER_RUN}s per run, reload every ${RELOAD}s, wrk -t$THREADS -c$CONNECTIONS, 40 cookies a response"
for v in module plain; do
    echo "-- $v"
    run "$v"
done

printf '\n%-7s %10s %8s %8s %8s %8s %22s %22s\n' run requests non-2xx sockerr reloads samples "worker RSS KiB" "master RSS KiB"
for v in module plain; do
    read -r reqs non2xx sock reloads samples wb wa mb ma <<<"${RESULT[$v]}"
    printf '%-7s %10s %8s %8s %8s %8s %22s %22s\n' "$v" "$reqs" "$non2xx" "$sock" "$reloads" "$samples" \
        "$wb -> $wa" "$mb -> $ma"
done

read -r m_reqs m_non m_sock m_rel _ <<<"${RESULT[module]}"
read -r p_reqs p_non p_sock p_rel _ <<<"${RESULT[plain]}"
# A reload closes the old workers' keep-alive connections, which wrk
# counts as socket errors; both runs have the same reloads. The module may
# add no error of its own: no non-2xx response that nginx alone does not
# give, and socket errors within twice nginx's own plus a small margin.
echo "errors: module $m_non non-2xx, $m_sock socket errors in $m_reqs requests ($m_rel reloads);" \
     "plain $p_non non-2xx, $p_sock socket errors in $p_reqs requests ($p_rel reloads)"
if [ "$m_non" -gt "$p_non" ]; then
    echo "FAIL: non-2xx responses with the module beyond nginx's own"
    failed=1
fi
if [ "$m_sock" -gt $((2 * p_sock + 20)) ]; then
    echo "FAIL: more socket errors with the module than without"
    failed=1
fi
if [ "$SAMPLE_BAD" -gt 0 ]; then
    echo "FAIL: $SAMPLE_BAD sampled cookies decided wrongly"
    failed=1
fi
if [ $failed = 0 ]; then
    echo "soak passed"
else
    echo "soak FAILED"
fi
exit $failed
