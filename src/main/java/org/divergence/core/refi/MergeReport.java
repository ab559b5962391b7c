package org.divergence.core.refi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import or merge did: per kind of item, how many matched an item of the project (by GUID, or otherwise: by
 * name, path or text) and how many were added; what could not be carried; what had to be adjusted; and notable
 * matches (e.g. a code matched by GUID that has another name here).
 */
public final class MergeReport {

    public enum Item {
        CODERS("coders", "by name"),
        CODES("codes", "by path"),
        ATTRIBUTES("case attributes", "by name"),
        CASES("cases", "by name"),
        TRANSCRIPTS("transcripts", "by text"),
        CODINGS("codings", "already present"),
        MEMOS("memos", "already present");

        private final String label;
        private final String otherMatch;

        Item(String label, String otherMatch) {
            this.label = label;
            this.otherMatch = otherMatch;
        }

        public String label() {
            return label;
        }
    }

    /** For codings and memos, {@code matchedOtherwise} counts those already in the project. */
    public record Count(int matchedByGuid, int matchedOtherwise, int added) {
        public int matched() {
            return matchedByGuid + matchedOtherwise;
        }
    }

    private final String source;
    private final String origin;
    private final Map<Item, int[]> counts = new EnumMap<>(Item.class);
    private final Tally notCarried = new Tally();
    private final Tally adjusted = new Tally();
    private final List<String> details = new ArrayList<>();
    private final List<String> readerNotCarried;
    private final List<String> readerAdjusted;

    public MergeReport(String source, String origin, List<String> readerNotCarried, List<String> readerAdjusted) {
        this.source = source;
        this.origin = origin;
        this.readerNotCarried = List.copyOf(readerNotCarried);
        this.readerAdjusted = List.copyOf(readerAdjusted);
        for (Item item : Item.values()) {
            counts.put(item, new int[3]);
        }
    }

    public void matchedByGuid(Item item) {
        counts.get(item)[0]++;
    }

    public void matchedOtherwise(Item item) {
        counts.get(item)[1]++;
    }

    public void added(Item item) {
        counts.get(item)[2]++;
    }

    public void notCarried(String what) {
        notCarried.add(what);
    }

    public void adjusted(String what) {
        adjusted.add(what);
    }

    public void detail(String line) {
        if (details.size() < 200) {
            details.add(line);
        } else if (details.size() == 200) {
            details.add("… (more matches not listed)");
        }
    }

    public String source() {
        return source;
    }

    public String origin() {
        return origin;
    }

    public Count count(Item item) {
        int[] c = counts.get(item);
        return new Count(c[0], c[1], c[2]);
    }

    /** What the project could not carry: the reader's findings, then the merger's. */
    public List<String> notCarried() {
        List<String> all = new ArrayList<>(readerNotCarried);
        all.addAll(notCarried.lines());
        return all;
    }

    public List<String> adjusted() {
        List<String> all = new ArrayList<>(readerAdjusted);
        all.addAll(adjusted.lines());
        return all;
    }

    public List<String> details() {
        return List.copyOf(details);
    }

    /** The report as text: one line per kind of item, then the lists. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Imported ").append(source).append(origin == null || origin.isBlank() ? "" : " (from " + origin
                + ")").append(":\n");
        for (Item item : Item.values()) {
            Count c = count(item);
            out.append("  ").append(item.label).append(": ").append(c.added()).append(" added");
            if (item == Item.CODINGS || item == Item.MEMOS) {
                out.append(", ").append(c.matchedOtherwise()).append(' ').append(item.otherMatch);
            } else {
                out.append(", ").append(c.matched()).append(" matched (").append(c.matchedByGuid())
                        .append(" by GUID, ").append(c.matchedOtherwise()).append(' ').append(item.otherMatch)
                        .append(')');
            }
            out.append('\n');
        }
        section(out, "Not carried (the workbench cannot hold these)", notCarried());
        section(out, "Adjusted", adjusted());
        section(out, "Matches to check", details());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append(":\n");
        lines.forEach(line -> out.append("  - ").append(line).append('\n'));
    }
}
