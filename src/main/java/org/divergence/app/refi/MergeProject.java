package org.divergence.app.refi;

import java.nio.file.Path;
import java.util.Locale;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.LimitExceededException;
import org.divergence.core.refi.MergeReport;
import org.divergence.core.refi.RefiProject;
import org.divergence.core.text.TextLimits;
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

    /** As many items as a .qdpx's project document may have elements. */
    static final long MAX_PROJECT_ITEMS = 500_000;
    /** As much text as a .qdpx may unpack in all (see {@code SafeZip.Limits.PROJECT_ARCHIVE}). */
    static final long MAX_PROJECT_TEXT_BYTES = 96L << 20;

    private MergeProject() {
    }

    public static RefiProject readQdpx(Path file) {
        return QdpxReader.read(file);
    }

    public static RefiProject readQdc(Path file) {
        return QdcReader.read(file);
    }

    /**
     * Another project's coding (its own file, opened for reading while this runs). Its qualitative side is held in
     * memory at once, as a .qdpx's is, so it is held to the same budget (checked before anything is read); its
     * repository table is never read.
     */
    public static RefiProject readProject(Path other, Project into) {
        Path normalized = other.toAbsolutePath().normalize();
        if (into != null && normalized.equals(into.file())) {
            throw new InvalidInputException(other.getFileName() + ": is the project that is open; choose another "
                    + "project to merge");
        }
        try (Project project = Project.open(normalized)) {
            ProjectSnapshot.Size size = ProjectSnapshot.size(project);
            if (size.items() > MAX_PROJECT_ITEMS) {
                throw new LimitExceededException(other.getFileName() + ": refused, it holds more than "
                        + String.format(Locale.ROOT, "%,d", MAX_PROJECT_ITEMS) + " codes, codings, transcripts, "
                        + "cases and memos (the limit for a merge); nothing was merged");
            }
            if (size.longestTranscript() > TextLimits.MAX_TRANSCRIPT_CHARS) {
                throw new LimitExceededException(other.getFileName() + ": refused, a transcript in it is longer than "
                        + TextLimits.characters(TextLimits.MAX_TRANSCRIPT_CHARS) + " (the limit for one transcript); "
                        + "nothing was merged");
            }
            if (size.textBytes() > MAX_PROJECT_TEXT_BYTES) {
                throw new LimitExceededException(other.getFileName() + ": refused, its transcripts, memos and code "
                        + "definitions hold more than " + (MAX_PROJECT_TEXT_BYTES >> 20) + " MB of text (the limit "
                        + "for a merge); nothing was merged");
            }
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
