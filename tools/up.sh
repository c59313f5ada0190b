#!/usr/bin/env bash
# `npm run up`: install, start Kafka and the databases, build and start the four services, and a
# local Prometheus scraping them when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-if-needed.sh
bash tools/install-tools.sh || echo "! tools/install-tools.sh failed: continuing without the optional tools" >&2
exec node tools/stack/stack.mjs up "$@"
