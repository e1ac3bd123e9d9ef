#!/usr/bin/env bash
# Builds the Debian packages (make deb) with Debian's own tooling:
# dpkg-buildpackage, debhelper (compat 13) and dh_nginx from nginx-dev.
#
#   bash packaging/deb.sh [OUT_DIR]
#
# The packaging lives in packaging/debian/. A build tree is assembled in
# OUT_DIR (default target/deb): the repository's files (tracked and new ones
# git does not ignore; everything but target/ outside a git checkout) plus
# debian/. The .deb files land in OUT_DIR, and their names in
# OUT_DIR/packages.list. DEB_BUILD_OPTIONS defaults to nocheck: make test
# runs the tests; set it to "" to run them inside the package build too.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-${CARGO_TARGET_DIR:-$root/target}/deb}

version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
rust_version=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
debversion=$(sed -n '1s/^p3p (\(.*\)) .*/\1/p' "$here/debian/changelog")
if [ "${debversion%-*}" != "$version" ]; then
    echo "deb.sh: packaging/debian/changelog is at $debversion, Cargo.toml at $version:" >&2
    echo "        add a changelog entry for $version-1" >&2
    exit 1
fi
if ! grep -q "rustc (>= $rust_version)" "$here/debian/control"; then
    echo "deb.sh: packaging/debian/control must require rustc (>= $rust_version) (Cargo.toml's rust-version)" >&2
    exit 1
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
tree=$out/p3p-$version
rm -rf "$tree"
mkdir -p "$tree"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$root" && git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
        tar --null -T - -cf -) | tar -xf - -C "$tree"
else
    (cd "$root" && tar --exclude=./target --exclude=./tests/fuzz/target -cf - .) | tar -xf - -C "$tree"
fi
rm -rf "$tree/debian"
cp -a "$here/debian" "$tree/debian"

# The Rust toolchain: Debian's (cargo-web and rustc-web provide cargo and
# rustc >= 1.86) satisfies Build-Depends; rustup's is not a package, so
# with it the dependency check is skipped for cargo and rustc only.
checkdeps=()
if ! unmet=$(cd "$tree" && dpkg-checkbuilddeps 2>&1); then
    rest=$(sed -e 's/.*Unmet build dependencies: //' \
        -e "s/cargo (>= $rust_version)//; s/rustc (>= $rust_version)//" <<<"$unmet" | tr -d ' ')
    if [ -z "$rest" ] && cargo --version >/dev/null 2>&1; then
        echo "deb.sh: cargo and rustc are not Debian packages here; building with $(cargo --version)"
        checkdeps=(-d)
    else
        echo "$unmet" >&2
        echo "deb.sh: install the build dependencies first (make setup)" >&2
        exit 1
    fi
fi

rm -f "$out"/*.deb "$out"/*.ddeb "$out"/*.changes "$out"/*.buildinfo
# debhelper points HOME elsewhere: keep the caller's cargo and rustup homes;
# the package build has its own target directory inside the tree.
export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup}
export DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS-nocheck}
(cd "$tree" && env -u CARGO_TARGET_DIR -u MAKEFLAGS -u MAKELEVEL \
    dpkg-buildpackage -b -uc -us "${checkdeps[@]}") >"$out/build.log" 2>&1 || {
    tail -n 40 "$out/build.log" >&2
    echo "deb.sh: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
    exit 1
}

(cd "$out" && ls -1 ./*.deb) | sed 's|^\./||' >"$out/packages.list"
echo "built in $out:"
(cd "$out" && for f in $(cat packages.list); do
    printf '  %-56s %8s bytes, %s installed\n' "$f" "$(stat -c %s "$f")" \
        "$(dpkg-deb -f "$f" Installed-Size) KiB"
done)
