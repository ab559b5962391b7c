package org.divergence.exchange.clickhouse;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import org.divergence.core.AppInfo;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.NetworkException;

/**
 * ClickHouse's HTTP interface over OkHttp, the way every server version since 18.16 understands it: the SQL is the
 * body of a POST to the base URL, the user and password go in the {@code X-ClickHouse-User} / {@code X-ClickHouse-Key}
 * headers, and no setting is sent in the URL (a read-only user, like the playground's, refuses any). Answers are read
 * line by line as they arrive. A server that cannot be reached is a {@link NetworkException}; an error the server
 * reports is a {@link ClickHouseServerException} with its own message.
 */
public final class ClickHouseClient {

    /**
     * How long to wait: for the connection, and for the first byte of an answer. The server sends nothing until it
     * has aggregated (the result is sorted), so the second is the time one shard's query may take.
     */
    public record Settings(Duration connectTimeout, Duration answerTimeout) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(15), Duration.ofMinutes(30));
    }

    /** A line of an answer longer than this is refused; a result row is about a hundred bytes. */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final MediaType SQL = MediaType.get("text/plain; charset=utf-8");
    private static final OkHttpClient SHARED = new OkHttpClient.Builder().build();

    private final HttpUrl server;
    private final String user;
    private final String password;
    private final OkHttpClient http;
    private final CrawlControl control;
    private volatile Call inFlight;

    /** {@code password} may be null or empty (no password: the playground's user {@code play}, or {@code default}). */
    public ClickHouseClient(HttpUrl server, String user, String password, Settings settings, CrawlControl control) {
        this.server = server;
        this.user = user;
        this.password = password == null ? "" : password;
        this.control = control;
        this.http = SHARED.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.answerTimeout())
                .followRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
        control.onCancel(() -> {
            Call call = inFlight;
            if (call != null) {
                call.cancel();
            }
        });
    }

    /** What {@code SELECT version()} answers, e.g. "18.16.1" or "25.8.1.5101". */
    public String serverVersion() {
        try (Answer answer = query("SELECT version() FORMAT TabSeparated", "SELECT version()")) {
            String version = answer.nextLine();
            if (version == null || version.isBlank() || version.length() > 100 || answer.nextLine() != null) {
                throw new InvalidInputException("the server at " + server + " does not answer like ClickHouse:"
                        + " SELECT version() gave " + (version == null ? "nothing" : "\"" + version + "\""));
            }
            return version.strip();
        }
    }

    /**
     * Sends {@code sql} and returns its answer once the server has started it with 200 OK; the caller reads the lines
     * and closes it. {@code what} names the query in messages ("shard 3 of 16").
     */
    public Answer query(String sql, String what) {
        checkCancelled();
        Request.Builder request = new Request.Builder().url(server)
                .header("User-Agent", AppInfo.ID + "/" + AppInfo.version() + " (research data collection)")
                .header("X-ClickHouse-User", user)
                .post(RequestBody.create(sql, SQL));
        if (!password.isEmpty()) {
            request.header("X-ClickHouse-Key", password);
        }
        Call call = http.newCall(request.build());
        inFlight = call;
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            inFlight = null;
            checkCancelled();
            throw new NetworkException("cannot reach the ClickHouse server at " + server + ": " + describe(e)
                    + " (" + what + ")", e);
        }
        if (response.code() != 200) {
            try (response) {
                String body = readError(response);
                throw ClickHouseServerException.of(response.code(), body, server.toString(), user, what);
            } finally {
                inFlight = null;
            }
        }
        return new Answer(response, what);
    }

    private String readError(Response response) {
        try {
            BufferedSource source = response.body().source();
            source.request(MAX_ERROR_BYTES);
            Buffer buffer = source.getBuffer();
            return buffer.readUtf8(Math.min(buffer.size(), MAX_ERROR_BYTES));
        } catch (IOException e) {
            checkCancelled();
            return "(the error message could not be read: " + describe(e) + ")";
        }
    }

    private void checkCancelled() {
        if (control.isCancelled()) {
            throw new CancelledException();
        }
    }

    static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "the host name is unknown (offline, or no DNS)";
        }
        if (e instanceof ConnectException) {
            return "the connection was refused or could not be made";
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer in time (timeout)";
        }
        if (e instanceof SSLException) {
            return "the secure connection failed (" + e.getMessage() + ")";
        }
        return "the connection failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + ")";
    }

    /** An answer being received: its lines, in order; an error the server writes after its rows ends it. */
    public final class Answer implements AutoCloseable {
        private final Response response;
        private final BufferedSource source;
        private final String what;

        private Answer(Response response, String what) {
            this.response = response;
            this.source = response.body().source();
            this.what = what;
        }

        /** The next line without its line feed, or null at the end of the answer. */
        public String nextLine() {
            try {
                if (source.exhausted()) {
                    return null;
                }
                long newline = source.indexOf((byte) '\n', 0, MAX_LINE_BYTES);
                if (newline < 0) {
                    if (source.getBuffer().size() >= MAX_LINE_BYTES) {
                        throw new InvalidInputException("the ClickHouse server at " + server + " sent a line longer"
                                + " than " + MAX_LINE_BYTES / 1024 + " KiB (" + what + "); that is no result row");
                    }
                    throw new EOFException("the answer ends in the middle of a line");
                }
                String line = source.readUtf8(newline);
                source.skip(1);
                return line;
            } catch (IOException e) {
                checkCancelled();
                throw new NetworkException("the connection to the ClickHouse server at " + server + " broke while"
                        + " reading " + what + ": " + describe(e), e);
            }
        }

        /**
         * The error that ends an answer after its rows: {@code line} (the first that is not a row) and what follows,
         * as the server's message.
         */
        public ClickHouseServerException failure(String line) {
            StringBuilder text = new StringBuilder(line).append('\n');
            try {
                source.request(MAX_ERROR_BYTES);
                Buffer buffer = source.getBuffer();
                text.append(buffer.readUtf8(Math.min(buffer.size(), MAX_ERROR_BYTES)));
            } catch (IOException e) {
                checkCancelled();
            }
            return ClickHouseServerException.of(response.code(), text.toString(), server.toString(), user, what);
        }

        @Override
        public void close() {
            inFlight = null;
            response.close();
        }
    }
}
