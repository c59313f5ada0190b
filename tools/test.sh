#!/usr/bin/env bash
# `npm test`: lint, unit and integration tests (real PostgreSQL and Kafka), build, end-to-end.
# Starts the infrastructure it needs; leaves the broker running for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-if-needed.sh
bash tools/install-browser.sh
bash tools/install-tools.sh

results=tmp/test-results
rm -rf "$results" && mkdir -p "$results"
export BAZAAR_TEST_RESULTS="$PWD/$results"

echo "▸ infrastructure"
node tools/stack/stack.mjs infra

echo "▸ typecheck"
npx tsc -p tsconfig.json

echo "▸ lint (module boundaries, security rules), formatting and secret scan"
npx nx run-many -t lint --parallel=2 --outputStyle=static
npx prettier --check --log-level warn "**/*.{ts,tsx,mjs,cjs,js}"
npx secretlint "**/*"

echo "▸ unit and integration tests"
npx nx run-many -t test --parallel=2 --skip-nx-cache --outputStyle=static

echo "▸ build and end-to-end"
# system-e2e walks orders through the four services (and the console, in Debian's chromium);
# bench:e2e is the benchmark tool's smoke run; chaos:e2e is a short fault-injection run (its own
# broker, never the shared one).
npx nx run-many -t e2e -p system-e2e,bench,chaos --parallel=1 --skip-nx-cache --outputStyle=static

node tools/test/summary.mjs "$results"
