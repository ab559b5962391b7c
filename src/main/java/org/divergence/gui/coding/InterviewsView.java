package org.divergence.gui.coding;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.divergence.core.coding.Coder;
import org.divergence.gui.common.FeatureServices;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Interviews section: the coding editor, cases and their attributes, retrieval of coded segments, full-text
 * search and the analyses, with the current coder and the coder filter in its tool bar.
 */
public final class InterviewsView {

    private static final KeyCombination QUICK_CODE = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

    private final CodingWorkspace workspace;
    private final CodingViewModel coding;
    private final TranscriptImportAction importAction;
    private final CodingView codingView;
    private final AnalysisView analysisView;
    private final TabPane tabs = new TabPane();
    private final Tab codeTab;
    private final Tab analysisTab;
    private final BorderPane root = new BorderPane();

    public InterviewsView(FeatureServices services, CodingWorkspace workspace,
                             TranscriptImportAction importAction,
                             org.divergence.gui.evidence.EvidenceControls evidence) {
        this.workspace = workspace;
        this.importAction = importAction;
        this.coding = new CodingViewModel(workspace);
        this.codingView = new CodingView(coding, importAction, evidence);
        CasesView cases = new CasesView(new CasesViewModel(workspace), coding);
        RetrievalViewModel retrievalModel = new RetrievalViewModel(workspace);
        RetrievalView retrieval = new RetrievalView(retrievalModel, coding, this::showCodeTab);
        SearchView search = new SearchView(new SearchViewModel(workspace), coding, this::showCodeTab);
        SuggestionsView suggestions = new SuggestionsView(new SuggestionsViewModel(workspace), coding,
                this::showCodeTab);
        this.analysisView = new AnalysisView(new AnalysisViewModel(workspace), workspace);
        codeTab = tab("Code", Material2MZ.TEXT_SNIPPET, codingView.node(), "Read and code a transcript");
        Tab casesTab = tab("Cases", Material2MZ.PEOPLE, cases.node(), "Interviewees and their attributes");
        Tab segmentsTab = tab("Coded segments", Material2AL.FORMAT_LIST_BULLETED, retrieval.node(),
                "Retrieve coded segments per code, coder and case attribute; export CSV");
        Tab searchTab = tab("Search", Material2MZ.SEARCH, search.node(), "Search all transcripts; code all hits");
        Tab suggestionsTab = tab("Suggestions", Material2AL.LIGHTBULB, suggestions.node(),
                "Passages like a code's coded ones, from a model that runs on this computer; accept or reject");
        analysisTab = tab("Analysis", Material2AL.INSERT_CHART_OUTLINED, analysisView.node(),
                "Code frequencies by case attribute and code co-occurrence");
        tabs.getTabs().setAll(codeTab, casesTab, segmentsTab, searchTab, suggestionsTab, analysisTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("interviews-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab == analysisTab) {
                analysisView.shown();
            } else if (tab == segmentsTab) {
                retrievalModel.refresh();
            }
        });
        root.setTop(toolbar(services));
        root.setCenter(tabs);
        root.setId("interviews-section");
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (QUICK_CODE.match(event)) {
                showCodeTab();
                codingView.showPalette();
                event.consume();
            }
        });
        importAction.addImportedListener(imported -> {
            showCodeTab();
            if (!imported.isEmpty()) {
                coding.goTo(imported.getFirst().transcriptId(), 0, 0);
            }
        });
    }

    private Node toolbar(FeatureServices services) {
        Label title = new Label("Interviews");
        title.getStyleClass().add("section-title");
        ComboBox<String> coder = new ComboBox<>();
        coder.setId("current-coder");
        coder.setEditable(true);
        coder.setPrefWidth(150);
        coder.setTooltip(new Tooltip("Who is coding: every new coding records this coder and the time. "
                + "Type a new name to add a coder."));
        coder.setPromptText("Who is coding?");
        boolean[] filling = {false};
        Runnable fillCoders = () -> {
            filling[0] = true;
            String current = workspace.currentCoderProperty().get();
            coder.getItems().setAll(workspace.coders().stream().map(Coder::name).toList());
            if (current != null && !coder.getItems().contains(current)) {
                coder.getItems().add(current);
            }
            coder.setValue(current);
            filling[0] = false;
        };
        workspace.coders().addListener((ListChangeListener<Coder>) change -> fillCoders.run());
        workspace.currentCoderProperty().addListener((obs, old, name) -> fillCoders.run());
        fillCoders.run();
        coder.valueProperty().addListener((obs, old, name) -> {
            if (!filling[0]) {
                workspace.chooseCoder(name);
            }
        });
        Button rename = new Button(null, new FontIcon(Material2AL.EDIT));
        rename.setId("rename-coder");
        rename.getStyleClass().add("flat");
        rename.setTooltip(new Tooltip("Rename this coder in the project: every coding keeps its coder, exports and "
                + "agreement show the new name (Ctrl+Z undoes it)"));
        rename.disableProperty().bind(Bindings.createBooleanBinding(() -> currentCoderRow().isEmpty(),
                workspace.coders(), workspace.currentCoderProperty()));
        rename.setOnAction(event -> currentCoderRow().ifPresent(row -> workspace.dialogs().askForName("Rename coder",
                "The new name of \u201C" + row.name() + "\u201D in this project.", List.of(), row.name())
                .filter(name -> !name.equals(row.name())).ifPresent(name -> workspace.renameCoder(row, name))));
        ComboBox<Coder> show = new ComboBox<>();
        show.setId("coder-filter");
        show.setTooltip(new Tooltip("Show the codings of every coder, or of one"));
        Runnable fillFilter = () -> {
            Coder keep = coding.coderFilterProperty().get();
            show.getItems().setAll((Coder) null);
            show.getItems().addAll(workspace.coders());
            show.setValue(keep == null ? null : workspace.coders().stream().filter(c -> c.id() == keep.id())
                    .findFirst().orElse(null));
        };
        workspace.coders().addListener((ListChangeListener<Coder>) change -> fillFilter.run());
        fillFilter.run();
        show.setCellFactory(list -> coderCell());
        show.setButtonCell(coderCell());
        show.valueProperty().bindBidirectional(coding.coderFilterProperty());
        ToggleButton blind = new ToggleButton("Blind", new FontIcon(Material2MZ.VISIBILITY_OFF));
        blind.setId("blind-coding");
        blind.selectedProperty().bindBidirectional(workspace.blindCodingProperty());
        blind.setTooltip(new Tooltip("Blind coding: show only your own codings (the current coder's) while you code, "
                + "so the others' do not sway you. Agreement stays hidden until you turn it off."));
        show.disableProperty().bind(workspace.blindCodingProperty());
        Button quick = new Button("Quick code", new FontIcon(Material2AL.LABEL));
        quick.setTooltip(new Tooltip("Search the codebook and apply a code to the selection (Ctrl+K)"));
        quick.setOnAction(event -> {
            showCodeTab();
            codingView.showPalette();
        });
        Button importButton = new Button("Import transcripts…", new FontIcon(Material2AL.FILE_UPLOAD));
        importButton.setTooltip(new Tooltip("Import .txt, .md, .docx, .pdf, .odt, .vtt or .srt transcripts"));
        importButton.setOnAction(event -> importAction.chooseAndImport());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox coderBox = new HBox(2, coder, rename);
        coderBox.setAlignment(Pos.CENTER_LEFT);
        HBox bar = new HBox(10, title, spacer, new Label("Coder"), coderBox, new Label("Show"), show, blind, quick,
                importButton);
        bar.getStyleClass().add("section-header");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The current coder's row in the project, once they have coded (or been chosen from it). */
    private java.util.Optional<Coder> currentCoderRow() {
        String name = workspace.currentCoderProperty().get();
        return workspace.coders().stream().filter(row -> row.name().equals(name)).findFirst();
    }

    private static ListCell<Coder> coderCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Coder item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "All coders" : item.name());
            }
        };
    }

    private static Tab tab(String title, org.kordamp.ikonli.Ikon icon, Node content, String tooltip) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setTooltip(new Tooltip(tooltip));
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return tab;
    }

    private void showCodeTab() {
        tabs.getSelectionModel().select(codeTab);
    }

    /** Opens the transcript in the Code tab and selects code points [start, end): "show in text" elsewhere. */
    public void showInText(long transcriptId, int start, int end) {
        showCodeTab();
        coding.goTo(transcriptId, start, end);
    }

    /** For tests and the lead's wiring. */
    public CodingViewModel codingViewModel() {
        return coding;
    }

    public TranscriptImportAction importAction() {
        return importAction;
    }


    public Node node() {
        return root;
    }

    public void shown() {
        if (tabs.getSelectionModel().getSelectedItem() == analysisTab) {
            analysisView.shown();
        }
    }
}
