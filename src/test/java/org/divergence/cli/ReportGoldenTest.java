package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.AppInfo;
import org.divergence.core.common.Progress;
import org.divergence.samples.SampleProject;
import org.divergence.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A snapshot (regression) test, not a proof of correctness: the report on the sample project (built fresh, as on a
 * first start) with default options, byte for byte against the committed files, which are the app's own earlier
 * output. It catches unintended changes; the numbers in it are checked against SciPy elsewhere (CompareGoldenTest). The sample project is deterministic (fixed GUIDs and times; see SampleProject), so its
 * content checksum is too; only the app version is replaced by a placeholder, so a version bump does not break it.
 * After an intended change to the report or the sample, regenerate with
 * {@code mvn test -Dtest=ReportGoldenTest -Ddivergence.updateGolden=true} and review the diff.
 * The JFreeChart box plots' SVG bodies are left out: their text positions come from the machine's font metrics,
 * so they differ between machines (ReportCommandTest checks they are there and the same from run to run).
 */
class ReportGoldenTest {

    private static final String FOLDER = "/org/divergence/cli/report-golden/";

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"sample-report.html", "sample-report.md", "sample-report.tex"})
    void theSampleProjectsReportMatchesItsGoldenFile(String name) throws IOException {
        Path sample = SampleProject.ensure(folder.resolve("data"), Progress.NONE);
        Path out = folder.resolve(name);
        CliRun run = CliRun.of("report", "--project", sample.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        String actual = withoutFontMetrics(Files.readString(out, StandardCharsets.UTF_8)
                .replace(AppInfo.version(), "VERSION"));
        if (Boolean.getBoolean("divergence.updateGolden")) {
            Path golden = Path.of("src/test/resources" + FOLDER + name);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = golden(name);
        if (!expected.equals(actual)) {
            Path failed = Path.of("target", "report-golden-actual-" + name);
            Files.createDirectories(failed.getParent());
            Files.writeString(failed, actual, StandardCharsets.UTF_8);
            assertEquals(expected, actual, "the report differs from the golden file; the actual report is in "
                    + failed.toAbsolutePath());
        }
    }

    /** Replaces each box plot's SVG (inline, or base64 in Markdown) by a marker naming the chart. */
    static String withoutFontMetrics(String report) {
        return report.replaceAll("(?s)<svg id='(chart-box-[^']+)'.*?</svg>", "<svg id='$1'><!-- JFreeChart --></svg>")
                .replaceAll("(: distribution by group\\]\\(data:image/svg\\+xml;base64,)[A-Za-z0-9+/=]+\\)",
                        "$1JFREECHART)");
    }

    @Test
    void goldenFilesAreNotEmptyPlaceholders() throws IOException {
        for (String name : new String[] {"sample-report.html", "sample-report.md", "sample-report.tex"}) {
            String golden = golden(name);
            assertTrue(golden.length() > 10_000, name + " is a real report");
            assertTrue(golden.contains("Sample project"), name);
        }
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ReportGoldenTest.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("Missing golden file " + FOLDER + name + "; create it with "
                        + "-Ddivergence.updateGolden=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
