package org.divergence.gui.repositories;

import javafx.scene.Node;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;

/** The Repositories section: the table that linked browsing opens (imports: {@link RepositoryImportHandler}). */
public final class RepositoriesSection implements WorkbenchSection {

    private final RepositoriesViewModel viewModel;
    private final RepositoriesView view;

    public RepositoriesSection(FeatureServices services) {
        this.viewModel = new RepositoriesViewModel(services.tasks());
        this.view = new RepositoriesView(services, viewModel, services::openUrl);
    }

    /** Linked browsing: shows the repositories the filter selects. */
    public void showFiltered(RepositoryFilter filter) {
        viewModel.showFiltered(filter);
    }

    public RepositoriesView view() {
        return view;
    }

    @Override
    public Section section() {
        return Section.REPOSITORIES;
    }

    @Override
    public Node node() {
        return view.node();
    }
}
