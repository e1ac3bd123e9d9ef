# Shared helpers for the nginx scripts (tests, memcheck, demo, bench).
# Source it from bash; it defines functions and a few variables only.
#
#   ngx_prefix_init            creates $NGX_PREFIX with conf/ logs/ tmp/
#   ngx_free_port              prints a free 127.0.0.1 port
#   ngx_temp_paths             prints the *_temp_path directives
#   ngx_test_config            nginx -t on $NGX_PREFIX/conf/nginx.conf
#   ngx_start PORT             starts nginx (in the foreground of a
#                              background job), waits until PORT answers
#   ngx_stop                   QUIT by pid file, bounded wait, then TERM
#   ngx_cleanup                stops nginx and removes $NGX_PREFIX
#
# NGX_WRAPPER (an array, or NGX_WRAP from the environment: one argument a
# line) runs nginx under another program such as valgrind;
# NGX_SINGLE=1 adds "master_process off"; NGX_START_TIMEOUT in seconds.

NGINX_BIN=${NGINX_BIN:-/usr/sbin/nginx}
NGX_PREFIX=""
NGX_JOB=""
NGX_EXIT=""
NGX_START_TIMEOUT=${NGX_START_TIMEOUT:-10}
NGX_SINGLE=${NGX_SINGLE:-0}
if ! declare -p NGX_WRAPPER >/dev/null 2>&1; then
    NGX_WRAPPER=()
    [ -n "${NGX_WRAP:-}" ] && mapfile -t NGX_WRAPPER <<<"$NGX_WRAP"
fi

ngx_prefix_init() {
    NGX_PREFIX=$(mktemp -d "${TMPDIR:-/tmp}/p3p-nginx.XXXXXX")
    mkdir -p "$NGX_PREFIX/conf" "$NGX_PREFIX/logs" "$NGX_PREFIX/tmp" "$NGX_PREFIX/html"
    # workers run as nobody when started as root
    chmod 755 "$NGX_PREFIX"
    chmod 777 "$NGX_PREFIX/tmp"
}

ngx_port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a port that nothing listens on, that was not handed out before by
# this shell, and that lies below the kernel's ephemeral range, so that
# the many client connections of a test or benchmark cannot take it.
NGX_PORTS_GIVEN=" "
ngx_free_port() {
    local port tries=0 low=10000 high=32768
    if [ -r /proc/sys/net/ipv4/ip_local_port_range ]; then
        read -r high _ </proc/sys/net/ipv4/ip_local_port_range
    fi
    [ "$high" -gt $((low + 1000)) ] || { low=1025; }
    while [ $tries -lt 200 ]; do
        port=$((low + (RANDOM * 32768 + RANDOM) % (high - low)))
        tries=$((tries + 1))
        case "$NGX_PORTS_GIVEN" in *" $port "*) continue ;; esac
        if ! ngx_port_busy "$port"; then
            NGX_PORTS_GIVEN="$NGX_PORTS_GIVEN$port "
            echo "$port"
            return 0
        fi
    done
    echo "no free port found" >&2
    return 1
}

ngx_temp_paths() {
    local t
    for t in client_body proxy fastcgi uwsgi scgi; do
        echo "    ${t}_temp_path tmp/$t;"
    done
}

ngx_test_config() {
    "$NGINX_BIN" -t -q -p "$NGX_PREFIX/" -c conf/nginx.conf -e logs/error.log
}

ngx_start() {
    local port=$1 waited=0 globals="daemon off;"
    [ "$NGX_SINGLE" = 1 ] && globals="$globals master_process off;"
    rm -f "$NGX_PREFIX/logs/nginx.pid"
    NGX_EXIT=""
    "${NGX_WRAPPER[@]}" "$NGINX_BIN" -p "$NGX_PREFIX/" -c conf/nginx.conf \
        -e logs/error.log -g "$globals" \
        >>"$NGX_PREFIX/logs/stdout.log" 2>&1 &
    NGX_JOB=$!
    while :; do
        if ! kill -0 "$NGX_JOB" 2>/dev/null; then
            echo "nginx exited during start-up:" >&2
            tail -n 20 "$NGX_PREFIX/logs/error.log" "$NGX_PREFIX/logs/stdout.log" >&2 || true
            wait "$NGX_JOB" || true
            NGX_JOB=""
            return 1
        fi
        if [ -s "$NGX_PREFIX/logs/nginx.pid" ] && ngx_port_busy "$port"; then
            return 0
        fi
        sleep 0.1
        waited=$((waited + 1))
        if [ $waited -ge $((NGX_START_TIMEOUT * 10)) ]; then
            echo "nginx did not answer on port $port within ${NGX_START_TIMEOUT}s" >&2
            ngx_stop
            return 1
        fi
    done
}

# Sets NGX_EXIT to nginx's exit status (the wrapper's, under valgrind).
ngx_stop() {
    local pid="" waited=0
    [ -n "$NGX_PREFIX" ] && [ -s "$NGX_PREFIX/logs/nginx.pid" ] && pid=$(cat "$NGX_PREFIX/logs/nginx.pid")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -QUIT "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null && [ $waited -lt 300 ]; do
            sleep 0.1
            waited=$((waited + 1))
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "nginx did not quit in 30s; sending TERM" >&2
            kill -TERM "$pid" 2>/dev/null || true
            sleep 1
        fi
    fi
    if [ -n "$NGX_JOB" ]; then
        if kill -0 "$NGX_JOB" 2>/dev/null; then
            kill -TERM "$NGX_JOB" 2>/dev/null || true
        fi
        NGX_EXIT=0
        wait "$NGX_JOB" 2>/dev/null || NGX_EXIT=$?
        NGX_JOB=""
    fi
}

ngx_cleanup() {
    ngx_stop
    if [ -n "$NGX_PREFIX" ] && [ -z "${NGX_KEEP:-}" ]; then
        rm -rf "$NGX_PREFIX"
    fi
}
