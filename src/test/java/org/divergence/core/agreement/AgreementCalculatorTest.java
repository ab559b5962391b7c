package org.divergence.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Units, "any part counts", text neither coder coded, overlapping codings, disagreements, pooling. */
class AgreementCalculatorTest {

    private static final List<AgreementCalculator.CodeRef> CODES = List.of(
            new AgreementCalculator.CodeRef(1, "Parent"), new AgreementCalculator.CodeRef(2, "Parent/Child"),
            new AgreementCalculator.CodeRef(3, "Unused"));

    @Test
    void charactersCountEveryCodePointIncludingUncodedText() {
        AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.CHARACTER, 2, false);
        // Transcript 1: 100 code points. A codes [10, 30) and overlapping [20, 40); B codes [30, 50).
        calculator.addTranscript(1, "t1", 100, (String) null, List.of(List.of(range(1, 1, 10, 30),
                range(1, 1, 20, 40)), List.of(range(1, 1, 30, 50))));
        // Transcript 2: 50 code points nobody coded: all "neither".
        calculator.addTranscript(2, "t2", 50, (String) null, List.of(List.of(), List.of()));
        AgreementResult result = calculator.result(List.of("Ana", "Ben"), CODES);
        assertEquals(150, result.unitsPerCode());
        assertEquals(1, result.codes().size(), "only codes someone applied are listed");
        AgreementCounts counts = result.codes().getFirst().figures().twoCoders();
        assertEquals(AgreementCounts.of(10, 20, 10, 110), counts);
        assertEquals("Parent", result.codes().getFirst().code());
        assertEquals(List.of(new Disagreement(1, 1, 10, 30, A),
                new Disagreement(1, 1, 40, 50, B)), result.disagreements(1));
        assertEquals(counts, result.overall().twoCoders());
    }

    @Test
    void aUnitCountsAsCodedWhenAnyPartOfItIs() {
        AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.SENTENCE, 2, false);
        String text = "One two. Three four. Five six.\nSeven.";
        // A codes one character of "Three"; B codes "four. Fi" (touches sentences 2 and 3).
        int three = text.indexOf("Three");
        int four = text.indexOf("four");
        calculator.addTranscript(7, "t7", text.length(), text, List.of(List.of(range(7, 2, three, three + 1)),
                List.of(range(7, 2, four, four + 8))));
        AgreementResult result = calculator.result(List.of("A", "B"), CODES);
        assertEquals(4, result.unitsPerCode());
        assertEquals(AgreementCounts.of(1, 0, 1, 2), result.codes().getFirst().figures().twoCoders());
        assertEquals("Parent/Child", result.codes().getFirst().code());
        Disagreement onlyB = result.disagreements(2).getFirst();
        assertEquals("Five six.", text.substring(onlyB.start(), onlyB.end()));
    }

    @Test
    void codingOnlyTheSpaceBetweenUnitsTouchesNoUnit() {
        AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.SENTENCE, 2, false);
        String text = "First one.   Second one.";
        int gap = text.indexOf("   ");
        calculator.addTranscript(1, "t1", text.length(), text, List.of(List.of(range(1, 1, gap, gap + 3)),
                List.of()));
        AgreementCounts counts = calculator.result(List.of("A", "B"), CODES).codes().getFirst().figures()
                .twoCoders();
        assertEquals(AgreementCounts.of(0, 0, 0, 2), counts);
        assertNull(counts.kappa());
    }

    @Test
    void paragraphsAreLinesAndTurnsFollowSpeakers() {
        String text = "Interviewer: Hello.\nHow are you?\n\nP1: Fine, thanks.\nReally fine.";
        UnitSpans paragraphs = TextUnits.of(text, AgreementUnit.PARAGRAPH);
        assertEquals(4, paragraphs.count(), "blank lines are no units");
        UnitSpans turns = TextUnits.of(text, AgreementUnit.TURN);
        assertEquals(2, turns.count());
        assertEquals("P1: Fine, thanks.\nReally fine.", text.substring(turns.start(1), turns.end(1)));
        assertEquals("Interviewer: Hello.\nHow are you?", text.substring(turns.start(0), turns.end(0)));
    }

    @Test
    void unitsCountCodePointsNotUtf16() {
        String text = "😀 Emoji first. Second 😀 here.";
        UnitSpans sentences = TextUnits.of(text, AgreementUnit.SENTENCE);
        assertEquals(2, sentences.count());
        int secondStartUtf16 = text.indexOf("Second");
        assertEquals(text.codePointCount(0, secondStartUtf16), sentences.start(1));
        assertEquals(text.codePointCount(0, text.length()), sentences.end(1));
    }

    @Test
    void poolsOverCodesAndListsCodesInCodebookOrder() {
        AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.PARAGRAPH, 2, false);
        String text = "a\nb\nc\nd";
        calculator.addTranscript(1, "t1", text.length(), text,
                List.of(List.of(range(1, 2, 0, 1), range(1, 1, 2, 3)),
                        List.of(range(1, 2, 0, 1), range(1, 1, 4, 5))));
        AgreementResult result = calculator.result(List.of("A", "B"), CODES);
        assertEquals(List.of("Parent", "Parent/Child"), result.codes().stream().map(CodeAgreement::code).toList());
        assertEquals(AgreementCounts.of(0, 1, 1, 2), result.codes().get(0).figures().twoCoders());
        assertEquals(AgreementCounts.of(1, 0, 0, 3), result.codes().get(1).figures().twoCoders());
        assertEquals(AgreementCounts.of(1, 1, 1, 5), result.overall().twoCoders());
    }

    @Test
    void clipsRangesToTheText() {
        AgreementCalculator calculator = new AgreementCalculator(AgreementUnit.CHARACTER, 2, false);
        calculator.addTranscript(1, "t1", 10, (String) null, List.of(List.of(range(1, 1, -5, 3),
                range(1, 1, 8, 20)), List.of()));
        assertEquals(AgreementCounts.of(0, 5, 0, 5), calculator.result(List.of("A", "B"), CODES).overall()
                .twoCoders());
    }

    private static final long A = 1;
    private static final long B = 2;

    private static CodedRange range(long transcript, long code, int start, int end) {
        return new CodedRange(transcript, code, start, end);
    }
}
