#!/usr/bin/env bash
# Builds (if needed) and runs the whole system on the embedded default: the MongoDB stand-in server
# (one process, its store under DATA_DIR/mongo), then three gRPC services pointed at it with
# MONGODB_URI exactly as Kubernetes points them at the replica set, and the REST gateway. Ctrl-C or
# SIGTERM stops everything cleanly. If one process dies, the others keep running and this says which.
#
# Settings (environment): MONGO_PORT (27017), GATEWAY_PORT (8080), STATION_PORT (9091), EQUIPMENT_PORT (9092),
# STAFFING_PORT (9093), the services' HTTP ports for health and metrics STATION_MANAGEMENT_PORT (8091),
# EQUIPMENT_MANAGEMENT_PORT (8092), STAFFING_MANAGEMENT_PORT (8093), DATA_DIR (./data), DEMO_PASSWORD
# (demo-2019), GATEWAY_HOST (127.0.0.1), SKIP_BUILD=1 to use the jars as they are, CDS=0 to start without class-data sharing, TRAIN_ONLY=1 to make the archives and exit,
# JAVA (the newest JDK under /usr/lib/jvm or JAVA_HOME if it is release 25 or later, else java).
# The audit chain's HMAC key: AUDIT_HMAC_KEY if set, else a development key the services generate once
# into DATA_DIR/keys/audit-hmac.key (never committed; docs/adr/0010).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"

export MONGO_PORT="${MONGO_PORT:-27017}"
export MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT"
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

java_release() { # java-executable
  # the version line, not the first: JAVA_TOOL_OPTIONS makes the JVM print "Picked up ..." before it
  "$1" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n 1
}
# A JDK of release 25 or later starts the services from an AOT cache (classes loaded and linked,
# method profiles) in about half the time class-data sharing takes on 17; the code is built for 17.
newest_java() {
  local best=java best_release candidate release
  best_release="$(java_release java 2>/dev/null || echo 0)"
  for candidate in "${JAVA_HOME:-/nonexistent}/bin/java" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    release="$(java_release "$candidate")"
    if [ "${release:-0}" -ge 25 ] && [ "${release:-0}" -gt "${best_release:-0}" ]; then
      best="$candidate" best_release="$release"
    fi
  done
  echo "$best"
}
JAVA="${JAVA:-$(newest_java)}"
JAVA_RELEASE="$(java_release "$JAVA")"
# glibc gives each thread that allocates its own malloc arena (64 MB of address space, some of it
# touched); two are plenty for a JVM whose allocations are on its own heap
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
LOGS="$DATA_DIR/logs"
RUN="$DATA_DIR/run"
mkdir -p "$LOGS" "$RUN"

# Small heaps and the serial collector: the whole stack idles in well under 1 GB on 2 cores. Each
# heap starts small and grows with the work (a service's to 256 MB for a bulk import of 10,000 rows,
# decided whole), so that idle RSS pays only for what start-up touched: every page of a young
# generation is touched once it has been filled, so it starts at 8 MB. The heaps of the JVMs with an
# AOT cache start at 32 MB (at 16 MB its archived objects do not fit, see below); the stand-in's,
# which has no cache of its own, at 16 MB.
# A service's young generation may grow to 96 MB: a report streams every holding of the city through
# equipment-service, and a 48 MB one collected so often that its copying was a third of the
# service's time (BENCHMARKS.md).
# On release 25 or later, compact object headers (JEP 519) make every object 4 bytes smaller, and
# Netty's native transport and the libraries' use of sun.misc.Unsafe are allowed as on 17 (else the
# JVM writes warnings into logs that are JSON lines in production).
# glibc keeps what the JVM frees (class parsing, the JIT's arenas at start-up) in its arenas;
# trimming every 5 s gives it back: about 20 MB per JVM at idle (BENCHMARKS.md, fifth round).
COMMON_OPTS="-Xss512k -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000"
if [ "${JAVA_RELEASE:-0}" -ge 25 ]; then
  COMMON_OPTS="$COMMON_OPTS -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
