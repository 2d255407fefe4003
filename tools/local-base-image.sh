#!/usr/bin/env bash
# Builds a stand-in base image from this machine's JDK, as a `docker save` tarball that Jib takes
# with `-Dimage.base=tar://FILE`, so that the image configuration (user, entrypoint, layers,
# reproducibility) can be checked where no registry is reachable. NOT for production: it is a
# jlink'd Java runtime and the host's shared libraries it links to, nothing else (no shell, no
# certificates, no time zone data of the distribution). The real base is ${image.base} in pom.xml.
#
#   tools/local-base-image.sh OUT.tar        (JAVA_HOME or the java on PATH decides the JDK)
#
# The tarball is written with fixed file times and owners and sorted entries.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 OUT.tar" >&2; exit 2; }
out="$(realpath -m "$1")"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[ -x "$java_home/bin/jlink" ] || { echo "no jlink in $java_home (set JAVA_HOME to a JDK)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/opt/java" "$root/tmp" "$root/etc"
chmod 1777 "$root/tmp"

# the whole Java SE runtime of the JDK (the services load modules reflectively: no guessing a subset)
"$java_home/bin/jlink" --add-modules ALL-MODULE-PATH --strip-debug --no-header-files --no-man-pages \
  --output "$root/opt/java/openjdk"

# the host libraries the runtime links to, at the same paths (the dynamic loader among them)
find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '/=> \//{print $3} /^[ \t]*\/[^ ]+ \(/{print $1}' | sort -u \
  | while read -r lib; do
      case "$lib" in "$work"/*) continue ;; esac   # the runtime's own, already there
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
# where the loader is looked for under a merged /usr (lib64 -> usr/lib64 on the host)
for link in lib lib64; do
  [ -L "/$link" ] && [ ! -e "$root/$link" ] && ln -s "$(readlink "/$link")" "$root/$link"
done
echo "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin" > "$root/etc/passwd"

layer="$work/layer.tar"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$layer" .
diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
java_version="$("$root/opt/java/openjdk/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/{print $2}')"

cat > "$work/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","JAVA_VERSION=$java_version"],"Labels":{"org.opencontainers.image.description":"local stand-in base for offline checks (tools/local-base-image.sh)"}},"rootfs":{"type":"layers","diff_ids":["$diff_id"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"tools/local-base-image.sh"}]}
EOF
cat > "$work/manifest.json" <<EOF
[{"Config":"config.json","RepoTags":["local/jre:$java_version"],"Layers":["layer.tar"]}]
EOF
mkdir -p "$(dirname "$out")"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out: Java $java_version runtime, layer $diff_id ($(du -h "$layer" | cut -f1))"
