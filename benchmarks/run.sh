#!/usr/bin/env bash
# Builds Ticklist and runs the progress-service rebuild benchmark once.
# Usage (from anywhere): benchmarks/run.sh [--events=200000] [--learners=2000]
#   [--distribution=round-robin|sessions] [--live-rates=2000,50000] [--live-seconds=20] [--timeout-minutes=15]
#   [--service-heap=512m] [--service-jvm-option=<option>]...
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/use-jdk21.sh
# The whole build, so progress-service's jar is the current code (the benchmark starts that jar).
./mvnw -q -B -DskipTests package
exec java -jar benchmarks/target/benchmarks.jar "$@"
