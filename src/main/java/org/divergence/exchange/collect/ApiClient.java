package org.divergence.exchange.collect;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.divergence.core.AppInfo;
import org.divergence.core.collect.ApiClock;
import org.divergence.core.collect.Backoff;
import org.divergence.core.collect.CallBudget;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.collect.LimitWait;
import org.divergence.core.collect.RateLimitState;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.NetworkException;
import org.divergence.core.common.Progress;

/**
 * One platform's API over OkHttp, polite by construction: its auth and version headers and a User-Agent naming the
 * app; conditional requests against the on-disk cache; pagination only by the server's {@code Link} header; bounded
 * retries with exponential backoff and jitter for timeouts, dropped connections and 5xx; and the platform's
 * rate-limit rules, waiting (with a countdown) rather than hammering. The token goes only to the API's own origin.
 * Every request first takes a call from the {@link CallBudget} it shares with the crawl's other workers; one client
 * may serve several worker threads at once.
 */
public final class ApiClient {

    /** What a crawl's progress display wants to know about the traffic. */
    public interface Listener {
        default void requested(long requests, long cacheHits) {
        }

        default void rateLimit(RateLimitState state) {
        }

        /** A wait is running until {@code until} (null: the wait is over); called about once a second. */
        default void waiting(Instant until, String reason, Instant now) {
        }

        default void paused(boolean paused) {
        }
    }

    /** How hard to try: retries after a transient failure, and the per-request timeout. */
    public record Settings(int retries, Duration timeout, int maxLimitWaits, long maxBodyBytes) {
        public static final Settings DEFAULT = new Settings(4, Duration.ofSeconds(60), 12, 64L * 1024 * 1024);

        public Settings withRetries(int count) {
            return new Settings(count, timeout, maxLimitWaits, maxBodyBytes);
        }
    }

    private static final Logger LOG = Logger.getLogger(ApiClient.class.getName());
    private static final OkHttpClient SHARED = new OkHttpClient.Builder().build();
    private static final long MAX_ERROR_BODY = 64 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ApiPlatform platform;
    private final HttpUrl base;
    private final ApiToken token;
    private final Settings settings;
    private final OkHttpClient http;
    private final ResponseCache cache;
    private final RawResponseArchive raw;
    private final ApiClock clock;
    private final RandomGenerator random;
    private final CrawlControl control;
    private final Progress progress;
    private final Listener listener;
    private final String cachePartition;
    private final CallBudget budget;
    private final Map<String, RateLimitState> limits = new ConcurrentHashMap<>();
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();

    /**
     * @param cacheFolder where the HTTP cache lives (null: no cache); {@code rawFolder} where raw answers are kept
     *                    for audit (null: not kept)
     * @param budget      the calls allowed, shared with every client of the same crawl session
     */
    public ApiClient(ApiPlatform platform, HttpUrl base, Optional<ApiToken> token, Settings settings,
                     Path cacheFolder, Path rawFolder, ApiClock clock, RandomGenerator random, CallBudget budget,
                     CrawlControl control, Progress progress, Listener listener) {
        this.platform = platform;
        this.base = base;
        this.token = token.orElse(null);
        this.settings = settings;
        this.http = SHARED.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .readTimeout(settings.timeout())
                .callTimeout(settings.timeout().multipliedBy(2))
                .followRedirects(true)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
        this.cache = cacheFolder == null ? null : new ResponseCache(cacheFolder, 256L * 1024 * 1024);
        this.raw = rawFolder == null ? null : new RawResponseArchive(rawFolder);
        this.clock = clock;
        this.random = random;
        this.budget = budget;
        this.control = control;
        this.progress = progress;
        this.listener = listener;
        this.cachePartition = platform.platform().code() + "|" + (this.token == null ? "anonymous"
                : this.token.fingerprint());
        control.onCancel(() -> inFlight.forEach(Call::cancel));
    }

    public ApiPlatform platform() {
        return platform;
    }

    public HttpUrl base() {
        return base;
    }

    public boolean hasToken() {
        return token != null;
    }

    public long requests() {
        return requests.get();
    }

    public long cacheHits() {
        return cacheHits.get();
    }

    public CallBudget budget() {
        return budget;
    }

    /** {@code path} relative to the base URL, e.g. {@code repos/octo/hello}; segments are encoded. */
    public HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    /**
     * Reads pages from {@code first} on, following {@code rel="next"} until the server names none or
     * {@code page} returns false (enough read).
     */
    public void forEachPage(HttpUrl first, Predicate<ApiResponse> page) {
        HttpUrl url = first;
        Set<HttpUrl> seen = new HashSet<>();
        while (url != null) {
            if (!seen.add(url)) {
                throw new MalformedResponseException("GET " + url + ": the next-page links go round in a circle");
            }
            ApiResponse response = get(url);
            if (!page.test(response)) {
                return;
            }
            url = response.next().orElse(null);
        }
    }

