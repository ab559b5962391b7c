package org.divergence.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One timed {@code import} into a new project in a child JVM with a bounded heap, JVM start included. */
final class ChildImport {

    /** How long it took, and the child's own report of its peak memory. */
    record Run(double seconds, String memory) {
    }

    private ChildImport() {
    }

    /** Imports {@code inputs} into {@code work/NAME.divergence}, which is deleted afterwards with its side files. */
    static Run time(Path work, String name, String heap, Path... inputs) throws IOException, InterruptedException {
        Path project = work.resolve(name + ".divergence");
        Files.deleteIfExists(project);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.divergence.Launcher", "import", "--project",
                project.toString()));
        for (Path input : inputs) {
            command.add(input.toString());
        }
        command.add("--report-memory");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import failed: " + output);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String memory = output.lines().filter(line -> line.startsWith("peak heap")).findFirst().orElse("");
        try (Stream<Path> files = Files.list(work)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + ".divergence"))
                    .toList()) {
                Files.deleteIfExists(file);
            }
        }
        return new Run(seconds, memory);
    }
}
