#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's Chromium through its ChromeDriver. Installs both
# when either is missing (as root, or with sudo); does nothing when they are there.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
as_root=()
if [ "$(id -u)" != 0 ]; then
  as_root=(sudo)
fi
echo "Installing Chromium and ChromeDriver for the browser tests (Debian's chromium, chromium-driver)..."
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y -q chromium chromium-driver >/dev/null; then
  "${as_root[@]}" apt-get update -q >/dev/null
  "${as_root[@]}" apt-get install -y -q chromium chromium-driver >/dev/null
fi
