package org.divergence.app.refi;

import java.nio.file.Path;
import org.divergence.core.refi.RefiProject;
import org.divergence.exchange.refi.QdpxWriter;
import org.divergence.store.project.Project;
import org.divergence.store.refi.ProjectSnapshot;

/** Exports a project as a REFI-QDA project (.qdpx) or its codebook (.qdc), from one consistent snapshot. */
public final class ExportProject {

    private ExportProject() {
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
