#!/usr/bin/env bash
# The observability tests check the alert rules and the dashboard's queries with Prometheus' own
# promtool. Takes it out of Debian's prometheus package without installing the server: the .deb is
# downloaded (apt-get download) and only usr/bin/promtool is unpacked, into
# ${TICKLIST_TOOLS:-~/.cache/ticklist/tools}, where the tests look for it. Does nothing when
# promtool is on the PATH or already unpacked there.
set -euo pipefail
tools="${TICKLIST_TOOLS:-${HOME}/.cache/ticklist/tools}"
if command -v promtool >/dev/null || [ -x "$tools/promtool" ]; then
  exit 0
fi
as_root=()
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then
  as_root=(sudo)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# apt runs downloads as its _apt user, which must be able to write here.
chmod 755 "$work"
echo "Fetching promtool for the observability tests (from Debian's prometheus package, not installed)..."
cd "$work"
if ! apt-get download -q prometheus >/dev/null 2>&1; then
  # No package lists yet (a fresh image): read them, then try once more.
  "${as_root[@]}" apt-get update -q >/dev/null
  apt-get download -q prometheus >/dev/null
fi
dpkg-deb -x prometheus_*.deb unpacked
mkdir -p "$tools"
install -m 755 unpacked/usr/bin/promtool "$tools/promtool"
"$tools/promtool" --version 2>&1 | head -n 1
