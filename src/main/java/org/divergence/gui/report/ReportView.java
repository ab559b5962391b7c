package org.divergence.gui.report;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.divergence.core.report.ReportFormat;
import org.divergence.core.repositories.RepoType;
import org.divergence.gui.common.Grouping;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The report's options and export on the left, its live preview on the right. */
final class ReportView {

    private final ReportViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final StackPane preview = new StackPane();

    ReportView(ReportViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("report-view");
        ScrollPane options = new ScrollPane(options());
        options.setFitToWidth(true);
        options.setPrefWidth(236);
        options.setMinWidth(200);
        options.getStyleClass().add("report-options");
        root.setLeft(options);
        ScrollPane scroll = new ScrollPane(preview);
        scroll.setFitToWidth(true);
        scroll.setId("report-preview");
        scroll.getStyleClass().add("report-preview");
        preview.setAlignment(Pos.TOP_CENTER);
        root.setCenter(scroll);
        viewModel.modelProperty().addListener((obs, old, model) -> showPreview());
        showPreview();
    }

    Node node() {
        return root;
    }

    private void showPreview() {
        if (viewModel.modelProperty().get() == null) {
            Label waiting = new Label();
            waiting.textProperty().bind(Bindings.when(viewModel.busyProperty()).then("Preparing the report…")
                    .otherwise(""));
            waiting.getStyleClass().add("muted");
            preview.getChildren().setAll(waiting);
            return;
        }
        preview.getChildren().setAll(ReportPreview.of(viewModel.modelProperty().get()));
    }

    private Node options() {
        ChoiceBox<ReportFormat> format = new ChoiceBox<>();
        format.getItems().setAll(ReportFormat.values());
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        format.setId("report-format");
        format.setTooltip(new Tooltip("HTML: one self-contained page (charts inside, nothing fetched). Markdown: for "
                + "notebooks. LaTeX: the tables, for a paper (booktabs)."));
        format.setMaxWidth(Double.MAX_VALUE);

        ChoiceBox<Grouping> grouping = new ChoiceBox<>();
        grouping.getItems().setAll(Grouping.values());
        grouping.valueProperty().bindBidirectional(viewModel.groupingProperty());
        grouping.setId("report-grouping");
        grouping.setMaxWidth(Double.MAX_VALUE);

        VBox types = new VBox(4);
        for (RepoType type : RepoType.values()) {
            CheckBox box = new CheckBox(type.label());
            box.setId("report-type-" + type.code());
            box.selectedProperty().bindBidirectional(viewModel.filterInputs().includedProperty(type));
            types.getChildren().add(box);
        }
        DatePicker from = new DatePicker();
        from.setMaxWidth(Double.MAX_VALUE);
        from.setPromptText("any day");
        from.valueProperty().bindBidirectional(viewModel.filterInputs().createdFromProperty());
        from.setTooltip(new Tooltip("Only repositories created on or after this day"));
        DatePicker to = new DatePicker();
        to.setMaxWidth(Double.MAX_VALUE);
        to.setPromptText("any day");
        to.valueProperty().bindBidirectional(viewModel.filterInputs().createdToProperty());
        to.setTooltip(new Tooltip("Only repositories created on or before this day"));
        Button reset = new Button("Reset filters");
        reset.getStyleClass().add("flat");
        reset.setOnAction(event -> viewModel.filterInputs().reset());

        CheckBox withinYears = new CheckBox("Within creation years");
        withinYears.setId("report-within-years");
        withinYears.selectedProperty().bindBidirectional(viewModel.withinYearsProperty());
        withinYears.setTooltip(new Tooltip("Also compare within each creation year (age is a confound: Hugging Face "
                + "repositories are younger), with van Elteren's and the Cochran–Mantel–Haenszel test across years"));
        CheckBox timestamp = new CheckBox("State when it was made");
        timestamp.selectedProperty().bindBidirectional(viewModel.timestampProperty());
        timestamp.setTooltip(new Tooltip("Adds the time of generation; without it the same project and options give "
                + "the same file, byte for byte"));

        Button export = new Button("Export…", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("report-export");
        export.getStyleClass().add("accent");
        export.setMaxWidth(Double.MAX_VALUE);
        export.setTooltip(new Tooltip("Write the report in the chosen format (Ctrl+E)"));
        export.setOnAction(event -> viewModel.export());
        export.disableProperty().bind(viewModel.modelProperty().isNull().or(viewModel.exportingProperty()));
        Button refresh = new Button("Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.setTooltip(new Tooltip("Prepare the preview again (F5)"));
        refresh.setOnAction(event -> viewModel.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty().or(viewModel.exportingProperty()));
        HBox actions = new HBox(8, refresh, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("report-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem-text");
        problem.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label status = new Label();
        status.setId("report-status");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        Label note = new Label("The numbers are those of the Compare section (and of compare --json) for the same "
                + "options. The same project and options give the same file.");
        note.setWrapText(true);
        note.getStyleClass().add("muted");

        VBox box = new VBox(8, label("Format"), format, label("Compare"), grouping, withinYears, label("Repository types"), types,
                label("Created from"), from, label("Created to"), to, reset, new Separator(), timestamp, export,
                actions, problem, status, new Separator(), note);
        box.setPadding(new Insets(12));
        box.setFillWidth(true);
        return box;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pane-title");
        return label;
    }
}
