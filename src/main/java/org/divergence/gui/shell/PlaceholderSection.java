package org.divergence.gui.shell;

import javafx.scene.Node;
import org.divergence.gui.common.EmptyState;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;

/** A section whose feature has not landed yet: says what it will do, instead of showing a blank pane. */
final class PlaceholderSection implements WorkbenchSection {

    private final Section section;
    private final EmptyState node;

    PlaceholderSection(Section section) {
        this.section = section;
        this.node = new EmptyState(section.icon(), section.title(), section.purpose()
                + "\n\nThis section is not available in this version yet.");
        node.setId("placeholder-" + section.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Section section() {
        return section;
    }

    @Override
    public Node node() {
        return node;
    }
}
