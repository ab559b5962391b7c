package org.divergence.app.refi;

import java.nio.file.Path;
import java.util.Locale;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.refi.MergeReport;
import org.divergence.core.refi.RefiProject;
import org.divergence.exchange.refi.QdcReader;
import org.divergence.exchange.refi.QdpxReader;
import org.divergence.store.project.Project;
import org.divergence.store.refi.ProjectSnapshot;
import org.divergence.store.refi.RefiMerger;
import org.divergence.store.undo.ProjectCommand;

/**
 * Merges another coder's work into a project: a REFI-QDA project (.qdpx), a codebook (.qdc) or another project
 * (.divergence) is read into a {@link RefiProject} and merged as one undoable command in one transaction.
 */
public final class MergeProject {

    private MergeProject() {
    }

    public static RefiProject readQdpx(Path file) {
        return QdpxReader.read(file);
    }

    public static RefiProject readQdc(Path file) {
        return QdcReader.read(file);
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
}
