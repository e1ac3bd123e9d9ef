#!/usr/bin/env bash
# make install into a DESTDIR, as a packager or a user would, then use what
# was installed: C programs built with the flags pkg-config gives (shared and
# -static), the SONAME and its links, stripped files, the p3p command, its
# man pages and completions, the nginx module loaded through its snippet;
# then make uninstall leaves nothing behind. A second install checks the
# directory overrides (PREFIX, LIBDIR, ...).
#
#   bash tests/install/run.sh        (after make build; the last line is
#                                     "N passed, N failed")
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
major=${version%%.*}

. "$here/lib.sh"

work=$(mktemp -d "$target/install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
dest=$work/root
log=$work/make.log

# ---- make install ---------------------------------------------------------------
echo "== make install DESTDIR=$dest"
if ! make -s -C "$root" install DESTDIR="$dest" >"$log" 2>&1; then
    cat "$log"
    bad "make install"
    summary
    exit 1
fi
cat "$log"
ok

lib=$dest/usr/local/lib
check "libp3p.so.$version is a file" test -f "$lib/libp3p.so.$version" -a ! -L "$lib/libp3p.so.$version"
check "libp3p.so.$major -> libp3p.so.$version" [ "$(readlink "$lib/libp3p.so.$major")" = "libp3p.so.$version" ]
check "libp3p.so -> libp3p.so.$major" [ "$(readlink "$lib/libp3p.so")" = "libp3p.so.$major" ]
check "libp3p.a" test -f "$lib/libp3p.a"
check "p3p.h" cmp -s "$root/include/p3p.h" "$dest/usr/local/include/p3p.h"
check "p3p.pc" test -f "$lib/pkgconfig/p3p.pc"
check "bin/p3p" test -x "$dest/usr/local/bin/p3p"

soname=$(readelf -d "$lib/libp3p.so.$version" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
check "SONAME is libp3p.so.$major (readelf -d: '$soname')" [ "$soname" = "libp3p.so.$major" ]
# stripped: no DWARF left in any installed binary (.debug_gdb_scripts is
# a loaded section naming gdb's Rust helpers, not debug information)
dwarf='\.debug_(info|line|abbrev|str|ranges|rnglists|loc|loclists|aranges)'
nodwarf() { ! readelf -S -W "$1" 2>/dev/null | grep -qE "$dwarf"; }
for f in "$lib/libp3p.so.$version" "$lib/libp3p.a" "$dest/usr/local/bin/p3p"; do
    check "$(basename "$f") has no debug information" nodwarf "$f"
done
echo "sizes: $(stat -c '%n %s' "$target/release/libp3p.so" "$lib/libp3p.so.$version" \
    "$target/release/libp3p.a" "$lib/libp3p.a" | sed "s|$dest||; s|$target/||" | tr '\n' ';')"

# the rustc-reported system libraries are in Libs.private (less -lgcc_s/-lc)
native=$(cd "$root" && cargo rustc -q --release --lib --crate-type staticlib -- --print native-static-libs 2>&1 |
    sed -n 's/.*native-static-libs: //p' | tail -n 1)
private=$(sed -n 's/^Libs.private: //p' "$lib/pkgconfig/p3p.pc")
for l in $native; do
    case $l in -lgcc_s | -lc) continue ;; esac
    check "Libs.private names $l" grep -qw -- "$l" <<<"$private"
done

check "installed p3p runs" bash -c "'$dest/usr/local/bin/p3p' explain 'CP=\"NOI DSP COR\"' | grep -q 'Verdict: Satisfactory'"

# ---- a C program through pkg-config ------------------------------------------------
export PKG_CONFIG_PATH=$lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$dest
check "pkg-config --modversion p3p = $version" [ "$(pkg-config --modversion p3p)" = "$version" ]
cflags="-std=c99 -Wall -Wextra -Werror -pedantic"
# shellcheck disable=SC2046,SC2086
if cc $cflags "$here/prog.c" $(pkg-config --cflags --libs p3p) -o "$work/prog-shared"; then
    ok
    check "shared program needs libp3p.so.$major" \
        bash -c "readelf -d '$work/prog-shared' | grep -q 'NEEDED.*\[libp3p.so.$major\]'"
    check "shared program runs against the installed library" \
        env LD_LIBRARY_PATH="$lib" "$work/prog-shared"
    check "the loader finds the library by its SONAME" \
        bash -c "LD_LIBRARY_PATH='$lib' ldd '$work/prog-shared' | grep -q 'libp3p.so.$major => $lib/libp3p.so.$major'"
else
    bad "cc prog.c \$(pkg-config --cflags --libs p3p)"
fi
# shellcheck disable=SC2046,SC2086
if cc $cflags -static "$here/prog.c" $(pkg-config --static --cflags --libs p3p) -o "$work/prog-static" 2>"$work/static.log"; then
    ok
    check "static program needs no shared library" bash -c "! readelf -d '$work/prog-static' 2>/dev/null | grep -q NEEDED"
    check "static program runs" "$work/prog-static"
else
    cat "$work/static.log"
    bad "cc -static prog.c \$(pkg-config --static --cflags --libs p3p)"
fi

# ---- man pages and completions (written by the command) -------------------------
share=$dest/usr/local/share
check "man page p3p.1" test -s "$share/man/man1/p3p.1"
check "man pages per subcommand" bash -c "ls '$share/man/man1'/p3p-*.1 >/dev/null"
check "man renders" bash -c "! command -v man >/dev/null || man -l '$share/man/man1/p3p.1' >/dev/null 2>&1"
check "bash completion parses" bash -n "$share/bash-completion/completions/p3p"
check "zsh completion" test -s "$share/zsh/site-functions/_p3p"
check "fish completion" test -s "$share/fish/vendor_completions.d/p3p.fish"

# ---- the nginx module -------------------------------------------------------------------
mod=$dest/usr/lib/nginx/modules/ngx_http_p3p_module.so
if [ -f /usr/share/nginx/src/configure ] && [ -x /usr/sbin/nginx ]; then
    avail=$dest/usr/share/nginx/modules-available/mod-http-p3p.conf
    enabled=$dest/etc/nginx/modules-enabled/50-mod-http-p3p.conf
    check "module installed" test -f "$mod"
    check "module has no debug information" nodwarf "$mod"
    check "snippet loads the installed module" \
        grep -qx "load_module /usr/lib/nginx/modules/ngx_http_p3p_module.so;" "$avail"
    check "snippet enabled as 50-mod-http-p3p.conf" \
        [ "$(readlink "$enabled")" = /usr/share/nginx/modules-available/mod-http-p3p.conf ]
    echo "module size: $(stat -c %s "$target/nginx/ngx_http_p3p_module.so") built, $(stat -c %s "$mod") installed"
    # nginx -t through the snippet, pointed into DESTDIR
    mkdir -p "$work/ngx/logs"
    sed "s|/usr/lib/nginx|$dest/usr/lib/nginx|" "$avail" >"$work/ngx/snippet.conf"
    cat >"$work/ngx/nginx.conf" <<EOF
pid $work/ngx/nginx.pid;
include $work/ngx/snippet.conf;
events { }
http {
    p3p_policy "NOI DSP COR CUR ADMa OUR BUS IND UNI COM NAV";
    p3p_cookies medium;
}
EOF
    check "nginx -t loads the module through its snippet" \
        /usr/sbin/nginx -t -q -p "$work/ngx/" -c "$work/ngx/nginx.conf" -e "$work/ngx/logs/error.log"
else
    skip=$((skip + 1))
    echo "skipped: nginx module (no nginx-dev tree)"
fi

# ---- make uninstall ---------------------------------------------------------------------
if make -s -C "$root" uninstall DESTDIR="$dest" >"$log" 2>&1; then
    ok
    left=$(find "$dest" -type f -o -type l)
    check "uninstall removes every file and link${left:+ (left: $left)}" [ -z "$left" ]
else
    cat "$log"
    bad "make uninstall"
fi

# ---- directory overrides --------------------------------------------------------------------
dest2=$work/root2
if make -s -C "$root" install DESTDIR="$dest2" PREFIX=/opt/p3p LIBDIR=/opt/p3p/lib64 \
    INCLUDEDIR=/opt/p3p/inc BINDIR=/opt/p3p/sbin MANDIR=/opt/p3p/man WITH_NGINX=no >"$log" 2>&1; then
    ok
    check "LIBDIR" test -f "$dest2/opt/p3p/lib64/libp3p.so.$version"
    check "INCLUDEDIR" test -f "$dest2/opt/p3p/inc/p3p.h"
    check "BINDIR" test -x "$dest2/opt/p3p/sbin/p3p"
    check "p3p.pc follows LIBDIR and INCLUDEDIR" \
        bash -c "grep -qx 'libdir=\${prefix}/lib64' '$dest2/opt/p3p/lib64/pkgconfig/p3p.pc' &&
                 grep -qx 'includedir=\${prefix}/inc' '$dest2/opt/p3p/lib64/pkgconfig/p3p.pc'"
    check "WITH_NGINX=no installs no module" test ! -e "$dest2/usr/lib/nginx"
    make -s -C "$root" uninstall DESTDIR="$dest2" PREFIX=/opt/p3p LIBDIR=/opt/p3p/lib64 \
        INCLUDEDIR=/opt/p3p/inc BINDIR=/opt/p3p/sbin MANDIR=/opt/p3p/man >"$log" 2>&1
    left=$(find "$dest2" -type f -o -type l)
    check "uninstall with the same overrides removes everything${left:+ (left: $left)}" [ -z "$left" ]
else
    cat "$log"
    bad "make install with PREFIX/LIBDIR/INCLUDEDIR/BINDIR/MANDIR"
fi

summary
