package org.divergence.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.junit.jupiter.api.Test;

/** The pure rules of collection: Link headers, Retry-After, backoff, rate-limit decisions, what may be asked. */
class CollectRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void readsTheNextLinkWhereverItStands() {
        assertEquals(Optional.of("https://api.github.com/x?page=2"), LinkHeader.next(
                "<https://api.github.com/x?page=2>; rel=\"next\", <https://api.github.com/x?page=9>; rel=\"last\""));
        assertEquals(Optional.of("https://h/x?c=a,b"), LinkHeader.next(
                "<https://h/x?c=0>; rel=\"prev\"; title=\"a, b\", <https://h/x?c=a,b>; rel=\"next\""));
        assertEquals(Optional.of("/rel?p=3"), LinkHeader.next("</rel?p=3>; rel=\"next last\""));
        assertEquals(Optional.of("https://h/n"), LinkHeader.next("<https://h/n>;rel=next"));
        assertEquals(Optional.empty(), LinkHeader.next("<https://h/1>; rel=\"first\""));
        assertEquals(Optional.empty(), LinkHeader.next(null));
        assertEquals(Optional.empty(), LinkHeader.next("garbage"));
    }

    @Test
    void retryAfterIsSecondsOrADate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Sun, 01 Mar 2026 12:00:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sun, 01 Mar 2026 11:00:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
    }

    @Test
    void backoffDoublesWithJitterAndStopsAtItsCap() {
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 10; attempt++) {
            long full = Math.min(60_000, 1000L << (attempt - 1));
            Duration delay = Backoff.TRANSIENT.delay(attempt, random);
            assertTrue(delay.toMillis() >= full / 2 && delay.toMillis() <= full, attempt + ": " + delay);
        }
        for (int attempt = 1; attempt <= 8; attempt++) {
            Duration wait = Backoff.SECONDARY_LIMIT.atLeast(attempt, random);
            assertTrue(wait.compareTo(Duration.ofSeconds(60)) >= 0 && wait.compareTo(Duration.ofMinutes(16)) <= 0,
                    attempt + ": " + wait);
        }
    }

    @Test
    void gitHubTellsALimitFromARefusal() {
        GitHubRateLimits rules = new GitHubRateLimits();
        Random random = new Random(1);
        assertEquals("search", rules.resourceOf("/api/v3/search/repositories"));
        assertEquals("core", rules.resourceOf("/repos/o/r/pulls"));
        Map<String, String> exhausted = Map.of("x-ratelimit-remaining", "0", "x-ratelimit-limit", "60",
                "x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 42), "x-ratelimit-resource", "core");
        assertEquals(Optional.of(new RateLimitState("core", 60, 0, NOW.plusSeconds(42))),
                rules.observe("core", exhausted::get, NOW));
        assertEquals(Duration.ofSeconds(43), rules.onRefused(403, exhausted::get, "", NOW, 0, random)
                .orElseThrow().duration());
        assertEquals(Duration.ofSeconds(7), rules.onRefused(403, Map.of("retry-after", "7")::get, "", NOW, 0,
                random).orElseThrow().duration());
        assertTrue(rules.onRefused(403, Map.of("x-ratelimit-remaining", "10")::get,
                "{\"message\":\"Resource not accessible by integration\"}", NOW, 0, random).isEmpty());
        assertTrue(rules.onRefused(404, exhausted::get, "", NOW, 0, random).isEmpty());
        Map<String, String> pastReset = Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() - 100));
        assertEquals(Duration.ofSeconds(1), rules.onRefused(429, pastReset::get, "", NOW, 0, random).orElseThrow()
                .duration(), "a reset in the past (clock skew) still waits a moment, never a negative time");
    }

    @Test
    void huggingFaceReadsTheIetfHeaders() {
        HuggingFaceRateLimits rules = new HuggingFaceRateLimits();
        Map<String, String> headers = Map.of("ratelimit", "\"api\";r=489;t=189",
                "ratelimit-policy", "\"fixed window\";\"api\";q=500;w=300");
        assertEquals(Optional.of(new RateLimitState("api", 500, 489, NOW.plusSeconds(189))),
                rules.observe("api", headers::get, NOW));
        assertTrue(rules.observe("api", Map.<String, String>of()::get, NOW).isEmpty());
        assertTrue(rules.onRefused(403, headers::get, "", NOW, 0, new Random(1)).isEmpty(),
                "only 429 is a rate limit on Hugging Face");
        assertEquals(Duration.ofSeconds(190), rules.onRefused(429, headers::get, "", NOW, 0, new Random(1))
                .orElseThrow().duration());
    }

    @Test
    void namedRepositoriesAreNormalisedAndChecked() {
        CrawlRequest request = CrawlRequest.named(Platform.GITHUB, RepoType.CODE, List.of("octo/alpha",
                "https://github.com/Octo/Alpha", "github.com/octo/beta.git", "https://github.com/octo/gamma/"), "u");
        assertEquals(List.of("octo/alpha", "octo/beta", "octo/gamma"), request.repositories());
        assertEquals("GitHub: 3 repositories (octo/alpha, …)", request.describe());
        assertThrows(InvalidInputException.class, () -> CrawlRequest.named(Platform.GITHUB, RepoType.CODE,
                List.of("octo/.."), "u"));
        assertThrows(InvalidInputException.class, () -> CrawlRequest.named(Platform.GITHUB, RepoType.CODE,
                List.of("octo"), "u"));
        assertThrows(InvalidInputException.class, () -> CrawlRequest.named(Platform.GITHUB, RepoType.CODE,
                List.of(), "u"));
        CrawlRequest datasets = CrawlRequest.named(Platform.HUGGINGFACE, RepoType.DATASET,
                List.of("https://huggingface.co/datasets/acme/corpus", "gpt2-data"), "u");
        assertEquals(List.of("acme/corpus", "gpt2-data"), datasets.repositories());
        assertThrows(InvalidInputException.class, () -> CrawlRequest.named(Platform.HUGGINGFACE, RepoType.MODEL,
                List.of("a/b/c"), "u"));
        assertThrows(InvalidInputException.class, () -> CrawlRequest.named(Platform.HUGGINGFACE, RepoType.CODE,
                List.of("a/b"), "u"));
    }

    @Test
    void listingsAreBoundedByWhatThePlatformsOffer() {
        assertEquals("GitHub search \"stars:>5\", by stars, first 1000", CrawlRequest.listing(Platform.GITHUB,
                RepoType.CODE, "stars:>5", null, "stars", 1000, "u").describe());
        InvalidInputException tooMany = assertThrows(InvalidInputException.class, () -> CrawlRequest.listing(
                Platform.GITHUB, RepoType.CODE, "x", null, null, 1001, "u"));
        assertTrue(tooMany.getMessage().contains("at most 1,000 results per search"));
        assertThrows(InvalidInputException.class, () -> CrawlRequest.listing(Platform.GITHUB, RepoType.CODE,
                " ", null, null, 5, "u"));
        assertThrows(InvalidInputException.class, () -> CrawlRequest.listing(Platform.HUGGINGFACE, RepoType.MODEL,
                null, null, "stars", 5, "u"));
        assertEquals("Hugging Face models by acme, by likes, first 5", CrawlRequest.listing(Platform.HUGGINGFACE,
                RepoType.MODEL, null, "acme", "likes", 5, "u").describe());
    }

    @Test
    void countdownsReadLikeClocks() {
        assertEquals("0:00", CrawlProgress.clock(Duration.ZERO));
        assertEquals("0:01", CrawlProgress.clock(Duration.ofMillis(200)));
        assertEquals("1:30", CrawlProgress.clock(Duration.ofSeconds(90)));
        assertEquals("1:00:00", CrawlProgress.clock(Duration.ofHours(1)));
    }
}
