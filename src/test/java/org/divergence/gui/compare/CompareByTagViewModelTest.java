package org.divergence.gui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.divergence.core.stats.BootstrapMedianDifference;
import org.divergence.gui.common.Grouping;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.store.tags.TagRules;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Compare screen's tag grouping: untagged (a) vs tagged (b), offered once a tag is in use. */
class CompareByTagViewModelTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private CompareViewModel viewModel;

    @AfterEach
    void close() {
        viewModel.dispose();
        context.close();
    }

    @Test
    void comparesUntaggedWithTaggedRepositoriesOnceATagIsInUse() throws Exception {
        Project project = RepositorySamples.projectFromResource(folder.resolve("small.divergence"),
                "/golden/small.csv");
        long code = new CodebookStore(project).createCode(null, "Compute requirements", null).run();
        context.setProject(project);
        viewModel = new CompareViewModel(context, new SameThreadTaskExecutor(), Duration.ZERO,
                new BootstrapMedianDifference.Settings(200, 1, 0.95));
        viewModel.setActive(true);
        viewModel.groupingProperty().set(Grouping.TAG);
        assertNull(viewModel.tagProperty().get());
        assertTrue(viewModel.problemProperty().get().startsWith("No repository carries a tag yet"),
                viewModel.problemProperty().get());

        // Tagging (here by a rule) makes the tag available and chosen; the comparison follows.
        context.undoHistory().execute(TagRules.add(project, code, "commits > 20 OR (platform = huggingface AND"
                + " likes >= 2)"));
        // With a running toolkit (another test started it) the notice arrives on the FX thread: wait for the
        // status line, which is set last when a comparison is shown.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.statusProperty().get()
                .contains("Group a = Untagged, group b = Compute requirements"));
        assertEquals("Compute requirements", viewModel.tagProperty().get().name());
        assertEquals("", viewModel.problemProperty().get());
        assertEquals("Compute requirements", viewModel.groupBProperty().get());
        MetricRow contributors = viewModel.rows().stream().filter(row -> row.label().equals("Contributors"))
                .findFirst().orElseThrow();
        // golden/tags/expected.json, "small, tagged by rule": the same split
        assertEquals("216", contributors.nA());
        assertEquals("86", contributors.nB());
        assertTrue(viewModel.headlines().getFirst().sentence().startsWith("\u201CCompute requirements\u201D"
                + " repositories have"), viewModel.headlines().getFirst().sentence());
        assertTrue(viewModel.statusProperty().get().contains("Group a = Untagged, group b = Compute requirements"));
    }

    @Test
    void theCopiedCsvQuotesACodeNameWithCommasAndQuotes() throws Exception {
        Project project = RepositorySamples.projectFromResource(folder.resolve("quoted.divergence"),
                "/golden/small.csv");
        String name = "Compute, \"GPU\" needs";
        long code = new CodebookStore(project).createCode(null, name, null).run();
        context.setProject(project);
        viewModel = new CompareViewModel(context, new SameThreadTaskExecutor(), Duration.ZERO,
                new BootstrapMedianDifference.Settings(200, 1, 0.95));
        viewModel.setActive(true);
        viewModel.groupingProperty().set(Grouping.TAG);
        context.undoHistory().execute(TagRules.add(project, code, "commits > 20"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.rows().isEmpty()
                && viewModel.statusProperty().get().contains("group b = " + name));

        String csv = viewModel.tableAsCsv();
        List<List<String>> records;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            records = reader.stream().map(CsvRecord::getFields).toList();
        }
        List<String> header = records.getFirst();
        // The default columns: the metric's three keys, n and median or share per group, p, the effect (size and
        // measure), magnitude, p Holm and the family size.
        assertEquals(13, header.size(), csv.lines().findFirst().orElse(""));
        assertTrue(header.stream().anyMatch(field -> field.startsWith("n_") && field.contains(name)), header.toString());
        assertTrue(records.stream().allMatch(record -> record.size() == 13), "every row has the header's fields");
    }
}
