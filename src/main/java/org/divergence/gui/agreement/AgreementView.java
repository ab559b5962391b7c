package org.divergence.gui.agreement;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.divergence.gui.coding.CodeNameCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.divergence.core.agreement.AgreementCounts;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.KappaBand;
import org.divergence.gui.common.EmptyState;
import org.divergence.gui.refi.RefiActions;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Agreement section: two or more coders (a checklist) and a unit, the table of agreement per code and overall
 * coloured by the kappa bands of Landis and Koch, and below it the passages where the coders differ on the selected
 * code, with who coded them (double-click or Enter shows one in the Interviews editor), and each pair's table.
 */
public final class AgreementView {

    private final AgreementViewModel viewModel;
    private final RefiActions refi;
    private final BorderPane root = new BorderPane();
    private final TableView<AgreementViewModel.Row> table = new TableView<>();
    private final TableView<AgreementViewModel.DisagreementRow> disagreements = new TableView<>();
    private final TableView<AgreementViewModel.PairRow> pairs = new TableView<>();

    public AgreementView(AgreementViewModel viewModel, RefiActions refi) {
        this.viewModel = viewModel;
        this.refi = refi;
        root.setId("agreement-section");
        root.setTop(header());
        root.setCenter(body());
    }

    public AgreementViewModel viewModel() {
        return viewModel;
    }

    private Node header() {
        Label title = new Label("Agreement");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<AgreementUnit> unit = new ComboBox<>();
        unit.setId("agreement-unit");
        unit.getItems().setAll(AgreementUnit.values());
        unit.valueProperty().bindBidirectional(viewModel.unitProperty());
        unit.setButtonCell(unitCell());
        unit.setCellFactory(list -> unitCell());
        unit.setTooltip(new Tooltip("What one unit is. A unit counts as coded by a coder when any part of it carries "
                + "the code; every unit of every transcript counts, also text nobody coded. Unitizing alpha always "
                + "works on characters."));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Button merge = new Button("Merge another coder's work…", new FontIcon(Material2AL.CALL_MERGE));
        merge.setId("agreement-merge");
        merge.setTooltip(new Tooltip("Import a .qdpx or another project (.divergence) coded by someone else; "
                + "transcripts and codes match by GUID, then by text and path, and each coding keeps its coder"));
        merge.setOnAction(event -> refi.chooseAndMerge());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer, busy, new Label("Coders"), coderMenu(), new Label("Unit"), unit,
                merge);
        bar.getStyleClass().add("section-header");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** A checklist of the project's coders that stays open while several are ticked; its button names them. */
    private MenuButton coderMenu() {
        MenuButton menu = new MenuButton();
        menu.setId("agreement-coders");
        menu.setPrefWidth(220);
        menu.setTooltip(new Tooltip("The coders to compare: two or more. Two coders show their 2 × 2 counts and "
                + "Cohen's kappa; more show Fleiss' kappa and each pair's table."));
        menu.textProperty().bind(Bindings.createStringBinding(() -> viewModel.chosenCoders().isEmpty() ? "none"
                : String.join(", ", viewModel.chosenCoders()), viewModel.chosenCoders()));
        Runnable fill = () -> menu.getItems().setAll(viewModel.coders().stream().map(name -> {
            CheckBox box = new CheckBox(name);
            box.setSelected(viewModel.chosenCoders().contains(name));
            box.selectedProperty().addListener((obs, old, on) -> viewModel.choose(name, on));
            CustomMenuItem item = new CustomMenuItem(box);
            item.setHideOnClick(false);
            return (MenuItem) item;
        }).toList());
        viewModel.coders().addListener((ListChangeListener<String>) change -> fill.run());
        viewModel.chosenCoders().addListener((ListChangeListener<String>) change -> menu.getItems().forEach(item -> {
            CheckBox box = (CheckBox) ((CustomMenuItem) item).getContent();
            box.setSelected(viewModel.chosenCoders().contains(box.getText()));
        }));
        fill.run();
        return menu;
    }

