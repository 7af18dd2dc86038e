#!/usr/bin/env bash
# Installs the Debian packages Kursus builds and tests with, when they are missing.
# As root (or with password-less sudo) it installs them; otherwise it prints the one
# apt-get line to run and fails.
set -euo pipefail

# python3 and python3-venv: the tests start a real Ralph LRS from a virtualenv
# (scripts/ralph-lrs.sh installs it from PyPI on first use).
# chromium, python3-html5lib, python3-jsonschema: the report's tests open the HTML report
# in headless Chromium, parse it strictly, and validate the JSON report against its schema.
# dpkg-dev, libcurl4-openssl-dev: `make deb` (dpkg-shlibdeps, dpkg-parsechangelog; the release
# build links Foundation statically, and its URLSession needs libcurl) and the Debian package test.
packages=(pkg-config libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev tmux procps python3 python3-venv dpkg-dev libcurl4-openssl-dev
  chromium python3-html5lib python3-jsonschema)
[ "${KURSUS_WITH_BENCH_TOOLS:-}" = 1 ] && packages+=(cmark-gfm time python3 python3-yaml jq unzip)

if ! command -v swift >/dev/null 2>&1; then
  echo "kursus: the Swift toolchain (swift 6) is not on PATH; install it first: https://www.swift.org/install/linux/" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "kursus: installing missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "kursus: please run, then try again:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
