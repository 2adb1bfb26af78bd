#!/usr/bin/env bash
# Installs what warta needs on Debian 12, and nothing if it is all there.
# --tests adds what the test suites and CI use. Safe to run any number of times.
set -euo pipefail

packages=(gcc libc6-dev meson ninja-build pkg-config
          libuv1-dev liblua5.4-dev libcjson-dev libxxhash-dev libsystemd-dev
          libpcre2-dev libutf8proc-dev libsqlite3-dev libstemmer-dev libxml2-dev)
if [[ "${1:-}" == "--tests" ]]; then
    # python3 runs the end-to-end tests; systemd provides systemd-analyze;
    # clang-format checks the style.
    packages+=(python3 systemd clang-format)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=()
if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "install as root: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
