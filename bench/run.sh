#!/usr/bin/env bash
# The benchmark, in one command: starts the whole system on the embedded default (its own data
# directory and ports, so a running ./run.sh is not disturbed), measures what users do through the
# gateway beside the same call made directly over gRPC, prints the figures and the ratios, stops.
#   bench/run.sh    (BENCH_SECONDS=20 per measurement, BENCH_WARMUP=60 before the first, BENCH_WARMUP_EACH=15
#                    before each other, BENCH_CONNECTIONS=32, SKIP_BUILD=1 to use the jars as they are)
# On 2 cores the JIT compilers need about a minute of load before the figures settle: the first
# warm-up is part of the method, not a formality.
# What it measures and the figures of the last run are in BENCHMARKS.md.
command -v wrk >/dev/null || { echo "the benchmark needs wrk (apt-get install wrk)" >&2; exit 1; }
SECONDS_EACH="${BENCH_SECONDS:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WARMUP="${BENCH_WARMUP:-60}"
WARMUP_EACH="${BENCH_WARMUP_EACH:-15}"
PROCESSES=(embedded-mongo api-gateway station-service equipment-service staffing-service)
source "$(dirname "$0")/stack.sh"
healthy="$HEALTHY"
TOKEN="$ADMIN_TOKEN"

# the first acceptance report after start, before anything else warmed the path
report_seconds() {
  curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/acceptance/2019/report"
}
first_report=$(report_seconds)

sleep 10
total=0
rss_line=""
for name in "${PROCESSES[@]}"; do
  mb=$(rss_of $name); total=$((total + mb)); rss_line="$rss_line $name=${mb}MB"
done

# the highest resident memory of each process while the load runs. Shell built-ins only: a sampler
# that started a few short processes per sample took measurable CPU from the load it watches.
PEAKS="$DATA/rss-peaks"
( declare -A peak pid
  for name in "${PROCESSES[@]}"; do read -r pid[$name] <"$DATA/run/$name.pid"; done
  while true; do
    line=""
    for name in "${PROCESSES[@]}"; do
      while read -r key kb _; do
        if [ "$key" = VmRSS: ]; then
          [ "${peak[$name]:-0}" -lt $((kb / 1024)) ] && peak[$name]=$((kb / 1024))
          break
        fi
      done 2>/dev/null <"/proc/${pid[$name]}/status" || true
      line="$line $name=${peak[$name]:-0}MB"
    done
    echo "$line" >"$PEAKS"
    sleep 1
  done ) &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null; kill -TERM $RUNNER 2>/dev/null; wait $RUNNER 2>/dev/null; [ "${BENCH_KEEP:-0}" = 1 ] && echo "kept $DATA" || rm -rf "$DATA"' EXIT

echo
echo "== start and idle =="
echo "start to healthy: ${healthy}; idle RSS after 10 s: ${total} MB ($rss_line ) (targets: 15 s, 800 MB)"
echo
echo "== what users do: through the gateway, and the same call directly over gRPC ($CONNECTIONS connections, ${SECONDS_EACH}s each) =="

direct() { # path connections warm-up
  bench_java cn.jincheng.brigades.bench.UserPaths "$DATA" "127.0.0.1:$STATION_PORT" "$BASE" "$TOKEN" "$1" "$2" \
    "$SECONDS_EACH" "$3" 2>/dev/null
}
rate_of() { awk '{for (i=1;i<=NF;i++) if ($i=="req/s") print $(i-1)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", 100*a/b}'; }

warm="$WARMUP"
for path in brigade list compliance counties; do
  case "$path" in
    brigade) url="$BASE/api/v1/brigades/zezhou-gaodu" ;;
    list) url="$BASE/api/v1/brigades" ;;
    compliance) url="$BASE/api/v1/brigades/zezhou-gaodu/compliance" ;;
    counties) url="$BASE/api/v1/counties" ;;
  esac
  wrk -t2 -c"$CONNECTIONS" -d"${warm}s" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "Authorization: Bearer $TOKEN" "$url")
  gw_rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  printf "%-28s %3d conns %9.0f req/s  p50 %10s  p99 %10s  non-2xx %s\n" "REST $path (gateway)" "$CONNECTIONS" \
    "$gw_rps" "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)"
  d=$(direct "$path" "$CONNECTIONS" "$warm"); echo "$d"
  echo "   gateway / direct: $(ratio "$gw_rps" "$(echo "$d" | rate_of)")"
  warm="$WARMUP_EACH"
done

# each writer edits its own brigade (as many as there are brigades), with the version it last saw
writers=$(( CONNECTIONS < 16 ? CONNECTIONS : 16 ))
g=$(direct rest-patch "$writers" "$WARMUP_EACH"); echo "$g"
d=$(direct patch "$writers" "$WARMUP_EACH"); echo "$d"
echo "   gateway / direct: $(ratio "$(echo "$g" | rate_of)" "$(echo "$d" | rate_of)")"

g=$(direct rest-report 4 "$WARMUP_EACH"); echo "$g"
d=$(direct report 4 "$WARMUP_EACH"); echo "$d"
echo "   gateway / direct: $(ratio "$(echo "$g" | rate_of)" "$(echo "$d" | rate_of)")"

echo
echo "highest RSS during the load: $(cat "$PEAKS")"
warm_report=$(for i in 1 2 3 4 5; do report_seconds; echo; done | sort -n | sed -n 3p)
echo "first report after start ${first_report} s, warm (median of 5) ${warm_report} s: $(awk -v a="$first_report" -v b="$warm_report" 'BEGIN {printf "%.1f", a/b}') x (target: 2 x)"
