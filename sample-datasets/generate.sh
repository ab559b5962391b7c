#!/usr/bin/env bash
# Regenerates the bundled synthetic repository sample (deterministic: same seed, same bytes).
# Run from the project root after `mvn -B -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")/.."
java -jar target/divergence-workbench.jar generate-sample --seed 20260426 --github 1992 --huggingface 2008 \
  --out sample-datasets/repositories-sample.csv
