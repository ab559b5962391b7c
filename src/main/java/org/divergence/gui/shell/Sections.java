package org.divergence.gui.shell;

import java.util.List;
import org.divergence.gui.agreement.AgreementSection;
import org.divergence.gui.charts.ChartsSection;
import org.divergence.gui.coding.CodebookSection;
import org.divergence.gui.coding.InterviewsSection;
import org.divergence.gui.coding.TranscriptImportAction;
import org.divergence.gui.collect.CollectAction;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.WorkbenchSection;
import org.divergence.gui.compare.CompareSection;
import org.divergence.gui.refi.RefiActions;
import org.divergence.gui.report.ReportSection;
import org.divergence.gui.repositories.RepositoriesSection;
import org.divergence.gui.repositories.RepositoryImportHandler;

/**
 * Creates the features' sections, in the order of the navigation, and the actions that have no section. The
 * handlers the menus need from the start (imports, collect, linked browsing) are registered here; each section is
 * built on its first visit.
 */
final class Sections {

    private Sections() {
    }

    static List<WorkbenchSection> create(FeatureServices services) {
        services.setCollectHandler(new CollectAction(services));
        RefiActions refi = RefiActions.register(services);
        RepositoryImportHandler.register(services);
        TranscriptImportAction transcripts = TranscriptImportAction.register(services);
        var repositories = new LazySection<>(Section.REPOSITORIES, () -> new RepositoriesSection(services));
        services.setRepositoriesBrowser(filter -> repositories.built().showFiltered(filter));
        // Codebook and Agreement work in the Interviews section's coding workspace: building either builds it.
        var interviews = new LazySection<>(Section.INTERVIEWS, () -> new InterviewsSection(services, transcripts));
        return List.of(repositories,
                new LazySection<>(Section.COMPARE, () -> new CompareSection(services)),
                new LazySection<>(Section.CHARTS, () -> new ChartsSection(services)),
                interviews,
                new LazySection<>(Section.CODEBOOK, () -> new CodebookSection(interviews.built())),
                new LazySection<>(Section.AGREEMENT, () -> new AgreementSection(services, interviews.built(), refi)),
                new LazySection<>(Section.REPORT, () -> new ReportSection(services)));
    }
}
