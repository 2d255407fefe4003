#!/usr/bin/env bash
# Pins every image of the prod overlay by digest, in k8s/overlays/prod/kustomization.yaml (its
# images: list, as `kustomize edit set image NAME@DIGEST` would; comments and order kept).
#
#   tools/pin-images.sh              ours from the Jib build, then the third-party ones
#   tools/pin-images.sh --ours-only  ours only
#
# Ours: after `./mvnw -B -Pimages -pl <the four services> -am package jib:build`, each service's
# target/jib-image.digest is the digest of the image Jib pushed, and target/jib-image.json names the
# repository it was pushed to; that repository becomes the entry's newName where it differs from
# the manifests' registry.jincheng.example/brigades/<service>.
# Third-party: the tag each is used at (newTag in k8s/base and k8s/components/keycloak) is resolved
# to its digest with skopeo or crane, at the entry's newName if you mirrored (set that first) or
# else at its origin. Without either tool it says so and exits 1: no digest is guessed.
# Then `bash k8s/validate/run.sh --release` is the release gate (docs/operations.md).
set -euo pipefail

ours_only=false
case "${1:-}" in
  "") ;;
  --ours-only) ours_only=true ;;
  *) echo "usage: $0 [--ours-only]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
kustomization="$root/k8s/overlays/prod/kustomization.yaml"
sources=("$root/k8s/base/kustomization.yaml" "$root/k8s/components/keycloak/kustomization.yaml")
services=(api-gateway station-service equipment-service staffing-service)
ours_prefix=registry.jincheng.example/brigades
placeholder="sha256:$(printf '0%.0s' {1..64})"

say() { echo "[pin-images] $*"; }
fail() { echo "[pin-images] ERROR: $*" >&2; exit 1; }

