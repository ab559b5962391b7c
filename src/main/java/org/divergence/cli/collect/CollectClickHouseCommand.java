package org.divergence.cli.collect;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.core.common.InvalidInputException;
import org.divergence.exchange.clickhouse.ClickHouseEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "clickhouse", mixinStandardHelpOptions = true,
        description = {"Aggregate GH Archive's github_events table on a ClickHouse server into the project.",
            "%nThe server computes one canonical row per GitHub repository created inside the window (definitions"
                + " in docs/scale.md), one shard of repositories per query (cityHash64(repo_name) %% K = k); each"
                + " shard's rows are stored as one import batch that records the server, its version, the table,"
                + " the window, the shard and the exact SQL. Stopped runs continue with 'collect resume'; running the"
                + " same command again continues the same collection and never stores a shard twice. Works with"
                + " ClickHouse 18.16 and later, e.g. the public playground: --url https://play.clickhouse.com"
                + " --user play."})
final class CollectClickHouseCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The server's HTTP interface, e.g. https://play.clickhouse.com or http://127.0.0.1:8123"
                    + " (plain http only on this machine; no user or password in the URL).")
    String url;

    @Option(names = "--user", paramLabel = "U", defaultValue = ClickHouseRequest.DEFAULT_USER,
            description = "The ClickHouse user (default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password from this environment variable (default: no password). The password is"
                    + " never stored or printed; the variable's name is kept for 'collect resume'.")
    String passwordVariable;

    @Option(names = "--database", paramLabel = "D", defaultValue = ClickHouseRequest.DEFAULT_DATABASE,
            description = "The database of the table (default ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--table", paramLabel = "T", defaultValue = ClickHouseRequest.DEFAULT_TABLE,
            description = "The GH Archive events table (default ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--from", paramLabel = "DATE",
            description = "The window's first day, UTC (default 2015-01-01, where GH Archive's Events API era begins).")
    String from;

    @Option(names = "--to", paramLabel = "DATE",
            description = "The window's last day, UTC, included to its end (default and latest 2025-10-06: GitHub"
                    + " trimmed event payloads the next day).")
    String to;

    @Option(names = "--shards", paramLabel = "K", defaultValue = "" + ClickHouseRequest.DEFAULT_SHARDS,
            description = "Queries to split the repositories into (default ${DEFAULT-VALUE}); more shards ask less of"
                    + " the server each (memory, result size, time per query).")
    int shards;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ClickHouseRequest request = new ClickHouseRequest(ClickHouseEndpoint.parse(url).toString(), user, database,
                table, date("--from", from), date("--to", to), shards, passwordVariable);
        return new ClickHouseSession(spec, project.path(), System.getenv()).start(request);
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + " " + text + ": not a date of the form YYYY-MM-DD");
        }
    }
}
