#!/usr/bin/env bash
# Runs before `npm test`: the UI journeys drive Debian's Chromium (no browser downloads).
# Installs it with apt when it is missing and we may; otherwise says how.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the UI tests (apt-get, once)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "The UI tests need Chromium: run 'sudo apt-get install -y chromium' or set CHROMIUM_PATH." >&2
exit 1
