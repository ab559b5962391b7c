package org.divergence.gui.common;

import javafx.scene.Node;

/**
 * One section of the main window's navigation. Each feature that has a section supplies one class named
 * {@code <Name>Section} implementing this, constructed with the {@link FeatureServices} (and the sections it links
 * to); it builds the feature's ViewModel and View. It is built on the section's first visit, so handlers the
 * window needs from the start are registered in {@code gui.shell.Sections}, not here. Views only build nodes.
 */
public interface WorkbenchSection {
    Section section();

    Node node();

    /** Called when the user navigates to the section, e.g. to refresh lazily. */
    default void shown() {
    }
}
