package org.divergence.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.divergence.core.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class GroupSplitsTest {

    @Test
    void builtInGroupings() {
        assertEquals("platform", GroupSplits.builtIn("platform").groupBy());
        assertEquals("repo_type", GroupSplits.builtIn("REPO_TYPE").groupBy());
        assertEquals(3, GroupSplits.REPO_TYPE.pairs().size());
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> GroupSplits.builtIn("tag:fine-tuned"));
        assertEquals("--by tag:fine-tuned: unknown grouping; use platform or repo_type", error.getMessage());
    }
}
