#!/usr/bin/env bash
# Backup and restore of the embedded stores (stop ./run.sh first: each store is a file a running
# service holds). Every collection of every service as JSON lines, catalog versions and audit
# chains included; a restore goes into an empty data directory and re-verifies every audit chain.
#
#   ./backup.sh export  [DATA_DIR] BACKUP_DIR     (DATA_DIR defaults to ./data)
#   ./backup.sh restore BACKUP_DIR [DATA_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
JAR="$ROOT/station-service/target/station-service-0.1.0-SNAPSHOT.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests package -pl station-service -am)
case "${1:-}" in
  export)  if [ $# -eq 2 ]; then set -- export "$ROOT/data" "$2"; fi ;;
  restore) if [ $# -eq 2 ]; then set -- restore "$2" "$ROOT/data"; fi ;;
  *) echo "usage: $0 export [DATA_DIR] BACKUP_DIR | restore BACKUP_DIR [DATA_DIR]" >&2; exit 2 ;;
esac
# The service jar carries the store, the driver and the backup tool; run the tool as its main class.
exec "${JAVA:-java}" -cp "$JAR" -Dloader.main=cn.jincheng.brigades.common.backup.Backup \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
