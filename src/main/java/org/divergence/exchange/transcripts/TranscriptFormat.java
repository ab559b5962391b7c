package org.divergence.exchange.transcripts;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The transcript file formats the workbench imports, recognised by file extension. */
public enum TranscriptFormat {
    TXT("txt", "Plain text"),
    MD("md", "Markdown"),
    DOCX("docx", "Word document"),
    PDF("pdf", "PDF"),
    ODT("odt", "OpenDocument text"),
    VTT("vtt", "WebVTT subtitles"),
    SRT("srt", "SubRip subtitles");

    private final String extension;
    private final String label;

    TranscriptFormat(String extension, String label) {
        this.extension = extension;
        this.label = label;
    }

    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    public static Optional<TranscriptFormat> of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.equals("markdown") || name.endsWith(".markdown") ? "md"
                : name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return Arrays.stream(values()).filter(format -> format.extension.equals(ext)).findFirst();
    }

    /** True for files this importer takes: the lead's import dispatcher routes them here. */
    public static boolean isTranscript(Path file) {
        return of(file).isPresent();
    }

    /** "txt", "md", …: the extensions imported as transcripts. */
    public static java.util.Set<String> extensions() {
        return Arrays.stream(values()).map(format -> format.extension).collect(java.util.stream.Collectors.toSet());
    }

    /** "*.txt", "*.md", … for file choosers. */
    public static List<String> patterns() {
        return Arrays.stream(values()).map(format -> "*." + format.extension).toList();
    }
}
