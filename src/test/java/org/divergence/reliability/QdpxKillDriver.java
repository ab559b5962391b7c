package org.divergence.reliability;

import java.nio.file.Path;
import org.divergence.app.refi.MergeProject;
import org.divergence.store.project.Project;

/** Imports a .qdpx as qdpx-import does, in a child JVM that stops at a {@link KillPoint} to be killed. */
public final class QdpxKillDriver {

    private QdpxKillDriver() {
    }

    /** PROJECT QDPX POINT… */
    public static void main(String[] args) {
        KillPoint point = KillPoint.parse(args, 2);
        Path archive = Path.of(args[1]);
        var incoming = MergeProject.read(archive, null);
        try (Project project = Project.openOrCreate(Path.of(args[0]))) {
            point.install(project);
            MergeProject.merge(project, incoming, archive).run();
            point.done();
        }
    }
}
