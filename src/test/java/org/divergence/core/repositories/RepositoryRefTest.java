package org.divergence.core.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.divergence.core.common.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryRefTest {

    @ParameterizedTest
    @CsvSource({
        "github:pallets/flask, github, code, pallets/flask, github:pallets/flask",
        "huggingface:model:openai/whisper-large-v3, huggingface, model, openai/whisper-large-v3,"
            + " huggingface:model:openai/whisper-large-v3",
        "huggingface:dataset:acme/x, huggingface, dataset, acme/x, huggingface:dataset:acme/x",
        "huggingface:space:acme/x, huggingface, space, acme/x, huggingface:space:acme/x",
        "huggingface:model:bert-base-uncased, huggingface, model, bert-base-uncased,"
            + " huggingface:model:bert-base-uncased",
        "'  GitHub:octo/a  ', github, code, octo/a, github:octo/a"})
    void readsAndWritesTheTextForm(String text, String platform, String type, String name, String written) {
        RepositoryRef ref = RepositoryRef.parse(text);
        assertEquals(platform, ref.platform().code());
        assertEquals(type, ref.type().code());
        assertEquals(name, ref.fullName());
        assertEquals(written, ref.toString());
        assertEquals(ref, RepositoryRef.parse(ref.toString()));
    }

    @org.junit.jupiter.api.Test
    void aHuggingFaceIdWithoutItsTypeIsUntypedUntilResolved() {
        RepositoryRef ref = RepositoryRef.parse("huggingface:acme/x");
        assertFalse(ref.isTyped());
        assertEquals("huggingface:acme/x", ref.toString());
        assertTrue(ref.withType(RepoType.DATASET).isTyped());
        assertEquals("'huggingface:acme/x' is ambiguous: the project holds it as model and dataset; write"
                + " huggingface:model:acme/x or huggingface:dataset:acme/x",
                ref.ambiguous(List.of(RepoType.MODEL, RepoType.DATASET)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pallets/flask", "gitlab:a/b", "github:code:a/b", "huggingface:code:a/b",
        "huggingface:notebook:a/b", "github:", "github:a b/c", "github:a", "huggingface:model:"})
    void refusesWhatIsNotARepository(String text) {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> RepositoryRef.parse(text));
        assertTrue(error.getMessage().startsWith("'" + text.strip() + "'"), error.getMessage());
    }
}
