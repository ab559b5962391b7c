package org.divergence.gui.repositories;

import javafx.scene.Node;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;

/** The Repositories section: imports of repository samples, and the table that linked browsing opens. */
public final class RepositoriesSection implements WorkbenchSection {

    private final RepositoriesView view;

    public RepositoriesSection(FeatureServices services) {
        RepositoryImportHandler.register(services);
        RepositoriesViewModel viewModel = new RepositoriesViewModel(services.tasks());
        services.setRepositoriesBrowser(viewModel::showFiltered);
        this.view = new RepositoriesView(services, viewModel, services::openUrl);
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
