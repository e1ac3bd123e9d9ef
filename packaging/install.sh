#!/usr/bin/env bash
# Installs or removes what `make install` puts on a system (docs/install.md):
#
#   LIBDIR      libp3p.so.VERSION, the libp3p.so.MAJOR (SONAME) and
#               libp3p.so links, libp3p.a; PKGCONFIGDIR/p3p.pc
#   INCLUDEDIR  p3p.h
#   BINDIR      p3p; MANDIR/man1 its man pages; bash, zsh and fish
#               completions (both written by the p3p command itself)
#   nginx       ngx_http_p3p_module.so in NGINX_MODULES_DIR, the load
#               snippet NGINX_MODULES_AVAILABLE/mod-http-p3p.conf and, with
#               NGINX_ENABLE=1, the link NGINX_MODULES_ENABLED/50-mod-http-p3p.conf
#               (Debian's layout)
#
#   bash packaging/install.sh install|uninstall
#
# The Makefile sets every directory (all absolute, DESTDIR prepended here)
# and RELEASE (cargo's release directory), NGINX_MODULE (the built module,
# empty for none), VERSION and STRIP ("true" keeps debug information).
set -euo pipefail

action=${1:-}
case $action in
install | uninstall) ;;
*)
    echo "usage: $0 install|uninstall" >&2
    exit 2
    ;;
esac

: "${VERSION:?}" "${RELEASE:?}" "${PREFIX:?}" "${BINDIR:?}" "${LIBDIR:?}"
: "${INCLUDEDIR:?}" "${MANDIR:?}" "${PKGCONFIGDIR:?}"
: "${BASHCOMPDIR:?}" "${ZSHCOMPDIR:?}" "${FISHCOMPDIR:?}"
DESTDIR=${DESTDIR:-}
STRIP=${STRIP:-strip}
NGINX_MODULE=${NGINX_MODULE:-}
NGINX_MODULES_AVAILABLE=${NGINX_MODULES_AVAILABLE:-/usr/share/nginx/modules-available}
NGINX_MODULES_ENABLED=${NGINX_MODULES_ENABLED:-/etc/nginx/modules-enabled}
NGINX_ENABLE=${NGINX_ENABLE:-1}
if [ -z "${NGINX_MODULES_DIR:-}" ]; then
    # where the installed nginx looks for modules, as it was built
    NGINX_MODULES_DIR=$({ "${NGINX_BIN:-/usr/sbin/nginx}" -V 2>&1 || true; } |
        sed -n 's/.*--modules-path=\([^ ]*\).*/\1/p')
    NGINX_MODULES_DIR=${NGINX_MODULES_DIR:-/usr/lib/nginx/modules}
fi

major=${VERSION%%.*}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
stage=$(mktemp -d "${TMPDIR:-/tmp}/p3p-install.XXXXXX")
trap 'rm -rf "$stage"' EXIT

d() { printf '%s%s' "$DESTDIR" "$1"; }

# ---- install ------------------------------------------------------------------

