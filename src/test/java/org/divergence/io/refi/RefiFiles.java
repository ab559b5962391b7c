package org.divergence.io.refi;

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

/** Test helpers: archives built entry by entry, the shared REFI-QDA folder, and validation against its schemas. */
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

    /** The shared REFI-QDA folder (schemas, examples); skips the test with a message when it is absent. */
    public static Path sharedRefi() {
        String shared = System.getProperty("divergence.shared");
        Path folder = shared == null ? null : Path.of(shared, "refi-qda");
        assumeTrue(folder != null && Files.isRegularFile(folder.resolve("Project.xsd")),
                "The shared REFI-QDA folder (schemas and example exports) is not at " + folder
                        + "; set -Ddivergence.shared to the folder holding refi-qda/ to run this test");
        return folder;
    }

    /** Validates a document against a schema of the shared folder; throws with the line on failure. */
    public static void validate(byte[] document, String schemaFile) throws IOException, SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Schema schema = factory.newSchema(sharedRefi().resolve(schemaFile).toFile());
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
}
