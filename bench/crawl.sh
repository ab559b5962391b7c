#!/usr/bin/env bash
# The crawl benchmark (issue 21 part 3): a local fake GitHub with 100 ms latency per answer and a stated limit of 50
# calls per second; throughput per concurrency level next to min(limit, concurrency / latency), and the most
# requests the server saw in any one-second window. Usage: bench/crawl.sh [REPOSITORIES]   (default 64)
# It runs from the test classpath: the fake API (MockWebServer) is a test dependency, not part of the app.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MVN=${MVN:-mvn}
command -v mvnlock >/dev/null && MVN=mvnlock
$MVN -o -q test-compile
$MVN -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.divergence.app.collect.CrawlBenchmark "$@"
