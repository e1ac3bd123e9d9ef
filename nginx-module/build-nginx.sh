#!/usr/bin/env bash
# Builds nginx 1.28 from the nginx-src crate (pinned by
# nginx-module/nginx-src/Cargo.lock) together with ngx_http_p3p_module:
#
#   bash nginx-module/build-nginx.sh MODE [OUT_DIR]
#
#   dynamic  nginx, and the module as a loadable .so (--add-dynamic-module)
#   static   nginx with the module compiled in (--add-module)
#   asan     as static, built with AddressSanitizer and NGX_DEBUG_PALLOC
#            (every pool allocation is its own malloc, so ASan sees overruns
#            of pool memory). Static: a dynamic module defines nginx's
#            module-list globals a second time, which ASan reports as an
#            ODR violation at load
#
# OUT_DIR (default target/nginx-1.28/MODE) receives sbin/nginx and, for
# dynamic, modules/ngx_http_p3p_module.so. libp3p.a comes from
# RELEASE_DIR (default target/release: run cargo build --release first).
# The configured build tree is kept under OUT_DIR/build: a second run only
# recompiles what changed and always relinks (make does not see libp3p.a).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
mode=${1:-}
out=${2:-$target/nginx-1.28/$mode}
release=${RELEASE_DIR:-$target/release}
cargo=${CARGO:-cargo}

case $mode in
dynamic | static | asan) ;;
*)
    echo "usage: $0 dynamic|static|asan [OUT_DIR]" >&2
    exit 2
    ;;
esac
if [ ! -f "$release/libp3p.a" ]; then
    echo "build-nginx.sh: $release/libp3p.a not found; run: cargo build --release" >&2
    exit 1
fi

# ---- the source: fetched by cargo at the locked version, copied once ----------
pin=$here/nginx-src/Cargo.toml
host=$(rustc -vV 2>/dev/null | sed -n 's/^host: //p')
"$cargo" fetch -q --locked --manifest-path "$pin" ${host:+--target "$host"}
crate=$("$cargo" metadata --locked --offline --format-version 1 --manifest-path "$pin" |
    grep -o '"manifest_path":"[^"]*/nginx-src-[^"/]*/Cargo.toml"' | head -n 1 |
    sed 's/^"manifest_path":"//; s|/Cargo.toml"$||')
if [ -z "$crate" ] || [ ! -x "$crate/nginx/auto/configure" ]; then
    echo "build-nginx.sh: no nginx source in the nginx-src crate ($crate)" >&2
    exit 1
fi
src=$target/nginx-1.28/src
if [ "$(cat "$src.from" 2>/dev/null)" != "$crate" ]; then
    # configure writes a Makefile into the tree: never build in cargo's copy
    rm -rf "$src"
    mkdir -p "$(dirname "$src")"
    cp -a "$crate/nginx" "$src"
    echo "$crate" >"$src.from"
fi

# ---- configure (again only when the arguments changed) ---------------------------
mkdir -p "$out"
out=$(cd "$out" && pwd)
release=$(cd "$release" && pwd)
build=$out/build

args=(--prefix="$out" --builddir="$build" --with-compat --with-threads --with-debug
    --with-http_v2_module --with-http_auth_request_module)
cc_opt="-O2 -g"
ld_opt=""
case $mode in
dynamic) args+=(--add-dynamic-module="$here") ;;
static) args+=(--add-module="$here") ;;
asan)
    args+=(--add-module="$here")
    cc_opt="-O1 -g -fno-omit-frame-pointer -fsanitize=address -DNGX_DEBUG_PALLOC=1"
    ld_opt="-fsanitize=address"
    ;;
esac
args+=(--with-cc-opt="$cc_opt" --with-ld-opt="$ld_opt")

stamp="$(printf '%s\n' "${args[@]}" "$release" "$root/include")"
if [ ! -f "$build/Makefile" ] || [ "$(cat "$build/configure.args" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$build"
    mkdir -p "$build"
    (
        cd "$src"
        P3P_LIB_DIR="$release" P3P_INC_DIR="$root/include" \
            ./auto/configure "${args[@]}" >"$build/configure.log" 2>&1
    ) || {
        tail -n 30 "$build/configure.log" >&2
        exit 1
    }
    printf '%s' "$stamp" >"$build/configure.args"
fi

# ---- build --------------------------------------------------------------------------
rm -f "$build/nginx" "$build/ngx_http_p3p_module.so"
jobs=$(nproc 2>/dev/null || echo 2)
make -s -j"$jobs" -f "$build/Makefile" -C "$src" >"$build/make.log" 2>&1 || {
    tail -n 40 "$build/make.log" >&2
    exit 1
}

mkdir -p "$out/sbin" "$out/logs"
install -m 0755 "$build/nginx" "$out/sbin/nginx.tmp"
mv -f "$out/sbin/nginx.tmp" "$out/sbin/nginx"
if [ "$mode" = dynamic ]; then
    mkdir -p "$out/modules"
    install -m 0644 "$build/ngx_http_p3p_module.so" "$out/modules/ngx_http_p3p_module.so.tmp"
    mv -f "$out/modules/ngx_http_p3p_module.so.tmp" "$out/modules/ngx_http_p3p_module.so"
fi
echo "built $out/sbin/nginx ($("$out/sbin/nginx" -v 2>&1 | sed 's/.*: //'), $mode)"
