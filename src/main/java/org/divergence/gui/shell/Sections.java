package org.divergence.gui.shell;

import java.util.ArrayList;
import java.util.List;

/** Creates each feature's section view; sections not listed here show their placeholder. */
final class Sections {

    private Sections() {
    }

    static List<SectionView> create(FeatureServices services) {
        List<SectionView> views = new ArrayList<>();
        views.add(new WelcomeSection(services));
        views.add(new org.divergence.gui.compare.CompareView(services));
        return views;
    }
}
