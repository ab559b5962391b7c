package org.divergence;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Starts the desktop app with JavaFX as named modules, as JavaFX expects: loaded from the class path it warns
 * "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'". The installed app's runtime
 * carries JavaFX as system modules and {@code mvn javafx:run} puts it on the module path, but a jar's manifest
 * cannot name a module path, so a bare {@code java -jar} starts a second JVM with JavaFX's jars from {@code lib/}
 * on the module path (docs/decisions/0107-javafx-as-named-modules.md).
 */
final class JavaFxModules {

    /** JavaFX's modules, and the native access its graphics module needs besides the app's own (SQLite). */
    static final String ROOT_MODULE = "javafx.controls";
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED,javafx.graphics";
    /** Set in the second JVM, so it never starts a third whatever goes wrong. */
    static final String RELAUNCHED = "divergence.relaunched";

    private JavaFxModules() {
    }

    /** True when JavaFX is in the boot layer as named modules (the runtime image, or a module path). */
    static boolean loadedAsModules() {
        return ModuleLayer.boot().findModule("javafx.graphics").isPresent();
    }

    /**
     * The JavaFX module jars in {@code lib}: those with a module descriptor. Maven also copies an empty jar per
     * module (without the OS classifier), which must stay off the module path.
     */
    static List<Path> moduleJars(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(lib)) {
            for (Path jar : files.filter(JavaFxModules::isJavaFxJar).sorted().toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    if (file.getEntry("module-info.class") != null) {
                        jars.add(jar);
                    }
                }
            }
        }
        return jars;
    }

    private static boolean isJavaFxJar(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith("javafx-") && name.endsWith(".jar");
    }

    /**
     * The command of the second JVM: the same {@code java}, the same JVM options, JavaFX on the module path, the
     * jar on the class path (its manifest brings the other libraries), and the same arguments.
     */
    static List<String> command(Path java, List<String> jvmOptions, Path jar, List<Path> modules, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-D" + RELAUNCHED + "=true");
        command.add(NATIVE_ACCESS);
        command.add("--module-path");
        command.add(String.join(File.pathSeparator, modules.stream().map(Path::toString).toList()));
        command.add("--add-modules");
        command.add(ROOT_MODULE);
        command.add("-cp");
        command.add(jar.toString());
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the desktop app in a second JVM with JavaFX as modules when this one has JavaFX on the class path and
     * started from the jar, with JavaFX's module jars in the {@code lib/} beside it. Returns the second JVM's exit
     * code, or empty when the app should start here (no jar, no module jars, or the second JVM cannot start).
     */
    static Optional<Integer> relaunchIfNeeded(String[] args) {
        if (loadedAsModules() || Boolean.getBoolean(RELAUNCHED)) {
            return Optional.empty();
        }
        try {
            Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty(); // classes from a folder (an IDE): no lib/ to take JavaFX from
            }
            List<Path> modules = moduleJars(jar.resolveSibling("lib"));
            if (modules.isEmpty()) {
                return Optional.empty();
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
            ProcessBuilder builder = new ProcessBuilder(command(java, options, jar, modules, args)).inheritIO();
            // Options from these variables are among this JVM's options already: passed once, not twice.
            Map<String, String> environment = builder.environment();
            environment.remove("JAVA_TOOL_OPTIONS");
            environment.remove("JDK_JAVA_OPTIONS");
            Process app = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(app::destroy, "stop-desktop-app"));
            return Optional.of(app.waitFor());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }
}
