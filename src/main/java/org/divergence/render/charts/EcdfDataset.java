package org.divergence.render.charts;

import java.util.ArrayList;
import java.util.List;
import org.divergence.core.charts.Ecdf;
import org.divergence.core.charts.EcdfData;
import org.divergence.core.charts.ValueScale;
import org.jfree.data.DomainInfo;
import org.jfree.data.Range;
import org.jfree.data.RangeInfo;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * The ECDF curves as JFreeChart sees them: each group's step points thinned to the pixel columns of the visible
 * range (x at the value's position on the scale, y = F). When the axis zooms, {@link #show} resamples from the exact
 * frequency tables, so zooming in reveals every step while never more than two points per column are drawn. The
 * bounds reported are those of all data, so "reset zoom" returns to the whole curve.
 */
public final class EcdfDataset extends AbstractXYDataset implements DomainInfo, RangeInfo {

    private final EcdfData data;
    private final List<String> keys;
    private final List<Ecdf.Points> points = new ArrayList<>();
    private int columns = EcdfData.DEFAULT_COLUMNS;
    private double shownFrom = Double.NaN;
    private double shownTo = Double.NaN;

    EcdfDataset(EcdfData data, List<String> keys) {
        this.data = data;
        this.keys = List.copyOf(keys);
        for (Ecdf ignored : data.curves()) {
            points.add(new Ecdf.Points(new double[0], new double[0]));
        }
        resample(data.min(), data.max());
    }

    public ValueScale scale() {
        return data.scale();
    }

    /** Shows the curves between two axis positions (on the scale), thinned to the current columns. */
    public void show(double fromPosition, double toPosition) {
        double from = data.scale().inverse(fromPosition);
        double to = data.scale().inverse(toPosition);
        if (from == shownFrom && to == shownTo) {
            return;
        }
        resample(from, to);
        fireDatasetChanged();
    }

    /** The pixel columns to thin to (about twice the plot's width in pixels). */
    public void setColumns(int value) {
        int next = Math.max(50, value);
        if (next != columns) {
            columns = next;
            double from = shownFrom;
            double to = shownTo;
            resample(from, to);
            fireDatasetChanged();
        }
    }

    /** Points drawn now, all series together (the renderer's load). */
    public int pointCount() {
        return points.stream().mapToInt(Ecdf.Points::size).sum();
    }

    private void resample(double from, double to) {
        shownFrom = from;
        shownTo = to;
        List<Ecdf> curves = data.curves();
        for (int g = 0; g < curves.size(); g++) {
            points.set(g, curves.get(g).sample(data.scale(), from, to, columns));
        }
    }

    /** The exact value (not its position) of a point. */
    public double value(int series, int item) {
        return points.get(series).x()[item];
    }

    public double fraction(int series, int item) {
        return points.get(series).f()[item];
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return keys.get(series);
    }

    @Override
    public int getItemCount(int series) {
        return points.get(series).size();
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        return data.scale().forward(points.get(series).x()[item]);
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
        return points.get(series).f()[item];
    }

    @Override
    public double getDomainLowerBound(boolean includeInterval) {
        return data.scale().forward(data.min());
    }

    @Override
    public double getDomainUpperBound(boolean includeInterval) {
        return data.scale().forward(data.max());
    }

    @Override
    public Range getDomainBounds(boolean includeInterval) {
        double low = getDomainLowerBound(includeInterval);
        double high = getDomainUpperBound(includeInterval);
        return high > low ? new Range(low, high) : new Range(low - 0.5, low + 0.5);
    }

    @Override
    public double getRangeLowerBound(boolean includeInterval) {
        return 0;
    }

    @Override
    public double getRangeUpperBound(boolean includeInterval) {
        return 1;
    }

    @Override
    public Range getRangeBounds(boolean includeInterval) {
        return new Range(0, 1);
    }
}