# pkg-config file: paths below the prefix are written relative to it.
write_pc() {
    local libdir=$LIBDIR incdir=$INCLUDEDIR
    case $libdir in "$PREFIX"/*) libdir="\${prefix}${libdir#"$PREFIX"}" ;; esac
    case $incdir in "$PREFIX"/*) incdir="\${prefix}${incdir#"$PREFIX"}" ;; esac
    sed -e "s|@PREFIX@|$PREFIX|" -e "s|@LIBDIR@|$libdir|" -e "s|@INCLUDEDIR@|$incdir|" \
        -e "s|@VERSION@|$VERSION|" -e "s|@LIBS_PRIVATE@|-lutil -lrt -lpthread -lm -ldl|" \
        "$here/p3p.pc.in" >"$1"
}

# strip_to MODE SRC DEST: a copy without debug information (the original
# stays as cargo built it, for debuggers and benchmarks).
strip_to() {
    cp "$2" "$3"
    case $1 in
    lib) "$STRIP" --strip-debug "$3" ;;
    *) "$STRIP" --strip-unneeded --remove-section=.comment "$3" ;;
    esac
}

do_install() {
    local f
    for f in libp3p.so libp3p.a p3p; do
        [ -f "$RELEASE/$f" ] || {
            echo "install: $RELEASE/$f is missing; run: make build" >&2
            exit 1
        }
    done

    strip_to so "$RELEASE/libp3p.so" "$stage/libp3p.so"
    strip_to lib "$RELEASE/libp3p.a" "$stage/libp3p.a"
    strip_to so "$RELEASE/p3p" "$stage/p3p"
    write_pc "$stage/p3p.pc"

    install -d "$(d "$LIBDIR")" "$(d "$PKGCONFIGDIR")" "$(d "$INCLUDEDIR")" "$(d "$BINDIR")"
    install -m 0644 "$stage/libp3p.so" "$(d "$LIBDIR/libp3p.so.$VERSION")"
    ln -sfn "libp3p.so.$VERSION" "$(d "$LIBDIR/libp3p.so.$major")"
    ln -sfn "libp3p.so.$major" "$(d "$LIBDIR/libp3p.so")"
    install -m 0644 "$stage/libp3p.a" "$(d "$LIBDIR/libp3p.a")"
    install -m 0644 "$stage/p3p.pc" "$(d "$PKGCONFIGDIR/p3p.pc")"
    install -m 0644 "$root/include/p3p.h" "$(d "$INCLUDEDIR/p3p.h")"
    install -m 0755 "$stage/p3p" "$(d "$BINDIR/p3p")"
    echo "installed libp3p $VERSION in $(d "$LIBDIR"), p3p.h, p3p.pc and $(d "$BINDIR")/p3p"

    # The command writes its own man pages and completions, so they match its options.
    mkdir -p "$stage/man"
    "$RELEASE/p3p" manpages "$stage/man"
    install -d "$(d "$MANDIR/man1")" "$(d "$BASHCOMPDIR")" "$(d "$ZSHCOMPDIR")" "$(d "$FISHCOMPDIR")"
    install -m 0644 "$stage"/man/*.1 "$(d "$MANDIR/man1")/"
    "$RELEASE/p3p" completions bash >"$stage/p3p.bash"
    "$RELEASE/p3p" completions zsh >"$stage/_p3p"
    "$RELEASE/p3p" completions fish >"$stage/p3p.fish"
    install -m 0644 "$stage/p3p.bash" "$(d "$BASHCOMPDIR/p3p")"
    install -m 0644 "$stage/_p3p" "$(d "$ZSHCOMPDIR/_p3p")"
    install -m 0644 "$stage/p3p.fish" "$(d "$FISHCOMPDIR/p3p.fish")"
    echo "installed man pages in $(d "$MANDIR/man1") and bash, zsh and fish completions"

    if [ -n "$NGINX_MODULE" ]; then
        local conf=mod-http-p3p.conf
        strip_to so "$NGINX_MODULE" "$stage/ngx_http_p3p_module.so"
        echo "load_module $NGINX_MODULES_DIR/ngx_http_p3p_module.so;" >"$stage/$conf"
        install -d "$(d "$NGINX_MODULES_DIR")" "$(d "$NGINX_MODULES_AVAILABLE")"
        # install replaces the file (new inode): a running nginx keeps the old one
        install -m 0644 "$stage/ngx_http_p3p_module.so" "$(d "$NGINX_MODULES_DIR/ngx_http_p3p_module.so")"
        install -m 0644 "$stage/$conf" "$(d "$NGINX_MODULES_AVAILABLE/$conf")"
        echo "installed the nginx module in $(d "$NGINX_MODULES_DIR"), its snippet $(d "$NGINX_MODULES_AVAILABLE/$conf")"
        if [ "$NGINX_ENABLE" = 1 ]; then
            install -d "$(d "$NGINX_MODULES_ENABLED")"
            ln -sfn "$NGINX_MODULES_AVAILABLE/$conf" "$(d "$NGINX_MODULES_ENABLED/50-$conf")"
            echo "enabled it: $(d "$NGINX_MODULES_ENABLED/50-$conf") (reload nginx to load it)"
        fi
    fi
}

# ---- uninstall ----------------------------------------------------------------

do_uninstall() {
    local f
    for f in "$(d "$LIBDIR")"/libp3p.so.*; do
        [ -e "$f" ] || [ -L "$f" ] && rm -f "$f"
    done
    rm -f "$(d "$LIBDIR/libp3p.so")" "$(d "$LIBDIR/libp3p.a")" \
        "$(d "$PKGCONFIGDIR/p3p.pc")" "$(d "$INCLUDEDIR/p3p.h")" "$(d "$BINDIR/p3p")" \
        "$(d "$BASHCOMPDIR/p3p")" "$(d "$ZSHCOMPDIR/_p3p")" "$(d "$FISHCOMPDIR/p3p.fish")" \
        "$(d "$MANDIR/man1/p3p.1")"
    for f in "$(d "$MANDIR/man1")"/p3p-*.1; do
        [ -e "$f" ] && rm -f "$f"
    done
    # only a link that points at our snippet: an administrator's own file stays
    f=$(d "$NGINX_MODULES_ENABLED/50-mod-http-p3p.conf")
    if [ -L "$f" ] && [ "$(readlink "$f")" = "$NGINX_MODULES_AVAILABLE/mod-http-p3p.conf" ]; then
        rm -f "$f"
    fi
    rm -f "$(d "$NGINX_MODULES_AVAILABLE/mod-http-p3p.conf")" \
        "$(d "$NGINX_MODULES_DIR/ngx_http_p3p_module.so")"
    echo "removed libp3p, p3p.h, p3p.pc, the p3p command and the nginx module from $(d "$PREFIX") and nginx's directories"
}

"do_$action"
