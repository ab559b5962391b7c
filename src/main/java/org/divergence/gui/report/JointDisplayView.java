package org.divergence.gui.report;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.report.JointDisplay;
import org.divergence.core.report.ReportModel;
import org.divergence.render.report.JointDisplayTable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The joint display: one row per dimension and metric (and factor tag) with the quantitative result, the themes,
 * representative quotes and the interpretation; below it, the selected row's interpretation to write. Exports as
 * CSV, Markdown and LaTeX.
 */
final class JointDisplayView {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY_MARKDOWN = new KeyCodeCombination(KeyCode.C,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final ReportViewModel viewModel;
    private final TableView<JointDisplay.Row> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final Label copied = new Label();

    JointDisplayView(ReportViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("joint-display-view");
        root.setTop(toolbar());
        SplitPane split = new SplitPane(buildTable(), editor());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        root.setCenter(split);
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (COPY_MARKDOWN.match(event)) {
                copyMarkdown();
                event.consume();
            }
        });
    }

    Node node() {
        return root;
    }

    TableView<JointDisplay.Row> tableView() {
        return table;
    }

    private Node toolbar() {
        Label hint = new Label("Link quotes and codes to findings in Interviews (the link button at the caret) and "
                + "in the Codebook; write the interpretation of the selected row below.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMinWidth(0);
        HBox.setHgrow(hint, Priority.ALWAYS);
        Button copy = new Button("Copy as Markdown", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setTooltip(new Tooltip("Copy the joint display as a Markdown table (Ctrl+Shift+C)"));
        copy.setOnAction(event -> copyMarkdown());
        Button export = new Button("Export table…", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("joint-display-export");
        export.setTooltip(new Tooltip("Save the joint display as CSV (spreadsheets), Markdown (notebooks) or LaTeX "
                + "(papers, booktabs): choose by the file type"));
        export.setOnAction(event -> viewModel.exportJointDisplay());
        for (Button button : List.of(copy, export)) {
            button.disableProperty().bind(viewModel.modelProperty().isNull());
        }
        copied.getStyleClass().add("muted");
        for (Button button : List.of(copy, export)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, hint, copied, copy, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        return bar;
    }

    private Node buildTable() {
        table.setId("joint-display-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.busyProperty()).then("Preparing the joint display…")
                .otherwise("Nothing to show yet."));
        table.setPlaceholder(placeholder);
        table.getColumns().add(column("Finding", 165, row -> row.label()
                + (row.ref().kind() == FindingRef.Kind.FACTOR ? " (factor)" : "")));
        table.getColumns().add(column("Quantitative result", 260, row -> String.join("\n\n",
                JointDisplayTable.quantitative(row))));
        table.getColumns().add(column("Qualitative themes", 200, row -> String.join("\n",
                row.themes().stream().map(theme -> JointDisplay.name(theme.codePath()) + " ("
                        + JointDisplayTable.relation(theme) + ")" + (theme.note() == null ? "" : ": " + theme.note()))
                        .toList())));
        table.getColumns().add(column("Representative quotes", 380, row -> String.join("\n\n",
                row.quotes().stream().map(JointDisplayView::compactQuote).toList())
                + (row.moreQuotes() > 0 ? "\n\n… and " + row.moreQuotes() + " more" : "")));
        table.getColumns().add(column("Interpretation", 220, JointDisplay.Row::interpretation));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(JointDisplay.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("joint-display-heading");
                if (!empty && row != null && row.level() == 0) {
                    getStyleClass().add("joint-display-heading");
                }
            }
        });
        viewModel.modelProperty().addListener((obs, old, model) -> fill(model));
        fill(viewModel.modelProperty().get());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                if (old != null && !old.ref().equals(row.ref())) {
                    viewModel.saveInterpretation();
                }
                viewModel.selectedFindingProperty().set(row.ref());
            }
        });
        return table;
    }

    private void fill(ReportModel model) {
        FindingRef selected = viewModel.selectedFindingProperty().get();
        if (model == null) {
            table.getItems().clear();
            return;
        }
        table.getItems().setAll(model.jointDisplay().rows());
        if (selected != null) {
            table.getItems().stream().filter(row -> row.ref().equals(selected)).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
        }
    }

    /** "“text” — P03 · fine-tuner · independent · 3 · Compute requirements · Ana", long quotes shortened. */
    static String compactQuote(JointDisplay.Quote quote) {
        String text = quote.text().replace('\n', ' ').strip();
        if (text.length() > 240) {
            text = text.substring(0, 239) + "…";
        }
        StringBuilder source = new StringBuilder(quote.caseName() == null ? quote.transcript() : quote.caseName());
        quote.attributes().forEach(attribute -> source.append(" · ").append(attribute.value()));
        source.append(" · ").append(JointDisplay.name(quote.codePath())).append(" · ").append(quote.coder());
        return "\u201C" + text + "\u201D \u2014 " + source + (quote.linked() ? "" : " (example)")
                + (quote.note() == null ? "" : "\nNote: " + quote.note());
    }

    /** A column of wrapped text, as high as its content. */
    private static TableColumn<JointDisplay.Row, String> column(String title, double width,
                                                                Function<JointDisplay.Row, String> value) {
        TableColumn<JointDisplay.Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(
                cell.getValue() == null ? "" : value.apply(cell.getValue())));
        column.setCellFactory(view -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("joint-display-text");
                setPrefHeight(Region.USE_COMPUTED_SIZE);
                setAlignment(Pos.TOP_LEFT);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                text.setText(item.isEmpty() ? "—" : item);
                JointDisplay.Row row = getTableRow() == null ? null : getTableRow().getItem();
                boolean finding = getTableView().getColumns().indexOf(column) == 0;
                text.getStyleClass().remove("joint-display-finding");
                if (row != null && row.level() == 0 && finding) {
                    text.getStyleClass().add("joint-display-finding");
                }
                // Metrics sit below their dimension: indented by padding (leading spaces vanish when text wraps).
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(row != null && row.level() > 0
                        && finding ? 30 : 14));
                setGraphicTextGap(0);
                setStyle(row != null && row.level() > 0 && finding ? "-fx-padding: 2 4 2 18;" : null);
                setGraphic(text);
            }
        });
        return column;
    }

    private Node editor() {
        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedRowProperty().get() == null
                ? "Select a row to write its interpretation"
                : "Interpretation of \u201C" + viewModel.selectedRowProperty().get().label() + "\u201D",
                viewModel.selectedRowProperty()));
        TextArea text = new TextArea();
        text.setId("interpretation-editor");
        text.setWrapText(true);
        text.setPromptText("What the numbers and the quotes say together: does the qualitative evidence explain, "
                + "qualify or contradict the result?");
        text.textProperty().bindBidirectional(viewModel.interpretationDraftProperty());
        text.disableProperty().bind(viewModel.selectedRowProperty().isNull());
        text.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                viewModel.saveInterpretation();
            }
        });
        text.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (SAVE.match(event)) {
                viewModel.saveInterpretation();
                event.consume();
            }
        });
        VBox.setVgrow(text, Priority.ALWAYS);
        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("interpretation-save");
        save.setTooltip(new Tooltip("Save the interpretation (Ctrl+S; it is also saved when you leave the field). "
                + "Ctrl+Z takes it back."));
        save.setOnAction(event -> viewModel.saveInterpretation());
        save.disableProperty().bind(viewModel.draftChangedBinding().not());
        Button revert = new Button("Revert");
        revert.setTooltip(new Tooltip("Put back the saved interpretation"));
        revert.setOnAction(event -> viewModel.revertInterpretation());
        revert.disableProperty().bind(viewModel.draftChangedBinding().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, revert, save);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(6, header, text);
        pane.setPadding(new Insets(8, 12, 10, 12));
        return pane;
    }

    private void copyMarkdown() {
        String markdown = viewModel.jointDisplayAsMarkdown();
        if (markdown.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(markdown);
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText("Copied as Markdown.");
    }
}
