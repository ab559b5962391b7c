package org.divergence.render.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.divergence.core.charts.ChartData;
import org.divergence.core.charts.ChartDatasets;
import org.divergence.core.charts.ChartType;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.metrics.GroupSplits;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricAccumulator;
import org.divergence.core.metrics.MetricInput;
import org.divergence.core.metrics.RepositoryCounts;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Every chart type exports as a valid PNG (size and DPI), SVG (size) and PDF (page size, text). */
class ChartExportTest {

    @TempDir
    Path folder;

    static MetricAccumulator sample() {
        MetricAccumulator data = new MetricAccumulator(GroupSplits.PLATFORM, true);
        RepositoryCounts row = new RepositoryCounts();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            Platform platform = i % 2 == 0 ? Platform.GITHUB : Platform.HUGGINGFACE;
            row.clear().set(i, platform, platform == Platform.GITHUB ? RepoType.CODE : RepoType.MODEL)
                    .setCreatedMonth(2015 * 12 + random.nextInt(120));
            long contributors = (long) Math.floor(Math.exp(random.nextGaussian() * 1.2));
            long pulls = random.nextInt(3) == 0 ? 0 : (long) Math.floor(Math.exp(random.nextGaussian() * 2));
            row.set(MetricInput.CONTRIBUTORS, contributors).set(MetricInput.COMMITS, contributors * 7 + i % 13)
                    .set(MetricInput.PULL_REQUESTS, pulls).set(MetricInput.MERGED_PULL_REQUESTS, pulls / 2)
                    .set(MetricInput.KNOWLEDGE_THREADS, i % 17).set(MetricInput.DERIVATIVES, i % 5)
                    .set(MetricInput.ENDORSEMENTS, (long) Math.floor(Math.exp(random.nextGaussian() * 3)));
            data.add(row);
        }
        return data;
    }

    static ChartData chart(ChartType type) {
        Metric metric = type == ChartType.SHARE ? BuiltInMetric.HAS_PULL_REQUESTS : BuiltInMetric.COMMITS;
        return ChartDatasets.build(type, metric, sample(), RepositoryFilter.ALL);
    }

    @Test
    void everyChartTypeExportsToEveryFormatWithTheChosenSize() throws Exception {
        for (ChartType type : ChartType.values()) {
            BuiltChart built = ChartBuilder.build(chart(type), ChartStyle.LIGHT);
            Path png = folder.resolve(type.key() + ".png");
            ChartExport.write(built.chart(), png, 800, 500, 96);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(800, image.getWidth(), type.key());
            assertEquals(500, image.getHeight());

            Path print = folder.resolve(type.key() + "-300.png");
            ChartExport.write(built.chart(), print, 800, 500, 300);
            BufferedImage large = ImageIO.read(print.toFile());
            assertEquals(2500, large.getWidth(), "800 px at 300 DPI = 8.33 in = 2,500 pixels");
            assertEquals(1563, large.getHeight());
            assertEquals(300, dpiOf(print), 0.5);

            Path svg = folder.resolve(type.key() + ".svg");
            ChartExport.write(built.chart(), svg, 800, 500, 96);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // The SVG's DOCTYPE names the W3C DTD: parse it well-formed, without fetching anything.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Element root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
            assertEquals("svg", root.getTagName());
            assertEquals(800, Double.parseDouble(root.getAttribute("width")));
            assertEquals(500, Double.parseDouble(root.getAttribute("height")));
            String legend = type == ChartType.EFFECTS ? "GitHub vs Hugging Face (n = 1,000 / 1,000)"
                    : "GitHub (n = 1,000)";
            assertTrue(Files.readString(svg).contains(legend), type.key() + ": sample sizes in the legend");

            Path pdf = folder.resolve(type.key() + ".pdf");
            ChartExport.write(built.chart(), pdf, 800, 500, 96);
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                assertEquals(1, document.getNumberOfPages());
                PDRectangle page = document.getPage(0).getMediaBox();
                assertEquals(600, page.getWidth(), 0.01, "800 px = 600 pt");
                assertEquals(375, page.getHeight(), 0.01);
                // Text is drawn as outlines (glyphs the base fonts lack), so the page is all paths: check it is
                // substantial, not empty.
                try (var content = document.getPage(0).getContents()) {
                    assertTrue(content.readAllBytes().length > 5_000, type.key() + ": a drawn page");
                }
            }
        }
        try (var listing = Files.list(folder)) {
            assertFalse(listing.anyMatch(file -> file.toString().endsWith(".part")), "no temporary files left");
        }
    }

    @Test
    void theSvgOfAChartIsTheSameEveryTime() {
        BuiltChart first = ChartBuilder.build(chart(ChartType.BOX), ChartStyle.LIGHT);
        BuiltChart second = ChartBuilder.build(chart(ChartType.BOX), ChartStyle.LIGHT);
        assertEquals(ChartExport.svg(first.chart(), 640, 400), ChartExport.svg(second.chart(), 640, 400));
    }

    @Test
    void badSizesFormatsAndTargetsAreRefusedWithoutWritingAnything() {
        BuiltChart built = ChartBuilder.build(chart(ChartType.ECDF), ChartStyle.DARK);
        assertThrows(InvalidInputException.class,
                () -> ChartExport.write(built.chart(), folder.resolve("a.png"), 50, 500, 96));
        assertThrows(InvalidInputException.class,
                () -> ChartExport.write(built.chart(), folder.resolve("a.png"), 800, 500, 5000));
        InvalidInputException format = assertThrows(InvalidInputException.class,
                () -> ChartExport.write(built.chart(), folder.resolve("a.jpg"), 800, 500, 96));
        assertTrue(format.getMessage().contains(".svg"));
        assertFalse(Files.exists(folder.resolve("a.png")));
        assertEquals(List.of(), listing());
    }

    private List<Path> listing() {
        try (var files = Files.list(folder)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double dpiOf(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(Files.readAllBytes(png)))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            org.w3c.dom.Node tree = metadata.getAsTree("javax_imageio_png_1.0");
            for (org.w3c.dom.Node node = tree.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node.getNodeName().equals("pHYs")) {
                    Element physical = (Element) node;
                    return Double.parseDouble(physical.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
                }
            }
            return Double.NaN;
        }
    }
}
