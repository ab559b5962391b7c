package org.divergence.gui.repositories;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.sampling.DrawRecord;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.FeatureServices;
import org.divergence.store.project.Project;

/**
 * "Draw a sample…": a seeded, stratified random sample of the project's repositories, its strata and sizes shown
 * before the id list is written (the GUI of the {@code draw} command; docs/population.md).
 */
final class DrawDialog {

    private DrawDialog() {
    }

    static void show(Window owner, FeatureServices services, RepositoryFilter filter) {
        Project project = services.context().project();
        if (project == null) {
            return;
        }
        DrawViewModel viewModel = new DrawViewModel(project, services.tasks(), filter,
                new SecureRandom().nextInt(1, 1_000_000_000));

        TextField n = field("draw-n", viewModel.nProperty());
        TextField seed = field("draw-seed", viewModel.seedProperty());
        TextField reserve = field("draw-reserve", viewModel.reserveProperty());
        CheckBox byPlatform = check("platform", "draw-by-platform", viewModel.byPlatformProperty());
        CheckBox byType = check("repo_type", "draw-by-type", viewModel.byRepoTypeProperty());
        CheckBox byYear = check("created_year", "draw-by-year", viewModel.byCreatedYearProperty());
        TextField out = field("draw-out", viewModel.outFileProperty());
        out.setPromptText("ids.txt");
        HBox.setHgrow(out, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(event -> services.dialogs().chooseFileToSave("Write the drawn ids", "ids.txt",
                        List.of(DialogService.FileType.of("Id lists", "*.txt")))
                .ifPresent(path -> viewModel.outFileProperty().set(path.toString())));

        GridPane options = new GridPane(10, 8);
        options.addRow(0, new Label("Population"), new Label(viewModel.population()));
        options.addRow(1, new Label("Sample size"), n);
        options.addRow(2, new Label("Seed"), seed);
        options.addRow(3, new Label("Strata"), new HBox(12, byPlatform, byType, byYear));
        options.addRow(4, new Label("Reserve per stratum"), reserve);
        options.addRow(5, new Label("Write ids to"), new HBox(6, out, browse));

        TableView<DrawRecord.Stratum> table = new TableView<>(viewModel.strata());
        table.setId("draw-strata");
        table.setPlaceholder(new Label("Press Draw to see the strata and their sizes."));
        table.getColumns().addAll(List.of(
                column("Stratum", stratum -> stratum.key().label(), 260),
                column("Population", stratum -> String.format("%,d", stratum.population()), 100),
                column("Sample", stratum -> String.format("%,d", stratum.sample().size()), 80),
                column("Reserve", stratum -> String.format("%,d", stratum.reserve().size()), 80)));
        table.setPrefSize(560, 260);

        Button draw = new Button("Draw");
        draw.setId("draw-run");
        draw.setDefaultButton(true);
        draw.disableProperty().bind(viewModel.busyProperty());
        draw.setOnAction(event -> viewModel.draw());
        Button write = new Button("Write ids");
        write.setId("draw-write");
        write.disableProperty().bind(viewModel.busyProperty().or(viewModel.drawnProperty().isNull()));
        write.setOnAction(event -> viewModel.write());
        Label summary = new Label();
        summary.setId("draw-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());

        VBox content = new VBox(10, options, new HBox(8, draw, write), table, summary);
        content.setPadding(new Insets(10));
        content.setId("draw-dialog");
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Draw a sample");
        dialog.setHeaderText("A seeded random sample without replacement, allocated to the strata in proportion"
                + " to their size");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.show();
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static CheckBox check(String text, String id, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private static TableColumn<DrawRecord.Stratum, String> column(String title,
                                                                  Function<DrawRecord.Stratum, String> value,
                                                                  double width) {
        TableColumn<DrawRecord.Stratum, String> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new SimpleStringProperty(value.apply(data.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
