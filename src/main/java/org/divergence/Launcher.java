package org.divergence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.divergence.cli.Cli;

/**
 * The jar's entry point. With arguments it is the command line and never starts JavaFX; without arguments, or
 * with just a project or QDPX file (what a desktop double-click passes), it starts the desktop app, with JavaFX
 * as named modules ({@link JavaFxModules}). Being a plain class rather than an {@code Application} lets the command
 * line run without JavaFX.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (startsDesktop(args)) {
            java.util.Optional<Integer> relaunched = JavaFxModules.relaunchIfNeeded(args);
            if (relaunched.isPresent()) {
                System.exit(relaunched.get());
            }
            org.divergence.gui.WorkbenchApp.start(args);
        } else {
            Cli.main(args);
        }
    }

    static boolean startsDesktop(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length == 1) {
            String arg = args[0].toLowerCase(Locale.ROOT);
            boolean openable = arg.endsWith(".divergence") || arg.endsWith(".qdpx");
            return openable && Files.isRegularFile(Path.of(args[0]));
        }
        return false;
    }
}
