#!/usr/bin/env bash
# Renders and validates every kustomize overlay offline (part of `./mvnw -B verify`), then proves the
# validation catches planted faults (validate.test.mjs). Exits non-zero on any finding or failure.
# Needs kubectl (with its built-in kustomize) and Node 20+; npm fetches the packages once.
#
#   bash k8s/validate/run.sh             lists the images still at the placeholder digest
#   bash k8s/validate/run.sh --release   the release gate: any placeholder digest is a finding
set -euo pipefail
[ $# -eq 0 ] || [ "$*" = --release ] || { echo "usage: $0 [--release]" >&2; exit 2; }
cd "$(dirname "$0")"
command -v kubectl >/dev/null || { echo "k8s validation needs kubectl on PATH" >&2; exit 1; }
command -v node >/dev/null || { echo "k8s validation needs node on PATH" >&2; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
node validate.mjs "$@"
node --test validate.test.mjs pin-images.test.mjs
