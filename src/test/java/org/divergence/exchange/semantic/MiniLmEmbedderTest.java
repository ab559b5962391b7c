package org.divergence.exchange.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import org.divergence.core.semantic.Vectors;
import org.junit.jupiter.api.Test;

/** The real model, in this process, on fixed texts: rankings, not scores to the last digit. */
class MiniLmEmbedderTest {

    private final MiniLmEmbedder model = MiniLmEmbedder.shared();

    @Test
    void ranksParaphrasesAboveUnrelatedText() {
        float[] query = model.embed("I lost my job when the factory closed down and we had no money for months.");
        List<String> candidates = List.of(
                "My grandmother grows tomatoes in the community garden every summer.",
                "After the plant shut, I was made redundant and we were broke for a long time.",
                "Quarterly revenue exceeded analyst expectations due to strong cloud sales.",
                "Being laid off when the works closed left us without income for ages.");
        List<String> ranked = candidates.stream()
                .sorted(Comparator.comparingDouble((String c) -> Vectors.cosine(query, model.embed(c))).reversed())
                .toList();
        assertEquals(List.of(candidates.get(1), candidates.get(3)), ranked.subList(0, 2), ranked.toString());
    }

    @Test
    void theSameTextGivesTheSameVectorBitForBitAndUnitLength() {
        float[] first = model.embed("Forks are how we collaborate on GitHub.");
        float[] second = model.embed("Forks are how we collaborate on GitHub.");
        assertArrayEquals(first, second);
        assertEquals(384, first.length);
        assertEquals(1.0, Vectors.cosine(first, first), 1e-5);
        assertTrue(model.fingerprint().contains("ort:1.20.0"), model.fingerprint());
        assertThrows(IllegalArgumentException.class, () -> model.embed("  \n"));
    }

    @Test
    void textBeyondTheModelsWindowIsIgnoredWhichIsWhyPassagesAreChunked() {
        String longText = "word ".repeat(200);
        assertArrayEquals(model.embed(longText), model.embed(longText + " and a different ending about weights"));
    }

    @Test
    void tokenizerSplitsWordPiecesNormalisesAccentsAndCapsTheLength() throws Exception {
        WordPieceTokenizer tokenizer;
        try (InputStream json = MiniLmEmbedder.class.getResourceAsStream(MiniLmEmbedder.TOKENIZER_RESOURCE)) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
        }
        int[] ids = tokenizer.encode("Unaffable CAFÉ [SEP]");
        assertArrayEquals(new int[] {tokenizer.id("[CLS]"), tokenizer.id("una"), tokenizer.id("##ffa"),
                tokenizer.id("##ble"), tokenizer.id("cafe"), tokenizer.id("[SEP]"), tokenizer.id("[SEP]")}, ids);
        assertEquals(WordPieceTokenizer.MAX_TOKENS, tokenizer.encode("a ".repeat(500)).length);
        assertEquals("istanbul strasse", WordPieceTokenizer.normalize("İstanbul Strasse"));
    }
}
