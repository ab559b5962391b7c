package org.divergence.exchange.refi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.divergence.core.refi.CodeDefinitions;
import org.divergence.core.refi.Guids;
import org.divergence.core.refi.RefiProject;

/**
 * Writes REFI-QDA documents strictly as the schemas want them (Project.xsd, Codebook.xsd): elements in schema order,
 * empty containers left out, typed variable values only where every value has the type, date-times only when they are
 * xsd:dateTime, characters XML cannot hold replaced. The output depends only on the model, so the same project
 * exports to the same bytes.
 */
final class QdeWriter {

    static final String PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0";
    static final String CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0";

    private static final Pattern DATE_TIME = Pattern.compile(
            "-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern DATE = Pattern.compile("-?\\d{4,}-\\d{2}-\\d{2}(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern BOOLEAN = Pattern.compile("true|false|1|0");

    private final XMLStreamWriter xml;

    private QdeWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** The project document; each source's text is referenced as internal://GUID.txt. */
    static byte[] project(RefiProject project) {
        return write(writer -> writer.writeProject(project));
    }

    static byte[] codebook(RefiProject project) {
        return write(writer -> writer.writeCodebook(project));
    }

    /** Where the exporter stores a source's text in the archive. */
    static String sourceEntry(RefiProject.Source source) {
        return "sources/" + source.guid() + ".txt";
    }

    /** The GUID of the selection an exported coding sits in: derived from the coding's, so stable across exports. */
    static String selectionGuid(RefiProject.Coding coding) {
        return Guids.derived("plain-text-selection", coding.guid());
    }

    /** The GUID of the link that ties a case's note to its case. */
    static String linkGuid(RefiProject.Note note) {
        return Guids.derived("note-link", note.guid());
    }

    @FunctionalInterface
    private interface Body {
        void write(QdeWriter writer) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(new QdeWriter(xml));
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the REFI-QDA document", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private void writeProject(RefiProject project) throws XMLStreamException {
        Map<String, List<String>> notesOn = new HashMap<>();
        List<String> projectNotes = new ArrayList<>();
        for (RefiProject.Note note : project.notes()) {
            if (note.target() == RefiProject.NoteTarget.PROJECT || note.targetGuid() == null) {
                projectNotes.add(note.guid());
            } else if (note.target() != RefiProject.NoteTarget.CASE) {
                notesOn.computeIfAbsent(note.target() + ":" + note.targetGuid(), key -> new ArrayList<>())
                        .add(note.guid());
            }
        }
        xml.writeStartElement("Project");
        xml.writeDefaultNamespace(PROJECT_NAMESPACE);
        attribute("name", project.name());
        attribute("origin", project.origin());
        if (!project.users().isEmpty()) {
            xml.writeStartElement("Users");
            for (RefiProject.User user : project.users()) {
                xml.writeEmptyElement("User");
                attribute("guid", user.guid());
                attribute("name", user.name());
            }
            xml.writeEndElement();
        }
        if (!project.codes().isEmpty()) {
            xml.writeStartElement("CodeBook");
            codes(project.codes(), notesOn, true);
            xml.writeEndElement();
        }
        Map<String, RefiProject.VariableType> exportedTypes = variableTypes(project);
        if (!project.variables().isEmpty()) {
            xml.writeStartElement("Variables");
            for (RefiProject.Variable variable : project.variables()) {
                xml.writeEmptyElement("Variable");
                attribute("guid", variable.guid());
                attribute("name", variable.name());
                attribute("typeOfVariable", typeName(exportedTypes.get(variable.guid())));
            }
            xml.writeEndElement();
        }
        if (!project.cases().isEmpty()) {
            xml.writeStartElement("Cases");
            for (RefiProject.Case item : project.cases()) {
                cases(item, exportedTypes);
            }
            xml.writeEndElement();
        }
        if (!project.sources().isEmpty()) {
            xml.writeStartElement("Sources");
            for (RefiProject.Source source : project.sources()) {
                source(source, notesOn);
            }
            xml.writeEndElement();
        }
        if (!project.notes().isEmpty()) {
            xml.writeStartElement("Notes");
            for (RefiProject.Note note : project.notes()) {
                note(note);
            }
            xml.writeEndElement();
        }
        List<RefiProject.Note> caseNotes = project.notes().stream()
                .filter(note -> note.target() == RefiProject.NoteTarget.CASE && note.targetGuid() != null).toList();
        if (!caseNotes.isEmpty()) {
            // CaseType has no NoteRef: a case's note is tied to it by a link from the note to the case.
            xml.writeStartElement("Links");
            for (RefiProject.Note note : caseNotes) {
                xml.writeEmptyElement("Link");
                attribute("guid", linkGuid(note));
                attribute("name", "Note on case");
                attribute("direction", "OneWay");
                attribute("originGUID", note.guid());
                attribute("targetGUID", note.targetGuid());
            }
            xml.writeEndElement();
        }
        for (String note : projectNotes) {
            xml.writeEmptyElement("NoteRef");
            attribute("targetGUID", note);
        }
        xml.writeEndElement();
    }

    private void writeCodebook(RefiProject project) throws XMLStreamException {
        xml.writeStartElement("CodeBook");
        xml.writeDefaultNamespace(CODEBOOK_NAMESPACE);
        attribute("origin", project.origin());
        codes(project.codes(), Map.of(), false);
        xml.writeEndElement();
    }

    private void codes(List<RefiProject.Code> codes, Map<String, List<String>> notesOn, boolean noteRefs)
            throws XMLStreamException {
        xml.writeStartElement("Codes");
        for (RefiProject.Code code : codes) {
            code(code, notesOn, noteRefs);
        }
        xml.writeEndElement();
    }

    private void code(RefiProject.Code code, Map<String, List<String>> notesOn, boolean noteRefs)
            throws XMLStreamException {
        String description = CodeDefinitions.pack(code.definition());
        List<String> notes = noteRefs ? notesOn.getOrDefault(RefiProject.NoteTarget.CODE + ":" + code.guid(),
                List.of()) : List.of();
        boolean empty = description == null && notes.isEmpty() && code.children().isEmpty();
        if (empty) {
            xml.writeEmptyElement("Code");
        } else {
            xml.writeStartElement("Code");
        }
        attribute("guid", code.guid());
        attribute("name", code.name());
        attribute("isCodable", "true");
        attribute("color", code.color());
        if (empty) {
            return;
        }
        element("Description", description);
        for (String note : notes) {
            xml.writeEmptyElement("NoteRef");
            attribute("targetGUID", note);
        }
        for (RefiProject.Code child : code.children()) {
            code(child, notesOn, noteRefs);
        }
        xml.writeEndElement();
    }

    private void cases(RefiProject.Case item, Map<String, RefiProject.VariableType> types)
            throws XMLStreamException {
        xml.writeStartElement("Case");
        attribute("guid", item.guid());
        attribute("name", item.name());
        element("Description", item.description());
        for (Map.Entry<String, String> value : item.values().entrySet()) {
            RefiProject.VariableType type = types.get(value.getKey());
            if (type == null || value.getValue() == null) {
                continue;
            }
            xml.writeStartElement("VariableValue");
            xml.writeEmptyElement("VariableRef");
            attribute("targetGUID", value.getKey());
            element(switch (type) {
                case TEXT -> "TextValue";
                case BOOLEAN -> "BooleanValue";
                case INTEGER -> "IntegerValue";
                case FLOAT -> "FloatValue";
                case DATE -> "DateValue";
                case DATETIME -> "DateTimeValue";
            }, type == RefiProject.VariableType.TEXT ? value.getValue() : value.getValue().strip());
            xml.writeEndElement();
        }
        for (String source : item.sourceGuids()) {
            xml.writeEmptyElement("SourceRef");
            attribute("targetGUID", source);
        }
        xml.writeEndElement();
    }

    private void source(RefiProject.Source source, Map<String, List<String>> notesOn) throws XMLStreamException {
        xml.writeStartElement("TextSource");
        attribute("guid", source.guid());
        attribute("name", source.name());
        attribute("plainTextPath", "internal://" + source.guid() + ".txt");
        dateTime("creationDateTime", source.createdAt());
        for (RefiProject.Coding coding : source.codings()) {
            xml.writeStartElement("PlainTextSelection");
            attribute("guid", selectionGuid(coding));
            attribute("startPosition", Integer.toString(coding.start()));
            attribute("endPosition", Integer.toString(coding.end()));
            attribute("creatingUser", coding.userGuid());
            dateTime("creationDateTime", coding.createdAt());
            xml.writeStartElement("Coding");
            attribute("guid", coding.guid());
            attribute("creatingUser", coding.userGuid());
            dateTime("creationDateTime", coding.createdAt());
            xml.writeEmptyElement("CodeRef");
            attribute("targetGUID", coding.codeGuid());
            for (String note : notesOn.getOrDefault(RefiProject.NoteTarget.CODING + ":" + coding.guid(), List.of())) {
                xml.writeEmptyElement("NoteRef");
                attribute("targetGUID", note);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (String note : notesOn.getOrDefault(RefiProject.NoteTarget.SOURCE + ":" + source.guid(), List.of())) {
            xml.writeEmptyElement("NoteRef");
            attribute("targetGUID", note);
        }
        xml.writeEndElement();
    }

    private void note(RefiProject.Note note) throws XMLStreamException {
        xml.writeStartElement("Note");
        attribute("guid", note.guid());
        attribute("name", note.name());
        attribute("creatingUser", note.userGuid());
        dateTime("creationDateTime", note.createdAt());
        dateTime("modifiedDateTime", note.modifiedAt());
        element("PlainTextContent", note.text() == null ? "" : note.text());
        xml.writeEndElement();
    }

    /** A variable keeps its type only when every value conforms to it; otherwise it is exported as text. */
    private static Map<String, RefiProject.VariableType> variableTypes(RefiProject project) {
        Map<String, RefiProject.VariableType> types = new LinkedHashMap<>();
        for (RefiProject.Variable variable : project.variables()) {
            RefiProject.VariableType type = variable.type();
            for (RefiProject.Case item : project.cases()) {
                String value = item.values().get(variable.guid());
                if (value != null && !conforms(type, value.strip())) {
                    type = RefiProject.VariableType.TEXT;
                    break;
                }
            }
            types.put(variable.guid(), type);
        }
        return types;
    }

    private static boolean conforms(RefiProject.VariableType type, String value) {
        return switch (type) {
            case TEXT -> true;
            case INTEGER -> INTEGER.matcher(value).matches();
            case FLOAT -> DECIMAL.matcher(value).matches();
            case BOOLEAN -> BOOLEAN.matcher(value).matches();
            case DATE -> DATE.matcher(value).matches();
            case DATETIME -> DATE_TIME.matcher(value).matches();
        };
    }

    private static String typeName(RefiProject.VariableType type) {
        return switch (type) {
            case TEXT -> "Text";
            case BOOLEAN -> "Boolean";
            case INTEGER -> "Integer";
            case FLOAT -> "Float";
            case DATE -> "Date";
            case DATETIME -> "DateTime";
        };
    }

    private void dateTime(String name, String value) throws XMLStreamException {
        if (value != null && DATE_TIME.matcher(value.strip()).matches()) {
            attribute(name, value.strip());
        }
    }

    private void attribute(String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, xmlSafe(value));
        }
    }

    private void element(String name, String text) throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(name);
            xml.writeCharacters(xmlSafe(text));
            xml.writeEndElement();
        }
    }

    /** XML 1.0 cannot hold most control characters (or lone surrogates): they become U+FFFD. */
    static String xmlSafe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(ok ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
