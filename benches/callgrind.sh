#!/usr/bin/env bash
# Instructions per library operation, counted by callgrind: the same binary
# runs each operation COUNT times and 0 times, and the difference divided by
# COUNT is printed. Stable on a noisy machine, unlike timings.
#
# Two tables: the Rust API (benches/ops.rs) and the C ABI (benches/c_ops.c,
# built against include/p3p.h and libp3p.a, the way the nginx module calls
# the library). For the C ABI the loop's own cost (the "none" operation: an
# indirect call and a counter) is subtracted, so each figure is the calls
# themselves.
#
#   bash benches/callgrind.sh [COUNT]      (default 20000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count=${1:-20000}
command -v valgrind >/dev/null || { echo "callgrind: valgrind is not installed (make setup)"; exit 0; }
bin=$(cargo bench --bench ops --no-run --message-format=json 2>/dev/null \
      | sed -n 's/.*"executable":"\([^"]*ops[^"]*\)".*/\1/p' | tail -n 1)
[ -x "$bin" ] || { echo "callgrind: could not build the ops benchmark" >&2; exit 1; }
target=${CARGO_TARGET_DIR:-target}
cargo build --release --lib --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -Iinclude benches/c_ops.c "$target/release/libp3p.a" -lpthread -ldl -lm -o "$tmp/c_ops"

instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$@" >/dev/null 2>"$tmp/err"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/err"
}
per_op() { # BINARY OP
    local base total
    base=$(instructions "$1" "$2" 0)
    total=$(instructions "$1" "$2" "$count")
    echo $(( (total - base) / count ))
}

printf '%-28s %12s\n' "Rust API" instructions/op
for op in $("$bin" list); do
    [ "$op" = none ] && continue
    printf '%-28s %12d\n' "$op" "$(per_op "$bin" "$op")"
done

echo
printf '%-28s %12s\n' "C ABI" instructions/call
loop=$(per_op "$tmp/c_ops" none)
for op in $("$tmp/c_ops" list); do
    [ "$op" = none ] && continue
    printf '%-28s %12d\n' "$op" $(( $(per_op "$tmp/c_ops" "$op") - loop ))
done
echo "(the C loop's own $loop instructions per turn are subtracted)"
