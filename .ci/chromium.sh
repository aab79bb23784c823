#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/browser): Playwright drives
# /usr/bin/chromium because browser downloads do not work here. Installs it with apt
# when it is missing; exits non-zero when it cannot.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ci: no apt-get here: cannot install chromium" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
