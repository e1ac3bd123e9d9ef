#!/usr/bin/env bash
# The Debian packages as an administrator uses them: build them (make deb),
# install them on this machine with apt-get, check that Debian's nginx loads
# the module through the package's snippet, run the nginx end-to-end suite
# against the installed module and the installed p3p command, build and run
# a C program against libp3p-dev with pkg-config; then reinstall, and purge,
# which leaves the machine as it was (nginx -t still passes).
#
#   bash tests/install/deb.sh        (as root; the last line is
#                                     "N passed, N failed")
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
out=$target/deb
pkgs=(libnginx-mod-http-p3p p3p libp3p0 libp3p-dev)
export DEBIAN_FRONTEND=noninteractive

. "$here/lib.sh"
finish() {
    summary
    exit
}

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
purge_all() {
    local p present=()
    for p in "${pkgs[@]}"; do
        dpkg-query -W "$p" >/dev/null 2>&1 && present+=("$p")
    done
    [ ${#present[@]} -eq 0 ] || $SUDO apt-get purge -y -qq "${present[@]}" >"$work/purge.log" 2>&1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/p3p-deb.XXXXXX")
chmod 755 "$work"
trap 'purge_all; rm -rf "$work"' EXIT

# ---- build (P3P_DEB_REUSE=1 takes the packages already in target/deb) -------------
if [ "${P3P_DEB_REUSE:-0}" != 1 ]; then
    echo "== make deb"
    start=$SECONDS
    if ! bash "$root/packaging/deb.sh" "$out"; then
        bad "make deb"
        finish
    fi
    ok
    echo "built in $((SECONDS - start)) s"
fi
debs=()
for p in "${pkgs[@]}"; do
    f=$(grep -E "^${p}_[^_]+_[^_]+\.deb\$" "$out/packages.list" | head -n 1)
    check "package $p built" [ -n "$f" ]
    [ -z "$f" ] || debs+=("$out/$f")
done
[ ${#debs[@]} -eq ${#pkgs[@]} ] || finish

abi=$(sed -n 's/^nginx:abi=//p' /usr/share/nginx/src/debian/libnginx-mod.abisubstvars 2>/dev/null)
deb_mod=$(ls "$out"/libnginx-mod-http-p3p_*.deb)
check "module package depends on ${abi:-nginx-abi-*}" \
    bash -c "dpkg-deb -f '$deb_mod' Depends | grep -q '${abi:-nginx-abi-}'"
check "libp3p-dev depends on the same libp3p0" \
    bash -c "dpkg-deb -f '$out'/libp3p-dev_*.deb Depends | grep -q 'libp3p0 (='"
check "libp3p0 ships libp3p.so.0 and its real file only" \
    bash -c "dpkg-deb -c '$out'/libp3p0_*.deb | grep -q '/libp3p.so.0 -> libp3p.so.0\.' &&
             ! dpkg-deb -c '$out'/libp3p0_*.deb | grep -q 'libp3p.so '"

# ---- install (from a clean state: a previous run may have been stopped) ---------
purge_all
echo "== apt-get install ${debs[*]##*/}"
if $SUDO apt-get install -y -qq "${debs[@]}" >"$work/install.log" 2>&1; then
    ok
else
    cat "$work/install.log"
    bad "apt-get install ./*.deb"
    finish
fi
for p in "${pkgs[@]}"; do
    check "$p installed" installed "$p"
done

snippet=/usr/share/nginx/modules-available/mod-http-p3p.conf
enabled=/etc/nginx/modules-enabled/50-mod-http-p3p.conf
module=/usr/lib/nginx/modules/ngx_http_p3p_module.so
check "module in nginx's module directory" test -f "$module"
check "snippet in modules-available" grep -qx 'load_module modules/ngx_http_p3p_module.so;' "$snippet"
check "enabled on install: $enabled" [ "$(readlink "$enabled")" = "$snippet" ]
check "Debian's nginx.conf still tests good with the module" /usr/sbin/nginx -t -q
check "nginx -T loads it from the snippet" \
    bash -c "/usr/sbin/nginx -T 2>/dev/null | grep -q '^load_module modules/ngx_http_p3p_module.so;'"

# The directives work at once, through the snippet: nginx's own prefix (so
# that modules/ resolves as it does for the service), a private conf.
mkdir -p "$work/ngx"
cat >"$work/ngx/nginx.conf" <<EOF
pid $work/ngx/nginx.pid;
include /etc/nginx/modules-enabled/*.conf;
events { }
http {
    p3p_policy "NOI DSP COR CUR ADMa OUR BUS IND UNI COM NAV";
    p3p_cookies medium;
}
EOF
check "nginx -t: p3p directives known through modules-enabled" \
    /usr/sbin/nginx -t -q -c "$work/ngx/nginx.conf" -e "$work/ngx/error.log"

# ---- the end-to-end suite against the installed module and command ----------------
echo "== tests/nginx/run.sh $module (installed)"
if NGINX_BIN=/usr/sbin/nginx P3P_CLI=/usr/bin/p3p bash "$root/tests/nginx/run.sh" "$module" \
    >"$work/suite.log" 2>&1; then
    ok
    tail -n 1 "$work/suite.log"
else
    tail -n 30 "$work/suite.log"
    bad "nginx end-to-end suite against the installed module"
fi

# ---- the command and the library ---------------------------------------------------
check "installed p3p explains" bash -c "/usr/bin/p3p explain 'CP=\"NOI DSP COR\"' | grep -q 'Verdict: Satisfactory'"
check "man page installed" test -f /usr/share/man/man1/p3p.1.gz
check "bash completion installed" test -s /usr/share/bash-completion/completions/p3p
check "zsh completion installed" test -s /usr/share/zsh/vendor-completions/_p3p
check "fish completion installed" test -s /usr/share/fish/vendor_completions.d/p3p.fish
check "pkg-config finds p3p" pkg-config --exists p3p
cflags="-std=c99 -Wall -Wextra -Werror -pedantic"
# shellcheck disable=SC2046,SC2086
if cc $cflags "$here/prog.c" $(pkg-config --cflags --libs p3p) -o "$work/prog"; then
    ok
    check "C program runs against the installed libp3p.so.0" "$work/prog"
    check "it found the library by its SONAME" \
        bash -c "ldd '$work/prog' | grep -qE 'libp3p.so.0 => (/usr)?/lib/'"
else
    bad "cc prog.c \$(pkg-config --cflags --libs p3p)"
fi
# shellcheck disable=SC2046,SC2086
if cc $cflags -static "$here/prog.c" $(pkg-config --static --cflags --libs p3p) -o "$work/prog-static" 2>"$work/static.log"; then
    check "static C program runs" "$work/prog-static"
else
    cat "$work/static.log"
    bad "cc -static prog.c \$(pkg-config --static --cflags --libs p3p)"
fi

# ---- reinstall, remove, purge ---------------------------------------------------------
check "apt-get reinstall" bash -c "$SUDO apt-get install -y -qq --reinstall ${debs[*]} >'$work/reinstall.log' 2>&1"
check "still enabled after reinstall" [ "$(readlink "$enabled")" = "$snippet" ]
# removing keeps the administrator's choice for a later install (as Debian does)
$SUDO apt-get remove -y -qq libnginx-mod-http-p3p >"$work/remove.log" 2>&1
check "remove disables the module" test ! -e "$enabled"
check "nginx -t passes after remove" /usr/sbin/nginx -t -q
purge_all
for p in "${pkgs[@]}"; do
    check "$p purged" bash -c "! dpkg-query -W '$p' >/dev/null 2>&1"
done
check "purge leaves no link in modules-enabled" \
    bash -c "! ls /etc/nginx/modules-enabled/ | grep -q p3p"
check "purge leaves no module" test ! -e "$module"
check "nginx -t passes after purge" /usr/sbin/nginx -t -q

finish
