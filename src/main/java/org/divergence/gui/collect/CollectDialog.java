package org.divergence.gui.collect;

import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.divergence.app.collect.RunCrawl;
import org.divergence.core.collect.CrawlSummary;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.gui.common.DialogService;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Collect from GitHub or Hugging Face: what to collect, the token, and the running crawl's progress with pause,
 * resume and cancel. Not modal: the Repositories view behind it fills as repositories are stored.
 */
final class CollectDialog {

    private final CollectViewModel viewModel;
    private final DialogService dialogs;
    private final Dialog<Void> dialog = new Dialog<>();

    CollectDialog(Window owner, CollectViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Collect from GitHub / Hugging Face");
        dialog.setHeaderText("Collect repositories live from the platforms' APIs, or from GH Archive on ClickHouse");
        dialog.setGraphic(new FontIcon(Material2AL.CLOUD_DOWNLOAD));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("collect-dialog");
        BooleanBinding clickHouse = viewModel.sourceProperty().isEqualTo(CollectViewModel.Source.CLICKHOUSE);
        Node apiForm = form();
        Node clickHouseForm = ClickHouseForm.form(viewModel.clickHouse(), viewModel.editableBinding());
        Node apiProgress = progressBox();
        Node clickHouseProgress = ClickHouseForm.progress(viewModel.clickHouse());
        showWhen(clickHouse.not(), apiForm, apiProgress);
        showWhen(clickHouse, clickHouseForm, clickHouseProgress);
        dialog.getDialogPane().setContent(new VBox(14, sourceRow(), new StackPane(apiForm, clickHouseForm),
                new Separator(), new StackPane(apiProgress, clickHouseProgress)));
        // Fits a 1280×800 screen with its title bar; the progress list gives way first.
        org.divergence.gui.common.DialogSizes.fit(dialog, 760, 680);
        buttons();
        dialog.setOnCloseRequest(event -> viewModel.cancel());
    }

    void show() {
        dialog.show();
    }

    void toFront() {
        Window window = dialog.getDialogPane().getScene().getWindow();
        if (window instanceof javafx.stage.Stage stage) {
            stage.toFront();
        }
    }

    boolean isShowing() {
        return dialog.isShowing();
    }

    /** Stops the crawl at its next safe point (what was stored stays) and closes. */
    void close() {
        viewModel.cancel();
        dialog.close();
    }

