package org.divergence.gui.evidence;

import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.divergence.core.evidence.EvidenceLink;
import org.divergence.core.evidence.FindingRef;
import org.divergence.store.evidence.EvidenceStore;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Links a quote or a code to findings: the metrics and dimensions it already bears on (with notes, editable and
 * removable) and a form to add one. Every change is one step of the undo history.
 */
public final class EvidenceDialog {

    private EvidenceDialog() {
    }

    public static void show(Window owner, EvidenceLinks links, EvidenceLinks.Subject subject) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Link to findings");
        dialog.setHeaderText(subject.title());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("evidence-dialog");

        Label detail = new Label(subject.detail());
        detail.setWrapText(true);
        detail.getStyleClass().add("evidence-quote");
        detail.setMaxWidth(560);

        ListView<EvidenceLink> list = new ListView<>();
        list.setId("evidence-links");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label("Not linked to any finding yet."));
        list.setCellFactory(view -> new LinkCell(links));
        Runnable fill = () -> list.getItems().setAll(links.of(subject));
        fill.run();
        ChangeListener<Number> refresh = (obs, old, now) -> fill.run();
        links.revisionProperty().addListener(refresh);
        dialog.setOnHidden(event -> links.revisionProperty().removeListener(refresh));

        ComboBox<FindingRef> finding = new ComboBox<>();
        finding.setId("evidence-finding");
        finding.getItems().setAll(FindingRef.linkable());
        finding.setPromptText("Metric or dimension");
        finding.setCellFactory(view -> new FindingCell(null));
        // The button cell says what to choose again after a link is made (a cleared ComboBox shows no prompt).
        finding.setButtonCell(new FindingCell(finding.getPromptText()));
        finding.setPrefWidth(240);
        finding.setTooltip(new Tooltip("The finding of the comparison this quote helps explain"));
        TextField note = new TextField();
        note.setId("evidence-note");
        note.setPromptText("How it bears on the finding, e.g. \u201Cexplains the lower acceptance rate\u201D");
        HBox.setHgrow(note, Priority.ALWAYS);
        Button add = new Button("Link", new FontIcon(Material2AL.LINK));
        add.setId("evidence-add");
        add.setDefaultButton(true);
        add.disableProperty().bind(finding.valueProperty().isNull());
        add.setOnAction(event -> links.link(subject, finding.getValue(), note.getText(), () -> {
            note.clear();
            finding.setValue(null);
        }));
        HBox form = new HBox(8, finding, note, add);
        form.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label("Linked quotes appear beside the numbers in Compare and in the joint display (Report). "
                + "Ctrl+Z takes a change back.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox content = new VBox(10, detail, list, new Label("Add a link"), form, hint);
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        dialog.show();
    }

    /** Dimensions in bold, metrics indented below them. */
    static final class FindingCell extends ListCell<FindingRef> {
        private final String prompt;

        FindingCell(String prompt) {
            this.prompt = prompt;
        }

        @Override
        protected void updateItem(FindingRef item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("evidence-dimension", "muted");
            if (empty || item == null) {
                setText(prompt);
                if (prompt != null) {
                    getStyleClass().add("muted");
                }
                return;
            }
            if (item.kind() == FindingRef.Kind.DIMENSION) {
                setText(item.label());
                getStyleClass().add("evidence-dimension");
            } else {
                setText("    " + item.label());
            }
        }
    }

    /** A link: the finding, its note, and buttons to edit the note or remove the link. */
    private static final class LinkCell extends ListCell<EvidenceLink> {
        private final EvidenceLinks links;

        LinkCell(EvidenceLinks links) {
            this.links = links;
        }

        @Override
        protected void updateItem(EvidenceLink link, boolean empty) {
            super.updateItem(link, empty);
            if (empty || link == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label finding = new Label(link.target().label() + (link.target().kind() == FindingRef.Kind.DIMENSION
                    ? "  (dimension)" : ""));
            finding.getStyleClass().add("evidence-finding");
            Label note = new Label(link.note() == null ? "No note" : link.note());
            note.getStyleClass().add("muted");
            note.setWrapText(true);
            Button edit = new Button(null, new FontIcon(Material2AL.EDIT));
            edit.getStyleClass().addAll("flat", "small");
            edit.setTooltip(new Tooltip("Edit the note"));
            edit.setOnAction(event -> {
                TextInputDialog input = new TextInputDialog(link.noteOrEmpty());
                input.initOwner(getScene().getWindow());
                input.setTitle("Evidence note");
                input.setHeaderText("How does this bear on \u201C" + link.target().label() + "\u201D?");
                input.getEditor().setPrefColumnCount(40);
                Optional<String> text = input.showAndWait();
                text.filter(value -> value.length() <= EvidenceStore.MAX_NOTE_LENGTH)
                        .ifPresent(value -> links.editNote(link, value, null));
            });
            Button remove = new Button(null, new FontIcon(Material2AL.LINK_OFF));
            remove.getStyleClass().addAll("flat", "small");
            remove.setTooltip(new Tooltip("Remove this link (Ctrl+Z brings it back)"));
            remove.setOnAction(event -> links.unlink(link, null));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            VBox text = new VBox(2, finding, note);
            text.setMinWidth(0);
            HBox row = new HBox(6, text, spacer, edit, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            row.prefWidthProperty().bind(getListView().widthProperty().subtract(30));
            setGraphic(row);
            setText(null);
        }
    }
}
