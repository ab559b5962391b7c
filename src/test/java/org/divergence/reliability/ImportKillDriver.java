package org.divergence.reliability;

import java.nio.file.Path;
import java.util.List;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.core.common.Progress;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.store.project.Project;

/** Imports a CSV as the command line does, in a child JVM that stops at a {@link KillPoint} to be killed. */
public final class ImportKillDriver {

    private ImportKillDriver() {
    }

    /** PROJECT CSV POINT… */
    public static void main(String[] args) {
        KillPoint point = KillPoint.parse(args, 2);
        try (Project project = Project.openOrCreate(Path.of(args[0]))) {
            point.install(project);
            new ImportRepositories(project).asSoleUser().importFiles(List.of(Path.of(args[1])),
                    ImportOptions.defaults(), Progress.NONE);
            point.done();
        }
    }
}
