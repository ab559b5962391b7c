package org.divergence.gui.compare;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.Headlines;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.tags.FactorTag;
import org.divergence.gui.charts.CompareCharts;
import org.divergence.gui.common.EmptyState;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.ProblemLabel;
import org.divergence.gui.evidence.LinkedQuotesPanel;
import org.divergence.gui.evidence.LinkedQuotesViewModel;
import org.divergence.gui.metrics.MetricEditorViewModel;
import org.divergence.gui.metrics.MetricsDialog;
import org.divergence.gui.tags.TagComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Compare section: grouping and filter controls, one headline per dimension, and the table of all metrics by
 * dimension with both groups' n / median (or share) / mean, the effect size and its magnitude, and the p-value as
 * papers print it. The table copies as CSV, Markdown or LaTeX.
 */
public final class CompareView {

    private static final KeyCombination COPY_MARKDOWN = new KeyCodeCombination(KeyCode.C,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

    private final CompareViewModel viewModel;
    private final FeatureServices services;
    private final StackPane root = new StackPane();
    private final BorderPane content = new BorderPane();
    private final TreeTableView<MetricRow> table = new TreeTableView<>();
    private final Label copied = new Label();

    CompareView(FeatureServices services, CompareViewModel viewModel) {
        this.services = services;
        this.viewModel = viewModel;
        root.setId("compare-view");
        content.setTop(new VBox(controls(), problem(), headlines()));
        content.setCenter(withQuotes(tableAndChart()));
        content.setBottom(statusLine());
        Node empty = new EmptyState(Material2AL.COMPARE_ARROWS, "No repositories to compare",
                "This project has no repository sample yet. Import one (File → Import…, Ctrl+I) in the study's "
                        + "canonical columns; Compare then contrasts GitHub and Hugging Face on 12 metrics of "
                        + "collaboration intensity, openness, knowledge exchange, user innovation and popularity.")
                .withAction("Import a repository sample…", () -> services.importHandler().chooseAndImport());
        empty.setId("compare-empty");
        root.getChildren().setAll(content);
        viewModel.stateProperty().addListener((obs, old, state) -> root.getChildren().setAll(
                state == CompareViewModel.State.NO_REPOSITORIES ? empty : content));
        root.parentProperty().addListener((obs, old, parent) -> viewModel.setActive(parent != null));
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (COPY_MARKDOWN.match(event)) {
                copy("Markdown", viewModel::tableAsMarkdown);
                event.consume();
            } else if (REFRESH.match(event)) {
                viewModel.refresh();
                event.consume();
            }
        });
    }


    public Node node() {
        return root;
    }

    public void shown() {
        viewModel.setActive(true);
    }

    CompareViewModel viewModel() {
        return viewModel;
    }

    private Node controls() {
        ChoiceBox<Grouping> grouping = new ChoiceBox<>();
        grouping.getItems().setAll(Grouping.values());
        grouping.valueProperty().bindBidirectional(viewModel.groupingProperty());
        grouping.setId("compare-grouping");
        grouping.setTooltip(new Tooltip("Group a is GitHub; group b is Hugging Face, or each Hugging Face "
                + "repository type compared with GitHub code; or untagged (a) vs tagged (b) repositories"));

        ComboBox<FactorTag> tag = TagComboBox.of(viewModel.tagChoice(), "compare-tag");
        tag.visibleProperty().bind(viewModel.groupingProperty().isEqualTo(Grouping.TAG));
        tag.managedProperty().bind(tag.visibleProperty());

        ChoiceBox<String> pair = new ChoiceBox<>(viewModel.pairNames());
        pair.setId("compare-pair");
        pair.setTooltip(new Tooltip("Which comparison the table and headlines show"));
        pair.visibleProperty().bind(Bindings.size(viewModel.pairNames()).greaterThan(1));
        pair.managedProperty().bind(pair.visibleProperty());
        viewModel.pairNames().addListener((ListChangeListener<String>) change ->
                pair.getSelectionModel().select(viewModel.selectedPairProperty().get()));
        pair.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                viewModel.selectedPairProperty().set(index.intValue());
            }
        });

        HBox types = new HBox(8);
        types.setAlignment(Pos.CENTER_LEFT);
        for (RepoType type : RepoType.values()) {
            CheckBox box = new CheckBox(switch (type) {
                case CODE -> "Code";
                case MODEL -> "Models";
                case DATASET -> "Datasets";
                case SPACE -> "Spaces";
            });
            box.setId("compare-type-" + type.code());
            box.selectedProperty().bindBidirectional(viewModel.filterInputs().includedProperty(type));
            box.setTooltip(new Tooltip("Include " + type.label()));
            types.getChildren().add(box);
        }

        DatePicker from = datePicker("compare-created-from", "Only repositories created on or after this day "
                + "(repositories with an unknown creation date are then left out)");
        from.valueProperty().bindBidirectional(viewModel.filterInputs().createdFromProperty());
        DatePicker to = datePicker("compare-created-to", "Only repositories created on or before this day "
                + "(repositories with an unknown creation date are then left out)");
        to.valueProperty().bindBidirectional(viewModel.filterInputs().createdToProperty());

        Button reset = new Button("Reset");
        reset.setTooltip(new Tooltip("Include every repository type and creation date"));
        reset.setOnAction(event -> viewModel.filterInputs().reset());

        CheckBox withinYears = new CheckBox("Within creation years");
        withinYears.setId("compare-within-years");
        withinYears.setMinWidth(Region.USE_PREF_SIZE);
        withinYears.selectedProperty().bindBidirectional(viewModel.withinYearsProperty());
        withinYears.setTooltip(new Tooltip("Age is a confound: Hugging Face repositories are younger. Also compare "
                + "within each creation year, and test each metric across years (van Elteren for numbers, "
                + "Cochran–Mantel–Haenszel for shares); repositories with an unknown creation date are left out"));
        ChoiceBox<String> year = new ChoiceBox<>(viewModel.strata());
        year.setId("compare-year");
        year.setTooltip(new Tooltip("All repositories (with the p-value across years), or one creation year's"));
        year.visibleProperty().bind(Bindings.isNotEmpty(viewModel.strata()));
        year.managedProperty().bind(year.visibleProperty());
        viewModel.strata().addListener((ListChangeListener<String>) change ->
                year.getSelectionModel().select(Math.min(viewModel.selectedStratumProperty().get(),
                        viewModel.strata().size() - 1)));
        year.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                viewModel.selectedStratumProperty().set(index.intValue());
            }
        });

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().addAll("small", "flat");
        cancel.setTooltip(new Tooltip("Stop this comparison"));
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> viewModel.cancel());
        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.getStyleClass().addAll("button-icon", "flat");
        refresh.setTooltip(new Tooltip("Compare again (F5)"));
        refresh.setOnAction(event -> viewModel.refresh());

        Button metrics = new Button("Metrics…", new FontIcon(Material2MZ.TUNE));
        metrics.setId("compare-metrics");
        metrics.setTooltip(new Tooltip("Define your own metrics: an expression over the counts and extra fields, "
                + "compared beside the built-in ones"));
        metrics.setOnAction(event -> MetricsDialog.show(root.getScene().getWindow(), new MetricEditorViewModel(
                services.context(), services.tasks(), viewModel::currentSplit, viewModel::currentFilter),
                services.dialogs()));
        metrics.disableProperty().bind(services.context().projectProperty().isNull());

        MenuButton copy = new MenuButton("Copy table", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("compare-copy");
        copy.setTooltip(new Tooltip("Copy the table for a paper or a spreadsheet"));
        MenuItem csv = new MenuItem("As CSV (full precision)");
        csv.setOnAction(event -> copy("CSV", viewModel::tableAsCsv));
        MenuItem markdown = new MenuItem("As Markdown");
        markdown.setAccelerator(COPY_MARKDOWN);
        markdown.setOnAction(event -> copy("Markdown", viewModel::tableAsMarkdown));
        MenuItem latex = new MenuItem("As LaTeX (booktabs)");
        latex.setOnAction(event -> copy("LaTeX", viewModel::tableAsLatex));
        copy.getItems().addAll(csv, markdown, latex);
        copy.disableProperty().bind(viewModel.reportProperty().isNull());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox first = new HBox(10, label("Compare"), grouping, tag, pair, new Separator(Orientation.VERTICAL),
                withinYears, year, spacer, busy, cancel, refresh, metrics, copy);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(10, label("Types"), types, new Separator(Orientation.VERTICAL), label("Created"),
                from, label("to"), to, reset);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox rows = new VBox(8, first, second);
        rows.setPadding(new Insets(10, 12, 8, 12));
        rows.getStyleClass().add("compare-controls");
        return rows;
    }

    private static DatePicker datePicker(String id, String tooltip) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(130);
        picker.setPromptText("any day");
        picker.setTooltip(new Tooltip(tooltip));
        return picker;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("compare-control-label");
        return label;
    }

    private Node problem() {
        return ProblemLabel.of("compare-problem", viewModel.problemProperty());
    }

    private Node headlines() {
        VBox box = new VBox(4);
        box.setId("compare-headlines");
        box.getStyleClass().add("compare-headlines");
        box.setPadding(new Insets(4, 12, 10, 12));
        viewModel.headlines().addListener((ListChangeListener<Headlines.Headline>) change -> {
            box.getChildren().clear();
            for (Headlines.Headline headline : viewModel.headlines()) {
                Text dimension = new Text(headline.dimension().label() + "  ");
                dimension.getStyleClass().add("compare-headline-dimension");
                Text sentence = new Text(headline.sentence());
                sentence.getStyleClass().add("compare-headline-text");
                TextFlow flow = new TextFlow(dimension, sentence);
                Tooltip.install(flow, new Tooltip("From " + headline.metric().label().toLowerCase(
                        java.util.Locale.ROOT) + ": the mean difference (or, when most values are 0, the share with "
                        + "any), the medians (b first), Cliff's δ = P(a > b) − P(a < b) with its Romano et al. "
                        + "magnitude, the Holm-adjusted p-value, and the metric's caveat"));
                box.getChildren().add(flow);
            }
        });
        box.visibleProperty().bind(Bindings.isNotEmpty(viewModel.headlines()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The table above, the selected metric's chart below (gui.charts). */
    private Node tableAndChart() {
        Node tableNode = table();
        CompareCharts charts = new CompareCharts(services);
        charts.viewModel().dataProperty().bind(viewModel.dataProperty());
        charts.viewModel().filterProperty().bind(Bindings.createObjectBinding(() -> viewModel.reportProperty()
                .get() == null ? null : viewModel.reportProperty().get().filter(), viewModel.reportProperty()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            MetricRow row = item == null ? null : item.getValue();
            if (row != null && !row.isHeading()) {
                charts.viewModel().metricProperty().set(row.comparison().metric());
            }
        });
        SplitPane split = new SplitPane(tableNode, charts.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        return split;
    }

    /** The table (and its chart), and beside it the interview quotes linked to the selected metric or dimension. */
    private Node withQuotes(Node main) {
        LinkedQuotesPanel quotes = new LinkedQuotesPanel(
                new LinkedQuotesViewModel(services.context(), services.tasks()));
        SplitPane split = new SplitPane(main);
        split.setId("compare-quotes-split");
        SplitPane.setResizableWithParent(quotes.node(), false);
        // The panel opens when a row is selected and closes with its close button, so the table keeps its width.
        quotes.setOnClose(() -> split.getItems().remove(quotes.node()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            quotes.viewModel().findingProperty().set(findingOf(item == null ? null : item.getValue()));
            if (item != null && !split.getItems().contains(quotes.node())) {
                split.getItems().add(quotes.node());
                split.setDividerPositions(0.7);
            }
        });
        return split;
    }

    /** The finding a row stands for: its metric, or the dimension of a heading row. */
    static FindingRef findingOf(MetricRow row) {
        if (row == null) {
            return null;
        }
        if (!row.isHeading()) {
            // Evidence links to the built-in metrics only (a custom metric may be redefined or removed).
            return row.comparison().metric().isCustom() ? null : FindingRef.of(row.comparison().metric());
        }
        return Dimension.builtIn().stream()
                .filter(dimension -> dimension.label().equals(row.label())).findFirst()
                .map(FindingRef::of).orElse(null);
    }

    private Node table() {
        table.setId("compare-table");
        table.setShowRoot(false);
        table.getStyleClass().add("dense");
        table.setRoot(new TreeItem<>());
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.busyProperty()).then("Comparing…")
                .otherwise("Nothing to compare with these settings."));
        table.setPlaceholder(placeholder);

        TreeTableColumn<MetricRow, String> metric = column("Metric", "The metric (hover a row for its definition)",
                MetricRow::label);
        metric.setMinWidth(215);
        metric.setCellFactory(column -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                MetricRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(row == null || row.definition() == null ? null : new Tooltip(row.definition()));
            }
        });
        TreeTableColumn<MetricRow, String> groupA = group(viewModel.groupAProperty(), "compare-group-a",
                MetricRow::nA, MetricRow::centreA, MetricRow::meanA);
        TreeTableColumn<MetricRow, String> groupB = group(viewModel.groupBProperty(), "compare-group-b",
                MetricRow::nB, MetricRow::centreB, MetricRow::meanB);
        TreeTableColumn<MetricRow, String> effect = column("Effect", "Effect size, positive when group a is higher: "
                + "Cliff's δ = P(a > b) − P(a < b) for numbers, Cohen's h = h_a − h_b for shares; hover a row for "
                + "confidence intervals and test statistics", MetricRow::effect);
        ((Label) effect.getGraphic()).textProperty().bind(Bindings.concat("Effect (+: ", viewModel.groupAProperty(),
                " higher)"));
        effect.setCellFactory(column -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                MetricRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(row == null || row.details() == null ? null : new Tooltip(row.details()));
            }
        });
        TreeTableColumn<MetricRow, String> magnitude = column("Magnitude", "Negligible, small, medium or large: "
                + "Romano et al. thresholds for |δ| (0.147, 0.33, 0.474), Cohen's for |h| (0.2, 0.5, 0.8)",
                MetricRow::magnitude);
        TreeTableColumn<MetricRow, String> p = column("p", "Two-sided p-value: Mann–Whitney U for numbers (exact "
                + "when a group has at most 8 values and none is tied, else the normal approximation), Fisher's exact "
                + "test for shares when an expected count is below 5, else Pearson's χ²", MetricRow::pValue);
        TreeTableColumn<MetricRow, String> holm = column("p Holm", "Holm-adjusted over every metric of this "
                + "comparison with a p-value (the family; see the note below)", MetricRow::pHolm);
        TreeTableColumn<MetricRow, String> bh = column("p BH", "Benjamini–Hochberg (false discovery rate) over the "
                + "same family", MetricRow::pBh);
        TreeTableColumn<MetricRow, String> test = column("Test", "How p was computed: exact or normal approximation "
                + "(Mann–Whitney), Fisher or χ² (shares)", MetricRow::test);
        TreeTableColumn<MetricRow, String> acrossYears = column("p within years", "Within creation years: van "
                + "Elteren's stratified test (numbers) or Cochran–Mantel–Haenszel (shares) across the years",
                MetricRow::pWithinYears);
        acrossYears.visibleProperty().bind(Bindings.isNotEmpty(viewModel.strata())
                .and(viewModel.selectedStratumProperty().isEqualTo(0)));
        for (TreeTableColumn<MetricRow, String> right : java.util.List.of(effect, p, holm, bh, acrossYears)) {
            right.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        effect.setMinWidth(185);
        magnitude.setMinWidth(105);
        p.setMinWidth(75);
        holm.setMinWidth(75);
        bh.setMinWidth(75);
        test.setMinWidth(110);
        acrossYears.setMinWidth(110);
        table.getColumns().setAll(java.util.List.of(metric, groupA, groupB, effect, magnitude, p, holm, bh, test,
                acrossYears));
        table.setRowFactory(view -> new TreeTableRow<>() {
            @Override
            protected void updateItem(MetricRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("compare-dimension-row");
                if (!empty && row != null && row.isHeading()) {
                    getStyleClass().add("compare-dimension-row");
                }
            }
        });
        viewModel.rows().addListener((ListChangeListener<MetricRow>) change -> fillTable());
        fillTable();
        return table;
    }

    private void fillTable() {
        TreeItem<MetricRow> rootItem = new TreeItem<>();
        TreeItem<MetricRow> dimension = null;
        for (MetricRow row : viewModel.rows()) {
            if (row.isHeading()) {
                dimension = new TreeItem<>(row);
                dimension.setExpanded(true);
                rootItem.getChildren().add(dimension);
            } else if (dimension != null) {
                dimension.getChildren().add(new TreeItem<>(row));
            }
        }
        table.setRoot(rootItem);
    }

    private TreeTableColumn<MetricRow, String> group(ObservableValue<String> name, String styleClass,
                                                     Function<MetricRow, String> n,
                                                     Function<MetricRow, String> centre,
                                                     Function<MetricRow, String> mean) {
        TreeTableColumn<MetricRow, String> group = new TreeTableColumn<>();
        Label header = new Label();
        header.textProperty().bind(name);
        header.getStyleClass().add(styleClass);
        header.setTooltip(new Tooltip("Group " + (styleClass.endsWith("a") ? "a" : "b")));
        group.setGraphic(header);
        TreeTableColumn<MetricRow, String> count = column("n", "Repositories where the metric is known",
                n);
        TreeTableColumn<MetricRow, String> median = column("Median / %", "Median (as NumPy computes it) for "
                + "numbers; for shares, the percentage of repositories with the property", centre);
        TreeTableColumn<MetricRow, String> average = column("Mean", "Arithmetic mean (numbers only)", mean);
        for (TreeTableColumn<MetricRow, String> child : java.util.List.of(count, median, average)) {
            child.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        count.setMinWidth(80);
        median.setMinWidth(115);
        average.setMinWidth(75);
        group.getColumns().setAll(java.util.List.of(count, median, average));
        return group;
    }

    private static TreeTableColumn<MetricRow, String> column(String title, String tooltip,
                                                             Function<MetricRow, String> value) {
        TreeTableColumn<MetricRow, String> column = new TreeTableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tooltip));
        column.setGraphic(header);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> {
            MetricRow row = cell.getValue().getValue();
            return new javafx.beans.property.ReadOnlyStringWrapper(row == null ? "" : value.apply(row));
        });
        return column;
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("compare-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add("compare-status");
        copied.getStyleClass().add("compare-copied");
        Label family = new Label();
        family.setId("compare-family");
        family.textProperty().bind(viewModel.familyNoteProperty());
        family.getStyleClass().add("compare-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(12, status, spacer, copied);
        VBox lines = new VBox(2, family, line);
        lines.setPadding(new Insets(6, 12, 8, 12));
        return lines;
    }

    private void copy(String format, Supplier<String> text) {
        String value = text.get();
        if (value.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(value);
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText("Copied the table as " + format + ".");
    }
}
