package org.divergence.gui.coding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.SpeakerTurn;
import org.divergence.core.text.CodePointIndex;

/**
 * Computes the editor's inline styles for a range of the text: a tinted background in the colour of the innermost
 * coding, an underline in the next one's colour where codings overlap, and bold speaker labels. Pure computation on
 * UTF-16 offsets, so it is tested without a toolkit and only the changed range is restyled after an edit.
 */
final class CodeStyles {

    /** A run of text with one style. */
    record Run(String style, int length) {
    }

    static final String LABEL_STYLE = "-fx-font-weight: bold; -fx-fill: -color-accent-fg;";

    private CodeStyles() {
    }

    /**
     * Styles for UTF-16 offsets [from, to) given the visible codings (code point offsets, any order) and turns.
     */
    static List<Run> runs(int from, int to, List<Coding> codings, List<SpeakerTurn> turns, CodePointIndex index,
                          Codebook codebook) {
        List<Run> runs = new ArrayList<>();
        if (to <= from) {
            return runs;
        }
        record Span(int start, int end, String color, boolean label) {
        }
        List<Span> spans = new ArrayList<>();
        for (Coding coding : codings) {
            int start = index.toUtf16(Math.min(coding.start(), index.codePointLength()));
            int end = index.toUtf16(Math.min(coding.end(), index.codePointLength()));
            if (start < to && end > from) {
                String color = codebook.get(coding.codeId()).map(Code::color).orElse("#999999");
                spans.add(new Span(Math.max(start, from), Math.min(end, to), color == null ? "#999999" : color, false));
            }
        }
        for (SpeakerTurn turn : turns) {
            if (turn.labelEnd() > turn.start()) {
                int start = index.toUtf16(turn.start());
                int end = index.toUtf16(turn.labelEnd());
                if (start < to && end > from) {
                    spans.add(new Span(Math.max(start, from), Math.min(end, to), null, true));
                }
            }
        }
        int[] cuts = new int[spans.size() * 2 + 2];
        int n = 0;
        cuts[n++] = from;
        cuts[n++] = to;
        for (Span span : spans) {
            cuts[n++] = span.start();
            cuts[n++] = span.end();
        }
        int[] points = Arrays.stream(cuts, 0, n).distinct().sorted().toArray();
        spans.sort(Comparator.comparingInt(Span::start));
        List<Span> active = new ArrayList<>();
        int next = 0;
        Map<String, String> cache = new HashMap<>();
        for (int i = 0; i + 1 < points.length; i++) {
            int start = points[i];
            int end = points[i + 1];
            active.removeIf(span -> span.end() <= start);
            while (next < spans.size() && spans.get(next).start() <= start) {
                if (spans.get(next).end() > start) {
                    active.add(spans.get(next));
                }
                next++;
            }
            boolean label = false;
            List<Span> coded = new ArrayList<>(2);
            for (Span span : active) {
                if (span.label()) {
                    label = true;
                } else {
                    coded.add(span);
                }
            }
            coded.sort(Comparator.comparingInt((Span span) -> span.end() - span.start()));
            String key = (label ? "L" : "") + (coded.isEmpty() ? "" : coded.getFirst().color())
                    + (coded.size() > 1 ? "/" + coded.get(1).color() : "");
            String style = cache.get(key);
            if (style == null) {
                style = style(label, coded.isEmpty() ? null : coded.getFirst().color(),
                        coded.size() > 1 ? coded.get(1).color() : null);
                cache.put(key, style);
            }
            if (!runs.isEmpty() && runs.getLast().style().equals(style)) {
                Run last = runs.removeLast();
                runs.add(new Run(style, last.length() + end - start));
            } else {
                runs.add(new Run(style, end - start));
            }
        }
        return runs;
    }

    static String style(boolean label, String color, String secondColor) {
        StringBuilder style = new StringBuilder();
        if (label) {
            style.append(LABEL_STYLE);
        }
        if (color != null) {
            style.append("-rtfx-background-color: ").append(rgba(color, 0.30)).append(';');
        }
        if (secondColor != null) {
            style.append("-rtfx-underline-color: ").append(secondColor).append("; -rtfx-underline-width: 2.5;");
        }
        return style.toString();
    }

    static String rgba(String hex, double alpha) {
        try {
            int rgb = Integer.parseInt(hex.substring(1), 16);
            return "rgba(" + ((rgb >> 16) & 0xFF) + "," + ((rgb >> 8) & 0xFF) + "," + (rgb & 0xFF) + "," + alpha + ")";
        } catch (RuntimeException e) {
            return "rgba(153,153,153," + alpha + ")";
        }
    }
}
