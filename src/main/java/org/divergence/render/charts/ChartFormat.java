package org.divergence.render.charts;

import java.nio.file.Path;
import java.util.Locale;
import org.divergence.core.common.InvalidInputException;

/** The export formats: PNG (raster at a chosen DPI), SVG and PDF (vector). */
public enum ChartFormat {
    PNG("png", "PNG image"), SVG("svg", "SVG drawing"), PDF("pdf", "PDF document");

    private final String extension;
    private final String description;

    ChartFormat(String extension, String description) {
        this.extension = extension;
        this.description = description;
    }

    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /** The format a file name asks for by its extension. */
    public static ChartFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ChartFormat format : values()) {
            if (name.endsWith("." + format.extension)) {
                return format;
            }
        }
        throw new InvalidInputException(file + ": use a file name ending in .png, .svg or .pdf");
    }
}
