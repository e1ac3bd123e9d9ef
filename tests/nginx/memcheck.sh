#!/usr/bin/env bash
# Runs the end-to-end suite (tests/nginx/run.sh) with nginx under valgrind
# memcheck: one process (master_process off, daemon off), every request of
# the suite, then checks that valgrind reported no error.
#
#   bash tests/nginx/memcheck.sh path/to/ngx_http_p3p_module.so
#
# P3P_ROUNDS (default 2, as in run.sh) bounds the time: one round is every
# request of the suite once (about 5 s under valgrind).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 path/to/ngx_http_p3p_module.so" >&2
    exit 2
fi
if ! command -v valgrind >/dev/null 2>&1; then
    echo "memcheck: valgrind is not installed (make setup)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

vg=$(mktemp -d "${TMPDIR:-/tmp}/p3p-memcheck.XXXXXX")
trap 'rm -rf "$vg"' EXIT
chmod 755 "$vg"

# nginx's own start-up allocations live until exit by design; only
# definite leaks count as errors.
NGX_WRAP=$(printf '%s\n' valgrind --quiet --error-exitcode=99 \
    --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --num-callers=30 \
    "--suppressions=$here/valgrind.supp" "--log-file=$vg/valgrind.%p.log")
export NGX_WRAP
export NGX_SINGLE=1
export NGX_START_TIMEOUT=${NGX_START_TIMEOUT:-120}
export P3P_CURL_TIME=${P3P_CURL_TIME:-60}
export P3P_ROUNDS=${P3P_ROUNDS:-2}

rc=0
bash "$here/run.sh" "$1" | tee "$vg/run.out" || rc=$?

passed=0
failed=0
last=$(tail -n 1 "$vg/run.out")
if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=${BASH_REMATCH[1]}
    failed=${BASH_REMATCH[2]}
else
    failed=1
fi

errors=0
for log in "$vg"/valgrind.*.log; do
    [ -e "$log" ] || continue
    if [ -s "$log" ]; then
        echo "--- $(basename "$log")"
        cat "$log"
        errors=1
    fi
done
if [ $errors = 0 ] && ls "$vg"/valgrind.*.log >/dev/null 2>&1; then
    echo "memcheck: no valgrind errors"
    passed=$((passed + 1))
else
    echo "FAIL: valgrind reported errors (or did not run)"
    failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ $rc -eq 0 ] && [ $failed -eq 0 ]
