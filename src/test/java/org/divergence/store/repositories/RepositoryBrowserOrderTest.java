package org.divergence.store.repositories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.SortKey;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sort of the Repositories view against SQLite's own ORDER BY of the stored text and numbers (unknown values
 * last, ties in import order), on rows with ties, unknown values, dates beside instants of the same day, both
 * platforms and every type; unfiltered sorts also read in two halves at once, as at study scale.
 */
class RepositoryBrowserOrderTest {

    @TempDir
    Path folder;

    @Test
    void everyColumnSortsAsSqliteSortsTheStoredValues() throws Exception {
        Path csv = folder.resolve("s.csv");
        StringBuilder text = new StringBuilder("platform,repo_type,full_name,created_at,contributors,commits,"
                + "pull_requests,merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives\n");
        String[] created = {"2020-01-05", "2020-01-05T00:00:00Z", "2020-01-04T23:59:59Z", "", "2024-03-01T10:00:00Z"};
        String[] types = {"model", "dataset", "space"};
        for (int i = 0; i < 300; i++) {
            boolean github = i % 3 != 0;
            String count = i % 7 == 0 ? "" : String.valueOf((i * 37) % 11);
            text.append(github ? "github,code," : "huggingface," + types[i % 3] + ",")
                    .append(github ? "octo/r" : "acme/r").append(i % 50).append(i).append(',')
                    .append(created[i % created.length]).append(',')
                    .append((count + ",").repeat(10)).append(count).append('\n');
        }
        Files.writeString(csv, text);
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            new ImportRepositories(project).importFiles(List.of(csv), ImportOptions.defaults(), Progress.NONE);
            RepositoryBrowser browser = new RepositoryBrowser(project);
            assertEquals(300, browser.total());
            RepositoryFilter huggingFace = RepositoryFilter.ALL.withPlatforms(EnumSet.of(Platform.HUGGINGFACE));
            for (RepositoryFilter filter : List.of(RepositoryFilter.ALL, huggingFace)) {
                for (SortKey key : SortKey.values()) {
                    for (boolean ascending : new boolean[] {true, false}) {
                        long[] expected = browser.orderInSqlite(filter, key, ascending, Progress.NONE);
                        String what = key + (ascending ? " ascending" : " descending") + " of " + filter;
                        assertArrayEquals(expected, browser.order(filter, key, ascending, Progress.NONE), what);
                        if (filter.isAll() && key != SortKey.FULL_NAME && key != SortKey.IMPORT_ORDER) {
                            // Read in two halves at once, as a study-sized project is.
                            assertArrayEquals(expected, browser.orderInHalves(key, ascending, Progress.NONE)
                                    .orElseThrow(), what + ", in halves");
                        }
                    }
                }
            }
        }
    }

    @Test
    void namesOnSeveralPlatformsAndTypesSortInImportOrder() throws Exception {
        Path csv = folder.resolve("names.csv");
        StringBuilder text = new StringBuilder("platform,repo_type,full_name,created_at,contributors,commits,"
                + "pull_requests,merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives\n");
        String[] kinds = {"huggingface,space", "github,code", "huggingface,model", "huggingface,dataset"};
        for (int i = 0; i < 240; i++) {
            // Each name comes up to four times, its kinds in a different order each time; some names only once.
            int name = (i * 7) % 90;
            text.append(kinds[(i + i / 90) % 4]).append(",acme/n").append(name).append(",,,,,,,,")
                    .append(i).append(",,,,\n");
        }
        text.append("github,code,zeta/only,,,,,,,,1,,,,\n");
        Files.writeString(csv, text);
        try (Project project = Project.create(folder.resolve("names.divergence"))) {
            new ImportRepositories(project).importFiles(List.of(csv), ImportOptions.defaults(), Progress.NONE);
            RepositoryBrowser browser = new RepositoryBrowser(project);
            for (boolean ascending : new boolean[] {true, false}) {
                long[] expected = browser.orderInSqlite(RepositoryFilter.ALL, SortKey.FULL_NAME, ascending,
                        Progress.NONE);
                assertEquals(browser.total(), expected.length);
                assertArrayEquals(expected, browser.order(RepositoryFilter.ALL, SortKey.FULL_NAME, ascending,
                        Progress.NONE), ascending ? "ascending" : "descending");
            }
        }
    }

    @Test
    void repeatedNamesTakeTheirGroupsPlaces() {
        // Index order: a(3), a(1), b(5), c(4), c(2); groups a and c in id order.
        assertArrayEquals(new long[] {1, 3, 5, 2, 4},
                RepositoryBrowser.withGroupsReplaced(new long[] {3, 1, 5, 4, 2}, new long[] {1, 3, 2, 4}));
        assertArrayEquals(new long[] {7, 8}, RepositoryBrowser.withGroupsReplaced(new long[] {7, 8}, new long[0]));
    }
}
