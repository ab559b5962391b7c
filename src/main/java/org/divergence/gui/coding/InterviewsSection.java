package org.divergence.gui.coding;

import javafx.scene.Node;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;
import org.divergence.gui.evidence.EvidenceControls;
import org.divergence.gui.evidence.EvidenceLinks;

/**
 * The Interviews section: the transcripts (imported by {@link TranscriptImportAction}), and the coding workspace (current coder, codebook, undo) that the
 * Codebook and Agreement sections share.
 */
public final class InterviewsSection implements WorkbenchSection {

    private final CodingWorkspace workspace;
    private final EvidenceControls evidence;
    private final InterviewsView view;

    public InterviewsSection(FeatureServices services, TranscriptImportAction importAction) {
        var settings = services.settings();
        this.workspace = new CodingWorkspace(services.context(), services.tasks(), services.dialogs(), settings,
                services::saveSettings);
        this.evidence = new EvidenceControls(new EvidenceLinks(services.context(), services.tasks(),
                services.dialogs()));
        this.view = new InterviewsView(services, workspace, importAction, evidence);
    }

    public CodingWorkspace workspace() {
        return workspace;
    }

    EvidenceControls evidence() {
        return evidence;
    }

    public InterviewsView view() {
        return view;
    }

    /** Opens the Interviews section at a passage. */
    public void showInText(long transcriptId, int start, int end) {
        view.showInText(transcriptId, start, end);
    }

    @Override
    public Section section() {
        return Section.INTERVIEWS;
    }

    @Override
    public Node node() {
        return view.node();
    }

    @Override
    public void shown() {
        view.shown();
    }
}
