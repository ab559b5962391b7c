#!/usr/bin/env bash
# The GUI half of `bench coding`: opens a 1 MB transcript with 5,000 codings in the real coding editor and times it.
# Runs headless (Monocle) unless DISPLAY is set and HEADLESS=0. Usage: bench/coding-editor.sh [BYTES] [CODINGS]
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
"$JAVA_HOME/bin/java" "${FLAGS[@]}" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.divergence.gui.coding.CodingEditorBenchmark "$@"