    private static ListCell<AgreementUnit> unitCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(AgreementUnit item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        };
    }

    private Node body() {
        buildTable();
        buildDisagreements();
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        status.setId("agreement-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(6, table, legend(), status);
        top.setPadding(new Insets(8, 10, 4, 10));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label heading = new Label();
        heading.getStyleClass().add("pane-title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            AgreementViewModel.Row row = viewModel.selectedProperty().get();
            if (row == null) {
                return "Where the coders differ";
            }
            return "Where the coders differ on " + (row.overall() ? "any code" : "“" + row.code() + "”")
                    + ": " + viewModel.disagreements().size() + " passages";
        }, viewModel.selectedProperty(), viewModel.disagreements()));
        Button show = new Button("Show in text", new FontIcon(Material2MZ.OPEN_IN_NEW));
        show.setId("agreement-show-in-text");
        show.setTooltip(new Tooltip("Open the transcript in Interviews with this passage selected (double-click, Enter)"));
        show.disableProperty().bind(disagreements.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(event -> viewModel.showInText(disagreements.getSelectionModel().getSelectedItem()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, show);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox differences = new VBox(6, bar, disagreements);
        differences.setPadding(new Insets(6, 0, 0, 0));
        VBox.setVgrow(disagreements, Priority.ALWAYS);
        buildPairs();
        Tab differ = new Tab("Disagreements", differences);
        Tab each = new Tab("Pairs of coders", pairs);
        each.setId("agreement-pairs-tab");
        TabPane tabs = new TabPane(differ, each);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox bottom = new VBox(tabs);
        bottom.setPadding(new Insets(4, 10, 8, 10));
        VBox.setVgrow(tabs, Priority.ALWAYS);

        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);

        EmptyState blind = new EmptyState(Material2MZ.VISIBILITY_OFF, "Blind coding is on",
                "Agreement shows the other coders' codings, so it stays hidden while you code blind.")
                .withAction("Turn blind coding off", () -> viewModel.blindCodingProperty().set(false));
        blind.setId("agreement-blind");
        blind.visibleProperty().bind(viewModel.blindCodingProperty());
        EmptyState fewCoders = new EmptyState(Material2AL.GROUP, "Agreement needs two coders",
                "Let a second coder code the same transcripts (each coding records its coder), or merge another "
                        + "coder's work: a .qdpx from NVivo, ATLAS.ti, MAXQDA or QualCoder, or their project file.")
                .withAction("Merge another coder's work…", refi::chooseAndMerge);
        fewCoders.setId("agreement-few-coders");
        fewCoders.visibleProperty().bind(Bindings.size(viewModel.coders()).lessThan(2)
                .and(viewModel.blindCodingProperty().not()));
        split.visibleProperty().bind(blind.visibleProperty().not().and(fewCoders.visibleProperty().not()));
        return new StackPane(split, blind, fewCoders);
    }

    private void buildTable() {
        table.setId("agreement-table");
        table.setItems(viewModel.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No codings by these coders yet."));
        // The code's own name with its colour; the path in the tooltip (not "…technical factors/Black-box…").
        TableColumn<AgreementViewModel.Row, Long> code = new TableColumn<>("Code");
        code.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().codeId()));
        code.setCellFactory(column -> new CodeNameCell<>(viewModel::codebook, AgreementViewModel.Row::code));
        code.setPrefWidth(300);
        code.setMinWidth(160);
        table.getColumns().add(code);
        table.getColumns().add(count("Units", row -> row.figures().units(),
                "Units per code (every transcript, in full; overall: units × codes)"));
        List<TableColumn<AgreementViewModel.Row, ?>> twoOnly = List.of(
                count("Both", row -> twoCoders(row).both(), "Units both coders coded with the code"),
                count("A only", row -> twoCoders(row).aOnly(), "Units only coder A coded with the code"),
                count("B only", row -> twoCoders(row).bOnly(), "Units only coder B coded with the code"),
                count("Neither", row -> twoCoders(row).neither(), "Units neither coder coded with it"));
        table.getColumns().addAll(twoOnly);
        table.getColumns().add(figure("Agreement %", row -> row.figures().percentAgreement(), 1, false,
                "Percent agreement: units on which all coders agree (all coded or none did)"));
        TableColumn<AgreementViewModel.Row, Double> kappa = figure("Kappa", row -> row.figures().kappa(), 3, true,
                "Cohen's kappa: (po − pe) / (1 − pe), pe = p_yes_A·p_yes_B + p_no_A·p_no_B; — when undefined");
        TableColumn<AgreementViewModel.Row, Double> fleiss = figure("Fleiss κ", row -> row.figures().fleissKappa(),
                3, true, "Fleiss' kappa over all coders; each pair's Cohen's kappa is under Pairs of coders");
        table.getColumns().addAll(List.of(kappa, fleiss));
        table.getColumns().add(figure("Alpha", row -> row.figures().alpha(), 3, true,
                "Krippendorff's alpha (nominal: coded or not) over all coders; — when undefined"));
        table.getColumns().add(figure("Alpha u", row -> row.figures().alphaU(), 3, true,
                "Krippendorff's unitizing alpha (as DKPro Statistics): how the coders' spans overlap, over characters "
                        + "whatever the unit, the transcripts end to end in the order of their names"));
        twoOnly.forEach(column -> column.visibleProperty().bind(viewModel.twoCodersProperty()));
        kappa.visibleProperty().bind(viewModel.twoCodersProperty());
        fleiss.visibleProperty().bind(viewModel.twoCodersProperty().not());
        TableColumn<AgreementViewModel.Row, String> band = new TableColumn<>("Kappa band");
        band.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().band().label()));
        band.setMinWidth(115);
        table.getColumns().add(band);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(AgreementViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("agreement-overall");
                if (!empty && row != null && row.overall()) {
                    getStyleClass().add("agreement-overall");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                viewModel.selectedProperty().set(row);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
        viewModel.rows().addListener((ListChangeListener<AgreementViewModel.Row>) change -> {
            AgreementViewModel.Row row = viewModel.selectedProperty().get();
            if (row != null) {
                table.getSelectionModel().select(row);
            }
        });
    }

    private static AgreementCounts twoCoders(AgreementViewModel.Row row) {
        AgreementCounts counts = row.figures().twoCoders();
        return counts == null ? AgreementCounts.ZERO : counts;
    }

    private static <S> TableColumn<S, Number> count(String title, Function<S, Long> value, String tooltip) {
        TableColumn<S, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%,d", item.longValue()));
            }
        });
        column.getStyleClass().add("numeric-column");
        column.setMinWidth(72);
        header(column, tooltip);
        return column;
    }

    private static <S> TableColumn<S, Double> figure(String title, Function<S, Double> value, int decimals,
                                                     boolean banded, String tooltip) {
        TableColumn<S, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                for (KappaBand band : KappaBand.values()) {
                    getStyleClass().remove(bandClass(band));
                }
                if (empty) {
                    setText(null);
                    return;
                }
                setText(item == null ? "\u2014" : String.format(Locale.ROOT, "%." + decimals + "f", item));
                if (banded) {
                    getStyleClass().add(bandClass(KappaBand.of(item)));
                }
            }
        });
        column.getStyleClass().add("numeric-column");
        column.setMinWidth(title.length() > 7 ? 118 : 72);
        header(column, tooltip);
        return column;
    }

    private static void header(TableColumn<?, ?> column, String tooltip) {
        Label label = new Label(column.getText());
        label.setTooltip(new Tooltip(tooltip));
        label.setMinWidth(Region.USE_PREF_SIZE);
        column.setGraphic(label);
        column.setText(null);
    }

    static String bandClass(KappaBand band) {
        return "kappa-" + band.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Node legend() {
        FlowPane legend = new FlowPane(12, 4);
        legend.setId("agreement-legend");
        Label intro = new Label("Kappa and alpha coloured by the bands of Landis & Koch (1977):");
        intro.getStyleClass().add("muted");
        legend.getChildren().add(intro);
        for (KappaBand band : KappaBand.values()) {
            if (band == KappaBand.UNDEFINED) {
                continue;
            }
            Label chip = new Label(band.label() + " " + band.range());
            chip.getStyleClass().addAll("kappa-chip", bandClass(band));
            legend.getChildren().add(chip);
        }
        Label undefined = new Label("\u2014 undefined (a coder used one value only)");
        undefined.getStyleClass().add("muted");
        legend.getChildren().add(undefined);
        return legend;
    }

    private void buildDisagreements() {
        disagreements.setId("agreement-disagreements");
        disagreements.setItems(viewModel.disagreements());
        disagreements.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        disagreements.setPlaceholder(new Label("Select a code above to see where the coders disagree."));
        TableColumn<AgreementViewModel.DisagreementRow, String> transcript = new TableColumn<>("Transcript");
        transcript.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().transcript()));
        transcript.setPrefWidth(170);
        TableColumn<AgreementViewModel.DisagreementRow, String> where = new TableColumn<>("Where");
        where.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().start() + "\u2013"
                + data.getValue().end()));
        where.setPrefWidth(90);
        TableColumn<AgreementViewModel.DisagreementRow, String> codedBy = new TableColumn<>("Coded by");
        codedBy.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().codedBy()));
        codedBy.setPrefWidth(150);
        TableColumn<AgreementViewModel.DisagreementRow, String> notCodedBy = new TableColumn<>("Not by");
        notCodedBy.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().notCodedBy()));
        notCodedBy.setPrefWidth(150);
        TableColumn<AgreementViewModel.DisagreementRow, String> passage = new TableColumn<>("Passage");
        passage.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().text()));
        passage.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
                setWrapText(false);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        passage.setPrefWidth(480);
        disagreements.getColumns().setAll(List.of(transcript, where, codedBy, notCodedBy, passage));
        disagreements.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                viewModel.showInText(disagreements.getSelectionModel().getSelectedItem());
            }
        });
        disagreements.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.showInText(disagreements.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
    }

    private void buildPairs() {
        pairs.setId("agreement-pairs");
        pairs.setItems(viewModel.pairs());
        pairs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pairs.setPlaceholder(new Label("Select a code above to see each pair of coders."));
        TableColumn<AgreementViewModel.PairRow, String> who = new TableColumn<>("Coders");
        who.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().coders()));
        who.setPrefWidth(220);
        pairs.getColumns().add(who);
        pairs.getColumns().add(count("Both", row -> row.counts().both(), "Units both coded with the code"));
        pairs.getColumns().add(count("A only", row -> row.counts().aOnly(), "Units only A coded with the code"));
        pairs.getColumns().add(count("B only", row -> row.counts().bOnly(), "Units only B coded with the code"));
        pairs.getColumns().add(count("Neither", row -> row.counts().neither(), "Units neither coded with it"));
        pairs.getColumns().add(figure("Agreement %", row -> row.counts().percentAgreement(), 1, false,
                "Percent agreement of the two: both or neither"));
        pairs.getColumns().add(figure("Kappa", row -> row.counts().kappa(), 3, true, "Cohen's kappa of the two"));
    }

    public Node node() {
        return root;
    }

    public void shown() {
        viewModel.shown();
    }

}
