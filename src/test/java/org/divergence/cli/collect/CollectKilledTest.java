package org.divergence.cli.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.divergence.cli.common.ExitCodes;
import org.divergence.store.project.Project;
import org.divergence.store.settings.AppDirectories;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.FakeGitHub;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, by really killing the process: {@code collect github} runs in a child JVM and is killed with SIGKILL
 * when the fake API receives a randomly chosen request. The reopened project passes {@code integrity_check}, holds
 * exactly the repositories the crawl marked done (each exactly as an uninterrupted crawl stores it, none half), and
 * {@code collect resume} ends with the same rows as a crawl that was never interrupted.
 */
class CollectKilledTest {

    private static final int SEEDS = 3;

    @TempDir
    Path folder;

    private final FakeGitHub github = new FakeGitHub(2,
            new FakeGitHub.Repo("kill/r0", "2020-01-01T00:00:00Z", 10, 1, List.of(5L, 4L, 3L), 3, 2, 4),
            new FakeGitHub.Repo("kill/r1", "2020-02-01T00:00:00Z", 20, 2, List.of(1L), 0, 0, 1),
            new FakeGitHub.Repo("kill/r2", "2020-03-01T00:00:00Z", 30, 3, List.of(9L, 9L), 5, 5, 0),
            new FakeGitHub.Repo("kill/r3", "2020-04-01T00:00:00Z", 40, 4, List.of(), 0, 0, 0),
            new FakeGitHub.Repo("kill/r4", "2020-05-01T00:00:00Z", 50, 5, List.of(2L, 2L, 2L, 2L), 4, 1, 3));
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger killAt = new AtomicInteger(-1);
    private final AtomicReference<Process> child = new AtomicReference<>();
    private String previousHome;

    @BeforeEach
    void start() throws IOException {
        previousHome = System.getProperty(AppDirectories.HOME_PROPERTY);
        System.setProperty(AppDirectories.HOME_PROPERTY, folder.resolve("home").toString());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (requests.incrementAndGet() == killAt.get() && child.get() != null) {
                    child.get().destroyForcibly();
                    child.get().waitFor(20, TimeUnit.SECONDS);
                }
                return github.dispatch(request);
            }
        });
        server.start();
        github.setBase(server.url("/"));
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

    private String[] collect(Path project) {
        List<String> args = new ArrayList<>(List.of("collect", "github", "--project", project.toString()));
        for (int i = 0; i < 5; i++) {
            args.addAll(List.of("--repo", "kill/r" + i));
        }
        args.addAll(List.of("--api-url", server.url("/").toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void aCrawlKilledAtRandomRequestsLosesNothingAndResumesToTheSameRows() throws Exception {
        Path reference = folder.resolve("reference.divergence");
        requests.set(0);
        CliRun uninterrupted = CliRun.of(collect(reference));
        assertEquals(ExitCodes.OK, uninterrupted.exitCode(), uninterrupted.toString());
        int total = requests.get();
        List<String> expected = TableDump.repositories(reference);
        assertEquals(5, expected.size());

        for (int seed = 1; seed <= SEEDS; seed++) {
            Path project = folder.resolve("killed-" + seed + ".divergence");
            int point = new Random(seed).nextInt(1, total);
            requests.set(0);
            killAt.set(point);
            List<String> command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED",
                    "-Ddivergence.home=" + folder.resolve("home-" + seed), "-cp",
                    System.getProperty("java.class.path"), "org.divergence.cli.Cli"));
            command.addAll(List.of(collect(project)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("child-" + seed + ".log").toFile()).start();
            child.set(process);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child ends (killed at request " + point + ")");
            child.set(null);
            assertEquals(137, process.exitValue(), "killed with SIGKILL at request " + point + " of " + total);

            assertEquals(List.of("ok"), TableDump.rows(project, "PRAGMA integrity_check"));
            List<String> stored = TableDump.repositories(project);
            List<String> done = TableDump.rows(project, "SELECT stored_name FROM crawl_item WHERE state = 'done'"
                    + " ORDER BY stored_name");
            assertEquals(done.size(), stored.size(), "exactly the repositories marked done are stored");
            assertTrue(expected.containsAll(stored), "each stored row is complete: " + stored);
            assertEquals(List.of(String.valueOf(done.size())), TableDump.rows(project,
                    "SELECT rows_read FROM import_batch"), "the batch counts what is stored");
            try (Project reopened = Project.open(project)) {
                assertTrue(reopened.schemaVersion() >= 3, "the killed process left no lock behind");
            }
            System.out.println("seed " + seed + ": killed at request " + point + " of " + total + " with "
                    + done.size() + " of 5 repositories stored");
            CliRun resumed = CliRun.of("collect", "resume", "--project", project.toString());
            assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
            assertEquals(expected, TableDump.repositories(project), "seed " + seed + ", killed at request " + point);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
