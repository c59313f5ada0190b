#!/usr/bin/env bash
# `npm run up`: install, start Kafka and the databases, build and start the four services.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-if-needed.sh
exec node tools/stack/stack.mjs up "$@"
