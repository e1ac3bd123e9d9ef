#!/usr/bin/env bash
# Builds ngx_http_p3p_module.so for the installed nginx (Debian's nginx-dev
# tree), linking libp3p.a statically.
#
#   bash nginx-module/build.sh [RELEASE_DIR [OUT_DIR]]
#
# RELEASE_DIR holds libp3p.a (default: target/release, or
# $CARGO_TARGET_DIR/release); OUT_DIR receives ngx_http_p3p_module.so
# (default: target/nginx). NGINX_SRC overrides the nginx build tree.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
release=${1:-$target/release}
out=${2:-$target/nginx}
src=${NGINX_SRC:-/usr/share/nginx/src}

if [ ! -f "$release/libp3p.a" ]; then
    echo "build.sh: $release/libp3p.a not found; run: cargo build --release" >&2
    exit 1
fi
if [ ! -x "$src/configure" ] || [ ! -f "$src/conf_flags" ]; then
    echo "build.sh: no nginx build tree in $src; install nginx-dev (make setup)" >&2
    exit 1
fi

release=$(cd "$release" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
build="$out/build"

# make does not relink when only libp3p.a changed: always start clean.
rm -rf "$build"
mkdir -p "$build"

cflags="-g -O2"
ldflags=""
if command -v dpkg-buildflags >/dev/null 2>&1; then
    cflags="$(dpkg-buildflags --get CFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
    ldflags="$(dpkg-buildflags --get LDFLAGS)"
fi

(
    cd "$src"
    # conf_flags defines NGX_CONF_FLAGS, the package's configure arguments.
    . ./conf_flags
    P3P_LIB_DIR="$release" P3P_INC_DIR="$root/include" \
        ./configure --with-cc-opt="$cflags -fPIC" \
                    --with-ld-opt="$ldflags -fPIC" \
                    "${NGX_CONF_FLAGS[@]}" \
                    --add-dynamic-module="$here" \
                    --builddir="$build" >"$build/configure.log" 2>&1 \
        || { cat "$build/configure.log" >&2; exit 1; }
)

make -s -f "$build/Makefile" -C "$src" modules

# Replace atomically: a running nginx may have the old file mapped.
install -m 0644 "$build/ngx_http_p3p_module.so" "$out/ngx_http_p3p_module.so.tmp"
mv -f "$out/ngx_http_p3p_module.so.tmp" "$out/ngx_http_p3p_module.so"
echo "built $out/ngx_http_p3p_module.so"
