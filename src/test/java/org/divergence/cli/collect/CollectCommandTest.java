package org.divergence.cli.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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
import org.divergence.testsupport.FakeHuggingFace;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collect} on the command line, in-process, against local fakes of both APIs; with {@code --ids-file}, a drawn
 * list whose non-respondents are replaced from the reserve and whose draw the report names.
 */
class CollectCommandTest {

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
        project = folder.resolve("p.divergence");
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

    private String api() {
        return server.url("/").toString();
    }

    @Test
    void collectsNamedGitHubRepositoriesAndSaysWhatItDid() {
        CliRun run = CliRun.of("collect", "github", "--project", project.toString(), "--repo", "octo/alpha",
                "--repo", "https://github.com/octo/beta", "--api-url", api());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("crawl 1: 2 of 2 repositories stored (batch 1); this run stored 2 with 19"
                + " requests"), run.out());
        assertTrue(run.err().contains("without a token: GitHub allows 60 requests an hour"), run.err());
        assertEquals(List.of("octo/alpha|5|87|7|4|5|120|7", "octo/beta|1|3|1|0|2|9|1"), TableDump.rows(project,
                "SELECT full_name, contributors, commits, pull_requests, merged_pull_requests, issues, stars, forks"
                        + " FROM repository ORDER BY full_name"));
        CliRun status = CliRun.of("collect", "status", "--project", project.toString());
        assertEquals("crawl 1  GitHub: 2 repositories (octo/alpha, …)  [finished]  2 of 2 stored, 0 failed,"
                + " 0 pending, 19 requests", status.out().strip());
    }

    @Test
    void anUnreachableApiExitsFourWithAClearMessage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.of("collect", "github", "--project", project.toString(), "--repo", "octo/alpha",
                "--api-url", "http://127.0.0.1:" + closedPort, "--retries", "0");
        assertEquals(ExitCodes.NETWORK, run.exitCode(), run.toString());
        assertEquals("divergence-workbench: cannot reach GitHub at http://127.0.0.1:" + closedPort + ": the connection"
                + " was refused or could not be made (GET http://127.0.0.1:" + closedPort + "/repos/octo/alpha, tried"
                + " once)\n0 of 1 repositories are stored; continue with: divergence-workbench collect resume"
                + " --project " + project + " --crawl 1", run.err().lines().filter(line -> !line.startsWith(
                        "Collecting")).reduce((a, b) -> a + "\n" + b).orElseThrow());
    }

    @Test
    void aCrawlStoppedByAMalformedAnswerResumesToTheSameRows() {
        github.failOnce("/repos/octo/beta/pulls", new MockResponse.Builder().body("{not json").build());
        CliRun first = CliRun.of("collect", "github", "--project", project.toString(), "--repo", "octo/alpha",
                "--repo", "octo/beta", "--repo", "octo/empty", "--api-url", api());
        assertEquals(ExitCodes.NETWORK, first.exitCode(), first.toString());
        assertTrue(first.err().contains("the answer is not valid JSON"), first.err());
        assertTrue(first.err().contains("1 of 3 repositories are stored; continue with: divergence-workbench collect"
                + " resume --project " + project + " --crawl 1"), first.err());
        CliRun status = CliRun.of("collect", "status", "--project", project.toString(), "--crawl", "1");
        assertTrue(status.out().contains("[running]  1 of 3 stored, 0 failed, 2 pending"), status.out());
        assertTrue(status.out().contains("stopped: GET " + api() + "repos/octo/beta/pulls"), status.out());

        CliRun resumed = CliRun.of("collect", "resume", "--project", project.toString());
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().startsWith("crawl 1: 3 of 3 repositories stored (batch 1); this run stored 2"),
                resumed.out());
        CliRun again = CliRun.of("collect", "resume", "--project", project.toString(), "--crawl", "1");
        assertEquals("crawl 1 has finished: 3 of 3 repositories stored", again.out().strip());

        Path reference = folder.resolve("reference.divergence");
        assertEquals(ExitCodes.OK, CliRun.of("collect", "github", "--project", reference.toString(), "--repo",
                "octo/alpha", "--repo", "octo/beta", "--repo", "octo/empty", "--api-url", api()).exitCode());
        assertEquals(TableDump.repositories(reference), TableDump.repositories(project));
    }

    @Test
    void collectsAHuggingFaceListing() throws Exception {
        try (MockWebServer hubServer = new MockWebServer()) {
            hubServer.setDispatcher(FakeHuggingFace.standard());
            hubServer.start();
            CliRun run = CliRun.of("collect", "huggingface", "--project", project.toString(), "--type", "model",
                    "--sort", "likes", "--limit", "2", "--endpoint", hubServer.url("/").toString());
            assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
            assertEquals(List.of("bert-old|null|500|12", "acme/llama-mini|2023-05-04T10:11:12Z|40|3"),
                    TableDump.rows(project, "SELECT full_name, created_at, likes, derivatives FROM repository ORDER BY"
                            + " likes DESC"));
        }
    }

    @Test
    void usageAndInputErrorsChangeNothing() {
        CliRun both = CliRun.of("collect", "github", "--project", project.toString(), "--repo", "o/r", "--search",
                "x", "--limit", "3");
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.toString());
        CliRun noLimit = CliRun.of("collect", "github", "--project", project.toString(), "--search", "x");
        assertEquals(ExitCodes.USAGE, noLimit.exitCode(), noLimit.toString());
        assertTrue(noLimit.err().contains("--search needs --limit N"), noLimit.err());
        CliRun badName = CliRun.of("collect", "github", "--project", project.toString(), "--repo", "not a repo");
        assertEquals(ExitCodes.INVALID_INPUT, badName.exitCode(), badName.toString());
        assertTrue(badName.err().contains("\"not a repo\" is not a GitHub repository; write OWNER/NAME"),
                badName.err());
        CliRun plainHttp = CliRun.of("collect", "github", "--project", project.toString(), "--repo", "o/r",
                "--api-url", "http://api.example.com");
        assertEquals(ExitCodes.INVALID_INPUT, plainHttp.exitCode(), plainHttp.toString());
        assertTrue(plainHttp.err().contains("plain http:// would send the token and the data unencrypted"),
                plainHttp.err());
        CliRun badType = CliRun.of("collect", "huggingface", "--project", project.toString(), "--type", "code",
                "--repo-id", "a/b");
        assertEquals(ExitCodes.USAGE, badType.exitCode(), badType.toString());
        assertFalse(Files.exists(project), "no project is created for a command that cannot run");
        assertEquals(0, server.getRequestCount());
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
        // The summary counts the whole collect: alpha in the first run, beta in the replacements' run.
        assertTrue(run.out().contains("could not be collected; this run stored 2 with "), run.out());
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

    @Test
    void aRenamedRepositoryIsANonRespondentReplacedFromTheReserveWithWorkersInParallel() throws Exception {
        // GitHub answers a renamed repository's old name with a redirect to its new one.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getTarget().startsWith("/repos/octo/old-alpha")) {
                    return new MockResponse.Builder().code(301).setHeader("Location", server.url("/repos/octo/alpha"))
                            .build();
                }
                return github.dispatch(request);
            }
        });
        Path ids = folder.resolve("ids.txt");
        DrawRecord record = new DrawRecord("population.divergence", 40, List.of(),
                new DrawOptions(2, 7, List.of(), RepositoryFilter.ALL, 1), Instant.EPOCH,
                List.of(new DrawRecord.Stratum(new StratumKey(List.of()), 40,
                        List.of(ref("github:octo/old-alpha"), ref("github:octo/beta")),
                        List.of(ref("github:octo/empty")))));
        DrawFiles.write(ids, record);

        CliRun run = CliRun.of("collect", "github", "--project", project.toString(), "--ids-file", ids.toString(),
                "--api-url", api(), "--concurrency", "2");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("non-respondent github:octo/old-alpha [all]: renamed to github:octo/alpha;"
                + " replaced by github:octo/empty"), run.out());
        assertEquals(List.of("octo/beta", "octo/empty"), TableDump.rows(project,
                "SELECT full_name FROM repository ORDER BY full_name"), "the renamed repository is not stored");
        assertFalse(github.received().stream().anyMatch(request -> request.getTarget().contains("alpha/")),
                "a renamed repository's lists are not read");
    }

    @Test
    void refusesAConcurrencyOutsideItsRange() {
        CliRun run = CliRun.of("collect", "github", "--project", project.toString(), "--repo", "octo/alpha",
                "--api-url", api(), "--concurrency", "0");
        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--concurrency must be between 1 and 32, not 0"), run.err());
    }
}
