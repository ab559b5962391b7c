package org.divergence.core.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The codes of a project as a tree: lookups by id and GUID, children in order, and paths like "Parent/Child". */
public final class Codebook {

    public static final String PATH_SEPARATOR = "/";

    private final Map<Long, Code> byId = new HashMap<>();
    private final Map<String, Code> byGuid = new HashMap<>();
    private final Map<Long, List<Code>> children = new HashMap<>();

    public Codebook(List<Code> codes) {
        for (Code code : codes) {
            byId.put(code.id(), code);
            byGuid.put(code.guid(), code);
        }
        for (Code code : codes) {
            Long parent = code.parentId() != null && byId.containsKey(code.parentId()) ? code.parentId() : null;
            children.computeIfAbsent(parent == null ? 0L : parent, key -> new ArrayList<>()).add(code);
        }
        Comparator<Code> order = Comparator.comparingInt(Code::position).thenComparing(Code::name)
                .thenComparingLong(Code::id);
        children.values().forEach(list -> list.sort(order));
    }

    public static Codebook empty() {
        return new Codebook(List.of());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public int size() {
        return byId.size();
    }

    public Optional<Code> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Code> byGuid(String guid) {
        return Optional.ofNullable(byGuid.get(guid));
    }

    public List<Code> roots() {
        return Collections.unmodifiableList(children.getOrDefault(0L, List.of()));
    }

    public List<Code> children(long id) {
        return Collections.unmodifiableList(children.getOrDefault(id, List.of()));
    }

    /** All codes, depth first in tree order. */
    public List<Code> inTreeOrder() {
        List<Code> result = new ArrayList<>(byId.size());
        roots().forEach(root -> collect(root, result));
        return result;
    }

    /** The code and every code below it, depth first. */
    public List<Code> subtree(long id) {
        List<Code> result = new ArrayList<>();
        get(id).ifPresent(code -> collect(code, result));
        return result;
    }

    private void collect(Code code, List<Code> into) {
        into.add(code);
        children(code.id()).forEach(child -> collect(child, into));
    }

    /** True when {@code candidate} is {@code ancestor} itself or lies below it. */
    public boolean isWithin(long candidate, long ancestor) {
        Set<Long> seen = new LinkedHashSet<>();
        Code current = byId.get(candidate);
        while (current != null && seen.add(current.id())) {
            if (current.id() == ancestor) {
                return true;
            }
            current = current.parentId() == null ? null : byId.get(current.parentId());
        }
        return false;
    }

    public int depth(long id) {
        int depth = 0;
        Code current = byId.get(id);
        while (current != null && current.parentId() != null && depth < 1_000) {
            current = byId.get(current.parentId());
            depth++;
        }
        return depth;
    }

    /** "Parent/Child": the names from the root down, joined by '/'. */
    public String path(long id) {
        List<String> names = new ArrayList<>();
        Code current = byId.get(id);
        while (current != null && names.size() < 1_000) {
            names.addFirst(current.name());
            current = current.parentId() == null ? null : byId.get(current.parentId());
        }
        return String.join(PATH_SEPARATOR, names);
    }

    public Optional<Code> byPath(String path) {
        return byId.values().stream().filter(code -> path(code.id()).equals(path)).findFirst();
    }
}