fi
# Spring AOT: the build processes each service's context ahead of time (spring-boot-maven-plugin
# process-aot; the gateway's with the local profile), and a JVM started with
# -Dspring.aot.enabled=true uses the bean definitions made then instead of scanning and evaluating
# its configuration at start: less CPU to start and less resident memory (BENCHMARKS.md, twelfth
# round; docs/adr/0017). Those definitions fix at build time which beans exist: a condition
# on a property or a profile is not evaluated again. So run.sh uses them only where the environment
# changes no such decision: not with a variable below set (the OTLP export and tracing switches, and
# the properties the project's own @ConditionalOnProperty read; each module's architecture test
# checks that every one of those is here), not for a JVM started with a profile the build did not
# process, and not with SPRING_AOT=0. The services have no profile-specific beans or files (local
# only changes where MongoDB is looked for when MONGODB_URI is empty, a value read at start), so for
# them no profile and local are alike. The Kubernetes deployment starts the same jars without AOT.
BUILD_TIME_DECISIONS='^(OTLP_|MANAGEMENT_|BRIGADES_AUDIT_ANCHORING=|BRIGADES_DIRECTORY_COPY=|BRIGADES_AUTH_LOCAL_ENABLED=|BRIGADES_MONGO_DATABASE=)'
spring_aot_opts() { # default profile, the profiles this JVM may start with as the build processed them
  if [ "${SPRING_AOT:-1}" = 1 ] && [[ " ${*:2} " == *" ${SPRING_PROFILES_ACTIVE:-$1} "* ]] \
      && ! env | grep -qE "$BUILD_TIME_DECISIONS"; then
    echo "-Dspring.aot.enabled=true"
  fi
}
SERVICE_OPTS="${SERVICE_OPTS:-$COMMON_OPTS $(spring_aot_opts none none local) -Xms32m -Xmx256m -XX:NewSize=8m -XX:MaxNewSize=96m -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m}"
# The stand-in holds query results and its page cache on its heap.
MONGO_OPTS="${MONGO_OPTS:-$COMMON_OPTS -Xms16m -Xmx256m -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=64m}"
GATEWAY_OPTS="${GATEWAY_OPTS:-$COMMON_OPTS $(spring_aot_opts local local) -Xms32m -Xmx256m -XX:NewSize=8m -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=160m}"

NAMES=(embedded-mongo station-service equipment-service staffing-service api-gateway)
jar_of() {
  if [ "$1" = embedded-mongo ]; then echo "$ROOT/$1/target/$1-0.1.0-SNAPSHOT-exec.jar"
  else echo "$ROOT/$1/target/$1-0.1.0-SNAPSHOT.jar"; fi
}

