#!/bin/sh
# The browser tests drive Debian's Chromium through playwright-core (test tools' own browser downloads do
# not work offline). Install it once if it is missing; CHROMIUM_PATH overrides the binary.
set -eu
for bin in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/lib/chromium/chromium-headless-shell; do
  if [ -n "$bin" ] && [ -x "$bin" ]; then exit 0; fi
done
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: install Debian's 'chromium' package (or set CHROMIUM_PATH) to run the browser tests." >&2
  exit 0
fi
echo "Installing Debian's chromium for the browser tests..."
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
