package org.divergence.core.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageIndexTest {

    private static float[] unit(double angle) {
        return new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
    }

    private final PassageIndex index = new PassageIndex(
            List.of(new PassageIndex.Entry(2, 0, 5), new PassageIndex.Entry(1, 10, 20), new PassageIndex.Entry(1, 0, 5),
                    new PassageIndex.Entry(3, 0, 5)),
            List.of(unit(0.5), unit(0.1), unit(0.5), unit(3.0)), 2);

    @Test
    void nearestIsBestFirstWithTiesInDocumentOrder() {
        List<PassageIndex.Scored> nearest = index.nearest(unit(0), 3);
        assertEquals(List.of(new PassageIndex.Entry(1, 10, 20), new PassageIndex.Entry(1, 0, 5),
                new PassageIndex.Entry(2, 0, 5)), nearest.stream().map(PassageIndex.Scored::entry).toList());
        assertEquals(Math.cos(0.1), nearest.getFirst().score(), 1e-6);
    }

    @Test
    void suggestionsScoreByTheClosestExampleAndKeepOnlyCandidatesAboveTheThreshold() {
        List<Integer> examples = Suggestions.rowsOverlapping(index, List.of(new PassageIndex.Entry(1, 12, 13)));
        assertEquals(List.of(1), examples);
        List<Suggestions.Suggestion> found = Suggestions.score(index, examples, row -> !examples.contains(row), 0.5);
        assertEquals(List.of(2, 0), found.stream().map(s -> s.passage().row()).toList());
        assertEquals(1, found.getFirst().closestExampleRow());
        assertEquals(Math.cos(0.4), found.getFirst().score(), 1e-6);
    }
}
