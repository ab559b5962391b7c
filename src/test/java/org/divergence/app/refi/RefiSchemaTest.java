package org.divergence.app.refi;

import java.nio.file.Files;
import java.nio.file.Path;
import org.divergence.app.refi.ExportProject;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports are valid against the REFI-QDA schemas (vendored in src/test/resources/refi-qda with their MIT licence, so
 * this runs everywhere): a project with memos on everything, typed attributes and emoji; its codebook alone; an empty
 * project; and the re-export of both real example projects (skipped, loudly, where the shared folder is absent).
 */
class RefiSchemaTest {

    @TempDir
    Path folder;

    @Test
    void projectAndCodebookExportsAreValid() throws Exception {
        try (Project project = Project.create(folder.resolve("p.divergence"))) {
            RefiRoundTripTest.richProject(project);
            Path qdpx = folder.resolve("p.qdpx");
            ExportProject.exportQdpx(project, qdpx);
            RefiFiles.validate(RefiFiles.entry(qdpx, "project.qde"), "Project.xsd");
            Path qdc = folder.resolve("p.qdc");
            ExportProject.exportQdc(project, qdc);
            RefiFiles.validate(Files.readAllBytes(qdc), "Codebook.xsd");
        }
    }

    @Test
    void reExportsOfTheRealExamplesAreValid() throws Exception {
        Path examples = RefiFiles.sharedExamples();
        for (String example : new String[] {"nvivo-mac-15-export.qdpx", "qc-1.3.2-export.qdpx"}) {
            try (Project project = Project.create(folder.resolve(example + ".divergence"))) {
                MergeProject.importFile(project, examples.resolve(example));
                Path out = folder.resolve("re-" + example);
                ExportProject.exportQdpx(project, out);
                RefiFiles.validate(RefiFiles.entry(out, "project.qde"), "Project.xsd");
            }
        }
    }

    @Test
    void anEmptyProjectExportsAValidDocument() throws Exception {
        try (Project project = Project.create(folder.resolve("empty.divergence"))) {
            Path qdpx = folder.resolve("empty.qdpx");
            ExportProject.exportQdpx(project, qdpx);
            RefiFiles.validate(RefiFiles.entry(qdpx, "project.qde"), "Project.xsd");
        }
    }
}
