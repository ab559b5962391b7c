package org.divergence.gui.report;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.divergence.gui.common.EmptyState;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Report section: the joint display (numbers and quotes side by side, with interpretations) and the report with
 * its live preview and export. Ctrl+E exports the report, F5 prepares it again.
 */
public final class ReportSection implements WorkbenchSection {

    private static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

    private final ReportViewModel viewModel;
    private final JointDisplayView jointDisplay;
    private final TabPane tabs = new TabPane();
    private final StackPane root = new StackPane();

    public ReportSection(FeatureServices services) {
        this(new ReportViewModel(services.context(), services.tasks(), services.dialogs()));
    }

    ReportSection(ReportViewModel viewModel) {
        this.viewModel = viewModel;
        this.jointDisplay = new JointDisplayView(viewModel);
        ReportView report = new ReportView(viewModel);
        Tab jointTab = new Tab("Joint display", jointDisplay.node());
        jointTab.setGraphic(new FontIcon(Material2MZ.TABLE_CHART));
        jointTab.setTooltip(new Tooltip("One row per dimension and metric: the result, the themes, quotes and your "
                + "interpretation"));
        jointTab.setId("tab-joint-display");
        Tab reportTab = new Tab("Report", report.node());
        reportTab.setGraphic(new FontIcon(Material2AL.DESCRIPTION));
        reportTab.setTooltip(new Tooltip("Preview and export the reproducible report (HTML, Markdown, LaTeX)"));
        reportTab.setId("tab-report");
        tabs.getTabs().setAll(jointTab, reportTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("report-tabs");

        Label title = new Label("Report");
        title.getStyleClass().add("section-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("muted");
        subtitle.textProperty().bind(viewModel.statusProperty());
        HBox header = new HBox(12, title, subtitle);
        header.getStyleClass().add("section-header");
        header.setAlignment(Pos.CENTER_LEFT);
        BorderPane content = new BorderPane(tabs);
        content.setTop(header);

        EmptyState noProject = new EmptyState(Material2AL.DESCRIPTION, "No project open",
                "Open a project to put its numbers and interview quotes side by side and export a report.");
        noProject.setId("report-no-project");
        root.getChildren().setAll(content);
        viewModel.stateProperty().addListener((obs, old, state) -> root.getChildren().setAll(
                state == ReportViewModel.State.NO_PROJECT ? noProject : content));
        if (viewModel.stateProperty().get() == ReportViewModel.State.NO_PROJECT) {
            root.getChildren().setAll(noProject);
        }
        root.setId("report-section");
        root.parentProperty().addListener((obs, old, parent) -> viewModel.setActive(parent != null));
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (EXPORT.match(event)) {
                viewModel.export();
                event.consume();
            } else if (REFRESH.match(event)) {
                viewModel.refresh();
                event.consume();
            }
        });
    }

    ReportViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Section section() {
        return Section.REPORT;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        viewModel.setActive(true);
    }
}
