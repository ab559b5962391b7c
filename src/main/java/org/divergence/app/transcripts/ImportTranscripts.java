package org.divergence.app.transcripts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.exchange.transcripts.TranscriptFormat;
import org.divergence.exchange.transcripts.TranscriptReader;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;

/**
 * Imports transcript files into a project, all or nothing: every file is read first; if any cannot be, nothing is
 * written and the error lists each file with its reason ("FILE: reason"). Otherwise all transcripts, their cases and
 * attribute values are written in one transaction.
 */
public final class ImportTranscripts {

    /**
     * Where the transcripts go: {@code caseName} puts all of them in that case (created if new); without it, each
     * transcript gets a case named after its file. {@code attributes} are set on those cases.
     */
    public record Options(String caseName, Map<String, String> attributes) {
        public static final Options DEFAULT = new Options(null, Map.of());

        public Options {
            attributes = attributes == null ? Map.of() : new LinkedHashMap<>(attributes);
        }
    }

    /** What was imported: the new transcript's id, name and case. */
    public record Imported(long transcriptId, String guid, String name, String caseName, int length,
                           TranscriptFormat format) {
    }

    private ImportTranscripts() {
    }

    public static List<Imported> importFiles(Project project, List<Path> files, Options options, Progress progress) {
        if (files.isEmpty()) {
            throw new InvalidInputException("No transcript files given.");
        }
        List<TranscriptReader.ReadTranscript> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int done = 0;
        for (Path file : files) {
            progress.checkCancelled();
            progress.update(done++, files.size() + 1L, "Reading " + file.getFileName());
            try {
                read.add(TranscriptReader.read(file));
            } catch (InvalidInputException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException((problems.size() == 1 ? "" : problems.size()
                    + " files could not be imported; nothing was imported:\n") + String.join("\n", problems)
                    + (problems.size() == 1 ? " (nothing was imported)" : ""));
        }
        progress.update(files.size(), files.size() + 1L, "Saving " + read.size() + " transcript(s)");
        List<Imported> imported = store(project, read, options, null);
        progress.update(files.size() + 1L, files.size() + 1L, "Imported " + imported.size() + " transcript(s)");
        return imported;
    }

    /**
     * Writes already-read transcripts in one transaction. {@code guids} (optional, by transcript name) fixes their
     * GUIDs, so the sample project is the same every time it is built.
     */
    public static List<Imported> store(Project project, List<TranscriptReader.ReadTranscript> transcripts,
                                       Options options, Map<String, String> guids) {
        return project.write(EnumSet.of(DataArea.TRANSCRIPTS, DataArea.CASES), connection -> {
            Map<String, String> existingHashes = TranscriptStore.namesByTextHash(connection);
            Set<String> names = TranscriptStore.names(connection);
            List<String> problems = new ArrayList<>();
            List<Imported> result = new ArrayList<>();
            String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            for (TranscriptReader.ReadTranscript transcript : transcripts) {
                String hash = TranscriptStore.sha256(transcript.text());
                String fileName = transcript.file().getFileName().toString();
                if (existingHashes.containsKey(hash)) {
                    problems.add(fileName + ": the same text is already in the project as \u201C"
                            + existingHashes.get(hash) + "\u201D");
                    continue;
                }
                String name = uniqueName(transcript.name(), names);
                existingHashes.put(hash, name);
                String caseName = options.caseName() == null || options.caseName().isBlank()
                        ? transcript.name() : options.caseName().strip();
                long caseId = CaseStore.ensureCase(connection, caseName, null);
                for (Map.Entry<String, String> attribute : options.attributes().entrySet()) {
                    long attributeId = CaseStore.ensureAttribute(connection, attribute.getKey().strip(), null);
                    CaseStore.writeValue(connection, caseId, attributeId, attribute.getValue());
                }
                String guid = guids != null && guids.containsKey(transcript.name())
                        ? guids.get(transcript.name()) : UUID.randomUUID().toString();
                int length = transcript.text().codePointCount(0, transcript.text().length());
                long id = TranscriptStore.insert(connection, new TranscriptStore.NewTranscript(guid, name, caseId,
                        transcript.text(), fileName, transcript.format().extension()), now);
                result.add(new Imported(id, guid, name, caseName, length, transcript.format()));
            }
            if (!problems.isEmpty()) {
                // Thrown inside the write: the transaction rolls back and nothing is kept.
                throw new InvalidInputException(String.join("\n", problems) + " (nothing was imported)");
            }
            return result;
        });
    }

    private static String uniqueName(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + " (" + n + ")";
        }
        taken.add(name);
        return name;
    }
}
