package org.divergence.gui.shell;

import java.nio.file.Path;
import java.util.List;

/** What File → Import…, the tool bar's import button and drag-and-drop onto the window do. */
public interface ImportHandler {
    void chooseAndImport();

    void importFiles(List<Path> files);
}
