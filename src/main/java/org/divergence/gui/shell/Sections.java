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
        RepositoryImportHandler.register(services);
        services.setCollectHandler(new org.divergence.gui.collect.CollectAction(services));
        views.add(new RepositoriesView(services, new RepositoriesViewModel(services.tasks()), services::openUrl));
        views.add(new org.divergence.gui.compare.CompareView(services));
        views.addAll(org.divergence.gui.coding.CodingSections.create(services));
        views.add(new org.divergence.gui.report.ReportSection(services));
        return views;
    }
}