    /**
     * GETs {@code url}: a 2xx or 304 answer is returned; a rate limit is waited out; transient failures are retried
     * with backoff; other answers throw {@link ApiStatusException}; giving up throws {@link NetworkException}.
     */
    public ApiResponse get(HttpUrl url) {
        if (!ApiEndpoint.sameOrigin(base, url)) {
            throw new MalformedResponseException("refusing to request " + url.scheme() + "://" + url.host() + ":"
                    + url.port() + ": it is not the API's own site (" + base.host() + "), and the token goes nowhere"
                    + " else");
        }
        String resource = platform.rules().resourceOf(url.encodedPath());
        String cacheKey = ResponseCache.key(cachePartition, url.toString());
        int failures = 0;
        int limitWaits = 0;
        while (true) {
            checkpoint();
            waitIfExhausted(resource);
            ResponseCache.Entry cached = cache == null ? null : cache.lookup(cacheKey);
            Attempt attempt;
            try {
                attempt = send(request(url, cached));
            } catch (IOException e) {
                if (control.isCancelled() || progress.isCancelled()) {
                    throw new CancelledException();
                }
                failures++;
                String reason = describe(e);
                LOG.log(Level.FINE, "GET " + url + " failed: " + reason);
                if (failures > settings.retries()) {
                    throw new NetworkException("cannot reach " + platform.displayName() + " at " + origin() + ": "
                            + reason + " (GET " + url + ", " + attempts(failures) + ")", e);
                }
                pause(Backoff.TRANSIENT.delay(failures, random), reason + "; trying again");
                continue;
            }
            HeaderLookupAdapter headers = new HeaderLookupAdapter(attempt.headers);
            platform.rules().observe(resource, headers, clock.now()).ifPresent(state -> {
                limits.put(resource, state);
                listener.rateLimit(state);
            });
            int status = attempt.status;
            LOG.log(Level.FINE, "GET " + url + " -> " + status);
            if (status == 304 && cached != null) {
                listener.requested(requests.get(), cacheHits.incrementAndGet());
                Headers merged = merge(cached.headers(), attempt.headers);
                record(url, 304, true, merged, cached.body());
                return new ApiResponse(url, 200, merged, cached.body(), true);
            }
            if (status >= 200 && status < 300) {
                if (status == 200 && cache != null) {
                    storeInCache(cacheKey, url, attempt);
                }
                record(url, status, false, attempt.headers, attempt.body);
                return new ApiResponse(url, status, attempt.headers, attempt.body, false);
            }
            record(url, status, false, attempt.headers, attempt.body);
            String body = new String(attempt.body, StandardCharsets.UTF_8);
            if (status == 403 || status == 429) {
                Optional<LimitWait> wait = platform.rules().onRefused(status, headers, body, clock.now(), limitWaits,
                        random);
                if (wait.isPresent()) {
                    limitWaits++;
                    if (limitWaits > settings.maxLimitWaits()) {
                        throw new NetworkException(platform.displayName() + " kept refusing with its rate limit after "
                                + settings.maxLimitWaits() + " waits (GET " + url + ")");
                    }
                    LOG.info(platform.displayName() + ": " + wait.get().reason() + "; waiting "
                            + wait.get().duration().toSeconds() + " s");
                    pause(wait.get().duration(), wait.get().reason());
                    continue;
                }
            }
            if (status >= 500 || status == 408) {
                failures++;
                String reason = "the server answered " + status + " " + attempt.message;
                if (failures > settings.retries()) {
                    throw new NetworkException(platform.displayName() + " at " + origin() + " keeps failing: " + reason
                            + " (GET " + url + ", " + attempts(failures) + ")");
                }
                pause(Backoff.TRANSIENT.delay(failures, random), reason + "; trying again");
                continue;
            }
            throw new ApiStatusException(status, "GET " + url + ": " + platform.displayName() + " answered " + status
                    + " " + attempt.message + apiMessage(body));
        }
    }

