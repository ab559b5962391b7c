package org.divergence.exchange.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.divergence.core.AppInfo;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.RateLimitState;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.NetworkException;
import org.divergence.core.common.Progress;
import org.divergence.testsupport.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP layer against a real local HTTP server: paging, caching, retries and every rate-limit rule. */
class ApiClientTest {

    @TempDir
    Path folder;

    private final MockWebServer server = new MockWebServer();
    private final FakeClock clock = new FakeClock();
    private final List<String> waits = new CopyOnWriteArrayList<>();
    private final List<RateLimitState> limits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient client(ApiPlatform platform, String token) {
        return client(platform, token, ApiClient.Settings.DEFAULT, new CrawlControl());
    }

    private ApiClient client(ApiPlatform platform, String token, ApiClient.Settings settings, CrawlControl control) {
        return new ApiClient(platform, ApiEndpoint.parse(server.url("/").toString()),
                ApiToken.of(token, "test"), settings, folder.resolve("cache"), null, clock, new Random(7),
                platform.publishedBudget(true), control, Progress.NONE, new ApiClient.Listener() {
                    @Override
                    public void waiting(Instant until, String reason, Instant now) {
                        if (until != null) {
                            waits.add(CrawlProgressText.left(until, now) + " " + reason);
                        }
                    }

                    @Override
                    public void rateLimit(RateLimitState state) {
                        limits.add(state);
                    }
                });
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void sendsThePlatformHeadersTheTokenAndAUserAgentWithTheVersion() throws Exception {
        server.enqueue(ok("{}"));
        client(ApiPlatform.GITHUB, "ghp_secret123").get(server.url("/repos/o/r"));
        RecordedRequest request = server.takeRequest();
        assertEquals("Bearer ghp_secret123", request.getHeaders().get("Authorization"));
        assertEquals("application/vnd.github+json", request.getHeaders().get("Accept"));
        assertEquals("2022-11-28", request.getHeaders().get("X-GitHub-Api-Version"));
        assertTrue(request.getHeaders().get("User-Agent").startsWith(AppInfo.ID + "/" + AppInfo.version()),
                request.getHeaders().get("User-Agent"));

        server.enqueue(ok("{}"));
        client(ApiPlatform.HUGGING_FACE, null).get(server.url("/api/models"));
        RecordedRequest anonymous = server.takeRequest();
        assertNull(anonymous.getHeaders().get("Authorization"));
        assertNull(anonymous.getHeaders().get("X-GitHub-Api-Version"));
    }

    @Test
    void followsTheLinkHeaderOverSeveralPagesAsTheServerWroteIt() {
        String second = server.url("/items?opaque=Zm9v&per_page=2").toString();
        String third = server.url("/items?opaque=YmFy&per_page=2").toString();
        server.enqueue(new MockResponse.Builder().body("[1,2]").setHeader("Link", "<" + second
                + ">; rel=\"next\", <" + third + ">; rel=\"last\"").build());
        server.enqueue(new MockResponse.Builder().body("[3,4]").setHeader("Link", "<" + third
                + ">; rel=\"next\", <" + server.url("/items") + ">; rel=\"first\"").build());
        server.enqueue(new MockResponse.Builder().body("[5]").setHeader("Link", "<" + server.url("/items")
                + ">; rel=\"first\"").build());
        List<Integer> items = new ArrayList<>();
        ApiClient client = client(ApiPlatform.GITHUB, null);
        client.forEachPage(server.url("/items?per_page=2"), page -> {
            page.json().forEach(node -> items.add(node.asInt()));
            return true;
        });
        assertEquals(List.of(1, 2, 3, 4, 5), items);
        assertEquals(3, client.requests());
        assertEquals("/items?opaque=YmFy&per_page=2", takeTarget(3));
    }

    private String takeTarget(int nth) {
        String target = null;
        for (int i = 0; i < nth; i++) {
            try {
                target = server.takeRequest().getTarget();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return target;
    }

    @Test
    void revalidatesWithIfNoneMatchAndUsesTheCachedCopyOnA304() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"stars\":5}").setHeader("ETag", "W/\"abc\"")
                .setHeader("Link", "<" + server.url("/next") + ">; rel=\"next\"").build());
        server.enqueue(new MockResponse.Builder().code(304).setHeader("ETag", "W/\"abc\"").build());
        ApiClient first = client(ApiPlatform.GITHUB, "tok_a");
        ApiResponse fresh = first.get(server.url("/repos/o/r"));
        assertNull(server.takeRequest().getHeaders().get("If-None-Match"));
        // A new client (a later run) finds the answer in the on-disk cache.
        ApiClient later = client(ApiPlatform.GITHUB, "tok_a");
        ApiResponse revalidated = later.get(server.url("/repos/o/r"));
        assertEquals("W/\"abc\"", server.takeRequest().getHeaders().get("If-None-Match"));
        assertTrue(revalidated.fromCache());
        assertEquals(200, revalidated.status());
        assertArrayEquals(fresh.body(), revalidated.body());
        assertEquals(Optional.of(server.url("/next")), revalidated.next(), "pagination survives revalidation");
        assertEquals(1, later.cacheHits());

        // Another token's ETags are not sent (GitHub's ETags differ per token).
        server.enqueue(ok("{\"stars\":6}"));
        client(ApiPlatform.GITHUB, "tok_b").get(server.url("/repos/o/r"));
        assertNull(server.takeRequest().getHeaders().get("If-None-Match"));
    }

