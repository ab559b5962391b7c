package org.divergence.store.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.formulas.CustomMetric;
import org.divergence.core.formulas.FormulaParser;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.MetricSet;
import org.divergence.core.tags.RuleSyntaxException;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/**
 * A project's custom metric definitions (table {@code custom_metric}): read, and added, changed or removed through
 * undoable {@link ProjectCommand}s. Expressions are stored in their normal form and parsed again when read.
 */
public final class CustomMetrics {

    /** What a change of definitions changes: every comparison, chart and report that shows metrics. */
    public static final Set<DataArea> METRICS = EnumSet.of(DataArea.METRICS);

    /** A stored definition with its row id. */
    public record Saved(long id, CustomMetric metric, String createdAt) {
    }

    private CustomMetrics() {
    }

    /** Every definition, by name. */
    public static List<Saved> list(Project project) {
        return project.read(CustomMetrics::list);
    }

    public static List<Saved> list(Connection connection) throws SQLException {
        return Sql.list(connection, SqlText.of("SELECT id, name, expression, kind, dimension, created_at FROM"
                + " custom_metric ORDER BY lower(name)"), rs -> new Saved(rs.getLong(1), read(rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6)));
    }

    /** The built-in metrics and the project's custom ones: what its comparisons, charts and reports show. */
    public static MetricSet metricSet(Project project) {
        return MetricSet.withCustom(list(project).stream().map(Saved::metric).toList());
    }

    /** Adds a definition (undoable); a name the project already uses (in any case) is refused. */
    public static ProjectCommand<Long> add(Project project, CustomMetric metric) {
        return new ProjectCommand<>(project, "add custom metric \u201C" + metric.name() + "\u201D", METRICS,
                (connection, recorder) -> {
                    requireFreeName(connection, metric.name(), -1);
                    long id = Sql.insert(connection, SqlText.of("INSERT INTO custom_metric (name, expression, kind,"
                            + " dimension, created_at) VALUES (?, ?, ?, ?, ?)"), metric.name(), metric.expression(),
                            metric.kind().key(), metric.dimension().key(), Sql.now());
                    recorder.inserted(Tables.CUSTOM_METRIC, id);
                    return id;
                });
    }

    /** Replaces the definition with this id (name, expression, kind and dimension; undoable). */
    public static ProjectCommand<Long> update(Project project, long id, CustomMetric metric) {
        return new ProjectCommand<>(project, "change custom metric \u201C" + metric.name() + "\u201D", METRICS,
                (connection, recorder) -> {
                    requireFreeName(connection, metric.name(), id);
                    recorder.touch(Tables.CUSTOM_METRIC, id);
                    int changed = Sql.update(connection, SqlText.of("UPDATE custom_metric SET name = ?, expression ="
                            + " ?, kind = ?, dimension = ? WHERE id = ?"), metric.name(), metric.expression(),
                            metric.kind().key(), metric.dimension().key(), id);
                    if (changed == 0) {
                        throw new InvalidInputException("The custom metric was removed in the meantime.");
                    }
                    return id;
                });
    }

    /** Removes the definition named so (ignoring case; undoable); an unknown name is invalid input. */
    public static ProjectCommand<Long> remove(Project project, String name) {
        return new ProjectCommand<>(project, "remove custom metric \u201C" + name + "\u201D", METRICS,
                (connection, recorder) -> {
                    Saved saved = list(connection).stream()
                            .filter(candidate -> candidate.metric().name().equalsIgnoreCase(name)).findFirst()
                            .orElseThrow(() -> unknown(connection, name));
                    recorder.touch(Tables.CUSTOM_METRIC, saved.id());
                    Sql.update(connection, SqlText.of("DELETE FROM custom_metric WHERE id = ?"), saved.id());
                    return saved.id();
                });
    }

    /** Stores a definition with a fixed time, not undoable: for a project being built (the sample project). */
    public static void addFixed(Connection connection, CustomMetric metric, String createdAt) throws SQLException {
        requireFreeName(connection, metric.name(), -1);
        Sql.insert(connection, SqlText.of("INSERT INTO custom_metric (name, expression, kind, dimension, created_at)"
                + " VALUES (?, ?, ?, ?, ?)"), metric.name(), metric.expression(), metric.kind().key(),
                metric.dimension().key(), createdAt);
    }

    private static void requireFreeName(Connection connection, String name, long exceptId) throws SQLException {
        List<String> taken = Sql.list(connection, SqlText.of("SELECT name FROM custom_metric WHERE lower(name) = ?"
                + " AND id <> ?"), rs -> rs.getString(1), name.toLowerCase(Locale.ROOT), exceptId);
        if (!taken.isEmpty()) {
            String existing = taken.getFirst();
            throw new InvalidInputException("the project already has a custom metric named '" + existing + "'"
                    + (existing.equals(name) ? "" : " (names are compared ignoring case)") + "; choose another name,"
                    + " or remove that one first (metric remove --name " + existing + ")");
        }
    }

    private static InvalidInputException unknown(Connection connection, String name) {
        try {
            List<String> names = list(connection).stream().map(saved -> saved.metric().name()).toList();
            return new InvalidInputException("the project has no custom metric named '" + name + "'"
                    + (names.isEmpty() ? " (it has none)" : "; it has " + String.join(", ", names)));
        } catch (SQLException e) {
            return new InvalidInputException("the project has no custom metric named '" + name + "'", e);
        }
    }

    /** A stored row as a metric; a row this version cannot read names the metric and the problem. */
    private static CustomMetric read(String name, String expression, String kind, String dimension) {
        MetricKind metricKind = MetricKind.SHARE.key().equals(kind) ? MetricKind.SHARE : MetricKind.NUMERIC;
        try {
            return new CustomMetric(name, Dimension.of(dimension), metricKind,
                    FormulaParser.parse(expression, metricKind));
        } catch (RuleSyntaxException | IllegalArgumentException e) {
            throw new InvalidInputException("custom metric '" + name + "' in the project cannot be read ("
                    + e.getMessage() + "); remove it (metric remove --name " + name + ") and define it again", e);
        }
    }
}
