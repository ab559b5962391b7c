package org.divergence.render.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.divergence.core.common.InvalidInputException;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG, SVG or PDF. The size is the chart's layout in pixels of 1/96 inch (what the screen shows):
 * a PNG at D DPI has width·D/96 × height·D/96 pixels and says D DPI in its pHYs chunk, so it prints at width/96
 * inches like the vector formats (an SVG of width × height px, a PDF page of width·0.75 × height·0.75 points, its
 * text drawn as outlines).
 * Files are written next to the target and moved into place, so a failed export never leaves half a file.
 */
public final class ChartExport {

    public static final int DEFAULT_WIDTH = 960;
    public static final int DEFAULT_HEIGHT = 600;
    public static final int SCREEN_DPI = 96;
    private static final int MAX_PIXELS = 20_000;

    private ChartExport() {
    }

    public static void write(JFreeChart chart, Path target, int width, int height, int dpi) {
        write(chart, target, ChartFormat.of(target), width, height, dpi);
    }

    public static void write(JFreeChart chart, Path target, ChartFormat format, int width, int height, int dpi) {
        check(width, height, dpi, format);
        byte[] bytes = switch (format) {
            case PNG -> png(chart, width, height, dpi);
            case SVG -> svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(chart, width, height);
        };
        writeAtomically(target, bytes);
    }

    private static void check(int width, int height, int dpi, ChartFormat format) {
        if (width < 100 || height < 100 || width > MAX_PIXELS || height > MAX_PIXELS) {
            throw new InvalidInputException("chart size " + width + " × " + height + ": width and height must be "
                    + "between 100 and " + MAX_PIXELS + " pixels");
        }
        if (dpi < 24 || dpi > 1200) {
            throw new InvalidInputException("--dpi " + dpi + ": use 24 to 1200 (e.g. 300 for print)");
        }
        if (format == ChartFormat.PNG && (long) width * dpi / SCREEN_DPI * ((long) height * dpi / SCREEN_DPI)
                > 400_000_000L) {
            throw new InvalidInputException("a PNG of " + width + " × " + height + " at " + dpi + " DPI would have "
                    + "more than 400 million pixels; lower the size or the DPI, or export SVG or PDF");
        }
    }

    /** The chart as an SVG document (also what the HTML report inlines). Ids are stable: same chart, same text. */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("dw");
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGDocument();
    }

    /**
     * The chart as an {@code <svg>} element for inlining in a page with other charts: {@code id} names the element
     * and prefixes its clip-path and gradient ids, so several charts never share an id. Same chart, same text.
     */
    public static String svg(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGElement(id);
    }

    public static BufferedImage image(JFreeChart chart, int width, int height, int dpi) {
        double scale = dpi / (double) SCREEN_DPI;
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** The chart as PNG bytes (what {@link #write} writes for PNG). */
    public static byte[] png(JFreeChart chart, int width, int height, int dpi) {
        BufferedImage image = image(chart, width, height, dpi);
        try {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
            ImageWriter writer = writers.next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            physical.setAttribute("pixelsPerUnitXAxis", perMetre);
            physical.setAttribute("pixelsPerUnitYAxis", perMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(physical);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pdf(JFreeChart chart, int width, int height) {
        PDFDocument document = new PDFDocument();
        document.setTitle(chart.getTitle() == null ? "Chart" : chart.getTitle().getText());
        document.setAuthor("Divergence Workbench");
        Page page = document.createPage(new Rectangle2D.Double(0, 0, width * 0.75, height * 0.75));
        PDFGraphics2D g2 = page.getGraphics2D();
        // Text as glyph outlines: the PDF base fonts have no ×, −, ≤, δ (OrsonPDF would print "?"), and outlined
        // text needs no font embedding, which journals ask for.
        g2.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        g2.scale(0.75, 0.75);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return document.getPDFBytes();
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        try {
            if (directory != null) {
                Files.createDirectories(directory);
            }
            // Not createTempFile: its owner-only permissions would stay on the exported file.
            Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
                    + "-" + System.nanoTime() + ".part");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    out.write(bytes);
                }
                try {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
