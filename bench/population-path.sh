#!/usr/bin/env bash
# Issue 21's whole path against local fakes of both APIs: import a population (Hub models snapshot in Parquet and a
# GitHub list in CSV), draw 500 with a reserve, crawl the list (one repository gone: replaced from the reserve),
# compare. It runs from the test classpath: the fake APIs (MockWebServer) and DuckDB are test dependencies.
# The fake GitHub takes any token; one read from the environment keeps the crawl at the token's published rate.
set -euo pipefail
DIVERGENCE_FAKE_TOKEN=fake-token exec "$(dirname "$0")/run-test-class.sh" org.divergence.app.collect.PopulationPath "$@"
