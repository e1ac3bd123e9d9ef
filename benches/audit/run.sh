#!/usr/bin/env bash
# Times `p3p audit` on a generated HAR file beside `jq .` on the same file:
# wall and CPU time and maximum resident memory (GNU time), best of RUNS.
#
#   bash benches/audit/run.sh [SIZE_MB] [RUNS]     (defaults: 100 MB, 3 runs)
#
# Needs python3 (the generator) and GNU time; jq is optional (skipped with a
# message when missing: apt-get install jq). The file is generated once into
# target/bench-audit/ and reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-100}
runs=${2:-3}
dir=${CARGO_TARGET_DIR:-target}/bench-audit
har=$dir/large-${size}mb.har
bin=${CARGO_TARGET_DIR:-target}/release/p3p

if [ ! -x /usr/bin/time ]; then
  echo "bench-audit: GNU time is needed (apt-get install time)" >&2
  exit 1
fi
cargo build --release --quiet
mkdir -p "$dir"
[ -s "$har" ] || python3 benches/audit/gen_har.py "$size" "$har"
ls -l "$har"

# Prints "wall_s user_s max_rss_kib" of the best (fastest wall) run.
measure() {
  local best="" line out=$dir/time.out
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$out" -f '%e %U %M' "$@" > /dev/null 2>&1
    line=$(tail -n 1 "$out")
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
      best=$line
    fi
  done
  echo "$best"
}

report() {
  local name=$1; shift
  read -r wall user rss <<< "$(measure "$@")"
  printf '%-28s %8s s wall %8s s CPU %10s KiB max RSS\n' "$name" "$wall" "$user" "$rss"
}

report "p3p audit (text)" "$bin" audit "$har"
report "p3p audit --json" "$bin" audit --json "$har"
if command -v jq > /dev/null; then
  report "jq ." jq . "$har"
else
  echo "jq .: skipped (jq is not installed; apt-get install jq)"
fi
