#!/usr/bin/env bash
# The GUI half of `bench coding`: opens a 1 MB transcript with 5,000 codings in the real coding editor and times it.
# Runs headless (Monocle) unless DISPLAY is set and HEADLESS=0. Usage: bench/coding-editor.sh [BYTES] [CODINGS]
exec "$(dirname "$0")/run-test-class.sh" org.divergence.gui.coding.CodingEditorBenchmark "$@"
