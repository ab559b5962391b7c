package org.divergence.gui.shell;

import java.util.function.Supplier;
import javafx.scene.Node;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;

/**
 * A section built the first time it is shown: at start only the selected one is, so the first frame after the
 * project opens waits for one section's views and queries, not seven (ADR 0134).
 */
final class LazySection<T extends WorkbenchSection> implements WorkbenchSection {

    private final Section section;
    private final Supplier<T> factory;
    private T built;

    LazySection(Section section, Supplier<T> factory) {
        this.section = section;
        this.factory = factory;
    }

    /** The section itself, built now if it was not yet. */
    T built() {
        if (built == null) {
            built = factory.get();
        }
        return built;
    }

    @Override
    public Section section() {
        return section;
    }

    @Override
    public Node node() {
        return built().node();
    }

    @Override
    public void shown() {
        built().shown();
    }
}
