# Sourced by the benchmarks: builds what they need (unless SKIP_BUILD=1), starts the whole system
# on the embedded default with its own data directory and ports (so a running ./run.sh is not
# disturbed), waits until it is healthy and stops it when the benchmark exits.
# Sets ROOT, DATA, BASE, STATION_PORT, HEALTHY ("healthy Ns after start") and ADMIN_TOKEN.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Building..."
  ./mvnw -B -q -DskipTests package -pl bench,embedded-mongo,api-gateway,station-service,equipment-service,staffing-service -am
fi

# BENCH_DATA_DIR=<a kept data directory> goes on with the city an earlier run left there
DATA="${BENCH_DATA_DIR:-$(mktemp -d /tmp/brigades-bench.XXXXXX)}"
[ -n "${BENCH_DATA_DIR:-}" ] && BENCH_KEEP=1
export DATA_DIR="$DATA" SKIP_BUILD=1 DEMO_PASSWORD=bench-2019
# BENCH_PORT_BASE moves every port (default 18000), so that two benchmarks can run side by side
PB="${BENCH_PORT_BASE:-18000}"
export GATEWAY_PORT=$((PB + 80)) STATION_PORT=$((PB + 1091)) EQUIPMENT_PORT=$((PB + 1092)) STAFFING_PORT=$((PB + 1093))
export STATION_MANAGEMENT_PORT=$((PB + 91)) EQUIPMENT_MANAGEMENT_PORT=$((PB + 92)) STAFFING_MANAGEMENT_PORT=$((PB + 93))
export MONGO_PORT=$((PB + 19017))
BASE="http://127.0.0.1:$GATEWAY_PORT"
# one token makes all the load: the per-caller rate limit (1,000 per 10 s by default) stays in the
# path, set above what the load asks, so that capacity is measured rather than the limit
export RATE_LIMIT_REQUESTS="${RATE_LIMIT_REQUESTS:-100000000}"

./run.sh >"$DATA/run.out" 2>&1 &
RUNNER=$!
# BENCH_KEEP=1 keeps the data directory and the logs for a look afterwards
trap 'kill -TERM $RUNNER 2>/dev/null; wait $RUNNER 2>/dev/null; [ "${BENCH_KEEP:-0}" = 1 ] && echo "kept $DATA" || rm -rf "$DATA"' EXIT
until grep -q "READY" "$DATA/run.out" 2>/dev/null; do
  kill -0 $RUNNER 2>/dev/null || { cat "$DATA/run.out"; exit 1; }
  sleep 0.2
done
HEALTHY=$(grep -o 'healthy [0-9]*s after start' "$DATA/run.out")
ADMIN_TOKEN=$(curl -fsS -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$DEMO_PASSWORD\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

# the resident memory of one of the system's processes, in MB
rss_of() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$(cat "$DATA/run/$1.pid")/status"; }

bench_java() {
  java -cp "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")" "$@"
}
