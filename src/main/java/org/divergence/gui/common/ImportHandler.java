package org.divergence.gui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What File → Import…, the tool bar's import button and drag-and-drop onto the window do. Features register the
 * file types they import; files are routed to them by extension.
 */
public interface ImportHandler {
    void chooseAndImport();

    void importFiles(List<Path> files);

    /** E.g. ("Interview transcripts", {"txt", "docx", …}, action::importFiles). Extensions are lower case. */
    void register(String description, Set<String> extensions, Consumer<List<Path>> importer);
}
