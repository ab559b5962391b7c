package org.divergence.app.report;

import java.util.List;
import java.util.Locale;
import org.divergence.app.agreement.ComputeAgreement;
import org.divergence.core.agreement.AgreementCounts;
import org.divergence.core.agreement.AgreementFigures;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.common.Progress;
import org.divergence.core.report.AgreementSection;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.Project;

/**
 * The report's agreement section: all of the project's coders (what the Agreement screen opens with), character
 * units (what {@code agreement} does by default), computed by {@link ComputeAgreement} like the command and the
 * screen, so the report prints their numbers. With fewer than two coders the section says so.
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
        AgreementResult result = ComputeAgreement.compute(project, coders, UNIT, false, progress);
        List<AgreementSection.CodeAgreement> codes = result.codes().stream()
                .map(code -> row(code.code(), code.figures())).toList();
        List<AgreementSection.PairAgreement> pairs = result.coders().size() == 2 ? List.of()
                : result.overall().pairs().stream().map(pair -> new AgreementSection.PairAgreement(
                        result.coders().get(pair.coderA()), result.coders().get(pair.coderB()), counts(pair.counts()),
                        orNaN(pair.counts().percentAgreement()), orNaN(pair.counts().kappa()))).toList();
        return new AgreementSection(new AgreementSection.Summary(result.unit().label().toLowerCase(Locale.ROOT),
                result.coders(), codes, row("Overall (pooled)", result.overall()), pairs), null);
    }

    private static AgreementSection.CodeAgreement row(String code, AgreementFigures figures) {
        AgreementCounts two = figures.twoCoders();
        return new AgreementSection.CodeAgreement(code, figures.units(), two == null ? null : counts(two),
                orNaN(figures.percentAgreement()), orNaN(two == null ? figures.fleissKappa() : figures.kappa()),
                orNaN(figures.alpha()), orNaN(figures.alphaU()));
    }

    private static AgreementSection.Counts counts(AgreementCounts counts) {
        return new AgreementSection.Counts(counts.both(), counts.aOnly(), counts.bOnly(), counts.neither());
    }

    /** The report prints an undefined figure (null here) as "—" from NaN. */
    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
