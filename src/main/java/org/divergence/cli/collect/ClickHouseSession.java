package org.divergence.cli.collect;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.divergence.app.collect.RunClickHouseCollection;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.AppInfo;
import org.divergence.core.collect.ClickHouseCollection;
import org.divergence.core.collect.ClickHouseRequest;
import org.divergence.core.collect.CrawlControl;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.NetworkException;
import org.divergence.core.common.Progress;
import org.divergence.exchange.clickhouse.ClickHouseClient;
import org.divergence.store.collect.ClickHouseCollections;
import org.divergence.store.project.Project;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a ClickHouse collection from the command line: reads the password from its environment variable, shows each
 * shard's progress on standard error, and on Ctrl-C stops (the running shard is not stored) and says how to resume.
 */
final class ClickHouseSession {

    private final CommandSpec spec;
    private final Path projectFile;
    private final Map<String, String> environment;
    private final CrawlControl control = new CrawlControl();
    private final ShardConsole console;

    ClickHouseSession(CommandSpec spec, Path projectFile, Map<String, String> environment) {
        this.spec = spec;
        this.projectFile = projectFile;
        this.environment = environment;
        this.console = new ShardConsole(spec.commandLine().getErr(), System.console() != null);
    }

    int start(ClickHouseRequest request) {
        String password = password(request.passwordVariable());
        try (Project project = Project.openOrCreate(projectFile)) {
            RunClickHouseCollection runner = runner(project);
            Optional<ClickHouseCollection> existing = runner.existing(request);
            if (existing.isPresent() && existing.get().finished()) {
                return finished(existing.get());
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println(existing.map(found -> "Continuing ClickHouse collection " + found.id() + " ("
                            + found.progress() + "): ")
                    .orElse("Collecting from ClickHouse: ") + request.describe() + ", as user " + request.user()
                    + (password.isEmpty() ? "" : " with the password from " + request.passwordVariable()) + ".");
            return run(project, runner, progress -> runner.start(request, password, progress));
        }
    }

    int resume(Long id, String passwordVariable) {
        try (Project project = Project.open(projectFile)) {
            ClickHouseCollection collection = id != null ? ClickHouseCollections.find(project, id)
                    : ClickHouseCollections.latestUnfinished(project).orElseThrow(() -> new InvalidInputException(
                            projectFile.getFileName() + ": no unfinished ClickHouse collection to resume (see"
                                    + " 'collect status')"));
            if (collection.finished()) {
                return finished(collection);
            }
            String variable = passwordVariable != null ? passwordVariable : collection.request().passwordVariable();
            String password = password(variable);
            spec.commandLine().getErr().println("Resuming ClickHouse collection " + collection.id() + " ("
                    + collection.progress() + "): " + collection.request().describe() + ".");
            RunClickHouseCollection runner = runner(project);
            return run(project, runner, progress -> runner.run(collection.id(), password, passwordVariable, progress));
        }
    }

    private int finished(ClickHouseCollection collection) {
        spec.commandLine().getOut().println("ClickHouse collection " + collection.id() + " has stored all its shards"
                + " already: " + collection.progress() + "; nothing to do. (Remove a shard's import batch to collect"
                + " it again.)");
        return ExitCodes.OK;
    }

    /** The password from its environment variable; empty without one. Never printed. */
    private String password(String variable) {
        if (variable == null) {
            return "";
        }
        String value = environment.get(variable);
        if (value == null) {
            throw new InvalidInputException("--password-env " + variable + ": the environment variable " + variable
                    + " is not set");
        }
        return value;
    }

    private RunClickHouseCollection runner(Project project) {
        return new RunClickHouseCollection(project, ClickHouseClient.Settings.DEFAULT, control, console)
                .asSoleUser();
    }

    private interface Run {
        RunClickHouseCollection.Outcome run(Progress progress);
    }

    private int run(Project project, RunClickHouseCollection runner, Run work) {
        StopOnInterrupt interrupt = new StopOnInterrupt(control::cancel);
        try {
            RunClickHouseCollection.Outcome outcome = work.run(Progress.NONE);
            console.finish();
            spec.commandLine().getOut().println(outcome.summary());
            return ExitCodes.OK;
        } catch (CancelledException e) {
            console.finish();
            spec.commandLine().getErr().println(AppInfo.ID + ": interrupted; " + stored(project, runner));
            return 130;
        } catch (NetworkException e) {
            console.finish();
            throw new NetworkException(e.getMessage() + "\n" + stored(project, runner), e);
        } catch (InvalidInputException e) {
            console.finish();
            throw new InvalidInputException(e.getMessage() + "\n" + stored(project, runner), e);
        } finally {
            interrupt.close();
        }
    }

    /** What is stored now, and how to continue. */
    private String stored(Project project, RunClickHouseCollection runner) {
        return runner.current().map(id -> ClickHouseCollections.find(project, id))
                .map(found -> "ClickHouse collection " + found.id() + ": " + found.progress()
                        + StopOnInterrupt.resumeHint(projectFile, "--clickhouse", found.id()))
                .orElse("nothing was stored; the project is as it was");
    }
}
