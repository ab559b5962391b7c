package org.divergence.core.metrics;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.divergence.core.stats.Interval;

/**
 * The columns a comparison table can show, in the order papers print them (each figure of group a beside group b's).
 * The essential ones — the metric, n, the medians (or shares), the effect and p — are always shown; the others are
 * chosen by the user, as in JASP, and every copy of the table carries the columns shown.
 */
public enum ComparisonColumn {
    METRIC("metric", Side.NONE, "Metric", "Metric", "The metric (hover a row for its definition)",
            c -> c.metric().label()),
    N_A("n_a", Side.A, "n", "n", "Repositories where the metric is known", c -> PaperFormat.count(groupN(c, true))),
    N_B("n_b", Side.B, "n", "n", "Repositories where the metric is known", c -> PaperFormat.count(groupN(c, false))),
    CENTRE_A("centre_a", Side.A, "Median / %", "Median / share", "Median (as NumPy computes it) for numbers; for "
            + "shares, the percentage of repositories with the property", c -> centre(c, true)),
    CENTRE_B("centre_b", Side.B, "Median / %", "Median / share", CENTRE_A.tooltip, c -> centre(c, false)),
    MEAN_A("mean_a", Side.A, "Mean", "Mean", "Arithmetic mean (numbers only)", c -> mean(c, true)),
    MEAN_B("mean_b", Side.B, "Mean", "Mean", MEAN_A.tooltip, c -> mean(c, false)),
    QUARTILES_A("quartiles_a", Side.A, "Q1 – Q3", "Q1 – Q3", "First and third quartiles (NumPy's linear "
            + "interpolation; numbers only)", c -> quartiles(c, true)),
    QUARTILES_B("quartiles_b", Side.B, "Q1 – Q3", "Q1 – Q3", QUARTILES_A.tooltip, c -> quartiles(c, false)),
    EFFECT("effect", Side.NONE, "Effect", "Effect", "Effect size, positive when group a is higher: Cliff's δ = "
            + "P(a > b) − P(a < b) for numbers, Cohen's h = h_a − h_b for shares", EffectDisplay::text),
    EFFECT_INTERVAL("effect_ci", Side.NONE, "δ 95% CI", "δ 95% CI", "Confidence interval of Cliff's δ (numbers "
            + "only)", c -> c instanceof NumericComparison n ? interval(n.cliffsDeltaInterval(), true)
            : PaperFormat.UNDEFINED),
    MAGNITUDE("magnitude", Side.NONE, "Magnitude", "Magnitude", "Negligible, small, medium or large: Romano et al. "
            + "thresholds for |δ| (0.147, 0.33, 0.474), Cohen's for |h| (0.2, 0.5, 0.8)",
            c -> c.magnitude() == null ? PaperFormat.UNDEFINED : c.magnitude().word()),
    P("p", Side.NONE, "p", "p", "Two-sided p-value: Mann–Whitney U for numbers (exact when a group has at most 8 "
            + "values and none is tied, else the normal approximation), Fisher's exact test for shares when an "
            + "expected count is below 5, else Pearson's χ²", c -> PaperFormat.pValue(c.significance().pValue())),
    P_HOLM("p_holm", Side.NONE, "p Holm", "p Holm", "Holm-adjusted over every metric of this comparison with a "
            + "p-value (the family; see the note below)", c -> PaperFormat.pValue(c.significance().holm())),
    P_BH("p_bh", Side.NONE, "p BH", "p BH", "Benjamini–Hochberg (false discovery rate) over the same family",
            c -> PaperFormat.pValue(c.significance().bh())),
    TEST("test", Side.NONE, "Test", "Test", "How p was computed: exact or normal approximation (Mann–Whitney), "
            + "Fisher or χ² (shares)", c -> c.significance().method() == null ? PaperFormat.UNDEFINED
            : c.significance().method().label()),
    STATISTIC("statistic", Side.NONE, "U / χ²", "U / χ²", "The test statistic: Mann–Whitney U for numbers, "
            + "Pearson's χ² (df = 1, no continuity correction) for shares", c -> PaperFormat.number(switch (c) {
                case NumericComparison n -> n.mannWhitneyU();
                case ShareComparison s -> s.chiSquare();
            })),
    Z("z", Side.NONE, "z", "z", "Mann–Whitney's z (normal approximation, tie corrected; numbers only)",
            c -> c instanceof NumericComparison n ? PaperFormat.effect(n.z()) : PaperFormat.UNDEFINED),
    MEDIAN_DIFFERENCE("median_diff", Side.NONE, "Median a − b", "Median difference (a − b)", "Median of group a "
            + "minus median of group b (numbers only)", c -> c instanceof NumericComparison n
            ? PaperFormat.number(-n.medianDiff()) : PaperFormat.UNDEFINED),
    MEDIAN_DIFFERENCE_INTERVAL("median_diff_ci", Side.NONE, "Median diff. CI", "Median difference 95% CI",
            "Percentile bootstrap interval of the median difference a − b (numbers only)",
            c -> c instanceof NumericComparison n ? interval(n.medianDiffIntervalAMinusB(), false)
                    : PaperFormat.UNDEFINED);

