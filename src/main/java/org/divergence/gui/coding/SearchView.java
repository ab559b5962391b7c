package org.divergence.gui.coding;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.divergence.core.coding.Code;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Search across transcripts by words or by meaning, jump to a hit, and "Code all hits…". */
final class SearchView {

    private final SearchViewModel viewModel;
    private final CodingViewModel coding;
    private final Runnable showCodingTab;
    private final TableView<SearchViewModel.Hit> table = new TableView<>();
    private final BorderPane root = new BorderPane();
    private final QuickCodePalette palette = new QuickCodePalette();

    SearchView(SearchViewModel viewModel, CodingViewModel coding, Runnable showCodingTab) {
        this.viewModel = viewModel;
        this.coding = coding;
        this.showCodingTab = showCodingTab;
        TextField query = new TextField();
        query.setId("search-query");
        query.textProperty().bindBidirectional(viewModel.queryProperty());
        query.setOnAction(event -> viewModel.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        CheckBox words = new CheckBox("Whole words");
        words.selectedProperty().bindBidirectional(viewModel.wholeWordsProperty());
        ChoiceBox<SearchViewModel.Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(
                SearchViewModel.Mode.values()));
        mode.setId("search-mode");
        mode.valueProperty().bindBidirectional(viewModel.modeProperty());
        mode.setTooltip(new Tooltip("By meaning: finds passages about the same topic in other words, with a model "
                + "that runs on this computer. Nothing is sent anywhere."));
        BooleanBinding byMeaning = viewModel.modeProperty().isEqualTo(SearchViewModel.Mode.MEANING);
        words.visibleProperty().bind(byMeaning.not());
        words.managedProperty().bind(byMeaning.not());
        query.promptTextProperty().bind(Bindings.when(byMeaning)
                .then("Describe what you look for, e.g. people cannot afford GPUs")
                .otherwise("Search all transcripts, e.g. fork"));
        Button search = CasesView.button("Search", Material2MZ.SEARCH, "Search every transcript (Enter)",
                viewModel::search);
        Button codeAll = CasesView.button("Code all hits…", Material2AL.LABEL,
                "Apply one code to every hit as the current coder (one undo step)", this::codeAll);
        codeAll.setId("code-all-hits");
        codeAll.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.hits()));
        Label local = new Label("By meaning runs on this computer: the transcripts never leave it.");
        local.setId("search-runs-locally");
        local.getStyleClass().add("muted");
        local.visibleProperty().bind(byMeaning);
        local.managedProperty().bind(byMeaning);
        local.setPadding(new Insets(0, 8, 2, 8));
        Label summary = new Label();
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(viewModel.summaryProperty());
        HBox bar = new HBox(8, mode, query, words, search, codeAll);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        summary.setPadding(new Insets(0, 8, 6, 8));
        root.setTop(new javafx.scene.layout.VBox(bar, local, summary));
        table.setId("search-hits");
        table.setItems(viewModel.hits());
        table.setPlaceholder(new Label("Type a word or phrase and press Enter."));
        TableColumn<SearchViewModel.Hit, String> score = column("Score", 60,
                hit -> Double.isNaN(hit.score()) ? "" : String.format("%.2f", hit.score()));
        TableColumn<SearchViewModel.Hit, String> caseColumn = column("Case", 90,
                hit -> hit.caseName() == null ? "" : hit.caseName());
        TableColumn<SearchViewModel.Hit, String> before = column("Before", 300, SearchViewModel.Hit::before);
        before.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<SearchViewModel.Hit, String> after = column("After", 300, SearchViewModel.Hit::after);
        score.visibleProperty().bind(byMeaning);
        caseColumn.visibleProperty().bind(byMeaning);
        before.visibleProperty().bind(byMeaning.not());
        after.visibleProperty().bind(byMeaning.not());
        table.getColumns().add(score);
        table.getColumns().add(column("Transcript", 160, SearchViewModel.Hit::transcript));
        table.getColumns().add(caseColumn);
        table.getColumns().add(before);
        table.getColumns().add(column("Hit", 120, SearchViewModel.Hit::match));
        table.getColumns().add(after);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setOnMouseClicked(event -> {
            SearchViewModel.Hit hit = table.getSelectionModel().getSelectedItem();
            if (event.getClickCount() == 2 && hit != null) {
                showCodingTab.run();
                coding.goTo(hit.transcriptId(), hit.start(), hit.end());
            }
        });
        root.setCenter(table);
    }

    Node node() {
        return root;
    }

    private void codeAll() {
        palette.show(root, null, coding.workspace().codebook(), coding.workspace().recentCodes(), (Code code) -> {
            if (coding.workspace().ensureCoderName() && coding.workspace().dialogs().confirm("Code all hits",
                    "Code " + viewModel.hits().size() + " hit(s) with \u201C" + code.name() + "\u201D as " + coding.workspace().currentCoderProperty()
                    .get() + "? One Ctrl+Z takes all of them back.", "Code all hits")) {
                viewModel.codeAllHits(code);
            }
        });
    }

    private static TableColumn<SearchViewModel.Hit, String> column(String title, double width,
            java.util.function.Function<SearchViewModel.Hit, String> value) {
        TableColumn<SearchViewModel.Hit, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new SimpleStringProperty(value.apply(row.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
