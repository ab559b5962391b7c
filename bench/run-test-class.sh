#!/usr/bin/env bash
# Runs a benchmark class from the test sources (it may use test-scope references such as DKPro Statistics) with the
# test classpath; JavaFX runs headless (Monocle) unless DISPLAY is set and HEADLESS=0.
# Usage: bench/run-test-class.sh CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MVN=${MVN:-mvn}
command -v mvnlock >/dev/null && MVN=mvnlock
$MVN -o -q test-compile
$MVN -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
FLAGS=(--enable-native-access=ALL-UNNAMED -Dprism.order=sw)
if [ "${HEADLESS:-1}" = "1" ] || [ -z "${DISPLAY:-}" ]; then
  FLAGS+=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.text=t2k)
fi
CLASS=$1
shift
"$JAVA_HOME/bin/java" "${FLAGS[@]}" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  "$CLASS" "$@"
