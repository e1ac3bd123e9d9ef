#!/usr/bin/env bash
# The Python package as a user installs it: make install into a DESTDIR,
# pip install of bindings/python into a fresh venv (offline: the package
# builds with the standard library alone), then smoke.py from outside the
# source tree, finding the library by its SONAME through LD_LIBRARY_PATH and
# by P3P_LIBRARY; pip uninstall removes it again.
#
#   bash bindings/python/tests/installed.sh   (after make build; PYTHON=python3)
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pkg=$(cd "$here/.." && pwd)
root=$(cd "$pkg/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
python=${PYTHON:-python3}

. "$root/tests/install/lib.sh"

work=$(mktemp -d "$target/python-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
dest=$work/root
lib=$dest/usr/local/lib

echo "== make install DESTDIR=$dest WITH_NGINX=no"
if make -s -C "$root" install DESTDIR="$dest" WITH_NGINX=no >"$work/make.log" 2>&1; then ok; else
    cat "$work/make.log"
    bad "make install"
    summary
    exit 1
fi

echo "== $python -m venv; pip install --no-index $pkg"
if "$python" -m venv "$work/venv" >"$work/venv.log" 2>&1 &&
    "$work/venv/bin/pip" install -q --no-index --disable-pip-version-check "$pkg" >"$work/pip.log" 2>&1; then
    ok
else
    cat "$work/venv.log" "$work/pip.log" 2>/dev/null
    bad "venv and pip install (python3-venv installed?)"
    summary
    exit 1
fi
py=$work/venv/bin/python
check "py.typed installed" bash -c "ls '$work'/venv/lib/python3*/site-packages/p3p/py.typed >/dev/null"

cd "$work" || exit 1
check "found as libp3p.so.0 by the loader (LD_LIBRARY_PATH)" \
    env -u P3P_LIBRARY -u PYTHONPATH LD_LIBRARY_PATH="$lib" "$py" "$here/smoke.py" "$lib"
check "loaded from P3P_LIBRARY" \
    env -u LD_LIBRARY_PATH -u PYTHONPATH P3P_LIBRARY="$lib/libp3p.so.0" "$py" "$here/smoke.py" "$lib"
check "a clear error without the library" bash -c \
    "env -u P3P_LIBRARY -u PYTHONPATH -u LD_LIBRARY_PATH '$py' -c 'import p3p; p3p.parse(\"\")' 2>&1 |
     grep -q 'p3p.LibraryError: libp3p not found' || ldconfig -p | grep -q libp3p.so.0"

check "pip uninstall" "$work/venv/bin/pip" uninstall -q -y p3p
check "nothing left after uninstall" bash -c "! ls -d '$work'/venv/lib/python3*/site-packages/p3p* 2>/dev/null"

summary