    private Request request(HttpUrl url, ResponseCache.Entry cached) {
        Request.Builder builder = new Request.Builder().url(url)
                .header("User-Agent", AppInfo.ID + "/" + AppInfo.version() + " (research data collection)");
        platform.headers().forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token.value());
        }
        if (cached != null) {
            if (cached.etag() != null) {
                builder.header("If-None-Match", cached.etag());
            } else if (cached.lastModified() != null) {
                builder.header("If-Modified-Since", cached.lastModified());
            }
        }
        return builder.get().build();
    }

    private record Attempt(int status, String message, Headers headers, byte[] body) {
    }

    private Attempt send(Request request) throws IOException {
        CallBudget.Taken taken = takeCall();
        try {
            Call call = http.newCall(request);
            inFlight.add(call);
            listener.requested(requests.incrementAndGet(), cacheHits.get());
            try (Response response = call.execute()) {
                long limit = response.isSuccessful() ? settings.maxBodyBytes() : MAX_ERROR_BODY;
                byte[] body = read(response.body(), limit, response.isSuccessful(), request.url());
                return new Attempt(response.code(), reason(response.code()), response.headers(), body);
            } finally {
                inFlight.remove(call);
            }
        } finally {
            // The server has had the request by now, if ever: from here it counts one more window.
            budget.answered(taken, clock.now());
        }
    }

    /** Waits for the budget to allow one more call; a wait over a second is shown as any other wait. */
    private CallBudget.Taken takeCall() {
        while (true) {
            CallBudget.Taken taken = budget.tryTake(clock.now());
            if (taken != null) {
                return taken;
            }
            Duration wait = budget.untilRoom(clock.now());
            if (wait.isZero()) {
                continue;
            }
            if (wait.compareTo(Duration.ofSeconds(1)) > 0) {
                pause(wait, "keeping to " + budget.limit() + " calls per " + budget.window().toSeconds() + " s");
            } else {
                checkpoint();
                clock.sleep(wait);
            }
        }
    }

    /** Reads at most {@code limit} bytes: a successful answer beyond it is refused, an error's is cut. */
    private static byte[] read(ResponseBody body, long limit, boolean mustBeWhole, HttpUrl url) throws IOException {
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= limit) {
            if (source.read(buffer, 64 * 1024) == -1) {
                return buffer.readByteArray();
            }
        }
        if (mustBeWhole) {
            throw new MalformedResponseException("GET " + url + ": the answer is larger than " + (limit / 1024 / 1024)
                    + " MB; refusing to read it");
        }
        return buffer.readByteArray(limit);
    }

    private void storeInCache(String key, HttpUrl url, Attempt attempt) {
        String etag = attempt.headers.get("ETag");
        String lastModified = attempt.headers.get("Last-Modified");
        if (etag == null && lastModified == null) {
            return;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : ResponseCache.KEPT_HEADERS) {
            String value = attempt.headers.get(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        cache.store(key, url.toString(), etag, lastModified, kept, attempt.body);
    }

    /** A 304 updates the stored headers it repeats (RFC 9111 §4.3.4). */
    private static Headers merge(Map<String, String> stored, Headers fresh) {
        Headers.Builder builder = new Headers.Builder();
        stored.forEach(builder::set);
        for (String name : ResponseCache.KEPT_HEADERS) {
            String value = fresh.get(name);
            if (value != null) {
                builder.set(name, value);
            }
        }
        for (String name : fresh.names()) {
            if (builder.get(name) == null) {
                builder.set(name, fresh.get(name));
            }
        }
        return builder.build();
    }

    private void record(HttpUrl url, int status, boolean fromCache, Headers headers, byte[] body) {
        if (raw != null) {
            raw.record(url, status, fromCache, headers, body, clock.now());
        }
    }

    /** Before asking: when the last answer said the limit is used up, wait for its reset instead of being refused. */
    private void waitIfExhausted(String resource) {
        RateLimitState state = limits.get(resource);
        if (state == null || !state.exhausted()) {
            return;
        }
        Instant now = clock.now();
        if (state.resetAt().isAfter(now)) {
            pause(Duration.between(now, state.resetAt()).plusSeconds(1), platform.displayName() + "'s "
                    + resource + " rate limit is used up until " + TIME.format(state.resetAt()));
        }
        limits.remove(resource);
    }

    /** Waits {@code duration}, saying so about once a second, pausable and cancellable throughout. */
    private void pause(Duration duration, String reason) {
        Instant until = clock.now().plus(duration);
        while (true) {
            Instant now = clock.now();
            if (!now.isBefore(until)) {
                break;
            }
            listener.waiting(until, reason, now);
            checkpoint();
            Duration left = Duration.between(clock.now(), until);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            clock.sleep(left.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : left);
        }
        listener.waiting(null, null, clock.now());
    }

    private void checkpoint() {
        control.checkpoint(progress, () -> listener.paused(true));
        listener.paused(false);
    }

    private String origin() {
        return base.scheme() + "://" + base.host() + (base.port() == HttpUrl.defaultPort(base.scheme()) ? ""
                : ":" + base.port());
    }

    /** HTTP/2 answers carry no reason phrase; these read better in messages than a bare number. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 451 -> "Unavailable For Legal Reasons";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "";
        };
    }

    private static String attempts(int failures) {
        return failures == 1 ? "tried once" : "tried " + failures + " times";
    }

    private static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "the host name is unknown (offline, or no DNS)";
        }
        if (e instanceof ConnectException) {
            return "the connection was refused or could not be made";
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "no answer in time (timeout)";
        }
        if (e instanceof SSLException) {
            return "the secure connection failed (" + e.getMessage() + ")";
        }
        return "the connection failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + ")";
    }

    /** The API's own explanation, from its JSON error body ({@code message} on GitHub, {@code error} on HF). */
    private static String apiMessage(String body) {
        if (body.isBlank()) {
            return "";
        }
        try {
            var node = ApiJson.MAPPER.readTree(body);
            for (String field : new String[] {"message", "error"}) {
                if (node != null && node.path(field).isTextual()) {
                    String text = node.path(field).asText();
                    return ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Not JSON: the status says enough.
        }
        return "";
    }

    /** OkHttp's headers as the core's lookup. */
    private record HeaderLookupAdapter(Headers headers) implements org.divergence.core.collect.HeaderLookup {
        @Override
        public String get(String name) {
            return headers.get(name);
        }
    }
}
