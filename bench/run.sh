#!/usr/bin/env bash
# The benchmark, in one command: starts the whole system on the embedded default (its own data
# directory and ports, so a running ./run.sh is not disturbed), measures, prints the figures, stops.
#   bench/run.sh    (BENCH_SECONDS=20 per measurement, BENCH_WARMUP=60 before each, BENCH_CONNECTIONS=32,
#                    SKIP_BUILD=1 to use the jars as they are)
# On 2 cores the JIT compilers need about a minute of load before the figures settle: the warm-up
# is part of the method, not a formality.
# What it measures and the figures of the last run are in BENCHMARKS.md.
command -v wrk >/dev/null || { echo "the benchmark needs wrk (apt-get install wrk)" >&2; exit 1; }
SECONDS_EACH="${BENCH_SECONDS:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WARMUP="${BENCH_WARMUP:-60}"
source "$(dirname "$0")/stack.sh"
healthy="$HEALTHY"
TOKEN="$ADMIN_TOKEN"

sleep 10
total=0
rss_line=""
for name in embedded-mongo api-gateway station-service equipment-service staffing-service; do
  mb=$(rss_of $name); total=$((total + mb)); rss_line="$rss_line $name=${mb}MB"
done

URL="$BASE/api/v1/brigades/zezhou-gaodu"

echo
echo "== start and idle =="
echo "start to healthy: ${healthy}; idle RSS after 10 s: ${total} MB ($rss_line )"

echo
echo "== GET one brigade, $CONNECTIONS connections, ${SECONDS_EACH}s each after a ${WARMUP}s warm-up =="
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "Authorization: Bearer $TOKEN" "$URL")
gw_rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
gw_p50=$(echo "$out" | awk '$1=="50%" {print $2}')
gw_p99=$(echo "$out" | awk '$1=="99%" {print $2}')
gw_errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
printf "%-28s %3d conns %9.0f req/s  p50 %10s  p99 %10s  non-2xx %s\n" "REST GET (through gateway)" "$CONNECTIONS" \
  "$gw_rps" "$gw_p50" "$gw_p99" "${gw_errors:-0}"
direct=$(bench_java cn.jincheng.brigades.bench.DirectReads \
  "$DATA" "127.0.0.1:$STATION_PORT" zezhou-gaodu "$CONNECTIONS" "$SECONDS_EACH" "$WARMUP" 2>/dev/null)
echo "$direct"
grpc_rps=$(echo "$direct" | awk '/gRPC/ {for (i=1;i<=NF;i++) if ($i=="req/s") print $(i-1)}')
echo "gateway / direct gRPC throughput: $(awk -v a="$gw_rps" -v b="$grpc_rps" 'BEGIN {printf "%.0f %%", 100*a/b}') (target >= 50 %)"
