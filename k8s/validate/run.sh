#!/usr/bin/env bash
# Renders and validates every kustomize overlay offline (part of `mvn -B verify`), then proves the
# validation catches planted faults (validate.test.mjs). Exits non-zero on any finding or failure.
# Needs kubectl (with its built-in kustomize) and Node 20+; npm fetches the packages once.
set -euo pipefail
cd "$(dirname "$0")"
command -v kubectl >/dev/null || { echo "k8s validation needs kubectl on PATH" >&2; exit 1; }
command -v node >/dev/null || { echo "k8s validation needs node on PATH" >&2; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
node validate.mjs
node --test validate.test.mjs
