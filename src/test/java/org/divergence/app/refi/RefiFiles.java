package org.divergence.app.refi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Test helpers: archives built entry by entry, validation against the REFI-QDA schemas (vendored in the test
 * resources, so it runs everywhere), and the shared folder of real example exports (which may not be copied here).
 */
public final class RefiFiles {

    private RefiFiles() {
    }

    /** Writes a ZIP with the given entries in order (names as given, even unsafe ones). */
    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The real example exports (NVivo, qc) in the shared folder, which their licence keeps out of this project; when
     * the folder is absent the test is skipped, and says so on the console, not only in the report.
     */
    public static Path sharedExamples() {
        String shared = System.getProperty("divergence.shared");
        Path folder = shared == null ? null : Path.of(shared, "refi-qda", "examples");
        boolean present = folder != null && Files.isRegularFile(folder.resolve("nvivo-mac-15-export.qdpx"));
        String message = "SKIPPED: the real REFI-QDA example exports are not at " + folder + " (they may not be "
                + "copied into the project); put the shared folder beside the checkout or run with "
                + "-Dshared.folder=/path/to/shared to run this test";
        if (!present) {
            System.err.println("*** " + message);
        }
        assumeTrue(present, message);
        return folder;
    }

    /** Validates a document against a REFI-QDA schema (Project.xsd, Codebook.xsd); throws with the line on failure. */
    public static void validate(byte[] document, String schemaFile) throws IOException, SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        java.net.URL vendored = RefiFiles.class.getResource("/refi-qda/" + schemaFile);
        if (vendored == null) {
            throw new IOException("no vendored schema " + schemaFile + " in src/test/resources/refi-qda");
        }
        Schema schema = factory.newSchema(vendored);
        var validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));
    }

    /** One entry of a ZIP file. */
    public static byte[] entry(Path zipFile, String name) throws IOException {
        try (var zip = new java.util.zip.ZipFile(zipFile.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException(zipFile + " has no " + name);
            }
            return zip.getInputStream(entry).readAllBytes();
        }
    }

    /**
     * A small valid .qdpx: a user, two codes, a case with an attribute, one source with three codings (created at
     * 2001-01-01T00:00:01Z, …02Z, …03Z, in that order) and a note on the first coding.
     */
    public static Path synthetic(Path folder) throws IOException {
        String qde = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Synthetic\" origin=\"tests\">"
                + "<Users><User guid=\"11111111-0000-4000-8000-000000000001\" name=\"Zoe\"/></Users>"
                + "<CodeBook><Codes><Code guid=\"c1111111-0000-4000-8000-000000000001\" name=\"Themes\" "
                + "isCodable=\"true\" color=\"#112233\"><Code guid=\"c1111111-0000-4000-8000-000000000002\" "
                + "name=\"Trust\" isCodable=\"true\"/></Code></Codes></CodeBook>"
                + "<Variables><Variable guid=\"a1111111-0000-4000-8000-000000000001\" name=\"role\" "
                + "typeOfVariable=\"Text\"/></Variables>"
                + "<Cases><Case guid=\"ca111111-0000-4000-8000-000000000001\" name=\"Z1\"><VariableValue>"
                + "<VariableRef targetGUID=\"a1111111-0000-4000-8000-000000000001\"/><TextValue>maintainer</TextValue>"
                + "</VariableValue><SourceRef targetGUID=\"51111111-0000-4000-8000-000000000001\"/></Case></Cases>"
                + "<Sources><TextSource guid=\"51111111-0000-4000-8000-000000000001\" name=\"Z1 interview\" "
                + "plainTextPath=\"internal://51111111-0000-4000-8000-000000000001.txt\">"
                + codingXml(1, 0, 9, "c1111111-0000-4000-8000-000000000001", true)
                + codingXml(2, 10, 20, "c1111111-0000-4000-8000-000000000002", false)
                + codingXml(3, 21, 30, "c1111111-0000-4000-8000-000000000002", false)
                + "</TextSource></Sources><Notes><Note guid=\"71111111-0000-4000-8000-000000000001\" name=\"n\">"
                + "<PlainTextContent>Why trust matters.</PlainTextContent></Note></Notes></Project>";
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("project.qde", utf8(qde));
        entries.put("sources/51111111-0000-4000-8000-000000000001.txt",
                utf8("Interview one with Zoe about trust in open models and data.\n"));
        return zip(folder.resolve("synthetic.qdpx"), entries);
    }

    private static String codingXml(int n, int start, int end, String code, boolean note) {
        return "<PlainTextSelection guid=\"5e111111-0000-4000-8000-00000000000" + n + "\" startPosition=\"" + start
                + "\" endPosition=\"" + end + "\" creatingUser=\"11111111-0000-4000-8000-000000000001\">"
                + "<Coding guid=\"c0d11111-0000-4000-8000-00000000000" + n + "\" creationDateTime=\"2001-01-01T00:00:0"
                + n + "Z\"><CodeRef targetGUID=\"" + code + "\"/>"
                + (note ? "<NoteRef targetGUID=\"71111111-0000-4000-8000-000000000001\"/>" : "")
                + "</Coding></PlainTextSelection>";
    }
}