    @Test
    void waitsUntilTheResetWhenGitHubsLimitIsUsedUp() throws Exception {
        long reset = clock.epochSecondsIn(5);
        server.enqueue(new MockResponse.Builder().code(403)
                .setHeader("x-ratelimit-limit", "60").setHeader("x-ratelimit-remaining", "0")
                .setHeader("x-ratelimit-reset", String.valueOf(reset)).setHeader("x-ratelimit-resource", "core")
                .body("{\"message\":\"API rate limit exceeded for 127.0.0.1.\"}").build());
        server.enqueue(ok("{\"ok\":true}"));
        ApiResponse response = client(ApiPlatform.GITHUB, null).get(server.url("/repos/o/r"));
        assertEquals(200, response.status());
        assertEquals(2, server.getRequestCount());
        assertEquals(Duration.ofSeconds(6), clock.slept(), "until the reset, plus a second of margin");
        assertFalse(clock.sleeps().stream().anyMatch(sleep -> sleep.compareTo(Duration.ofSeconds(1)) > 0),
                "the wait ticks once a second, for the countdown");
        assertEquals("0:06 GitHub's rate limit is used up until it resets", waits.getFirst());
        assertEquals("0:01 GitHub's rate limit is used up until it resets", waits.getLast());
        assertEquals(0, limits.getFirst().remaining());
        assertEquals(Instant.ofEpochSecond(reset), limits.getFirst().resetAt());
    }

