package org.divergence.app.transcripts;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
 * Imports transcript files into a project, all or nothing, in one transaction: each file is read and stored in turn
 * (so memory holds one transcript at a time); if any cannot be read, or its text is already in the project, the
 * transaction rolls back and the error lists each file with its reason ("FILE: reason").
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
        // Read and stored one at a time, in one transaction: memory holds one transcript, however many there are.
        return project.write(EnumSet.of(DataArea.TRANSCRIPTS, DataArea.CASES), connection -> {
            Writer writer = new Writer(connection, options, null);
            List<String> unreadable = new ArrayList<>();
            int done = 0;
            for (Path file : files) {
                progress.checkCancelled();
                progress.update(done++, files.size(), "Reading " + file.getFileName());
                TranscriptReader.ReadTranscript transcript;
                try {
                    transcript = TranscriptReader.read(file);
                } catch (InvalidInputException e) {
                    unreadable.add(e.getMessage());
                    continue;
                }
                if (unreadable.isEmpty()) {
                    writer.add(transcript);
                }
            }
            // Once a file cannot be read nothing is kept: the others are still read, so every reason is listed.
            List<String> problems = unreadable.isEmpty() ? writer.problems : unreadable;
            if (!problems.isEmpty()) {
                // Thrown inside the write: the transaction rolls back and nothing is kept.
                throw new InvalidInputException((problems.size() == 1 ? "" : problems.size()
                        + " files could not be imported; nothing was imported:\n") + String.join("\n", problems)
                        + (problems.size() == 1 ? " (nothing was imported)" : ""));
            }
            progress.update(files.size(), files.size(), "Imported " + writer.result.size() + " transcript(s)");
            return writer.result;
        });
    }

    /**
     * Writes already-read transcripts in one transaction. {@code guids} (optional, by transcript name) fixes their
     * GUIDs, so the sample project is the same every time it is built.
     */
    public static List<Imported> store(Project project, List<TranscriptReader.ReadTranscript> transcripts,
                                       Options options, Map<String, String> guids) {
        return project.write(EnumSet.of(DataArea.TRANSCRIPTS, DataArea.CASES), connection -> {
            Writer writer = new Writer(connection, options, guids);
            for (TranscriptReader.ReadTranscript transcript : transcripts) {
                writer.add(transcript);
            }
            if (!writer.problems.isEmpty()) {
                throw new InvalidInputException(String.join("\n", writer.problems) + " (nothing was imported)");
            }
            return writer.result;
        });
    }

    /** Stores transcripts one by one inside the caller's transaction, refusing texts the project already has. */
    private static final class Writer {
        private final Connection connection;
        private final Options options;
        private final Map<String, String> guids;
        private final Map<String, String> existingHashes;
        private final Set<String> names;
        private final String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                .toString();
        private final List<String> problems = new ArrayList<>();
        private final List<Imported> result = new ArrayList<>();

        Writer(Connection connection, Options options, Map<String, String> guids) throws SQLException {
            this.connection = connection;
            this.options = options;
            this.guids = guids;
            this.existingHashes = TranscriptStore.namesByTextHash(connection);
            this.names = TranscriptStore.names(connection);
        }

        void add(TranscriptReader.ReadTranscript transcript) throws SQLException {
            String hash = TranscriptStore.sha256(transcript.text());
            if (existingHashes.containsKey(hash)) {
                problems.add(duplicate(transcript, hash));
                return;
            }
            String fileName = transcript.file().getFileName().toString();
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

        private String duplicate(TranscriptReader.ReadTranscript transcript, String hash) {
            return transcript.file().getFileName() + ": the same text is already in the project as \u201C"
                    + existingHashes.get(hash) + "\u201D";
        }
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
