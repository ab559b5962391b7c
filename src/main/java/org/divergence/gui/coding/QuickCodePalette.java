package org.divergence.gui.coding;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;

/** Ctrl+K: a search field over every code path; Enter applies the highlighted code, Esc closes. */
final class QuickCodePalette {

    private final Popup popup = new Popup();
    private final TextField search = new TextField();
    private final ListView<Code> results = new ListView<>();
    private Codebook codebook = Codebook.empty();
    private Consumer<Code> onChosen = code -> { };

    QuickCodePalette() {
        search.setPromptText("Type to find a code…");
        search.setId("quick-code-search");
        results.setId("quick-code-results");
        results.setPrefSize(420, 280);
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Code code, boolean empty) {
                super.updateItem(code, empty);
                if (empty || code == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(codebook.path(code.id()));
                    setGraphic(CodeTrees.swatch(code.color()));
                }
            }
        });
        search.textProperty().addListener((obs, old, text) -> filter(text));
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER) {
                choose(results.getSelectionModel().getSelectedItem() != null
                        ? results.getSelectionModel().getSelectedItem()
                        : results.getItems().isEmpty() ? null : results.getItems().getFirst());
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                event.consume();
            }
        });
        results.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                choose(results.getSelectionModel().getSelectedItem());
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                event.consume();
            }
        });
        results.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                choose(results.getSelectionModel().getSelectedItem());
            }
        });
        Label hint = new Label("Quick code: Enter applies to the selection · Esc closes");
        hint.getStyleClass().add("muted");
        VBox box = new VBox(6, search, results, hint);
        box.getStyleClass().add("quick-code-palette");
        box.setId("quick-code-palette");
        popup.getContent().add(box);
        popup.setAutoHide(true);
    }

    void show(Node owner, Codebook codebook, Consumer<Code> onChosen) {
        this.codebook = codebook;
        this.onChosen = onChosen;
        search.clear();
        filter("");
        Bounds bounds = owner.localToScreen(owner.getBoundsInLocal());
        if (bounds == null) {
            return;
        }
        popup.show(owner, bounds.getMinX() + Math.max(0, (bounds.getWidth() - 440) / 2), bounds.getMinY() + 40);
        search.requestFocus();
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    private void filter(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<Code> matching = codebook.inTreeOrder().stream()
                .filter(code -> needle.isEmpty() || codebook.path(code.id()).toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        results.getItems().setAll(matching);
        if (!matching.isEmpty()) {
            results.getSelectionModel().selectFirst();
        }
    }

    private void choose(Code code) {
        if (code != null) {
            popup.hide();
            onChosen.accept(code);
        }
    }
}
