package org.divergence.gui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The app's one way to talk to the user in dialogs; ViewModels depend on this interface, never on Stage. */
public interface DialogService {

    /** A file type offered in open and save dialogs, e.g. ("Projects", "*.divergence"). */
    record FileType(String description, List<String> patterns) {
        public static FileType of(String description, String... patterns) {
            return new FileType(description, List.of(patterns));
        }
    }

    void showError(String title, Throwable error);

    void showError(String title, String message);

    void showInformation(String title, String message);

    boolean confirm(String title, String message, String confirmButton);

    /**
     * Asks for a name, offering {@code offered} to pick from and {@code suggested} typed in; empty when cancelled.
     * The answer is stripped and never blank.
     */
    Optional<String> askForName(String title, String message, List<String> offered, String suggested);

    Optional<Path> chooseFileToOpen(String title, List<FileType> types);

    List<Path> chooseFilesToOpen(String title, List<FileType> types);

    /** Which folder a save dialog opens in. */
    enum SaveFolder {
        /** The folder of the last file opened or saved. */
        LAST_USED,
        /**
         * The folder the last chart was exported to, else the user's documents folder: figures go with a paper,
         * not with the data files just imported.
         */
        CHARTS
    }

    /** Asks before overwriting an existing file (the platform dialog does this); opens in the last used folder. */
    Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types);

    default Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types,
                                            SaveFolder folder) {
        return chooseFileToSave(title, suggestedName, types);
    }
}
