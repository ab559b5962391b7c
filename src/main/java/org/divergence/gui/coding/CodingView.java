package org.divergence.gui.coding;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.CodingOrigin;
import org.divergence.core.coding.InterviewCase;
import org.divergence.core.coding.Memo;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.gui.common.EmptyState;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The coding tab: transcripts on the left, the editor in the middle, codes and the codings at the caret right. */
final class CodingView {

    private final CodingViewModel viewModel;
    private final TranscriptImportAction importAction;
    private final CodingEditor editor;
    private final ListView<TranscriptInfo> transcriptList = new ListView<>();
    private final TreeView<Code> codeTree = new TreeView<>();
    private final ListView<Code> recentList = new ListView<>();
    private final ListView<Coding> caretList = new ListView<>();
    private final Label heading = new Label();
    private final BorderPane root = new BorderPane();
    private final QuickCodePalette palette = new QuickCodePalette();
    private final org.divergence.gui.evidence.EvidenceControls evidence;

    CodingView(CodingViewModel viewModel, TranscriptImportAction importAction,
               org.divergence.gui.evidence.EvidenceControls evidence) {
        this.viewModel = viewModel;
        this.importAction = importAction;
        this.evidence = evidence;
        this.editor = new CodingEditor(viewModel);
        SplitPane split = new SplitPane(transcriptsPane(), editorPane(), codesPane());
        split.setDividerPositions(0.18, 0.74);
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        root.setCenter(split);
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.statusProperty());
        status.setId("coding-status");
        status.setPadding(new Insets(4, 10, 4, 10));
        root.setBottom(status);
    }

    Node node() {
        return root;
    }

    CodingEditor editor() {
        return editor;
    }

    private Node transcriptsPane() {
        transcriptList.setId("transcript-list");
        transcriptList.setItems(viewModel.transcripts());
        transcriptList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TranscriptInfo info, boolean empty) {
                super.updateItem(info, empty);
                if (empty || info == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Label name = new Label(info.name());
                name.getStyleClass().add("transcript-name");
                Label detail = new Label((info.caseName() == null ? "no case" : info.caseName()) + " · "
                        + info.codings() + " codings");
                detail.getStyleClass().add("muted");
                setGraphic(new VBox(1, name, detail));
                setText(null);
                setTooltip(new Tooltip(info.name() + "\n" + (info.sourceFile() == null ? "" : info.sourceFile())
                        + " · " + String.format("%,d", info.length()) + " characters"));
            }
        });
        transcriptList.getSelectionModel().selectedItemProperty().addListener((obs, old, info) -> {
            if (info != null) {
                viewModel.selectedTranscriptProperty().set(info);
            }
        });
        viewModel.selectedTranscriptProperty().addListener((obs, old, info) -> {
            if (info != null && transcriptList.getSelectionModel().getSelectedItem() != info) {
                transcriptList.getSelectionModel().select(info);
            }
        });
        ContextMenu menu = new ContextMenu(
                menuItem("Assign to case…", this::assignCase),
                menuItem("Rename…", this::renameTranscript),
                menuItem("Memo on transcript…", this::transcriptMemo),
                menuItem("Remove transcript…", this::removeTranscript));
        transcriptList.setContextMenu(menu);
        Button importButton = new Button(null, new FontIcon(Material2AL.FILE_UPLOAD));
        importButton.getStyleClass().add("flat");
        importButton.setTooltip(new Tooltip("Import transcripts: .txt, .md, .docx, .pdf, .odt, .vtt, .srt"));
        importButton.setOnAction(event -> importAction.chooseAndImport());
        importButton.setId("import-transcripts");
        Label title = new Label("Transcripts");
        title.getStyleClass().add("pane-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, importButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6));
        EmptyState empty = new EmptyState(Material2MZ.RECORD_VOICE_OVER, "No transcripts",
                "Import interview transcripts to start coding.").withAction("Import transcripts…",
                importAction::chooseAndImport);
        empty.setId("no-transcripts");
        StackPane body = new StackPane(transcriptList, empty);
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.transcripts()));
        transcriptList.visibleProperty().bind(empty.visibleProperty().not());
        VBox pane = new VBox(header, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        pane.setMinWidth(160);
        return pane;
    }

    private Node editorPane() {
        heading.getStyleClass().add("pane-title");
        heading.setId("transcript-heading");
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            TranscriptDocument document = viewModel.document();
            if (document == null) {
                return "";
            }
            long turns = document.turns().stream().filter(turn -> turn.speaker() != null).count();
            return document.info().name() + (document.info().caseName() == null ? ""
                    : "  ·  case " + document.info().caseName()) + "  ·  " + turns + " speaker turns";
        }, viewModel.documentProperty()));
        Button memo = new Button(null, new FontIcon(Material2MZ.NOTE_ADD));
        memo.setTooltip(new Tooltip("Memo on this transcript"));
        memo.getStyleClass().add("flat");
        memo.setOnAction(event -> transcriptMemo());
        memo.disableProperty().bind(viewModel.documentProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, heading, spacer, memo);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 8, 6, 8));
        EmptyState empty = new EmptyState(Material2MZ.TEXT_SNIPPET, "Choose a transcript",
                "Select a transcript on the left. Then select text and apply a code: double-click a code, drag it "
                        + "onto the text, press Ctrl+K to search for one, or press 1–9 for your recent codes.");
        empty.setId("no-document");
        empty.visibleProperty().bind(viewModel.documentProperty().isNull());
        Node editorNode = editor.node();
        editorNode.visibleProperty().bind(viewModel.documentProperty().isNotNull());
        StackPane body = new StackPane(editorNode, empty);
        VBox pane = new VBox(header, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        return pane;
    }

    private Node codesPane() {
        codeTree.setId("coding-code-tree");
        codeTree.setCellFactory(tree -> CodeTrees.cell(true, cell -> cell.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && cell.getItem() != null) {
                viewModel.applyCode(cell.getItem());
            }
        })));
        codeTree.setOnKeyPressed(event -> {
            var item = codeTree.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && item != null && item.getValue() != null) {
                viewModel.applyCode(item.getValue());
                event.consume();
            }
        });
        codeTree.setTooltip(new Tooltip("Double-click or drag a code onto the selected text to apply it"));
        CodeTrees.fill(codeTree, viewModel.workspace().codebook());
        viewModel.workspace().codebookProperty().addListener((obs, old, codebook) -> CodeTrees.fill(codeTree,
                codebook));

        recentList.setId("recent-codes");
        recentList.setItems(viewModel.workspace().recentCodes());
        recentList.setPrefHeight(120);
        recentList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Code code, boolean empty) {
                super.updateItem(code, empty);
                if (empty || code == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText((getIndex() + 1) + "  " + code.name());
                    setGraphic(CodeTrees.swatch(code.color()));
                }
            }
        });
        recentList.setOnMouseClicked(event -> {
            Code code = recentList.getSelectionModel().getSelectedItem();
            if (event.getClickCount() == 2 && code != null) {
                viewModel.applyCode(code);
            }
        });
        recentList.setPlaceholder(new Label("Codes you apply appear here;\npress 1–9 to apply them again."));

        caretList.setId("codings-at-caret");
        caretList.setItems(viewModel.codingsAtCaret());
        caretList.setPrefHeight(160);
        caretList.setPlaceholder(new Label("Click coded text to see its codings."));
        caretList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Coding coding, boolean empty) {
                super.updateItem(coding, empty);
                if (empty || coding == null) {
                    setText(null);
                    setGraphic(null);
                    setContextMenu(null);
                    return;
                }
                var codebook = viewModel.workspace().codebook();
                Label name = new Label(codebook.get(coding.codeId()).map(Code::name).orElse("?")
                        + (viewModel.hasMemo(coding) ? "  ✎" : ""));
                var origin = viewModel.origin(coding);
                Label detail = new Label(viewModel.coderName(coding.coderId()) + " · " + shortTime(coding.createdAt())
                        + origin.map(o -> (o.kind() == CodingOrigin.Kind.MACHINE ? " · machine, " : " · suggested, ")
                        + String.format("%.2f", o.score())).orElse(""));
                detail.getStyleClass().add("muted");
                Button memo = new Button(null, new FontIcon(Material2MZ.NOTE_ADD));
                memo.getStyleClass().addAll("flat", "small");
                memo.setTooltip(new Tooltip("Memo on this coding"));
                memo.setOnAction(event -> codingMemo(coding));
                Button remove = new Button(null, new FontIcon(Material2AL.DELETE_OUTLINE));
                remove.getStyleClass().addAll("flat", "small");
                remove.setTooltip(new Tooltip("Remove this coding (Ctrl+Z brings it back)"));
                remove.setOnAction(event -> viewModel.removeCoding(coding));
                remove.setId("remove-coding");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                // Evidence: the findings this quote is linked to, and a button to link it (the Report feature).
                Label findings = evidence.findingsLabel(coding.id());
                VBox text = findings == null ? new VBox(name, detail) : new VBox(name, detail, findings);
                Button link = evidence.linkButton(() -> evidenceSubject(coding), () -> root.getScene().getWindow(),
                        evidence.links().forCoding(coding.id()));
                link.setId("link-coding");
                HBox row = new HBox(6, CodeTrees.swatch(codebook.get(coding.codeId()).map(Code::color).orElse(null)),
                        text, spacer, link, memo, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                name.setMinWidth(0);
                detail.setMinWidth(0);
                row.setMinWidth(0);
                row.prefWidthProperty().bind(caretList.widthProperty().subtract(28));
                setGraphic(row);
                setText(null);
                setTooltip(new Tooltip(codebook.path(coding.codeId())
                        + origin.map(o -> "\n" + o.describe()).orElse("")));
                setOnMouseClicked(event -> {
                    if (event.getClickCount() == 2) {
                        viewModel.goTo(coding.transcriptId(), coding.start(), coding.end());
                    }
                });
            }
        });
        Label noCodes = new Label("No codes yet. Add the starter codebook or your own codes in the Codebook "
                + "section (Ctrl+5).");
        noCodes.setWrapText(true);
        noCodes.getStyleClass().add("muted");
        noCodes.setId("no-codes-hint");
        Runnable showHint = () -> {
            boolean empty = viewModel.workspace().codebook().isEmpty();
            noCodes.setVisible(empty);
            noCodes.setManaged(empty);
        };
        viewModel.workspace().codebookProperty().addListener((obs, old, codebook) -> showHint.run());
        showHint.run();
        VBox pane = new VBox(4, paneTitle("Codes", "Double-click, Enter or drag onto the text · Ctrl+K to search"),
                noCodes, codeTree, paneTitle("Recent (1–9)", "Press the number to apply to the selection"), recentList,
                paneTitle("At the caret", "Codings covering the caret; double-click selects one"), caretList);
        VBox.setVgrow(codeTree, Priority.ALWAYS);
        pane.setPadding(new Insets(0, 4, 4, 4));
        pane.setMinWidth(200);
        viewModel.codingsAtCaret().addListener((ListChangeListener<Coding>) change -> caretList.refresh());
        evidence.links().revisionProperty().addListener((obs, old, revision) -> caretList.refresh());
        return pane;
    }

    private static Node paneTitle(String text, String tooltip) {
        Label label = new Label(text);
        label.getStyleClass().add("pane-title");
        label.setTooltip(new Tooltip(tooltip));
        label.setPadding(new Insets(6, 2, 0, 2));
        return label;
    }

    private static String shortTime(String iso) {
        return iso == null ? "" : iso.replace('T', ' ').replaceAll("(\\d{2}:\\d{2}).*", "$1");
    }

    /** Ctrl+K. */
    void showPalette() {
        if (viewModel.document() == null) {
            viewModel.say("Open a transcript first.");
            return;
        }
        Bounds selection = editor.area().getSelection().getLength() == 0 ? null
                : editor.area().getSelectionBounds().orElse(null);
        palette.show(editor.node(), selection, viewModel.workspace().codebook(), viewModel.workspace().recentCodes(),
                code -> {
            viewModel.applyCode(code);
            editor.area().requestFocus();
        });
    }

    private MenuItem menuItem(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        item.disableProperty().bind(transcriptList.getSelectionModel().selectedItemProperty().isNull());
        return item;
    }

    private TranscriptInfo selectedTranscript() {
        return transcriptList.getSelectionModel().getSelectedItem();
    }

    private void assignCase() {
        TranscriptInfo info = selectedTranscript();
        if (info == null) {
            return;
        }
        viewModel.loadCases(cases -> {
            var names = cases.stream().map(InterviewCase::name).toList();
            ChoiceDialog<String> dialog = new ChoiceDialog<>(info.caseName(), names);
            dialog.initOwner(root.getScene().getWindow());
            dialog.setTitle("Assign to case");
            dialog.setHeaderText("Which interviewee is \u201C" + info.name() + "\u201D?");
            dialog.showAndWait().flatMap(name -> cases.stream().filter(c -> c.name().equals(name)).findFirst())
                    .ifPresent(chosen -> viewModel.assignCase(info, chosen));
        });
    }

    private void renameTranscript() {
        TranscriptInfo info = selectedTranscript();
        if (info == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog(info.name());
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Rename transcript");
        dialog.setHeaderText("New name for \u201C" + info.name() + "\u201D");
        dialog.showAndWait().ifPresent(name -> viewModel.renameTranscript(info, name));
    }

    private void removeTranscript() {
        TranscriptInfo info = selectedTranscript();
        if (info == null) {
            return;
        }
        if (viewModel.workspace().dialogs().confirm("Remove transcript", "Remove \u201C" + info.name() + "\u201D and its "
                + info.codings() + " coding(s)? You can undo this (Ctrl+Z).", "Remove")) {
            viewModel.removeTranscript(info);
        }
    }

    private void transcriptMemo() {
        TranscriptDocument document = viewModel.document();
        TranscriptInfo info = document != null ? document.info() : selectedTranscript();
        if (info == null) {
            return;
        }
        Optional<String> text = MemoDialog.edit(root.getScene().getWindow(), "Memo on transcript",
                info.name(), viewModel.memoText(Memo.Target.TRANSCRIPT, info.id()));
        text.ifPresent(value -> viewModel.saveMemo(Memo.Target.TRANSCRIPT, info.id(), value));
    }

    private void codingMemo(Coding coding) {
        TranscriptDocument document = viewModel.document();
        String quote = document == null ? "" : document.slice(coding.start(), coding.end());
        String about = viewModel.workspace().codebook().path(coding.codeId()) + " · "
                + viewModel.coderName(coding.coderId()) + "\n\u201C" + abbreviate(quote, 300) + "\u201D";
        MemoDialog.edit(root.getScene().getWindow(), "Memo on coding", about,
                viewModel.memoText(Memo.Target.CODING, coding.id()))
                .ifPresent(value -> viewModel.saveMemo(Memo.Target.CODING, coding.id(), value));
    }

    private org.divergence.gui.evidence.EvidenceLinks.Subject evidenceSubject(Coding coding) {
        TranscriptDocument document = viewModel.document();
        String quote = document == null ? "" : document.slice(coding.start(), coding.end());
        return org.divergence.gui.evidence.EvidenceLinks.Subject.segment(coding.id(), "Quote coded \u201C"
                + viewModel.workspace().codebook().path(coding.codeId()) + "\u201D by "
                + viewModel.coderName(coding.coderId()), "\u201C" + abbreviate(quote, 600) + "\u201D");
    }

    static String abbreviate(String text, int max) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
