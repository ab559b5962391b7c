package org.divergence.testsupport;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.divergence.gui.common.DialogService;

/**
 * Answers save dialogs and name questions with what the test queued, and records every error shown and every name
 * question asked ("title | offered | suggested").
 */
public final class RecordingDialogs implements DialogService {

    public final Deque<Path> savePaths = new ArrayDeque<>();
    public final Deque<Optional<String>> names = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> saveTitles = new ArrayList<>();
    public final List<String> asked = new ArrayList<>();

    @Override
    public void showError(String title, Throwable error) {
        errors.add(title + ": " + error.getMessage());
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
    }

    @Override
    public boolean confirm(String title, String message, String confirmButton) {
        return true;
    }

    @Override
    public Optional<String> askForName(String title, String message, List<String> offered, String suggested) {
        asked.add(title + " | " + offered + " | " + suggested);
        return names.isEmpty() ? Optional.empty() : names.remove();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return Optional.empty();
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
        return List.of();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        saveTitles.add(title + " | " + suggestedName + " | " + types.getFirst().patterns());
        return Optional.ofNullable(savePaths.poll());
    }
}
