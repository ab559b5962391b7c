package org.divergence.app.refi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.refi.MergeReport;
import org.divergence.core.refi.RefiProject;
import org.divergence.exchange.refi.QdeParser;
import org.divergence.exchange.refi.QdpxReader;
import org.divergence.exchange.refi.QdpxWriter;
import org.divergence.store.project.Project;
import org.divergence.store.refi.ProjectSnapshot;
import org.divergence.store.refi.RefiMerger;
import org.divergence.store.undo.ProjectCommand;

/**
 * REFI-QDA exchange in one place: read a .qdpx, a .qdc or another project into a {@link RefiProject}, merge one into
 * a project (an undoable command, one transaction), and export a project as .qdpx or its codebook as .qdc.
 */
public final class RefiExchange {

    /** A .qdc is a single XML document; larger ones are refused before parsing. */
    static final long MAX_CODEBOOK_BYTES = 64L << 20;

    private RefiExchange() {
    }

    public static RefiProject readQdpx(Path file) {
        return QdpxReader.read(file);
    }

    public static RefiProject readQdc(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name + ": is a folder, not a file");
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(name + ": file not found");
            }
            if (Files.size(file) > MAX_CODEBOOK_BYTES) {
                throw new InvalidInputException(name + ": refused, larger than " + (MAX_CODEBOOK_BYTES >> 20)
                        + " MB for a codebook");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return QdeParser.parseCodebook(in, name);
            }
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Another project's coding (its own file, opened for reading while this runs). */
    public static RefiProject readProject(Path other, Project into) {
        Path normalized = other.toAbsolutePath().normalize();
        if (into != null && normalized.equals(into.file())) {
            throw new InvalidInputException(other.getFileName() + ": is the project that is open; choose another "
                    + "project to merge");
        }
        try (Project project = Project.open(normalized)) {
            return ProjectSnapshot.of(project);
        }
    }

    /** Reads any of the three by its extension: .qdpx, .qdc, or .divergence. */
    public static RefiProject read(Path file, Project into) {
        return switch (format(file)) {
            case "qdpx" -> readQdpx(file);
            case "qdc" -> readQdc(file);
            case "divergence" -> readProject(file, into);
            default -> throw new InvalidInputException(file.getFileName() + ": not a REFI-QDA project (.qdpx), "
                    + "codebook (.qdc) or project (.divergence)");
        };
    }

    public static String format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The merge of what was read into the project, as a command for the undo history (or {@code run()}). */
    public static ProjectCommand<MergeReport> merge(Project project, RefiProject incoming, Path file) {
        return RefiMerger.command(project, incoming, file.getFileName().toString(), format(file));
    }

    /** Reads and merges in one go (the command line). */
    public static MergeReport importFile(Project project, Path file) {
        return merge(project, read(file, project), file).run();
    }

    public static RefiProject exportQdpx(Project project, Path out) {
        RefiProject snapshot = ProjectSnapshot.of(project);
        QdpxWriter.writeProject(snapshot, out);
        return snapshot;
    }

    public static RefiProject exportQdc(Project project, Path out) {
        RefiProject snapshot = ProjectSnapshot.of(project);
        QdpxWriter.writeCodebook(snapshot, out);
        return snapshot;
    }
}
