package org.divergence.render.charts;

import java.util.List;
import org.divergence.core.charts.ChartData;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricKind;
import org.divergence.core.metrics.PaperFormat;

/** The words on charts: titles, axis labels with units, legend entries with sample sizes, exact values. */
public final class ChartText {

    private ChartText() {
    }

    /** The unit a metric's values are counted in, for axis labels. */
    public static String unit(Metric metric) {
        if (!(metric instanceof BuiltInMetric builtIn)) {
            return metric.kind() == MetricKind.SHARE ? "share of repositories, %" : "value per repository";
        }
        return switch (builtIn) {
            case CONTRIBUTORS -> "contributors per repository";
            case COMMITS -> "commits per repository";
            case COMMITS_PER_CONTRIBUTOR -> "commits ÷ contributors";
            case PULL_REQUESTS -> "pull requests per repository";
            case PR_ACCEPTANCE_RATE -> "merged ÷ pull requests";
            case KNOWLEDGE_THREADS -> "issues or discussions per repository";
            case DERIVATIVES -> "forks or derived models per repository";
            case ENDORSEMENTS -> "stars or likes per repository";
            default -> "share of repositories, %";
        };
    }

    /** E.g. "Commits (commits per repository, log scale)". */
    public static String valueAxis(Metric metric, String scale) {
        return metric.label() + " (" + unit(metric) + (scale == null ? "" : ", " + scale) + ")";
    }

    /** "GitHub vs Hugging Face", "Code vs Models vs Datasets vs Spaces". */
    public static String groups(ChartData data) {
        return String.join(" vs ", data.groups().stream().map(Group::label).toList());
    }

    public static String title(String what, ChartData data) {
        return what + ": " + groups(data);
    }

    /** The filter and where the numbers come from, for the subtitle. */
    public static String filterLine(ChartData data) {
        return "Repositories: " + data.filter().describe() + ".";
    }

    /** "GitHub (n = 1,428,792)". */
    public static String legend(Group group, long n) {
        return group.label() + " (n = " + PaperFormat.count(n) + ")";
    }

    /** Up to six significant digits, thousands separated: the figure a tooltip shows. */
    public static String exact(double value) {
        if (Double.isNaN(value)) {
            return PaperFormat.UNDEFINED;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return count((long) value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * A share with two decimals, "45.23%". Built by hand rather than with String.format: ECDF tooltips are made for
     * every drawn point on every redraw, and formatting dominated the redraw time.
     */
    public static String percent(double share) {
        if (Double.isNaN(share)) {
            return PaperFormat.UNDEFINED;
        }
        long hundredths = Math.round(share * 10_000);
        long whole = hundredths / 100;
        long fraction = Math.abs(hundredths % 100);
        return (hundredths < 0 && whole == 0 ? "-" : "") + whole + "." + (fraction < 10 ? "0" : "") + fraction + "%";
    }

    /** "1,428,792", without String.format (see {@link #percent}). */
    public static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            text.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        text.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            text.append(',').append(digits, i, i + 3);
        }
        return text.toString();
    }

    /** The metric's noun in sentences, e.g. "commits". */
    public static String noun(Metric metric) {
        return metric.noun();
    }

    static String joined(List<String> parts) {
        return String.join("; ", parts);
    }
}
