package org.divergence.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class Log1pAxisTest {

    @Test
    void ticksAreRoundValuesOfTheOriginalScale() {
        assertEquals(List.of(0.0, 1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0),
                Log1pAxis.choose(0, 2_000_000, 10));
        assertEquals(List.of(0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0), Log1pAxis.choose(0, 150, 10));
        assertEquals(List.of(0.8, 1.0, 1.2, 1.4, 1.6), Log1pAxis.choose(0.75, 1.7, 6));
        assertEquals("0", Log1pAxis.label(0));
        assertEquals("5,000", Log1pAxis.label(5000));
        assertEquals("20k", Log1pAxis.label(20_000));
        assertEquals("2.5M", Log1pAxis.label(2_500_000));
        assertEquals("0.25", Log1pAxis.label(0.25));
    }
}
