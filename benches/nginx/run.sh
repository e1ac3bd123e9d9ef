#!/usr/bin/env bash
# Throughput of ngx_http_p3p_module on 127.0.0.1 (wrk), the worker's CPU
# time per request (from /proc, robust to other load), and instructions
# per request (callgrind), for four configurations serving the same
# response with 4 Set-Cookie lines (2 session, 2 persistent):
#
#   none    nginx without the module
#   off     the module loaded, no p3p directive (the filter is not installed)
#   decide  p3p_policy + p3p_cookies medium (2 cookies kept, 2 downgraded)
#   njs     the same decision as a js_header_filter (p3p_decide.js)
#   flags   nginx's own proxy_cookie_flags ~ samesite=lax (no module): a
#           much simpler change to every cookie, for scale
#   relay   the upstream sends the P3P header and the module decides by it
#           (no p3p_policy): the per-worker memory of the last P3P value
#           parsed is what this path adds
#
# Two paths: /direct (cookies from add_header; njs cannot see those, its
# filter runs before add_header's) and /proxy/ (cookies from an upstream
# server block in the same nginx; every configuration).
#
#   bash benches/nginx/run.sh path/to/ngx_http_p3p_module.so
#
# BENCH_DURATION (5s), BENCH_RUNS (3; 0 skips wrk), BENCH_CONNECTIONS (50),
# BENCH_CALLGRIND_REQUESTS (1000; 0 skips callgrind).
# It reports; it never fails because of the numbers.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/tests/nginx/lib.sh"

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 path/to/ngx_http_p3p_module.so" >&2
    exit 2
fi
module=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

DURATION=${BENCH_DURATION:-5s}
RUNS=${BENCH_RUNS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
CG_REQUESTS=${BENCH_CALLGRIND_REQUESTS:-1000}
JS_MODULE=${JS_MODULE:-/usr/lib/nginx/modules/ngx_http_js_module.so}

SEED='NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA'
COOKIES=('sid=abc123; Path=/; HttpOnly'
         'cart=7; Path=/'
         'prefs=lang-en; Max-Age=31536000; Path=/'
         'tracking=u-42; Expires=Fri, 01 Jan 2038 00:00:00 GMT; Path=/')
# /direct8 (callgrind only): the same four and four more, for the cost of
# one more cookie
COOKIES8=("${COOKIES[@]}" 'sid2=abc124; Path=/; HttpOnly' 'cart2=8; Path=/'
          'prefs2=lang-fr; Max-Age=31536000; Path=/'
          'tracking2=u-43; Expires=Fri, 01 Jan 2038 00:00:00 GMT; Path=/')

if ! command -v wrk >/dev/null 2>&1; then
    echo "bench-nginx: wrk is not installed (make setup); nothing measured"
    exit 0
fi

VARIANTS=(none off decide flags relay)
if [ -f "$JS_MODULE" ]; then
    VARIANTS+=(njs)
else
    echo "bench-nginx: $JS_MODULE not found; njs configuration skipped"
fi

trap ngx_cleanup EXIT
ngx_prefix_init
P=$NGX_PREFIX
FRONT=$(ngx_free_port)
BACK=$(ngx_free_port)
cp "$here/p3p_decide.js" "$P/conf/"

# write_conf VARIANT
write_conf() {
    local v=$1 c filter="" p3p="add_header P3P 'CP=\"$SEED\"';"
    {
        echo "pid logs/nginx.pid;"
        echo "error_log logs/error.log warn;"
        echo "worker_processes 1;"
        case $v in
            off|decide|relay) echo "load_module $module;" ;;
            njs) echo "load_module $JS_MODULE;" ;;
        esac
        echo "events { worker_connections 1024; }"
        echo "http {"
        ngx_temp_paths
        echo "    access_log off;"
        echo "    default_type text/plain;"
        echo "    upstream back { server 127.0.0.1:$BACK; keepalive 16; }"
        case $v in
            decide)
                # in the front locations only: the upstream stays plain
                p3p="p3p_policy \"$SEED\"; p3p_cookies medium;" ;;
            relay)
                p3p="p3p_cookies medium;" ;;
            flags)
                p3p=""
                filter="proxy_cookie_flags ~ samesite=lax;" ;;
            njs)
                echo "    js_path conf;"
                echo "    js_import p3p from p3p_decide.js;"
                filter="js_header_filter p3p.filter;"
                p3p="" ;;
        esac
        echo "    server {"
        echo "        listen 127.0.0.1:$BACK;"
        echo "        location / {"
        [ "$v" = relay ] && echo "            add_header P3P 'CP=\"$SEED\"';"
        for c in "${COOKIES[@]}"; do
            echo "            add_header Set-Cookie \"$c\";"
        done
        echo "            return 200 \"hello\\n\";"
        echo "        }"
        echo "    }"
        echo "    server {"
        echo "        listen 127.0.0.1:$FRONT;"
        echo "        location = /direct {"
        [ "$v" = njs ] || echo "            $p3p"
        for c in "${COOKIES[@]}"; do
            echo "            add_header Set-Cookie \"$c\";"
        done
        echo "            return 200 \"hello\\n\";"
        echo "        }"
        echo "        location = /direct8 {"
        [ "$v" = njs ] || echo "            $p3p"
        for c in "${COOKIES8[@]}"; do
            echo "            add_header Set-Cookie \"$c\";"
        done
        echo "            return 200 \"hello\\n\";"
        echo "        }"
        echo "        location /proxy/ {"
        echo "            $p3p"
        echo "            $filter"
        echo "            proxy_http_version 1.1;"
        echo "            proxy_set_header Connection \"\";"
        echo "            proxy_pass http://back/;"
        echo "        }"
        echo "    }"
        echo "}"
    } >"$P/conf/nginx.conf"
}

