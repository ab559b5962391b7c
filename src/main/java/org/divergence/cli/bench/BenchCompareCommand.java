package org.divergence.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.app.compare.CompareRepositories;
import org.divergence.cli.common.ComparisonJson;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.common.Progress;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.GroupSplit;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.Stratification;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times the full comparison (scan, statistics, JSON) on a project and reports the heap it needed. Run it with the
 * heap limit the target names, e.g. {@code java -Xmx1g -jar divergence-workbench.jar bench compare --project F}
 * (docs/benchmarks.md compares it with the SciPy reference script in the same session). With
 * {@code --stratify created_year} each run times the plain comparison and then the stratified one, and prints their
 * ratio (the target: at most 2).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Time compare (all 12 metrics) on a project: wall time per run and peak heap; with --stratify "
                + "also the comparison within creation years, against the plain one in the same run.")
final class BenchCompareCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "platform",
            description = "platform (default) or repo_type.")
    String by;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--stratify", paramLabel = "BY",
            description = "Also time the comparison stratified by created_year, against the plain one.")
    String stratify;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Scan the rows with N threads (default 0: read the metric summary when it answers, else "
                    + "scan with threads by table size and processors).")
    int partitions;

    @Option(names = "--where", paramLabel = "KEY=VALUE[,VALUE...]",
            description = "Compare only these repositories, as compare --where (platform=..., repo_type=...).")
    List<String> where;

    @Option(names = "--created-from", paramLabel = "YYYY-MM-DD", description = "As compare --created-from.")
    String createdFrom;

    @Option(names = "--created-to", paramLabel = "YYYY-MM-DD", description = "As compare --created-to.")
    String createdTo;

    @Option(names = "--filter-changes",
            description = "Time what the Compare screen recomputes when a type box or a date changes: the comparison "
                    + "with tables (as its view model asks for it) after each of a series of filter changes.")
    boolean filterChanges;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Java %s, %d processors, max heap %,d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        RepositoryFilter filter = RepositoryFilter.parse(where, createdFrom, createdTo);
        try (Project opened = Project.openForReading(project.path())) {
            GroupSplit split = CompareRepositories.split(opened, by);
            Stratification stratification = Stratification.ofKey(stratify);
            if (filterChanges) {
                timeFilterChanges(out, opened, split, stratification);
                return ExitCodes.OK;
            }
            for (int run = 1; run <= Math.max(1, runs); run++) {
                double plain = timeRun(out, run, opened, split, filter, Stratification.NONE);
                if (stratification != Stratification.NONE) {
                    double stratified = timeRun(out, run, opened, split, filter, stratification);
                    out.printf("run %d: stratified by %s / plain = %.2f%n", run, stratification.key(),
                            stratified / plain);
                }
            }
        }
        return ExitCodes.OK;
    }

    /** One timed comparison, printed; returns its wall time in seconds. */
    private double timeRun(PrintWriter out, int run, Project opened, GroupSplit split, RepositoryFilter filter,
                           Stratification stratification) {
        System.gc();
        resetPeaks();
        long cpuStart = processCpu();
        long start = System.nanoTime();
        MetricAccumulator accumulator = CompareRepositories.tables(opened, split, filter,
                stratification, Progress.NONE, partitions);
        long scanned = System.nanoTime();
        long cpuScanned = processCpu();
        ComparisonReport report = CompareRepositories.compare(accumulator, filter,
                BootstrapMedianDifference.Settings.DEFAULT, stratification, Progress.NONE);
        long computed = System.nanoTime();
        String json = ComparisonJson.of(report);
        long end = System.nanoTime();
        long cpuEnd = processCpu();
        out.printf("run %d%s: %,d rows, --by %s: total %.3f s (%s %.3f s, statistics %.3f s, JSON %.3f s),"
                        + " CPU %.3f s (scan %.3f s), peak heap %,d MiB, JSON %,d bytes%n", run,
                stratification == Stratification.NONE ? "" : " --stratify " + stratification.key(),
                report.rowsRead(), split.groupBy(), seconds(end - start), partitions > 0 ? "scan" : "tables",
                seconds(scanned - start),
                seconds(computed - scanned), seconds(end - computed), seconds(cpuEnd - cpuStart),
                seconds(cpuScanned - cpuStart), peakHeap() >> 20, json.length());
        return seconds(end - start);
    }

    /**
     * The Compare screen's recomputation after each filter change, as its view model runs it off the FX thread: is
     * the project empty, then the comparison with its tables. Type boxes switched off and on again, then dates.
     */
    private void timeFilterChanges(PrintWriter out, Project opened, GroupSplit split, Stratification stratification) {
        List<RepositoryFilter> changes = List.of(
                RepositoryFilter.parse(List.of("repo_type=code,model,dataset"), null, null),
                RepositoryFilter.parse(List.of("repo_type=code,model"), null, null),
                RepositoryFilter.parse(List.of("repo_type=code,model,dataset,space"), null, null),
                RepositoryFilter.parse(List.of(), "2022-05-25", null),
                RepositoryFilter.parse(List.of(), "2022-05-25", "2024-12-31"),
                RepositoryFilter.parse(List.of("repo_type=code,model"), "2022-05-25", "2024-12-31"),
                RepositoryFilter.parse(List.of("repo_type=code,model"), "2019-01-07", "2024-12-31"),
                RepositoryFilter.ALL);
        List<Double> times = new java.util.ArrayList<>();
        for (int run = 1; run <= Math.max(1, runs); run++) {
            for (RepositoryFilter change : changes) {
                long start = System.nanoTime();
                if (CompareRepositories.hasRepositories(opened)) {
                    CompareRepositories.compareWithTables(opened, split, change,
                            BootstrapMedianDifference.Settings.DEFAULT, stratification, Progress.NONE);
                }
                double seconds = seconds(System.nanoTime() - start);
                times.add(seconds);
                out.printf("run %d: %s: %.3f s%n", run, change.describe(), seconds);
            }
        }
        List<Double> sorted = times.stream().sorted().toList();
        out.printf("filter change until the table's data is ready: median %.3f s, max %.3f s over %d changes%n",
                sorted.get(sorted.size() / 2), sorted.getLast(), sorted.size());
    }

    /** CPU time of the whole process (all threads, including the JIT compiler and GC), -1 when unavailable. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the reset: an upper bound of the heap the run needed. */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
