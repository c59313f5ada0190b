#!/usr/bin/env bash
# System tools the tests and `npm run up` use beyond Node, Java and Maven; idempotent, quick when
# everything is there. Called by tools/test.sh and tools/up.sh.
#   promtool, prometheus  Debian's `prometheus` package: alert rule checks and unit tests
#                         (tools/deploy), and the local Prometheus of `npm run up`.
#   kubectl               renders k8s/ (its built-in kustomize, v5+); not installed here, since
#                         Debian's kubernetes-client is too old for the manifests: install kubectl
#                         1.27+ from your platform's packages.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

if ! command -v promtool >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "▸ installing Prometheus's tools (apt-get install prometheus)"
    # The package's maintainer scripts would start a system Prometheus on :9090; a policy-rc.d that
    # refuses service starts keeps the install to the binaries (our Prometheus runs from tools/stack).
    policy=/usr/sbin/policy-rc.d
    added_policy=
    if [ ! -e "$policy" ]; then
      as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy"
      added_policy=1
    fi
    trap '[ -n "$added_policy" ] && as_root rm -f "$policy"' EXIT
    as_root apt-get update -qq || true
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
    # If a service manager started it anyway, stop it: it would hold :9090.
    as_root sh -c 'command -v systemctl >/dev/null && systemctl stop prometheus 2>/dev/null; command -v service >/dev/null && service prometheus stop 2>/dev/null' >/dev/null 2>&1 || true
  else
    echo "! promtool not found and no apt-get: install Prometheus (promtool) from your platform's packages" >&2
  fi
fi

if ! command -v kubectl >/dev/null 2>&1; then
  echo "! kubectl not found: tools/deploy's specs render k8s/ with it and will fail; install kubectl 1.27 or later" >&2
fi
