package org.divergence.gui.tags;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.core.tags.TagUsage;
import org.divergence.store.tags.RepositoryTags;

/**
 * Tags repositories by hand: pick a code of the codebook (type to narrow the list), choose the selected rows or all
 * rows shown, and Tag (or Remove the hand-given tag). Undo with Edit → Undo.
 */
final class TagDialog {

    static final ButtonType TAG = new ButtonType("Tag", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REMOVE = new ButtonType("Remove tag", ButtonBar.ButtonData.OTHER);

    private TagDialog() {
    }

    static void show(Window owner, TaggingViewModel viewModel, long[] selected, Supplier<long[]> shown,
                     long shownCount, java.util.function.Consumer<org.divergence.core.tags.FactorTag> openRules) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Tag repositories");
        dialog.setHeaderText("Tag repositories with a factor: a code of the codebook");
        dialog.getDialogPane().setId("tag-dialog");

        TextField search = new TextField();
        search.setPromptText("Find a code…");
        search.setId("tag-dialog-search");
        FilteredList<TagUsage> codes = new FilteredList<>(viewModel.usage());
        search.textProperty().addListener((obs, old, text) -> {
            String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            codes.setPredicate(usage -> wanted.isEmpty()
                    || usage.tag().path().toLowerCase(Locale.ROOT).contains(wanted));
        });
        ListView<TagUsage> list = new ListView<>(codes);
        list.setId("tag-dialog-codes");
        list.setPrefSize(440, 280);
        list.setPlaceholder(new Label("No code here. Tags are the codes of the codebook:\nadd codes in the Codebook"
                + " section."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(TagUsage usage, boolean empty) {
                super.updateItem(usage, empty);
                if (empty || usage == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label count = new Label(usage.repositories() == 0 ? "" : String.format("%,d", usage.repositories()));
                count.getStyleClass().add("muted");
                count.setMinWidth(Label.USE_PREF_SIZE);
                count.setTooltip(new Tooltip(String.format("%,d repositories carry it: %,d by hand, %,d by rule",
                        usage.repositories(), usage.byHand(), usage.byRule())));
                Label name = new Label(usage.tag().name());
                name.setMinWidth(0);
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox row = new HBox(8, TagChips.swatch(usage.tag()), name, spacer, count);
                row.setAlignment(Pos.CENTER_LEFT);
                // Codes below others are indented, as in the codebook.
                int depth = usage.tag().path().length() - usage.tag().path().replace("/", "").length()
                        - (usage.tag().name().length() - usage.tag().name().replace("/", "").length());
                row.setPadding(new Insets(0, 0, 0, 16 * depth));
                setText(null);
                setGraphic(row);
                setTooltip(new Tooltip(usage.tag().path()));
                setPrefWidth(0);
            }
        });
        codes.addListener((javafx.collections.ListChangeListener<TagUsage>) change -> {
            if (list.getSelectionModel().getSelectedItem() == null && !codes.isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        if (!codes.isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        // Down moves into the list; Enter tags with the highlighted code.
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.DOWN) {
                list.requestFocus();
                list.getSelectionModel().selectNext();
                event.consume();
            }
        });

        ToggleGroup scope = new ToggleGroup();
        RadioButton selection = new RadioButton(String.format("the %,d selected %s", selected.length,
                selected.length == 1 ? "repository" : "repositories"));
        selection.setId("tag-scope-selection");
        selection.setToggleGroup(scope);
        selection.setDisable(selected.length == 0 || selected.length > RepositoryTags.HAND_TAG_LIMIT);
        if (selected.length > RepositoryTags.HAND_TAG_LIMIT) {
            selection.setText(selection.getText() + String.format(": more than %,d, use a rule",
                    RepositoryTags.HAND_TAG_LIMIT));
        }
        RadioButton all = new RadioButton(String.format("all %,d %s shown (the current filter)", shownCount,
                shownCount == 1 ? "repository" : "repositories"));
        all.setId("tag-scope-shown");
        all.setToggleGroup(scope);
        all.setDisable(shownCount == 0 || shownCount > RepositoryTags.HAND_TAG_LIMIT);
        if (shownCount > RepositoryTags.HAND_TAG_LIMIT) {
            all.setText(all.getText() + String.format(": more than %,d, use a rule", RepositoryTags.HAND_TAG_LIMIT));
        }
        scope.selectToggle(!selection.isDisable() ? selection : all.isDisable() ? null : all);

        Hyperlink rules = new Hyperlink("Tag by a rule instead…");
        rules.setOnAction(event -> {
            TagUsage chosen = list.getSelectionModel().getSelectedItem();
            dialog.close();
            openRules.accept(chosen == null ? null : chosen.tag());
        });
        Label hint = new Label("Edit → Undo (Ctrl+Z) takes tagging back. Remove tag takes off tags given by hand;"
                + " tags given by rules stay.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMaxWidth(440);
        VBox content = new VBox(8, search, list, new Label("Apply to"), selection, all, hint, rules);
        VBox.setMargin(selection, new Insets(0, 0, 0, 12));
        VBox.setMargin(all, new Insets(0, 0, 0, 12));
        content.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(REMOVE, TAG, ButtonType.CANCEL);
        for (ButtonType type : new ButtonType[] {TAG, REMOVE}) {
            Button button = (Button) dialog.getDialogPane().lookupButton(type);
            button.setId(type == TAG ? "tag-dialog-tag" : "tag-dialog-remove");
            button.disableProperty().bind(Bindings.isNull(list.getSelectionModel().selectedItemProperty())
                    .or(Bindings.isNull(scope.selectedToggleProperty())));
        }
        Button tagButton = (Button) dialog.getDialogPane().lookupButton(TAG);
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                tagButton.fire();
            }
        });
        for (javafx.scene.Node field : new javafx.scene.Node[] {search, list}) {
            field.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == javafx.scene.input.KeyCode.ENTER && !tagButton.isDisabled()) {
                    tagButton.fire();
                    event.consume();
                }
            });
        }
        dialog.setResultConverter(type -> type);
        dialog.setOnShown(event -> search.requestFocus());
        dialog.resultProperty().addListener((obs, old, result) -> {
            TagUsage chosen = list.getSelectionModel().getSelectedItem();
            if (chosen == null || result != TAG && result != REMOVE) {
                return;
            }
            long[] ids = scope.getSelectedToggle() == selection ? selected : shown.get();
            if (result == TAG) {
                viewModel.tag(chosen.tag(), ids, null);
            } else {
                viewModel.untag(chosen.tag(), ids, null);
            }
        });
        dialog.show();
    }
}
