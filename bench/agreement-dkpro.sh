#!/usr/bin/env bash
# Unitizing alpha on the data of `bench agreement` (3 coders, 15,000 codings, 1 MB): the workbench's computation and
# DKPro Statistics 2.2.1's (the test-scope reference of ADR 0090) timed in the same run, and whether they agree.
# Usage: bench/agreement-dkpro.sh [CODINGS]
exec "$(dirname "$0")/run-test-class.sh" org.divergence.app.agreement.UnitizingAlphaDkproBenchmark "$@"
