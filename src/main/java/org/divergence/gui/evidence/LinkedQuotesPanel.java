package org.divergence.gui.evidence;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.evidence.Evidence;
import org.divergence.core.report.JointDisplay;

/**
 * The panel beside the Compare table: the quotes and codes linked to the selected metric (and to its dimension),
 * each quote with its interviewee's case and attributes, its code and coder, and the link's note.
 */
public final class LinkedQuotesPanel {

    private final LinkedQuotesViewModel viewModel;
    private final VBox cards = new VBox(8);
    private final VBox root = new VBox(6);
    private Runnable onClose = () -> { };

    public LinkedQuotesPanel(LinkedQuotesViewModel viewModel) {
        this.viewModel = viewModel;
        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(viewModel.titleProperty());
        title.setWrapText(true);
        title.setId("linked-quotes-title");
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.Button close = new javafx.scene.control.Button(null,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.CLOSE));
        close.getStyleClass().addAll("flat", "small");
        close.setTooltip(new Tooltip("Close the linked quotes"));
        close.setId("linked-quotes-close");
        close.setOnAction(event -> onClose.run());
        HBox header = new HBox(4, title, close);
        header.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        cards.setPadding(new Insets(0, 4, 8, 0));
        cards.setId("linked-quotes");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        root.getChildren().addAll(header, scroll);
        root.setPadding(new Insets(8, 8, 8, 10));
        root.getStyleClass().add("linked-quotes-panel");
        root.setMinWidth(220);
        ListChangeListener<Evidence> refill = change -> fill();
        viewModel.evidence().addListener(refill);
        viewModel.dimensionEvidence().addListener(refill);
        viewModel.findingProperty().addListener((obs, old, now) -> fill());
        fill();
    }

    public Node node() {
        return root;
    }

    public LinkedQuotesViewModel viewModel() {
        return viewModel;
    }

    /** What the close button does (the Compare view takes the panel away). */
    public void setOnClose(Runnable action) {
        this.onClose = action;
    }

    private void fill() {
        cards.getChildren().clear();
        if (viewModel.findingProperty().get() == null) {
            cards.getChildren().add(hint("Select a metric or a dimension to see the interview quotes linked to it."));
            return;
        }
        if (viewModel.evidence().isEmpty()) {
            cards.getChildren().add(hint("No quotes linked yet. Link a quote in Interviews (the link button beside a "
                    + "coding at the caret) or a whole code in the Codebook."));
        }
        viewModel.evidence().forEach(evidence -> cards.getChildren().add(card(evidence)));
        if (!viewModel.dimensionEvidence().isEmpty()) {
            Label heading = new Label();
            heading.textProperty().bind(viewModel.dimensionTitleProperty());
            heading.getStyleClass().add("pane-title");
            heading.setWrapText(true);
            cards.getChildren().add(heading);
            viewModel.dimensionEvidence().forEach(evidence -> cards.getChildren().add(card(evidence)));
        }
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("muted");
        return label;
    }

    private static Node card(Evidence evidence) {
        VBox card = new VBox(3);
        card.getStyleClass().add("evidence-card");
        Region swatch = new Region();
        swatch.getStyleClass().add("evidence-swatch");
        if (evidence.codeColor() != null && evidence.codeColor().matches("#[0-9A-Fa-f]{6}")) {
            swatch.setStyle("-fx-background-color: " + evidence.codeColor() + ";");
        }
        if (evidence.isSegment()) {
            CodedSegment segment = evidence.segment();
            Label quote = new Label("\u201C" + segment.text().strip() + "\u201D");
            quote.setWrapText(true);
            quote.getStyleClass().add("evidence-quote");
            StringBuilder who = new StringBuilder(segment.caseName() == null ? segment.transcript()
                    : segment.caseName());
            segment.caseAttributes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(entry -> who.append(" · ").append(entry.getValue()));
            Label source = new Label(who + " — " + JointDisplay.name(segment.codePath()) + ", " + segment.coder());
            source.setWrapText(true);
            source.getStyleClass().add("muted");
            source.setTooltip(new Tooltip(segment.transcript() + ", code points " + segment.start() + "–"
                    + segment.end() + "\n" + segment.codePath()));
            card.getChildren().addAll(quote, new HBox(6, swatch, source));
        } else {
            Label code = new Label("Code: " + JointDisplay.name(evidence.codePath()) + " (" + evidence.codeSegments()
                    + (evidence.codeSegments() == 1 ? " segment)" : " segments)"));
            code.setWrapText(true);
            code.getStyleClass().add("evidence-code");
            code.setTooltip(new Tooltip(evidence.codePath()));
            card.getChildren().add(new HBox(6, swatch, code));
        }
        if (evidence.link().note() != null) {
            Label note = new Label(evidence.link().note());
            note.setWrapText(true);
            note.getStyleClass().add("evidence-note");
            card.getChildren().add(note);
        }
        return card;
    }
}
