#!/usr/bin/env bash
# Short fuzzing run of every libp3p fuzz target.
#
# usage: bash tests/fuzz/smoke.sh
#   FUZZ_SECONDS  seconds per target (default 20)
#   FUZZ_TARGETS  space-separated subset of targets (default: all)
#
# Seeds each target's corpus from tests/data/*.txt (one input per line) and a
# few built-in inputs, then runs each target for FUZZ_SECONDS with inputs up
# to 4096 bytes, under AddressSanitizer with debug assertions and overflow
# checks. Corpus, crash artifacts, build output and logs stay under
# tests/fuzz/ (corpus/, artifacts/, target/).
# One check per target; the last line is "N passed, N failed"; the exit
# status is non-zero when any target crashed, hung or failed to build.

set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${FUZZ_SECONDS:-20}
targets=${FUZZ_TARGETS:-header tokens explain cookie ffi profile}

# The toolchain is stable; cargo-fuzz needs nightly-only flags (-Zsanitizer).
export RUSTC_BOOTSTRAP=1
# Keep the build here, whatever the caller's CARGO_TARGET_DIR says.
export CARGO_TARGET_DIR=$here/target

# cargo-fuzz at a pinned version, built with its own lock file; the fuzz
# crate's dependencies are pinned by tests/fuzz/Cargo.lock.
cargo_fuzz_version=0.13.2
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $cargo_fuzz_version" ]; then
    echo "== installing cargo-fuzz $cargo_fuzz_version"
    cargo install cargo-fuzz --version "=$cargo_fuzz_version" --locked || {
        echo "cargo install cargo-fuzz failed"
        echo "0 passed, 1 failed"
        exit 1
    }
fi

fuzz=(cargo fuzz)
common=(--fuzz-dir "$here" --debug-assertions)

# ---- corpus -----------------------------------------------------------------

# seed TARGET PREFIX BYTES: one corpus file named by its content's hash.
seed() {
    local dir=$here/corpus/$1 file
    mkdir -p "$dir"
    file=$dir/seed-$(printf '%b%s' "$2" "$3" | sha1sum | cut -c1-16)
    printf '%b%s' "$2" "$3" >"$file"
}

builtin_seeds=(
    'CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA"'
    'CP="ALL IND DSP COR ADM CONo CUR CUSo IVAo IVDo PSA PSD TAI TELo OUR SAMo CNT COM INT NAV ONL PHY PRE PUR UNI"'
    'CP="This is not a P3P policy! See https://www.google.com/support/accounts/answer/151657 for more info."'
    "policyref=\"/w3c/p3p.xml\", CP='CAO PSA OUR'"
    'CP="NOI DSP", cp=PHY ONL CONa'
    'CP="NOI CURR TST LOC'
    'NOI CURR DSPo OURi'
    'id=abc123; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly'
    'pref=1; Max-Age=31536000; SameSite=None; samesite=strict; Secure'
    'logout=; Max-Age=0; expires=Thu, 01 Jan 1970 00:00:00 GMT'
    'cross-sitedocument'
    'medium_high'
    '<MSIEPrivacy><MSIEPrivacySettings formatVersion="6"><p3pCookiePolicy zone="internet"><firstParty noPolicyDefault="forceFirstParty" noRuleDefault="accept" alwaysAllowSession="yes"><if expr="PHY,CON" action="forceSession"/></firstParty><thirdParty noPolicyDefault="reject" noRuleDefault="accept" alwaysAllowSession="no"><if expr="PHY,!CUR" action="reject"/></thirdParty></p3pCookiePolicy></MSIEPrivacySettings></MSIEPrivacy>'
)

# Per-target prefixes: explain reads one selector byte, ffi eight control
# bytes. ffi gets every level for both parties (first byte level, second
# party), so each decision, and the rewrite each one asks for, is in the
# corpus from the start rather than left for mutation to find.
prefixes_for() {
    local level party
    case $1 in
    explain) printf '%s\n' '\x00' ;;
    ffi)
        for level in 0 1 2 3 4 5; do
            for party in 0 1; do
                printf '%s\n' "\\x0$level\\x0$party\\x01\\x01\\x00\\x01\\x0a\\x00"
            done
        done
        ;;
    *) printf '\n' ;;
    esac
}

for t in $targets; do
    mapfile -t prefixes < <(prefixes_for "$t")
    for p in "${prefixes[@]}"; do
        for s in "${builtin_seeds[@]}"; do
            seed "$t" "$p" "$s"
        done
    done
    shopt -s nullglob
    if [ "$t" = profile ]; then
        for f in "$root"/profiles/*.xml; do
            mkdir -p "$here/corpus/$t"
            cp "$f" "$here/corpus/$t/seed-$(basename "$f")"
        done
    fi
    for p in "${prefixes[@]}"; do
        for f in "$root"/tests/data/*.txt; do
            while IFS= read -r line || [ -n "$line" ]; do
                seed "$t" "$p" "$line"
            done <"$f"
        done
    done
    shopt -u nullglob
done

# ---- build ------------------------------------------------------------------

passed=0
failed=0
failures=()
summary=()

logs=$here/target/logs
mkdir -p "$logs"
echo "== building fuzz targets"
if ! (cd "$here" && "${fuzz[@]}" build "${common[@]}") >"$logs/build.log" 2>&1; then
    tail -n 40 "$logs/build.log"
    for t in $targets; do
        failed=$((failed + 1))
        failures+=("$t (build)")
    done
    printf 'failed: %s\n' "${failures[@]}"
    echo "$passed passed, $failed failed"
    exit 1
fi

# ---- run --------------------------------------------------------------------

for t in $targets; do
    log=$logs/$t.log
    mkdir -p "$here/artifacts/$t"
    before=$(find "$here/artifacts/$t" -type f | wc -l)
    echo "== fuzzing $t for ${seconds}s"
    # The time limit is libFuzzer's; `timeout` only stops a run that ignores it.
    timeout --kill-after=10 $((seconds + 120)) \
        "${fuzz[@]}" run "${common[@]}" "$t" -- \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1
    rc=$?
    after=$(find "$here/artifacts/$t" -type f | wc -l)
    runs=$(grep -oE 'Done [0-9]+ runs' "$log" | tail -n 1 | grep -oE '[0-9]+')
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+')
    if [ "$rc" -eq 0 ] && [ "$after" -eq "$before" ] && [ -n "$runs" ]; then
        passed=$((passed + 1))
        summary+=("$(printf '%-8s ok      %10s runs, coverage %s' "$t" "$runs" "${cov:-?}")")
        echo "ok: $t ($runs runs)"
    else
        failed=$((failed + 1))
        failures+=("$t")
        summary+=("$(printf '%-8s FAILED  exit %s, see %s' "$t" "$rc" "${log#"$root"/}")")
        grep -E -A 30 'panicked|ERROR: (libFuzzer|AddressSanitizer)|SUMMARY|deadly signal|Test unit written' "$log" |
            head -n 60
        [ "$rc" -eq 124 ] && echo "$t: still running after $((seconds + 120))s"
        echo "FAILED: $t"
    fi
done

echo "== summary (${seconds}s per target, -max_len=4096)"
printf '  %s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
    printf 'failed: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
