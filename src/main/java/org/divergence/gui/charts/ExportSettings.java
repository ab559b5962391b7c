package org.divergence.gui.charts;

import org.divergence.render.charts.ChartFormat;

/** How to export a chart: format, layout size in pixels of 1/96 inch, PNG resolution, and light or dark. */
public record ExportSettings(ChartFormat format, int width, int height, int dpi, boolean dark) {
}
