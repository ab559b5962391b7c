package org.divergence.gui.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.SortKey;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Repositories screen's logic, without a toolkit: real project, real SQLite, tasks on the calling thread. */
class RepositoriesViewModelTest {

    @TempDir
    Path folder;
    Project project;
    RepositoriesViewModel viewModel;

    @BeforeEach
    void setUp() throws Exception {
        project = Project.create(folder.resolve("p.divergence"));
        Path csv = folder.resolve("s.csv");
        Files.writeString(csv, """
                platform,repo_type,full_name,created_at,contributors,commits,pull_requests,merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives
                github,code,octo/alpha,2020-01-05,3,30,,,,,100,,,,
                github,code,octo/beta,2022-06-01,1,3,,,,,,,,,
                huggingface,model,acme/gamma-model,2023-02-01,1,5,,,,0,,,50,7,1
                huggingface,dataset,acme/delta-data,2024-03-01,2,9,,,,4,,,10,2,
                """);
        new ImportRepositories(project).importFiles(List.of(csv), ImportOptions.defaults(),
                Progress.NONE);
        viewModel = new RepositoriesViewModel(new SameThreadTaskExecutor());
        viewModel.setProject(project);
    }

    @AfterEach
    void close() {
        project.close();
    }

    private List<String> names() {
        return viewModel.rowsProperty().get().stream().map(repository -> repository.row().fullName()).toList();
    }

    @Test
    void listsEveryRepositoryInImportOrder() {
        assertEquals(List.of("octo/alpha", "octo/beta", "acme/gamma-model", "acme/delta-data"), names());
        assertEquals(4, viewModel.matchingProperty().get());
        assertEquals("4 of 4 repositories", viewModel.statusProperty().get());
        assertFalse(viewModel.emptyProperty().get());
    }

    @Test
    void filtersByPlatformTypeDateAndName() {
        viewModel.platformProperty().set(Platform.HUGGINGFACE);
        assertEquals(List.of("acme/gamma-model", "acme/delta-data"), names());
        viewModel.typeProperty().set(RepoType.DATASET);
        assertEquals(List.of("acme/delta-data"), names());
        viewModel.clearFilters();
        viewModel.createdFromProperty().set(LocalDate.of(2022, 6, 1));
        viewModel.createdToProperty().set(LocalDate.of(2023, 2, 1));
        assertEquals(List.of("octo/beta", "acme/gamma-model"), names());
        viewModel.clearFilters();
        viewModel.nameContainsProperty().set("ALPHA");
        viewModel.refresh();
        assertEquals(List.of("octo/alpha"), names());
        assertEquals("1 of 4 repositories where name contains \"ALPHA\"", viewModel.statusProperty().get());
    }

    @Test
    void sortsByAnyColumnWithUnknownValuesLast() {
        viewModel.sortBy(SortKey.STARS, false);
        assertEquals("octo/alpha", names().getFirst());
        viewModel.sortBy(SortKey.LIKES, false);
        assertEquals(List.of("acme/gamma-model", "acme/delta-data", "octo/alpha", "octo/beta"), names());
        viewModel.sortBy(SortKey.LIKES, true);
        assertEquals(List.of("acme/delta-data", "acme/gamma-model", "octo/alpha", "octo/beta"), names());
        viewModel.sortBy(SortKey.FULL_NAME, true);
        assertEquals("acme/delta-data", names().getFirst());
    }

    @Test
    void selectingARepositoryLoadsItsBatch() {
        StoredRepository first = viewModel.rowsProperty().get().getFirst();
        viewModel.selectedProperty().set(first);
        assertEquals("s.csv", viewModel.selectedBatchProperty().get().sourceName());
        assertEquals("https://github.com/octo/alpha", first.webUrl());
    }

    @Test
    void emptyProjectSaysSo() {
        try (Project empty = Project.create(folder.resolve("empty.divergence"))) {
            viewModel.setProject(empty);
            assertTrue(viewModel.emptyProperty().get());
            assertEquals(0, viewModel.rowsProperty().get().size());
        }
    }

    @Test
    void pagesLoadLazilyOverManyRows() throws Exception {
        Path big = folder.resolve("big.csv");
        StringBuilder csv = new StringBuilder(
                "platform,repo_type,full_name,created_at,contributors,commits,pull_requests,merged_pull_requests,"
                        + "issues,discussions,stars,forks,downloads,likes,derivatives\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("github,code,bulk/r").append(i).append(",,1,").append(i).append(",,,,,,,,,\n");
        }
        Files.writeString(big, csv);
        new ImportRepositories(project).importFiles(List.of(big), ImportOptions.defaults(),
                Progress.NONE);
        viewModel.refresh();
        var rows = viewModel.rowsProperty().get();
        assertEquals(5004, rows.size());
        assertEquals("bulk/r4999", rows.get(5003).row().fullName());
        viewModel.sortBy(SortKey.COMMITS, false);
        assertEquals("bulk/r4999", viewModel.rowsProperty().get().getFirst().row().fullName());
    }
}