paths_of() {
    case $1 in njs|flags|relay) echo /proxy/ ;; *) echo /direct /proxy/ ;; esac
}

cookies_of() {
    curl -sS --max-time 10 -D - -o /dev/null "http://127.0.0.1:$FRONT$1" \
        | tr -d '\r' | grep -i -E '^(set-cookie|p3p):' | sort || true
}

declare -A RPS
declare -A SAMPLES
declare -A CPU
HZ=$(getconf CLK_TCK)

# CPU ticks (user + system) used so far by the single worker of the
# running nginx, found as the child of the master in the pid file.
worker_cpu_ticks() {
    local master worker
    master=$(cat "$P/logs/nginx.pid")
    worker=$(awk '{ print $1 }' "/proc/$master/task/$master/children" 2>/dev/null)
    awk '{ print $14 + $15 }' "/proc/${worker:-$master}/stat"
}

# Sanity: the module and the njs script give the same response headers.
echo "== checking that the configurations decide alike"
for v in decide relay njs; do
    case " ${VARIANTS[*]} " in *" $v "*) ;; *) continue ;; esac
    write_conf "$v"
    ngx_start "$FRONT"
    cookies_of /proxy/ >"$P/headers.$v"
    ngx_stop
    echo "-- $v, /proxy/:"
    sed 's/^/   /' "$P/headers.$v"
done
for v in relay njs; do
    if [ -f "$P/headers.$v" ] && ! cmp -s "$P/headers.decide" "$P/headers.$v"; then
        echo "WARNING: $v and decide do not produce the same headers"
    fi
done

