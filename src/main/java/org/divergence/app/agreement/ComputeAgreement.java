package org.divergence.app.agreement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.divergence.core.agreement.AgreementCalculator;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.agreement.CodedRange;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coder;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;

/**
 * Inter-coder agreement of a project's two coders (by name), over every transcript of the project, read in one
 * consistent snapshot. The command line, the Agreement screen and the report all compute it here.
 */
public final class ComputeAgreement {

    private ComputeAgreement() {
    }

    public static AgreementResult compute(Project project, String coderA, String coderB, AgreementUnit unit,
                                          Progress progress) {
        List<Coder> coders = new CodingStore(project).coders();
        Coder a = coder(coders, coderA);
        Coder b = coder(coders, coderB);
        if (a.id() == b.id()) {
            throw new InvalidInputException("Agreement needs two different coders (both are " + a.name() + ")");
        }
        return project.read(connection -> compute(connection, a, b, unit, progress));
    }

    private static AgreementResult compute(Connection connection, Coder a, Coder b, AgreementUnit unit,
                                           Progress progress) throws SQLException {
        Codebook codebook = CodebookStore.load(connection);
        Map<Long, List<CodedRange>> codingsA = CodingStore.rangesByTranscript(connection, a.id());
        Map<Long, List<CodedRange>> codingsB = CodingStore.rangesByTranscript(connection, b.id());
        List<TranscriptStore.Extent> transcripts = TranscriptStore.extentsByName(connection);
        AgreementCalculator calculator = new AgreementCalculator(unit);
        int done = 0;
        for (TranscriptStore.Extent transcript : transcripts) {
            progress.checkCancelled();
            progress.update(done++, transcripts.size(), "Comparing coders");
            long id = transcript.id();
            String text = unit == AgreementUnit.CHARACTER ? null : TranscriptStore.text(connection, id);
            calculator.addTranscript(id, transcript.codePoints(), text, codingsA.getOrDefault(id, List.of()),
                    codingsB.getOrDefault(id, List.of()));
        }
        List<AgreementCalculator.CodeRef> codes = codebook.inTreeOrder().stream()
                .map(code -> new AgreementCalculator.CodeRef(code.id(), codebook.path(code.id()))).toList();
        return calculator.result(a.name(), b.name(), codes);
    }

    private static Coder coder(List<Coder> coders, String name) {
        Optional<Coder> found = coders.stream().filter(c -> c.name().equals(name == null ? "" : name.strip()))
                .findFirst();
        return found.orElseThrow(() -> new InvalidInputException("No coder named \u201C" + name + "\u201D in the "
                + "project" + (coders.isEmpty() ? " (nobody has coded yet)" : "; coders: "
                + String.join(", ", coders.stream().map(Coder::name).toList()))));
    }

    /** The two coders agreement is usually asked for: the first two by name (null when fewer than two). */
    public static List<String> defaultCoders(Project project) {
        List<Coder> coders = new CodingStore(project).coders();
        return coders.size() < 2 ? null : List.of(coders.get(0).name(), coders.get(1).name());
    }
}