    /** Which group a column describes, when it describes one. */
    public enum Side { NONE, A, B }

    /** The columns of the table printed in reports and papers (and copied before columns could be chosen). */
    public static final List<ComparisonColumn> PAPER = List.of(METRIC, N_A, N_B, CENTRE_A, CENTRE_B, MEAN_A, MEAN_B,
            EFFECT, MAGNITUDE, P, P_HOLM, P_BH, TEST);

    /** Always shown: what a reader needs to read a row at all. */
    public static final Set<ComparisonColumn> ESSENTIAL = EnumSet.of(METRIC, N_A, N_B, CENTRE_A, CENTRE_B, EFFECT, P);

    /** Shown until the user chooses otherwise. */
    public static final Set<ComparisonColumn> SHOWN_BY_DEFAULT = EnumSet.of(METRIC, N_A, N_B, CENTRE_A, CENTRE_B,
            EFFECT, MAGNITUDE, P, P_HOLM);

    private final String key;
    private final Side side;
    private final String title;
    private final String paperTitle;
    private final String tooltip;
    private final Function<MetricComparison, String> cell;

    ComparisonColumn(String key, Side side, String title, String paperTitle, String tooltip,
                     Function<MetricComparison, String> cell) {
        this.key = key;
        this.side = side;
        this.title = title;
        this.paperTitle = paperTitle;
        this.tooltip = tooltip;
        this.cell = cell;
    }

    /** A stable name for settings, e.g. "p_holm". */
    public String key() {
        return key;
    }

    public Side side() {
        return side;
    }

    /** The title under its group's heading on screen, e.g. "Median / %". */
    public String title() {
        return title;
    }

    public String tooltip() {
        return tooltip;
    }

    public boolean isEssential() {
        return ESSENTIAL.contains(this);
    }

    /** The heading in a paper's table, naming the group, e.g. "Median / share GitHub". */
    public String paperHeader(String groupA, String groupB) {
        return switch (this) {
            case EFFECT -> "Effect (+: " + groupA + " higher)";
            default -> switch (side) {
                case NONE -> paperTitle;
                case A -> paperTitle + " " + groupA;
                case B -> paperTitle + " " + groupB;
            };
        };
    }

    /** The formatted cell of one metric's row. */
    public String cell(MetricComparison comparison) {
        return cell.apply(comparison);
    }

    /** Left-aligned text (the rest are numbers, right-aligned). */
    public boolean isText() {
        return this == METRIC || this == MAGNITUDE || this == TEST;
    }

    /** A column's key back, or null for a key this version does not know (e.g. from a newer version's settings). */
    public static ComparisonColumn ofKey(String key) {
        for (ComparisonColumn column : values()) {
            if (column.key.equals(key)) {
                return column;
            }
        }
        return null;
    }

    private static long groupN(MetricComparison comparison, boolean a) {
        return switch (comparison) {
            case NumericComparison c -> (a ? c.a() : c.b()).n();
            case ShareComparison c -> (a ? c.a() : c.b()).n();
        };
    }

    private static String centre(MetricComparison comparison, boolean a) {
        return switch (comparison) {
            case NumericComparison c -> PaperFormat.number((a ? c.a() : c.b()).median());
            case ShareComparison c -> PaperFormat.share((a ? c.a() : c.b()).share());
        };
    }

    private static String mean(MetricComparison comparison, boolean a) {
        return comparison instanceof NumericComparison c ? PaperFormat.number((a ? c.a() : c.b()).mean())
                : PaperFormat.UNDEFINED;
    }

    private static String quartiles(MetricComparison comparison, boolean a) {
        if (!(comparison instanceof NumericComparison c)) {
            return PaperFormat.UNDEFINED;
        }
        GroupSummary group = a ? c.a() : c.b();
        return Double.isNaN(group.q1()) ? PaperFormat.UNDEFINED
                : PaperFormat.number(group.q1()) + " – " + PaperFormat.number(group.q3());
    }

    private static String interval(Interval interval, boolean effect) {
        if (interval == null || Double.isNaN(interval.low())) {
            return PaperFormat.UNDEFINED;
        }
        Function<Double, String> format = effect ? PaperFormat::effect : PaperFormat::number;
        String range = "[" + format.apply(interval.low()) + ", " + format.apply(interval.high()) + "]";
        long level = Math.round(interval.level() * 100);
        return level == 95 ? range : String.format(Locale.ROOT, "%d%% %s", level, range);
    }
}
