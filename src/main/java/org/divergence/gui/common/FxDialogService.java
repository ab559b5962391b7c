package org.divergence.gui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.dialog.ExceptionDialog;
import org.divergence.core.common.InvalidInputException;
import org.divergence.store.project.StoreException;

/**
 * Dialogs owned by the main window. Expected problems (bad input, a damaged file) get a plain message; anything
 * else gets ControlsFX's exception dialog with the details, because that is a bug the user may want to report.
 */
public final class FxDialogService implements DialogService {

    private static final Logger LOG = Logger.getLogger(FxDialogService.class.getName());

    private final Supplier<Window> owner;
    private final Path documents;
    private Path lastFolder;
    private final Map<SaveFolder, Path> savedTo = new EnumMap<>(SaveFolder.class);

    /** {@code documents}: where a save dialog with nothing to remember opens (the user's documents folder). */
    public FxDialogService(Supplier<Window> owner, Path documents) {
        this.owner = owner;
        this.documents = documents;
    }

    @Override
    public void showError(String title, Throwable error) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> showError(title, error));
            return;
        }
        if (isExpected(error)) {
            showError(title, error.getMessage());
            return;
        }
        LOG.log(Level.SEVERE, title, error);
        ExceptionDialog dialog = new ExceptionDialog(error);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.showAndWait();
    }

    static boolean isExpected(Throwable error) {
        return error instanceof InvalidInputException || error instanceof StoreException
                || error instanceof org.divergence.core.common.NetworkException;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message);
    }

    private void alert(Alert.AlertType type, String title, String message) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> alert(type, title, message));
            return;
        }
        Alert alert = new Alert(type, message, ButtonType.OK);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setMinWidth(480);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmButton) {
        ButtonType confirm = new ButtonType(confirmButton, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirm, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public Optional<String> askForName(String title, String message, List<String> offered, String suggested) {
        ComboBox<String> field = new ComboBox<>(FXCollections.observableArrayList(offered));
        field.setId("ask-name-field");
        field.setEditable(true);
        field.setMaxWidth(Double.MAX_VALUE);
        field.getEditor().setText(suggested == null ? "" : suggested);
        Label text = new Label(message);
        text.setWrapText(true);
        VBox content = new VBox(10, text, field);
        content.setPrefWidth(440);
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setId("ask-name");
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType("OK", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(Bindings.createBooleanBinding(
                () -> field.getEditor().getText().isBlank(), field.getEditor().textProperty()));
        dialog.setResultConverter(button -> button == ok ? field.getEditor().getText().strip() : null);
        Platform.runLater(field.getEditor()::requestFocus);
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        File file = chooser(title, types).showOpenDialog(owner.get());
        return remember(file);
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
        List<File> files = chooser(title, types).showOpenMultipleDialog(owner.get());
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        remember(files.getFirst());
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        return chooseFileToSave(title, suggestedName, types, SaveFolder.LAST_USED);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types,
                                           SaveFolder folder) {
        FileChooser chooser = chooser(title, types);
        chooser.setInitialFileName(suggestedName);
        if (folder != SaveFolder.LAST_USED) {
            Path initial = savedTo.getOrDefault(folder, documents);
            chooser.setInitialDirectory(initial != null && initial.toFile().isDirectory() ? initial.toFile() : null);
        }
        Optional<Path> chosen = remember(chooser.showSaveDialog(owner.get()));
        chosen.ifPresent(file -> savedTo.put(folder, file.getParent()));
        return chosen;
    }

    private FileChooser chooser(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType type : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.patterns()));
        }
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.toPath().getParent();
        return Optional.of(file.toPath());
    }
}