    /** GitHub, Hugging Face (with the type of repository) or GH Archive on ClickHouse. */
    private Node sourceRow() {
        ToggleGroup platforms = new ToggleGroup();
        RadioButton github = radio("GitHub", platforms, "collect-github");
        RadioButton huggingFace = radio("Hugging Face", platforms, "collect-huggingface");
        RadioButton clickHouse = radio("GH Archive on ClickHouse", platforms, "collect-clickhouse");
        clickHouse.setTooltip(new Tooltip("The whole GitHub population: a ClickHouse server (the public playground or"
                + " your own) aggregates GH Archive's events, shard by shard"));
        platforms.selectToggle(viewModel.platformProperty().get() == Platform.GITHUB ? github : huggingFace);
        platforms.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == clickHouse) {
                viewModel.sourceProperty().set(CollectViewModel.Source.CLICKHOUSE);
            } else if (toggle != null) {
                viewModel.sourceProperty().set(CollectViewModel.Source.API);
                viewModel.platformProperty().set(toggle == github ? Platform.GITHUB : Platform.HUGGINGFACE);
            }
        });
        ComboBox<RepoType> type = new ComboBox<>();
        type.getItems().setAll(RepoType.MODEL, RepoType.DATASET, RepoType.SPACE);
        type.setCellFactory(list -> typeCell());
        type.setButtonCell(typeCell());
        type.valueProperty().bindBidirectional(viewModel.typeProperty());
        type.setId("collect-type");
        type.setTooltip(new Tooltip("What kind of Hugging Face repositories to collect"));
        BooleanBinding isHuggingFace = viewModel.platformProperty().isEqualTo(Platform.HUGGINGFACE)
                .and(viewModel.sourceProperty().isEqualTo(CollectViewModel.Source.API));
        type.visibleProperty().bind(isHuggingFace);
        type.managedProperty().bind(isHuggingFace);
        Label label = new Label("Source");
        label.setMinWidth(90);
        label.setAlignment(Pos.CENTER_RIGHT);
        HBox row = new HBox(16, github, huggingFace, clickHouse, type);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox labelled = new HBox(10, label, row);
        labelled.setAlignment(Pos.CENTER_LEFT);
        labelled.disableProperty().bind(viewModel.editableBinding().not());
        return labelled;
    }

    private static void showWhen(BooleanBinding condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
        }
    }

    private Node form() {
        BooleanBinding editable = viewModel.editableBinding();
        GridPane grid = FormParts.grid();
        BooleanBinding isHuggingFace = viewModel.platformProperty().isEqualTo(Platform.HUGGINGFACE);

        // Named repositories, a listing, or an id list.
        ToggleGroup modes = new ToggleGroup();
        RadioButton named = radio("These repositories", modes, "collect-mode-named");
        RadioButton listing = radio("", modes, "collect-mode-listing");
        listing.textProperty().bind(Bindings.when(isHuggingFace).then("A listing").otherwise("A search"));
        RadioButton idList = radio("An id list", modes, "collect-mode-ids");
        idList.setTooltip(new Tooltip("A list written by Draw a sample… (one repository per line); with its record"
                + " beside it, non-respondents are replaced from the reserve"));
        modes.selectToggle(switch (viewModel.modeProperty().get()) {
            case NAMED -> named;
            case LISTING -> listing;
            case ID_LIST -> idList;
        });
        modes.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                viewModel.modeProperty().set(toggle == named ? CollectViewModel.Mode.NAMED
                        : toggle == listing ? CollectViewModel.Mode.LISTING : CollectViewModel.Mode.ID_LIST);
            }
        });
        HBox modeRow = new HBox(16, named, listing, idList);
        grid.addRow(0, new Label("Collect"), modeRow);

        TextArea names = new TextArea();
        names.setId("collect-repositories");
        names.setPrefRowCount(4);
        names.promptTextProperty().bind(Bindings.when(isHuggingFace)
                .then("One id per line, e.g.\ngoogle-bert/bert-base-uncased\nhttps://huggingface.co/openai/whisper-tiny")
                .otherwise("One repository per line, e.g.\noctocat/Hello-World\nhttps://github.com/torvalds/linux"));
        names.textProperty().bindBidirectional(viewModel.repositoriesProperty());

        TextField query = new TextField();
        query.setId("collect-query");
        query.textProperty().bindBidirectional(viewModel.queryProperty());
        query.promptTextProperty().bind(Bindings.when(isHuggingFace).then("text the id contains (optional)")
                .otherwise("GitHub search, e.g. stars:>1000 language:python"));
        TextField author = new TextField();
        author.setId("collect-author");
        author.setPromptText("user or organisation (optional)");
        author.textProperty().bindBidirectional(viewModel.authorProperty());
        author.visibleProperty().bind(isHuggingFace);
        author.managedProperty().bind(isHuggingFace);
        ComboBox<String> sort = new ComboBox<>();
        sort.setId("collect-sort");
        sort.setPromptText("default order");
        sort.valueProperty().bindBidirectional(viewModel.sortProperty());
        Runnable fillSorts = () -> {
            String kept = viewModel.sortProperty().get();
            sort.getItems().setAll(CollectViewModel.sorts(viewModel.platformProperty().get()));
            sort.getItems().addFirst(null);
            sort.setValue(kept);
        };
        fillSorts.run();
        viewModel.platformProperty().addListener((obs, old, next) -> fillSorts.run());
        sort.setButtonCell(sortCell());
        sort.setCellFactory(list -> sortCell());
        sort.setTooltip(new Tooltip("Order of the results: the first LIMIT are collected, largest or newest first"));
        Spinner<Integer> limit = FormParts.spinner("collect-limit", 1, 100_000, 10, viewModel.limitProperty(), 110);
        limit.setTooltip(new Tooltip("How many repositories to collect (GitHub's search returns at most 1,000)"));
        HBox sortRow = new HBox(10, new Label("Sort"), sort, new Label("Limit"), limit);
        sortRow.setAlignment(Pos.CENTER_LEFT);
        VBox listingBox = new VBox(8, query, author, sortRow);

        StackPane what = new StackPane(names, listingBox, idListBox());
        BooleanBinding isNamed = viewModel.modeProperty().isEqualTo(CollectViewModel.Mode.NAMED);
        names.visibleProperty().bind(isNamed);
        listingBox.visibleProperty().bind(viewModel.modeProperty().isEqualTo(CollectViewModel.Mode.LISTING));
        Spinner<Integer> concurrency = new Spinner<>(1, RunCrawl.Pace.MAX_CONCURRENCY,
                viewModel.concurrencyProperty().get());
        concurrency.setId("collect-concurrency");
        concurrency.setEditable(true);
        concurrency.setPrefWidth(90);
        concurrency.setMinWidth(Region.USE_PREF_SIZE);
        concurrency.getValueFactory().valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                viewModel.concurrencyProperty().set(value);
            }
        });
        viewModel.concurrencyProperty().addListener((obs, old, value) ->
                concurrency.getValueFactory().setValue(value.intValue()));
        Label concurrencyHint = new Label();
        concurrencyHint.textProperty().bind(Bindings.createStringBinding(() -> "repositories at once"
                + (viewModel.platformProperty().get() == Platform.GITHUB ? " (GitHub asks for one at a time)"
                : " (within the Hub's published rate)"), viewModel.platformProperty()));
        concurrencyHint.getStyleClass().add("muted");
        concurrencyHint.setWrapText(true);
        Tooltip concurrencyTip = new Tooltip("How many repositories are asked for at the same time; the calls never"
                + " exceed the platform's published rate (GitHub asks for one at a time)");
        concurrency.setTooltip(concurrencyTip);
        concurrencyHint.setTooltip(concurrencyTip);
        HBox concurrencyRow = new HBox(10, new Label("Concurrency"), concurrency, concurrencyHint);
        concurrencyRow.setAlignment(Pos.CENTER_LEFT);
        grid.add(new VBox(8, what, concurrencyRow), 1, 1);

        // Token.
        PasswordField token = new PasswordField();
        token.setId("collect-token");
        token.setPromptText("paste a token (optional)");
        token.setTooltip(new Tooltip("Paste a token, or leave this empty to use the environment's (GITHUB_TOKEN,"
                + " HF_TOKEN) or your saved token"));
        token.textProperty().bindBidirectional(viewModel.tokenProperty());
        CheckBox remember = new CheckBox("Remember");
        remember.setId("collect-remember-token");
        remember.selectedProperty().bindBidirectional(viewModel.rememberTokenProperty());
        remember.setTooltip(new Tooltip("Save the token in your settings folder, readable only by you (never in the"
                + " project)"));
        Hyperlink forget = new Hyperlink("Forget saved token");
        forget.visibleProperty().bind(viewModel.hasSavedTokenProperty());
        forget.managedProperty().bind(viewModel.hasSavedTokenProperty());
        forget.setOnAction(event -> viewModel.forgetSavedToken());
        HBox tokenRow = new HBox(10, token, remember, forget);
        tokenRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(token, Priority.ALWAYS);
        Label tokenHint = new Label();
        tokenHint.getStyleClass().add("muted");
        tokenHint.setWrapText(true);
        tokenHint.textProperty().bind(viewModel.tokenHintProperty());
        tokenHint.setId("collect-token-hint");
        grid.addRow(2, new Label("Token"), new VBox(4, tokenRow, tokenHint));

        TextField apiUrl = new TextField();
        apiUrl.setId("collect-api-url");
        apiUrl.textProperty().bindBidirectional(viewModel.apiUrlProperty());
        apiUrl.setTooltip(new Tooltip("The API's base URL: https only (GitHub Enterprise: https://HOST/api/v3; a"
                + " Hugging Face mirror); plain http only for this machine"));
        grid.addRow(3, new Label("API URL"), apiUrl);

        Label raw = new Label();
        raw.textProperty().bind(Bindings.createStringBinding(() -> viewModel.rawFolderProperty().get() == null
                ? "not kept" : viewModel.rawFolderProperty().get().toString(), viewModel.rawFolderProperty()));
        raw.getStyleClass().add("muted");
        Button chooseRaw = new Button("Choose…");
        chooseRaw.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Keep every raw API answer in this folder");
            File folder = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (folder != null) {
                viewModel.rawFolderProperty().set(folder.toPath());
            }
        });
        chooseRaw.setTooltip(new Tooltip("For audit: every answer as a numbered JSON file, with responses.jsonl"));
        HBox rawRow = new HBox(10, raw, chooseRaw);
        rawRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(4, new Label("Raw answers"), rawRow);

        grid.add(FormParts.problem("collect-problem", viewModel.problemProperty()), 1, 5);

        grid.disableProperty().bind(editable.not());
        return grid;
    }

    private Node idListBox() {
        TextField file = new TextField();
        file.setId("collect-ids-file");
        file.setPromptText("ids.txt, as Draw a sample… writes it");
        file.textProperty().bindBidirectional(viewModel.idsFileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setId("collect-ids-browse");
        browse.setOnAction(event -> dialogs.chooseFileToOpen("Collect the repositories of an id list",
                        List.of(DialogService.FileType.of("Id lists", "*.txt")))
                .ifPresent(path -> viewModel.idsFileProperty().set(path.toString())));
        HBox row = new HBox(10, file, browse);
        row.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("The chosen platform's lines are collected, each with its own type. With the draw's"
                + " record beside the list (ids.txt.draw.json), only the sample is collected and each non-respondent"
                + " is replaced from its stratum's reserve.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        VBox box = new VBox(8, row, hint);
        box.visibleProperty().bind(viewModel.modeProperty().isEqualTo(CollectViewModel.Mode.ID_LIST));
        return box;
    }

    private Node progressBox() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("collect-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(viewModel.progressProperty());
        Label status = FormParts.label("collect-status", viewModel.statusTextProperty());
        status.getStyleClass().add("collect-status");
        Label requests = FormParts.label("collect-requests", viewModel.requestsTextProperty());
        Label limit = FormParts.label("collect-rate-limit", viewModel.rateLimitTextProperty());
        Label pace = FormParts.label("collect-pace", viewModel.paceTextProperty());
        VBox numbers = new VBox(4, new HBox(24, requests, limit), pace);
        Label wait = FormParts.label("collect-wait", viewModel.waitTextProperty());
        wait.getStyleClass().add("collect-wait");
        Label current = FormParts.label("collect-current", viewModel.currentTextProperty());
        current.getStyleClass().add("muted");
        Label outcome = FormParts.label("collect-outcome", viewModel.outcomeProperty());
        outcome.setWrapText(true);
        outcome.setMaxWidth(680);
        VBox box = new VBox(6, bar, status, numbers, wait, current, outcome);
        BooleanBinding started = viewModel.stageProperty().isNotEqualTo(CollectViewModel.Stage.EDITING);
        bar.visibleProperty().bind(started);
        numbers.visibleProperty().bind(started);
        Label idle = new Label("Each repository is stored as soon as all its numbers are read, and appears in the"
                + " Repositories view. Stop at any time: what was stored stays, and the crawl can be resumed.");
        idle.setWrapText(true);
        // Its two lines, not one cut short: a wrapping label in a VBox otherwise gets one line's height.
        idle.setMinHeight(Region.USE_PREF_SIZE);
        idle.setMaxWidth(700);
        idle.getStyleClass().add("muted");
        idle.visibleProperty().bind(started.not());
        idle.managedProperty().bind(idle.visibleProperty());
        box.getChildren().addFirst(idle);
        return box;
    }

    private void buttons() {
        ButtonType resumeCrawl = new ButtonType("Resume crawl", ButtonBar.ButtonData.LEFT);
        ButtonType pause = new ButtonType("Pause", ButtonBar.ButtonData.OTHER);
        ButtonType start = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(resumeCrawl, pause, start, close);

        Button resumeButton = (Button) dialog.getDialogPane().lookupButton(resumeCrawl);
        resumeButton.setId("collect-resume-crawl");
        BooleanBinding clickHouse = viewModel.sourceProperty().isEqualTo(CollectViewModel.Source.CLICKHOUSE);
        resumeButton.textProperty().bind(Bindings.when(clickHouse).then(ClickHouseForm.resumeText(
                viewModel.clickHouse())).otherwise(Bindings.createStringBinding(() -> {
                    CrawlSummary crawl = viewModel.resumableProperty().get();
                    return crawl == null ? "Resume crawl" : "Resume crawl " + crawl.id() + " (" + crawl.done()
                            + " of " + (crawl.total() < 0 ? "?" : crawl.total()) + ")";
                }, viewModel.resumableProperty())));
        resumeButton.visibleProperty().bind(Bindings.when(clickHouse)
                .then(viewModel.clickHouse().resumableProperty().isNotNull())
                .otherwise(viewModel.resumableProperty().isNotNull()));
        resumeButton.disableProperty().bind(viewModel.editableBinding().not());
        resumeButton.setTooltip(new Tooltip("Continue the newest unfinished crawl or collection of this project"));
        consume(resumeButton, viewModel::resumeCrawl);

        Button startButton = (Button) dialog.getDialogPane().lookupButton(start);
        startButton.setId("collect-start");
        startButton.setDefaultButton(true);
        startButton.disableProperty().bind(viewModel.editableBinding().not());
        consume(startButton, viewModel::start);

        Button pauseButton = (Button) dialog.getDialogPane().lookupButton(pause);
        pauseButton.setId("collect-pause");
        pauseButton.textProperty().bind(Bindings.when(viewModel.stageProperty().isEqualTo(
                CollectViewModel.Stage.PAUSED)).then("Resume").otherwise("Pause"));
        pauseButton.disableProperty().bind(viewModel.editableBinding().or(clickHouse));
        pauseButton.setTooltip(new Tooltip("Hold the crawl before its next request, without losing anything"));
        consume(pauseButton, () -> {
            if (viewModel.stageProperty().get() == CollectViewModel.Stage.PAUSED) {
                viewModel.resume();
            } else {
                viewModel.pause();
            }
        });

        Button closeButton = (Button) dialog.getDialogPane().lookupButton(close);
        closeButton.setId("collect-cancel");
        closeButton.textProperty().bind(Bindings.when(viewModel.editableBinding()).then("Close").otherwise("Cancel"));
        closeButton.addEventFilter(ActionEvent.ACTION, event -> {
            if (viewModel.isBusy()) {
                event.consume();
                viewModel.cancel();
            }
        });
    }

    private static void consume(Button button, Runnable action) {
        button.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            action.run();
        });
    }

    private static RadioButton radio(String text, ToggleGroup group, String id) {
        RadioButton radio = new RadioButton(text);
        radio.setToggleGroup(group);
        radio.setId(id);
        return radio;
    }

    private static ListCell<RepoType> typeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RepoType item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.code() + "s");
            }
        };
    }

    private static ListCell<String> sortCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "default order" : item);
            }
        };
    }
}
