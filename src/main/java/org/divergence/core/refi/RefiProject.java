package org.divergence.core.refi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a REFI-QDA project carries that the workbench can hold, independent of the XML: users, the code tree,
 * variables, cases, text sources with their codings, and notes. The QDPX reader and the reader of another project
 * produce it; the merger writes it into a project; the exporter builds it from one. Offsets count code points of
 * the source's text as given; {@link #notCarried} lists what the reader found but this model cannot hold, {@link #adjusted} what it had to change to
 * hold it (e.g. GUIDs that do not conform).
 */
public record RefiProject(String name, String origin, String creatingUserGuid, List<User> users, List<Code> codes,
                          List<Variable> variables, List<Case> cases, List<Source> sources, List<Note> notes,
                          List<String> notCarried, List<String> adjusted) {

    public RefiProject {
        users = List.copyOf(users);
        codes = List.copyOf(codes);
        variables = List.copyOf(variables);
        cases = List.copyOf(cases);
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        notCarried = List.copyOf(notCarried);
        adjusted = List.copyOf(adjusted);
    }

    /** A person; becomes a coder, identified by name. */
    public record User(String guid, String name) {
    }

    /** A code with its children; the colour is "#RRGGBB" or null. */
    public record Code(String guid, String name, String color, Definition definition, List<Code> children) {
        public Code {
            children = List.copyOf(children);
            definition = definition == null ? Definition.EMPTY : definition;
        }
    }

    /** What a code means: its description and, kept apart in the workbench, when to apply it and an example. */
    public record Definition(String description, String inclusion, String exclusion, String example) {
        public static final Definition EMPTY = new Definition(null, null, null, null);
    }

    public enum VariableType { TEXT, BOOLEAN, INTEGER, FLOAT, DATE, DATETIME }

    /** A case attribute. */
    public record Variable(String guid, String name, VariableType type) {
    }

    /** An interviewee: attribute values by variable GUID, and the GUIDs of its sources. */
    public record Case(String guid, String name, String description, Map<String, String> values,
                       List<String> sourceGuids) {
        public Case {
            values = new LinkedHashMap<>(values);
            sourceGuids = List.copyOf(sourceGuids);
        }
    }

    /** A text source: its plain text as given and the codings on it. */
    public record Source(String guid, String name, String text, String createdAt, List<Coding> codings) {
        public Source {
            codings = List.copyOf(codings);
        }
    }

    /** A code applied by a user to code points [start, end) of the source's text. */
    public record Coding(String guid, String codeGuid, String userGuid, int start, int end, String createdAt) {
    }

    /** What a note is attached to. */
    public enum NoteTarget { PROJECT, SOURCE, CODE, CODING, CASE }

    /** A memo; {@code targetGuid} is null for a project note. */
    public record Note(String guid, String name, String text, String userGuid, String createdAt, String modifiedAt,
                       NoteTarget target, String targetGuid) {
    }

    /** All codes of the tree, depth first. */
    public List<Code> allCodes() {
        List<Code> all = new ArrayList<>();
        collect(codes, all);
        return all;
    }

    private static void collect(List<Code> level, List<Code> into) {
        for (Code code : level) {
            into.add(code);
            collect(code.children(), into);
        }
    }

    public int codingCount() {
        return sources.stream().mapToInt(source -> source.codings().size()).sum();
    }
}
