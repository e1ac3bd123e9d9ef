#!/usr/bin/env bash
# Instructions per library operation, counted by callgrind: the same binary
# runs each operation COUNT times and 0 times, and the difference divided by
# COUNT is printed. Stable on a noisy machine, unlike timings.
#
#   bash benches/callgrind.sh [COUNT]      (default 20000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count=${1:-20000}
command -v valgrind >/dev/null || { echo "callgrind: valgrind is not installed (make setup)"; exit 0; }
bin=$(cargo bench --bench ops --no-run --message-format=json 2>/dev/null \
      | sed -n 's/.*"executable":"\([^"]*ops[^"]*\)".*/\1/p' | tail -n 1)
[ -x "$bin" ] || { echo "callgrind: could not build the ops benchmark" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$bin" "$1" "$2" >/dev/null 2>"$tmp/err"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/err"
}
printf '%-28s %12s\n' operation instructions/op
for op in $("$bin" list); do
    [ "$op" = none ] && continue
    base=$(instructions "$op" 0)
    total=$(instructions "$op" "$count")
    printf '%-28s %12d\n' "$op" $(( (total - base) / count ))
done
