package org.divergence.gui.coding;

import javafx.scene.Node;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;

/** The Codebook section: the code hierarchy of the coding workspace the Interviews section owns. */
public final class CodebookSection implements WorkbenchSection {

    private final CodebookView view;

    public CodebookSection(InterviewsSection interviews) {
        this.view = new CodebookView(new CodebookViewModel(interviews.workspace()), interviews.evidence());
    }

    @Override
    public Section section() {
        return Section.CODEBOOK;
    }

    @Override
    public Node node() {
        return view.node();
    }
}
