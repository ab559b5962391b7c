package org.divergence.gui.coding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coding;

/**
 * The coding stripes of the editor's margin, as NVivo and MAXQDA draw them: in each paragraph (a speaker turn), one
 * labelled stripe per code that codes some of it, or per code and coder when several coders' codings show, so two
 * codes in one turn are two stripes. Stripes follow the codebook's order, so a code keeps its place from turn to turn.
 * Pure computation on code point offsets, tested without a toolkit.
 */
final class CodingStripes {

    /** One stripe: what it shows, its colour, and the codings it stands for in the paragraph (first one first). */
    record Stripe(long codeId, long coderId, String label, String path, String color, List<Coding> codings) {

        Coding first() {
            return codings.getFirst();
        }
    }

    /** What one stripe stands for: a code, or a code and a coder. */
    private record Key(long codeId, long coderId) {
        static Key of(Coding coding, boolean perCoder) {
            return new Key(coding.codeId(), perCoder ? coding.coderId() : -1);
        }
    }

    private CodingStripes() {
    }

    /**
     * The most stripes any paragraph has: the margin is made that wide, so the text does not move from paragraph
     * to paragraph. {@code paragraphStarts} are the paragraphs' first code points, ascending, from 0.
     */
    static int mostPerParagraph(int[] paragraphStarts, List<Coding> codings, boolean perCoder) {
        Map<Integer, Set<Key>> keys = new HashMap<>();
        int most = 0;
        for (Coding coding : codings) {
            int first = paragraphOf(paragraphStarts, coding.start());
            int last = paragraphOf(paragraphStarts, Math.max(coding.start(), coding.end() - 1));
            Key key = Key.of(coding, perCoder);
            for (int paragraph = first; paragraph <= last; paragraph++) {
                Set<Key> here = keys.computeIfAbsent(paragraph, p -> new HashSet<>());
                if (here.add(key)) {
                    most = Math.max(most, here.size());
                }
            }
        }
        return most;
    }

    private static int paragraphOf(int[] paragraphStarts, int position) {
        int found = Arrays.binarySearch(paragraphStarts, position);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }

    /** Whether the codings are by more than one coder: then each coder's codings get their own stripes. */
    static boolean severalCoders(List<Coding> codings) {
        return codings.stream().map(Coding::coderId).distinct().limit(2).count() > 1;
    }

    /**
     * The stripes of the paragraph [start, end) (code points; an empty paragraph counts as one position), in the
     * codebook's order, then by coder name.
     */
    static List<Stripe> of(int start, int end, List<Coding> codings, Codebook codebook, boolean perCoder,
                           LongFunction<String> coderName) {
        Map<Long, Integer> order = new HashMap<>();
        List<Code> inTreeOrder = codebook.inTreeOrder();
        for (int i = 0; i < inTreeOrder.size(); i++) {
            order.put(inTreeOrder.get(i).id(), i);
        }
        Map<Key, List<Coding>> byKey = new LinkedHashMap<>();
        int last = Math.max(end, start + 1);
        for (Coding coding : codings) {
            if (coding.start() < last && coding.end() > start) {
                byKey.computeIfAbsent(Key.of(coding, perCoder), key -> new ArrayList<>()).add(coding);
            }
        }
        List<Stripe> stripes = new ArrayList<>();
        byKey.forEach((key, list) -> {
            list.sort(Comparator.comparingInt(Coding::start));
            Code code = codebook.get(key.codeId()).orElse(null);
            String name = code == null ? "?" : code.name();
            String coder = perCoder ? coderName.apply(key.coderId()) : null;
            String color = code == null || code.color() == null ? "#999999" : code.color();
            stripes.add(new Stripe(key.codeId(), key.coderId(), coder == null ? name : coder + " · " + name,
                    code == null ? "?" : codebook.path(code.id()), color, List.copyOf(list)));
        });
        stripes.sort(Comparator.comparingInt((Stripe stripe) -> order.getOrDefault(stripe.codeId(), Integer.MAX_VALUE))
                .thenComparing(stripe -> perCoder ? coderName.apply(stripe.coderId()) : ""));
        return stripes;
    }
}
