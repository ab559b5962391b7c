package org.divergence.gui.coding;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.Coder;
import org.divergence.gui.common.DialogService.FileType;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Coded segments per code with their context, filtered by coder and case attribute; jump to source; CSV export. */
final class RetrievalView {

    private static final FileType CSV = FileType.of("CSV spreadsheet", "*.csv");

    private final RetrievalViewModel viewModel;
    private final CodingWorkspace workspace;
    private final Runnable showCodingTab;
    private final CodingViewModel coding;
    private final TableView<CodedSegment> table = new TableView<>();
    private final TextFlow context = new TextFlow();
    private final BorderPane root = new BorderPane();

    RetrievalView(RetrievalViewModel viewModel, CodingViewModel coding, Runnable showCodingTab) {
        this.viewModel = viewModel;
        this.coding = coding;
        this.workspace = coding.workspace();
        this.showCodingTab = showCodingTab;
        root.setTop(filters());
        table.setId("segments-table");
        table.setItems(viewModel.segments());
        table.setPlaceholder(new Label("No coded segments match. Code some text in the Code tab, or widen the "
                + "filters."));
        table.getColumns().add(column("Transcript", 150, s -> s.transcript()));
        table.getColumns().add(column("Case", 80, s -> s.caseName() == null ? "" : s.caseName()));
        table.getColumns().add(codeColumn());
        table.getColumns().add(column("Coder", 80, CodedSegment::coder));
        table.getColumns().add(column("Text", 480, s -> CodingView.abbreviate(s.text(), 300)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, segment) -> showContext(segment));
        table.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                goToSource();
            }
        });
        context.setPadding(new Insets(10));
        context.setId("segment-context");
        context.setLineSpacing(3);
        ScrollPane contextScroll = new ScrollPane(context);
        contextScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(table, contextScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        root.setCenter(split);
    }

    Node node() {
        return root;
    }

    private Node filters() {
        ComboBox<Code> code = new ComboBox<>();
        code.setPromptText("All codes");
        code.setPrefWidth(260);
        code.setId("segments-code");
        workspace.codebookProperty().addListener((obs, old, codebook) -> code.getItems().setAll(withNull(codebook
                .inTreeOrder())));
        code.getItems().setAll(withNull(workspace.codebook().inTreeOrder()));
        code.setCellFactory(list -> codeCell(true));
        code.setButtonCell(codeCell(false));
        code.valueProperty().bindBidirectional(viewModel.codeProperty());
        CheckBox subcodes = new CheckBox("with sub-codes");
        subcodes.selectedProperty().bindBidirectional(viewModel.includeSubcodesProperty());
        ComboBox<String> coder = new ComboBox<>();
        coder.setPromptText("All coders");
        Runnable fillCoders = () -> coder.getItems().setAll(withNull(workspace.coders().stream().map(Coder::name)
                .toList()));
        workspace.coders().addListener((javafx.collections.ListChangeListener<Coder>) change -> fillCoders.run());
        fillCoders.run();
        coder.valueProperty().bindBidirectional(viewModel.coderProperty());
        coder.setButtonCell(nullableCell("All coders"));
        coder.setCellFactory(list -> nullableCell("All coders"));
        ComboBox<String> attribute = new ComboBox<>();
        attribute.setPromptText("Attribute");
        attribute.setItems(viewModel.attributeNames());
        attribute.valueProperty().bindBidirectional(viewModel.attributeProperty());
        ComboBox<String> value = new ComboBox<>();
        value.setPromptText("Any value");
        value.setItems(viewModel.attributeValues());
        value.valueProperty().bindBidirectional(viewModel.attributeValueProperty());
        value.disableProperty().bind(viewModel.attributeProperty().isNull());
        Button clear = new Button("Clear filters");
        clear.setOnAction(event -> {
            viewModel.codeProperty().set(null);
            viewModel.coderProperty().set(null);
            viewModel.attributeProperty().set(null);
        });
        Button go = CasesView.button("Go to source", Material2MZ.OPEN_IN_NEW,
                "Open the transcript at this segment (or double-click a row)", this::goToSource);
        go.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button exportSegments = CasesView.button("Export segments…", Material2AL.GET_APP,
                "CSV: one row per coded segment shown (source, case, attributes, code, coder, start, end, text)",
                () -> workspace.dialogs().chooseFileToSave("Export coded segments", "coded-segments.csv", List.of(CSV))
                        .ifPresent(viewModel::exportSegments));
        Button exportMatrix = CasesView.button("Export case × code…", Material2AL.GRID_ON,
                "CSV: the number of coded segments per case and code",
                () -> workspace.dialogs().chooseFileToSave("Export the case × code matrix", "case-code-matrix.csv",
                        List.of(CSV)).ifPresent(viewModel::exportMatrix));
        FlowPane bar = new FlowPane(8, 6, new Label("Code"), code, subcodes, new Label("Coder"), coder,
                new Label("Case attribute"), attribute, new Label("="), value, clear, go, exportSegments,
                exportMatrix);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private void goToSource() {
        CodedSegment segment = table.getSelectionModel().getSelectedItem();
        if (segment != null) {
            showCodingTab.run();
            coding.goTo(segment.transcriptId(), segment.start(), segment.end());
        }
    }

    private void showContext(CodedSegment segment) {
        context.getChildren().clear();
        if (segment == null) {
            return;
        }
        String[] parts = viewModel.context(segment, 300);
        Text header = new Text(segment.transcript() + " · " + segment.codePath() + " · " + segment.coder() + "\n\n");
        header.getStyleClass().add("context-header");
        Text before = new Text(parts[0]);
        Text match = new Text(parts[1]);
        match.getStyleClass().add("context-match");
        Text after = new Text(parts[2]);
        for (Text text : List.of(header, before, match, after)) {
            text.getStyleClass().add("context-text");
        }
        context.getChildren().addAll(header, before, match, after);
    }

    private static <T> javafx.collections.ObservableList<T> withNull(List<T> items) {
        javafx.collections.ObservableList<T> list = FXCollections.observableArrayList();
        list.add(null);
        list.addAll(items);
        return list;
    }

    /** A code in the filter: its name (indented by its depth in the list), its path in the tooltip. */
    private ListCell<Code> codeCell(boolean indented) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Code code, boolean empty) {
                super.updateItem(code, empty);
                if (empty || code == null) {
                    setText("All codes");
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    setText((indented ? "   ".repeat(workspace.codebook().depth(code.id())) : "") + code.name());
                    setGraphic(CodeTrees.swatch(code.color()));
                    setTooltip(new javafx.scene.control.Tooltip(workspace.codebook().path(code.id())));
                }
            }
        };
    }

    static ListCell<String> nullableCell(String nullText) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? nullText : item);
            }
        };
    }

    /** The code's own name in its colour; its path in the tooltip (a path would be cut from the left). */
    private TableColumn<CodedSegment, Long> codeColumn() {
        TableColumn<CodedSegment, Long> column = new TableColumn<>("Code");
        column.setId("segments-code-column");
        column.setCellValueFactory(row -> new javafx.beans.property.SimpleObjectProperty<>(row.getValue().codeId()));
        column.setCellFactory(col -> new CodeNameCell<>(workspace::codebook));
        column.setComparator(java.util.Comparator.comparing(id -> workspace.codebook().get(id).map(Code::name)
                .orElse("")));
        column.setPrefWidth(200);
        return column;
    }

    private static TableColumn<CodedSegment, String> column(String title, double width,
                                                            java.util.function.Function<CodedSegment, String> value) {
        TableColumn<CodedSegment, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new SimpleStringProperty(value.apply(row.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
