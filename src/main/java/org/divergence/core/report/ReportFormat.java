package org.divergence.core.report;

import java.util.Locale;
import org.divergence.core.common.InvalidInputException;

/** The files a report is written as: one self-contained HTML page, Markdown for notebooks, LaTeX tables for papers. */
public enum ReportFormat {
    HTML("html", "HTML page", "html"),
    MARKDOWN("md", "Markdown", "md"),
    LATEX("latex", "LaTeX tables", "tex");

    private final String code;
    private final String label;
    private final String extension;

    ReportFormat(String code, String label, String extension) {
        this.code = code;
        this.label = label;
        this.extension = extension;
    }

    /** The name on the command line: html, md, latex. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The file extension without its dot. */
    public String extension() {
        return extension;
    }

    /** html, md (or markdown), latex (or tex); anything else is invalid input naming the accepted values. */
    public static ReportFormat parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "html", "htm" -> HTML;
            case "md", "markdown" -> MARKDOWN;
            case "latex", "tex" -> LATEX;
            default -> throw new InvalidInputException("--format " + text + ": use html, md or latex");
        };
    }

    /** The format a file name asks for by its extension, or null when it names none of ours. */
    public static ReportFormat ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (name.endsWith("." + format.extension)) {
                return format;
            }
        }
        return name.endsWith(".htm") || name.endsWith(".markdown") ? parse(name.substring(name.lastIndexOf('.') + 1))
                : null;
    }

    @Override
    public String toString() {
        return label;
    }
}
