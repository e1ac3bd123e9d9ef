# Counting helpers for the install and package tests; source from bash.
#   check WHAT COMMAND...   passes when COMMAND succeeds, else prints FAIL: WHAT
#   ok / bad WHAT           count a pass or a failure by hand
#   summary                 the closing line "N passed, N failed[, N skipped]";
#                           its status is that of the whole run
pass=0
fail=0
skip=0
ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}
check() {
    local what=$1
    shift
    if "$@"; then ok; else bad "$what"; fi
}
summary() {
    if [ "$skip" -gt 0 ]; then
        echo "$pass passed, $fail failed, $skip skipped"
    else
        echo "$pass passed, $fail failed"
    fi
    [ "$fail" -eq 0 ]
}
