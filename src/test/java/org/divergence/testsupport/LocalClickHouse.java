package org.divergence.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A private ClickHouse server for tests: Debian's {@code clickhouse-server} (18.16, which {@code .ci/run} installs)
 * started as the current user on a free loopback port, with its configuration and data in a temporary folder, and
 * stopped (SIGTERM) when the test run ends. One server serves every test class of a run; each loads what it needs.
 * Tests get it, with the GH Archive table loaded, as a parameter through {@link Required} (on a class, or on the
 * methods that need it), which skips them loudly where the binary is absent.
 *
 * <p>Ready means: our process is alive, ITS log says "Ready for connections", and {@code /ping} answers. {@code /ping}
 * alone could be answered by another server on the same port while ours dies with "Address already in use".
 *
 * <p>Users: {@code default} (no password), {@code alice} (password in {@link #PASSWORD_VARIABLE}, which the pom sets
 * for the test JVM), {@code limited} (no password; a quota of {@link #LIMITED_QUERIES} queries an hour).
 */
public final class LocalClickHouse implements AutoCloseable {

    /** Debian's server; {@code -Ddivergence.test.clickhouse-server=PATH} names another (or a missing one). */
    public static final Path BINARY = Path.of(System.getProperty("divergence.test.clickhouse-server",
            "/usr/sbin/clickhouse-server"));
    /** Set by the pom for the test JVM (surefire environmentVariables). */
    public static final String PASSWORD_VARIABLE = "DIVERGENCE_TEST_CLICKHOUSE_PASSWORD";
    public static final int LIMITED_QUERIES = 2;
    /** The GH Archive table {@link #loadGhArchive()} fills with {@link GhArchiveEvents}. */
    public static final String TABLE = "github_events";

    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();

    private final Path folder;
    private final Process process;
    private final HttpUrl url;
    private boolean loaded;

    private LocalClickHouse(Path folder, Process process, HttpUrl url) {
        this.folder = folder;
        this.process = process;
        this.url = url;
    }

    /** The HTTP interface, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        return url.toString();
    }

    /** Runs one statement as {@code default}; returns its answer. */
    public String execute(String sql) {
        return post(url, sql);
    }

    /** Creates {@link #TABLE} (the public schema) and loads the test events, once per run. */
    public synchronized void loadGhArchive() {
        if (loaded) {
            return;
        }
        String schema;
        try (var in = LocalClickHouse.class.getResourceAsStream("github_events.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        execute("DROP TABLE IF EXISTS " + TABLE);
        execute(schema);
        post(url.newBuilder().addQueryParameter("query", "INSERT INTO " + TABLE + " (" + GhArchiveEvents.COLUMNS
                + ") FORMAT TabSeparated").build(), GhArchiveEvents.tsv());
        String count = execute("SELECT count() FROM " + TABLE).strip();
        if (!count.equals(Integer.toString(GhArchiveEvents.events().size()))) {
            throw new IllegalStateException("loaded " + count + " events, not " + GhArchiveEvents.events().size());
        }
        loaded = true;
    }

    private static String post(HttpUrl target, String body) {
        Request request = new Request.Builder().url(target).post(RequestBody.create(body, TEXT)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() != 200) {
                throw new IllegalStateException("ClickHouse answered " + response.code() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalClickHouse start() throws IOException, InterruptedException {
        IllegalStateException failure = null;
        // A port taken between choosing and binding makes our server exit: try again with others.
        for (int attempt = 0; attempt < 3; attempt++) {
            Path folder = Files.createTempDirectory("divergence-clickhouse-");
            try {
                return start(folder, freePort(), freePort());
            } catch (IllegalStateException e) {
                delete(folder);
                failure = e;
            }
        }
        throw failure;
    }

    private static LocalClickHouse start(Path folder, int httpPort, int tcpPort) throws IOException,
            InterruptedException {
        Path log = folder.resolve("log");
        Files.createDirectories(log);
        Files.writeString(folder.resolve("config.xml"), config(folder, httpPort, tcpPort));
        Files.writeString(folder.resolve("users.xml"), users());
        Process process = new ProcessBuilder(BINARY.toString(), "--config-file=" + folder.resolve("config.xml"))
                .redirectErrorStream(true).redirectOutput(log.resolve("stdout.log").toFile()).start();
        HttpUrl url = HttpUrl.get("http://127.0.0.1:" + httpPort + "/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ready(process, log.resolve("server.log"), url)) {
            // Waits on the process: returns at once should the server exit.
            if (process.waitFor(50, TimeUnit.MILLISECONDS) || System.nanoTime() > deadline) {
                String why = process.isAlive() ? "not ready after 30 s" : "exited with " + process.exitValue();
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("clickhouse-server " + why + "; its log: " + tail(log));
            }
        }
        LocalClickHouse server = new LocalClickHouse(folder, process, url);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-clickhouse"));
        return server;
    }

    private static boolean ready(Process process, Path log, HttpUrl url) throws IOException {
        if (!process.isAlive() || !Files.exists(log)
                || !Files.readString(log, StandardCharsets.ISO_8859_1).contains("Ready for connections")) {
            return false;
        }
        try (Response response = HTTP.newCall(new Request.Builder().url(url.resolve("/ping")).build()).execute()) {
            return response.code() == 200 && response.body().string().equals("Ok.\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : new String[] {"server.err.log", "stdout.log"}) {
            Path file = log.resolve(name);
            if (Files.exists(file)) {
                String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                text.append(content, Math.max(0, content.length() - 1500), content.length());
            }
        }
        return text.toString();
    }

    private static String config(Path folder, int httpPort, int tcpPort) {
        String dir = folder.toAbsolutePath().toString();
        return """
                <?xml version="1.0"?>
                <yandex>
                    <logger>
                        <level>information</level>
                        <log>DIR/log/server.log</log>
                        <errorlog>DIR/log/server.err.log</errorlog>
                        <size>10M</size>
                        <count>1</count>
                    </logger>
                    <listen_host>127.0.0.1</listen_host>
                    <http_port>HTTP</http_port>
                    <tcp_port>TCP</tcp_port>
                    <path>DIR/data/</path>
                    <tmp_path>DIR/tmp/</tmp_path>
                    <user_files_path>DIR/user_files/</user_files_path>
                    <format_schema_path>DIR/format_schemas/</format_schema_path>
                    <users_config>DIR/users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <timezone>UTC</timezone>
                    <mark_cache_size>67108864</mark_cache_size>
                    <max_concurrent_queries>20</max_concurrent_queries>
                </yandex>
                """.replace("DIR", dir).replace("HTTP", Integer.toString(httpPort))
                .replace("TCP", Integer.toString(tcpPort));
    }

    private static String users() {
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException(PASSWORD_VARIABLE + " is not set (the pom sets it for tests)");
        }
        return """
                <?xml version="1.0"?>
                <yandex>
                    <profiles>
                        <default><max_memory_usage>1000000000</max_memory_usage></default>
                    </profiles>
                    <users>
                        <default>
                            <password></password>
                            <networks><ip>127.0.0.1</ip></networks>
                            <profile>default</profile>
                            <quota>unlimited</quota>
                        </default>
                        <alice>
                            <password>PASSWORD</password>
                            <networks><ip>127.0.0.1</ip></networks>
                            <profile>default</profile>
                            <quota>unlimited</quota>
                        </alice>
                        <limited>
                            <password></password>
                            <networks><ip>127.0.0.1</ip></networks>
                            <profile>default</profile>
                            <quota>tiny</quota>
                        </limited>
                    </users>
                    <quotas>
                        <unlimited>
                            <interval><duration>3600</duration><queries>0</queries><errors>0</errors>
                                <result_rows>0</result_rows><read_rows>0</read_rows>
                                <execution_time>0</execution_time></interval>
                        </unlimited>
                        <tiny>
                            <interval><duration>3600</duration><queries>LIMIT</queries><errors>0</errors>
                                <result_rows>0</result_rows><read_rows>0</read_rows>
                                <execution_time>0</execution_time></interval>
                        </tiny>
                    </quotas>
                </yandex>
                """.replace("PASSWORD", password).replace("LIMIT", Integer.toString(LIMITED_QUERIES));
    }

    /** Stops the server (SIGTERM; it takes about two seconds) and deletes its folder. */
    @Override
    public synchronized void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        delete(folder);
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }

    /**
     * Gives test methods the run's server as a parameter, started on first use and stopped at the end of the run;
     * without the binary, the class's tests are skipped with the reason, said on standard error as well.
     */
    public static final class Required implements ExecutionCondition, ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(LocalClickHouse.class);

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(BINARY)) {
                return ConditionEvaluationResult.enabled(BINARY + " is installed");
            }
            String message = "SKIPPED: " + context.getDisplayName() + " needs a real ClickHouse server, and " + BINARY
                    + " is not installed (apt-get install clickhouse-server; .ci/run does)";
            System.err.println(message);
            return ConditionEvaluationResult.disabled(message);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == LocalClickHouse.class;
        }

        /** The server, with {@link #TABLE} loaded. */
        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            LocalClickHouse server = server(context);
            server.loadGhArchive();
            return server;
        }

        private static LocalClickHouse server(ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalClickHouse.class, key -> {
                try {
                    return start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }, LocalClickHouse.class);
        }
    }
}
