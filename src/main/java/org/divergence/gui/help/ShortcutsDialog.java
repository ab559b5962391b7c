package org.divergence.gui.help;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.divergence.gui.common.DialogSizes;
import org.divergence.gui.common.Shortcut;
import org.divergence.gui.common.Shortcuts;

/** Help → Keyboard shortcuts: every shortcut of the app, where it works and what it does. */
public final class ShortcutsDialog {

    public static final String TITLE = "Keyboard shortcuts";

    private ShortcutsDialog() {
    }

    public static Dialog<Void> show(Window owner) {
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcuts-table");
        table.getItems().setAll(Shortcuts.all());
        table.getColumns().add(column("Keys", 150, Shortcut::displayKeys));
        table.getColumns().add(column("What it does", 420, Shortcut::action));
        table.getColumns().add(column("Where", 170, Shortcut::where));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(TITLE);
        dialog.setHeaderText("Every shortcut of the app, and where it works");
        dialog.getDialogPane().setContent(table);
        DialogSizes.fit(dialog, 820, 640);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
        return dialog;
    }

    private static TableColumn<Shortcut, String> column(String title, double width,
                                                        java.util.function.Function<Shortcut, String> value) {
        TableColumn<Shortcut, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(row -> new SimpleStringProperty(value.apply(row.getValue())));
        return column;
    }
}
