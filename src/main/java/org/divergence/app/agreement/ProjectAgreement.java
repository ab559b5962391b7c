package org.divergence.app.agreement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.divergence.store.project.Project;

/**
 * Inter-coder agreement of a project's two coders (by name), over every transcript of the project, read in one
 * consistent snapshot. The command line, the Agreement screen and the report all compute it here.
 */
public final class ProjectAgreement {

    private static final String TRANSCRIPTS = "SELECT id, length_code_points FROM transcript ORDER BY name, id";
    private static final String TEXT = "SELECT content FROM transcript WHERE id = ?";
    private static final String CODINGS = "SELECT transcript_id, code_id, start_cp, end_cp FROM coding "
            + "WHERE coder_id = ? ORDER BY transcript_id, start_cp";

    private ProjectAgreement() {
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
        Map<Long, List<CodedRange>> codingsA = codings(connection, a.id());
        Map<Long, List<CodedRange>> codingsB = codings(connection, b.id());
        List<long[]> transcripts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(TRANSCRIPTS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                transcripts.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        AgreementCalculator calculator = new AgreementCalculator(unit);
        int done = 0;
        for (long[] transcript : transcripts) {
            progress.checkCancelled();
            progress.update(done++, transcripts.size(), "Comparing coders");
            long id = transcript[0];
            String text = unit == AgreementUnit.CHARACTER ? null : text(connection, id);
            calculator.addTranscript(id, (int) transcript[1], text, codingsA.getOrDefault(id, List.of()),
                    codingsB.getOrDefault(id, List.of()));
        }
        List<AgreementCalculator.CodeRef> codes = codebook.inTreeOrder().stream()
                .map(code -> new AgreementCalculator.CodeRef(code.id(), codebook.path(code.id()))).toList();
        return calculator.result(a.name(), b.name(), codes);
    }

    private static Map<Long, List<CodedRange>> codings(Connection connection, long coderId) throws SQLException {
        Map<Long, List<CodedRange>> byTranscript = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CODINGS)) {
            statement.setLong(1, coderId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    CodedRange range = new CodedRange(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4));
                    byTranscript.computeIfAbsent(range.transcriptId(), key -> new ArrayList<>()).add(range);
                }
            }
        }
        return byTranscript;
    }

    private static String text(Connection connection, long transcriptId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TEXT)) {
            statement.setLong(1, transcriptId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
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
