package org.divergence.gui.report;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.divergence.gui.common.DialogService;

/** Answers save dialogs with the paths queued by the test and records every error shown. */
final class RecordingDialogs implements DialogService {

    final Deque<Path> savePaths = new ArrayDeque<>();
    final List<String> errors = new ArrayList<>();
    final List<String> saveTitles = new ArrayList<>();

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
        return Optional.empty();
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
