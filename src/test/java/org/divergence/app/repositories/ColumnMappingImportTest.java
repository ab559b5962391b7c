package org.divergence.app.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.exchange.repositories.ColumnMapping;
import org.divergence.exchange.repositories.ColumnMappings;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.exchange.repositories.ImportPreview;
import org.divergence.store.project.Project;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV whose columns are named differently imports once its columns are mapped onto the canonical ones. */
class ColumnMappingImportTest {

    private static final String RENAMED = "Platform,Kind,Repository,Created,Contributors,Commit count,"
            + "pull_requests,merged_pull_requests,issues,discussions,Stargazers,forks,downloads,likes,language";
    private static final List<String> HEADER = List.of(RENAMED.split(","));

    @TempDir
    Path folder;

    private Path write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void guessesUsualNamesAndLeavesTheRestToTheUser() {
        ColumnMapping guessed = ColumnMapping.guess(HEADER);
        assertEquals(Map.of("platform", "Platform", "repo_type", "Kind", "full_name", "Repository",
                "created_at", "Created", "contributors", "Contributors", "commits", "Commit count",
                "stars", "Stargazers"), guessed.sourceOf());
        assertEquals(List.of("platform", "repo_type", "full_name", "created_at", "contributors", "commits", "stars",
                "derivatives"), ColumnMapping.missing(HEADER));
    }

    @Test
    void importsThroughTheMappingWithAnAbsentColumnUnknownAndMappedColumnsNotKeptAsExtra() throws Exception {
        Path csv = write("renamed.csv", RENAMED + "\n"
                + "github,code,octo/widgets,2019-04-01,3,120,10,7,4,,52,9,,,Java\n");
        ImportOptions plain = ImportOptions.defaults();
        ImportPreview refused = ImportPreview.of(csv, plain, 20);
        assertTrue(refused.fileProblem());
        assertTrue(refused.problem().contains("missing column(s)"), refused.problem());
        assertEquals(HEADER, refused.header());
        assertFalse(refused.importable(true), "skipping rows does not help a file whose header is wrong");

        ColumnMapping mapping = ColumnMapping.guess(HEADER).with("derivatives", ColumnMapping.ABSENT);
        ImportOptions mapped = new ImportOptions(false, Optional.empty(),
                new ColumnMappings(Map.of(HEADER, mapping), ColumnMapping.NONE));
        ImportPreview preview = ImportPreview.of(csv, mapped, 20);
        assertEquals(null, preview.problem());
        assertEquals(1, preview.rows().size());

        Path project = folder.resolve("p.divergence");
        try (Project opened = Project.openOrCreate(project)) {
            new ImportRepositories(opened).importFiles(List.of(csv), mapped, Progress.NONE);
        }
        assertEquals(List.of("github|code|octo/widgets|2019-04-01|3|120|10|7|4|null|52|9|null|null|null"
                + "|{\"language\":\"Java\"}"), TableDump.repositories(project));
    }

    @Test
    void aRequiredColumnCannotBeAbsentAndAMappingForAnotherHeaderDoesNotApply() throws Exception {
        Path csv = write("renamed.csv", RENAMED + "\ngithub,code,octo/a,,1,1,,,,,1,,,,\n");
        ColumnMapping noName = ColumnMapping.guess(HEADER).with("full_name", ColumnMapping.ABSENT)
                .with("derivatives", ColumnMapping.ABSENT);
        ImportPreview preview = ImportPreview.of(csv, new ImportOptions(false, Optional.empty(),
                new ColumnMappings(Map.of(HEADER, noName), ColumnMapping.NONE)), 20);
        assertTrue(preview.problem().contains("\"full_name\""), preview.problem());
        ImportPreview otherHeader = ImportPreview.of(csv, new ImportOptions(false, Optional.empty(),
                new ColumnMappings(Map.of(List.of("a", "b"), ColumnMapping.guess(HEADER)), ColumnMapping.NONE)), 20);
        assertTrue(otherHeader.fileProblem());
        assertThrows(InvalidInputException.class, () -> {
            try (Project opened = Project.openOrCreate(folder.resolve("q.divergence"))) {
                new ImportRepositories(opened).importFiles(List.of(csv), ImportOptions.defaults(), Progress.NONE);
            }
        });
    }

    @Test
    void aBadRowIsARowProblemThatSkippingSetsAside() throws Exception {
        Path csv = write("bad.csv", RepositoryImportTest.HEADER + "\n"
                + "github,code,octo/a,,1,many,,,,,1,,,,\ngithub,code,octo/b,,1,2,,,,,1,,,,\n");
        ImportPreview preview = ImportPreview.of(csv, ImportOptions.defaults(), 20);
        assertFalse(preview.fileProblem());
        assertTrue(preview.problem().startsWith("bad.csv:2: "), preview.problem());
        assertEquals(1, preview.rows().size(), "the good rows still show");
        assertFalse(preview.importable(false));
        assertTrue(preview.importable(true));
    }
}
