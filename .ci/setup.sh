#!/usr/bin/env bash
# Installs the system packages p3p needs: nginx and its module build tree,
# curl, wrk and njs for the nginx tests and benchmarks, clang for the C ABI
# sanitizer tests, valgrind for memory checks, GNU time for the command's
# memory test. Idempotent.
set -euo pipefail
packages=(nginx nginx-dev curl wrk libnginx-mod-http-js clang libclang-rt-14-dev valgrind make gcc time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
