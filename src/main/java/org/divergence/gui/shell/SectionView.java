package org.divergence.gui.shell;

import javafx.scene.Node;

/** One section of the main window: its View's root node. Each feature supplies its own. */
public interface SectionView {
    Section section();

    Node node();

    /** Called when the user navigates to the section, e.g. to refresh lazily. */
    default void shown() {
    }
}
