#!/usr/bin/env bash
# End-to-end tests of ngx_http_p3p_module against a real nginx on 127.0.0.1.
#
#   bash tests/nginx/run.sh path/to/ngx_http_p3p_module.so
#   NGINX_BIN=path/to/nginx bash tests/nginx/run.sh --builtin
#
# Starts a private nginx (one worker, temp prefix, high ports) with a
# backend server block and a front server block using the module, runs every
# check P3P_ROUNDS times (default 2) against the same worker, stops nginx by
# its pid file and prints one final line "N passed, N failed".
#
# Environment: NGX_WRAPPER/NGX_SINGLE (see lib.sh; used by memcheck.sh),
# P3P_CURL_TIME (seconds per request), P3P_CLI (the p3p command used for
# the expected grid), NGX_KEEP=1 keeps the prefix for inspection.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/lib.sh"

if [ $# -ne 1 ] || { [ "$1" != --builtin ] && [ ! -f "$1" ]; }; then
    echo "usage: $0 path/to/ngx_http_p3p_module.so|--builtin" >&2
    exit 2
fi
# --builtin: NGINX_BIN has the module compiled in (--add-module)
LOAD_MODULE=""
if [ "$1" != --builtin ]; then
    module=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    LOAD_MODULE="load_module $module;"
fi

CURL_TIME=${P3P_CURL_TIME:-10}
ROUNDS=${P3P_ROUNDS:-2}
CLI=${P3P_CLI:-${CARGO_TARGET_DIR:-$root/target}/release/p3p}

SEED='NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA'
OKPOL='NOI DSP COR'
LEVELS=(block_all high medium_high medium low accept_all)

pass=0
fail=0
summary_done=0

ok() {
    pass=$((pass + 1))
}

bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}

# check DESCRIPTION COMMAND...: passes when the command succeeds
check() {
    local what=$1
    shift
    if "$@"; then
        ok
    else
        bad "$what"
    fi
}

summary() {
    summary_done=1
    echo "$pass passed, $fail failed"
}

on_exit() {
    local rc=$?
    ngx_cleanup
    if [ $summary_done = 0 ]; then
        [ $rc -ne 0 ] && bad "the script stopped early (exit $rc)"
        summary
    fi
    [ $fail -eq 0 ] && [ $rc -eq 0 ] || exit 1
}
trap on_exit EXIT

ngx_prefix_init
P=$NGX_PREFIX
FRONT=$(ngx_free_port)
BACK=$(ngx_free_port)
H2=$(ngx_free_port)

# ---------------------------------------------------------------------------
# Expected decisions, written out by hand from the rules the README states
# (the IE6 level table, the Mozilla letters, the shipped profiles' rules),
# not computed by the library under test. The p3p command, when it is
# built, is compared with them as a second opinion.

declare -A EXPECT VIEW

# load_grid KEY "LEVELS" ACTIONS...: EXPECT[KEY/party/kind/level], rows
# first persistent, first session, third persistent, third session
load_grid() {
    local key=$1 levels=$2 party kind level
    shift 2
    for party in first third; do
        for kind in persistent session; do
            for level in $levels; do
                EXPECT[$key/$party/$kind/$level]=$1
                shift
            done
        done
    done
}

IE6=${LEVELS[*]}
MOZ='low medium high default'

# The IE6 levels: a policy of class none (identifiable data used without
# consent), no policy, and a policy of class ok.
#                           block_all high  medium_high medium    low       accept_all
load_grid pol    "$IE6"     block     block block       downgrade accept    accept \
                            block     block accept      accept    accept    accept \
                            block     block block       block     downgrade accept \
                            block     block block       block     accept    accept
load_grid nopol  "$IE6"     block     block leash       leash     leash     accept \
                            block     block accept      accept    accept    accept \
                            block     block block       block     downgrade accept \
                            block     block block       block     accept    accept
load_grid ok     "$IE6"     block     accept accept     accept    accept    accept \
                            block     accept accept     accept    accept    accept \
                            block     accept accept     accept    accept    accept \
                            block     accept accept     accept    accept    accept
VIEW=([pol]="none|unsatisfactory" [nopol]="no_policy|no_policy" [ok]="ok|satisfactory")

