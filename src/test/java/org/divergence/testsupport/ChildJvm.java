package org.divergence.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the workbench's command line in a separate JVM (the test class path), so a test can really kill it. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(Path log, String... args) throws IOException {
        return startMain(log, "org.divergence.Launcher", args);
    }

    /** Runs any main class of the test class path, e.g. a driver that performs many writes in a row. */
    public static Process startMain(Path log, String mainClass, String... args) throws IOException {
        return builder(mainClass, args).redirectOutput(log.toFile()).start();
    }

    /** Like {@link #startMain}, its output (with its errors) read from the process as it comes. */
    public static Process startPiped(String mainClass, String... args) throws IOException {
        return builder(mainClass, args).start();
    }

    private static ProcessBuilder builder(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