# field FILE NAME KEY: the value of KEY in the images: entry NAME of FILE (empty if none)
field() {
  awk -v want="$2" -v key="$3" '
    /^[^ #]/ { in_images = ($0 ~ /^images:/); entry = ""; next }
    in_images && /^  - name: / { entry = $3; next }
    in_images && entry == want && $1 == key ":" { v = $2; gsub(/"/, "", v); print v; exit }
  ' "$1"
}

# entries FILE: the names in the images: list of FILE
entries() {
  awk '/^[^ #]/ { in_images = ($0 ~ /^images:/); next } in_images && /^  - name: / { print $3 }' "$1"
}

# set_field NAME KEY VALUE: replaces KEY in the prod entry NAME, or adds it after the name line
set_field() {
  local name="$1" key="$2" value="$3" tmp
  tmp="$(mktemp)"
  awk -v want="$name" -v key="$key" -v value="$value" -v present="$(field "$kustomization" "$name" "$key")" '
    /^[^ #]/ { in_images = ($0 ~ /^images:/); entry = "" }
    in_images && /^  - name: / {
      entry = $3; print
      if (entry == want && present == "") { print "    " key ": " value; done = 1 }
      next
    }
    in_images && entry == want && $1 == key ":" { print "    " key ": " value; done = 1; next }
    { print }
    END { if (!done) exit 3 }
  ' "$kustomization" > "$tmp" || { rm -f "$tmp"; fail "no entry $name in the images list of $kustomization"; }
  cat "$tmp" > "$kustomization"
  rm -f "$tmp"
}

# del_field NAME KEY: removes KEY from the prod entry NAME
del_field() {
  local tmp
  tmp="$(mktemp)"
  awk -v want="$1" -v key="$2" '
    /^[^ #]/ { in_images = ($0 ~ /^images:/); entry = "" }
    in_images && /^  - name: / { entry = $3 }
    in_images && entry == want && $1 == key ":" { next }
    { print }
  ' "$kustomization" > "$tmp"
  cat "$tmp" > "$kustomization"
  rm -f "$tmp"
}

valid_digest() { [[ "$1" =~ ^sha256:[0-9a-f]{64}$ ]] && [ "$1" != "$placeholder" ]; }

# --- ours, from the Jib build -------------------------------------------------------------------
for service in "${services[@]}"; do
  digest_file="$root/$service/target/jib-image.digest"
  json_file="$root/$service/target/jib-image.json"
  [ -f "$digest_file" ] && [ -f "$json_file" ] || fail "$service: no $digest_file; build and push first:
  ./mvnw -B -Pimages -pl $(IFS=,; echo "${services[*]}") -am package jib:build -Dimage.registry=<your registry>/brigades"
  digest="$(tr -d '[:space:]' < "$digest_file")"
  valid_digest "$digest" || fail "$service: $digest_file holds \"$digest\", not a sha256 digest"
  # jib:build pushes; jib:buildTar and jib:dockerBuild do not, and their digest is of no registry's image
  grep -Eq '"imagePushed" *: *true' "$json_file" \
    || fail "$service: $json_file says the image was not pushed (jib:buildTar or jib:dockerBuild, or jib:build with -Djib.skipExistingImages): run jib:build"
  image="$(sed -n 's/.*"image" *: *"\([^"]*\)".*/\1/p' "$json_file")"
  [ -n "$image" ] || fail "$service: no image reference in $json_file"
  repository="${image%@*}"
  [[ "${repository##*/}" == *:* ]] && repository="${repository%:*}"
  name="$ours_prefix/$service"
  set_field "$name" digest "$digest"
  if [ "$repository" = "$name" ]; then del_field "$name" newName; else set_field "$name" newName "$repository"; fi
  say "$service: $repository@$digest"
done

# --- third-party, resolved at their registry ----------------------------------------------------
left=()
for name in $(entries "$kustomization"); do
  [[ "$name" == "$ours_prefix"/* ]] || left+=("$name")
done
if $ours_only; then
  say "third-party images left as they are (--ours-only)"
  exit 0
fi
if command -v skopeo >/dev/null; then
  resolve() { skopeo inspect --format '{{.Digest}}' "docker://$1"; }
elif command -v crane >/dev/null; then
  resolve() { crane digest "$1"; }
else
  placeholders=()
  for name in "${left[@]}"; do
    [ "$(field "$kustomization" "$name" digest)" = "$placeholder" ] && placeholders+=("$name")
  done
  say "neither skopeo nor crane is on PATH: the ${#left[@]} third-party digests were not resolved."
  say "${#placeholders[@]} are still placeholders:"
  [ ${#placeholders[@]} -eq 0 ] || printf '    %s\n' "${placeholders[@]}"
  say "Install either, or put each digest in by hand (docs/operations.md, \"Pin the images\")."
  exit 1
fi
for name in "${left[@]}"; do
  tag=""
  for source in "${sources[@]}"; do
    for entry in $(entries "$source"); do
      full="$(field "$source" "$entry" newName)"
      [ "${full:-$entry}" = "$name" ] && tag="$(field "$source" "$entry" newTag)"
    done
  done
  [ -n "$tag" ] || fail "$name: no newTag for it in ${sources[*]#$root/}"
  from="$(field "$kustomization" "$name" newName)"
  from="${from:-$name}:$tag"
  digest="$(resolve "$from")" || fail "could not resolve $from"
  valid_digest "$digest" || fail "$from resolved to \"$digest\""
  before="$(field "$kustomization" "$name" digest)"
  set_field "$name" digest "$digest"
  if [ "$before" != "$placeholder" ] && [ "$before" != "$digest" ]; then
    say "$from: $digest (was $before: the registry's digest wins)"
  else
    say "$from: $digest"
  fi
done

if command -v kubectl >/dev/null; then
  kubectl kustomize "$root/k8s/overlays/prod" >/dev/null || fail "the prod overlay no longer renders"
fi
say "done; check with: bash k8s/validate/run.sh --release"
