#!/usr/bin/env bash
# Installs what p3p's build, tests and packages need on Debian 12:
#   - a Rust toolchain, from Debian (rustc-web, cargo-web: /usr/bin/rustc and
#     /usr/bin/cargo), when there is none or the one on PATH is older than
#     Cargo.toml's rust-version;
#   - nginx and its module build tree (nginx-dev, which brings debhelper and
#     dh_nginx), curl, wrk and njs for the nginx tests and benchmarks;
#   - the libraries nginx 1.28 is built with (PCRE2, zlib) for the second
#     nginx and the ASan build;
#   - clang for the C ABI sanitizer tests, valgrind for memory checks,
#     GNU time (peak memory of nginx -t and of the command's memory test), dpkg-dev and pkgconf
#     for the packages and the install tests.
# Idempotent: installs only what is missing and says what it did.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(nginx nginx-dev curl wrk libnginx-mod-http-js clang libclang-rt-14-dev valgrind
    make gcc libc6-dev binutils dpkg-dev debhelper pkgconf libpcre2-dev zlib1g-dev time)

# ---- Rust: the one on PATH if new enough, else Debian's ------------------------------
need=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
have=""
if command -v rustc >/dev/null 2>&1 && command -v cargo >/dev/null 2>&1; then
    have=$(rustc --version 2>/dev/null | awk '{ print $2 }')
fi
older() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$1" ]; }
rust_from_debian=0
if [ -z "$have" ]; then
    echo "setup: no Rust toolchain on PATH; installing Debian's rustc-web and cargo-web (Rust $need or newer)"
    rust_from_debian=1
elif older "$have" "$need"; then
    echo "setup: rustc $have is older than Cargo.toml's rust-version $need; installing Debian's rustc-web and cargo-web"
    rust_from_debian=1
else
    echo "setup: using rustc $have from $(command -v rustc) (rust-version is $need)"
fi
[ $rust_from_debian = 0 ] || packages+=(rustc-web cargo-web)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all packages present"
else
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    echo "setup: installing ${missing[*]}"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ $rust_from_debian = 1 ]; then
    now=$(rustc --version 2>/dev/null | awk '{ print $2 }' || true)
    if [ -z "$now" ] || older "$now" "$need"; then
        echo "setup: /usr/bin/rustc is $(/usr/bin/rustc --version 2>/dev/null | awk '{ print $2 }'), but rustc on PATH is ${now:-missing}:" >&2
        echo "       put /usr/bin first in PATH" >&2
        exit 1
    else
        echo "setup: Rust $now from Debian ($(command -v cargo))"
    fi
fi
