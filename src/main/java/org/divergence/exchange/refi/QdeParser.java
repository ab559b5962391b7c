package org.divergence.exchange.refi;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.LimitExceededException;
import org.divergence.core.refi.CodeDefinitions;
import org.divergence.core.refi.Guids;
import org.divergence.core.refi.RefiColors;
import org.divergence.core.refi.RefiProject;
import org.divergence.core.refi.Tally;
import org.divergence.core.text.TextLimits;
import org.divergence.exchange.common.Refusal;
import org.divergence.exchange.common.SafeXml;

/**
 * Reads a REFI-QDA project document (project.qde) or codebook (.qdc) by streaming, into a {@link RefiProject}.
 * Lenient where real exports deviate: elements are matched by local name whatever their namespace, GUIDs that do not
 * conform get stable derived ones, colours in other notations are read, missing names get defaults. What the model
 * cannot hold (pictures, PDF regions, audio and video, sets, graphs, links) is counted in the result's "not carried"
 * list instead of being dropped silently.
 */
public final class QdeParser {

    /** Where the texts of sources and notes come from (the archive's files). */
    interface Texts {
        /** The plain text at a REFI path (internal://…), or null when it cannot be had; problems go to the tallies. */
        String plainText(String path, String owner, Tally notCarried, Tally adjusted);

        /** The text of a rich-text file (a .docx) at a REFI path, or null. */
        String richText(String path, String owner, Tally notCarried, Tally adjusted);
    }

    /**
     * Elements in one document: the model holds an object for most of them, so this bounds its memory (about 100 MB
     * at the limit) whatever the document's size; real projects have a few thousand (a code, a coding and its
     * selection are an element each, plus a reference or two).
     */
    static final int MAX_ELEMENTS = 500_000;
    /** A description, a note or a value held as text: as long as an XML tag may be (see {@link SafeXml}). */
    static final long MAX_ELEMENT_TEXT_CHARS = SafeXml.MAX_MARKUP_CHARS;

    private final XMLStreamReader xml;
    private final String where;
    private final Texts texts;
    private final Tally notCarried = new Tally();
    private final Tally adjusted = new Tally();
    private final Map<String, String> guidsSeen = new HashMap<>();
    /** Note GUID → where a NoteRef points at it (first one wins). */
    private final Map<String, NoteLink> noteLinks = new LinkedHashMap<>();
    private final List<RefiProject.Note> rawNotes = new ArrayList<>();
    private int nonConformingGuids;
    private int codesCounter;
    private int elements;

    private record NoteLink(RefiProject.NoteTarget target, String targetGuid) {
    }

    private QdeParser(XMLStreamReader xml, String where, Texts texts) {
        this.xml = xml;
        this.where = where;
        this.texts = texts;
    }

    /** Parses a project document; {@code where} names it in messages ("study.qdpx › project.qde"). */
    static RefiProject parseProject(InputStream in, String where, Texts texts) {
        QdeParser parser = new QdeParser(SafeXml.reader(in, where), where, texts);
        return parser.run(true);
    }

    /** Parses a codebook document (.qdc): a project with codes only. */
    public static RefiProject parseCodebook(InputStream in, String where) {
        QdeParser parser = new QdeParser(SafeXml.reader(in, where), where, null);
        return parser.run(false);
    }

    private RefiProject run(boolean project) {
        try {
            String root = root();
            if (project && !root.equals("Project")) {
                throw invalid("the root element is <" + root + ">, not <Project>"
                        + (root.equals("CodeBook") ? " (this is a codebook: import it as .qdc)" : ""));
            }
            if (!project && !root.equals("CodeBook")) {
                throw invalid("the root element is <" + root + ">, not <CodeBook>");
            }
            return project ? project() : codebookDocument();
        } catch (XMLStreamException e) {
            InvalidInputException limit = SafeXml.refusalIn(e);
            throw limit != null ? limit : invalid(e);
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            InvalidInputException limit = SafeXml.refusalIn(e);
            if (limit != null) {
                throw limit;
            }
            // The StAX implementation wraps some malformations in runtime exceptions.
            throw Refusal.of(where + ": is not a readable REFI-QDA document; nothing was imported", e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Closing a reader over bytes in memory.
            }
        }
    }

