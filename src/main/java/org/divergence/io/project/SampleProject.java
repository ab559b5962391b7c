package org.divergence.io.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.divergence.core.common.Progress;

/**
 * The embedded default: a project built at first start from the sample datasets bundled in the jar, so that a
 * newcomer sees real content at once. It is built under a temporary name and moved into place when complete.
 */
public final class SampleProject {

    public static final String FILE_NAME = "Sample project.divergence";

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
            try (Project project = Project.create(partial)) {
                populate(project, progress);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the sample project in " + dataFolder, e);
        }
    }

    /** Fills a new project with the bundled samples. Each feature that ships sample data adds its step here. */
    static void populate(Project project, Progress progress) {
        project.putMeta("sample", "true");
        org.divergence.io.coding.SampleInterviews.populate(project, progress);
        progress.update(1, 1, "Sample project ready");
    }

    private static void deleteWithSidecars(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal", "-lock"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }
}
