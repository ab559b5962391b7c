package org.divergence.gui.help;

import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.divergence.gui.common.Shortcuts;
import org.divergence.gui.common.Theme;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Help → User guide (F1): the guide in a window of the app, titled "User guide", with its chapters on the left and
 * a search field that highlights every match and steps through them (Enter, Shift+Enter). Drawn by the app itself,
 * so it works without a web browser or web engine.
 */
public final class HelpWindow {

    public static final String TITLE = "User guide";

    private final UserGuide guide;
    private final Stage stage = new Stage();
    private final ScrollPane scroll = new ScrollPane();
    private final StackPane page = new StackPane();
    private final TextField search = new TextField();
    private final Label matchCount = new Label();
    private final ListView<UserGuide.Chapter> contents = new ListView<>();
    private final Consumer<String> openUrl;
    private GuideRenderer.Rendered rendered;
    private String renderedQuery;
    private int current = -1;

    /** {@code openUrl} opens a web address in the user's browser, for the guide's few links outside it. */
    public HelpWindow(Window owner, Consumer<String> openUrl) {
        this.guide = UserGuide.load();
        this.openUrl = openUrl;
        stage.initOwner(owner);
        stage.setTitle(TITLE);
        stage.setScene(scene());
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        if (owner != null) {
            stage.setWidth(Math.min(1100, Math.max(760, owner.getWidth() * 0.8)));
            stage.setHeight(Math.max(480, owner.getHeight() * 0.85));
        }
        draw("");
    }

    /** Shows the window at the chapter with this title (or where it was, when null or not found). */
    public void show(String chapterTitle) {
        stage.show();
        stage.toFront();
        if (chapterTitle != null) {
            guide.chapter(chapterTitle).ifPresent(chapter -> scrollTo(chapter.anchor()));
        }
    }

    public Stage stage() {
        return stage;
    }

    public UserGuide guide() {
        return guide;
    }

