package org.divergence.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.MemoryReport;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.SortKey;
import org.divergence.core.stats.Quantiles;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.RepositoryBrowser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the Repositories view waits for, timed on a project: opening it (the matching ids in import order), sorting by
 * each column (the ids in that order; the view does this off the FX thread, with the previous rows shown until it
 * is done), filtering, and scrolling (a page of rows fetched by id at random positions, as the virtual table asks).
 */
@Command(name = "repositories", mixinStandardHelpOptions = true,
        description = "Time the Repositories view's work on a project: open, sort by each column, filter, scroll.")
final class BenchRepositoriesCommand implements Callable<Integer> {

    /** Rows the table asks for at a time (a screenful and a little more). */
    static final int PAGE = 60;

    @Mixin
    ProjectOption project;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "500",
            description = "Random pages fetched to time scrolling (default: ${DEFAULT-VALUE}).")
    int pages;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Project opened = Project.openForReading(project.path())) {
            RepositoryBrowser browser = new RepositoryBrowser(opened);
            long start = System.nanoTime();
            long total = browser.total();
            long[] ids = browser.order(RepositoryFilter.ALL, SortKey.IMPORT_ORDER, true, Progress.NONE);
            out.printf("open: %,d repositories counted and listed in %.0f ms (%,d ids, %.1f MB)%n", total,
                    millis(start), ids.length, ids.length * 8 / 1e6);

            // The reference, in the same run: SQLite's ORDER BY, which the view used before ADR 0132.
            List<Double> sortTimes = new ArrayList<>();
            List<Double> sqliteTimes = new ArrayList<>();
            for (SortKey key : SortKey.values()) {
                long sortStart = System.nanoTime();
                long[] sorted = browser.order(RepositoryFilter.ALL, key, false, Progress.NONE);
                double sortMillis = millis(sortStart);
                long sqliteStart = System.nanoTime();
                browser.orderInSqlite(RepositoryFilter.ALL, key, false, Progress.NONE);
                double sqliteMillis = millis(sqliteStart);
                sortTimes.add(sortMillis);
                sqliteTimes.add(sqliteMillis);
                out.printf("sort by %-13s descending: %6.0f ms (%,d rows); SQLite's ORDER BY %6.0f ms%n",
                        key.label().toLowerCase(java.util.Locale.ROOT), sortMillis, sorted.length, sqliteMillis);
            }
            out.printf("sort, every column: median %.0f ms, slowest %.0f ms; SQLite's ORDER BY median %.0f ms,"
                    + " slowest %.0f ms%n", median(sortTimes), max(sortTimes), median(sqliteTimes), max(sqliteTimes));

            RepositoryFilter huggingFace = RepositoryFilter.ALL.withPlatforms(EnumSet.of(Platform.HUGGINGFACE));
            long filterStart = System.nanoTime();
            long[] filtered = browser.order(huggingFace.withNameContains("onyx"), SortKey.STARS, false,
                    Progress.NONE);
            out.printf("filter platform = huggingface, name contains \"onyx\", by stars: %.0f ms (%,d rows)%n",
                    millis(filterStart), filtered.length);

            List<Double> times = new ArrayList<>();
            Random random = new Random(7);
            for (int i = 0; i < pages && ids.length > 0; i++) {
                int from = random.nextInt(Math.max(1, ids.length - PAGE));
                long pageStart = System.nanoTime();
                browser.fetch(ids, from, Math.min(ids.length, from + PAGE));
                times.add(millis(pageStart));
            }
            if (!times.isEmpty()) {
                double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                out.printf("scroll: %d pages of %d rows at random positions: median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                        sorted.length, PAGE, Quantiles.linear(sorted, 0.5), Quantiles.linear(sorted, 0.95),
                        sorted[sorted.length - 1]);
            }
            out.println(MemoryReport.describe());
        }
        return ExitCodes.OK;
    }

    private static double median(List<Double> values) {
        return Quantiles.linear(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
