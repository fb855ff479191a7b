#!/usr/bin/env bash
# Installs what omen needs from Debian 12 packages. Idempotent; runs as root (or with sudo).
set -euo pipefail
packages=(
  cmake ninja-build ccache g++ python3 git
  llvm-19-dev llvm-19-tools clang-19 libclang-rt-19-dev
  antlr4 libantlr4-runtime-dev default-jre-headless
  libeigen3-dev libgtest-dev libcli11-dev nlohmann-json3-dev libfmt-dev libedit-dev zlib1g-dev libzstd-dev
  libboost-dev libnlopt-cxx-dev gnuplot-nox
  tmux
  libopenmpi-dev openmpi-bin
  pybind11-dev python3-dev python3-pytest python3-pandas python3-matplotlib
  libcpp-httplib-dev
  chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm run the editor grammar test. Some machines have NodeSource's nodejs, which
# bundles npm and conflicts with Debian's npm package: only install them when absent.
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
else
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
# The browser tests' playwright-core (npm registry; it drives Debian's chromium and downloads
# no browser), at the version of tests/browser/package-lock.json.
(cd "$(dirname "$0")/../tests/browser" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