    private Scene scene() {
        search.setPromptText("Search the guide  (" + Shortcuts.FIND_IN_GUIDE.displayKeys() + ")");
        search.setId("guide-search");
        search.setPrefColumnCount(28);
        PauseTransition typing = new PauseTransition(Duration.millis(200));
        typing.setOnFinished(event -> draw(search.getText()));
        search.textProperty().addListener((obs, old, text) -> typing.playFromStart());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                typing.stop();
                if (!search.getText().equals(renderedQuery)) {
                    draw(search.getText());
                } else {
                    step(event.isShiftDown() ? -1 : 1);
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                event.consume();
            }
        });
        matchCount.setId("guide-match-count");
        matchCount.getStyleClass().add("muted");
        Button previous = iconButton(Material2AL.KEYBOARD_ARROW_UP, "Previous match (Shift+Enter)", () -> step(-1));
        Button next = iconButton(Material2AL.KEYBOARD_ARROW_DOWN, "Next match (Enter)", () -> step(1));
        HBox bar = new HBox(6, new FontIcon(Material2MZ.SEARCH), search, previous, next, matchCount);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        bar.getStyleClass().add("guide-toolbar");

        contents.setId("guide-contents");
        contents.getItems().setAll(guide.chapters().stream().filter(chapter -> chapter.level() >= 2
                && chapter.level() <= 3).toList());
        contents.setCellFactory(list -> new ListCell<>() {
            {
                setPrefWidth(0); // as wide as the list: long titles end in "…" instead of scrolling sideways
            }

            @Override
            protected void updateItem(UserGuide.Chapter chapter, boolean empty) {
                super.updateItem(chapter, empty);
                getStyleClass().remove("guide-contents-chapter");
                if (empty || chapter == null) {
                    setText(null);
                    setTooltip(null);
                    setPadding(Insets.EMPTY);
                } else {
                    setText(chapter.title());
                    setTooltip(new Tooltip(chapter.title()));
                    setPadding(new Insets(3, 6, 3, chapter.level() == 2 ? 6 : 20));
                    if (chapter.level() == 2) {
                        getStyleClass().add("guide-contents-chapter");
                    }
                }
            }
        });
        contents.getSelectionModel().selectedItemProperty().addListener((obs, old, chapter) -> {
            if (chapter != null) {
                scrollTo(chapter.anchor());
            }
        });
        contents.setMinWidth(180);

        page.setPadding(new Insets(16, 28, 28, 28));
        page.setMaxWidth(860);
        StackPane centred = new StackPane(page);
        centred.setAlignment(Pos.TOP_CENTER);
        scroll.setContent(centred);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("guide-scroll");
        scroll.setId("guide-page");
        SplitPane split = new SplitPane(contents, scroll);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(contents, false);
        BorderPane root = new BorderPane(split);
        root.setTop(bar);
        root.getStyleClass().add("user-guide");
        Scene scene = new Scene(root, 980, 720);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        scene.getAccelerators().put(Shortcuts.FIND_IN_GUIDE.combination(), () -> {
            search.requestFocus();
            search.selectAll();
        });
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        return scene;
    }

    /** Draws the guide again with the matches of {@code query} highlighted, and shows the first. */
    private void draw(String query) {
        double position = scroll.getVvalue();
        rendered = GuideRenderer.render(guide, query, this::openLink);
        renderedQuery = query;
        page.getChildren().setAll(rendered.content());
        current = -1;
        List<Label> matches = rendered.matches();
        if (query == null || query.isBlank()) {
            matchCount.setText("");
            scroll.setVvalue(position);
        } else if (matches.isEmpty()) {
            matchCount.setText("No matches");
        } else {
            step(1);
        }
    }

    /** Moves to the next (1) or previous (-1) match, round the end. */
    private void step(int direction) {
        List<Label> matches = rendered == null ? List.of() : rendered.matches();
        if (matches.isEmpty()) {
            return;
        }
        if (current >= 0) {
            matches.get(current).getStyleClass().remove("guide-match-current");
        }
        current = Math.floorMod(current + direction, matches.size());
        Label match = matches.get(current);
        match.getStyleClass().add("guide-match-current");
        matchCount.setText((current + 1) + " of " + matches.size());
        reveal(match);
    }

    private void openLink(String destination) {
        if (destination.startsWith("#")) {
            scrollTo(destination.substring(1));
        } else {
            openUrl.accept(destination);
        }
    }

    /** Scrolls so the chapter's heading is at the top. */
    public void scrollTo(String anchor) {
        Node heading = rendered.anchors().get(anchor);
        if (heading != null) {
            reveal(heading);
        }
    }

    /** The anchor of the chapter nearest above the top of the page, for tests and for re-drawing. */
    String shownAnchor() {
        String shown = null;
        for (var entry : rendered.anchors().entrySet()) {
            if (offsetOf(entry.getValue()) <= visibleTop() + 4) {
                shown = entry.getKey();
            }
        }
        return shown;
    }

    /** Whether the current match is inside the visible part of the page. */
    boolean currentMatchVisible() {
        if (current < 0) {
            return false;
        }
        double y = offsetOf(rendered.matches().get(current));
        return y >= visibleTop() && y <= visibleTop() + scroll.getViewportBounds().getHeight();
    }

    private void reveal(Node node) {
        scroll.applyCss();
        scroll.layout();
        double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        double target = Math.max(0, offsetOf(node) - (node instanceof Label ? viewport / 3 : 8));
        scroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, target / (contentHeight - viewport)));
    }

    private double visibleTop() {
        double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        return Math.max(0, contentHeight - viewport) * scroll.getVvalue();
    }

    /** The node's top, in the scrolled content's coordinates. */
    private double offsetOf(Node node) {
        Bounds bounds = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        return bounds == null ? 0 : bounds.getMinY();
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll("button-icon", "flat");
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        return button;
    }
}
