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
import javafx.scene.control.ToggleButton;
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
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.ComparisonColumn;
import org.divergence.store.settings.Settings;
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
    private final ToggleButton headlinesToggle;

    CompareView(FeatureServices services, CompareViewModel viewModel) {
        this.services = services;
        this.viewModel = viewModel;
        root.setId("compare-view");
        headlinesToggle = headlinesToggle();
        content.setTop(new VBox(controls(), problem(), headlines()));
        content.setCenter(tableChartAndQuotes());
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
        grouping.setPrefWidth(235);
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

        MenuButton columns = columnChooser();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox first = new HBox(10, label("Compare"), grouping, tag, pair, new Separator(Orientation.VERTICAL),
                withinYears, year, spacer, busy, cancel, refresh, metrics, columns, copy);
        first.setAlignment(Pos.CENTER_LEFT);
        for (Node node : first.getChildren()) {
            if (node instanceof Region region && node != spacer) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        Region secondSpacer = new Region();
        HBox.setHgrow(secondSpacer, Priority.ALWAYS);
        // With a tag or a second selector shown the row is wider than a 1280-pixel window: the buttons keep icons.
        // (The row may be narrower than its content for a moment: it never widens the window.)
        first.setMinWidth(0);
        org.divergence.gui.common.CompactWhenNarrow.apply(first, List.of(metrics, columns, copy));
        HBox second = new HBox(10, label("Types"), types, new Separator(Orientation.VERTICAL), label("Created"),
                from, label("to"), to, reset, secondSpacer, headlinesToggle);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox rows = new VBox(8, first, second);
        rows.setPadding(new Insets(10, 12, 8, 12));
        rows.getStyleClass().add("compare-controls");
        return rows;
    }

    /** The optional statistics a user can show as columns (each pair of group columns is one choice). */
    private static final List<ColumnChoice> COLUMN_CHOICES = List.of(
            new ColumnChoice("Magnitude of the effect", ComparisonColumn.MAGNITUDE),
            new ColumnChoice("p Holm (adjusted)", ComparisonColumn.P_HOLM),
            new ColumnChoice("p BH (false discovery rate)", ComparisonColumn.P_BH),
            new ColumnChoice("Test used for p", ComparisonColumn.TEST),
            new ColumnChoice("Means", ComparisonColumn.MEAN_A, ComparisonColumn.MEAN_B),
            new ColumnChoice("Quartiles (Q1 – Q3)", ComparisonColumn.QUARTILES_A, ComparisonColumn.QUARTILES_B),
            new ColumnChoice("Confidence interval of δ", ComparisonColumn.EFFECT_INTERVAL),
            new ColumnChoice("Test statistic (U or χ²)", ComparisonColumn.STATISTIC),
            new ColumnChoice("z (Mann–Whitney)", ComparisonColumn.Z),
            new ColumnChoice("Median difference (a − b)", ComparisonColumn.MEDIAN_DIFFERENCE),
            new ColumnChoice("Bootstrap interval of the median difference",
                    ComparisonColumn.MEDIAN_DIFFERENCE_INTERVAL));

    private record ColumnChoice(String label, ComparisonColumn... columns) {
    }

    /**
     * The column chooser, as in JASP: a check per optional statistic (the metric, n, medians, effect and p are always
     * shown). The choice is remembered, and Copy table copies the columns shown.
     */
    private MenuButton columnChooser() {
        Settings settings = services.settings();
        if (settings.compareColumns != null) {
            viewModel.showColumns(settings.compareColumns.stream().map(ComparisonColumn::ofKey)
                    .filter(java.util.Objects::nonNull).toList());
        }
        MenuButton chooser = new MenuButton("Columns", new FontIcon(Material2MZ.VIEW_COLUMN));
        chooser.setId("compare-columns");
        chooser.setTooltip(new Tooltip("Choose the statistics shown as columns (and copied with Copy table); the "
                + "metric, n, medians, effect and p are always shown"));
        for (ColumnChoice choice : COLUMN_CHOICES) {
            javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem(choice.label());
            item.setId("compare-columns-" + choice.columns()[0].key());
            Runnable sync = () -> item.setSelected(viewModel.shownColumns().contains(choice.columns()[0]));
            sync.run();
            viewModel.shownColumns().addListener((javafx.collections.SetChangeListener<ComparisonColumn>) c -> sync.run());
            item.setOnAction(event -> {
                for (ComparisonColumn column : choice.columns()) {
                    viewModel.showColumn(column, item.isSelected());
                }
            });
            chooser.getItems().add(item);
        }
        MenuItem reset = new MenuItem("Default columns");
        reset.setOnAction(event -> viewModel.showColumns(null));
        chooser.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), reset);
        viewModel.shownColumns().addListener((javafx.collections.SetChangeListener<ComparisonColumn>) change -> {
            settings.compareColumns = viewModel.shownColumns().stream().sorted().map(ComparisonColumn::key).toList();
            services.saveSettings();
        });
        return chooser;
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

    /** Shows or folds the headlines (at the end of the second row of controls). */
    private ToggleButton headlinesToggle() {
        Settings settings = services.settings();
        ToggleButton toggle = new ToggleButton("Headlines");
        toggle.setId("compare-headlines-toggle");
        toggle.setSelected(settings.compareHeadlinesShown != null ? settings.compareHeadlinesShown
                : settings.windowHeight >= 900);
        toggle.graphicProperty().bind(Bindings.when(toggle.selectedProperty())
                .then((Node) new FontIcon(Material2AL.EXPAND_LESS)).otherwise(new FontIcon(Material2AL.EXPAND_MORE)));
        toggle.setTooltip(new Tooltip("Show or hide the headlines: one sentence per dimension, read from the table"));
        toggle.selectedProperty().addListener((obs, old, shown) -> settings.compareHeadlinesShown = shown);
        toggle.disableProperty().bind(Bindings.isEmpty(viewModel.headlines()));
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        return toggle;
    }

    /**
     * One sentence per dimension, shown by the Headlines toggle: from the start in a tall window, folded in a small
     * one (where the table and chart need the height); the user's choice is remembered.
     */
    private Node headlines() {
        VBox lines = new VBox(4);
        lines.setId("compare-headlines");
        lines.setPadding(new Insets(2, 0, 2, 0));
        viewModel.headlines().addListener((ListChangeListener<Headlines.Headline>) change -> {
            lines.getChildren().clear();
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
                lines.getChildren().add(flow);
            }
        });
        ToggleButton toggle = headlinesToggle;
        VBox box = new VBox(lines);
        box.getStyleClass().add("compare-headlines");
        box.setPadding(new Insets(4, 12, 8, 12));
        box.visibleProperty().bind(Bindings.isNotEmpty(viewModel.headlines()).and(toggle.selectedProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * The table across the whole width (so its columns never give way to the side panel) above the selected metric's
     * chart (gui.charts) and, beside the chart once a row is selected, the interview quotes linked to it. Both
     * dividers are remembered.
     */
    private Node tableChartAndQuotes() {
        Node tableNode = table();
        CompareCharts charts = new CompareCharts(services);
        charts.viewModel().dataProperty().bind(viewModel.dataProperty());
        charts.viewModel().filterProperty().bind(Bindings.createObjectBinding(() -> viewModel.reportProperty()
                .get() == null ? null : viewModel.reportProperty().get().filter(), viewModel.reportProperty()));
        LinkedQuotesPanel quotes = new LinkedQuotesPanel(
                new LinkedQuotesViewModel(services.context(), services.tasks()));
        Settings settings = services.settings();
        SplitPane below = new SplitPane(charts.node());
        below.setId("compare-chart-split");
        quotes.setOnClose(() -> below.getItems().remove(quotes.node()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            MetricRow row = item == null ? null : item.getValue();
            if (row != null && !row.isHeading()) {
                charts.viewModel().metricProperty().set(row.comparison().metric());
            }
            quotes.viewModel().findingProperty().set(findingOf(row));
            if (item != null && !below.getItems().contains(quotes.node())) {
                below.getItems().add(quotes.node());
                below.setDividerPositions(remembered(settings.compareChartDivider, 0.62));
                below.getDividers().getFirst().positionProperty().addListener((p, was, now) ->
                        settings.compareChartDivider = now.doubleValue());
            }
        });
        SplitPane split = new SplitPane(tableNode, below);
        split.setId("compare-table-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(remembered(settings.compareTableDivider, 0.56));
        split.getDividers().getFirst().positionProperty().addListener((obs, old, now) ->
                settings.compareTableDivider = now.doubleValue());
        return split;
    }

    /** A remembered divider position, or the default when none (or a nonsensical one) was saved. */
    private static double remembered(Double saved, double fallback) {
        return saved == null || !(saved > 0.1 && saved < 0.9) ? fallback : saved;
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
        table.setFixedCellSize(24);
        table.setMinHeight(200);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.busyProperty()).then("Comparing…")
                .otherwise("Nothing to compare with these settings."));
        table.setPlaceholder(placeholder);

        TreeTableColumn<MetricRow, String> metric = column(ComparisonColumn.METRIC, 205);
        metric.setCellFactory(column -> tooltipCell(MetricRow::definition));
        TreeTableColumn<MetricRow, String> effect = column(ComparisonColumn.EFFECT, 140);
        ((Label) effect.getGraphic()).textProperty().bind(Bindings.concat("Effect (+: ", viewModel.groupAProperty(),
                " higher)"));
        effect.setCellFactory(column -> tooltipCell(MetricRow::details));
        TreeTableColumn<MetricRow, String> acrossYears = new TreeTableColumn<>();
        acrossYears.setGraphic(header("p within years", "Within creation years: van Elteren's stratified test "
                + "(numbers) or Cochran–Mantel–Haenszel (shares) across the years"));
        acrossYears.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue() == null ? "" : cell.getValue().getValue().pWithinYears()));
        fixed(acrossYears, 105);
        acrossYears.setStyle("-fx-alignment: CENTER-RIGHT;");
        acrossYears.visibleProperty().bind(Bindings.isNotEmpty(viewModel.strata())
                .and(viewModel.selectedStratumProperty().isEqualTo(0)));
        // The essential columns first, so that they stay in view whatever else is chosen (issue: Compare hid them).
        table.getColumns().setAll(List.of(metric,
                group(viewModel.groupAProperty(), viewModel.groupAColourProperty(), "compare-group-a", column(ComparisonColumn.N_A, 62),
                        column(ComparisonColumn.CENTRE_A, 96)),
                group(viewModel.groupBProperty(), viewModel.groupBColourProperty(), "compare-group-b", column(ComparisonColumn.N_B, 62),
                        column(ComparisonColumn.CENTRE_B, 96)),
                effect, column(ComparisonColumn.P, 62), column(ComparisonColumn.MAGNITUDE, 112),
                column(ComparisonColumn.P_HOLM, 66),
                pair("Mean", "compare-mean", ComparisonColumn.MEAN_A, ComparisonColumn.MEAN_B, 96),
                pair("Q1 – Q3", "compare-quartiles", ComparisonColumn.QUARTILES_A, ComparisonColumn.QUARTILES_B, 112),
                column(ComparisonColumn.EFFECT_INTERVAL, 120), column(ComparisonColumn.STATISTIC, 90),
                column(ComparisonColumn.Z, 64), column(ComparisonColumn.MEDIAN_DIFFERENCE, 100),
                column(ComparisonColumn.MEDIAN_DIFFERENCE_INTERVAL, 130), column(ComparisonColumn.P_BH, 70),
                column(ComparisonColumn.TEST, 105), acrossYears));
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

    /** A cell whose tooltip is a text of its row (the definition, the test details), when the row has one. */
    private static TreeTableCell<MetricRow, String> tooltipCell(Function<MetricRow, String> tooltip) {
        return new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                MetricRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                String tip = row == null ? null : tooltip.apply(row);
                setTooltip(tip == null ? null : new Tooltip(tip));
            }
        };
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

    private static TreeTableColumn<MetricRow, String> group(ObservableValue<String> name,
                                                            ObservableValue<String> colour, String styleClass,
                                                            TreeTableColumn<MetricRow, String> count,
                                                            TreeTableColumn<MetricRow, String> centre) {
        TreeTableColumn<MetricRow, String> group = new TreeTableColumn<>();
        Label header = new Label();
        header.textProperty().bind(name);
        header.getStyleClass().add(styleClass);
        // The group's colour on the charts (a factor tag's own), over the style sheet's platform colours.
        header.styleProperty().bind(Bindings.concat("-fx-text-fill: ", colour, ";"));
        header.setTooltip(new Tooltip("Group " + (styleClass.endsWith("a") ? "a" : "b")));
        group.setGraphic(header);
        group.setReorderable(false);
        group.getColumns().setAll(List.of(count, centre));
        return group;
    }

    /** An optional statistic of both groups: a heading over a column per group, named by the group. */
    private TreeTableColumn<MetricRow, String> pair(String title, String id, ComparisonColumn a, ComparisonColumn b,
                                                    double width) {
        TreeTableColumn<MetricRow, String> parent = new TreeTableColumn<>();
        parent.setId(id);
        parent.setGraphic(header(title, a.tooltip()));
        parent.setReorderable(false);
        TreeTableColumn<MetricRow, String> first = column(a, width);
        TreeTableColumn<MetricRow, String> second = column(b, width);
        ((Label) first.getGraphic()).textProperty().bind(viewModel.groupAProperty());
        ((Label) second.getGraphic()).textProperty().bind(viewModel.groupBProperty());
        parent.getColumns().setAll(List.of(first, second));
        return parent;
    }

    /** The table column of a comparison column: shown while the view model shows it. */
    private TreeTableColumn<MetricRow, String> column(ComparisonColumn which, double width) {
        TreeTableColumn<MetricRow, String> column = new TreeTableColumn<>();
        column.setId("compare-column-" + which.key());
        column.setGraphic(header(which.title(), which.tooltip()));
        column.setSortable(false);
        column.setReorderable(false);
        fixed(column, width);
        if (!which.isText()) {
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue() == null ? "" : cell.getValue().getValue().cell(which)));
        if (!which.isEssential()) {
            column.visibleProperty().bind(Bindings.createBooleanBinding(
                    () -> viewModel.shownColumns().contains(which), viewModel.shownColumns()));
        }
        return column;
    }

    private static void fixed(TreeTableColumn<MetricRow, String> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
    }

    private static Label header(String title, String tooltip) {
        Label header = new Label(title);
        // Headers wrap onto a second line (the group headings make the header two lines tall anyway).
        header.setWrapText(true);
        header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        header.setTooltip(new Tooltip(tooltip));
        return header;
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
        family.setMinWidth(Region.USE_PREF_SIZE);
        family.setTooltip(new Tooltip("Holm's step-down adjustment controls the chance of any false positive; "
                + "Benjamini–Hochberg's controls the false discovery rate. The family is every metric of this "
                + "comparison with a p-value."));
        status.setMinWidth(0);
        copied.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // One line under the chart, so the table and chart keep the height.
        HBox line = new HBox(12, status, spacer, copied, family);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(4, 12, 6, 12));
        return line;
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
