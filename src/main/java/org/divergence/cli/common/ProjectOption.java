package org.divergence.cli.common;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --project FILE} option every data command takes. */
public final class ProjectOption {
    @Option(names = "--project", required = true, paramLabel = "FILE",
            description = "The project file (.divergence).")
    Path project;

    public Path path() {
        return project;
    }
}
