package org.divergence.app.report;

import java.util.List;
import java.util.Locale;
import org.divergence.app.agreement.ComputeAgreement;
import org.divergence.core.agreement.AgreementCounts;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.common.Progress;
import org.divergence.core.report.AgreementSection;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.Project;

/**
 * The report's agreement section: the project's first two coders by name (what the Agreement screen opens with),
 * character units (what {@code agreement} does by default), computed by {@link ComputeAgreement} like the command
 * and the screen, so the report prints their numbers. With fewer than two coders the section says so.
 */
final class ReportAgreement {

    static final AgreementUnit UNIT = AgreementUnit.CHARACTER;

    private ReportAgreement() {
    }

    static AgreementSection compute(Project project, Progress progress) {
        List<String> coders = ComputeAgreement.defaultCoders(project);
        if (coders == null) {
            return new AgreementSection(null, "No agreement computed: it needs two coders, and this project has "
                    + (new CodingStore(project).coders().isEmpty() ? "none" : "one") + ".");
        }
        AgreementResult result = ComputeAgreement.compute(project, coders.get(0), coders.get(1), UNIT, progress);
        List<AgreementSection.CodeAgreement> codes = result.codes().stream()
                .map(code -> new AgreementSection.CodeAgreement(code.code(), code.counts().units(),
                        code.counts().both(), code.counts().aOnly(), code.counts().bOnly(), code.counts().neither(),
                        orNaN(code.counts().percentAgreement()), orNaN(code.counts().kappa()),
                        orNaN(code.counts().alpha())))
                .toList();
        AgreementCounts overall = result.overall();
        return new AgreementSection(new AgreementSection.Summary(result.unit().label().toLowerCase(Locale.ROOT), result.coderA(), result.coderB(), codes, orNaN(overall.percentAgreement()),
                orNaN(overall.kappa()), orNaN(overall.alpha())), null);
    }

    /** The report prints an undefined figure (null here) as "—" from NaN. */
    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