echo
echo "== wrk: -t1 -c$CONNECTIONS -d$DURATION, $RUNS run(s), one nginx worker, loopback"
for run in $(seq 1 "$RUNS"); do
    order=("${VARIANTS[@]}")
    if [ $((run % 2)) = 0 ]; then
        # alternate the order so that drift does not favour one variant
        order=()
        for ((i = ${#VARIANTS[@]} - 1; i >= 0; i--)); do order+=("${VARIANTS[$i]}"); done
    fi
    for v in "${order[@]}"; do
        write_conf "$v"
        ngx_start "$FRONT"
        for path in $(paths_of "$v"); do
            wrk -t1 -c"$CONNECTIONS" -d1s "http://127.0.0.1:$FRONT$path" >/dev/null 2>&1 || true
            cpu0=$(worker_cpu_ticks)
            out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$FRONT$path" 2>&1 || true)
            cpu1=$(worker_cpu_ticks)
            rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"$out")
            reqs=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")
            errs=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
            # The worker's own CPU time (user + system) per request: unlike
            # throughput, it does not move when other processes take the CPU.
            cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v n="${reqs:-0}" -v hz="$HZ" \
                  'BEGIN { if (n > 0 && b > a) printf "%.3f", (b - a) * 1e6 / hz / n; else print 0 }')
            printf '   run %s  %-6s %-8s %12s req/s %8s us CPU/request %s\n' "$run" "$v" "$path" "${rps:-?}" "$cpu" "$errs"
            SAMPLES[$v$path]="${SAMPLES[$v$path]:-} ${rps:-0}"
            CPU[$v$path]="${CPU[$v$path]:-} $cpu"
        done
        ngx_stop
    done
done

# median of the samples (mean of the middle two for an even count)
median() {
    tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ a[NR] = $1 } END {
        if (NR == 0) { print 0; exit }
        if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

spread() {
    tr ' ' '\n' <<<"$1" | grep . | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 }
        END { if (NR) printf "%.0f-%.0f", lo, hi }'
}

if [ "$RUNS" -gt 0 ]; then
    echo
    echo "== requests/s (median of $RUNS, min-max), ratio to none, cost per request against none"
    echo "   (wall-clock figures: other load on the machine moves them by tens of percent;"
    echo "    the callgrind instruction counts below are the stable comparison)"
    for path in /direct /proxy/; do
        base=$(median "${SAMPLES[none$path]:-}")
        for v in "${VARIANTS[@]}"; do
            [ -n "${SAMPLES[$v$path]:-}" ] || continue
            m=$(median "${SAMPLES[$v$path]}")
            RPS[$v$path]=$m
            awk -v v="$v" -v p="$path" -v m="$m" -v b="$base" -v r="$(spread "${SAMPLES[$v$path]}")" 'BEGIN {
                if (m > 0 && b > 0)
                    printf "   %-6s %-8s %10.0f req/s (%s)  %6.3f x none  %+8.2f us/request\n",
                           v, p, m, r, m / b, (1e6 / m - 1e6 / b)
                else
                    printf "   %-6s %-8s no result\n", v, p }'
        done
    done
    echo
    echo "== worker CPU time per request (median of $RUNS), ratio to none"
    for path in /direct /proxy/; do
        base=$(median "${CPU[none$path]:-}")
        for v in "${VARIANTS[@]}"; do
            [ -n "${CPU[$v$path]:-}" ] || continue
            m=$(median "${CPU[$v$path]}")
            awk -v v="$v" -v p="$path" -v m="$m" -v b="$base" -v r="$(spread "${CPU[$v$path]}")" 'BEGIN {
                if (m > 0 && b > 0)
                    printf "   %-6s %-8s %8.3f us (%s)  %6.3f x none  %+7.2f%% CPU per request\n",
                           v, p, m, r, m / b, 100 * (m - b) / b
                else
                    printf "   %-6s %-8s no result\n", v, p }'
        done
    done
    if [ -n "${RPS[njs/proxy/]:-}" ] && [ -n "${RPS[decide/proxy/]:-}" ]; then
        awk -v d="${RPS[decide/proxy/]}" -v j="${RPS[njs/proxy/]}" 'BEGIN {
            if (j > 0) printf "   decide / njs on /proxy/: %.3f x the throughput\n", d / j }'
    fi
fi

