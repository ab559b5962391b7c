package org.divergence.core.report;

/**
 * One chart of the report: a deterministic id (unique in the report, e.g. "chart-user-innovation"), a title, a
 * caption saying how to read it, the inline SVG, and, when the renderer has one, the drawing the preview shows
 * (null: the preview shows the title and caption only).
 */
public record ReportChart(String id, String title, String caption, String svg, ChartDrawing drawing) {
}
