package org.divergence.gui.charts;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.divergence.core.charts.ChartType;
import org.divergence.core.metrics.MetricKind;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;

/**
 * The Compare screen's chart pane: the selected metric as a box plot, ECDF or histogram (shares as bars with
 * intervals), with the same interactions as the Charts screen and a way to open it there.
 */
public final class CompareCharts {

    private final CompareChartsViewModel viewModel;
    private final ChartPane pane;
    private final BorderPane root = new BorderPane();

    public CompareCharts(FeatureServices services) {
        this(services, new CompareChartsViewModel(services.tasks()));
    }

    CompareCharts(FeatureServices services, CompareChartsViewModel viewModel) {
        this.viewModel = viewModel;
        this.pane = new ChartPane(services, selection -> viewModel.filterFor(selection)
                .ifPresent(services::showRepositories), metric -> viewModel.metricProperty().set(metric));
        pane.setPlaceholder("Select a metric in the table to chart it.");
        pane.setCompact(true);
        pane.busyProperty().bind(viewModel.busyProperty());
        viewModel.chartProperty().addListener((obs, old, built) -> pane.show(built));
        viewModel.darkProperty().bind(Bindings.createBooleanBinding(() -> services.themeProperty().get() != null
                && services.themeProperty().get().isDark(), services.themeProperty()));

        HBox types = new HBox();
        types.getStyleClass().add("segmented-button-bar");
        ToggleGroup group = new ToggleGroup();
        for (ChartType type : CompareChartsViewModel.NUMERIC_TYPES) {
            ToggleButton button = new ToggleButton(type.label());
            button.setId("compare-chart-" + type.key());
            button.getStyleClass().add("small");
            button.setUserData(type);
            button.setToggleGroup(group);
            button.setSelected(type == viewModel.numericTypeProperty().get());
            button.setTooltip(new Tooltip(type.description()));
            types.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.numericTypeProperty().set((ChartType) now.getUserData());
            }
        });
        types.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.metricProperty().get() != null
                && viewModel.metricProperty().get().kind() == MetricKind.SHARE, viewModel.metricProperty()));
        Label title = new Label("Chart");
        title.getStyleClass().add("compare-control-label");
        javafx.scene.control.Hyperlink open = new javafx.scene.control.Hyperlink("More charts…");
        open.setTooltip(new Tooltip("Open the Charts screen: ECDFs, histograms, effect sizes, time views"));
        open.setOnAction(event -> services.navigate(Section.CHARTS));
        HBox bar = new HBox(10, title, types, open);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 2, 12));
        root.setTop(bar);
        root.setCenter(pane.node());
        root.setId("compare-charts");
    }

    public CompareChartsViewModel viewModel() {
        return viewModel;
    }

    public Node node() {
        return root;
    }

    ChartPane pane() {
        return pane;
    }
}
