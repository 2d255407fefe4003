#!/usr/bin/env bash
# Builds (if needed) and runs the whole system on the embedded default: three gRPC services, each
# with its in-process MongoDB-wire store under DATA_DIR, and the REST gateway. Ctrl-C or SIGTERM
# stops everything cleanly. If one service dies, the others keep serving and this says which died.
#
# Settings (environment): GATEWAY_PORT (8080), STATION_PORT (9091), EQUIPMENT_PORT (9092),
# STAFFING_PORT (9093), the services' HTTP ports for health and metrics STATION_MANAGEMENT_PORT (8091),
# EQUIPMENT_MANAGEMENT_PORT (8092), STAFFING_MANAGEMENT_PORT (8093), DATA_DIR (./data), DEMO_PASSWORD
# (demo-2019), GATEWAY_HOST (127.0.0.1), SKIP_BUILD=1 to use the jars as they are, CDS=0 to start without class-data sharing,
# JAVA (java).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"

export GATEWAY_PORT="${GATEWAY_PORT:-8080}"
export STATION_PORT="${STATION_PORT:-9091}"
export EQUIPMENT_PORT="${EQUIPMENT_PORT:-9092}"
export STAFFING_PORT="${STAFFING_PORT:-9093}"
export STATION_MANAGEMENT_PORT="${STATION_MANAGEMENT_PORT:-8091}"
export EQUIPMENT_MANAGEMENT_PORT="${EQUIPMENT_MANAGEMENT_PORT:-8092}"
export STAFFING_MANAGEMENT_PORT="${STAFFING_MANAGEMENT_PORT:-8093}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-demo-2019}"
DATA_DIR="${DATA_DIR:-$ROOT/data}"
mkdir -p "$DATA_DIR"
export DATA_DIR="$(cd "$DATA_DIR" && pwd)"
export STATION_SERVICE_ADDR="127.0.0.1:$STATION_PORT"
export EQUIPMENT_SERVICE_ADDR="127.0.0.1:$EQUIPMENT_PORT"
export STAFFING_SERVICE_ADDR="127.0.0.1:$STAFFING_PORT"
JAVA="${JAVA:-java}"
LOGS="$DATA_DIR/logs"
RUN="$DATA_DIR/run"
mkdir -p "$LOGS" "$RUN"

# Small heaps and the serial collector: the whole stack idles under 1 GB on 2 cores. A service's
# heap may grow to 256 MB for a bulk import of 10,000 rows (decided whole, beside its embedded
# store). The young generation is a compromise: a report streams every holding of the city through
# equipment-service, and a 48 MB one collected so often that its copying was a third of the
# service's time (BENCHMARKS.md); a larger one is touched whole at start-up, which idle RSS pays.
SERVICE_OPTS="${SERVICE_OPTS:--Xmx256m -Xmn96m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m}"
GATEWAY_OPTS="${GATEWAY_OPTS:--Xmx256m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=160m}"

NAMES=(station-service equipment-service staffing-service api-gateway)
jar_of() { echo "$ROOT/$1/target/$1-0.1.0-SNAPSHOT.jar"; }

