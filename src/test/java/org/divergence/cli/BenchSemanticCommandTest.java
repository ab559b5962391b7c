package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.Test;

/** A small run of {@code bench semantic}: the figures are printed (their values are for people, not asserted). */
class BenchSemanticCommandTest {

    @Test
    void printsPrecisionRecallAndTimings() {
        CliRun run = CliRun.of("bench", "semantic", "--bytes", "20000", "--runs", "1");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("all codes (pooled)") && run.out().contains("precision"), run.out());
        assertTrue(run.out().contains("Query        by meaning after opening the project"), run.out());
    }
}
