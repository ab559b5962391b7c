package org.divergence.gui.charts;

import javafx.scene.Node;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;

/** The Charts section: any metric as a box plot, ECDF, histogram, share, effect size or time view. */
public final class ChartsSection implements WorkbenchSection {

    private final ChartsView view;

    public ChartsSection(FeatureServices services) {
        this.view = new ChartsView(services, new ChartsViewModel(services.context(), services.tasks()));
    }

    public ChartsView view() {
        return view;
    }

    @Override
    public Section section() {
        return Section.CHARTS;
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
