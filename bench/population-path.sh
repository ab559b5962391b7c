#!/usr/bin/env bash
# Issue 21's whole path against local fakes of both APIs: import a population (Hub models snapshot in Parquet and a
# GitHub list in CSV), draw 500 with a reserve, crawl the list (one repository gone: replaced from the reserve),
# compare. It runs from the test classpath: the fake APIs (MockWebServer) and DuckDB are test dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MVN=${MVN:-mvn}
command -v mvnlock >/dev/null && MVN=mvnlock
$MVN -o -q test-compile
$MVN -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
DIVERGENCE_FAKE_TOKEN=fake-token "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.divergence.app.collect.PopulationPath "$@"
