#!/usr/bin/env bash
# Unitizing alpha on the data of `bench agreement` (3 coders, 15,000 codings, 1 MB): the workbench's computation and
# DKPro Statistics 2.2.1's (the test-scope reference of ADR 0090) timed in the same run, and whether they agree.
# Usage: bench/agreement-dkpro.sh [CODINGS]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MVN=${MVN:-mvn}
command -v mvnlock >/dev/null && MVN=mvnlock
$MVN -o -q test-compile
$MVN -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.divergence.app.agreement.UnitizingAlphaDkproBenchmark "$@"
