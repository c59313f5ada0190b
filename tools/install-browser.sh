#!/usr/bin/env bash
# The browser journeys drive Debian's chromium through playwright-core (which downloads no browser).
# Idempotent: installs the package only when /usr/bin/chromium is missing (CI runs as root).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "▸ installing chromium (Debian package) for the browser journeys"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
