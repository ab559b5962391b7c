package org.divergence.core.refi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts occurrences of report lines ("PDF regions", "links between sources"), keeping first-seen order. */
public final class Tally {

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public void add(String what) {
        add(what, 1);
    }

    public void add(String what, int count) {
        if (count > 0) {
            counts.merge(what, count, Integer::sum);
        }
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** "what" when it occurred once, "N × what" otherwise. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        counts.forEach((what, count) -> lines.add(count == 1 ? what : count + " \u00D7 " + what));
        return lines;
    }
}
