package org.divergence.gui.common;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What File → Export… does. Features register the file types they export; the user chooses a file and its extension
 * says which feature writes it.
 */
public interface ExportHandler {
    void chooseAndExport();

    /** Exports to this file, chosen elsewhere (a test, a script): its extension picks the exporter. */
    void exportTo(Path file);

    /** E.g. ("REFI-QDA project", "qdpx", action::exportTo). The extension is lower case, without the dot. */
    void register(String description, String extension, Consumer<Path> exporter);
}
