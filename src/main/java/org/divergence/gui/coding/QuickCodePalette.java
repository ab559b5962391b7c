package org.divergence.gui.coding;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;

/**
 * Ctrl+K: a search field over every code, beside the selection (below it, or above when there is no room), with the
 * recent and best-matching codes first ({@link CodeRanking}); Enter applies the highlighted code, Esc closes.
 */
final class QuickCodePalette {

    private final Popup popup = new Popup();
    private final TextField search = new TextField();
    private final ListView<Code> results = new ListView<>();
    private static final double WIDTH = 440;
    private static final double GAP = 8;
    private static final double LIST_HEIGHT = 280;
    private static final double MIN_LIST_HEIGHT = 120;

    private Codebook codebook = Codebook.empty();
    private List<Code> recent = List.of();
    private Consumer<Code> onChosen = code -> { };

    QuickCodePalette() {
        search.setPromptText("Type to find a code…");
        search.setId("quick-code-search");
        results.setId("quick-code-results");
        results.setPrefSize(WIDTH - 20, LIST_HEIGHT);
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Code code, boolean empty) {
                super.updateItem(code, empty);
                if (empty || code == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(null);
                    Label name = new Label(code.name());
                    String path = codebook.path(code.id());
                    String parent = path.length() > code.name().length()
                            ? path.substring(0, path.length() - code.name().length() - 1) : "";
                    Label where = new Label(parent.isEmpty() ? "" : "in " + parent);
                    where.getStyleClass().add("muted");
                    where.setMinWidth(0);
                    HBox row = new HBox(8, CodeTrees.swatch(code.color()), name, where);
                    row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                    setGraphic(row);
                    setTooltip(new javafx.scene.control.Tooltip(path));
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
        Label hint = new Label("Recent and best matches first · Enter applies to the selection · Esc closes");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox box = new VBox(6, search, results, hint);
        box.setPrefWidth(WIDTH);
        box.setMaxWidth(WIDTH);
        box.getStyleClass().add("quick-code-palette");
        box.setId("quick-code-palette");
        popup.getContent().add(box);
        popup.setAutoHide(true);
    }

    /**
     * Shows the palette beside {@code selection} (screen bounds; null: near the top of {@code owner}) and inside the
     * owner's window: below the selection where it fits, else on the side with more room, its list shortened to fit,
     * so the selected text stays in view.
     */
    void show(Node owner, Bounds selection, Codebook codebook, List<Code> recent, Consumer<Code> onChosen) {
        this.codebook = codebook;
        this.recent = List.copyOf(recent);
        this.onChosen = onChosen;
        search.clear();
        filter("");
        Bounds editor = owner.localToScreen(owner.getBoundsInLocal());
        javafx.stage.Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        if (editor == null || window == null) {
            return;
        }
        results.setPrefHeight(LIST_HEIGHT);
        popup.show(owner, editor.getMinX(), editor.getMinY());
        // Measured once shown: the box sits inside the popup's window, offset by its shadow.
        Node box = popup.getContent().getFirst();
        box.getParent().layout();
        Bounds drawn = box.localToScreen(box.getLayoutBounds());
        double dx = drawn.getMinX() - popup.getX();
        double dy = drawn.getMinY() - popup.getY();
        Bounds inside = new javafx.geometry.BoundingBox(window.getX(), window.getY(), window.getWidth(),
                window.getHeight());
        Placement at = selection == null
                ? new Placement(editor.getMinX() + Math.max(0, (editor.getWidth() - drawn.getWidth()) / 2),
                        editor.getMinY() + 40, drawn.getHeight())
                : place(selection, inside, drawn.getWidth(), drawn.getHeight());
        if (at.height() < drawn.getHeight()) {
            results.setPrefHeight(Math.max(MIN_LIST_HEIGHT, LIST_HEIGHT - (drawn.getHeight() - at.height())));
        }
        popup.setX(at.x() - dx);
        popup.setY(at.y() - dy);
        search.requestFocus();
    }

    /** Where the palette goes and how tall it may be. */
    record Placement(double x, double y, double height) {
    }

    /**
     * Below the selection if the palette fits there, else on the side (below or above) with more room, shortened
     * to that room; always inside {@code area} horizontally.
     */
    static Placement place(Bounds selection, Bounds area, double width, double height) {
        double x = Math.clamp(selection.getMinX(), area.getMinX(), Math.max(area.getMinX(), area.getMaxX() - width));
        double below = area.getMaxY() - selection.getMaxY() - GAP;
        double above = selection.getMinY() - GAP - area.getMinY();
        if (below >= height || below >= above) {
            return new Placement(x, selection.getMaxY() + GAP, Math.min(height, below));
        }
        double shown = Math.min(height, above);
        return new Placement(x, selection.getMinY() - GAP - shown, shown);
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    private void filter(String text) {
        List<Code> matching = CodeRanking.rank(codebook, recent, text);
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