# Instructions per request: nginx as one process under callgrind serves
# N1 and then N1 + CG_REQUESTS requests on one connection; the difference
# divided by CG_REQUESTS removes start-up and shutdown.
if [ "$CG_REQUESTS" -gt 0 ] && command -v valgrind >/dev/null 2>&1; then
    echo
    echo "== callgrind: instructions per request ($CG_REQUESTS requests, keep-alive, one process)"
    n1=100
    # inclusive instructions of one function in the last profile (0 when
    # it did not run or callgrind_annotate is missing)
    inclusive() {
        callgrind_annotate --inclusive=yes --threshold=100 "$P/cg.out" 2>/dev/null \
            | awk -v f="$1" '!n && index($0, ":" f) && ($NF == ":" f || $0 ~ (":" f "( |$)")) {
                  gsub(",", "", $1); n = $1 } END { print n + 0 }' || echo 0
    }
    n2=$((n1 + CG_REQUESTS))
    declare -A IR
    for pair in "none /direct" "off /direct" "decide /direct" \
                "none /direct8" "decide /direct8" \
                "none /proxy/" "decide /proxy/" "relay /proxy/" "flags /proxy/" \
                "njs /proxy/"; do
        read -r v path <<<"$pair"
        case " ${VARIANTS[*]} " in *" $v "*) ;; *) continue ;; esac
        {
            totals=()
            filter=()
            for n in $n1 $n2; do
                NGX_WRAPPER=(valgrind --tool=callgrind --callgrind-out-file="$P/cg.out")
                NGX_SINGLE=1
                NGX_START_TIMEOUT=120
                write_conf "$v"
                rm -f "$P/cg.out"
                ngx_start "$FRONT"
                curl -sS --max-time 600 -o /dev/null "http://127.0.0.1:$FRONT$path?[1-$n]" || true
                ngx_stop
                NGX_WRAPPER=()
                NGX_SINGLE=0
                totals+=("$(sed -n 's/^totals: *\([0-9]*\).*/\1/p; s/^summary: *\([0-9]*\).*/\1/p' "$P/cg.out" 2>/dev/null | head -n 1)")
                filter+=("$(inclusive ngx_http_p3p_header_filter)")
            done
            if [ "$v" = relay ] && command -v callgrind_annotate >/dev/null 2>&1; then
                # the upstream sends the same P3P value every time: the
                # worker parses it once, then compares
                RELAY_PARSE="p3p_policy_parse over all $n2 requests of relay: $(inclusive p3p_policy_parse) instructions"
            fi
            if [ -n "${totals[0]}" ] && [ -n "${totals[1]}" ]; then
                IR[$v$path]=$(( (totals[1] - totals[0]) / CG_REQUESTS ))
                f=""
                if [ "${filter[1]:-0}" -gt 0 ]; then
                    f=$(printf '(in the p3p header filter and the filters it calls: %d)' $(( (filter[1] - filter[0]) / CG_REQUESTS )))
                fi
                printf '   %-6s %-8s %10s instructions/request %s\n' "$v" "$path" "${IR[$v$path]}" "$f"
            else
                printf '   %-6s %-8s callgrind gave no totals\n' "$v" "$path"
            fi
        }
    done
    echo "   against nginx without the module (none), same path:"
    for path in /direct /direct8 /proxy/; do
        [ -n "${IR[none$path]:-}" ] || continue
        for v in off decide relay flags njs; do
            [ -n "${IR[$v$path]:-}" ] || continue
            awk -v v="$v" -v p="$path" -v n="${IR[none$path]}" -v d="${IR[$v$path]}" 'BEGIN {
                printf "   %-6s %-8s %+8d instructions/request (%+.2f%%)\n", v, p, d - n, 100 * (d - n) / n }'
        done
    done
    if [ -n "${IR[decide/direct8]:-}" ] && [ -n "${IR[none/direct8]:-}" ] && [ -n "${IR[decide/direct]:-}" ]; then
        awk -v d8="${IR[decide/direct8]}" -v n8="${IR[none/direct8]}" -v d4="${IR[decide/direct]}" -v n4="${IR[none/direct]}" 'BEGIN {
            printf "   per cookie (decide, /direct8 against /direct, less nginx'"'"'s own): %d instructions\n", ((d8 - n8) - (d4 - n4)) / 4 }'
    fi
    [ -z "${RELAY_PARSE:-}" ] || echo "   $RELAY_PARSE"
    if [ -n "${IR[njs/proxy/]:-}" ] && [ -n "${IR[decide/proxy/]:-}" ]; then
        awk -v n="${IR[none/proxy/]}" -v d="${IR[decide/proxy/]}" -v j="${IR[njs/proxy/]}" 'BEGIN {
            if (d > n) printf "   njs costs %.1f x the module on /proxy/\n", (j - n) / (d - n) }'
    fi
else
    echo
    echo "== callgrind skipped (BENCH_CALLGRIND_REQUESTS=0 or no valgrind)"
fi
