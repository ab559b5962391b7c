#!/bin/sh
# The Parquet import target (docs/benchmarks.md, "Parquet import"): a 2-million-row Hugging Face models snapshot in ONE
# row group (tags and baseModels filled, 1 MiB pages), written by DuckDB from the test class path, imports in at most
# the time of the same rows as CSV, with -Xmx256m.
#
#   mvnlock -o -B -DskipTests package && mvnlock -o -q test-compile && bench/parquet-import.sh /tmp/parquet-bench 3
#
# Needs JAVA_HOME (JDK 25), Maven (for the test class path) and about 2 GB free in the work folder.
set -eu
WORK=$(realpath -m "$1")
REPEAT=${2:-3}
ROWS=${ROWS:-2000000}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
MVN=${MVN:-mvn}
mkdir -p "$WORK"
if [ ! -f "$WORK/hub-models.parquet" ]; then
    $MVN -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/test.classpath"
    "$JAVA" -cp "target/test-classes:target/classes:$(cat "$WORK/test.classpath")" \
        org.divergence.testsupport.ParquetFixtures "$WORK/hub-models.parquet" "$ROWS"
fi
"$JAVA" -jar target/divergence-workbench.jar bench parquet --file "$WORK/hub-models.parquet" --dir "$WORK" \
    --repeat "$REPEAT"
