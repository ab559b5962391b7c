package org.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app's second JVM, started by a bare java -jar: JavaFX's module jars on the module path. */
class JavaFxModulesTest {

    @TempDir
    Path lib;

    @Test
    void takesTheJavaFxJarsWithAModuleDescriptorNotMavensEmptyOnesNorOtherLibraries() throws IOException {
        jar("javafx-base-25.0.2-linux.jar", "module-info.class");
        jar("javafx-base-25.0.2.jar", "META-INF/MANIFEST.MF");
        jar("javafx-graphics-25.0.2-linux.jar", "module-info.class");
        jar("commonmark-0.27.0.jar", "module-info.class");
        assertEquals(List.of(lib.resolve("javafx-base-25.0.2-linux.jar"), lib.resolve("javafx-graphics-25.0.2-linux.jar")),
                JavaFxModules.moduleJars(lib));
        assertEquals(List.of(), JavaFxModules.moduleJars(lib.resolve("absent")));
    }

    @Test
    void theSecondJvmKeepsTheOptionsAndArgumentsAndAddsTheModulePath() {
        Path java = Path.of("/jdk/bin/java");
        List<String> command = JavaFxModules.command(java, List.of("-Xmx2g", "-Dx=y"), Path.of("/app/dw.jar"),
                List.of(Path.of("/app/lib/a.jar"), Path.of("/app/lib/b.jar")), new String[] {"study.divergence"});
        assertEquals(List.of("/jdk/bin/java", "-Xmx2g", "-Dx=y", "-Ddivergence.relaunched=true",
                "--enable-native-access=ALL-UNNAMED,javafx.graphics", "--module-path",
                "/app/lib/a.jar" + File.pathSeparator + "/app/lib/b.jar", "--add-modules", "javafx.controls",
                "-cp", "/app/dw.jar", "org.divergence.Launcher", "study.divergence"), command);
    }

    @Test
    void theTestsRunJavaFxFromTheClassPathSoNothingIsRelaunchedFromAFolder() {
        assertTrue(JavaFxModules.relaunchIfNeeded(new String[0]).isEmpty(), "classes come from target/classes");
    }

    private void jar(String name, String entry) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(lib.resolve(name)))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(new byte[] {1});
            out.closeEntry();
        }
    }
}
