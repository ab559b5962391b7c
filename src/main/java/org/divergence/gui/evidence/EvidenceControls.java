package org.divergence.gui.evidence;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.divergence.core.evidence.EvidenceLink;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The small pieces other sections show for evidence: a link button and the line naming a segment's findings. */
public final class EvidenceControls {

    private final EvidenceLinks links;

    public EvidenceControls(EvidenceLinks links) {
        this.links = links;
    }

    public EvidenceLinks links() {
        return links;
    }

    /** A flat button opening the link dialog for the subject (computed when clicked). */
    public Button linkButton(Supplier<EvidenceLinks.Subject> subject, Supplier<Window> owner, List<EvidenceLink> now) {
        Button button = new Button(now.isEmpty() ? null : Integer.toString(now.size()), new FontIcon(Material2AL.LINK));
        button.getStyleClass().addAll("flat", "small");
        button.setTooltip(new Tooltip(now.isEmpty() ? "Link to a finding: a metric or dimension this helps explain"
                : "Linked to " + EvidenceLinks.findings(now) + "; click to change"));
        button.setOnAction(event -> EvidenceDialog.show(owner.get(), links, subject.get()));
        return button;
    }

    /** "→ PR acceptance rate, Pull requests" for a segment's links; null when it has none. */
    public Label findingsLabel(long codingId) {
        List<EvidenceLink> now = links.forCoding(codingId);
        if (now.isEmpty()) {
            return null;
        }
        Label label = new Label("\u2192 " + EvidenceLinks.findings(now));
        label.getStyleClass().add("evidence-findings");
        label.setMinWidth(0);
        label.setTooltip(new Tooltip(String.join("\n", now.stream().map(link -> link.target().label()
                + (link.note() == null ? "" : ": " + link.note())).toList())));
        return label;
    }
}