    private String root() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw invalid("it declares a document type (DTD); REFI-QDA documents have none, and DTDs are refused "
                        + "so that a file cannot make the workbench read other files or expand entities");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return xml.getLocalName();
            }
        }
        throw invalid("the document is empty");
    }

    // ---------------------------------------------------------------------------------------------------- project

    private RefiProject project() throws XMLStreamException {
        String name = attribute("name");
        String origin = attribute("origin");
        String creatingUser = guid(attribute("creatingUserGUID"), false);
        List<RefiProject.User> users = new ArrayList<>();
        List<RefiProject.Code> codes = new ArrayList<>();
        List<RefiProject.Variable> variables = new ArrayList<>();
        List<RefiProject.Case> cases = new ArrayList<>();
        List<RefiProject.Source> sources = new ArrayList<>();
        List<String[]> links = new ArrayList<>();
        children(child -> {
            switch (child) {
                case "Users" -> children(user -> {
                    if (user.equals("User")) {
                        users.add(user());
                    } else {
                        unknown(user);
                    }
                });
                case "CodeBook" -> codes.addAll(codebook());
                case "Variables" -> children(variable -> {
                    if (variable.equals("Variable")) {
                        variables.add(variable());
                    } else {
                        unknown(variable);
                    }
                });
                case "Cases" -> children(item -> {
                    if (item.equals("Case")) {
                        cases.add(caseElement());
                    } else {
                        unknown(item);
                    }
                });
                case "Sources" -> children(source -> source(source, sources));
                case "Notes" -> children(note -> {
                    if (note.equals("Note")) {
                        rawNotes.add(note());
                    } else {
                        unknown(note);
                    }
                });
                case "Links" -> children(link -> {
                    if (link.equals("Link")) {
                        links.add(new String[] {guid(attribute("originGUID"), false),
                                guid(attribute("targetGUID"), false)});
                    }
                    skip();
                });
                case "Sets" -> {
                    int[] sets = {0};
                    children(set -> {
                        sets[0]++;
                        skip();
                    });
                    notCarried.add("sets (groups of codes, sources or notes)", sets[0]);
                }
                case "Graphs" -> {
                    int[] graphs = {0};
                    children(graph -> {
                        graphs[0]++;
                        skip();
                    });
                    notCarried.add("graphs (network views)", graphs[0]);
                }
                case "NoteRef" -> {
                    noteRef(RefiProject.NoteTarget.PROJECT, null);
                    skip();
                }
                default -> skip();
            }
        });
        List<RefiProject.Note> notes = resolveNotes(links, cases);
        if (nonConformingGuids > 0) {
            adjusted.add("identifiers that are not GUIDs replaced by GUIDs derived from them", nonConformingGuids);
        }
        return new RefiProject(name == null || name.isBlank() ? "REFI-QDA project" : name, origin, creatingUser,
                users, codes, variables, cases, sources, notes, notCarried.lines(), adjusted.lines());
    }

    private RefiProject codebookDocument() throws XMLStreamException {
        String origin = attribute("origin");
        List<RefiProject.Code> codes = new ArrayList<>();
        children(child -> {
            if (child.equals("Codes")) {
                codes.addAll(codeList());
            } else if (child.equals("Sets")) {
                int[] sets = {0};
                children(set -> {
                    sets[0]++;
                    skip();
                });
                notCarried.add("sets of codes", sets[0]);
            } else {
                skip();
            }
        });
        if (nonConformingGuids > 0) {
            adjusted.add("identifiers that are not GUIDs replaced by GUIDs derived from them", nonConformingGuids);
        }
        return new RefiProject("Codebook", origin, null, List.of(), codes, List.of(), List.of(), List.of(), List.of(),
                notCarried.lines(), adjusted.lines());
    }

    private RefiProject.User user() throws XMLStreamException {
        String guid = guid(attribute("guid"), true);
        String name = attribute("name");
        if (name == null || name.isBlank()) {
            String id = attribute("id");
            name = id != null && !id.isBlank() ? id : "User " + guid.substring(0, 8);
        }
        skip();
        return new RefiProject.User(guid, name.strip());
    }

    private List<RefiProject.Code> codebook() throws XMLStreamException {
        List<RefiProject.Code> codes = new ArrayList<>();
        children(child -> {
            if (child.equals("Codes")) {
                codes.addAll(codeList());
            } else {
                skip();
            }
        });
        return codes;
    }

    private List<RefiProject.Code> codeList() throws XMLStreamException {
        List<RefiProject.Code> codes = new ArrayList<>();
        children(child -> {
            if (child.equals("Code")) {
                codes.add(code());
            } else {
                unknown(child);
            }
        });
        return codes;
    }

    private RefiProject.Code code() throws XMLStreamException {
        String guid = guid(attribute("guid"), true);
        String name = attribute("name");
        if (name == null || name.isBlank()) {
            name = "Code " + (++codesCounter);
            adjusted.add("codes without a name given one");
        }
        String colorText = attribute("color");
        String color = RefiColors.parse(colorText);
        if (colorText != null && !colorText.isBlank() && !colorText.strip().matches("#[0-9A-Fa-f]{6}")) {
            if (color != null) {
                adjusted.add("code colours in another notation than #RRGGBB read");
            } else {
                adjusted.add("code colours that are no colour replaced by the palette's");
            }
        }
        String[] description = {null};
        List<RefiProject.Code> children = new ArrayList<>();
        children(child -> {
            switch (child) {
                case "Description" -> description[0] = text();
                case "Code" -> children.add(code());
                case "NoteRef" -> {
                    noteRef(RefiProject.NoteTarget.CODE, guid);
                    skip();
                }
                default -> unknown(child);
            }
        });
        return new RefiProject.Code(guid, name.strip(), color, CodeDefinitions.unpack(description[0]), children);
    }

    private RefiProject.Variable variable() throws XMLStreamException {
        String guid = guid(attribute("guid"), true);
        String name = attribute("name");
        String type = attribute("typeOfVariable");
        skip();
        RefiProject.VariableType parsed = switch (type == null ? "" : type.strip().toLowerCase(Locale.ROOT)) {
            case "boolean" -> RefiProject.VariableType.BOOLEAN;
            case "integer" -> RefiProject.VariableType.INTEGER;
            case "float" -> RefiProject.VariableType.FLOAT;
            case "date" -> RefiProject.VariableType.DATE;
            case "datetime" -> RefiProject.VariableType.DATETIME;
            default -> RefiProject.VariableType.TEXT;
        };
        return new RefiProject.Variable(guid, name == null || name.isBlank() ? "Variable " + guid.substring(0, 8)
                : name.strip(), parsed);
    }

    private RefiProject.Case caseElement() throws XMLStreamException {
        String guid = guid(attribute("guid"), true);
        String name = attribute("name");
        String[] description = {null};
        Map<String, String> values = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        children(child -> {
            switch (child) {
                case "Description" -> description[0] = text();
                case "VariableValue" -> variableValue(values);
                case "SourceRef" -> {
                    String target = guid(attribute("targetGUID"), false);
                    if (target != null) {
                        sources.add(target);
                    }
                    skip();
                }
                case "CodeRef" -> {
                    notCarried.add("codes applied to whole cases");
                    skip();
                }
                case "SelectionRef" -> {
                    notCarried.add("selections assigned to cases");
                    skip();
                }
                default -> unknown(child);
            }
        });
        return new RefiProject.Case(guid, name == null || name.isBlank() ? null : name.strip(), description[0],
                values, sources);
    }

    private void variableValue(Map<String, String> values) throws XMLStreamException {
        String[] variable = {null};
        String[] value = {null};
        children(child -> {
            if (child.equals("VariableRef")) {
                variable[0] = guid(attribute("targetGUID"), false);
                skip();
            } else if (child.endsWith("Value")) {
                value[0] = text();
            } else {
                unknown(child);
            }
        });
        if (variable[0] != null && value[0] != null) {
            values.put(variable[0], value[0]);
        }
    }

    // ---------------------------------------------------------------------------------------------------- sources

    private void source(String element, List<RefiProject.Source> sources) throws XMLStreamException {
        switch (element) {
            case "TextSource" -> {
                RefiProject.Source source = textSource("text source");
                if (source != null) {
                    sources.add(source);
                }
            }
            case "PDFSource" -> pdfSource(sources);
            case "PictureSource" -> mediaSource("picture sources", "picture regions");
            case "AudioSource" -> mediaSource("audio sources", "audio codings");
            case "VideoSource" -> mediaSource("video sources", "video codings");
            default -> unknown(element);
        }
    }

    /** A TextSource (or a PDF's text representation): its text and its codings; null when its text is missing. */
    private RefiProject.Source textSource(String kind) throws XMLStreamException {
        String guid = guid(attribute("guid"), true);
        String name = attribute("name");
        String plainTextPath = attribute("plainTextPath");
        String richTextPath = attribute("richTextPath");
        String creatingUser = guid(attribute("creatingUser"), false);
        String createdAt = attribute("creationDateTime");
        String[] inlineText = {null};
        List<Selection> selections = new ArrayList<>();
        List<RawCoding> wholeSource = new ArrayList<>();
        children(child -> {
            switch (child) {
                case "PlainTextContent" -> inlineText[0] = text();
                case "PlainTextSelection" -> selections.add(selection(creatingUser));
                case "Coding" -> wholeSource.add(coding(creatingUser, null));
                case "NoteRef" -> {
                    noteRef(RefiProject.NoteTarget.SOURCE, guid);
                    skip();
                }
                case "VariableValue" -> {
                    notCarried.add("variable values of sources (the workbench keeps them on cases)");
                    skip();
                }
                case "Description" -> skip();
                default -> unknown(child);
            }
        });
        String displayName = name != null && !name.isBlank() ? name.strip() : nameFromPath(plainTextPath,
                richTextPath, guid);
        String owner = kind + " \u201C" + displayName + "\u201D";
        String text = inlineText[0];
        if (text == null && plainTextPath != null && !plainTextPath.isBlank()) {
            text = texts.plainText(plainTextPath.strip(), owner, notCarried, adjusted);
        }
        if (text == null && richTextPath != null && !richTextPath.isBlank()) {
            text = texts.richText(richTextPath.strip(), owner, notCarried, adjusted);
            if (text != null) {
                adjusted.add("sources without plain text read from their rich text (.docx)");
            }
        }
        int codings = wholeSource.size() + selections.stream().mapToInt(s -> s.codings().size()).sum();
        if (text == null) {
            if (plainTextPath == null && richTextPath == null) {
                notCarried.add("sources without any text", 1);
            }
            notCarried.add("codings on sources whose text is missing", codings);
            return null;
        }
        int length = text.codePointCount(0, text.length());
        List<RefiProject.Coding> result = new ArrayList<>();
        for (RawCoding coding : wholeSource) {
            if (coding.codeGuid() != null) {
                result.add(new RefiProject.Coding(coding.guid(), coding.codeGuid(), coding.userGuid(), 0, length,
                        coding.createdAt()));
                adjusted.add("codings of whole sources carried as codings of their whole text");
            }
        }
        for (Selection selection : selections) {
            int start = selection.start();
            int end = selection.end();
            if (start > end) {
                int swap = start;
                start = end;
                end = swap;
                adjusted.add("selections with start after end turned round");
            }
            if (start >= length || end <= 0) {
                notCarried.add("codings outside their source's text", selection.codings().size());
                continue;
            }
            if (end > length || start < 0) {
                start = Math.max(0, start);
                end = Math.min(length, end);
                adjusted.add("selections reaching past the end of their text cut at the end");
            }
            if (start == end) {
                notCarried.add("codings of empty selections", selection.codings().size());
                continue;
            }
            for (RawCoding coding : selection.codings()) {
                if (coding.codeGuid() != null) {
                    result.add(new RefiProject.Coding(coding.guid(), coding.codeGuid(), coding.userGuid(), start, end,
                            coding.createdAt()));
                }
            }
            if (!selection.noteGuids().isEmpty()) {
                RefiProject.NoteTarget target = selection.codings().isEmpty() ? RefiProject.NoteTarget.SOURCE
                        : RefiProject.NoteTarget.CODING;
                String targetGuid = selection.codings().isEmpty() ? guid : selection.codings().getFirst().guid();
                for (String note : selection.noteGuids()) {
                    noteLinks.putIfAbsent(note, new NoteLink(target, targetGuid));
                }
                adjusted.add("notes on selections attached to the selection's first coding (or its source)",
                        selection.noteGuids().size());
            }
        }
        return new RefiProject.Source(guid, displayName, text, createdAt, result);
    }

    private record Selection(int start, int end, List<RawCoding> codings, List<String> noteGuids) {
    }

    private record RawCoding(String guid, String codeGuid, String userGuid, String createdAt) {
    }

    private Selection selection(String sourceUser) throws XMLStreamException {
        String guid = guid(attribute("guid"), true);
        Integer start = position("startPosition");
        Integer end = position("endPosition");
        String user = guid(attribute("creatingUser"), false);
        String createdAt = attribute("creationDateTime");
        List<RawCoding> codings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        children(child -> {
            switch (child) {
                case "Coding" -> codings.add(coding(user != null ? user : sourceUser, createdAt));
                case "NoteRef" -> {
                    String note = guid(attribute("targetGUID"), false);
                    if (note != null) {
                        notes.add(note);
                    }
                    skip();
                }
                default -> skip();
            }
        });
        if (start == null || end == null) {
            notCarried.add("codings of selections without valid start and end positions", codings.size());
            return new Selection(0, 0, List.of(), List.of());
        }
        return new Selection(start, end, codings, notes);
    }

    private RawCoding coding(String inheritedUser, String inheritedTime) throws XMLStreamException {
        String guid = guid(attribute("guid"), true);
        String user = guid(attribute("creatingUser"), false);
        String createdAt = attribute("creationDateTime");
        String[] code = {null};
        children(child -> {
            switch (child) {
                case "CodeRef" -> {
                    code[0] = guid(attribute("targetGUID"), false);
                    skip();
                }
                case "NoteRef" -> {
                    noteRef(RefiProject.NoteTarget.CODING, guid);
                    skip();
                }
                default -> skip();
            }
        });
        if (code[0] == null) {
            notCarried.add("codings without a code reference");
        }
        return new RawCoding(guid, code[0], user != null ? user : inheritedUser,
                createdAt != null ? createdAt : inheritedTime);
    }

    private void pdfSource(List<RefiProject.Source> sources) throws XMLStreamException {
        String name = attribute("name");
        int[] regions = {0};
        children(child -> {
            switch (child) {
                case "Representation" -> {
                    RefiProject.Source representation = textSource("text of PDF");
                    if (representation != null) {
                        sources.add(name == null || name.isBlank() ? representation : new RefiProject.Source(
                                representation.guid(), name.strip(), representation.text(),
                                representation.createdAt(), representation.codings()));
                        adjusted.add("PDF sources carried as their text representation");
                    } else {
                        notCarried.add("PDF sources without text");
                    }
                }
                case "PDFSelection" -> {
                    regions[0]++;
                    skip();
                }
                case "Coding" -> {
                    notCarried.add("codings of whole PDF files");
                    skip();
                }
                default -> skip();
            }
        });
        notCarried.add("PDF regions (codings of areas of PDF pages)", regions[0]);
    }

    private void mediaSource(String sources, String selections) throws XMLStreamException {
        int[] count = {0};
        children(child -> {
            if (child.endsWith("Selection")) {
                count[0]++;
            }
            skip();
        });
        notCarried.add(sources, 1);
        notCarried.add(selections, count[0]);
    }

    // ---------------------------------------------------------------------------------------------------- notes

    private RefiProject.Note note() throws XMLStreamException {
        String guid = guid(attribute("guid"), true);
        String name = attribute("name");
        String plainTextPath = attribute("plainTextPath");
        String user = guid(attribute("creatingUser"), false);
        String created = attribute("creationDateTime");
        String modified = attribute("modifiedDateTime");
        String[] text = {null};
        int[] annotations = {0};
        children(child -> {
            switch (child) {
                case "PlainTextContent" -> text[0] = text();
                case "PlainTextSelection", "Coding" -> {
                    annotations[0]++;
                    skip();
                }
                default -> skip();
            }
        });
        notCarried.add("codings inside notes", annotations[0]);
        String content = text[0];
        if (content == null && plainTextPath != null && !plainTextPath.isBlank()) {
            content = texts.plainText(plainTextPath.strip(), "note \u201C" + (name == null ? guid : name) + "\u201D",
                    notCarried, adjusted);
        }
        return new RefiProject.Note(guid, name, content == null ? "" : content, user, created, modified, null, null);
    }

    private void noteRef(RefiProject.NoteTarget target, String targetGuid) {
        String note = guid(attribute("targetGUID"), false);
        if (note == null) {
            return;
        }
        if (noteLinks.containsKey(note)) {
            adjusted.add("notes referred to from several places kept at the first");
            return;
        }
        noteLinks.put(note, new NoteLink(target, targetGuid));
    }

    /** Attaches each note to where a NoteRef (or a Link with a case) points at it; others become project notes. */
    private List<RefiProject.Note> resolveNotes(List<String[]> links, List<RefiProject.Case> cases) {
        java.util.Set<String> caseGuids = new java.util.HashSet<>();
        cases.forEach(c -> caseGuids.add(c.guid()));
        java.util.Set<String> noteGuids = new java.util.HashSet<>();
        rawNotes.forEach(n -> noteGuids.add(n.guid()));
        int otherLinks = 0;
        for (String[] link : links) {
            String origin = link[0];
            String target = link[1];
            if (origin != null && target != null && noteGuids.contains(origin) && caseGuids.contains(target)) {
                noteLinks.putIfAbsent(origin, new NoteLink(RefiProject.NoteTarget.CASE, target));
            } else if (origin != null && target != null && noteGuids.contains(target) && caseGuids.contains(origin)) {
                noteLinks.putIfAbsent(target, new NoteLink(RefiProject.NoteTarget.CASE, origin));
            } else {
                otherLinks++;
            }
        }
        notCarried.add("links between items (other than notes on cases)", otherLinks);
        List<RefiProject.Note> notes = new ArrayList<>();
        for (RefiProject.Note note : rawNotes) {
            NoteLink link = noteLinks.getOrDefault(note.guid(), new NoteLink(RefiProject.NoteTarget.PROJECT, null));
            notes.add(new RefiProject.Note(note.guid(), note.name(), note.text(), note.userGuid(), note.createdAt(),
                    note.modifiedAt(), link.target(), link.targetGuid()));
        }
        return notes;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static String nameFromPath(String plain, String rich, String guid) {
        String path = plain != null && !plain.isBlank() ? plain : rich;
        if (path == null || path.isBlank()) {
            return "Source " + guid.substring(0, 8);
        }
        String file = path.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /**
     * A GUID attribute: normalised, derived when not conforming. A required one that is missing gets a fresh
     * derived GUID (unique within the document); an optional missing one stays null.
     */
    private String guid(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (!required) {
                return null;
            }
            nonConformingGuids++;
            Location location = xml.getLocation();
            return Guids.derived("refi-missing", where + ":" + location.getLineNumber() + ":"
                    + location.getColumnNumber() + ":" + location.getCharacterOffset());
        }
        if (!Guids.isConforming(value)) {
            String derived = guidsSeen.computeIfAbsent(value, Guids::normalize);
            if (required) {
                nonConformingGuids++;
            }
            return derived;
        }
        return Guids.normalize(value);
    }

    private Integer position(String attribute) {
        String value = attribute(attribute);
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            return parsed < 0 || parsed > Integer.MAX_VALUE ? null : (int) parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String attribute(String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(name)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface ChildHandler {
        /** Called at a child's start tag; must consume the child up to and including its end tag. */
        void handle(String localName) throws XMLStreamException;
    }

    /** Visits the children of the current element, leaving the reader at the element's end tag. */
    private void children(ChildHandler handler) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (++elements > MAX_ELEMENTS) {
                    throw new LimitExceededException(where + at() + ": refused, the document has more than "
                            + String.format(Locale.ROOT, "%,d", MAX_ELEMENTS) + " elements (codes, codings, notes"
                            + "…), the limit for one project; nothing was imported");
                }
                handler.handle(xml.getLocalName());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw invalid("it refers to an entity (&" + xml.getLocalName() + ";), which is not read");
            }
        }
        throw invalid("the document ends in the middle of an element");
    }

    /** The text content of the current element (text of nested elements included), up to its end tag. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + xml.getTextLength() > MAX_ELEMENT_TEXT_CHARS) {
                        throw new LimitExceededException(where + at() + ": refused, a text there is longer than "
                                + TextLimits.characters(MAX_ELEMENT_TEXT_CHARS) + " (the limit for a description, "
                                + "note or value); nothing was imported");
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> {
                    if (--depth == 0) {
                        return text.toString();
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw invalid("it refers to an entity (&" + xml.getLocalName() + ";), which is not read");
                default -> {
                }
            }
        }
        throw invalid("the document ends in the middle of an element");
    }

    /** Skips the current element with everything in it. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT && --depth == 0) {
                return;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw invalid("it refers to an entity (&" + xml.getLocalName() + ";), which is not read");
            }
        }
        throw invalid("the document ends in the middle of an element");
    }

    private void unknown(String element) throws XMLStreamException {
        skip();
    }

    private InvalidInputException invalid(String message) {
        return new InvalidInputException(where + at() + ": " + message + "; nothing was imported");
    }

    /** ", line 3, column 7": where the parser is. */
    private String at() {
        Location location = xml.getLocation();
        return location != null && location.getLineNumber() > 0 ? ", line " + location.getLineNumber()
                + ", column " + location.getColumnNumber() : "";
    }

    private InvalidInputException invalid(XMLStreamException e) {
        Location location = e.getLocation();
        String at = location != null && location.getLineNumber() > 0 ? ", line " + location.getLineNumber()
                + ", column " + location.getColumnNumber() : "";
        Throwable nested = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (nested instanceof java.nio.charset.CharacterCodingException) {
            return new InvalidInputException(where + at + ": not valid text in its encoding (UTF-8 unless it "
                    + "declares another); nothing was imported", e);
        }
        if (String.valueOf(e.getMessage()).contains("maxElementDepth")) {
            return new LimitExceededException(where + at + ": refused, its elements nest more than 100 deep (the "
                    + "limit); nothing was imported");
        }
        return Refusal.of(where + at + ": is not well-formed XML (it is damaged or cut short); nothing was imported",
                e);
    }
}
