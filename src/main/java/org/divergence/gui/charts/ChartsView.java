package org.divergence.gui.charts;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.divergence.core.charts.ChartType;
import org.divergence.core.metrics.Metric;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.tags.FactorTag;
import org.divergence.gui.common.EmptyState;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.ProblemLabel;
import org.divergence.gui.tags.TagComboBox;
import org.divergence.render.charts.ChartFormat;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Charts section: the chart type (box, ECDF, histogram, shares, effect sizes, time view), the metric, the
 * grouping and the filters above; the interactive chart below. Keys: Ctrl+1…6 is taken by the sections, so the
 * chart types have Alt+1…6; Ctrl+0 resets the zoom, Ctrl+E exports as PNG, F5 reads the project again.
 */
public final class ChartsView {

    private static final Map<ChartType, Ikon> ICONS = Map.of(ChartType.BOX, Material2AL.INSERT_CHART_OUTLINED,
            ChartType.ECDF, Material2MZ.STACKED_LINE_CHART, ChartType.HISTOGRAM, Material2AL.BAR_CHART,
            ChartType.SHARE, Material2AL.LEADERBOARD, ChartType.EFFECTS, Material2AL.FORMAT_LIST_BULLETED,
            ChartType.TIMELINE, Material2MZ.TIMELINE);

    private static final Map<ChartType, String> SHORT_LABELS = Map.of(ChartType.BOX, "Box", ChartType.ECDF, "ECDF",
            ChartType.HISTOGRAM, "Histogram", ChartType.SHARE, "Shares", ChartType.EFFECTS, "Effects",
            ChartType.TIMELINE, "Time");

    private final ChartsViewModel viewModel;
    private final FeatureServices services;
    private final StackPane root = new StackPane();
    private final ChartPane chart;

    ChartsView(FeatureServices services, ChartsViewModel viewModel) {
        this.services = services;
        this.viewModel = viewModel;
        this.chart = new ChartPane(services, selection -> viewModel.filterFor(selection)
                .ifPresent(services::showRepositories), viewModel::showMetric);
        chart.busyProperty().bind(viewModel.busyProperty());
        chart.setPlaceholder("Drawing…");
        viewModel.chartProperty().addListener((obs, old, built) -> chart.show(built));
        viewModel.darkProperty().bind(Bindings.createBooleanBinding(() -> services.themeProperty().get() != null
                && services.themeProperty().get().isDark(), services.themeProperty()));

        BorderPane content = new BorderPane();
        content.setTop(new VBox(controls(), problem()));
        content.setCenter(chart.node());
        content.setBottom(statusLine());
        Node empty = new EmptyState(Material2MZ.SHOW_CHART, "No repositories to chart",
                "Import a repository sample (File → Import…, Ctrl+I) in the study's canonical columns; Charts then "
                        + "draws box plots, ECDFs, histograms, shares, effect sizes and time views of its metrics.")
                .withAction("Import a repository sample…", () -> services.importHandler().chooseAndImport());
        empty.setId("charts-empty");
        root.getChildren().setAll(content);
        viewModel.stateProperty().addListener((obs, old, state) -> root.getChildren().setAll(
                state == ChartsViewModel.State.NO_REPOSITORIES ? empty : content));
        root.setId("charts-view");
        root.parentProperty().addListener((obs, old, parent) -> viewModel.setActive(parent != null
                && root.isVisible()));
        root.visibleProperty().addListener((obs, old, visible) -> viewModel.setActive(visible
                && root.getParent() != null));
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }


    public Node node() {
        return root;
    }

    public void shown() {
        viewModel.setActive(true);
    }

    ChartsViewModel viewModel() {
        return viewModel;
    }

    ChartPane chartPane() {
        return chart;
    }

