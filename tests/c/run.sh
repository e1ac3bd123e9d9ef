#!/usr/bin/env bash
# C ABI tests for libp3p.
#
# usage: bash tests/c/run.sh [RELEASE_DIR]    (default: target/release)
#
# Builds the library if libp3p.a or libp3p.so is missing, then:
#   1. abi_test.c with gcc -std=c99 -pedantic -Werror against libp3p.a;
#   2. the same with clang under AddressSanitizer and UBSan (leak check on);
#   3. the same against libp3p.so under valgrind memcheck;
#   4. header_cxx.cc with g++ -std=c++11 -Werror (the header is valid C++);
#   5. libp3p.so exports nothing outside the p3p_ prefix.
# Prints "N passed, N failed" (one check per step) and exits non-zero on any
# failure. A step whose compiler or tool is missing counts as failed.

set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
release=${1:-$root/target/release}
case $release in
/*) ;;
*) release=$PWD/$release ;;
esac

CC_GCC=${CC_GCC:-gcc}
CC_CLANG=${CC_CLANG:-clang}
CXX=${CXX:-g++}
# native-static-libs of the staticlib (cargo rustc --crate-type staticlib -- --print native-static-libs)
STATIC_LIBS="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"

if [ ! -f "$release/libp3p.a" ] || [ ! -f "$release/libp3p.so" ]; then
    echo "== building libp3p (cargo build --release)"
    (cd "$root" && cargo build --release) || {
        echo "cargo build --release failed"
        echo "0 passed, 1 failed"
        exit 1
    }
    release=$root/target/release
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/p3p-c-tests.XXXXXX")
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
failures=()

step() { # step NAME COMMAND...: runs a check, prints its output on failure
    local name=$1
    shift
    echo "== $name"
    if "$@" >"$work/log" 2>&1; then
        passed=$((passed + 1))
        tail -n 2 "$work/log"
        echo "ok: $name"
    else
        failed=$((failed + 1))
        failures+=("$name")
        cat "$work/log"
        echo "FAILED: $name"
    fi
}

have() { command -v "$1" >/dev/null 2>&1; }

inc=(-I "$root/include")
cflags=(-std=c99 -Wall -Wextra -Werror -pedantic)

gcc_static() {
    have "$CC_GCC" || { echo "$CC_GCC not found"; return 1; }
    "$CC_GCC" "${cflags[@]}" -O1 -g "${inc[@]}" "$here/abi_test.c" "$release/libp3p.a" $STATIC_LIBS \
        -o "$work/abi_gcc" && "$work/abi_gcc"
}

clang_sanitized() {
    have "$CC_CLANG" || { echo "$CC_CLANG not found"; return 1; }
    local san=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    "$CC_CLANG" "${cflags[@]}" -O1 -g "${san[@]}" "${inc[@]}" "$here/abi_test.c" "$release/libp3p.a" \
        $STATIC_LIBS -o "$work/abi_clang" &&
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 "$work/abi_clang"
}

valgrind_shared() {
    have valgrind || { echo "valgrind not found"; return 1; }
    have "$CC_GCC" || { echo "$CC_GCC not found"; return 1; }
    # the program records the SONAME (build.rs): libp3p.so.0
    ln -sfn libp3p.so "$release/libp3p.so.0"
    "$CC_GCC" "${cflags[@]}" -O0 -g "${inc[@]}" "$here/abi_test.c" -L "$release" -Wl,-rpath,"$release" \
        -lp3p -o "$work/abi_shared" || return 1
    # Make sure the binary really uses the shared library.
    ldd "$work/abi_shared" | grep -q "$release/libp3p.so" || {
        echo "abi_shared does not load $release/libp3p.so"
        ldd "$work/abi_shared"
        return 1
    }
    valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        "$work/abi_shared"
}

cxx_header() {
    have "$CXX" || { echo "$CXX not found"; return 1; }
    "$CXX" -std=c++11 -Wall -Wextra -Werror -pedantic "${inc[@]}" "$here/header_cxx.cc" \
        "$release/libp3p.a" $STATIC_LIBS -o "$work/header_cxx" && "$work/header_cxx"
}

exports_prefixed() {
    have nm || { echo "nm not found"; return 1; }
    local syms others
    syms=$(nm -D --defined-only "$release/libp3p.so" | awk 'NF >= 3 { print $3 }') || return 1
    if [ -z "$syms" ]; then
        echo "libp3p.so exports no symbols"
        return 1
    fi
    others=$(printf '%s\n' "$syms" | grep -v '^p3p_' || true)
    echo "$(printf '%s\n' "$syms" | grep -c '^p3p_') p3p_ symbols exported"
    if [ -n "$others" ]; then
        echo "symbols exported outside the p3p_ prefix:"
        printf '  %s\n' $others
        return 1
    fi
    # Every function the header declares is exported.
    local missing=0 f
    for f in $(grep -oE '\bp3p_[a-z_]+\(' "$root/include/p3p.h" | tr -d '(' | sort -u); do
        printf '%s\n' "$syms" | grep -qx "$f" || { echo "declared but not exported: $f"; missing=1; }
    done
    return $missing
}

step "gcc -std=c99 -pedantic, libp3p.a" gcc_static
step "clang ASan+UBSan, libp3p.a" clang_sanitized
step "valgrind memcheck, libp3p.so" valgrind_shared
step "g++ -std=c++11, header as C++" cxx_header
step "libp3p.so exports only p3p_ symbols" exports_prefixed

if [ "$failed" -ne 0 ]; then
    printf 'failed: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
