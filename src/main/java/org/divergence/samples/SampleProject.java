package org.divergence.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.core.common.Progress;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.ImportBatches;

/**
 * The embedded default, so that a newcomer sees real content at once: a project built from the sample datasets
 * bundled in the jar. The build makes it once ({@link #main}, Maven's process-classes phase) and the jar carries the
 * file, which the first start copies out; without that file (e.g. classes run from an IDE) it is built on the spot.
 * Either way it is written under a temporary name and moved into place when complete. Its stamps are fixed, so the
 * shipped file and a fresh build are the same bytes (ADR 0134).
 */
public final class SampleProject {

    public static final String FILE_NAME = "Sample project.divergence";
    static final String REPOSITORIES_CSV = "repositories-sample.csv";
    /** When the bundled sample data was made: the import time of the sample's batch and transcripts. */
    static final String FIXED_IMPORT_TIME = "2026-01-15T08:00:00Z";
    /** The sample's project guid: the same in every copy, like the rest of its content. */
    static final String FIXED_GUID = "5a3b1e0c-8d2f-4c71-9e46-0d1f2a7b9c33";
    /** Where the build puts the ready-made sample in the jar. */
    static final String SHIPPED = "/sample-project/sample.divergence";

    /** The build's step: {@code SampleProject FILE} writes the ready-made sample the jar ships. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SampleProject FILE");
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        deleteWithSidecars(file);
        build(file, Progress.NONE);
    }

    private SampleProject() {
    }

    public static Path pathIn(Path dataFolder) {
        return dataFolder.resolve(FILE_NAME);
    }

    /** Returns the sample project's path, building it first if it does not exist. */
    public static Path ensure(Path dataFolder, Progress progress) {
        Path target = pathIn(dataFolder);
        if (Files.exists(target)) {
            return target;
        }
        Path partial = dataFolder.resolve(FILE_NAME + ".partial");
        try {
            Files.createDirectories(dataFolder);
            deleteWithSidecars(partial);
            try (InputStream shipped = SampleProject.class.getResourceAsStream(SHIPPED)) {
                if (shipped != null) {
                    Files.copy(shipped, partial);
                } else {
                    build(partial, progress);
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the sample project in " + dataFolder, e);
        }
    }

    /** Builds the sample project from the bundled datasets into a new file (what the jar ships). */
    static void build(Path file, Progress progress) {
        try (Project project = Project.create(file)) {
            populate(project, progress);
        }
    }

    /** Fills a new project with the bundled samples. Each feature that ships sample data adds its step here. */
    static void populate(Project project, Progress progress) {
        project.putMeta("sample", "true");
        progress.update(0, 1, "Importing the synthetic repository sample");
        importBundledRepositories(project);
        org.divergence.samples.SampleInterviews.populate(project, progress);
        org.divergence.samples.SampleTags.populate(project);
        org.divergence.samples.SampleEvidence.populate(project);
        stampFixedImportTimes(project);
        project.stampCreation(FIXED_IMPORT_TIME, FIXED_GUID);
        progress.update(1, 1, "Sample project ready");
    }

    /**
     * The sample is a fixed artefact: its import batch and transcripts carry the bundle's time instead of the first
     * start's, so the sample project's content, and a report on it, is the same on every machine.
     */
    private static void stampFixedImportTimes(Project project) {
        project.write(EnumSet.of(DataArea.BATCHES, DataArea.TRANSCRIPTS), connection -> {
            ImportBatches.setAllImportTimes(connection, FIXED_IMPORT_TIME);
            TranscriptStore.setAllImportTimes(connection, FIXED_IMPORT_TIME);
            return null;
        });
    }

    /** The bundled CSV is copied out under its own name, so the import batch names it as users know it. */
    private static void importBundledRepositories(Project project) {
        Path folder = null;
        try (InputStream in = SampleProject.class.getResourceAsStream("/sample-datasets/" + REPOSITORIES_CSV)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks sample-datasets/" + REPOSITORIES_CSV);
            }
            folder = Files.createTempDirectory("divergence-sample");
            Path csv = folder.resolve(REPOSITORIES_CSV);
            Files.copy(in, csv);
            new ImportRepositories(project).importFiles(List.of(csv),
                    ImportOptions.defaults(), Progress.NONE);
            Files.delete(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the sample repositories", e);
        } finally {
            if (folder != null) {
                folder.toFile().delete();
            }
        }
    }

    private static void deleteWithSidecars(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal", "-lock"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }
}