    private void keyPressed(KeyEvent event) {
        if (new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN).match(event)) {
            chart.resetZoom();
        } else if (new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN).match(event)) {
            chart.export(ChartFormat.PNG);
        } else if (event.getCode() == KeyCode.F5) {
            viewModel.refresh();
        } else if (event.isAltDown() && event.getCode().isDigitKey()) {
            int index = event.getCode().getCode() - KeyCode.DIGIT1.getCode();
            if (index >= 0 && index < ChartType.values().length) {
                viewModel.typeProperty().set(ChartType.values()[index]);
            }
        } else {
            return;
        }
        event.consume();
    }

    private Node controls() {
        HBox types = new HBox();
        types.getStyleClass().add("segmented-button-bar");
        ToggleGroup group = new ToggleGroup();
        for (ChartType type : ChartType.values()) {
            ToggleButton button = new ToggleButton(SHORT_LABELS.get(type), new FontIcon(ICONS.get(type)));
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setId("chart-type-" + type.key());
            button.setToggleGroup(group);
            button.setUserData(type);
            button.setTooltip(new Tooltip(type.description() + " (Alt+" + (type.ordinal() + 1) + ")"));
            button.setSelected(viewModel.typeProperty().get() == type);
            types.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.typeProperty().set((ChartType) now.getUserData());
            }
        });
        viewModel.typeProperty().addListener((obs, old, type) -> group.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == type).findFirst().ifPresent(toggle ->
                        toggle.setSelected(true)));

        ChoiceBox<Metric> metric = new ChoiceBox<>();
        metric.setId("chart-metric");
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(Metric value) {
                return value == null ? "" : value.label();
            }

            @Override
            public Metric fromString(String text) {
                return null;
            }
        });
        Runnable fillMetrics = () -> {
            Metric current = viewModel.metricProperty().get();
            metric.setItems(FXCollections.observableArrayList(viewModel.typeProperty().get()
                    .metrics(viewModel.metricsProperty().get())));
            metric.setValue(current);
        };
        fillMetrics.run();
        viewModel.typeProperty().addListener((obs, old, now) -> fillMetrics.run());
        viewModel.metricsProperty().addListener((obs, old, now) -> fillMetrics.run());
        metric.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.metricProperty().set(now);
            }
        });
        viewModel.metricProperty().addListener((obs, old, now) -> metric.setValue(now));
        metric.disableProperty().bind(Bindings.createBooleanBinding(() ->
                viewModel.typeProperty().get().showsAllMetrics() && !viewModel.withinYearsProperty().get(),
                viewModel.typeProperty(), viewModel.withinYearsProperty()));
        CheckBox withinYears = new CheckBox("Within creation years");
        withinYears.setId("chart-within-years");
        withinYears.setMinWidth(Region.USE_PREF_SIZE);
        withinYears.selectedProperty().bindBidirectional(viewModel.withinYearsProperty());
        withinYears.setTooltip(new Tooltip("The metric's Cliff's delta in each creation year (age is a confound: "
                + "Hugging Face repositories are younger), with van Elteren's or the Cochran–Mantel–Haenszel test "
                + "across years"));
        withinYears.visibleProperty().bind(viewModel.typeProperty().isEqualTo(ChartType.EFFECTS));
        withinYears.managedProperty().bind(withinYears.visibleProperty());
        metric.setTooltip(new Tooltip("The metric to draw (docs/metrics.md defines each; custom metrics are defined "
                + "under Compare → Metrics…)"));
        metric.setPrefWidth(190);

        ChoiceBox<Grouping> grouping = new ChoiceBox<>();
        grouping.getItems().setAll(Grouping.values());
        grouping.valueProperty().bindBidirectional(viewModel.groupingProperty());
        grouping.setId("chart-grouping");
        grouping.setPrefWidth(215);
        grouping.setMinWidth(Region.USE_PREF_SIZE);
        grouping.setTooltip(new Tooltip("GitHub vs Hugging Face, each repository type, or untagged vs tagged "
                + "repositories (same colours on every chart)"));
        ComboBox<FactorTag> tag = TagComboBox.of(viewModel.tagChoice(), "chart-tag");
        tag.setPrefWidth(240);
        tag.setMinWidth(Region.USE_PREF_SIZE);
        tag.visibleProperty().bind(viewModel.groupingProperty().isEqualTo(Grouping.TAG));
        tag.managedProperty().bind(tag.visibleProperty());

        HBox repoTypes = new HBox(8);
        repoTypes.setAlignment(Pos.CENTER_LEFT);
        for (RepoType type : RepoType.values()) {
            CheckBox box = new CheckBox(switch (type) {
                case CODE -> "Code";
                case MODEL -> "Models";
                case DATASET -> "Datasets";
                case SPACE -> "Spaces";
            });
            box.setId("chart-type-filter-" + type.code());
            box.selectedProperty().bindBidirectional(viewModel.filterInputs().includedProperty(type));
            box.setTooltip(new Tooltip("Include " + type.label()));
            repoTypes.getChildren().add(box);
        }
        DatePicker from = datePicker("Only repositories created on or after this day");
        from.valueProperty().bindBidirectional(viewModel.filterInputs().createdFromProperty());
        DatePicker to = datePicker("Only repositories created on or before this day");
        to.valueProperty().bindBidirectional(viewModel.filterInputs().createdToProperty());
        Button reset = new Button("Reset");
        reset.setTooltip(new Tooltip("Include every repository type and creation date"));
        reset.setOnAction(event -> viewModel.filterInputs().reset());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().addAll("small", "flat");
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> viewModel.cancel());
        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.getStyleClass().addAll("button-icon", "flat");
        refresh.setTooltip(new Tooltip("Read the project again (F5)"));
        refresh.setOnAction(event -> viewModel.refresh());

        // Clusters that wrap as the window narrows (a tag grouping adds a drop-down), the actions at the right.
        FlowPane clusters = new FlowPane(14, 8, types, cluster(label("Metric"), metric, withinYears),
                cluster(label("Groups"), grouping, tag), cluster(label("Types"), repoTypes),
                cluster(label("Created"), from, label("to"), to, reset));
        clusters.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, busy, cancel, refresh);
        actions.setAlignment(Pos.TOP_RIGHT);
        BorderPane rows = new BorderPane(clusters);
        rows.setRight(actions);
        rows.setPadding(new Insets(10, 12, 8, 12));
        rows.getStyleClass().add("charts-controls");
        return rows;
    }

    private static HBox cluster(Node... nodes) {
        HBox cluster = new HBox(8, nodes);
        cluster.setAlignment(Pos.CENTER_LEFT);
        return cluster;
    }

    private static DatePicker datePicker(String tooltip) {
        DatePicker picker = new DatePicker();
        picker.setPrefWidth(130);
        picker.setPromptText("any day");
        picker.setTooltip(new Tooltip(tooltip + " (repositories with an unknown creation date are then left out)"));
        return picker;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add("compare-control-label");
        return label;
    }

    private Node problem() {
        return ProblemLabel.of("charts-problem", viewModel.problemProperty());
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("charts-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add("compare-status");
        HBox line = new HBox(12, status);
        line.setPadding(new Insets(4, 12, 6, 12));
        return line;
    }
}
