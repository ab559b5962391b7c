package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.common.Progress;
import org.divergence.core.report.ReportModel;
import org.divergence.samples.SampleProject;
import org.divergence.store.project.Project;
import org.divergence.testsupport.CliRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report command on the sample project: the numbers of compare --json, every section, no outside resources. */
class ReportCommandTest {

    /** Fewer bootstrap resamples than the default keep the suite fast; both commands get the same settings. */
    private static final List<String> SETTINGS = List.of("--resamples", "300", "--seed", "11");

    @TempDir
    static Path folder;

    private static Path sample;

    @BeforeAll
    static void createSample() {
        sample = SampleProject.ensure(folder.resolve("data"), Progress.NONE);
    }

    private static CliRun report(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("report", "--project", sample.toString(), "--out", out.toString()));
        all.addAll(SETTINGS);
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        return run;
    }

    private static JsonNode compareJson(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("compare", "--project", sample.toString(), "--json"));
        all.addAll(SETTINGS);
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        return new ObjectMapper().readTree(run.out());
    }

    private static Document html(Path file) throws Exception {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    @Test
    void theNumbersInTheReportAreThoseOfCompareJson() throws Exception {
        assertSameNumbers(new String[0]);
        assertSameNumbers(new String[] {"--by", "repo_type", "--created-from", "2020-01-01"});
        assertSameNumbers(new String[] {"--where", "repo_type=code,model"});
    }

    private void assertSameNumbers(String[] options) throws Exception {
        Path out = folder.resolve("numbers-" + String.join("", options).replaceAll("[^a-z0-9]", "") + ".html");
        report(out, options);
        JsonNode json = compareJson(options);
        Document document = html(out);
        List<JsonNode> pairs = new ArrayList<>();
        if (json.has("comparisons")) {
            json.get("comparisons").forEach(pairs::add);
        } else {
            pairs.add(json);
        }
        assertEquals(pairs.size(), document.select("table.comparison").size());
        int checked = 0;
        for (JsonNode pair : pairs) {
            String id = "comparison-" + pair.get("groups").get(0).asText() + "-" + pair.get("groups").get(1).asText();
            Element table = document.getElementById(id);
            assertNotNull(table, id);
            for (JsonNode metric : pair.get("metrics")) {
                Element row = table.selectFirst("tr[data-metric=" + metric.get("metric").asText() + "]");
                assertNotNull(row, metric.get("metric").asText());
                List<Element> cells = row.select("td");
                boolean share = metric.get("kind").asText().equals("share");
                String centre = share ? "share" : "median";
                checked += same(cells.get(0), metric.get("a").get("n"));
                checked += same(cells.get(1), metric.get("b").get("n"));
                checked += same(cells.get(2), metric.get("a").get(centre));
                checked += same(cells.get(3), metric.get("b").get(centre));
                if (!share) {
                    checked += same(cells.get(4), metric.get("a").get("mean"));
                    checked += same(cells.get(5), metric.get("b").get("mean"));
                }
                // Tables show effect sizes positive when group a is higher: δ as in the JSON, h negated.
                JsonNode effect = metric.get(share ? "cohens_h" : "cliffs_delta");
                checked += same(cells.get(6), share && !effect.isNull() ? DoubleNode.valueOf(-effect.asDouble())
                        : effect);
                checked += same(cells.get(8), metric.get("p_value"));
                checked += same(cells.get(9), metric.get("p_holm"));
                checked += same(cells.get(10), metric.get("p_bh"));
                assertEquals(metric.get("magnitude").isNull() ? "—" : metric.get("magnitude").asText(),
                        cells.get(7).text());
            }
        }
        assertTrue(checked >= 12 * 6, "figures compared: " + checked);
        assertTrue(document.getElementById("comparison").text().contains(json.get("rows_read").asText()
                .replaceAll("(\\d)(?=(\\d{3})+$)", "$1,") + " repositories read"));
    }

    /** The cell's full-precision value is the JSON's, exactly (null in JSON = empty). */
    private static int same(Element cell, JsonNode expected) {
        String value = cell.attr("data-value");
        if (expected.isNull()) {
            assertEquals("", value, cell.toString());
        } else {
            assertEquals(expected.asDouble(), Double.parseDouble(value), 0.0, cell.toString());
        }
        return 1;
    }

    @Test
    void withinCreationYearsTheReportAddsTheTestsAcrossYearsAndAForestPlotPerDimension() throws Exception {
        Path out = folder.resolve("years.html");
        report(out, "--stratify", "created_year");
        Document document = html(out);
        JsonNode json = compareJson("--stratify", "created_year");
        Element tests = document.getElementById("stratified-github-huggingface");
        assertNotNull(tests, "the tests across years");
        for (JsonNode test : json.get("stratified")) {
            String metric = test.get("metric").asText();
            Element row = tests.select("tr").stream().filter(tr -> tr.selectFirst("th") != null
                    && tr.selectFirst("th").text().equals(org.divergence.core.metrics.BuiltInMetric.ofKey(metric).label()))
                    .findFirst().orElseThrow();
            assertTrue(row.text().contains(test.get("p_value").isNull() ? "—"
                    : org.divergence.core.metrics.PaperFormat.pValue(test.get("p_value").asDouble())), row.text());
        }
        assertNotNull(document.getElementById("chart-collaboration-intensity-by-year"), "a forest plot by year");
        assertTrue(document.getElementById("provenance").text().contains("--stratify created_year"),
                "the command that makes it again");
    }

    @Test
    void theHtmlParsesHasEverySectionAndFetchesNothing() throws Exception {
        Path out = folder.resolve("sections.html");
        CliRun run = report(out);
        assertTrue(run.out().contains("project content SHA-256 "), run.out());
        Document document = html(out);
        for (ReportModel.Section section : ReportModel.SECTIONS) {
            Element element = document.getElementById(section.id());
            assertNotNull(element, section.id());
            assertEquals("section", element.tagName());
            assertEquals(section.title(), element.selectFirst("h2").text());
            assertNotNull(document.selectFirst("nav a[href=#" + section.id() + "]"), "listed in the contents");
        }
        assertEquals(13, document.select("section#charts svg").size(), "an effect chart per dimension and a box "
                + "plot per numeric metric");
        assertEquals(5, document.select("section#charts svg[id~=^chart-(collaboration|knowledge|user|popularity)]")
                .size(), "the effect-size charts");
        assertEquals(8, document.select("section#charts svg[id^=chart-box-]").size(), "the box plots");
        assertEquals(4, document.select("#sample-counts tbody tr").size());
        assertTrue(document.getElementById("batches").text().contains("repositories-sample.csv"));
        assertEquals(9, document.select("#codebook-table tbody tr").size(), "the starter codebook");
        assertEquals(null, document.selectFirst("#agreement p.note"), "the sample has two coders");
        assertEquals(18, document.select("#joint-display-table tbody tr").size(), "5 dimensions, 12 metrics, 1 factor");
        assertTrue(document.select("#joint-display-table blockquote").size() >= 10, "the sample's quotes");
        assertTrue(document.selectFirst("tr[data-finding=dimension:collaboration_openness] td.interpretation").text()
                .startsWith("Illustrative (sample data)."));
        assertEquals(64, document.getElementById("content-sha256").text().length());

        assertTrue(document.select("script, link, iframe, img, object, embed").isEmpty(), "nothing to load");
        for (Element element : document.getAllElements()) {
            for (String attribute : List.of("src", "href", "xlink:href", "action")) {
                String value = element.attr(attribute);
                assertTrue(value.isEmpty() || value.startsWith("#"), element.tagName() + " " + attribute + "="
                        + value);
            }
        }
        String css = document.select("style").html();
        assertFalse(css.contains("url(") || css.contains("@import") || css.contains("@font-face"), css);
        // Ids are unique, so the charts' title/desc references resolve.
        List<String> ids = document.select("[id]").eachAttr("id");
        assertEquals(ids.size(), ids.stream().distinct().count(), "unique ids");
    }

    @Test
    void theAgreementAndFactorSectionsAreThoseOfTheAgreementAndCompareCommands() throws Exception {
        Path out = folder.resolve("agreement.html");
        report(out);
        Document document = html(out);
        String intro = document.selectFirst("#agreement p").text();
        CliRun agreement = CliRun.of("agreement", "--project", sample.toString(), "--coders",
                String.join(",", coderNames(intro)), "--json");
        assertEquals(ExitCodes.OK, agreement.exitCode(), agreement.toString());
        JsonNode json = new ObjectMapper().readTree(agreement.out());
        var rows = document.select("#agreement-table tbody tr");
        assertEquals(json.get("codes").size(), rows.size(), "a row per code either coder applied");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode code = json.get("codes").get(i);
            var cells = rows.get(i).select("td");
            assertEquals(code.get("code").asText(), rows.get(i).selectFirst("th").text());
            int column = 0;
            for (String count : List.of("units", "both", "a_only", "b_only", "neither")) {
                assertEquals(code.get(count).asLong(), Long.parseLong(cells.get(column++).text().replace(",", "")),
                        code.get("code").asText() + " " + count);
            }
        }
        String pooledKappa = document.select("#agreement-table tfoot td").get(1).text();
        assertEquals(json.get("overall").get("kappa").asDouble(), Double.parseDouble(pooledKappa), 0.005,
                "kappa to two decimals");

        var factors = document.select("#factors-table tbody tr");
        assertEquals(1, factors.size(), "the sample's one factor tag");
        assertTrue(factors.first().selectFirst("th").text().contains("Compute requirements"), factors.text());
    }

    /** The two coders the agreement section names: "A-name (A) and B-name (B), by character: …". */
    private static List<String> coderNames(String intro) {
        var matcher = java.util.regex.Pattern.compile("^(.+) \\(A\\) and (.+) \\(B\\), by ").matcher(intro);
        assertTrue(matcher.find(), intro);
        return List.of(matcher.group(1), matcher.group(2));
    }

    @Test
    void theSameProjectAndOptionsGiveTheSameBytesAndTheTimestampOnlyOnRequest() throws Exception {
        Path first = folder.resolve("first.html");
        Path second = folder.resolve("second.html");
        report(first, "--by", "repo_type");
        report(second, "--by", "repo_type");
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertFalse(Files.readString(first).contains("Generated"));

        Path stamped = folder.resolve("stamped.html");
        report(stamped, "--by", "repo_type", "--timestamp");
        Document document = html(stamped);
        assertTrue(document.select("dl.provenance dt").eachText().contains("Generated"));
        assertTrue(document.selectFirst("p.subtitle").text().contains("Generated 20"), document.selectFirst(
                "p.subtitle").text());
    }

    @Test
    void markdownAndLatexVariantsByFormatOrExtension() throws Exception {
        Path markdown = folder.resolve("report.md");
        CliRun run = report(markdown);
        assertTrue(run.out().contains("Markdown"), run.out());
        String md = Files.readString(markdown);
        assertTrue(md.startsWith("# Divergence report: Sample project\n"), md.substring(0, 80));
        for (ReportModel.Section section : ReportModel.SECTIONS) {
            assertTrue(md.contains("\n## " + section.title() + "\n"), section.title());
        }
        assertEquals(13, md.split("data:image/svg\\+xml;base64,", -1).length - 1, "13 embedded charts");

        Path latex = folder.resolve("tables.txt");
        report(latex, "--format", "latex");
        String tex = Files.readString(latex);
        assertTrue(tex.startsWith("% Divergence report: Sample project: tables for papers."), tex.substring(0, 80));
        assertTrue(tex.contains("\\begin{tabular}") && tex.contains("\\toprule") && tex.contains("\\bottomrule"));

        Path html = folder.resolve("report");
        report(html);
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"), "HTML when the name has no extension");
    }

    @Test
    void alsoWritesTheJointDisplayTable() throws Exception {
        Path out = folder.resolve("with-table.html");
        Path csv = folder.resolve("joint.csv");
        CliRun run = report(out, "--joint-display", csv.toString());
        assertTrue(run.out().contains("joint display"), run.out());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("kind,key,finding,quantitative_result,themes,quotes,interpretation\n"), text);
        assertTrue(text.contains("metric,pr_acceptance_rate,PR acceptance rate,"), text);
        assertTrue(text.contains("Any change to the weights goes through our safety review"), text);
    }

    @Test
    void badOptionsAreInvalidInputAndWriteNothing() {
        Path out = folder.resolve("never.html");
        for (String[] args : List.of(new String[] {"--format", "pdf"}, new String[] {"--where", "stars=5"},
                new String[] {"--by", "colour"}, new String[] {"--resamples", "0"},
                new String[] {"--joint-display", folder.resolve("t.xlsx").toString()})) {
            List<String> all = new ArrayList<>(List.of("report", "--project", sample.toString(), "--out",
                    out.toString()));
            all.addAll(List.of(args));
            CliRun run = CliRun.of(all.toArray(String[]::new));
            assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
            assertFalse(Files.exists(out), String.join(" ", args));
        }
        for (String name : List.of("r.csv", "r.pdf", "report.unknown")) {
            Path wrong = folder.resolve(name);
            CliRun run = CliRun.of("report", "--project", sample.toString(), "--out", wrong.toString());
            assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
            assertEquals("divergence-workbench: --out " + wrong + ": name a .html, .md or .tex file, or choose the "
                    + "format with --format", run.err().strip());
            assertFalse(Files.exists(wrong), name);
        }
        CliRun missing = CliRun.of("report", "--project", folder.resolve("nope.divergence").toString(), "--out",
                out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, missing.exitCode(), missing.toString());
    }

    @Test
    void aProjectWithoutRepositoriesStillGetsAReport() throws Exception {
        Path empty = folder.resolve("empty.divergence");
        try (Project ignored = Project.create(empty)) {
            // An empty project: no repositories, no codes.
        }
        Path out = folder.resolve("empty.html");
        CliRun run = CliRun.of("report", "--project", empty.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        Document document = html(out);
        assertEquals("No repositories to compare with these settings.",
                document.selectFirst("#comparison p.note").text());
        assertEquals("The project has no codes.", document.selectFirst("#codebook p.note").text());
        assertTrue(document.select("svg").isEmpty());
    }
}
