package org.divergence.samples;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.divergence.app.transcripts.ImportTranscripts;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.StarterCodebook;
import org.divergence.core.common.Progress;
import org.divergence.exchange.transcripts.TranscriptReader;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * Puts the bundled fictional demonstration interviews ({@code sample-datasets/interviews}) into a project: six
 * transcripts with their cases and attributes, the starter codebook, and the codings of two fictional coders, Ana and
 * Ben, who agree in part. Everything that identifies something (GUIDs, coding times) is fixed, so the sample project
 * is the same every time it is built and reports on it can be golden-tested.
 */
public final class SampleInterviews {

    public static final String RESOURCE_FOLDER = "/sample-datasets/interviews/";
    public static final List<String> CODERS = List.of("Ana", "Ben");
    static final String FIXED_TIME_BASE = "2026-01-15T09:00:00Z";

    private SampleInterviews() {
    }

    public static void populate(Project project, Progress progress) {
        progress.update(0, 4, "Adding the starter codebook");
        new CodebookStore(project).addStarterCodebook().run();

        progress.update(1, 4, "Importing the sample interviews");
        List<NamedCsvRecord> manifest = readCsv("manifest.csv");
        List<String> attributeNames = List.of("role", "organisation_type", "years_experience");
        List<TranscriptReader.ReadTranscript> transcripts = new ArrayList<>();
        Map<String, String> guids = new HashMap<>();
        for (NamedCsvRecord row : manifest) {
            String file = row.getField("file");
            TranscriptReader.ReadTranscript transcript = TranscriptReader.fromBytes(file, resource(file));
            transcripts.add(transcript);
            guids.put(transcript.name(), row.getField("guid"));
        }
        project.write(EnumSet.of(DataArea.CASES), connection -> {
            for (String attribute : attributeNames) {
                CaseStore.ensureAttribute(connection, attribute, fixedGuid("attribute:" + attribute));
            }
            for (NamedCsvRecord row : manifest) {
                long caseId = CaseStore.ensureCase(connection, row.getField("case"), fixedGuid("case:"
                        + row.getField("case")));
                for (String attribute : attributeNames) {
                    long attributeId = CaseStore.ensureAttribute(connection, attribute, null);
                    CaseStore.writeValue(connection, caseId, attributeId, row.getField(attribute));
                }
            }
            return null;
        });
        Map<String, Long> transcriptIds = new HashMap<>();
        for (int i = 0; i < manifest.size(); i++) {
            NamedCsvRecord row = manifest.get(i);
            var imported = ImportTranscripts.store(project, List.of(transcripts.get(i)),
                    new ImportTranscripts.Options(row.getField("case"), Map.of()), guids);
            transcriptIds.put(row.getField("file"), imported.getFirst().transcriptId());
        }

        progress.update(2, 4, "Coding the sample interviews (Ana and Ben)");
        CodingStore codingStore = new CodingStore(project);
        Map<String, Coder> coders = new LinkedHashMap<>();
        for (String name : CODERS) {
            coders.put(name, codingStore.ensureCoder(name, fixedGuid("coder:" + name)));
        }
        Codebook codebook = new CodebookStore(project).load();
        Code root = codebook.byGuid(StarterCodebook.ROOT_GUID).orElseThrow();
        Map<String, Long> codeIds = new HashMap<>();
        codebook.children(root.id()).forEach(code -> codeIds.put(code.name(), code.id()));
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < transcripts.size(); i++) {
            texts.put(manifest.get(i).getField("file"), transcripts.get(i).text());
        }
        List<NamedCsvRecord> codings = readCsv("codings.csv");
        project.write(EnumSet.of(DataArea.CODINGS), connection -> {
            java.time.Instant base = java.time.Instant.parse(FIXED_TIME_BASE);
            int n = 0;
            for (NamedCsvRecord row : codings) {
                String file = row.getField("file");
                String text = texts.get(file);
                String quote = row.getField("quote");
                int at = text.indexOf(quote);
                if (at < 0) {
                    throw new IllegalStateException("Sample coding quote not found in " + file + ": " + quote);
                }
                int start = text.codePointCount(0, at);
                int end = start + quote.codePointCount(0, quote.length());
                Long codeId = codeIds.get(row.getField("code"));
                if (codeId == null) {
                    throw new IllegalStateException("Sample coding names an unknown code: " + row.getField("code"));
                }
                String key = file + "|" + row.getField("coder") + "|" + row.getField("code") + "|" + quote;
                CodingStore.insertFixed(connection, fixedGuid("coding:" + key),
                        transcriptIds.get(file), codeId, coders.get(row.getField("coder")).id(), start, end,
                        base.plusSeconds(60L * n++).toString());
            }
            return null;
        });
        progress.update(4, 4, "Sample interviews ready");
    }

    private static String fixedGuid(String key) {
        return UUID.nameUUIDFromBytes(("divergence-sample:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<NamedCsvRecord> readCsv(String name) {
        String text = new String(resource(name), StandardCharsets.UTF_8);
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(text)) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = SampleInterviews.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled sample file " + RESOURCE_FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
