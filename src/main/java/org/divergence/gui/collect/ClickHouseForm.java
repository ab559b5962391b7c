package org.divergence.gui.collect;

import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.divergence.core.collect.ClickHouseRequest;

/**
 * The nodes of the Collect dialog's "GH Archive on ClickHouse" side: the form (server, table, window, shards) and the
 * progress (one line per shard), bound to a {@link ClickHouseViewModel}.
 */
final class ClickHouseForm {

    private ClickHouseForm() {
    }

    static Node form(ClickHouseViewModel viewModel, BooleanBinding editable) {
        GridPane grid = FormParts.grid();

        TextField url = text("collect-ch-url", viewModel.urlProperty(),
                "https://play.clickhouse.com (user play), or http://127.0.0.1:8123");
        url.setTooltip(new Tooltip("The server's HTTP interface: https, or plain http on this machine"));
        grid.addRow(0, new Label("Server URL"), url);

        TextField user = text("collect-ch-user", viewModel.userProperty(), ClickHouseRequest.DEFAULT_USER);
        user.setPrefColumnCount(12);
        PasswordField password = new PasswordField();
        password.setId("collect-ch-password");
        password.setPromptText("none");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        password.setTooltip(new Tooltip("Used for the queries only: never stored in the project or printed"));
        HBox.setHgrow(password, Priority.ALWAYS);
        grid.addRow(1, new Label("User"), row(user, new Label("Password"), password));

        TextField database = text("collect-ch-database", viewModel.databaseProperty(),
                ClickHouseRequest.DEFAULT_DATABASE);
        database.setPrefColumnCount(10);
        TextField table = text("collect-ch-table", viewModel.tableProperty(), ClickHouseRequest.DEFAULT_TABLE);
        table.setPrefColumnCount(14);
        grid.addRow(2, new Label("Database"), row(database, new Label("Table"), table));

        DatePicker from = date("collect-ch-from", viewModel.fromProperty());
        DatePicker to = date("collect-ch-to", viewModel.toProperty());
        to.setTooltip(new Tooltip("At the latest " + ClickHouseRequest.LAST_FULL_PAYLOAD_DAY + ": GitHub trimmed"
                + " event payloads the next day"));
        grid.addRow(3, new Label("Events from"), row(from, new Label("to the end of"), to));

        Spinner<Integer> shards = FormParts.spinner("collect-ch-shards", 1, ClickHouseRequest.MAX_SHARDS, 1,
                viewModel.shardsProperty(), 100);
        Label shardHint = new Label("one query each; more shards ask less of the server");
        shardHint.getStyleClass().add("muted");
        grid.addRow(4, new Label("Shards"), row(shards, shardHint));

        grid.add(FormParts.problem("collect-ch-problem", viewModel.problemProperty()), 1, 5);

        grid.disableProperty().bind(editable.not());
        return grid;
    }

    static Node progress(ClickHouseViewModel viewModel) {
        Label idle = new Label("The server aggregates GH Archive's events into one row per repository created in the"
                + " window, a shard of repositories per query. Each shard is stored as one import batch as soon as"
                + " it arrives; cancel at any time, and resume later with the shards still missing.");
        idle.setWrapText(true);
        idle.getStyleClass().add("muted");
        ProgressBar bar = new ProgressBar(0);
        bar.setId("collect-ch-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(viewModel.progressProperty());
        Label status = FormParts.label("collect-ch-status", viewModel.statusTextProperty());
        status.getStyleClass().add("collect-status");
        ListView<String> shards = new ListView<>(viewModel.shardLines());
        shards.setId("collect-ch-shard-list");
        shards.setPrefHeight(150);
        Label outcome = FormParts.label("collect-ch-outcome", viewModel.outcomeProperty());
        outcome.setWrapText(true);
        outcome.setMaxWidth(680);
        BooleanBinding started = viewModel.stageProperty().isNotEqualTo(CollectViewModel.Stage.EDITING);
        for (Node node : new Node[] {bar, status, shards}) {
            node.visibleProperty().bind(started);
            node.managedProperty().bind(started);
        }
        idle.visibleProperty().bind(started.not());
        idle.managedProperty().bind(idle.visibleProperty());
        return new VBox(6, idle, bar, status, shards, outcome);
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static DatePicker date(String id, javafx.beans.property.ObjectProperty<LocalDate> property) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(140);
        picker.valueProperty().bindBidirectional(property);
        return picker;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(10, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** "Resume collection 3 (5 of 16 shards)". */
    static javafx.beans.binding.StringBinding resumeText(ClickHouseViewModel viewModel) {
        return Bindings.createStringBinding(() -> {
            var collection = viewModel.resumableProperty().get();
            return collection == null ? "Resume collection" : "Resume collection " + collection.id() + " ("
                    + collection.done() + " of " + collection.request().shards() + " shards)";
        }, viewModel.resumableProperty());
    }
}
