package org.divergence.gui.shell;

import java.util.ArrayList;
import java.util.List;
import org.divergence.gui.repositories.RepositoriesView;
import org.divergence.gui.repositories.RepositoriesViewModel;
import org.divergence.gui.repositories.RepositoryImportHandler;

/** Creates each feature's section view; sections not listed here show their placeholder. */
final class Sections {

    private Sections() {
    }

    static List<SectionView> create(FeatureServices services) {
        List<SectionView> views = new ArrayList<>();
        RepositoryImportHandler importHandler = new RepositoryImportHandler(services, services::window);
        services.setImportHandler(importHandler);
        services.setCollectHandler(new org.divergence.gui.collect.CollectAction(services));
        views.add(new RepositoriesView(services, new RepositoriesViewModel(services.tasks()), services::openUrl));
        return views;
    }
}
