package org.divergence.cli.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.sampling.DrawOptions;
import org.divergence.core.sampling.DrawRecord;
import org.divergence.core.sampling.StratumDimension;
import org.divergence.core.sampling.StratumKey;
import org.divergence.exchange.sampling.DrawFiles;
import org.divergence.store.settings.AppDirectories;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.FakeGitHub;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collect github --ids-file} against the local fake of GitHub: the sample of a drawn list is collected, a
 * repository that is gone is a non-respondent with its reason, replaced by the stratum's reserve, and the report's
 * provenance names the draw.
 */
class CollectIdsFileTest {

    @TempDir
    Path folder;

    private final MockWebServer server = new MockWebServer();
    private final FakeGitHub github = FakeGitHub.standard();
    private String previousHome;
    private Path project;

    @BeforeEach
    void start() throws IOException {
        previousHome = System.getProperty(AppDirectories.HOME_PROPERTY);
        System.setProperty(AppDirectories.HOME_PROPERTY, folder.resolve("home").toString());
        server.setDispatcher(github);
        server.start();
        github.setBase(server.url("/"));
        project = folder.resolve("sample.divergence");
    }

    @AfterEach
    void stop() {
        server.close();
        if (previousHome == null) {
            System.clearProperty(AppDirectories.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirectories.HOME_PROPERTY, previousHome);
        }
    }

    private static RepositoryRef ref(String text) {
        return RepositoryRef.parse(text);
    }

    @Test
    void replacesANonRespondentFromTheReserveAndReportsItPerStratum() throws Exception {
        Path ids = folder.resolve("ids.txt");
        DrawRecord record = new DrawRecord("population.divergence", 40, List.of(),
                new DrawOptions(3, 7, List.of(StratumDimension.PLATFORM), RepositoryFilter.ALL, 2), Instant.EPOCH,
                List.of(new DrawRecord.Stratum(new StratumKey(List.of("github")), 30,
                                List.of(ref("github:octo/gone"), ref("github:octo/alpha")),
                                List.of(ref("github:octo/beta"), ref("github:octo/empty"))),
                        new DrawRecord.Stratum(new StratumKey(List.of("huggingface")), 10,
                                List.of(ref("huggingface:model:acme/gamma")), List.of())));
        DrawFiles.write(ids, record);

        CliRun run = CliRun.of("collect", "github", "--project", project.toString(), "--ids-file", ids.toString(),
                "--api-url", server.url("/").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("non-respondent github:octo/gone [github]: not found (it does not exist, or is"
                + " private)"), run.out());
        assertTrue(run.out().contains("; replaced by github:octo/beta"), run.out());
        assertTrue(run.out().contains("1 lines of the other platform were left"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.matches("github\\s+2\\s+2\\s+1\\s+1")), run.out());
        assertEquals(List.of("octo/alpha", "octo/beta"), TableDump.rows(project,
                "SELECT full_name FROM repository ORDER BY full_name"), "octo/empty stays in reserve");

        Path report = folder.resolve("report.md");
        CliRun reported = CliRun.of("report", "--project", project.toString(), "--out", report.toString());
        assertEquals(ExitCodes.OK, reported.exitCode(), reported.toString());
        String markdown = Files.readString(report);
        assertTrue(markdown.contains("- **Sample drawn:** ids.txt (SHA-256 "), markdown);
        assertTrue(markdown.contains("3 drawn of 40 in population.divergence"), markdown);
    }

    @Test
    void withoutARecordEveryLineOfThePlatformIsCollected() throws Exception {
        Path ids = folder.resolve("plain.txt");
        Files.writeString(ids, "# hand-made\ngithub:octo/alpha\n\nhuggingface:model:acme/gamma\ngithub:octo/beta\n");
        CliRun run = CliRun.of("collect", "github", "--project", project.toString(), "--ids-file", ids.toString(),
                "--api-url", server.url("/").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("crawl 1: 2 of 2 repositories stored"), run.out());
    }

    @Test
    void refusesAnUntypedHuggingFaceLineNamingTheLine() throws Exception {
        Path ids = folder.resolve("bad.txt");
        Files.writeString(ids, "github:octo/alpha\nhuggingface:acme/gamma\n");
        CliRun run = CliRun.of("collect", "huggingface", "--project", project.toString(), "--ids-file",
                ids.toString(), "--endpoint", server.url("/").toString());
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bad.txt:2: 'huggingface:acme/gamma' has no type"), run.err());
    }
}
