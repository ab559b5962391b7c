package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.cli.common.ExitCodes;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metric add|list|remove}, and custom metrics in compare, chart and report. */
class MetricCommandTest {

    @TempDir
    Path folder;
    private Path project;

    @BeforeEach
    void setUp() throws Exception {
        project = folder.resolve("p.divergence");
        Path csv = folder.resolve("repos.csv");
        Files.writeString(csv, "platform,repo_type,full_name,created_at,contributors,commits,pull_requests,"
                + "merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives,license\n"
                + "github,code,pallets/flask,2010-04-06T00:00:00Z,800,5000,2000,1500,2500,,65000,16000,,,,bsd\n"
                + "github,code,tiny/tool,2024-04-06T00:00:00Z,1,3,0,0,0,,1,0,,,,\n"
                + "github,code,mid/lib,2021-04-06T00:00:00Z,4,300,20,15,10,,50,5,,,,mit\n"
                + "huggingface,model,meta/llama,2024-04-18T00:00:00Z,5,40,12,3,,80,,,900000,5000,1200,llama2\n"
                + "huggingface,model,google/bert,2019-01-01T00:00:00Z,3,20,2,1,,10,,,500000,900,3000,apache-2.0\n"
                + "huggingface,dataset,some/data,2023-01-01T00:00:00Z,1,4,0,0,,0,,,10,2,0,\n");
        assertEquals(0, CliRun.of("import", "--project", project.toString(), csv.toString()).exitCode());
    }

    private CliRun metric(String command, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "metric";
        all[1] = command;
        all[2] = "--project";
        all[3] = project.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRun.of(all);
    }

    @Test
    void addListAndRemove() throws Exception {
        CliRun added = metric("add", "--name", "endorsement_rate", "--expr", "coalesce(stars, likes) / commits");
        assertEquals(ExitCodes.OK, added.exitCode(), added.toString());
        assertEquals("added numeric metric endorsement_rate (custom): coalesce(stars, likes) / commits\n", added.out());
        CliRun share = metric("add", "--name", "licensed", "--share", "--dimension", "collaboration_openness",
                "--expr", "extra.license is not null and extra.license <> 'llama2'");
        assertEquals(ExitCodes.OK, share.exitCode(), share.toString());
        assertTrue(share.out().contains("extra.license IS NOT NULL AND extra.license != 'llama2'"), share.out());

        CliRun list = metric("list");
        assertEquals("endorsement_rate  (numeric, custom)  coalesce(stars, likes) / commits\n"
                + "licensed  (share, collaboration_openness)  extra.license IS NOT NULL AND extra.license != "
                + "'llama2'\n", list.out());
        JsonNode json = new ObjectMapper().readTree(metric("list", "--json").out()).get("metrics");
        assertEquals(2, json.size());
        assertEquals("share", json.get(1).get("kind").asText());
        assertEquals("collaboration_openness", json.get(1).get("dimension").asText());

        CliRun removed = metric("remove", "--name", "Licensed");
        assertEquals(ExitCodes.OK, removed.exitCode(), removed.toString());
        assertEquals(1, new ObjectMapper().readTree(metric("list", "--json").out()).get("metrics").size());
        CliRun again = metric("remove", "--name", "licensed");
        assertEquals(ExitCodes.INVALID_INPUT, again.exitCode());
        assertTrue(again.err().contains("no custom metric named 'licensed'; it has endorsement_rate"), again.err());
    }

    @Test
    void badDefinitionsAreInvalidInputWithThePositionAndNothingIsSaved() {
        metric("add", "--name", "rate", "--expr", "stars / commits");
        String before = TableDump.of(project, "custom_metric");
        CliRun malformed = metric("add", "--name", "broken", "--expr", "stars / (commits + ");
        assertEquals(ExitCodes.INVALID_INPUT, malformed.exitCode());
        assertTrue(malformed.err().contains("--expr: at character 20: expected a number, a field, coalesce(…) or "
                + "'(' after '+'"), malformed.err());
        CliRun builtIn = metric("add", "--name", "Commits", "--expr", "commits * 2");
        assertEquals(ExitCodes.INVALID_INPUT, builtIn.exitCode());
        assertTrue(builtIn.err().contains("metric name 'Commits' is a built-in metric's"), builtIn.err());
        CliRun taken = metric("add", "--name", "RATE", "--expr", "forks");
        assertEquals(ExitCodes.INVALID_INPUT, taken.exitCode());
        assertTrue(taken.err().contains("already has a custom metric named 'rate' (names are compared ignoring case)"), taken.err());
        CliRun notACondition = metric("add", "--name", "share_of_stars", "--share", "--expr", "stars");
        assertEquals(ExitCodes.INVALID_INPUT, notACondition.exitCode());
        assertTrue(notACondition.err().contains("a share needs a condition"), notACondition.err());
        assertEquals(before, TableDump.of(project, "custom_metric"));
    }

    @Test
    void customMetricsJoinCompareChartAndReport() throws Exception {
        metric("add", "--name", "team_commits", "--expr", "commits / contributors", "--dimension", "Team work");
        metric("add", "--name", "big", "--share", "--expr", "contributors >= 4");
        JsonNode compared = new ObjectMapper().readTree(CliRun.of("compare", "--project", project.toString(),
                "--json", "--resamples", "50", "--stratify", "created_year").out());
        assertEquals(14, compared.get("family_size").asInt());
        JsonNode last = compared.get("metrics").get(13);
        assertEquals("team_commits", last.get("metric").asText());
        assertEquals("Team work", last.get("dimension").asText());
        assertEquals("commits / contributors", last.get("expression").asText());
        assertEquals(3, last.get("a").get("n").asInt());
        JsonNode big = compared.get("metrics").get(12);
        assertEquals("big", big.get("metric").asText());
        assertEquals(2, big.get("a").get("count").asInt());
        assertEquals("team_commits", compared.get("stratified").get(13).get("metric").asText());

        Path chart = folder.resolve("team.svg");
        CliRun drawn = CliRun.of("chart", "--project", project.toString(), "--metric", "team_commits", "--type",
                "box", "--out", chart.toString());
        assertEquals(ExitCodes.OK, drawn.exitCode(), drawn.toString());
        assertTrue(Files.readString(chart).contains("team_commits"));
        CliRun unknown = CliRun.of("chart", "--project", project.toString(), "--metric", "teamwork", "--type",
                "box", "--out", chart.toString());
        assertEquals(ExitCodes.INVALID_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("endorsements, big, team_commits"), unknown.err());

        Path report = folder.resolve("report.md");
        CliRun written = CliRun.of("report", "--project", project.toString(), "--out", report.toString(),
                "--resamples", "50");
        assertEquals(ExitCodes.OK, written.exitCode(), written.toString());
        String text = Files.readString(report);
        assertTrue(text.contains("| Team work | team_commits | 3 | 3 |"), text);
        assertTrue(text.contains("  - `team_commits (numeric, Team work): commits / contributors`"), text);
        assertTrue(text.contains("  - `big (share, custom): contributors >= 4`"), text);
    }
}
