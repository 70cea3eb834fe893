#!/usr/bin/env bash
# Builds what is needed and starts the whole of Ticklist on this machine: a real Kafka broker
# and Redis, the four services, a demo organisation. Needs only a JDK 21+. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
source bin/use-jdk21.sh
echo "Building Ticklist with $(java -version 2>&1 | head -n 1) (the first build also downloads dependencies)..."
./mvnw -q -B -DskipTests package
exec java -jar devstack/target/devstack.jar "$@"
