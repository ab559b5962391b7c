package org.divergence.render.charts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.divergence.core.charts.ChartSelection;
import org.divergence.core.charts.GroupTimeline;
import org.divergence.core.charts.TimelineData;
import org.divergence.core.charts.ValueScale;
import org.divergence.core.metrics.Group;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.PaperFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.Year;

/**
 * The time view: repositories created per month by group (top), and the metric by creation year — the median, or
 * the share for share metrics — below, on a shared time axis.
 */
final class TimelineChart {

    private TimelineChart() {
    }

    static BuiltChart build(TimelineData data, ChartStyle style) {
        Metric metric = data.metric();
        List<Group> groups = data.groups();
        java.util.TimeZone utc = java.util.TimeZone.getTimeZone("UTC");
        TimeSeriesCollection monthly = new TimeSeriesCollection(utc);
        TimeSeriesCollection yearly = new TimeSeriesCollection(utc);
        XYLineAndShapeRenderer months = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer years = new XYLineAndShapeRenderer(true, true);
        years.setDefaultSeriesVisibleInLegend(false);
        List<String> undated = new ArrayList<>();
        for (GroupTimeline timeline : data.timelines()) {
            int g = timeline.groupIndex();
            String key = ChartText.legend(timeline.group(), timeline.dated() + timeline.undated());
            TimeSeries created = new TimeSeries(key);
            for (int i = 0; i < timeline.months().size(); i++) {
                YearMonth month = timeline.months().get(i);
                created.add(new Month(month.getMonthValue(), month.getYear()), timeline.created()[i]);
            }
            TimeSeries byYear = new TimeSeries(key);
            for (GroupTimeline.YearValue value : timeline.byYear()) {
                if (value.n() > 0 && !Double.isNaN(value.value())) {
                    double shown = data.yearlyShares() ? value.value() * 100
                            : data.scale().forward(value.value());
                    byYear.add(new Year(value.year()), shown);
                }
            }
            monthly.addSeries(created);
            yearly.addSeries(byYear);
            java.awt.Color colour = ChartStyle.colour(groups.get(g), g);
            months.setSeriesPaint(monthly.getSeriesCount() - 1, colour);
            months.setSeriesStroke(monthly.getSeriesCount() - 1, ChartBuilder.line(1.6f));
            years.setSeriesPaint(yearly.getSeriesCount() - 1, colour);
            years.setSeriesStroke(yearly.getSeriesCount() - 1, ChartBuilder.line(1.6f));
            undated.add(timeline.group().label() + " " + PaperFormat.count(timeline.undated()));
        }
        months.setDefaultToolTipGenerator((dataset, series, item) -> {
            GroupTimeline timeline = data.timelines().get(series);
            YearMonth month = timeline.months().get(item);
            return timeline.group().label() + ", " + month + ": " + PaperFormat.count(timeline.created()[item])
                    + " repositories created\nClick to list them.";
        });
        years.setDefaultToolTipGenerator((dataset, series, item) -> {
            GroupTimeline timeline = data.timelines().get(series);
            GroupTimeline.YearValue value = shownYears(timeline).get(item);
            return timeline.group().label() + ", created in " + value.year() + ": " + (data.yearlyShares()
                    ? ChartText.percent(value.value()) + " " + metric.noun()
                    : "median " + ChartText.exact(value.value()) + " " + metric.noun())
                    + " (n = " + PaperFormat.count(value.n()) + ")\nClick to list them.";
        });
        DateAxis time = new DateAxis("Creation date (UTC)");
        time.setTimeZone(utc);
        NumberAxis countAxis = new NumberAxis("Repositories created per month");
        XYPlot top = new XYPlot(monthly, null, countAxis, months);
        ValueAxis valueAxis = data.yearlyShares()
                ? DistributionCharts.percentAxis(metric.label() + " by creation year (%)")
                : data.scale() == ValueScale.LOG1P
                ? new Log1pAxis("Median " + metric.label().toLowerCase(Locale.ROOT) + " by creation year")
                : new NumberAxis("Median " + metric.label().toLowerCase(Locale.ROOT) + " by creation year");
        XYPlot bottom = new XYPlot(yearly, null, valueAxis, years);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        plot.add(top, 3);
        plot.add(bottom, 2);
        ChartBuilder.style(plot, style);
        List<String> notes = List.of(ChartText.filterLine(data), "Top: repositories created per month. Bottom: "
                + (data.yearlyShares() ? "share " : "median ") + "of " + metric.noun() + " among repositories "
                + "created in each year. Without a creation date: " + String.join(", ", undated) + ".");
        JFreeChart chart = ChartBuilder.chart("Repositories over time and " + metric.label().toLowerCase(Locale.ROOT)
                + ": " + ChartText.groups(data), plot, notes, style);
        return new BuiltChart(chart, data, entity -> {
            if (entity instanceof XYItemEntity item) {
                GroupTimeline timeline = data.timelines().get(item.getSeriesIndex());
                if (item.getDataset() == monthly) {
                    YearMonth month = timeline.months().get(item.getItem());
                    return Optional.of(ChartSelection.created(timeline.groupIndex(), month.atDay(1),
                            month.atEndOfMonth(), timeline.group().subject() + " created in " + month));
                }
                if (item.getDataset() == yearly) {
                    int year = shownYears(timeline).get(item.getItem()).year();
                    return Optional.of(ChartSelection.created(timeline.groupIndex(), LocalDate.of(year, 1, 1),
                            LocalDate.of(year, 12, 31), timeline.group().subject() + " created in " + year));
                }
            }
            return Optional.empty();
        }, entity -> Optional.empty(), null);
    }

    private static List<GroupTimeline.YearValue> shownYears(GroupTimeline timeline) {
        return timeline.byYear().stream().filter(value -> value.n() > 0 && !Double.isNaN(value.value())).toList();
    }
}
