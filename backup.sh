#!/usr/bin/env bash
# Backup and restore of the embedded default's data: every collection of every service's database
# as JSON lines (catalog versions and audit chains included), read and written through the MongoDB
# driver. Export works while ./run.sh runs (it talks to the running stand-in); otherwise the
# stand-in is started on the data directory for the time of the command. A restore goes into an
# empty data directory and re-verifies every audit chain. (Against a replica set: mongodump.)
#
#   ./backup.sh export  [DATA_DIR] BACKUP_DIR     (DATA_DIR defaults to ./data)
#   ./backup.sh restore BACKUP_DIR [DATA_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
JAVA="${JAVA:-java}"
TOOL="$ROOT/station-service/target/station-service-0.1.0-SNAPSHOT.jar"
STORE="$ROOT/embedded-mongo/target/embedded-mongo-0.1.0-SNAPSHOT-exec.jar"
if [ ! -f "$TOOL" ] || [ ! -f "$STORE" ]; then
  (cd "$ROOT" && ./mvnw -B -q -Dstyle.color=never -DskipTests package -pl station-service,embedded-mongo -am)
fi
case "${1:-}" in
  export)  if [ $# -eq 2 ]; then set -- export "$ROOT/data" "$2"; fi; DATA_DIR="$2" ;;
  restore) if [ $# -eq 2 ]; then set -- restore "$2" "$ROOT/data"; fi; DATA_DIR="$3" ;;
  *) echo "usage: $0 export [DATA_DIR] BACKUP_DIR | restore BACKUP_DIR [DATA_DIR]" >&2; exit 2 ;;
esac
mkdir -p "$DATA_DIR"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"

# The running stand-in of this data directory, or one started here for the command.
pid_file="$DATA_DIR/run/embedded-mongo.pid"
started=""
if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null && [ -s "$DATA_DIR/run/mongo.uri" ]; then
  uri="$(cat "$DATA_DIR/run/mongo.uri")"
else
  rm -f "$DATA_DIR/run/mongo.uri"
  DATA_DIR="$DATA_DIR" MONGO_PORT=0 "$JAVA" -Xmx256m -XX:+UseSerialGC -jar "$STORE" >"$DATA_DIR/backup-store.log" 2>&1 &
  started=$!
  trap 'kill -TERM "$started" 2>/dev/null; wait "$started" 2>/dev/null || true' EXIT
  for _ in $(seq 1 150); do [ -s "$DATA_DIR/run/mongo.uri" ] && break; sleep 0.2; done
  [ -s "$DATA_DIR/run/mongo.uri" ] || { echo "the stand-in did not start: $DATA_DIR/backup-store.log" >&2; exit 1; }
  uri="$(cat "$DATA_DIR/run/mongo.uri")"
fi

if [ "$1" = export ]; then set -- export "$uri" "$3"; else set -- restore "$2" "$uri"; fi
# The service jar carries the driver and the backup tool; run the tool as its main class.
"$JAVA" -cp "$TOOL" -Dloader.main=cn.jincheng.brigades.common.persistence.Backup \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