PROFILES="$root/profiles"
# TRK: identifiable data shared with SAM without consent (class none)
TRK='CUR TAI OUR SAM IND PHY ONL'
# the README's GPC/consent example: EXPOL is class ok for IE6 (no use that
# needs consent) but states DEVa, which essential-only rejects
EXPOL='NOI DSP COR CUR ADMa DEVa OUR IND PHY ONL UNI COM NAV'
CONSPOL='NOI CUR OUR'
CONSENT='consent=essential; Max-Age=31536000; Path=/'
MOZ_LEVELS=(low medium high default)
for k in trk ie6pol; do
    for c in "${!EXPECT[@]}"; do
        [[ $c == pol/* ]] && EXPECT[$k/${c#pol/}]=${EXPECT[$c]}
    done
done
for k in ex cons; do
    for c in "${!EXPECT[@]}"; do
        [[ $c == ok/* ]] && EXPECT[$k/${c#ok/}]=${EXPECT[$c]}
    done
done
VIEW+=([trk]="none|unsatisfactory" [ie6pol]="none|unsatisfactory" [ex]="ok|satisfactory" [cons]="ok|satisfactory")

# Mozilla: the seed policy is "no consent" (identifiable data, CONa), the
# OKPOL one "explicit" (no identifiable data); letters 2,3 and 6,7 of
# low afafaaaa, medium ffffaaaa, high frfradaa, default drdraaaa; a `d` on a
# session cookie leaves it as it is (accept).
#                        low    medium high   default
load_grid mozpol "$MOZ"  accept accept accept downgrade \
                         accept accept accept accept \
                         accept accept block  block \
                         accept accept block  block
load_grid mozok  "$MOZ"  accept accept accept accept \
                         accept accept accept accept \
                         accept accept accept accept \
                         accept accept accept accept
load_grid mozhigh profile accept accept block block
VIEW+=([mozpol]="no_consent|unsatisfactory" [mozok]="explicit|satisfactory" [mozhigh]="no_consent|unsatisfactory")

# essential-only rejects DEVa (seed, EXPOL) and accepts CUR/OUR alone;
# no-tracking rejects TAIa (seed).
load_grid ess     profile block block block block
load_grid notrack profile block block block block
load_grid exess   profile block block block block
load_grid consess profile accept accept accept accept
VIEW+=([ess]="rules|unsatisfactory" [notrack]="rules|unsatisfactory" [exess]="rules|unsatisfactory"
       [consess]="rules|satisfactory")

# Second opinion: "p3p explain --json" for the same inputs must agree.
declare -A CLI_EXPECT
# load_cli KEY VALUE [PROFILE]: CLI_EXPECT[KEY/party/kind/level] and
# CLI_EXPECT[KEY/view] from the command's JSON
load_cli() {
    local key=$1 value=$2 json party="" kind="" level="" tok class verdict
    if [ $# -ge 3 ]; then
        json=$("$CLI" explain --json --profile "$3" "$value") || return 1
    else
        json=$("$CLI" explain --json "$value") || return 1
    fi
    class=$(grep -o '"class": *"[a-z_]*"' <<<"$json" | head -n 1 | sed 's/.*"\([a-z_]*\)"$/\1/')
    verdict=$(grep -o '"verdict": *"[a-z_]*"' <<<"$json" | head -n 1 | sed 's/.*"\([a-z_]*\)"$/\1/')
    CLI_EXPECT[$key/view]="$class|$verdict"
    json=${json#*\"grid\":}
    json=${json%%\"unsatisfactory\":*}
    while read -r tok; do
        case "$tok" in
            *first_party*) party=first ;;
            *third_party*) party=third ;;
            *persistent*) kind=persistent ;;
            *session*) kind=session ;;
            *action*) CLI_EXPECT[$key/$party/$kind/$level]=$(sed 's/.*"\([a-z_]*\)"$/\1/' <<<"$tok") ;;
            *) level=$(sed 's/^"\([a-z_]*\)".*/\1/' <<<"$tok") ;;
        esac
    done < <(grep -oE '"(first_party|third_party|persistent|session|block_all|high|medium_high|medium|low|accept_all|default|profile)": *\{|"action": *"[a-z_]+"' <<<"$json")
}

second_opinion() {
    local k disagree=0
    load_cli pol "$SEED" && load_cli nopol 'policyref="/w3c/p3p.xml"' && load_cli ok "$OKPOL" \
        && load_cli trk "$TRK" && load_cli ex "$EXPOL" && load_cli cons "$CONSPOL" \
        && load_cli ie6pol "$SEED" ie6 && load_cli mozpol "$SEED" mozilla && load_cli mozok "$OKPOL" mozilla \
        && load_cli mozhigh "$SEED" mozilla:high \
        && load_cli ess "$SEED" "$PROFILES/essential-only.xml" \
        && load_cli notrack "$SEED" "$PROFILES/no-tracking.xml" \
        && load_cli exess "$EXPOL" "$PROFILES/essential-only.xml" \
        && load_cli consess "$CONSPOL" "$PROFILES/essential-only.xml" || return 1
    for k in "${!EXPECT[@]}"; do
        if [ "${CLI_EXPECT[$k]:-missing}" != "${EXPECT[$k]}" ]; then
            echo "the p3p command says ${CLI_EXPECT[$k]:-nothing} for $k, the table ${EXPECT[$k]}"
            disagree=1
        fi
    done
    for k in "${!VIEW[@]}"; do
        if [ "${CLI_EXPECT[$k/view]:-missing}" != "${VIEW[$k]}" ]; then
            echo "the p3p command says ${CLI_EXPECT[$k/view]:-nothing} for the class and verdict of $k, the table ${VIEW[$k]}"
            disagree=1
        fi
    done
    [ $disagree = 0 ]
}

if [ -x "$CLI" ]; then
    check "the p3p command agrees with the hand-written table" second_opinion
else
    echo "no p3p command at $CLI: the hand-written table alone decides"
fi

# view KEY: "class|verdict" as the access log shows it
view() {
    echo "${VIEW[$1]}"
}

# ---------------------------------------------------------------------------
# Configuration

CTL=$'\x01'
BINARY_P3P=$'CP="NOI \x01\x02 DSP \x7f\xfe\xff COR" \x80\x90'
CHUNK=""
while [ ${#CHUNK} -lt 1024 ]; do
    CHUNK="${CHUNK}NOI DSP COR CUR ADM DEV "
done
CHUNK=${CHUNK:0:1024}

SESS='sess=s1; Path=/'
# Deletions a browser honours, fakes it reads as unknown attributes or an
# impossible date, and Expires an hour either side of the clock the module
# must pass to the library (a missing or wrong clock fails one of them).
httpdate() { LC_ALL=C date -u -d "@$1" '+%a, %d %b %Y %H:%M:%S GMT'; }
NOW=$(date +%s)
DEL_COOKIES=(
    "d1=; Max-Age=0; Path=/"
    "d2=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"
    "f1=1; Max-Age junk=0"
    "f2=1; Expires junk=Thu, 01 Jan 1970 00:00:00 GMT"
    "f3=1; Expires=Fri, 31 Feb 2000 00:00:00 GMT"
    "past=; Expires=$(httpdate $((NOW - 3600)))"
    "future=1; Expires=$(httpdate $((NOW + 3600)))"
)
DEL_ACTIONS="d1:accept,d2:accept,f1:block,f2:block,f3:block,past:accept,future:block"
PERS='pers=p1; Max-Age=3600; Path=/'
ODD='odd = v ;  max-AGE = 3600 ;PATH=/; samesite=None'
OFF1='keep=1; Max-Age=3600; Path=/'
# values longer than the module's scratch buffer (4,096 bytes), built
# from a 1,000-byte part (nginx takes parameters of up to 4,096 bytes)
BIG1=$(printf '%01000d' 0)
BIGV="$BIG1$BIG1$BIG1$BIG1$BIG1"
BIG_PERS="big_pers=$BIGV; Max-Age=3600; Path=/"
BIG_SESS="big_sess=$BIGV; Path=/"
OFF2='  weird  =  v ;EXPIRES=Wed, 21 Oct 2037 07:28:00 GMT;samesite=none'

{
    cat <<EOF
pid logs/nginx.pid;
error_log logs/error.log info;
worker_processes 1;
$LOAD_MODULE

events {
    worker_connections 256;
}

http {
$(ngx_temp_paths)
    access_log off;
    default_type text/plain;
    log_format p3p '\$http_x_test_id|\$p3p_cookie_actions|\$p3p_class|\$p3p_verdict';

    map \$http_sec_gpc \$p3p_level {
        "1"      high;
        default  medium;
    }

    p3p_profile mozilla   mozilla;
    p3p_profile moz-high  mozilla:high;
    p3p_profile ie6x      ie6;
    p3p_profile strict    ie6-strict;
    p3p_profile essential $PROFILES/essential-only.xml;
    # relative: against the configuration directory
    p3p_profile notrack   no-tracking.xml;

    # Global Privacy Control or a consent cookie choose the profile
    map "\$http_sec_gpc:\$cookie_consent" \$p3p_consent {
        ~^1:           essential;
        ~:essential\$  essential;
        default        medium;
    }

    # the upstream: the module is not used here
    server {
        listen 127.0.0.1:$BACK;

        location /cookies {
            add_header Set-Cookie "up_sess=u1; Path=/";
            add_header Set-Cookie "up_pers=u2; Max-Age=3600; Path=/";
            add_header X-Other "kept";
            return 200 "backend\n";
        }

        location /deletions {
$(for c in "${DEL_COOKIES[@]}"; do echo "            add_header Set-Cookie \"$c\";"; done)
            return 200 "backend\n";
        }

        location /p3p-fina {
            add_header P3P 'CP="FINa NAV"';
            add_header Set-Cookie "up_pers=u2; Max-Age=3600; Path=/";
            return 200 "backend\n";
        }

        location /cookies-p3p-ok {
            add_header P3P 'CP="$OKPOL"';
            add_header Set-Cookie "up_sess=u1; Path=/";
            add_header Set-Cookie "up_pers=u2; Max-Age=3600; Path=/";
            return 200 "backend\n";
        }

        location /p3p-multi {
            add_header P3P 'policyref="/w3c/p3p.xml"';
            add_header P3P 'CP="$OKPOL"';
            add_header P3P 'CP="$SEED"';
            add_header Set-Cookie "up_sess=u1; Path=/";
            add_header Set-Cookie "up_pers=u2; Max-Age=3600; Path=/";
            return 200 "backend\n";
        }

        location /p3p-garbage {
            add_header P3P "This is not a P3P policy!";
            add_header Set-Cookie "up_pers=u2; Max-Age=3600; Path=/";
            add_header X-Other "kept";
            return 200 "backend\n";
        }

        location /p3p-binary {
            add_header P3P '$BINARY_P3P';
            add_header Set-Cookie "up_pers=u2; Max-Age=3600; Path=/";
            add_header X-Other "kept";
            return 200 "backend\n";
        }

        location /p3p-huge {
            set \$k1 "$CHUNK";
            set \$k4 "\$k1\$k1\$k1\$k1";
            set \$k16 "\$k4\$k4\$k4\$k4";
            set \$k64 "\$k16\$k16\$k16\$k16";
            add_header P3P 'CP="\$k64"';
            add_header Set-Cookie "up_pers=u2; Max-Age=3600; Path=/";
            add_header X-Other "kept";
            return 200 "backend\n";
        }

        location /big {
            set \$b1 "$BIG1";
            set \$b5 "\$b1\$b1\$b1\$b1\$b1";
            add_header Set-Cookie "big_pers=\$b5; Max-Age=3600; Path=/";
            add_header Set-Cookie "big_sess=\$b5; Path=/";
            add_header Set-Cookie "$PERS";
            return 200 "backend\n";
        }

        location /odd {
            add_header Set-Cookie "$ODD";
            return 200 "backend\n";
        }

        location /sub-cookie {
            add_header Set-Cookie "sub=1; Max-Age=3600";
            return 200 "sub-body";
        }

        location /many {
EOF
    for i in $(seq 0 99); do
        if [ $((i % 2)) = 0 ]; then
            echo "            add_header Set-Cookie \"c$i=v$i; Path=/\";"
        else
            echo "            add_header Set-Cookie \"c$i=v$i; Max-Age=3600; Path=/\";"
        fi
    done
    cat <<EOF
            return 200 "backend\n";
        }
    }

    server {
        listen 127.0.0.1:$FRONT;
        listen 127.0.0.1:$H2 http2;
        access_log logs/access.log p3p;

        # inherited by every location below that does not set its own
        p3p_policy "$SEED";

        proxy_buffer_size 128k;
        proxy_buffers 4 128k;
        proxy_busy_buffers_size 128k;

EOF
    for level in "${LEVELS[@]}"; do
        cat <<EOF
        location = /grid/pol/$level {
            p3p_cookies $level;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /grid/nopol/$level {
            p3p_policy off;
            p3p_cookies $level;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

EOF
    done
    cat <<EOF
        location /proxy/ {
            p3p_cookies medium;
            proxy_pass http://127.0.0.1:$BACK/;
        }

        location /proxy-block/ {
            p3p_cookies block_all;
            proxy_pass http://127.0.0.1:$BACK/;
        }

        location /proxy-strict/ {
            p3p_cookies strict:medium;
            proxy_pass http://127.0.0.1:$BACK/;
        }

        location = /del {
            p3p_cookies block_all;
$(for c in "${DEL_COOKIES[@]}"; do echo "            add_header Set-Cookie \"$c\";"; done)
            return 200 "ok\n";
        }

        location /proxy-nopol/ {
            p3p_policy off;
            p3p_cookies medium;
            proxy_pass http://127.0.0.1:$BACK/;
        }

        # level and party fixed: the cookie plans are made at configuration
        # time, and an upstream P3P line gets its own for the response
        location /proxy-fixed/ {
            p3p_cookies medium;
            p3p_party third;
            p3p_cookie_policy up_pers "$TRK";
            proxy_pass http://127.0.0.1:$BACK/;
        }

        location /raw/ {
            p3p_policy off;
            proxy_pass http://127.0.0.1:$BACK/;
        }

        location = /off {
            p3p_policy off;
            p3p_cookies off;
            add_header Set-Cookie "$OFF1";
            add_header Set-Cookie "$OFF2";
            return 200 "ok\n";
        }

        location = /policy-only {
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /policy-override {
            p3p_policy "$OKPOL";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /var {
            p3p_cookies \$arg_level;
            p3p_party \$arg_party;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /var-fallback {
            p3p_cookies \$arg_level;
            p3p_cookies_fallback high;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /gpc {
            p3p_cookies \$p3p_level;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /third {
            p3p_cookies medium;
            p3p_party third;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /ctl {
            p3p_cookies medium;
            add_header Set-Cookie "ctl=a${CTL}b; Max-Age=3600";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /ctl-accept {
            p3p_cookies medium;
            p3p_on_error accept;
            add_header Set-Cookie "ctl=a${CTL}b; Max-Age=3600";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /ctl-block {
            p3p_cookies medium;
            p3p_on_error block;
            add_header Set-Cookie "ctl=a${CTL}b; Max-Age=3600";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /userid {
            p3p_policy off;
            p3p_cookies medium;
            userid on;
            userid_name uid;
            userid_expires 365d;
            return 200 "ok\n";
        }

        location = /subreq {
            p3p_cookies block_all;
            auth_request /auth-sub;
            auth_request_set \$sub_cookie \$sent_http_set_cookie;
            add_header X-Sub-Cookie \$sub_cookie;
            add_header Set-Cookie "main=1";
            # a content handler: return would end the request before access
            alias html/ok.txt;
        }

        location = /auth-sub {
            internal;
            p3p_cookies block_all;
            proxy_pass http://127.0.0.1:$BACK/sub-cookie;
        }

        location = /ssi {
            p3p_cookies block_all;
            ssi on;
            default_type text/html;
            add_header Set-Cookie "main=1";
            return 200 'A<!--# include virtual="/proxy/sub-cookie" -->B';
        }

        location = /prof/moz-high {
            p3p_cookies moz-high;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /prof/ie6x {
            p3p_cookies ie6x:high;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /prof/essential {
            p3p_cookies essential;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /prof/notrack {
            p3p_cookies notrack;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /prof/var {
            p3p_cookies \$arg_p;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /prof/var-fallback {
            p3p_cookies \$arg_p;
            p3p_cookies_fallback mozilla:high;
            p3p_party third;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /consent {
            p3p_cookies \$p3p_consent;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        # the README's example
        location = /consent-example {
            p3p_policy "$EXPOL";
            p3p_cookies \$p3p_consent;
            p3p_cookie_policy consent "$CONSPOL";
            add_header Set-Cookie "$CONSENT";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location /cp/ {
            p3p_policy off;
            p3p_cookies medium;
            p3p_cookie_policy pers "$OKPOL";
            p3p_cookie_policy ana_keep "$OKPOL";
            p3p_cookie_policy ana_* "$TRK";
            add_header Set-Cookie "$PERS";
            add_header Set-Cookie "ana_keep=1; Max-Age=3600; Path=/";
            add_header Set-Cookie "ana_x=1; Max-Age=3600; Path=/";
            add_header Set-Cookie "other=1; Max-Age=3600; Path=/";

            location = /cp/inherit {
                return 200 "ok\n";
            }

            location = /cp/own {
                p3p_cookie_policy other "$OKPOL";
                return 200 "ok\n";
            }
        }

        location = /cp-pol {
            p3p_cookies medium;
            p3p_cookie_policy pe* "$OKPOL";
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }

        location = /cp-prof {
            p3p_cookies mozilla:high;
            p3p_party third;
            p3p_cookie_policy pers "$OKPOL";
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }
EOF
    for level in "${MOZ_LEVELS[@]}"; do
        cat <<EOF

        location = /prof/mozilla/$level {
            p3p_cookies mozilla:$level;
            add_header Set-Cookie "$SESS";
            add_header Set-Cookie "$PERS";
            return 200 "ok\n";
        }
EOF
    done
    cat <<EOF
    }
}
EOF
} >"$P/conf/nginx.conf"
echo ok >"$P/html/ok.txt"
cp "$PROFILES/no-tracking.xml" "$P/conf/no-tracking.xml"

# ---------------------------------------------------------------------------
# Helpers

RESP_CODE=""
RESP_HEADERS=""
RESP_BODY=""
LOG_IDS=()
LOG_WANT=()
SEQ=0

# fetch ID PATH [curl options...]: one request to the front server
fetch() {
    local id=$1 path=$2 port=$FRONT
    shift 2
    if [ "${1:-}" = --h2 ]; then
        port=$H2
        shift
        set -- --http2-prior-knowledge "$@"
    fi
    RESP_CODE=$(curl -sS --max-time "$CURL_TIME" -o "$P/body" -D "$P/headers" \
                     -w '%{http_code}' -H "X-Test-Id: $id" "$@" \
                     "http://127.0.0.1:$port$path" 2>"$P/curl.err") || RESP_CODE=000
    RESP_HEADERS=$(tr -d '\r' <"$P/headers" 2>/dev/null || true)
    RESP_BODY=$(cat "$P/body" 2>/dev/null || true)
}

# every Set-Cookie line of the last response, "Set-Cookie: " removed
set_cookies() {
    grep -a -i '^set-cookie: ' <<<"$RESP_HEADERS" | sed 's/^[^:]*: //' || true
}

# the Set-Cookie line(s) of cookie NAME (spaces before "=" allowed)
cookie_of() {
    set_cookies | grep -a -E "^ *$1 *=" || true
}

header_count() {
    grep -a -i -c "^$1:" <<<"$RESP_HEADERS" || true
}

header_value() {
    grep -a -i "^$1: " <<<"$RESP_HEADERS" | head -n 1 | sed 's/^[^:]*: //' || true
}

# is_action ACTION NAME ORIGINAL: the response applied ACTION to the cookie
is_action() {
    local action=$1 name=$2 orig=$3 got
    got=$(cookie_of "$name")
    case "$action" in
        accept)
            [ "$got" = "$orig" ] ;;
        block|prompt)
            [ -z "$got" ] ;;
        downgrade)
            [ -n "$got" ] && [ "$(wc -l <<<"$got")" = 1 ] \
                && ! grep -a -qiE 'max-age|expires' <<<"$got" \
                && [ "${got%%;*}" = "${orig%%;*}" ] ;;
        leash)
            [ -n "$got" ] && [ "$(wc -l <<<"$got")" = 1 ] \
                && [ "$(grep -a -oi 'samesite' <<<"$got" | wc -l)" = 1 ] \
                && grep -a -q 'SameSite=Lax' <<<"$got" \
                && [ "${got%%;*}" = "${orig%%;*}" ] ;;
        *)
            return 1 ;;
    esac
}

# expect_log ID LINE: the access log must show LINE for request ID
expect_log() {
    LOG_IDS+=("$1")
    LOG_WANT+=("$1|$2")
}

verify_logs() {
    local i waited=0 line
    while [ $waited -lt 50 ]; do
        if [ -f "$P/logs/access.log" ] \
            && grep -a -q -F "${LOG_IDS[${#LOG_IDS[@]} - 1]}|" "$P/logs/access.log"; then
            break
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    for i in "${!LOG_IDS[@]}"; do
        line=$(grep -a -F "${LOG_IDS[$i]}|" "$P/logs/access.log" | head -n 1 || true)
        if [ "$line" = "${LOG_WANT[$i]}" ]; then
            ok
        else
            bad "access log for ${LOG_IDS[$i]}: got '$line', want '${LOG_WANT[$i]}'"
        fi
    done
    LOG_IDS=()
    LOG_WANT=()
}

next_id() {
    SEQ=$((SEQ + 1))
    ID="r$ROUND-$SEQ-$1"
}

THIRD=(-H 'Sec-Fetch-Site: cross-site' -H 'Sec-Fetch-Dest: image')

# ---------------------------------------------------------------------------
# Configuration errors (nginx -t), before starting

# where PATTERN first occurs in conf/NAME.conf, as nginx prints it
at_line() {
    echo "$1.conf:$(grep -n -F -- "$2" "$P/conf/$1.conf" | head -n 1 | cut -d: -f1)"
}

# conf_fails NAME DIRECTIVES... : nginx -t must fail; prints its output.
# The lines of CONF_HTTP go to the http block, before the server (the
# call runs in a subshell: the caller empties it afterwards).
CONF_HTTP=()
conf_fails() {
    local name=$1 conf="$P/conf/$1.conf"
    shift
    {
        echo "pid logs/$name.pid;"
        echo "$LOAD_MODULE"
        echo "events { }"
        echo "http {"
        ngx_temp_paths
        [ ${#CONF_HTTP[@]} -eq 0 ] || printf '    %s\n' "${CONF_HTTP[@]}"
        echo "    server {"
        echo "        listen 127.0.0.1:$FRONT;"
        printf '        %s\n' "$@"
        echo "    }"
        echo "}"
    } >"$conf"
    local out rc=0 timer=()
    # bounded in time, and its peak memory noted ("maxrss_kb N")
    [ -x /usr/bin/time ] && timer=(/usr/bin/time -f 'maxrss_kb %M' -o "$P/logs/$name.rss")
    out=$(timeout 30 "${timer[@]}" "$NGINX_BIN" -t -p "$P/" -c "conf/$name.conf" -e "logs/$name.log" 2>&1) || rc=$?
    out="$out
$(cat "$P/logs/$name.log" "$P/logs/$name.rss" 2>/dev/null || true)"
    [ $rc -ne 0 ] || out="UNEXPECTED SUCCESS $out"
    printf '%s' "$out"
}

out=$(conf_fails badtoken 'location / {' '    p3p_policy "NOI CURR OUR";' '}')
check "nginx -t rejects a bad token" grep -q 'test failed' <<<"$out"
check "bad token message names the directive and the suggestion" \
    grep -qF 'invalid "p3p_policy": unknown token "CURR"; did you mean "CUR"?' <<<"$out"
check "bad token message gives file:line" grep -qF "$(at_line badtoken CURR)" <<<"$out"
[ $fail = 0 ] || echo "$out"

out=$(conf_fails badlevel 'p3p_cookies hihg;')
check "nginx -t rejects a bad level" grep -q 'test failed' <<<"$out"
check "bad level message names value, directive and file:line" \
    grep -qE "invalid value \"hihg\" in \"p3p_cookies\" directive.*$(at_line badlevel hihg)" <<<"$out"

out=$(conf_fails badfallback 'p3p_cookies_fallback off;')
check "bad fallback level fails" \
    grep -qE "invalid value \"off\" in \"p3p_cookies_fallback\" directive.*$(at_line badfallback fallback)" <<<"$out"

out=$(conf_fails badparty 'p3p_party fourth;')
check "bad party fails" \
    grep -qE "invalid value \"fourth\" in \"p3p_party\" directive.*$(at_line badparty fourth)" <<<"$out"

out=$(conf_fails badonerror 'p3p_on_error maybe;')
check "bad p3p_on_error names the directive" \
    grep -qE "invalid value \"maybe\" in \"p3p_on_error\" directive, it must be \"block\" or \"accept\".*$(at_line badonerror maybe)" <<<"$out"

# a long list (as long as nginx takes): every finding is counted, a few of
# each kind are shown, then how many more
LONG=""
for i in $(seq 1000); do LONG="$LONG NOI"; done
out=$(conf_fails longwarn "p3p_policy \"$LONG\";")
check "1,000 repeated words: three shown, then how many more" \
    grep -qF '"p3p_policy": and 996 more "duplicate_token" warnings not shown' <<<"$out"
check "1,000 repeated words: at most 10 lines of nginx -t output" [ "$(grep -c '^nginx: \[warn\]' <<<"$out")" -le 10 ]
LONG=""
for i in $(seq 800); do LONG="$LONG FOO"; done
out=$(conf_fails longpolicy "p3p_policy \"$LONG\";")
check "800 bad words: nginx -t fails" grep -q 'test failed' <<<"$out"
check "800 bad words: three shown, then how many more" \
    grep -qF '[emerg] "p3p_policy": and 797 more "unknown_token" errors not shown' <<<"$out"
check "800 bad words: at most 10 lines of nginx -t output" [ "$(grep -c '^nginx: \[emerg\]' <<<"$out")" -le 10 ]

out=$(conf_fails quote "p3p_policy 'NOI \"DSP';")
check "a quote in p3p_policy fails" grep -q 'test failed' <<<"$out"
check "a quote in p3p_policy is reported for p3p_policy" grep -q 'p3p_policy' <<<"$out"

out=$(conf_fails dup 'p3p_cookies medium;' 'p3p_cookies high;')
check "duplicate p3p_cookies fails" grep -q '"p3p_cookies" directive is duplicate' <<<"$out"

# profiles
cat >"$P/conf/broken.xml" <<'XML'
<MSIEPrivacy>
  <MSIEPrivacySettings formatVersion="6">
    <p3pCookiePolicy zone="internet">
      <firstParty noPolicyDefault="reject" noRuleDefault="accept" alwaysAllowSession="no">
        <if expr="CUR,FOO" action="reject"/>
      </firstParty>
    </p3pCookiePolicy>
  </MSIEPrivacySettings>
</MSIEPrivacy>
XML
# the first error in document order: the p3pCookiePolicy on line 3, column
# 5, lacks its thirdParty; then FOO on line 5
want="$P/conf/broken.xml:3:5: required element missing: \"thirdParty\" (2 errors in all)"
CONF_HTTP=('p3p_profile broken broken.xml;')
out=$(conf_fails badprofile 'p3p_cookies broken;')
CONF_HTTP=()
check "nginx -t rejects a bad profile file" grep -q 'test failed' <<<"$out"
check "bad profile: the file's line:column and the library's message" \
    grep -qF "invalid \"p3p_profile\" file $want" <<<"$out"
check "bad profile: the directive's file:line" \
    grep -qE "invalid \"p3p_profile\" file .*$(at_line badprofile broken.xml)" <<<"$out"
check "bad profile: the number of errors" grep -qF '(2 errors in all)' <<<"$out"
[ $fail = 0 ] || echo "$out"

CONF_HTTP=('p3p_profile gone no-such-file.xml;')
out=$(conf_fails noprofile)
CONF_HTTP=()
check "a missing profile file names the directive, the file and file:line" \
    grep -qF "invalid \"p3p_profile\" file $P/conf/no-such-file.xml: cannot open the file: No such file or directory (and \"no-such-file.xml\" is not a built-in profile) in $P/conf/$(at_line noprofile no-such)" <<<"$out"

# what is not a regular file, or too large, is refused before it is read,
# in bounded time and memory
mkdir -p "$P/conf/profdir"
mkfifo "$P/conf/fifo.xml"
truncate -s 256M "$P/conf/huge.xml"
for c in "profdir:not a regular file: it is a directory" \
         "/dev/zero:not a regular file: it is a character device" \
         "fifo.xml:not a regular file: it is a FIFO" \
         "huge.xml:the file is larger than 1 MiB: 268435456 bytes" \
         "/proc/self/mem:cannot read the file: Input/output error"; do
    f=${c%%:*}
    case $f in /*) full=$f ;; *) full=$P/conf/$f ;; esac
    CONF_HTTP=("p3p_profile bad $f;")
    out=$(conf_fails notafile)
    CONF_HTTP=()
    check "p3p_profile $f: refused with the directive, the reason and file:line" \
        grep -qF "invalid \"p3p_profile\" file $full: ${c#*:} in $P/conf/$(at_line notafile "p3p_profile bad")" <<<"$out"
    rss=$(sed -n 's/^maxrss_kb //p' <<<"$out")
    if [ -n "$rss" ]; then
        check "p3p_profile $f: nginx -t stays under 64 MiB (${rss} KiB)" [ "$rss" -lt 65536 ]
    fi
done
rm -f "$P/conf/huge.xml"

CONF_HTTP=('p3p_profile m mozilla:extreme;')
out=$(conf_fails badmozilla)
CONF_HTTP=()
check "a bad mozilla: profile names the value and the directive" \
    grep -qE "invalid value \"mozilla:extreme\" in \"p3p_profile\" directive, a Mozilla profile is .*$(at_line badmozilla extreme)" <<<"$out"

CONF_HTTP=('p3p_profile moz mozilla;' 'p3p_profile moz mozilla:high;')
out=$(conf_fails dupprofile)
CONF_HTTP=()
check "duplicate profile name fails" \
    grep -qE "duplicate profile \"moz\" in \"p3p_profile\" directive.*$(at_line dupprofile mozilla:high)" <<<"$out"

CONF_HTTP=('p3p_profile medium mozilla;')
out=$(conf_fails levelname)
CONF_HTTP=()
check "a profile named as a level fails" grep -qF 'invalid profile name "medium"' <<<"$out"

out=$(conf_fails srvprofile 'p3p_profile moz mozilla;')
check "p3p_profile in a server block fails" \
    grep -qF '"p3p_profile" directive is not allowed here' <<<"$out"

CONF_HTTP=('p3p_cookies moz:high;' 'p3p_profile moz mozilla;')
out=$(conf_fails before)
CONF_HTTP=()
check "a profile used before it is defined fails, naming the value" \
    grep -qE "invalid value \"moz:high\" in \"p3p_cookies\" directive.*$(at_line before 'p3p_cookies')" <<<"$out"

out=$(conf_fails unknownprofile 'p3p_cookies nosuch:high;')
check "an unknown profile fails, naming the value" \
    grep -qE "invalid value \"nosuch:high\" in \"p3p_cookies\" directive.*$(at_line unknownprofile nosuch)" <<<"$out"

CONF_HTTP=('p3p_profile moz mozilla;')
out=$(conf_fails badproflevel 'p3p_cookies moz:extreme;')
CONF_HTTP=()
check "an unknown level of a profile fails" \
    grep -qE "invalid value \"moz:extreme\" in \"p3p_cookies\" directive, the profile has no such level.*$(at_line badproflevel extreme)" <<<"$out"

CONF_HTTP=('p3p_profile moz mozilla;')
out=$(conf_fails nolevel 'p3p_cookies moz;')
CONF_HTTP=()
check "a profile with levels needs one" \
    grep -qF 'invalid value "moz" in "p3p_cookies" directive, the profile has no such level, or needs NAME:LEVEL' <<<"$out"

CONF_HTTP=('p3p_profile one mozilla:high;')
out=$(conf_fails onelevel 'p3p_cookies one:high;')
CONF_HTTP=()
check "a profile without levels takes none" grep -qF 'invalid value "one:high"' <<<"$out"

out=$(conf_fails badcookiepolicy 'p3p_cookie_policy sid "NOI CURR OUR";')
check "a bad token in p3p_cookie_policy fails with file:line" \
    grep -qE "invalid \"p3p_cookie_policy\": unknown token \"CURR\".*$(at_line badcookiepolicy CURR)" <<<"$out"

out=$(conf_fails badpattern 'p3p_cookie_policy "a*b" "NOI DSP COR";')
check "a star inside a p3p_cookie_policy name fails" grep -qF 'invalid cookie name "a*b"' <<<"$out"

# the seed policy only has warnings: nginx -t passes and shows them
if ngx_test_config >"$P/t.out" 2>&1; then ok; else bad "nginx -t of the test configuration"; cat "$P/t.out"; fi
check "nginx -t shows the policy warnings with file:line" \
    grep -qE '\[warn\] "p3p_policy": "CURa".*nginx.conf:[0-9]+' "$P/t.out"
: >"$P/logs/error.log"

# ---------------------------------------------------------------------------
# Requests

ngx_start "$FRONT"

for ROUND in $(seq 1 "$ROUNDS"); do
    SEQ=0

    # every level x party x cookie kind, with the seed policy and without
    for pol in pol nopol; do
        for party in first third; do
            for level in "${LEVELS[@]}"; do
                next_id "grid-$pol-$party-$level"
                if [ $party = third ]; then
                    fetch "$ID" "/grid/$pol/$level" "${THIRD[@]}"
                else
                    fetch "$ID" "/grid/$pol/$level"
                fi
                s=${EXPECT[$pol/$party/session/$level]}
                p=${EXPECT[$pol/$party/persistent/$level]}
                check "$ID status" [ "$RESP_CODE" = 200 ]
                check "$ID session cookie: $s" is_action "$s" sess "$SESS"
                check "$ID persistent cookie: $p" is_action "$p" pers "$PERS"
                if [ $pol = pol ]; then
                    check "$ID P3P header" [ "$(header_value P3P)" = "CP=\"$SEED\"" ]
                else
                    check "$ID no P3P header" [ "$(header_count P3P)" = 0 ]
                fi
                expect_log "$ID" "sess:$s,pers:$p|$(view $pol)"
            done
        done
    done

    # a cross-site top-level navigation is first party; same-site is too
    next_id nav
    fetch "$ID" /grid/pol/medium -H 'Sec-Fetch-Site: cross-site' -H 'Sec-Fetch-Dest: document'
    check "$ID cross-site document is first party" \
        is_action "${EXPECT[pol/first/persistent/medium]}" pers "$PERS"
    next_id same-site
    fetch "$ID" /grid/pol/medium -H 'Sec-Fetch-Site: same-site' -H 'Sec-Fetch-Dest: image'
    check "$ID same-site image is first party" \
        is_action "${EXPECT[pol/first/session/medium]}" sess "$SESS"
    next_id cross-iframe
    fetch "$ID" /grid/pol/medium -H 'sec-fetch-site: Cross-Site' -H 'sec-fetch-dest: iframe'
    check "$ID cross-site iframe is third party" \
        is_action "${EXPECT[pol/third/session/medium]}" sess "$SESS"

    # proxied: no upstream P3P, so the module adds the seed policy and it decides
    next_id proxy
    fetch "$ID" /proxy/cookies
    check "$ID status" [ "$RESP_CODE" = 200 ]
    check "$ID upstream session cookie" \
        is_action "${EXPECT[pol/first/session/medium]}" up_sess "up_sess=u1; Path=/"
    check "$ID upstream persistent cookie" \
        is_action "${EXPECT[pol/first/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
    check "$ID P3P added" [ "$(header_value P3P)" = "CP=\"$SEED\"" ]
    check "$ID other header intact" [ "$(header_value X-Other)" = kept ]
    check "$ID body" [ "$RESP_BODY" = backend ]
    expect_log "$ID" "up_sess:${EXPECT[pol/first/session/medium]},up_pers:${EXPECT[pol/first/persistent/medium]}|$(view pol)"

    next_id proxy-third
    fetch "$ID" /proxy/cookies "${THIRD[@]}"
    check "$ID upstream persistent cookie, third party" \
        is_action "${EXPECT[pol/third/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"

    # the upstream's own P3P decides, and no second P3P line is added
    next_id proxy-upstream-p3p
    fetch "$ID" /proxy/cookies-p3p-ok
    check "$ID one P3P line" [ "$(header_count P3P)" = 1 ]
    check "$ID it is the upstream's" [ "$(header_value P3P)" = "CP=\"$OKPOL\"" ]
    check "$ID persistent cookie by the upstream's policy" \
        is_action "${EXPECT[ok/first/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
    expect_log "$ID" "up_sess:${EXPECT[ok/first/session/medium]},up_pers:${EXPECT[ok/first/persistent/medium]}|$(view ok)"

    # several P3P lines: the first that holds a policy decides
    next_id proxy-multi
    fetch "$ID" /proxy/p3p-multi
    check "$ID three P3P lines kept" [ "$(header_count P3P)" = 3 ]
    check "$ID second line decides" \
        is_action "${EXPECT[ok/first/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
    expect_log "$ID" "up_sess:${EXPECT[ok/first/session/medium]},up_pers:${EXPECT[ok/first/persistent/medium]}|$(view ok)"

    # no policy anywhere: the no-policy column
    next_id proxy-nopol
    fetch "$ID" /proxy-nopol/cookies
    check "$ID no P3P" [ "$(header_count P3P)" = 0 ]
    check "$ID persistent cookie, no policy" \
        is_action "${EXPECT[nopol/first/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
    expect_log "$ID" "up_sess:${EXPECT[nopol/first/session/medium]},up_pers:${EXPECT[nopol/first/persistent/medium]}|$(view nopol)"

    # a location whose decisions are planned once: the upstream's P3P
    # still decides its own responses, and only those
    for path in cookies cookies-p3p-ok cookies; do
        next_id proxy-fixed-$path
        fetch "$ID" /proxy-fixed/$path
        k=pol
        [ $path = cookies-p3p-ok ] && k=ok
        check "$ID session cookie by the response's policy ($k)" \
            is_action "${EXPECT[$k/third/session/medium]}" up_sess "up_sess=u1; Path=/"
        check "$ID persistent cookie by its own policy" \
            is_action "${EXPECT[trk/third/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
        expect_log "$ID" "up_sess:${EXPECT[$k/third/session/medium]},up_pers:${EXPECT[trk/third/persistent/medium]}|$(view $k)"
    done
    check "the planned location's cases differ" \
        [ "${EXPECT[pol/third/session/medium]}" != "${EXPECT[ok/third/session/medium]}" ] \
        && [ "${EXPECT[trk/third/persistent/medium]}" != "${EXPECT[ok/third/persistent/medium]}" ]

    # hostile upstream P3P headers: garbage, binary, 64 KiB
    next_id garbage
    fetch "$ID" /proxy/p3p-garbage
    check "$ID status" [ "$RESP_CODE" = 200 ]
    check "$ID garbage P3P passed on" [ "$(header_value P3P)" = "This is not a P3P policy!" ]
    check "$ID other header intact" [ "$(header_value X-Other)" = kept ]
    check "$ID garbage means no policy" \
        is_action "${EXPECT[nopol/first/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
    check "$ID body" [ "$RESP_BODY" = backend ]
    expect_log "$ID" "up_pers:${EXPECT[nopol/first/persistent/medium]}|$(view nopol)"

    next_id binary
    fetch "$ID" /proxy/p3p-binary
    check "$ID status" [ "$RESP_CODE" = 200 ]
    check "$ID binary P3P passed on unchanged" [ "$(header_value P3P)" = "$BINARY_P3P" ]
    check "$ID other header intact" [ "$(header_value X-Other)" = kept ]
    check "$ID cookie still decided" [ "$(cookie_of up_pers | wc -l)" -le 1 ]
    check "$ID body" [ "$RESP_BODY" = backend ]

    next_id huge
    fetch "$ID" /proxy/p3p-huge
    check "$ID status" [ "$RESP_CODE" = 200 ]
    check "$ID 64 KiB P3P passed on" [ "$(header_value P3P | wc -c)" -ge 65536 ]
    check "$ID other header intact" [ "$(header_value X-Other)" = kept ]
    check "$ID body" [ "$RESP_BODY" = backend ]

    # the worker remembers the last upstream P3P value it parsed: values
    # that alternate (and one repeated) are each decided by their own
    for turn in 1 2; do
        for kind in ok nopol ok ok nopol; do
            next_id "p3p-last-$turn-$kind"
            if [ "$kind" = ok ]; then
                fetch "$ID" /proxy/cookies-p3p-ok
            else
                fetch "$ID" /proxy/p3p-garbage
            fi
            check "$ID decided by this response's P3P" \
                is_action "${EXPECT[$kind/first/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
        done
    done

    # 100 Set-Cookie lines, each on its own, order kept
    next_id many
    fetch "$ID" /proxy/many
    want_actions=""
    order_ok=1
    for i in $(seq 0 99); do
        if [ $((i % 2)) = 0 ]; then
            a=${EXPECT[pol/first/session/medium]}
            is_action "$a" "c$i" "c$i=v$i; Path=/" || order_ok=0
        else
            a=${EXPECT[pol/first/persistent/medium]}
            is_action "$a" "c$i" "c$i=v$i; Max-Age=3600; Path=/" || order_ok=0
        fi
        want_actions="$want_actions${want_actions:+,}c$i:$a"
    done
    check "$ID each of 100 cookies decided" [ $order_ok = 1 ]
    check "$ID order kept" [ "$(set_cookies | sed 's/=.*//' | tr '\n' ' ')" = "$(for i in $(seq 0 99); do printf 'c%s ' "$i"; done)" ]
    expect_log "$ID" "$want_actions|$(view pol)"

    # values longer than the scratch buffer, then a short one
    next_id big
    fetch "$ID" /proxy/big
    ap=${EXPECT[pol/first/persistent/medium]}
    as=${EXPECT[pol/first/session/medium]}
    check "$ID long persistent cookie: $ap" is_action "$ap" big_pers "$BIG_PERS"
    check "$ID long session cookie: $as" is_action "$as" big_sess "$BIG_SESS"
    check "$ID short cookie after them: $ap" is_action "$ap" pers "$PERS"
    expect_log "$ID" "big_pers:$ap,big_sess:$as,pers:$ap|$(view pol)"

    # odd spacing and attribute case
    next_id odd
    fetch "$ID" /proxy/odd
    a=${EXPECT[pol/first/persistent/medium]}
    check "$ID odd cookie: $a" is_action "$a" odd "$ODD"
    check "$ID other attributes kept" grep -a -q 'PATH=/' <<<"$(cookie_of odd)"
    expect_log "$ID" "odd:$a|$(view pol)"
    next_id odd-nopol
    fetch "$ID" /proxy-nopol/odd
    a=${EXPECT[nopol/first/persistent/medium]}
    check "$ID odd cookie, no policy: $a" is_action "$a" odd "$ODD"
    if [ "$a" = leash ]; then
        check "$ID leash replaced samesite=None" [ "$(cookie_of odd | grep -a -oi 'samesite=[a-z]*')" = SameSite=Lax ]
    fi

    # deletions pass at Block All only when a browser would delete: local
    # and proxied; Expires is judged by the clock the module passes
    for path in /del /proxy-block/deletions; do
        next_id "deletions-${path//\//-}"
        fetch "$ID" "$path"
        check "$ID status" [ "$RESP_CODE" = 200 ]
        for c in "${DEL_COOKIES[@]}"; do
            name=${c%%=*}
            case ",$DEL_ACTIONS," in *",$name:accept,"*) a=accept ;; *) a=block ;; esac
            check "$ID $name: $a" is_action "$a" "$name" "$c"
        done
        expect_log "$ID" "$DEL_ACTIONS|$(view pol)"
    done

    # ie6-strict: an invalid upstream policy counts as none, for the
    # cookies and for $p3p_class / $p3p_verdict; plain ie6 accepts it
    next_id strict
    fetch "$ID" /proxy-strict/p3p-fina
    check "$ID strict: the invalid policy is no policy" \
        is_action "${EXPECT[nopol/first/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
    expect_log "$ID" "up_pers:${EXPECT[nopol/first/persistent/medium]}|no_policy|no_policy"
    next_id strict-plain
    fetch "$ID" /proxy/p3p-fina
    check "$ID plain ie6: the policy is class ok" \
        is_action "${EXPECT[ok/first/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
    expect_log "$ID" "up_pers:${EXPECT[ok/first/persistent/medium]}|$(view ok)"

    # module off: byte for byte, nothing added
    next_id off
    fetch "$ID" /off
    check "$ID off: cookies byte for byte" [ "$(set_cookies)" = "$OFF1
$OFF2" ]
    check "$ID off: no P3P" [ "$(header_count P3P)" = 0 ]
    expect_log "$ID" "-|-|-"

    next_id raw
    direct=$(curl -sS --max-time "$CURL_TIME" -D - -o /dev/null "http://127.0.0.1:$BACK/many" | grep -a -i '^set-cookie:' || true)
    proxied=$(curl -sS --max-time "$CURL_TIME" -D - -o /dev/null -H "X-Test-Id: $ID" "http://127.0.0.1:$FRONT/raw/many" | grep -a -i '^set-cookie:' || true)
    check "$ID proxied with the module off: byte for byte" [ "$direct" = "$proxied" ]
    check "$ID 100 lines" [ "$(grep -c . <<<"$direct")" = 100 ]

    # p3p_policy alone adds the header and leaves cookies alone
    next_id policy-only
    fetch "$ID" /policy-only
    check "$ID P3P added" [ "$(header_value P3P)" = "CP=\"$SEED\"" ]
    check "$ID cookie untouched" is_action accept pers "$PERS"
    expect_log "$ID" "-|$(view pol)"
    next_id policy-override
    fetch "$ID" /policy-override
    check "$ID location policy overrides the server's" [ "$(header_value P3P)" = "CP=\"$OKPOL\"" ]
    expect_log "$ID" "-|$(view ok)"

    # levels and parties from variables
    next_id var-high-first
    fetch "$ID" "/var?level=high&party=first" "${THIRD[@]}"
    check "$ID" is_action "${EXPECT[pol/first/session/high]}" sess "$SESS"
    expect_log "$ID" "sess:${EXPECT[pol/first/session/high]},pers:${EXPECT[pol/first/persistent/high]}|$(view pol)"
    next_id var-low-third
    fetch "$ID" "/var?level=LOW&party=third"
    expect_log "$ID" "sess:${EXPECT[pol/third/session/low]},pers:${EXPECT[pol/third/persistent/low]}|$(view pol)"
    check "$ID" is_action "${EXPECT[pol/third/persistent/low]}" pers "$PERS"
    next_id var-bogus-level
    fetch "$ID" "/var?level=bogus"
    check "$ID unknown level uses the fallback (medium)" \
        is_action "${EXPECT[pol/first/persistent/medium]}" pers "$PERS"
    expect_log "$ID" "sess:${EXPECT[pol/first/session/medium]},pers:${EXPECT[pol/first/persistent/medium]}|$(view pol)"
    next_id var-off
    fetch "$ID" "/var?level=off"
    check "$ID level off leaves cookies" is_action accept pers "$PERS"
    expect_log "$ID" "-|$(view pol)"
    next_id var-bogus-party
    fetch "$ID" "/var?level=medium&party=fourth" "${THIRD[@]}"
    check "$ID unknown party means auto" \
        is_action "${EXPECT[pol/third/session/medium]}" sess "$SESS"
    next_id var-auto
    fetch "$ID" "/var?level=medium&party=auto" "${THIRD[@]}"
    check "$ID party auto" is_action "${EXPECT[pol/third/session/medium]}" sess "$SESS"
    next_id var-fallback
    fetch "$ID" "/var-fallback?level=nope"
    check "$ID p3p_cookies_fallback high" is_action "${EXPECT[pol/first/session/high]}" sess "$SESS"
    next_id gpc
    fetch "$ID" /gpc -H 'Sec-GPC: 1'
    check "$ID Sec-GPC: 1 maps to high" is_action "${EXPECT[pol/first/session/high]}" sess "$SESS"
    next_id no-gpc
    fetch "$ID" /gpc
    check "$ID no Sec-GPC maps to medium" is_action "${EXPECT[pol/first/session/medium]}" sess "$SESS"
    next_id third
    fetch "$ID" /third
    check "$ID p3p_party third" is_action "${EXPECT[pol/third/session/medium]}" sess "$SESS"

    # a library error status: browsers drop a Set-Cookie with a control
    # byte, and so does the default (p3p_on_error block); accept keeps it
    next_id ctl
    fetch "$ID" /ctl
    check "$ID status" [ "$RESP_CODE" = 200 ]
    check "$ID cookie with a control byte removed by default" [ -z "$(cookie_of ctl)" ]
    check "$ID the next cookie still decided" is_action "${EXPECT[pol/first/persistent/medium]}" pers "$PERS"
    expect_log "$ID" ":block,pers:${EXPECT[pol/first/persistent/medium]}|$(view pol)"
    next_id ctl-accept
    fetch "$ID" /ctl-accept
    check "$ID status" [ "$RESP_CODE" = 200 ]
    check "$ID p3p_on_error accept keeps it byte for byte" [ "$(cookie_of ctl)" = "ctl=a${CTL}b; Max-Age=3600" ]
    check "$ID the next cookie still decided" is_action "${EXPECT[pol/first/persistent/medium]}" pers "$PERS"
    expect_log "$ID" ":accept,pers:${EXPECT[pol/first/persistent/medium]}|$(view pol)"
    next_id ctl-block
    fetch "$ID" /ctl-block
    check "$ID cookie with a control byte removed" [ -z "$(cookie_of ctl)" ]
    check "$ID the next cookie still decided" is_action "${EXPECT[pol/first/persistent/medium]}" pers "$PERS"
    expect_log "$ID" ":block,pers:${EXPECT[pol/first/persistent/medium]}|$(view pol)"

    # userid's cookie is seen too (filter order)
    next_id userid
    fetch "$ID" /userid
    a=${EXPECT[nopol/first/persistent/medium]}
    check "$ID userid cookie present" [ -n "$(cookie_of uid)" ]
    if [ "$a" = leash ]; then
        check "$ID userid cookie leashed" grep -q 'SameSite=Lax' <<<"$(cookie_of uid)"
    fi
    expect_log "$ID" "uid:$a|$(view nopol)"

    # subrequests pass through untouched; the main request is still decided
    next_id subreq
    fetch "$ID" /subreq
    check "$ID status" [ "$RESP_CODE" = 200 ]
    check "$ID subrequest's cookie untouched" [ "$(header_value X-Sub-Cookie)" = "sub=1; Max-Age=3600" ]
    check "$ID main request's cookie blocked" [ -z "$(cookie_of main)" ]
    expect_log "$ID" "main:block|$(view pol)"
    next_id ssi
    fetch "$ID" /ssi
    check "$ID ssi body" [ "$RESP_BODY" = "Asub-bodyB" ]
    check "$ID ssi main cookie blocked" [ -z "$(cookie_of main)" ]
    check "$ID one P3P line" [ "$(header_count P3P)" = 1 ]

    # HTTP/2 and HEAD
    next_id h2
    fetch "$ID" /proxy/cookies --h2
    check "$ID HTTP/2 status" [ "$RESP_CODE" = 200 ]
    check "$ID HTTP/2 persistent cookie" \
        is_action "${EXPECT[pol/first/persistent/medium]}" up_pers "up_pers=u2; Max-Age=3600; Path=/"
    check "$ID HTTP/2 P3P" [ "$(header_value P3P)" = "CP=\"$SEED\"" ]
    next_id head
    fetch "$ID" /grid/pol/medium -I
    check "$ID HEAD persistent cookie" is_action "${EXPECT[pol/first/persistent/medium]}" pers "$PERS"

    # profiles: NAME and NAME:LEVEL, built-in and from files
    for level in "${MOZ_LEVELS[@]}"; do
        for party in first third; do
            next_id "moz-$level-$party"
            if [ $party = third ]; then
                fetch "$ID" "/prof/mozilla/$level" "${THIRD[@]}"
            else
                fetch "$ID" "/prof/mozilla/$level"
            fi
            s=${EXPECT[mozpol/$party/session/$level]:-?}
            p=${EXPECT[mozpol/$party/persistent/$level]:-?}
            check "$ID session cookie: $s" is_action "$s" sess "$SESS"
            check "$ID persistent cookie: $p" is_action "$p" pers "$PERS"
            # class and verdict are the deciding profile's view: the
            # verdict of "mozilla" weighs all four presets, whatever the level
            expect_log "$ID" "sess:$s,pers:$p|$(view mozpol)"
        done
    done
    check "mozilla:high and mozilla:low differ on a third-party cookie" \
        [ "${EXPECT[mozpol/third/persistent/high]:-x}" != "${EXPECT[mozpol/third/persistent/low]:-x}" ]

    for party in first third; do
        for prof in moz-high:mozhigh essential:ess notrack:notrack; do
            next_id "prof-${prof%%:*}-$party"
            if [ $party = third ]; then
                fetch "$ID" "/prof/${prof%%:*}" "${THIRD[@]}"
            else
                fetch "$ID" "/prof/${prof%%:*}"
            fi
            s=${EXPECT[${prof#*:}/$party/session/profile]:-?}
            p=${EXPECT[${prof#*:}/$party/persistent/profile]:-?}
            check "$ID session cookie: $s" is_action "$s" sess "$SESS"
            check "$ID persistent cookie: $p" is_action "$p" pers "$PERS"
            expect_log "$ID" "sess:$s,pers:$p|$(view ${prof#*:})"
        done
    done

    # the built-in ie6 profile decides as the plain levels
    next_id prof-ie6x
    fetch "$ID" /prof/ie6x
    check "$ID ie6 profile as the plain level" \
        [ "${EXPECT[ie6pol/first/persistent/high]:-x}" = "${EXPECT[pol/first/persistent/high]}" ]
    check "$ID persistent cookie" is_action "${EXPECT[pol/first/persistent/high]}" pers "$PERS"
    check "$ID session cookie" is_action "${EXPECT[pol/first/session/high]}" sess "$SESS"

    # a variable may name a profile, with or without a level
    for v in mozilla:high mozilla:low; do
        next_id "var-$v"
        fetch "$ID" "/prof/var?p=$v" "${THIRD[@]}"
        check "$ID persistent cookie" is_action "${EXPECT[mozpol/third/persistent/${v#*:}]:-?}" pers "$PERS"
        check "$ID session cookie" is_action "${EXPECT[mozpol/third/session/${v#*:}]:-?}" sess "$SESS"
    done
    next_id var-essential
    fetch "$ID" "/prof/var?p=essential"
    check "$ID persistent cookie" is_action "${EXPECT[ess/first/persistent/profile]:-?}" pers "$PERS"
    for v in mozilla nosuch:high; do
        next_id "var-fallback-$v"
        fetch "$ID" "/prof/var?p=$v"
        check "$ID unknown value falls back" \
            is_action "${EXPECT[pol/first/persistent/medium]}" pers "$PERS"
    done

    next_id var-fallback-profile
    fetch "$ID" "/prof/var-fallback?p=bogus"
    check "$ID a profile as the fallback" \
        is_action "${EXPECT[mozpol/third/persistent/high]:-?}" pers "$PERS"
    check "$ID a profile as the fallback, session" \
        is_action "${EXPECT[mozpol/third/session/high]:-?}" sess "$SESS"

    # Sec-GPC or a consent cookie select the essential-only profile
    check "essential-only and medium differ" \
        [ "${EXPECT[ess/first/persistent/profile]:-x}" != "${EXPECT[pol/first/persistent/medium]}" ]
    for how in none gpc consent other both; do
        next_id "consent-$how"
        case $how in
            none) fetch "$ID" /consent ;;
            gpc) fetch "$ID" /consent -H 'Sec-GPC: 1' ;;
            consent) fetch "$ID" /consent -H 'Cookie: a=b; consent=essential' ;;
            other) fetch "$ID" /consent -H 'Cookie: consent=all' -H 'Sec-GPC: 0' ;;
            both) fetch "$ID" /consent -H 'Sec-GPC: 1' -H 'Cookie: consent=essential' ;;
        esac
        case $how in
            none|other) k=pol; lv=medium ;;
            *) k=ess; lv=profile ;;
        esac
        s=${EXPECT[$k/first/session/$lv]:-?}
        p=${EXPECT[$k/first/persistent/$lv]:-?}
        check "$ID session cookie: $s" is_action "$s" sess "$SESS"
        check "$ID persistent cookie: $p" is_action "$p" pers "$PERS"
        expect_log "$ID" "sess:$s,pers:$p|$(view $k)"
    done

    for how in none gpc consent; do
        next_id "consent-example-$how"
        case $how in
            none) fetch "$ID" /consent-example; k=ex; c=cons; lv=medium ;;
            gpc) fetch "$ID" /consent-example -H 'Sec-GPC: 1'; k=exess; c=consess; lv=profile ;;
            consent) fetch "$ID" /consent-example -H 'Cookie: consent=essential'; k=exess; c=consess; lv=profile ;;
        esac
        p=${EXPECT[$k/first/persistent/$lv]:-?}
        a=${EXPECT[$c/first/persistent/$lv]:-?}
        check "$ID site cookie: $p" is_action "$p" pers "$PERS"
        check "$ID consent cookie by its own policy: $a" is_action "$a" consent "$CONSENT"
        expect_log "$ID" "consent:$a,pers:$p|$(view $k)"
    done
    check "the example: essential-only blocks what medium accepts, keeps consent" \
        [ "${EXPECT[ex/first/persistent/medium]:-}" = accept ] \
        && [ "${EXPECT[exess/first/persistent/profile]:-}" = block ] \
        && [ "${EXPECT[consess/first/persistent/profile]:-}" = accept ]

    # p3p_cookie_policy: exact names and prefixes before the response's policy
    ANA_KEEP='ana_keep=1; Max-Age=3600; Path=/'
    ANA_X='ana_x=1; Max-Age=3600; Path=/'
    OTHER='other=1; Max-Age=3600; Path=/'
    a_ok=${EXPECT[ok/first/persistent/medium]}
    a_trk=${EXPECT[trk/first/persistent/medium]:-?}
    a_none=${EXPECT[nopol/first/persistent/medium]}
    check "the cookie policies decide differently" \
        [ "$a_ok" != "$a_none" ] && [ "$a_trk" != "$a_none" ] && [ "$a_trk" != "$a_ok" ]
    next_id cp-inherit
    fetch "$ID" /cp/inherit
    check "$ID exact name: $a_ok" is_action "$a_ok" pers "$PERS"
    check "$ID exact name before prefix: $a_ok" is_action "$a_ok" ana_keep "$ANA_KEEP"
    check "$ID prefix: $a_trk" is_action "$a_trk" ana_x "$ANA_X"
    check "$ID no match, no policy: $a_none" is_action "$a_none" other "$OTHER"
    expect_log "$ID" "pers:$a_ok,ana_keep:$a_ok,ana_x:$a_trk,other:$a_none|$(view nopol)"
    next_id cp-own
    fetch "$ID" /cp/own
    check "$ID own list replaces the inherited one" is_action "$a_none" pers "$PERS"
    check "$ID own list: prefix gone" is_action "$a_none" ana_x "$ANA_X"
    check "$ID own list: its name" is_action "$a_ok" other "$OTHER"
    next_id cp-pol
    fetch "$ID" /cp-pol
    check "$ID prefix over the response's policy" is_action "$a_ok" pers "$PERS"
    check "$ID other cookie by the response's policy" \
        is_action "${EXPECT[pol/first/session/medium]}" sess "$SESS"
    expect_log "$ID" "sess:${EXPECT[pol/first/session/medium]},pers:$a_ok|$(view pol)"
    next_id cp-prof
    fetch "$ID" /cp-prof
    check "$ID cookie policy with a profile" \
        is_action "${EXPECT[mozok/third/persistent/high]:-?}" pers "$PERS"
    check "$ID other cookie with the profile" \
        is_action "${EXPECT[mozpol/third/session/high]:-?}" sess "$SESS"
    check "$ID the two differ" \
        [ "${EXPECT[mozok/third/persistent/high]:-x}" != "${EXPECT[mozpol/third/persistent/high]:-x}" ]

    verify_logs
done

# bad run-time values are logged once per worker, whatever the rounds
check "unknown level logged once" [ "$(grep -c 'unknown level "bogus" in "p3p_cookies"' "$P/logs/error.log")" = 1 ]
check "unknown party logged once" [ "$(grep -c 'unknown party "fourth" in "p3p_party"' "$P/logs/error.log")" = 1 ]
check "library error logged with the request at warn" \
    grep -qE '\[warn\].*p3p: Set-Cookie header kept: .*request: "GET /ctl-accept ' "$P/logs/error.log"
check "p3p_on_error block logged" grep -qE '\[warn\].*p3p: Set-Cookie header removed' "$P/logs/error.log"

ngx_stop
check "nginx exited cleanly (status ${NGX_EXIT:-?})" [ "${NGX_EXIT:-1}" = 0 ]
if grep -E '\[(alert|crit|emerg)\]|exited on signal' "$P/logs/error.log"; then
    bad "error.log has alerts or a crashed worker"
else
    ok
fi

summary
