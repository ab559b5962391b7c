package org.divergence.core.report;

import java.util.List;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.Dimension;
import org.divergence.render.report.EffectSizeCharts;

/**
 * Draws the report's chart(s) for each dimension. The built-in {@link EffectSizeCharts} draws effect sizes; the
 * charts feature supplies a richer renderer (box plots, ECDFs) through app.report.ReportExtensions. Every renderer
 * must be deterministic: same comparison, same SVG text, ids derived from the dimension (never random or counted
 * across reports).
 */
public interface ReportCharts {

    /** Names the renderer in the provenance block, e.g. "built-in effect-size charts". */
    String name();

    /** The dimension's charts, in order; empty when there is nothing to draw. */
    List<ReportChart> dimensionCharts(Dimension dimension, ComparisonReport comparison);
}
