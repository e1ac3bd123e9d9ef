#!/usr/bin/env bash
# The nginx end-to-end suite on nginx 1.28 with the module compiled in, built
# with AddressSanitizer and NGX_DEBUG_PALLOC (nginx-module/build-nginx.sh asan):
# every pool allocation is then its own malloc, so an overrun of memory
# the module takes from a request pool is caught.
#
#   bash tests/asan/run.sh [BUILD_DIR]   (default target/nginx-1.28/asan)
#
# Passes when the suite passes and ASan wrote no report. Leak detection is
# off: nginx frees its pools at exit only partly, by design.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
dir=${1:-${CARGO_TARGET_DIR:-$root/target}/nginx-1.28/asan}
nginx=$dir/sbin/nginx

. "$root/tests/install/lib.sh"

check "nginx is linked with ASan" bash -c "ldd '$nginx' | grep -q libasan"
check "the module is compiled in, instrumented" \
    bash -c "nm '$dir/build/addon/nginx-module/ngx_http_p3p_module.o' | grep -q __asan_report &&
             nm '$nginx' | grep -q ngx_http_p3p_module"
check "built with NGX_DEBUG_PALLOC" grep -q -- '-DNGX_DEBUG_PALLOC=1' "$dir/build/Makefile"

# workers run as nobody and must be able to write their reports
reports=$(mktemp -d "${TMPDIR:-/tmp}/p3p-asan.XXXXXX")
chmod 1777 "$reports"
trap 'rm -rf "$reports"' EXIT

ASAN_OPTIONS="detect_leaks=0:log_path=$reports/asan:print_summary=1" NGINX_BIN=$nginx \
    bash "$root/tests/nginx/run.sh" --builtin
suite=$?
check "the end-to-end suite passes under ASan" [ "$suite" -eq 0 ]
n=$(find "$reports" -type f | wc -l)
if [ "$n" -ne 0 ]; then
    head -n 60 "$reports"/*
fi
check "no AddressSanitizer report ($n written)" [ "$n" -eq 0 ]

summary
