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
        RepositoriesViewModel repositories = new RepositoriesViewModel(services.tasks());
        services.setRepositoriesBrowser(repositories::showFiltered);
        views.add(new RepositoriesView(services, repositories, services::openUrl));
        views.add(new org.divergence.gui.compare.CompareView(services));
        views.add(new org.divergence.gui.charts.ChartsView(services));
        views.addAll(org.divergence.gui.coding.CodingSections.create(services));
        views.add(org.divergence.gui.agreement.AgreementView.create(services, views,
                org.divergence.gui.refi.RefiActions.register(services)));
        views.add(new org.divergence.gui.report.ReportSection(services));
        return views;
    }
}
