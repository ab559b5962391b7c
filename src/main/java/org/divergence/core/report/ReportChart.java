package org.divergence.core.report;

import java.util.function.Supplier;

/**
 * One chart of the report: a deterministic id (unique in the report, e.g. "chart-user-innovation"), a title, a
 * caption saying how to read it, the inline SVG, and what the preview shows: the drawing, when the renderer has one,
 * or else a PNG rendered on first request (null for both: the preview shows the title and caption only).
 */
public record ReportChart(String id, String title, String caption, String svg, ChartDrawing drawing,
                          PreviewImage image) {

    public ReportChart(String id, String title, String caption, String svg, ChartDrawing drawing) {
        this(id, title, caption, svg, drawing, null);
    }

    /**
     * A PNG of the chart for the preview, rendered once on first request (off the UI thread: the preview's task asks
     * for it before the preview is shown), so that a report written to a file never pays for it.
     */
    public static final class PreviewImage {

        private final Supplier<byte[]> render;
        private byte[] png;

        public PreviewImage(Supplier<byte[]> render) {
            this.render = render;
        }

        public synchronized byte[] png() {
            if (png == null) {
                png = render.get();
            }
            return png.clone();
        }
    }
}
