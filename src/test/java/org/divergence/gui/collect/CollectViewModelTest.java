package org.divergence.gui.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.store.project.Project;
import org.divergence.testsupport.FakeClock;
import org.divergence.testsupport.FakeGitHub;
import org.divergence.testsupport.TableDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Collect dialog's logic without a toolkit: real project, real HTTP against a local fake of GitHub. */
class CollectViewModelTest {

    @TempDir
    Path folder;

    private final MockWebServer server = new MockWebServer();
    private final FakeGitHub github = FakeGitHub.standard();
    private final FakeClock clock = new FakeClock();
    private Project project;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(github);
        server.start();
        github.setBase(server.url("/"));
        project = Project.create(folder.resolve("p.divergence"));
    }

    @AfterEach
    void stop() {
        project.close();
        server.close();
    }

    private CollectViewModel viewModel(Map<String, String> variables) {
        CollectEnvironment environment = new CollectEnvironment(folder.resolve("cache"), folder.resolve("config"),
                variables, clock, new Random(9));
        return new CollectViewModel(new SameThreadTaskExecutor(), project, environment);
    }

    private CollectViewModel githubAt(String... names) {
        CollectViewModel viewModel = viewModel(Map.of());
        viewModel.apiUrlProperty().set(server.url("/").toString());
        viewModel.repositoriesProperty().set(String.join("\n", names));
        return viewModel;
    }

    @Test
    void startsOnGitHubWithItsDefaultsAndSwitchesPlatformSensibly() {
        CollectViewModel viewModel = viewModel(Map.of("HF_ENDPOINT", "https://hf-mirror.example"));
        assertEquals(CrawlRequest.GITHUB_API, viewModel.apiUrlProperty().get());
        assertEquals(RepoType.CODE, viewModel.typeProperty().get());
        assertEquals("No token: GitHub allows 60 requests an hour without a token, 5,000 with one.",
                viewModel.tokenHintProperty().get());
        viewModel.sortProperty().set("stars");
        viewModel.platformProperty().set(Platform.HUGGINGFACE);
        assertEquals("https://hf-mirror.example", viewModel.apiUrlProperty().get(), "HF_ENDPOINT is the default");
        assertEquals(RepoType.MODEL, viewModel.typeProperty().get());
        assertNull(viewModel.sortProperty().get(), "GitHub's sort orders do not exist on Hugging Face");
        viewModel.apiUrlProperty().set("https://my-mirror.example");
        viewModel.platformProperty().set(Platform.GITHUB);
        assertEquals("https://my-mirror.example", viewModel.apiUrlProperty().get(), "a URL the user typed stays");
        assertEquals(CollectViewModel.Stage.EDITING, viewModel.stageProperty().get());
    }

    @Test
    void collectsAndShowsDoneTotalRequestsAndTheRateLimit() {
        CollectViewModel viewModel = githubAt("octo/alpha", "https://github.com/octo/beta");
        List<String> statuses = new ArrayList<>();
        viewModel.statusTextProperty().addListener((obs, old, text) -> statuses.add(text));
        viewModel.start();
        assertEquals(CollectViewModel.Stage.DONE, viewModel.stageProperty().get(), viewModel.outcomeProperty().get());
        assertEquals(List.of("0 of 2 repositories", "1 of 2 repositories", "2 of 2 repositories"), statuses);
        assertEquals("19 requests", viewModel.requestsTextProperty().get());
        assertEquals("Rate limit: 4,981 of 5,000 left, resets in 1:00:00", viewModel.rateLimitTextProperty().get());
        assertEquals(1.0, viewModel.progressProperty().get());
        assertEquals("Crawl 1: 2 of 2 repositories stored (batch 1); this run stored 2 with 19 requests.",
                viewModel.outcomeProperty().get());
        assertNull(viewModel.resumableProperty().get());
        assertEquals(List.of("octo/alpha|87", "octo/beta|3"),
                TableDump.rows(project.file(), "SELECT full_name, commits FROM repository ORDER BY full_name"));
    }

    @Test
    void invalidInputIsShownAndNothingIsAsked() {
        CollectViewModel viewModel = githubAt("octo/alpha", "not a repo");
        viewModel.start();
        assertEquals(CollectViewModel.Stage.EDITING, viewModel.stageProperty().get());
        assertEquals("\"not\" is not a GitHub repository; write OWNER/NAME, e.g. octocat/Hello-World",
                viewModel.problemProperty().get());
        viewModel.repositoriesProperty().set("octo/alpha");
        viewModel.apiUrlProperty().set("http://api.example.com");
        viewModel.start();
        assertTrue(viewModel.problemProperty().get().contains("plain http:// would send the token"));
        viewModel.modeProperty().set(CollectViewModel.Mode.LISTING);
        viewModel.apiUrlProperty().set(server.url("/").toString());
        viewModel.start();
        assertEquals("a GitHub search needs a query, e.g. \"stars:>1000 language:python\"",
                viewModel.problemProperty().get());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void showsTheWaitAsACountdown() {
        github.failOnce("/repos/octo/beta/pulls", new MockResponse.Builder().code(429).setHeader("retry-after", "90")
                .body("{\"message\":\"secondary rate limit\"}").build());
        CollectViewModel viewModel = githubAt("octo/beta");
        List<String> waits = new ArrayList<>();
        viewModel.waitTextProperty().addListener((obs, old, text) -> waits.add(text));
        viewModel.start();
        assertEquals(CollectViewModel.Stage.DONE, viewModel.stageProperty().get());
        assertEquals("Waiting 1:30: GitHub asked to retry after 90 s", waits.getFirst());
        assertTrue(waits.contains("Waiting 0:01: GitHub asked to retry after 90 s"), waits.toString());
        assertEquals("", viewModel.waitTextProperty().get());
    }

    @Test
    void aStoppedCrawlSaysWhatIsStoredAndResumes() {
        github.failOnce("/repos/octo/beta/issues", new MockResponse.Builder().body("[{").build());
        CollectViewModel viewModel = githubAt("octo/alpha", "octo/beta", "octo/empty");
        viewModel.start();
        assertEquals(CollectViewModel.Stage.STOPPED, viewModel.stageProperty().get());
        String outcome = viewModel.outcomeProperty().get();
        assertTrue(outcome.startsWith("GET " + server.url("/") + "repos/octo/beta/issues?per_page=100&state=all: the"
                + " answer is not valid JSON"), outcome);
        assertTrue(outcome.endsWith("1 of 3 repositories are stored. Everything collected so far is stored; resume the"
                + " crawl to collect the rest."), outcome);
        assertNotNull(viewModel.resumableProperty().get());
        assertEquals(1, viewModel.resumableProperty().get().done());

        viewModel.resumeCrawl();
        assertEquals(CollectViewModel.Stage.DONE, viewModel.stageProperty().get(), viewModel.outcomeProperty().get());
        assertTrue(viewModel.outcomeProperty().get().startsWith("Crawl 1: 3 of 3 repositories stored"));
        assertNull(viewModel.resumableProperty().get());
        assertEquals(3, TableDump.rows(project.file(), "SELECT full_name FROM repository").size());
    }

    @Test
    void anEnteredTokenIsUsedAndRememberedOutsideTheProject() throws Exception {
        CollectViewModel viewModel = githubAt("octo/beta");
        viewModel.tokenProperty().set("ghp_entered_secret");
        viewModel.rememberTokenProperty().set(true);
        assertTrue(viewModel.tokenHintProperty().get().startsWith("Uses the token entered here."));
        viewModel.start();
        assertEquals(CollectViewModel.Stage.DONE, viewModel.stageProperty().get());
        assertEquals("Bearer ghp_entered_secret", github.received().getFirst().getHeaders().get("Authorization"));
        assertTrue(viewModel.hasSavedTokenProperty().get());

        CollectViewModel later = githubAt("octo/alpha");
        assertTrue(later.tokenHintProperty().get().startsWith("Uses your saved token."),
                later.tokenHintProperty().get());
        later.forgetSavedToken();
        assertFalse(later.hasSavedTokenProperty().get());
        assertTrue(later.tokenHintProperty().get().startsWith("No token:"));

        byte[] projectBytes = Files.readAllBytes(project.file());
        assertFalse(new String(projectBytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("ghp_entered_secret"));
        CollectViewModel fromEnvironment = viewModel(Map.of("GITHUB_TOKEN", "ghp_env"));
        assertTrue(fromEnvironment.tokenHintProperty().get().startsWith("Uses the token from GITHUB_TOKEN."));
    }

    @Test
    void pauseAndResumeAreOnlyOfferedWhileRunning() {
        CollectViewModel viewModel = githubAt("octo/beta");
        viewModel.pause();
        assertEquals(CollectViewModel.Stage.EDITING, viewModel.stageProperty().get());
        assertTrue(viewModel.editableBinding().get());
        viewModel.cancel();
        assertEquals(CollectViewModel.Stage.EDITING, viewModel.stageProperty().get());
    }
}
