#!/bin/sh
# Issue 23's import budget: the work added for the other targets may slow the study-sized import by at most 20%.
# Imports the study-sized CSV (`generate-sample --study-size`, or any CSV given) with two jars alternately, each in a new
# project with -Xmx256m, and the sqlite3 shell's .import beside them; prints wall and CPU seconds per run and the
# median ratio of the second jar to the first. The reference jar is built from an earlier commit, e.g.
#
#   git worktree add /tmp/before 9713a93 && (cd /tmp/before && mvn -o -q -DskipTests package)
#   bench/import-ab.sh /tmp/before/target/divergence-workbench.jar target/divergence-workbench.jar 5 [study.csv]
#
# 9713a93 is the last commit before the metric summary (ADR 0135) and the stored digests (ADR 0136) were added.
set -eu
BEFORE=$(realpath "$1")
AFTER=$(realpath "$2")
ROUNDS=${3:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
CSV=${4:-}
if [ -z "$CSV" ]; then
    CSV="$WORK/study.csv"
    "$JAVA" -jar "$AFTER" generate-sample --study-size --out "$CSV" > /dev/null
fi
echo "import of $CSV, $ROUNDS rounds; load $(cut -d' ' -f1-3 /proc/loadavg)"
timed() { # label command...: prints "label wall cpu" and appends the wall time to WORK/label
    label=$1; shift
    if ! /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" > "$WORK/output" 2>&1; then
        echo "import-ab: $label failed (JDK 25 needs JAVA_HOME):" >&2
        cat "$WORK/output" >&2
        exit 1
    fi
    read -r wall user system < "$WORK/time"
    echo "$wall" >> "$WORK/$label"
    printf '  %-8s %6.2f s wall, %6.2f s CPU\n' "$label" "$wall" "$(echo "$user + $system" | bc)"
}
for round in $(seq 1 "$ROUNDS"); do
    echo "round $round (load $(cut -d' ' -f1 /proc/loadavg))"
    rm -rf "$WORK"/before.divergence* "$WORK"/after.divergence* "$WORK/sqlite.db"
    timed before "$JAVA" -Xmx256m -jar "$BEFORE" import --project "$WORK/before.divergence" "$CSV"
    timed after "$JAVA" -Xmx256m -jar "$AFTER" import --project "$WORK/after.divergence" "$CSV"
    timed sqlite3 sqlite3 "$WORK/sqlite.db" ".mode csv" ".import $CSV repository"
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
paste "$WORK/after" "$WORK/before" | awk '{printf "%.4f\n", $1 / $2}' > "$WORK/ratios"
b=$(median "$WORK/before"); a=$(median "$WORK/after"); s=$(median "$WORK/sqlite3")
echo "median wall: before $b s, after $a s (ratio of the medians $(echo "scale=3; $a / $b" | bc)), sqlite3 .import $s s"
# Runs drift together on a shared machine: the ratio within each round says more than the ratio of the medians.
echo "after / before in each round: median $(median "$WORK/ratios"), from $(sort -n "$WORK/ratios" | head -1) to $(sort -n "$WORK/ratios" | tail -1)"
