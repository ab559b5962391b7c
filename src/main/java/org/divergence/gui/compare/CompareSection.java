package org.divergence.gui.compare;

import javafx.scene.Node;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;

/** The Compare section: the comparison of the two groups on every metric. */
public final class CompareSection implements WorkbenchSection {

    private final CompareView view;

    public CompareSection(FeatureServices services) {
        this.view = new CompareView(services, new CompareViewModel(services.context(), services.tasks()));
    }

    public CompareView view() {
        return view;
    }

    @Override
    public Section section() {
        return Section.COMPARE;
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
