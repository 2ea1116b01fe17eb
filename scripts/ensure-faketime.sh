#!/bin/sh
# The clock run (`pnpm test:clock`) shifts the system clock with Debian's libfaketime, which Node, Python and
# Chromium all honour. Install it once if it is missing, as scripts/ensure-chromium.sh installs the browser.
set -eu
if command -v faketime >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "faketime is missing: install Debian's 'faketime' package to run the suites under a shifted clock." >&2
  exit 0
fi
echo "Installing Debian's faketime for the clock run..."
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends faketime >/dev/null
