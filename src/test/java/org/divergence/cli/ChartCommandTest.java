package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.divergence.cli.common.ExitCodes;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.RepositorySamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartCommandTest {

    @TempDir
    static Path folder;

    private static Path small;

    @BeforeAll
    static void createProject() {
        try (Project project = RepositorySamples.projectFromResource(folder.resolve("small.divergence"),
                "/golden/small.csv")) {
            small = project.file();
        }
    }

    private static CliRun chart(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "chart";
        all[1] = "--project";
        all[2] = small.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    @Test
    void drawsEachChartTypeInEachFormat() throws Exception {
        String[][] cases = {{"box", "commits", "png"}, {"ecdf", "endorsements", "svg"},
            {"histogram", "pr_acceptance_rate", "pdf"}, {"share", "has_derivatives", "png"},
            {"effects", "contributors", "svg"}, {"timeline", "knowledge_threads", "pdf"}};
        for (String[] c : cases) {
            Path out = folder.resolve(c[0] + "." + c[2]);
            CliRun run = chart("--type", c[0], "--metric", c[1], "--by", "repo_type", "--out", out.toString(),
                    "--width", "700", "--height", "450", "--dpi", "150");
            assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
            assertTrue(run.out().contains("wrote " + out), run.out());
            switch (c[2]) {
                case "png" -> {
                    BufferedImage image = ImageIO.read(out.toFile());
                    assertEquals(1094, image.getWidth(), "700 px at 150 DPI");
                    assertEquals(703, image.getHeight());
                }
                case "svg" -> assertTrue(Files.readString(out).contains("width='700.0' height='450.0'"));
                default -> {
                    try (PDDocument document = Loader.loadPDF(out.toFile())) {
                        assertEquals(525, document.getPage(0).getMediaBox().getWidth(), 0.01);
                    }
                }
            }
        }
    }

    @Test
    void filtersAndTheDarkStyleApply() {
        Path out = folder.resolve("filtered.svg");
        CliRun run = chart("--type", "box", "--metric", "commits", "--where", "platform=huggingface",
                "--created-from", "2023-01-01", "--dark", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        String svg = readString(out);
        assertTrue(svg.contains("platform = huggingface; created from 2023-01-01"), "the filter is on the chart");
        assertTrue(svg.contains("#0d1117") || svg.contains("rgb(13,17,23)"), "dark background");
    }

    @Test
    void groupsByAFactorTag() throws Exception {
        Path tagged;
        try (Project project = RepositorySamples.projectFromResource(folder.resolve("tagged.divergence"),
                "/golden/small.csv")) {
            new org.divergence.store.coding.CodebookStore(project).createCode(null, "Compute requirements", null).run();
            tagged = project.file();
        }
        CliRun tag = CliRun.of("tag", "--project", tagged.toString(), "--name", "Compute requirements", "--rule",
                "commits > 20 OR (platform = huggingface AND likes >= 2)");
        assertEquals(ExitCodes.OK, tag.exitCode(), tag.toString());
        Path out = folder.resolve("by-tag.svg");
        CliRun run = CliRun.of("chart", "--project", tagged.toString(), "--type", "box", "--metric", "contributors",
                "--by", "tag:Compute requirements", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        String svg = readString(out);
        // golden/tags/expected.json: 216 untagged and 86 tagged repositories with a contributor count.
        assertTrue(svg.contains("Untagged (n = 216)"), "the untagged group");
        assertTrue(svg.contains("Compute requirements (n = 86)"), "the tagged group");
        CliRun unknown = CliRun.of("chart", "--project", tagged.toString(), "--type", "box", "--by", "tag:Nope",
                "--out", folder.resolve("nope.svg").toString());
        assertEquals(ExitCodes.INVALID_INPUT, unknown.exitCode(), unknown.toString());
    }

    @Test
    void effectsWithinCreationYearsAreAForestPlotOfOneMetricByYear() {
        Path out = folder.resolve("by-year.svg");
        CliRun run = chart("--type", "effects", "--stratify", "created_year", "--metric", "commits", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        String svg = readString(out);
        assertTrue(svg.contains("Commits by creation year: GitHub vs Hugging Face"), "the title");
        // small.csv's Hugging Face repositories were created 2021–2025, GitHub's from 2008: only years with both.
        for (String year : new String[] {"2021", "2022", "2023", "2024", "2025"}) {
            assertTrue(svg.contains(">" + year + "<"), year + " is a row");
        }
        assertFalse(svg.contains(">2008<"), "a year without Hugging Face repositories has no δ");
        assertTrue(svg.contains("drawn: 2008–2020"), "and the chart says so (\"Not drawn: …\", maybe wrapped)");
        assertTrue(svg.contains("positive: GitHub higher"), "the axis states the direction");
        assertTrue(svg.contains("van Elteren Z = "), "the test across years");
        CliRun share = chart("--type", "effects", "--stratify", "created_year", "--metric", "has_pull_requests",
                "--out", folder.resolve("shares-by-year.svg").toString());
        assertEquals(ExitCodes.OK, share.exitCode(), share.toString());
        assertTrue(readString(folder.resolve("shares-by-year.svg")).contains("CMH χ² = "), "CMH for shares");
        CliRun box = chart("--type", "box", "--stratify", "created_year", "--out", folder.resolve("y.svg").toString());
        assertEquals(ExitCodes.INVALID_INPUT, box.exitCode(), box.toString());
        assertTrue(box.err().contains("use --type effects"), box.err());
    }

    @Test
    void badInputIsExplained() {
        CliRun metric = chart("--type", "box", "--metric", "stars", "--out", folder.resolve("x.png").toString());
        assertEquals(ExitCodes.INVALID_INPUT, metric.exitCode());
        assertTrue(metric.err().contains("unknown metric"), metric.err());
        CliRun type = chart("--type", "pie", "--out", folder.resolve("x.png").toString());
        assertEquals(ExitCodes.INVALID_INPUT, type.exitCode());
        assertTrue(type.err().contains("box, ecdf, histogram"), type.err());
        CliRun share = chart("--type", "share", "--metric", "commits", "--out", folder.resolve("x.png").toString());
        assertEquals(ExitCodes.INVALID_INPUT, share.exitCode());
        assertTrue(share.err().contains("has_pull_requests"), share.err());
        CliRun format = chart("--type", "box", "--out", folder.resolve("x.gif").toString());
        assertEquals(ExitCodes.INVALID_INPUT, format.exitCode());
        CliRun missing = chart("--type", "box");
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertFalse(Files.exists(folder.resolve("x.png")));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
