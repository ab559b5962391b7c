package org.divergence.core.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class RepositoryFilterTest {

    @Test
    void parsesRepeatedAndCommaSeparatedValues() {
        RepositoryFilter filter = RepositoryFilter.parse(List.of("repo_type=model", "repo_type= Dataset,space",
                "platform=huggingface"), "2022-05-25", "2024-12-31");
        assertEquals(Set.of(RepoType.MODEL, RepoType.DATASET, RepoType.SPACE), filter.repoTypes());
        assertEquals(Set.of(Platform.HUGGINGFACE), filter.platforms());
        assertEquals(LocalDate.of(2022, 5, 25), filter.createdFrom());
        assertEquals(List.of("platform=huggingface", "repo_type=model", "repo_type=dataset", "repo_type=space"),
                filter.whereItems());
        assertEquals("platform = huggingface; repo_type = model, dataset, space; created 2022-05-25 to 2024-12-31",
                filter.describe());
        assertTrue(RepositoryFilter.parse(List.of(), null, " ").isAll());
        assertEquals("all repositories", RepositoryFilter.ALL.describe());
    }

    @Test
    void badValuesNameTheOptionAndWhatIsAccepted() {
        assertMessage("--where repo_type=modle: unknown repo_type 'modle'; use code, model, dataset or space",
                List.of("repo_type=modle"), null, null);
        assertMessage("--where stars=5: unknown key 'stars'; use platform or repo_type", List.of("stars=5"), null,
                null);
        assertMessage("--where model: expected KEY=VALUE, e.g. repo_type=model", List.of("model"), null, null);
        assertMessage("--where platform=gitlab: unknown platform 'gitlab'; use github or huggingface",
                List.of("platform=gitlab"), null, null);
        assertMessage("--created-from 2022-13-01: not a date; use YYYY-MM-DD, e.g. 2022-05-25", List.of(),
                "2022-13-01", null);
        assertMessage("--created-from 2024-01-01 is after --created-to 2023-01-01: the date range is empty",
                List.of(), "2024-01-01", "2023-01-01");
    }

    private static void assertMessage(String message, List<String> where, String from, String to) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> RepositoryFilter.parse(where, from, to));
        assertEquals(message, error.getMessage());
    }
}
