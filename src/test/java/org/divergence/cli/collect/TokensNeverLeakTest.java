package org.divergence.cli.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.divergence.cli.common.ExitCodes;
import org.divergence.exchange.collect.ApiPlatform;
import org.divergence.exchange.collect.ApiToken;
import org.divergence.exchange.collect.TokenStore;
import org.divergence.store.settings.AppDirectories;
import org.divergence.testsupport.CliRun;
import org.divergence.testsupport.FakeGitHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens go to the API in the Authorization header and nowhere else: not into the project file (or its WAL), the
 * HTTP cache, raw answers kept for audit, standard output and error, exception messages, or any log record at any
 * level. Only the token store (owner-only) holds a token the user chose to save.
 */
class TokensNeverLeakTest {

    /** Set by the pom for the test JVM (surefire environmentVariables). */
    static final String VARIABLE = "DIVERGENCE_TEST_TOKEN";

    @TempDir
    Path folder;

    private final MockWebServer server = new MockWebServer();
    private final FakeGitHub github = FakeGitHub.standard();
    private final StringBuilder logs = new StringBuilder();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logs) {
                logs.append(record.getLoggerName()).append(' ').append(record.getMessage()).append('\n');
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        logs.append(parameter).append('\n');
                    }
                }
                if (record.getThrown() != null) {
                    logs.append(record.getThrown()).append('\n');
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;
    private String previousHome;
    private Path home;

    @BeforeEach
    void start() throws IOException {
        previousHome = System.getProperty(AppDirectories.HOME_PROPERTY);
        home = folder.resolve("home");
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        capture.setLevel(Level.ALL);
        server.setDispatcher(github);
        server.start();
        github.setBase(server.url("/"));
    }

    @AfterEach
    void stop() {
        server.close();
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        if (previousHome == null) {
            System.clearProperty(AppDirectories.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirectories.HOME_PROPERTY, previousHome);
        }
    }

    @Test
    void aTokenFromTheEnvironmentIsSentButWrittenNowhere() throws Exception {
        String token = System.getenv(VARIABLE);
        assumeTrue(token != null && !token.isBlank(), "SKIPPED: " + VARIABLE + " is set by the pom for surefire; run "
                + "through Maven");
        github.acceptOnlyToken(token);
        Path project = folder.resolve("p.divergence");
        CliRun run = CliRun.of("collect", "github", "--project", project.toString(), "--repo", "octo/alpha",
                "--repo", "octo/missing", "--token-env", VARIABLE, "--keep-raw", folder.resolve("raw").toString(),
                "--api-url", server.url("/").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.err().contains("with the token from " + VARIABLE), run.err());
        List<RecordedRequest> received = github.received();
        assertFalse(received.isEmpty());
        for (RecordedRequest request : received) {
            assertEquals("Bearer " + token, request.getHeaders().get("Authorization"), request.getTarget());
        }
        // A failing run, for exception messages: the API refuses a wrong saved token.
        String wrong = "ghp_WrongSavedTokenAlsoSecret987";
        new TokenStore(home.resolve("config")).save(ApiPlatform.GITHUB, server.url("/").toString(),
                ApiToken.of(wrong, "test").orElseThrow());
        CliRun refused = CliRun.of("collect", "github", "--project", project.toString(), "--repo", "octo/beta",
                "--api-url", server.url("/").toString());
        assertEquals(ExitCodes.INVALID_INPUT, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("GitHub refused the token (401 Unauthorized)"), refused.err());
        assertTrue(refused.err().contains("with your saved token"), refused.err());

        for (String secret : List.of(token, wrong)) {
            assertNotIn(secret, "standard output", run.out() + refused.out());
            assertNotIn(secret, "standard error (messages)", run.err() + refused.err());
            assertNotIn(secret, "log records", logs.toString());
            for (Path file : filesOutsideTheTokenStore()) {
                assertNotIn(secret, file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(filesOutsideTheTokenStore().stream().anyMatch(file -> file.toString().endsWith(".body")),
                "the HTTP cache was written (and searched)");
        assertTrue(filesOutsideTheTokenStore().contains(project), "the project file was searched");
        assertTrue(logs.toString().contains("org.divergence.exchange.collect"), "the collector's logs were captured");
    }

    @Test
    void aSavedTokenIsReadableByItsOwnerOnlyAndUsedWhenNoVariableIsSet() throws Exception {
        TokenStore store = new TokenStore(home.resolve("config"));
        String api = server.url("/").toString();
        store.save(ApiPlatform.GITHUB, api, ApiToken.of("ghp_saved123", "test").orElseThrow());
        Path saved = home.resolve("config/tokens/github@" + server.url("/").host() + ".token");
        assertTrue(Files.isRegularFile(saved), saved.toString());
        if (Files.getFileStore(saved).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.getParent())));
        }
        CliRun run = CliRun.of("collect", "github", "--project", folder.resolve("p.divergence").toString(), "--repo",
                "octo/beta", "--api-url", api);
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals("Bearer ghp_saved123", github.received().getFirst().getHeaders().get("Authorization"));
        store.forget(ApiPlatform.GITHUB, api);
        assertFalse(Files.exists(saved));
    }

    private List<Path> filesOutsideTheTokenStore() throws IOException {
        Path tokens = home.resolve("config").resolve("tokens");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(folder)) {
            all.filter(Files::isRegularFile).filter(file -> !file.startsWith(tokens)).forEach(files::add);
        }
        return files;
    }

    private static void assertNotIn(String secret, String where, String text) {
        assertFalse(text.contains(secret), "the token leaked into " + where);
    }
}
