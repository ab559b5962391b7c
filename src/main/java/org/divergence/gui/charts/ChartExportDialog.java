package org.divergence.gui.charts;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.divergence.render.charts.ChartExport;
import org.divergence.render.charts.ChartFormat;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Asks for the export's size (and, for PNG, the resolution) before the file is chosen. */
public final class ChartExportDialog {

    private ChartExportDialog() {
    }

    /** The Export button of a chart: a menu of the formats, each handed to {@code export}. */
    public static MenuButton menuButton(Consumer<ChartFormat> export) {
        MenuButton button = new MenuButton("Export", new FontIcon(Material2MZ.SAVE_ALT));
        button.setTooltip(new Tooltip("Save the chart for a paper: PNG at a chosen size and DPI, SVG or PDF"));
        for (ChartFormat format : ChartFormat.values()) {
            MenuItem item = new MenuItem(format.name() + "…");
            item.setOnAction(event -> export.accept(format));
            button.getItems().add(item);
        }
        return button;
    }

    public static Optional<ExportSettings> ask(Window owner, ChartFormat format, int width, int height) {
        Dialog<ExportSettings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export chart as " + format.name());
        dialog.setHeaderText(format == ChartFormat.PNG
                ? "Size of the chart and resolution of the image (300 DPI for print)."
                : "Size of the chart (a vector " + format.name() + " scales without loss).");
        Spinner<Integer> widthField = spinner(width);
        Spinner<Integer> heightField = spinner(height);
        Spinner<Integer> dpiField = new Spinner<>(24, 1200, format == ChartFormat.PNG ? 300 : 96, 24);
        dpiField.setEditable(true);
        dpiField.setDisable(format != ChartFormat.PNG);
        CheckBox dark = new CheckBox("Dark background (for slides)");
        Label pixels = new Label();
        Runnable update = () -> pixels.setText(format == ChartFormat.PNG
                ? String.format("%,d × %,d pixels, %.1f × %.1f inches", Math.round(widthField.getValue()
                * dpiField.getValue() / 96.0), Math.round(heightField.getValue() * dpiField.getValue() / 96.0),
                widthField.getValue() / 96.0, heightField.getValue() / 96.0)
                : String.format("%.1f × %.1f inches", widthField.getValue() / 96.0, heightField.getValue() / 96.0));
        widthField.valueProperty().addListener((obs, old, now) -> update.run());
        heightField.valueProperty().addListener((obs, old, now) -> update.run());
        dpiField.valueProperty().addListener((obs, old, now) -> update.run());
        update.run();
        pixels.getStyleClass().add("muted");
        GridPane grid = new GridPane(10, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Width (px at 96 DPI)"), widthField);
        grid.addRow(1, new Label("Height (px at 96 DPI)"), heightField);
        grid.addRow(2, new Label("Resolution (DPI)"), dpiField);
        grid.add(dark, 1, 3);
        grid.add(pixels, 1, 4);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? new ExportSettings(format,
                widthField.getValue(), heightField.getValue(), dpiField.getValue(), dark.isSelected()) : null);
        return dialog.showAndWait();
    }

    private static Spinner<Integer> spinner(int value) {
        Spinner<Integer> spinner = new Spinner<>(200, 8000, Math.max(200, Math.min(8000, value)), 10);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        return spinner;
    }

    static int defaultWidth(double shown) {
        return shown > 200 ? (int) Math.round(shown) : ChartExport.DEFAULT_WIDTH;
    }
}
