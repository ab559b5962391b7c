package org.divergence.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.Json;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.formulas.CustomMetric;
import org.divergence.core.tags.RuleSyntaxException;
import org.divergence.store.metrics.CustomMetrics;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Custom metrics: define, list and remove a project's own metrics (docs/metrics.md, "Your own metrics"). */
@Command(name = "metric", mixinStandardHelpOptions = true,
        description = {"Define your own metrics: an expression over the canonical columns and kept extra fields "
                + "(extra.KEY), a number per repository or, with --share, a condition. Custom metrics join every "
                + "comparison (compare, the report) and chart (chart --metric NAME); grammar in docs/metrics.md.",
            "Examples:",
            "  metric add --project p.divergence --name stars_per_contributor --expr \"stars / contributors\"",
            "  metric add --project p.divergence --name licensed --share --expr \"extra.license IS NOT NULL\" "
                + "--dimension openness",
            "  metric list --project p.divergence --json"},
        subcommands = {MetricCommand.Add.class, MetricCommand.ListMetrics.class, MetricCommand.Remove.class})
final class MetricCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Define a custom metric. A malformed expression is refused with the position of the "
                    + "problem (exit code 3), and nothing is saved.")
    static final class Add implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "The metric's name: a letter, then letters, digits and _ (not a built-in metric's).")
        String name;

        @Option(names = "--expr", required = true, paramLabel = "EXPR",
                description = "Numbers: + - * /, numbers, coalesce(a, b), comparisons (1 or 0), counts and "
                        + "extra.KEY, e.g. \"stars / contributors\". With --share: a condition, e.g. "
                        + "\"extra.license IS NOT NULL AND stars >= 10\".")
        String expression;

        @Option(names = "--share", description = "The share of repositories where the condition --expr holds.")
        boolean share;

        @Option(names = "--dimension", paramLabel = "D", defaultValue = "custom",
                description = "The dimension it is reported under, free text (default: ${DEFAULT-VALUE}); a built-in "
                        + "dimension's key (e.g. collaboration_openness) puts it beside that dimension's metrics.")
        String dimension;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CustomMetric metric;
            try {
                metric = CustomMetric.define(name, expression, share, dimension);
            } catch (RuleSyntaxException malformed) {
                throw new InvalidInputException("--expr: " + malformed.getMessage(), malformed);
            }
            try (Project opened = Project.open(project.path())) {
                CustomMetrics.add(opened, metric).run();
            }
            spec.commandLine().getOut().printf("added %s metric %s (%s): %s%n", metric.kind().key(), metric.name(),
                    metric.dimension().key(), metric.expression());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the project's custom metrics.")
    static final class ListMetrics implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--json", description = "Print JSON: name, kind, dimension and expression of each.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<CustomMetrics.Saved> saved;
            try (Project opened = Project.openForReading(project.path())) {
                saved = CustomMetrics.list(opened);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode document = Json.MAPPER.createObjectNode();
                ArrayNode metrics = document.putArray("metrics");
                for (CustomMetrics.Saved entry : saved) {
                    CustomMetric metric = entry.metric();
                    metrics.addObject().put("name", metric.name()).put("kind", metric.kind().key())
                            .put("dimension", metric.dimension().key()).put("expression", metric.expression())
                            .put("created_at", entry.createdAt());
                }
                out.println(Json.MAPPER.writeValueAsString(document));
            } else if (saved.isEmpty()) {
                out.println("No custom metrics; define one with: metric add --project P --name NAME --expr EXPR");
            } else {
                for (CustomMetrics.Saved entry : saved) {
                    CustomMetric metric = entry.metric();
                    out.printf("%s  (%s, %s)  %s%n", metric.name(), metric.kind().key(), metric.dimension().key(),
                            metric.expression());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a custom metric.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The metric to remove.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Project opened = Project.open(project.path())) {
                CustomMetrics.remove(opened, name).run();
            }
            spec.commandLine().getOut().printf("removed metric %s%n", name);
            return ExitCodes.OK;
        }
    }
}
