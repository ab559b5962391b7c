package org.divergence.gui.tags;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import org.divergence.core.repositories.RepositoryFilter;

/** The repository list that tagging works on: its tag filter, the ids of selected rows, how many rows match. */
public interface TaggableRepositories {

    ObjectProperty<RepositoryFilter.Tag> tagProperty();

    /** The repository ids at these row indices. */
    long[] idsAt(List<Integer> indices);

    /** The ids of every repository the current filter shows. */
    long[] shownIds();

    ReadOnlyLongProperty matchingProperty();
}
