package org.divergence.gui.shell;

import java.util.List;
import org.divergence.gui.agreement.AgreementSection;
import org.divergence.gui.charts.ChartsSection;
import org.divergence.gui.coding.CodebookSection;
import org.divergence.gui.coding.InterviewsSection;
import org.divergence.gui.collect.CollectAction;
import org.divergence.gui.common.FeatureServices;
import org.divergence.gui.common.WorkbenchSection;
import org.divergence.gui.compare.CompareSection;
import org.divergence.gui.refi.RefiActions;
import org.divergence.gui.report.ReportSection;
import org.divergence.gui.repositories.RepositoriesSection;

/** Creates the features' sections, in the order of the navigation, and the actions that have no section. */
final class Sections {

    private Sections() {
    }

    static List<WorkbenchSection> create(FeatureServices services) {
        services.setCollectHandler(new CollectAction(services));
        RefiActions refi = RefiActions.register(services);
        InterviewsSection interviews = new InterviewsSection(services);
        return List.of(new RepositoriesSection(services), new CompareSection(services), new ChartsSection(services),
                interviews, new CodebookSection(interviews), new AgreementSection(services, interviews, refi),
                new ReportSection(services));
    }
}
