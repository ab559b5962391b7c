#!/bin/sh
# Tag benchmarks on the study-sized synthetic sample (2,869,319 repositories); figures in docs/benchmarks.md.
#
#   mvn -B -DskipTests package && bench/tags.sh target/divergence-workbench.jar /tmp/tag-bench
#
# Needs JAVA_HOME (JDK 25) and about 3 GB free in the work folder. Each step prints its wall time.
set -eu
JAR=$(realpath "$1")
WORK=$2
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$WORK"
cd "$WORK"
run() { "$JAVA" -jar "$JAR" "$@" 2>/dev/null; }
timed() { label=$1; shift; /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" "$JAVA" -jar "$JAR" "$@" 2>&1 >/dev/null | grep wall; }

[ -f study.csv ] || run generate-sample --study-size --out study.csv
rm -f study.divergence* fresh.divergence* norules.divergence*
timed "import, no rules" import --project study.divergence study.csv
run transcripts starter-codebook --project study.divergence
cp study.divergence norules.divergence
RULE1="platform = huggingface AND repo_type = model"
RULE2="extra.pipeline_tag = 'text-generation'"
RULE3="commits > 100 OR (platform = huggingface AND likes >= 10)"
for rule in "$RULE1" "$RULE2" "$RULE3"; do
    timed "save rule [$rule]" tag --project study.divergence --name "Compute requirements" --rule "$rule"
done
run tag --project study.divergence --list
timed "compare --by platform" compare --project study.divergence --json
timed "compare --by tag" compare --project study.divergence --by "tag:Compute requirements" --json
head -1 study.csv > update.csv
sed -n '1400000,1420000p' study.csv >> update.csv
timed "import 20,001 updated rows, 3 rules" import --project study.divergence update.csv
timed "import 20,001 updated rows, no rules" import --project norules.divergence update.csv
run transcripts starter-codebook --project fresh.divergence
for rule in "$RULE1" "$RULE2" "$RULE3"; do
    run tag --project fresh.divergence --name "Compute requirements" --rule "$rule" >/dev/null
done
timed "first import of the whole sample, 3 rules saved before" import --project fresh.divergence study.csv