needs_build() {
  for name in "${NAMES[@]}"; do
    local jar; jar="$(jar_of "$name")"
    [ -f "$jar" ] || return 0
    # any source, resource or POM newer than the jar means the jar is stale
    if [ -n "$(find "$ROOT/$name/src" "$ROOT/$name/pom.xml" "$ROOT/proto" "$ROOT/common/src" "$ROOT/embedded-mongo/src" "$ROOT/pom.xml" \
                -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}

if [ "${SKIP_BUILD:-0}" != "1" ] && needs_build; then
  echo "Building (./mvnw -DskipTests package)..."
  "$ROOT/mvnw" -B -q -Dstyle.color=never -DskipTests package -pl embedded-mongo,api-gateway,station-service,equipment-service,staffing-service -am
fi

listening() { # port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Class-data sharing: a service starts in about half the time from its extracted jar and a class
# archive made by one training run: on a JDK of release 25 or later an AOT cache (JEP 483/514/515:
# classes loaded and linked, and the method profiles of what the training ran), on 17 a dynamic CDS
# archive. The training starts the whole stack once, in a scratch directory on ports of its own
# (never the real store), has it serve what users do (training_workload: logins, the lists, one
# brigade, compliance, the overview, the acceptance report as JSON and Excel, a PATCH with If-Match),
# then stops it with SIGTERM: each JVM writes its archive as it exits. Made again whenever a jar,
# the JDK or the options change. A dynamic CDS archive (release 17) that cannot be used is skipped;
# an AOT cache is not: its classes are linked ahead of time, and a JVM whose initial heap is too
# small to take the cache's archived objects stops at once ("AOT cache has aot-linked classes but
# the archived heap objects cannot be loaded"). Seen with -Xms16m; the -Xms below leave room.
# The cache's method profiles (JEP 515) are not replayed: code compiled at start from the training's
# mix of paths cost the gateway and station-service about a fifth more CPU per request under a
# steady load, and compiling it was about a quarter of each JVM's start-up CPU (BENCHMARKS.md, ninth
# round). The price is a slower first report after start.
if [ "${JAVA_RELEASE:-0}" -ge 25 ]; then ARCHIVE=app.aot; else ARCHIVE=app.jsa; fi
TRAINED=(station-service equipment-service staffing-service api-gateway)

cds_stale() { # name
  local dir="$ROOT/$1/target/cds"
  ! { [ -f "$dir/$ARCHIVE" ] && [ "$(cat "$dir/made-from" 2>/dev/null)" = "$(archive_key "$1")" ]; }
}

# what an archive was made from: the JVM and options (it serves only a JVM started the same way)
# and the jar, by size and change time. Not by modification time: the build stamps every jar with
# the reproducible-build date, so a rebuilt jar looks as old as the one before it.
archive_key() { # name
  echo "$JAVA $(opts_of "$1") jar=$(stat -c '%s %Z' "$(jar_of "$1")")"
}

archive_options() { # dir training|use
  if [ "$ARCHIVE" = app.aot ]; then
    if [ "$2" = training ]; then echo "-XX:AOTCacheOutput=$1/app.aot"
    else echo "-XX:AOTCache=$1/app.aot -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining -Xlog:aot*=off -Xlog:cds*=off"; fi
  else
    if [ "$2" = training ]; then echo "-XX:ArchiveClassesAtExit=$1/app.jsa"
    else echo "-XX:SharedArchiveFile=$1/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"; fi
  fi
}

extracted_jar() { # name
  echo "$ROOT/$1/target/cds/app/$(basename "$(jar_of "$1")")"
}

# the key is taken before the jar is read: a jar rebuilt during the training then makes the new
# archive stale at once instead of passing for the jar it was not made from
extract_for_cds() { # name
  local dir="$ROOT/$1/target/cds"
  rm -rf "$dir" && mkdir -p "$dir"
  archive_key "$1" >"$dir/made-from.pending"
  "$JAVA" -Djarmode=tools -jar "$(jar_of "$1")" extract --destination "$dir/app" >/dev/null
}

# FREE_PORTS: COUNT distinct ports nothing listens on, for the training stack (one taken meanwhile
# is noticed: that JVM fails, and starts without an archive later)
pick_free_ports() { # count
  local port
  FREE_PORTS=()
  while [ ${#FREE_PORTS[@]} -lt "$1" ]; do
    port=$((20000 + RANDOM % 40000))
    [[ " ${FREE_PORTS[*]} " == *" $port "* ]] && continue
    listening "$port" || FREE_PORTS+=("$port")
  done
}

# What users do, a few times over, through the gateway: the classes and method profiles these
# paths need in all four JVMs go into the archives. Failures are ignored (an archive is still made).
training_workload() { # base-url
  local base="$1" admin clerk etag round
  token_of() { curl -fsS -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$DEMO_PASSWORD\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
  admin="$(token_of admin)" || return 0
  clerk="$(token_of clerk-zezhou)" || return 0
  get() { curl -fsS -o /dev/null -H "Authorization: Bearer $1" "$base$2" || true; }
  curl -fsS -o /dev/null "$base/" || true
  for round in $(seq "${TRAINING_ROUNDS:-8}"); do
    get "$admin" /api/v1/brigades
    get "$clerk" /api/v1/brigades
    get "$admin" /api/v1/brigades/zezhou-gaodu
    get "$admin" /api/v1/brigades/zezhou-gaodu/compliance
    get "$admin" /api/v1/counties
    get "$admin" /api/v1/standards
    get "$admin" "/api/v1/supervision?asOf=2019-07-01"
    get "$admin" /api/v1/acceptance/2019/report
    get "$clerk" /api/v1/acceptance/2019/report
    [ $((round % 4)) = 1 ] && get "$admin" "/api/v1/acceptance/2019/report?format=xlsx"
    etag="$(curl -fsS -D - -o /dev/null -H "Authorization: Bearer $clerk" "$base/api/v1/brigades/zezhou-gaodu" \
      | sed -nE 's/^[Ee][Tt][Aa][Gg]: *([^[:space:]]+).*/\1/p')" || true
    curl -fsS -o /dev/null -X PATCH "$base/api/v1/brigades/zezhou-gaodu" -H "Authorization: Bearer $clerk" \
      -H 'Content-Type: application/json' -H "If-Match: $etag" \
      -d "{\"housing\":{\"floorAreaM2\":$((600 + round)),\"garageBays\":3}}" || true
  done
}

# The training run: the stack in a scratch directory on free ports, each service and the gateway
# recording its archive; the workload; SIGTERM; each JVM writes its archive on the way out.
train_stack() { # scratch
  local scratch="$1" name store waited=0 pid alive
  declare -A trainers=()
  set +e # whatever fails here, the store and the trainers are stopped at the end
  # shellcheck disable=SC2086
  DATA_DIR="$scratch" MONGO_PORT=0 "$JAVA" $MONGO_OPTS -jar "$(jar_of embedded-mongo)" >"$scratch/store.log" 2>&1 &
  store=$!
  until [ -s "$scratch/run/mongo.uri" ] || [ $waited -ge 300 ]; do sleep 0.2; waited=$((waited + 1)); done
  export DATA_DIR="$scratch" MONGODB_URI="$(cat "$scratch/run/mongo.uri" 2>/dev/null)"
  pick_free_ports 7
  export STATION_PORT="${FREE_PORTS[0]}" EQUIPMENT_PORT="${FREE_PORTS[1]}" STAFFING_PORT="${FREE_PORTS[2]}" \
    GATEWAY_PORT="${FREE_PORTS[3]}" STATION_MANAGEMENT_PORT="${FREE_PORTS[4]}" \
    EQUIPMENT_MANAGEMENT_PORT="${FREE_PORTS[5]}" STAFFING_MANAGEMENT_PORT="${FREE_PORTS[6]}"
  export STATION_SERVICE_ADDR="127.0.0.1:$STATION_PORT" EQUIPMENT_SERVICE_ADDR="127.0.0.1:$EQUIPMENT_PORT" \
    STAFFING_SERVICE_ADDR="127.0.0.1:$STAFFING_PORT" RATE_LIMIT_REQUESTS=100000
  for name in "${TRAINED[@]}"; do
    local dir="$ROOT/$name/target/cds"
    extract_for_cds "$name"
    # started as the real start does: the gateway with the local profile (unless told otherwise)
    if [ "$name" = api-gateway ]; then
      # shellcheck disable=SC2086
      SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}" "$JAVA" $(opts_of "$name") \
        $(archive_options "$dir" training) -jar "$(extracted_jar "$name")" >"$dir/training.log" 2>&1 &
    else
      # shellcheck disable=SC2086
      "$JAVA" $(opts_of "$name") $(archive_options "$dir" training) -jar "$(extracted_jar "$name")" \
        >"$dir/training.log" 2>&1 &
    fi
    trainers[$name]=$!
  done
  # at least 300 s, or START_TIMEOUT if that is longer (a busy machine: the tests raise it)
  local wait_for=$(( ${START_TIMEOUT:-120} > 300 ? ${START_TIMEOUT:-120} : 300 ))
  local deadline=$((SECONDS + ${TRAINING_TIMEOUT:-$wait_for}))
  until curl -fsS "http://127.0.0.1:$GATEWAY_PORT/actuator/health" 2>/dev/null | grep -q '^{"components".*"status":"UP"}$'; do
    alive=1
    for name in "${TRAINED[@]}"; do kill -0 "${trainers[$name]}" 2>/dev/null || alive=0; done
    if [ $alive = 0 ] || [ $SECONDS -ge $deadline ]; then
      echo "The training stack did not become healthy; see $ROOT/*/target/cds/training.log" >&2
      deadline=0
      break
    fi
    sleep 0.5
  done
  [ $SECONDS -lt $deadline ] && training_workload "http://127.0.0.1:$GATEWAY_PORT"
  for name in "${TRAINED[@]}"; do kill -TERM "${trainers[$name]}" 2>/dev/null || true; done
  for name in "${TRAINED[@]}"; do
    pid="${trainers[$name]}"
    # writing an AOT cache takes a while after the application has stopped
    deadline=$((SECONDS + 300))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [ -f "$ROOT/$name/target/cds/$ARCHIVE" ] && mv "$ROOT/$name/target/cds/made-from.pending" "$ROOT/$name/target/cds/made-from"
  done
  kill -TERM "$store" 2>/dev/null || true
  wait "$store" 2>/dev/null || true
}

train_class_archives() {
  local stale=0 name scratch
  for name in "${TRAINED[@]}"; do
    cds_stale "$name" && stale=1
  done
  [ $stale -eq 0 ] && return 0
  echo "Training the class archives (the whole system once, serving a scripted workload)..."
  scratch="$(mktemp -d)"
  # a subshell: the training's ports and data directory do not leak into the real start
  ( train_stack "$scratch" )
  rm -rf "$scratch"
}

opts_of() { # name
  case "$1" in
    api-gateway) echo "$GATEWAY_OPTS" ;;
    embedded-mongo) echo "$MONGO_OPTS" ;;
    *) echo "$SERVICE_OPTS" ;;
  esac
}

# How a service is started, here and by anyone who restarts one alone (the tests do).
launch_command() { # name
  local name="$1" dir="$ROOT/$1/target/cds"
  if [ "${CDS:-1}" = "1" ] && ! cds_stale "$name"; then
    echo "$JAVA $(opts_of "$name") $(archive_options "$dir" use) -jar $(extracted_jar "$name")"
  else
    echo "$JAVA $(opts_of "$name") -jar $(jar_of "$name")"
  fi
}

if [ "${CDS:-1}" = "1" ]; then
  train_class_archives
fi
# TRAIN_ONLY=1: make the archives and stop (the build does this before the end-to-end tests, so
# that no test's start-up clock pays for the training)
if [ "${TRAIN_ONLY:-0}" = "1" ]; then
  echo "Class-data archives are ready."
  exit 0
fi

declare -A PIDS=()
declare -A REPORTED=()

stop_all() {
  trap - INT TERM
  echo
  echo "Stopping..."
  # the services first, so that their last writes reach the store; the store last
  for name in api-gateway station-service equipment-service staffing-service; do
    local pid="${PIDS[$name]:-}"
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 20))
  for name in api-gateway station-service equipment-service staffing-service; do
    local pid="${PIDS[$name]:-}"
    [ -z "$pid" ] && continue
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$RUN/$name.pid"
  done
  local store="${PIDS[embedded-mongo]:-}"
  if [ -n "$store" ]; then
    kill -TERM "$store" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while kill -0 "$store" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -0 "$store" 2>/dev/null && kill -KILL "$store" 2>/dev/null || true
    rm -f "$RUN/embedded-mongo.pid"
  fi
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

echo "Starting the MongoDB stand-in, station-service, equipment-service, staffing-service and api-gateway (data: $DATA_DIR)"
LAUNCHED=$SECONDS
if listening "$MONGO_PORT"; then
  echo "Something already listens on MONGO_PORT $MONGO_PORT: stop it, or choose another port (MONGO_PORT=27018 ./run.sh)" >&2
  exit 1
fi
start embedded-mongo
# opening a large store after an unclean stop takes a while: the same limit as the whole start
store_deadline=$((SECONDS + ${START_TIMEOUT:-120}))
until listening "$MONGO_PORT"; do
  check_children
  if [ ${#REPORTED[@]} -gt 0 ] || [ $SECONDS -ge $store_deadline ]; then
    echo "The MongoDB stand-in did not start; see $LOGS/embedded-mongo.log" >&2
    stop_all
  fi
  sleep 0.1
done
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
  sleep 0.25
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
  MongoDB      $MONGODB_URI   (the stand-in; open it with mongosh: see README)
  Data         $DATA_DIR   (logs in $LOGS)
Press Ctrl-C to stop.
READY
INFO

while true; do
  check_children
  sleep 1
done