    @Test
    void honoursRetryAfterOnA429() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after", "3")
                .setHeader("x-ratelimit-remaining", "12").body("{\"message\":\"slow down\"}").build());
        server.enqueue(ok("[]"));
        client(ApiPlatform.GITHUB, null).get(server.url("/repos/o/r/pulls"));
        assertEquals(Duration.ofSeconds(3), clock.slept());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void waitsAtLeastAMinuteForASecondaryLimitWithoutHints() {
        server.enqueue(new MockResponse.Builder().code(403).setHeader("x-ratelimit-remaining", "4000")
                .body("{\"message\":\"You have exceeded a secondary rate limit.\"}").build());
        server.enqueue(ok("[]"));
        client(ApiPlatform.GITHUB, null).get(server.url("/repos/o/r/issues"));
        assertTrue(clock.slept().compareTo(Duration.ofSeconds(60)) >= 0, clock.slept().toString());
        assertTrue(clock.slept().compareTo(Duration.ofSeconds(61)) <= 0, clock.slept().toString());
    }

    @Test
    void aRealRefusalIsNotWaitedOut() {
        server.enqueue(new MockResponse.Builder().code(403).setHeader("x-ratelimit-remaining", "4000")
                .body("{\"message\":\"Repository access blocked\"}").build());
        ApiStatusException error = assertThrows(ApiStatusException.class,
                () -> client(ApiPlatform.GITHUB, null).get(server.url("/repos/o/blocked")));
        assertEquals(403, error.status());
        assertTrue(error.getMessage().endsWith("GitHub answered 403 Forbidden: Repository access blocked"),
                error.getMessage());
        assertEquals(Duration.ZERO, clock.slept());
    }

    @Test
    void waitsForHuggingFacesWindowFromItsRateLimitHeader() {
        server.enqueue(new MockResponse.Builder().code(429)
                .setHeader("RateLimit", "\"api\";r=0;t=7")
                .setHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300")
                .body("{\"error\":\"Too Many Requests\"}").build());
        server.enqueue(ok("[]"));
        client(ApiPlatform.HUGGING_FACE, null).get(server.url("/api/models"));
        assertEquals(Duration.ofSeconds(8), clock.slept());
        assertEquals(new RateLimitState("api", 500, 0, FakeClock.START.plusSeconds(7)), limits.getFirst());
    }

    @Test
    void doesNotAskAgainWhileTheLastAnswerSaidTheLimitIsUsedUp() {
        server.enqueue(new MockResponse.Builder().body("[]").setHeader("x-ratelimit-remaining", "0")
                .setHeader("x-ratelimit-limit", "60")
                .setHeader("x-ratelimit-reset", String.valueOf(clock.epochSecondsIn(30))).build());
        server.enqueue(ok("[]"));
        ApiClient client = client(ApiPlatform.GITHUB, null);
        client.get(server.url("/repos/o/r/pulls"));
        assertEquals(Duration.ZERO, clock.slept());
        client.get(server.url("/repos/o/r/issues"));
        assertEquals(Duration.ofSeconds(31), clock.slept());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void retriesA502WithBackoffThenSucceeds() {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());
        server.enqueue(ok("{\"fine\":1}"));
        ApiResponse response = client(ApiPlatform.GITHUB, null).get(server.url("/repos/o/r"));
        assertEquals(1, response.json().path("fine").asInt());
        assertEquals(2, server.getRequestCount());
        Duration slept = clock.slept();
        assertTrue(slept.compareTo(Duration.ofMillis(500)) >= 0 && slept.compareTo(Duration.ofSeconds(1)) <= 0,
                "first retry waits between half a second and a second: " + slept);
    }

    @Test
    void givesUpAfterTheRetriesWithAClearMessage() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        }
        NetworkException error = assertThrows(NetworkException.class, () -> client(ApiPlatform.GITHUB, null,
                ApiClient.Settings.DEFAULT.withRetries(2), new CrawlControl()).get(server.url("/repos/o/r")));
        assertEquals(3, server.getRequestCount());
        assertTrue(error.getMessage().startsWith("GitHub at http://" + server.getHostName() + ":" + server.getPort()
                + " keeps failing: the server answered 503 Service Unavailable"), error.getMessage());
        assertTrue(error.getMessage().endsWith("tried 3 times)"), error.getMessage());
        // Backoff doubles: at most 1 s + 2 s.
        assertTrue(clock.slept().compareTo(Duration.ofSeconds(3)) <= 0, clock.slept().toString());
        assertTrue(clock.slept().compareTo(Duration.ofMillis(1500)) >= 0, clock.slept().toString());
    }

    @Test
    void anUnreachableApiIsANetworkErrorAfterRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpUrl base = ApiEndpoint.parse("http://127.0.0.1:" + closedPort);
        ApiClient client = new ApiClient(ApiPlatform.GITHUB, base, Optional.empty(),
                ApiClient.Settings.DEFAULT.withRetries(2), null, null, clock, new Random(1),
                ApiPlatform.GITHUB.publishedBudget(false), new CrawlControl(),
                Progress.NONE, new ApiClient.Listener() { });
        NetworkException error = assertThrows(NetworkException.class,
                () -> client.get(base.resolve("repos/o/r")));
        assertEquals("cannot reach GitHub at http://127.0.0.1:" + closedPort + ": the connection was refused or could"
                + " not be made (GET http://127.0.0.1:" + closedPort + "/repos/o/r, tried 3 times)", error.getMessage());
        assertEquals(3, client.requests());
    }

    @Test
    void malformedJsonIsAClearErrorNamingTheRequest() {
        server.enqueue(ok("[{\"number\": 1}, {\"number\": "));
        ApiResponse response = client(ApiPlatform.GITHUB, null).get(server.url("/repos/o/r/pulls?state=all"));
        MalformedResponseException error = assertThrows(MalformedResponseException.class, response::json);
        assertTrue(error.getMessage().startsWith("GET " + server.url("/repos/o/r/pulls?state=all")
                + ": the answer is not valid JSON (Unexpected end-of-input"), error.getMessage());
    }

    @Test
    void neverSendsTheTokenToAnotherSite() {
        server.enqueue(new MockResponse.Builder().body("[1]")
                .setHeader("Link", "<https://evil.example/steal?page=2>; rel=\"next\"").build());
        ApiClient client = client(ApiPlatform.GITHUB, "ghp_secret123");
        MalformedResponseException error = assertThrows(MalformedResponseException.class,
                () -> client.forEachPage(server.url("/items"), page -> true));
        assertTrue(error.getMessage().startsWith("refusing to request https://evil.example:443"), error.getMessage());
        assertFalse(error.getMessage().contains("ghp_secret123"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void plainHttpOnlyForLoopback() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> ApiEndpoint.parse("http://api.github.com"));
        assertTrue(error.getMessage().contains("use https://"), error.getMessage());
        assertEquals("https://ghe.example.com/api/v3/", ApiEndpoint.parse("https://ghe.example.com/api/v3").toString());
        assertEquals("http://127.0.0.1:8080/", ApiEndpoint.parse("http://127.0.0.1:8080").toString());
        assertEquals("http://localhost:9/", ApiEndpoint.parse("http://localhost:9").toString());
        assertEquals("http://[::1]:9/", ApiEndpoint.parse("http://[::1]:9").toString());
        assertThrows(InvalidInputException.class, () -> ApiEndpoint.parse("http://10.0.0.1"));
        assertThrows(InvalidInputException.class, () -> ApiEndpoint.parse("http://127.0.0.1.evil.com"));
        assertThrows(InvalidInputException.class, () -> ApiEndpoint.parse("ftp://example.com"));
        assertThrows(InvalidInputException.class, () -> ApiEndpoint.parse("https://user:pw@example.com"));
    }

    @Test
    void cancellingAbortsAWait() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after", "3600").build());
        CrawlControl control = new CrawlControl();
        ApiClient client = new ApiClient(ApiPlatform.GITHUB, ApiEndpoint.parse(server.url("/").toString()),
                Optional.empty(), ApiClient.Settings.DEFAULT, null, null, clock, new Random(1),
                ApiPlatform.GITHUB.publishedBudget(false), control, Progress.NONE, new ApiClient.Listener() {
                    @Override
                    public void waiting(Instant until, String reason, Instant now) {
                        if (until != null && now.isAfter(FakeClock.START.plusSeconds(10))) {
                            control.cancel();
                        }
                    }
                });
        assertThrows(CancelledException.class, () -> client.get(server.url("/x")));
        assertTrue(clock.slept().compareTo(Duration.ofSeconds(15)) < 0, clock.slept().toString());
    }

    @Test
    void anErrorBodyIsCutNotRead() {
        String huge = "x".repeat(1024 * 1024);
        server.enqueue(new MockResponse.Builder().code(404).body(huge).build());
        ApiStatusException error = assertThrows(ApiStatusException.class,
                () -> client(ApiPlatform.GITHUB, null).get(server.url("/repos/o/none")));
        assertTrue(error.getMessage().length() < 400, error.getMessage());
        assertEquals(404, error.status());
        assertEquals(huge.length(), huge.getBytes(StandardCharsets.UTF_8).length);
    }

    /** The countdown as the progress display shows it. */
    static final class CrawlProgressText {
        static String left(Instant until, Instant now) {
            return org.divergence.core.collect.CrawlProgress.clock(Duration.between(now, until));
        }
    }
}