needs_build() {
  for name in "${NAMES[@]}"; do
    local jar; jar="$(jar_of "$name")"
    [ -f "$jar" ] || return 0
    # any source, resource or POM newer than the jar means the jar is stale
    if [ -n "$(find "$ROOT/$name/src" "$ROOT/$name/pom.xml" "$ROOT/proto" "$ROOT/common/src" "$ROOT/pom.xml" \
                -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}

if [ "${SKIP_BUILD:-0}" != "1" ] && needs_build; then
  echo "Building (mvn -DskipTests package)..."
  mvn -B -q -Dstyle.color=never -DskipTests package -pl api-gateway,station-service,equipment-service,staffing-service -am
fi

# Class-data sharing: a service starts in about half the time from its extracted jar and a class
# archive made by one training start (the context is built, nothing is served, the JVM exits). Made
# again whenever the jar changes; a JVM that cannot use the archive simply starts without it.
prepare_cds() { # name
  local name="$1" jar dir train
  jar="$(jar_of "$name")"
  dir="$ROOT/$name/target/cds"
  if [ -f "$dir/app.jsa" ] && [ "$dir/app.jsa" -nt "$jar" ]; then return 0; fi
  rm -rf "$dir" && mkdir -p "$dir"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null
  train="$(mktemp -d)"
  # shellcheck disable=SC2086
  DATA_DIR="$train" SPRING_PROFILES_ACTIVE=local GATEWAY_PORT=0 STATION_MANAGEMENT_PORT=0 EQUIPMENT_MANAGEMENT_PORT=0 \
    STAFFING_MANAGEMENT_PORT=0 "$JAVA" $(opts_of "$name") -XX:ArchiveClassesAtExit="$dir/app.jsa" \
    -Dspring.context.exit=onRefresh -jar "$dir/app/$name-0.1.0-SNAPSHOT.jar" >"$dir/training.log" 2>&1 || true
  rm -rf "$train"
}

opts_of() { # name
  if [ "$1" = api-gateway ]; then echo "$GATEWAY_OPTS"; else echo "$SERVICE_OPTS"; fi
}

# How a service is started, here and by anyone who restarts one alone (the tests do).
launch_command() { # name
  local name="$1" dir="$ROOT/$1/target/cds"
  if [ -f "$dir/app.jsa" ]; then
    echo "$JAVA $(opts_of "$name") -XX:SharedArchiveFile=$dir/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar $dir/app/$name-0.1.0-SNAPSHOT.jar"
  else
    echo "$JAVA $(opts_of "$name") -jar $(jar_of "$name")"
  fi
}

if [ "${CDS:-1}" = "1" ]; then
  for name in "${NAMES[@]}"; do prepare_cds "$name" & done
  wait
fi

declare -A PIDS=()
declare -A REPORTED=()

stop_all() {
  trap - INT TERM
  echo
  echo "Stopping..."
  for name in api-gateway station-service equipment-service staffing-service; do
    local pid="${PIDS[$name]:-}"
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 20))
  for name in "${!PIDS[@]}"; do
    local pid="${PIDS[$name]}"
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$RUN/$name.pid"
  done
  echo "Stopped. Data is kept in $DATA_DIR"
  exit 0
}
trap stop_all INT TERM

start() { # name
  local name="$1" command
  command="$(launch_command "$name")"
  echo "$command" >"$RUN/$name.command"
  # shellcheck disable=SC2086
  $command >"$LOGS/$name.log" 2>&1 &
  PIDS[$name]=$!
  echo "${PIDS[$name]}" >"$RUN/$name.pid"
}

check_children() {
  for name in "${!PIDS[@]}"; do
    local pid="${PIDS[$name]}"
    if [ -z "${REPORTED[$name]:-}" ] && ! kill -0 "$pid" 2>/dev/null; then
      local code=0
      wait "$pid" 2>/dev/null || code=$?
      REPORTED[$name]=1
      rm -f "$RUN/$name.pid"
      echo "!! $name died (exit code $code); the others keep serving. Its log: $LOGS/$name.log" >&2
      tail -n 5 "$LOGS/$name.log" >&2 || true
    fi
  done
}

echo "Starting station-service, equipment-service, staffing-service and api-gateway (data: $DATA_DIR)"
LAUNCHED=$SECONDS
start station-service
start equipment-service
start staffing-service
SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}" start api-gateway

HEALTH="http://127.0.0.1:$GATEWAY_PORT/actuator/health"
deadline=$((SECONDS + ${START_TIMEOUT:-120}))
until curl -fsS "$HEALTH" 2>/dev/null | grep -q '^{"components".*"status":"UP"}$'; do
  check_children
  if [ ${#REPORTED[@]} -gt 0 ] || [ $SECONDS -ge $deadline ]; then
    echo "The system did not become healthy; see the logs in $LOGS" >&2
    stop_all
  fi
  sleep 0.5
done

cat <<INFO

Township fire brigades system is up (healthy $((SECONDS - LAUNCHED))s after start).
  Dashboard    http://127.0.0.1:$GATEWAY_PORT/   (open it in a browser and log in as a demo user)
  REST API     http://127.0.0.1:$GATEWAY_PORT/api/v1   (OpenAPI: /v3/api-docs, Swagger UI: /swagger-ui.html)
  Health       $HEALTH
  Metrics      http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus, and each service's on
               http://127.0.0.1:{$STATION_MANAGEMENT_PORT,$EQUIPMENT_MANAGEMENT_PORT,$STAFFING_MANAGEMENT_PORT}/actuator/prometheus
  Demo users   admin (CITY_ADMIN), inspector (CITY_INSPECTOR), firedept (FIRE_DEPT),
               clerk-chengqu, clerk-zezhou, clerk-gaoping, clerk-yangcheng, clerk-lingchuan, clerk-qinshui (COUNTY_CLERK)
  Password     $DEMO_PASSWORD   (set DEMO_PASSWORD to change it)
  Data         $DATA_DIR   (logs in $LOGS)
Press Ctrl-C to stop.
READY
INFO

while true; do
  check_children
  sleep 1
done
