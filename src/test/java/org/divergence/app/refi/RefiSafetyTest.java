package org.divergence.app.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.divergence.core.common.InvalidInputException;
import org.divergence.exchange.refi.QdpxReader;
import org.divergence.exchange.common.SafeZip;
import org.divergence.store.coding.CodingTestSupport;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malicious archives and documents are refused with a clear message and leave the project as it was: zip-slip entry
 * names, zip bombs (by ratio, entry size, total size, entry count), and XML with DTDs or external entities (XXE,
 * billion laughs) in projects and codebooks.
 */
class RefiSafetyTest {

    private static final String PROJECT = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"></Project>";

    @TempDir
    Path folder;

    private Path secret;

    @BeforeEach
    void writeSecret() throws Exception {
        secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "sources/../../evil.txt", "/etc/evil.txt", "C:\\Windows\\evil.txt",
        "sources\\..\\..\\evil.txt", "\\\\server\\share\\evil.txt"})
    void refusesZipSlipEntries(String name) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("project.qde", RefiFiles.utf8(PROJECT));
        entries.put(name, RefiFiles.utf8("payload"));
        Path file = RefiFiles.zip(folder.resolve("slip.qdpx"), entries);
        String message = refused(file);
        assertTrue(message.contains("unsafe path") && message.contains("nothing was imported"), message);
    }

    @Test
    void refusesAZipBombByItsRatioWithTheDefaultLimits() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("project.qde", RefiFiles.utf8("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Description>"
                + "a".repeat(20 << 20) + "</Description></Project>"));
        Path file = RefiFiles.zip(folder.resolve("bomb.qdpx"), entries);
        assertTrue(Files.size(file) < 100_000, "20 MB of one letter pack small: " + Files.size(file));
        String message = refused(file);
        assertTrue(message.startsWith("bomb.qdpx \u203A project.qde: refused, it unpacks more than 200 times its "
                + "packed size") && message.contains("zip bomb"), message);
    }

    @Test
    void refusesEntriesAndArchivesBeyondTheSizeLimits() throws Exception {
        byte[] random = new byte[300_000];
        java.util.Random seeded = new java.util.Random(1);
        for (int i = 0; i < random.length; i++) {
            random[i] = (byte) (' ' + seeded.nextInt(95));
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("project.qde", RefiFiles.utf8("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
                + "<TextSource guid=\"51111111-0000-4000-8000-000000000001\" plainTextPath=\"internal://a.txt\"/>"
                + "<TextSource guid=\"51111111-0000-4000-8000-000000000002\" plainTextPath=\"internal://b.txt\"/>"
                + "</Sources></Project>"));
        entries.put("sources/a.txt", random);
        entries.put("sources/b.txt", random);
        Path file = RefiFiles.zip(folder.resolve("big.qdpx"), entries);
        InvalidInputException entry = assertThrows(InvalidInputException.class, () -> QdpxReader.read(file,
                new SafeZip.Limits(10L << 20, 200_000, 100, 200, 1L << 20)));
        assertTrue(entry.getMessage().contains("big.qdpx \u203A sources/a.txt: refused, it unpacks to more than "
                + "200000 bytes"), entry.getMessage());
        InvalidInputException total = assertThrows(InvalidInputException.class, () -> QdpxReader.read(file,
                new SafeZip.Limits(500_000, 400_000, 100, 200, 1L << 20)));
        assertTrue(total.getMessage().contains("in total"), total.getMessage());
        InvalidInputException count = assertThrows(InvalidInputException.class, () -> QdpxReader.read(file,
                new SafeZip.Limits(10L << 20, 10L << 20, 2, 200, 1L << 20)));
        assertTrue(count.getMessage().contains("more than 2 entries"), count.getMessage());
    }

    @Test
    void refusesExternalEntitiesAndDtdsInProjects() throws Exception {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&xxe;\"><CodeBook><Codes>"
                + "<Code guid=\"c0000000-0000-4000-8000-000000000001\" name=\"&xxe;\" isCodable=\"true\"/>"
                + "</Codes></CodeBook></Project>";
        Path file = RefiFiles.zip(folder.resolve("xxe.qdpx"), Map.of("project.qde", RefiFiles.utf8(xxe)));
        String message = refused(file);
        assertTrue(message.contains("DTD") && message.contains("line 2"), message);
        assertFalse(message.contains("TOP-SECRET"), message);

        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&lol3;\"/>";
        Path bomb = RefiFiles.zip(folder.resolve("laughs.qdpx"), Map.of("project.qde", RefiFiles.utf8(laughs)));
        assertTrue(refused(bomb).contains("DTD"));

        // An entity reference without a DTD is no way around it either.
        Path undeclared = RefiFiles.zip(folder.resolve("entity.qdpx"), Map.of("project.qde", RefiFiles.utf8(
                "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"a\"><Description>&xxe;</Description></Project>")));
        assertTrue(refused(undeclared).contains("entity"), refused(undeclared));
    }

    @Test
    void refusesExternalEntitiesInCodebooks() throws Exception {
        Path qdc = Files.writeString(folder.resolve("xxe.qdc"), "<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook ["
                + "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">"
                + "<Codes><Code guid=\"c0000000-0000-4000-8000-000000000001\" name=\"&xxe;\" isCodable=\"true\"/>"
                + "</Codes></CodeBook>");
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            String before = CodingTestSupport.dump(project);
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> MergeProject.importFile(project, qdc));
            assertTrue(error.getMessage().startsWith("xxe.qdc, line 2") && error.getMessage().contains("DTD"),
                    error.getMessage());
            assertEquals(before, CodingTestSupport.dump(project));
            assertFalse(before.contains("TOP-SECRET"));
        }
    }

    @Test
    void neverReadsSourcesFromOutsideTheArchive() throws Exception {
        String qde = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sources>"
                + "<TextSource guid=\"51111111-0000-4000-8000-000000000001\" name=\"a\" plainTextPath=\"absolute://"
                + secret.toAbsolutePath() + "\"/>"
                + "<TextSource guid=\"51111111-0000-4000-8000-000000000002\" name=\"b\" plainTextPath=\""
                + secret.toUri() + "\"/>"
                + "<TextSource guid=\"51111111-0000-4000-8000-000000000003\" name=\"c\" plainTextPath=\"internal://"
                + "../secret.txt\"/></Sources></Project>";
        Path file = RefiFiles.zip(folder.resolve("outside.qdpx"), Map.of("project.qde", RefiFiles.utf8(qde)));
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            var report = MergeProject.importFile(project, file);
            assertEquals(0, report.count(org.divergence.core.refi.MergeReport.Item.TRANSCRIPTS).added());
            String notCarried = String.join("\n", report.notCarried());
            assertTrue(notCarried.contains("sources stored outside the archive"), notCarried);
            assertTrue(notCarried.contains("missing from the archive"), notCarried);
            assertFalse(CodingTestSupport.dump(project).contains("TOP-SECRET"));
        }
    }

    private String refused(Path file) throws Exception {
        try (Project project = Project.create(folder.resolve("p" + System.nanoTime() + ".divergence"))) {
            String before = CodingTestSupport.dump(project);
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> MergeProject.importFile(project, file));
            assertEquals(before, CodingTestSupport.dump(project), "the project is unchanged");
            assertTrue(error.getMessage().startsWith(file.getFileName().toString()), error.getMessage());
            return error.getMessage();
        }
    }
}
