package org.divergence.gui.coding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;

/**
 * The order quick code (Ctrl+K) offers codes in: the best matches of what was typed first (the name itself, then
 * names starting with it, a word of the name starting with it, names containing it, paths containing it, and
 * last the names holding its letters in order), and within each the recent codes first, then codes one applies
 * before the groups that hold them (a parent code comes after the codes under it), then the codebook's order. With
 * nothing typed, the recent codes come first. Pure computation, tested without a toolkit.
 */
final class CodeRanking {

    private CodeRanking() {
    }

    static List<Code> rank(Codebook codebook, List<Code> recent, String query) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Map<Long, Integer> recency = new HashMap<>();
        for (int i = 0; i < recent.size(); i++) {
            recency.putIfAbsent(recent.get(i).id(), i);
        }
        List<Code> inTreeOrder = codebook.inTreeOrder();
        Map<Long, Integer> treeOrder = new HashMap<>();
        for (int i = 0; i < inTreeOrder.size(); i++) {
            treeOrder.put(inTreeOrder.get(i).id(), i);
        }
        record Ranked(Code code, int match) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Code code : inTreeOrder) {
            int match = match(code.name().toLowerCase(Locale.ROOT),
                    codebook.path(code.id()).toLowerCase(Locale.ROOT), needle);
            if (match >= 0) {
                ranked.add(new Ranked(code, match));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::match)
                .thenComparingInt(r -> recency.getOrDefault(r.code().id(), Integer.MAX_VALUE))
                .thenComparing(r -> !codebook.children(r.code().id()).isEmpty())
                .thenComparingInt(r -> treeOrder.get(r.code().id())));
        return ranked.stream().map(Ranked::code).toList();
    }

    /** How well a code matches: 0 best … 5 worst, -1 not at all. */
    static int match(String name, String path, String needle) {
        if (needle.isEmpty()) {
            return 0;
        }
        if (name.equals(needle)) {
            return 0;
        }
        if (name.startsWith(needle)) {
            return 1;
        }
        for (String word : name.split("[^\\p{L}\\p{N}]+")) {
            if (word.startsWith(needle)) {
                return 2;
            }
        }
        if (name.contains(needle)) {
            return 3;
        }
        if (path.contains(needle)) {
            return 4;
        }
        return inOrder(name, needle) ? 5 : -1;
    }

    private static boolean inOrder(String name, String needle) {
        int at = 0;
        for (int i = 0; i < needle.length(); i++) {
            char c = needle.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            at = name.indexOf(c, at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }
}
