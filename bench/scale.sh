#!/usr/bin/env bash
# The scale benchmark, in one command: starts the whole system on the embedded default (its own
# data directory and ports), grows the city through the bulk import to each size, and at each size
# times the 2019 acceptance report as JSON and XLSX with every process's peak resident memory.
#   bench/scale.sh                  sizes 23 4000 40000, 3 report runs per size and format
#   BENCH_SIZES="23 4000" BENCH_REPORT_RUNS=1 bench/scale.sh
# Synthetic brigades have ~100 equipment holdings and 10 firefighters each (SyntheticCity).
# What it measures and the figures of the last run are in BENCHMARKS.md.
SIZES="${BENCH_SIZES:-23 4000 40000}"
RUNS="${BENCH_REPORT_RUNS:-3}"
# the benchmark times the report, so the gateway's deadline for it (120 s) must not cut it short
export BRIGADES_RESILIENCE_REPORTDEADLINE="${BRIGADES_RESILIENCE_REPORTDEADLINE:-900s}"
source "$(dirname "$0")/stack.sh"
echo "start to healthy: $HEALTHY"
# shellcheck disable=SC2086
bench_java cn.jincheng.brigades.bench.ScaleRun "$BASE" "$DEMO_PASSWORD" "$DATA/run" "$RUNS" $SIZES
