package org.divergence.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.samples.SampleProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the sample project (what the desktop app opens on its first start) to a file, without a window: for
 * scripts, for trying the command line, and for the installer check, which runs {@code info} on it.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Write a new copy of the sample project (the one the desktop app opens on first start).",
            "Not to be confused with `draw` (draws a random sample from a population project) or `generate-sample`"
                + " (writes SYNTHETIC repositories as CSV)."})
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The project file to create, e.g. sample.divergence. It must not exist yet.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path target = out.toAbsolutePath().normalize();
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal", "-lock"}) {
            Path existing = target.resolveSibling(target.getFileName() + suffix);
            if (Files.exists(existing)) {
                throw new InvalidInputException(existing + " already exists; choose a new file name.");
            }
        }
        Files.createDirectories(target.getParent());
        // Built in a private folder beside the target, then moved: a half-built sample never appears under FILE.
        Path staging = Files.createTempDirectory(target.getParent(), ".sample-");
        try {
            Path built = SampleProject.ensure(staging, Progress.NONE);
            Files.move(built, target);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(target + " already exists; choose a new file name.", e);
        } finally {
            deleteRecursively(staging);
        }
        spec.commandLine().getOut().println("Wrote the sample project to " + target);
        return ExitCodes.OK;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
