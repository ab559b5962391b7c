package org.divergence.app.agreement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Inter-coder agreement of two or more of a project's coders (by name), over every transcript of the project, read
 * in one consistent snapshot. The command line, the Agreement screen and the report all compute it here.
 */
public final class ComputeAgreement {

    private ComputeAgreement() {
    }

    /** Agreement of the coders named, in that order; {@code byTranscript} adds each transcript's own figures. */
    public static AgreementResult compute(Project project, List<String> coderNames, AgreementUnit unit,
                                          boolean byTranscript, Progress progress) {
        List<Coder> known = new CodingStore(project).coders();
        List<Coder> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : coderNames) {
            Coder coder = coder(known, name);
            if (!seen.add(coder.name())) {
                throw new InvalidInputException("Agreement needs different coders: " + coder.name()
                        + " is listed twice");
            }
            chosen.add(coder);
        }
        if (chosen.size() < 2 || chosen.size() > AgreementCalculator.MAX_CODERS) {
            throw new InvalidInputException("Agreement compares 2 to " + AgreementCalculator.MAX_CODERS
                    + " coders; " + chosen.size() + " given");
        }
        return project.read(connection -> compute(connection, chosen, unit, byTranscript, progress));
    }

    private static AgreementResult compute(Connection connection, List<Coder> coders, AgreementUnit unit,
                                           boolean byTranscript, Progress progress) throws SQLException {
        Codebook codebook = CodebookStore.load(connection);
        List<Map<Long, List<CodedRange>>> codings = new ArrayList<>();
        for (Coder coder : coders) {
            codings.add(CodingStore.rangesByTranscript(connection, coder.id()));
        }
        List<TranscriptStore.Extent> transcripts = TranscriptStore.extentsByName(connection);
        AgreementCalculator calculator = new AgreementCalculator(unit, coders.size(), byTranscript);
        int done = 0;
        for (TranscriptStore.Extent transcript : transcripts) {
            progress.checkCancelled();
            progress.update(done++, transcripts.size(), "Comparing coders");
            long id = transcript.id();
            String text = unit == AgreementUnit.CHARACTER ? null : TranscriptStore.text(connection, id);
            calculator.addTranscript(id, transcript.name(), transcript.codePoints(), text,
                    codings.stream().map(ofCoder -> ofCoder.getOrDefault(id, List.of())).toList());
        }
        List<AgreementCalculator.CodeRef> codes = codebook.inTreeOrder().stream()
                .map(code -> new AgreementCalculator.CodeRef(code.id(), codebook.path(code.id()))).toList();
        return calculator.result(coders.stream().map(Coder::name).toList(), codes);
    }

    private static Coder coder(List<Coder> coders, String name) {
        Optional<Coder> found = coders.stream().filter(c -> c.name().equals(name == null ? "" : name.strip()))
                .findFirst();
        return found.orElseThrow(() -> new InvalidInputException("No coder named \u201C" + name + "\u201D in the "
                + "project" + (coders.isEmpty() ? " (nobody has coded yet)" : "; coders: "
                + String.join(", ", coders.stream().map(Coder::name).toList()))));
    }

    /** The coders agreement is usually asked for: all of the project's, by name (null when fewer than two). */
    public static List<String> defaultCoders(Project project) {
        List<Coder> coders = new CodingStore(project).coders();
        return coders.size() < 2 ? null : coders.stream().map(Coder::name).limit(AgreementCalculator.MAX_CODERS)
                .toList();
    }
}
