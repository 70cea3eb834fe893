#!/usr/bin/env bash
# Builds Ticklist and runs the progress-service rebuild benchmark once.
# Usage (from anywhere): benchmarks/run.sh [--events=200000] [--learners=2000] [--timeout-minutes=15] [--service-heap=512m]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/use-jdk21.sh
# The whole build, so progress-service's jar is the current code (the benchmark starts that jar).
./mvnw -q -B -DskipTests package
# Until the root pom lists the module, the reactor build above skips it: build it on its own
# (events and test-support then come from ~/.m2, as installed by the last `./mvnw install`).
if ! grep -q '<module>benchmarks</module>' pom.xml; then
  ./mvnw -q -B -DskipTests -f benchmarks/pom.xml package
fi
exec java -jar benchmarks/target/benchmarks.jar "$@"
